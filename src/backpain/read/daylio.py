"""Daylio (mood diary) CSV exports.

Three header layouts exist, all read by column name: ``full_date,date,
weekday,time,mood,activities,note`` (7 columns), the same with ``note_title``
before ``note`` (8) and with ``scales`` after ``activities`` (9).
"""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd

from ..schema import VARIABLES, normalise_header
from ..text import Message
from . import Format, register_format
from ._app_csv import (
    detect_header,
    read_app_export,
    reject_rows,
    sort_rejected,
    split_tags,
    subject_from_name,
)
from ._build import build_diary
from ._parse import parse_numbers
from ._report import LoadReport
from ._source import Source

__all__ = ["FORMAT", "MOODS", "detect_daylio", "read_daylio"]

MOODS: dict[str, int] = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
"""Daylio's default mood labels and their level (5 best .. 1 worst).

A level becomes ``mood = (level - 1) * 2.5`` on the 0-10 scale: awful 0,
bad 2.5, meh 5, good 7.5, rad 10 (our default: the linear map of Daylio's five
levels onto the ends of 0-10). Users rename moods; pass
``moods={"label": level}`` for the labels of your own.
"""

_REQUIRED = ("full_date", "mood")
_SCALE_NAMES: dict[str, str] = {
    "sleep time": "sleep_hours",
    "sleep duration": "sleep_hours",
    "slaaptijd": "sleep_hours",
    "slaap duur": "sleep_hours",
    "back pain level": "pain",
    "pain level": "pain",
}
_SCALE_TARGETS = ("pain", "stress", "sleep_hours", "sleep_quality", "mood")
_RATIO = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*/\s*(\d+(?:[.,]\d+)?)")
_TAG = re.compile(r"<[^>]*>")
_BR = re.compile(r"<\s*br\s*/?\s*>|<\s*/\s*p\s*>", re.IGNORECASE)


def detect_daylio(source: Source) -> str | None:
    """``None`` when ``source`` looks like a Daylio export, else why not."""
    return detect_header(source, ("full_date", "date", "time", "mood", "activities"), "Daylio")


def _scale_target(name: str) -> str | None:
    key = normalise_header(name)
    if key in _SCALE_NAMES:
        return _SCALE_NAMES[key]
    for target in _SCALE_TARGETS:
        if key in VARIABLES[target].aliases:
            return target
    return None


def _plain_text(values: pd.Series) -> pd.Series:
    """HTML notes -> plain text: ``<br>`` -> newline, tags dropped, entities decoded."""
    text = values.astype("string").str.replace(_BR, "\n", regex=True)
    text = text.str.replace(_TAG, "", regex=True)
    text = text.map(html.unescape, na_action="ignore").astype("string")
    return text.str.replace("\u00a0", " ", regex=False).str.strip()


