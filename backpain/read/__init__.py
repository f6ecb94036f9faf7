"""Step 1 of the flow: read diaries (any supported format) into the canonical diary.

:data:`FORMATS` lists every format in detection order: each a *detector* (is
this content my format? why not?), a *reader* and the options it takes.
:func:`read_diary` tries the detectors in order on the file's content, never
its name, and the generic table reader last.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from .._config import language
from .._progress import track
from ..errors import DiaryError, OptionNotTaken
from ..text import Message
from . import (
    apple_health,
    apple_health_csv,
    bearable,
    daylio,
    fitbit,
    fitbit_web,
    flaredown,
    garmin,
    google_fit_daily,
    health_auto_export,
    samsung_health,
    table,
)
from ._dask import read_dask, write_cohort_parquet
from ._format import Format, detect_format
from ._report import LoadReport
from ._source import Source, open_source
from ._subject import select_subject

__all__ = [
    "FORMATS",
    "Format",
    "LoadReport",
    "choose_format",
    "read_dask",
    "read_diary",
    "select_subject",
    "write_cohort_parquet",
]

FORMATS: dict[str, Format] = {
    fmt.name: fmt
    for fmt in (
        apple_health.FORMAT,
        bearable.FORMAT,
        daylio.FORMAT,
        fitbit.FORMAT,
        fitbit.GOOGLE_FIT_FORMAT,
        flaredown.FORMAT,
        flaredown.USER_FORMAT,
        # the wearable files after the apps: each is recognised by its own header
        apple_health_csv.FORMAT,
        google_fit_daily.FORMAT,
        health_auto_export.FORMAT,
        samsung_health.FORMAT,
        fitbit_web.CSV_FORMAT,
        fitbit_web.API_FORMAT,
        garmin.FORMAT,
        table.FORMAT,  # the generic table last: it takes any table
    )
}
"""Every diary format, in detection order (the generic ``table`` comes last)."""


def _formats_list() -> str:
    return ", ".join(repr(f) for f in FORMATS)


def read_diary(
    source: Any,
    *,
    format: str = "auto",
    subject: str | None = None,
    return_report: bool = False,
    progress: bool | None = None,
    lang: str | None = None,
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
        One meaning for every reader: in a file that names its people (a
        ``subject`` column, Flaredown's ``user_id``), keep only this person;
        a file without such a column holds one person, and ``subject`` is its
        name (default: the file name without its extension, ``"me"`` for the
        wearables). See :func:`select_subject`.
    return_report : bool, default False
        Also return the :class:`~backpain.LoadReport`.
    progress : bool, optional
        Show a progress bar for a list of files and inside readers of big
        exports (Apple Health) in this call; default: the setting
        (``backpain.config(progress=...)``), by default only in a terminal
        or Jupyter, never in a script writing to a file
        (``BACKPAIN_PROGRESS=0/1`` overrides).
    lang : {"en", "nl"}, optional
        Language of the progress bars in this call; default: the setting
        (``backpain.config(lang=...)``).
    **options
        Passed to the format's reader. For tables: ``columns`` (``{"your
        header": "pain"}``), ``dayfirst`` (force the date order),
        ``pain_scale`` (10, or 100 for a 0-100 scale, divided by 10),
        ``sheet`` (the spreadsheet sheet to read, by name or 0-based
        position; default: the first visible sheet with a date column, and
        the report names the sheets not read), ``sep``, ``decimal``,
        ``encoding``. Each format takes its own options
        (``backpain.read.FORMATS[name].options``; ``dayfirst`` in every reader
        of CSV dates); for one file, an option its format does not take is an
        error; for a list, each file gets the options its format takes.

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
    TypeError
        For an option the file's format does not take (the message names the
        format and the options it takes), or, with a list, that no format takes.

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
    lang = language(lang)
    shown = {"progress": progress, "lang": lang}
    if isinstance(source, (list, tuple)):
        from .merge import merge_diaries

        _check_options_known(options)
        parts = [
            _read_one(s, format, subject, _options_of, options, shown)
            for s in track(source, "progress.files", lang=lang, show=progress)
        ]
        diary, report = merge_diaries(parts, return_report=True)
    else:
        diary, report = _read_one(source, format, subject, _options_for, options, shown)
    if return_report:
        return diary, report
    return diary


def _read_one(
    source: Any,
    format: str,
    subject: str | None,
    pick: Callable[[Format, str, dict[str, Any]], dict[str, Any]],
    options: dict[str, Any],
    shown: dict[str, Any],
) -> tuple[pd.DataFrame, LoadReport]:
    """Read one file (or DataFrame) with the options ``pick(fmt, name, options)`` gives it."""
    if isinstance(source, pd.DataFrame):
        fmt = FORMATS["table"]
        return select_subject(*fmt.read(source, **pick(fmt, "<DataFrame>", options)), subject)
    src = open_source(source)
    if src.size == 0:
        msg = Message("read.error.empty_bytes", source=src.name)
        raise DiaryError(msg)
    fmt = choose_format(src, format)
    mine = pick(fmt, src.name, options)
    mine.update({k: v for k, v in shown.items() if k in fmt.options})
    if fmt.selects_subject:
        return fmt.read(src, subject=subject, **mine)
    return select_subject(*fmt.read(src, **mine), subject)


def _options_for(fmt: Format, name: str, options: dict[str, Any]) -> dict[str, Any]:
    """``options`` for one file read alone: each must be one the chosen format takes."""
    unknown = sorted(set(options) - fmt.options)
    if unknown:
        raise OptionNotTaken(name, fmt.name, unknown, sorted(fmt.options))
    return dict(options)


def _options_of(fmt: Format, name: str, options: dict[str, Any]) -> dict[str, Any]:
    """The ``options`` (given for a list of files) that ``fmt`` takes."""
    return {k: v for k, v in options.items() if k in fmt.options}


def _check_options_known(options: dict[str, Any]) -> None:
    """Options given with a list must be taken by at least one format."""
    known = frozenset().union(*(fmt.options for fmt in FORMATS.values()))
    unknown = sorted(set(options) - known)
    if unknown:
        msg = f"option(s) {unknown} are not taken by any format ({_formats_list()})"
        raise TypeError(msg)


def choose_format(src: Source, format: str) -> Format:
    """The :class:`Format` of ``src``: ``format`` by name, or the first whose detector takes it.

    Raises :class:`~backpain.DiaryError` listing every format tried and why
    none matched.
    """
    if format != "auto":
        if format not in FORMATS:
            msg = f"format={format!r} is not known; use 'auto' or one of {_formats_list()}"
            raise ValueError(msg)
        return FORMATS[format]
    fmt, tried = detect_format(FORMATS.values(), src)
    if fmt is not None:
        return fmt
    msg = Message("read.error.unknown_format", source=src.name, tried=tried)
    raise DiaryError(msg)
