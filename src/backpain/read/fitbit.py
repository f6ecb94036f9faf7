"""Fitbit sleep and steps JSON, and Google Fit sleep sessions (Google Takeout).

Both apps export sleep and activity, never pain: the diaries these readers
return have an empty ``pain`` column and are meant to be merged with a pain
diary (``read_diary([pain_csv, "sleep-2021-01-19.json"], subject="me")``).
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd

from ..errors import DiaryError
from ..text import Message
from . import Format, register_format
from ._build import build_diary
from ._report import LoadReport, message_column
from ._source import Source, load_json, open_source

__all__ = [
    "FORMAT",
    "GOOGLE_FIT_FORMAT",
    "detect_fitbit",
    "detect_google_fit",
    "read_fitbit",
    "read_google_fit",
]

DEFAULT_SUBJECT = "me"
_HEAD = 4096
_FITBIT_SERIES = re.compile(rb'"dateTime"\s*:\s*"\d{2}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}"')
_SERIES_VALUE = re.compile(rb'"value"\s*:\s*"?-?\d')
_METRIC_NAME = re.compile(r"^([a-z_]+)-\d{4}-\d{2}-\d{2}\.json$", re.IGNORECASE)
_GOOGLE_AWAKE = frozenset({"sleep.awake", "sleep.out_of_bed"})


# ----------------------------------------------------------------- detection
def _json_head(source: Source) -> bytes:
    return source.head(_HEAD).lstrip(b"\xef\xbb\xbf \t\r\n")


def _metric_from_name(name: str) -> str | None:
    m = _METRIC_NAME.match(os.path.basename(name))
    return m.group(1).lower() if m else None


def detect_fitbit(source: Source) -> str | None:
    """``None`` for a Fitbit ``sleep-*.json`` or ``steps-*.json`` export, else why not.

    The content decides. Fitbit writes steps, calories, distance and other
    per-minute series in the same shape, so a file whose name says it holds
    another series (``calories-2016-06-12.json``) is not taken for steps.
    """
    head = _json_head(source)
    if not head.startswith(b"["):
        return Message("read.detect.fitbit_not_array")
    if b'"logId"' in head and b'"dateOfSleep"' in head:
        return None
    if _FITBIT_SERIES.search(head) and _SERIES_VALUE.search(head):
        metric = _metric_from_name(source.name)
        if metric not in (None, "steps"):
            return Message("read.detect.fitbit_other_series", metric=metric)
        return None
    return Message("read.detect.fitbit_none")


def detect_google_fit(source: Source) -> str | None:
    """``None`` for a Google Fit session file (``..._SLEEP.json``), else why not."""
    head = _json_head(source)
    if head.startswith((b"{", b"[")) and b'"fitnessActivity"' in head and b'"startTime"' in head:
        return None
    return Message("read.detect.google_fit_none")


def _reject(report: LoadReport, rows: Any, column: str, values: Any, reason: Message) -> None:
    rows = pd.Series(rows)
    frame = pd.DataFrame(
        {
            "row": rows.to_numpy(),
            "column": column,
            "value": pd.Series(values).astype("string").to_numpy(),
            "reason": pd.Series(
                message_column(reason, pd.Series(True, index=rows.index)), dtype=object
            ),
        }
    )
    report.reject(frame)


def _finish_entries(
    entries: pd.DataFrame, report: LoadReport, subject: str | None, column: str | None
) -> pd.DataFrame:
    entries = entries.assign(subject=subject or DEFAULT_SUBJECT, pain=np.nan)
    report.columns["subject"] = (
        Message("read.origin.given")
        if subject
        else Message("read.fitbit.default_subject", subject=DEFAULT_SUBJECT)
    )
    report.notes.append(Message("read.note.no_pain_merge"))
    entries["date"] = entries["date"].astype("datetime64[ns]")
    columns = ["subject", "date", "pain", *([column] if column else []), "row"]
    return build_diary(entries[columns], report)


# -------------------------------------------------------------------- Fitbit
def read_fitbit(
    source: Source | str | os.PathLike | bytes,
    *,
    subject: str | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a Fitbit ``sleep-YYYY-MM-DD.json`` or ``steps-YYYY-MM-DD.json`` export.

    Parameters
    ----------
    source : Source, path or bytes
        One file from Fitbit's ``Global Export Data`` folder (a JSON array).
        Which kind it is, sleep or steps, is read from the records.
    subject : str, optional
        Subject id (default ``"me"``: the file names name a month, not a person).

    Returns
    -------
    diary : pandas.DataFrame
        One row per day: ``subject``, ``date``, ``pain`` (always NaN: Fitbit
        holds no pain ratings) and ``sleep_hours`` (sleep files) or ``steps``
        (steps files).
    report : LoadReport
        Each array element is one input row, numbered from 1 in file order.

    Raises
    ------
    DiaryError
        When the file is not valid JSON or not an array of Fitbit sleep or
        steps records.

    Notes
    -----
    - **Sleep**: ``sleep_hours`` is ``minutesAsleep / 60`` summed per
      ``dateOfSleep`` (Fitbit's own wake-up date), main sleep and naps
      (``mainSleep: false``) alike, for ``stages`` and ``classic`` logs.
      ``minutesAsleep`` already leaves out the minutes awake or restless.
      ``efficiency`` (asleep / in bed) is not a rating of sleep quality and is
      not used for ``sleep_quality``. A ``logId`` listed twice is counted once
      (the repeat is ignored).
    - **Steps**: ``value`` (a string) summed per calendar day of ``dateTime``
      (``MM/DD/YY HH:MM:SS``, read as written, without a time zone).

    Examples
    --------
    >>> sleep = b'''[{"logId": 2, "dateOfSleep": "2021-01-20", "minutesAsleep": 410,
    ...   "mainSleep": true, "type": "stages", "efficiency": 93},
    ...  {"logId": 1, "dateOfSleep": "2021-01-19", "minutesAsleep": 45,
    ...   "mainSleep": false, "type": "classic", "efficiency": 90}]'''
    >>> diary, report = read_fitbit(sleep)
    >>> diary[["date", "pain", "sleep_hours"]]
            date  pain  sleep_hours
    0 2021-01-19   NaN     0.750000
    1 2021-01-20   NaN     6.833333
    """
    src = source if isinstance(source, Source) else open_source(source)
    records = load_json(src, "Fitbit")
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        msg = Message("read.fitbit.not_records", source=src.name)
        raise DiaryError(msg)
    raw = pd.DataFrame.from_records(records) if records else pd.DataFrame()
    report = LoadReport(source=src.name, format="fitbit")
    report.rows_read = len(raw)
    raw["row"] = np.arange(1, len(raw) + 1)
    if raw.empty:
        report.notes.append(Message("read.fitbit.no_records"))
        empty = pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"), "row": []})
        return _finish_entries(empty, report, subject, None), report
    if "dateOfSleep" in raw.columns:
        return _fitbit_sleep(raw, report, subject), report
    if "dateTime" in raw.columns and "value" in raw.columns:
        return _fitbit_steps(raw, src, report, subject), report
    msg = Message(
        "read.fitbit.unknown_records", source=src.name, fields=repr(list(raw.columns)[:10])
    )
    raise DiaryError(msg)


