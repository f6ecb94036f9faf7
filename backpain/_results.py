"""The base of the results that are more than a table: the table and what it says about itself.

An analysis whose answer is a table alone returns a plain
:class:`pandas.DataFrame`. One whose answer also carries a level, a
correction, notes or model statistics returns a small frozen dataclass
(defined beside the computation that makes it) holding the table in
``table`` and each piece of metadata in its own field, shown together by
``repr`` and, in Jupyter, by ``_repr_html_`` (as statsmodels' results
classes do). ``DataFrame.attrs`` is not used: pandas marks it experimental
and it is lost on printing and on writing a CSV. Results compare by identity
(``eq=False``): compare their tables with :mod:`pandas.testing`.
"""

from __future__ import annotations

import dataclasses
import html
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["Result", "table_of"]


_FIRST_ENTRIES = 5
"""How many entries of a mapping field ``repr`` shows."""


def _shown(value: Any) -> str:
    """A field's value in one line: lists item by item, arrays and tables by their shape."""
    if isinstance(value, pd.DataFrame):
        return f"table of {value.shape[0]} rows x {value.shape[1]} columns"
    if isinstance(value, np.ndarray):
        return f"array of {value.size} values"
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, dict):  # a codebook: its size and first entries
        first = "; ".join(f"{k}: {v}" for k, v in list(value.items())[:_FIRST_ENTRIES])
        more = "; ..." if len(value) > _FIRST_ENTRIES else ""
        return f"{len(value)} entries: {first}{more}" if value else "none"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(item) for item in value) if value else "none"
    return str(value)


@dataclasses.dataclass(frozen=True, repr=False, eq=False)
class Result:
    """A result table with its metadata; subclasses add the metadata fields.

    Attributes
    ----------
    table : pandas.DataFrame
        The tidy result table (as a plain analysis would return it).
    """

    table: pd.DataFrame

    def metadata(self) -> dict[str, Any]:
        """Every field except ``table``, by name, in the order they are declared."""
        return {
            f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "table"
        }

    def __repr__(self) -> str:
        lines = [f"{type(self).__name__}", self._table_text(), ""]
        lines += [f"{name}: {_shown(value)}" for name, value in self.metadata().items()]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        items = "".join(
            f"<dt>{html.escape(name)}</dt><dd>{html.escape(_shown(value))}</dd>"
            for name, value in self.metadata().items()
        )
        return (
            f"<div><strong>{html.escape(type(self).__name__)}</strong>"
            f"{self._table_html()}<dl>{items}</dl></div>"
        )

    def _table_text(self) -> str:
        """The table in ``repr``: every row (results are small tables)."""
        return self.table.to_string()

    def _table_html(self) -> str:
        """The table in Jupyter: every row."""
        return self.table.to_html()


def table_of(result: Any) -> Any:
    """The table of a :class:`Result`; anything else (a DataFrame, ``None``) as given.

    Plot and explain functions take an analysis' result or its table alike.
    """
    return result.table if isinstance(result, Result) else result
