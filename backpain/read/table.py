"""Generic tables: CSV/TSV (English, Dutch or Belgian), Excel, Parquet, JSON, DataFrames.

Column names are matched in English or Dutch, any case and spacing, through the
aliases in :mod:`backpain.schema`; ``columns={...}`` maps any other name.
Columns that name one treatment (``kinesist``, ``fysio``, ``warmte`` ...) hold
yes/no marks and become tags.
"""

from __future__ import annotations

import dataclasses
import io
import re
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from ..errors import DiaryError
from ..schema import COLUMNS, TAG_SEP, VARIABLES, normalise_header
from ..text import Message
from ._build import build_diary
from ._cells import (
    NO_WORDS,
    YES_WORDS,
    arrow_chunks,
    blank_rows,
    check_cell_sizes,
    excel_returns,
    unescape_formulas,
)
from ._format import MATCH, Detected, Format, not_mine
from ._parse import NUMERIC_DATE
from ._report import LoadReport
from ._source import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_SHEET_ROWS,
    UNICODE_BOMS,
    Source,
    check_zip,
    load_json,
    load_json_lines,
    refuse_limit,
)

__all__ = [
    "TAG_COLUMNS",
    "TAG_WORDS",
    "detect_table",
    "map_columns",
    "normalise_tags",
    "read_table",
    "read_table_files",
    "sniff_table",
    "subject_from_name",
    "table_kind",
]

TAG_WORDS: dict[str, str] = {
    "kinesist": "physiotherapy",
    "kine": "physiotherapy",
    "kinesitherapie": "physiotherapy",
    "fysio": "physiotherapy",
    "fysiotherapie": "physiotherapy",
    "fysiotherapeut": "physiotherapy",
    "physio": "physiotherapy",
    "physiotherapy": "physiotherapy",
    "physical therapy": "physiotherapy",
    "heat": "heat",
    "warmte": "heat",
    "warmtekussen": "heat",
    "kruik": "heat",
    "exercise": "exercise",
    "exercises": "exercise",
    "oefeningen": "exercise",
    "oefenen": "exercise",
    "sport": "exercise",
    "medication": "medication",
    "medicatie": "medication",
    "medicijnen": "medication",
    "painkiller": "medication",
    "painkillers": "medication",
    "pijnstiller": "medication",
    "pijnstillers": "medication",
    "massage": "massage",
    "yoga": "yoga",
    "walk": "walking",
    "walking": "walking",
    "wandelen": "walking",
    "wandeling": "walking",
    "swimming": "swimming",
    "zwemmen": "swimming",
    "rest": "rest",
    "rust": "rest",
}
"""Tag words (normalised, English or Dutch) and the canonical tag they stand for.

Unknown tags are kept as written (lower-case)."""

TAG_COLUMNS = frozenset(TAG_WORDS)
"""Column headers that name one treatment: their yes/no cells become that tag."""