def _fitbit_sleep(raw: pd.DataFrame, report: LoadReport, subject: str | None) -> pd.DataFrame:
    for col in ("minutesAsleep", "logId", "mainSleep"):
        if col not in raw.columns:
            raw[col] = pd.NA
    dates = pd.to_datetime(raw["dateOfSleep"], format="%Y-%m-%d", errors="coerce")
    minutes = pd.to_numeric(raw["minutesAsleep"], errors="coerce").astype("float64")
    dup = raw["logId"].notna() & raw["logId"].astype("string").duplicated()
    report.ignore(int(dup.sum()), Message("read.fitbit.sleep_twice"))
    bad_date = dates.isna() & ~dup
    bad_min = ~(minutes.between(0, 1440)) & ~dup & ~bad_date
    _reject(
        report,
        raw.loc[bad_date, "row"],
        "dateOfSleep",
        raw.loc[bad_date, "dateOfSleep"],
        Message("read.fitbit.bad_sleep_date"),
    )
    _reject(
        report,
        raw.loc[bad_min, "row"],
        "minutesAsleep",
        raw.loc[bad_min, "minutesAsleep"],
        Message("read.fitbit.bad_minutes"),
    )
    if len(report.rejected):
        report.rejected = report.rejected.sort_values("row", kind="stable", ignore_index=True)
    keep = ~(dup | bad_date | bad_min)
    naps = int((keep & (raw["mainSleep"] == False)).sum())  # noqa: E712 (NA-safe)
    if naps:
        report.notes.append(Message("read.fitbit.naps", n=naps))
    report.columns["sleep_hours"] = Message("read.fitbit.sleep_source")
    entries = pd.DataFrame(
        {"date": dates[keep], "sleep_hours": minutes[keep] / 60, "row": raw.loc[keep, "row"]}
    )
    return _finish_entries(entries, report, subject, "sleep_hours")


