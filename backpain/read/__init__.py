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

from .._progress import track
from ..errors import DiaryError
from ..text import Message, check_lang
from ._dask import read_dask, write_cohort_parquet
from ._report import LoadReport
from ._source import Source, open_source
from .table import detect_table, read_table

__all__ = [
    "FORMATS",
    "Format",
    "LoadReport",
    "choose_format",
    "read_dask",
    "read_diary",
    "register_format",
    "select_subject",
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
    selects_subject : bool, default False
        True when ``read`` applies ``subject=`` itself, with the meaning of
        :func:`select_subject`, before it combines rows into days (so that
        the other people's rows are counted exactly). Otherwise
        :func:`read_diary` reads the file without ``subject`` and applies
        :func:`select_subject` to the diary.
    """

    name: str
    detect: Callable[[Source], str | DiaryError | None]
    read: Callable[..., tuple[pd.DataFrame, LoadReport]]
    selects_subject: bool = False


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
    progress: bool | None = None,
    lang: str = "en",
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
        exports (Apple Health); default: only in a terminal or Jupyter,
        never in a script writing to a file (``BACKPAIN_PROGRESS=0/1``
        overrides).
    lang : {"en", "nl"}, default "en"
        Language of the progress bars.
    **options
        Passed to the format's reader. For tables: ``columns`` (``{"your
        header": "pain"}``), ``dayfirst`` (force the date order),
        ``pain_scale`` (10, or 100 for a 0-100 scale, divided by 10),
        ``sheet`` (the spreadsheet sheet to read, by name or 0-based
        position; default: the first visible sheet with a date column, and
        the report names the sheets not read), ``sep``, ``decimal``,
        ``encoding``.

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
    check_lang(lang)
    if isinstance(source, (list, tuple)):
        from .merge import merge_diaries

        _check_options_known(options)
        shown = {"progress": progress, "lang": lang}
        parts = [
            _read_one_of_many(s, format, subject, options, shown)
            for s in track(source, "progress.files", lang=lang, show=progress)
        ]
        diary, report = merge_diaries(parts, return_report=True)
    elif isinstance(source, pd.DataFrame):
        diary, report = select_subject(*read_table(source, **options), subject)
    else:
        src = open_source(source)
        if src.size == 0:
            msg = Message("read.error.empty_bytes", source=src.name)
            raise DiaryError(msg)
        fmt = choose_format(src, format)
        options.update(_named_options(fmt, {"progress": progress, "lang": lang}))
        try:
            diary, report = _read_with_subject(fmt, src, subject, options)
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
    shown: dict[str, Any],
) -> tuple[pd.DataFrame, LoadReport]:
    """Read one file of a list, passing it only the options its reader takes."""
    if isinstance(source, pd.DataFrame):
        return select_subject(*read_table(source, **options), subject)
    src = open_source(source)
    fmt = choose_format(src, format)
    accepted = inspect.signature(fmt.read).parameters
    if any(p.kind is p.VAR_KEYWORD for p in accepted.values()):
        mine = dict(options)
    else:
        mine = {k: v for k, v in options.items() if k in accepted}
    mine.update(_named_options(fmt, shown))
    return _read_with_subject(fmt, src, subject, mine)


def _named_options(fmt: Format, options: dict[str, Any]) -> dict[str, Any]:
    """The options a reader names in its signature (``progress``, ``lang``)."""
    accepted = inspect.signature(fmt.read).parameters
    return {k: v for k, v in options.items() if k in accepted}


def _read_with_subject(
    fmt: Format, src: Source, subject: str | None, options: dict[str, Any]
) -> tuple[pd.DataFrame, LoadReport]:
    """Read once, applying ``subject=`` in the reader or to its diary."""
    if fmt.selects_subject:
        return fmt.read(src, subject=subject, **options)
    return select_subject(*fmt.read(src, **options), subject)


SHOWN_SUBJECTS = 5
"""How many of a file's people an error about ``subject=`` names."""


def select_subject(
    diary: pd.DataFrame, report: LoadReport, subject: str | None
) -> tuple[pd.DataFrame, LoadReport]:
    """Apply ``subject=`` to a diary just read: keep one person, or name the one.

    Parameters
    ----------
    diary : pandas.DataFrame
        The canonical diary a reader returned (read without ``subject``).
    report : LoadReport
        Its report; ``report.columns["subject"]`` tells where the subject ids
        came from: a column of the file (a header name), or not (a
        :class:`~backpain.text.Message` such as "file name").
    subject : str or None
        ``None`` changes nothing.

    Returns
    -------
    diary, report
        - A file whose ids come from a column (a table's ``subject`` column,
          Flaredown's ``user_id``) may hold several people: only the rows of
          ``subject`` are kept, even when the file holds one person. The
          file is read once and whole; when it had one row per person and
          day (nothing combined, no duplicates) the other people's rows are
          counted as ignored, so the counts add up for the rows kept;
          otherwise which person a combined row belonged to is not known
          after reading, the counts stay those of the whole file and
          ``report.notes`` says so.
        - A file without such a column holds one person: ``subject`` is its
          name (it never renames a person a file names itself).

    Raises
    ------
    DiaryError
        When the file names its people and ``subject`` is not one of them:
        the message names the first few present and how to choose one.
    """
    if subject is None:
        return diary, report
    subject = str(subject)
    origin = report.columns.get("subject")
    if origin is None or isinstance(origin, Message):
        diary = diary.assign(subject=pd.Series(subject, index=diary.index, dtype="string"))
        report.columns["subject"] = Message("read.origin.given")
        return diary, report
    ids = diary["subject"].astype("string")
    present = ids.dropna().drop_duplicates().sort_values().tolist()
    if not present:  # no usable row at all: the caller says why
        return diary, report
    if subject not in present:
        raise subject_error(report.source, subject, str(origin), present)
    keep = (ids == subject).fillna(False).to_numpy()
    others = int((~keep).sum())
    if report.rows_merged == 0 and report.rows_duplicate == 0:
        # one input row per day: the other people's days are their rows
        report.rows_kept -= others
        report.ignore(others, other_people(subject, len(present) - 1))
    else:
        report.notes.append(
            Message(
                "formats.subject.kept",
                subject=subject,
                days=int(keep.sum()),
                total=len(diary),
                n=len(present),
            )
        )
    return diary[keep].reset_index(drop=True), report


def other_people(subject: str, n: int) -> Message:
    """The ignored-rows category of the people ``subject=`` left out."""
    return Message("formats.subject.other_rows", subject=subject, n=n)


def subject_error(source: str, subject: str, column: str, present: list[str]) -> DiaryError:
    """The error for a ``subject`` that a file naming its people does not name."""
    shown = ", ".join(repr(p) for p in present[:SHOWN_SUBJECTS])
    if len(present) > SHOWN_SUBJECTS:
        shown += ", ..."
    msg = Message(
        "formats.subject.unknown",
        source=source,
        subject=subject,
        column=column,
        n=len(present),
        shown=shown or "-",
        example=present[0] if present else "ID",
    )
    return DiaryError(msg)


def _check_options_known(options: dict[str, Any]) -> None:
    """Options given with a list must be understood by at least one reader."""
    known: set[str] = set()
    for fmt in FORMATS.values():
        known |= set(inspect.signature(fmt.read).parameters)
    unknown = sorted(set(options) - known)
    if unknown:
        msg = f"option(s) {unknown} are not understood by any reader ({_formats_list()})"
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
    found = []
    for fmt in FORMATS.values():
        why = fmt.detect(src)
        if why is None:
            return fmt
        if isinstance(why, DiaryError):
            raise why
        found.append((fmt.name, why))
    # the list of reasons is worded only when no format matched
    reasons = [Message("read.list.named", name=name, text=why) for name, why in found]
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
from . import fitbit_web, garmin  # noqa: E402, F401
