"""Parse raw cells: dates (deciding the day/month order once) and numbers.

Shared by every reader; the analyses never see raw cells.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..errors import DiaryError
from ..text import Message

__all__ = ["ISO_DATE", "NUMERIC_DATE", "has_full_year", "parse_dates", "parse_numbers"]

NUMERIC_DATE = re.compile(r"^\s*(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[ T].*)?$")
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")


def parse_dates(
    values: pd.Series,
    *,
    dayfirst: bool | None = None,
    prefer_dayfirst: bool = False,
) -> tuple[pd.Series, str]:
    """Parse a column of dates to midnight timestamps, deciding the order once.

    A year is never guessed: a date without a year (``3 april``) or with a
    two-digit year (``3-4-26``) is left unparsed, so that the reader rejects
    its row with a reason.

    The day/month order of numeric dates (``03/04/2026``) is decided from the
    whole column: a value with a first number above 12 means day-first, one
    with a second number above 12 means month-first. When every value is
    ambiguous, ``prefer_dayfirst`` (set for Dutch/Belgian files) decides;
    otherwise a :class:`DiaryError` asks for ``dayfirst=``.

    Parameters
    ----------
    values : pandas.Series
        Raw values (strings, datetimes or Excel timestamps).
    dayfirst : bool, optional
        Force the order instead of inferring it.
    prefer_dayfirst : bool
        Order to take when the column alone cannot tell.

    Returns
    -------
    dates : pandas.Series
        ``datetime64[ns]`` at midnight; ``NaT`` where a value could not be parsed.
    how : Message
        A sentence saying how the order was decided, for the report.
    """
    codes, distinct = (
        pd.factorize(values)
        if not pd.api.types.is_datetime64_any_dtype(values) and len(values) > 1000
        else (None, values)
    )
    if len(distinct) < len(values):
        # diaries repeat the same dates many times: parse each distinct value once
        # (a column of distinct dates, such as ten years of days, is parsed as it is)
        parsed, how = parse_dates(
            pd.Series(distinct, dtype=object), dayfirst=dayfirst, prefer_dayfirst=prefer_dayfirst
        )
        taken = parsed.to_numpy()[np.where(codes < 0, 0, codes)] if len(parsed) else codes
        out = pd.Series(taken, index=values.index, dtype="datetime64[ns]")
        out[codes < 0] = pd.NaT
        return out, how
    if pd.api.types.is_datetime64_any_dtype(values):
        out = pd.to_datetime(values)
        if getattr(out.dt, "tz", None) is not None:
            out = out.dt.tz_localize(None)
        return _to_ns(out), Message("read.note.dates_already")
    text = values.astype("string").str.strip()
    # fast path: a column of plain ISO dates (the common case, and large files)
    fast = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    if fast.notna().sum() == text.notna().sum() - int((text == "").sum()):
        return _to_ns(fast), Message("read.note.dates_iso")
    is_ts = values.map(lambda v: isinstance(v, (pd.Timestamp, np.datetime64)))
    iso = text.str.match(ISO_DATE.pattern, na=False)
    written = text.str.extract(NUMERIC_DATE.pattern)
    parts = written.astype("float64")
    numeric = parts.notna().all(axis=1) & ~iso
    # a year is never completed: "3/4/26" and "3 april" are left unparsed (NaT)
    short_year = numeric & (written[0].str.len() <= 2) & (written[2].str.len() <= 2)
    numeric &= ~short_year
    how = Message("read.note.dates_iso")
    if numeric.any():
        first, second = parts.loc[numeric, 0], parts.loc[numeric, 1]
        says_day = bool((first > 12).any())
        says_month = bool((second > 12).any())
        if dayfirst is None:
            if says_day and says_month:
                dayfirst = bool((first > 12).sum() >= (second > 12).sum())
                how = Message(f"read.note.dates_mixed_{_order(dayfirst)}")
            elif says_day or says_month:
                dayfirst = says_day
                how = Message(f"read.note.order_inferred_{_order(dayfirst)}")
            elif prefer_dayfirst:
                dayfirst = True
                how = Message("read.note.dates_ambiguous_dayfirst")
            else:
                example = text[numeric].iloc[0]
                msg = Message("read.error.dates_ambiguous", example=example)
                raise DiaryError(msg)
        else:
            how = Message(f"read.note.order_given_{_order(dayfirst)}")
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    if iso.any():
        y, m, d = (text[iso].str.extract(ISO_DATE.pattern).astype("int64")[i] for i in range(3))
        out[iso] = _assemble(y, m, d)
    if numeric.any():
        p = parts[numeric].astype("int64")
        a, b, c = p[0], p[1], p[2]
        year_first = a > 31
        year = c.where(~year_first, a)
        year = year.where(year >= 100, year + 2000)
        day = (a if dayfirst else b).where(~year_first, c)
        month = (b if dayfirst else a).where(~year_first, b)
        out[numeric] = _assemble(year, month, day)
    rest = ~iso & ~numeric & ~short_year & text.fillna("").ne("").astype(bool)
    rest &= text.str.contains(_FULL_YEAR, na=False).astype(bool)
    if rest.any():
        parsed = pd.to_datetime(
            text[rest], errors="coerce", format="mixed", dayfirst=bool(dayfirst)
        )
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_localize(None)
        out[rest] = _to_ns(parsed)
    if is_ts.any():
        out[is_ts] = _to_ns(pd.to_datetime(values[is_ts], errors="coerce"))
    return out.dt.normalize(), how


_FULL_YEAR = r"(?<!\d)\d{4}(?!\d)"
"""A date written in words needs a four-digit year; none is taken from today."""


def has_full_year(values: pd.Series) -> pd.Series:
    """Boolean mask: text holding a four-digit number (a year written in full).

    >>> has_full_year(pd.Series(["3 april 2026", "3/4/26", "3 april"])).tolist()
    [True, False, False]
    """
    return values.astype("string").str.contains(_FULL_YEAR, na=False).astype(bool)


def _order(dayfirst: bool) -> str:
    return "dayfirst" if dayfirst else "monthfirst"


def _assemble(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    frame = pd.DataFrame({"year": year, "month": month, "day": day})
    return _to_ns(pd.to_datetime(frame, errors="coerce"))


_NS_FIRST, _NS_LAST = pd.Timestamp.min.ceil("D"), pd.Timestamp.max.floor("D")


def _to_ns(dates: pd.Series) -> pd.Series:
    """Midnight ``datetime64[ns]``; dates outside 1677-09-22 .. 2262-04-11 become NaT."""
    dates = dates.dt.normalize()
    inside = (dates >= _NS_FIRST) & (dates <= _NS_LAST)
    return dates.where(inside).astype("datetime64[ns]")


# ------------------------------------------------------------------- numbers
_HHMM = re.compile(r"^(\d{1,2}):(\d{2})$")
_THOUSANDS_DOT = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_THOUSANDS_COMMA = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def parse_numbers(values: pd.Series, *, decimal: str = ".", hours: bool = False) -> pd.Series:
    """Convert raw values to floats; a value that is not a number becomes NaN.

    ``decimal=","`` reads ``7,5`` as 7.5 and ``10.234`` as 10234 (a thousands
    dot). With ``hours=True``, ``7:30`` is read as 7.5 hours. Callers compare
    the result with the input to find the values that failed.
    """
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        out = values.astype("float64")  # the CSV parser reads "inf" as a number
        return out.where(np.isfinite(out))
    text = values.astype("string").str.strip().str.replace("\u00a0", "", regex=False)
    text = text.str.replace(" ", "", regex=False)
    if decimal == ",":
        thousands = text.str.match(_THOUSANDS_DOT.pattern, na=False)
        text = text.where(~thousands, text.str.replace(".", "", regex=False))
        text = text.str.replace(",", ".", regex=False)
    else:
        thousands = text.str.match(_THOUSANDS_COMMA.pattern, na=False)
        text = text.where(~thousands, text.str.replace(",", "", regex=False))
    out = pd.to_numeric(text, errors="coerce").astype("float64")
    if hours:
        hm = text.str.extract(_HHMM.pattern).astype("float64")
        clock = hm[0] + hm[1] / 60
        clock = clock.where(hm[1] < 60)
        out = out.fillna(clock)
    out[~np.isfinite(out)] = np.nan
    return out
