"""Google Fit daily activity metrics from Google Takeout: steps and move minutes.

Takeout's ``Fit/Daily activity metrics/`` folder holds
``Daily activity metrics.csv`` (or ``Daily Summaries.csv``), one row per day
(``Date,Move Minutes count,Calories (kcal),Distance (m),Heart Points,...,Step
count,...``), and one file per day named ``YYYY-MM-DD.csv`` with 15-minute rows
(``Start time,End time,Move Minutes count,...,Step count,...``) whose date is
only in the file name.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

import pandas as pd

from ..text import Message
from . import Format, register_format
from ._source import Source, open_source
from ._wearable import (
    cannot_read,
    finish,
    first_header,
    new_report,
    numbers,
    read_rows,
    reject_where,
)

if TYPE_CHECKING:
    from ._report import LoadReport

__all__ = ["FORMAT", "detect_google_fit_daily", "read_google_fit_daily"]

STEPS = "Step count"
MOVE = "Move Minutes count"
_GOOGLE_ONLY = (MOVE, "Heart Points", "Heart Minutes")
_DAY_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})\.csv$", re.IGNORECASE)
_CLOCK = re.compile(r"^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$")


def _layout(header: list[str]) -> str | None:
    """``"daily"``, ``"intervals"`` (a per-day file) or None."""
    if header[:1] == ["Date"] and any(h in header for h in _GOOGLE_ONLY):
        return "daily"
    if header[:2] == ["Start time", "End time"] and (STEPS in header or MOVE in header):
        return "intervals"
    return None


def detect_google_fit_daily(source: Source) -> str | None:
    """``None`` for a Google Fit daily-metrics CSV (either layout), else why not."""
    if _layout(first_header(source)) is None:
        return Message("formats.detect.google_fit_daily")
    return None


def read_google_fit_daily(
    source: Source | str | os.PathLike | bytes,
    *,
    subject: str | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read Google Fit daily activity metrics (Takeout) into the daily diary.

    Parameters
    ----------
    source : Source, path or bytes
        ``Daily activity metrics.csv`` / ``Daily Summaries.csv``, or one
        ``YYYY-MM-DD.csv`` per-day file (read from disk under its own name,
        which holds its date).
    subject : str, optional
        Subject id (default ``"me"``).

    Returns
    -------
    diary : pandas.DataFrame
        One row per day: ``subject``, ``date``, ``pain`` (always NaN),
        ``steps`` and ``active_minutes``.
    report : LoadReport
        Each data line is one input row (header = line 1); rows without
        steps or move minutes are ignored.

    Raises
    ------
    DiaryError
        For a per-day file whose name does not hold its date.

    Notes
    -----
    - **Day**: ``Date`` in the daily file; in a per-day file, the date in its
      name. Google writes both in the phone's local time (the per-day rows
      carry the offset, e.g. ``00:15:00.000+01:00``), so no zone is applied.
    - **Steps**: ``Step count``; the 15-minute rows of a per-day file are
      summed.
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
    layout = _layout(header)
    if layout is None:
        raise cannot_read(
            src,
            "google_fit_daily",
            Message("formats.gfit.no_header", header=header[:6]),
            Message("formats.gfit.todo"),
        )
    used = [c for c in (STEPS, MOVE) if c in header]
    if not used:
        raise cannot_read(
            src,
            "google_fit_daily",
            Message("formats.gfit.no_metrics", header=header[:8]),
            Message("formats.gfit.todo"),
        )
    if layout == "daily":
        day = pd.to_datetime(rows["Date"].str.strip(), format="%Y-%m-%d", errors="coerce")
        bad, column, reason = day.isna(), "Date", Message("formats.gfit.bad_date")
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
        clock = rows["Start time"].astype("string").str.strip()
        bad = ~clock.str.match(_CLOCK.pattern).fillna(False).astype(bool)
        column, reason = "Start time", Message("formats.gfit.bad_clock")
        report.notes.append(Message("formats.gfit.note_name_date", day=named.group(1)))
    reject_where(report, rows, bad, column, reason)
    rows, day = rows[~bad], day[~bad]
    values, good = numbers(rows, used, report)
    entries = pd.DataFrame({"date": day, "row": rows["row"]})
    if STEPS in used:
        entries["steps"] = values[STEPS]
        report.columns["steps"] = Message("formats.gfit.column_steps", layout=layout)
    if MOVE in used:
        entries["active_minutes"] = values[MOVE]
        report.columns["active_minutes"] = Message("formats.gfit.column_move", layout=layout)
    other = [h for h in header if h not in (*used, "Date", "Start time", "End time")]
    if other:
        report.notes.append(Message("formats.note.other_columns", n=len(other), columns=other[:6]))
    return finish(
        entries[good], report, subject, empty=Message("formats.gfit.ignored_empty")
    ), report


FORMAT = Format("google_fit_daily", detect_google_fit_daily, read_google_fit_daily)
"""The ``google_fit_daily`` entry of :data:`backpain.read.FORMATS`."""

register_format(FORMAT)
