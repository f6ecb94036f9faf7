"""What the wearable CSV readers share: rows with line numbers, the report, the diary.

Samsung Health, Health Auto Export, Apple Health per-type CSVs and Google Fit
daily metrics hold activity and sleep, never pain. Each reader turns its file
into *entries* (``date``, ``row``, the variables it gives) and hands them to
:func:`finish`, the one place these readers meet the shared back end
(:class:`~backpain.LoadReport` and :func:`~backpain.validate.build_diary`).
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd

from .._catalogue import register_texts
from ..errors import DiaryError
from ..text import Message
from ._build import build_diary
from ._problems import Reason
from ._report import LoadReport
from ._source import Source

__all__ = [
    "DEFAULT_SUBJECT",
    "cannot_read",
    "finish",
    "new_report",
    "numbers",
    "one_person",
    "read_rows",
]

# This reader's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "formats.column.subject_default": (
            "(default {subject!r}: the file holds one person's data{option.subject_name})",
            "(standaard {subject!r}: het bestand bevat de gegevens van één persoon{option.subject_name})",
        ),
        "formats.error.looks_like": (
            "{file}: this looks like {fmt}, but it cannot be read: {problem}. {todo}",
            "{file}: dit lijkt op {fmt}, maar het kan niet gelezen worden: {problem}. {todo}",
        ),
        "formats.error.not_csv": (
            "{file}: looked like {fmt} but is not a readable CSV ({why}). Export it again",
            "{file}: leek op {fmt} maar is geen leesbare CSV ({why}). Exporteer het opnieuw",
        ),
        "formats.ignored.blank_line": ("blank line", "lege regel"),
    },
)

DEFAULT_SUBJECT = "me"


def new_report(src: Source, fmt: str) -> LoadReport:
    """An empty report for ``src`` read as ``fmt``."""
    return LoadReport(source=src.name, format=fmt)


def cannot_read(src: Source, looks_like: str, problem: Message, todo: Message) -> DiaryError:
    """The error for a file that looks like ``looks_like`` but cannot be read."""
    return DiaryError(
        Message(
            "formats.error.looks_like",
            file=src.name,
            fmt=Message(f"formats.name.{looks_like}"),
            problem=problem,
            todo=todo,
        )
    )


def first_header(source: Source) -> list[str]:
    """The first line's comma-separated names (a BOM and quotes removed), for detectors."""
    text = source.head(8192).decode("utf-8", errors="ignore").lstrip("\ufeff")
    return [h.strip().strip('"') for h in text.split("\n", 1)[0].rstrip("\r").split(",")]


def read_rows(
    src: Source, report: LoadReport, *, header_line: int = 1
) -> tuple[list[str], pd.DataFrame]:
    """Split a comma-separated file into its header and a frame of text cells.

    Parameters
    ----------
    src : Source
        The file.
    report : LoadReport
        ``rows_read`` is set to the number of lines after the header; blank
        lines are counted as ignored, lines with more cells than the header
        as rejected.
    header_line : int
        Line number (from 1) of the header; lines above it are metadata.

    Returns
    -------
    header : list of str
        Column names, without the empty name a trailing comma leaves.
    rows : pandas.DataFrame
        One row per data line: the header's columns as ``object`` text (``""``
        for a missing cell) and ``row``, the file's line number.
    """
    try:
        return _split(src, report, header_line)
    except csv.Error as exc:  # e.g. a NUL byte or a field the csv module cannot take
        fmt = Message(f"formats.name.{report.format}")
        msg = Message("formats.error.not_csv", file=src.name, fmt=fmt, why=str(exc))
        raise DiaryError(msg) from exc


