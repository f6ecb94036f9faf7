"""Checks and index arithmetic shared by the diary analyses (stats and multilevel).

The checks raise the analyses' errors (a missing column, a column that does
not hold numbers, lags that are not whole days); the arrays factorise the
subject column and look up, for every row, the row of the same subject a
number of calendar days earlier.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ._check import check_columns, check_type
from ._cluster import refuse_dask
from .validate import check_diary

__all__ = [
    "Calendar",
    "check_dated",
    "check_lags",
    "numeric_values",
    "require_columns",
    "shift",
    "subject_codes",
]


def require_columns(data: object, columns: Iterable[str], *, func: str) -> None:
    """Raise unless ``data`` is a DataFrame holding every column in ``columns``.

    A Dask DataFrame is refused with the way out (:func:`backpain._cluster.refuse_dask`).
    """
    refuse_dask(data, func)
    check_type("data", data, pd.DataFrame, func=func, what="a pandas DataFrame")
    hint = "pass the right names with x=, y= or subject="
    check_columns(data, dict.fromkeys(columns), func=func, hint=hint)


def numeric_values(data: pd.DataFrame, column: str, *, func: str) -> np.ndarray:
    """Return ``data[column]`` as float64 with NaN for missing values."""
    values = data[column]
    if pd.api.types.is_bool_dtype(values):
        values = values.astype("float64")
    if not pd.api.types.is_numeric_dtype(values):
        msg = (
            f"{func}: column {column!r} holds {values.dtype} values, not numbers; "
            "convert it with pandas.to_numeric() or read the file with backpain.read_diary()"
        )
        raise ValueError(msg)
    return values.to_numpy(dtype="float64", na_value=np.nan)


def check_dated(data: pd.DataFrame, columns: Sequence[str], *, subject: str, func: str) -> None:
    """Check a diary with dates (one row per subject and day) with :func:`check_diary`."""
    require_columns(data, [subject, "date", *columns], func=func)
    need = tuple(c for c in columns if c not in (subject, "date"))
    if subject == "subject":
        check_diary(data, need=need)  # no column selection: that would copy the data
        return
    view = data[[subject, "date", *dict.fromkeys(c for c in columns if c != subject)]]
    check_diary(view.rename(columns={subject: "subject"}), need=need)


def subject_codes(data: pd.DataFrame, subject: str) -> tuple[np.ndarray, int]:
    """Factorise the subject column once: int64 codes (-1 = missing) and their count."""
    codes, uniques = pd.factorize(data[subject], sort=False)
    return codes.astype(np.int64, copy=False), len(uniques)


class Calendar:
    """Find, for every row, the row of the same subject ``lag`` calendar days earlier.

    Equivalent to merging the diary with itself on ``(subject, date + lag days)``,
    but done once with one sort and a binary search per lag (for a diary in
    subject and date order, a look back over at most ``lag`` rows).
    """

    _LOOK_BACK = 8  # lags up to this look back row by row in a sorted diary

    def __init__(self, codes: np.ndarray, dates: pd.Series, max_lag: int) -> None:
        day = dates.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
        ok = (codes >= 0) & ~np.isnat(day)
        days = day.astype(np.int64)
        lo = int(days[ok].min()) if ok.any() else 0
        hi = int(days[ok].max()) if ok.any() else 0
        span = hi - lo + 1 + max_lag
        key = np.where(ok, codes * span + (days - lo + max_lag), -1)
        self.ok = ok
        self.all_ok = bool(ok.all())
        self.key = key
        self.increasing = bool(self.all_ok and (len(key) < 2 or (key[1:] > key[:-1]).all()))
        if self.increasing:
            self.order = np.arange(len(key))
            self.sorted = key
        else:
            self.order = np.argsort(key, kind="stable")
            self.sorted = key[self.order]

    def positions(self, lag: int) -> np.ndarray:
        """Row index of (same subject, day - lag), or -1 where that day is not in the diary."""
        if lag == 0:
            return np.where(self.ok, np.arange(len(self.key)), -1)
        if self.increasing and lag <= self._LOOK_BACK:
            # keys are distinct integers in order, so day - lag lies 1..lag rows back
            key = self.key
            out = np.full(len(key), -1, dtype=np.int64)
            target = key - lag
            for back in range(1, min(lag, len(key) - 1) + 1):
                hit = np.flatnonzero(key[:-back] == target[back:])
                out[hit + back] = hit
            return out
        target = self.key - lag
        where = np.searchsorted(self.sorted, target)
        where = np.minimum(where, len(self.sorted) - 1)
        found = self.ok & (self.sorted[where] == target) if len(self.sorted) else self.ok
        return np.where(found, self.order[where], -1)


def shift(values: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """``values`` taken at ``pos`` (NaN where ``pos`` is -1)."""
    out = values[np.maximum(pos, 0)]
    return np.where(pos >= 0, out, np.nan)


def check_lags(lags: object, *, func: str) -> tuple[int, ...]:
    """Return ``lags`` (one whole number of days >= 0, or several) as a tuple of ints."""
    values = (lags,) if isinstance(lags, (int, np.integer)) else tuple(lags)  # type: ignore[arg-type]
    bad = [
        v for v in values if not isinstance(v, (int, np.integer)) or isinstance(v, bool) or v < 0
    ]
    if bad or not values:
        msg = (
            f"{func}: lags must be whole numbers of days >= 0 (x on day t - lag, y on "
            f"day t), not {lags!r}; e.g. lags=(0, 1, 2)"
        )
        raise ValueError(msg)
    return tuple(int(v) for v in values)
