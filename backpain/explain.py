"""Say what a result means: one sentence per finding, from the result's own numbers.

The notebooks show a sentence after each table or figure ("49 of 100 people
(49%) have chronic pain ..."). The sentences are computed from the result,
so they cannot go stale when the data change, and they come from the text
layer (:func:`backpain.text.say`, keys ``notebook.*``), so they are in
English or Dutch and can be tested. p-values are written by
:func:`backpain.text.p_value` (``< 0.001``, else two significant digits),
also in the tables of :func:`readable`.

Each function returns an :class:`Explanation`: a ``str`` that a notebook
shows as Markdown. ``lang=None`` (the default) is the session's language,
``backpain.config(lang=...)`` (English unless set); a language given to one
call overrides it for that call.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._config import language
from ._locale import tag_word
from ._results import Result, table_of
from .classify import CLASSES, DEFINITIONS, class_summary, duration_class
from .stats import STEPS
from .text import Message, number, p_value, say

# catalogue keys by code, each written out so that a search for a key finds its use
_GUIDE_KEYS = {
    "source": "notebook.guide.source",
    "read": "notebook.guide.read",
    "report": "notebook.guide.report",
    "take": "notebook.guide.take",
}
_CORR_KEYS = (  # by lag 0, 1, 2+: (a clear within-person link, none)
    ("notebook.corr.within0", "notebook.corr.none0"),
    ("notebook.corr.within1", "notebook.corr.none1"),
    ("notebook.corr.withink", "notebook.corr.nonek"),
)
_STEP_KEYS = {
    "stress": "report.step.stress",
    "mood": "report.step.mood",
    "sleep_quality": "report.step.sleep_quality",
    "sleep_hours": "report.step.sleep_hours",
    "steps": "report.step.steps",
    "active_minutes": "report.step.active_minutes",
}
_PHRASE_KEYS = {
    "stress": "report.phrase.stress",
    "sleep_hours": "report.phrase.sleep_hours",
    "sleep_quality": "report.phrase.sleep_quality",
    "steps": "report.phrase.steps",
    "active_minutes": "report.phrase.active_minutes",
    "mood": "report.phrase.mood",
}
_ODI_KEYS = {
    "minimal": "notebook.odi.minimal",
    "moderate": "notebook.odi.moderate",
    "severe": "notebook.odi.severe",
    "crippled": "notebook.odi.crippled",
    "bed-bound": "notebook.odi.bed-bound",
}
_SCORE_KEYS = {
    "odi_score": "notebook.score.odi_score",
    "rmdq_score": "notebook.score.rmdq_score",
    "peg_score": "notebook.score.peg_score",
    "sbst_total": "notebook.score.sbst_total",
}
_GROUP_KEYS = {
    "acute": "plot.class.acute",
    "subacute": "plot.class.subacute",
    "chronic": "plot.class.chronic",
    "all": "change.notebook.all",
    "unknown": "change.notebook.unknown",
}

__all__ = [
    "DEFINITION_NAMES",
    "STEPS",
    "Explanation",
    "agreement",
    "class_table",
    "classes",
    "correlations",
    "finding_words",
    "findings",
    "guide",
    "mixed_model",
    "odi",
    "quality",
    "readable",
    "responders",
    "score_links",
    "startback",
    "tag_word",
    "verdict_words",
]


DEFINITION_NAMES: dict[str, str] = {
    "cost": "COST B13",
    "bmj": "BMJ",
    "icd11": "ICD-11",
    "nih": "NIH Task Force",
}
"""Names of the research definitions of :data:`backpain.DEFINITIONS`."""


class Explanation(str):
    """Text that explains a result; a notebook shows it as Markdown.

    >>> Explanation("- one\\n- two")._repr_markdown_()
    '- one\\n- two'
    """

    def _repr_markdown_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return str(self)


def _bullets(lines: Iterable[str]) -> Explanation:
    return Explanation("\n".join(f"- {line}" for line in lines))


def _p_words(p: float, lang: str, *, fdr: bool = False) -> str:
    """``p = 0.044`` or ``p < 0.001`` (``FDR-adjusted ...`` for an adjusted p)."""
    text = p_value(p, lang)
    words = say("notebook.p.below" if text.startswith("<") else "notebook.p.equal", lang, p=text)
    return say("notebook.p.fdr", lang, p=words) if fdr else words


def guide(step: str, lang: str | None = None) -> Explanation:
    """The patient notebook's words for ``step`` (``"source"``, ``"read"``, ``"report"``, ``"take"``).

    >>> guide("source", "nl")
    Het dagboek: je eigen bestand, of het meegeleverde voorbeeld.
    """
    lang = language(lang)
    return Explanation(say(_GUIDE_KEYS[step], lang))


# ------------------------------------------------------------------ data quality
def quality(table: pd.DataFrame, *, lang: str | None = None) -> Explanation:
    """One sentence on :func:`backpain.data_quality`: period, completeness, longest gap.

    Parameters
    ----------
    table : pandas.DataFrame
        The result of :func:`backpain.data_quality` (one row per person).
    lang : {"en", "nl"}, optional
        Language.

    Returns
    -------
    Explanation
        The number of people, the median ``span_days``, the mean and lowest
        ``completeness`` and the largest ``longest_gap_days``.

    Examples
    --------
    >>> from backpain import data_quality, simulate_cohort
    >>> quality(data_quality(simulate_cohort(3, 30, seed=1)))  # doctest: +ELLIPSIS
    3 people kept a diary over a median of 30 days; ...
    """
    lang = language(lang)
    return Explanation(
        say(
            "notebook.quality",
            lang,
            n=len(table),
            span=float(table["span_days"].median()),
            completeness=float(table["completeness"].mean()),
            lowest=float(table["completeness"].min()),
            gap=int(table["longest_gap_days"].max()),
        )
    )


# --------------------------------------------------------------- duration classes
def _rules(definition: str, lang: str) -> dict[str, str]:
    """The class boundaries of ``definition`` in words, in weeks where they fall on a week."""
    a, s = DEFINITIONS[definition]
    if (a + 1) % 7 == 0:
        acute = say("notebook.rule.acute_weeks", lang, weeks=(a + 1) // 7)
    else:
        acute = say("notebook.rule.acute_days", lang, days=a)
    if (a + 1) % 7 == 0 and s % 7 == 0:
        subacute = say("notebook.rule.subacute_weeks", lang, low=(a + 1) // 7, high=s // 7)
    else:
        subacute = say("notebook.rule.subacute_days", lang, low=a + 1, high=s)
    if s % 7 == 0:
        chronic = say("notebook.rule.chronic_weeks", lang, weeks=s // 7)
    else:
        chronic = say("notebook.rule.chronic_days", lang, days=s)
    return {"acute": acute, "subacute": subacute, "chronic": chronic}


def _untold(classified: pd.DataFrame) -> np.ndarray:
    """Rows with a duration whose class classify could not tell (``class_evidence`` says why)."""
    if not {"class_evidence", "duration_class", "duration_days"} <= set(classified.columns):
        return np.zeros(len(classified), dtype=bool)
    days = pd.to_numeric(classified["duration_days"], errors="coerce").notna().to_numpy(bool)
    return classified["duration_class"].isna().to_numpy(bool) & days


def class_table(classified: pd.DataFrame) -> pd.DataFrame:
    """Who is chronic: one row per person, with the class by each research definition.

    Parameters
    ----------
    classified : pandas.DataFrame
        The result of :func:`backpain.classify` (``subject``,
        ``duration_days`` and ``duration_class`` needed; ``onset``,
        ``duration_weeks``, ``onset_censored`` and ``nih_chronic`` kept when
        present).

    Returns
    -------
    pandas.DataFrame
        One row per person, longest duration first: ``subject``, ``onset``,
        ``duration_days``, ``duration_weeks``, ``lower_bound`` (the diary
        starts in pain, so the duration is at least this), ``duration_class``
        (as classified), ``class_cost``, ``class_bmj``, ``class_icd11``,
        ``class_nih`` (the duration classed by each definition of
        :data:`backpain.DEFINITIONS`; a survey's range of days, from
        :func:`backpain.classify_survey`, or a diary's from
        ``duration_shown_days`` to ``duration_days``, only when the whole
        range is in one class) and ``nih_chronic`` (the NIH Task Force definition, which also
        asks for pain on half the days).

    Examples
    --------
    >>> from backpain import classify, simulate_cohort
    >>> who = class_table(classify(simulate_cohort(4, 200, seed=4)))
    >>> who[["subject", "duration_days", "lower_bound", "class_icd11"]]
      subject  duration_days  lower_bound class_icd11
    0   S0004            199         True     chronic
    1   S0003             66        False    subacute
    2   S0002             64        False    subacute
    3   S0001             49        False    subacute
    """
    out = pd.DataFrame({"subject": classified["subject"]})
    for column in ("onset", "duration_days", "duration_weeks"):
        if column in classified.columns:
            out[column] = classified[column]
    if "onset_censored" in classified.columns:
        out["lower_bound"] = classified["onset_censored"].astype(bool)
    out["duration_class"] = classified["duration_class"]
    days = pd.to_numeric(classified["duration_days"], errors="coerce").astype("float64")
    # a survey's category answer ("more than a year") is a range: classed when it is in one
    # class; so is a diary's duration when the entries vouch for fewer days (classify's Notes)
    low = classified.get("duration_low_days", classified.get("duration_shown_days", days))
    low = pd.to_numeric(low, errors="coerce").astype("float64")
    high = classified.get("duration_high_days", days)
    for name in DEFINITIONS:
        by_low = duration_class(pd.Series(low, dtype="float64"), definition=name)
        by_high = duration_class(pd.Series(high, dtype="float64"), definition=name)
        out[f"class_{name}"] = by_low.where(by_low == by_high).to_numpy()
    untold = _untold(classified)
    if untold.any():  # classify could not tell the class: no definition can
        for name in DEFINITIONS:
            out.loc[untold, f"class_{name}"] = np.nan
    days = days.fillna(pd.Series(low, dtype="float64"))
    if "nih_chronic" in classified.columns:
        out["nih_chronic"] = classified["nih_chronic"]
    order = days.sort_values(ascending=False, na_position="last", kind="stable").index
    return out.loc[order].reset_index(drop=True)


def classes(
    classified: pd.DataFrame, *, definition: str = "cost", lang: str | None = None
) -> Explanation:
    """Say how many people are in each duration class, and by which definition.

    Parameters
    ----------
    classified : pandas.DataFrame
        The result of :func:`backpain.classify` or
        :func:`backpain.classify_survey` (needs ``duration_class``; uses
        ``onset_censored``, ``nih_chronic`` and ``duration_days`` when present).
    definition : {"cost", "bmj", "icd11", "nih"}
        The definition ``classified`` was made with (the boundaries named
        in the sentence).
    lang : {"en", "nl"}, optional
        Language.

    Returns
    -------
    Explanation
        Bullets: the counts per class (percent of those with a class, as in
        :func:`backpain.class_summary`), the people without a class, the
        censored durations, the NIH definition and the number of chronic
        people by each research definition (:func:`class_table`).

    Examples
    --------
    >>> from backpain import classify, simulate_cohort
    >>> print(classes(classify(simulate_cohort(20, 200, seed=4))))  # doctest: +ELLIPSIS
    - 11 of 20 people (55%) have chronic pain (longer than 12 weeks); 4 have subacute ...
    """
    lang = language(lang)
    if definition not in DEFINITIONS:
        msg = f"definition must be one of {sorted(DEFINITIONS)}, not {definition!r}"
        raise ValueError(msg)
    counted = class_summary(classified)
    summary = counted.table.set_index("duration_class")
    n = int(summary["n"].sum())
    rules = _rules(definition, lang)
    lines = [
        say(
            "notebook.classes",
            lang,
            n=n,
            n_chronic=int(summary.loc["chronic", "n"]),
            pct=float(np.nan_to_num(summary.loc["chronic", "percent"])),
            n_subacute=int(summary.loc["subacute", "n"]),
            n_acute=int(summary.loc["acute", "n"]),
            **rules,
        )
    ]
    too_few = 0
    if "class_evidence" in classified.columns:
        too_few = int(_untold(classified).sum())
    if counted.n_unclassified - too_few:
        n_none = counted.n_unclassified - too_few
        lines.append(say("notebook.classes.unclassified", lang, n=n_none))
    if too_few:
        lines.append(say("notebook.classes.too_few", lang, n=too_few))
    if "onset_censored" in classified.columns:
        censored = int(classified["onset_censored"].astype(bool).sum())
        if censored:
            lines.append(say("notebook.classes.censored", lang, n=censored))
    if "nih_chronic" in classified.columns:
        nih = pd.array(classified["nih_chronic"], dtype="boolean")
        undecided = int(nih.isna().sum())
        key = "notebook.classes.nih" if undecided else "notebook.classes.nih_all"
        lines.append(say(key, lang, n=int(nih.fillna(False).sum()), undecided=undecided))
    if "duration_days" in classified.columns:
        who = class_table(classified)
        items = [
            Message(
                "notebook.classes.definition",
                name=DEFINITION_NAMES[name],
                rule=_rules(name, lang)["chronic"],
                n=int((who[f"class_{name}"] == "chronic").sum()),
            )
            for name in DEFINITIONS
        ]
        lines.append(say("notebook.classes.by_definition", lang, items=items))
    return _bullets(lines)


# -------------------------------------------------------------------- correlations
def _corr_stats(row: Any, lang: str, *, fdr: bool) -> str:
    p = row.p_fdr if fdr else row.p_val
    return say(
        "notebook.corr.stats",
        lang,
        r=_two(row.r),
        low=_two(row.ci95_low),
        high=_two(row.ci95_high),
        p=_p_words(float(p), lang, fdr=fdr),
    )


def _two(value: float) -> float:
    """``value`` rounded to 2 decimals, without the sign of a rounded zero (no ``-0.00``)."""
    return round(float(value), 2) + 0.0


def correlations(result: Any, *, alpha: float = 0.05, lang: str | None = None) -> Explanation:
    """One sentence per row of :func:`backpain.stats.correlate`.

    Parameters
    ----------
    result : Correlations or pandas.DataFrame
        The result of :func:`backpain.stats.correlate` or its table (``predictor``,
        ``lag``, ``level``, ``r``, ``ci95_low``, ``ci95_high``, ``p_val``;
        ``p_fdr`` when present).
    alpha : float
        A link is told as a link when its p (``p_fdr`` when present, else
        ``p_val``) is below ``alpha``; otherwise the sentence says there is
        no clear link. The numbers are given either way.
    lang : {"en", "nl"}, optional
        Language.

    Returns
    -------
    Explanation
        Bullets in the order of ``result``; rows without an ``r`` are left out.

    Examples
    --------
    >>> row = pd.DataFrame({"predictor": ["stress"], "lag": [0], "level": ["within"],
    ...     "r": [0.18], "ci95_low": [0.17], "ci95_high": [0.2], "p_val": [1e-9]})
    >>> correlations(row)
    - Stress, within a person: on days above their own average, pain is higher (r = 0.18, 95% CI 0.17 to 0.20, p < 0.001).
    """
    lang = language(lang)
    result = table_of(result)
    fdr = "p_fdr" in result.columns
    lines = []
    for row in result.itertuples(index=False):
        if pd.isna(row.r):
            continue
        p = row.p_fdr if fdr else row.p_val
        clear = bool(p < alpha)
        stats = _corr_stats(row, lang, fdr=fdr)
        if row.level == "between":
            if clear:
                way = say("notebook.corr.more" if row.r > 0 else "notebook.corr.less", lang)
                lines.append(
                    say("notebook.corr.between", lang, x=row.predictor, dir=way, stats=stats)
                )
            else:
                lines.append(say("notebook.corr.between_none", lang, x=row.predictor, stats=stats))
            continue
        lag = int(row.lag)
        within, none = _CORR_KEYS[min(lag, 2)]
        if clear:
            way = say("notebook.corr.higher" if row.r > 0 else "notebook.corr.lower", lang)
            lines.append(
                say(
                    within,
                    lang,
                    x=row.predictor,
                    dir=way,
                    stats=stats,
                    k=lag,
                )
            )
        else:
            lines.append(say(none, lang, x=row.predictor, stats=stats, k=lag))
    return _bullets(lines)


# --------------------------------------------------------------------- mixed model
def _step_words(name: str, lang: str) -> str:
    """``1 point more stress``, ``1,000 more steps``: the report's words for a step."""
    return say(_STEP_KEYS.get(name, "report.step.other"), lang, name=name)


