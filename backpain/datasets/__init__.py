"""Bundled example data, read with :func:`load_example`.

The files are simulated (see ``data/make_examples.py`` and
:func:`backpain.simulate_cohort`); none holds a real person's data. The index
(``index.csv`` beside this file) lists each example's name, file, description
and source.
"""

from __future__ import annotations

from importlib import resources

import pandas as pd

__all__ = ["list_examples", "load_example"]


def list_examples() -> pd.DataFrame:
    """Return the index of bundled examples: ``name, file, kind, description, source``.

    Examples
    --------
    >>> list_examples()["name"].tolist()[:3]
    ['patient', 'patient_nl', 'cohort']
    """
    with resources.files(__name__).joinpath("index.csv").open("rb") as fh:
        return pd.read_csv(fh, dtype=str)


def example_path(name: str):
    """Return a path-like object (``importlib.resources``) to the example's file."""
    index = list_examples()
    row = index[index["name"] == name]
    if row.empty:
        msg = f"no example named {name!r}; choose one of {index['name'].tolist()}"
        raise ValueError(msg)
    return resources.files(__name__).joinpath(row["file"].iloc[0]), row["kind"].iloc[0]


def load_example(name: str, *, return_report: bool = False):
    """Load a bundled example data set.

    Parameters
    ----------
    name : str
        One of the names in :func:`list_examples` (``"patient"``,
        ``"patient_nl"``, ``"cohort"``, ...).
    return_report : bool, default False
        Also return the reader's :class:`~backpain.LoadReport` (in Dutch for a
        Dutch example such as ``"patient_nl"``).

    Returns
    -------
    pandas.DataFrame
        Diaries come back as the canonical diary (read by
        :func:`backpain.read_diary`, so exactly what a user's own file gives);
        surveys as :func:`backpain.read_survey` returns them (a
        :class:`~backpain.Survey`: the answers in ``table``, the
        codebook in ``labels``).

    Raises
    ------
    ValueError
        For an unknown name; the message lists the valid names.

    Examples
    --------
    >>> diary = load_example("patient")
    >>> diary["subject"].unique().tolist(), len(diary) > 300
    (['patient'], True)
    """
    path, kind = example_path(name)
    with resources.as_file(path) as real:
        if kind == "esm":
            from ..read.esm import read_esm

            momentary, report = read_esm(real, return_report=True)
            return (momentary, report) if return_report else momentary
        if kind == "survey":
            from ..read.survey import read_survey

            return read_survey(real, return_report=return_report)
        from ..read import read_diary

        subject = "patient" if name.startswith("patient") else None
        out = read_diary(real, subject=subject, return_report=return_report)
    if return_report and name.endswith("_nl"):
        out[1].lang = "nl"  # a Dutch example shows its load report in Dutch
    return out
