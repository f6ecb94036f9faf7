"""Read a cohort of many files into a Dask DataFrame; write a cohort as partitioned Parquet.

:func:`read_dask` reads per-person files (each with :func:`backpain.read_diary`
in its own task) or a Parquet dataset, so that every subject's days are in
one partition: the analyses then combine per-subject sums without a shuffle
(see :mod:`backpain.dask`). :func:`write_cohort_parquet` writes a pandas
diary in that layout. dask is imported only when these are called.
"""

from __future__ import annotations

import glob
import itertools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._check import check_type, check_whole
from .._config import language
from ..errors import DiaryError
from ..schema import COLUMNS, KEYS, MOMENTARY_COLUMNS, empty_diary
from ..text import Message
from ._report import REJECT_COLUMNS, LoadReport, with_report
from .esm import read_esm

__all__ = [
    "read_dask",
    "read_esm_dask",
    "write_by_subject",
    "write_cohort_parquet",
    "write_esm_parquet",
]

_SHOWN_FILES = 3  # file names listed in a note shared by many files


def _need_dask(func: str) -> None:
    try:
        import dask.dataframe  # noqa: F401
    except ImportError as exc:  # pragma: no cover - the test extra installs dask
        raise ImportError(Message("dask.error.no_dask", func=func)) from exc


# --------------------------------------------------------------- the sources
def _is_parquet(path: object) -> bool:
    return str(path).lower().endswith((".parquet", ".parq", ".pq"))


def _resolve(source: Any) -> tuple[str, list, str]:
    """("parquet", paths, where) or ("files", groups of sources, where)."""
    if isinstance(source, (list, tuple)):
        items = list(source)
        if items and all(isinstance(s, (str, os.PathLike)) and _is_parquet(s) for s in items):
            return "parquet", [os.fspath(s) for s in items], str(Message("dask.report.list"))
        if not items:
            raise DiaryError(Message("dask.error.no_files", source="[]"))
        groups = [list(s) if isinstance(s, (list, tuple)) else [s] for s in items]
        return "files", groups, str(Message("dask.report.list"))
    what = "a folder, a glob pattern, a file or a list of files"
    check_type("source", source, (str, os.PathLike), func="read_dask", what=what)
    text = os.fspath(source)
    if glob.has_magic(text):
        found = sorted(p for p in glob.glob(text, recursive=True) if os.path.isfile(p))
    elif os.path.isdir(text):
        root = Path(text)
        found = sorted(
            str(p)
            for p in root.rglob("*")
            if p.is_file()
            and not any(part.startswith((".", "_")) for part in p.relative_to(root).parts)
        )
    elif os.path.isfile(text):
        found = [text]
    else:
        found = []
    if not found:
        raise DiaryError(Message("dask.error.no_files", source=repr(text)))
    parquet = [p for p in found if _is_parquet(p)]
    if parquet and len(parquet) < len(found):
        other = [p for p in found if not _is_parquet(p)]
        msg = Message(
            "dask.error.mixed_parquet",
            source=repr(text),
            parquet=_names(parquet),
            other=_names(other),
        )
        raise DiaryError(msg)
    if parquet:
        return "parquet", parquet, text
    return "files", [[p] for p in found], text


def _names(paths: Sequence[Any]) -> str:
    shown = [
        os.path.basename(os.fspath(p)) if isinstance(p, (str, os.PathLike)) else "<data>"
        for p in paths[:_SHOWN_FILES]
    ]
    return ", ".join(shown) + (", ..." if len(paths) > _SHOWN_FILES else "")


def _canonical(diary: pd.DataFrame, only: Sequence[str] | None = None) -> pd.DataFrame:
    """The diary with every canonical column, in order, with the canonical dtypes.

    Columns that already have their dtype are kept as they are (no copy);
    a missing column is added all missing; other columns follow unchanged.
    ``only``: just these columns, in this order.
    """
    dtypes = empty_diary().dtypes
    if only is not None:
        dtypes = dtypes[[c for c in only if c in dtypes.index]]
    index = pd.RangeIndex(len(diary))
    out = {}
    for name, dtype in dtypes.items():
        if name in diary.columns:
            column = diary[name]
            if column.dtype != dtype:
                column = column.astype(dtype)
            out[name] = pd.Series(column.array, index=index, copy=False)
        elif dtype == "float64":
            out[name] = pd.Series(np.full(len(diary), np.nan), index=index)
        else:
            missing = np.full(len(diary), None, dtype=object)
            out[name] = pd.Series(missing, index=index, dtype=dtype)
    for name in diary.columns if only is None else only:
        if name not in out:
            out[name] = pd.Series(diary[name].array, index=index, copy=False)
    return pd.DataFrame(out, copy=False)