def mixed_model(result: Any, *, alpha: float = 0.05, lang: str | None = None) -> Explanation:
    """One sentence per predictor term of :func:`backpain.mixed_model`, in the diary's units.

    Each coefficient is told for a step of its predictor (:data:`STEPS`: 1
    point of stress, 1 hour of sleep, 1000 steps, 10 active minutes), with
    its 95% CI and p; the ICC and the model's size come last.

    Parameters
    ----------
    result : MixedModel or pandas.DataFrame
        The result of :func:`backpain.mixed_model` (or its table). The
        intercept, person covariates and terms without an estimate are left
        out; the ICC and the model's size are told for a whole result.
    alpha : float
        Terms with ``p_val >= alpha`` say they are not clearly different from
        no change.
    lang : {"en", "nl"}, optional
        Language.

    Returns
    -------
    Explanation
        Bullets; the effect is ``abs(coef * step)`` points of pain with
        ``more``/``less``, and the CI is of that same quantity (for a
        negative coefficient: ``-ci95_high * step`` to ``-ci95_low * step``).

    Examples
    --------
    >>> term = pd.DataFrame({"term": ["steps_within"], "predictor": ["steps"], "lag": [0],
    ...     "level": ["within"], "coef": [-0.0002], "ci95_low": [-0.0003],
    ...     "ci95_high": [-0.0001], "p_val": [0.0123]})
    >>> mixed_model(term)
    - Within a person, a day with 1,000 more steps than usual goes with 0.20 points less pain (95% CI 0.10 to 0.30, p = 0.012).
    """
    lang = language(lang)
    model, result = result, table_of(result)
    lines = []
    rows = result[result["level"].isin(["within", "between"]) & result["coef"].notna()]
    for row in rows.itertuples(index=False):
        step = STEPS.get(row.predictor, 1.0)
        coef, low, high = (step * float(v) for v in (row.coef, row.ci95_low, row.ci95_high))
        if coef < 0:
            coef, low, high = -coef, -high, -low
        stats = say("notebook.model.stats", lang, low=low, high=high, p=_p_words(row.p_val, lang))
        params = {
            "more": _step_words(row.predictor, lang),
            "effect": coef,
            "dir": say("notebook.corr.more" if row.coef > 0 else "notebook.corr.less", lang),
            "stats": stats,
            "unclear": "" if row.p_val < alpha else say("notebook.model.unclear", lang),
        }
        lag = 0 if pd.isna(row.lag) else int(row.lag)
        if row.level == "between":
            lines.append(say("notebook.model.between", lang, **params))
        elif lag == 0:
            lines.append(say("notebook.model.within0", lang, **params))
        else:
            # "points more pain" reads "points higher" here: the pain of a later day
            params["dir"] = say(
                "notebook.corr.higher" if row.coef > 0 else "notebook.corr.lower", lang
            )
            lines.append(say("notebook.model.withink", lang, k=lag, **params))
    if isinstance(model, Result):
        n_obs, n_subjects = int(model.n_obs), int(model.n_subjects)
        icc = say("notebook.model.icc", lang, icc=model.icc, n_obs=n_obs, n_subjects=n_subjects)
        lines.append(icc)
    return _bullets(lines)


