"""Garmin Connect account export: daily summaries (steps, the watch's stress) and sleep.

Garmin's account data export (``DI_CONNECT/``) holds, among many folders:

- ``DI-Connect-Aggregator/UDSFile_<from>_<to>.json``: a JSON array of daily
  summaries, one per ``calendarDate`` (the local day), with ``totalSteps``,
  ``totalKilocalories``, ``durationInMilliseconds`` and blocks such as
  ``allDayStress`` (``aggregatorList`` of ``{"type": "TOTAL" | "AWAKE" |
  "ASLEEP", "averageStressLevel", "maxStressLevel", ...}``) and ``bodyBattery``;
- ``DI-Connect-Wellness/<from>_<to>_<id>_sleepData.json``: a JSON array of
  nights: ``calendarDate`` (the wake-up day), ``deepSleepSeconds``,
  ``lightSleepSeconds``, ``remSleepSeconds``, ``awakeSleepSeconds``,
  ``sleepStartTimestampGMT`` and scores; files may start with stub records
  without a date (``{"retro": false}``).

Sources: FORMATS.md "Seen in more real exports (2026-12)" (the UDS file, its
fields and the stress block, from real exports) and public parsers of real
exports (field names of the ``TOTAL`` stress aggregator and of the sleep file,
and that the sleep file's ``calendarDate`` is the wake-up day).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._catalogue import register_texts
from ..text import Message
from ._format import MATCH, Detected, Format, not_mine
from ._problems import Reason
from ._source import Source, load_json, open_source
from ._wearable import cannot_read, finish, new_report

if TYPE_CHECKING:
    from ._report import LoadReport

__all__ = ["FORMAT", "SLEEP_STAGES", "detect_garmin", "read_garmin"]

# This reader's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "formats.detect.garmin": (
            "not a Garmin Connect daily summary (UDSFile) or sleep file (calendarDate with "
            "totalSteps or sleep seconds)",
            "geen dagoverzicht (UDSFile) of slaapbestand van Garmin Connect (calendarDate met "
            "totalSteps of slaapseconden)",
        ),
        "formats.garmin.column_sleep": (
            "deepSleepSeconds + lightSleepSeconds + remSleepSeconds (awake not counted) / 3600 "
            "on calendarDate (the wake-up day)",
            "deepSleepSeconds + lightSleepSeconds + remSleepSeconds (wakker niet meegeteld) / 3600 "
            "op calendarDate (de dag van ontwaken)",
        ),
        "formats.garmin.column_stress": (
            "allDayStress, TOTAL averageStressLevel (the watch's 0-100 score)",
            "allDayStress, TOTAL averageStressLevel (de score 0-100 van het horloge)",
        ),
        "formats.garmin.ignored_empty": (
            "day without steps, stress score or sleep",
            "dag zonder stappen, stressscore of slaap",
        ),
        "formats.garmin.no_values": (
            "its records have no totalSteps, allDayStress or sleep seconds (fields: {fields})",
            "de records hebben geen totalSteps, allDayStress of slaapseconden (velden: {fields})",
        ),
        "formats.garmin.not_records": (
            "it is not a JSON array of daily records",
            "het is geen JSON-lijst van dagrecords",
        ),
        "formats.garmin.note_day": (
            "days are Garmin's calendarDate, the local day; a day listed twice takes the larger "
            "step count, never the sum",
            "dagen zijn calendarDate van Garmin, de lokale dag; een dag die twee keer voorkomt "
            "krijgt het grootste aantal stappen, nooit de som",
        ),
        "formats.garmin.note_stress": (
            "watch_stress is Garmin's stress score (0-100), computed by the watch from heart-rate "
            "variability: a measurement, not your own rating of stress, so it is kept apart from "
            "stress (0-10)",
            "watch_stress is de stressscore van Garmin (0-100), berekend door het horloge uit de "
            "variabiliteit van de hartslag: een meting, geen eigen inschatting van stress, dus "
            "apart gehouden van stress (0-10)",
        ),
        "formats.garmin.stress_outside": (
            "{n} day(s) with a stress value outside 0-100 (such as -1), which is not a score on "
            "the watch's scale: left missing",
            "{n} dag(en) met een stresswaarde buiten 0-100 (zoals -1), wat geen score op de schaal "
            "van het horloge is: leeg gelaten",
        ),
        "formats.garmin.stub": (
            "record without calendarDate (an empty record Garmin writes)",
            "record zonder calendarDate (een leeg record dat Garmin schrijft)",
        ),
        "formats.garmin.todo": (
            "Pass DI_CONNECT/DI-Connect-Aggregator/UDSFile_*.json or "
            "DI_CONNECT/DI-Connect-Wellness/*_sleepData.json from Garmin's account export, unchanged",
            "Geef DI_CONNECT/DI-Connect-Aggregator/UDSFile_*.json of "
            "DI_CONNECT/DI-Connect-Wellness/*_sleepData.json uit de accountexport van Garmin op, "
            "onveranderd",
        ),
    },
)

SLEEP_STAGES = ("deepSleepSeconds", "lightSleepSeconds", "remSleepSeconds")
"""The sleep file's seconds asleep (``awakeSleepSeconds`` is not sleep)."""
_SUMMARY_KEYS = (b'"totalSteps"', b'"allDayStress"')
_SLEEP_KEYS = tuple(f'"{k}"'.encode() for k in SLEEP_STAGES)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def detect_garmin(source: Source) -> Detected:
    """A match for a Garmin Connect UDS daily-summary file or sleep file, else why not."""
    head = source.head(8192).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"[") or b'"calendarDate"' not in head:
        return not_mine(Message("formats.detect.garmin"))
    if any(k in head for k in _SUMMARY_KEYS + _SLEEP_KEYS):
        return MATCH
    return not_mine(Message("formats.detect.garmin"))