# ------------------------------------------------------------ per-person files
def _read_batch(
    groups: list[list[Any]], format: str, subject: str | None, options: dict[str, Any]
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Read some persons' files (one task): their diaries, and a slim report of each."""
    from . import read_diary
    from .table import subject_from_name

    frames, infos = [], []
    groups, together = _tables_together(groups, format, subject, options)
    if together is not None:
        diary, reports = together
        frames.append(_canonical(diary))
        present = set(diary["subject"].astype(str))
        for r in reports:  # each file is one person, named as read_table_files names it
            name = subject_from_name(r.source, subject)[0]
            infos.append(_slim(r, None, np.array([name] if name in present else [], dtype=object)))
    for group in groups:
        one = group[0] if len(group) == 1 else group
        diary, report = read_diary(
            one, format=format, subject=subject, return_report=True, **options
        )
        frames.append(_canonical(diary))
        infos.append(_slim(report, diary))
    frames = [f for f in frames if len(f)] or frames[:1]
    out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return out, infos


def _tables_together(
    groups: list[list[Any]], format: str, subject: str | None, options: dict[str, Any]
) -> tuple[list[list[Any]], tuple | None]:
    """Read the task's plain CSV tables together (:func:`read_table_files`).

    Returns the groups left to read one by one, and ``(diary, reports)`` of
    the files read together (None when there are none).
    """
    from . import choose_format
    from ._source import open_source
    from .table import read_table_files, table_kind

    if format not in ("auto", "table"):
        return groups, None
    tables, rest = [], []
    for group in groups:
        path = len(group) == 1 and isinstance(group[0], (str, os.PathLike))
        src = open_source(group[0]) if path else None
        plain = (
            src is not None
            and src.size > 0
            and choose_format(src, format).name == "table"
            and table_kind(src) == "csv"
        )
        (tables if plain else rest).append(src if plain else group)
    together = read_table_files(tables, subject=subject, **options) if len(tables) > 1 else None
    if together is None:
        return groups, None
    return rest, together


def _slim(
    report: LoadReport, diary: pd.DataFrame | None, subjects: np.ndarray | None = None
) -> dict[str, Any]:
    """What the cohort report needs of one file's report (no per-file DataFrame if empty)."""
    counts = (
        "rows_read",
        "rows_kept",
        "rows_merged",
        "rows_duplicate",
        "rows_ignored",
        "rows_rejected",
    )
    return {
        "source": report.source,
        "format": report.format,
        "counts": {c: getattr(report, c) for c in counts},
        "ignored": dict(report.ignored),
        "columns": dict(report.columns),
        "notes": list(report.notes),
        "rejected": report.rejected if len(report.rejected) else None,
        "subjects": (
            pd.unique(diary["subject"].dropna().astype(str).to_numpy())
            if subjects is None
            else pd.unique(subjects)
        ),
    }


def _frame_of(result: tuple) -> pd.DataFrame:
    return result[0]


def _infos_of(result: tuple) -> list[dict[str, Any]]:
    return result[1]


def _cohort_report(infos: list[dict[str, Any]], where: str, lang: str) -> LoadReport:
    """One report adding up the files' reports (notes shared by files are given once)."""
    formats = sorted({i["format"] for i in infos})
    report = LoadReport(
        source=str(Message("dask.report.source", n=len(infos), where=where)),
        format=formats[0] if len(formats) == 1 else "cohort",
        lang=lang,
    )
    notes: dict[str, tuple[Any, list[str]]] = {}
    columns: dict[str, list[str]] = {}
    rejected = []
    for info in infos:
        for name, n in info["counts"].items():
            setattr(report, name, getattr(report, name) + int(n))
        for category, n in info["ignored"].items():
            key = Message("read.ignored.from_source", category=category, source=info["source"])
            report.ignored[key] = report.ignored.get(key, 0) + n
        for column, given in info["columns"].items():
            names = columns.setdefault(column, [])
            if str(given) not in names:
                names.append(str(given))
        for note in info["notes"]:
            notes.setdefault(str(note), (note, []))[1].append(info["source"])
        if info["rejected"] is not None:
            rejected.append(info["rejected"])
    report.columns = {c: " / ".join(v) for c, v in columns.items()}
    report.notes = [
        Message("dask.note.in_files", note=note, n=len(files), files=_names(files))
        for note, files in notes.values()
    ]
    if rejected:
        report.rejected = pd.concat(rejected, ignore_index=True)[REJECT_COLUMNS]
    return report


def _check_one_place(infos: list[list[dict[str, Any]]]) -> None:
    """Raise when a subject's days come from two sources (two partitions or two files)."""
    subjects, sources = [], []
    for batch in infos:
        for info in batch:
            subjects.append(info["subjects"])
            sources.append(np.full(len(info["subjects"]), info["source"], dtype=object))
    if not subjects:
        return
    every = pd.Series(np.concatenate(subjects))
    twice = every.duplicated(keep=False).to_numpy()
    if twice.any():
        where = np.concatenate(sources)[twice]
        name = every[twice].iloc[0]
        first, second = where[every[twice].to_numpy() == name][:2]
        raise DiaryError(
            Message("dask.error.subject_in_two_parts", subject=name, first=first, second=second)
        )


def _read_files(
    groups: list[list[Any]],
    where: str,
    *,
    format: str,
    subject: str | None,
    files_per_partition: int,
    persist: bool | None,
    lang: str,
    options: dict[str, Any],
) -> tuple[Any, LoadReport]:
    import dask
    import dask.dataframe as dd

    from .._cluster import client as current_client
    from .._cluster import compute

    client = current_client()
    if persist is None:
        persist = client is not None
    batches = [
        groups[i : i + files_per_partition] for i in range(0, len(groups), files_per_partition)
    ]
    read = dask.delayed(_read_batch, pure=True)
    reads = [read(batch, format, subject, options) for batch in batches]
    if persist:
        reads = list(client.persist(reads) if client is not None else dask.persist(*reads))
    infos = compute(
        [dask.delayed(_infos_of, pure=True)(r) for r in reads],
        key="dask.progress.read",
        lang=lang,
    )
    _check_one_place(infos)
    report = _cohort_report([i for batch in infos for i in batch], where, lang)
    n_files = sum(len(g) for g in groups)
    report.notes.append(Message("dask.note.partitions", n_files=n_files, n_parts=len(batches)))
    frames = [dask.delayed(_frame_of, pure=True)(r) for r in reads]
    data = dd.from_delayed(frames, meta=empty_diary(), verify_meta=False)
    return data, report


# ---------------------------------------------------------------- Parquet
def _footers(paths: list[str]) -> tuple[pd.DataFrame, int, list[tuple[Any, Any]] | None]:
    """The empty frame of all files' columns, the rows, and each file's (min, max) subject.

    Read from the files' footers only. The ranges are None when a file has
    no ``subject`` statistics.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    schemas = []
    rows = 0
    ranges: list[tuple[Any, Any]] | None = []
    for path in paths:
        meta = pq.ParquetFile(path).metadata
        schema = meta.schema.to_arrow_schema()
        schemas.append(schema.remove_metadata())
        names = schema.names
        rows += meta.num_rows
        if ranges is None:
            continue
        if "subject" not in names:
            ranges = None
            continue
        j = names.index("subject")
        lows, highs = [], []
        for i in range(meta.num_row_groups):
            group = meta.row_group(i)
            if group.num_rows == 0:
                continue
            stats = group.column(j).statistics
            if stats is None or not stats.has_min_max:
                ranges = None
                break
            lows.append(stats.min)
            highs.append(stats.max)
        if ranges is not None and lows:
            ranges.append((min(lows), max(highs)))
    empty = pa.unify_schemas(schemas, promote_options="permissive").empty_table().to_pandas()
    return empty, rows, ranges


def _disjoint(ranges: list[tuple[Any, Any]]) -> bool:
    ranges = sorted(ranges)
    return all(a[1] < b[0] for a, b in itertools.pairwise(ranges))


def _parquet_file(path: str, columns: list[str] | None = None) -> pd.DataFrame:
    """One Parquet file (one partition) in the canonical schema; only ``columns`` if given."""
    import pyarrow.parquet as pq

    present = pq.ParquetFile(path).schema_arrow.names
    wanted = None if columns is None else [c for c in columns if c in present]
    return _canonical(pq.read_table(path, columns=wanted).to_pandas(), columns)


def _sorted_part(part: pd.DataFrame) -> pd.DataFrame:
    return part.sort_values(list(KEYS), kind="stable", ignore_index=True)


def _read_parquet(paths: list[str], where: str, *, lang: str) -> tuple[Any, LoadReport]:
    import dask.dataframe as dd

    empty, rows, ranges = _footers(paths)
    columns = list(empty.columns)
    missing = [c for c in (*KEYS, "pain") if c not in columns]
    if missing:
        msg = Message("dask.error.parquet_columns", source=where, missing=missing, columns=columns)
        raise DiaryError(msg)
    report = LoadReport(
        source=str(Message("dask.report.source", n=len(paths), where=where)),
        format="parquet",
        rows_read=rows,
        rows_kept=rows,
        columns={c: c for c in COLUMNS if c in columns},
        lang=lang,
    )
    meta = _canonical(empty)
    # one partition per file: pyarrow reads it whole (dask's Parquet engine may split files)
    data = dd.from_map(_parquet_file, paths, meta=meta, label="read-diary-parquet")
    if ranges is None or not _disjoint(ranges):
        data = data.shuffle(on="subject").map_partitions(_sorted_part, meta=meta)
        report.notes.append(Message("dask.note.shuffled"))
    report.notes.append(
        Message("dask.note.partitions", n_files=len(paths), n_parts=data.npartitions)
    )
    return data, report


PARTITION_BYTES = 64 * 2**20
"""Bytes of per-person files one partition holds by default (``files_per_partition``)."""


def _files_per_partition(groups: list[list[Any]]) -> int:
    """About :data:`PARTITION_BYTES` of files a partition, 1 to 1,000, at least 8 partitions."""
    sizes = [
        os.stat(s).st_size if isinstance(s, (str, os.PathLike)) else 1 << 20
        for g in groups
        for s in g
    ]
    mean = max(sum(sizes) / max(len(groups), 1), 1.0)
    per = min(1000, int(PARTITION_BYTES // mean), -(-len(groups) // 8))
    return max(1, per)


# ---------------------------------------------------------------- public
def read_dask(
    source: Any,
    *,
    format: str = "auto",
    subject: str | None = None,
    files_per_partition: int | None = None,
    persist: bool | None = None,
    lang: str | None = None,
    return_report: bool | None = None,
    **options: Any,
) -> Any:
    """Read a cohort (many diaries, or a Parquet dataset) into a Dask DataFrame.

    The analyses (:func:`backpain.correlate`, :func:`backpain.within_corr`,
    :func:`backpain.between_corr`, :func:`backpain.lagged_corr`,
    :func:`backpain.classify`, :func:`backpain.class_summary`,
    :func:`backpain.data_quality`) accept the result and return the same
    pandas tables as in memory, computed partition by partition on the
    current ``dask.distributed`` client (or Dask's local scheduler).

    Parameters
    ----------
    source : folder, glob pattern, file, or list
        * Per-person files: a folder (every file in it and its subfolders,
          except names starting with ``.`` or ``_``), a pattern such as
          ``"diaries/*.csv"``, or a list of files. Each is read by
          :func:`backpain.read_diary` (any supported format, detected from
          the content). An item of the list that is itself a list holds
          one person's several files (a phone app and a watch, say), read
          and merged together as ``read_diary`` merges a list.
        * A Parquet dataset in the canonical schema (:mod:`backpain.schema`):
          a folder or pattern of ``.parquet`` files, or a list of them, as
          :func:`write_cohort_parquet` writes it.
    format : str, default "auto"
        Per-person files: passed to ``read_diary``.
    subject : str, optional
        Per-person files: passed to ``read_diary`` (by default a file
        without a subject column is named after the file).
    files_per_partition : int, optional
        Per-person files read by one task into one partition (more files a
        partition means fewer, larger tasks for many small files). Default:
        about 64 MiB of files a partition, at most 1,000 files, and at least
        8 partitions when there are that many files. Plain CSV tables of one
        task that share their header are checked together
        (:func:`backpain.read.table.read_table_files`), so 10,000 small
        files cost little more than parsing them.
    persist : bool, optional
        Per-person files: ``True`` reads every file once and keeps the
        diaries in the cluster's memory (with no ``distributed`` client, in
        this process's memory); ``False`` keeps nothing: the files are read
        once for the report and again by each analysis. Default: ``True``
        with a ``distributed`` client, else ``False``.
    lang : {"en", "nl"}, optional
        Language of the report's ``str()`` and of the progress bar while the
        files are read; default: the setting (``backpain.config(lang=...)``),
        which the analyses' bars follow too.
    return_report : bool, optional
        Also return the :class:`LoadReport`, as :func:`backpain.read_diary`
        does. Left unset, the pair is returned with a ``FutureWarning`` (the
        default becomes ``False``).
    **options
        Per-person files: passed to ``read_diary`` (``columns=``,
        ``dayfirst=``, ``pain_scale=``, ...).

    Returns
    -------
    data : dask.dataframe.DataFrame
        The cohort in the canonical schema: ``subject`` (string), ``date``
        (datetime64[ns]) and every variable column (float64, or string for
        ``tags`` and ``notes``; absent variables are all missing), in
        :data:`backpain.COLUMNS` order, then any other column of a Parquet
        dataset. Every subject's days are in one partition.
    report : LoadReport
        With ``return_report=True``: one report for all files: the row counts are the sums over the files
        (``rows_read == rows_kept + rows_merged + rows_duplicate +
        rows_ignored + rows_rejected`` still holds), ``rejected`` lists the
        rejected rows of every file (its ``file`` column names the file),
        ``ignored`` counts by category and file, and a note shared by several
        files is given once with the number of files. Only these small
        reports travel to the client, never the diaries. For Parquet the
        counts come from the files' footers (no data is read).

    Raises
    ------
    DiaryError
        When nothing matches ``source``, a file cannot be read, the Parquet
        dataset lacks ``subject``, ``date`` or ``pain``, or one subject's
        days come from two files that were not given together.

    Notes
    -----
    **One partition per subject group, no shuffle.** Per-person files: each
    task reads whole files, so a subject's days are in the partition of its
    file; a subject found in two files raises (give such files together as
    one list item). Parquet: one partition per file (read whole by
    pyarrow; an analysis reads only the columns it uses); the subject ranges in the files' footers show whether each
    subject is in one file. If they overlap (or the footers lack
    statistics), the rows are regrouped by subject once with
    ``DataFrame.shuffle(on="subject")``, which moves the whole dataset
    between workers (a note says so); writing the data with
    :func:`write_cohort_parquet` avoids that cost.

    On a cluster, connect a client first (``distributed.Client(address)``);
    every later computation uses it.

    Examples
    --------
    >>> import tempfile
    >>> from backpain.simulate import simulate_cohort
    >>> import backpain.dask
    >>> folder = tempfile.mkdtemp()
    >>> diary = simulate_cohort(6, 60, seed=1)
    >>> files = write_cohort_parquet(diary, folder, subjects_per_file=2)
    >>> cohort, report = read_dask(folder, return_report=True)
    >>> cohort.npartitions, report.rows_read == len(diary)
    (3, True)
    >>> res = backpain.dask.correlate(cohort, x=["stress"])
    >>> res.table[["predictor", "lag", "level", "n_subjects"]]
      predictor  lag    level  n_subjects
    0    stress    0   within           6
    1    stress    1   within           6
    2    stress    0  between           6
    """
    _need_dask("read_dask")
    lang = language(lang)
    if files_per_partition is not None:
        check_whole("files_per_partition", files_per_partition, low=1, func="read_dask")
    kind, items, where = _resolve(source)
    if kind == "parquet":
        data, report = _read_parquet(items, where, lang=lang)
        return with_report(data, report, return_report, func="read_dask")
    if files_per_partition is None:
        files_per_partition = _files_per_partition(items)
    data, report = _read_files(
        items,
        where,
        format=format,
        subject=subject,
        files_per_partition=int(files_per_partition),
        persist=persist,
        lang=lang,
        options=options,
    )
    return with_report(data, report, return_report, func="read_dask")


def write_cohort_parquet(
    diary: pd.DataFrame,
    path: str | os.PathLike,
    *,
    subjects_per_file: int = 1000,
    overwrite: bool = False,
) -> list[Path]:
    """Write a diary as a Parquet dataset that :func:`read_dask` reads without a shuffle.

    Sorts by subject and date and writes ``part-00000.parquet``, ... with
    ``subjects_per_file`` whole subjects in each file (one row group per
    file), so that every subject's days are in one file, and so in one
    partition of :func:`read_dask`.

    Parameters
    ----------
    diary : pandas.DataFrame
        A canonical diary (:func:`backpain.read_diary`, :func:`backpain.simulate_cohort`).
    path : str or path
        The folder (created if needed).
    subjects_per_file : int, default 1000
        Subjects per file, and so per partition: 1,000 persons x 365 days is
        about 365,000 rows, some 30 MB in memory.
    overwrite : bool, default False
        Replace the ``part-*.parquet`` files of an earlier run; otherwise a
        folder that already holds Parquet files raises.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    data = _canonical(diary).sort_values(list(KEYS), kind="stable", ignore_index=True)
    return write_by_subject(data, path, subjects_per_file=subjects_per_file, overwrite=overwrite)


def write_by_subject(
    data: pd.DataFrame, path: str | os.PathLike, *, subjects_per_file: int, overwrite: bool
) -> list[Path]:
    """Write ``data`` (sorted by subject) as Parquet files of whole subjects.

    The one writer behind :func:`write_cohort_parquet` and
    :func:`backpain.read.esm.write_esm_parquet`.
    """
    from .._progress import track

    check_whole("subjects_per_file", subjects_per_file, low=1, func="write_cohort_parquet")
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    old = sorted(folder.glob("*.parquet"))
    if old and not overwrite:
        raise ValueError(Message("dask.error.folder_not_empty", path=str(folder)))
    for f in old:
        f.unlink()
    codes = pd.factorize(data["subject"], sort=False)[0]
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]) if len(codes) else np.r_[0]
    bounds = [*starts[::subjects_per_file].tolist(), len(data)]
    out = []
    pieces = range(max(len(bounds) - 1, 1))
    for i in track(pieces, "dask.progress.write", unit="progress.unit.file"):
        lo, hi = (bounds[i], bounds[i + 1]) if len(bounds) > 1 else (0, 0)
        file = folder / f"part-{i:05d}.parquet"
        data.iloc[lo:hi].to_parquet(file, index=False, row_group_size=max(hi - lo, 1))
        out.append(file)
    return out


