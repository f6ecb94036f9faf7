"""Turn whatever the user passed (path, bytes, file object) into a :class:`Source`."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DiaryError

__all__ = ["Source", "open_source"]

MAX_BYTES_IN_MEMORY = 1 << 30
"""Files larger than this (1 GiB) are refused by readers that load the whole file."""


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

    @property
    def size(self) -> int:
        """Size in bytes."""
        return self.path.stat().st_size if self.data is None else len(self.data)

    def head(self, n: int = 65536) -> bytes:
        """The first ``n`` bytes, without reading the whole file."""
        if self.data is not None:
            return self.data[:n]
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
            if self.size > MAX_BYTES_IN_MEMORY:
                msg = (
                    f"{self.name}: the file is {self.size / 2**30:.1f} GiB, more than "
                    f"this reader loads at once ({MAX_BYTES_IN_MEMORY / 2**30:.0f} GiB). "
                    "Split it (for example per subject or per year) and read the parts."
                )
                raise DiaryError(msg)
            self.data = self.path.read_bytes()
        return self.data

    def text(self) -> str:
        """The file decoded: UTF-8 (a BOM is dropped), else Windows-1252."""
        if self._text is None:
            raw = self.read_bytes()
            if b"\x00" in raw[:65536] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                msg = (
                    f"{self.name}: the file holds NUL bytes, so it is not a text "
                    "(CSV) file. If it is a spreadsheet, save it as .xlsx or CSV."
                )
                raise DiaryError(msg)
            for enc in ("utf-8-sig", "utf-16", "cp1252"):
                if enc == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                    continue
                try:
                    self._text = raw.decode(enc)
                    self.encoding = enc
                    break
                except UnicodeDecodeError:
                    continue
            else:  # cp1252 leaves 5 bytes undefined
                self._text = raw.decode("latin-1")
                self.encoding = "latin-1"
        return self._text


def open_source(source: object, *, name: str | None = None) -> Source:
    """Wrap a path, ``bytes`` or binary/text file object as a :class:`Source`."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source).expanduser()
        if not path.exists():
            msg = f"{path}: no such file. Check the path (the current folder is {Path.cwd()})."
            raise DiaryError(msg)
        if path.is_dir():
            msg = f"{path}: this is a folder; pass the export file inside it."
            raise DiaryError(msg)
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
