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

from .._catalogue import register_texts
from ..errors import DiaryError
from ..text import Message
from ._build import build_diary
from ._format import MATCH, Detected, Format, not_mine
from ._problems import Reason
from ._report import LoadReport
from ._source import Source, load_json, open_source
from ._wearable import one_person

__all__ = [
    "FORMAT",
    "GOOGLE_FIT_FORMAT",
    "detect_fitbit",
    "detect_google_fit",
    "infer_offset",
    "read_fitbit",
    "read_google_fit",
]

# This reader's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "formats.fitbit.offset_at_least": (
            "Fitbit step times are in UTC; the first time, {first} UTC, lies before {day} (the "
            "date in the file name), which only a local time east of UTC explains: at least "
            "UTC{offset} (more if the first step came after midnight). Steps summed per day at "
            "UTC{offset}; give the time zone to be sure",
            "tijden van stappen uit Fitbit staan in UTC; het eerste tijdstip, {first} UTC, ligt "
            "vóór {day} (de datum in de bestandsnaam), wat alleen een lokale tijd ten oosten van "
            "UTC verklaart: minstens UTC{offset} (meer als de eerste stap na middernacht kwam). "
            "Stappen per dag opgeteld met UTC{offset}; geef de tijdzone om zeker te zijn",
        ),
        "formats.fitbit.offset_exact": (
            "Fitbit step times are in UTC; the file records every minute from {first} UTC, the "
            "local midnight of {day} (the date in its name): local time UTC{offset}, steps summed "
            "per day at that offset",
            "tijden van stappen uit Fitbit staan in UTC; het bestand telt elke minuut vanaf "
            "{first} UTC, de lokale middernacht van {day} (de datum in de naam): lokale tijd "
            "UTC{offset}, stappen per dag opgeteld met dat verschil",
        ),
        "formats.fitbit.offset_unknown": (
            "Fitbit step times are in UTC; the offset cannot be inferred: the first time, {first} UTC, lies on or after {day} (the date in the file name), so you live west of UTC (UTC{offset} if that was local midnight) or your first step came later, and the file has gaps that leave both open. Steps summed per UTC day; {option.tz} to sum per local day.",
            "tijden van stappen uit Fitbit staan in UTC; het tijdsverschil is niet af te leiden: het eerste tijdstip, {first} UTC, ligt op of na {day} (de datum in de bestandsnaam), dus je woont ten westen van UTC (UTC{offset} als dat lokale middernacht was) of je eerste stap kwam later, en het bestand heeft gaten die beide openlaten. Stappen per dag in UTC opgeteld; {option.tz} om per lokale dag op te tellen.",
        ),
        "read.detect.fitbit_none": (
            "no Fitbit sleep (logId, dateOfSleep) or steps (dateTime MM/DD/YY, value) records",
            "geen gegevens over slaap (logId, dateOfSleep) of stappen (dateTime MM/DD/YY, "
            "value) uit Fitbit",
        ),
        "read.detect.fitbit_not_array": (
            "not a JSON array (Fitbit sleep/steps exports are)",
            "geen JSON-lijst (exports van slaap en stappen uit Fitbit zijn dat wel)",
        ),
        "read.detect.google_fit_none": (
            "no Google Fit session (fitnessActivity, startTime, endTime)",
            "geen sessie uit Google Fit (fitnessActivity, startTime, endTime)",
        ),
        "read.fitbit.active_partner_added": (
            "active_minutes is very + moderately active minutes: added the values of {partner} "
            "({n} day(s) found only there are not counted)",
            "active_minutes is zeer + matig actieve minuten: de waarden van {partner} zijn "
            "opgeteld ({n} dag(en) die alleen daar staan, worden niet geteld)",
        ),
        "read.fitbit.active_partner_missing": (
            "active_minutes is very + moderately active minutes, but {partner} was not found next "
            "to this file: only the {metric} are counted. Put both files in the same folder.",
            "active_minutes is zeer + matig actieve minuten, maar {partner} staat niet naast dit "
            "bestand: alleen de {metric} worden geteld. Zet beide bestanden in dezelfde map.",
        ),
        "read.fitbit.active_source": (
            "very_active_minutes + moderately_active_minutes per day",
            "very_active_minutes + moderately_active_minutes per dag",
        ),
        "read.fitbit.time_example": (
            "06/12/16 03:51:00 (month/day/year)",
            "06/12/16 03:51:00 (maand/dag/jaar)",
        ),
        "read.fitbit.given_zone": (
            "Google Fit times are in UTC; converted to {zone} to find the wake-up day",
            "tijden uit Google Fit staan in UTC; omgezet naar {zone} om de dag van het ontwaken "
            "te vinden",
        ),
        "read.fitbit.light_not_counted": (
            "light activity minutes (not counted in active_minutes, which is very + moderately "
            "active minutes)",
            "minuten lichte activiteit (niet meegeteld in active_minutes, dat is zeer + matig "
            "actieve minuten)",
        ),
        "read.fitbit.local_zone": (
            "Google Fit times are in UTC; converted to this computer's time zone ({zone}) to find the wake-up day{option.tz_explicit}.",
            "tijden uit Google Fit staan in UTC; omgezet naar de tijdzone van deze computer ({zone}) om de dag van het ontwaken te vinden{option.tz_explicit}.",
        ),
        "read.fitbit.naps": (
            "{n} nap(s) (mainSleep false) added to their day's sleep_hours",
            "{n} dutje(s) (mainSleep false) opgeteld bij de uren slaap van hun dag",
        ),
        "read.fitbit.no_records": (
            "the file holds no records (an empty JSON array)",
            "het bestand bevat geen records (een lege JSON-lijst)",
        ),
        "read.fitbit.not_diary_series": (
            "{source}: this is a Fitbit {metric!r} series, which is not a diary variable; from "
            "Fitbit backpain reads sleep-*.json, steps-*.json and the very_ and "
            "moderately_active_minutes-*.json files. Leave this file out (rename it only if it "
            "really holds steps).",
            "{source}: dit is een reeks {metric!r} uit Fitbit, en dat is geen variabele van het "
            "dagboek; uit Fitbit leest backpain sleep-*.json, steps-*.json en de bestanden "
            "very_ en moderately_active_minutes-*.json. Laat dit bestand weg (hernoem het alleen "
            "als het echt stappen bevat).",
        ),
        "read.fitbit.not_records": (
            '{source}: a Fitbit export is a JSON array of records such as [{{"logId": ..., '
            '"dateOfSleep": "2021-01-20", "minutesAsleep": 410}}] or [{{"dateTime": '
            '"06/12/16 03:51:00", "value": "133"}}]',
            '{source}: een export uit Fitbit is een JSON-lijst van records zoals [{{"logId": '
            '..., "dateOfSleep": "2021-01-20", "minutesAsleep": 410}}] of [{{"dateTime": '
            '"06/12/16 03:51:00", "value": "133"}}]',
        ),
        "read.fitbit.not_sessions": (
            '{source}: a Google Fit session file holds a JSON object such as {{"fitnessActivity": '
            '"sleep", "startTime": "2021-01-19T22:42:00.000Z", "endTime": ...}} (or an array of '
            "them)",
            "{source}: een sessiebestand uit Google Fit bevat een JSON-object zoals "
            '{{"fitnessActivity": "sleep", "startTime": "2021-01-19T22:42:00.000Z", "endTime": '
            "...}} (of een lijst daarvan)",
        ),
        "read.fitbit.other_session": (
            "Google Fit {activity} session (not sleep)",
            "sessie {activity} uit Google Fit (geen slaap)",
        ),
        "read.fitbit.partial_first_day": (
            "steps on {day} start only at {time}: a partial first day, its total may be low",
            "de stappen op {day} beginnen pas om {time}: een onvolledige eerste dag, het totaal "
            "kan te laag zijn",
        ),
        "read.fitbit.partial_last_day": (
            "steps on {day} end at {time}: a partial last day, its total may be low",
            "de stappen op {day} stoppen om {time}: een onvolledige laatste dag, het totaal kan "
            "te laag zijn",
        ),
        "read.fitbit.sessions_source": (
            "sleep sessions (asleep segments), by local wake-up day",
            "slaapsessies (delen in slaap), per plaatselijke dag van het ontwaken",
        ),
        "read.fitbit.sleep_score_refused": (
            "{source}: Fitbit's sleep score (0-100, computed from duration, sleep stages and heart "
            "rate) is not a self-rated sleep quality (0-10), so it is not read. Read the sleep "
            "hours from the sleep-YYYY-MM-DD.json files instead.",
            "{source}: de slaapscore van Fitbit (0-100, berekend uit duur, slaapfasen en "
            "hartslag) is geen zelf gegeven score voor de slaapkwaliteit (0-10) en wordt dus niet "
            "gelezen. Lees de uren slaap uit de bestanden sleep-YYYY-MM-DD.json.",
        ),
        "read.fitbit.sleep_source": (
            "minutesAsleep / 60, summed per dateOfSleep",
            "minutesAsleep / 60, opgeteld per dateOfSleep",
        ),
        "read.fitbit.sleep_twice": (
            "Fitbit sleep log listed twice (same logId)",
            "slaaplog uit Fitbit twee keer vermeld (zelfde logId)",
        ),
        "read.fitbit.steps_by_shape": (
            "read as Fitbit steps: calories, distance and other Fitbit series look the same, and "
            "the file name does not say which it is",
            "gelezen als stappen uit Fitbit: calorieën, afstand en andere reeksen uit Fitbit zien "
            "er hetzelfde uit, en de bestandsnaam zegt niet welke het is",
        ),
        "read.fitbit.steps_given_zone": (
            "Fitbit step times are in UTC; summed per day in {zone}",
            "tijden van stappen uit Fitbit staan in UTC; per dag opgeteld in {zone}",
        ),
        "read.fitbit.steps_source": (
            "value, summed per day of dateTime",
            "value, opgeteld per dag van dateTime",
        ),
        "read.fitbit.steps_utc": (
            "Fitbit step times are in UTC and the file does not show the local time zone: steps summed per UTC day; {option.tz} to sum per local day.",
            "tijden van stappen uit Fitbit staan in UTC en het bestand toont de lokale tijdzone niet: stappen per dag in UTC opgeteld; {option.tz} om per lokale dag op te tellen.",
        ),
        "read.fitbit.unknown_records": (
            "{source}: the records have neither 'dateOfSleep' (Fitbit sleep) nor 'dateTime' and "
            "'value' (Fitbit steps); fields found: {fields}",
            "{source}: de records hebben geen 'dateOfSleep' (slaap uit Fitbit) en geen "
            "'dateTime' en 'value' (stappen uit Fitbit); gevonden velden: {fields}",
        ),
        "read.fitbit.untyped": ("untyped", "zonder soort"),
    },
)

