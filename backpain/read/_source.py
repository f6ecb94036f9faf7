"""Turn whatever the user passed (path, bytes, file object) into a :class:`Source`."""

from __future__ import annotations

import codecs
import io
import json
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._catalogue import register_texts
from ..errors import DiaryError
from ..text import Message

__all__ = [
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_SHEET_ROWS",
    "MAX_UNZIPPED_TABLE",
    "MAX_ZIP_RATIO",
    "UNICODE_BOMS",
    "Source",
    "check_zip",
    "load_json",
    "load_json_lines",
    "open_source",
    "refuse_limit",
]

# This module's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "read.word.diary": ("diary", "dagboek"),
        "read.error.too_large": (
            "{source}: the file is {size:.1f} GiB, more than this reader loads at once "
            "({limit:.0f} GiB). Split it (for example per subject or per year) and read the parts.",
            "{source}: het bestand is {size:.1f} GiB, meer dan dit programma in één keer "
            "inleest ({limit:.0f} GiB). Splits het (bijvoorbeeld per deelnemer of per jaar) en "
            "lees de delen.",
        ),
        "read.error.nul_bytes": (
            "{source}: the file holds NUL bytes, so it is not a text (CSV) file. If it is a "
            "spreadsheet, save it as .xlsx or CSV.",
            "{source}: het bestand bevat NUL-bytes, dus het is geen tekstbestand (CSV). Is "
            "het een rekenblad, bewaar het dan als .xlsx of CSV.",
        ),
        "read.error.bad_text": (
            "{source}: the file is not valid {encoding} text (byte {byte}): it may be "
            "truncated or damaged. Export it again.",
            "{source}: het bestand is geen geldige {encoding}-tekst (byte {byte}): het is "
            "misschien afgebroken of beschadigd. Exporteer het opnieuw.",
        ),
        "read.error.no_such_file": (
            "{source}: no such file. Check the path (the current folder is {cwd}).",
            "{source}: dit bestand bestaat niet. Kijk het pad na (de huidige map is {cwd}).",
        ),
        "read.error.cannot_open": (
            "{source}: the file cannot be opened ({detail}). Check the name and the path; a "
            "shorter name or folder may help.",
            "{source}: het bestand kan niet geopend worden ({detail}). Kijk de naam en het pad na; "
            "een kortere naam of map kan helpen.",
        ),
        "read.error.json_repeated_key": (
            "{source}: a JSON record holds the key {key!r} twice (values {values}), so it is not "
            "clear which one is meant. Keep one of them and try again.",
            "{source}: een JSON-record bevat de sleutel {key!r} twee keer (waarden {values}), dus "
            "het is niet duidelijk welke bedoeld is. Hou er één over en probeer opnieuw.",
        ),
        "read.error.folder": (
            "{source}: this is a folder; pass the export file inside it.",
            "{source}: dit is een map; kies het exportbestand dat erin zit.",
        ),
        "read.error.json_invalid": (
            "{source}: not valid JSON (line {line}, column {col}: {detail}); the {label} export "
            "may be truncated. Export it again.",
            "{source}: geen geldige JSON (regel {line}, teken {col}: {detail}); de export "
            "({label}) is misschien afgebroken. Exporteer opnieuw.",
        ),
        "read.limit.columns": (
            "{source}: {found:.0f} columns, more than the {most:.0f} a diary table may have "
            "(limit: columns). Keep only the diary's columns, or split the file into "
            "several files of fewer columns with the date column in each.",
            "{source}: {found:.0f} kolommen, meer dan de {most:.0f} die een dagboektabel mag "
            "hebben (grens: kolommen). Bewaar alleen de kolommen van het dagboek, of splits "
            "het bestand in meerdere bestanden met minder kolommen en in elk de datumkolom.",
        ),
        "read.limit.keys": (
            "{source}: the JSON records use more than {most:.0f} different keys (limit: keys). "
            "A diary's records share the same few keys; split the file into files whose "
            "records have the same keys.",
            "{source}: de JSON-records gebruiken meer dan {most:.0f} verschillende sleutels "
            "(grens: sleutels). De records van een dagboek delen dezelfde paar sleutels; "
            "splits het bestand in bestanden waarvan de records dezelfde sleutels hebben.",
        ),
        "read.limit.rows": (
            "{source}: a sheet has {found:.0f} rows, more than the {most:.0f} read from a "
            "spreadsheet (limit: rows). Save the sheet as CSV, which is read without this "
            "limit, or split it into sheets of fewer rows.",
            "{source}: een blad heeft {found:.0f} rijen, meer dan de {most:.0f} die uit een "
            "rekenblad gelezen worden (grens: rijen). Bewaar het blad als CSV, dat zonder "
            "deze grens gelezen wordt, of splits het in bladen met minder rijen.",
        ),
        "read.limit.unpacked": (
            "{source}: unpacks to {found:.0f} MiB, more than the {most:.0f} MiB allowed "
            "(limit: unpacked size). Split the workbook into smaller files, or save each "
            "sheet as CSV.",
            "{source}: wordt uitgepakt {found:.0f} MiB, meer dan de toegestane {most:.0f} MiB "
            "(grens: uitgepakte grootte). Splits de werkmap in kleinere bestanden, of bewaar "
            "elk blad als CSV.",
        ),
        "read.limit.ratio": (
            "{source}: a part of the file unpacks {found:.0f} times larger than it is packed, "
            "more than the {most:.0f} times a real export does (limit: unpacked size ratio); "
            "it holds a huge cell or is not a real export. Remove the huge cells, or save "
            "the sheet as CSV and split it into smaller files.",
            "{source}: een deel van het bestand wordt uitgepakt {found:.0f} keer groter dan "
            "ingepakt, meer dan de {most:.0f} keer van een echte export (grens: "
            "uitpakverhouding); het bevat een reusachtige cel of is geen echte export. "
            "Verwijder de reusachtige cellen, of bewaar het blad als CSV en splits het in "
            "kleinere bestanden.",
        ),
        "read.limit.nesting": (
            "{source}: the JSON is nested deeper than can be read (limit: nesting depth); "
            "it is not a diary export. Export the diary again.",
            "{source}: de JSON is dieper genest dan gelezen kan worden (grens: nestdiepte); "
            "het is geen dagboekexport. Exporteer het dagboek opnieuw.",
        ),
        "read.limit.number": (
            "{source}: the JSON holds a number with more than {most:.0f} digits (limit: "
            "number length); it is not a diary export. Export the diary again.",
            "{source}: de JSON bevat een getal met meer dan {most:.0f} cijfers (grens: "
            "lengte van een getal); het is geen dagboekexport. Exporteer het dagboek opnieuw.",
        ),
    },
)

