"""Keep private data private: pseudonymise subjects and write diaries safely.

:func:`pseudonymise` replaces subject ids with keyed hashes and drops free
text; :func:`write_diary` writes the canonical diary to CSV, Excel or Parquet
so that :func:`backpain.read_diary` gives it back, with spreadsheet formula
injection neutralised. Nothing here uses the network.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path
from typing import Any

import pandas as pd

from .read._cells import FORMULA_PREFIXES, escape_formulas, excel_cr, unescape_formulas
from .schema import COLUMNS, KEYS, VARIABLES
from .validate import check_diary

__all__ = [
    "FORMULA_PREFIXES",
    "escape_formulas",
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
            "secrets.token_hex(16), stored outside the data). Without a secret, "
            "anyone could hash every plausible id ('P001' ... 'P999', patient "
            "numbers) and undo the pseudonyms; with a random key made afresh each "
            "time, the same person would get a different id in every file, so "
            "diaries and surveys would no longer join. Use the same key for every "
            "file of one study."
        )
        raise ValueError(msg)
    if isinstance(key, str):
        key = key.encode("utf-8")
    if not isinstance(key, (bytes, bytearray)):
        msg = f"key must be a str or bytes secret, not {type(key).__name__}"
        raise TypeError(msg)
    if len(key) < _MIN_KEY_BYTES:
        msg = (
            f"key is {len(key)} bytes long; use a secret of at least {_MIN_KEY_BYTES} "
            "bytes (for example secrets.token_hex(16)) so the ids cannot be guessed"
        )
        raise ValueError(msg)
    return bytes(key)


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
) -> pd.DataFrame:
    """Replace subject ids with keyed hashes and drop free-text columns.

    Parameters
    ----------
    data : pandas.DataFrame
        A diary, a survey table or any table with a subject id column. It is
        not changed.
    key : str or bytes
        A secret of at least 16 bytes, kept apart from the data (required).
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

    Returns
    -------
    pandas.DataFrame
        A copy of ``data`` with ``subject`` replaced by ``"P-"`` and
        ``digits`` hex digits (``string`` dtype, missing ids stay missing),
        without ``notes`` (when ``drop_notes``) and ``columns``, and with
        ``attrs`` cleared (they may hold file names). Every other column is
        unchanged.

    Raises
    ------
    ValueError
        Without ``key``, with a key shorter than 16 bytes, when a column is
        missing, or when two different ids get the same pseudonym.

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

    Pseudonymised data are still personal data (GDPR recital 26): dates,
    rare values and text in other columns can identify a person.
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
    if not isinstance(data, pd.DataFrame):
        msg = f"data must be a pandas DataFrame, not {type(data).__name__}"
        raise TypeError(msg)
    if isinstance(digits, bool) or not isinstance(digits, int) or not 8 <= digits <= 64:
        msg = f"digits must be a whole number from 8 to 64, not {digits!r}"
        raise ValueError(msg)
    if subject not in data.columns:
        where = (
            " (it is in the index: call data.reset_index() first)"
            if subject in (data.index.names)
            else ""
        )
        msg = (
            f"data has no column {subject!r}{where}; name the id column with "
            f"subject=, one of {list(data.columns)}"
        )
        raise ValueError(msg)
    drop = list(columns or [])
    missing = [c for c in drop if c not in data.columns]
    if missing:
        msg = (
            f"columns= names {missing}, which are not in data; the columns are {list(data.columns)}"
        )
        raise ValueError(msg)
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
                f"pass a larger digits= (e.g. {min(digits + 4, 64)}) and use it for "
                "every file of this study"
            )
            raise ValueError(msg)
    lookup = pd.array([*hashed, pd.NA], dtype="string")
    out = data.drop(columns=drop).copy()
    out[subject] = pd.Series(lookup[codes], index=data.index, dtype="string")
    out.attrs = {}
    return out


# ------------------------------------------------------------------ writing
def _format_of(path: Any, format: str | None) -> str:
    if format is not None:
        fmt = _WRITERS.get(str(format).lower().lstrip("."))
        if fmt is None:
            msg = f"format={format!r} is not known; use 'csv', 'xlsx' or 'parquet'"
            raise ValueError(msg)
        return fmt
    if not isinstance(path, (str, os.PathLike)):
        msg = "pass format= ('csv', 'xlsx' or 'parquet') when writing to a file object"
        raise ValueError(msg)
    ext = Path(path).suffix.lower().lstrip(".")
    fmt = _WRITERS.get(ext) if ext != "excel" else None
    if fmt is None:
        msg = (
            f"{Path(path).name}: cannot tell the format from the extension {ext!r}; "
            "use .csv, .xlsx or .parquet, or pass format="
        )
        raise ValueError(msg)
    return fmt


def _check_excel_text(frame: pd.DataFrame) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for col in frame.columns:
        values = frame[col]
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
            continue
        text = values.astype("string")
        bad = text.str.contains(ILLEGAL_CHARACTERS_RE.pattern, regex=True).fillna(False)
        long = (text.str.len() > 32767).fillna(False)
        for mask, why in ((bad, "holds control characters"), (long, "exceeds 32,767 characters")):
            if mask.any():
                row = mask.to_numpy().argmax()
                msg = (
                    f"column {col!r}, row {row}: the text {why}, which Excel cannot "
                    "store; write CSV or Parquet instead, or clean the text"
                )
                raise ValueError(msg)


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
        :func:`backpain.check_diary`), or text Excel cannot store.

    Notes
    -----
    CSV is UTF-8 with a byte-order mark (so Excel shows accents), comma
    separated with CRLF line ends (RFC 4180), ``.`` decimals, ISO dates (``2026-11-24``) and floats written
    with all their digits; Excel dates are date cells. Parquet keeps dtypes.

    Formula injection (OWASP "CSV Injection"): in CSV and Excel, every text
    cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return,
    after any apostrophes, gets a leading ``'`` so a spreadsheet shows it as
    text and never runs it; numbers are never changed. A note ``=)`` is
    written ``'=)``; :func:`unescape_formulas` undoes it exactly. Parquet
    files are not opened by spreadsheets and are written unchanged.

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
    out = out.reset_index(drop=True)
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
        if fmt == "csv":
            out.to_csv(
                target,
                index=False,
                encoding="utf-8-sig",
                date_format="%Y-%m-%d",
                lineterminator="\r\n",
            )
        else:
            _check_excel_text(out)
            out = out.apply(excel_cr)
            with pd.ExcelWriter(
                target, engine="openpyxl", date_format="YYYY-MM-DD", datetime_format="YYYY-MM-DD"
            ) as writer:
                out.to_excel(writer, index=False, sheet_name="diary")
    return target if isinstance(target, Path) else None
