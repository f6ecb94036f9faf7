"""Step 1 of the flow: read diaries (any supported format) into the canonical diary.

Each format module registers a *detector* (does this content look like my
format? why not?) and a *reader* in :data:`FORMATS`. :func:`read_diary` tries
the detectors in order on the file's content, never its name, and the generic
table reader last.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..errors import DiaryError
from ..text import Message
from ._dask import read_dask, write_cohort_parquet
from ._report import LoadReport
from ._source import Source, open_source
from .table import detect_table, read_table

__all__ = [
    "FORMATS",
    "Format",
    "LoadReport",
    "read_dask",
    "read_diary",
    "register_format",
    "write_cohort_parquet",
]


@dataclass(frozen=True)
class Format:
    """A diary file format.

    Attributes
    ----------
    name : str
        Value of ``read_diary(format=...)``.
    detect : callable
        ``detect(source) -> str | DiaryError | None``: ``None`` when the
        content matches, else a short reason why it does not (shown when
        nothing matches). A :class:`~backpain.DiaryError` means "this is my
        format, but it cannot be read": detection stops and that error, with
        the format's own reason, is raised.
    read : callable
        ``read(source, *, subject=None, **options) -> (diary, LoadReport)``.
    """

    name: str
    detect: Callable[[Source], str | DiaryError | None]
    read: Callable[..., tuple[pd.DataFrame, LoadReport]]


FORMATS: dict[str, Format] = {}
"""Registered formats, in detection order (the generic ``table`` comes last)."""


def register_format(fmt: Format) -> None:
    """Add a format before the generic table format."""
    table = FORMATS.pop("table", None)
    FORMATS[fmt.name] = fmt
    if table is not None:
        FORMATS["table"] = table


register_format(Format("table", detect_table, read_table))


def _formats_list() -> str:
    return ", ".join(repr(f) for f in FORMATS)


def read_diary(
    source: Any,
    *,
    format: str = "auto",
    subject: str | None = None,
    return_report: bool = False,
    **options: Any,
) -> pd.DataFrame | tuple[pd.DataFrame, LoadReport]:
    """Read a pain diary into the canonical daily table.

    Parameters
    ----------
    source : path, str, bytes, file object, pandas.DataFrame, or list of these
        The diary. CSV/TSV (any separator, decimal comma, UTF-8, UTF-8 with
        BOM or Windows-1252), Excel ``.xlsx``, Parquet or JSON records, or an
        app export (see ``backpain.read.FORMATS``). A list is read file by
        file and merged per subject and day (see :func:`backpain.merge_diaries`).
    format : str, default "auto"
        ``"auto"`` detects the format from the content; otherwise one of
        ``backpain.read.FORMATS``.
    subject : str, optional
        Subject id for files without a subject column (default: the file name
        without its extension).
    return_report : bool, default False
        Also return the :class:`~backpain.LoadReport`.
    **options
        Passed to the format's reader. For tables: ``columns`` (``{"your
        header": "pain"}``), ``dayfirst`` (force the date order),
        ``pain_scale`` (10, or 100 for a 0-100 scale, divided by 10),
        ``sheet_name``, ``sep``, ``decimal``, ``encoding``.

    Returns
    -------
    diary : pandas.DataFrame
        One row per subject and calendar day: ``subject`` (string), ``date``
        (datetime64, midnight), ``pain`` (0-10) and, where the source has
        them, ``stress``, ``sleep_hours``, ``sleep_quality``, ``steps``,
        ``active_minutes``, ``mood``, ``tags`` (``"heat|physiotherapy"``),
        ``notes``. See :mod:`backpain.schema`.
    report : LoadReport
        With ``return_report=True``. Accounts for every input row:
        ``rows_read == rows_kept + rows_merged + rows_duplicate + rows_ignored +
        rows_rejected`` (``rows_duplicate``: rows that repeat another row of the
        same day exactly, counted once); ``report.rejected`` lists each rejected row with its reason.

    Raises
    ------
    DiaryError
        When the file cannot be read at all (empty, not a table, no date or
        pain column, unknown format, a 0-100 scale without ``pain_scale=100``).

    Notes
    -----
    Rows with an invalid value (pain ``"veel"``, pain 11, an unparseable
    date) are rejected whole, never guessed, and listed in the report.
    Several entries on one day are combined: ratings by their mean, steps,
    active minutes and sleep hours by their sum, tags by their union, notes
    joined. The order of numeric dates (``03/04/2026``) is decided from the
    whole column; when every date is ambiguous a Dutch/Belgian file
    (``;`` separator, decimal comma or Dutch headers) is read day-first and any
    other file raises, asking for ``dayfirst=``.

    Examples
    --------
    >>> import io
    >>> csv = "datum;pijn;stress;uren slaap\\n24-11-2026;6,5;7;5,5\\n25-11-2026;4;3;8\\n"
    >>> diary, report = read_diary(io.BytesIO(csv.encode("cp1252")), subject="me",
    ...                            return_report=True)
    >>> diary[["subject", "pain", "sleep_hours"]]
      subject  pain  sleep_hours
    0      me   6.5          5.5
    1      me   4.0          8.0
    >>> report.rows_read, report.rows_kept, report.rows_rejected
    (2, 2, 0)
    """
    if isinstance(source, (list, tuple)):
        from .merge import merge_diaries

        _check_options_known(options)
        parts = [_read_one_of_many(s, format, subject, options) for s in source]
        diary, report = merge_diaries(parts)
    elif isinstance(source, pd.DataFrame):
        diary, report = read_table(source, subject=subject, **options)
    else:
        src = open_source(source)
        if src.size == 0:
            msg = Message("read.error.empty_bytes", source=src.name)
            raise DiaryError(msg)
        fmt = _choose(src, format)
        try:
            diary, report = fmt.read(src, subject=subject, **options)
        except TypeError as exc:
            if "unexpected keyword" in str(exc):
                msg = f"{src.name}: option not understood by the {fmt.name!r} reader: {exc}"
                raise TypeError(msg) from exc
            raise
    if return_report:
        return diary, report
    return diary


def _read_one_of_many(
    source: Any,
    format: str,
    subject: str | None,
    options: dict[str, Any],
) -> tuple[pd.DataFrame, LoadReport]:
    """Read one file of a list, passing it only the options its reader takes."""
    if isinstance(source, pd.DataFrame):
        return read_table(source, subject=subject, **options)
    src = open_source(source)
    fmt = _choose(src, format)
    accepted = inspect.signature(fmt.read).parameters
    if any(p.kind is p.VAR_KEYWORD for p in accepted.values()):
        mine = dict(options)
    else:
        mine = {k: v for k, v in options.items() if k in accepted}
    return fmt.read(src, subject=subject, **mine)


def _check_options_known(options: dict[str, Any]) -> None:
    """Options given with a list must be understood by at least one reader."""
    known: set[str] = set()
    for fmt in FORMATS.values():
        known |= set(inspect.signature(fmt.read).parameters)
    unknown = sorted(set(options) - known)
    if unknown:
        msg = f"option(s) {unknown} are not understood by any reader ({_formats_list()})"
        raise TypeError(msg)


def _choose(src: Source, format: str) -> Format:
    if format != "auto":
        if format not in FORMATS:
            msg = f"format={format!r} is not known; use 'auto' or one of {_formats_list()}"
            raise ValueError(msg)
        return FORMATS[format]
    reasons = []
    for fmt in FORMATS.values():
        why = fmt.detect(src)
        if why is None:
            return fmt
        if isinstance(why, DiaryError):
            raise why
        reasons.append(Message("read.list.named", name=fmt.name, text=why))
    tried = reasons[-1]
    for reason in reversed(reasons[:-1]):
        tried = Message("read.list.semicolon", first=reason, rest=tried)
    msg = Message("read.error.unknown_format", source=src.name, tried=tried)
    raise DiaryError(msg)


# --- app formats: each module registers itself on import, in detection order ---
# (the wearable CSVs after the apps: each is recognised by its own header)
from . import apple_health, bearable, daylio, fitbit, flaredown  # noqa: E402, F401, I001
from . import apple_health_csv, google_fit_daily, health_auto_export  # noqa: E402, F401
from . import samsung_health  # noqa: E402, F401