def _scales(text: pd.Series) -> tuple[pd.DataFrame, pd.Series, list[str]]:
    """Parse the ``scales`` column.

    Returns the values per target column, a per-row reason for a value that
    could not be read (missing when fine) and the scale names not used.
    """
    out = pd.DataFrame(index=text.index, columns=list(_SCALE_TARGETS), dtype="float64")
    problems = pd.Series(None, index=text.index, dtype=object)
    clean = text.astype("string").str.replace("\u00a0", " ", regex=False)
    items = clean.str.split("|", regex=False).explode().str.strip()
    items = items[items.notna() & (items != "")]
    if items.empty:
        return out, problems, []
    parts = items.str.extract(r"^(?P<name>[^:]+):\s*(?P<value>.*)$")
    names = parts["name"].fillna(items).str.strip()
    values = parts["value"].fillna("").str.strip()
    lookup = {n: _scale_target(str(n)) for n in names.unique()}
    target = names.map(lookup)
    unused = sorted({str(n) for n, t in lookup.items() if t is None})
    ratio = values.str.extract(_RATIO)
    num = ratio[0].str.replace(",", ".").astype("float64")
    den = ratio[1].str.replace(",", ".").astype("float64")
    scaled = num / den.where(den > 0) * 10
    plain = parse_numbers(values.str.replace(r"\s*(points?|punten|h|hours|uur)$", "", regex=True))
    clock = parse_numbers(values, hours=True)
    value = pd.Series(np.nan, index=items.index)
    is_hours = target == "sleep_hours"
    value[is_hours] = clock[is_hours]
    rated = target.notna() & ~is_hours
    value[rated] = scaled[rated].fillna(plain[rated])
    bad = target.notna() & value.isna()
    if bad.any():
        why = pd.Series(
            [
                Message("read.daylio.bad_scale", scale=n, value=v)
                for n, v in zip(names[bad], values[bad], strict=True)
            ],
            index=names.index[bad],
            dtype=object,
        )
        first = why.groupby(level=0).first()
        problems.loc[first.index] = first.to_numpy(dtype=object)
    good = pd.DataFrame({"target": target[target.notna()], "value": value[target.notna()]})
    good = good.dropna()
    if not good.empty:
        good = good.reset_index(names="i")
        wide = good.pivot_table(index="i", columns="target", values="value", aggfunc="first")
        for c in wide.columns:
            out.loc[wide.index, c] = wide[c].to_numpy()
    return out, problems, unused