_HEAD = 4096
_FITBIT_SERIES = re.compile(rb'"dateTime"\s*:\s*"\d{2}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}"')
_SERIES_VALUE = re.compile(rb'"value"\s*:\s*"?-?\d')
_METRIC_NAME = re.compile(r"^([a-z_]+)-(\d{4}-\d{2}-\d{2})\.json$", re.IGNORECASE)
_SLEEP_SCORE = re.compile(rb"^\s*sleep_log_entry_id\s*,\s*timestamp\s*,\s*overall_score")
_ACTIVE = ("very_active_minutes", "moderately_active_minutes", "lightly_active_minutes")
_COUNTED = {"very_active_minutes": "moderately", "moderately_active_minutes": "very"}
"""The active-minute series summed into ``active_minutes``, each with its partner."""
_MAX_OFFSET = pd.Timedelta(hours=14)
_GOOGLE_AWAKE = frozenset({"sleep.awake", "sleep.out_of_bed"})


# ----------------------------------------------------------------- detection
def _json_head(source: Source) -> bytes:
    return source.head(_HEAD).lstrip(b"\xef\xbb\xbf \t\r\n")


def _metric_from_name(name: str) -> str | None:
    m = _METRIC_NAME.match(os.path.basename(name))
    return m.group(1).lower() if m else None


