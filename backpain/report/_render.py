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
from typing import Any

import pandas as pd
from markupsafe import Markup, escape

from ..text import number, render, say
from ._build import (
    MIN_DAYS_FIGURE,
    ReportData,
    day_text,
    explain_class,
    pain_text,
    reason_column,
)
from ._change import change_blocks

__all__ = ["render_html", "sections", "short_note", "stylesheet"]

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
        return [_p(say("report.no_pain", lang), "missing"), _p(text)]
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


def _quality(data: ReportData, lang: str) -> list[Block]:
    load = data.load
    blocks = [
        _p(
            _escaped_say(
                "report.quality",
                lang,
                source=Markup("<code>{}</code>").format(r.source),
                format=say("report.format_table", lang) if r.format == "table" else r.format,
                read=r.rows_read,
                kept=r.rows_kept,
                merged=r.rows_merged,
                duplicate=r.rows_duplicate,
                ignored=r.rows_ignored,
                rejected=r.rows_rejected,
            )
        )
        for r in (load.parts or [load])
    ]
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
    head = [say(f"report.{k}", lang) for k in ("column", "reason", "rows")]
    first = [say(f"report.{k}", lang) for k in ("row", "column", "value", "reason")]
    blocks = [
        {"kind": "h3", "text": say("report.rejected_h", lang)},
        _table(head, counts.to_numpy().tolist(), numeric=(2,)),
        _table(first, shown.head(10).to_numpy().tolist()),
    ]
    if len(rej) > 10:
        blocks.append(_p(say("report.rejected_more", lang, n=len(rej) - 10), "muted"))
    blocks.append(_p(Markup("<b>{}</b>").format(say("report.rejected_fix", lang))))
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
    months = say("report.months", lang).split()
    m = data.monthly
    rows = [
        [
            f"{months[r.month.month - 1]} {r.month.year}",
            r.days_recorded,
            number(r.pain_mean, ".1f", lang),
            number(r.pain_max, ".1f", lang),
            r.days_with_pain,
        ]
        for r in m.itertuples()
    ]
    keys = ("month", "days_filled", "mean_pain", "max_pain", "days_with_pain")
    return [_table([say(f"report.{k}", lang) for k in keys], rows, numeric=(1, 2, 3, 4))]


def _overview(data: ReportData, lang: str) -> list[Block]:
    if "overview" in data.figures:
        return [_img(data.figures["overview"], say("report.overview_alt", lang))]
    return [_p(say("report.too_short", lang, n=MIN_DAYS_FIGURE))]


def tag_word(tag: str, lang: str) -> str:
    """A tag in the report's language when the catalogue knows it (``heat`` -> ``warmte``)."""
    try:
        return say(f"plot.tag.{tag}", lang)
    except KeyError:  # the user's own word
        return tag


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
    return heading, [_table([say(f"report.{c}", lang) for c in worst.columns], rows, numeric=(1,))]


_KNOWN = ("stress", "sleep_hours", "sleep_quality", "steps", "active_minutes", "mood")


def _phrase(name: str, lang: str) -> str:
    key = f"report.phrase.{name}" if name in _KNOWN else "report.phrase.other"
    return say(key, lang, name=name)


def _finding_words(row: Any, lang: str) -> str:
    """One association of ``patient_findings`` in words, in the diary's own units.

    Only a ``reportable`` row (it survives the family-wise control) is told as a
    link; every other row says there is no clear link.
    """
    lag = int(row.lag)
    if not row.reportable:
        when = say("report.same_day" if lag == 0 else "report.next_day", lang)
        key = "report.assoc_none0" if lag == 0 else "report.assoc_none"
        return say(key, lang, x=_phrase(row.name, lang), when=when)
    more = say(
        f"report.step.{row.name}" if row.name in _KNOWN else "report.step.other",
        lang,
        name=row.name,
    )
    direction = "up" if row.effect > 0 else "down"
    return say(f"report.finding.{direction}{min(lag, 1)}", lang, more=more, effect=abs(row.effect))


def _family(data: ReportData, lang: str) -> Block:
    findings = data.findings
    return _p(say("report.family", lang, n=int(findings.attrs.get("n_tests", len(findings)))))


def _associations(data: ReportData, lang: str) -> list[Block]:
    if not data.has_pain:
        return [_missing(lang)]
    findings = data.findings
    links = None if findings is None else findings[findings["kind"] == "association"]
    if links is None or not links["effect"].notna().any():
        return [_p(say("report.assoc_empty", lang)), _caveat(lang)]
    links = links[links["effect"].notna()]
    rows = [
        [
            _finding_words(r, lang),
            number(r.effect, "+.2f", lang),
            r.n_days,
        ]
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
    helps = data.helps
    if helps is None or len(helps) == 0:
        return [_p(say("report.helps_no_tags", lang))]
    if not helps["diff"].notna().any():
        min_days = int(data.findings.attrs.get("min_days", 10))
        explain = _p(say("report.helps_no_pairs", lang, n=min_days))
    else:
        explain = _p(say("report.helps_intro", lang))
    verdicts = {
        v: say(f"report.verdict.{v.replace(' ', '_')}", lang)
        for v in helps["verdict"].dropna().unique()
    }
    rows = [
        [
            tag_word(r.tag, lang),
            r.n_days_with,
            r.n_days_without,
            "" if pd.isna(r.diff) else number(r.diff, "+.1f", lang),
            verdicts.get(r.verdict, r.verdict),
        ]
        for r in helps.itertuples()
    ]
    keys = ("tag", "days_with", "days_without", "difference", "verdict")
    table = _table([say(f"report.{k}", lang) for k in keys], rows, numeric=(1, 2, 3))
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
