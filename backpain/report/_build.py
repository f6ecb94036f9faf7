"""Compute the report once: :class:`ReportData` and the function that builds it.

Everything the report and the upload page show is computed here, once per
diary: the load report, the data-quality summary, the classification with
its day-by-day annotation, the monthly table, the within-person
associations, the tag comparison and the figures (base64 PNG). Rendering
(:mod:`backpain.report._render`) only arranges and words these results.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import DiaryError
from ..text import Message, check_lang, number, say
from ._change import change_data

__all__ = ["ReportData", "build_report", "explain_class", "monthly_summary"]

Progress = Callable[[str], None]
MIN_DAYS_FIGURE = 14
"""Shorter diaries get no overview figure (too little to draw)."""
TOP_DAYS = 7
"""Rows of the table of the days with the most pain."""
FIRST_PROBLEMS = 5
"""Rejected rows named in the "no usable rows" message."""
LAGS = (0, 1, 2, 3)
"""Lags of the associations: the dashboard draws 0-3, the report's table 0 and 1."""


@dataclass(frozen=True)
class ReportData:
    """Everything the patient report shows, computed once for one person.

    Build it with :func:`build_report`; show it with :meth:`to_html` (the
    standalone file or the upload page's fragment). In a notebook it shows
    itself as the report.

    Attributes
    ----------
    lang : {"en", "nl"}
        Language of the figures and of :meth:`to_html`.
    subject : str
        The person reported on.
    diary : pandas.DataFrame
        That person's canonical diary.
    load : LoadReport
        What the reader did with each row (:func:`backpain.read_diary`).
    quality : pandas.Series
        The person's row of :func:`backpain.data_quality`.
    has_pain : bool
        Whether any day has a pain score; without one (a wearable's export)
        the sections that need pain say to add the pain diary.
    classification : pandas.Series or None
        The person's row of :func:`backpain.classify` (None without pain).
    annotated : pandas.DataFrame or None
        :func:`backpain.annotate_days` of the diary (None without pain).
    monthly : pandas.DataFrame
        :func:`monthly_summary` of the diary.
    worst_days : pandas.DataFrame
        The days with the most pain (``date``, ``pain`` and the ``tags`` and
        ``notes`` columns the diary has), by date; never a day without a score.
    correlations : pandas.DataFrame or None
        :func:`backpain.stats.correlate` at lags 0-3 (None without pain), with
        a ``reportable`` column from ``findings`` (lags 2-3: False).
    findings : pandas.DataFrame or None
        :func:`backpain.stats.patient_findings`: every predictor at lags 0-1
        and every tag at lag 1, tested as one family (None without pain).
        The report's sentences come only from its ``reportable`` rows.
    helps : pandas.DataFrame or None
        The tag rows of ``findings`` in :func:`backpain.stats.what_helps`'s
        columns, for the figure (None without tags or pain).
    figures : dict of str to str
        Base64 PNG per figure: ``"overview"``, ``"associations"``,
        ``"helps"``; a figure that could not be drawn is absent.
    change : ChangeSection or None
        :func:`backpain.pain_change` of the first and the last four weeks
        and its figure (None without pain; see ``report/_change.py``).
    version : str
        The backpain version that made the report.
    made_on : datetime.date
        The day it was made.
    """

    lang: str
    subject: str
    diary: pd.DataFrame = field(repr=False)
    load: Any = field(repr=False)
    quality: pd.Series = field(repr=False)
    has_pain: bool
    classification: pd.Series | None = field(repr=False)
    annotated: pd.DataFrame | None = field(repr=False)
    monthly: pd.DataFrame = field(repr=False)
    worst_days: pd.DataFrame = field(repr=False)
    correlations: pd.DataFrame | None = field(repr=False)
    findings: pd.DataFrame | None = field(repr=False)
    helps: pd.DataFrame | None = field(repr=False)
    figures: dict[str, str] = field(repr=False)
    version: str
    made_on: date
    change: Any = field(default=None, repr=False)

    def to_html(self, *, standalone: bool = True) -> str:
        """The report as HTML: a whole document, or a ``<div>`` for a page.

        Parameters
        ----------
        standalone : bool, default True
            True gives a whole document with the style sheet inline; False a
            ``<div class='backpain-report'>`` fragment (style it with
            :func:`backpain.report.stylesheet`).

        Returns
        -------
        str
        """
        from ._render import render_html

        return render_html(self, standalone=standalone)

    def sections(self) -> list[dict[str, Any]]:
        """The report's sections in order: ``id``, ``heading`` and the ``blocks`` shown.

        Every section is always there; one that cannot be computed for this
        diary holds a sentence saying why.
        """
        from ._render import sections

        return sections(self)

    def _repr_html_(self) -> str:
        from ._render import stylesheet

        return f"<style>{stylesheet()}</style>{self.to_html(standalone=False)}"