MAX_BYTES_IN_MEMORY = 1 << 30
"""Files larger than this (1 GiB) are refused by readers that load the whole file."""

MAX_COLUMNS = 1000
"""Most columns (or distinct JSON keys) a table may have; a diary has a few dozen."""

MAX_CELL_CHARS = 1_000_000
"""Most characters in one cell or header: a long diary note has thousands.

A cell of megabytes of text that does not compress (so the unpacked-size
ratio does not catch it) is refused by every table reader, naming the cell.
(Excel itself holds at most 32,767 characters per cell; ``write_diary``
says so when writing .xlsx.)"""

MAX_SHEET_ROWS = 200_000
"""Most rows of one spreadsheet sheet (more is read as CSV, which streams in C)."""

MAX_UNZIPPED_TABLE = 256 * 2**20
"""Largest unpacked size of all members of a zip-based table (``.xlsx``): 256 MiB."""

MAX_ZIP_RATIO = 200
"""Largest unpacked/packed size ratio of a zip member.

Spreadsheets and exports compress about 5-30 times; one huge repeated cell
compresses a thousand times and more."""


_HEAD_KEPT = 65536
"""Bytes of a file's start that a :class:`Source` reads once and keeps."""


@dataclass
class Source:
    """One input file: its name for messages and a way to get its bytes.

    ``path`` is set for files on disk (readers that stream, such as Apple
    Health, read from it directly); ``data`` holds the bytes otherwise.
    """

    name: str
    path: Path | None = None
    data: bytes | None = None
    _text: str | None = field(default=None, repr=False)
    encoding: str | None = None
    _head: bytes | None = field(default=None, repr=False)

    @property
    def size(self) -> int:
        """Size in bytes."""
        return self.path.stat().st_size if self.data is None else len(self.data)

    def head(self, n: int = 65536) -> bytes:
        """The first ``n`` bytes, without reading the whole file.

        The first 64 KiB are read once and kept: every format's detector
        looks at them, and all see the same bytes.
        """
        if self.data is not None:
            return self.data[:n]
        if n <= _HEAD_KEPT:
            if self._head is None:
                with open(self.path, "rb") as fh:
                    self._head = fh.read(_HEAD_KEPT)
            return self._head[:n]
        with open(self.path, "rb") as fh:
            return fh.read(n)

    def open(self) -> io.BufferedIOBase:
        """A binary file object positioned at the start."""
        if self.data is not None:
            return io.BytesIO(self.data)
        return open(self.path, "rb")

    def read_bytes(self) -> bytes:
        """All bytes; refuses files above :data:`MAX_BYTES_IN_MEMORY`."""
        if self.data is None:
            self.check_size()
            self.data = self.path.read_bytes()
        return self.data

    def check_size(self) -> None:
        """Raise :class:`DiaryError` for a file above :data:`MAX_BYTES_IN_MEMORY`."""
        if self.size > MAX_BYTES_IN_MEMORY:
            msg = Message(
                "read.error.too_large",
                source=self.name,
                size=self.size / 2**30,
                limit=MAX_BYTES_IN_MEMORY / 2**30,
            )
            raise DiaryError(msg)

    def guess_encoding(self) -> str:
        """Encoding of a text file, checked over the whole file in chunks.

        UTF-8 (``utf-8-sig`` when it starts with a BOM), UTF-32 or UTF-16 with
        a BOM (UTF-32's little-endian BOM starts like UTF-16's, so it is
        checked first), else Windows-1252 (``latin-1`` when a byte cp1252
        leaves undefined occurs). Reads the file in 4 MiB pieces, so large
        files cost little memory.
        """
        if self.encoding is not None:
            return self.encoding
        head = self.head(4)
        if head.startswith(_UTF32_BOMS):
            self.encoding = "utf-32"
            return self.encoding
        if head.startswith(_UTF16_BOMS):
            self.encoding = "utf-16"
            return self.encoding
        decoder = codecs.getincrementaldecoder("utf-8")()
        ok = True
        with self.open() as fh:
            while chunk := fh.read(1 << 22):
                # plain ASCII is valid UTF-8: skip the decoder unless it holds
                # the start of a character cut at the previous chunk's end
                if chunk.isascii() and not decoder.getstate()[0]:
                    continue
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    ok = False
                    break
            else:
                try:
                    decoder.decode(b"", final=True)
                except UnicodeDecodeError:
                    ok = False
        if ok:
            self.encoding = "utf-8-sig" if head.startswith(b"\xef\xbb\xbf") else "utf-8"
        else:
            undefined = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
            with self.open() as fh:
                clean = all(
                    not undefined.intersection(c) for c in iter(lambda: fh.read(1 << 20), b"")
                )
            self.encoding = "cp1252" if clean else "latin-1"
        return self.encoding

    def head_text(self, n: int = 65536) -> str:
        """The first ``n`` bytes decoded (a character cut at the end is dropped)."""
        return self.head(n).decode(self.guess_encoding(), errors="ignore")

    def check_text(self) -> None:
        """Raise :class:`DiaryError` when the start of the file holds NUL bytes."""
        head = self.head(65536)
        if b"\x00" in head and not head.startswith(UNICODE_BOMS):
            msg = Message("read.error.nul_bytes", source=self.name)
            raise DiaryError(msg)

    def text(self) -> str:
        """The whole file decoded (see :meth:`guess_encoding`; a BOM is dropped)."""
        if self._text is None:
            self.check_text()
            raw = self.read_bytes()  # refuses a file too large to hold, before any work
            encoding = self.guess_encoding()
            try:
                self._text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                msg = Message(
                    "read.error.bad_text", source=self.name, encoding=encoding, byte=exc.start
                )
                raise DiaryError(msg) from exc
        return self._text


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
UNICODE_BOMS = _UTF32_BOMS + _UTF16_BOMS
"""Byte-order marks of the text encodings whose bytes hold NULs."""


