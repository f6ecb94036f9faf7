"""The cohort analyses on a Dask DataFrame: opt-in, for cohorts beyond one machine.

``import backpain.dask`` (with the ``dask`` extra installed) and call the same
analyses here on a Dask DataFrame from :func:`backpain.read_dask`:
:func:`correlate`, :func:`within_corr`, :func:`between_corr`,
:func:`lagged_corr`, :func:`classify`, :func:`class_summary`,
:func:`data_quality` and :func:`responders`. Each returns the same pandas table as the in-memory
function of the same name (equal to 1e-10 in the tests), whose docstring
describes the arguments and the result. The in-memory functions never
import this module; given a Dask DataFrame they say to use this one.

How: every subject's days lie in one partition (see
:func:`backpain.read_dask`), so the in-memory code computes each partition's
per-subject sums (:func:`backpain.sums_of.corr_sums`, the one implementation of
them), only those sums reach the client, they combine exactly (counts and
sums of squares and products add; per-person means concatenate), and the
in-memory table functions finish the job: no shuffle and no second copy of
the arithmetic. A subject found in two partitions (a frame cut by rows, e.g.
``dask.dataframe.from_pandas(diary, npartitions=4)``) raises a ValueError that
says how to regroup it, never a silently wrong number. ``classify`` and
``data_quality`` are per-subject tables: each partition's rows come from the
in-memory function, concatenated in subject order; ``class_summary``'s counts
add up.

Examples
--------
>>> import backpain, backpain.dask
>>> import dask.dataframe as dd
>>> diary = backpain.simulate_cohort(6, 40, seed=1)
>>> parts = dd.from_pandas(diary, npartitions=1)
>>> table = backpain.dask.correlate(parts, x=["stress"]).table
>>> bool((table["r"] - backpain.correlate(diary, x=["stress"]).table["r"]).abs().max() < 1e-12)
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from . import _cohort_sums as sums_of
from ._check import argument_error
from ._cluster import ON_DASK, meta, one_partition_each, per_partition
from ._cohort_sums import PREDICTORS
from ._correlation import COHORT_SERIAL, check_between_method, check_cohort_serial
from ._diary_arrays import check_lags, numeric_values, require_columns
from ._momentary import check_corr, corr_sums, corr_table
from .classify import ClassSummary
from .classify import class_summary as _class_summary
from .classify import classify as _classify
from .read import read_dask, write_cohort_parquet
from .read._dask import read_esm_dask, write_esm_parquet
from .validate import data_quality as _data_quality

__all__ = [*ON_DASK, "read_dask", "read_esm_dask", "write_cohort_parquet", "write_esm_parquet"]


def _sums(data: Any, *, use: Sequence[str], subject: str, **kwargs: Any) -> sums_of.CorrSums:
    """Each partition's correlation sums, computed where the data are, combined."""
    parts = per_partition(data, sums_of.corr_sums, use=use, subject=subject, **kwargs)
    return sums_of.CorrSums.combine(parts, subject)


def _columns(data: Any, columns: Sequence[str], *, func: str) -> pd.DataFrame:
    """Check ``columns`` on the frame's empty pandas meta (no data read)."""
    frame = meta(data)
    require_columns(frame, columns, func=func)
    return frame


def within_corr(
    data: Any, *, x: str, y: str, subject: str = "subject", ci: str = "fisher"
) -> sums_of.WithinCorr:
    """:func:`backpain.within_corr` on a Dask DataFrame (see that function).

    Only the Fisher interval: a bootstrap resamples persons in memory, so it
    is refused with a message saying how to get it.
    """
    if ci != "fisher":
        msg = (
            f"ci={ci!r} on a Dask DataFrame is not available; the bootstrap resamples persons "
            "in memory. Use ci='fisher', or pass the frame's compute() (a pandas DataFrame) "
            "for a bootstrap interval."
        )
        raise argument_error(msg, func="within_corr")
    frame = _columns(data, [x, y, subject], func="within_corr")
    numeric_values(frame, x, func="within_corr")
    numeric_values(frame, y, func="within_corr")
    sums = _sums(
        data, use=[subject, x, y], subject=subject, func="within_corr", y=y, xs=[x], lags=None
    )
    return sums_of.WithinCorr(sums_of.within_table(sums, x=x, y=y))


