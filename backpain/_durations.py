"""Read free-text survey answers about pain duration, in English and Dutch.

:func:`parse_duration` reads durations ("3 months", "6 tot 12 weken",
"> 5 years") as whole days; :func:`nih_chronic_from_survey` applies the NIH
Task Force's two survey questions. Both are re-exported by
:mod:`backpain.classify`, whose :func:`~backpain.classify.duration_class`
classes the days they read by the same rules as a diary (and which is where
users import them from: ``backpain.parse_duration``).

A month is 30.44 days and a year 365.25 days; durations are rounded to whole
days, halves up (see :func:`parse_duration`).
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import numpy as np
import pandas as pd

from ._check import check_choice
from .errors import SurveyError

__all__ = [
    "MONTH_DAYS",
    "YEAR_DAYS",
    "as_series",
    "nih_chronic_from_survey",
    "parse_duration",
]

MONTH_DAYS = 30.44
YEAR_DAYS = 365.25
_UNIT_DAYS = {"days": 1.0, "weeks": 7.0, "months": MONTH_DAYS, "years": YEAR_DAYS}
_UNIT_WORDS = {
    "days": ("days", "day", "dagen", "dag", "dg", "d"),
    "weeks": ("weeks", "week", "weken", "wkn", "wks", "wk", "w"),
    "months": ("months", "month", "maanden", "maand", "mnd", "mos", "mon", "mo", "m"),
    "years": ("years", "year", "jaren", "jaar", "yrs", "yr", "jr", "y", "j"),
}
_UNIT_OF = {w: u for u, words in _UNIT_WORDS.items() for w in words}
_U = "(?:" + "|".join(sorted(_UNIT_OF, key=len, reverse=True)) + r")\.?"
_N = r"\d+(?:\.\d+)?"
_PATTERNS = {
    # a single duration, "3 months", "ongeveer 2 jaar", "10 dagen geleden"
    "point": re.compile(
        rf"^(?:about|approx(?:imately)?\.?|around|roughly|ongeveer|circa|ca\.?|~)?\s*"
        rf"(?P<a>{_N})\s*(?P<ua>{_U})?(?:\s*(?:ago|geleden))?$"
    ),
    "lt": re.compile(
        rf"^(?:<|less than|under|shorter than|fewer than|minder dan|korter dan)\s*"
        rf"(?P<a>{_N})\s*(?P<ua>{_U})$"
    ),
    "le": re.compile(
        rf"^(?:<=|up to|at most|maximum|hoogstens|maximaal|tot)\s*(?P<a>{_N})\s*(?P<ua>{_U})$"
    ),
    "gt": re.compile(
        rf"^(?:>|more than|over|longer than|meer dan|langer dan)\s*(?P<a>{_N})\s*(?P<ua>{_U})$"
    ),
    "ge": re.compile(
        rf"^(?:(?:>=|at least|minimum|minstens|ten minste|tenminste|minimaal)\s*"
        rf"(?P<a>{_N})\s*(?P<ua>{_U})"
        rf"|(?P<b>{_N})\s*(?:\+\s*(?P<ub>{_U})|(?P<uc>{_U})\s*(?:\+|or more|or longer|of meer|of langer)))$"
    ),
    "range": re.compile(
        rf"^(?:between|tussen)?\s*(?P<a>{_N})\s*(?P<ua>{_U})?\s*(?:-|to|tot|and|en)\s*"
        rf"(?P<b>{_N})\s*(?P<ub>{_U})$"
    ),
}
_FREQ_YES = re.compile(r"every day|half|helft|elke dag|iedere dag|dagelijks")
_FREQ_NO = re.compile(r"less than half|fewer than half|minder dan (?:de )?helft")


# ------------------------------------------------------------------ helpers
def _round_days(x: np.ndarray) -> np.ndarray:
    """Round to whole days, halves up (2 years = 730.5 days -> 731)."""
    return np.floor(np.asarray(x, dtype="float64") + 0.5)


def as_series(values: Any) -> tuple[pd.Series, bool]:
    """``values`` as a Series, and whether it was one scalar (a scalar in gives a scalar out)."""
    if isinstance(values, pd.Series):
        return values, False
    if isinstance(values, (str, bytes)) or np.ndim(values) == 0:
        return pd.Series([values], dtype=object), True
    return pd.Series(list(values), dtype=object), False


def _normalise_text(values: pd.Series) -> pd.Series:
    text = values.astype("string").str.lower().str.strip()
    text = text.str.replace("\u2265", ">=", regex=False).str.replace("\u2264", "<=", regex=False)
    text = text.str.replace(r"[\u2013\u2014]", "-", regex=True)
    text = text.str.replace(r"(?<=\d),(?=\d)", ".", regex=True)
    text = text.str.replace(r"\s+", " ", regex=True).str.rstrip(".")
    return text


def _unit_days(units: pd.Series, default: float) -> np.ndarray:
    words = units.astype("string").str.rstrip(".")
    days = words.map(lambda w: _UNIT_DAYS[_UNIT_OF[w]], na_action="ignore")
    return days.astype("float64").fillna(default).to_numpy()


def _check_unit(unit: str) -> float:
    check_choice("unit", unit, sorted(_UNIT_DAYS))
    return _UNIT_DAYS[unit]


# ----------------------------------------------------------- survey helpers
def parse_duration(
    values: Any,
    *,
    unit: str = "days",
    bounds: bool = False,
    errors: str = "raise",
) -> pd.Series | pd.DataFrame | float:
    """Read pain durations ("3 months", "6 tot 12 weken", "> 5 years") as days.

    Parameters
    ----------
    values : scalar, list-like or pandas.Series
        Numbers (in ``unit``), :class:`pandas.Timedelta`, or text in English or
        Dutch: a single duration (``"3 months"``, ``"1.5 years"``,
        ``"1,5 jaar"``, ``"10 dagen"``, ``"about 6 weeks"``) or a category
        (``"< 6 weeks"``, ``"6-12 weeks"``, ``"> 3 months"``,
        ``"minder dan 6 weken"``, ``"6 tot 12 weken"``,
        ``"meer dan 3 maanden"``, ``"at least 3 months"``, ``"5+ years"``, and
        the NIH Task Force options ``"< 1 month"``, ``"1-3 months"``,
        ``"3-6 months"``, ``"6 months-1 year"``, ``"1-5 years"``,
        ``"> 5 years"``). Missing values stay missing.
    unit : {"days", "weeks", "months", "years"}
        Unit of bare numbers (``12`` with ``unit="weeks"`` is 84 days).
    bounds : bool
        Return the range of each answer as well (needed for categories).
    errors : {"raise", "coerce"}
        What to do with an answer that is not a duration: raise a
        :class:`~backpain.SurveyError` naming it, or return NaN.

    Returns
    -------
    days : pandas.Series or float
        With ``bounds=False``: float days of a single duration; NaN for a
        category (use ``bounds=True`` or :func:`duration_class`) and for
        missing answers. A scalar in gives a scalar out.
    bounds : pandas.DataFrame
        With ``bounds=True``, one row per answer: ``days`` (as above),
        ``low_days`` and ``high_days`` (the whole days the answer allows,
        both ends included; ``inf`` when open-ended; both equal ``days`` for
        a single duration).

    Notes
    -----
    A week is 7 days, a month 30.44 days (365.25 / 12) and a year 365.25
    days; results are rounded to whole days, halves up, because durations
    from a diary (``as_of - onset``) are whole days and both must meet the
    same boundaries: "3 months" is 91 days, our diary reading of the NIH
    Task Force's "at least 3 months" (Deyo et al. 2014). A range ``a-b`` ("6-12 weeks", "1-3 months") is read
    half-open, from ``a`` up to but not including ``b``, so that adjacent
    categories do not overlap (NIH "1-3 months" is 30-90 days, "3-6 months"
    91-182 days); ``"< a"`` is 0 to ``a - 1`` days, ``"> a"`` starts the day
    after ``a``, ``"at least a"`` / ``"a+"`` includes ``a``.

    References
    ----------
    Deyo RA et al. (2014). Report of the NIH Task Force on research standards
    for chronic low back pain. Spine 39(14):1128-1143 (the duration question).

    Examples
    --------
    >>> parse_duration(["3 months", "6 weken", "2 jaar", "10 dagen"]).tolist()
    [91.0, 42.0, 731.0, 10.0]
    >>> parse_duration(12, unit="weeks")
    84.0
    >>> parse_duration(["6 tot 12 weken", "> 3 months"], bounds=True)
       days  low_days  high_days
    0   NaN      42.0       83.0
    1   NaN      92.0        inf
    """
    check_choice("errors", errors, ("raise", "coerce"))
    per_unit = _check_unit(unit)
    series, scalar = as_series(values)
    n = len(series)
    point = np.full(n, np.nan)
    low = np.full(n, np.nan)
    high = np.full(n, np.nan)
    missing = series.isna().to_numpy()
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        point = _round_days(series.to_numpy(dtype="float64") * per_unit)
        low, high = point.copy(), point.copy()
    else:
        obj = series.astype(object)
        is_td = obj.map(lambda v: isinstance(v, (pd.Timedelta, timedelta, np.timedelta64)))
        is_num = obj.map(
            lambda v: (
                isinstance(v, (int, float, np.integer, np.floating))
                and not isinstance(v, (bool, np.bool_))
            )
        )
        is_num &= ~missing
        if is_td.any():
            td = pd.to_timedelta(obj[is_td]).dt.total_seconds().to_numpy() / 86400.0
            point[is_td.to_numpy()] = _round_days(td)
        if is_num.any():
            num = obj[is_num].astype("float64").to_numpy()
            point[is_num.to_numpy()] = _round_days(num * per_unit)
        low, high = point.copy(), point.copy()
        is_text = ~(is_td | is_num).to_numpy() & ~missing
        if is_text.any():
            text = _normalise_text(obj[is_text])
            p = np.full(len(text), np.nan)
            lo = np.full(len(text), np.nan)
            hi = np.full(len(text), np.nan)
            for kind, pattern in _PATTERNS.items():
                found = text.str.extract(pattern)
                hit = found["a"].notna().to_numpy() & np.isnan(lo)
                if kind == "ge":
                    hit |= found["b"].notna().to_numpy() & np.isnan(lo)
                if not hit.any():
                    continue
                found = found[hit]
                if kind == "ge":
                    a = found["a"].fillna(found["b"]).astype("float64").to_numpy()
                    ua = found["ua"].fillna(found["ub"]).fillna(found["uc"])
                else:
                    a = found["a"].astype("float64").to_numpy()
                    ua = found["ua"]
                if kind == "range":
                    ub = _unit_days(found["ub"], np.nan)
                    ua_days = _unit_days(ua, np.nan)
                    ua_days = np.where(np.isnan(ua_days), ub, ua_days)
                    b = found["b"].astype("float64").to_numpy()
                    lo[hit], hi[hit] = _round_days(a * ua_days), _round_days(b * ub) - 1
                    continue
                days = _round_days(a * _unit_days(ua, per_unit))
                if kind == "point":
                    p[hit], lo[hit], hi[hit] = days, days, days
                elif kind == "lt":
                    lo[hit], hi[hit] = 0.0, days - 1
                elif kind == "le":
                    lo[hit], hi[hit] = 0.0, days
                elif kind == "gt":
                    lo[hit], hi[hit] = days + 1, np.inf
                else:
                    lo[hit], hi[hit] = days, np.inf
            bad = np.isnan(lo) | (lo > hi)
            if bad.any() and errors == "raise":
                where = np.flatnonzero(is_text)[np.flatnonzero(bad)[0]]
                msg = (
                    f"duration answer {series.iloc[where]!r} (at {series.index[where]!r}) "
                    "is not a duration; write a number and a unit such as '3 months', "
                    "'6 weken', '2 jaar', or a category such as '6-12 weeks' or "
                    "'> 3 months' (or pass errors='coerce' to get NaN)"
                )
                raise SurveyError(msg)
            lo[bad], hi[bad] = np.nan, np.nan
            point[is_text], low[is_text], high[is_text] = p, lo, hi
    if (low < 0).any():
        where = int(np.flatnonzero(low < 0)[0])
        msg = f"duration {series.iloc[where]!r} is negative; a duration must be 0 or more"
        raise SurveyError(msg)
    if not bounds:
        out = pd.Series(point, index=series.index, dtype="float64", name="days")
        return float(out.iloc[0]) if scalar else out
    return pd.DataFrame({"days": point, "low_days": low, "high_days": high}, index=series.index)


def nih_chronic_from_survey(
    duration_answer: Any,
    frequency_answer: Any,
    *,
    min_days: float = 91,
) -> pd.Series | Any:
    """NIH Task Force chronic low back pain from its two survey questions.

    Parameters
    ----------
    duration_answer : scalar, list-like or pandas.Series
        "How long has low-back pain been an ongoing problem for you?": an
        NIH option (``"< 1 month"``, ``"1-3 months"``, ``"3-6 months"``,
        ``"6 months-1 year"``, ``"1-5 years"``, ``"> 5 years"``), a Dutch
        equivalent or any duration :func:`parse_duration` reads.
    frequency_answer : scalar, list-like or pandas.Series
        "How often has low-back pain been an ongoing problem for you over the
        past 6 months?": ``"Every day or nearly every day"``, ``"At least
        half the days in the past 6 months"``, ``"Less than half the days in
        the past 6 months"``, or Dutch (``"elke dag of bijna elke dag"``,
        ``"minstens de helft van de dagen"``, ``"minder dan de helft van de
        dagen"``).
    min_days : float
        "At least 3 months" in whole days (3 x 30.44 = 91).

    Returns
    -------
    pandas.Series or bool
        ``"boolean"`` dtype: True when the problem has lasted at least
        ``min_days`` and pain was present on at least half the days; False
        when either part is clearly not met; ``<NA>`` when an answer is
        missing or its range straddles ``min_days``. A scalar pair gives a
        scalar.

    Notes
    -----
    Three-valued (Kleene) logic: a "less than half the days" answer makes the
    result False whatever the duration. Checked against the definition in
    Deyo et al. (2014).

    References
    ----------
    Deyo RA et al. (2014). Report of the NIH Task Force on research standards
    for chronic low back pain. Spine 39(14):1128-1143.

    Examples
    --------
    >>> nih_chronic_from_survey(
    ...     ["1-5 years", "3-6 maanden", "1-5 years", "< 1 month"],
    ...     ["Every day or nearly every day", "minstens de helft van de dagen",
    ...      "Less than half the days in the past 6 months", "every day"],
    ... ).tolist()
    [True, True, False, False]
    """
    dur, scalar = as_series(duration_answer)
    freq, _ = as_series(frequency_answer)
    if len(dur) != len(freq):
        msg = (
            f"duration_answer has {len(dur)} answers but frequency_answer has "
            f"{len(freq)}; pass one pair of answers per respondent"
        )
        raise ValueError(msg)
    parsed = parse_duration(dur, bounds=True)
    long_enough = pd.array(np.where(parsed["low_days"] >= min_days, True, False), dtype="boolean")
    long_enough[~(parsed["low_days"] >= min_days) & ~(parsed["high_days"] < min_days)] = pd.NA
    text = _normalise_text(pd.Series(freq.to_numpy(), dtype=object))
    no = text.str.contains(_FREQ_NO, na=False).to_numpy()
    yes = text.str.contains(_FREQ_YES, na=False).to_numpy() & ~no
    unknown = ~yes & ~no & text.notna().to_numpy()
    if unknown.any():
        i = int(np.flatnonzero(unknown)[0])
        msg = (
            f"frequency answer {freq.iloc[i]!r} (respondent {freq.index[i]!r}) is not "
            "one of the NIH options 'every day or nearly every day', 'at least half "
            "the days', 'less than half the days' (or their Dutch translations)"
        )
        raise SurveyError(msg)
    often = pd.array(yes, dtype="boolean")
    often[text.isna().to_numpy()] = pd.NA
    out = pd.Series(long_enough & often, index=dur.index, name="nih_chronic")
    if scalar:
        value = out.iloc[0]
        return pd.NA if pd.isna(value) else bool(value)
    return out
