"""The canonical diary: one tidy row per subject and calendar day.

This module is the single place where the diary's columns, units, valid ranges,
daily combination rules and English/Dutch header names are defined. Every reader
produces this table, and every analysis consumes it.

=================  ===========  ==================  ========  ================
column             dtype        unit / range        required  several a day
=================  ===========  ==================  ========  ================
``subject``        string       identifier          yes       (key)
``date``           datetime64   calendar day        yes       (key)
``pain``           float        NRS 0-10            yes       mean
``stress``         float        0-10                no        mean
``sleep_hours``    float        hours, 0-24         no        sum
``sleep_quality``  float        0-10                no        mean
``steps``          float        count, >= 0         no        sum
``active_minutes`` float        minutes, 0-1440     no        sum
``mood``           float        0-10                no        mean
``watch_stress``   float        0-100               no        mean
``tags``           string       ``"a|b"``           no        union
``notes``          string       free text           no        joined
=================  ===========  ==================  ========  ================

``watch_stress`` is a wearable's own stress score (Garmin's 0-100 from heart-rate
variability), measured, not rated by the patient: it is never the self-rated
``stress`` (0-10), never rescaled into it and not analysed as it.

``pain`` may be missing on a kept day (a day with only sleep recorded, say),
but a diary must have a pain column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .text import say

__all__ = [
    "COLUMNS",
    "KEYS",
    "MAX_DAILY_STEPS",
    "MOMENTARY_COLUMNS",
    "TAG_SEP",
    "VARIABLES",
    "Variable",
    "empty_diary",
    "normalise_header",
]

TAG_SEP = "|"
"""Separator between tags in the ``tags`` column (``"physiotherapy|heat"``)."""

MAX_DAILY_STEPS = 500_000
"""Most steps one day can hold (our default, no published limit): 24 hours at 5 steps a
second, above a sprinter's cadence. A larger value or day total (``1e300``, two rows
whose sum overflows) is rejected, never kept as a number no chart can show."""

KEYS = ("subject", "date")


_LABEL_KEYS = {
    "subject": "common.label.subject",
    "date": "common.label.date",
    "pain": "common.label.pain",
    "stress": "common.label.stress",
    "sleep_hours": "common.label.sleep_hours",
    "sleep_quality": "common.label.sleep_quality",
    "steps": "common.label.steps",
    "active_minutes": "common.label.active_minutes",
    "mood": "common.label.mood",
    "watch_stress": "common.label.watch_stress",
    "tags": "common.label.tags",
    "notes": "common.label.notes",
}
"""The catalogue key of each variable's axis label, written out for a literal search."""


@dataclass(frozen=True)
class Variable:
    """One column of the canonical diary.

    Attributes
    ----------
    name : str
        Column name in the canonical diary.
    kind : {"key", "number", "text"}
        What the column holds.
    unit : str
        Unit or scale, for labels and documentation.
    low, high : float or None
        Inclusive valid range for numbers (``None`` = unbounded).
    daily : {"mean", "sum", "max", "union", "join", None}
        How several entries on one day are combined into the day's value.
    aliases : tuple of str
        Header names (English and Dutch, normalised by :func:`normalise_header`)
        that readers map to this column.
    """

    name: str
    kind: str
    unit: str
    low: float | None
    high: float | None
    daily: str | None
    aliases: tuple[str, ...]

    def label(self, lang: str = "en") -> str:
        """Return the axis label in ``lang`` (``"en"`` or ``"nl"``), from the catalogue.

        >>> VARIABLES["pain"].label("nl")
        'Pijn (0-10)'
        """
        return say(_LABEL_KEYS[self.name], lang)


