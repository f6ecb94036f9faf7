"""Parse raw cells: dates (deciding the day/month order once) and numbers.

Shared by every reader; the analyses never see raw cells.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..errors import DiaryError
from ..text import Message

__all__ = [
    "ISO_DATE",
    "NUMERIC_DATE",
    "WEEKDAYS",
    "has_full_year",
    "parse_dates",
    "parse_numbers",
    "parse_stamps",
    "partial_dates",
    "thousands_shaped",
    "weekday_given",
]

NUMERIC_DATE = re.compile(r"^\s*(\d{1,4})(?:[-/.]|\s+)(\d{1,2})(?:[-/.]|\s+)(\d{1,4})(?:[ T].*)?$")
"""Day, month and year written as numbers, separated by ``-``, ``/``, ``.`` or spaces."""

ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")

WEEKDAYS: dict[str, int] = {
    **dict.fromkeys(("mon", "monday", "ma", "maandag"), 0),
    **dict.fromkeys(("tue", "tues", "tuesday", "di", "dinsdag"), 1),
    **dict.fromkeys(("wed", "wednesday", "wo", "woensdag"), 2),
    **dict.fromkeys(("thu", "thur", "thurs", "thursday", "do", "donderdag"), 3),
    **dict.fromkeys(("fri", "friday", "vr", "vrijdag"), 4),
    **dict.fromkeys(("sat", "saturday", "za", "zaterdag"), 5),
    **dict.fromkeys(("sun", "sunday", "zo", "zondag"), 6),
}
"""Weekday names before a date (``Wed 04/03/2026``, ``wo 4-3-2026``), English and Dutch.

The full names and the usual abbreviations of each language (Monday = 0,
as :meth:`datetime.date.weekday` counts)."""

_WEEKDAY = re.compile(r"^\s*([A-Za-z]{2,9})\.?,?\s+(?=\d)")


def weekday_given(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Split a leading weekday name off each date: ``(weekday, rest of the text)``.

    ``weekday`` is 0 (Monday) to 6, or -1 where no known weekday name starts
    the text (see :data:`WEEKDAYS`); ``rest`` is the text without it.

    >>> wd, rest = weekday_given(pd.Series(["Wed 04/03/2026", "4/3/2026", "april 3 2026"]))
    >>> wd.tolist(), rest.tolist()
    ([2, -1, -1], ['04/03/2026', '4/3/2026', 'april 3 2026'])
    """
    text = values.astype("string").str.strip()
    word = text.str.extract(_WEEKDAY.pattern)[0].str.lower()
    day = word.map(WEEKDAYS).astype("float64").fillna(-1).astype("int64")
    cut = text.str.replace(_WEEKDAY.pattern, "", n=1, regex=True)
    return day, text.where(day < 0, cut)


_MONTH_ONLY = re.compile(
    r"^\s*(?:\d{4}\s*(?:[-/.]\s*\d{1,2})?|\d{1,2}\s*[-/.]\s*\d{4}|\d{4}\s*-?\s*[QqWwHh]\d{1,2})\s*$"
)
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?|[+-]\d{2}:?\d{2}\b|(?<!\d)\d{4}(?!\d)")
_DAY_NUMBER = re.compile(r"(?<![\dQqWwHh])(?:0?[1-9]|[12]\d|3[01])(?!\d)")


def partial_dates(values: pd.Series) -> pd.Series:
    """Boolean mask: a date with a year that gives no day (``2026-04``, ``2026``, ``2026Q1``).

    A day the file does not give is not a day: such a date is never
    completed to the first of the month or of the year. Text with a
    four-digit year counts as partial when it is a year, a year and month
    (``2026-04``, ``04/2026``), a quarter, half-year or week (``2026Q1``,
    ``2026-W14``), or words with no day number (``April 2026``).

    >>> partial_dates(pd.Series(["2026-04", "2026", "2026Q1", "April 2026",
    ...                          "3 April 2026", "2026-04-03", "3/4"])).tolist()
    [True, True, True, True, False, False, False]
    """
    text = values.astype("string").str.strip()
    full = has_full_year(text)
    shape = text.str.match(_MONTH_ONLY.pattern, na=False).astype(bool)
    left = text.str.replace(_CLOCK.pattern, " ", regex=True)
    no_day = ~left.str.contains(_DAY_NUMBER.pattern, na=False).astype(bool)
    numeric = text.str.match(NUMERIC_DATE.pattern, na=False).astype(bool)
    return (full & (shape | (no_day & ~numeric))).astype(bool)


