"""Google Fit daily activity metrics from Google Takeout: steps and move minutes.

Takeout writes these files with headers (and folder names) in the account's
language; the English layout is described here. Takeout's
``Fit/Daily activity metrics/`` folder holds
``Daily activity metrics.csv`` (or ``Daily Summaries.csv``), one row per day
(``Date,Move Minutes count,Calories (kcal),Distance (m),Heart Points,...,Step
count,...``), and one file per day named ``YYYY-MM-DD.csv`` with 15-minute rows
(``Start time,End time,Move Minutes count,...,Step count,...``) whose date is
only in the file name.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ..schema import VARIABLES, normalise_header
from ..text import Message
from ._format import MATCH, Detected, Format, not_mine
from ._parse import NUMERIC_DATE, parse_dates
from ._source import Source, open_source
from ._wearable import (
    cannot_read,
    finish,
    first_header,
    new_report,
    numbers,
    read_rows,
)

if TYPE_CHECKING:
    from ._report import LoadReport

__all__ = ["FORMAT", "HEADERS", "detect_google_fit_daily", "read_google_fit_daily"]

HEADERS: dict[str, dict[str, str]] = {
    # English: Takeout's own headers, from the Takeout folder "Fit/Daily activity
    # metrics" of an English-language account (the layout this reader was built on).
    "en": {
        "date": "Date",
        "start": "Start time",
        "end": "End time",
        "steps": "Step count",
        "active_minutes": "Move Minutes count",
    },
    # French: a real French account's Takeout (FORMATS.md "Seen in more real exports
    # (2026-12)": 'Heure de début', 'Heure de fin', 'Nombre de pas' in the per-day files,
    # 'Date', 'Nombre de pas' in the daily summaries). Its name for Move Minutes was not
    # seen, so French move minutes are not read (listed with the other columns).
    "fr": {
        "date": "Date",
        "start": "Heure de début",
        "end": "Heure de fin",
        "steps": "Nombre de pas",
    },
}
"""Google Fit's Takeout headers per account language, only as seen in real files.

