"""Bearable (symptom and mood tracker) CSV exports.

Bearable writes one row per entry, in long format, with an unquoted header and
double-quoted fields. Two header layouts exist: ``date,weekday,time of
day,category,rating/amount,detail,notes`` and (newer) the same with ``date
formatted`` after ``date``. The reader uses the columns by name.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .._catalogue import register_texts
from ..errors import DiaryError
from ..text import Message
from ._app_csv import (
    detect_header,
    is_back_pain,
    matches,
    read_app_export,
    sort_rejected,
    split_tags,
    subject_from_name,
)
from ._build import build_diary
from ._format import Detected, Format
from ._parse import parse_dates, parse_numbers
from ._problems import Reason
from ._report import LoadReport
from ._source import Source

__all__ = ["FORMAT", "SEVERITY", "detect_bearable", "read_bearable"]

# This reader's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "read.bearable.bad_severity": (
            "severity not understood; Bearable writes e.g. 'Back (lower) pain (Moderate)' ({levels}){option.severity}",
            "ernst niet begrepen; Bearable schrijft bv. 'Back (lower) pain (Moderate)' ({levels}){option.severity}",
        ),
        "read.bearable.bad_sleep": (
            "Bearable sleep must be a duration in hours:minutes such as '7:30'",
            "slaap in Bearable moet een duur in uren:minuten zijn, zoals '7:30'",
        ),
        "read.bearable.no_category": ("(no category)", "(geen categorie)"),
        "read.bearable.other_symptom": (
            "Symptom (not back pain or stress)",
            "Symptoom (geen rugpijn of stress)",
        ),
        "read.bearable.severity_note": (
            "pain: Bearable severity labels mapped to 0-10 as {mapping}; each day's pain (and "
            "stress) is the MAXIMUM of its symptom rows",
            "pijn: de ernst uit Bearable omgezet naar 0-10 als {mapping}; de pijn (en stress) "
            "van een dag is het MAXIMUM van zijn symptoomrijen",
        ),
        "read.bearable.sleep_bedtime": (
            "Sleep rows counted on the day after their date (naps excepted){option.sleep_date:bedtime}",
            "slaaprijen geteld op de dag na hun datum (dutjes niet){option.sleep_date:bedtime}",
        ),
        "read.bearable.sleep_wake": (
            "Sleep rows counted on their own date, taken as the wake-up day{option.sleep_date:wake}",
            "slaaprijen geteld op hun eigen datum, gezien als de dag van het ontwaken{option.sleep_date:wake}",
        ),
        "read.bearable.tag_without_name": (
            "Factors or Meds/Supplements without a name",
            "Factoren of Medicatie/Supplementen zonder naam",
        ),
        "read.note.lost_notes": (
            "{n} note(s) on ignored rows were not kept",
            "{n} notitie(s) op overgeslagen rijen niet bewaard",
        ),
    },
)

SEVERITY: dict[str, float] = {
    "none": 0.0,
    "mild": 3.0,
    "moderate": 5.0,
    "severe": 7.0,
    "unbearable": 9.0,
}
"""Bearable symptom severity label -> pain (or stress) on the 0-10 scale.