def _split(src: Source, report: LoadReport, header_line: int) -> tuple[list[str], pd.DataFrame]:
    # newline=None: lines may end in \r\n, \n or a lone \r
    reader = csv.reader(io.StringIO(src.text(), newline=None))
    header: list[str] = []
    for _ in range(header_line):
        header = next(reader, [])
    header = [h.strip() for h in header]
    while header and header[-1] == "":
        header.pop()
    width = len(header)
    cells: list[list[str]] = []
    lines: list[int] = []
    blank = 0
    long_rows: list[tuple[int, str]] = []
    for record in reader:
        if not any(c.strip() for c in record):
            blank += 1
            continue
        while len(record) > width and record[-1].strip() == "":
            record.pop()
        if len(record) > width:
            long_rows.append((reader.line_num, ",".join(record[width:])[:60]))
            continue
        cells.append(record + [""] * (width - len(record)))
        lines.append(reader.line_num)
    report.rows_read = len(cells) + blank + len(long_rows)
    report.ignore(blank, Message("formats.ignored.blank_line"))
    if long_rows:
        report.refuse(
            [r for r, _ in long_rows],
            "",
            [v for _, v in long_rows],
            Reason.TOO_MANY_CELLS,
            n=width,
        )
    frame = pd.DataFrame(cells, columns=header, dtype=object)
    frame["row"] = np.asarray(lines, dtype="int64")
    return header, frame


def numbers(
    rows: pd.DataFrame, columns: list[str], report: LoadReport, *, low: float = 0
) -> tuple[pd.DataFrame, pd.Series]:
    """Read ``columns`` as numbers (decimal point); reject rows with a bad value.

    Blank cells become NaN. A cell that is not a number, or is below ``low``,
    rejects its row (the first bad column is named). Returns the numbers and
    the mask of rows that are still good.
    """
    out = pd.DataFrame(index=rows.index)
    good = pd.Series(True, index=rows.index)
    for col in columns:
        text = rows[col].astype("string").str.strip()
        value = pd.to_numeric(text.replace("", pd.NA), errors="coerce").astype("float64")
        ok = np.isfinite(value) & (value >= low)
        bad = good & text.fillna("").ne("").astype(bool) & ~ok
        if bad.any():
            unit = Message("read.unit.at_least", low=low)
            report.refuse(
                rows["row"], col, rows[col], Reason.NOT_A_NUMBER, mask=bad, name=col, unit=unit
            )
            good &= ~bad
        out[col] = value.where(np.isfinite(value))
    return out, good


def one_person(entries: pd.DataFrame, report: LoadReport, subject: str | None) -> pd.DataFrame:
    """Name the one person of a tracker's or watch's file: ``subject``, else ``"me"``.

    The files of one account (a watch, a phone's health app) never name their
    owner; the report's column list says which name was used and how to give
    another.
    """
    report.columns["subject"] = (
        Message("read.origin.given")
        if subject
        else Message("formats.column.subject_default", subject=DEFAULT_SUBJECT)
    )
    return entries.assign(subject=subject or DEFAULT_SUBJECT)


def finish(
    entries: pd.DataFrame,
    report: LoadReport,
    subject: str | None,
    *,
    daily: dict[str, str] | None = None,
    empty: Message | None = None,
) -> pd.DataFrame:
    """Give entries a subject (and an empty pain column) and build the daily diary.

    ``entries`` has ``date`` (midnight), ``row``, optionally ``n_rows`` (how
    many input rows an entry stands for) and the variables the file gives.
    Without any pain value, the notes say to read the file with a pain diary.
    With ``empty``, entries without any variable are counted as ignored
    under that category.
    """
    if empty is not None:
        variables = [c for c in entries.columns if c not in ("date", "row", "n_rows")]
        blank = entries[variables].isna().all(axis=1)
        report.ignore(int(blank.sum()), empty)
        entries = entries[~blank]
    entries = one_person(entries, report, subject)
    if "pain" not in entries.columns:
        entries["pain"] = np.nan
    entries["date"] = pd.to_datetime(entries["date"]).astype("datetime64[ns]")
    if entries["pain"].isna().all():
        report.notes.append(Message("read.note.no_pain_merge"))
    return build_diary(entries, report, daily=daily)
