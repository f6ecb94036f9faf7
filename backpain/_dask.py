"""The diary analyses on a Dask DataFrame, combined from per-subject sums.

:func:`backpain.correlate`, :func:`~backpain.within_corr`,
:func:`~backpain.between_corr`, :func:`~backpain.lagged_corr`,
:func:`~backpain.classify`, :func:`~backpain.class_summary` and
:func:`~backpain.data_quality` hand a Dask DataFrame to the functions here
(one dispatch line at the top of each). They return the same pandas result
as in memory.

How: every subject's days lie in one partition (see
:func:`backpain.read_dask`), so everything that needs a subject's own rows
(the person means, the day ``lag`` days back, a person's episodes) is
computed inside the partition that holds the subject. A partition returns
small pieces (sums of squares and products, person means, one row per
subject) and the client adds them up: no shuffle, and only per-subject
numbers ever reach the client. Each partition also returns its subject
ids, and a subject found in two partitions (a frame cut by rows, e.g.
``dask.dataframe.from_pandas(diary, npartitions=4)``) raises a ValueError
that says how to regroup it, never a silently wrong number.

Exactness: the within-person correlations are functions of sums (counts,
sums of centred values, their squares and products) that add over
partitions, so the result equals the in-memory one up to the order of
floating-point additions (about 1e-15 relative). The between-person
correlation needs each person's two means, which are computed whole in the
person's partition and concatenated. The ``serial="neff"`` correction needs
the lag-1 autocorrelations pooled over persons: again sums that add over
partitions. ``classify`` and ``data_quality`` are per-subject tables:
each partition's rows are computed by the in-memory function and
concatenated in subject order. ``class_summary`` counts add up exactly.

Nothing here imports dask at module level: ``is_dask_frame`` is called on
every analysis and must cost nothing when dask is not installed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._correlation import (
    COHORT_SERIAL,
    ar1_inflation,
    between_r,
    bh_adjust,
    check_between_method,
    check_cohort_serial,
    within_r,
)
from .text import Message

# backpain._diary_arrays is imported inside the functions: it imports backpain.validate,
# which imports this module for its dispatch line.

__all__ = [
    "between_corr",
    "class_summary",
    "classify",
    "client",
    "compute",
    "correlate",
    "data_quality",
    "dispatch",
    "is_dask_frame",
    "lagged_corr",
    "progress_lang",
    "within_corr",
]


def is_dask_frame(data: object) -> bool:
    """Whether ``data`` is a Dask DataFrame (without importing dask)."""
    module = type(data).__module__
    return module.startswith(("dask.", "dask_expr")) and hasattr(data, "to_delayed")


def dispatch(func: str, /, *args: Any, **kwargs: Any) -> Any:
    """Run the Dask version of the analysis ``func`` (a Dask DataFrame in the arguments)."""
    return globals()[func](*args, **kwargs)


def progress_lang() -> str:
    """Language of the Dask progress bars: ``dask.config`` key ``backpain.lang`` (default en)."""
    import dask

    lang = dask.config.get("backpain.lang", "en")
    return lang if lang in ("en", "nl") else "en"


# ------------------------------------------------------------------ running
def client() -> Any:
    """The ``dask.distributed`` client computations go to, or None (local scheduler).

    None also when a local scheduler was chosen explicitly
    (``dask.config.set(scheduler="threads")``) while a client exists.
    """
    try:
        from distributed import default_client
    except ImportError:  # pragma: no cover - distributed ships with the dask extra
        return None
    try:
        found = default_client()
    except ValueError:
        return None
    import dask

    chosen = dask.config.get("scheduler", None)
    if chosen not in (None, "dask.distributed", "distributed"):
        return None
    return found


def compute(
    tasks: Sequence[Any],
    *,
    key: str = "dask.progress.compute",
    lang: str | None = None,
    **params: Any,
) -> list:
    """Compute Dask ``tasks`` (delayed objects) with a progress bar; results in order.

    With a ``dask.distributed`` client the tasks run on its cluster and the
    bar advances as each one finishes (``as_completed``); otherwise on the
    local scheduler with a callback that counts the tasks. The bar is shown
    only when someone can see it (see :mod:`backpain._progress`), in ``lang``
    (default: :func:`progress_lang`).
    """
    from ._progress import interactive, progress_bar

    tasks = list(tasks)
    lang = progress_lang() if lang is None else lang
    cluster = client()
    if cluster is not None:
        futures = cluster.compute(tasks)
        if interactive():
            from distributed import as_completed

            with progress_bar(
                key, total=len(futures), lang=lang, unit="progress.unit.partition", **params
            ) as bar:
                for _ in as_completed(futures):
                    bar.update(1)
        return cluster.gather(futures)
    import dask

    if not interactive():
        return list(dask.compute(*tasks))
    from dask.callbacks import Callback

    wanted = {t.key for t in tasks}

    class _Count(Callback):
        def __init__(self, bar: Any) -> None:
            super().__init__()
            self.bar = bar

        def _posttask(self, key: Any, *args: Any) -> None:
            if key in wanted:
                self.bar.update(1)

    with (
        progress_bar(
            key, total=len(tasks), lang=lang, unit="progress.unit.partition", **params
        ) as bar,
        _Count(bar),
    ):
        return list(dask.compute(*tasks))


def _per_partition(
    data: Any, work: Callable[..., Any], /, *, use: Sequence[str] | None = None, **kwargs: Any
) -> list:
    """``work(partition, **kwargs)`` for every partition of ``data``, computed.

    ``use``: the only columns ``work`` needs, so that a Parquet dataset is
    read for those columns only.
    """
    import dask

    if use is not None:
        data = data[list(dict.fromkeys(use))]
    run = dask.delayed(work, pure=True)
    tasks = [run(part, **kwargs) for part in data.to_delayed()]
    return compute(tasks)


def _meta(data: Any) -> pd.DataFrame:
    """The empty pandas frame with ``data``'s columns and dtypes."""
    return data._meta