def parse_dates(
    values: pd.Series,
    *,
    dayfirst: bool | None = None,
    prefer_dayfirst: bool = False,
    source: str = "<dates>",
) -> tuple[pd.Series, str]:
    """Parse a column of dates to midnight timestamps, deciding the order once.

    A year is never guessed: a date without a year (``3 april``) or with a
    two-digit year (``3-4-26``) is left unparsed, so that the reader rejects
    its row with a reason. Nor is a day: a year or month alone (``2026-04``,
    ``2026``, ``2026Q1``, see :func:`partial_dates`) is left unparsed too.

    The day/month order of numeric dates (``03/04/2026``, ``03-04-2026``,
    ``03 04 2026``) is decided from the whole column: a value with a first
    number above 12 means day-first, one with a second number above 12 means
    month-first, and a weekday written before an ambiguous date
    (``Wed 04/03/2026``) counts for the order whose day it names. Year-first
    dates (``2026/03/04``) say nothing about the order of the others. When
    every value is ambiguous, ``prefer_dayfirst`` (set for Dutch/Belgian
    files) decides; otherwise a :class:`DiaryError` naming ``source`` asks
    for ``dayfirst=``; when only some dates of the column are ambiguous and
    nothing tells their order, those are left unparsed. A date whose weekday
    is not its own is left unparsed.

    Parameters
    ----------
    values : pandas.Series
        Raw values (strings, datetimes or Excel timestamps).
    dayfirst : bool, optional
        Force the order instead of inferring it.
    prefer_dayfirst : bool
        Order to take when the column alone cannot tell.
    source : str
        The file's name, for the error.

    Returns
    -------
    dates : pandas.Series
        ``datetime64[ns]`` at midnight; ``NaT`` where a value could not be parsed.
    how : Message
        A sentence saying how the order was decided, for the report.

    Examples
    --------
    >>> dates, how = parse_dates(pd.Series(["03 04 2026", "25 04 2026"]))
    >>> dates.dt.strftime("%Y-%m-%d").tolist(), str(how)
    (['2026-04-03', '2026-04-25'], 'date order inferred from the column: day-month-year')
    >>> parse_dates(pd.Series(["Fri 04/03/2026"]))[0].dt.strftime("%Y-%m-%d").tolist()
    ['2026-04-03']
    >>> parse_dates(pd.Series(["2026-04", "2026-04-03"]))[0].isna().tolist()
    [True, False]
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
            pd.Series(distinct, dtype=object),
            dayfirst=dayfirst,
            prefer_dayfirst=prefer_dayfirst,
            source=source,
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
    weekday, text = weekday_given(text)
    iso = text.str.match(ISO_DATE.pattern, na=False)
    written = text.str.extract(NUMERIC_DATE.pattern)
    parts = written.astype("float64")
    numeric = parts.notna().all(axis=1) & ~iso
    # a year is never completed: "3/4/26" and "3 april" are left unparsed (NaT)
    short_year = numeric & (written[0].str.len() <= 2) & (written[2].str.len() <= 2)
    numeric &= ~short_year
    how = Message("read.note.dates_iso")
    day_month = numeric & False
    if numeric.any():
        # only day-month dates tell the order: year-first ones (2026/03/04) do not
        day_month = numeric & (written[0].str.len() <= 2)
        first, second = parts.loc[day_month, 0], parts.loc[day_month, 1]
        by_day, by_month = _weekday_evidence(parts[day_month], weekday[day_month])
        says_day = bool((first > 12).any() or by_day.any())
        says_month = bool((second > 12).any() or by_month.any())
        if dayfirst is None and not day_month.any():
            dayfirst = False  # year-first dates only: nothing to decide
        elif dayfirst is None:
            if says_day and says_month:
                day_votes = int((first > 12).sum() + by_day.sum())
                dayfirst = day_votes >= int((second > 12).sum() + by_month.sum())
                how = Message(f"read.note.dates_mixed_{_order(dayfirst)}")
            elif says_day or says_month:
                dayfirst = says_day
                how = Message(f"read.note.order_inferred_{_order(dayfirst)}")
            elif prefer_dayfirst:
                dayfirst = True
                how = Message("read.note.dates_ambiguous_dayfirst")
            elif (iso | (numeric & ~day_month) | (has_full_year(text) & ~numeric)).any():
                # other dates of the column are clear: only the ambiguous rows are
                # left unread (and rejected with the reason), not the whole file
                how = Message("read.note.dates_order_unknown")
            else:
                example = text[day_month].iloc[0]
                msg = Message("read.error.dates_ambiguous", example=example, source=source)
                raise DiaryError(msg)
        else:
            how = Message(f"read.note.order_given_{_order(dayfirst)}")
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    if iso.any():
        y, m, d = (text[iso].str.extract(ISO_DATE.pattern).astype("int64")[i] for i in range(3))
        out[iso] = _assemble(y, m, d)
    unordered = day_month if dayfirst is None else day_month & False
    numeric &= ~unordered  # order unknown: the day-month dates stay unread
    if numeric.any():
        p = parts[numeric].astype("int64")
        a, b, c = p[0], p[1], p[2]
        year_first = written.loc[numeric, 0].str.len() > 2
        year = c.where(~year_first, a)
        year = year.where(year >= 100, year + 2000)
        day = (a if dayfirst else b).where(~year_first, c)
        month = (b if dayfirst else a).where(~year_first, b)
        out[numeric] = _assemble(year, month, day)
    rest = ~iso & ~numeric & ~unordered & ~short_year & text.fillna("").ne("").astype(bool)
    rest &= text.str.contains(_FULL_YEAR, na=False).astype(bool)
    rest &= ~partial_dates(text)  # a year or month alone is never completed to a day
    if rest.any():
        parsed = pd.to_datetime(
            text[rest], errors="coerce", format="mixed", dayfirst=bool(dayfirst)
        )
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_localize(None)
        out[rest] = _to_ns(parsed)
    if is_ts.any():
        out[is_ts] = _to_ns(pd.to_datetime(values[is_ts], errors="coerce"))
    out = out.dt.normalize()
    named = (weekday >= 0).to_numpy() & out.notna().to_numpy()
    if named.any():  # a date whose weekday is not its own is not read
        wrong = named & (out.dt.day_of_week.fillna(-1).to_numpy() != weekday.to_numpy())
        out[wrong] = pd.NaT
    return out, how


_CLOCK_TIME = re.compile(
    r"[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp])?\.?[Mm]?\.?\s*$"
)
"""The clock time ending a date-and-time cell: ``13:05``, ``13:05:09.250``, ``1:05 PM``."""


def parse_stamps(
    values: pd.Series,
    *,
    formats: tuple[str, ...] = (),
    dayfirst: bool | None = None,
    prefer_dayfirst: bool = False,
    source: str = "<dates>",
) -> tuple[pd.Series, Message | None]:
    """Parse date-and-time cells, the order of numeric dates decided once from the column.

    Cells written in one of ``formats`` (the app's own, such as
    ``"%Y-%m-%d %H:%M:%S"``) are read as such. The others, such as the
    ``6/1/2021 0:00`` of a file opened and saved by Excel, are read by
    :func:`parse_dates` (whose whole-column rule decides the day/month order:
    ``6/13/2021`` in the column settles month-first for ``6/1/2021`` too)
    plus the clock time at their end (``13:05``, ``13:05:09``, ``1:05 PM``).
    A cell without a clock time, or with an impossible one, is left unparsed.

    Parameters
    ----------
    values : pandas.Series
        Raw cells.
    formats : tuple of str
        :func:`pandas.to_datetime` formats tried first, in order.
    dayfirst, prefer_dayfirst, source
        As in :func:`parse_dates`, for the cells in none of ``formats``.

    Returns
    -------
    stamps : pandas.Series
        ``datetime64[ns]`` local wall-clock times; ``NaT`` where a cell could not be parsed.
    how : Message or None
        How the order was decided (for the report), None when no cell outside
        ``formats`` was read.

    Raises
    ------
    DiaryError
        As :func:`parse_dates`, when every other date is ambiguous and nothing decides.

    Examples
    --------
    >>> cells = pd.Series(["2021-06-01 00:00:00", "6/1/2021 0:00", "6/13/2021 1:30 PM"])
    >>> stamps, how = parse_stamps(cells, formats=("%Y-%m-%d %H:%M:%S",))
    >>> stamps.dt.strftime("%Y-%m-%d %H:%M").tolist(), str(how)
    (['2021-06-01 00:00', '2021-06-01 00:00', '2021-06-13 13:30'], 'date order inferred from the column: month-day-year')
    """
    text = values.astype("string").str.strip()
    out = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    for fmt in formats:
        left = out.isna() & text.notna()
        if not left.any():
            break
        out[left] = pd.to_datetime(text[left], format=fmt, errors="coerce")
    other = (out.isna() & text.notna() & (text != "")).astype(bool)
    if not other.any():
        return out, None
    days, how = parse_dates(
        text[other], dayfirst=dayfirst, prefer_dayfirst=prefer_dayfirst, source=source
    )
    clock = text[other].str.extract(_CLOCK_TIME.pattern)
    hour, minute, second = (clock[i].astype("float64").fillna(np.nan).to_numpy() for i in range(3))
    second = np.nan_to_num(second) + ("0." + clock[3].fillna("0")).astype("float64").to_numpy()
    half = clock[4].str.lower().fillna("").to_numpy(dtype=object)  # "a" or "p": a 12-hour clock
    twelve = half != ""
    ok = (minute < 60) & (second < 60) & np.where(twelve, (hour >= 1) & (hour <= 12), hour <= 23)
    hour = np.where(twelve, hour % 12 + np.where(half == "p", 12, 0), hour)
    seconds = pd.Series(np.where(ok, hour * 3600 + minute * 60 + second, np.nan), index=days.index)
    out[other] = days + pd.to_timedelta(seconds, unit="s")
    return out, how if days.notna().any() else None  # nothing read: no order to tell


def _weekday_evidence(parts: pd.DataFrame, weekday: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Ambiguous dates whose written weekday fits only the day-first / month-first reading."""
    named = (weekday >= 0) & (parts[0] <= 12) & (parts[1] <= 12) & (parts[0] != parts[1])
    if not named.any():
        none = pd.Series(False, index=parts.index)
        return none, none
    p = parts[named].astype("int64")
    year = p[2].where(p[2] >= 100, p[2] + 2000)
    as_day = _assemble(year, p[1], p[0]).dt.day_of_week == weekday[named]
    as_month = _assemble(year, p[0], p[1]).dt.day_of_week == weekday[named]
    by_day = (as_day & ~as_month).reindex(parts.index, fill_value=False)
    by_month = (as_month & ~as_day).reindex(parts.index, fill_value=False)
    return by_day.astype(bool), by_month.astype(bool)


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


_EITHER_MARK = re.compile(r"^[+-]?\d{1,3}(?:[.,]\d{3})+$")


def thousands_shaped(values: pd.Series) -> pd.Series:
    """Boolean mask: text numbers read differently by the two decimal marks (``1.234``).

    Numbers that are already numbers are never ambiguous.

    >>> thousands_shaped(pd.Series(["1.234", "1,234", "12.5", 1.234], dtype=object)).tolist()
    [True, True, False, False]
    """
    is_text = values.map(lambda v: isinstance(v, str)).astype(bool)
    text = values.where(is_text).astype("string").str.strip()
    return (is_text & text.str.match(_EITHER_MARK.pattern, na=False)).astype(bool)
