"""Apple Health exports (``export.zip`` or its ``export.xml``): back pain, sleep, steps.

The export is parsed as a stream with :mod:`pyexpat` (the C parser under
:mod:`xml.etree`) and the protections of ``defusedxml``: entity declarations,
external entities and external DTDs are refused, so "billion laughs" and XXE
files raise a :class:`~backpain.DiaryError` before anything is expanded or
fetched. No element tree is built: each ``<Record>`` is handled as it is read
and only per-day totals are kept, so a multi-GB export runs in bounded memory.
A zip is read member by member without unpacking to disk, after its
uncompressed size has been checked against the zip directory.
"""

from __future__ import annotations

import os
import pyexpat
import re
import sys
import zipfile
import zlib
from datetime import date, datetime, timedelta, timezone
from typing import IO, Any

import numpy as np
import pandas as pd

from .._catalogue import register_texts
from .._progress import Bar, progress_bar
from ..errors import DiaryError
from ..text import Message
from ._apple_rules import (
    ASLEEP_VALUES,
    BAD_DATE,
    PAIN,
    PAIN_PREFIX,
    PAIN_SEVERITY,
    SLEEP,
    STAMP,
    STEPS,
    Scan,
    compact_sleep,
    daily_entries,
    future_reason,
    pain_severity,
)
from ._build import build_diary
from ._format import MATCH, Detected, Format, not_mine
from ._problems import Reason, problem_frame
from ._report import LoadReport
from ._source import Source, open_source
from ._wearable import one_person

__all__ = [
    "ASLEEP_VALUES",
    "FORMAT",
    "MAX_ELEMENT_BYTES",
    "MAX_UNZIPPED_BYTES",
    "MAX_ZIP_RATIO",
    "PAIN_SEVERITY",
    "detect_apple_health",
    "read_apple_health",
]

