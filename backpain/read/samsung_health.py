"""Samsung Health CSV exports: daily steps and sleep.

Samsung Health ("Download personal data") writes one CSV per data type, such
as ``com.samsung.shealth.step_daily_trend.20240301120000.csv``. The first line
names the type (``com.samsung.shealth.sleep,6312004,3``), the second holds the
headers (in newer versions prefixed with the type, e.g.
``com.samsung.health.sleep.start_time``), and data rows end with a comma.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._catalogue import register_texts
from ..text import Message
from ._format import MATCH, Detected, Format, not_mine
from ._parse import parse_stamps
from ._problems import Reason
from ._source import Source, open_source
from ._wearable import cannot_read, finish, new_report, numbers, read_rows

if TYPE_CHECKING:
    from ._report import LoadReport

__all__ = ["FORMAT", "STEP_SOURCE_COMBINED", "detect_samsung_health", "read_samsung_health"]

# This reader's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "formats.detect.samsung_health": (
            "the first line is not a Samsung Health data type (com.samsung.shealth....)",
            "de eerste regel is geen gegevenstype van Samsung Health (com.samsung.shealth....)",
        ),
        "formats.ignored.no_value": (
            "no value in {column!r} (nothing to read)",
            "geen waarde in {column!r} (niets te lezen)",
        ),
        "formats.samsung.day_example": (
            "2024-03-01 00:00:00.000 or epoch milliseconds",
            "2024-03-01 00:00:00.000 of epoch-milliseconden",
        ),
        "formats.samsung.bad_offset": (
            "time_offset is not like UTC+0100",
            "time_offset is niet van de vorm UTC+0100",
        ),
        "formats.samsung.time_example": (
            "2024-03-01 22:30:00.000 (UTC) or epoch milliseconds",
            "2024-03-01 22:30:00.000 (UTC) of epoch-milliseconden",
        ),
        "formats.samsung.column_sleep": (
            "end_time - start_time of the sleep sessions (overlaps once), by local wake-up day",
            "end_time - start_time van de slaapperiodes (overlap één keer), per lokale dag "
            "van ontwaken",
        ),
        "formats.samsung.column_steps": (
            "count of step_daily_trend (source_type -2, else the largest device), day of day_time",
            "count van step_daily_trend (source_type -2, anders het grootste toestel), dag van "
            "day_time",
        ),
        "formats.samsung.ignored_step_source": (
            "step row of another source_type on a day already counted (not added, "
            "so the same steps are not counted twice)",
            "stappenregel van een andere source_type op een dag die al geteld is (niet "
            "opgeteld, zodat dezelfde stappen niet dubbel tellen)",
        ),
        "formats.samsung.missing": (
            "the {kind} file has no column {missing} (headers on line 2: {header})",
            "het {kind}-bestand heeft geen kolom {missing} (kopregel op regel 2: {header})",
        ),
        "formats.samsung.no_type": (
            "the first line does not name a Samsung Health data type",
            "de eerste regel noemt geen gegevenstype van Samsung Health",
        ),
        "formats.samsung.note_sleep_zone": (
            "sleep: start_time and end_time are UTC; each session was put on its local "
            "wake-up day using its time_offset",
            "slaap: start_time en end_time zijn UTC; elke slaapperiode staat op de lokale "
            "dag van ontwaken, berekend met haar time_offset",
        ),
        "formats.samsung.note_steps_rule": (
            "steps: a day has one row per device (source_type); took the combined row of "
            "all devices (source_type -2), else the largest single device, never their sum",
            "stappen: een dag heeft één regel per toestel (source_type); de gecombineerde "
            "regel van alle toestellen (source_type -2) is genomen, anders het grootste "
            "toestel, nooit hun som",
        ),
        "formats.samsung.other_type": (
            "it holds Samsung Health {kind!r} data; only daily steps (step_daily_trend) "
            "and sleep are read",
            "het bevat Samsung Health-gegevens van het type {kind!r}; alleen dagelijkse "
            "stappen (step_daily_trend) en slaap worden gelezen",
        ),
        "formats.samsung.todo": (
            "Pass com.samsung.shealth.step_daily_trend.*.csv or com.samsung.shealth.sleep.*.csv "
            "from the export folder, unchanged",
            "Geef com.samsung.shealth.step_daily_trend.*.csv of com.samsung.shealth.sleep.*.csv "
            "uit de exportmap, onveranderd",
        ),
    },
)

_DAY_LIKE = Message("formats.samsung.day_example")
_TIME_LIKE = Reason.NOT_A_DATE.message(example=Message("formats.samsung.time_example"))

STEP_SOURCE_COMBINED = -2
"""``source_type`` of the ``step_daily_trend`` row that combines all devices."""

_TYPE = re.compile(r"^\ufeff?(com\.samsung\.s?health\.[A-Za-z0-9_.]+)\s*(,|$)")
_READ = ("step_daily_trend", "sleep")
_OFFSET = re.compile(r"^UTC([+-])(\d{2}):?(\d{2})$")


def _kind(type_name: str) -> str:
    """``com.samsung.shealth.step_daily_trend`` (maybe with ``.v2`` or a number) -> base name."""
    base = re.sub(r"^com\.samsung\.s?health\.", "", type_name)
    return re.sub(r"(\.v?\d+)+$", "", base)


def _first_line(source: Source) -> str:
    return source.head(512).decode("utf-8", errors="ignore").split("\n", 1)[0].strip()


def detect_samsung_health(source: Source) -> Detected:
    """A match for a Samsung Health CSV (first line: the data type), else why not.

    Every Samsung Health data type is recognised, so that a type this package
    does not read (heart rate, stress) gets an error naming the types it does.
    """
    if _TYPE.match(_first_line(source)) is None:
        return not_mine(Message("formats.detect.samsung_health"))
    return MATCH


def _column(header: list[str], name: str) -> str | None:
    """The header for ``name``, bare or prefixed (``com.samsung.health.sleep.start_time``)."""
    for h in header:
        if h == name or h.endswith("." + name):
            return h
    return None


def _instants(values: pd.Series, report: LoadReport, dayfirst: bool | None) -> pd.Series:
    """Samsung times (``2024-03-01 22:40:00.000`` in UTC, or epoch milliseconds) -> UTC.

    Other dates (``6/1/2021 0:00`` after Excel) by the shared date rules, their
    day/month order decided once from all of ``values`` (a note says how).
    """
    text = values.astype("string").str.strip()
    epoch = text.str.fullmatch(r"\d{10,13}").fillna(False).astype(bool)
    out, how = parse_stamps(
        text.where(~epoch), formats=_FORMATS, dayfirst=dayfirst, source=report.source
    )
    if how is not None:
        report.notes.append(how)
    ms = pd.to_numeric(text.where(epoch), errors="coerce")
    out[epoch] = pd.to_datetime(ms[epoch], unit="ms")
    return out.astype("datetime64[ns]")


_FORMATS = ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S")
"""How Samsung Health writes its times (FORMATS.md, Samsung Health)."""


def _offsets(values: pd.Series) -> pd.Series:
    """``UTC+0100`` (or milliseconds, as the Samsung SDK writes them) -> Timedelta."""
    text = values.astype("string").str.strip()
    parts = text.str.extract(_OFFSET.pattern)
    minutes = parts[1].astype("float64") * 60 + parts[2].astype("float64")
    minutes = minutes.where(parts[0] != "-", -minutes)
    ms = pd.to_numeric(text.where(parts[0].isna()), errors="coerce").astype("float64") / 60000
    minutes = minutes.fillna(ms.where(ms.abs() <= 14 * 60))
    return pd.to_timedelta(minutes, unit="min")


def read_samsung_health(
    source: Source | str | os.PathLike | bytes,
    *,
    subject: str | None = None,
    dayfirst: bool | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a Samsung Health ``step_daily_trend`` or ``sleep`` CSV.

    Parameters
    ----------
    source : Source, path or bytes
        One CSV from the Samsung Health export folder. Its first line says
        which data type it holds.
    subject : str, optional
        Subject id (default ``"me"``).
    dayfirst : bool, optional
        The order of numeric dates that are not Samsung's own (``6/1/2021 0:00``
        in a file saved by Excel), when the file itself cannot tell.

    Returns
    -------
    diary : pandas.DataFrame
        One row per day: ``subject``, ``date``, ``pain`` (always NaN) and
        ``steps`` (step files) or ``sleep_hours`` (sleep files).
    report : LoadReport
        Each line after the header is one input row, numbered as the file's
        line (metadata line 1, header line 2, first data row 3).

    Raises
    ------
    DiaryError
        For a Samsung Health type other than steps or sleep, or a file
        without the columns its type needs.

    Notes
    -----
    - **Steps** (``step_daily_trend``): ``day_time`` marks the local
      calendar day (Samsung stores that day's midnight as UTC epoch
      milliseconds), so the date is read without applying an offset. A day
      has one row per ``source_type``: the combined row of all devices
      (``source_type`` -2) is taken, else the largest single-device row.
      Rows are never added up, because the phone and the watch count the same
      steps; the other rows are counted as ignored.
    - **Sleep** (``sleep``): ``start_time`` and ``end_time`` are UTC;
      ``time_offset`` (``UTC+0100``) gives local time. Each session's
      ``end_time - start_time`` counts for the local date it ends (the
      wake-up day); overlapping sessions (phone and watch) count once, and a
      night and a nap on the same day are added.
    - **Dates saved by Excel** (``6/1/2021 0:00``): the day/month order is
      decided once from the whole file (``6/13/2021`` settles month-first) by
      the shared date rules (:func:`backpain.read._parse.parse_stamps`); when
      every such date is ambiguous the file is refused, asking for ``dayfirst=``.

    Examples
    --------
    >>> csv = (b"com.samsung.shealth.sleep,6312004,3\\n"
    ...        b"com.samsung.health.sleep.start_time,com.samsung.health.sleep.end_time,"
    ...        b"com.samsung.health.sleep.time_offset,\\n"
    ...        b"2024-03-01 22:30:00.000,2024-03-02 05:45:00.000,UTC+0100,\\n")
    >>> diary, report = read_samsung_health(csv)
    >>> diary[["date", "pain", "sleep_hours"]]
            date  pain  sleep_hours
    0 2024-03-02   NaN         7.25
    """
    src = source if isinstance(source, Source) else open_source(source)
    match = _TYPE.match(_first_line(src))
    if match is None:
        raise cannot_read(
            src,
            "samsung_health",
            Message("formats.samsung.no_type"),
            Message("formats.samsung.todo"),
        )
    kind = _kind(match.group(1))
    if kind not in _READ:
        raise cannot_read(
            src,
            "samsung_health",
            Message("formats.samsung.other_type", kind=kind),
            Message("formats.samsung.todo"),
        )
    report = new_report(src, "samsung_health")
    header, rows = read_rows(src, report, header_line=2)
    if kind == "sleep":
        entries = _sleep(src, header, rows, report, dayfirst)
    else:
        entries = _steps(src, header, rows, report, dayfirst)
    return finish(entries, report, subject), report


