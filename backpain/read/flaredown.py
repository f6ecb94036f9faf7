"""Flaredown (open-source symptom tracker) exports, long and wide.

The long research dump has one row per check-in item: ``user_id,age,sex,
country,checkin_date,trackable_id,trackable_type,trackable_name,
trackable_value``, many users in one file; each user becomes a subject. The
app's own per-user export is wide: ``Date``, one column per condition,
symptom and treatment, then ``Tags`` and ``Foods``. Both rate 0-4 and are
converted to 0-10 by the same rule (:data:`SCALE_FACTOR`).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .._catalogue import register_texts
from ..text import Message
from ._app_csv import (
    detect_header,
    header_fields,
    is_back_pain,
    matches,
    read_app_export,
    sort_rejected,
    split_tags,
    union_tags,
)
from ._build import build_diary
from ._format import MATCH, Detected, Format, not_mine
from ._parse import parse_dates
from ._problems import Reason
from ._report import LoadReport
from ._source import Source
from ._subject import other_people, subject_error
from .table import subject_from_name

__all__ = [
    "FORMAT",
    "NOT_TAKEN",
    "SCALE_FACTOR",
    "USER_FORMAT",
    "detect_flaredown",
    "detect_flaredown_user",
    "read_flaredown",
    "read_flaredown_user",
]

# This reader's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "formats.flaredown.ratings_unread": (
            "columns rated 0-4 and not read (other conditions and symptoms): {columns}{option.treatments}",
            "kolommen met scores 0-4 die niet gelezen zijn (andere aandoeningen en symptomen): {columns}{option.treatments}",
        ),
        "formats.flaredown.tags_and_treatments": (
            "Tags and the treatment column(s) {columns}",
            "Tags en de kolom(men) met behandelingen {columns}",
        ),
        "formats.flaredown.treatments_rule": (
            "treatment column(s) {columns} read as tags: a day with a dose or mark in the column "
            "gets the treatment's name as a tag (an empty cell, 0, 'no' or 'not taken': no tag); "
            "the dose is not kept",
            "kolom(men) met behandelingen {columns} als labels gelezen: een dag met een dosis of "
            "teken in de kolom krijgt de naam van de behandeling als label (een lege cel, 0, 'nee' "
            "of 'niet genomen': geen label); de dosis wordt niet bewaard",
        ),
        "read.flaredown.no_name": (
            "Treatment or Tag without a name",
            "Behandeling of Label zonder naam",
        ),
        "read.flaredown.other_condition": (
            "Condition (not back pain)",
            "Aandoening (geen rugpijn)",
        ),
        "read.flaredown.other_symptom": ("Symptom (not back pain)", "Symptoom (geen rugpijn)"),
        "read.flaredown.other_type": ("trackable_type {type!r}", "trackable_type {type!r}"),
        "read.flaredown.pain_note": (
            "back pain read from {found}; 0-4 ratings x 2.5, the day's maximum",
            "rugpijn gelezen uit {found}; scores 0-4 x 2,5, het maximum van de dag",
        ),
        "read.flaredown.pain_source": (
            "Condition/Symptom named like back pain (0-4 x 2.5)",
            "Aandoening/Symptoom met een naam als rugpijn (0-4 x 2,5)",
        ),
        "read.flaredown.privacy": (
            "age, sex and country are not read (privacy); treatment doses are not kept",
            "leeftijd, geslacht en land worden niet gelezen (privacy); dosissen van "
            "behandelingen worden niet bewaard",
        ),
        "read.flaredown.stress_source": (
            "Symptom 'Stress' (0-4 x 2.5)",
            "Symptoom 'Stress' (0-4 x 2,5)",
        ),
        "read.flaredown.tags_source": (
            "Treatment and Tag names",
            "namen van Behandelingen en Labels",
        ),
        "read.flaredown.unrated": (
            "back pain or stress without a rating",
            "rugpijn of stress zonder score",
        ),
        "read.flaredown.user_empty_day": (
            "day without a back-pain or stress rating and without tags",
            "dag zonder score voor rugpijn of stress en zonder labels",
        ),
        "read.flaredown.user_layout": (
            "the header does not start with Date and end with Tags, Foods (Flaredown's per-user "
            "export does)",
            "de kopregel begint niet met Date en eindigt niet op Tags, Foods (de export per "
            "gebruiker van Flaredown wel)",
        ),
        "read.flaredown.user_pain_source": (
            "column(s) {found} (0-4 x 2.5, the day's maximum)",
            "kolom(men) {found} (0-4 x 2,5, het maximum van de dag)",
        ),
        "read.flaredown.user_scale": (
            "Flaredown rates 0-4: ratings x 2.5 give the 0-10 scale (0 stays 0, 4 becomes 10)",
            "Flaredown scoort van 0 tot 4: scores x 2,5 geven de schaal 0-10 (0 blijft 0, 4 wordt 10)",
        ),
    },
)

SCALE_FACTOR = 2.5
"""Flaredown rates conditions and symptoms 0-4; ``pain = value * 2.5`` (0-10).

