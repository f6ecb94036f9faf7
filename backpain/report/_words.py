"""The report's shared words: dates, pain scores, the class explained (no computing).

Used by both :mod:`backpain.report._build` (the no-rows message) and
:mod:`backpain.report._render` (every section), so that neither imports the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._config import language
from .._locale import day_text
from ..text import number, say

__all__ = [
    "MIN_DAYS_FIGURE",
    "day_text",
    "explain_class",
    "pain_text",
    "reason_column",
]

MIN_DAYS_FIGURE = 14
"""Shorter diaries get no overview figure (too little to draw)."""


_CLASS_ADJECTIVES = {
    "acute": "report.acute_adj",
    "subacute": "report.subacute_adj",
    "chronic": "report.chronic_adj",
}
"""The adjective of each duration class in the episode sentence, by class."""


def pain_text(value: Any, lang: str) -> str:
    """A pain score in a sentence: ``6``, ``5.5`` (``5,5`` in Dutch); no score said in words."""
    if value is None or pd.isna(value):
        return say("report.no_score", lang)
    v = float(value)
    return number(v, ".0f" if v.is_integer() else ".1f", lang)


def _weeks_text(days: int, lang: str) -> str:
    """`` (6 weeks)`` after a day count of two weeks or more; nothing for fewer."""
    return say("report.weeks", lang, n=round(days / 7)) if days >= 14 else ""


def explain_class(row: Mapping[str, Any] | pd.Series, *, lang: str | None = None) -> str:
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
    lang : {"en", "nl"}, optional
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
    lang = language(lang)
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
            adjective = say(_CLASS_ADJECTIVES[cls], lang)
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


def reason_column(rejected: pd.DataFrame) -> pd.Series:
    """The rejected rows' reasons as the reader gave them (Messages, rendered when shown)."""
    return rejected["message"]