def _fitbit_steps(
    raw: pd.DataFrame, src: Source, report: LoadReport, subject: str | None
) -> pd.DataFrame:
    stamps = pd.to_datetime(raw["dateTime"], format="%m/%d/%y %H:%M:%S", errors="coerce")
    bad = stamps.isna()
    _reject(
        report,
        raw.loc[bad, "row"],
        "dateTime",
        raw.loc[bad, "dateTime"],
        Message("read.fitbit.bad_time"),
    )
    metric = _metric_from_name(src.name)
    if metric not in (None, "steps"):
        msg = Message("read.fitbit.other_series", source=src.name, metric=metric)
        raise DiaryError(msg)
    if metric is None:
        report.notes.append(Message("read.fitbit.steps_by_shape"))
    report.columns["steps"] = Message("read.fitbit.steps_source")
    entries = pd.DataFrame(
        {
            "date": stamps[~bad].dt.normalize(),
            "steps": raw.loc[~bad, "value"],
            "row": raw.loc[~bad, "row"],
        }
    )
    return _finish_entries(entries, report, subject, "steps")


# ---------------------------------------------------------------- Google Fit
def _zone(tz: str | None, report: LoadReport) -> Any:
    if tz is None:
        from dateutil.tz import tzlocal

        zone = tzlocal()
        here = datetime.now().astimezone().tzname()
        report.notes.append(Message("read.fitbit.local_zone", zone=here))
        return zone
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        msg = f"tz={tz!r} is not a time zone name; use one like 'Europe/Amsterdam' or 'UTC'"
        raise ValueError(msg) from exc
    report.notes.append(Message("read.fitbit.given_zone", zone=tz))
    return zone


