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

from .._catalogue import register_texts
from ..errors import DiaryError
from ..text import Message
from ._format import MATCH, Detected, Format, not_mine
from ._parse import ISO_DATE, parse_dates
from ._problems import Reason
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

__all__ = ["FORMAT", "detect_health_auto_export", "read_health_auto_export"]

# This reader's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "formats.detect.health_auto_export": (
            "the first header is not Date/Time (Health Auto Export)",
            "de eerste kolomnaam is geen Date/Time (Health Auto Export)",
        ),
        "formats.hae.ambiguous": (
            "every date, like {example!r}, has a day and month of 12 or less, so their order "
            "cannot be told from the file (it was saved by a spreadsheet)",
            "elke datum, zoals {example!r}, heeft een dag en maand van 12 of minder, dus hun "
            "volgorde valt uit het bestand niet op te maken (het werd door een rekenblad bewaard)",
        ),
        "formats.hae.time_example": (
            "2024-03-01 13:00:00, the local time (or, after Excel, 6/13/2021 0:00 in an order the column shows)",
            "2024-03-01 13:00:00, de lokale tijd (of, na Excel, 6/13/2021 0:00 in een volgorde die de kolom toont)",
        ),
        "formats.hae.column_sleep": (
            "Sleep Analysis [Asleep], else (when empty or 0) [Core] + [Deep] + [REM], else "
            "[Total] (hours), summed per day of Date/Time",
            "Sleep Analysis [Asleep], anders (als leeg of 0) [Core] + [Deep] + [REM], anders "
            "[Total] (uren), opgeteld per dag van Date/Time",
        ),
        "formats.hae.column_steps": (
            "Step Count (count), summed per day of Date/Time",
            "Step Count (count), opgeteld per dag van Date/Time",
        ),
        "formats.hae.ignored_empty": (
            "row without steps or sleep (other metrics only)",
            "regel zonder stappen of slaap (alleen andere gegevens)",
        ),
        "formats.hae.in_bed_only": (
            "{n} row(s) have time in bed but no asleep time (Asleep, Core, Deep, REM and Total "
            "are 0 or empty; a phone without a watch records only In Bed): their sleep is left "
            "missing, not 0 (days: {days})",
            "{n} regel(s) hebben tijd in bed maar geen slaaptijd (Asleep, Core, Deep, REM en "
            "Total zijn 0 of leeg; een telefoon zonder horloge registreert alleen In Bed): hun "
            "slaap blijft leeg, niet 0 (dagen: {days})",
        ),
        "formats.hae.no_date": (
            "the first column is not Date/Time (headers: {header})",
            "de eerste kolom is niet Date/Time (kolommen: {header})",
        ),
        "formats.hae.no_metrics": (
            "it has neither 'Step Count (count)' nor a 'Sleep Analysis [...] (hr)' column "
            "(metrics found: {header})",
            "het heeft geen kolom 'Step Count (count)' en geen kolom 'Sleep Analysis [...] (hr)' "
            "(gevonden gegevens: {header})",
        ),
        "formats.hae.note_sleep": (
            "sleep: per row the Asleep hours, else (when Asleep is empty or 0, as a watch that "
            "records stages writes it) Core + Deep + REM, else Total; these are alternatives and "
            "never added to each other; Awake and In Bed are not sleep",
            "slaap: per regel de uren Asleep, anders (als Asleep leeg of 0 is, zoals een horloge "
            "dat slaapfasen registreert het schrijft) Core + Deep + REM, anders Total; dat zijn "
            "alternatieven die nooit bij elkaar opgeteld worden; Awake en In Bed zijn geen slaap",
        ),
        "formats.hae.note_zone": (
            "days are the date of Date/Time, which the app writes in the phone's local time",
            "de dagen zijn de datum van Date/Time, die de app in de lokale tijd van de telefoon "
            "schrijft",
        ),
        "formats.hae.todo": (
            "Export again from Health Auto Export as CSV with Step Count and Sleep Analysis "
            "selected, and pass the file unchanged",
            "Exporteer opnieuw uit Health Auto Export als CSV met Step Count en Sleep Analysis "
            "aangevinkt, en geef het bestand onveranderd op",
        ),
        "formats.hae.todo_dayfirst": (
            "Pass the file as the app exported it (dates like 2024-03-01 13:00:00), or read it in "
            "Python with dayfirst=False (month/day/year, US) or dayfirst=True (day/month/year)",
            "Geef het bestand op zoals de app het exporteerde (datums zoals 2024-03-01 13:00:00), "
            "of lees het in Python met dayfirst=False (maand/dag/jaar, VS) of dayfirst=True "
            "(dag/maand/jaar)",
        ),
    },
)

STEPS = "Step Count (count)"
ASLEEP = "Sleep Analysis [Asleep] (hr)"
STAGES = ("Sleep Analysis [Core] (hr)", "Sleep Analysis [Deep] (hr)", "Sleep Analysis [REM] (hr)")
TOTAL = "Sleep Analysis [Total] (hr)"
IN_BED = "Sleep Analysis [In Bed] (hr)"
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


def detect_health_auto_export(source: Source) -> Detected:
    """A match for a Health Auto Export CSV, else why not.

    The first header is ``Date/Time`` (or ``Date``) and at least one other
    header is one of the app's metric names with its unit, e.g.
    ``Step Count (count)`` or ``Heart Rate [Min] (count/min)``.
    """
    header = first_header(source)
    if not header or header[0] not in _DATE_HEADERS:
        return not_mine(Message("formats.detect.health_auto_export"))
    if not any(_METRIC.match(h) and h.startswith(_KNOWN) for h in header[1:]):
        return not_mine("no Health Auto Export metric headers such as 'Step Count (count)'")
    return MATCH