# This reader's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "read.apple.broken_xml": (
            "{source}: the XML is broken at line {line}, column {col} ({detail}) after {n} "
            "records. The export is probably incomplete (a truncated download or unzip); export "
            "it again from the Health app.",
            "{source}: de XML is kapot op regel {line}, teken {col} ({detail}) na {n} records. "
            "De export is waarschijnlijk onvolledig (een afgebroken download of uitpakking); "
            "exporteer opnieuw uit de app Gezondheid.",
        ),
        "read.apple.cannot_open": (
            "{source}: cannot open {member} inside the zip ({detail}).",
            "{source}: kan {member} in de zip niet openen ({detail}).",
        ),
        "read.apple.damaged_zip": (
            "{source}: the zip file is damaged ({detail}); export it again from the Health app.",
            "{source}: het zip-bestand is beschadigd ({detail}); exporteer opnieuw uit de app "
            "Gezondheid.",
        ),
        "read.apple.element": ("<{tag}> element", "element <{tag}>"),
        "read.apple.element_too_big": (
            "{source}: {size} bytes after byte {offset} (after record {n}) hold no complete "
            "element, over the limit of {limit} bytes per element (limit: element size); an "
            "Apple Health record is under 2 KB. The file is damaged or not an export: export "
            "it again from the Health app.",
            "{source}: de {size} bytes na byte {offset} (na record {n}) bevatten geen volledig "
            "element, boven de grens van {limit} bytes per element (grens: grootte van een "
            "element); een record van Apple Health is kleiner dan 2 KB. Het bestand is "
            "beschadigd of geen export: exporteer het opnieuw uit de app Gezondheid.",
        ),
        "read.apple.locale": (
            "export locale {locale}; only step counts, sleep and back-pain severity are read, "
            "which do not depend on the locale's units",
            "taalinstelling van de export {locale}; alleen stappen, slaap en de ernst van "
            "rugpijn worden gelezen, en die hangen niet af van de eenheden van die instelling",
        ),
        "read.apple.no_export_date": (
            "no readable <ExportDate>: records dated in the future were not checked",
            "geen leesbare <ExportDate>: records met een datum in de toekomst zijn niet nagekeken",
        ),
        "read.apple.no_export_in_zip": (
            "{source}: the zip holds no Apple Health export.xml (files: {files}). Pass the "
            "export.zip the Health app made, or the export.xml inside it.",
            "{source}: de zip bevat geen export.xml van Apple Health (bestanden: {files}). Kies "
            "de export.zip die de app Gezondheid maakte, of de export.xml daarin.",
        ),
        "read.apple.no_health_data": (
            "{source}: no <HealthData> element found; this is not an Apple Health export.",
            "{source}: geen element <HealthData> gevonden; dit is geen export van Apple Health.",
        ),
        "read.apple.several_exports": (
            "{source}: the zip holds more than one Apple Health export ({members}); reading one "
            "would leave the other out. Unzip it and read each export.xml on its own (or together "
            "as a list, to merge them per day).",
            "{source}: de zip bevat meer dan één export van Apple Health ({members}); er één lezen "
            "zou de andere weglaten. Pak de zip uit en lees elke export.xml apart (of samen als "
            "lijst, om ze per dag samen te voegen).",
        ),
        "read.apple.unreadable_zip": (
            "{source}: not a readable zip file ({detail}); export it again.",
            "{source}: geen leesbaar zip-bestand ({detail}); exporteer opnieuw.",
        ),
        "read.apple.unsafe_xml": (
            "{source}: the XML declares {what}, which an Apple Health export never does; refused "
            "for safety (entity expansion and external references can exhaust memory or read "
            "other files). If the file came from the Health app, export it again.",
            "{source}: de XML declareert {what}, wat een export van Apple Health nooit doet; "
            "geweigerd voor de veiligheid (entiteiten en externe verwijzingen kunnen het geheugen "
            "uitputten of andere bestanden lezen). Komt het bestand uit de app Gezondheid, "
            "exporteer het dan opnieuw.",
        ),
        "read.apple.untyped_record": ("<Record> without a type", "<Record> zonder soort"),
        "read.apple.wrong_root": (
            "{source}: the XML's root element is <{tag}>, not <HealthData>: this is not an Apple "
            "Health export.",
            "{source}: het hoofdelement van de XML is <{tag}>, geen <HealthData>: dit is geen "
            "export van Apple Health.",
        ),
        "read.apple.zip_bomb": (
            "{source}: {member} would unpack to {size:,} bytes ({ratio:.0f} times its packed size); refused before unpacking. This looks like a zip bomb; if it is a genuine export, {option.zip_limits}.",
            "{source}: {member} zou uitpakken tot {size:,} bytes ({ratio:.0f} keer de ingepakte grootte); geweigerd voor het uitpakken. Dit lijkt een zipbom; is het een echte export, {option.zip_limits}.",
        ),
        "read.detect.apple_damaged_zip": (
            "a damaged zip file ({detail})",
            "een beschadigd zip-bestand ({detail})",
        ),
        "read.detect.apple_none": (
            "no <HealthData> element at the start (not an Apple Health export)",
            "geen element <HealthData> aan het begin (geen export van Apple Health)",
        ),
        "read.detect.apple_zip_without_export": (
            "a zip file without an Apple Health export.xml inside",
            "een zip-bestand zonder export.xml van Apple Health erin",
        ),
    },
)


MAX_UNZIPPED_BYTES = 8 * 2**30
"""Largest uncompressed ``export.xml`` read from a zip (8 GiB; ``max_unzipped_bytes=``)."""

MAX_ZIP_RATIO = 200
"""Largest uncompressed/compressed size ratio accepted (``max_zip_ratio=``).

Real exports compress about 10-30 times; a zip bomb compresses far more."""

_TOP_LEVEL = frozenset(
    {
        "Correlation",
        "Workout",
        "ActivitySummary",
        "ClinicalRecord",
        "Audiogram",
        "VisionPrescription",
    }
)
"""Data elements besides ``<Record>``: counted as input records and ignored."""