# ------------------------------------------------------------- correlations
class _Part:
    """One partition's subjects, with per-subject sums over its rows.

    As in :mod:`backpain.stats`: when the rows come subject by subject, the
    sums are ``numpy.add.reduceat`` over the runs, else weighted
    ``numpy.bincount`` (always with ``runs=False``, which keeps exact ties
    between person means for Spearman's r).
    """

    def __init__(self, part: pd.DataFrame, subject: str, *, runs: bool = True) -> None:
        from ._diary_arrays import subject_codes

        codes, self.k = subject_codes(part, subject)
        self.codes = codes
        self.valid = codes >= 0
        self.cc = np.maximum(codes, 0)
        self.starts: np.ndarray | None = None
        if runs and len(codes) and codes.min() >= 0 and (codes[1:] >= codes[:-1]).all():
            self.starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])

    def sums(self, weights: np.ndarray) -> np.ndarray:
        """Per-subject sums of ``weights``."""
        if self.starts is not None:
            return np.add.reduceat(weights, self.starts, dtype=np.float64)
        return np.bincount(self.cc, weights, minlength=self.k)

    def centred(self, values: np.ndarray) -> dict[str, Any]:
        """Values centred on each subject's mean, as ``stats`` centres them."""
        ok = np.isfinite(values) & self.valid
        n = self.sums(ok.astype("float64"))
        s = self.sums(np.where(ok, values, 0.0))
        mean = s / np.maximum(n, 1)
        return {"shift": mean, "dev": values - mean[self.cc], "n": n}


def _pair_pieces(
    g: _Part, cx: dict, cy: dict, pos: np.ndarray | None, *, means: bool = False
) -> dict[str, Any]:
    """Additive pieces of the complete (x at ``pos``, y) pairs of one partition."""
    yd = cy["dev"]
    xs = cx["dev"] if pos is None else cx["dev"][np.maximum(pos, 0)]
    ok = np.isfinite(yd) & g.valid & np.isfinite(xs)
    if pos is not None:
        ok &= pos >= 0
    n = g.sums(ok.astype("float64"))
    xz, yz = np.where(ok, xs, 0.0), np.where(ok, yd, 0.0)
    sx, sy = g.sums(xz), g.sums(yz)
    has = n > 0
    nh = n[has]
    many = n >= 2
    out = {
        "n_obs": int(n[many].sum()),
        "n_subjects": int(np.count_nonzero(many)),
        "n_pairs": int(n.sum()),
        "sxx": float(xz @ xz),
        "syy": float(yz @ yz),
        "sxy": float(xz @ yz),
        "qxx": float(sx[has] @ (sx[has] / nh)),
        "qyy": float(sy[has] @ (sy[has] / nh)),
        "qxy": float(sx[has] @ (sy[has] / nh)),
    }
    if means:
        out["mx"] = sx[has] / nh + cx["shift"][has]
        out["my"] = sy[has] / nh + cy["shift"][has]
    return out