def refuse_limit(source: str, limit: str, found: float, most: float) -> DiaryError:
    """The :class:`DiaryError` for a file beyond one of the readers' limits.

    ``limit`` names the limit (``columns``, ``rows``, ``unpacked``, ``ratio``,
    ``keys``, ``nesting``, ``number``); the text says what was found, the
    limit, and how to split the file.
    """
    return DiaryError(Message(f"read.limit.{limit}", source=source, found=found, most=most))


def check_zip(source: Source, *, max_unzipped: float = MAX_UNZIPPED_TABLE) -> None:
    """Refuse a zip whose members unpack beyond :data:`MAX_ZIP_RATIO` or ``max_unzipped``.

    Reads only the zip's directory, before anything is unpacked.
    """
    import zipfile

    try:
        with source.open() as fh, zipfile.ZipFile(fh) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile:
        return  # the reader names a damaged zip itself
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > MAX_ZIP_RATIO and info.file_size > 1 << 20:
            raise refuse_limit(source.name, "ratio", round(ratio), MAX_ZIP_RATIO)
    total = sum(info.file_size for info in infos)
    if total > max_unzipped:
        raise refuse_limit(source.name, "unpacked", total / 2**20, max_unzipped / 2**20)


def load_json(source: Source, what: str | None = None) -> Any:
    """The file parsed as JSON; broken JSON raises :class:`DiaryError` naming the place.

    JSON nested deeper than Python's recursion limit, integers longer than
    Python converts (4300 digits) and an object that holds one key twice
    (``{"pain": 3, "pain": 7}``: which one is meant?) raise
    :class:`DiaryError` too.
    """
    return _parse_json(source.text(), source.name, what)  # text(): DiaryError if not text


