"""Exception types raised for bad input files and bad input data."""

from __future__ import annotations

__all__ = ["DiaryError", "SurveyError"]


class DiaryError(ValueError):
    """A diary file or table cannot be read at all.

    The message names the file (or ``<DataFrame>``), what is wrong and what to
    do about it. Problems with single rows never raise: those rows are rejected
    and listed in the :class:`~backpain.LoadReport` instead.
    """


class SurveyError(ValueError):
    """A survey export cannot be read, or a questionnaire answer is invalid.

    The message names the file or respondent, the item and the value.
    """