def map_columns(
    headers: list[str], *, columns: dict[str, str] | None, source: str
) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Match input headers to canonical columns.

    Returns ``(mapping, tag_columns, unused)``: input header -> canonical
    column, input header -> tag name for yes/no treatment columns, and the
    headers left unused.
    """
    columns = dict(columns or {})
    unknown = {v for v in columns.values() if v not in COLUMNS}
    if unknown:
        msg = (
            f"columns= maps to {sorted(unknown)}, which are not diary columns; use {list(COLUMNS)}"
        )
        raise ValueError(msg)
    lookup = {alias: name for name, var in VARIABLES.items() for alias in var.aliases}
    mapping: dict[str, str] = {}
    tags: dict[str, str] = {}
    unused: list[str] = []
    for h in headers:
        key = normalise_header(h)
        if h in mapping:  # the same header written twice
            raise DiaryError(Message("read.hostile.repeated_header", source=source, header=h))
        if h in columns:
            mapping[h] = columns[h]
        elif key in lookup and lookup[key] not in columns.values():
            mapping[h] = lookup[key]
        elif key in TAG_COLUMNS:
            tags[h] = TAG_WORDS[key]
        else:
            unused.append(h)
    seen: dict[str, str] = {}
    for h, name in mapping.items():
        if name in seen:
            msg = Message(
                "read.error.two_columns", source=source, first=seen[name], second=h, name=name
            )
            raise DiaryError(msg)
        seen[name] = h
    return mapping, tags, unused


_MANGLED = re.compile(r"^(.+)\.(\d+)$")


def _repeated_headers(headers: list[str], mapping: dict[str, str], source: str) -> None:
    """Raise when pandas renamed a repeated diary header (``pain``, ``pain`` -> ``pain.1``)."""
    mapped = {normalise_header(h) for h in mapping}
    for h in headers:
        m = _MANGLED.match(h)
        if m and normalise_header(m.group(1)) in mapped and h not in mapping:
            msg = Message("read.hostile.repeated_header", source=source, header=m.group(1).strip())
            raise DiaryError(msg)


def _container(source: Source) -> tuple[str, str | None]:
    """``(kind, why_not)``: the container the content shows, and why it is no table.

    ``kind`` is csv, excel, xls, parquet or json; ``why_not`` is None when
    the generic reader can take the content.
    """
    head = source.head(4096)
    if head.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            with source.open() as fh, zipfile.ZipFile(fh) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return "excel", Message("read.detect.damaged_zip")
        if not any(n.startswith("xl/") for n in names):
            return "excel", Message("read.detect.zip_not_excel", names=repr(names[:3]))
        return "excel", None
    if head.startswith(b"PAR1"):
        return "parquet", None
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls", None
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        return "csv", Message("read.detect.xml")
    if b"\x00" in head and not head.startswith(UNICODE_BOMS):
        return "csv", Message("read.detect.binary")
    if text.startswith((b"[", b"{")):
        return "json", None
    first = text.split(b"\n", 1)[0]
    if not any(sep in first for sep in (b",", b";", b"\t", b"|")):
        return "csv", Message("read.detect.one_column")
    return "csv", None


def detect_table(source: Source) -> Detected:
    """The generic reader takes any CSV/TSV, Excel, Parquet or JSON table.

    It turns away content that cannot be a diary table (a match when it can),
    so that the error lists every format tried and why none matched.
    """
    why_not = _container(source)[1]
    return MATCH if why_not is None else not_mine(why_not)


def table_kind(source: Source) -> str:
    """Guess the container from the content: csv, excel, parquet or json."""
    kind = _container(source)[0]
    if kind == "xls":
        key = "read.error.encrypted" if _encrypted(source) else "read.error.xls"
        raise DiaryError(Message(key, source=source.name))
    return kind


_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
"""The stream of an OLE file holding a password-protected ``.xlsx`` (MS-OFFCRYPTO 2.3.4)."""


def _encrypted(source: Source) -> bool:
    """True when an OLE (``D0 CF 11 E0``) file holds a password-protected Office document."""
    with source.open() as fh:  # the directory holding the stream names may sit anywhere
        tail = b""
        while chunk := fh.read(1 << 22):
            if _ENCRYPTED in tail + chunk:
                return True
            tail = chunk[-len(_ENCRYPTED) :]
    return False


def _check_header_width(source: Source, head: str, sep: str) -> None:
    """Refuse a header line with more than :data:`MAX_COLUMNS` cells before pandas parses it."""
    first = head.split("\n", 1)[0]
    n = first.count(sep) + 1
    if n > MAX_COLUMNS:
        if first == head and not source.guess_encoding().startswith(("utf-16", "utf-32")):
            with source.open() as fh:  # the whole header line, for the message
                n = fh.readline(1 << 26).count(sep.encode()) + 1
        raise refuse_limit(source.name, "columns", n, MAX_COLUMNS)


def _check_sheets(source: Source) -> None:
    """Check an ``.xlsx`` before loading it: unpacked size, and rows of each sheet.

    The rows come from each sheet's ``<dimension ref="A1:C900">``; a sheet
    without one has its ``<row`` tags counted while it is unpacked in pieces
    (the unpacked size is already bounded).
    """
    import zipfile

    check_zip(source)
    with source.open() as fh, zipfile.ZipFile(fh) as archive:
        for info in archive.infolist():
            if not re.fullmatch(r"xl/worksheets/[^/]+\.xml", info.filename):
                continue
            with archive.open(info) as member:
                start = member.read(4096)
                dim = re.search(rb'<dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"', start)
                if dim:
                    rows, width = int(dim.group(2)), _column_number(dim.group(1).decode())
                else:
                    rows, width, tail = start.count(b"<row"), 0, start[-4:]
                    while chunk := member.read(1 << 22):
                        rows += (tail + chunk).count(b"<row")
                        tail = chunk[-4:]
            if rows > MAX_SHEET_ROWS:
                raise refuse_limit(source.name, "rows", rows, MAX_SHEET_ROWS)
            if width > MAX_COLUMNS:
                raise refuse_limit(source.name, "columns", width, MAX_COLUMNS)


def _column_number(letters: str) -> int:
    """Spreadsheet column letters as a number: ``A`` -> 1, ``AA`` -> 27."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _read_parquet(source: Source) -> pd.DataFrame:
    """A Parquet table; a list, struct or map column raises naming the column."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = io.BytesIO(source.read_bytes())
    schema = pq.read_schema(data)
    if len(schema.names) > MAX_COLUMNS:
        raise refuse_limit(source.name, "columns", len(schema.names), MAX_COLUMNS)
    for field in schema:
        if pa.types.is_nested(field.type):
            msg = Message(
                "read.hostile.nested_column",
                source=source.name,
                column=field.name,
                type=str(field.type),
            )
            raise DiaryError(msg)
    data.seek(0)
    return pd.read_parquet(data)


_SEP_LINE = re.compile(r"\A\ufeff?sep=([,;\t|])[ \t]*\r?\n")
"""Excel's first line naming the separator (``sep=;``), which Excel writes and reads."""

_COMMA_DECIMAL = re.compile(r"(?<![\d.,])-?\d+,\d+(?![\d.,])")
_DOT_DECIMAL = re.compile(r"(?<![\d.,])-?\d+\.(?:\d{1,2}|\d{4,})(?![\d.,])")


def _decimal_mark(source: Source) -> str:
    """Decimal mark of a ``;``- or tab-separated file, from every cell of the file.

    Counts cells such as ``7,5`` (comma evidence) against ``7.5`` or ``7.25``
    (dot evidence; ``8.123`` may be a thousands dot, so exactly three digits
    count for neither). A tie, such as a file whose only numbers are
    ``8.123`` and whole numbers, gives the comma: these separators are what
    Dutch and Belgian spreadsheets write. The file is read in 4 MiB pieces.
    """
    commas = dots = 0
    with io.TextIOWrapper(source.open(), encoding=source.guess_encoding(), newline="") as fh:
        fh.readline()  # the header
        while chunk := fh.read(1 << 22):
            commas += sum(1 for _ in _COMMA_DECIMAL.finditer(chunk))
            dots += sum(1 for _ in _DOT_DECIMAL.finditer(chunk))
    return "," if commas >= dots else "."


def sniff_table(text: str) -> tuple[str, str]:
    """Return ``(separator, decimal mark)`` from the first lines of a CSV."""
    lines = [ln for ln in text[:20000].splitlines() if ln.strip()][:20]
    if not lines:
        return ",", "."
    best, score = ",", -1.0
    for sep in (";", "\t", ",", "|"):
        counts = [ln.count(sep) for ln in lines]
        if counts[0] == 0:
            continue
        consistent = sum(c == counts[0] for c in counts) / len(counts)
        s = consistent * 10 + min(counts[0], 50) / 50
        if s > score:
            best, score = sep, s
    decimal = "."
    if best != ",":
        # "10.234" may be a thousands dot, so only 1-2 or 4+ decimals count as dot evidence
        cells = [c.strip().strip('"') for ln in lines[1:] for c in ln.split(best)]
        commas = sum(bool(re.fullmatch(r"-?\d+,\d+", c)) for c in cells)
        dots = sum(bool(re.fullmatch(r"-?\d+\.(\d{1,2}|\d{4,})", c)) for c in cells)
        if commas > dots or (best == ";" and commas == dots):
            decimal = ","
    return best, decimal


