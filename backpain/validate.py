"""The analyses' input contract: is this a canonical diary? And how complete is it?

:func:`check_diary` is what every analysis calls first; :func:`data_quality`
summarises each subject's diary. Reading and validating raw files is the
readers' job (:mod:`backpain.read`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._cluster import refuse_dask
from .schema import COLUMNS, KEYS, VARIABLES, Variable

__all__ = ["check_diary", "data_quality"]


def check_diary(data: pd.DataFrame, *, need: tuple[str, ...] = ("pain",)) -> None:
    """Raise a clear ``ValueError`` unless ``data`` is a canonical diary.

    Checks the key columns, the columns in ``need``, a datetime ``date``, a
    subject and a date on every row, one row per subject and day, and that the
    columns in ``need`` hold numbers in their documented ranges. Analysis functions call
    this first; pass a raw table through :func:`backpain.read_diary` to get one.
    """
    if not isinstance(data, pd.DataFrame):
        msg = f"data must be a pandas DataFrame (a diary), not {type(data).__name__}"
        raise TypeError(msg)
    missing = [c for c in (*KEYS, *need) if c not in data.columns]
    if missing:
        msg = (
            f"data has no column(s) {missing}; a diary needs {list(KEYS)} and "
            f"{list(need)}. Read raw files with backpain.read_diary() first."
        )
        raise ValueError(msg)
    if not pd.api.types.is_datetime64_any_dtype(data["date"]):
        msg = (
            f"column 'date' holds {data['date'].dtype}, not dates; read the file "
            "with backpain.read_diary() or convert with pandas.to_datetime()"
        )
        raise ValueError(msg)
    if not _keys_increase(data):  # cheap proof for a sorted diary; else hash the keys
        _raise_on_empty_keys(data)
        _raise_on_repeated_days(data)
    for name in need:
        var = VARIABLES.get(name)
        if var is None or var.kind != "number" or name not in data.columns:
            continue
        column = data[name]
        if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            arr = column.to_numpy(dtype="float64", na_value=np.nan)
            bad = np.zeros(len(arr), dtype=bool)
        else:
            arr = pd.to_numeric(column, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
            bad = np.isnan(arr) & column.notna().to_numpy()  # text that is not a number
        with np.errstate(invalid="ignore"):
            if var.low is not None:
                bad |= arr < var.low
            if var.high is not None:
                bad |= arr > var.high
        if bad.any():
            pos = int(bad.argmax())
            shown = repr(column.iloc[pos]) if np.isnan(arr[pos]) else f"{arr[pos]:g}"
            must = "a number " if np.isnan(arr[pos]) else ""
            msg = (
                f"column {name!r} holds {shown} in row {data.index[pos]}; "
                f"{name} must be {must}{_range_text(var)}"
            )
            raise ValueError(msg)


def _range_text(var: Variable) -> str:
    """``between 0 and 10 (NRS 0-10)``, or ``at least 0 (steps)`` for an open range."""
    if var.high is None:
        return f"at least {var.low:g} ({var.unit})"
    return f"between {var.low:g} and {var.high:g} ({var.unit})"


def _keys_increase(data: pd.DataFrame) -> bool:
    """True when (subject, date) strictly increase row by row: then no day repeats.

    Subject codes are numbered in order of first appearance, so a diary sorted
    by subject and date has increasing codes; O(N), no hashing of the keys.
    Missing subjects or dates answer False (the full check then decides).
    """
    stamps = getattr(data["date"].array, "asi8", None)
    if stamps is None:
        return False
    if len(stamps) < 2:
        return True
    codes, _ = pd.factorize(data["subject"], sort=False)
    if (codes < 0).any() or (stamps == np.iinfo(np.int64).min).any():
        return False
    later_subject = codes[1:] > codes[:-1]
    later_day = (codes[1:] == codes[:-1]) & (stamps[1:] > stamps[:-1])
    return bool((later_subject | later_day).all())


def _raise_on_empty_keys(data: pd.DataFrame) -> None:
    for key in KEYS:
        empty = data[key].isna().to_numpy()
        if empty.any():
            row = data.index[int(empty.argmax())]
            msg = f"column {key!r} is empty in row {row!r}; every diary row needs a {key}"
            raise ValueError(msg)


def _raise_on_repeated_days(data: pd.DataFrame) -> None:
    dup = data.duplicated(list(KEYS))
    if dup.any():
        first = data.loc[dup, list(KEYS)].iloc[0]
        msg = (
            f"data has {int(dup.sum())} repeated subject/day rows (first: subject "
            f"{first['subject']!r} on {first['date']:%Y-%m-%d}); a diary has one row "
            "per subject and day: read it with backpain.read_diary(), which combines them"
        )
        raise ValueError(msg)


def data_quality(data: pd.DataFrame) -> pd.DataFrame:
    """Summarise each subject's diary: period, completeness and pain.

    Parameters
    ----------
    data : pandas.DataFrame
        A canonical diary.
        For a Dask DataFrame use the function of the same name in
        :mod:`backpain.dask` (the same result, computed by partition).

    Returns
    -------
    pandas.DataFrame
        One row per subject: ``subject``, ``first_day``, ``last_day``,
        ``span_days`` (calendar days from first to last, inclusive),
        ``days_recorded``, ``completeness`` (days_recorded / span_days),
        ``longest_gap_days`` (longest run of unrecorded days), ``pain_days``
        (days with a pain value), ``pain_mean``, ``pain_sd``, ``pain_min``,
        ``pain_max``, and ``<variable>_days`` for each other numeric variable
        present (days with a value).

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> q = data_quality(simulate_cohort(2, 30, seed=3))
    >>> q[["subject", "span_days", "days_recorded"]].shape
    (2, 3)
    """
    refuse_dask(data, "data_quality")
    check_diary(data)
    d = data.sort_values(list(KEYS))
    g = d.groupby("subject", sort=True, observed=True)
    first, last = g["date"].min(), g["date"].max()
    span = (last - first).dt.days + 1
    step = d.groupby("subject", observed=True)["date"].diff().dt.days - 1
    out = pd.DataFrame(
        {
            "first_day": first,
            "last_day": last,
            "span_days": span,
            "days_recorded": g.size(),
        }
    )
    out["completeness"] = out["days_recorded"] / out["span_days"]
    out["longest_gap_days"] = step.groupby(d["subject"]).max().fillna(0).astype("int64")
    pain = g["pain"]
    out["pain_days"] = pain.count()
    out["pain_mean"] = pain.mean()
    out["pain_sd"] = pain.std()
    out["pain_min"] = pain.min()
    out["pain_max"] = pain.max()
    for name in COLUMNS:
        if name in d.columns and name != "pain" and VARIABLES[name].kind == "number":
            out[f"{name}_days"] = g[name].count()
    return out.reset_index()
