"""Compute the report once: :class:`ReportData` and the function that builds it.

Everything the report and the upload page show is computed here, once per
diary: the load report, the data-quality summary, the classification with
its day-by-day annotation, the monthly table, the within-person
associations, the tag comparison and the figures (base64 PNG). Rendering
(:mod:`backpain.report._render`) only arranges and words these results.
"""

from __future__ import annotations

import base64
import copy
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._config import language
from .._progress import announce
from .._results import table_of
from ..describe import monthly_summary
from ..errors import DiaryError, SeveralSubjects
from ..text import Message, say
from ..validate import check_diary
from ._change import change_data
from ._words import MIN_DAYS_FIGURE, reason_column

__all__ = ["ReportData", "build_report"]

Progress = Callable[[str], None]
TOP_DAYS = 7
"""Rows of the table of the days with the most pain."""
FIRST_PROBLEMS = 5
"""Rejected rows named in the "no usable rows" message."""


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
    worst_tied : int
        How many diary days have the lowest pain shown in ``worst_days``
        (more than are shown when many days tie: the report says so).
    findings : pandas.DataFrame or None
        The table of :func:`backpain.stats.patient_findings`: every predictor at lags 0-1
        and every tag at lag 1, tested as one family (None without pain).
        Every figure, table and sentence about a link shows its ``verdict``.
    sources : pandas.DataFrame or None
        For several files: each file's ``source``, ``format`` and the period
        it covers (``first``, ``last``, ``days``); None for one.
    overlap : int or None
        For several files: the diary days that more than one file covers.
    figures : dict of str to str
        Base64 PNG per figure: ``"overview"`` and ``"helps"``; a figure
        that could not be drawn is absent.
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
    worst_tied: int
    findings: pd.DataFrame | None = field(repr=False)
    sources: pd.DataFrame | None = field(repr=False)
    overlap: int | None
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


# ------------------------------------------------------------- computing
def _png(fig: Any, *, dpi: int = 80) -> str:
    """Render a figure to a base64 PNG and close it."""
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _figures(data: dict[str, Any], lang: str, say_step: Progress) -> dict:
    """The report's figures, drawn from the person's own results (nothing computed here)."""
    import matplotlib.pyplot as plt

    from .. import plot

    diary, findings = data["diary"], data["findings"]
    figures: dict[str, str] = {}
    if len(diary) >= MIN_DAYS_FIGURE:
        say_step(say("report.progress.overview", lang))
        figures["overview"] = _png(
            plot.dashboard(
                diary,
                annotated=data["annotated"],
                findings=findings,
                subject=data["subject"],
                lang=lang,
                figsize=(13, 15),
            )
        )
    tags = None if findings is None else findings[findings["kind"] == "tag"]
    if tags is not None and tags["verdict"].isin(["lower", "higher", "unclear"]).any():
        fig, ax = plt.subplots(figsize=(8, 0.5 * len(tags) + 1.5), layout="constrained")
        plot.what_helps(findings, lang=lang, ax=ax)
        figures["helps"] = _png(fig)
    return figures


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


def _read(
    sources: Any, subject: str | None, options: Mapping[str, Any], lang: str, say_step: Progress
) -> tuple[pd.DataFrame, Any, pd.DataFrame | None]:
    """Read each file once; several files are merged per day, as one person when none names one.

    Returns the diary, its load report and, for several files, the period
    each covers (``source``, ``first``, ``last``, ``days``; None for one file).
    """
    from ..read import read_diary, select_subject
    from ..read.merge import merge_diaries

    items = list(sources) if isinstance(sources, list | tuple) else [sources]
    parts = []
    for item in items:
        if isinstance(item, str | Path) and Path(item).is_file():
            size = Path(item).stat().st_size / 1e6
            say_step(say("report.progress.reading_file", lang, name=Path(item).name, size=size))
        else:
            say_step(say("report.progress.reading", lang))
        if len(items) == 1:
            # subject= keeps that person of a file that names its people and
            # names the person of a file that does not (read_diary's select_subject)
            return (*read_diary(item, subject=subject, return_report=True, **options), None)
        # read as a list of one, so that each reader gets only the options it takes
        diary, merged = read_diary([item], subject=subject, return_report=True, **options)
        parts.append((diary, merged.parts[0]))
    named = [d["subject"].dropna().unique().tolist() for d, _ in parts]
    if subject is None and len({s for n in named for s in n}) > 1:
        # files none of which names a person (a diary and a watch's export) are
        # one person's, named as the first file names it
        if not any(_names_people(r) for _, r in parts):
            first = next((n[0] for n in named if n), None)
            parts = [select_subject(d, r, first) for d, r in parts]
    diary, load = merge_diaries(parts, return_report=True)
    covered = pd.DataFrame(
        [
            {
                "source": r.source,
                "format": r.format,
                "first": d["date"].min(),
                "last": d["date"].max(),
                "days": int(d["date"].nunique()),
            }
            for d, r in parts
        ]
    )
    return diary, load, covered


