"""Daylio (mood diary) CSV exports.

Five header layouts exist, all read by column name: ``full_date,date,
weekday,time,mood,activities,note`` (7 columns), the same with ``note_title``
before ``note`` (8) and with ``scales`` after ``activities`` (9), the same cut
to ``full_date,date,weekday,time,mood`` (5, seen in published files), and the
older (2017-2018) ``year,date,weekday,time,mood,activities,note``, whose
``date`` is a day and month in the app's language (``7 września``,
``3 maart``, ``March 3``).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..schema import VARIABLES, normalise_header
from ..text import Message
from ._app_csv import (
    detect_header,
    header_fields,
    read_app_export,
    sort_rejected,
    split_tags,
    subject_from_name,
)
from ._build import build_diary
from ._format import MATCH, Detected, Format
from ._parse import parse_numbers
from ._report import LoadReport
from ._source import Source

__all__ = [
    "FORMAT",
    "MOODS",
    "MOOD_TRANSLATIONS",
    "TRANSLATION_MIN_LABELS",
    "detect_daylio",
    "mood_levels",
    "read_daylio",
]

MOODS: dict[str, int] = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
"""Daylio's default mood labels and their level (5 best .. 1 worst).

A level becomes ``mood = (level - 1) * 2.5`` on the 0-10 scale: awful 0,
bad 2.5, meh 5, good 7.5, rad 10 (our default: the linear map of Daylio's five
levels onto the ends of 0-10). Users rename moods; pass
``moods={"label": level}`` for the labels of your own.
"""

MOOD_TRANSLATIONS: dict[str, dict[str, int]] = {
    # level 5 (rad) .. 1 (awful); lower case, written without accents.
    # Only labels seen in real exports are listed (never a translation of our own):
    # German: Daylio's default moods on a German phone, seen in three independent real
    # German exports in public repositories (project notes, FORMATS.md "Seen in more
    # real exports (2026-12)").
    "de": {"super": 5, "gut": 4, "ok": 3, "schlecht": 2, "lausig": 1},
    # Polish: a real 2017 export in the older layout (year,date,...; '7 września')
    # (same notes).
    "pl": {"wspaniale": 5, "dobrze": 4, "tak sobie": 3, "zle": 2, "okropnie": 1},
}
"""Daylio's five default moods as a phone in another language names them.

