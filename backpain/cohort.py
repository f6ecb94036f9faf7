"""One row per person: questionnaire scores next to what their diary shows.

:func:`cohort_table` joins a baseline survey (scored with
:mod:`backpain.questionnaires`) with diary-derived measures
(:func:`backpain.data_quality` and :func:`backpain.classify`), the table a
researcher needs to compare, say, the ODI with the mean diary pain, or the
duration class a person reports with the one their diary shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ._results import table_of

if TYPE_CHECKING:
    from .read.survey import Survey

__all__ = ["cohort_table"]

# questionnaire -> (default item columns, scoring function name, score columns kept)
_QUESTIONNAIRES: dict[str, tuple[list[str], str, list[str]]] = {
    "odi": ([f"odi{i}" for i in range(1, 11)], "score_odi", ["odi_score", "odi_band"]),
    "rmdq": ([f"rmdq{i}" for i in range(1, 25)], "score_rmdq", ["rmdq_score"]),
    "sbst": (
        [f"sbst{i}" for i in range(1, 10)],
        "score_startback",
        ["sbst_total", "sbst_psychosocial", "sbst_risk"],
    ),
    "peg": ([f"peg{i}" for i in range(1, 4)], "score_peg", ["peg_score"]),
    "nih": (
        [f"nih{i}" for i in range(1, 10)],
        "score_nih_impact",
        ["nih_impact", "nih_impact_band"],
    ),
}

_DIARY_QUALITY = ["days_recorded", "completeness", "pain_mean", "pain_sd"]
_DIARY_CLASS = [
    "duration_days",
    "duration_class",
    "class_evidence",
    "onset_censored",
    "nih_chronic",
    "n_flares",
]


def cohort_table(
    survey: Survey | pd.DataFrame,
    diary: pd.DataFrame,
    *,
    duration: str | None = "pain_duration",
    frequency: str | None = "pain_frequency",
    **classify_options: Any,
) -> pd.DataFrame:
    """Join survey scores and diary measures into one row per subject.

    Parameters
    ----------
    survey : Survey or pandas.DataFrame
        A survey as :func:`backpain.read_survey` returns it (or its table), one row per
        respondent, with a ``subject`` column. Every questionnaire whose
        default item columns are all present (``odi1``-``odi10``,
        ``rmdq1``-``rmdq24``, ``sbst1``-``sbst9``, ``peg1``-``peg3``,
        ``nih1``-``nih9``) is scored.
    diary : pandas.DataFrame
        A canonical diary (:func:`backpain.read_diary`).
    duration : str or None
        Survey column with the pain duration answer (``"3 months"``); None
        or a missing column skips the survey-side classification.
    frequency : str or None
        Survey column with the NIH frequency answer (optional).
    **classify_options
        Passed to :func:`backpain.classify` (e.g. ``definition="nih"``).

    Returns
    -------
    pandas.DataFrame
        One row per subject in the survey or the diary (outer join), sorted
        by subject:

        * ``subject``, ``in_survey``, ``in_diary`` (bool);
        * the scores of each questionnaire found: ``odi_score``,
          ``odi_band``, ``rmdq_score``, ``sbst_total``, ``sbst_psychosocial``,
          ``sbst_risk``, ``peg_score``, ``nih_impact``, ``nih_impact_band``;
        * from the survey's duration answers (:func:`backpain.classify_survey`):
          ``survey_duration_days``, ``survey_duration_class``,
          ``survey_nih_chronic``;
        * from the diary: ``diary_days_recorded``, ``diary_completeness``,
          ``diary_pain_mean``, ``diary_pain_sd`` (:func:`backpain.data_quality`)
          and ``diary_duration_days``, ``diary_duration_class``,
          ``diary_class_evidence`` (why a class may be missing),
          ``diary_onset_censored``, ``diary_nih_chronic``, ``diary_n_flares``
          (:func:`backpain.classify`); counts are ``Int64`` and flags
          ``boolean``, missing (NA) for subjects without a diary.

    Raises
    ------
    ValueError
        When ``survey`` has no ``subject`` column or a subject appears twice.

    Notes
    -----
    The scoring rules are those of :mod:`backpain.questionnaires` (ODI 2.1a,
    Fairbank & Pynsent 2000; RMDQ-24; STarT Back, Hill et al. 2008; PEG,
    Krebs et al. 2009; NIH impact, Deyo et al. 2014). The join is an outer
    join on ``subject`` (pandas ``merge``); the tests check it against
    the columns computed one function at a time.

    Examples
    --------
    >>> from backpain import load_example
    >>> table = cohort_table(load_example("survey"), load_example("cohort"))
    >>> len(table), int(table["in_diary"].sum()), int(table["in_survey"].sum())
    (120, 100, 120)
    >>> table.loc[0, ["subject", "odi_band", "diary_duration_class"]].tolist()
    ['S0001', 'severe', 'subacute']
    """
    from . import questionnaires
    from .classify import classify
    from .questionnaires import classify_survey
    from .validate import data_quality

    survey = table_of(survey)
    if "subject" not in survey.columns:
        msg = (
            f"survey has no 'subject' column (columns: {list(survey.columns)[:12]}); "
            "rename the respondent id column to 'subject'"
        )
        raise ValueError(msg)
    dup = survey["subject"][survey["subject"].duplicated()]
    if len(dup):
        msg = (
            f"survey holds subject {dup.iloc[0]!r} more than once; keep one row per "
            "subject (e.g. the baseline) before joining"
        )
        raise ValueError(msg)

    scores = survey[["subject"]].astype({"subject": "string"}).reset_index(drop=True)
    for items, func, keep in _QUESTIONNAIRES.values():
        if all(c in survey.columns for c in items):
            scored = getattr(questionnaires, func)(survey).reset_index(drop=True)
            scores = pd.concat([scores, scored[keep]], axis=1)
    if duration is not None and duration in survey.columns:
        freq = frequency if frequency is not None and frequency in survey.columns else None
        cls = classify_survey(survey, duration=duration, frequency=freq).reset_index(drop=True)
        cls = cls[["duration_days", "duration_class", "nih_chronic"]].add_prefix("survey_")
        scores = pd.concat([scores, cls], axis=1)
    scores["in_survey"] = True

    quality = data_quality(diary).reset_index(drop=True)
    classes = classify(diary, **classify_options).reset_index(drop=True)
    measures = pd.concat(
        [
            quality[["subject"]].astype({"subject": "string"}),
            quality[_DIARY_QUALITY].add_prefix("diary_"),
            classes.set_index("subject")
            .loc[quality["subject"], _DIARY_CLASS]
            .reset_index(drop=True)
            .add_prefix("diary_"),
        ],
        axis=1,
    )
    measures = measures.astype(
        {
            "diary_days_recorded": "Int64",
            "diary_onset_censored": "boolean",
            "diary_n_flares": "Int64",
        }
    )
    measures["in_diary"] = True

    out = scores.merge(measures, on="subject", how="outer", sort=True)
    out["in_survey"] = out["in_survey"].fillna(False).astype(bool)
    out["in_diary"] = out["in_diary"].fillna(False).astype(bool)
    first = ["subject", "in_survey", "in_diary"]
    return out[first + [c for c in out.columns if c not in first]].reset_index(drop=True)