def _tag_cells(values: pd.Series, tag: str) -> pd.Series:
    """Yes/no cells of a treatment column -> the tag or missing; other text is kept."""
    text = values.astype("string").str.strip()
    low = text.str.lower()
    out = pd.Series(pd.NA, index=values.index, dtype="string")
    yes = low.isin(YES_WORDS)
    out[yes] = tag
    other = ~yes & ~low.isin(NO_WORDS) & (low != "-") & text.notna() & (text != "")
    out[other] = tag + ":" + low[other]
    return out


def normalise_tags(values: pd.Series) -> pd.Series:
    """Split free tag text on ``|``, ``,`` or ``;``, translate known words, join with ``|``.

    Works on the distinct values only, so a long diary with few tag
    combinations costs little.
    """

    def one(cell: object) -> object:
        items = []
        for part in re.split(r"[|,;]", str(cell).strip().lower()):
            part = normalise_header(part)
            if part:
                tag = TAG_WORDS.get(part, part)
                if tag not in items:
                    items.append(tag)
        return TAG_SEP.join(sorted(items)) if items else pd.NA

    unique = _distinct_text(values)
    if unique is not None and all(_same(one(cell), cell) for cell in unique):
        # every distinct tag text is already normal (a diary this package wrote):
        # the column as it is, without mapping every row
        return pd.Series(values.array.astype("string"), index=values.index, dtype="string")
    codes, distinct = pd.factorize(values, use_na_sentinel=True)
    tags = pd.array([one(cell) for cell in distinct] + [pd.NA], dtype="string")
    return pd.Series(tags.take(codes), index=values.index, dtype="string")


def _same(tag: object, cell: str) -> bool:
    """True when normalising ``cell`` gives ``cell`` itself."""
    return isinstance(tag, str) and tag == cell


def _distinct_text(values: pd.Series) -> list[str] | None:
    """Distinct non-missing values of a pyarrow-backed text column, else None."""
    if arrow_chunks(values) is None:
        return None
    unique = pc.unique(values.array._pa_array).drop_null()
    return unique.to_pylist()


def _header_is_data(headers: object) -> bool:
    """True when the first line looks like data, not names: it holds a date
    (``2021-09-28``, ``28/09/2021``) or mostly numbers."""
    cells = pd.Series([str(h).strip() for h in headers], dtype="string")
    dated = cells.str.match(NUMERIC_DATE.pattern).fillna(False).astype(bool)
    numbers = pd.to_numeric(cells.str.replace(",", ".", regex=False), errors="coerce").notna()
    return bool(dated.any() or numbers.sum() * 2 > len(cells))


