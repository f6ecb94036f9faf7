"""Single cells and rows of an input file: blanks, yes/no words, spreadsheet formulas.

One copy of each rule, used by every reader, the questionnaire scorers and
the diary writer (:func:`backpain.write_diary`).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa

from ..errors import DiaryError
from ._problems import Problem, Reason

__all__ = [
    "EXCEL_CR",
    "FORMULA_PREFIXES",
    "NO_WORDS",
    "YES_WORDS",
    "arrow_chunks",
    "blank_cells",
    "blank_rows",
    "check_cell_sizes",
    "escape_formulas",
    "excel_cr",
    "excel_returns",
    "unescape_formulas",
]

# Yes/no answers, lower-case, as people write them in English and Dutch
# (Flemish) spreadsheets and survey exports: numbers 1/0 (also as Excel
# writes them, 1.0/0.0), the words yes/no, y/n, true/false, ja/nee, j/n,
# waar/onwaar, wel/niet, agree/disagree, (mee) eens/(niet mee) oneens, and a
# tick (x, v, ✓) for yes. A lone "-" is not an answer: it is the spreadsheet
# mark for an empty cell.
YES_WORDS = frozenset(
    {"1", "1.0", "yes", "y", "true", "ja", "j", "waar", "wel", "x", "v", "✓"}
    | {"agree", "eens", "mee eens"}
)
"""Cells that mean yes (compare lower-cased and stripped)."""

NO_WORDS = frozenset(
    {"0", "0.0", "no", "n", "false", "nee", "onwaar", "niet"}
    | {"disagree", "oneens", "niet mee eens"}
)
"""Cells that mean no (compare lower-cased and stripped)."""


def blank_cells(values: pd.Series) -> pd.Series:
    """Boolean mask: cells that are missing or only white space.

    A list of answers (a multiple-choice cell) is never blank, not even an
    empty one: it says the question was shown.

    >>> blank_cells(pd.Series(["a", " ", None, ""], dtype=object)).tolist()
    [False, True, True, True]
    """
    if (
        pd.api.types.is_numeric_dtype(values)
        or pd.api.types.is_bool_dtype(values)
        or pd.api.types.is_datetime64_any_dtype(values)
    ):
        return values.isna()
    text = values.astype("string").str.strip()
    return (values.isna() | text.isna() | (text == "")).astype(bool)


def blank_rows(frame: pd.DataFrame) -> pd.Series:
    """Boolean mask: rows whose every cell is missing or white space.

    Column by column, stopping once no row can be blank (cheap for a real
    diary, where the first column is filled).

    >>> blank_rows(pd.DataFrame({"a": ["1", " ", None], "b": [None, "", " "]})).tolist()
    [False, True, True]
    """
    blank = np.ones(len(frame), dtype=bool)
    for i in range(frame.shape[1]):
        if not blank.any():
            break
        rows = np.flatnonzero(blank)
        blank[rows] = blank_cells(frame.iloc[rows, i]).to_numpy()
    return pd.Series(blank, index=frame.index)


EXCEL_CR = "_x000D_"
"""How a spreadsheet file stores a carriage return in text (ECMA-376 ``ST_Xstring``).

The XML inside ``.xlsx`` turns a bare CR LF into LF, so a note's CR LF
survives only written this way."""


_EXCEL_ESCAPE = "_x005F_"  # ECMA-376's escape of "_": a literal _x000D_ is _x005F_x000D_
_EXCEL_TOKENS = re.compile("_x(000D|005F)_")
_EXCEL_LITERAL = re.compile("_(?=x(?:000D|005F)[_\r])")


def excel_returns(values: pd.Series) -> pd.Series:
    """Turn :data:`EXCEL_CR` in text cells back into carriage returns.

    ``_x005F_`` is the escaped underscore of ECMA-376 (``ST_Xstring``), so
    ``_x005F_x000D_`` is the text ``_x000D_`` (as :func:`excel_cr` writes it).

    >>> excel_returns(pd.Series(["a_x000D_\\nb", None, "_x005F_x000D_"], dtype="string")).tolist()
    ['a\\r\\nb', <NA>, '_x000D_']
    """
    if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
        return values
    text = values.astype("string")
    if not text.str.contains("_x(?:000D|005F)_", regex=True).fillna(False).any():
        return values
    return text.str.replace(
        _EXCEL_TOKENS, lambda m: "\r" if m.group(1) == "000D" else "_", regex=True
    )


def excel_cr(values: pd.Series) -> pd.Series:
    """Write each carriage return of a text column as :data:`EXCEL_CR`.

    An underscore that would read as the start of ``_x000D_`` or
    ``_x005F_`` is escaped as ``_x005F_`` first, so that the text
    ``_x000D_`` comes back as written (:func:`excel_returns`).

    >>> excel_cr(pd.Series(["a\\r\\nb", "_x000D_"], dtype="string")).tolist()
    ['a_x000D_\\nb', '_x005F_x000D_']
    """
    if not pd.api.types.is_string_dtype(values):
        return values
    escaped = values.str.replace(_EXCEL_LITERAL, _EXCEL_ESCAPE, regex=True)
    return escaped.str.replace("\r", EXCEL_CR, regex=False)


# ----------------------------------------------------------- formula cells
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet treat a text cell as a formula (OWASP)."""

_ESCAPE = re.compile("^'*[" + re.escape("".join(FORMULA_PREFIXES)) + "]")
_UNESCAPE = re.compile("^'(?='*[" + re.escape("".join(FORMULA_PREFIXES)) + "])")


def _text_cells(values: pd.Series) -> pd.Series | None:
    """Mask of the ``str`` cells, or None when the column holds no text."""
    if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
        return None
    is_text = values.map(lambda v: isinstance(v, str))
    return is_text if is_text.any() else None