VARIABLES: dict[str, Variable] = {
    v.name: v
    for v in (
        Variable(
            "subject",
            "key",
            "identifier",
            None,
            None,
            None,
            (
                "subject",
                "subject id",
                "id",
                "participant",
                "participant id",
                "patient",
                "patient id",
                "user",
                "user id",
                "record id",
                "deelnemer",
                "patient nummer",
                "patientnummer",
                "proefpersoon",
                "persoon",
            ),
        ),
        Variable(
            "date",
            "key",
            "calendar day",
            None,
            None,
            None,
            (
                "date",
                "day",
                "datum",
                "dag",
                "full date",
                "checkin date",
                "timestamp",
                "time stamp",
                "date time",
                "datetime",
                "date and time",
                "tijdstip",
                "datum tijd",
                "datum en tijd",
                "datum en tijdstip",
            ),
        ),
        Variable(
            "pain",
            "number",
            "NRS 0-10",
            0,
            10,
            "mean",
            (
                "pain",
                "pain score",
                "pain nrs",
                "pain level",
                "pain intensity",
                "pain rating",
                "pain severity",
                "intensity",
                "back pain",
                "low back pain",
                "nrs",
                "vas",
                "pijn",
                "pijnscore",
                "pijn score",
                "pijnniveau",
                "pijn niveau",
                "pijnintensiteit",
                "pijn intensiteit",
                "intensiteit",
                "pijngraad",
                "rugpijn",
                "lage rugpijn",
                "pijn nrs",
            ),
        ),
        Variable(
            "stress",
            "number",
            "0-10",
            0,
            10,
            "mean",
            ("stress", "stress level", "stress score", "stressniveau", "spanning"),
        ),
        Variable(
            "sleep_hours",
            "number",
            "hours",
            0,
            24,
            "sum",
            (
                "sleep",
                "sleep hours",
                "hours of sleep",
                "hours slept",
                "sleep duration",
                "slaap",
                "uren slaap",
                "slaapuren",
                "slaap uren",
                "geslapen",
                "uren geslapen",
                "slaapduur",
            ),
        ),
        Variable(
            "sleep_quality",
            "number",
            "0-10",
            0,
            10,
            "mean",
            ("sleep quality", "sleep score", "slaapkwaliteit", "kwaliteit slaap"),
        ),
        Variable(
            "steps",
            "number",
            "steps",
            0,
            MAX_DAILY_STEPS,
            "sum",
            ("steps", "step count", "stappen", "aantal stappen", "stappenteller"),
        ),
        Variable(
            "active_minutes",
            "number",
            "minutes",
            0,
            1440,
            "sum",
            (
                "active minutes",
                "activity",
                "activity minutes",
                "exercise minutes",
                "beweging",
                "activiteit",
                "actieve minuten",
                "minuten beweging",
                "bewegen",
            ),
        ),
        Variable(
            "mood",
            "number",
            "0-10",
            0,
            10,
            "mean",
            ("mood", "mood score", "stemming", "humeur"),
        ),
        Variable(
            "watch_stress",
            "number",
            "0-100",
            0,
            100,
            "mean",
            ("watch stress", "watch stress score"),
        ),
        Variable(
            "tags",
            "text",
            "tags separated by '|'",
            None,
            None,
            "union",
            (
                "tags",
                "activities",
                "factors",
                "treatment",
                "treatments",
                "what helped",
                "helped",
                "interventions",
                "behandeling",
                "wat hielp",
                "activiteiten",
            ),
        ),
        Variable(
            "notes",
            "text",
            "free text",
            None,
            None,
            "join",
            (
                "notes",
                "note",
                "comment",
                "comments",
                "remarks",
                "notities",
                "notitie",
                "opmerkingen",
                "opmerking",
                "dagboek",
            ),
        ),
    )
}
"""The canonical variables, keyed by column name, in column order."""

COLUMNS: tuple[str, ...] = tuple(VARIABLES)
"""Canonical column names in their canonical order."""


def normalise_header(name: object) -> str:
    """Normalise a column header for matching against aliases.

    Lower-cases, strips accents, a BOM and surrounding space, turns ``_``,
    ``-``, ``.`` and runs of white space into one space, and drops a trailing
    unit in brackets (``"Pijn (0-10)"`` -> ``"pijn"``).

    Examples
    --------
    >>> normalise_header("  Uren_Slaap ")
    'uren slaap'
    >>> normalise_header("Pijn (0-10)")
    'pijn'
    """
    text = unicodedata.normalize("NFKD", str(name).replace("\ufeff", ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[\(\[][^\)\]]*[\)\]]\s*$", "", text)
    text = re.sub(r"[\s_\-.:/]+", " ", text).strip()
    return text


def empty_diary() -> pd.DataFrame:  # noqa: F821 - pandas imported lazily
    """Return an empty canonical diary with every column and the right dtypes."""
    import pandas as pd

    data = {}
    for name, var in VARIABLES.items():
        if name == "date":
            data[name] = pd.Series([], dtype="datetime64[ns]")
        elif var.kind == "number":
            data[name] = pd.Series([], dtype="float64")
        else:
            data[name] = pd.Series([], dtype="string")
    return pd.DataFrame(data)


# ------------------------------------------------------------------ momentary table
MOMENTARY_COLUMNS = (
    "subject",
    "prompt",
    "day",
    "day_prompt",
    "questionnaire",
    "scheduled",
    "sent",
    "started",
    "completed",
    "answered",
)
"""The momentary (experience-sampling) table: one row per prompt sent.

Beside the daily diary, an experience-sampling study (several prompts a day)
is read into this table by :func:`backpain.read.esm.read_esm`; items follow
these columns under the names the user mapped them to (``pain``,
``stress``, ...) or their names in the export:

=================  ===========  ===================================================
column             dtype        meaning
=================  ===========  ===================================================
``subject``        string       the person
``prompt``         int64        the prompt's number within the person's study
                                (1, 2, ..., in the order the prompts were sent)
``day``            datetime64   the local calendar day the prompt was sent on
``day_prompt``     int64        the prompt's number within that day (1, 2, ...)
``questionnaire``  string       which questionnaire the prompt asked
``scheduled``      datetime64   when it was scheduled, local time (NaT: unscheduled)
``sent``           datetime64   when the phone showed it, local time
``started``        datetime64   when the person opened it (NaT: never)
``completed``      datetime64   when the person finished it (NaT: never)
``answered``       bool         the person completed it
=================  ===========  ===================================================

Times are local wall-clock times without a time zone (the export's offset
applied), so that ``day`` is the day the person lived it.
"""
