"""Words in the reader's language that figures, explanations and the report share.

The short month names (:func:`month_name`), a date in words (:func:`day_text`)
and a diary tag (:func:`tag_word`), from the text catalogue, never from the
system locale. No matplotlib here: the report and :mod:`backpain.explain` use
these words without loading it; the figures' tick formatters are in
:mod:`backpain._formatting`.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .text import TAG_KEYS, say

__all__ = ["day_text", "month_name", "tag_word"]

_MONTHS = (
    "plot.month.1",
    "plot.month.2",
    "plot.month.3",
    "plot.month.4",
    "plot.month.5",
    "plot.month.6",
    "plot.month.7",
    "plot.month.8",
    "plot.month.9",
    "plot.month.10",
    "plot.month.11",
    "plot.month.12",
)
"""The catalogue keys of the short month names, January first."""


def month_name(month: int, lang: str) -> str:
    """The short name of ``month`` (1-12) in ``lang``: ``Mar`` / ``mrt``.

    >>> month_name(3, "en"), month_name(3, "nl")
    ('Mar', 'mrt')
    """
    return say(_MONTHS[month - 1], lang)


def tag_word(tag: str, lang: str) -> str:
    """A tag in ``lang`` when the catalogue knows it (``heat`` -> ``warmte``), else as written.

    >>> tag_word("heat", "nl"), tag_word("my own tag", "nl")
    ('warmte', 'my own tag')
    """
    key = TAG_KEYS.get(tag)
    return str(tag) if key is None else say(key, lang)  # the user's own word: as written


def day_text(value: Any, lang: str) -> str:
    """``27 Dec 2025`` / ``27 dec 2025``, without depending on the system locale.

    >>> day_text("2025-03-27", "nl")
    '27 mrt 2025'
    """
    ts = pd.Timestamp(value)
    return say("report.day", lang, day=ts.day, month=month_name(ts.month, lang), year=ts.year)