def _parse_json(text: str, name: str, what: Any = None, line: int = 0) -> Any:
    """One JSON document; ``line`` is added to an error's line (JSON Lines)."""
    try:
        return json.loads(text, object_pairs_hook=_no_repeated_key(name))
    except DiaryError:  # a repeated key, from the hook
        raise
    except RecursionError as exc:
        raise refuse_limit(name, "nesting", 0, 0) from exc
    except json.JSONDecodeError as exc:
        msg = Message(
            "read.error.json_invalid",
            source=name,
            line=exc.lineno + line,
            col=exc.colno,
            detail=exc.msg,
            label=what or Message("read.word.diary"),
        )
        raise DiaryError(msg) from exc
    except ValueError as exc:  # an integer with more digits than Python converts
        raise refuse_limit(name, "number", 0, sys.get_int_max_str_digits()) from exc


def _no_repeated_key(name: str) -> Any:
    """``object_pairs_hook`` for :func:`json.loads` refusing an object with a key twice."""

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)
        if len(out) < len(pairs):
            seen: set[str] = set()
            key = next(k for k, _ in pairs if k in seen or seen.add(k))
            values = [v for k, v in pairs if k == key]
            msg = Message("read.error.json_repeated_key", source=name, key=key, values=values)
            raise DiaryError(msg)
        return out

    return hook


def load_json_lines(source: Source) -> list[Any]:
    """JSON Lines (``.jsonl``): one JSON value per line; blank lines are skipped.

    A broken line raises :class:`DiaryError` naming the line, like
    :func:`load_json`.
    """
    lines = source.text().splitlines()
    return [_parse_json(ln, source.name, line=i) for i, ln in enumerate(lines) if ln.strip()]


def open_source(source: object, *, name: str | None = None) -> Source:
    """Wrap a path, ``bytes`` or binary/text file object as a :class:`Source`."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source).expanduser()
        try:
            info = path.stat()
        except FileNotFoundError:
            msg = Message("read.error.no_such_file", source=str(path), cwd=str(Path.cwd()))
            raise DiaryError(msg) from None
        except OSError as exc:  # a name too long, a loop of links, no permission
            msg = Message("read.error.cannot_open", source=str(path), detail=exc.strerror)
            raise DiaryError(msg) from exc
        if stat.S_ISDIR(info.st_mode):
            msg = Message("read.error.folder", source=str(path))
            raise DiaryError(msg)
        if not stat.S_ISREG(info.st_mode):
            # a pipe (FIFO) or device has no size and can be read only once: hold its bytes
            return Source(name=name or path.name, data=_read_stream(path))
        return Source(name=name or path.name, path=path)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return Source(name=name or "<bytes>", data=bytes(source))
    if hasattr(source, "read"):
        raw = source.read()
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        label = name or os.path.basename(str(getattr(source, "name", ""))) or "<file>"
        return Source(name=label, data=bytes(raw))
    msg = (
        f"cannot read a diary from a {type(source).__name__}; pass a file path, "
        "bytes, an open file, a pandas DataFrame, or a list of these"
    )
    raise TypeError(msg)


def _read_stream(path: Path) -> bytes:
    """All bytes of a pipe or device, refusing more than :data:`MAX_BYTES_IN_MEMORY`."""
    chunks, total = [], 0
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 22):
                total += len(chunk)
                if total > MAX_BYTES_IN_MEMORY:
                    msg = Message(
                        "read.error.too_large",
                        source=path.name,
                        size=total / 2**30,
                        limit=MAX_BYTES_IN_MEMORY / 2**30,
                    )
                    raise DiaryError(msg)
                chunks.append(chunk)
    except OSError as exc:
        msg = Message("read.error.cannot_open", source=str(path), detail=exc.strerror)
        raise DiaryError(msg) from exc
    return b"".join(chunks)
