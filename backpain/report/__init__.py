"""Step 5 of the flow: a one-file HTML report a patient can take to the therapist.

The report is computed once and then shown: :func:`build_report` takes one
person's diary (and its load report, or reads the files) and runs each
analysis it was not given once (:func:`backpain.classify`,
:func:`backpain.annotate_days`, :func:`backpain.monthly_summary`,
:func:`backpain.stats.patient_findings`) and each figure
(:mod:`backpain.plot`, drawn from those findings), into a :class:`ReportData`; :meth:`ReportData.to_html` renders it with a
Jinja2 template (autoescaped: every text from the user's file is escaped),
as a standalone file or as the upload page's fragment. The HTML file is
self-contained: figures are base64 PNG, the one style sheet
(:func:`stylesheet`, shared with the upload page) is inline, and nothing
refers to the network, so it opens offline and can be e-mailed or printed.

Every text is a catalogue entry in English (``lang="en"``) and Dutch
(``lang="nl"``, words a Flemish or Dutch patient uses: *pijn*, *kinesist*,
*huisarts*), rendered by :func:`backpain.text.say`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..describe import monthly_summary
from ._build import ReportData, build_report
from ._render import stylesheet
from ._words import explain_class

__all__ = [
    "ReportData",
    "build_report",
    "explain_class",
    "monthly_summary",
    "render_report",
    "stylesheet",
    "write_report",
]


def render_report(
    diaries: Any,
    *,
    lang: str | None = None,
    subject: str | None = None,
    standalone: bool = True,
    pain_scale: float = 10,
    dayfirst: bool | None = None,
    moods: Sequence[str] | Mapping[str, float] | None = None,
) -> str:
    """Build the patient report and render it as one HTML string.

    Parameters
    ----------
    diaries : path, list of paths, bytes, file object or pandas.DataFrame
        Anything :func:`backpain.read_diary` reads (several files are merged).
    lang, subject, pain_scale, dayfirst, moods
        As in :func:`build_report`.
    standalone : bool, default True
        A whole HTML document (``<!DOCTYPE html>`` with inline style); False
        gives an HTML fragment (a ``<div>``) to embed in a page.

    Returns
    -------
    str
        The HTML. Figures are base64 PNG; no script, link or network address.

    Raises
    ------
    DiaryError, ValueError
        As :func:`build_report`.

    See Also
    --------
    build_report : the data, to render more than once without recomputing.

    Notes
    -----
    Sections: period covered (:func:`backpain.data_quality`), data quality
    (the :class:`~backpain.LoadReport` counts, the reader's notes and the
    rejected rows by reason), duration class in plain words
    (:func:`explain_class`; a censored onset is a lower bound), pain per
    month (:func:`backpain.monthly_summary`), whether the pain changed between the
    first and the last four weeks (:func:`backpain.pain_change`, graded by
    IMMPACT and Ostelo et al. 2008, with its figure), the overview figure
    (:func:`backpain.plot.dashboard`), the most painful days with their
    notes, within-person associations (lags 0 and 1) and what went with
    less pain (tags, next day), each with the association-is-not-cause
    caveat. A section that cannot be shown says why in words.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> page = render_report(simulate_cohort(1, 120, seed=3), lang="nl")
    >>> page.startswith("<!DOCTYPE html>"), "Hoe lang duurt de pijn al?" in page
    (True, True)
    """
    data = build_report(
        diaries,
        lang=lang,
        subject=subject,
        pain_scale=pain_scale,
        dayfirst=dayfirst,
        moods=moods,
    )
    return data.to_html(standalone=standalone)


def write_report(
    diaries: Any,
    path: str | Path,
    *,
    lang: str | None = None,
    subject: str | None = None,
    pain_scale: float = 10,
    dayfirst: bool | None = None,
    moods: Sequence[str] | Mapping[str, float] | None = None,
) -> Path:
    """Write the patient report to one self-contained HTML file.

    Parameters
    ----------
    diaries : path, list of paths, bytes, file object, pandas.DataFrame or ReportData
        Anything :func:`backpain.read_diary` reads, or a :class:`ReportData`
        already built (then the other options are not used).
    path : str or Path
        The HTML file to write (its folder must exist).
    lang, subject, pain_scale, dayfirst, moods
        As in :func:`build_report`.

    Returns
    -------
    pathlib.Path
        ``path``, written as UTF-8.

    See Also
    --------
    render_report : the same HTML as a string.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from backpain.simulate import simulate_cohort
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "report.html"
    >>> write_report(simulate_cohort(1, 90, seed=5), out).stat().st_size > 10_000
    True
    """
    if not isinstance(diaries, ReportData):
        diaries = build_report(
            diaries,
            lang=lang,
            subject=subject,
            pain_scale=pain_scale,
            dayfirst=dayfirst,
            moods=moods,
        )
    path = Path(path)
    path.write_text(diaries.to_html(), encoding="utf-8")
    return path
