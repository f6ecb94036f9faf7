"""Problems in a user's file: a closed set of typed reasons, and one collector.

A reader that refuses a row says *why* with a :class:`Reason`, one member of a
small closed set, each with one English and one Dutch template in the
catalogue (``read.reason.*``). A :class:`Problem` is one refused row: the
file, row, column and value as written, the reason and the fields the reason
needs (a bound, a unit). Readers collect their problems in one
:class:`Problems` per file (vectorised: one call per column and reason, not
per row) and hand them to the :class:`~backpain.LoadReport` once; the report's
``rejected`` table and its sentences ("row 3, column 'pain', value 'veel':
not a number; ...") are built from them.

A reader's reason that is its own (a Bearable severity word, a Daylio month
name) is a catalogue :class:`~backpain.text.Message` passed in place of a
:class:`Reason`; those stay with their reader.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol

import numpy as np
import pandas as pd

from ..text import Message


class _Report(Protocol):
    """What :meth:`Problems.report` needs of a :class:`~backpain.LoadReport`."""

    def reject(self, rows: pd.DataFrame, *, n_rows: int | None = None) -> None: ...


__all__ = ["Problem", "Problems", "Reason", "problem_frame"]


class Reason(enum.Enum):
    """Why a row of a user's file is refused: a closed set.

    The value is the catalogue key of the reason's one English and one Dutch
    template; :meth:`message` fills in what the template needs besides the row.

    Examples
    --------
    >>> Reason.ABOVE_MAX.message(name="stress", high=10, unit="0-10").render("nl")
    'stress mag hoogstens 10 zijn (0-10)'
    """

    MISSING = "read.reason.missing"
    """A value every row needs (the date, the person) is empty."""
    NOT_A_NUMBER = "read.reason.not_a_number"
    """A cell that must hold a number does not."""
    NUMBER_AMBIGUOUS = "read.reason.number_ambiguous"
    """A number typed as text whose value depends on the unknown decimal mark."""
    BELOW_MIN = "read.reason.below_min"
    """A number below the variable's minimum."""
    ABOVE_MAX = "read.reason.above_max"
    """A number above the variable's maximum."""
    PAIN_ABOVE_10 = "read.reason.pain_above_10"
    """A pain rating above 10 on the 0-10 scale (a 0-100 diary read as 0-10?)."""
    PAIN_ABOVE_100 = "read.reason.pain_above_100"
    """A pain rating above 100 on the 0-100 scale."""
    DAY_TOTAL = "read.reason.day_total"
    """A day's entries add up to more than the variable's maximum (a copied row)."""
    DATE_NOT_REAL = "read.reason.date_not_real"
    """A date that does not exist (31 February, month 13)."""
    DATE_ORDER = "read.reason.date_order"
    """A date whose day and month could be either way round."""
    DATE_NO_YEAR = "read.reason.date_no_year"
    """A date without its year."""
    DATE_PARTIAL = "read.reason.date_partial"
    """A date that gives no day (a month, quarter or week alone)."""
    DATE_WEEKDAY = "read.reason.date_weekday"
    """A weekday that is not the weekday of the date beside it."""
    DATE_UNKNOWN = "read.reason.date_unknown"
    """Text that is not a date at all."""
    NOT_A_DATE = "read.reason.not_a_date"
    """Not a date in the one layout an app writes (``example`` shows it)."""
    TOO_MANY_CELLS = "read.reason.too_many_cells"
    """A line with more cells than the header has columns."""
    ENDS_BEFORE_START = "read.reason.ends_before_start"
    """A period (a night's sleep) that ends before it starts."""
    OVER_24H = "read.reason.over_24h"
    """One record of a period longer than a day."""
    AFTER_EXPORT = "read.reason.after_export"
    """A record dated after the export that holds it was made (a wrong clock)."""
    OUT_OF_RANGE = "read.reason.out_of_range"
    """A number outside the app's own scale (``low`` to ``high``)."""
    UNKNOWN_LABEL = "read.reason.unknown_label"
    """A label the app does not write (``levels`` lists those it does)."""
    CELL_TOO_LONG = "read.reason.cell_too_long"
    """A cell longer than a diary cell may be (refuses the whole file)."""

    def message(self, **params: Any) -> Message:
        """The reason as a :class:`~backpain.text.Message` with its fields.

        A field the template needs and ``params`` lacks raises ``KeyError``.
        """
        return Message(self.value, **params)


@dataclass(frozen=True)
class Problem:
    """One refused row of a user's file: where, what was written, and why.

    Attributes
    ----------
    file : str
        The file (or ``"<DataFrame>"``) the row came from.
    row : int
        The row number a spreadsheet shows (header = row 1), or the record
        number for other sources.
    column : str
        The column whose value refused the row.
    value : str or None
        The value as written (None when the cell was empty).
    reason : Reason or Message
        Why: a :class:`Reason`, or a reader's own sentence.
    params : mapping
        The reason's fields (a bound, a unit, ...).

    Examples
    --------
    >>> p = Problem("dagboek.csv", 3, "pain", "veel", Reason.NOT_A_NUMBER,
    ...             {"name": "pain", "unit": "NRS 0-10"})
    >>> p.render("en")
    "dagboek.csv: row 3, column 'pain', value 'veel': not a number; pain must be a number (NRS 0-10)"
    >>> p.render("nl")
    "dagboek.csv: rij 3, kolom 'pain', waarde 'veel': geen getal; pijn moet een getal zijn (NRS 0-10)"
    """

    file: str
    row: int
    column: str
    value: str | None
    reason: Reason | Message
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    @property
    def message(self) -> Message:
        """The reason alone, as a :class:`~backpain.text.Message`."""
        if isinstance(self.reason, Reason):
            return self.reason.message(**self.params)
        return self.reason

    @property
    def sentence(self) -> Message:
        """The whole sentence: file, row, column, value (when there is one) and reason.

        A :class:`~backpain.DiaryError` about one cell carries it.
        """
        where = {"source": self.file, "row": self.row, "column": self.column}
        if self.value is None:
            return Message("read.report.problem_at", **where, reason=self.message)
        return Message("read.report.problem", **where, value=self.value, reason=self.message)

    def render(self, lang: str = "en", *, audience: str = "python") -> str:
        """:attr:`sentence` in ``lang``."""
        return self.sentence.render(lang, audience=audience)