def _lag1_pieces(c: dict, prev: np.ndarray) -> dict[str, float]:
    """Additive pieces of the pooled lag-1 autocorrelation of a centred column."""
    from ._diary_arrays import shift

    dev = c["dev"]
    fin = np.isfinite(dev)
    before = shift(dev, prev)
    pair = fin & np.isfinite(before)
    return {
        "n_fin": int(fin.sum()),
        "dd": float(dev[fin] @ dev[fin]),
        "n_pair": int(pair.sum()),
        "db": float(dev[pair] @ before[pair]),
        "n_people": int(np.count_nonzero(c["n"] >= 2)),
    }


def _add(pieces: Sequence[dict]) -> dict[str, Any]:
    """Add the scalar pieces of all partitions; concatenate the per-person means."""
    out: dict[str, Any] = {}
    for piece in pieces:
        for name, value in piece.items():
            if isinstance(value, np.ndarray):
                out.setdefault(name, []).append(value)
            else:
                out[name] = out.get(name, 0) + value
    for name, value in out.items():
        if isinstance(value, list):
            out[name] = np.concatenate(value)
    return out


def _pooled_lag1(p: dict[str, float]) -> float:
    """Pooled, bias-corrected lag-1 autocorrelation (as ``stats``)."""
    if p["n_fin"] < 3:
        return 0.0
    c0 = p["dd"] / p["n_fin"]
    if p["n_pair"] == 0 or c0 <= 0:
        return 0.0
    r = p["db"] / p["n_pair"] / c0
    return r + (1 + 3 * r) * p["n_people"] / p["n_fin"]


def _within(p: dict[str, Any], inflate: float = 1.0) -> dict[str, Any]:
    """The repeated-measures correlation from summed pieces (as ``stats``)."""

    def sums() -> tuple[float, float, float, float, float]:
        wxx, wyy, wxy = p["sxx"] - p["qxx"], p["syy"] - p["qyy"], p["sxy"] - p["qxy"]
        return p["sxx"], p["syy"], wxx, wyy, wxy

    return within_r(p.get("n_obs", 0), p.get("n_subjects", 0), sums, inflate)


def _corr_pieces(
    part: pd.DataFrame,
    *,
    func: str,
    y: str,
    xs: Sequence[str],
    lags: Sequence[int] | None,
    subject: str,
    serial: str,
    between: bool,
    method: str = "pearson",
) -> dict[str, Any]:
    """Every additive piece one partition contributes to a correlation table.

    ``lags=None``: pairs on the same row (no dates needed, as ``within_corr``).
    """
    from ._diary_arrays import Calendar, check_dated, numeric_values

    counts = {name: int(part[name].notna().sum()) for name in xs}
    present = [name for name in xs if counts[name]]
    ids = part[subject].dropna().unique()
    out: dict[str, Any] = {"count": counts, "subjects": np.asarray(ids, dtype=object)}
    if len(part) == 0:
        return out
    if lags is not None:
        check_dated(part, [y, *present], subject=subject, func=func)
    g = _Part(part, subject, runs=method == "pearson")
    cy = g.centred(numeric_values(part, y, func=func))
    positions: dict[int, np.ndarray | None] = {0: None}
    prev = None
    if lags is not None:
        # lag 0 pairs a row with itself (check_dated ensures a subject and date on every row)
        cal = Calendar(g.codes, part["date"], max(lags, default=0) + 1)
        positions = {lag: (None if lag == 0 and cal.all_ok else cal.positions(lag)) for lag in lags}
        if serial == "neff":
            prev = cal.positions(1)
            out["lag1", y] = _lag1_pieces(cy, prev)
    for name in present:
        cx = g.centred(numeric_values(part, name, func=func))
        for lag, pos in positions.items():
            out["pairs", name, lag] = _pair_pieces(g, cx, cy, pos, means=between and lag == 0)
        if between and 0 not in positions:
            out["same", name] = _pair_pieces(g, cx, cy, None, means=True)
        if prev is not None:
            out["lag1", name] = _lag1_pieces(cx, prev)
    return out


def _combine(pieces: Sequence[dict], key: tuple) -> dict[str, Any]:
    return _add([p[key] for p in pieces if key in p])


def _one_partition_each(ids: Sequence[np.ndarray], subject: str) -> None:
    """Raise unless every subject's rows are in one partition (the analyses rely on it)."""
    every = pd.Series(np.concatenate([np.asarray(i, dtype=object) for i in ids] or [[]]))
    twice = every.duplicated()
    if twice.any():
        name = every[twice].iloc[0]
        raise ValueError(Message("dask.error.split_subject", subject=subject, name=name))


