"""backpain: read, validate, classify, analyse and plot back-pain diaries and surveys.

The flow, one module per step::

    read (backpain.read)  ->  validate (backpain.validate)
        ->  classify (backpain.classify) / analyse (backpain.stats, backpain.multilevel,
            backpain.esm for several prompts a day)
        ->  plot (backpain.plot) / report (backpain.report) / explain (backpain.explain)

Everything runs locally; nothing is sent over the network.
"""

from . import esm
from ._config import config
from .change import pain_change, questionnaire_change, responder_shares, responders
from .classify import (
    CLASSES,
    DEFINITIONS,
    annotate_days,
    class_summary,
    classify,
    duration_class,
    nih_chronic_from_survey,
    parse_duration,
)
from .cohort import cohort_table
from .datasets import list_examples, load_example
from .describe import monthly_summary
from .errors import DiaryError, SeveralSubjects, SurveyError
from .multilevel import MixedModelWarning, icc, mixed_model, person_effects
from .privacy import pseudonymise, write_diary
from .questionnaires import (
    classify_survey,
    score_cpg,
    score_nih_impact,
    score_odi,
    score_peg,
    score_rmdq,
    score_startback,
    simulate_survey,
)
from .read import LoadReport, read_dask, read_diary, write_cohort_parquet
from .read.esm import read_esm
from .read.merge import merge_diaries
from .read.survey import Survey, read_survey
from .schema import COLUMNS
from .simulate import TRUE_EFFECTS, simulate_cohort
from .stats import (
    between_corr,
    correlate,
    lagged_corr,
    patient_findings,
    what_helps,
    within_corr,
)
from .validate import check_diary, data_quality

__all__ = [
    "CLASSES",
    "COLUMNS",
    "DEFINITIONS",
    "TRUE_EFFECTS",
    "DiaryError",
    "LoadReport",
    "MixedModelWarning",
    "SeveralSubjects",
    "Survey",
    "SurveyError",
    "annotate_days",
    "between_corr",
    "check_diary",
    "class_summary",
    "classify",
    "classify_survey",
    "cohort_table",
    "config",
    "correlate",
    "data_quality",
    "duration_class",
    "esm",
    "icc",
    "lagged_corr",
    "list_examples",
    "load_example",
    "merge_diaries",
    "mixed_model",
    "monthly_summary",
    "nih_chronic_from_survey",
    "pain_change",
    "parse_duration",
    "patient_findings",
    "person_effects",
    "pseudonymise",
    "questionnaire_change",
    "read_dask",
    "read_diary",
    "read_esm",
    "read_survey",
    "responder_shares",
    "responders",
    "score_cpg",
    "score_nih_impact",
    "score_odi",
    "score_peg",
    "score_rmdq",
    "score_startback",
    "simulate_cohort",
    "simulate_survey",
    "what_helps",
    "within_corr",
    "write_cohort_parquet",
    "write_diary",
]

_LAZY = ("app", "dask", "explain", "plot", "report")
"""Submodules loaded on first use: plotting imports matplotlib's pyplot; ``dask``
(the analyses on a Dask DataFrame) needs the ``dask`` extra and is opt-in."""


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    msg = f"module 'backpain' has no attribute {name!r}"
    raise AttributeError(msg)


__version__ = "0.1.0"