class Problems:
    """The one collector of a file's refused rows.

    Call :meth:`add` once per column and reason with the rows it refuses;
    :meth:`report` hands them to the :class:`~backpain.LoadReport` in row
    order. A row refused for several reasons is listed once, under its first
    (with ``first_only=True``, as the diary builder does).

    Examples
    --------
    >>> import pandas as pd
    >>> from backpain.read._report import LoadReport
    >>> report = LoadReport(source="a.csv")
    >>> found = Problems()
    >>> values = pd.Series(["4", "veel", "12"])
    >>> found.add([2, 3, 4], "stress", values, Reason.ABOVE_MAX,
    ...           mask=pd.Series([False, False, True]), name="stress", high=10, unit="0-10")
    >>> found.add([2, 3, 4], "stress", values, Reason.NOT_A_NUMBER,
    ...           mask=pd.Series([False, True, False]), name="stress", unit="0-10")
    >>> len(found), sorted(found.rows)
    (2, [3, 4])
    >>> found.report(report)
    >>> report.rejected[["row", "value", "reason"]].values.tolist()
    [[3, 'veel', 'not a number; stress must be a number (0-10)'], [4, '12', 'stress must be at most 10 (0-10)']]
    >>> next(iter(report.problems())).row
    3
    """

    def __init__(self) -> None:
        self._parts: list[pd.DataFrame] = []

    def __len__(self) -> int:
        return sum(len(p) for p in self._parts)

    def __bool__(self) -> bool:
        return bool(self._parts)

    @property
    def rows(self) -> pd.Series:
        """The row numbers refused so far (a row may appear more than once)."""
        if not self._parts:
            return pd.Series([], dtype="int64")
        return pd.concat([p["row"] for p in self._parts], ignore_index=True)

    def add(
        self,
        rows: Any,
        column: str,
        values: Any,
        reason: Reason | Message | pd.Series,
        *,
        mask: Any = None,
        **params: Any,
    ) -> None:
        """Refuse rows: their numbers, the column, their values, and why.

        Parameters
        ----------
        rows, values : array-like
            Row numbers and the values as written, aligned with each other.
        column : str
            The column whose value refuses the rows.
        reason : Reason, Message or pandas.Series
            One reason for all (a :class:`Reason` with ``params``, or a
            reader's own Message), or a Series of Messages, one per row.
        mask : array-like of bool, optional
            Only the rows where it holds (default: all of them).
        """
        frame = problem_frame(rows, column, values, reason, mask=mask, **params)
        if len(frame):
            self._parts.append(frame)

    def report(
        self, report: _Report, *, n_rows: int | None = None, first_only: bool = False
    ) -> None:
        """Hand the problems to ``report`` in row order, then forget them.

        ``first_only`` lists a row refused for several reasons once, under the
        first reason found; ``n_rows`` is how many input rows they stand for
        when an entry combines several (default: one each).
        """
        if not self._parts:
            return
        bad = pd.concat(self._parts, ignore_index=True).sort_values("row", kind="stable")
        if first_only:
            bad = bad.drop_duplicates("row")
        self._parts = []
        report.reject(bad.reset_index(drop=True), n_rows=n_rows)


def problem_frame(
    rows: Any,
    column: str,
    values: Any,
    reason: Reason | Message | pd.Series | list,
    *,
    mask: Any = None,
    **params: Any,
) -> pd.DataFrame:
    """Refused rows as a frame (``row, column, value, reason``) for :meth:`LoadReport.reject`.

    The one place a refused row is built; :meth:`Problems.add` and
    :meth:`LoadReport.refuse` use it. See :meth:`Problems.add` for the arguments;
    ``reason`` may also be a list of Messages, one per row.
    """
    if isinstance(reason, list):
        reason = pd.Series(reason, dtype=object)
    rows = pd.Series(rows).reset_index(drop=True)
    values = pd.Series(values).reset_index(drop=True)
    if mask is not None:
        keep = np.asarray(pd.Series(mask).fillna(False), dtype=bool)
        rows, values = rows[keep], values[keep]
    if isinstance(reason, Reason):
        reason = reason.message(**params)
    elif params:
        msg = "params are for a Reason; a Message carries its own"
        raise TypeError(msg)
    if isinstance(reason, pd.Series):
        reasons = reason.to_numpy(dtype=object)
        if mask is not None:
            reasons = reasons[keep]
    else:
        # object dtype keeps the Message itself (np.full would make it a plain str)
        reasons = np.empty(len(rows), dtype=object)
        reasons.fill(reason)
    return pd.DataFrame(
        {
            "row": rows.to_numpy(),
            "column": column,
            "value": _as_written(values).to_numpy(),
            "reason": pd.Series(reasons, dtype=object),
        }
    )


def _as_written(values: pd.Series) -> pd.Series:
    """Values as text for the report; whole numbers without a trailing ``.0``."""
    if pd.api.types.is_float_dtype(values):
        return values.map(lambda v: f"{v:g}", na_action="ignore").astype("string")
    return values.astype("string")