def between_corr(
    data: Any, *, x: str, y: str, subject: str = "subject", method: str = "pearson"
) -> pd.DataFrame:
    """:func:`backpain.between_corr` on a Dask DataFrame (see that function)."""
    check_between_method(method)
    frame = _columns(data, [x, y, subject], func="between_corr")
    numeric_values(frame, x, func="between_corr")
    numeric_values(frame, y, func="between_corr")
    sums = _sums(
        data,
        use=[subject, x, y],
        subject=subject,
        func="between_corr",
        y=y,
        xs=[x],
        lags=None,
        runs=method == "pearson",
    )
    return sums_of.between_table(sums, x=x, y=y, method=method)


def lagged_corr(
    data: Any,
    *,
    x: str,
    y: str,
    lags: Sequence[int] = (0, 1, 2, 3),
    subject: str = "subject",
    serial: str = COHORT_SERIAL,
) -> pd.DataFrame:
    """:func:`backpain.lagged_corr` on a Dask DataFrame (see that function)."""
    lags = check_lags(lags, func="lagged_corr")
    check_cohort_serial(serial, func="lagged_corr")
    _columns(data, [subject, "date", x, y], func="lagged_corr")
    sums = _sums(
        data,
        use=[subject, "date", x, y],
        subject=subject,
        func="lagged_corr",
        y=y,
        xs=[x],
        lags=lags,
        serial=serial,
    )
    return sums_of.lagged_table(sums, x=x, y=y, lags=lags, serial=serial)


def correlate(
    data: Any,
    *,
    y: str = "pain",
    x: Sequence[str] | str = PREDICTORS,
    lags: Sequence[int] = (0, 1),
    subject: str = "subject",
    serial: str = COHORT_SERIAL,
) -> sums_of.Correlations:
    """:func:`backpain.correlate` on a Dask DataFrame (see that function)."""
    frame = meta(data)
    lags, candidates, notes = sums_of.correlate_args(frame.columns, x=x, lags=lags, serial=serial)
    require_columns(frame, [subject, "date", y, *candidates], func="correlate")
    sums = _sums(
        data,
        use=[subject, "date", y, *candidates],
        subject=subject,
        func="correlate",
        y=y,
        xs=candidates,
        lags=lags,
        serial=serial,
        between=True,
    )
    return sums_of.correlate_table(sums, y=y, x=x, lags=lags, serial=serial, notes=notes)


# ------------------------------------------------------- per-subject tables
def _table_part(part: pd.DataFrame, func: Callable[..., pd.DataFrame], kwargs: dict) -> Any:
    if len(part) == 0:
        return None
    return func(part, **kwargs)


def _per_subject_table(
    data: Any, func: Callable[..., pd.DataFrame], use: Sequence[str], **kwargs: Any
) -> pd.DataFrame:
    """``func`` (a one-row-per-subject table) per partition, concatenated in subject order."""
    parts = [
        p
        for p in per_partition(data, _table_part, use=use, func=func, kwargs=kwargs)
        if p is not None
    ]
    if not parts:
        return func(meta(data), **kwargs)
    one_partition_each([p["subject"].to_numpy(dtype=object) for p in parts], "subject")
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return out.sort_values("subject", kind="stable", ignore_index=True)


def classify(data: Any, **kwargs: Any) -> pd.DataFrame:
    """:func:`backpain.classify` on a Dask DataFrame, partition by partition.

    Each subject is classified from its own days, so each partition's rows
    equal the in-memory rows of its subjects.
    """
    use = ["subject", "date", "pain"]
    onset = kwargs.get("onset")
    if isinstance(onset, str) and onset in meta(data).columns:
        use.append(onset)
    return _per_subject_table(data, _classify, use, **kwargs)