def _number(value: Any) -> float:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    return float(value) if ok and np.isfinite(value) else np.nan


def _total_stress(record: dict) -> float:
    """``averageStressLevel`` of the ``TOTAL`` aggregator of ``allDayStress``, or NaN."""
    block = record.get("allDayStress")
    items = block.get("aggregatorList") if isinstance(block, dict) else None
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("type") == "TOTAL":
            return _number(item.get("averageStressLevel"))
    return np.nan


def read_garmin(
    source: Source | str | os.PathLike | bytes,
    *,
    subject: str | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a Garmin Connect export file (``UDSFile_*.json`` or ``*_sleepData.json``).

    Parameters
    ----------
    source : Source, path or bytes
        One JSON file of the account export: a daily-summary file
        (``DI-Connect-Aggregator/UDSFile_*.json``) or a sleep file
        (``DI-Connect-Wellness/*_sleepData.json``). Read several with a list
        (``read_diary([pain_csv, uds, sleep])``) to have them merged per day.
    subject : str, optional
        Subject id (default ``"me"``).

    Returns
    -------
    diary : pandas.DataFrame
        One row per day: ``subject``, ``date``, ``pain`` (always NaN) and,
        where the file has them, ``steps``, ``watch_stress`` (0-100) and
        ``sleep_hours``.
    report : LoadReport
        Each array element is one input row, numbered from 1 in file order.
        A record without ``calendarDate`` (a stub) is ignored.

    Raises
    ------
    DiaryError
        When the file is not a JSON array of records.

    Notes
    -----
    - **Day**: ``calendarDate``, the local day Garmin gives the summary (the
      wake-up day for sleep); no time zone is applied.
    - **Steps**: ``totalSteps``. A day listed twice (overlapping files
      merged into one) takes the larger count, never the sum.
    - **Watch stress**: Garmin's all-day stress score, ``averageStressLevel``
      of the ``TOTAL`` entry of ``allDayStress`` (0-100, computed by the watch
      from heart-rate variability). It is a measurement, not the patient's
      own rating: it goes to ``watch_stress``, never to ``stress`` (0-10), and
      is not rescaled. A value outside 0-100 (such as ``-1``) is not a score
      on that scale: it is left missing and counted in the notes.
    - **Sleep**: ``deepSleepSeconds + lightSleepSeconds + remSleepSeconds``
      (awake time not counted) / 3600 on ``calendarDate``.

    Examples
    --------
    >>> uds = b'''[{"calendarDate": "2024-05-01", "totalSteps": 8000,
    ...   "allDayStress": {"aggregatorList": [{"type": "AWAKE", "averageStressLevel": 41},
    ...                                       {"type": "TOTAL", "averageStressLevel": 33}]}}]'''
    >>> diary, report = read_garmin(uds)
    >>> diary[["date", "steps", "watch_stress"]]
            date   steps  watch_stress
    0 2024-05-01  8000.0          33.0
    """
    src = source if isinstance(source, Source) else open_source(source)
    report = new_report(src, "garmin")
    records = load_json(src, "Garmin Connect")
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise cannot_read(
            src, "garmin", Message("formats.garmin.not_records"), Message("formats.garmin.todo")
        )
    report.rows_read = len(records)
    rows = np.arange(1, len(records) + 1)
    dates = pd.Series([r.get("calendarDate") for r in records], dtype=object)
    stub = dates.isna().to_numpy()
    report.ignore(int(stub.sum()), Message("formats.garmin.stub"))
    text = dates.astype("string")
    ok = text.str.match(_DAY.pattern).fillna(False).astype(bool)
    day = pd.to_datetime(text.where(ok), format="%Y-%m-%d", errors="coerce")
    bad = ~stub & day.isna().to_numpy()
    report.refuse(rows, "calendarDate", text, Reason.NOT_A_DATE, mask=bad, example="2024-05-01")
    keep = ~stub & ~bad
    entries = pd.DataFrame({"date": day, "row": rows})
    has = {k: any(k in r for r in records) for k in ("totalSteps", "allDayStress", *SLEEP_STAGES)}
    if has["totalSteps"]:
        entries["steps"] = [_number(r.get("totalSteps")) for r in records]
        report.columns["steps"] = "totalSteps"
    if has["allDayStress"]:
        stress = pd.Series([_total_stress(r) for r in records], dtype="float64")
        outside = keep & stress.notna().to_numpy() & ~stress.between(0, 100).to_numpy()
        if outside.any():
            report.notes.append(Message("formats.garmin.stress_outside", n=int(outside.sum())))
        entries["watch_stress"] = stress.where(stress.between(0, 100))
        report.columns["watch_stress"] = Message("formats.garmin.column_stress")
        report.notes.append(Message("formats.garmin.note_stress"))
    if any(has[k] for k in SLEEP_STAGES):
        seconds = pd.DataFrame([[_number(r.get(k)) for k in SLEEP_STAGES] for r in records])
        entries["sleep_hours"] = seconds.sum(axis=1, min_count=1).to_numpy() / 3600
        report.columns["sleep_hours"] = Message("formats.garmin.column_sleep")
    if not any(c in entries.columns for c in ("steps", "watch_stress", "sleep_hours")):
        raise cannot_read(
            src,
            "garmin",
            Message(
                "formats.garmin.no_values", fields=sorted({k for r in records for k in r})[:10]
            ),
            Message("formats.garmin.todo"),
        )
    report.notes.append(Message("formats.garmin.note_day"))
    diary = finish(
        entries[keep],
        report,
        subject,
        daily={"steps": "max"},
        empty=Message("formats.garmin.ignored_empty"),
    )
    return diary, report


FORMAT = Format("garmin", detect_garmin, read_garmin)
"""The ``garmin`` entry of :data:`backpain.read.FORMATS`."""