# -------------------------------------------------------------------------- survey
def odi(scores: pd.DataFrame, *, lang: str | None = None) -> Explanation:
    """The Oswestry Disability Index of :func:`backpain.score_odi` in one sentence.

    >>> odi(pd.DataFrame({"odi_score": [10.0, 30.0], "odi_band": ["minimal", "moderate"]}))
    Oswestry Disability Index: mean 20 out of 100 (SD 14) in 2 people; by band: minimal 1, moderate 1.
    """
    lang = language(lang)
    scored = scores[scores["odi_score"].notna()]
    counts = scored["odi_band"].value_counts(sort=False)
    order = (
        list(counts.index.categories)
        if isinstance(counts.index, pd.CategoricalIndex)
        else sorted(counts.index, key=str)
    )
    bands = []
    for band in order:
        key = _ODI_KEYS.get(str(band))
        word = str(band) if key is None else say(key, lang)
        bands.append(Message("notebook.survey.band", band=word, n=int(counts.get(band, 0))))
    return Explanation(
        say(
            "notebook.survey.odi",
            lang,
            mean=float(scored["odi_score"].mean()),
            sd=float(scored["odi_score"].std()),
            n=len(scored),
            bands=bands,
        )
    )


def startback(scores: pd.DataFrame, *, lang: str | None = None) -> Explanation:
    """The STarT Back risk groups of :func:`backpain.score_startback` in one sentence.

    >>> startback(pd.DataFrame({"sbst_risk": ["low", "high", "low"]}), lang="nl")
    STarT Back: van de 3 personen hebben er 2 een laag, 0 een gemiddeld en 1 een hoog risico op een slecht verloop.
    """
    lang = language(lang)
    risk = scores["sbst_risk"].dropna().astype(str)
    counts = {level: int((risk == level).sum()) for level in ("low", "medium", "high")}
    return Explanation(say("notebook.survey.startback", lang, n=len(risk), **counts))


