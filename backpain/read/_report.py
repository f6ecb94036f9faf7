"""The load report: what a reader did with every input row.

Every reader fills one :class:`LoadReport`, which accounts for every input row:
``rows_read == rows_kept + rows_merged + rows_duplicate + rows_ignored + rows_rejected``.
"""

from __future__ import annotations

import html
import warnings
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .._config import language
from ..text import Message, render, say
from ._problems import Problem, Reason, problem_frame

__all__ = ["REJECT_COLUMNS", "LoadReport", "with_report"]

REJECT_COLUMNS = ["file", "row", "column", "value", "reason", "message"]
"""Columns of :attr:`LoadReport.rejected`: ``reason`` is the English text,
``message`` the :class:`~backpain.text.Message` to render in any language."""


_NO_REJECTED = pd.DataFrame({c: pd.Series(dtype=object) for c in REJECT_COLUMNS})


def _empty_rejected() -> pd.DataFrame:
    # a copy of one empty frame: building it anew costs more than a small file's reading
    return _NO_REJECTED.copy()


@dataclass
class LoadReport:
    """What a reader did with every input row.

    Attributes
    ----------
    source : str
        File name (or ``"<DataFrame>"``, ``"<bytes>"``) the rows came from.
    format : str
        The format the file was read as (``"table"``, ``"bearable"``, ...).
    rows_read : int
        Data rows in the input (blank lines included, header lines excluded).
    rows_kept : int
        Rows that became a diary day of their own (equals the number of diary
        rows for a single source).
    rows_merged : int
        Rows combined into a day that another row already stands for
        (several entries on one day).
    rows_duplicate : int
        Rows that repeat another row of the same day cell for cell (the same
        day exported twice); counted once, so that sums (sleep, steps) are
        not doubled.
    rows_ignored : int
        Rows that carry nothing the diary holds (blank lines, categories the
        diary does not use); ``ignored`` gives the count per category.
    rows_rejected : int
        Rows refused because a value was invalid; ``rejected`` lists each one.
    rejected : pandas.DataFrame
        One row per rejected input row: ``file``, ``row`` (the row number a
        spreadsheet shows, header = row 1, for text files; the record number
        for other sources), ``column``, ``value``, ``reason`` (English text)
        and ``message`` (the same as a :class:`~backpain.text.Message`, to
        render in another language).
    ignored : dict
        Ignored-row counts by category (each a :class:`~backpain.text.Message`:
        ``str(category)`` is its English text, ``category.render(lang)`` any other).
    columns : dict
        Which input column (or source) each canonical column came from.
    notes : list of Message
        Decisions the reader took that a user should know about (date order
        inferred, several entries per day combined, ...).
    parts : list of LoadReport
        Per-file reports when several sources were merged.
    lang : {"en", "nl"}, optional
        Language of ``str(report)`` and of the notebook display; default
        (None): the setting when shown (``backpain.config(lang=...)``); any
        other language with :meth:`summary`.

    Examples
    --------
    >>> import backpain
    >>> _, report = backpain.read_diary(b"datum;pijn\\n25-1-2026;4\\n26-1-2026;veel\\n",
    ...                                 subject="me", return_report=True)
    >>> print(report.summary(lang="nl"))  # doctest: +NORMALIZE_WHITESPACE
    <bytes> (gelezen als tabel): 2 rijen gelezen, 1 behouden, 0 samengevoegd met een
    andere rij van dezelfde dag, 0 overgeslagen, 1 geweigerd.
      kolommen: datum <- datum, pijn <- pijn, deelnemer <- (opgegeven)
      opmerking: scheidingsteken ';' en decimaalteken ',' herkend
      opmerking: volgorde van de datums afgeleid uit de kolom: dag-maand-jaar
      geweigerd: rij 3, kolom 'pain', waarde 'veel': geen getal; pijn moet een getal zijn (0-10)
    """

    source: str = "<unknown>"
    format: str = "table"
    rows_read: int = 0
    rows_kept: int = 0
    rows_merged: int = 0
    rows_duplicate: int = 0
    rows_ignored: int = 0
    rows_rejected: int = 0
    rejected: pd.DataFrame = field(default_factory=_empty_rejected)
    ignored: dict[str, int] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    parts: list[LoadReport] = field(default_factory=list)
    lang: str | None = None

    @property
    def balanced(self) -> bool:
        """True when every input row is accounted for."""
        return self.rows_read == (
            self.rows_kept
            + self.rows_merged
            + self.rows_duplicate
            + self.rows_ignored
            + self.rows_rejected
        )

    def ignore(self, n: int, category: str) -> None:
        """Count ``n`` rows as ignored under ``category`` (a Message)."""
        if n:
            self.rows_ignored += int(n)
            self.ignored[category] = self.ignored.get(category, 0) + int(n)

    def reject(self, rows: pd.DataFrame, *, n_rows: int | None = None) -> None:
        """Add rejected rows (columns ``row, column, value, reason``).

        ``reason`` holds a Message per row (or one for all); it is kept in
        ``message`` and its English text in ``reason``. ``n_rows`` is how many
        input rows they stand for when an entry combines several (default:
        one each).
        """
        if len(rows) == 0:
            return
        messages = rows["reason"].to_numpy(dtype=object)
        rows = rows.assign(
            file=self.source,
            reason=[str(m) for m in messages],
            message=pd.Series(messages, index=rows.index, dtype=object),
        )[REJECT_COLUMNS]
        parts = [f for f in (self.rejected, rows) if len(f)]
        self.rejected = pd.concat(parts, ignore_index=True) if parts else rows
        self.rows_rejected += len(rows) if n_rows is None else int(n_rows)

    def refuse(self, *args: Any, **kwargs: Any) -> None:
        """Reject input rows now: their numbers, the column, their values and why.

        Takes the arguments of :meth:`Problems.add
        <backpain.read._problems.Problems.add>` (``rows, column, values,
        reason, *, mask=None, **params``); the rows are listed in
        :attr:`rejected` in the order given.
        """
        self.reject(problem_frame(*args, **kwargs))

    def problems(self) -> list[Problem]:
        """The rejected rows as :class:`~backpain.read._problems.Problem` objects, in order.

        >>> from backpain.read._problems import Problems, Reason
        >>> report, found = LoadReport(source="a.csv"), Problems()
        >>> found.add([5], "date", ["2026-02-31"], Reason.DATE_NOT_REAL)
        >>> found.report(report)
        >>> report.problems()[0].render("nl")  # doctest: +ELLIPSIS
        "a.csv: rij 5, kolom 'date', waarde '2026-02-31': geen bestaande kalenderdag ..."
        """
        out = []
        for rec in self.rejected.itertuples(index=False):
            message = _message(rec)
            reason: Reason | Message = message
            params: dict[str, Any] = {}
            if isinstance(message, Message) and message.key in _REASONS:
                reason, params = _REASONS[message.key], message.params
            value = None if pd.isna(rec.value) else str(rec.value)
            out.append(Problem(rec.file, int(rec.row), rec.column, value, reason, params))
        return out

    def _format_name(self, lang: str) -> str:
        return _say_or(f"read.format.{self.format}", lang, self.format)

    def summary(self, lang: str | None = None, *, audience: str = "python") -> str:
        """Return the report as plain text in ``lang`` (``"en"`` or ``"nl"``; default: the setting).

        ``audience`` (``"python"``, ``"cli"`` or ``"page"``) words advice for
        where the reader is (a Python argument, a command-line option, plain words).
        """
        lang = language(lang)

        def t(key: str, **params: Any) -> str:
            return say(key, lang, audience=audience, **params)

        def r(value: Any) -> str:
            return render(value, lang, audience=audience)

        lines = [
            t(
                "read.report.head",
                source=self.source,
                format=self._format_name(lang),
                read=self.rows_read,
                kept=self.rows_kept,
                merged=self.rows_merged,
                ignored=self.rows_ignored,
                rejected=self.rows_rejected,
            )
        ]
        if self.rows_duplicate:
            lines.append("  " + t("read.report.duplicates", n=self.rows_duplicate))
        lines += [
            "  " + t("read.report.ignored", n=n, category=r(c)) for c, n in self.ignored.items()
        ]
        if self.columns:
            mapped = ", ".join(f"{_column(k, lang)} <- {r(v)}" for k, v in self.columns.items())
            lines.append("  " + t("read.report.columns", mapped=mapped))
        lines += ["  " + t("read.report.note", note=r(n)) for n in self.notes]
        for rec in self.rejected.head(20).itertuples(index=False):
            lines.append(
                "  "
                + t(
                    "read.report.rejected_row",
                    row=rec.row,
                    column=rec.column,
                    value=rec.value,
                    reason=r(_message(rec)),
                )
            )
        if self.rows_rejected > 20:
            lines.append("  " + t("read.report.more", n=self.rows_rejected - 20))
        if not self.balanced:
            lines.append("  " + t("read.report.unbalanced"))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary(self.lang)

    def _repr_html_(self) -> str:
        lang, esc = language(self.lang), html.escape

        def t(key: str, **params: Any) -> str:
            return esc(say(key, lang, **params))

        counts = "".join(
            f"<tr><td>{t('read.report.' + k)}</td><td style='text-align:right'>{v}</td></tr>"
            for k, v in (
                ("rows_read", self.rows_read),
                ("rows_kept", self.rows_kept),
                ("rows_merged", self.rows_merged),
                ("rows_duplicate", self.rows_duplicate),
                ("rows_ignored", self.rows_ignored),
                ("rows_rejected", self.rows_rejected),
            )
        )
        extra = "".join(
            f"<li>{t('read.report.ignored', n=v, category=render(k, lang))}</li>"
            for k, v in self.ignored.items()
        )
        extra += "".join(f"<li>{esc(render(n, lang))}</li>" for n in self.notes)
        rejected = ""
        if self.rows_rejected:
            shown = self.rejected.head(50).copy()
            shown["reason"] = [render(_message(rec), lang) for rec in shown.itertuples()]
            shown = shown[REJECT_COLUMNS[:-1]]
            shown.columns = [say(f"read.report.col.{c}", lang) for c in shown.columns]
            rejected = f"<p><b>{t('read.report.rejected_rows')}</b></p>" + shown.to_html(
                index=False
            )
        return (
            f"<div><p><b>{t('read.report.title')}</b>: {esc(self.source)} "
            f"{t('read.report.read_as', format=self._format_name(lang))}</p>"
            f"<table>{counts}</table><ul>{extra}</ul>{rejected}</div>"
        )