def _need(src: Source, header: list[str], names: tuple[str, ...], kind: str) -> list[str]:
    found = [_column(header, n) for n in names]
    missing = [n for n, f in zip(names, found, strict=True) if f is None]
    if missing:
        raise cannot_read(
            src,
            "samsung_health",
            Message("formats.samsung.missing", kind=kind, missing=missing, header=header[:12]),
            Message("formats.samsung.todo"),
        )
    return [f for f in found if f is not None]


def _steps(
    src: Source, header: list[str], rows: pd.DataFrame, report: LoadReport, dayfirst: bool | None
) -> pd.DataFrame:
    day_col, count_col = _need(src, header, ("day_time", "count"), "step_daily_trend")
    type_col = _column(header, "source_type")
    values, good = numbers(rows, [count_col], report)
    day = _instants(rows[day_col], report, dayfirst).dt.normalize()
    empty = good & values[count_col].isna()
    report.ignore(int(empty.sum()), Message("formats.ignored.no_value", column=count_col))
    good &= ~empty
    bad_day = good & day.isna()
    report.refuse(
        rows["row"], day_col, rows[day_col], Reason.NOT_A_DATE, mask=bad_day, example=_DAY_LIKE
    )
    good &= ~bad_day
    source_type = (
        pd.to_numeric(rows[type_col], errors="coerce")
        if type_col
        else pd.Series(np.nan, rows.index)
    )
    cand = pd.DataFrame(
        {
            "date": day,
            "steps": values[count_col],
            "row": rows["row"],
            "combined": source_type == STEP_SOURCE_COMBINED,
        }
    )[good]
    cand = cand.sort_values(["date", "combined", "steps"], ascending=[True, False, False])
    best = ~cand["date"].duplicated()
    report.ignore(int((~best).sum()), Message("formats.samsung.ignored_step_source"))
    if (~best).any():
        report.notes.append(Message("formats.samsung.note_steps_rule"))
    report.columns["steps"] = Message("formats.samsung.column_steps")
    return cand.loc[best, ["date", "steps", "row"]]


