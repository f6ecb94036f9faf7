"""backpain: read, validate, classify, analyse and plot back-pain diaries and surveys.

The flow, one module per step::

    read (backpain.read)  ->  validate (backpain.validate)
        ->  classify (backpain.classify) / analyse (backpain.stats)
        ->  plot (backpain.plot) / report (backpain.report)

Everything runs locally; nothing is sent over the network.
"""

from .datasets import list_examples, load_example
from .errors import DiaryError, SurveyError
from .read import read_diary
from .schema import COLUMNS
from .simulate import TRUE_EFFECTS, simulate_cohort
from .validate import LoadReport, check_diary, data_quality

__all__ = [
    "COLUMNS",
    "TRUE_EFFECTS",
    "DiaryError",
    "LoadReport",
    "SurveyError",
    "check_diary",
    "data_quality",
    "list_examples",
    "load_example",
    "read_diary",
    "simulate_cohort",
]

__version__ = "0.1.0"