# ------------------------------------------------------------------ on Dask
def write_esm_parquet(
    momentary: pd.DataFrame,
    path: str | Path,
    *,
    subjects_per_file: int = 1000,
    overwrite: bool = False,
) -> list[Path]:
    """Write a momentary table as a Parquet dataset that :func:`read_esm_dask` reads.

    Sorts by subject and prompt and writes the files as
    :func:`write_cohort_parquet` writes a daily diary (the same writer, the
    same ``subjects_per_file`` and ``overwrite``), so that every person's
    prompts are in one partition.

    Parameters
    ----------
    momentary : pandas.DataFrame
        The momentary table from :func:`backpain.read.esm.read_esm` (or
        :func:`backpain.simulate.simulate_esm`).
    path : str or path
        The folder (created if needed).
    subjects_per_file : int, default 1000
        Persons per file (1,000 persons x 70 days x 10 prompts: 700,000 rows).
    overwrite : bool, default False
        Replace the Parquet files of an earlier run.

    Returns
    -------
    list of pathlib.Path
        The files written.
    """
    missing = [c for c in ("subject", "prompt") if c not in momentary.columns]
    if missing:
        msg = f"write_esm_parquet: the momentary table has no column(s) {missing}; read it with read_esm"
        raise ValueError(msg)
    data = momentary.sort_values(["subject", "prompt"], kind="stable", ignore_index=True)
    return write_by_subject(data, path, subjects_per_file=subjects_per_file, overwrite=overwrite)