def read_health_auto_export(
    source: Source | str | os.PathLike | bytes,
    *,
    subject: str | None = None,
    dayfirst: bool | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a Health Auto Export CSV (hourly or daily rows) into the daily diary.

    Parameters
    ----------
    source : Source, path or bytes
        The CSV the app exported (``HealthAutoExport-2024-03-01-2024-03-07.csv``).
    subject : str, optional
        Subject id (default ``"me"``).
    dayfirst : bool, optional
        The order of numeric dates when the file cannot tell (a file saved
        by Excel with every day of 12 or less).

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
      phone's local time (``2024-03-01 13:00:00``); no time zone is applied.
      A file opened and saved by Excel has ``6/1/2021 0:00``: the order of
      such dates is decided once from the whole column by the shared date
      rules (:func:`backpain.read._parse.parse_dates`; ``6/13/2021`` settles
      month-first). When every such date is ambiguous, the file is refused
      asking for ``dayfirst=``, unless the column also holds the app's own
      ISO stamps: then only the ambiguous rows are rejected.
    - **Steps**: ``Step Count (count)`` summed per day (hourly rows add up to
      the day; a daily row is the day).
    - **Sleep**: per row, ``Sleep Analysis [Asleep]``; when that column is
      absent, blank or 0, ``[Core] + [Deep] + [REM]``; when those are absent,
      blank or 0 too, ``[Total]``. A watch that records sleep stages writes
      ``[Asleep]`` as ``0.0`` and the night in the stages (seen in real
      exports), hence 0 is passed over. The columns are alternatives, never
      added to each other; ``[Awake]`` and ``[In Bed]`` are not sleep: a row
      with only ``[In Bed]`` time (a phone without a watch) leaves
      ``sleep_hours`` missing, and ``report.notes`` names those days; a row
      whose sleep values are all 0 recorded no sleep and is missing too
      (never a night of 0 hours). Hours
      are summed per day of ``Date/Time`` (the app's own attribution of a
      night to a day).

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
    sleep_cols = [c for c in (ASLEEP, *stages, TOTAL, IN_BED) if c in header]
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
    day, how = _days(src, stamp, dayfirst)
    report.notes.append(how)
    bad = day.isna()
    like = Message("formats.hae.time_example")
    report.refuse(rows["row"], date_col, rows[date_col], Reason.NOT_A_DATE, mask=bad, example=like)
    rows = rows[~bad]
    values, good = numbers(rows, used, report)
    entries = pd.DataFrame({"date": day[~bad], "row": rows["row"]})
    if STEPS in header:
        entries["steps"] = values[STEPS]
        report.columns["steps"] = Message("formats.hae.column_steps")
    if sleep_cols:
        entries["sleep_hours"], in_bed_only = _sleep_hours(values, stages)
        report.columns["sleep_hours"] = Message("formats.hae.column_sleep")
        report.notes.append(Message("formats.hae.note_sleep"))
        in_bed_only &= good
        if in_bed_only.any():
            days = entries.loc[in_bed_only, "date"].dt.strftime("%Y-%m-%d").drop_duplicates()
            report.notes.append(
                Message("formats.hae.in_bed_only", n=int(in_bed_only.sum()), days=days.tolist()[:5])
            )
    report.notes.append(Message("formats.hae.note_zone"))
    return finish(
        entries[good], report, subject, empty=Message("formats.hae.ignored_empty")
    ), report


def _days(src: Source, stamp: pd.Series, dayfirst: bool | None) -> tuple[pd.Series, Message]:
    """The day of each ``Date/Time`` by the shared date rules (the order decided once)."""
    try:
        return parse_dates(stamp, dayfirst=dayfirst, source=src.name)
    except DiaryError as exc:
        iso = stamp.str.match(ISO_DATE.pattern).fillna(False).astype(bool)
        if not iso.any():
            raise cannot_read(
                src,
                "health_auto_export",
                Message("formats.hae.ambiguous", example=str(stamp.dropna().iloc[0])),
                Message("formats.hae.todo_dayfirst"),
            ) from exc
        return parse_dates(stamp.where(iso), dayfirst=dayfirst, source=src.name)


def _sleep_hours(values: pd.DataFrame, stages: list[str]) -> tuple[pd.Series, pd.Series]:
    """Hours asleep per row, and the rows with only time in bed.

    Asleep when above 0, else Core + Deep + REM when above 0, else Total when
    above 0: alternatives, never added together. A watch that records stages
    writes Asleep as 0.0 and the night in the stages (seen in real exports,
    FORMATS.md "Seen in more real exports (2026-12)"), so 0 does not end the
    search. A row whose only sleep value above 0 is In Bed (a phone without a
    watch) has no asleep time: missing, never 0. A row whose values are all
    0 recorded no sleep (an hour awake, or a night without the watch):
    missing too, so a day's sleep is the sum of its rows above 0 and a day
    without any is missing, never a night of 0 hours.
    """
    none = pd.Series(float("nan"), index=values.index)

    def column(name: str) -> pd.Series:
        return values[name] if name in values.columns else none

    staged = values[stages].sum(axis=1, min_count=1) if stages else none
    choices = [column(ASLEEP), staged, column(TOTAL)]
    hours = none.copy()
    for choice in choices:
        hours = hours.fillna(choice.where(choice > 0))
    in_bed_only = hours.isna() & (column(IN_BED) > 0)
    return hours, in_bed_only


FORMAT = Format("health_auto_export", detect_health_auto_export, read_health_auto_export)
"""The ``health_auto_export`` entry of :data:`backpain.read.FORMATS`."""