Per language, the labels a real export made on a phone in that language
shows for rad, good, meh, bad and awful, and their level: German (``Super``,
``Gut``, ``Ok``, ``Schlecht``, ``Lausig``; three real exports) and Polish
(``wspaniale``, ``dobrze``, ``tak sobie``, ``źle``, ``okropnie``; a real 2017
export). Labels in any other language are not known (Dutch, French and
Spanish exports seen so far had only renamed moods): they are never guessed,
and the report lists them with how to give their order (``moods=``). A label
is read by this table only when neither :data:`MOODS` nor ``moods=`` names it,
and the report lists every label read this way with its level, so that a
user's own mood of the same name is seen and overridden with ``moods=``.
"""


TRANSLATION_MIN_LABELS = 3
"""How many of a language's five default labels a file must use before that
language's labels are read: ``OK`` or ``Super`` alone in an English export is
a mood of the user's own, not a German phone's default."""


def _translated_levels(plain: pd.Series) -> dict[str, int]:
    """The levels of the languages whose default labels ``plain`` (labels lower case,
    without accents) uses at least :data:`TRANSLATION_MIN_LABELS` of."""
    used = set(plain.dropna().unique())
    out: dict[str, int] = {}
    for words in MOOD_TRANSLATIONS.values():
        if len(used & set(words)) >= TRANSLATION_MIN_LABELS:
            out.update(words)
    return out


_REQUIRED = ("full_date", "mood")
_OLD_REQUIRED = ("year", "date", "mood")
_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    # en, nl, de, fr, es, pl (Polish in the genitive Daylio writes, and the nominative)
    1: ("january", "jan", "januari", "januar", "janvier", "enero", "stycznia", "styczen"),
    2: ("february", "feb", "februari", "februar", "fevrier", "febrero", "lutego", "luty"),
    3: ("march", "mar", "maart", "marz", "mars", "marzo", "marca", "marzec"),
    4: ("april", "apr", "avril", "abril", "kwietnia", "kwiecien"),
    5: ("may", "mei", "mai", "mayo", "maja", "maj"),
    6: ("june", "jun", "juni", "juin", "junio", "czerwca", "czerwiec"),
    7: ("july", "jul", "juli", "juillet", "julio", "lipca", "lipiec"),
    8: ("august", "aug", "augustus", "aout", "agosto", "sierpnia", "sierpien"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "wrzesnia", "wrzesien"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "pazdziernika", "pazdziernik"),
    11: ("november", "nov", "novembre", "noviembre", "listopada", "listopad"),
    12: ("december", "dec", "dezember", "dez", "decembre", "diciembre", "grudnia", "grudzien"),
}
MONTHS: dict[str, int] = {w: m for m, words in _MONTH_WORDS.items() for w in words}
"""Month words of the older layout's ``date`` (English, Dutch, German, French,
Spanish, Polish; lower case, without accents) and their month number."""
_DAY_MONTH = re.compile(r"^\s*(\d{1,2})\.?\s+([^\W\d_]+)\.?\s*$|^\s*([^\W\d_]+)\.?\s+(\d{1,2})\s*$")
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


def detect_daylio(source: Source) -> Detected:
    """A match when ``source`` looks like a Daylio export, else why not."""
    if _is_old_layout(source):
        return MATCH
    # the cut layout of some published files (full_date,date,weekday,time,mood) counts too
    return detect_header(source, ("full_date", "date", "weekday", "time", "mood"), "Daylio")


def _is_old_layout(source: Source) -> bool:
    fields = header_fields(source) or []
    wanted = ("year", "date", "weekday", "time", "mood", "activities")
    return "full_date" not in fields and all(c in fields for c in wanted)


def _plain_word(word: str) -> str:
    """Lower case without accents (``września`` -> ``wrzesnia``, ``März`` -> ``marz``,
    ``großartig`` -> ``grossartig``)."""
    text = unicodedata.normalize("NFKD", word.lower().replace("ł", "l").replace("ß", "ss"))
    return "".join(c for c in text if not unicodedata.combining(c))


def _old_dates(year: pd.Series, day_month: pd.Series) -> tuple[pd.Series, pd.Series]:
    """ISO dates from ``year`` and a localised day-and-month text.

    Returns the dates as ``YYYY-MM-DD`` text (missing when unreadable) and a
    per-row reason (missing when fine).
    """
    parts = day_month.astype("string").str.extract(_DAY_MONTH)
    day = parts[0].fillna(parts[3])
    word = parts[1].fillna(parts[2])
    month = word.map(lambda w: MONTHS.get(_plain_word(w)), na_action="ignore")
    years = pd.to_numeric(year, errors="coerce")
    text = (
        years.astype("Int64").astype("string")
        + "-"
        + month.astype("Int64").astype("string").str.zfill(2)
        + "-"
        + day.astype("string").str.zfill(2)
    )
    dates = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    bad_month = word.notna() & month.isna()
    other = dates.isna() & ~bad_month
    reasons = pd.Series(
        [
            Message("read.daylio.unknown_month", word=w)
            if bad
            else Message("read.daylio.bad_old_date")
            if wrong
            else None
            for w, bad, wrong in zip(word, bad_month, other, strict=True)
        ],
        index=day_month.index,
        dtype=object,
    )
    return text.where(dates.notna()), reasons


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


def mood_levels(moods: dict[str, float] | Sequence[str] | None) -> dict[str, float]:
    """The Daylio level (1 worst .. 5 best) of each of a user's own mood labels.

    Parameters
    ----------
    moods : dict, list or None
        ``{"label": level}`` with levels from 1 (like ``awful``) to 5 (like
        ``rad``), or a list of every label of the user's scale **from best to
        worst**, whose levels are then spread evenly from 5 to 1 (the way
        Daylio's own five moods lie on its scale).

    Returns
    -------
    dict
        Lower-cased, stripped label -> level.

    Raises
    ------
    ValueError
        For a level outside 1-5, a list of fewer than two labels or a label
        listed twice.

    Examples
    --------
    >>> mood_levels(["Happy", "fine", "tired", "awful"])
    {'happy': 5.0, 'fine': 3.666666666666667, 'tired': 2.3333333333333335, 'awful': 1.0}
    >>> mood_levels({"sad": 2})
    {'sad': 2.0}
    """
    if moods is None:
        return {}
    if not isinstance(moods, dict):
        labels = [str(m).strip().lower() for m in moods]
        if len(labels) < 2 or len(set(labels)) != len(labels):
            msg = (
                f"moods={list(moods)!r}: a list of moods must name every mood of your scale "
                "once, from best to worst (at least two), e.g. moods=['Super', 'Gut', 'Ok', "
                "'Schlecht', 'Lausig']"
            )
            raise ValueError(msg)
        last = len(labels) - 1
        return {label: 5.0 - 4.0 * i / last for i, label in enumerate(labels)}
    out: dict[str, float] = {}
    for label, value in moods.items():
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok or not 1 <= value <= 5:
            msg = (
                f"moods={{{label!r}: {value!r}}}: a mood's level must be a number from "
                "1 (worst, like 'awful') to 5 (best, like 'rad')"
            )
            raise ValueError(msg)
        out[str(label).strip().lower()] = float(value)
    return out


def read_daylio(
    source: Source,
    *,
    subject: str | None = None,
    moods: dict[str, float] | Sequence[str] | None = None,
    dayfirst: bool | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a Daylio CSV export into the canonical diary.

    Parameters
    ----------
    source : Source
        The export (see :func:`backpain.read.open_source`).
    subject : str, optional
        Subject id (default: the file name without its extension).
    moods : dict or list, optional
        Mood labels of your own and their Daylio level, 1 (worst, like
        ``awful``) to 5 (best, like ``rad``), e.g. ``{"sad": 2, "OK": 3}``;
        or the list of your moods from best to worst, e.g. ``["Happy",
        "fine", "tired", "awful"]`` (levels spread evenly from 5 to 1; see
        :func:`mood_levels`). Added to :data:`MOODS` (case and surrounding
        spaces do not matter).
    dayfirst : bool, optional
        The order of numeric dates (``6/1/2021`` in a file saved by Excel) when
        the date column itself cannot tell (see :func:`backpain.read_diary`).

    Returns
    -------
    diary : pandas.DataFrame
        Canonical diary (:mod:`backpain.schema`), one row per day: ``subject``,
        ``date``, ``pain`` (from a scale named Pain/Pijn, else empty),
        ``mood`` (0-10, daily mean), ``tags`` (activities), ``notes`` and,
        when the file has a ``scales`` column, ``sleep_quality`` (0-10),
        ``sleep_hours`` and ``stress``.
    report : LoadReport
        Every input row kept, merged or rejected (an unreadable date or scale).

    Notes
    -----
    - ``full_date`` (ISO) gives the day; the ``time`` (12- or 24-hour, both
      occur in one file) is not needed for daily values.
    - The older layout (``year`` instead of ``full_date``): the day is
      ``year`` with the day and month of ``date``, written in the app's
      language (``7 września``, ``3 maart``, ``March 3``; month names in
      English, Dutch, German, French, Spanish and Polish, :data:`MONTHS`).
      A month word not in that list rejects the row, naming the word.
    - Moods: :data:`MOODS` and ``moods=`` give a level 1-5, read as ``mood =
      (level - 1) * 2.5``. A phone in German or Polish names the five default
      moods in its language (``Super``, ``Gut``, ``Ok``, ``Schlecht``,
      ``Lausig``): when a file uses at least three of a language's five
      labels (:data:`TRANSLATION_MIN_LABELS`), a label neither of those names
      is looked up, case and accents aside, in that language's
      :data:`MOOD_TRANSLATIONS` (only labels seen in real exports), and ``report.notes`` lists each label read that way with its
      level and count. A label that is itself a number from 1 to 5 is taken
      as that level. Daylio lets users rename moods and add levels, and its
      export does not say which level a renamed mood (or a default mood in a
      language not listed) has, so any other label leaves ``mood`` missing
      on that row; the row is kept with its activities and notes, and
      ``report.notes`` counts these rows per label and says how to give
      ``moods=``: the list of your moods from best to worst, or a level per
      label (a level may lie between two others, e.g. ``{"tired": 2.5}``).
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
    levels.update(mood_levels(moods))

    old_layout = _is_old_layout(source)
    required = _OLD_REQUIRED if old_layout else _REQUIRED
    export = read_app_export(source, "Daylio", required, "daylio")
    raw, report, rows, live = export.raw, export.report, export.rows, export.live
    name, origin = subject_from_name(source.name, subject)
    col = export.col

    label = col("mood")
    key = label.str.lower()
    level = key.map(levels).astype("float64")
    plain = key.astype(object).map(_plain_word, na_action="ignore")
    translations = _translated_levels(plain[live])
    word_level = pd.to_numeric(plain.map(translations), errors="coerce").astype("float64")
    translated = live & level.isna() & word_level.notna()
    level = level.fillna(word_level)
    numeric = pd.to_numeric(key, errors="coerce").astype("float64")
    level = level.fillna(numeric.where(numeric.between(1, 5)))
    unknown = live & level.isna() & label.notna() & (label != "")
    bad_date = pd.Series(False, index=raw.index)
    if old_layout:
        dates, why = _old_dates(col("year"), col("date"))
        bad_date = live & why.notna()
        values = col("year") + " " + col("date").fillna("")
        report.refuse(rows, "date", values, why, mask=bad_date)
        report.notes.append(Message("read.daylio.old_layout"))
    else:
        dates = raw["full_date"]
    if (translated & ~bad_date).any():
        used = key[translated & ~bad_date].value_counts()
        names = ", ".join(
            f"{w!r} {(translations[_plain_word(w)] - 1) * 2.5:g} ({n})"
            for w, n in sorted(used.items())
        )
        report.notes.append(
            Message("formats.daylio.translated_moods", n=int(used.sum()), names=names)
        )
    if (unknown & ~bad_date).any():
        counts = label[unknown & ~bad_date].value_counts()
        names = ", ".join(f"{m!r} ({n})" for m, n in sorted(counts.items()))
        found = label[live & ~bad_date & label.notna() & (label != "")].drop_duplicates()
        found = found[~found.str.lower().duplicated()]  # 'Gut' and 'gut' are one mood
        order = repr(found.tolist()) if len(found) > 1 else "['best', ..., 'worst']"
        # labels: every mood of the file, for the upload page's form that puts them in
        # order (backpain.app.mood_labels); cli_order: the same for --moods
        report.notes.append(
            Message(
                "read.daylio.moods_left_out",
                n=int(counts.sum()),
                names=names,
                order=order,
                cli_order=repr(",".join(found)) if len(found) > 1 else "'best,...,worst'",
                labels=tuple(found),
            )
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
            "date": dates,
            "pain": np.nan,
            "mood": mood,
            "tags": tags,
            "notes": notes,
            "row": rows,
        }
    )
    date_origin = "year + date" if old_layout else "full_date"
    report.columns = {"subject": origin, "date": date_origin, "mood": "mood"}
    if tags.notna().any():
        report.columns["tags"] = "activities"
    if notes.notna().any():
        report.columns["notes"] = "note_title + note" if title.notna().any() else "note"
    bad_scale = pd.Series(False, index=raw.index)
    if "scales" in raw.columns:
        values, problems, unused = _scales(col("scales"))
        bad_scale = live & ~bad_date & problems.notna()
        report.refuse(rows, "scales", col("scales"), problems, mask=bad_scale)
        for c in values.columns:
            if values[c].notna().any():
                entries[c] = values[c]
                report.columns[c] = "scales"
        if unused:
            report.notes.append(Message("read.daylio.unused_scales", scales=repr(unused)))
    keep = live & ~bad_date & ~bad_scale
    if not entries.loc[keep, "pain"].notna().any():
        report.notes.append(Message("read.daylio.no_pain"))
    # each level a Message, so that the number takes the reader's decimal mark
    mapping = [
        Message("read.daylio.level", label=k, score=(v - 1) * 2.5) for k, v in levels.items()
    ]
    report.notes.append(Message("read.daylio.mood_note", mapping=mapping))
    diary = build_diary(entries[keep], report, daily={"sleep_hours": "max"}, dayfirst=dayfirst)
    sort_rejected(report)
    return diary, report


FORMAT = Format("daylio", detect_daylio, read_daylio)