def read_table(
    source: Source | pd.DataFrame,
    *,
    subject: str | None = None,
    columns: dict[str, str] | None = None,
    dayfirst: bool | None = None,
    pain_scale: float = 10,
    sheet: str | int | None = None,
    sheet_name: str | int | None = None,
    sep: str | None = None,
    decimal: str | None = None,
    encoding: str | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read a generic diary table; see :func:`backpain.read_diary` for the options."""
    loaded = _load_table(
        source,
        columns=columns,
        sheet=sheet if sheet is not None else sheet_name,
        sep=sep,
        decimal=decimal,
        encoding=encoding,
    )
    return _table_diary(
        loaded, subject=subject, columns=columns, dayfirst=dayfirst, pain_scale=pain_scale
    )


Mapped = tuple[dict[str, str], dict[str, str], list[str]]
"""What :func:`map_columns` returns: mapping, tag columns, unused headers."""


@dataclass(frozen=True)
class _Layout:
    """How a file was laid out, as found when it was loaded: for the report's notes."""

    sep: str | None = None
    """A CSV file's separator."""
    decimal: str | None = None
    """A CSV file's decimal mark."""
    encoding: str | None = None
    """The encoding a CSV file was decoded as."""
    sep_line: bool = False
    """A CSV file starts with Excel's ``sep=;`` line (a second header row)."""
    sheets: tuple[str, list[tuple[str, int, bool]]] | None = None
    """An Excel file's sheet read and the others (name, rows, hidden)."""


@dataclass
class _Loaded:
    """A table as loaded, before its cells are checked: what :func:`_table_diary` needs."""

    raw: pd.DataFrame
    name: str
    kind: str
    decimal: str | None
    prefer_dayfirst: bool
    header_rows: int
    subjects: pd.Series | None = None
    """Per-row subject ids given by the caller (many files read together), else None."""
    rows: np.ndarray | None = None
    """Per-row row numbers given by the caller, else counted from the header."""
    mapped: Mapped | None = None
    """:func:`map_columns` of ``raw``'s columns, computed once when the table is loaded."""
    layout: _Layout = dataclasses.field(default_factory=_Layout)
    """Separator, decimal mark, encoding and sheets found when the table was loaded."""


def _load_table(source, *, columns, sheet, sep, decimal, encoding) -> _Loaded:
    prefer_dayfirst = False
    header_rows = 0
    mapped = None
    layout = _Layout()
    if isinstance(source, pd.DataFrame):
        name, kind, raw = "<DataFrame>", "dataframe", source.copy()
        raw.columns = [str(c) for c in raw.columns]
        decimal = decimal or "."
    else:
        name, kind = source.name, table_kind(source)
        raw, mapped, layout = _load(
            source,
            kind,
            sheet=sheet,
            sep=sep,
            decimal=decimal,
            encoding=encoding,
            columns=columns,
        )
        if raw.shape[1] > MAX_COLUMNS:  # a sheet without a dimension, a wide Parquet file
            raise refuse_limit(name, "columns", raw.shape[1], MAX_COLUMNS)
        first_row = 2 if kind in ("csv", "excel") else 1  # a JSON record is counted from 1
        if kind != "csv" or source.size > MAX_CELL_CHARS:  # else no cell can be that long
            check_cell_sizes(raw, name, first_row=first_row, most=MAX_CELL_CHARS)
        if kind == "csv":
            header_rows = 2 if layout.sep_line else 1
            if layout.sep == ";" or layout.decimal == ",":
                prefer_dayfirst = True
            decimal = layout.decimal
        elif kind == "excel":
            header_rows = 1
            decimal = decimal or _text_decimal(raw, mapped)
            prefer_dayfirst = decimal == ","
        else:
            decimal = "."
    if mapped is None:  # a DataFrame, Parquet or JSON: named by their own columns
        mapped = map_columns(list(raw.columns), columns=columns, source=name)
    return _Loaded(
        raw, name, kind, decimal, prefer_dayfirst, header_rows, mapped=mapped, layout=layout
    )


def _table_diary(
    loaded: _Loaded, *, subject, columns, dayfirst, pain_scale, _copies_hook=None
) -> tuple[pd.DataFrame, LoadReport]:
    raw, name, kind, decimal = loaded.raw, loaded.name, loaded.kind, loaded.decimal
    prefer_dayfirst, header_rows = loaded.prefer_dayfirst, loaded.header_rows
    report = LoadReport(source=name, format="table")
    layout = loaded.layout
    if kind == "csv" and layout.encoding not in (None, "utf-8", "utf-8-sig"):
        report.notes.append(Message("read.note.decoded_as", encoding=layout.encoding))
    if kind == "csv" and layout.sep != ",":
        report.notes.append(Message("read.note.separator", sep=layout.sep, decimal=decimal))
    if kind == "excel":
        report.notes.extend(_sheet_notes(*layout.sheets))
    report.rows_read = len(raw)
    mapping, tag_cols, unused = loaded.mapped or map_columns(
        list(raw.columns), columns=columns, source=name
    )
    if kind != "dataframe":
        _repeated_headers(list(raw.columns), mapping, name)
    if any(normalise_header(h) in _DUTCH_HEADERS for h in mapping):
        prefer_dayfirst = True
    if "date" not in mapping.values():
        key = (
            "read.error.header_is_data"
            if _header_is_data(raw.columns)
            else "read.error.no_date_column"
        )
        msg = Message(key, source=name, columns=repr(list(raw.columns)))
        raise DiaryError(msg)
    entries = pd.DataFrame(index=raw.index)
    for h, canon in mapping.items():
        entries[canon] = raw[h]
        if canon in ("subject", "tags", "notes") and kind in ("csv", "excel"):
            entries[canon] = unescape_formulas(raw[h])
        if canon in ("tags", "notes") and kind == "excel":
            entries[canon] = excel_returns(entries[canon])
    report.columns = {canon: h for h, canon in mapping.items()}
    if unused:
        report.notes.append(Message("read.note.unused_columns", columns=repr(unused)))

    tag_parts = []
    if "tags" in entries.columns:
        tag_parts.append(normalise_tags(entries["tags"]))
    for h, tag in tag_cols.items():
        tag_parts.append(_tag_cells(raw[h], tag))
        report.columns[f"tags ({tag})"] = h
    if tag_parts:
        joined = (
            pd.concat(tag_parts, axis=1).apply(
                lambda r: (
                    TAG_SEP.join(
                        sorted({t for cell in r.dropna() for t in str(cell).split(TAG_SEP)})
                    )
                    or pd.NA
                ),
                axis=1,
            )
            if len(tag_parts) > 1
            else tag_parts[0]
        )
        entries["tags"] = pd.Series(joined, index=raw.index, dtype="string")

    if "subject" not in entries.columns:
        entries["subject"], report.columns["subject"] = subject_from_name(name, subject or None)
        if loaded.subjects is not None:
            entries["subject"] = loaded.subjects
    elif subject is not None:
        entries["subject"] = entries["subject"].fillna(subject)
    if loaded.rows is None:
        entries["row"] = range(1 + header_rows, len(entries) + 1 + header_rows)
    else:
        entries["row"] = loaded.rows

    blank = blank_rows(raw)
    if blank.any():
        report.ignore(int(blank.sum()), Message("read.ignored.blank_row"))
        entries = entries[~blank]
    diary = build_diary(
        entries,
        report,
        decimal=decimal,
        dayfirst=dayfirst,
        prefer_dayfirst=prefer_dayfirst,
        pain_scale=pain_scale,
        clean_text=("notes",) if "tags" in entries.columns else ("tags", "notes"),
        headers=[str(h) for h in raw.columns],
        copies=_copies_hook or (lambda index: _copies(raw, index, loaded.subjects)),
    )
    return diary, report


def _copies(raw: pd.DataFrame, index: pd.Index, subjects: pd.Series | None = None) -> pd.Series:
    """Which of the rows at ``index`` repeat an earlier one in every column of the file."""
    rows = raw.loc[index]
    if subjects is not None:  # files read together: a copy is within one file
        rows = rows.assign(**{"\0file": subjects.loc[index]})
    try:
        return rows.duplicated(keep="first")
    except TypeError:  # cells a JSON file nests (lists, objects) cannot be compared
        return pd.Series(False, index=index)


_BATCH_OPTIONS = frozenset({"columns", "dayfirst", "pain_scale", "sep", "decimal", "encoding"})
"""Options of :func:`read_table` that :func:`read_table_files` takes."""


def read_table_files(
    sources: list[Source], *, subject: str | None = None, **options
) -> tuple[pd.DataFrame, list[LoadReport]] | None:
    """Read many small CSV diaries (one person each) as one table: their diary and reports.

    For a cohort of thousands of small files (:func:`backpain.read_dask`),
    checking each file's cells on its own costs far more than parsing it.
    Files whose headers and settings (separator, decimal mark, date order
    hints) agree are checked together in one :func:`build_diary`; each file
    still gets its own :class:`LoadReport` with exact counts and its own
    rejected rows (file name and row number), and a subject per file from
    its name (or ``subject``). Notes that count rows (days combined, rows
    repeated) give the total over the files they name.

    Returns None when the files cannot be read this way (a file names its
    people in a ``subject`` column, two files give the same subject, the
    headers or settings differ, an option only :func:`read_table` takes):
    the caller then reads each file with :func:`backpain.read_diary`.
    """
    if set(options) - _BATCH_OPTIONS or len(sources) < 2:
        return None
    table_options = {k: options.get(k) for k in ("columns", "sep", "decimal", "encoding")}
    parts = [_load_table(src, sheet=None, **table_options) for src in sources]
    first = parts[0]
    same = (first.kind, list(first.raw.columns), first.decimal, first.prefer_dayfirst)
    if first.kind != "csv" or any(
        (p.kind, list(p.raw.columns), p.decimal, p.prefer_dayfirst) != same
        or p.header_rows != first.header_rows
        or p.layout.sep != first.layout.sep
        for p in parts
    ):
        return None
    mapping = first.mapped[0]
    names = [subject_from_name(p.name, subject)[0] for p in parts]
    if "subject" in mapping.values() or len(set(names)) < len(names):
        return None
    sizes = np.array([len(p.raw) for p in parts])
    file_of = np.repeat(np.arange(len(parts)), sizes)
    local = np.concatenate([np.arange(n) for n in sizes]) + 1 + first.header_rows
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    raw = pd.concat([p.raw for p in parts], ignore_index=True)
    together = _Loaded(
        raw,
        f"{len(parts)} files",
        "csv",
        first.decimal,
        first.prefer_dayfirst,
        first.header_rows,
        subjects=pd.Series(np.array(names, dtype=object)[file_of], dtype="string"),
        rows=offsets[file_of] + local,  # unique over the files: mapped back below
        mapped=first.mapped,
        layout=first.layout,
    )
    repeated: list[pd.Index] = []
    report_all = None

    def copies(index: pd.Index) -> pd.Series:
        found = _copies(raw, index, together.subjects)
        repeated.append(found.index[found.to_numpy()])
        return found

    diary, report_all = _table_diary(
        together,
        subject=subject,
        columns=options.get("columns"),
        dayfirst=options.get("dayfirst"),
        pain_scale=options.get("pain_scale", 10),
        _copies_hook=copies,
    )
    return diary, _split_report(report_all, parts, names, diary, file_of, offsets, repeated, raw)


def _split_report(report_all, parts, names, diary, file_of, offsets, repeated, raw):
    """One exact :class:`LoadReport` per file, from the report of the files read together."""
    n = len(parts)
    blank = np.bincount(file_of[blank_rows(raw).to_numpy()], minlength=n)
    bad = report_all.rejected
    rows = bad["row"].to_numpy(dtype=np.int64) - 1 - parts[0].header_rows
    bad_file = file_of[rows] if len(bad) else np.array([], dtype=np.int64)
    rejected = np.bincount(bad_file, minlength=n)
    dup_index = np.concatenate([r.to_numpy() for r in repeated]) if repeated else []
    duplicate = np.bincount(file_of[np.asarray(dup_index, dtype=np.int64)], minlength=n)
    kept = diary["subject"].value_counts().reindex(names, fill_value=0).to_numpy()
    counted = {"read.note.combined", "read.note.duplicate_rows"}
    shared = [m for m in report_all.notes if getattr(m, "key", None) not in counted]
    reports = []
    for i, part in enumerate(parts):
        report = LoadReport(source=part.name, format="table")
        report.columns = dict(report_all.columns)
        report.columns["subject"] = Message("read.origin.file_name")
        report.rows_read = len(part.raw)
        report.rows_kept = int(kept[i])
        report.rows_rejected = int(rejected[i])
        report.rows_duplicate = int(duplicate[i])
        report.rows_merged = int(len(part.raw) - blank[i] - rejected[i] - duplicate[i] - kept[i])
        if blank[i]:
            report.ignore(int(blank[i]), Message("read.ignored.blank_row"))
        if rejected[i]:
            mine = bad[bad_file == i].assign(file=part.name)
            report.rejected = mine.assign(row=mine["row"] - offsets[i]).reset_index(drop=True)
        report.notes = list(shared)
        for m in report_all.notes:
            key = getattr(m, "key", None)
            if (key == "read.note.combined" and report.rows_merged) or (
                key == "read.note.duplicate_rows" and report.rows_duplicate
            ):
                report.notes.append(m)
        reports.append(report)
    return reports


def _sheet_notes(read: str, others: list[tuple[str, int, bool]]) -> list[Message]:
    """Notes naming the sheet read and each sheet not read (with its rows, hidden or not)."""
    if not others:
        return []
    left = [
        Message("read.note.sheet_hidden" if hidden else "read.note.sheet_other", name=n, rows=r)
        for n, r, hidden in others
    ]
    return [Message("read.note.sheets", read=read, others=left, example=others[0][0])]


def _text_decimal(frame: pd.DataFrame, mapped: Mapped) -> str | None:
    """Decimal mark of numbers typed as text in a spreadsheet (``"6,5"`` in Dutch Excel).

    Real number cells need no decision; this looks at the text cells of every
    number column together, as :func:`sniff_table` does for a CSV file:
    ``7,5`` counts for the comma, ``7.5`` or ``7.25`` for the point, and
    ``8.123`` or ``1,234`` for neither (a thousands separator or three
    decimals). A tie goes to the comma when the headers are Dutch. ``None``
    when nothing decides: :func:`~backpain.read._build.build_diary` then
    rejects each ``1.234``-shaped cell as ambiguous instead of reading it one
    way.
    """
    numbers, _ = _number_columns(mapped[0])
    texts = pd.Series(
        [v.strip() for h in numbers for v in frame[h].dropna().tolist() if isinstance(v, str)],
        dtype="string",
    )
    commas = int(texts.str.fullmatch(r"-?\d+,(?:\d{1,2}|\d{4,})").sum())
    dots = int(texts.str.fullmatch(r"-?\d+\.(?:\d{1,2}|\d{4,})").sum())
    if commas != dots:
        return "," if commas > dots else "."
    if any(normalise_header(h) in _DUTCH_HEADERS for h in mapped[0]):
        return ","
    return "." if commas else None


_DUTCH_HEADERS = ("pijn", "datum", "stemming", "slaap")
"""Headers that make a file Dutch for the day/month order and the decimal mark."""


def subject_from_name(name: str, subject: str | None) -> tuple[str, str]:
    """Subject id and its origin for the report: given, else the file name stem."""
    if subject is not None:
        return str(subject), Message("read.origin.given")
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", name.rsplit("/", 1)[-1])
    return (stem if stem and not stem.startswith("<") else "subject"), Message(
        "read.origin.file_name"
    )


def _load(
    source: Source, kind: str, *, sheet, sep, decimal, encoding, columns
) -> tuple[pd.DataFrame, Mapped | None, _Layout]:
    """The table of ``source``, for CSV and Excel :func:`map_columns` of its header, its layout.

    A CSV file is parsed once: its header is read from the start of the file
    before pandas parses it, so that number columns get their missing marks
    and id and text columns are read as text in the same pass.
    """
    try:
        if kind == "excel":
            _check_sheets(source)
            return _read_excel(source, sheet, columns)
        if kind == "parquet":
            return _read_parquet(source), None, _Layout()
        if kind == "json":
            return _read_json(source), None, _Layout()
    except DiaryError:
        raise
    except Exception as exc:
        msg = Message("read.error.unreadable", source=source.name, kind=kind, detail=str(exc))
        raise DiaryError(msg) from exc
    source.check_size()  # pandas builds the whole frame in memory
    # the bytes are read once: the header, the values and the ids read as text
    # all come from this one copy, even if the file changes meanwhile (pandas'
    # C parser reads UTF-8 from memory as fast as from the path)
    source.read_bytes()
    if encoding:
        source.encoding = encoding
    source.check_text()
    head = source.head_text()
    if not head.strip():
        msg = Message("read.error.empty", source=source.name)
        raise DiaryError(msg)
    excel_sep = _SEP_LINE.match(head)
    if excel_sep:  # Excel's "sep=;" line names the separator; the header follows it
        head = head[excel_sep.end() :]
    found_sep, found_dec = sniff_table(head)
    sep = sep or (excel_sep.group(1) if excel_sep else found_sep)
    _check_header_width(source, head, sep)
    if decimal is None:
        decimal = found_dec if sep == "," else _decimal_mark(source)
    enc = source.guess_encoding()
    options = {
        "sep": sep,
        "decimal": decimal,
        "encoding": enc,
        "keep_default_na": False,
        "skip_blank_lines": False,
        "skipinitialspace": True,
        # a delimiter after the last cell of data rows must not turn the
        # first column into the index (every column would shift by one)
        "index_col": False,
        "skiprows": 1 if excel_sep else None,
    }
    try:
        # rows with more cells than the header would lose cells: refused, not cut
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)
            header = _plain_header(head, sep) or _quoted_header(head, sep, source.size)
            if header is None:  # a header longer than the start of the file kept in memory
                with source.open() as fh:
                    header = list(pd.read_csv(fh, nrows=0, **options).columns)
            names = [str(h).strip() for h in header]  # the frame's columns, as returned
            mapped = map_columns(names, columns=columns, source=source.name)
            # numbers are parsed by pandas' C parser; ids and free text stay text
            # ("007" is not 7, a note "0" is not 0.0): pandas reads a column holding
            # text as text by itself (faster than asking), and an id or text column
            # whose first rows hold only numbers is read as text in the same pass
            number_cols, id_cols = _number_columns(mapped[0])
            na_values = {
                h: list(_NA_NUMBER) if n in number_cols else [""]
                for h, n in zip(header, names, strict=True)
            }
            ids = [i for i, n in enumerate(names) if n in id_cols]
            dtype = {header[i]: "str" for i in _number_like(head, sep, ids)}
            # a delimiter after each row's last cell (seen in the first rows): read
            # those cells in spare columns, which must be empty, in the same pass
            spare = [f"\0spare {i}" for i in range(_cells_beyond(head, sep, len(header)))]
            options.update(names=header + spare, header=0)  # the header read above, for certain
            dtype.update(dict.fromkeys(spare, "str"))
            na_values.update({h: [""] for h in spare})
            if dtype:  # (an empty dtype= costs pandas a third of a small file's parse)
                options["dtype"] = dtype
            try:
                with source.open() as fh:
                    frame = pd.read_csv(fh, na_values=na_values, **options)
                if spare:
                    cells = frame[spare].apply(lambda c: c.str.strip()).replace("", None)
                    if cells.notna().any(axis=None):
                        raise pd.errors.ParserError  # a cell beyond the header: pandas says where
                    frame = frame.drop(columns=spare)
            except (pd.errors.ParserWarning, pd.errors.ParserError):
                # rows longer than the header: fine only when the extra cells
                # are empty (a delimiter after each row's last cell)
                options.update(names=header)
                for h in spare:
                    del dtype[h], na_values[h]
                options.pop("dtype", None)
                if dtype:
                    options["dtype"] = dtype
                if not _extra_cells_empty(source, sep, len(header)):
                    with source.open() as fh:  # pandas' own error, naming the line
                        pd.read_csv(fh, na_values=na_values, **options)
                    raise
                with source.open() as fh:
                    frame = pd.read_csv(
                        fh,
                        na_values=na_values,
                        usecols=range(len(header)),
                        **options,
                    )
            # an id column read as numbers after all (text only after the first
            # 64 KiB, or words pandas takes for numbers): read again as text
            again = [header[i] for i in ids if not pd.api.types.is_string_dtype(frame[header[i]])]
            if again:
                with source.open() as fh:
                    text = pd.read_csv(
                        fh,
                        **{**options, "usecols": again, "dtype": dict.fromkeys(again, "str")},
                        na_values=na_values,
                    )
                for h in again:
                    frame[h] = text[h]
    except DiaryError:
        raise
    except (
        pd.errors.ParserError,
        pd.errors.ParserWarning,
        ValueError,
        UnicodeDecodeError,
    ) as exc:
        msg = Message("read.error.csv_shape", source=source.name, sep=sep, detail=str(exc))
        raise DiaryError(msg) from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame, mapped, _Layout(sep, decimal, enc, sep_line=bool(excel_sep))