def read_daylio(
    source: Source,
    *,
    subject: str | None = None,
    moods: dict[str, float] | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a Daylio CSV export into the canonical diary.

    Parameters
    ----------
    source : Source
        The export (see :func:`backpain.read.open_source`).
    subject : str, optional
        Subject id (default: the file name without its extension).
    moods : dict, optional
        Mood labels of your own and their Daylio level, 1 (worst, like
        ``awful``) to 5 (best, like ``rad``), e.g. ``{"sad": 2, "OK": 3}``.
        Added to :data:`MOODS` (case and surrounding spaces do not matter).

    Returns
    -------
    diary : pandas.DataFrame
        Canonical diary (:mod:`backpain.schema`), one row per day: ``subject``,
        ``date``, ``pain`` (from a scale named Pain/Pijn, else empty),
        ``mood`` (0-10, daily mean), ``tags`` (activities), ``notes`` and,
        when the file has a ``scales`` column, ``sleep_quality`` (0-10),
        ``sleep_hours`` and ``stress``.
    report : LoadReport
        Every input row kept, merged or rejected (unknown mood labels).

    Notes
    -----
    - ``full_date`` (ISO) gives the day; the ``time`` (12- or 24-hour, both
      occur in one file) is not needed for daily values.
    - Moods: :data:`MOODS` and ``moods=`` give a level 1-5, read as ``mood =
      (level - 1) * 2.5``. A label that is itself a number from 1 to 5 is
      taken as that level. Any other label rejects its row, with a reason
      telling how to pass ``moods=``: Daylio lets users rename moods, and
      guessing a renamed mood's level would be wrong.
    - Several entries on one day: ``mood`` (and ``pain``, ``stress``,
      ``sleep_quality``) by their mean; ``sleep_hours`` by the maximum (each
      entry may repeat the night's sleep time, so a sum would double it).
    - ``activities`` (``" | "``-separated) -> ``tags``, lower-cased and
      trimmed, Dutch/English treatment words translated (``kinesist`` ->
      ``physiotherapy``).
    - ``scales`` (``Sleep Quality: 8/10 points | Sleep Time: 8:00``, with
      no-break spaces): ``x/y`` values are scaled to 0-10 (``x / y * 10``);
      Sleep Quality -> ``sleep_quality``, Sleep Time -> ``sleep_hours``,
      a scale named Pain, Pijn, Rugpijn or Back pain -> ``pain``, Stress ->
      ``stress``. Other scales are listed in ``report.notes``.
    - Notes: ``note_title`` and ``note`` joined by a newline; HTML to plain
      text (``<br>`` -> newline, tags dropped, entities decoded).
    - Daylio has no pain rating of its own: without a pain scale the diary
      still loads, with ``pain`` empty, and ``report.notes`` says so.

    Examples
    --------
    >>> import io
    >>> from backpain.read import read_diary
    >>> csv = (
    ...     "full_date,date,weekday,time,mood,activities,note\\n"
    ...     '2021-09-28,28 September,Tuesday,10:00 pm,good,"walk | kinesist ",""\\n'
    ...     '2021-09-28,28 September,Tuesday,08:10,meh,"",""\\n'
    ... )
    >>> diary, report = read_diary(io.BytesIO(csv.encode()), subject="me",
    ...                            return_report=True)
    >>> diary[["date", "mood", "tags"]]
            date  mood                  tags
    0 2021-09-28  6.25  physiotherapy|walking
    >>> report.rows_kept, report.rows_merged
    (1, 1)
    """
    levels = {k: float(v) for k, v in MOODS.items()}
    for label, value in (moods or {}).items():
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok or not 1 <= value <= 5:
            msg = (
                f"moods={{{label!r}: {value!r}}}: a mood's level must be a number from "
                "1 (worst, like 'awful') to 5 (best, like 'rad')"
            )
            raise ValueError(msg)
        levels[str(label).strip().lower()] = float(value)

    export = read_app_export(source, "Daylio", _REQUIRED, "daylio")
    raw, report, rows, live = export.raw, export.report, export.rows, export.live
    name, origin = subject_from_name(source.name, subject)
    col = export.col

    label = col("mood")
    key = label.str.lower()
    level = key.map(levels).astype("float64")
    numeric = pd.to_numeric(key, errors="coerce").astype("float64")
    level = level.fillna(numeric.where(numeric.between(1, 5)))
    unknown = live & level.isna() & label.notna() & (label != "")
    if unknown.any():
        names = sorted(set(label[unknown]))
        reason = pd.Series(
            [Message("read.daylio.unknown_mood", mood=m) for m in label[unknown]],
            index=label.index[unknown],
            dtype=object,
        ).reindex(label.index)
        reject_rows(report, unknown, rows=rows, column="mood", values=label, reason=reason)
        report.notes.append(
            Message("read.daylio.unknown_moods", n=int(unknown.sum()), names=repr(names))
        )
    mood = (level - 1) * 2.5

    tags = split_tags(col("activities"))
    title = _plain_text(col("note_title"))
    note = _plain_text(col("note"))
    title = title.where(title != "")
    note = note.where(note != "")
    notes = (title + "\n" + note).fillna(title).fillna(note)

    entries = pd.DataFrame(
        {
            "subject": name,
            "date": raw["full_date"],
            "pain": np.nan,
            "mood": mood,
            "tags": tags,
            "notes": notes,
            "row": rows,
        }
    )
    report.columns = {"subject": origin, "date": "full_date", "mood": "mood"}
    if tags.notna().any():
        report.columns["tags"] = "activities"
    if notes.notna().any():
        report.columns["notes"] = "note_title + note" if title.notna().any() else "note"
    bad_scale = pd.Series(False, index=raw.index)
    if "scales" in raw.columns:
        values, problems, unused = _scales(col("scales"))
        bad_scale = live & ~unknown & problems.notna()
        reject_rows(
            report, bad_scale, rows=rows, column="scales", values=col("scales"), reason=problems
        )
        for c in values.columns:
            if values[c].notna().any():
                entries[c] = values[c]
                report.columns[c] = "scales"
        if unused:
            report.notes.append(Message("read.daylio.unused_scales", scales=repr(unused)))
    keep = live & ~unknown & ~bad_scale
    if not entries.loc[keep, "pain"].notna().any():
        report.notes.append(Message("read.daylio.no_pain"))
    mapping = ", ".join(f"{k} {(v - 1) * 2.5:g}" for k, v in levels.items())
    report.notes.append(Message("read.daylio.mood_note", mapping=mapping))
    diary = build_diary(entries[keep], report, daily={"sleep_hours": "max"})
    sort_rejected(report)
    return diary, report


FORMAT = Format("daylio", detect_daylio, read_daylio)
register_format(FORMAT)
