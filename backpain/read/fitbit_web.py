"""Fitbit's fitbit.com "Export data" monthly CSV and the Fitbit Web API's daily JSON.

Two files people have from Fitbit besides the Takeout JSON of :mod:`.fitbit`:

- the legacy monthly CSV of fitbit.com's "Export data" (``fitbit_export_YYYY_MM.csv``):
  a section line (``Activities``, ``Sleep``, ``Body``, ``Foods``) before each table,
  dates in the account's order (``01-03-2017``), numbers quoted with a thousands
  separator (``"6,511"``). Layout from real exports (FORMATS.md, "Seen in more real
  exports (2026-12)") and, for the ``Sleep`` table's header, the documented Fitbit
  layout of the public sleep-diary format notes (``Start Time,End Time,Minutes
  Asleep,Minutes Awake,Number of Awakenings,Time in Bed,Minutes REM Sleep,Minutes
  Light Sleep,Minutes Deep Sleep``, times like ``2010-10-13 11:12PM``);
- the Fitbit Web API's daily time series: ``{"activities-steps": [{"dateTime":
  "2019-01-01", "value": "6511"}]}`` (values as strings; series keys are the API's
  resource paths, e.g. ``activities-minutesVeryActive``, ``sleep-minutesAsleep``).

Both hold activity and sleep, never pain.
"""

from __future__ import annotations

import csv
import os
import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._catalogue import register_texts
from ..errors import DiaryError
from ..text import Message
from ._format import MATCH, Detected, Format, not_mine
from ._parse import parse_dates
from ._problems import Reason
from ._source import Source, load_json, open_source
from ._wearable import cannot_read, finish, new_report

if TYPE_CHECKING:
    from ._report import LoadReport

__all__ = [
    "API_FORMAT",
    "API_SERIES",
    "CSV_FORMAT",
    "detect_fitbit_api",
    "detect_fitbit_csv",
    "read_fitbit_api",
    "read_fitbit_csv",
]

# This reader's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "formats.detect.fitbit_api": (
            'not a Fitbit Web API series ({{"activities-steps": [...]}})',
            'geen reeks van de Fitbit Web API ({{"activities-steps": [...]}})',
        ),
        "formats.detect.fitbit_csv": (
            "no fitbit.com export section line (Activities, Sleep, Body, Foods) before a table",
            "geen sectieregel van een fitbit.com-export (Activities, Sleep, Body, Foods) voor een tabel",
        ),
        "formats.fitbit_api.not_series": (
            'it is not a JSON object of series lists like {{"activities-steps": [...]}}',
            'het is geen JSON-object met reeksen zoals {{"activities-steps": [...]}}',
        ),
        "formats.fitbit_api.one_active_series": (
            "only one of minutesVeryActive and minutesFairlyActive is in the file: active "
            "minutes count that one only (Fitbit's active minutes are their sum)",
            "maar één van minutesVeryActive en minutesFairlyActive staat in het bestand: de "
            "actieve minuten tellen alleen die (de actieve minuten van Fitbit zijn hun som)",
        ),
        "formats.fitbit_api.other_series": (
            "series {series} (not a diary variable)",
            "reeks {series} (geen variabele van het dagboek)",
        ),
        "formats.fitbit_api.todo": (
            "Pass the API's response unchanged (one or more daily series)",
            "Geef het antwoord van de API onveranderd op (een of meer dagelijkse reeksen)",
        ),
        "formats.fitbit_csv.ambiguous": (
            "every date has a day of 12 or less, so whether 01-03-2017 is 1 March or 3 January "
            "cannot be told from the file",
            "elke datum heeft een dag van 12 of minder, dus of 01-03-2017 1 maart of 3 januari is, "
            "valt uit het bestand niet op te maken",
        ),
        "formats.fitbit_csv.column_sleep": (
            "Sleep: Minutes Asleep / 60 per day of End Time (the wake-up day)",
            "Sleep: Minutes Asleep / 60 per dag van End Time (de dag van ontwaken)",
        ),
        "formats.fitbit_csv.day_example": (
            "01-03-2017, in the account's order",
            "01-03-2017, in de volgorde van het account",
        ),
        "formats.fitbit_csv.ignored_empty": (
            "row without steps, active minutes or sleep",
            "regel zonder stappen, actieve minuten of slaap",
        ),
        "formats.fitbit_csv.no_column": (
            "a table lacks its {column!r} column",
            "een tabel mist de kolom {column!r}",
        ),
        "formats.fitbit_csv.no_table": (
            "it has neither an Activities nor a Sleep table (sections found: {found})",
            "het heeft geen tabel Activities en geen tabel Sleep (gevonden secties: {found})",
        ),
        "formats.fitbit_csv.note_rules": (
            "fitbit.com export: steps from Activities; active minutes = Minutes Fairly Active + "
            "Minutes Very Active (moderate to vigorous; light activity not counted); sleep = "
            "Minutes Asleep on the day it ends; days as the account writes them (local time)",
            "fitbit.com-export: stappen uit Activities; actieve minuten = Minutes Fairly Active + "
            "Minutes Very Active (matig tot zwaar; licht bewegen niet meegeteld); slaap = Minutes "
            "Asleep op de dag waarop ze eindigt; dagen zoals het account ze schrijft (lokale tijd)",
        ),
        "formats.fitbit_csv.number_unit": (
            "like 6,511 or 4.52: a comma only as thousands separator",
            "zoals 6,511 of 4.52: een komma enkel als scheiding van duizendtallen",
        ),
        "formats.fitbit_csv.other_section": (
            "section {section} (not a diary variable)",
            "sectie {section} (geen variabele van het dagboek)",
        ),
        "formats.fitbit_csv.todo": (
            "Export the month again from fitbit.com (Settings, Data export) with Activities and "
            "Sleep selected, as CSV, and pass the file unchanged",
            "Exporteer de maand opnieuw uit fitbit.com (Instellingen, Gegevensexport) met "
            "Activities en Sleep aangevinkt, als CSV, en geef het bestand onveranderd op",
        ),
        "formats.fitbit_csv.todo_dayfirst": (
            "The dates do not show their order: {option.dayfirst}, or read the file together with a later month's export that holds a day above 12",
            "De datums tonen hun volgorde niet: {option.dayfirst}, of lees het bestand samen met de export van een latere maand die een dag boven 12 bevat",
        ),
    },
)