_REASONS = {r.value: r for r in Reason}


def _message(rec: Any) -> Any:
    """The Message of a rejected row (its English reason if it has none)."""
    message = getattr(rec, "message", None)
    return message if isinstance(message, Message | str) else rec.reason


def _say_or(key: str, lang: str, default: str) -> str:
    """``say(key, lang)``, or ``default`` when the catalogue has no such key."""
    try:
        return say(key, lang)
    except KeyError:
        return default


def _column(name: str, lang: str) -> str:
    """A canonical column's name in ``lang``; ``tags (heat)`` -> ``labels (heat)``."""
    if lang == "en":
        return name
    word, sep, rest = name.partition(" (")
    return _say_or(f"common.var.{word}", lang, word) + sep + rest


def with_report(frame: Any, report: LoadReport, return_report: bool | None, *, func: str) -> Any:
    """What a reader returns: ``frame`` alone, or ``(frame, report)`` when asked.

    Every reader follows :func:`backpain.read_diary`'s rule (the pair only
    with ``return_report=True``). ``read_dask`` and ``merge_diaries`` always
    returned the pair; left unset (``None``) they still do, with a
    ``FutureWarning``, until the default becomes ``False``.
    """
    if return_report is None:
        msg = (
            f"{func} will return the frame alone unless return_report=True, as read_diary "
            "does; pass return_report=True to keep the (frame, LoadReport) pair, or "
            "return_report=False for the frame alone"
        )
        warnings.warn(msg, FutureWarning, stacklevel=3)
        return_report = True
    return (frame, report) if return_report else frame