def _date_from_name(name: str) -> pd.Timestamp | None:
    m = _METRIC_NAME.match(os.path.basename(name))
    return pd.to_datetime(m.group(2), format="%Y-%m-%d", errors="coerce") if m else None


def detect_fitbit(source: Source) -> Detected:
    """A match for a Fitbit export backpain reads, else why not.

    The content decides: ``sleep-*.json``, ``steps-*.json`` and the
    ``*_active_minutes-*.json`` series are read. Fitbit writes steps,
    calories, heart rate and other series in the same shape, so a file whose
    name says it holds another series (``calories-2016-06-12.json``) is
    recognised and refused: :class:`~backpain.DiaryError` is raised saying why, as
    for the sleep score table (``Sleep/sleep_score.csv``).
    """
    head = _json_head(source)
    if _SLEEP_SCORE.match(head):
        raise DiaryError(Message("read.fitbit.sleep_score_refused", source=source.name))
    if not head.startswith(b"["):
        return not_mine(Message("read.detect.fitbit_not_array"))
    if b'"logId"' in head and b'"dateOfSleep"' in head:
        return MATCH
    if _FITBIT_SERIES.search(head):
        metric = _metric_from_name(source.name)
        if metric not in (None, "steps", *_ACTIVE):
            raise DiaryError(_not_diary_series(source.name, metric))
        if _SERIES_VALUE.search(head):
            return MATCH
    return not_mine(Message("read.detect.fitbit_none"))