def agreement(
    table: pd.DataFrame,
    *,
    survey: str = "survey_duration_class",
    diary: str = "diary_duration_class",
    lang: str | None = None,
) -> Explanation:
    """How often the survey's duration class agrees with the diary's.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per person with both classes, e.g. :func:`backpain.cohort_table`.
    survey, diary : str
        The two class columns (acute < subacute < chronic).
    lang : {"en", "nl"}, optional
        Language.

    Returns
    -------
    Explanation
        People with both classes, how many agree, and how many the survey
        puts in a longer or a shorter class.

    Examples
    --------
    >>> t = pd.DataFrame({"survey_duration_class": ["acute", "chronic", "acute", None],
    ...     "diary_duration_class": ["acute", "subacute", "chronic", "acute"]})
    >>> agreement(t)
    Survey and diary give the same duration class for 1 of the 3 people with both (33%); the survey gives a longer class for 1 and a shorter one for 1.
    """
    lang = language(lang)
    order = {c: i for i, c in enumerate(CLASSES)}
    s = table[survey].astype("object").map(order)
    d = table[diary].astype("object").map(order)
    both = s.notna() & d.notna()
    s, d = s[both], d[both]
    n = int(both.sum())
    same = int((s == d).sum())
    return Explanation(
        say(
            "notebook.survey.agreement",
            lang,
            n=n,
            same=same,
            pct=100 * same / n if n else float("nan"),
            longer=int((s > d).sum()),
            shorter=int((s < d).sum()),
        )
    )