# ------------------------------------------------------------------ words
def day_text(value: Any, lang: str) -> str:
    """``27 Dec 2025`` / ``27 dec 2025``, without depending on the system locale."""
    ts = pd.Timestamp(value)
    month = say("report.months", lang).split()[ts.month - 1]
    return say("report.day", lang, day=ts.day, month=month, year=ts.year)


def pain_text(value: Any, lang: str) -> str:
    """A pain score in a sentence: ``6``, ``5.5`` (``5,5`` in Dutch); no score said in words."""
    if value is None or pd.isna(value):
        return say("report.no_score", lang)
    v = float(value)
    return number(v, ".0f" if v.is_integer() else ".1f", lang)


def _weeks_text(days: int, lang: str) -> str:
    """`` (6 weeks)`` after a day count of two weeks or more; nothing for fewer."""
    return say("report.weeks", lang, n=round(days / 7)) if days >= 14 else ""


def explain_class(row: Mapping[str, Any] | pd.Series, *, lang: str = "en") -> str:
    """Explain one subject's classification in plain words (English or Dutch).

    Parameters
    ----------
    row : pandas.Series or mapping
        One row of :func:`backpain.classify` (needs ``onset``, ``as_of``,
        ``duration_days``, ``duration_weeks``, ``duration_class``,
        ``onset_censored``; uses ``recorded_until``, ``class_evidence``,
        ``weeks_with_entries``, ``weeks_in_duration``, ``unrecorded_gap_days``,
        ``last_pain_day``,
        ``nih_chronic``, ``nih_window_start``, ``days_observed_6m``,
        ``pain_days_6m``, ``pain_day_fraction_6m``, ``nih_problem_start`` and
        ``n_flares`` when present).
    lang : {"en", "nl"}
        Language of the text.

    Returns
    -------
    str
        Plain text (may hold ``<b>`` tags around the class; no user text):
        the onset and duration (up to the last entry), the class or why the
        entries are too few to tell it, the censoring caveat when the diary
        starts in pain or a long stretch without entries comes before the
        onset (the duration is then a lower bound), the NIH Task Force
        research definition with the days it counted, and the number of
        flares.

    See Also
    --------
    backpain.classify : the classification explained here.

    Notes
    -----
    The class boundaries are the defaults of :func:`backpain.classify`
    (acute < 6 weeks, subacute 6-12 weeks, chronic > 12 weeks: Airaksinen
    et al. 2006, the European COST B13 guidelines). The NIH sentence
    follows Deyo et al. (2014), the NIH Task Force research standards.

    Examples
    --------
    >>> from backpain import classify
    >>> from backpain.simulate import simulate_cohort
    >>> row = classify(simulate_cohort(4, 200, seed=4)).iloc[3]
    >>> text = explain_class(row, lang="nl")
    >>> "chronische" in text, "ondergrens" in text
    (True, True)
    """
    check_lang(lang)
    as_of = day_text(row["as_of"], lang)
    # the duration ends on the last entry (backpain.classify, issue #22)
    end = row.get("recorded_until", row["as_of"])
    end = row["as_of"] if pd.isna(end) else end
    parts = []
    cls = row["duration_class"]
    evidence = row.get("class_evidence", "")
    untold = evidence in ("too few entries", "pain may have ended")
    if pd.isna(row["onset"]) or (pd.isna(cls) and not untold):
        parts.append(say("report.no_episode", lang, as_of=as_of))
    else:
        days = int(row["duration_days"])
        # the same onset, end and duration in each sentence; what follows depends on the class
        when = {"onset": day_text(row["onset"], lang), "as_of": day_text(end, lang)}
        span = {**when, "days": days, "weeks": _weeks_text(days, lang)}
        if pd.isna(cls) and evidence == "pain may have ended":
            last = pd.Timestamp(row["last_pain_day"])
            n = (pd.Timestamp(end) - last).days
            parts.append(say("report.may_have_ended", lang, last=day_text(last, lang), n=n, **when))
        elif pd.isna(cls):
            seen, n_weeks = int(row["weeks_with_entries"]), int(row["weeks_in_duration"])
            parts.append(say("report.class_unknown", lang, seen=seen, n_weeks=n_weeks, **span))
        else:
            adjective = say(f"report.{cls}_adj", lang)
            parts.append(say("report.episode", lang, cls=adjective, **span))
        if pd.Timestamp(end) < pd.Timestamp(row["as_of"]):
            parts.append(say("report.ends_early", lang, end=day_text(end, lang), as_of=as_of))
        gap = row.get("unrecorded_gap_days", pd.NA)
        if bool(row["onset_censored"]) and not pd.isna(gap):
            onset = day_text(row["onset"], lang)
            parts.append(say("report.censored_gap", lang, onset=onset, gap=int(gap), days=days))
        elif bool(row["onset_censored"]):
            parts.append(say("report.censored", lang, days=days))
    if "nih_chronic" in row:
        nih = row["nih_chronic"]
        frac = row.get("pain_day_fraction_6m", np.nan)
        n = int(row.get("days_observed_6m", 0))
        k = int(row.get("pain_days_6m", round(np.nan_to_num(frac) * n)))
        start = row.get("nih_window_start", pd.NaT)
        if pd.isna(start):
            start = pd.Timestamp(row["as_of"]) - pd.Timedelta(days=182)
        window = {"start": day_text(start, lang), "as_of": as_of, "n": n}
        if pd.isna(nih):
            parts.append(say("report.nih_na", lang, **window))
        else:
            key = "report.nih_yes" if bool(nih) else "report.nih_no"
            since = row.get("nih_problem_start", pd.NaT)
            since = day_text(since, lang) if not pd.isna(since) else "-"
            pct = 100 * float(np.nan_to_num(frac))
            parts.append(say(key, lang, pct=pct, k=k, since=since, **window))
    n_flares = int(row["n_flares"]) if "n_flares" in row else 0
    if n_flares == 1:
        parts.append(say("report.flare_one", lang))
    elif n_flares > 1:
        parts.append(say("report.flares", lang, n=n_flares))
    return " ".join(parts)