_DAY = Message("formats.fitbit_csv.day_example")
_UNIT = Message("formats.fitbit_csv.number_unit")

ACTIVITIES_HEADER = (
    "Date,Calories Burned,Steps,Distance,Floors,Minutes Sedentary,Minutes Lightly Active,"
    "Minutes Fairly Active,Minutes Very Active,Activity Calories"
)
SLEEP_HEADER = (
    "Start Time,End Time,Minutes Asleep,Minutes Awake,Number of Awakenings,Time in Bed,"
    "Minutes REM Sleep,Minutes Light Sleep,Minutes Deep Sleep"
)
_SECTIONS = ("Activities", "Sleep", "Body", "Foods", "Food Log")
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")

API_SERIES: dict[str, str] = {
    "activities-steps": "steps",
    "activities-tracker-steps": "steps",
    "activities-minutesVeryActive": "very",
    "activities-minutesFairlyActive": "fairly",
    "activities-tracker-minutesVeryActive": "very",
    "activities-tracker-minutesFairlyActive": "fairly",
    "sleep-minutesAsleep": "sleep",
}
"""Web API series read, by their response key: steps, the two minutes that make
moderate-to-vigorous activity (Fitbit's "active minutes", as in :mod:`.fitbit`),
and minutes asleep. Other series (calories, distance, ...) are ignored by name."""


# ----------------------------------------------------------- legacy monthly CSV
def _lines(source: Source) -> list[str]:
    return source.text().lstrip("\ufeff").splitlines()


def detect_fitbit_csv(source: Source) -> Detected:
    """A match for a fitbit.com "Export data" CSV: a section line, then its table's header."""
    head = source.head(4096).decode("utf-8", errors="ignore").lstrip("\ufeff").splitlines()
    head = [h.strip() for h in head if h.strip()]
    if len(head) >= 2 and head[0] in _SECTIONS and "," in head[1] and "," not in head[0]:
        return MATCH
    return not_mine(Message("formats.detect.fitbit_csv"))


def _sections(lines: list[str]) -> list[tuple[str, list[str], list[tuple[int, list[str]]]]]:
    """(name, header, [(line number, cells)]) per section, in file order."""
    out: list[tuple[str, list[str], list[tuple[int, list[str]]]]] = []
    i = 0
    while i < len(lines):
        text = lines[i].strip()
        if text in _SECTIONS and i + 1 < len(lines):
            header = next(csv.reader([lines[i + 1]]))
            rows: list[tuple[int, list[str]]] = []
            j = i + 2
            while j < len(lines) and lines[j].strip() and lines[j].strip() not in _SECTIONS:
                rows.append((j + 1, next(csv.reader([lines[j]]))))
                j += 1
            out.append((text, [h.strip() for h in header], rows))
            i = j
        else:
            i += 1
    return out