def data_quality(data: Any) -> pd.DataFrame:
    """:func:`backpain.data_quality` on a Dask DataFrame, partition by partition."""
    frame = meta(data)
    numbers = [c for c in frame.columns if c not in ("tags", "notes")]  # text is not summarised
    return _per_subject_table(data, _data_quality, numbers)


def class_summary(classified: Any) -> ClassSummary:
    """:func:`backpain.class_summary` of a Dask DataFrame holding ``duration_class``.

    The counts of each partition add up; the percentages are recomputed
    from the totals.
    """
    frame = meta(classified)
    if "duration_class" not in frame.columns:
        return _class_summary(frame)  # raises the in-memory error
    use = [c for c in ("duration_class", "nih_chronic") if c in frame.columns]
    parts = per_partition(classified, _class_summary, use=use)
    out = parts[0].table.copy()
    counts = [c for c in ("n", "n_nih_chronic", "n_nih_undecided") if c in out.columns]
    for c in counts:
        out[c] = np.sum([p.table[c].to_numpy() for p in parts], axis=0).astype(np.int64)
    n = out["n"].to_numpy()
    total = int(n.sum())
    out["percent"] = 100 * n / total if total else np.full(len(n), np.nan)
    return ClassSummary(out, n_unclassified=sum(p.n_unclassified for p in parts))


def responders(
    data: Any, *, weeks: float = 4, min_days: int = 14, by: str | None = None
) -> pd.DataFrame:
    """:func:`backpain.responders` on a Dask DataFrame, partition by partition.

    Each person's baseline and follow-up sums are computed inside the
    partition that holds the person (:func:`backpain.change.person_windows`,
    the in-memory code; no shuffle); the per-person rows are concatenated in
    subject order, equal to the in-memory table.
    """
    from .change import person_windows
    from .change import responders as in_memory

    in_memory(meta(data), weeks=weeks, min_days=min_days, by=by)  # the in-memory checks
    use = ["subject", "date", "pain", *([by] if by else [])]
    return _per_subject_table(data, person_windows, use, weeks=weeks, min_days=min_days, by=by)


# ------------------------------------------------------ experience sampling
_PROMPT_KEYS = ["subject", "prompt", "day", "day_prompt", "answered"]


def compliance(momentary: Any, *, min_share: float = 0.5) -> Any:
    """:func:`backpain.esm.compliance` on a Dask DataFrame of the momentary table.

    Read the study with :func:`backpain.read.esm.read_esm_dask` (each
    person's prompts in one partition). Each partition's per-person and
    per-day rows come from the in-memory function; the counts per prompt
    number add up and their share is recomputed from the totals.
    """
    from . import esm

    esm.compliance(meta(momentary), min_share=min_share)  # the in-memory checks
    use = [*_PROMPT_KEYS, "sent", "started", "completed"]
    parts = [
        p
        for p in per_partition(
            momentary, _table_part, use=use, func=esm.compliance, kwargs={"min_share": min_share}
        )
        if p is not None
    ]
    if not parts:
        return esm.compliance(meta(momentary), min_share=min_share)
    return esm.Compliance.combine(parts)


def momentary_corr(
    momentary: Any, *, x: str, y: str, lag: int = 0, overnight: bool = False
) -> pd.DataFrame:
    """:func:`backpain.esm.momentary_corr` on a Dask DataFrame of the momentary table.

    Each partition's per-person pair sums come from the in-memory code (the
    lags are found inside the partition, so each person's prompts must be in
    one: :func:`backpain.read.esm.read_esm_dask`); they combine exactly.
    """

    check_corr(meta(momentary), x=x, y=y, lag=lag)
    parts = per_partition(
        momentary,
        corr_sums,
        use=[*_PROMPT_KEYS, x, y],
        x=x,
        y=y,
        lag=lag,
        overnight=overnight,
    )
    return corr_table(sums_of.CorrSums.combine(parts), x=x, y=y, lag=lag)
