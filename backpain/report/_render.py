"""Word and arrange a :class:`ReportData` as HTML (Jinja2, autoescaped).

Nothing is computed here: each section takes the results the report data
already holds, puts them into words in the report's language (the catalogue,
:func:`backpain.text.say`) and hands them to ``templates/report.html.j2``.
Values from the user's file are escaped by the template; only the report's
own texts with ``<b>`` are marked safe.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import pandas as pd
from markupsafe import Markup, escape

from .._locale import month_name
from ..explain import finding_words, tag_word, verdict_words
from ..text import number, render, say
from ._change import change_blocks
from ._words import MIN_DAYS_FIGURE, day_text, explain_class, pain_text, reason_column

if TYPE_CHECKING:  # the data's class, for the annotations only: no import at run time
    from ._build import ReportData

__all__ = ["render_html", "sections", "short_note", "source_words", "stylesheet"]

Block = dict[str, Any]


@cache
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("backpain.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2", "j2")),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


@cache
def stylesheet() -> str:
    """The one style sheet of the report file and the upload page (CSS text).

    >>> ".backpain-report" in stylesheet()
    True
    """
    return resources.files("backpain.report").joinpath("style.css").read_text(encoding="utf-8")


# ------------------------------------------------------------------ blocks
def _p(text: Any, cls: str | None = None) -> Block:
    return {"kind": "p", "text": text, "cls": cls}


def _table(head: list[str], rows: list[list[Any]], numeric: tuple[int, ...] = ()) -> Block:
    clean = [
        ["" if v is None or (not isinstance(v, str) and pd.isna(v)) else v for v in r] for r in rows
    ]
    return {"kind": "table", "head": head, "rows": clean, "numeric": numeric}


def _img(png: str, alt: str) -> Block:
    return {"kind": "img", "png": png, "alt": alt}


def _missing(lang: str) -> Block:
    return _p(say("report.no_pain_short", lang), "missing")


def _caveat(lang: str) -> Block:
    return _p(say("report.caveat", lang), "caveat")


def _period(data: ReportData, lang: str) -> list[Block]:
    if not data.has_pain:
        days = data.diary["date"]
        first, last = days.min(), days.max()
        text = say(
            "report.period_no_pain",
            lang,
            start=day_text(first, lang),
            end=day_text(last, lang),
            span=int((last - first).days) + 1,
            recorded=len(days),
        )
        what = ", ".join(dict.fromkeys(source_words(r.format, lang) for r in _parts(data.load)))
        return [_p(say("report.no_pain", lang, what=what), "missing"), _p(text)]
    # the period counts days with a pain score, as the monthly table does
    pain_days = data.diary.loc[data.diary["pain"].notna(), "date"].sort_values()
    first, last = pain_days.iloc[0], pain_days.iloc[-1]
    span = int((last - first).days) + 1
    gaps = pain_days.diff().dt.days.dropna() - 1
    period = say(
        "report.period",
        lang,
        start=day_text(first, lang),
        end=day_text(last, lang),
        span=span,
        recorded=len(pain_days),
        pct=100 * len(pain_days) / span,
        gap=int(gaps.max()) if len(gaps) else 0,
    )
    q = data.quality
    avg = say(
        "report.pain_avg",
        lang,
        mean=float(q["pain_mean"]),
        min=pain_text(q["pain_min"], lang),
        max=pain_text(q["pain_max"], lang),
    )
    return [_p(period), _p(avg)]


# The apps behind each reader's format, by the names they publish (their app-store
# titles: "Bearable - Symptom & Mood Tracker", "Daylio Journal - Daily Diary",
# "Flaredown" (chronic illness tracker), Apple Health, "Health Auto Export - JSON+CSV",
# Samsung Health, Fitbit, Google Fit). A format not listed here is named as read.
_APPS = {
    "bearable": ("Bearable", "report.source.symptoms"),
    "daylio": ("Daylio", "report.source.mood"),
    "flaredown": ("Flaredown", "report.source.symptoms"),
    "flaredown_user": ("Flaredown", "report.source.symptoms"),
    "apple_health": ("Apple Health", "report.source.health"),
    "apple_health_csv": ("Apple Health", "report.source.health"),
    "health_auto_export": ("Health Auto Export", "report.source.health"),
    "samsung_health": ("Samsung Health", "report.source.health"),
    "fitbit": ("Fitbit", "report.source.health"),
    "google_fit": ("Google Fit", "report.source.health"),
    "google_fit_daily": ("Google Fit", "report.source.health"),
}


# the worst days' table: the header of each column (report.worst_days), by column
_WORST_HEADS = {
    "date": "report.date",
    "pain": "report.pain",
    "tags": "report.tags",
    "notes": "report.notes",
}


def source_words(fmt: str, lang: str) -> str:
    """What a file is, by its format: ``a Daylio export (a mood diary app)``.

    >>> source_words("daylio", "en")
    'an export of Daylio, a mood diary app'
    >>> source_words("table", "nl")
    'een dagboek als spreadsheet of CSV-bestand'
    """
    if fmt == "table":
        return say("report.source.table", lang)
    app, key = _APPS.get(fmt, (fmt, "report.source.other"))
    return say(key, lang, app=app)


def _parts(load: Any) -> list[Any]:
    return list(load.parts) or [load]


def _coverage(data: ReportData, lang: str) -> list[Block]:
    """Several files: the period each covers, and how much they overlap."""
    if data.sources is None or len(data.sources) < 2:
        return []
    entries = [
        say(
            "report.covers",
            lang,
            source=r.source,
            start=day_text(r.first, lang),
            end=day_text(r.last, lang),
            days=r.days,
        )
        for r in data.sources.itertuples()
    ]
    key = "report.overlap_none" if data.overlap == 0 else "report.overlap"
    return [
        _p(say("report.covers_h", lang) + ":"),
        {"kind": "list", "entries": entries, "cls": None},
        _p(say(key, lang, n=data.overlap)),
    ]


def _quality(data: ReportData, lang: str) -> list[Block]:
    load = data.load
    blocks = [
        _p(
            _escaped_say(
                "report.quality",
                lang,
                source=Markup("<code>{}</code>").format(r.source),
                format=source_words(r.format, lang),
                read=r.rows_read,
                kept=r.rows_kept,
                merged=r.rows_merged,
                duplicate=r.rows_duplicate,
                ignored=r.rows_ignored,
                rejected=r.rows_rejected,
            )
        )
        for r in _parts(load)
    ]
    blocks += _coverage(data, lang)
    notes = [render(n, lang, audience="page") for n in load.notes]
    notes += [
        say("report.note_from", lang, source=r.source, note=render(n, lang, audience="page"))
        for r in load.parts
        for n in r.notes
    ]
    notes += [
        say("report.ignored_count", lang, what=render(k, lang, audience="page"), n=v)
        for k, v in load.ignored.items()
    ]
    if notes:
        blocks.append(_p(say("report.reader_notes", lang) + ":", "muted"))
        blocks.append({"kind": "list", "entries": notes, "cls": "muted"})
    return blocks + _rejected(load, lang)


def _escaped_say(key: str, lang: str, **params: Any) -> Markup:
    """``say`` into HTML: plain-text parameters escaped, Markup ones kept."""
    safe = {k: v if isinstance(v, Markup | int | float) else escape(v) for k, v in params.items()}
    return Markup(say(key, lang, **safe))


def _rejected(load: Any, lang: str) -> list[Block]:
    rej = load.rejected
    if not load.rows_rejected or rej is None or len(rej) == 0:
        return []
    # word each distinct column and reason once (a big file repeats them)
    columns = {c: say("report.var_name", lang, name=c) for c in rej["column"].dropna().unique()}
    reasons = reason_column(rej)
    worded = {r: render(r, lang, audience="page") for r in reasons.dropna().unique()}
    shown = pd.DataFrame(
        {
            "row": rej["row"],
            "column": rej["column"].map(columns),
            "value": rej["value"],
            "reason": reasons.map(worded),
        }
    )
    counts = (
        shown.groupby(["column", "reason"], sort=False, dropna=False)
        .size()
        .reset_index(name="n")
        .sort_values("n", ascending=False)
    )
    head = [say(k, lang) for k in ("report.column", "report.reason", "report.rows")]
    first = [say(k, lang) for k in ("report.row", "report.column", "report.value", "report.reason")]
    blocks = [
        {"kind": "h3", "text": say("report.rejected_h", lang)},
        _table(head, counts.to_numpy().tolist(), numeric=(2,)),
        _table(first, shown.head(10).to_numpy().tolist()),
    ]
    if len(rej) > 10:
        blocks.append(_p(say("report.rejected_more", lang, n=len(rej) - 10), "muted"))
    # advice that fits where the rows came from: a spreadsheet is corrected by
    # hand, an app's export in the app (or the day is simply left out)
    formats = dict.fromkeys(r.format for r in _parts(load) if r.rows_rejected)
    for fmt in formats:
        if fmt == "table":
            advice = say("report.rejected_fix", lang)
        else:
            advice = say("report.rejected_fix_app", lang, app=_APPS.get(fmt, (fmt, ""))[0])
        blocks.append(_p(Markup("<b>{}</b>").format(advice)))
    return blocks


def _classification(data: ReportData, lang: str) -> list[Block]:
    if data.classification is None:
        return [_missing(lang)]
    return [
        _p(Markup(say("report.class_def", lang))),
        _p(Markup(explain_class(data.classification, lang=lang))),
        _p(say("report.not_diagnosis", lang), "muted"),
    ]


def _monthly(data: ReportData, lang: str) -> list[Block]:
    if not data.has_pain:
        return [_missing(lang)]
    m = data.monthly
    rows = [
        [
            f"{month_name(r.month.month, lang)} {r.month.year}",
            r.days_recorded,
            number(r.pain_mean, ".1f", lang),
            number(r.pain_max, ".1f", lang),
            r.days_with_pain,
        ]
        for r in m.itertuples()
    ]
    keys = (
        "report.month",
        "report.days_filled",
        "report.mean_pain",
        "report.max_pain",
        "report.days_with_pain",
    )
    return [_table([say(k, lang) for k in keys], rows, numeric=(1, 2, 3, 4))]


def _overview(data: ReportData, lang: str) -> list[Block]:
    if "overview" in data.figures:
        return [_img(data.figures["overview"], say("report.overview_alt", lang))]
    return [_p(say("report.too_short", lang, n=MIN_DAYS_FIGURE))]


def _tags_text(tags: Any, lang: str) -> str:
    if tags is None or pd.isna(tags):
        return ""
    return ", ".join(tag_word(t, lang) for t in str(tags).split("|"))


def short_note(note: Any, lang: str, limit: int | None) -> Any:
    """A note cut to ``limit`` characters for the page, saying how many were left out.

    >>> short_note("a" * 12, "en", 5)
    'aaaaa … (7 more characters in the downloaded report)'
    >>> short_note("kort", "nl", None)
    'kort'
    """
    if limit is None or not isinstance(note, str) or len(note) <= limit:
        return note
    return say("app.note_cut", lang, text=note[:limit].rstrip(), n=len(note) - limit)


def _worst(data: ReportData, lang: str, note_chars: int | None) -> tuple[str, list[Block]]:
    worst = data.worst_days
    noted = "tags" in worst.columns or "notes" in worst.columns
    heading = say("report.worst_h" if noted else "report.worst_h_plain", lang)
    if not data.has_pain:
        return heading, [_missing(lang)]
    words = {
        "date": lambda v: day_text(v, lang),
        "pain": lambda v: pain_text(v, lang),
        "tags": lambda v: _tags_text(v, lang),
        "notes": lambda v: short_note(v, lang, note_chars),
    }
    rows = [
        [words[c](v) for c, v in zip(worst.columns, r, strict=True)]
        for r in worst.itertuples(index=False)
    ]
    head = [say(_WORST_HEADS[c], lang) for c in worst.columns]
    blocks = [_table(head, rows, numeric=(1,))]
    low = worst["pain"].min() if len(worst) else None
    shown = int((worst["pain"] == low).sum()) if low is not None else 0
    if data.worst_tied > shown:  # more days tie at the lowest pain shown than fit the table
        blocks.append(
            _p(
                say(
                    "report.worst_tied",
                    lang,
                    n=shown,
                    of=data.worst_tied,
                    pain=pain_text(low, lang),
                ),
                "muted",
            )
        )
    return heading, blocks


_TESTED = ("lower", "higher", "unclear")


def _effect_cell(row: Any, lang: str, fmt: str) -> str:
    """The number beside the words: only for a row that was tested."""
    return number(row.effect, fmt, lang) if str(row.verdict) in _TESTED else ""


def _family(data: ReportData, lang: str) -> Block:
    """How many comparisons were tested together, and how many could not be tested."""
    verdict = data.findings["verdict"].astype(str)
    tested = int(verdict.isin(_TESTED).sum())
    untested = len(verdict) - tested
    text = say("report.family", lang, n=tested)
    if untested:
        text += " " + say("report.family_untested", lang, n=untested)
    return _p(text)


def _associations(data: ReportData, lang: str) -> list[Block]:
    if not data.has_pain:
        return [_missing(lang)]
    findings = data.findings
    links = None if findings is None else findings[findings["kind"] == "association"]
    if links is None or not links["verdict"].astype(str).isin(_TESTED).any():
        return [_p(say("report.assoc_empty", lang)), _caveat(lang)]
    rows = [
        [finding_words(r, lang), _effect_cell(r, lang, "+.2f"), r.n_days]
        for r in links.itertuples()
    ]
    # no unadjusted interval beside the words: the words already say what holds up
    # after the family-wise control (the researcher's tables keep r, CI and p)
    head = [say(k, lang) for k in ("report.verdict", "report.effect", "report.days")]
    blocks = [_p(say("report.assoc_intro", lang)), _table(head, rows, numeric=(1, 2))]
    return [*blocks, _family(data, lang), _caveat(lang)]


def _helps(data: ReportData, lang: str) -> list[Block]:
    if not data.has_pain:
        return [_missing(lang)]
    findings = data.findings
    tags = None if findings is None else findings[findings["kind"] == "tag"]
    if tags is None or len(tags) == 0:
        return [_p(say("report.helps_no_tags", lang))]
    if not tags["verdict"].astype(str).isin(_TESTED).any():
        explain = _p(say("report.helps_no_pairs", lang))
    else:
        explain = _p(say("report.helps_intro", lang))
    rows = [
        [
            tag_word(r.predictor, lang),
            r.n_with,
            r.n_without,
            _effect_cell(r, lang, "+.1f"),
            verdict_words(r, lang),
        ]
        for r in tags.itertuples()
    ]
    keys = (
        "report.tag",
        "report.days_with",
        "report.days_without",
        "report.difference",
        "report.verdict",
    )
    table = _table([say(k, lang) for k in keys], rows, numeric=(1, 2, 3))
    blocks = [explain, table]
    if "helps" in data.figures:
        blocks.append(_img(data.figures["helps"], say("report.helps_alt", lang)))
    return [*blocks, _family(data, lang), _caveat(lang)]


def sections(data: ReportData, *, note_chars: int | None = None) -> list[dict[str, Any]]:
    """The report's sections in order: ``id``, ``heading`` and the ``blocks`` to show.

    ``note_chars`` shortens the notes of the most painful days (the upload
    page; the report file keeps them whole).
    """
    lang = data.lang
    worst_heading, worst_blocks = _worst(data, lang, note_chars)
    parts = [
        ("period", say("report.period_h", lang), _period(data, lang)),
        ("quality", say("report.quality_h", lang), _quality(data, lang)),
        ("class", say("report.class_h", lang), _classification(data, lang)),
        ("months", say("report.trend_h", lang), _monthly(data, lang)),
        ("change", say("change.heading", lang), change_blocks(data, lang)),
        ("overview", say("report.overview_h", lang), _overview(data, lang)),
        ("worst", worst_heading, worst_blocks),
        ("associations", say("report.assoc_h", lang), _associations(data, lang)),
        ("helps", say("report.helps_h", lang), _helps(data, lang)),
    ]
    return [{"id": i, "heading": h, "blocks": b} for i, h, b in parts]


def render_html(data: ReportData, *, standalone: bool = True, note_chars: int | None = None) -> str:
    """Render the report data with the template; see :meth:`ReportData.to_html`.

    ``note_chars`` shortens long notes to that many characters, saying how
    many were left out (the upload page; the report file has them whole).
    """
    lang = data.lang
    context = {
        "lang": lang,
        "subject": data.subject,
        "title": say("report.title", lang),
        "for_whom": say("report.for", lang, subject=data.subject),
        "intro": say(
            "report.intro", lang, version=data.version, today=day_text(data.made_on, lang)
        ),
        "footer": say("report.footer", lang),
        "sections": sections(data, note_chars=note_chars),
        "standalone": standalone,
        "css": Markup(stylesheet()),
    }
    return _environment().get_template("report.html.j2").render(context)