def _number(values: pd.Series) -> pd.Series:
    """``"6,511"`` -> 6511.0; ``"4.52"`` -> 4.52; anything else NaN."""
    text = values.astype("string").str.strip()
    ok = text.str.match(_THOUSANDS.pattern).fillna(False).astype(bool)
    value = pd.to_numeric(text.where(ok).str.replace(",", "", regex=False), errors="coerce")
    return value.astype("float64")


def read_fitbit_csv(
    source: Source | str | os.PathLike | bytes,
    *,
    subject: str | None = None,
    dayfirst: bool | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a fitbit.com "Export data" monthly CSV into the daily diary.

    Parameters
    ----------
    source : Source, path or bytes
        ``fitbit_export_YYYY_MM.csv`` as fitbit.com wrote it.
    subject : str, optional
        Subject id (default ``"me"``).
    dayfirst : bool, optional
        The order of the dates when the file cannot tell (every date with a
        day of 12 or less): ``True`` for ``01-03-2017`` = 1 March.

    Returns
    -------
    diary : pandas.DataFrame
        One row per day: ``subject``, ``date``, ``pain`` (always NaN),
        ``steps``, ``active_minutes`` and ``sleep_hours`` where the file
        has them.
    report : LoadReport
        Each data line of every section is one input row (line numbers of
        the file); the ``Body`` and ``Foods`` sections' rows are ignored.

    Raises
    ------
    DiaryError
        When the file has neither an ``Activities`` nor a ``Sleep`` table,
        or when every date is ambiguous and ``dayfirst`` is not given.

    Notes
    -----
    - **Dates** are in the account's order (day-first ``01-03-2017`` in a
      European account): the order is decided once from every date in the
      file, Activities and Sleep together (a day above 12 settles it), by
      the shared date rules.
    - **Numbers** are quoted with a comma as thousands separator
      (``"6,511"``); a value written otherwise rejects its row.
    - **Steps**: ``Steps`` of the Activities table. **Active minutes**:
      ``Minutes Fairly Active + Minutes Very Active`` (moderate-to-vigorous
      activity, Fitbit's own "active minutes"; light activity not counted).
    - **Sleep**: ``Minutes Asleep / 60`` per day of ``End Time`` (the
      wake-up day), naps and nights added up.

    Examples
    --------
    >>> csv = (b"Activities\\n" + ACTIVITIES_HEADER.encode() + b"\\n"
    ...        b'"13-03-2017","2,310","6,511","4.52","5","1,120","210","15","20","987"\\n')
    >>> diary, report = read_fitbit_csv(csv)
    >>> diary[["date", "steps", "active_minutes"]]
            date   steps  active_minutes
    0 2017-03-13  6511.0            35.0
    """
    src = source if isinstance(source, Source) else open_source(source)
    report = new_report(src, "fitbit_csv")
    sections = _sections(_lines(src))
    report.rows_read = sum(len(rows) for _, _, rows in sections)
    tables = {name: (header, rows) for name, header, rows in sections}
    if "Activities" not in tables and "Sleep" not in tables:
        raise cannot_read(
            src,
            "fitbit_csv",
            Message("formats.fitbit_csv.no_table", found=[n for n, _, _ in sections]),
            Message("formats.fitbit_csv.todo"),
        )
    for name, _, rows in sections:
        if name not in ("Activities", "Sleep"):
            report.ignore(len(rows), Message("formats.fitbit_csv.other_section", section=name))
    frames = {
        name: _table(header, rows, report)
        for name, (header, rows) in tables.items()
        if name in ("Activities", "Sleep")
    }
    act = frames.get("Activities", pd.DataFrame(columns=["Date", "row"]))
    slp = frames.get("Sleep", pd.DataFrame(columns=["End Time", "row"]))
    for frame, column in ((act, "Date"), (slp, "End Time")):
        if column not in frame.columns:
            raise cannot_read(
                src,
                "fitbit_csv",
                Message("formats.fitbit_csv.no_column", column=column),
                Message("formats.fitbit_csv.todo"),
            )
    all_dates = pd.concat([act["Date"], slp["End Time"]], ignore_index=True).astype("string")
    try:
        parsed, how = parse_dates(all_dates.str.strip(), dayfirst=dayfirst)
    except DiaryError as exc:
        raise cannot_read(
            src,
            "fitbit_csv",
            Message("formats.fitbit_csv.ambiguous"),
            Message("formats.fitbit_csv.todo_dayfirst"),
        ) from exc
    report.notes.append(how)
    act_day = pd.Series(parsed[: len(act)].to_numpy(), index=act.index)
    slp_day = pd.Series(parsed[len(act) :].to_numpy(), index=slp.index)
    entries = []
    if len(act):
        entries.append(_activities(act, act_day, report))
    if len(slp):
        entries.append(_sleep(slp, slp_day, report))
    report.notes.append(Message("formats.fitbit_csv.note_rules"))
    merged = (
        pd.concat(entries, ignore_index=True) if entries else pd.DataFrame(columns=["date", "row"])
    )
    return finish(
        merged, report, subject, empty=Message("formats.fitbit_csv.ignored_empty")
    ), report


def _table(
    header: list[str], rows: list[tuple[int, list[str]]], report: LoadReport
) -> pd.DataFrame:
    """A section's rows under its header; a line with more cells than the header is rejected."""
    width = len(header)
    long = [(n, cells) for n, cells in rows if len(cells) > width]
    if long:
        report.refuse(
            [n for n, _ in long],
            "",
            [",".join(c[width:])[:60] for _, c in long],
            Reason.TOO_MANY_CELLS,
            n=width,
        )
    fit = [(n, cells + [""] * (width - len(cells))) for n, cells in rows if len(cells) <= width]
    frame = pd.DataFrame([c for _, c in fit], columns=header, dtype=object)
    frame["row"] = np.asarray([n for n, _ in fit], dtype="int64")
    return frame


def _activities(act: pd.DataFrame, day: pd.Series, report: LoadReport) -> pd.DataFrame:
    bad_day = day.isna()
    report.refuse(act["row"], "Date", act["Date"], Reason.NOT_A_DATE, mask=bad_day, example=_DAY)
    good = ~bad_day
    out = pd.DataFrame({"date": day, "row": act["row"]})
    wanted = {
        "steps": ["Steps"],
        "active_minutes": ["Minutes Fairly Active", "Minutes Very Active"],
    }
    for variable, columns in wanted.items():
        present = [c for c in columns if c in act.columns]
        if not present:
            continue
        parts = []
        for c in present:
            value = _number(act[c])
            text = act[c].astype("string").str.strip().fillna("")
            bad = good & (text != "") & value.isna()
            report.refuse(act["row"], c, act[c], Reason.NOT_A_NUMBER, mask=bad, name=c, unit=_UNIT)
            good &= ~bad
            parts.append(value)
        total = pd.concat(parts, axis=1).sum(axis=1, min_count=1)
        out[variable] = total.where(good)
        report.columns[variable] = " + ".join(present)
    return out[good]


def _sleep(slp: pd.DataFrame, day: pd.Series, report: LoadReport) -> pd.DataFrame:
    bad_day = day.isna()
    end = "End Time"
    report.refuse(slp["row"], end, slp[end], Reason.NOT_A_DATE, mask=bad_day, example=_DAY)
    minutes = _number(slp.get("Minutes Asleep", pd.Series("", index=slp.index)))
    bad = ~bad_day & ~minutes.between(0, 1440)
    if "Minutes Asleep" in slp.columns:
        asleep = "Minutes Asleep"
        report.refuse(
            slp["row"], asleep, slp[asleep], Reason.NOT_A_NUMBER, mask=bad, name=asleep, unit=_UNIT
        )
    keep = ~bad_day & ~bad
    report.columns["sleep_hours"] = Message("formats.fitbit_csv.column_sleep")
    return pd.DataFrame({"date": day, "sleep_hours": minutes / 60, "row": slp["row"]})[keep]


# ------------------------------------------------------------- Web API JSON
def detect_fitbit_api(source: Source) -> Detected:
    """A match for a Fitbit Web API time series (``{"activities-steps": [...]}``)."""
    head = source.head(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{") and re.search(rb'"(activities|sleep)-[A-Za-z-]+"\s*:', head):
        return MATCH
    return not_mine(Message("formats.detect.fitbit_api"))


def read_fitbit_api(
    source: Source | str | os.PathLike | bytes,
    *,
    subject: str | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a Fitbit Web API daily time series (JSON) into the daily diary.

    Parameters
    ----------
    source : Source, path or bytes
        A JSON object whose keys are the API's series, each a list of
        ``{"dateTime": "YYYY-MM-DD", "value": "..."}``.
    subject : str, optional
        Subject id (default ``"me"``).

    Returns
    -------
    diary : pandas.DataFrame
        One row per day: ``subject``, ``date``, ``pain`` (always NaN) and
        ``steps``, ``active_minutes``, ``sleep_hours`` where the file has
        their series (:data:`API_SERIES`).
    report : LoadReport
        Each element of each series is one input row, numbered from 1 in
        file order; series not read are ignored under their name.

    Raises
    ------
    DiaryError
        When the file is not a JSON object of series lists.

    Notes
    -----
    ``dateTime`` is the user's local day (the API's daily series are dated by
    Fitbit in the account's time zone). ``active_minutes`` is
    ``minutesVeryActive + minutesFairlyActive`` when both series are in the
    file, else the one present (and the notes say so). ``sleep_hours`` is
    ``minutesAsleep / 60``. Values are taken as written (a ``"0"`` stays 0).

    Examples
    --------
    >>> api = b'{"activities-steps": [{"dateTime": "2019-01-01", "value": "6511"}]}'
    >>> diary, report = read_fitbit_api(api)
    >>> diary[["date", "steps"]]
            date   steps
    0 2019-01-01  6511.0
    """
    src = source if isinstance(source, Source) else open_source(source)
    report = new_report(src, "fitbit_api")
    obj = load_json(src, "Fitbit")
    if not isinstance(obj, dict) or not all(isinstance(v, list) for v in obj.values()):
        raise cannot_read(
            src,
            "fitbit_api",
            Message("formats.fitbit_api.not_series"),
            Message("formats.fitbit_api.todo"),
        )
    parts: list[pd.DataFrame] = []
    row = 0
    for key, items in obj.items():
        frame = pd.DataFrame.from_records([i if isinstance(i, dict) else {} for i in items])
        frame = frame.reindex(columns=["dateTime", "value"])
        frame["row"] = np.arange(row + 1, row + len(items) + 1)
        frame["series"] = key
        row += len(items)
        parts.append(frame)
    report.rows_read = row
    frame = (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame(columns=["dateTime", "value", "row", "series"])
    )
    kind = frame["series"].map(API_SERIES)
    for key in frame.loc[kind.isna(), "series"].drop_duplicates():
        n = int((frame["series"] == key).sum())
        report.ignore(n, Message("formats.fitbit_api.other_series", series=key))
    frame, kind = frame[kind.notna()], kind[kind.notna()]
    day = pd.to_datetime(frame["dateTime"].astype("string"), format="%Y-%m-%d", errors="coerce")
    value = pd.to_numeric(frame["value"].astype("string"), errors="coerce").astype("float64")
    bad_day = day.isna()
    day_col = "dateTime"
    report.refuse(
        frame["row"], day_col, frame[day_col], Reason.NOT_A_DATE, mask=bad_day, example="2019-01-01"
    )
    bad = ~bad_day & ~(value >= 0)
    values, unit = frame["value"], Message("read.unit.at_least", low=0)
    report.refuse(
        frame["row"], "value", values, Reason.NOT_A_NUMBER, mask=bad, name="value", unit=unit
    )
    keep = ~bad_day & ~bad
    frame, kind, day, value = frame[keep], kind[keep], day[keep], value[keep]
    variable = kind.map(
        {
            "steps": "steps",
            "very": "active_minutes",
            "fairly": "active_minutes",
            "sleep": "sleep_hours",
        }
    )
    value = value.where(kind != "sleep", value / 60)
    entries = pd.DataFrame({"date": day, "row": frame["row"]})
    for name in ("steps", "active_minutes", "sleep_hours"):
        mine = variable == name
        if mine.any():
            entries[name] = value.where(mine)
            report.columns[name] = " + ".join(sorted(frame.loc[mine, "series"].unique()))
    both = {"very", "fairly"} <= set(kind)
    if (kind.isin(["very", "fairly"])).any() and not both:
        report.notes.append(Message("formats.fitbit_api.one_active_series"))
    return finish(entries, report, subject), report


CSV_FORMAT = Format("fitbit_csv", detect_fitbit_csv, read_fitbit_csv)
"""The ``fitbit_csv`` entry of :data:`backpain.read.FORMATS` (fitbit.com monthly CSV)."""

API_FORMAT = Format("fitbit_api", detect_fitbit_api, read_fitbit_api)
"""The ``fitbit_api`` entry of :data:`backpain.read.FORMATS` (Web API time series)."""