# ------------------------------------------------------------- computing
def monthly_summary(data: pd.DataFrame, *, pain_threshold: float = 1) -> pd.DataFrame:
    """Pain per calendar month and subject: the trend a therapist looks at first.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary (``subject``, ``date``, ``pain``).
    pain_threshold : float
        A pain day has pain >= this value (pain >= 1 on the 0-10 scale, as
        in :func:`backpain.classify`).

    Returns
    -------
    pandas.DataFrame
        One row per subject and month with a pain score, sorted: ``subject``,
        ``month`` (Timestamp, first day of the month), ``days_recorded``
        (days with a pain value), ``pain_mean``, ``pain_max`` and
        ``days_with_pain`` (days with pain >= ``pain_threshold``).

    See Also
    --------
    backpain.data_quality : the days recorded per subject over the whole diary.

    Notes
    -----
    A grouped mean, checked in the tests against a hand-computed month.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> m = monthly_summary(simulate_cohort(1, 60, seed=2))
    >>> m.columns.tolist()
    ['subject', 'month', 'days_recorded', 'pain_mean', 'pain_max', 'days_with_pain']
    """
    from .. import check_diary

    check_diary(data)
    d = data.loc[data["pain"].notna(), ["subject", "date", "pain"]]
    month = d["date"].dt.to_period("M").dt.to_timestamp()
    g = d.assign(month=month, hurt=d["pain"] >= pain_threshold).groupby(
        ["subject", "month"], sort=True, observed=True
    )
    out = g.agg(
        days_recorded=("pain", "size"),
        pain_mean=("pain", "mean"),
        pain_max=("pain", "max"),
        days_with_pain=("hurt", "sum"),
    ).reset_index()
    return out.astype({"days_recorded": "int64", "days_with_pain": "int64"})


def _png(fig: Any, *, dpi: int = 80) -> str:
    """Render a figure to a base64 PNG and close it."""
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def draw_dashboard(diary: pd.DataFrame, **results: Any) -> Any:
    """The overview figure drawn from precomputed results (the report's and the demo's).

    ``results`` are :func:`backpain.plot.dashboard`'s keyword arguments
    ``annotated``, ``correlations``, ``helps``, ``subject`` and ``lang``.
    """
    from .. import plot

    return plot.dashboard(diary, **results, figsize=(13, 15))