def score_links(
    table: pd.DataFrame,
    *,
    x: Sequence[str] = ("odi_score", "rmdq_score", "peg_score"),
    y: str = "diary_pain_mean",
    alpha: float = 0.05,
    lang: str | None = None,
) -> Explanation:
    """How each questionnaire score relates to the mean diary pain, across people.

    Pearson correlations by :func:`backpain.between_corr` over the people
    with both values (one row per person, e.g. :func:`backpain.cohort_table`).

    Parameters
    ----------
    table : pandas.DataFrame
        One row per person, with ``subject``, ``x`` and ``y``.
    x : sequence of str
        Score columns.
    y : str
        The diary column (default the person's mean pain).
    alpha : float
        A link is told as a link when ``p_val < alpha``.
    lang : {"en", "nl"}, optional
        Language.

    Returns
    -------
    Explanation
        One bullet per score: r, 95% CI, p and n.
    """
    from .stats import between_corr

    lang = language(lang)
    lines = []
    for name in x:
        row = between_corr(table, x=name, y=y).iloc[0]
        key = _SCORE_KEYS.get(name)
        word = name if key is None else say(key, lang)
        stats = say(
            "notebook.corr.stats",
            lang,
            r=_two(row["r"]),
            low=_two(row["ci95_low"]),
            high=_two(row["ci95_high"]),
            p=_p_words(float(row["p_val"]), lang),
        )
        n = int(row["n_subjects"])
        if row["p_val"] < alpha:
            way = say("notebook.corr.higher" if row["r"] > 0 else "notebook.corr.lower", lang)
            lines.append(say("notebook.survey.link", lang, x=word, dir=way, stats=stats, n=n))
        else:
            lines.append(say("notebook.survey.link_none", lang, x=word, stats=stats, n=n))
    return _bullets(lines)


