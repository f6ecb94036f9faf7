"""Helpers shared by the app-export readers (Bearable, Daylio, Flaredown).

Header detection, CSV loading with spreadsheet row numbers, rejecting rows
with a reason, tag normalisation and the names that count as back pain.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._catalogue import register_texts
from ..errors import DiaryError
from ..schema import TAG_SEP, normalise_header
from ..text import Message
from ._cells import blank_rows
from ._format import MATCH, Detected, not_mine
from ._report import LoadReport
from ._source import Source
from .table import TAG_WORDS, subject_from_name

__all__ = [
    "BACK_PAIN_PATTERN",
    "AppExport",
    "detect_header",
    "header_fields",
    "is_back_pain",
    "matches",
    "read_app_csv",
    "read_app_export",
    "sort_rejected",
    "split_tags",
    "subject_from_name",
    "union_tags",
]

# This reader's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "read.detect.header_lacks": (
            "header lacks {label}'s column(s) {missing}",
            "de kopregel mist de kolom(men) {missing} van {label}",
        ),
        "read.detect.not_text": ("not a text file", "geen tekstbestand"),
        "read.error.app_columns": (
            "{source}: this {label} export lacks the column(s) {missing} (columns found: "
            "{found}). Export it again from the app.",
            "{source}: deze export van {label} mist de kolom(men) {missing} (gevonden "
            "kolommen: {found}). Exporteer het opnieuw uit de app.",
        ),
        "read.error.app_unreadable": (
            "{source}: could not read it as a {label} CSV export: {detail}. Export it again "
            "from the app without editing it.",
            "{source}: kon het niet lezen als CSV-export van {label}: {detail}. Exporteer het "
            "opnieuw uit de app, zonder het te bewerken.",
        ),
        "read.error.empty_app": (
            "{source}: the file is empty. Export the {label} data again.",
            "{source}: het bestand is leeg. Exporteer de gegevens uit {label} opnieuw.",
        ),
    },
)

BACK_PAIN_PATTERN = re.compile(
    r"""
    \bback\b.*\bpain\b          # back pain, Back (lower) pain, lower back pain, chronic back pain
    | \bpain\b.*\bback\b        # pain in the back, pain (lower back)
    | \bbackache\b | \bback\s*ache\b
    | \blbp\b | \blumbago\b | \blumbalgia\b
    | \brugpijn\b | \brug\b.*\bpijn\b | \bpijn\b.*\brug\b   # Dutch/Flemish
    | \blendepijn\b                                      # Dutch: pain in the loins
    """,
    re.IGNORECASE | re.VERBOSE,
)
"""Symptom or condition names (free text) that count as back pain.