def _counts(pieces: Sequence[dict]) -> dict[str, int]:
    out: dict[str, int] = {}
    for p in pieces:
        for name, n in p["count"].items():
            out[name] = out.get(name, 0) + n
    return out


def _check_columns(data: Any, columns: Sequence[str], *, func: str) -> pd.DataFrame:
    from ._diary_arrays import require_columns

    meta = _meta(data)
    require_columns(meta, columns, func=func)
    return meta


def _pair_sums(
    data: Any, x: str, y: str, subject: str, *, func: str, between: bool, **options: Any
) -> dict[str, Any]:
    """The summed pieces of one pair ``x``, ``y`` on the same day, over all partitions."""
    from ._diary_arrays import numeric_values

    meta = _check_columns(data, [x, y, subject], func=func)
    numeric_values(meta, x, func=func)
    numeric_values(meta, y, func=func)
    pieces = _per_partition(
        data,
        _corr_pieces,
        use=[subject, x, y],
        func=func,
        y=y,
        xs=[x],
        lags=None,
        subject=subject,
        serial="none",
        between=between,
        **options,
    )
    _one_partition_each([p["subjects"] for p in pieces], subject)
    return _combine(pieces, ("pairs", x, 0))


def within_corr(
    data: Any, *, x: str, y: str, subject: str = "subject", ci: str = "fisher"
) -> pd.DataFrame:
    """:func:`backpain.within_corr` on a Dask DataFrame (see that function).

    Only the Fisher interval: a bootstrap resamples persons in memory, so it
    is refused with a message saying how to get it.
    """
    if ci != "fisher":
        raise ValueError(Message("dask.error.bootstrap", ci=ci))
    res = _within(_pair_sums(data, x, y, subject, func="within_corr", between=False))
    out = pd.DataFrame([{"x": x, "y": y, **res}])
    out.attrs["ci"] = "fisher"  # as in memory
    return out


def between_corr(
    data: Any, *, x: str, y: str, subject: str = "subject", method: str = "pearson"
) -> pd.DataFrame:
    """:func:`backpain.between_corr` on a Dask DataFrame (see that function)."""
    check_between_method(method)
    p = _pair_sums(data, x, y, subject, func="between_corr", between=True, method=method)
    empty = np.empty(0)
    res = between_r(p.get("mx", empty), p.get("my", empty), method)
    row = {"x": x, "y": y, "method": method, **res}
    return pd.DataFrame([row])[["x", "y", "method", "r", "n", "ci95_low", "ci95_high", "p_val"]]


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
    from ._diary_arrays import check_lags

    lags = check_lags(lags, func="lagged_corr")
    check_cohort_serial(serial, func="lagged_corr")
    _check_columns(data, [subject, "date", x, y], func="lagged_corr")
    pieces = _per_partition(
        data,
        _corr_pieces,
        use=[subject, "date", x, y],
        func="lagged_corr",
        y=y,
        xs=[x],
        lags=lags,
        subject=subject,
        serial=serial,
        between=False,
    )
    _one_partition_each([p["subjects"] for p in pieces], subject)
    inflate = 1.0
    if serial == "neff":
        rx = _pooled_lag1(_lag1_total(pieces, x))
        ry = _pooled_lag1(_lag1_total(pieces, y))
        inflate = ar1_inflation(rx, ry)
    rows = []
    for lag in lags:
        res = _within(_combine(pieces, ("pairs", x, lag)), inflate)
        rows.append({"x": x, "y": y, "lag": lag, **res})
    return pd.DataFrame(rows)


def _lag1_total(pieces: Sequence[dict], name: str) -> dict[str, float]:
    total = {"n_fin": 0, "dd": 0.0, "n_pair": 0, "db": 0.0, "n_people": 0}
    return {**total, **_combine(pieces, ("lag1", name))}