# ------------------------------------------------------ one person's findings


def _phrase(name: str, lang: str) -> str:
    return say(_PHRASE_KEYS.get(name, "report.phrase.other"), lang, name=name)


def _step_text(name: str, lang: str) -> str:
    """The step a row's change refers to: ``1,000 more steps``, ``1 point more stress``."""
    return _step_words(name, lang)


def finding_words(row: Any, lang: str) -> str:
    """One association row of :func:`backpain.stats.patient_findings` in words, from its verdict.

    ``row`` needs ``predictor``, ``lag``, ``effect``, ``n_days`` and ``verdict``
    (a namedtuple from ``itertuples`` or a Series). A ``lower`` / ``higher``
    verdict is told as a link in the diary's units; ``unclear`` says there is
    no clear link and names the step; the others say why it was not tested.

    >>> import pandas as pd
    >>> row = pd.Series({"predictor": "steps", "lag": 0, "effect": 0.1, "n_days": 80,
    ...                  "verdict": "unclear"})
    >>> finding_words(row, "en")
    'No clear link between the step count and pain on the same day (step: 1,000 more steps)'
    """
    lag = min(int(row.lag), 1)
    verdict = str(row.verdict)
    if verdict in ("lower", "higher"):
        key = _FINDING_KEYS[verdict, lag]
        return say(key, lang, more=_step_words(row.predictor, lang), effect=abs(row.effect))
    when = say("report.same_day" if lag == 0 else "report.next_day", lang)
    if verdict == "unclear":
        key = "report.assoc_none0" if lag == 0 else "report.assoc_none"
        sentence = say(key, lang, x=_phrase(row.predictor, lang), when=when)
        return sentence + say("report.per_step", lang, more=_step_words(row.predictor, lang))
    # not tested: too few days, or pain or the predictor never varied over them
    key = _UNTESTED_KEYS[verdict]
    return say(key, lang, x=_phrase(row.predictor, lang), when=when, n=row.n_days)