def _read_excel(
    source: Source, sheet: str | int | None, columns
) -> tuple[pd.DataFrame, Mapped, _Layout]:
    """The sheet that holds the diary, read cell by cell as Excel stored it.

    - **Sheet**: ``sheet`` (a name or a 0-based position) chooses; otherwise
      the first visible sheet whose header names a date column, then a
      hidden one, then the first sheet. The layout's ``sheets`` holds
      ``(read, not_read)`` for the report: the sheet read and each other
      sheet with its number of rows and whether it is hidden.
    - **Cells**: an error cell (``#DIV/0!``, ``#N/A``) is its text, as in a
      CSV file; a formula without a stored result (a file written by a
      program, never opened in Excel) is its formula text, so a number column
      rejects both with the reason. Headers are text (a header ``2026`` is
      ``"2026"``), a repeated header gets ``.1`` as pandas names it.
    - ``NA``, ``None`` or ``null`` typed in a text cell stay text; only number
      cells read those words (and ``-``) as missing, as in CSV files.
    """
    import openpyxl

    data = io.BytesIO(source.read_bytes())
    book = openpyxl.load_workbook(data, read_only=True, data_only=True)
    try:
        chosen, others = _choose_sheet(book, sheet, columns, source.name)
        rows = [list(r) for r in chosen.iter_rows(values_only=True)]
        path = getattr(chosen, "_worksheet_path", None)
    finally:
        book.close()
    while rows and all(v is None for v in rows[-1]):
        rows.pop()  # empty rows below the table, as Excel pads a sheet
    width = max((len(r) for r in rows), default=0)
    while width and all(len(r) < width or r[width - 1] is None for r in rows):
        width -= 1  # empty columns right of the table
    header = _sheet_header(rows[0] if rows else [], width)
    body = [r[:width] + [None] * (width - len(r)) for r in rows[1:]]
    frame = pd.DataFrame(body, columns=header, dtype=object)
    if path is not None:
        _formulas_without_result(source, path, frame)
    mapped = map_columns(header, columns=columns, source=source.name)
    numbers, _ = _number_columns(mapped[0])
    for h in header:
        values = frame[h]
        missing = values.isna() | (values.isin(_NA_NUMBER) if h in numbers else False)
        frame[h] = values.where(~missing.astype(bool), np.nan).infer_objects()
    return frame, mapped, _Layout(sheets=(chosen.title, others))