Lower, upper and mid back pain all count (``Back (lower) pain``, ``Back
(upper) pain``, ``Lower back pain``, ``Low Back Pain``, ``chronic back
pain``, ``backache``, ``LBP``, ``lumbago``, Dutch ``rugpijn`` / ``lage
rugpijn`` / ``pijn in de rug``). Neck pain and sciatica do not: sciatica is
leg pain, which a back-pain diary should not mix in unrecorded.
"""


def is_back_pain(names: pd.Series) -> pd.Series:
    """Boolean mask: which names match :data:`BACK_PAIN_PATTERN` (tested once per name)."""
    text = names.astype("string")
    lookup = {u: bool(BACK_PAIN_PATTERN.search(u)) for u in text.dropna().unique()}
    return text.map(lookup).fillna(False).astype(bool)


def matches(names: pd.Series, pattern: re.Pattern[str]) -> pd.Series:
    """Boolean mask: which names ``pattern`` matches at their start (once per name)."""
    text = names.astype("string")
    lookup = {u: bool(pattern.match(u)) for u in text.dropna().unique()}
    return text.map(lookup).fillna(False).astype(bool)


def header_fields(source: Source) -> list[str] | None:
    """The first line of a text file as lower-cased, stripped fields (``None`` if binary)."""
    head = source.head(8192)
    if b"\x00" in head:
        return None
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    lines = text.splitlines()
    if not lines:
        return None
    try:
        fields = next(csv.reader([lines[0]]))
    except csv.Error:
        return None
    return [f.strip().lower() for f in fields]


def detect_header(source: Source, required: tuple[str, ...], label: str) -> Detected:
    """A match when the header holds every ``required`` column, else why not."""
    fields = header_fields(source)
    if fields is None:
        return not_mine(Message("read.detect.not_text"))
    missing = [c for c in required if c not in fields]
    if missing:
        return not_mine(Message("read.detect.header_lacks", label=label, missing=repr(missing)))
    return MATCH


def read_app_csv(source: Source, label: str, required: tuple[str, ...]) -> pd.DataFrame:
    """Read an app's CSV export as text columns (lower-cased headers).

    Blank lines are kept as all-missing rows so that the frame index plus 2
    is the row number a spreadsheet shows (header = row 1).
    """
    text = source.text()
    if not text.strip():
        msg = Message("read.error.empty_app", source=source.name, label=label)
        raise DiaryError(msg)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
        )
    except (pd.errors.ParserError, ValueError) as exc:
        msg = Message("read.error.app_unreadable", source=source.name, label=label, detail=str(exc))
        raise DiaryError(msg) from exc
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in required if c not in frame.columns]
    if missing:
        msg = Message(
            "read.error.app_columns",
            source=source.name,
            label=label,
            missing=repr(missing),
            found=repr(list(frame.columns)),
        )
        raise DiaryError(msg)
    return frame.reset_index(drop=True)


@dataclass
class AppExport:
    """An app's CSV export as read: text cells, the report, row numbers, live rows.

    Attributes
    ----------
    raw : pandas.DataFrame
        Text cells under lower-cased headers (see :func:`read_app_csv`).
    report : LoadReport
        With ``rows_read`` set and blank rows counted as ignored.
    rows : pandas.Series
        The row number a spreadsheet shows for each row (header = row 1).
    live : pandas.Series
        Boolean mask of the rows that are not blank.
    """

    raw: pd.DataFrame
    report: LoadReport
    rows: pd.Series
    live: pd.Series

    def col(self, name: str, *, missing: object = pd.NA) -> pd.Series:
        """Column ``name`` stripped, with ``missing`` for absent cells (or column)."""
        if name not in self.raw.columns:
            return pd.Series(missing, index=self.raw.index, dtype="string")
        text = self.raw[name].astype("string").str.strip()
        return text if missing is pd.NA else text.fillna(missing)


def read_app_export(source: Source, label: str, required: tuple[str, ...], fmt: str) -> AppExport:
    """Read an app export and start its report: the preamble every app reader shares."""
    raw = read_app_csv(source, label, required)
    report = LoadReport(source=source.name, format=fmt)
    report.rows_read = len(raw)
    rows = pd.Series(np.arange(2, len(raw) + 2), index=raw.index)
    blank = blank_rows(raw)
    report.ignore(int(blank.sum()), Message("read.ignored.blank_row"))
    return AppExport(raw, report, rows, ~blank)


def sort_rejected(report: LoadReport) -> None:
    """Order ``report.rejected`` by row number (rows are rejected in several passes)."""
    if len(report.rejected):
        report.rejected = report.rejected.sort_values("row", kind="stable").reset_index(drop=True)


def _one_tag(item: str) -> str:
    tag = re.sub(r"\s+", " ", item.strip().lower())
    return TAG_WORDS.get(normalise_header(tag), tag)


def _joined(codes: np.ndarray, tags: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Sorted unique tags per group code, joined with ``|`` (vectorised).

    Returns the group codes (ascending) and the joined text of each.
    """
    frame = pd.DataFrame({"g": codes, "tag": tags}).drop_duplicates()
    frame = frame.sort_values(["g", "tag"], kind="stable")
    g = frame["g"].to_numpy()
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    text = np.add.reduceat(frame["tag"].to_numpy(dtype=object) + TAG_SEP, starts)
    return g[starts], [t[:-1] for t in text]


def split_tags(values: pd.Series, *, sep: str = "|") -> pd.Series:
    """Split tag text on ``sep``, trim, lower-case, translate, join sorted with ``|``.

    Known words (English or Dutch, see :data:`backpain.read.table.TAG_WORDS`)
    become their canonical tag (``kinesist`` -> ``physiotherapy``); other tags
    are kept as written, lower-cased, with runs of spaces collapsed. A ``|``
    inside a tag is impossible, as it separates tags. Missing when no tag.
    """
    out = pd.Series(pd.NA, index=values.index, dtype="string")
    text = values.astype("string").reset_index(drop=True)
    items = text.str.split(sep, regex=False).explode().str.strip()
    items = items[items.notna() & (items != "")]
    if items.empty:
        return out
    lookup = {u: _one_tag(str(u)) for u in items.unique()}
    mapped = items.map(lookup).to_numpy(dtype=object)
    pos, joined = _joined(items.index.to_numpy(), mapped)
    out.iloc[pos] = joined
    return out


def union_tags(keys: pd.DataFrame, tags: pd.Series) -> pd.Series:
    """Union of ``|``-joined tags per group of ``keys`` rows, sorted and joined.

    Vectorised replacement for a per-group Python function, for cohort-sized
    data. Returns a Series indexed by the key columns (groups without any tag
    are absent).
    """
    cols = list(keys.columns)
    grouped = keys.groupby(cols, sort=True, observed=True)
    codes = grouped.ngroup().to_numpy()  # numbered in sorted key order; -1 = missing key
    index = grouped.size().index
    text = tags.astype("string").reset_index(drop=True)
    items = text.str.split(TAG_SEP, regex=False).explode().str.strip()
    items = items[items.notna() & (items != "")]
    items = items[codes[items.index.to_numpy()] >= 0]
    if items.empty:
        return pd.Series([], index=index[:0], dtype="string")
    g, joined = _joined(codes[items.index.to_numpy()], items.to_numpy(dtype=object))
    return pd.Series(joined, index=index[g], dtype="string")