_FINDING_KEYS = {
    ("lower", 0): "report.finding.down0",
    ("lower", 1): "report.finding.down1",
    ("higher", 0): "report.finding.up0",
    ("higher", 1): "report.finding.up1",
}
"""The sentence of a reported association by its verdict (:data:`backpain.stats.VERDICTS`) and lag."""

_UNTESTED_KEYS = {
    "too_few_days": "report.untested.too_few_days",
    "not_tested": "report.untested.not_tested",
}
"""The sentence of an association that was not tested, by its verdict."""

_VERDICT_KEYS = {
    "lower": "report.verdict.lower",
    "higher": "report.verdict.higher",
    "unclear": "report.verdict.unclear",
    "too_few_days": "report.verdict.too_few_days",
    "no_comparison": "report.verdict.no_comparison",
    "not_tested": "report.verdict.not_tested",
}
"""A tag's verdict in words, one catalogue key per code of :data:`backpain.stats.VERDICTS`."""


def verdict_words(row: Any, lang: str) -> str:
    """A tag row's ``verdict`` in words; a tag noted never or on every day says which.

    The words the report, the page and the demo show beside a tag.

    ``row`` is a row of :func:`backpain.stats.patient_findings` (``verdict``,
    ``n_with``) as a namedtuple or Series.

    >>> import pandas as pd
    >>> row = pd.Series({"verdict": "no_comparison", "n_with": 0})
    >>> verdict_words(row, "nl")
    'nooit genoteerd op een dag voor een pijnscore: niets om te vergelijken'
    """
    verdict = str(row.verdict)
    if verdict == "no_comparison" and int(row.n_with) == 0:
        return say("report.verdict.never", lang)
    return say(_VERDICT_KEYS[verdict], lang)