def _names_people(report: Any) -> bool:
    """True when the file's subject ids came from a column of it (not from its name)."""
    origin = report.columns.get("subject")
    return isinstance(origin, str) and not isinstance(origin, Message)


def _worst_days(diary: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """The most painful days, by date, and how many diary days share the lowest pain shown."""
    cols = [c for c in ("date", "pain", "tags", "notes") if c in diary.columns]
    scored = diary.loc[diary["pain"].notna(), cols]
    worst = scored.nlargest(TOP_DAYS, "pain").sort_values("date")
    # a text column no shown day fills in would be an empty column: drop it
    keep = [c for c in cols if c in ("date", "pain") or worst[c].notna().any()]
    tied = int((scored["pain"] == worst["pain"].min()).sum()) if len(worst) else 0
    return worst[keep].reset_index(drop=True), tied


def _overlap(covered: pd.DataFrame | None, diary: pd.DataFrame) -> int | None:
    """Days recorded by more than one of several files (None for one file)."""
    if covered is None or len(covered) < 2:
        return None
    spans = [(diary["date"] >= r.first) & (diary["date"] <= r.last) for r in covered.itertuples()]
    return int((np.sum(spans, axis=0) > 1).sum())


_FINDINGS_COLUMNS = ("kind", "predictor", "lag", "step", "effect", "n_days", "n_with", "verdict")


def build_report(
    diary: Any,
    *,
    load: Any = None,
    findings: Any = None,
    lang: str | None = None,
    subject: str | None = None,
    pain_scale: float = 10,
    dayfirst: bool | None = None,
    moods: Sequence[str] | Mapping[str, float] | None = None,
) -> ReportData:
    """Compute everything one person's report shows, once, from what it was not given.

    Parameters
    ----------
    diary : pandas.DataFrame, or path, list of paths, bytes or file object
        The person's canonical diary (:func:`backpain.read_diary`), or files
        to read (several files are merged per day, for example a pain diary
        and a wearable's export; files none of which names a person are one
        person's, named as the first file names it).
    load : LoadReport, optional
        What the reader did with each row, when you read the diary yourself:
        the report's data-quality section shows it (the rows read, rejected
        and ignored of your file). Without it a diary given as a table is
        described as that table.
    findings : Findings, optional
        :func:`backpain.stats.patient_findings` of this person, when
        computed already (default: computed here, at lags 0-1 and tags at
        lag 1). Every figure, table and sentence about a link shows its
        ``verdict`` column.
    lang : {"en", "nl"}, optional
        Language of the figures, the progress messages and the report;
        default: the setting (``backpain.config(lang=...)``, English unless set).
    subject : str, optional
        The person to report on; needed when the diary holds several. As in
        :func:`backpain.read_diary`: in a file that names its people (a
        subject column, Flaredown's ``user_id``) only this person is kept; a
        file without such a column holds one person, and this is its name.
    pain_scale : {10, 100}
        Scale of the diary's pain values, for files to read
        (:func:`backpain.read_diary`).
    dayfirst : bool, optional
        Order of numeric dates such as ``03/04/2026`` in files to read
        (:func:`backpain.read_diary`); default: inferred from the column.
    moods : list or dict, optional
        For a Daylio export whose mood labels are not Daylio's defaults: the
        moods from best to worst, or a level per label
        (:func:`backpain.read.daylio.read_daylio`); only Daylio files get it.

    Returns
    -------
    ReportData
        Show it with :meth:`ReportData.to_html`.

    Raises
    ------
    DiaryError
        When a file cannot be read (the reader's message); when no row
        is usable: the message names the rejected rows (the first five) with
        their reason and says how to fix them; for a ``subject`` the file
        does not name (the message names who is in it).
    SeveralSubjects
        When the diary holds several people and ``subject`` is not given
        (its ``subjects`` lists them).
    ValueError
        For an unknown ``lang``, ``load`` given with files to read, or
        ``findings`` that are not a :func:`~backpain.stats.patient_findings`
        result.

    See Also
    --------
    backpain.report.write_report : read, build and write the HTML file in one step.

    Notes
    -----
    Each analysis runs once, on this person only: :func:`backpain.classify`,
    :func:`backpain.annotate_days` and :func:`backpain.stats.patient_findings`
    (every predictor at lags 0-1 and every tag at lag 1, tested as one
    family with serial dependence allowed for). The figures
    (:func:`backpain.plot.dashboard`, :func:`backpain.plot.what_helps`)
    draw these results, and every mark, table row and sentence about a link
    shows the findings' ``verdict``. A diary without any pain score (a
    wearable's export) is reported too: the sections that need pain say to
    add the pain diary.

    With ``backpain.config(progress=callable)`` the callable is called with
    a short message in ``lang`` (``"reading diary.csv (2.1 MB)"``,
    ``"classifying"``, ...) at the start of each step, and ``"done"``; the
    command line prints these, the upload page shows them.

    Examples
    --------
    >>> from backpain import read_diary
    >>> from backpain.simulate import simulate_cohort
    >>> diary, load = read_diary(simulate_cohort(1, 120, seed=3), return_report=True)
    >>> data = build_report(diary, load=load, lang="nl")
    >>> data.subject, data.has_pain, sorted(data.figures)
    ('S0001', True, ['helps', 'overview'])
    """
    from .. import __version__, data_quality, stats
    from ..classify import annotate_days, classify
    from ..read import read_diary, select_subject

    lang = language(lang)
    say_step = announce
    options: dict[str, Any] = {}
    if pain_scale != 10:
        options["pain_scale"] = pain_scale
    if dayfirst is not None:
        options["dayfirst"] = dayfirst
    if moods is not None:
        options["moods"] = moods
    covered = None
    if not isinstance(diary, pd.DataFrame):
        if load is not None:
            msg = "build_report: load= describes a diary you read yourself; pass that diary, not files"
            raise ValueError(msg)
        diary, load, covered = _read(diary, subject, options, lang, say_step)
    elif load is None:
        diary, load = read_diary(diary, subject=subject, return_report=True, **options)
    else:
        check_diary(diary)
        # select_subject counts the people left out in the load report: on a copy,
        # so the caller's LoadReport stays as they read it
        diary, load = select_subject(diary, copy.deepcopy(load), subject)
    if len(diary) == 0:
        raise DiaryError(_no_rows_message(load))
    subjects = diary["subject"].dropna().unique().tolist()
    if len(subjects) != 1:
        raise SeveralSubjects(
            Message("report.several_subjects", n=len(subjects), subjects=", ".join(subjects[:10])),
            subjects=subjects,
        )
    name = str(subjects[0])
    has_pain = bool(diary["pain"].notna().any())
    findings = table_of(findings)  # the report shows the table's verdicts
    if findings is not None:
        missing = [c for c in _FINDINGS_COLUMNS if c not in findings.columns]
        if missing:
            msg = (
                f"build_report: findings has no column(s) {missing}; pass the result of "
                "backpain.stats.patient_findings for this person"
            )
            raise ValueError(msg)
    results: dict[str, Any] = {
        "diary": diary,
        "subject": name,
        "classification": None,
        "annotated": None,
        "findings": findings if has_pain else None,
    }
    if has_pain:
        say_step(say("report.progress.classifying", lang))
        results["classification"] = classify(diary).iloc[0]
        results["annotated"] = annotate_days(diary)
        if findings is None:
            say_step(say("report.progress.associations", lang))
            found = stats.patient_findings(diary, lags=(0, 1), tag_lags=(1,))
            results["findings"] = found.table
    figures = _figures(results, lang, say_step)
    change = change_data(diary, lang=lang)
    worst, tied = _worst_days(diary)
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
        worst_days=worst,
        worst_tied=tied,
        findings=results["findings"],
        sources=covered,
        overlap=_overlap(covered, diary),
        figures=figures,
        version=__version__,
        made_on=date.today(),
        change=change,
    )
    say_step(say("report.progress.done", lang))
    return data
