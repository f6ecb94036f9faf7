"""Apple Health per-type CSVs made by export converters: back pain, sleep, steps.

Converters that turn ``export.xml`` into one CSV per record type (such as
``StepCount.csv``, ``SleepAnalysis.csv``) keep the ``<Record>`` attributes as
columns: ``sourceName,sourceVersion,device,type,unit,creationDate,startDate,
endDate,value``. The rows are the XML records, so they follow the XML reader's
rules (:func:`backpain.read.apple_health.read_apple_health`), applied by the
functions both readers share.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._catalogue import register_texts
from ..text import Message
from . import _apple_rules as rules
from ._format import MATCH, Detected, Format, not_mine
from ._problems import Reason
from ._source import Source, open_source
from ._wearable import cannot_read, finish, first_header, new_report, read_rows

if TYPE_CHECKING:
    from ._report import LoadReport

__all__ = ["COLUMNS", "FORMAT", "detect_apple_health_csv", "read_apple_health_csv"]

# This reader's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "formats.apple_csv.missing": (
            "the columns {missing} are missing (headers: {header})",
            "de kolommen {missing} ontbreken (kolommen: {header})",
        ),
        "formats.apple_csv.note_rules": (
            "read with the Apple Health export rules: days are the local date of startDate; "
            "steps the day's largest single source; sleep the union of asleep records on the "
            "wake-up day; no export date in a CSV, so future-dated records are not checked",
            "gelezen met de regels van de Apple Health-export: dagen zijn de lokale datum van "
            "startDate; stappen de grootste afzonderlijke bron van de dag; slaap de unie van de "
            "slaaprecords op de dag van ontwaken; een CSV heeft geen exportdatum, dus records "
            "in de toekomst worden niet gecontroleerd",
        ),
        "formats.apple_csv.todo": (
            "Convert export.xml again keeping the record columns sourceName, type, startDate, "
            "endDate and value, or read the export.zip itself",
            "Zet export.xml opnieuw om met de recordkolommen sourceName, type, startDate, "
            "endDate en value, of lees de export.zip zelf",
        ),
        "formats.apple_csv.untyped": ("record without a type", "record zonder type"),
        "formats.detect.apple_health_csv": (
            "no Apple Health record columns {missing}",
            "geen kolommen van Apple Health-records {missing}",
        ),
    },
)

COLUMNS = ("sourceName", "type", "startDate", "endDate", "value")
"""Columns a converted CSV must have (others, such as ``device``, are not used)."""

_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?([+-]\d{2}:?\d{2})$")
_SHORT = {
    "StepCount": rules.STEPS,
    "SleepAnalysis": rules.SLEEP,
    "LowerBackPain": rules.PAIN,
}


def detect_apple_health_csv(source: Source) -> Detected:
    """A match for a converted Apple Health CSV (``sourceName,...,startDate,...``), else why not."""
    missing = [c for c in COLUMNS if c not in first_header(source)]
    if missing:
        return not_mine(Message("formats.detect.apple_health_csv", missing=missing))
    return MATCH


def _stamp(values: pd.Series) -> pd.Series:
    """ISO stamps (``2024-03-01T22:30:00+01:00``) -> the export's ``2024-03-01 22:30:00 +0100``."""
    text = values.astype("string").str.strip()
    return text.str.replace(_ISO.pattern, r"\1 \2 \3", regex=True)