def _sheet_header(cells: list, width: int) -> list[str]:
    """Header cells as text; empty ones ``Unnamed: i``, repeats ``name.1`` (as pandas)."""
    out: list[str] = []
    for i in range(width):
        cell = cells[i] if i < len(cells) else None
        name = f"Unnamed: {i}" if cell is None else str(cell).strip()
        base, n = name, 0
        while name in out:
            n += 1
            name = f"{base}.{n}"
        out.append(name)
    return out


def _choose_sheet(book, sheet, columns, source: str):
    """``(worksheet, others)``: the sheet to read and ``[(name, rows, hidden)]`` of the rest."""
    sheets = list(book.worksheets)
    if sheet is not None:
        names = [ws.title for ws in sheets]
        position = isinstance(sheet, int) and not isinstance(sheet, bool)
        if position and -len(sheets) <= sheet < len(sheets):
            chosen = sheets[sheet]
        elif isinstance(sheet, str) and sheet in names:
            chosen = sheets[names.index(sheet)]
        else:
            msg = Message(
                "read.error.no_such_sheet", source=source, sheet=repr(sheet), names=repr(names)
            )
            raise DiaryError(msg)
    else:

        def holds_diary(ws) -> bool:
            first = next(ws.iter_rows(max_row=1, values_only=True), ())
            headers = [str(c).strip() for c in first if c is not None]
            try:
                mapping, _, _ = map_columns(headers, columns=columns, source=source)
            except (DiaryError, ValueError):
                return False
            return "date" in mapping.values()

        visible = [ws for ws in sheets if ws.sheet_state == "visible"]
        hidden = [ws for ws in sheets if ws.sheet_state != "visible"]
        chosen = next(
            (ws for ws in [*visible, *hidden] if holds_diary(ws)),
            visible[0] if visible else sheets[0],
        )
    others = [
        (ws.title, max(int(ws.max_row or 0) - 1, 0), ws.sheet_state != "visible")
        for ws in sheets
        if ws is not chosen
    ]
    return chosen, others


