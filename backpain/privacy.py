"""Keep private data private: pseudonymise subjects and write diaries safely.

:func:`pseudonymise` replaces subject ids with keyed hashes and drops free
text; :func:`write_diary` writes the canonical diary to CSV, Excel or Parquet
so that :func:`backpain.read_diary` gives it back, with spreadsheet formula
injection neutralised. Nothing here uses the network.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import secrets
import string
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._check import check_choice, check_columns, check_type, check_whole
from .read._cells import FORMULA_PREFIXES, escape_formulas, excel_cr, unescape_formulas
from .schema import COLUMNS, KEYS, TAG_SEP, VARIABLES
from .text import Message
from .validate import check_diary

__all__ = [
    "FORMULA_PREFIXES",
    "escape_formulas",
    "new_key",
    "pseudonymise",
    "unescape_formulas",
    "write_diary",
]

_MIN_KEY_BYTES = 16
_WRITERS = {"csv": "csv", "xlsx": "xlsx", "excel": "xlsx", "parquet": "parquet", "pq": "parquet"}


# --------------------------------------------------------------- pseudonyms
def _key_bytes(key: object) -> bytes:
    if key is None:
        msg = (
            "pseudonymise() needs key=, a secret you keep (for example "
            "backpain.privacy.new_key(), stored outside the data). Without a secret, "
            "anyone could hash every plausible id ('P001' ... 'P999', patient "
            "numbers) and undo the pseudonyms; with a random key made afresh each "
            "time, the same person would get a different id in every file, so "
            "diaries and surveys would no longer join. Use the same key for every "
            "file of one study."
        )
        raise ValueError(msg)
    if isinstance(key, str):
        key = key.encode("utf-8")
    check_type("key", key, (bytes, bytearray), what="a str or bytes secret")
    if len(key) < _MIN_KEY_BYTES:
        msg = (
            f"key is {len(key)} bytes long; use a secret of at least {_MIN_KEY_BYTES} bytes "
            "(for example backpain.privacy.new_key()) so the ids cannot be guessed"
        )
        raise ValueError(msg)
    key = bytes(key)
    weak = _weakness(key)
    if weak:
        msg = (
            f"key is weak: {weak}. Use a random secret, for example "
            "backpain.privacy.new_key(), and keep it apart from the data"
        )
        raise ValueError(msg)
    return key


def new_key() -> str:
    """A new random key for :func:`pseudonymise`: 64 hex digits (256 bits).

    Made by the operating system's random source (:func:`secrets.token_hex`).
    Make it once per study, keep it apart from the data (a password manager,
    not the data folder), and pass the same key for every file of the study,
    so that one person gets the same pseudonym in every file.

    Returns
    -------
    str
        64 hexadecimal digits.

    Examples
    --------
    >>> key = new_key()
    >>> len(key), all(c in "0123456789abcdef" for c in key)
    (64, True)
    """
    return secrets.token_hex(32)


#: Fewest bits a key may hold at most: 112 bits is the least security strength
#: NIST accepts for keys (SP 800-57 Part 1 Rev. 5, section 5.6.2 and Table 4).
_MIN_KEY_BITS = 112
#: The part of a key that is examined (a key is a short secret; this bounds the work).
_KEY_LOOK = 65536
#: Shortest repeat or run that counts as predictable (shorter ones happen by chance in
#: random keys: of 200,000 keys of ``secrets.token_hex(16)``, none fell under 112 bits
#: with 5, one did with 4).
_MIN_PATTERN = 5


def _key_bits(key: bytes) -> float:
    """An upper bound on the bits of secret in ``key``: what it costs to write it down.

    The key is read from left to right as a string of characters from its
    alphabet (the smallest of digits, hex digits, letters, letters and
    digits, printable ASCII or bytes that holds it). Each character costs
    ``log2(alphabet)`` bits, unless it starts a stretch of at least four
    characters that repeats an earlier stretch (``passwordpassword``, ``abab``;
    costing its position and length) or counts up or down by one
    (``123456``, ``fedcba``; costing its length). This is a compressor's
    view (Lempel & Ziv 1977): a key it writes short has at most that many
    bits of secret, however long it looks. It cannot see that a key is
    a word or a date, so a key it values high is not thereby random: keys
    should come from :func:`new_key`.

    >>> round(_key_bits(b"7f3a9c0e5b12d4e6a8f0c2b4d6e8f0a1"))  # 32 hex digits
    128
    >>> _key_bits(b"ab" * 16 + b"c") < 30
    True
    """
    key = key[:_KEY_LOOK]
    alphabet = 256
    if key.isascii():
        text = key.decode("ascii")
        for size, chars in _ALPHABETS:
            if all(ch in chars for ch in text):
                alphabet = size
                break
    literal = math.log2(alphabet)
    n = len(key)
    bits = 0.0
    i = 0
    starts: dict[bytes, list[int]] = {}  # where each stretch of four begins
    while i < n:
        copy = 0  # longest repeat of an earlier stretch (it may overlap itself)
        for j in starts.get(key[i : i + _MIN_PATTERN], ()):
            length = 0
            while i + length < n and key[j + length] == key[i + length]:
                length += 1
            copy = max(copy, length)
        run = 0  # counting up or down by one from the character before
        if i > 0:
            for step in (1, -1):
                length = 0
                while i + length < n and key[i + length] - key[i + length - 1] == step:
                    length += 1
                run = max(run, length)
        length = max(copy, run) if max(copy, run) >= _MIN_PATTERN else 1
        if length > 1:
            cost = math.log2(n) + (math.log2(i) if copy >= run else 1.0)
            bits += min(cost, length * literal)
        else:
            bits += literal
        for k in range(i, min(i + length, n - _MIN_PATTERN + 1)):
            starts.setdefault(key[k : k + _MIN_PATTERN], []).append(k)
        i += length
    return bits


def _weakness(key: bytes) -> str | None:
    """Why ``key`` is plainly too easy to guess, or None.

    See :func:`_key_bits`: a key that can be written down in fewer than 112
    bits is refused, saying what gives it away. A key made by
    :func:`new_key` holds 256 bits; one of ``secrets.token_hex(16)`` 128.

    >>> print(_weakness(b"0" * 32))
    it is one repeated byte (30 30 ...)
    >>> _weakness(b"0123456789abcdef") is not None  # 16 hex digits: 64 bits
    True
    >>> _weakness(b"7f3a9c0e5b12d4e6a8f0c2b4d6e8f0a1") is None  # like token_hex(16)
    True
    """
    if len(set(key)) == 1:
        return f"it is one repeated byte ({key[0]:02x} {key[0]:02x} ...)"
    bits = _key_bits(key)
    if bits < _MIN_KEY_BITS:
        return (
            f"its {len(key)} bytes can be written down in about {bits:.0f} bits (repeats, "
            f"runs, few distinct characters), fewer than the {_MIN_KEY_BITS} bits a key needs"
        )
    return None


_ALPHABETS = (
    (10, string.digits),
    (16, string.hexdigits.lower()),
    (16, string.hexdigits.upper() + string.digits),
    (26, string.ascii_lowercase),
    (26, string.ascii_uppercase),
    (52, string.ascii_letters),
    (62, string.ascii_letters + string.digits),
    (95, string.printable[:95]),
)


def _id_text(value: object) -> str:
    """The text that is hashed: stripped, integral numbers without ``.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def pseudonymise(
    data: pd.DataFrame,
    *,
    key: str | bytes | None = None,
    subject: str = "subject",
    drop_notes: bool = True,
    columns: list[str] | tuple[str, ...] | None = None,
    digits: int = 10,
    drop_unknown_tags: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Replace subject ids with keyed hashes and drop free-text columns.

    Parameters
    ----------
    data : pandas.DataFrame
        A diary, a survey table or any table with a subject id column. It is
        not changed.
    key : str or bytes
        A secret of at least 16 bytes, kept apart from the data (required);
        make one with :func:`new_key`.
        The same key gives the same pseudonym in every file, so pseudonymised
        diaries and surveys still join on ``subject``.
    subject : str, default "subject"
        Name of the id column.
    drop_notes : bool, default True
        Drop the free-text ``notes`` column (it often holds names, places and
        dates).
    columns : list of str, optional
        Further columns to drop (names, e-mail addresses, free-text answers).
        Every name must exist, so a typo cannot leave private data behind.
    digits : int, default 10
        Hexadecimal digits of the hash kept in each pseudonym (8 to 64).
    drop_unknown_tags : iterable of str, optional
        The tags to keep (``["heat", "physiotherapy"]``): every other tag is
        removed from the ``tags`` column, and a row left without tags gets a
        missing value. Tags are free text the patient typed, so they can
        hold names ("walk with Anna"), places or diagnoses.

    Returns
    -------
    pandas.DataFrame
        A copy of ``data`` with ``subject`` replaced by ``"P-"`` and
        ``digits`` hex digits (``string`` dtype, missing ids stay missing),
        without ``notes`` (when ``drop_notes``) and ``columns``, and with
        ``attrs`` cleared (they may hold file names). The rows are sorted by
        pseudonym (rows of one subject keep their order) with a new index:
        input sorted by real id, kept in that order, would let anyone who
        knows the ids' order (``P001``, ``P002``, ...) undo the pseudonyms
        without the key. Every other column is unchanged.

    Raises
    ------
    ValueError
        Without ``key``, with a key shorter than 16 bytes or plainly easy to
        guess (one repeated byte, or fewer than 112 bits once repeats and
        runs are counted, see the Notes), when a column is missing, or when
        two different ids get the same pseudonym.

    Notes
    -----
    The pseudonym is ``HMAC-SHA256(key, id)`` (RFC 2104), written in hex and
    cut to ``digits`` digits. The id is hashed as text with surrounding space
    removed, and whole numbers lose a trailing ``.0``, so ``12``, ``12.0`` and
    ``" 12"`` in a survey give the same pseudonym as ``"12"`` in a diary.

    A key is required, never generated: an unkeyed hash of a small id space
    (``P001`` ... ``P999``) is undone by hashing every candidate, and a key
    made afresh on each call would give the same person different ids in
    different files.

    Collisions: with 10 digits (40 bits) the chance that two of ``n``
    subjects share a pseudonym is about ``n**2 / 2**41``: 5e-5 for 10,000
    subjects. A collision within ``data`` raises, asking for a larger
    ``digits``; use that same ``digits`` for every file of the study.

    A plainly weak key is refused: one that can be written down in fewer
    than 112 bits, counting each character at the size of the smallest
    alphabet that holds the key (hex digits, letters, printable text, bytes)
    and a repeat or a run of five or more as its position and length (see
    :func:`_key_bits`); 112 bits is NIST's least security strength for keys
    (SP 800-57 Part 1 Rev. 5). Keys made by :func:`new_key` (256 bits) or
    ``secrets.token_hex(16)`` (128) pass. No check can prove a key random
    (a sentence of common words passes it): make keys with :func:`new_key`.

    Pseudonymised data are still personal data (GDPR recital 26): dates,
    rare values and text in other columns can identify a person. Free-text
    tags are such text: a tag can hold a name or a place. Keep only the
    tags the analysis needs with ``drop_unknown_tags=``.
    Checked against :func:`hmac.new` with :mod:`hashlib` ``sha256`` in the
    tests.

    References
    ----------
    .. [1] Krawczyk, Bellare & Canetti (1997). HMAC: Keyed-Hashing for Message
       Authentication. RFC 2104.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(2, 10, seed=1)
    >>> safe = pseudonymise(diary, key="a secret of 16+ bytes, kept elsewhere")
    >>> sorted(safe["subject"].unique())
    ['P-1232ea1760', 'P-50b8499919']
    >>> "S0001" in safe.to_string()
    False
    """
    secret = _key_bytes(key)
    check_type("data", data, pd.DataFrame, what="a pandas DataFrame")
    check_whole("digits", digits, low=8, high=64)
    if subject not in data.columns:
        where = (
            " (it is in the index: call data.reset_index() first)"
            if subject in data.index.names
            else ""
        )
        msg = (
            f"data has no column {subject!r}{where}; name the id column with subject=, "
            f"one of {list(data.columns)!r}"
        )
        raise ValueError(msg)
    drop = list(columns or [])
    check_columns(data, drop, hint="columns= names the columns of data to drop")
    if subject in drop:
        msg = f"columns= includes the id column {subject!r}; it is pseudonymised, not dropped"
        raise ValueError(msg)
    if drop_notes and "notes" in data.columns and "notes" != subject:
        drop.append("notes")

    ids = data[subject]
    codes, uniques = pd.factorize(ids, use_na_sentinel=True)
    texts = [_id_text(u) for u in uniques]
    hashed = [
        "P-" + hmac.new(secret, t.encode("utf-8"), hashlib.sha256).hexdigest()[:digits]
        for t in texts
    ]
    seen: dict[str, str] = {}
    for t, h in zip(texts, hashed, strict=True):
        if seen.setdefault(h, t) != t:
            msg = (
                f"two subject ids get the same pseudonym {h[:2]}... with digits={digits}; "
                f"pass a larger digits= (e.g. {min(digits + 4, 64)}) and use it for every "
                "file of this study"
            )
            raise ValueError(msg)
    if drop_unknown_tags is not None:
        check_columns(data, ["tags"], hint="drop_unknown_tags= needs a 'tags' column")
    lookup = pd.array([*hashed, pd.NA], dtype="string")
    out = data.drop(columns=drop).copy()
    out[subject] = pd.Series(lookup[codes], index=data.index, dtype="string")
    if drop_unknown_tags is not None and "tags" in out.columns:
        out["tags"] = _keep_tags(out["tags"], drop_unknown_tags)
    # sorted by pseudonym: the input's order (often by real id) must not show
    rank = np.append(np.argsort(np.argsort(hashed, kind="stable")), len(hashed))  # NA last
    out = out.iloc[np.argsort(rank[codes], kind="stable")].reset_index(drop=True)
    out.attrs = {}
    return out


def _keep_tags(tags: pd.Series, known: Iterable[str]) -> pd.Series:
    """Only the tags in ``known``, joined with ``|``; a cell left empty is missing."""
    if isinstance(known, str):
        msg = "drop_unknown_tags= takes a list of tags to keep, not one string"
        raise TypeError(msg)
    keep = {str(t).strip().lower() for t in known}
    codes, distinct = pd.factorize(tags, use_na_sentinel=True)
    cleaned = [
        TAG_SEP.join(t for t in str(cell).split(TAG_SEP) if t.strip().lower() in keep) or pd.NA
        for cell in distinct
    ]
    values = pd.array([*cleaned, pd.NA], dtype="string")
    return pd.Series(values[codes], index=tags.index, dtype="string")


# ------------------------------------------------------------------ writing
def _format_of(path: Any, format: str | None) -> str:
    if format is not None:
        fmt = _WRITERS.get(str(format).lower().lstrip("."))
        if fmt is None:
            check_choice("format", format, ("csv", "xlsx", "parquet"))
        return fmt
    if not isinstance(path, (str, os.PathLike)):
        msg = "pass format= ('csv', 'xlsx' or 'parquet') when writing to a file object"
        raise ValueError(msg)
    ext = Path(path).suffix.lower().lstrip(".")
    fmt = _WRITERS.get(ext) if ext != "excel" else None
    if fmt is None:
        msg = (
            f"{Path(path).name}: cannot tell the format from the extension {ext!r}; use .csv, "
            ".xlsx or .parquet, or pass format="
        )
        raise ValueError(msg)
    return fmt


def _check_text(frame: pd.DataFrame, fmt: str) -> None:
    """Refuse text the file format cannot hold, naming the column and the row.

    Excel: control characters and cells over 32,767 characters. CSV: the NUL
    character (a file holding one is taken for a binary file, by
    :func:`backpain.read_diary` too). The row is the one a spreadsheet would
    show in the written file (the header is row 1), and the cell's subject
    and date are named.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    checks = (
        [(ILLEGAL_CHARACTERS_RE.pattern, "privacy.excel_control"), (None, "privacy.excel_long")]
        if fmt == "xlsx"
        else [("\x00", "privacy.csv_nul")]
    )
    for col in frame.columns:
        values = frame[col]
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
            continue
        text = values.astype("string")
        for pattern, why in checks:
            if pattern is None:
                mask = (text.str.len() > 32767).fillna(False)
            else:
                mask = text.str.contains(pattern, regex=True).fillna(False)
            if mask.any():
                row = int(mask.to_numpy().argmax())
                key = "privacy.excel_text" if fmt == "xlsx" else "privacy.csv_text"
                msg = Message(
                    key,
                    column=col,
                    row=row + 2,
                    subject=str(frame["subject"].iloc[row]),
                    date=pd.Timestamp(frame["date"].iloc[row]).date().isoformat(),
                    why=Message(why),
                )
                raise ValueError(msg)


def _text_cells_as_text(sheet: Any, frame: pd.DataFrame) -> None:
    """Keep text such as ``#N/A`` a text cell (openpyxl makes it an error cell, read back empty)."""
    for j, col in enumerate(frame.columns, start=1):
        if not pd.api.types.is_string_dtype(frame[col]):
            continue
        for row in sheet.iter_rows(min_row=2, min_col=j, max_col=j):
            for cell in row:
                if cell.data_type == "e":
                    cell.data_type = "s"


def write_diary(diary: pd.DataFrame, path: Any, *, format: str | None = None) -> Path | None:
    """Write a canonical diary to CSV, Excel or Parquet, safe to open in a spreadsheet.

    Parameters
    ----------
    diary : pandas.DataFrame
        A canonical diary (one row per ``subject`` and ``date``), as
        :func:`backpain.read_diary` returns. It is not changed.
    path : str, path or binary file object
        Where to write. An existing file is replaced.
    format : {"csv", "xlsx", "parquet"}, optional
        Default: from the extension (``.csv``, ``.xlsx``, ``.parquet``).
        Required for file objects.

    Returns
    -------
    pathlib.Path or None
        The path written (``None`` for a file object). The file holds the
        canonical columns present, in canonical order (``subject``, ``date``,
        ``pain``, ``stress``, ``sleep_hours``, ``sleep_quality``, ``steps``,
        ``active_minutes``, ``mood``, ``tags``, ``notes``), then any other
        columns unchanged.

    Raises
    ------
    ValueError
        For an unknown format, a table that is not a diary (see
        :func:`backpain.check_diary`), text Excel cannot store (control
        characters, cells over 32,767 characters), or a NUL character in
        CSV text; the message names the column, the row, the subject and
        the date.

    Notes
    -----
    CSV is UTF-8 with a byte-order mark (so Excel shows accents), comma
    separated with CRLF line ends (RFC 4180), ``.`` decimals, rows sorted by
    ``subject`` and ``date`` (for pseudonymised data: by pseudonym), ISO dates (``2026-11-24``) and floats written
    with all their digits; Excel dates are date cells. Parquet keeps dtypes.

    Formula injection (OWASP "CSV Injection"): in CSV and Excel, every text
    cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return,
    after any apostrophes, gets a leading ``'`` so a spreadsheet shows it as
    text and never runs it; numbers are never changed. A note ``=)`` is
    written ``'=)``; :func:`unescape_formulas` undoes it exactly. Parquet
    files are not opened by spreadsheets and are written unchanged.

    Text comes back as written: in Excel, a note such as ``#N/A``,
    ``#DIV/0!`` or ``#REF!`` is a text cell, not an error value (which
    reads back empty), and a carriage return is stored as ``_x000D_``
    (ECMA-376), so text that itself holds ``_x000D_`` has its underscore
    escaped as ``_x005F_``; :func:`backpain.read_diary` undoes both.

    :func:`backpain.read_diary` gives back the same diary (dtypes included)
    for every diary it produced itself: it strips text and normalises tags
    (lower case, accents removed, sorted), so a hand-made diary round-trips
    when its tags and notes are already in that form.

    References
    ----------
    .. [1] OWASP Foundation. CSV Injection.
       https://owasp.org/www-community/attacks/CSV_Injection

    Examples
    --------
    >>> import io
    >>> from backpain import read_diary
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(2, 5, seed=3)
    >>> buffer = io.BytesIO()
    >>> write_diary(diary, buffer, format="csv")
    >>> back = read_diary(buffer.getvalue())
    >>> back.equals(diary)
    True
    """
    fmt = _format_of(path, format)
    check_diary(diary, need=())
    canonical = [c for c in COLUMNS if c in diary.columns]
    out = diary[canonical + [c for c in diary.columns if c not in COLUMNS]].copy()
    out.attrs = {}
    # rows in subject and date order, whatever order they came in
    out = out.sort_values(list(KEYS), kind="stable").reset_index(drop=True)
    out["subject"] = out["subject"].astype("string")
    for name in canonical:
        if VARIABLES[name].kind == "number":
            out[name] = out[name].astype("float64")
        elif name not in KEYS:
            out[name] = out[name].astype("string")
    target = Path(path) if isinstance(path, (str, os.PathLike)) else path
    if fmt == "parquet":
        out.to_parquet(target, index=False)
    else:
        out = out.apply(escape_formulas)
        out.columns = escape_formulas(pd.Series(out.columns, dtype="object")).tolist()
        _check_text(out, fmt)
        if fmt == "csv":
            out.to_csv(
                target,
                index=False,
                encoding="utf-8-sig",
                date_format="%Y-%m-%d",
                lineterminator="\r\n",
            )
        else:
            out = out.apply(excel_cr)
            with pd.ExcelWriter(
                target, engine="openpyxl", date_format="YYYY-MM-DD", datetime_format="YYYY-MM-DD"
            ) as writer:
                out.to_excel(writer, index=False, sheet_name="diary")
                _text_cells_as_text(writer.sheets["diary"], out)
    return target if isinstance(target, Path) else None
