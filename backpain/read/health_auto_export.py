"""Health Auto Export (iOS app) CSV: steps and sleep from Apple Health, hourly or daily.

The app writes one row per hour or per day: ``Date/Time`` (local time, no
offset) and one column per metric, named with its unit, such as
``Step Count (count)``, ``Sleep Analysis [Asleep] (hr)`` or
``Heart Rate [Avg] (count/min)``.
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

__all__ = ["FORMAT", "detect_health_auto_export", "read_health_auto_export"]

STEPS = "Step Count (count)"
ASLEEP = "Sleep Analysis [Asleep] (hr)"
STAGES = ("Sleep Analysis [Core] (hr)", "Sleep Analysis [Deep] (hr)", "Sleep Analysis [REM] (hr)")
TOTAL = "Sleep Analysis [Total] (hr)"
_DATE_HEADERS = ("Date/Time", "Date")
_METRIC = re.compile(r"^[A-Z][A-Za-z0-9 +\-]*( \[[A-Za-z ]+\])? \([^()]+\)$")
_KNOWN = (
    "Step Count (",
    "Sleep Analysis [",
    "Active Energy (",
    "Resting Energy (",
    "Basal Energy Burned (",
    "Heart Rate [",
    "Resting Heart Rate (",
    "Walking + Running Distance (",
    "Flights Climbed (",
    "Apple Exercise Time (",
    "Apple Stand Hour (",
)
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2}(:\d{2})?)?( ?[+-]\d{2}:?\d{2})?$")


def detect_health_auto_export(source: Source) -> str | None:
    """``None`` for a Health Auto Export CSV, else why not.

    The first header is ``Date/Time`` (or ``Date``) and at least one other
    header is one of the app's metric names with its unit, e.g.
    ``Step Count (count)`` or ``Heart Rate [Min] (count/min)``.
    """
    header = first_header(source)
    if not header or header[0] not in _DATE_HEADERS:
        return Message("formats.detect.health_auto_export")
    if not any(_METRIC.match(h) and h.startswith(_KNOWN) for h in header[1:]):
        return "no Health Auto Export metric headers such as 'Step Count (count)'"
    return None


def read_health_auto_export(
    source: Source | str | os.PathLike | bytes,
    *,
    subject: str | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a Health Auto Export CSV (hourly or daily rows) into the daily diary.

    Parameters
    ----------
    source : Source, path or bytes
        The CSV the app exported (``HealthAutoExport-2024-03-01-2024-03-07.csv``).
    subject : str, optional
        Subject id (default ``"me"``).

    Returns
    -------
    diary : pandas.DataFrame
        One row per day: ``subject``, ``date``, ``pain`` (always NaN),
        ``steps`` and ``sleep_hours`` where the file has them.
    report : LoadReport
        Each data line is one input row (header = line 1). Rows with no
        step or sleep value are ignored; the metric columns not read are
        named in the notes.

    Raises
    ------
    DiaryError
        When the file has neither a step nor a sleep column, or a
        ``Date/Time`` that is not ``2024-03-01 13:00:00``.

    Notes
    -----
    - **Day**: the date part of ``Date/Time``, which the app writes in the
      phone's local time; no time zone is applied.
    - **Steps**: ``Step Count (count)`` summed per day (hourly rows add up to
      the day; a daily row is the day).
    - **Sleep**: per row, ``Sleep Analysis [Asleep]``; when that column is
      absent or blank, ``[Core] + [Deep] + [REM]``; when those are absent too,
      ``[Total]``. The columns are alternatives, never added to each other;
      ``[Awake]`` and ``[In Bed]`` are not sleep. Hours are summed per day
      of ``Date/Time`` (the app's own attribution of a night to a day).

    Examples
    --------
    >>> csv = (b"Date/Time,Step Count (count),Sleep Analysis [Asleep] (hr)\\n"
    ...        b"2024-03-01 00:00:00,6120,7.5\\n")
    >>> diary, report = read_health_auto_export(csv)
    >>> diary[["date", "pain", "steps", "sleep_hours"]]
            date  pain   steps  sleep_hours
    0 2024-03-01   NaN  6120.0          7.5
    """
    src = source if isinstance(source, Source) else open_source(source)
    report = new_report(src, "health_auto_export")
    header, rows = read_rows(src, report)
    if not header or header[0] not in _DATE_HEADERS:
        raise cannot_read(
            src,
            "health_auto_export",
            Message("formats.hae.no_date", header=header[:8]),
            Message("formats.hae.todo"),
        )
    date_col = header[0]
    stages = [c for c in STAGES if c in header]
    sleep_cols = [c for c in (ASLEEP, *stages, TOTAL) if c in header]
    used = ([STEPS] if STEPS in header else []) + sleep_cols
    if not used:
        raise cannot_read(
            src,
            "health_auto_export",
            Message("formats.hae.no_metrics", header=header[1:8]),
            Message("formats.hae.todo"),
        )
    other = [h for h in header[1:] if h not in used]
    if other:
        report.notes.append(Message("formats.note.other_columns", n=len(other), columns=other[:6]))
    stamp = rows[date_col].astype("string").str.strip()
    ok_stamp = stamp.str.match(_STAMP.pattern).fillna(False).astype(bool)
    day = pd.to_datetime(stamp.where(ok_stamp).str[:10], format="%Y-%m-%d", errors="coerce")
    bad = day.isna()
    reject_where(report, rows, bad, date_col, Message("formats.hae.bad_date"))
    rows = rows[~bad]
    values, good = numbers(rows, used, report)
    entries = pd.DataFrame({"date": day[~bad], "row": rows["row"]})
    if STEPS in header:
        entries["steps"] = values[STEPS]
        report.columns["steps"] = Message("formats.hae.column_steps")
    if sleep_cols:
        entries["sleep_hours"] = _sleep_hours(values, stages)
        report.columns["sleep_hours"] = Message("formats.hae.column_sleep")
        report.notes.append(Message("formats.hae.note_sleep"))
    report.notes.append(Message("formats.hae.note_zone"))
    return finish(
        entries[good], report, subject, empty=Message("formats.hae.ignored_empty")
    ), report


def _sleep_hours(values: pd.DataFrame, stages: list[str]) -> pd.Series:
    """Asleep, else Core + Deep + REM, else Total: alternatives, never added together."""
    none = pd.Series(float("nan"), index=values.index)
    asleep = values[ASLEEP] if ASLEEP in values.columns else none
    staged = values[stages].sum(axis=1, min_count=1) if stages else none
    total = values[TOTAL] if TOTAL in values.columns else none
    return asleep.fillna(staged).fillna(total)


FORMAT = Format("health_auto_export", detect_health_auto_export, read_health_auto_export)
"""The ``health_auto_export`` entry of :data:`backpain.read.FORMATS`."""

register_format(FORMAT)