Takeout writes the headers in the account's language; other languages (Dutch,
German, ...) are recognised by the files' structure and refused with the
column that looks like steps and how to map it (``columns=`` in Python; on
the page and the command line, which columns to rename to the English names
of the same layout), never guessed. Searched for other languages (2026-12:
public code, issues, documentation and web pages, for Dutch, German, Spanish
and Italian headers such as ``Aantal stappen``, ``Anzahl der Schritte``,
``Starttijd``, ``Hora de inicio``): only the German name of the daily
summaries file (``Tägliche Zusammenfassungen.csv``, in the README of
Floyer007/google-fit-to-influxdb) was found, none of its headers, so no
language was added.
"""

_GOOGLE_ONLY = ("Move Minutes count", "Heart Points", "Heart Minutes")
_UNIT = re.compile(r"\((kcal|m|ms|bpm|deg|m/s|kg)\)$")
"""The units in Google Fit's metric headers (``Calories (kcal)``, ``Distance (m)``,
``Durée de l'activité "Vélo" (ms)``): the same in every language seen."""
_MIN_UNITS = 3
_DAY_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})\.csv$", re.IGNORECASE)
_CLOCK = re.compile(r"^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class _Layout:
    kind: str  # "daily" or "intervals"
    lang: str | None  # a key of HEADERS, or None when the headers' language is unknown
    day: str  # the date column (daily) or the start-time column (intervals)


def _first_cells(source: Source) -> list[str]:
    """The first data line's cells (for the structure of a header in an unknown language)."""
    text = source.head(8192).decode("utf-8", errors="ignore").lstrip("\ufeff")
    lines = text.splitlines()
    return [c.strip().strip('"') for c in lines[1].split(",")] if len(lines) > 1 else []


def _is_diary_header(name: str) -> bool:
    """A header the generic table reader knows (``pain``, ``steps``, ``stappen``, ...)."""
    key = normalise_header(name)
    return any(key in v.aliases for n, v in VARIABLES.items() if n not in ("subject", "date"))


def _layout(header: list[str], first: list[str]) -> _Layout | None:
    """Which Google Fit layout (and language) a header and first data line show, or None."""
    for lang, names in HEADERS.items():
        if header[:1] == [names["date"]] and (
            names["steps"] in header or any(h in header for h in _GOOGLE_ONLY)
        ):
            return _Layout("daily", lang, header[0])
        if header[:2] == [names["start"], names["end"]] and (
            names["steps"] in header or names.get("active_minutes") in header
        ):
            return _Layout("intervals", lang, header[0])
    # another language: the structure (metric headers with Google Fit's units); a header
    # the table reader knows (pain, steps, stappen, ...) leaves the file to that reader
    units = sum(bool(_UNIT.search(h)) for h in header)
    if units < _MIN_UNITS or any(_is_diary_header(h) for h in header) or len(first) < 2:
        return None
    if _ISO_DAY.match(first[0]) or NUMERIC_DATE.match(first[0]):
        return _Layout("daily", None, header[0])
    if _CLOCK.match(first[0]) and _CLOCK.match(first[1]):
        return _Layout("intervals", None, header[0])
    return None


def detect_google_fit_daily(source: Source) -> Detected:
    """A match for a Google Fit daily-metrics CSV (either layout, any language), else why not.

    Known headers (:data:`HEADERS`) are recognised by name; a header in another
    language by its structure: at least three metric columns with Google Fit's
    units (``(kcal)``, ``(m)``, ``(ms)``, ``(bpm)``, ...), no column the table
    reader knows (``pain``, ``steps``, ``stappen``: such a file is a table), and a
    first column of dates (the daily table) or first two columns of clock times
    (a per-day file of 15-minute rows).
    """
    if _layout(first_header(source), _first_cells(source)) is None:
        return not_mine(Message("formats.detect.google_fit_daily"))
    return MATCH


def _looks_like_steps(rows: pd.DataFrame, header: list[str], skip: set[str]) -> str | None:
    """The unit-less column of whole numbers with the largest median (steps outnumber
    move minutes and heart points), or None."""
    best, best_median = None, -1.0
    for h in header:
        if h in skip or _UNIT.search(h):
            continue
        text = rows[h].astype("string").str.strip().replace("", pd.NA).dropna()
        values = pd.to_numeric(text, errors="coerce")
        if not len(values) or values.isna().any() or (values % 1 != 0).any():
            continue
        if values.median() > best_median:
            best, best_median = h, float(values.median())
    return best


def read_google_fit_daily(
    source: Source | str | os.PathLike | bytes,
    *,
    subject: str | None = None,
    columns: dict[str, str] | None = None,
    dayfirst: bool | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read Google Fit daily activity metrics (Takeout) into the daily diary.

    Parameters
    ----------
    source : Source, path or bytes
        ``Daily activity metrics.csv`` / ``Daily Summaries.csv`` (or its name
        in the account's language), or one ``YYYY-MM-DD.csv`` per-day file
        (read from disk under its own name, which holds its date).
    subject : str, optional
        Subject id (default ``"me"``).
    columns : dict, optional
        For headers in a language not in :data:`HEADERS`: which column holds
        the steps or the move minutes, e.g. ``{"Schritte": "steps"}``
        (values ``"steps"`` or ``"active_minutes"``).
    dayfirst : bool, optional
        The order of numeric dates in the daily table (``6/1/2021`` in a file
        saved by Excel), when the column itself cannot tell.

    Returns
    -------
    diary : pandas.DataFrame
        One row per day: ``subject``, ``date``, ``pain`` (always NaN),
        ``steps`` and ``active_minutes`` where the file has them.
    report : LoadReport
        Each data line is one input row (header = line 1); rows without
        steps or move minutes are ignored.

    Raises
    ------
    DiaryError
        For a per-day file whose name does not hold its date; for headers in
        an unknown language without ``columns=`` (the message names the
        column that looks like steps and how to map it).
    ValueError
        For a ``columns=`` that names no column of the file, or maps to
        something other than steps or active minutes.

    Notes
    -----
    - **Layouts**, recognised by structure: a daily table whose first
      column is the date; a per-day file of 15-minute rows whose first two
      columns are the start and end times and whose date is in the file name.
    - **Languages**: the headers are those of the account's language;
      :data:`HEADERS` lists the ones seen in real files (English, French).
    - **Day**: the date column in the daily file; in a per-day file, the date
      in its name. Google writes both in the phone's local time (the per-day
      rows carry the offset, e.g. ``00:15:00.000+01:00``), so no zone is
      applied.
    - **Steps**: ``Step count`` (``Nombre de pas``); the 15-minute rows of a
      per-day file are summed.
    - **Active minutes**: ``Move Minutes count`` (Google Fit's minutes of any
      movement), summed the same way. Heart Points and Heart Minutes (moderate
      or vigorous activity only) are not used.

    Examples
    --------
    >>> csv = b"Date,Move Minutes count,Calories (kcal),Step count\\n2024-03-01,42,1890.5,6120\\n"
    >>> diary, report = read_google_fit_daily(csv)
    >>> diary[["date", "pain", "steps", "active_minutes"]]
            date  pain   steps  active_minutes
    0 2024-03-01   NaN  6120.0            42.0
    """
    src = source if isinstance(source, Source) else open_source(source)
    report = new_report(src, "google_fit_daily")
    header, rows = read_rows(src, report)
    layout = _layout(header, _first_cells(src))
    if layout is None:
        raise cannot_read(
            src,
            "google_fit_daily",
            Message("formats.gfit.no_header", header=header[:6]),
            Message("formats.gfit.todo"),
        )
    names = HEADERS.get(layout.lang or "", {})
    chosen = {names[v]: v for v in ("steps", "active_minutes") if names.get(v) in header}
    chosen.update(_checked_columns(columns, header, src.name))
    structure = {layout.day} | ({header[1]} if layout.kind == "intervals" else set())
    if not chosen:
        guess = _looks_like_steps(rows, header, structure)
        problem = (
            Message("formats.gfit.unknown_language", header=header[:8])
            if layout.lang is None
            else Message("formats.gfit.no_metrics", header=header[:8])
        )
        # the way out that works on the page and the command line too: the English
        # names of the same layout (its date or time columns, and the steps column)
        english = HEADERS["en"]
        keys = ("date",) if layout.kind == "daily" else ("start", "end")
        renames = [
            Message("formats.gfit.rename", old=old, new=english[k])
            for old, k in zip(header, keys, strict=False)
            if old != english[k]
        ]
        todo = (
            Message(
                "formats.gfit.todo_columns",
                column=guess,
                renames=[*renames, Message("formats.gfit.rename", old=guess, new=english["steps"])],
            )
            if guess
            else Message(
                "formats.gfit.todo_columns_none",
                renames=[*renames, Message("formats.gfit.rename_steps")],
            )
        )
        raise cannot_read(src, "google_fit_daily", problem, todo)
    if layout.kind == "daily":
        # Takeout writes 2024-03-01; a file saved by Excel 3/1/2024: the shared date
        # rules decide the order of numeric dates once, from the whole column
        day, how = parse_dates(rows[layout.day].str.strip(), dayfirst=dayfirst, source=src.name)
        if how.key != "read.note.dates_iso":  # say how, unless Takeout's own ISO dates
            report.notes.append(how)
        bad, reason = day.isna(), Message("formats.gfit.bad_date", column=layout.day)
    else:
        named = _DAY_NAME.search(os.path.basename(src.name))
        if named is None:
            raise cannot_read(
                src,
                "google_fit_daily",
                Message("formats.gfit.no_name_date", name=src.name),
                Message("formats.gfit.todo_name"),
            )
        day = pd.Series(pd.Timestamp(named.group(1)), index=rows.index)
        clock = rows[layout.day].astype("string").str.strip()
        bad = ~clock.str.match(_CLOCK.pattern).fillna(False).astype(bool)
        reason = Message("formats.gfit.bad_clock", column=layout.day)
        report.notes.append(Message("formats.gfit.note_name_date", day=named.group(1)))
    if layout.lang not in (None, "en"):
        report.notes.append(Message("formats.gfit.note_language", lang=layout.lang))
    report.refuse(rows["row"], layout.day, rows[layout.day], reason, mask=bad)
    rows, day = rows[~bad], day[~bad]
    used = list(chosen)
    values, good = numbers(rows, used, report)
    entries = pd.DataFrame({"date": day, "row": rows["row"]})
    for column, variable in chosen.items():
        entries[variable] = values[column]
        report.columns[variable] = Message(
            "formats.gfit.column", column=column, layout=Message(f"formats.gfit.{layout.kind}")
        )
    other = [h for h in header if h not in (*used, *structure)]
    if other:
        report.notes.append(Message("formats.note.other_columns", n=len(other), columns=other[:6]))
    return finish(
        entries[good], report, subject, empty=Message("formats.gfit.ignored_empty")
    ), report


def _checked_columns(columns: dict[str, str] | None, header: list[str], name: str) -> dict:
    """``columns=`` checked against the header: {header name: "steps" | "active_minutes"}."""
    out: dict[str, str] = {}
    for column, variable in (columns or {}).items():
        if column not in header or variable not in ("steps", "active_minutes"):
            msg = (
                f"{name}: columns={{{column!r}: {variable!r}}} does not fit this Google Fit "
                f"file: give one of its headers {header[:12]} and 'steps' or 'active_minutes'"
            )
            raise ValueError(msg)
        out[column] = variable
    return out


FORMAT = Format("google_fit_daily", detect_google_fit_daily, read_google_fit_daily)
"""The ``google_fit_daily`` entry of :data:`backpain.read.FORMATS`."""