def findings(result: Any, *, lang: str | None = None) -> Explanation:
    """One person's findings in words, one bullet per row, from the ``verdict`` column only.

    Parameters
    ----------
    result : Findings or pandas.DataFrame
        :func:`backpain.stats.patient_findings` of one person (or its table).
    lang : {"en", "nl"}, optional
        Language.

    Returns
    -------
    Explanation
        A bullet per association (as the report words it) and per tag
        (``tag: less pain`` ...); nothing is decided here.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> from backpain.stats import patient_findings
    >>> text = findings(patient_findings(simulate_cohort(1, 120, seed=3)), lang="nl")
    >>> text.splitlines()[-1]
    '- fysiotherapie: geen duidelijk verschil'
    """
    lang = language(lang)
    lines = []
    for row in table_of(result).itertuples():
        if row.kind == "association":
            lines.append(finding_words(row, lang))
        else:
            tag = tag_word(str(row.predictor), lang)
            lines.append(
                say("notebook.finding.tag", lang, tag=tag, verdict=verdict_words(row, lang))
            )
    return _bullets(lines)


# -------------------------------------------------------------------------- tables
def readable(table: pd.DataFrame, *, digits: int = 3, lang: str | None = None) -> pd.DataFrame:
    """A result table for reading: p-values by :func:`~backpain.text.p_value`, numbers rounded.

    Parameters
    ----------
    table : pandas.DataFrame
        Any result table; its columns named ``p_val`` or starting with
        ``p_`` (``p_fdr``, ``p_adj``) are p-values.
    digits : int
        Decimals of the other float columns.
    lang : {"en", "nl"}, optional
        Language of the numbers (a decimal comma in Dutch).

    Returns
    -------
    pandas.DataFrame
        A copy with every float column as text (missing values empty); other
        columns unchanged. For reading only: compute with ``table``.

    Examples
    --------
    >>> readable(pd.DataFrame({"r": [0.18371, -0.0066], "p_fdr": [2.3e-120, 0.5993]}))
            r    p_fdr
    0   0.184  < 0.001
    1  -0.007     0.60
    """
    lang = language(lang)
    out = table.copy()
    for column in out.columns:
        values = out[column]
        if not pd.api.types.is_float_dtype(values):
            continue
        if str(column).startswith("p_"):
            out[column] = [p_value(v, lang) for v in values]
        else:
            out[column] = [number(v, f".{digits}f", lang) if pd.notna(v) else "" for v in values]
    return out


# ------------------------------------------------------------------ responders
def responders(shares: pd.DataFrame, *, lang: str | None = None) -> Explanation:
    """The responder shares of :func:`backpain.change.responder_shares` in words, one line per group.

    Parameters
    ----------
    shares : pandas.DataFrame
        :func:`backpain.change.responder_shares` (the ``"all"`` row last).
    lang : {"en", "nl"}, optional
        Language.

    Returns
    -------
    Explanation
        One bullet per group: how many evaluable people had at least 30% and
        at least 50% less pain (IMMPACT, Dworkin et al. 2008), with the Wilson
        interval; how many could not be judged; and the caveat that a change
        over time does not show what caused it.

    Examples
    --------
    >>> import pandas as pd
    >>> from backpain.change import responder_shares
    >>> t = pd.DataFrame({"g": ["a", "a", "a"], "responder_30": [True, False, None],
    ...                   "responder_50": [False, False, None]})
    >>> print(responders(responder_shares(t, by="g")).splitlines()[0])
    - a: 1 of 2 people with both periods (50%, 95% interval 9% to 91%) had at least 30% less pain, 0 (0%, 0% to 66%) at least 50% less; 1 could not be judged (too few days, or no pain at the start).
    """
    lang = language(lang)
    lines = []
    for row in shares.itertuples(index=False):
        key = _GROUP_KEYS.get(str(row.group))
        group = str(row.group) if key is None else say(key, lang)
        if row.n_evaluable == 0:
            lines.append(say("change.notebook.none", lang, group=group, n=int(row.n)))
            continue
        lines.append(
            say(
                "change.notebook.group",
                lang,
                group=group,
                k30=int(row.n_responder_30),
                n=int(row.n_evaluable),
                s30=float(row.share_30),
                lo30=float(row.ci95_low_30),
                hi30=float(row.ci95_high_30),
                k50=int(row.n_responder_50),
                s50=float(row.share_50),
                lo50=float(row.ci95_low_50),
                hi50=float(row.ci95_high_50),
                missing=int(row.n - row.n_evaluable),
            )
        )
    lines.append(say("change.notebook.caveat", lang))
    return _bullets(lines)