_FORMULA_NO_VALUE = re.compile(
    rb'<c r="([A-Z]{1,3})(\d+)"[^>]*>\s*<f\b([^>]*?)(?:/>|>([^<]*)</f>)'
    rb"\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"
)
"""A cell with a formula and no stored value (``<c r="B3"><f>A3*2</f></c>``)."""


def _formulas_without_result(source: Source, member: str, frame: pd.DataFrame) -> None:
    """Put the formula text in cells whose formula has no stored result (read as empty)."""
    import zipfile

    with source.open() as fh, zipfile.ZipFile(fh) as archive:
        try:
            xml = archive.read(member.lstrip("/"))
        except KeyError:
            return
    if b"<f" not in xml:
        return
    for m in _FORMULA_NO_VALUE.finditer(xml):
        column, row = _column_number(m.group(1).decode()) - 1, int(m.group(2)) - 2
        if 0 <= row < len(frame) and column < frame.shape[1]:
            formula = (m.group(4) or b"").decode("utf-8", errors="replace")
            frame.iloc[row, column] = "=" + formula if formula else "=(formula)"


def _plain_header(head: str, sep: str) -> list[str] | None:
    """The header cells of a first line without quotes or repeats, as pandas reads them.

    Saves a parse of the file for the header alone; None when pandas must
    read it (quotes, a repeated or empty name, a line longer than the head).
    """
    line, found, _ = head.partition("\n")
    # a bare carriage return ends a line for pandas too (old Mac files): let pandas read it
    if not found or '"' in line or "\r" in line.rstrip("\r"):
        return None
    cells = [c.lstrip(" ") for c in line.rstrip("\r").split(sep)]  # skipinitialspace
    if any(not c or c != c.strip() for c in cells) or len(set(cells)) < len(cells):
        return None
    return cells


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
"""One line and its end, as pandas' parser splits lines (CR LF, CR or LF)."""