def _sleep(
    src: Source, header: list[str], rows: pd.DataFrame, report: LoadReport, dayfirst: bool | None
) -> pd.DataFrame:
    start_col, end_col, offset_col = _need(
        src, header, ("start_time", "end_time", "time_offset"), "sleep"
    )
    # one order for the dates of both columns
    both = _instants(
        pd.concat([rows[start_col], rows[end_col]], ignore_index=True), report, dayfirst
    )
    start = pd.Series(both[: len(rows)].to_numpy(), index=rows.index)
    end = pd.Series(both[len(rows) :].to_numpy(), index=rows.index)
    offset = _offsets(rows[offset_col])
    checks = [
        (start.isna(), start_col, _TIME_LIKE),
        (end.isna(), end_col, _TIME_LIKE),
        (offset.isna(), offset_col, Message("formats.samsung.bad_offset")),
        (end <= start, end_col, Reason.ENDS_BEFORE_START),
        (end - start > pd.Timedelta(hours=24), end_col, Reason.OVER_24H),
    ]
    good = pd.Series(True, index=rows.index)
    for mask, column, reason in checks:
        mask = mask.fillna(False).astype(bool) & good
        report.refuse(rows["row"], column, rows[column], reason, mask=mask)
        good &= ~mask
    wake = (end + offset).dt.normalize()
    report.notes.append(Message("formats.samsung.note_sleep_zone"))
    report.columns["sleep_hours"] = Message("formats.samsung.column_sleep")
    return _union_hours(
        pd.DataFrame({"date": wake, "start": start, "end": end, "row": rows["row"]})[good]
    )


def _union_hours(iv: pd.DataFrame) -> pd.DataFrame:
    """Hours covered by the ``start``-``end`` intervals of each ``date`` (overlaps once).

    Returns ``date``, ``sleep_hours``, ``row`` (the day's first input row)
    and ``n_rows`` (how many intervals the day combines).
    """
    iv = iv.sort_values(["date", "start"], kind="stable")
    out = []
    for day, group in iv.groupby("date", sort=True):
        total = pd.Timedelta(0)
        reach = None
        for s, e in zip(group["start"], group["end"], strict=True):
            if reach is None or s >= reach:
                total += e - s
                reach = e
            elif e > reach:
                total += e - reach
                reach = e
        out.append((day, total.total_seconds() / 3600, group["row"].min(), len(group)))
    return pd.DataFrame(out, columns=["date", "sleep_hours", "row", "n_rows"])


FORMAT = Format("samsung_health", detect_samsung_health, read_samsung_health)
"""The ``samsung_health`` entry of :data:`backpain.read.FORMATS`."""