def _esm_parquet_part(path: str, columns: list[str] | None = None) -> pd.DataFrame:
    """One Parquet file as one partition (``columns``: Dask's column projection)."""
    import pyarrow.parquet as pq

    return pq.read_table(path, columns=columns).to_pandas()


def _esm_export(path: str, options: dict) -> tuple[pd.DataFrame, LoadReport]:
    return read_esm(path, **options, return_report=True)


def read_esm_dask(source: Any, *, return_report: bool = False, **options: Any) -> Any:
    """Read an experience-sampling study into a Dask DataFrame, each person in one partition.

    :func:`backpain.dask.compliance` and :func:`backpain.dask.momentary_corr`
    take the result and return the same tables as the in-memory
    :func:`backpain.esm.compliance` and :func:`backpain.esm.momentary_corr`.

    Parameters
    ----------
    source : folder, glob pattern, file, or list of files
        Either a Parquet dataset of the momentary table, as
        :func:`write_esm_parquet` writes it (one partition per file, read
        whole; an analysis reads only the columns it uses), or exports that
        that :func:`backpain.read.esm.read_esm` reads (m-Path ``basic.csv``, long tables): one
        partition per file, each read once in a task of its own and kept in
        the cluster's memory (with no ``distributed`` client, in this
        process's). Every person's prompts must be in one file.
    return_report : bool, default False
        Also return the :class:`~backpain.LoadReport`, as :func:`backpain.read_diary` does.
    **options
        Exports: passed to :func:`backpain.read.esm.read_esm` (``format=``, ``items=``,
        ``subject=``). Their item columns must have the same type in every file.

    Returns
    -------
    momentary : dask.dataframe.DataFrame
        The momentary table (:data:`backpain.schema.MOMENTARY_COLUMNS`, then the items).
    report : LoadReport
        With ``return_report=True``. Parquet: the row counts from the files' footers (no data read).
        Exports: the files' reports added up (``parts`` holds each file's),
        so that ``rows_read == rows_kept + rows_ignored + rows_rejected``.

    Raises
    ------
    DiaryError
        When nothing matches ``source``, or the Parquet dataset lacks a column
        of the momentary table.

    Notes
    -----
    A person found in two partitions (two files) is not regrouped: the
    analyses raise a ValueError naming the person (each person's lags and
    sums are computed inside one partition, never across two). Parquet files
    whose subject ranges overlap are regrouped once by ``shuffle(on="subject")``
    (a note says so), as :func:`backpain.read_dask` does.

    Examples
    --------
    >>> import tempfile
    >>> import backpain.dask
    >>> from backpain.simulate import simulate_esm
    >>> momentary = simulate_esm(6, 5, 4, seed=1)
    >>> files = write_esm_parquet(momentary, tempfile.mkdtemp(), subjects_per_file=2)
    >>> study, report = read_esm_dask(files, return_report=True)
    >>> study.npartitions, report.rows_read == len(momentary)
    (3, True)
    >>> backpain.dask.momentary_corr(study, x="stress", y="pain", lag=1)[["level", "n_subjects"]]
         level  n_subjects
    0   within           6
    1  between           6
    """
    _need_dask("read_esm_dask")
    import dask
    import dask.dataframe as dd

    kind, items, where = _resolve(source)
    if kind == "parquet":
        if options:
            msg = f"read_esm_dask: {sorted(options)} apply to exports, not to a Parquet dataset"
            raise ValueError(msg)
        empty, rows, ranges = _footers(items)
        missing = [c for c in MOMENTARY_COLUMNS if c not in empty.columns]
        if missing:
            raise DiaryError(Message("esm.error.parquet_columns", source=where, missing=missing))
        report = LoadReport(source=where, format="parquet", rows_read=rows, rows_kept=rows)
        data = dd.from_map(_esm_parquet_part, items, meta=empty, label="read-esm-parquet")
        if ranges is None or not _disjoint(ranges):
            data = data.shuffle(on="subject")
            report.notes.append(Message("dask.note.shuffled"))
        return with_report(data, report, return_report, func="read_esm_dask")
    files = [f for group in items for f in group]
    tasks = [dask.delayed(_esm_export, pure=True, nout=2)(f, options) for f in files]
    frames = dask.persist(*[t[0] for t in tasks])
    reports = dask.compute(*[t[1] for t in tasks])
    meta = dask.compute(frames[0].iloc[:0])[0]
    formats = sorted({r.format for r in reports})
    report = LoadReport(
        source=where, format=formats[0] if len(formats) == 1 else "esm", parts=list(reports)
    )
    for name in ("rows_read", "rows_kept", "rows_ignored", "rows_rejected"):
        setattr(report, name, sum(getattr(r, name) for r in reports))
    rejected = [r.rejected for r in reports if len(r.rejected)]
    if rejected:
        report.rejected = pd.concat(rejected, ignore_index=True)
    data = dd.from_delayed(list(frames), meta=meta)
    return with_report(data, report, return_report, func="read_esm_dask")