def escape_formulas(values: pd.Series) -> pd.Series:
    """Put ``'`` before text cells that a spreadsheet would run as a formula.

    A text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage
    return (the OWASP list), after any number of apostrophes, gets one more
    leading apostrophe. Numbers and missing values are left alone. The
    mapping is undone exactly by :func:`unescape_formulas`.

    Examples
    --------
    >>> escape_formulas(pd.Series(["=1+1", "-2 after walking", "ok", "'=x"])).tolist()
    ["'=1+1", "'-2 after walking", 'ok', "''=x"]
    """
    is_text = _text_cells(values)
    if is_text is None:
        return values
    text = values[is_text].astype("string")
    hit = text.str.match(_ESCAPE.pattern).fillna(False).astype(bool)
    if not hit.any():
        return values
    out = values.astype("object").copy()
    out[hit[hit].index] = "'" + text[hit]
    return out.astype(values.dtype) if pd.api.types.is_string_dtype(values) else out


def unescape_formulas(values: pd.Series) -> pd.Series:
    """Remove the apostrophe that :func:`escape_formulas` added.

    Drops one leading ``'`` when apostrophes are followed by ``=``, ``+``,
    ``-``, ``@``, tab or carriage return; other cells are unchanged. A column
    without any apostrophe is returned as it is, without looking at each cell.

    Examples
    --------
    >>> unescape_formulas(pd.Series(["'=1+1", "''=x", "'quoted'", "'-2"])).tolist()
    ['=1+1', "'=x", "'quoted'", '-2']
    """
    if _no_apostrophe(values):
        return values
    is_text = _text_cells(values)
    if is_text is None:
        return values
    out = values.astype("object").copy()
    out[is_text] = values[is_text].astype("string").str.replace(_UNESCAPE.pattern, "", regex=True)
    return out.astype(values.dtype) if pd.api.types.is_string_dtype(values) else out


def _no_apostrophe(values: pd.Series) -> bool:
    """True when a pyarrow-backed text column has no ``'`` in its bytes at all."""
    chunks = arrow_chunks(values)
    return chunks is not None and not any(
        chunk.buffers()[2] is not None and b"'" in chunk.buffers()[2].to_pybytes()
        for chunk in chunks
    )


def arrow_chunks(values: pd.Series) -> list | None:
    """The pyarrow string chunks behind a pyarrow-backed text column, else None."""
    if not isinstance(values.dtype, pd.StringDtype) or values.dtype.storage != "pyarrow":
        return None
    data = getattr(values.array, "_pa_array", None)
    if data is None or not (pa.types.is_string(data.type) or pa.types.is_large_string(data.type)):
        return None
    return data.chunks


def check_cell_sizes(frame: pd.DataFrame, source: str, *, first_row: int, most: int) -> None:
    """Refuse a table holding a text cell (or header) longer than ``most`` characters.

    Raises a :class:`~backpain.DiaryError` naming the file, the row (the
    header is row ``first_row - 1``, the first data row ``first_row``), the
    column and the limit. Lengths are measured vectorised over about a
    million cells at a time (many columns of a wide file together, one
    column of a long one); number columns are skipped.
    """
    for name in frame.columns:
        if len(str(name)) > most:
            raise _too_long(source, first_row - 1, str(name)[:40] + "...", len(str(name)), most)
    text = np.flatnonzero(
        [pd.api.types.is_object_dtype(t) or pd.api.types.is_string_dtype(t) for t in frame.dtypes]
    )
    if not len(text) or not len(frame):
        return
    # pyarrow-backed text: lengths in C, one column at a time; the rest in blocks
    text = [i for i in text if not _arrow_too_long(frame.iloc[:, i], source, first_row, most)]
    step = max(1, 2**20 // len(frame))
    for first in range(0, len(text), step):
        _check_block(frame.iloc[:, text[first : first + step]], source, first_row, most)


def _arrow_too_long(values: pd.Series, source: str, first_row: int, most: int) -> bool:
    """Check a pyarrow-backed text column (True: checked); raise on a cell over ``most``."""
    import pyarrow.compute as pc

    chunks = arrow_chunks(values)
    if chunks is None:
        return False
    offset = 0
    for chunk in chunks:
        # a cell has at most as many characters as the chunk has bytes
        data = chunk.buffers()[2]
        if data is not None and data.size > most:
            lengths = pc.utf8_length(chunk).to_numpy(zero_copy_only=False)
            lengths = np.nan_to_num(lengths.astype("float64"), nan=0.0)
            at = int(lengths.argmax())
            if lengths[at] > most:
                row = offset + at + first_row
                raise _too_long(source, row, str(values.name), int(lengths[at]), most)
        offset += len(chunk)
    return True


def _check_block(block: pd.DataFrame, source: str, first_row: int, most: int) -> None:
    cells = pd.Series(block.to_numpy(dtype=object).ravel(order="F"), dtype=object)
    try:
        lengths = cells.str.len()
    except AttributeError:  # text mixed with numbers or dates
        lengths = cells.map(lambda v: len(v) if isinstance(v, str) else 0)
    lengths = lengths.fillna(0).to_numpy(dtype=np.int64)
    at = int(lengths.argmax())
    if lengths[at] > most:
        column, row = divmod(at, len(block))
        name = str(block.columns[column])
        raise _too_long(source, row + first_row, name, int(lengths[at]), most)


def _too_long(source: str, row: int, column: str, found: int, most: int) -> DiaryError:
    """The error for a cell of ``found`` characters where ``most`` may stand."""
    problem = Problem(
        source, row, column, None, Reason.CELL_TOO_LONG, {"found": found, "most": most}
    )
    return DiaryError(problem.sentence)