def correlate(
    data: Any,
    *,
    y: str = "pain",
    x: Sequence[str] | str = (
        "stress",
        "sleep_hours",
        "sleep_quality",
        "steps",
        "active_minutes",
        "mood",
    ),
    lags: Sequence[int] = (0, 1),
    subject: str = "subject",
    serial: str = COHORT_SERIAL,
) -> pd.DataFrame:
    """:func:`backpain.correlate` on a Dask DataFrame (see that function)."""
    from ._diary_arrays import check_lags, require_columns

    lags = check_lags(lags, func="correlate")
    check_cohort_serial(serial, func="correlate")
    x = (x,) if isinstance(x, str) else tuple(x)
    meta = _meta(data)
    notes: list[str] = []
    candidates = []
    for name in dict.fromkeys(x):
        if name not in meta.columns:
            notes.append(Message("dask.note.not_a_column", name=name))
        else:
            candidates.append(name)
    require_columns(meta, [subject, "date", y, *candidates], func="correlate")
    pieces = _per_partition(
        data,
        _corr_pieces,
        use=[subject, "date", y, *candidates],
        func="correlate",
        y=y,
        xs=candidates,
        lags=lags,
        subject=subject,
        serial=serial,
        between=True,
    )
    _one_partition_each([p["subjects"] for p in pieces], subject)
    counts = _counts(pieces)
    rows = []
    ry = _pooled_lag1(_lag1_total(pieces, y)) if serial == "neff" else 0.0
    for name in candidates:
        if not counts.get(name):
            notes.append(Message("dask.note.no_values", name=name))
            continue
        inflate = 1.0
        if serial == "neff":
            inflate = ar1_inflation(_pooled_lag1(_lag1_total(pieces, name)), ry)
        for lag in lags:
            res = _within(_combine(pieces, ("pairs", name, lag)), inflate)
            rows.append({"predictor": name, "lag": lag, "level": "within", **res})
        key = ("pairs", name, 0) if 0 in lags else ("same", name)
        same = _combine(pieces, key)
        empty = np.empty(0)
        res = between_r(same.get("mx", empty), same.get("my", empty), "pearson")
        rows.append(
            {
                "predictor": name,
                "lag": 0,
                "level": "between",
                **res,
                "n_obs": int(same.get("n_pairs", 0)),
                "n_subjects": res["n"],
            }
        )
    # notes in the order of x, as in memory
    order = {name: i for i, name in enumerate(dict.fromkeys(x))}
    notes.sort(key=lambda m: order[m.params["name"]])
    cols = ["predictor", "lag", "level", "r", "ci95_low", "ci95_high", "p_val"]
    out = pd.DataFrame(rows, columns=[*cols, "n_obs", "n_subjects"])
    out.insert(len(cols), "p_fdr", bh_adjust(out["p_val"].to_numpy(dtype="float64")))
    out = out.astype({"lag": "int64", "n_obs": "int64", "n_subjects": "int64"})
    out.attrs["notes"] = notes
    return out


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
        for p in _per_partition(data, _table_part, use=use, func=func, kwargs=kwargs)
        if p is not None
    ]
    if not parts:
        return func(_meta(data), **kwargs)
    _one_partition_each([p["subject"].to_numpy(dtype=object) for p in parts], "subject")
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return out.sort_values("subject", kind="stable", ignore_index=True)


def classify(data: Any, **kwargs: Any) -> pd.DataFrame:
    """:func:`backpain.classify` on a Dask DataFrame, partition by partition.

    Each subject is classified from its own days, so each partition's rows
    equal the in-memory rows of its subjects.
    """
    from .classify import classify as in_memory

    use = ["subject", "date", "pain"]
    onset = kwargs.get("onset")
    if isinstance(onset, str) and onset in _meta(data).columns:
        use.append(onset)
    return _per_subject_table(data, in_memory, use, **kwargs)


def data_quality(data: Any) -> pd.DataFrame:
    """:func:`backpain.data_quality` on a Dask DataFrame, partition by partition."""
    from .validate import data_quality as in_memory

    meta = _meta(data)
    numbers = [c for c in meta.columns if c not in ("tags", "notes")]  # text is not summarised
    return _per_subject_table(data, in_memory, numbers)


def _class_counts(part: pd.DataFrame) -> pd.DataFrame:
    from .classify import class_summary as in_memory

    return in_memory(part)


def class_summary(classified: Any) -> pd.DataFrame:
    """:func:`backpain.class_summary` of a Dask DataFrame holding ``duration_class``.

    The counts of each partition add up; the percentages are recomputed
    from the totals.
    """
    from .classify import class_summary as in_memory

    meta = _meta(classified)
    if "duration_class" not in meta.columns:
        return in_memory(meta)  # raises the in-memory error
    use = [c for c in ("duration_class", "nih_chronic") if c in meta.columns]
    parts = _per_partition(classified, _class_counts, use=use)
    out = parts[0].copy()
    counts = [c for c in ("n", "n_nih_chronic", "n_nih_undecided") if c in out.columns]
    for c in counts:
        out[c] = np.sum([p[c].to_numpy() for p in parts], axis=0).astype(np.int64)
    n = out["n"].to_numpy()
    total = int(n.sum())
    out["percent"] = 100 * n / total if total else np.full(len(n), np.nan)
    out.attrs["n_unclassified"] = int(sum(p.attrs["n_unclassified"] for p in parts))
    return out