_MARKERS = (b"<HealthData", b"<!DOCTYPE HealthData")
_HEAD = 65536
_CHUNK = 1 << 20
_SLEEP_BATCH = 20000
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK = re.compile(r" (?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|6[01]) ?[+-]\d{2}:?\d{2}")
"""The time and offset after the day of a ``startDate`` (`` 08:00:00 +0100``).

With the day checked by :func:`date.fromisoformat`, the same rule as
:func:`_instant`, applied to every record type (steps, pain, sleep) at the
cost of one regular expression per record."""
_OK, _CHECK, _BAD = 0, 1, 2

MAX_ELEMENT_BYTES = 16 * 2**20
"""Largest single element (tag with its attributes) read: 16 MiB (``max_element_bytes=``).

A real export's records are under 2 KB; an element of hundreds of MB is
parsed in quadratic time, so it is refused with a :class:`~backpain.DiaryError`."""


# ----------------------------------------------------------------- detection
def _looks_like_export(head: bytes) -> bool:
    return any(m in head for m in _MARKERS)


def _export_member(zf: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    """The member holding the export (``export.xml``; its name is localised)."""
    found = _export_members(zf)
    return found[0] if found else None


def _export_members(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Every member holding an export (the first 20 ``.xml`` members are looked at)."""
    candidates = [
        i
        for i in zf.infolist()
        if not i.is_dir()
        and i.filename.lower().endswith(".xml")
        and "cda" not in os.path.basename(i.filename).lower()
    ]
    candidates.sort(
        key=lambda i: (os.path.basename(i.filename).lower() != "export.xml", i.filename)
    )
    found = []
    for info in candidates[:20]:
        try:
            with zf.open(info) as fh:
                head = fh.read(_HEAD)
        except (RuntimeError, NotImplementedError, zipfile.BadZipFile, zlib.error, EOFError):
            continue
        if _looks_like_export(head):
            found.append(info)
    return found


def detect_apple_health(source: Source) -> Detected:
    """A match when ``source`` holds an Apple Health export, else why not."""
    head = source.head(_HEAD)
    if head.startswith(b"PK\x03\x04"):
        try:
            with _zip(source) as zf:
                if _export_member(zf) is None:
                    return not_mine(Message("read.detect.apple_zip_without_export"))
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            return not_mine(Message("read.detect.apple_damaged_zip", detail=str(exc)))
        return MATCH
    if _looks_like_export(head):
        return MATCH
    return not_mine(Message("read.detect.apple_none"))


def _zip(source: Source) -> zipfile.ZipFile:
    return zipfile.ZipFile(source.path if source.path is not None else source.open())


# ------------------------------------------------------------------- parsing
def _refuse(name: str, what: str) -> None:
    msg = Message("read.apple.unsafe_xml", source=name, what=what)
    raise DiaryError(msg)


def _safe_parser(name: str) -> Any:
    """A pyexpat parser with defusedxml's protections (and no external DTDs)."""
    parser = pyexpat.ParserCreate()
    parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)

    def entity(entity: str, is_param: int, value: Any, base: Any, system_id: Any, *_: Any) -> None:
        kind = "a parameter entity" if is_param else "an entity"
        where = f" from {system_id!r}" if system_id else ""
        ext = "an external " + kind.split(" ", 1)[1] if system_id else kind
        _refuse(name, f"{ext} {entity!r}{where} (<!ENTITY>)")

    def unparsed(entity: str, *_: Any) -> None:
        _refuse(name, f"an unparsed entity {entity!r} (<!ENTITY ... NDATA>)")

    def external(context: Any, base: Any, system_id: Any, public_id: Any) -> int:
        _refuse(name, f"a reference to an external entity ({system_id!r})")
        return 0

    def doctype(root: str, system_id: str | None, public_id: str | None, _: int) -> None:
        if system_id is not None or public_id is not None:
            _refuse(name, f"an external DTD ({system_id or public_id!r})")

    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = unparsed
    parser.ExternalEntityRefHandler = external
    parser.StartDoctypeDeclHandler = doctype
    return parser


def _instant(stamp: str) -> datetime | None:
    """``2019-05-14 18:52:09 -0400`` -> aware datetime (None if malformed)."""
    m = STAMP.match(stamp or "")
    if m is None:
        return None
    try:
        local = datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    minutes = int(m.group(3)) * 60 + int(m.group(4))
    sign = -1 if m.group(2) == "-" else 1
    return local.replace(tzinfo=timezone(sign * timedelta(minutes=minutes)))


def _scan(
    stream: IO[bytes],
    name: str,
    severity: dict[str, float | None],
    *,
    bar: Bar | None = None,
    max_element_bytes: int = MAX_ELEMENT_BYTES,
    export: str | None = None,
) -> Scan:
    """Stream the XML once, keeping only what the rules need.

    ``export`` is the ``<ExportDate>`` value when an earlier pass found it
    after the first record (``scan.late_export``), so that every record is
    checked against it. Steps become per-(day, source) totals and back pain
    a per-day maximum as they are read; sleep records are kept as int64 intervals (their union
    needs them). An exact copy of an earlier record (same type, source,
    start, end and value) is counted in ``scan.duplicates`` and skipped.
    """
    scan = Scan()
    if export is not None:  # known from an earlier pass: checks every record
        scan.export_date, scan.export_utc = export, _instant(export)
    parser = _safe_parser(name)
    steps, sleep, pain_days, other = scan.steps, scan.sleep, scan.pain_days, scan.other
    elements, rejected = scan.elements, scan.rejected
    day_status: dict[str, int] = {}
    seen: set[int] = set()
    n = 0
    last_start = 0

    def classify(day: str) -> int:
        status = _BAD
        if _DAY.fullmatch(day):
            try:
                d = date.fromisoformat(day)
            except ValueError:
                d = None
            if d is not None:
                status = _OK
                if scan.export_utc is not None:
                    # a local date d lies before d + 1 day 12:00 UTC whatever the offset
                    safe = (scan.export_utc - timedelta(hours=36)).date()
                    status = _OK if d <= safe else _CHECK
        day_status[day] = status
        return status

    def future(stamp: str) -> str | None:
        when = _instant(stamp)
        if when is None:
            return BAD_DATE
        if when > scan.export_utc:
            return future_reason(scan)
        return None

    def date_ok(row: int, start: str, day: str) -> bool:
        """Slow path for a day not yet known to be safely before the export."""
        status = day_status.get(day)
        if status is None:
            status = classify(day)
        if status == _OK:
            return True
        why = BAD_DATE if status == _BAD else future(start)
        if why is not None:
            rejected.append((row, "startDate", start, why))
            return False
        return True

    def copy(a: dict[str, str]) -> bool:
        """Whether ``a`` repeats an earlier record exactly (a 64-bit hash of its fields)."""
        key = hash(
            (
                a.get("type"),
                a.get("sourceName"),
                a.get("startDate"),
                a.get("endDate"),
                a.get("value"),
            )
        )
        if key in seen:
            scan.duplicates += 1
            return True
        seen.add(key)
        return False

    def add_pain(row: int, a: dict[str, str]) -> None:
        start, raw = a.get("startDate", ""), a.get("value", "")
        day = start[:10]
        if _CLOCK.fullmatch(start, 10) is None:
            rejected.append((row, "startDate", start, BAD_DATE))
            return
        if day_status.get(day) != _OK and not date_ok(row, start, day):
            return
        level = raw.removeprefix(PAIN_PREFIX)
        if level not in severity:
            levels = ", ".join(PAIN_PREFIX + k for k in severity)
            rejected.append((row, "value", raw, Reason.UNKNOWN_LABEL.message(levels=levels)))
            return
        score = severity[level]
        if score is None:
            rejected.append((row, "value", raw, Message("read.apple.no_severity")))
            return
        acc = pain_days.get(day)
        if acc is None:
            pain_days[day] = [score, row, 1]
        else:
            acc[0] = max(acc[0], score)
            acc[2] += 1

    def start_element(tag: str, a: dict[str, str]) -> None:
        nonlocal n, last_start
        last_start = parser.CurrentByteIndex
        if tag == "Record":
            n += 1
            try:  # subscripts, not .get(): this runs for every record (zero-cost try)
                kind = a["type"]
            except KeyError:
                kind = ""
            if kind == STEPS:  # the hot path: most of a big export
                if copy(a):
                    return
                try:
                    start = a["startDate"]
                    raw = a["value"]
                    key_source = a["sourceName"]
                except KeyError:
                    start, raw, key_source = a.get("startDate", ""), a.get("value", ""), ""
                day = start[:10]
                if _CLOCK.fullmatch(start, 10) is None:
                    rejected.append((n, "startDate", start, BAD_DATE))
                    return
                if day_status.get(day) != _OK and not date_ok(n, start, day):
                    return
                try:
                    value = float(raw)
                except ValueError:
                    value = -1.0
                if not 0.0 <= value < 1e9:
                    rejected.append(
                        (
                            n,
                            "value",
                            raw,
                            Reason.NOT_A_NUMBER.message(
                                name="steps", unit=Message("read.unit.at_least", low=0)
                            ),
                        )
                    )
                    return
                key = (day, key_source)
                acc = steps.get(key)
                if acc is None:  # one string per day and source, not per record
                    steps[(sys.intern(day), sys.intern(key_source))] = [value, 1, n]
                else:
                    acc[0] += value
                    acc[1] += 1
            elif kind == SLEEP:
                if copy(a):
                    return
                sleep.append((n, a.get("startDate", ""), a.get("endDate", ""), a.get("value", "")))
                if len(sleep) >= _SLEEP_BATCH:
                    compact_sleep(scan)
            elif kind == PAIN:
                if not copy(a):
                    add_pain(n, a)
            else:
                other[kind] += 1
        elif tag != "MetadataEntry":
            elements[tag] = elements.get(tag, 0) + 1
            if tag == "ExportDate":
                scan.late_export = scan.late_export or (n > 0 and export is None)
                scan.export_date = a.get("value")
                scan.export_utc = _instant(scan.export_date or "")
                day_status.clear()
            elif scan.root is None:
                scan.root = tag
                scan.locale = a.get("locale")
                if tag != "HealthData":
                    msg = Message("read.apple.wrong_root", source=name, tag=tag)
                    raise DiaryError(msg)

    parser.StartElementHandler = start_element
    fed = 0
    try:
        while chunk := stream.read(_CHUNK):
            parser.Parse(chunk, False)
            fed += len(chunk)
            if bar is not None:
                bar.update(len(chunk))
            # expat re-reads an unfinished element from its start with every
            # chunk (quadratic time): refuse one that grows past the limit
            if fed - last_start > max_element_bytes:
                msg = Message(
                    "read.apple.element_too_big",
                    source=name,
                    offset=last_start,
                    size=fed - last_start,
                    limit=max_element_bytes,
                    n=n,
                )
                raise DiaryError(msg)
        parser.Parse(b"", True)
    except pyexpat.ExpatError as exc:
        msg = Message(
            "read.apple.broken_xml",
            source=name,
            line=exc.lineno,
            col=exc.offset,
            detail=pyexpat.ErrorString(exc.code),
            n=n,
        )
        raise DiaryError(msg) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        msg = Message("read.apple.damaged_zip", source=name, detail=str(exc))
        raise DiaryError(msg) from exc
    scan.n_records = n
    return scan


def _open_export(
    source: Source, *, max_unzipped_bytes: float, max_zip_ratio: float
) -> tuple[IO[bytes], Any, str, int]:
    """Return ``(stream, zipfile or None, member name, size)``, checking zip sizes first."""
    if not source.head(4).startswith(b"PK\x03\x04"):
        return source.open(), None, "", source.size
    try:
        zf = _zip(source)
    except (zipfile.BadZipFile, OSError) as exc:
        msg = Message("read.apple.unreadable_zip", source=source.name, detail=str(exc))
        raise DiaryError(msg) from exc
    found = _export_members(zf)
    if not found:
        zf.close()
        files = repr([i.filename for i in zf.infolist()][:10])
        msg = Message("read.apple.no_export_in_zip", source=source.name, files=files)
        raise DiaryError(msg)
    if len(found) > 1:  # reading one would drop the other with no word
        zf.close()
        members = repr([i.filename for i in found])
        msg = Message("read.apple.several_exports", source=source.name, members=members)
        raise DiaryError(msg)
    info = found[0]
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > max_unzipped_bytes or ratio > max_zip_ratio:
        zf.close()
        msg = Message(
            "read.apple.zip_bomb",
            source=source.name,
            member=info.filename,
            size=info.file_size,
            ratio=ratio,
            max_bytes=max_unzipped_bytes,
            max_ratio=max_zip_ratio,
        )
        raise DiaryError(msg)
    try:
        stream = zf.open(info)
    except (RuntimeError, NotImplementedError, zipfile.BadZipFile) as exc:
        zf.close()
        msg = Message(
            "read.apple.cannot_open", source=source.name, member=info.filename, detail=str(exc)
        )
        raise DiaryError(msg) from exc
    return stream, zf, info.filename, info.file_size


# ----------------------------------------------------------- daily summaries


# -------------------------------------------------------------------- reader
def read_apple_health(
    source: Source | str | os.PathLike | bytes,
    *,
    subject: str | None = None,
    pain_map: dict[str, float | None] | None = None,
    sleep_gap_hours: float = 3.0,
    max_unzipped_bytes: float = MAX_UNZIPPED_BYTES,
    max_zip_ratio: float = MAX_ZIP_RATIO,
    max_element_bytes: int = MAX_ELEMENT_BYTES,
    progress: bool | None = None,
    lang: str | None = None,
) -> tuple[pd.DataFrame, LoadReport]:
    """Read an Apple Health export into the daily diary.

    Parameters
    ----------
    source : Source, path or bytes
        ``export.zip`` as the Health app writes it, or the
        ``apple_health_export/export.xml`` inside it (recognised by content).
    subject : str, optional
        Subject id (default ``"me"``: an export holds one person's data).
    pain_map : dict, optional
        Overrides of :data:`PAIN_SEVERITY`, e.g. ``{"Unspecified": 5}``;
        ``None`` as a value rejects those records.
    sleep_gap_hours : float, default 3
        Asleep blocks less than this far apart form one sleep period, dated
        by the day the period ends.
    max_unzipped_bytes, max_zip_ratio : float
        Zip-bomb limits checked in the zip directory before unpacking
        (:data:`MAX_UNZIPPED_BYTES`, :data:`MAX_ZIP_RATIO`).
    max_element_bytes : int
        Largest single XML element (:data:`MAX_ELEMENT_BYTES`); a bigger one
        raises a :class:`~backpain.DiaryError` instead of parsing for minutes.
    progress : bool, optional
        Show a progress bar by megabytes read in this call (default: the
        setting, ``backpain.config(progress=...)``, by default only in a
        terminal or Jupyter).
    lang : {"en", "nl"}, optional
        Language of the progress bar's label (default: the setting,
        ``backpain.config(lang=...)``).

    Returns
    -------
    diary : pandas.DataFrame
        One row per day with any of the three variables: ``subject``,
        ``date``, ``pain`` (the day's highest lower-back-pain severity mapped
        to 0-10; NaN when none was logged), ``sleep_hours`` and ``steps``.
    report : LoadReport
        Every ``<Record>`` (and other data element such as ``<Workout>``) is
        one input row, numbered from 1 in file order: kept or merged into its
        day, ignored with its record type as category, rejected (bad date,
        dated after the export, unknown value) with the reason, or counted in
        ``rows_duplicate`` when it repeats an earlier record exactly.

    Raises
    ------
    DiaryError
        For XML that declares entities, external entities or an external DTD
        (refused unread), broken or truncated XML, a zip without an export, or
        a zip member above the size limits.

    Notes
    -----
    - **Pain**: ``HKCategoryTypeIdentifierLowerBackPain`` severities mapped
      by :data:`PAIN_SEVERITY`; the day (local date of the start) keeps its
      maximum.
    - **Sleep**: ``HKCategoryTypeIdentifierSleepAnalysis`` records whose value
      is in :data:`ASLEEP_VALUES` (``InBed`` and ``Awake`` are ignored).
      Their intervals from all sources are united on the UTC time line, so
      overlapping iPhone and Watch records count once. United blocks less
      than ``sleep_gap_hours`` apart form one sleep period, and a period's
      asleep time goes to the local date on which it ends (the wake-up day),
      so a night from 23:00 to 07:00 belongs to the morning's date and an
      afternoon nap to its own day.
    - **Steps**: ``HKQuantityTypeIdentifierStepCount`` summed per local date
      of the record's start and per ``sourceName``; the day gets the largest
      single-source total, because iPhone and Watch record the same steps
      (the Health app de-duplicates similarly, by source priority). The other
      sources' records are counted as ignored.
    - A record that repeats an earlier one exactly (type, ``sourceName``,
      ``startDate``, ``endDate`` and ``value``; an app that synced twice) is
      counted once: the copies go to ``rows_duplicate`` with a note. Copies
      are found by a 64-bit hash of those fields, about 70 bytes per step,
      sleep or pain record; two different records share a hash with odds of
      about 1 in 10**7 for ten million records.
    - Memory: steps are summed per (day, source) and pain kept as the day's
      maximum while the file streams, sleep records as four integers each,
      so memory grows with the days and sources, not with the file.
    - Records dated after ``<ExportDate>`` come from a wrong device clock and
      are rejected. Dates are read by slicing the strings
      (``2019-05-14 18:52:09 -0400``, local time plus offset), never with a
      locale. Units are not used: steps are counts in every locale.
    - Safety as in ``defusedxml`` (entities and external references
      forbidden), applied to :mod:`pyexpat` directly: ``defusedxml``'s own
      ``iterparse`` uses the pure-Python ElementTree and is slower. The real
      export's internal DTD (``<!ELEMENT>``/``<!ATTLIST>`` only) is allowed.

    References
    ----------
    Apple, HealthKit: ``HKCategoryValueSleepAnalysis``, ``HKCategoryValueSeverity``.
    Serlin RC et al. (1995). When is cancer pain mild, moderate or severe?
    Pain 61:277-284.

    Examples
    --------
    >>> xml = b'''<?xml version="1.0"?>
    ... <!DOCTYPE HealthData [<!ELEMENT HealthData ANY>]>
    ... <HealthData locale="nl_NL">
    ...  <ExportDate value="2024-03-05 09:00:00 +0100"/>
    ...  <Record type="HKCategoryTypeIdentifierLowerBackPain" sourceName="iPhone"
    ...   startDate="2024-03-04 08:00:00 +0100" endDate="2024-03-04 08:00:00 +0100"
    ...   value="HKCategoryValueSeverityModerate"/>
    ...  <Record type="HKQuantityTypeIdentifierStepCount" sourceName="iPhone" unit="count"
    ...   startDate="2024-03-04 10:00:00 +0100" endDate="2024-03-04 10:05:00 +0100" value="420"/>
    ... </HealthData>'''
    >>> diary, report = read_apple_health(xml, subject="me")
    >>> diary[["date", "pain", "steps"]]
            date  pain  steps
    0 2024-03-04   5.0  420.0
    >>> report.rows_read, report.balanced
    (2, True)
    """
    src = source if isinstance(source, Source) else open_source(source)
    severity = pain_severity(pain_map)
    if not sleep_gap_hours >= 0:
        msg = f"sleep_gap_hours must be a number of hours >= 0, not {sleep_gap_hours!r}"
        raise ValueError(msg)
    stream, zf, member, size = _open_export(
        src, max_unzipped_bytes=max_unzipped_bytes, max_zip_ratio=max_zip_ratio
    )
    label = f"{src.name} ({member})" if member else src.name
    bar = progress_bar(
        "progress.apple_health",
        total=size,
        scale=1e6,
        unit="progress.unit.mb",
        lang=lang,
        show=progress,
        name=src.name,
    )
    try:
        with stream, bar:
            scan = _scan(
                stream,
                label,
                severity,
                bar=bar if bar.shown else None,
                max_element_bytes=max_element_bytes,
            )
    finally:
        if zf is not None:
            zf.close()
    if scan.late_export and scan.export_utc is not None:
        # <ExportDate> came after records (the Health app writes it first): the
        # records before it were not checked against it, so read once more
        stream, zf, _, _ = _open_export(
            src, max_unzipped_bytes=max_unzipped_bytes, max_zip_ratio=max_zip_ratio
        )
        try:
            with stream:
                scan = _scan(
                    stream,
                    label,
                    severity,
                    max_element_bytes=max_element_bytes,
                    export=scan.export_date,
                )
        finally:
            if zf is not None:
                zf.close()
    if scan.root is None:
        msg = Message("read.apple.no_health_data", source=label)
        raise DiaryError(msg)

    report = LoadReport(source=src.name, format="apple_health")
    top = {k: v for k, v in scan.elements.items() if k in _TOP_LEVEL}
    report.rows_read = scan.n_records + sum(top.values())
    for kind, count in sorted(scan.other.items()):
        category = Message("read.ignored.app_category", category=kind) if kind else None
        report.ignore(count, category or Message("read.apple.untyped_record"))
    for tag, count in sorted(top.items()):
        report.ignore(count, Message("read.apple.element", tag=tag))
    if scan.export_utc is None:
        report.notes.append(Message("read.apple.no_export_date"))
    if scan.locale:
        report.notes.append(Message("read.apple.locale", locale=scan.locale))

    rejected = (
        [
            problem_frame(
                pd.Series([r[0] for r in scan.rejected]),
                pd.Series([r[1] for r in scan.rejected]),
                pd.Series([r[2] for r in scan.rejected]),
                [r[3] for r in scan.rejected],
            )
        ]
        if scan.rejected
        else []
    )
    if scan.duplicates:
        report.rows_duplicate += scan.duplicates
        report.notes.append(Message("read.apple.duplicates", n=scan.duplicates))
    entries = daily_entries(scan, severity, sleep_gap_hours, report, rejected=rejected)
    if not scan.pain and not scan.pain_days:
        report.notes.append(Message("read.note.no_pain_merge"))
    for column in ("pain", "sleep_hours", "steps"):
        if column not in entries.columns:
            entries[column] = np.nan
    entries["date"] = pd.to_datetime(entries["date"]).astype("datetime64[ns]")
    entries = one_person(entries, report, subject)
    for column in ("pain", "sleep_hours", "steps", "row", "n_rows"):
        entries[column] = pd.to_numeric(entries[column])
    diary = build_diary(entries, report, daily={"pain": "max"})
    return diary, report


FORMAT = Format("apple_health", detect_apple_health, read_apple_health)
"""The ``apple_health`` entry of :data:`backpain.read.FORMATS`."""
