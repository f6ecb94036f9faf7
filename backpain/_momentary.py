"""The momentary table's lags and correlation sums, shared by both engines.

:func:`backpain.esm.momentary_corr` computes the per-person pair sums here
(with :mod:`backpain._cohort_sums`, the one implementation of them) on the
whole table; :func:`backpain.dask.momentary_corr` computes the same sums on
each partition (each person's prompts in one), combines them with
:meth:`backpain._cohort_sums.CorrSums.combine` and finishes with the same
:func:`corr_table`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from . import _cohort_sums as sums_of
from ._cluster import refuse_dask
from ._correlation import between_r

__all__ = [
    "check_corr",
    "check_momentary",
    "corr_sums",
    "corr_table",
    "is_momentary",
    "previous",
]


def is_momentary(data: pd.DataFrame) -> bool:
    """Whether ``data`` is a momentary table (prompts, no ``date``) rather than a daily diary."""
    columns = getattr(data, "columns", ())
    return "date" not in columns and all(c in columns for c in ("prompt", "day", "day_prompt"))


def check_momentary(momentary: pd.DataFrame, columns: Sequence[str], func: str) -> None:
    """Refuse what is not a momentary table from ``read_esm``, naming the missing columns."""
    refuse_dask(momentary, f"esm.{func}")  # a Dask frame: says what to use instead
    if not isinstance(momentary, pd.DataFrame):
        msg = f"{func}: momentary must be a pandas DataFrame (from read_esm), not {type(momentary).__name__}"
        raise TypeError(msg)
    missing = [
        c
        for c in ("subject", "prompt", "day", "day_prompt", "answered", *columns)
        if c not in momentary.columns
    ]
    if missing:
        msg = (
            f"{func}: the momentary table has no column(s) {missing}; read the study with "
            f"backpain.read.esm.read_esm (columns found: {list(momentary.columns)[:12]})"
        )
        raise ValueError(msg)


def previous(momentary: pd.DataFrame, lag: int, overnight: bool) -> np.ndarray:
    """Row of the prompt ``lag`` prompts earlier (same person; same day unless overnight), or -1."""
    subject = pd.factorize(momentary["subject"])[0]
    prompt = momentary["prompt"].to_numpy()
    day = pd.factorize(momentary["day"])[0]
    order = np.lexsort((prompt, subject))
    s, p, d = subject[order], prompt[order], day[order]
    out = np.full(len(order), -1, dtype=np.int64)
    if lag < len(order):
        same = (s[lag:] == s[:-lag]) & (p[lag:] - p[:-lag] == lag)
        if not overnight:
            same &= d[lag:] == d[:-lag]
        out[order[lag:][same]] = order[:-lag][same]
    return out


def check_corr(momentary: pd.DataFrame, *, x: str, y: str, lag: int) -> None:
    """The checks of :func:`momentary_corr` (on the Dask path, on the frame's empty meta)."""
    check_momentary(momentary, [x, y], "momentary_corr")
    if isinstance(lag, bool) or not isinstance(lag, int | np.integer) or lag < 0:
        msg = f"momentary_corr: lag must be a whole number of prompts >= 0, not {lag!r}"
        raise ValueError(msg)


def corr_sums(
    momentary: pd.DataFrame, *, x: str, y: str, lag: int, overnight: bool
) -> sums_of.CorrSums:
    """The per-person pair sums of ``x`` (``lag`` prompts earlier) with ``y``.

    The one implementation of the cohort sums (:mod:`backpain._cohort_sums`):
    called on the whole table by :func:`backpain.esm.momentary_corr` and by :func:`backpain.dask.momentary_corr`
    on each partition (each person's prompts in one), whose sums combine exactly.
    """
    xv = pd.to_numeric(momentary[x], errors="coerce").to_numpy(dtype="float64")
    yv = pd.to_numeric(momentary[y], errors="coerce").to_numpy(dtype="float64")
    subjects = np.asarray(momentary["subject"].dropna().unique(), dtype=object)
    out = sums_of.CorrSums(subjects, {x: int(np.isfinite(xv).sum())})
    if len(momentary) == 0:
        return out
    groups = sums_of.Groups(momentary, "subject")
    outcome = sums_of.Outcome(sums_of.Centred(yv, groups), groups)
    pos = previous(momentary, int(lag), overnight) if lag else None
    out.pairs[x, lag] = outcome.pairs(sums_of.Centred(xv, groups), pos)
    return out


def corr_table(sums: sums_of.CorrSums, *, x: str, y: str, lag: int) -> pd.DataFrame:
    """The result of :func:`momentary_corr` from the pair sums."""
    pairs = sums_of.pairs_of(sums, x, lag)
    between = between_r(*pairs.means(), "pearson")
    rows = [
        {"level": "within", "predictor": x, "outcome": y, "lag": lag, **pairs.within()},
        {
            "level": "between",
            "predictor": x,
            "outcome": y,
            "lag": lag,
            "r": between["r"],
            "dof": between["n"] - 2,
            "p_val": between["p_val"],
            "ci95_low": between["ci95_low"],
            "ci95_high": between["ci95_high"],
            "n_obs": between["n"],
            "n_subjects": between["n"],
        },
    ]
    return pd.DataFrame(rows)