def read_google_fit(
    source: Source | str | os.PathLike | bytes,
    *,
    subject: str | None = None,
    tz: str | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read Google Fit session files from Google Takeout (``..._SLEEP.json``).

    Parameters
    ----------
    source : Source, path or bytes
        One session (a JSON object) or a JSON array of sessions.
    subject : str, optional
        Subject id (default ``"me"``).
    tz : str, optional
        Time zone the sleep was recorded in (``"Europe/Amsterdam"``). Google
        Fit writes UTC times; the wake-up day is the local date of the end.
        Default: this computer's time zone, named in the report's notes.

    Returns
    -------
    diary : pandas.DataFrame
        One row per wake-up day: ``subject``, ``date``, ``pain`` (always NaN:
        Google Fit holds no pain ratings) and ``sleep_hours``.
    report : LoadReport
        Each session is one input row; sessions of other activities
        (walking, running, ...) are ignored under their activity's name.

    Raises
    ------
    DiaryError
        When the file is not valid JSON or holds no session objects.

    Notes
    -----
    A session's sleep time is the sum of its ``segment`` entries except awake
    ones (``sleep.awake``) when the session has sleep-stage segments, else
    ``endTime - startTime``. Sessions on the same wake-up day (a night and a
    nap) are added up. Sessions ending before they start, lasting more than
    24 hours or with unreadable times are rejected.

    Examples
    --------
    >>> session = b'''{"fitnessActivity": "sleep", "startTime": "2021-01-19T22:42:00.000Z",
    ...   "endTime": "2021-01-20T05:12:00.000Z", "duration": "23400s"}'''
    >>> diary, report = read_google_fit(session, tz="Europe/Amsterdam")
    >>> diary[["date", "sleep_hours"]]
            date  sleep_hours
    0 2021-01-20          6.5
    """
    src = source if isinstance(source, Source) else open_source(source)
    report = LoadReport(source=src.name, format="google_fit")
    zone = _zone(tz, report)
    obj = load_json(src, "Google Fit")
    sessions = obj if isinstance(obj, list) else [obj]
    if not all(isinstance(s, dict) for s in sessions):
        msg = Message("read.fitbit.not_sessions", source=src.name)
        raise DiaryError(msg)
    report.rows_read = len(sessions)
    rows, dates, hours = [], [], []
    for row, s in enumerate(sessions, start=1):  # a handful of sessions per file
        activity = str(s.get("fitnessActivity", "")).strip().lower()
        if not activity.startswith("sleep"):
            kind = activity or Message("read.fitbit.untyped")
            report.ignore(1, Message("read.fitbit.other_session", activity=kind))
            continue
        start = pd.to_datetime(s.get("startTime"), utc=True, errors="coerce")
        end = pd.to_datetime(s.get("endTime"), utc=True, errors="coerce")
        reason = None
        if pd.isna(start) or pd.isna(end):
            reason = Message("read.fitbit.bad_session_time")
        elif end <= start:
            reason = Message("read.fitbit.session_backwards")
        elif end - start > pd.Timedelta(hours=24):
            reason = Message("read.fitbit.session_too_long")
        if reason:
            value = f"{s.get('startTime')} - {s.get('endTime')}"
            _reject(report, [row], "startTime/endTime", [value], reason)
            continue
        asleep = _asleep_hours(s.get("segment"), start, end)
        rows.append(row)
        dates.append(end.tz_convert(zone).tz_localize(None).normalize())
        hours.append(asleep)
    report.columns["sleep_hours"] = Message("read.fitbit.sessions_source")
    entries = pd.DataFrame(
        {
            "date": pd.to_datetime(pd.Series(dates, dtype="object")),
            "sleep_hours": hours,
            "row": rows,
        }
    )
    return _finish_entries(entries, report, subject, "sleep_hours"), report


def _asleep_hours(segments: Any, start: pd.Timestamp, end: pd.Timestamp) -> float:
    total = (end - start).total_seconds()
    if isinstance(segments, list) and segments:
        asleep = 0.0
        staged = False
        for seg in segments:
            if not isinstance(seg, dict):
                continue
            kind = str(seg.get("fitnessActivity", "")).lower()
            s0 = pd.to_datetime(seg.get("startTime"), utc=True, errors="coerce")
            s1 = pd.to_datetime(seg.get("endTime"), utc=True, errors="coerce")
            if not kind.startswith("sleep") or pd.isna(s0) or pd.isna(s1):
                continue
            staged = True
            if kind not in _GOOGLE_AWAKE:
                asleep += max((min(s1, end) - max(s0, start)).total_seconds(), 0.0)
        if staged:
            total = asleep
    return total / 3600


FORMAT = Format("fitbit", detect_fitbit, read_fitbit)
"""The ``fitbit`` entry of :data:`backpain.read.FORMATS` (sleep and steps JSON)."""

GOOGLE_FIT_FORMAT = Format("google_fit", detect_google_fit, read_google_fit)
"""The ``google_fit`` entry of :data:`backpain.read.FORMATS` (sleep sessions)."""

register_format(FORMAT)
register_format(GOOGLE_FIT_FORMAT)