def _not_diary_series(name: str, metric: str) -> Message:
    return Message("read.fitbit.not_diary_series", source=name, metric=metric)


def detect_google_fit(source: Source) -> Detected:
    """A match for a Google Fit session file (``..._SLEEP.json``), else why not."""
    head = _json_head(source)
    if head.startswith((b"{", b"[")) and b'"fitnessActivity"' in head and b'"startTime"' in head:
        return MATCH
    return not_mine(Message("read.detect.google_fit_none"))


def _finish_entries(
    entries: pd.DataFrame, report: LoadReport, subject: str | None, column: str | None
) -> pd.DataFrame:
    entries = one_person(entries, report, subject).assign(pain=np.nan)
    report.notes.append(Message("read.note.no_pain_merge"))
    entries["date"] = entries["date"].astype("datetime64[ns]")
    columns = ["subject", "date", "pain", *([column] if column else []), "row"]
    return build_diary(entries[columns], report)


# -------------------------------------------------------------------- Fitbit
def read_fitbit(
    source: Source | str | os.PathLike | bytes,
    *,
    subject: str | None = None,
    tz: str | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a Fitbit sleep, steps or active-minutes JSON export.

    Parameters
    ----------
    source : Source, path or bytes
        One file from Fitbit's ``Global Export Data`` folder (a JSON array):
        ``sleep-YYYY-MM-DD.json``, ``steps-YYYY-MM-DD.json``,
        ``very_active_minutes-YYYY-MM-DD.json``,
        ``moderately_active_minutes-YYYY-MM-DD.json`` or
        ``lightly_active_minutes-YYYY-MM-DD.json``. Sleep or series is read
        from the records, which series from the file name.
    subject : str, optional
        Subject id (default ``"me"``: the file names name a month, not a person).
    tz : str, optional
        Time zone the steps were recorded in (``"Australia/Sydney"``): the
        per-minute steps are stamped in UTC and are summed per local day.
        Default: the offset the export shows (see Notes), else UTC, named in
        the report's notes.

    Returns
    -------
    diary : pandas.DataFrame
        One row per day: ``subject``, ``date``, ``pain`` (always NaN: Fitbit
        holds no pain ratings) and ``sleep_hours`` (sleep files) or ``steps``
        (steps files) or ``active_minutes`` (active-minutes files).
    report : LoadReport
        Each array element is one input row, numbered from 1 in file order.

    Raises
    ------
    DiaryError
        When the file is not valid JSON or not an array of Fitbit sleep or
        series records; for a series that is not a diary variable (calories,
        distance, heart rate: named by the file); for ``sleep_score.csv``.
    ValueError
        When ``tz`` is not a time zone name.

    Notes
    -----
    - **Sleep**: ``sleep_hours`` is ``minutesAsleep / 60`` summed per
      ``dateOfSleep`` (Fitbit's own wake-up date), main sleep and naps
      (``mainSleep: false``) alike, for ``stages`` and ``classic`` logs.
      ``minutesAsleep`` already leaves out the minutes awake or restless.
      ``efficiency`` (asleep / in bed) is not a rating of sleep quality and is
      not used for ``sleep_quality``. A ``logId`` listed twice is counted once
      (the repeat is ignored).
    - **Steps**: ``value`` (a string) summed per local calendar day of
      ``dateTime`` (``MM/DD/YY HH:MM:SS``). Fitbit stamps these per-minute
      series in UTC, while the file name's date (``steps-2020-04-01.json``)
      is the user's local day the file starts on. With ``tz`` the stamps are
      converted to that zone (daylight saving time included). Without it the
      offset is inferred from the file name's date against the first stamp
      (:func:`infer_offset`), as a fixed offset for the whole file:

      * the file records every minute of its first hour (zero-step minutes
        included): its first stamp is the local midnight, and the offset is
        exact, east or west (``03/01/21 05:00:00`` in
        ``steps-2021-03-01.json``: UTC-05:00; ``06/30/21 14:00:00`` in
        ``steps-2021-07-01.json``: UTC+10:00; ``06/01/21 00:00:00``: UTC);
      * otherwise a first stamp before the file name's midnight shows an
        offset east of UTC of at least the difference (``03/31/20 14:00:00``
        in ``steps-2020-04-01.json``: UTC+10:00), rounded up to a quarter of
        an hour; it is used, and the report says it is a lower bound (the
        first step may have come after midnight);
      * a first stamp on or after the file name's midnight, with gaps, is
        ambiguous (west of UTC, or a first step later in the day): the
        stamps stay UTC and the report says the offset could not be
        inferred, and how to give ``tz``. So does a file without a date in
        its name.

      Offsets outside -12:00..+14:00 are never inferred. A daylight saving
      change inside the file shifts its later days by an hour unless ``tz``
      is given. The report names the zone or offset used, and notes a first
      or last day whose minutes do not start at 00:00 or end at 23:59 local
      time (a partial day whose sum may be low).
    - **Active minutes**: ``active_minutes`` is moderate-to-vigorous physical
      activity, ``very_active_minutes + moderately_active_minutes`` per day
      (Fitbit's own "active minutes"; the minutes counted by the WHO 2020
      activity guidelines, Bull et al., Br J Sports Med 2020). Reading one of
      the two files adds the other's values for the same days when it lies
      next to it (same folder and date in the name); otherwise only the one
      read is counted and the report says so. Light activity
      (``lightly_active_minutes``) is not counted: its rows are ignored.
      These daily values are dated by Fitbit in local time.
    - **Sleep score** (``Sleep/sleep_score.csv``) is refused: Fitbit's 0-100
      score is computed from duration, stages and heart rate, and is not the
      self-rated ``sleep_quality`` (0-10) of a diary.

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
    if _SLEEP_SCORE.match(_json_head(src)):
        raise DiaryError(Message("read.fitbit.sleep_score_refused", source=src.name))
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
        metric = _metric_from_name(src.name)
        if metric in _ACTIVE:
            return _fitbit_active(raw, src, report, subject, metric), report
        return _fitbit_steps(raw, src, report, subject, tz), report
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
    report.refuse(
        raw.loc[bad_date, "row"],
        "dateOfSleep",
        raw.loc[bad_date, "dateOfSleep"],
        Reason.NOT_A_DATE.message(example="2021-01-20"),
    )
    report.refuse(
        raw.loc[bad_min, "row"],
        "minutesAsleep",
        raw.loc[bad_min, "minutesAsleep"],
        Reason.OUT_OF_RANGE.message(name="minutesAsleep", low=0, high=1440),
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


def _series_stamps(raw: pd.DataFrame, report: LoadReport) -> tuple[pd.Series, pd.Series]:
    """Parse ``dateTime``; reject the rows where it is not a Fitbit time."""
    stamps = pd.to_datetime(raw["dateTime"], format="%m/%d/%y %H:%M:%S", errors="coerce")
    bad = stamps.isna()
    report.refuse(
        raw.loc[bad, "row"],
        "dateTime",
        raw.loc[bad, "dateTime"],
        Reason.NOT_A_DATE.message(example=Message("read.fitbit.time_example")),
    )
    return stamps, bad


def _fitbit_steps(
    raw: pd.DataFrame, src: Source, report: LoadReport, subject: str | None, tz: str | None
) -> pd.DataFrame:
    metric = _metric_from_name(src.name)
    if metric not in (None, "steps"):
        raise DiaryError(_not_diary_series(src.name, metric))
    stamps, bad = _series_stamps(raw, report)
    if metric is None:
        report.notes.append(Message("read.fitbit.steps_by_shape"))
    report.columns["steps"] = Message("read.fitbit.steps_source")
    local = _utc_to_local(stamps[~bad], _date_from_name(src.name), tz, report)
    counted = pd.to_numeric(raw.loc[~bad, "value"], errors="coerce") >= 0
    _note_partial_days(local[counted], report)
    entries = pd.DataFrame(
        {
            "date": local.dt.normalize(),
            "steps": raw.loc[~bad, "value"],
            "row": raw.loc[~bad, "row"],
        }
    )
    return _finish_entries(entries, report, subject, "steps")


def _utc_to_local(
    stamps: pd.Series, file_day: pd.Timestamp | None, tz: str | None, report: LoadReport
) -> pd.Series:
    """Fitbit's UTC minute stamps as local wall-clock times (see read_fitbit's Notes)."""
    if tz is not None:
        zone = _zone_info(tz)
        report.notes.append(Message("read.fitbit.steps_given_zone", zone=tz))
        return stamps.dt.tz_localize("UTC").dt.tz_convert(zone).dt.tz_localize(None)
    offset, kind = infer_offset(stamps, file_day)
    if kind == "none":
        report.notes.append(Message("read.fitbit.steps_utc"))
        return stamps
    first = stamps.min().strftime("%Y-%m-%d %H:%M")
    day = file_day.strftime("%Y-%m-%d")
    if kind == "unknown":
        report.notes.append(
            Message(
                "formats.fitbit.offset_unknown",
                first=first,
                day=day,
                offset=_offset_text(file_day - stamps.min()),
            )
        )
        return stamps
    key = "formats.fitbit.offset_exact" if kind == "exact" else "formats.fitbit.offset_at_least"
    report.notes.append(Message(key, first=first, day=day, offset=_offset_text(offset)))
    return stamps + offset


_QUARTER = pd.Timedelta(minutes=15)
_MIN_OFFSET = pd.Timedelta(hours=-12)
_RUN = 60
"""Minutes in a row from the first stamp that show the tracker recorded from the start."""


def infer_offset(
    stamps: pd.Series, file_day: pd.Timestamp | None
) -> tuple[pd.Timedelta | None, str]:
    """The local offset a Fitbit intraday file shows, and how sure it is.

    Parameters
    ----------
    stamps : pandas.Series
        The file's ``dateTime`` stamps (UTC, naive), unreadable ones left out.
    file_day : pandas.Timestamp or None
        The date in the file name (``steps-2020-04-01.json``): the user's
        local day the file starts on.

    Returns
    -------
    offset : pandas.Timedelta or None
        Local time minus UTC (``+10:00`` in Brisbane, ``-05:00`` in New York
        in winter), or None.
    kind : {"exact", "at_least", "unknown", "none"}
        ``"exact"``: the file records every minute of its first hour, so its
        first stamp is the file day's local midnight and ``file_day - first``
        is the offset. ``"at_least"``: the first stamp lies before the file
        day's UTC midnight, which only an offset east of UTC explains; the
        offset is at least ``file_day - first``, rounded up to a quarter of
        an hour (more if the first step came after midnight), and that
        smallest offset is used. ``"unknown"``: the first stamp lies on or
        after the file day's UTC midnight by a whole number of quarter hours
        and the first hour has gaps: the user may live west of UTC or have
        taken a first step after midnight, and the file cannot tell which.
        ``"none"``: no date in the file name, a first stamp on or after that
        date that no zone's midnight explains (``03:51``), or an offset
        outside -12:00..+14:00.
    """
    if file_day is None or pd.isna(file_day) or not len(stamps):
        return None, "none"
    first = stamps.min()
    gap = file_day - first
    if not _MIN_OFFSET <= gap <= _MAX_OFFSET:
        return None, "none"
    run = pd.date_range(first, periods=_RUN, freq="min")
    from_start = bool(pd.Index(stamps.unique()).isin(run).sum() == _RUN)
    if from_start and gap % _QUARTER == pd.Timedelta(0):
        return gap, "exact"
    if gap > pd.Timedelta(0):
        return _QUARTER * -(-gap // _QUARTER), "at_least"
    if gap % _QUARTER != pd.Timedelta(0):  # no zone is that far from midnight
        return None, "none"
    return None, "unknown"


def _offset_text(offset: pd.Timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def _note_partial_days(local: pd.Series, report: LoadReport) -> None:
    if not len(local):
        return
    first, last = local.min(), local.max()
    if first != first.normalize():
        report.notes.append(
            Message(
                "read.fitbit.partial_first_day",
                day=first.strftime("%Y-%m-%d"),
                time=first.strftime("%H:%M"),
            )
        )
    if last.strftime("%H:%M") != "23:59":
        report.notes.append(
            Message(
                "read.fitbit.partial_last_day",
                day=last.strftime("%Y-%m-%d"),
                time=last.strftime("%H:%M"),
            )
        )


def _fitbit_active(
    raw: pd.DataFrame, src: Source, report: LoadReport, subject: str | None, metric: str
) -> pd.DataFrame:
    if metric not in _COUNTED:
        report.ignore(len(raw), Message("read.fitbit.light_not_counted"))
        empty = pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"), "row": []})
        return _finish_entries(empty, report, subject, None)
    stamps, bad = _series_stamps(raw, report)
    entries = pd.DataFrame(
        {
            "date": stamps[~bad].dt.normalize(),
            "active_minutes": raw.loc[~bad, "value"],
            "row": raw.loc[~bad, "row"],
        }
    )
    partner = _COUNTED[metric]
    partner_name = os.path.basename(src.name).replace(metric, f"{partner}_active_minutes", 1)
    extra = _partner_minutes(src, partner_name)
    if extra is None:
        report.notes.append(
            Message("read.fitbit.active_partner_missing", metric=metric, partner=partner_name)
        )
    else:
        own = pd.to_numeric(entries["active_minutes"], errors="coerce")
        first_of_day = own.notna() & ~entries["date"].duplicated()
        added = entries.loc[first_of_day, "date"].map(extra).fillna(0)
        entries["active_minutes"] = entries["active_minutes"].astype(object)
        entries.loc[first_of_day, "active_minutes"] = own[first_of_day] + added
        unmatched = int((~extra.index.isin(entries["date"])).sum())
        report.notes.append(
            Message("read.fitbit.active_partner_added", partner=partner_name, n=unmatched)
        )
    report.columns["active_minutes"] = Message("read.fitbit.active_source")
    return _finish_entries(entries, report, subject, "active_minutes")


def _partner_minutes(src: Source, name: str) -> pd.Series | None:
    """Per-day minutes of the partner file next to ``src``, or None when absent."""
    if src.path is None or not (src.path.parent / name).is_file():
        return None
    records = load_json(open_source(src.path.parent / name), "Fitbit")
    if not isinstance(records, list):
        return None
    frame = pd.DataFrame.from_records([r for r in records if isinstance(r, dict)])
    if not {"dateTime", "value"} <= set(frame.columns):
        return None
    days = pd.to_datetime(frame["dateTime"], format="%m/%d/%y %H:%M:%S", errors="coerce")
    minutes = pd.to_numeric(frame["value"], errors="coerce")
    ok = days.notna() & minutes.between(0, 1440)
    return minutes[ok].groupby(days[ok].dt.normalize()).sum()


# ---------------------------------------------------------------- Google Fit
def _zone(tz: str | None, report: LoadReport) -> Any:
    if tz is None:
        from dateutil.tz import tzlocal

        zone = tzlocal()
        here = datetime.now().astimezone().tzname()
        report.notes.append(Message("read.fitbit.local_zone", zone=here))
        return zone
    zone = _zone_info(tz)
    report.notes.append(Message("read.fitbit.given_zone", zone=tz))
    return zone


def _zone_info(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        msg = f"tz={tz!r} is not a time zone name; use one like 'Europe/Amsterdam' or 'UTC'"
        raise ValueError(msg) from exc


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
            reason = Reason.NOT_A_DATE.message(example="2021-01-19T22:42:00.000Z")
        elif end <= start:
            reason = Reason.ENDS_BEFORE_START.message()
        elif end - start > pd.Timedelta(hours=24):
            reason = Reason.OVER_24H.message()
        if reason:
            value = f"{s.get('startTime')} - {s.get('endTime')}"
            report.refuse([row], "startTime/endTime", [value], reason)
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