def _figures(diary: pd.DataFrame, data: dict[str, Any], lang: str, say_step: Progress) -> dict:
    import matplotlib.pyplot as plt

    from .. import plot

    figures: dict[str, str] = {}
    if len(diary) >= MIN_DAYS_FIGURE:
        say_step(say("report.progress.overview", lang))
        figures["overview"] = _png(
            draw_dashboard(
                diary,
                annotated=data["annotated"],
                correlations=data["correlations"],
                helps=data["helps"],
                subject=data["subject"],
                lang=lang,
            )
        )
    helps = data["helps"]
    if helps is not None and helps["diff"].notna().any():
        fig, ax = plt.subplots(figsize=(8, 0.5 * len(helps) + 1.5), layout="constrained")
        plot.what_helps(helps, lang=lang, ax=ax)
        figures["helps"] = _png(fig)
    return figures


def mark_reportable(correlations: pd.DataFrame, findings: pd.DataFrame) -> pd.DataFrame:
    """``correlations`` with ``reportable`` from the family of ``findings`` (others False)."""
    links = findings[findings["kind"] == "association"]
    kept = links[links["reportable"]]
    shown = set(zip(kept["name"], kept["lag"], strict=True))
    within = correlations["level"] == "within"
    keys = zip(correlations["predictor"], correlations["lag"], strict=True)
    flags = [bool(w) and key in shown for w, key in zip(within, keys, strict=True)]
    return correlations.assign(reportable=flags)


def tag_rows(findings: pd.DataFrame) -> pd.DataFrame:
    """The tag rows of ``findings`` named as :func:`backpain.stats.what_helps` names them."""
    tags = findings[findings["kind"] == "tag"]
    return tags.rename(
        columns={
            "name": "tag",
            "effect": "diff",
            "n_with": "n_days_with",
            "n_without": "n_days_without",
        }
    ).reset_index(drop=True)


def _no_rows_message(load: Any) -> Message:
    """Why a diary came out empty: the rejected rows and what to do."""
    ignored: Any = ""
    if load.rows_ignored:
        what = [Message("report.ignored_count", what=k, n=v) for k, v in load.ignored.items()]
        ignored = Message("report.no_rows_ignored", n=load.rows_ignored, what=what)
    rej = load.rejected
    if not load.rows_rejected or rej is None or len(rej) == 0:
        return Message(
            "report.no_rows_none", source=load.source, n_read=load.rows_read, ignored=ignored
        )
    more: Any = ""
    if len(rej) > FIRST_PROBLEMS:
        more = Message("report.rejected_more_line", n=len(rej) - FIRST_PROBLEMS)
    items: Any = ""
    reasons = reason_column(rej)
    for i in reversed(range(min(FIRST_PROBLEMS, len(rej)))):
        r = rej.iloc[i]
        items = Message(
            "report.no_rows_item",
            row=r["row"],
            column="" if pd.isna(r["column"]) else str(r["column"]),
            value=repr("" if pd.isna(r["value"]) else str(r["value"])),
            reason=reasons.iloc[i],
            rest=items,
        )
    return Message(
        "report.no_rows",
        source=load.source,
        n_rejected=load.rows_rejected,
        n_read=load.rows_read,
        ignored=ignored,
        items=items,
        more=more,
    )


def reason_column(rejected: pd.DataFrame) -> pd.Series:
    """The rejected rows' reasons as the reader gave them (Messages, rendered when shown)."""
    return rejected["message"]


def _read(
    diaries: Any, subject: str | None, options: Mapping[str, Any], lang: str, say_step: Progress
) -> tuple[pd.DataFrame, Any]:
    from ..read import read_diary

    items = diaries if isinstance(diaries, list | tuple) else [diaries]
    for item in items:
        if isinstance(item, str | Path) and Path(item).is_file():
            size = Path(item).stat().st_size / 1e6
            say_step(say("report.progress.reading_file", lang, name=Path(item).name, size=size))
        else:
            say_step(say("report.progress.reading", lang))
    # read once: subject= keeps that person of a file that names its people and
    # names the person of a file that does not (read_diary's select_subject);
    # a subject the file does not name raises there, listing who is in it
    diary, load = read_diary(diaries, subject=subject, return_report=True, **options)
    if len(diary) == 0:
        raise DiaryError(_no_rows_message(load))
    subjects = diary["subject"].dropna().unique().tolist()
    if subject is None and len(subjects) != 1:
        msg = Message("report.several_subjects", n=len(subjects), subjects=", ".join(subjects[:10]))
        raise ValueError(msg)
    return diary, load


def _worst_days(diary: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in ("date", "pain", "tags", "notes") if c in diary.columns]
    scored = diary.loc[diary["pain"].notna(), cols]
    worst = scored.nlargest(TOP_DAYS, "pain").sort_values("date")
    # a text column no shown day fills in would be an empty column: drop it
    keep = [c for c in cols if c in ("date", "pain") or worst[c].notna().any()]
    return worst[keep].reset_index(drop=True)