Our default. Bearable rates a symptom 1-3 (Mild, Moderate, Severe; 4 =
Unbearable in newer versions; 0/None = not present). The values sit in the
commonly used 0-10 NRS bands for pain severity (Serlin et al. 1995: mild 1-4,
moderate 5-6, severe 7-10): Mild 3 lies inside the mild band, Moderate 5 and
Severe 7 are the first values of their bands, and Unbearable 9 lies above
Severe without claiming the maximum. Override with
``read_bearable(..., severity={"Mild": 2})``.
"""

_RATING_LABELS = {0: "none", 1: "mild", 2: "moderate", 3: "severe", 4: "unbearable"}
_REQUIRED = ("date", "category", "rating/amount", "detail")
_FACTORS = ("factors", "sleep factors", "food diary factors")
_MEDS = ("meds/supplements", "meds", "medication", "medications", "supplements")
_STRESS_NAMES = re.compile(r"^\s*(stress|stressed|stress level|spanning)\s*$", re.IGNORECASE)
_ORDINAL = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th)?\s+", re.IGNORECASE)
_ASLEEP = re.compile(r"asleep\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})", re.IGNORECASE)


def detect_bearable(source: Source) -> Detected:
    """A match when ``source`` looks like a Bearable export, else why not."""
    return detect_header(
        source,
        ("date", "weekday", "time of day", "category", "rating/amount", "detail"),
        "Bearable",
    )


def _parse_dates(raw: pd.DataFrame) -> pd.Series:
    """Ordinal English dates (``22nd Sep 2020``); ``date formatted`` as a fallback."""
    text = raw["date"].astype("string").str.strip().str.replace(_ORDINAL, r"\1 ", regex=True)
    dates = pd.to_datetime(text, format="%d %b %Y", errors="coerce")
    dates = dates.fillna(pd.to_datetime(text, format="%d %B %Y", errors="coerce"))
    if "date formatted" in raw.columns and dates.isna().any():
        try:
            other, _ = parse_dates(raw["date formatted"], prefer_dayfirst=True)
        except DiaryError:
            other = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
        dates = dates.fillna(other)
    return dates.astype("datetime64[ns]")


def _severity_map(severity: dict[str, float] | None) -> dict[str, float]:
    table = dict(SEVERITY)
    for label, value in (severity or {}).items():
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok or not 0 <= value <= 10:
            msg = (
                f"severity={{{label!r}: {value!r}}}: each severity must map to a number "
                "from 0 to 10, e.g. severity={'Mild': 2}"
            )
            raise ValueError(msg)
        table[str(label).strip().lower()] = float(value)
    return table


def read_bearable(
    source: Source,
    *,
    subject: str | None = None,
    severity: dict[str, float] | None = None,
    sleep_date: str = "wake",
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a Bearable CSV export into the canonical diary.

    Parameters
    ----------
    source : Source
        The export (see :func:`backpain.read.open_source`).
    subject : str, optional
        Subject id (default: the file name without its extension).
    severity : dict, optional
        Overrides of :data:`SEVERITY` (label -> 0-10), for example
        ``{"Mild": 2}`` or a label of your own.
    sleep_date : {"wake", "bedtime"}, default "wake"
        How the date of a ``Sleep`` row relates to the night. ``"wake"``:
        the row's date is the day you woke up (Bearable asks in the morning
        how you slept last night), and the hours count on that day.
        ``"bedtime"``: the row's date is the evening the night began, so the
        hours count on the next day, except a daytime nap (``Asleep`` from
        12:00 or later and ending later the same day), which stays on its day.

    Returns
    -------
    diary : pandas.DataFrame
        Canonical diary (:mod:`backpain.schema`), one row per day: ``subject``,
        ``date``, ``pain`` (day's maximum back-pain severity, 0-10),
        ``stress`` (day's maximum ``Stress`` symptom severity, 0-10),
        ``sleep_hours``, ``sleep_quality`` (0-10), ``mood`` (1-10, daily
        mean), ``tags`` (factors and medication names), ``notes``.
    report : LoadReport
        Every input row kept, merged, ignored (by category) or rejected.

    Notes
    -----
    Row by category:

    - ``Symptom``: the detail holds the name and the severity,
      ``Back (lower) pain (Moderate)``. Names matching
      :data:`backpain.read._app_csv.BACK_PAIN_PATTERN` (back, lower back,
      upper back, ``Rugpijn`` ...) give ``pain`` and ``Stress`` gives
      ``stress``, by :data:`SEVERITY`; without a label the rating 0-4 is
      read as None/Mild/Moderate/Severe/Unbearable. Bearable writes one row
      per time-of-day slot, so a day's value is its **maximum** (the worst
      moment of the day). Other symptoms are ignored.
    - ``Mood`` 1-10 -> ``mood`` unchanged (it already lies on 0-10).
    - ``Sleep quality`` 1-4 -> ``(q - 1) / 3 * 10`` (0, 3.3, 6.7, 10): the
      linear map of Bearable's scale ends onto 0 and 10.
    - ``Sleep``: the duration ``9:45`` (or, when empty, the ``Asleep 02:45 -
      12:30`` interval of the detail) -> ``sleep_hours``, dated by
      ``sleep_date``.
    - ``Factors``, ``Sleep factors``, ``Food Diary factors`` (``|``-separated)
      and ``Meds/Supplements`` (the name without its unit; the amount is not
      kept) -> ``tags``.
    - ``Energy``, ``Gratitudes``, ``Bowel Movements`` and any other category
      -> ignored, counted by category name in ``report.ignored``.

    The time of day (a slot such as ``am`` or a clock time) is not used: a
    row belongs to the day of its ``date``.

    References
    ----------
    Serlin RC, Mendoza TR, Nakamura Y, Edwards KR, Cleeland CS (1995). When is
    cancer pain mild, moderate or severe? Pain 61:277-284.

    Examples
    --------
    >>> import io
    >>> from backpain.read import read_diary
    >>> csv = (
    ...     'date,weekday,time of day,category,rating/amount,detail,notes\\n'
    ...     '"22nd Sep 2020","Tuesday","am","Symptom","1","Back (lower) pain (Mild)",""\\n'
    ...     '"22nd Sep 2020","Tuesday","pm","Symptom","2","Back (lower) pain (Moderate)",""\\n'
    ...     '"22nd Sep 2020","Tuesday","","Sleep","7:30","Asleep 23:30 - 07:00",""\\n'
    ... )
    >>> diary, report = read_diary(io.BytesIO(csv.encode()), subject="me",
    ...                            return_report=True)
    >>> diary[["date", "pain", "sleep_hours"]]
            date  pain  sleep_hours
    0 2020-09-22   5.0          7.5
    >>> report.rows_read, report.rows_kept, report.rows_merged
    (3, 1, 2)
    """
    if sleep_date not in ("wake", "bedtime"):
        msg = f"sleep_date must be 'wake' or 'bedtime', not {sleep_date!r}"
        raise ValueError(msg)
    levels = _severity_map(severity)
    export = read_app_export(source, "Bearable", _REQUIRED, "bearable")
    raw, report, rows, live = export.raw, export.report, export.rows, export.live
    name, origin = subject_from_name(source.name, subject)
    category = export.col("category", missing="")
    cat = category.str.lower()
    detail = export.col("detail", missing="")
    amount = export.col("rating/amount", missing="")
    notes = export.col("notes", missing="")

    # --- symptoms: name and severity from the detail text
    parts = detail.str.extract(r"^(?P<name>.*?)\s*\((?P<level>[^()]*)\)\s*$")
    sym_name = parts["name"].fillna(detail).str.strip()
    level = parts["level"].str.strip().str.lower()
    symptom = live & (cat == "symptom")
    back = symptom & is_back_pain(sym_name)
    stress = symptom & matches(sym_name, _STRESS_NAMES) & ~back
    other_symptom = symptom & ~back & ~stress
    score = level.map(levels).astype("float64")
    by_rating = pd.to_numeric(amount, errors="coerce").astype("float64").round().map(_RATING_LABELS)
    score = score.fillna(by_rating.map(levels).astype("float64"))
    rated = back | stress

    # --- other categories
    mood = live & (cat == "mood")
    quality = live & (cat == "sleep quality")
    sleep = live & (cat == "sleep")
    factors = live & cat.isin(_FACTORS)
    meds = live & cat.isin(_MEDS)
    used = rated | mood | quality | sleep | factors | meds
    other = live & ~used & ~other_symptom

    report.ignore(int(other_symptom.sum()), Message("read.bearable.other_symptom"))
    if other.any():
        for label, n in category[other].value_counts(sort=False).items():
            category_name = str(label) or Message("read.bearable.no_category")
            report.ignore(int(n), Message("read.ignored.app_category", category=category_name))
    lost_notes = int(((other | other_symptom) & (notes != "")).sum())
    if lost_notes:
        report.notes.append(Message("read.note.lost_notes", n=lost_notes))

    # --- dates: a bad date rejects the row
    dates = _parse_dates(raw)
    bad_date = used & dates.isna()
    report.refuse(
        rows, "date", raw["date"], Reason.NOT_A_DATE, example="22nd Sep 2020", mask=bad_date
    )
    ok = used & ~bad_date

    # --- values
    pain = pd.Series(np.nan, index=raw.index).where(~back, score)
    stress_v = pd.Series(np.nan, index=raw.index).where(~stress, score)
    bad_level = ok & rated & score.isna()
    for column, mask in (("pain", back), ("stress", stress)):
        report.refuse(
            rows,
            column,
            detail,
            Message("read.bearable.bad_severity", levels=", ".join(levels)),
            mask=bad_level & mask,
        )
    q = pd.to_numeric(amount, errors="coerce").astype("float64")
    bad_q = ok & quality & ~q.between(1, 4)
    report.refuse(
        rows,
        "sleep_quality",
        amount,
        Reason.OUT_OF_RANGE,
        name="sleep_quality",
        low=1,
        high=4,
        mask=bad_q,
    )
    sleep_q = ((q - 1) / 3 * 10).where(quality)

    hours = parse_numbers(amount.where(amount != ""), hours=True)
    asleep = detail.str.extract(_ASLEEP).astype("float64")
    start = asleep[0] + asleep[1] / 60
    end = asleep[2] + asleep[3] / 60
    hours = hours.fillna((end - start) % 24)
    bad_sleep = ok & sleep & ~hours.between(0, 24)
    report.refuse(rows, "sleep_hours", amount, Message("read.bearable.bad_sleep"), mask=bad_sleep)
    sleep_h = hours.where(sleep)
    if sleep_date == "bedtime":
        nap = (start >= 12) & (end > start)
        shift = sleep & ~nap.fillna(False)
        dates = dates.where(~shift, dates + pd.Timedelta(days=1))
        report.notes.append(Message("read.bearable.sleep_bedtime"))
    else:
        report.notes.append(Message("read.bearable.sleep_wake"))

    mood_v = amount.where(mood)
    tags = pd.Series(pd.NA, index=raw.index, dtype="string")
    tags[factors] = split_tags(detail[factors])
    med_names = detail.str.replace(r"\s*\([^()]*\)\s*$", "", regex=True).str.strip()
    tags[meds] = split_tags(med_names[meds])
    empty = (factors | meds) & tags.isna()
    report.ignore(int((empty & ok).sum()), Message("read.bearable.tag_without_name"))

    keep = ok & ~bad_level & ~bad_q & ~bad_sleep & ~empty
    entries = pd.DataFrame(
        {
            "subject": name,
            "date": dates,
            "pain": pain,
            "stress": stress_v,
            "sleep_hours": sleep_h,
            "sleep_quality": sleep_q,
            "mood": mood_v,
            "tags": tags,
            "notes": notes.where(notes != ""),
            "row": rows,
        }
    )[keep]

    report.columns = {"subject": origin, "date": "date"}
    found = {
        "pain": back,
        "stress": stress,
        "sleep_hours": sleep,
        "sleep_quality": quality,
        "mood": mood,
    }
    sources = {
        "pain": "Symptom: " + ", ".join(sorted(set(sym_name[back & keep]))),
        "stress": "Symptom: Stress",
        "sleep_hours": "Sleep",
        "sleep_quality": "Sleep quality (1-4 -> 0-10)",
        "mood": "Mood",
    }
    for c, mask in found.items():
        if (mask & keep).any():
            report.columns[c] = sources[c]
    if (factors | meds).any():
        report.columns["tags"] = "Factors, Meds/Supplements"
    if (back & keep).any():
        mapping = ", ".join(f"{k} {v:g}" for k, v in levels.items())
        report.notes.append(Message("read.bearable.severity_note", mapping=mapping))
    else:
        report.notes.append(Message("read.note.no_pain_rows"))
    diary = build_diary(entries, report, daily={"pain": "max", "stress": "max"})
    sort_rejected(report)
    return diary, report


FORMAT = Format("bearable", detect_bearable, read_bearable)