def _quoted_header(head: str, sep: str, size: int) -> list[str] | None:
    """The header cells of a first line :func:`_plain_header` leaves to pandas, named as pandas
    names them: quotes removed (a doubled quote inside quotes is one quote), an empty cell
    ``Unnamed: i`` (its position), a repeat ``name.1``, ``name.2``.

    None when the header does not end inside ``head`` (the start of a larger file).
    """
    import csv

    lines = [m.group(0) for m in _LINE.finditer(head) if m.group(0)]
    used = 0

    def feed():
        nonlocal used
        for line in lines:
            used += 1
            yield line

    reader = csv.reader(feed(), delimiter=sep, quotechar='"', skipinitialspace=True)
    try:
        cells = next(reader)
    except (StopIteration, csv.Error):
        return None
    whole = len(head.encode("utf-8", errors="ignore")) >= size  # an estimate: head is all
    if not (whole or (used and lines[used - 1].endswith(("\n", "\r")))):
        return None
    names = [c if c else f"Unnamed: {i}" for i, c in enumerate(cells)]
    written, taken, count = set(names), set(), {}
    # the names written in the file first, in order, then the placeholders of empty cells
    for i in sorted(range(len(names)), key=lambda i: not cells[i]):
        name = names[i]
        if name in taken:  # a repeat: "name.n", n the first number no header uses
            n = count.get(name, 1)
            while f"{name}.{n}" in taken or f"{name}.{n}" in written:
                n += 1
            count[name] = n + 1
            names[i] = f"{name}.{n}"
        taken.add(names[i])
    return names


_TEXT_CHAR = re.compile(r"[^\d\s.,+\-eE]")
"""A character no number holds: a cell with one is text, which pandas reads as text."""


def _number_like(head: str, sep: str, columns: list[int]) -> list[int]:
    """Of the ``columns`` (positions), those whose cells in the first rows in ``head``
    are all empty or number-like (``007``, ``1.5``): pandas would read them as numbers."""
    import csv

    if not columns:
        return []
    lines = [m.group(0) for m in _LINE.finditer(head) if m.group(0)][1:]
    text: set[int] = set()
    try:
        for row in csv.reader(lines[:-1] or lines, delimiter=sep, skipinitialspace=True):
            text.update(i for i in columns if i < len(row) and _TEXT_CHAR.search(row[i]))
    except csv.Error:
        return columns
    return [i for i in columns if i not in text]


def _cells_beyond(head: str, sep: str, width: int) -> int:
    """How many cells the first data rows in ``head`` have beyond the header's ``width``."""
    import csv

    lines = [m.group(0) for m in _LINE.finditer(head) if m.group(0)][1:21]
    if len(lines) < 2 or max(line.count(sep) for line in lines[:-1]) < width:
        return 0  # (the last line may be cut) no row has more separators than cells
    rows = csv.reader(lines[:-1], delimiter=sep, quotechar='"', skipinitialspace=True)
    try:
        return max(0, max((len(row) - width for row in rows), default=0))
    except csv.Error:
        return 0


def _extra_cells_empty(source: Source, sep: str, width: int) -> bool:
    """True when no row has a non-empty cell beyond the header's ``width`` columns."""
    import csv

    rows = csv.reader(io.StringIO(source.text(), newline=""), delimiter=sep)
    try:
        return all(not "".join(row[width:]).strip() for row in rows)
    except csv.Error:  # a cell beyond the csv module's field limit: let pandas' error stand
        return False


_NA_NUMBER = ("", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "-", "nvt", "n.v.t.")
"""Cells read as missing in number columns (R's ``NA``, Excel's ``-``, Dutch ``n.v.t.``)."""


def _number_columns(mapping: dict[str, str]) -> tuple[set[str], set[str]]:
    """The headers of number columns, and of id and text columns, in a :func:`map_columns` mapping."""
    numbers = {h for h, name in mapping.items() if VARIABLES[name].kind == "number"}
    return numbers, {h for h, name in mapping.items() if name in ("subject", "tags", "notes")}


def _json_lines(source: Source) -> bool:
    """True for JSON Lines: a first line that is a whole JSON object, and more lines after it."""
    import json

    lines = [ln for ln in source.head_text().lstrip("\ufeff").splitlines() if ln.strip()][:2]
    if len(lines) < 2 or not lines[0].rstrip().endswith("}"):
        return False
    try:
        return isinstance(json.loads(lines[0]), dict) and lines[1].lstrip().startswith("{")
    except ValueError:
        return False


def _read_json(source: Source) -> pd.DataFrame:
    import json

    obj = load_json_lines(source) if _json_lines(source) else load_json(source)
    if isinstance(obj, dict):
        for key in ("diary", "data", "entries", "records"):
            if isinstance(obj.get(key), list):
                obj = obj[key]
                break
        else:
            obj = [obj] if all(not isinstance(v, (list, dict)) for v in obj.values()) else obj
    if not isinstance(obj, list) or not all(isinstance(r, dict) for r in obj):
        msg = Message("read.error.json_shape", source=source.name)
        raise DiaryError(msg)
    keys: set[str] = set()
    for record in obj:  # records whose keys all differ make a frame of n x n cells
        keys.update(record)
        if len(keys) > MAX_COLUMNS:
            raise refuse_limit(source.name, "keys", len(keys), MAX_COLUMNS)
    frame = pd.DataFrame.from_records(obj)
    for col in frame.columns[
        [dt == np.dtype(object) for dt in frame.dtypes]
    ]:  # nested -> JSON text
        nested = frame[col].map(lambda v: isinstance(v, (list, dict)))
        if nested.any():
            frame[col] = frame[col].where(~nested, frame[col].map(json.dumps))
    return frame


FORMAT = Format("table", detect_table, read_table)
"""The ``table`` entry of :data:`backpain.read.FORMATS`: any CSV/TSV, Excel, Parquet or JSON table."""