def build_report(
    diaries: Any,
    *,
    lang: str = "en",
    subject: str | None = None,
    progress: Progress | None = None,
    pain_scale: float = 10,
    dayfirst: bool | None = None,
) -> ReportData:
    """Read a diary and compute everything its report shows, once.

    Parameters
    ----------
    diaries : path, list of paths, bytes, file object or pandas.DataFrame
        Anything :func:`backpain.read_diary` reads (several files are merged,
        for example a pain diary and a wearable's export).
    lang : {"en", "nl"}
        Language of the figures, the progress messages and the report.
    subject : str, optional
        The person to report on; needed when the diary holds several. As in
        :func:`backpain.read_diary`: in a file that names its people (a
        subject column, Flaredown's ``user_id``) only this person is kept; a
        file without such a column holds one person, and this is its name.
    progress : callable, optional
        Called with a short message in ``lang`` (``"reading diary.csv (2.1 MB)"``,
        ``"classifying"``, ...) at the start of each step, and ``"done"``.
    pain_scale : {10, 100}
        Scale of the diary's pain values (passed to :func:`backpain.read_diary`).
    dayfirst : bool, optional
        Order of numeric dates such as ``03/04/2026`` (passed to
        :func:`backpain.read_diary`); default: inferred from the column.

    Returns
    -------
    ReportData
        Show it with :meth:`ReportData.to_html`.

    Raises
    ------
    DiaryError
        When the file cannot be read (the reader's message); when no row
        is usable: the message names the rejected rows (the first five) with
        their reason and says to fix them in the spreadsheet; for a
        ``subject`` the file does not name (the message names who is in it).
    ValueError
        For an unknown ``lang``, or several subjects without ``subject=``.

    See Also
    --------
    backpain.report.write_report : build and write the HTML file in one step.

    Notes
    -----
    Each analysis runs once: :func:`backpain.classify`,
    :func:`backpain.annotate_days`, :func:`backpain.stats.correlate` (lags
    0-3, for the dashboard's lag panel) and
    :func:`backpain.stats.patient_findings` (every predictor at lags 0-1 and
    every tag at lag 1, tested as one family with serial dependence allowed
    for); the figures (:func:`backpain.plot.dashboard`,
    :func:`backpain.plot.what_helps`) draw these results, and every sentence
    about a link comes from a ``reportable`` finding. A diary without
    any pain score (a wearable's export) is reported too: the sections that
    need pain say to add the pain diary.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> data = build_report(simulate_cohort(1, 120, seed=3), lang="nl")
    >>> data.subject, data.has_pain, sorted(data.figures)
    ('S0001', True, ['helps', 'overview'])
    """
    from .. import __version__, data_quality, stats
    from ..classify import annotate_days, classify

    check_lang(lang)
    say_step = progress or (lambda _message: None)
    options: dict[str, Any] = {}
    if pain_scale != 10:
        options["pain_scale"] = pain_scale
    if dayfirst is not None:
        options["dayfirst"] = dayfirst
    diary, load = _read(diaries, subject, options, lang, say_step)
    name = str(diary["subject"].iloc[0])
    has_pain = bool(diary["pain"].notna().any())
    results: dict[str, Any] = {
        "subject": name,
        "classification": None,
        "annotated": None,
        "correlations": None,
        "findings": None,
        "helps": None,
    }
    if has_pain:
        say_step(say("report.progress.classifying", lang))
        results["classification"] = classify(diary).iloc[0]
        results["annotated"] = annotate_days(diary)
        say_step(say("report.progress.associations", lang))
        findings = stats.patient_findings(diary, lags=(0, 1), tag_lags=(1,))
        results["findings"] = findings
        results["correlations"] = mark_reportable(stats.correlate(diary, lags=LAGS), findings)
        if "tags" in diary.columns and diary["tags"].notna().any():
            say_step(say("report.progress.helps", lang))
            results["helps"] = tag_rows(findings)
    figures = _figures(diary, results, lang, say_step)
    change = change_data(diary, lang=lang)
    data = ReportData(
        lang=lang,
        subject=name,
        diary=diary,
        load=load,
        quality=data_quality(diary).iloc[0],
        has_pain=has_pain,
        classification=results["classification"],
        annotated=results["annotated"],
        monthly=monthly_summary(diary),
        worst_days=_worst_days(diary),
        correlations=results["correlations"],
        findings=results["findings"],
        helps=results["helps"],
        figures=figures,
        version=__version__,
        made_on=date.today(),
        change=change,
    )
    say_step(say("report.progress.done", lang))
    return data
