"""The load report: what a reader did with every input row.

Every reader fills one :class:`LoadReport`, which accounts for every input row:
``rows_read == rows_kept + rows_merged + rows_ignored + rows_rejected``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd

__all__ = ["REJECT_COLUMNS", "LoadReport"]

REJECT_COLUMNS = ["file", "row", "column", "value", "reason"]
"""Columns of :attr:`LoadReport.rejected`."""


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
    rows_ignored : int
        Rows that carry nothing the diary holds (blank lines, categories the
        diary does not use); ``ignored`` gives the count per category.
    rows_rejected : int
        Rows refused because a value was invalid; ``rejected`` lists each one.
    rejected : pandas.DataFrame
        One row per rejected input row: ``file``, ``row`` (the row number a
        spreadsheet shows, header = row 1, for text files; the record number
        for other sources), ``column``, ``value`` and ``reason``.
    ignored : dict
        Ignored-row counts by category.
    columns : dict
        Which input column (or source) each canonical column came from.
    notes : list of str
        Decisions the reader took that a user should know about (date order
        inferred, several entries per day combined, ...).
    parts : list of LoadReport
        Per-file reports when several sources were merged.
    """

    source: str = "<unknown>"
    format: str = "table"
    rows_read: int = 0
    rows_kept: int = 0
    rows_merged: int = 0
    rows_ignored: int = 0
    rows_rejected: int = 0
    rejected: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REJECT_COLUMNS))
    ignored: dict[str, int] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    parts: list[LoadReport] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        """True when every input row is accounted for."""
        return self.rows_read == (
            self.rows_kept + self.rows_merged + self.rows_ignored + self.rows_rejected
        )

    def ignore(self, n: int, category: str) -> None:
        """Count ``n`` rows as ignored under ``category``."""
        if n:
            self.rows_ignored += int(n)
            self.ignored[category] = self.ignored.get(category, 0) + int(n)

    def reject(self, rows: pd.DataFrame, *, n_rows: int | None = None) -> None:
        """Add rejected rows (columns ``row, column, value, reason``).

        ``n_rows`` is how many input rows they stand for when an entry
        combines several (default: one each).
        """
        if len(rows) == 0:
            return
        rows = rows.assign(file=self.source)[REJECT_COLUMNS]
        parts = [f for f in (self.rejected, rows) if len(f)]
        self.rejected = pd.concat(parts, ignore_index=True) if parts else rows
        self.rows_rejected += len(rows) if n_rows is None else int(n_rows)

    def summary(self) -> str:
        """Return the report as plain text."""
        lines = [
            f"{self.source} (read as {self.format}): {self.rows_read} rows read, "
            f"{self.rows_kept} kept, {self.rows_merged} merged with another row of the same day, "
            f"{self.rows_ignored} ignored, {self.rows_rejected} rejected."
        ]
        for category, n in self.ignored.items():
            lines.append(f"  ignored {n}: {category}")
        if self.columns:
            mapped = ", ".join(f"{k} <- {v}" for k, v in self.columns.items())
            lines.append(f"  columns: {mapped}")
        lines += [f"  note: {n}" for n in self.notes]
        for rec in self.rejected.head(20).itertuples(index=False):
            lines.append(
                f"  rejected row {rec.row}, column {rec.column!r}, "
                f"value {rec.value!r}: {rec.reason}"
            )
        if self.rows_rejected > 20:
            lines.append(f"  ... and {self.rows_rejected - 20} more in report.rejected")
        if not self.balanced:
            lines.append("  WARNING: the counts do not add up; please report a bug.")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        esc = html.escape
        counts = "".join(
            f"<tr><td>{esc(k)}</td><td style='text-align:right'>{v}</td></tr>"
            for k, v in (
                ("rows read", self.rows_read),
                ("kept (one day each)", self.rows_kept),
                ("merged with another row of the same day", self.rows_merged),
                ("ignored", self.rows_ignored),
                ("rejected", self.rows_rejected),
            )
        )
        extra = "".join(f"<li>ignored {v}: {esc(k)}</li>" for k, v in self.ignored.items())
        extra += "".join(f"<li>{esc(n)}</li>" for n in self.notes)
        rejected = ""
        if self.rows_rejected:
            rejected = "<p><b>Rejected rows</b></p>" + self.rejected.head(50).to_html(index=False)
        return (
            f"<div><p><b>Load report</b>: {esc(self.source)} "
            f"(read as {esc(self.format)})</p><table>{counts}</table>"
            f"<ul>{extra}</ul>{rejected}</div>"
        )
