"""Running work on a Dask DataFrame: the cluster, progress, and one partition per person.

The infrastructure that :mod:`backpain.dask` (the analyses on a Dask
DataFrame) and :func:`backpain.read_dask` share. Nothing here imports dask at
module level: :func:`is_dask_frame` is called by every in-memory analysis to
refuse a Dask DataFrame with the way out, and must cost nothing when dask is
not installed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "ON_DASK",
    "client",
    "compute",
    "is_dask_frame",
    "one_partition_each",
    "per_partition",
    "refuse_dask",
]

ON_DASK = (
    "between_corr",
    "class_summary",
    "classify",
    "compliance",
    "correlate",
    "data_quality",
    "lagged_corr",
    "momentary_corr",
    "responders",
    "within_corr",
)
"""The analyses :mod:`backpain.dask` offers for a Dask DataFrame (a test keeps it in step)."""


def is_dask_frame(data: object) -> bool:
    """Whether ``data`` is a Dask DataFrame (without importing dask)."""
    module = type(data).__module__
    return module.startswith(("dask.", "dask_expr")) and hasattr(data, "to_delayed")


def refuse_dask(data: object, func: str) -> None:
    """Raise when an in-memory analysis is given a Dask DataFrame, saying what to do.

    The in-memory analyses never compute on Dask themselves: ``backpain.dask``
    holds the distributed versions (opt-in, ``import backpain.dask``).
    """
    if not is_dask_frame(data):
        return
    name = func.split(".")[-1]
    if name in ON_DASK:
        msg = (
            f"{func}: data is a Dask DataFrame; use backpain.dask.{name}(data, ...) "
            "(import backpain.dask), which gives the same table computed by partition"
        )
        raise TypeError(msg)
    msg = (
        f"{func} does not run on a Dask DataFrame; backpain.dask offers {list(ON_DASK)}. "
        "If the data fit in memory, pass data.compute() (a pandas DataFrame)"
    )
    raise NotImplementedError(msg)


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
    local scheduler with a callback that counts the tasks. The bar follows
    the session's settings (``backpain.config(progress=..., lang=...)``; see
    :mod:`backpain._progress`): by default it is shown only when someone can
    see it. ``lang`` overrides the setting's language (a reader's own ``lang=``).
    """
    from ._progress import progress_bar

    tasks = list(tasks)
    cluster = client()
    with progress_bar(
        key, total=len(tasks), lang=lang, unit="progress.unit.partition", **params
    ) as bar:
        if cluster is not None:
            futures = cluster.compute(tasks)
            if bar.shown:
                from distributed import as_completed

                for _ in as_completed(futures):
                    bar.update(1)
            return cluster.gather(futures)
        import dask

        if not bar.shown:
            return list(dask.compute(*tasks))
        from dask.callbacks import Callback

        wanted = {t.key for t in tasks}

        class _Count(Callback):
            def _posttask(self, key: Any, *args: Any) -> None:
                if key in wanted:
                    bar.update(1)

        with _Count():
            return list(dask.compute(*tasks))


def per_partition(
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


def meta(data: Any) -> pd.DataFrame:
    """The empty pandas frame with ``data``'s columns and dtypes."""
    return data._meta


def one_partition_each(ids: Sequence[np.ndarray], subject: str) -> None:
    """Raise unless every subject's rows are in one partition (the analyses rely on it)."""
    every = pd.Series(np.concatenate([np.asarray(i, dtype=object) for i in ids] or [[]]))
    twice = every.duplicated()
    if twice.any():
        name = every[twice].iloc[0]
        msg = (
            f"the rows of {subject} {name!r} are in more than one partition of the Dask "
            "DataFrame; the analyses need each person's days in one partition: read the cohort "
            f"with backpain.read_dask(), or regroup it with data.shuffle(on={subject!r})"
        )
        raise ValueError(msg)