Our default: the linear map of 0-4 onto 0-10 keeps 0 (none) at 0 and 4 (the
app's maximum) at 10, with equal steps in between (1 -> 2.5, 2 -> 5, 3 -> 7.5).
"""

_REQUIRED = ("user_id", "checkin_date", "trackable_type", "trackable_name", "trackable_value")
_STRESS = re.compile(r"^\s*(stress|stressed|stress level|spanning)\s*$", re.IGNORECASE)
_IGNORED_TYPES = ("food", "weather", "hbi")
"""Trackable types counted as ignored (foods, weather, the HBI score)."""


def detect_flaredown(source: Source) -> Detected:
    """A match when ``source`` looks like a Flaredown export, else why not."""
    return detect_header(source, _REQUIRED, "Flaredown")


def read_flaredown(
    source: Source,
    *,
    subject: str | None = None,
    dayfirst: bool | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a Flaredown long-format export into the canonical diary.

    Parameters
    ----------
    source : Source
        The export (see :func:`backpain.read.open_source`).
    subject : str, optional
        Keep only this user (a ``user_id`` of the file), as everywhere
        (:func:`backpain.read.select_subject`); default: every user, each a
        subject. It never renames a user. The other users' rows are counted
        as ignored (one category), before any row becomes a day.
    dayfirst : bool, optional
        The order of numeric dates (``6/1/2021`` in a file saved by Excel) when
        the date column itself cannot tell (see :func:`backpain.read_diary`).

    Returns
    -------
    diary : pandas.DataFrame
        Canonical diary (:mod:`backpain.schema`), one row per user and day:
        ``subject`` (``user_id``), ``date`` (``checkin_date``), ``pain``
        (0-10, the day's maximum back-pain rating), ``stress`` (0-10, from a
        symptom named Stress), ``tags`` (treatments and tags).
    report : LoadReport
        Every input row kept, merged, ignored (by trackable type) or rejected.

    Raises
    ------
    DiaryError
        When ``subject`` is not a ``user_id`` of the file (the message names
        the first few users and how to choose one).

    Notes
    -----
    - ``Condition`` and ``Symptom`` rows whose free-text name matches
      :data:`backpain.read._app_csv.BACK_PAIN_PATTERN` (``back pain``,
      ``Lower back pain``, ``Low Back Pain``, ``chronic back pain``,
      ``rugpijn`` ...) give ``pain = value * 2.5`` (:data:`SCALE_FACTOR`);
      several on one day (a condition and a symptom, say) -> the maximum.
      A value outside 0-4 rejects the row; an empty value (not rated that
      day) is ignored. Other conditions and symptoms are ignored.
    - ``Treatment`` rows -> a tag with the treatment's name (the dose is not
      kept); ``Tag`` rows -> that tag.
    - ``Food``, ``Weather`` and ``HBI`` rows are ignored, counted by type.
    - ``age``, ``sex`` and ``country`` are never read into the diary
      (privacy: the diary holds no personal data).

    Examples
    --------
    >>> import io
    >>> from backpain.read import read_diary
    >>> csv = (
    ...     "user_id,age,sex,country,checkin_date,trackable_id,trackable_type,"
    ...     "trackable_name,trackable_value\\n"
    ...     "u1,,,,2017-05-01,1,Condition,Lower back pain,3\\n"
    ...     "u1,,,,2017-05-01,2,Treatment,Ibuprofen,400 mg\\n"
    ...     "u1,,,,2017-05-01,3,Weather,icon,rain\\n"
    ... )
    >>> diary, report = read_diary(io.BytesIO(csv.encode()), return_report=True)
    >>> diary[["subject", "date", "pain", "tags"]]
      subject       date  pain       tags
    0      u1 2017-05-01   7.5  ibuprofen
    >>> {str(category): n for category, n in report.ignored.items()}
    {'Weather': 1}
    """
    export = read_app_export(source, "Flaredown", _REQUIRED, "flaredown")
    raw, report, rows, live = export.raw, export.report, export.rows, export.live
    col = export.col

    user = col("user_id")
    kind = col("trackable_type").str.lower().fillna("")
    names = col("trackable_name")
    value = col("trackable_value")
    if subject is not None:
        # keep one user: the others' rows are ignored before rows become days
        subject = str(subject)
        named = (live & user.notna() & (user != "")).fillna(False)
        present = sorted(user[named].unique())
        if present and subject not in present:
            raise subject_error(source.name, subject, "user_id", present)
        other = named & (user != subject)
        report.ignore(int(other.sum()), other_people(subject, len(present) - 1))
        live = live & ~other

    rated_type = kind.isin(["condition", "symptom"])
    back = live & rated_type & is_back_pain(names)
    stress = live & rated_type & matches(names, _STRESS) & ~back
    other_rated = live & rated_type & ~back & ~stress
    treatment = live & (kind == "treatment")
    tag = live & (kind == "tag")
    unrated = (back | stress) & (value.isna() | (value == ""))
    number = pd.to_numeric(value, errors="coerce").astype("float64")
    bad = (back | stress) & ~unrated & ~number.between(0, 4)
    report.refuse(
        rows, "pain", value, Reason.OUT_OF_RANGE, mask=bad, name="trackable_value", low=0, high=4
    )
    no_name = (treatment | tag) & (names.isna() | (names == ""))

    other_condition = int((other_rated & (kind == "condition")).sum())
    report.ignore(other_condition, Message("read.flaredown.other_condition"))
    report.ignore(
        int((other_rated & (kind == "symptom")).sum()), Message("read.flaredown.other_symptom")
    )
    report.ignore(int(unrated.sum()), Message("read.flaredown.unrated"))
    report.ignore(int(no_name.sum()), Message("read.flaredown.no_name"))
    for key in _IGNORED_TYPES:
        report.ignore(int((live & (kind == key)).sum()), Message(f"read.flaredown.type_{key}"))
    known = rated_type | (kind == "treatment") | (kind == "tag") | kind.isin(_IGNORED_TYPES)
    unknown = live & ~known
    if unknown.any():
        types = col("trackable_type")[unknown].fillna("(empty)")
        for label, n in types.value_counts(sort=False).items():
            report.ignore(int(n), Message("read.flaredown.other_type", type=label))

    keep = ((back | stress) & ~unrated & ~bad) | ((treatment | tag) & ~no_name)
    score = number * SCALE_FACTOR
    tags = pd.Series(pd.NA, index=raw.index, dtype="string")
    tagged = (treatment | tag) & ~no_name
    tags[tagged] = split_tags(names[tagged])
    # Validate the keys here and combine each user-day into one entry, so that
    # build_diary does not run a Python function per day on a cohort-sized dump.
    no_user = keep & (user.isna() | (user == ""))
    report.refuse(rows, "subject", user, Reason.MISSING, mask=no_user, name="user_id")
    dates, _ = parse_dates(raw["checkin_date"], dayfirst=dayfirst, source=source.name)
    no_date = keep & ~no_user & dates.isna()
    report.refuse(
        rows, "date", raw["checkin_date"], Reason.NOT_A_DATE, example="2020-09-22", mask=no_date
    )
    keep &= ~no_user & ~no_date
    rows_in = pd.DataFrame(
        {
            "subject": user,
            "date": dates,
            "pain": score.where(back),
            "stress": score.where(stress),
            "row": rows,
        }
    )[keep]
    per_day = rows_in.groupby(["subject", "date"], sort=True, observed=True)
    entries = per_day.agg(
        pain=("pain", "max"), stress=("stress", "max"), row=("row", "min"), n_rows=("row", "size")
    )
    entries["tags"] = union_tags(rows_in[["subject", "date"]], tags[keep])
    entries = entries.reset_index()
    entries["tags"] = entries["tags"].astype("string")
    report.columns = {
        "subject": "user_id",
        "date": "checkin_date",
        "pain": Message("read.flaredown.pain_source"),
    }
    if stress[keep].any():
        report.columns["stress"] = Message("read.flaredown.stress_source")
    if tagged.any():
        report.columns["tags"] = Message("read.flaredown.tags_source")
    report.notes.append(Message("read.flaredown.privacy"))
    if (back & keep).any():
        found = sorted(set(names[back & keep].str.lower()))
        more = " ..." if len(found) > 10 else ""
        report.notes.append(Message("read.flaredown.pain_note", found=repr(found[:10]) + more))
    else:
        report.notes.append(Message("read.note.no_pain_rows"))
    diary = build_diary(entries, report, daily={"pain": "max", "stress": "max"})
    sort_rejected(report)
    return diary, report


# ------------------------------------------------------ per-user wide export
_USER_REQUIRED = ("date", "tags", "foods")
_TAG_SEPARATORS = re.compile(r"\s*[;,|]\s*")
NOT_TAKEN = frozenset(
    {"0", "no", "false", "not taken", "none", "nee", "niet genomen", "geen", "onwaar"}
)
"""Cells of a treatment column that say it was not taken that day (lower case)."""


def _all_ratings(values: pd.Series) -> bool:
    """Whether every filled cell is a number from 0 to 4 (a condition or symptom)."""
    filled = values.dropna()
    filled = filled[filled.str.strip() != ""]
    number = pd.to_numeric(filled, errors="coerce").astype("float64")
    return bool(number.between(0, 4).all())


def _taken(values: pd.Series) -> pd.Series:
    """Filled treatment cells that do not say "not taken"."""
    text = values.astype("string").str.strip().str.lower()
    zero = pd.to_numeric(text, errors="coerce").astype("float64") == 0
    return (text.notna() & (text != "") & ~text.isin(NOT_TAKEN)).fillna(False) & ~zero


def detect_flaredown_user(source: Source) -> Detected:
    """A match for Flaredown's per-user export, else why not.

    Its header starts with ``Date`` and ends with ``Tags, Foods``.
    """
    found = detect_header(source, _USER_REQUIRED, "Flaredown (per user)")
    if not found.matches:
        return found
    fields = header_fields(source) or []
    if fields[0] != "date" or fields[-2:] != ["tags", "foods"]:
        return not_mine(Message("read.flaredown.user_layout"))
    return MATCH


def read_flaredown_user(
    source: Source,
    *,
    subject: str | None = None,
    treatments: list[str] | tuple[str, ...] | None = None,
    dayfirst: bool | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read Flaredown's own per-user (wide) CSV export into the canonical diary.

    Parameters
    ----------
    source : Source
        The export: ``Date``, one column per condition, symptom and
        treatment (named as the user named them), then ``Tags`` and ``Foods``.
    subject : str, optional
        Subject id (default: the file name without its extension). The file
        holds one person and has no subject column, so this is its name.
    treatments : list of str, optional
        Column names to read as treatments whatever their values (a
        treatment whose doses are all plain numbers from 0 to 4, such as a
        pill count, looks like a rating otherwise; see Notes).
    dayfirst : bool, optional
        The order of numeric dates (``6/1/2021`` in a file saved by Excel) when
        the date column itself cannot tell (see :func:`backpain.read_diary`).

    Returns
    -------
    diary : pandas.DataFrame
        One row per day: ``subject``, ``date``, ``pain`` (0-10),
        ``stress`` (0-10, from a column named Stress) and ``tags`` (the
        ``Tags`` column and the treatments taken that day).
    report : LoadReport
        Each data row is one input row, numbered as a spreadsheet shows it.

    Notes
    -----
    - Columns whose name matches
      :data:`backpain.read._app_csv.BACK_PAIN_PATTERN` (``Back pain``,
      ``Lower back pain`` ...) give ``pain = rating * 2.5``
      (:data:`SCALE_FACTOR`, the same rule as the long export), the maximum
      when several have a rating; a ``Stress`` column gives ``stress`` the
      same way. A rating that is not a number from 0 to 4 rejects the row:
      a 0-4 rating is never read as 0-10.
    - ``Tags`` (separated by ``;``, ``,`` or ``|``) -> ``tags``.
    - **Treatments -> tags.** The header does not say which of the other
      columns are conditions or symptoms (rated 0-4) and which are
      treatments (a dose or a mark), so the values decide, per column: a
      column whose every filled cell is a number from 0 to 4 is a rating
      (not read); any other column is a treatment (Flaredown writes a dose
      such as ``400 mg``), as is every column named in ``treatments=``. On
      a day whose cell in a treatment column is filled the treatment was
      taken: the column's name becomes a tag, lower-cased and translated
      like every tag (``Kinesist`` -> ``physiotherapy``), so that
      :func:`backpain.plot.what_helps` can compare days with and without
      it. An empty cell, or one that says it was not taken (``0``, ``no``,
      ``false``, ``not taken``, ``nee``, ``niet genomen``, :data:`NOT_TAKEN`),
      adds no tag. The dose itself is not kept. The report lists the
      columns read as treatments and those taken for ratings.
    - Other conditions and symptoms (the rating columns) and ``Foods`` are
      not read; the report names them.
    - A day with neither a rating nor a tag is ignored.

    Examples
    --------
    >>> import io
    >>> from backpain.read import read_diary
    >>> csv = "Date,Back pain,Ibuprofen,Tags,Foods\\n2019-03-04,3,400 mg,rain,bread\\n"
    >>> diary = read_diary(io.BytesIO(csv.encode()), subject="me")
    >>> diary[["date", "pain", "tags"]]
            date  pain            tags
    0 2019-03-04   7.5  ibuprofen|rain
    """
    export = read_app_export(source, "Flaredown (per user)", _USER_REQUIRED, "flaredown_user")
    raw, report, rows, live = export.raw, export.report, export.rows, export.live
    name, origin = subject_from_name(source.name, subject)
    columns = [c for c in raw.columns if c not in _USER_REQUIRED]
    header = pd.Series(columns, dtype="string")
    back_cols = [c for c, b in zip(columns, is_back_pain(header), strict=True) if b]
    stress_cols = [
        c
        for c, b in zip(columns, matches(header, _STRESS), strict=True)
        if b and c not in back_cols
    ]
    others = [c for c in columns if c not in back_cols and c not in stress_cols]
    named = {str(t).strip().lower() for t in (treatments or ())}
    unknown = sorted(named - {c.strip().lower() for c in others})
    if unknown:
        msg = (
            f"treatments={sorted(named)!r}: {unknown!r} is not a column of {source.name} "
            f"(its condition, symptom and treatment columns: {others!r})"
        )
        raise ValueError(msg)
    treatment_cols = [
        c for c in others if c.strip().lower() in named or not _all_ratings(export.col(c))
    ]
    unread = [c for c in others if c not in treatment_cols]

    bad = pd.Series(False, index=raw.index)
    scores = {}
    for variable, cols in (("pain", back_cols), ("stress", stress_cols)):
        found = pd.Series(np.nan, index=raw.index)
        for c in cols:
            value = export.col(c)
            number = pd.to_numeric(value, errors="coerce").astype("float64")
            wrong = live & ~bad & value.notna() & ~number.between(0, 4)
            report.refuse(rows, c, value, Reason.OUT_OF_RANGE, mask=wrong, name=c, low=0, high=4)
            bad |= wrong
            found = np.fmax(found, number * SCALE_FACTOR)
        scores[variable] = found
    tag_text = export.col("tags").str.replace(_TAG_SEPARATORS, "|", regex=True)
    for c in treatment_cols:
        taken = _taken(export.col(c))
        label = c.replace("|", " ")
        tag_text = tag_text.where(~taken, tag_text.fillna("").str.cat([label] * len(raw), sep="|"))
    tags = split_tags(tag_text)
    empty = live & ~bad & scores["pain"].isna() & scores["stress"].isna() & tags.isna()
    report.ignore(int(empty.sum()), Message("read.flaredown.user_empty_day"))
    keep = live & ~bad & ~empty
    entries = pd.DataFrame(
        {
            "subject": name,
            "date": raw["date"],
            "pain": scores["pain"],
            "stress": scores["stress"],
            "tags": tags,
            "row": rows,
        }
    )[keep]
    if not stress_cols:
        entries = entries.drop(columns="stress")
    report.columns = {"subject": origin, "date": "Date"}
    if back_cols:
        report.columns["pain"] = Message("read.flaredown.user_pain_source", found=repr(back_cols))
    else:
        report.notes.append(Message("read.note.no_pain_rows"))
    if stress_cols:
        report.columns["stress"] = Message("read.flaredown.stress_source")
    report.columns["tags"] = (
        Message("formats.flaredown.tags_and_treatments", columns=repr(treatment_cols))
        if treatment_cols
        else "Tags"
    )
    report.notes.append(Message("read.flaredown.user_scale"))
    if treatment_cols:
        report.notes.append(
            Message("formats.flaredown.treatments_rule", columns=repr(treatment_cols))
        )
    if unread:
        report.notes.append(Message("formats.flaredown.ratings_unread", columns=repr(unread)))
    diary = build_diary(entries, report, daily={"pain": "max", "stress": "max"}, dayfirst=dayfirst)
    sort_rejected(report)
    return diary, report


FORMAT = Format("flaredown", detect_flaredown, read_flaredown, selects_subject=True)
"""The ``flaredown`` entry of :data:`backpain.read.FORMATS` (the long research dump)."""

USER_FORMAT = Format("flaredown_user", detect_flaredown_user, read_flaredown_user)
"""The ``flaredown_user`` entry of :data:`backpain.read.FORMATS` (one user's wide export)."""