def read_apple_health_csv(
    source: Source | str | os.PathLike | bytes,
    *,
    subject: str | None = None,
    pain_map: dict[str, float | None] | None = None,
    sleep_gap_hours: float = 3.0,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read an Apple Health CSV that a converter made from ``export.xml``.

    Parameters
    ----------
    source : Source, path or bytes
        One converted CSV (one record type, or several: the ``type`` column
        decides each row).
    subject : str, optional
        Subject id (default ``"me"``).
    pain_map : dict, optional
        Overrides of :data:`backpain.read.apple_health.PAIN_SEVERITY`.
    sleep_gap_hours : float, default 3
        Asleep blocks less than this far apart form one sleep period.

    Returns
    -------
    diary : pandas.DataFrame
        One row per day: ``subject``, ``date``, ``pain`` (NaN unless the file
        holds lower-back-pain records), ``sleep_hours`` and ``steps`` where
        the file has them.
    report : LoadReport
        Each data line is one input row (header = line 1).

    Raises
    ------
    DiaryError
        When a column of :data:`COLUMNS` is missing.

    Notes
    -----
    The rules are the XML reader's, by the same code:

    - **Day**: the local date written in ``startDate`` (``2024-03-01
      22:30:00 +0100``, or ISO ``2024-03-01T22:30:00+01:00``).
    - **Steps**: summed per day and ``sourceName``; the day takes the largest
      single source (iPhone and Watch count the same steps).
    - **Sleep**: the union of asleep intervals of all sources, dated by the
      local wake-up day; ``InBed`` and ``Awake`` are not sleep.
    - **Pain**: ``HKCategoryValueSeverity...`` mapped by
      :data:`~backpain.read.apple_health.PAIN_SEVERITY`, the day's maximum.
    - **Copies**: a row that repeats an earlier row's type, source, start,
      end and value exactly is counted once (``rows_duplicate``, with a note).
    - ``type`` may be written in full (``HKQuantityTypeIdentifierStepCount``)
      or short (``StepCount``). Rows of other types are ignored by type.
      There is no export date in a CSV, so records dated in the future are
      not checked.

    Examples
    --------
    >>> csv = (b"sourceName,sourceVersion,device,type,unit,creationDate,startDate,endDate,value\\n"
    ...        b"iPhone,17.2,,HKQuantityTypeIdentifierStepCount,count,"
    ...        b"2024-03-01 10:06:00 +0100,2024-03-01 10:00:00 +0100,2024-03-01 10:05:00 +0100,420\\n")
    >>> diary, report = read_apple_health_csv(csv)
    >>> diary[["date", "pain", "steps"]]
            date  pain  steps
    0 2024-03-01   NaN  420.0
    """
    src = source if isinstance(source, Source) else open_source(source)
    severity = rules.pain_severity(pain_map)
    report = new_report(src, "apple_health_csv")
    header, rows = read_rows(src, report)
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise cannot_read(
            src,
            "apple_health_csv",
            Message("formats.apple_csv.missing", missing=missing, header=header[:10]),
            Message("formats.apple_csv.todo"),
        )
    kind = rows["type"].astype("string").str.strip()
    kind = kind.map(lambda k: _SHORT.get(k, k), na_action="ignore")
    start, end = _stamp(rows["startDate"]), _stamp(rows["endDate"])
    copy = _exact_copies(rows, kind, start, end)
    if copy.any():
        report.rows_duplicate += int(copy.sum())
        report.notes.append(Message("read.apple.duplicates", n=int(copy.sum())))
        rows, kind, start, end = rows[~copy], kind[~copy], start[~copy], end[~copy]
    scan = rules.Scan()
    for name, count in (
        kind[~kind.isin([rules.STEPS, rules.SLEEP, rules.PAIN])].value_counts().items()
    ):
        scan.other[str(name)] += int(count)
    scan.pain = list(
        zip(
            rows["row"][kind == rules.PAIN],
            start[kind == rules.PAIN],
            _v(rows, kind, rules.PAIN),
            strict=True,
        )
    )
    is_sleep = kind == rules.SLEEP
    scan.sleep = list(
        zip(
            rows["row"][is_sleep],
            start[is_sleep],
            end[is_sleep],
            _v(rows, kind, rules.SLEEP),
            strict=True,
        )
    )
    _steps(rows[kind == rules.STEPS], start[kind == rules.STEPS], scan, report)
    for name, count in sorted(scan.other.items()):
        report.ignore(count, name or Message("formats.apple_csv.untyped"))
    entries = rules.daily_entries(scan, severity, sleep_gap_hours, report)
    for column in ("pain", "sleep_hours", "steps", "row", "n_rows"):
        entries[column] = pd.to_numeric(entries.get(column, np.nan))
    report.notes.append(Message("formats.apple_csv.note_rules"))
    return finish(entries, report, subject, daily={"pain": "max"}), report


def _exact_copies(
    rows: pd.DataFrame, kind: pd.Series, start: pd.Series, end: pd.Series
) -> pd.Series:
    """Rows of a read type that repeat an earlier row's type, source, start, end and value.

    The XML reader's rule: a record synced twice is counted once.
    """
    key = pd.DataFrame(
        {
            "type": kind,
            "source": rows["sourceName"].astype("string").str.strip(),
            "start": start,
            "end": end,
            "value": rows["value"].astype("string").str.strip(),
        }
    )
    return key.duplicated() & kind.isin([rules.STEPS, rules.SLEEP, rules.PAIN])


def _v(rows: pd.DataFrame, kind: pd.Series, which: str) -> pd.Series:
    return rows["value"][kind == which].astype("string").str.strip()


def _steps(rows: pd.DataFrame, start: pd.Series, scan: rules.Scan, report: LoadReport) -> None:
    """Check the step rows and fill ``scan.steps`` as the XML reader's scan does."""
    value = pd.to_numeric(rows["value"].astype("string").str.strip(), errors="coerce")
    day = start.str[:10]
    local, _ = rules.stamps(start)
    bad_date = local.isna()
    start_col, example = "startDate", "2019-05-14 18:52:09 -0400"
    report.refuse(
        rows["row"], start_col, rows[start_col], Reason.NOT_A_DATE, mask=bad_date, example=example
    )
    bad_value = ~bad_date & ~((value >= 0) & (value < 1e9)).fillna(False).astype(bool)
    steps, unit = rows["value"], Message("read.unit.at_least", low=0)
    report.refuse(
        rows["row"], "value", steps, Reason.NOT_A_NUMBER, mask=bad_value, name="steps", unit=unit
    )
    ok = ~(bad_date | bad_value)
    frame = pd.DataFrame(
        {
            "day": day[ok],
            "source": rows.loc[ok, "sourceName"].astype(str),
            "value": value[ok],
            "row": rows.loc[ok, "row"],
        }
    )
    acc = frame.groupby(["day", "source"]).agg(
        value=("value", "sum"), n=("row", "size"), row=("row", "min")
    )
    scan.steps = {
        k: [v.value, int(v.n), int(v.row)] for k, v in zip(acc.index, acc.itertuples(), strict=True)
    }


FORMAT = Format("apple_health_csv", detect_apple_health_csv, read_apple_health_csv)
"""The ``apple_health_csv`` entry of :data:`backpain.read.FORMATS`."""
