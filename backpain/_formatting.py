"""Numbers and dates in the reader's language, for figures (English or Dutch).

Dutch numbers get a decimal comma and a thousands dot (:func:`whole`,
:class:`DutchNumbers`, :func:`localise`); date axes get matplotlib's concise
ticks with month names from the text catalogue (:class:`ConciseDates`,
:func:`date_axis`; the names from :func:`backpain._locale.month_name`, as the
report's), never from the system locale. Used by :mod:`backpain.plot`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import matplotlib.dates as mdates
from matplotlib.ticker import Formatter, ScalarFormatter

from ._locale import month_name
from .text import number

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["ConciseDates", "DutchNumbers", "date_axis", "localise", "whole"]


def whole(n: float, lang: str) -> str:
    """Whole number with a thousands separator (``.`` in Dutch)."""
    return number(n, ",.0f", lang)


class DutchNumbers(Formatter):
    """Wrap matplotlib's number formatter to write a decimal comma (``2,5``, ``8.000``)."""

    _MARKS = str.maketrans({",": ".", ".": ","})

    def __init__(self, inner: ScalarFormatter) -> None:
        self.inner = inner

    def set_axis(self, axis) -> None:
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def set_locs(self, locs) -> None:
        self.inner.set_locs(locs)

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.inner(x, pos).translate(self._MARKS)

    def format_data_short(self, value: float) -> str:
        return self.inner.format_data_short(value).translate(self._MARKS)

    def get_offset(self) -> str:
        return self.inner.get_offset().translate(self._MARKS)


def localise(ax: Axes, lang: str) -> None:
    """Dutch number ticks: decimal comma on every plain number axis of ``ax``.

    Date axes and axes with their own labels (already Dutch) are left alone;
    only this axes' formatters change, no global setting.
    """
    if lang != "nl":
        return
    for axis in (ax.xaxis, ax.yaxis):
        current = axis.get_major_formatter()
        if type(current) is ScalarFormatter:
            axis.set_major_formatter(DutchNumbers(current))


class ConciseDates(mdates.ConciseDateFormatter):
    """ConciseDateFormatter that copes with no ticks, with months in ``lang``.

    matplotlib's formatter raises ``IndexError`` on an empty list of ticks
    (an axis whose ticks were all removed, or a view with no tick in it);
    here no ticks simply give no labels.
    """

    def __init__(self, locator: mdates.DateLocator, lang: str) -> None:
        super().__init__(locator)
        self.lang = lang
        self.months = {month_name(m, "en"): month_name(m, lang) for m in range(1, 13)}
        self.pattern = re.compile(r"\b(" + "|".join(self.months) + r")\b")

    def _words(self, text: str) -> str:
        return self.pattern.sub(lambda m: self.months[m.group(1)], text)

    def format_ticks(self, values):
        if len(values) == 0:
            return []
        return [self._words(label) for label in super().format_ticks(values)]

    def get_offset(self):
        return self._words(super().get_offset())


def date_axis(ax: Axes, lang: str) -> None:
    """Concise date ticks, month names in ``lang``."""
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDates(locator, lang))
