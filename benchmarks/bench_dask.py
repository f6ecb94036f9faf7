"""Benchmark the analyses on Dask (partitioned Parquet, a process cluster) beside pandas.

Run from the repository root::

    .venv/bin/python benchmarks/bench_dask.py                       # 10k and 100k persons
    .venv/bin/python benchmarks/bench_dask.py --persons 2000 5000   # quick (run_all.py)
    .venv/bin/python benchmarks/bench_dask.py --malloc roomy         # workers' malloc tuned
    .venv/bin/python benchmarks/bench_dask.py --persons 1000000 --pandas-max 0   # stretch

What it measures, for each cohort size (persons x ``--days`` days, simulated by
:func:`backpain.simulate_cohort` in blocks of ``--per-file`` persons, about 10%
of days missing, each block written as one Parquet file by
:func:`backpain.write_cohort_parquet`, so one partition holds ``--per-file``
whole persons):

1. On a ``dask.distributed`` ``LocalCluster`` (``--workers`` processes, one
   thread each): :func:`backpain.read_dask` of the folder, then
   ``correlate`` (6 predictors, lags 0 and 1), ``classify`` and
   ``data_quality``. Wall time of each, and the peak resident memory of each
   worker process (psutil, sampled every 0.1 s) over the whole run.
2. The same in pandas, in this process (one BLAS thread, as each worker), for sizes up to ``--pandas-max``
   persons: ``pandas.read_parquet`` of the folder and the same three calls,
   with this process's peak resident memory, and the largest difference
   between the Dask and the pandas tables (must be below 1e-10 relative).

``--malloc roomy`` starts the workers with a roomier glibc heap than
distributed's default (see the option's help): the same results, faster.

The Parquet folders are kept in ``--data`` (default: a folder under the
system's temporary directory) and reused when present with the same size.
"""

from __future__ import annotations

import os

# One BLAS thread, as in the Dask workers (distributed sets this for them): on a
# shared 2-core machine a multithreaded BLAS makes each dot product wait for cores.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import json
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import psutil

import backpain
import backpain.dask
from backpain import read_dask, write_cohort_parquet
from backpain.simulate import simulate_cohort

OPS = ("correlate", "classify", "data_quality")


class Peak:
    """Sample the resident memory of some processes in a thread; keep each one's peak."""

    def __init__(self, pids: dict[str, int], every: float = 0.1) -> None:
        self.procs = {name: psutil.Process(pid) for name, pid in pids.items()}
        self.peak = dict.fromkeys(pids, 0)
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for name, proc in self.procs.items():
                try:
                    self.peak[name] = max(self.peak[name], proc.memory_info().rss)
                except psutil.Error:
                    pass
            self._stop.wait(self.every)

    def __enter__(self) -> Peak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _warm_up() -> None:
    import backpain.stats  # noqa: F401


def make_cohort(folder: Path, persons: int, days: int, per_file: int) -> float:
    """Write the cohort as Parquet, one file per block of persons; return the seconds taken."""
    stamp = folder / "_size.json"  # names starting with _ are not read
    want = {"persons": persons, "days": days, "per_file": per_file}
    if stamp.exists() and json.loads(stamp.read_text()) == want:
        return 0.0
    t0 = time.perf_counter()
    for block, start in enumerate(range(0, persons, per_file)):
        n = min(per_file, persons - start)
        diary = simulate_cohort(n, days, seed=block)
        diary["subject"] = f"B{block:05d}-" + diary["subject"].astype(str)
        write_cohort_parquet(
            diary, folder / f"block{block:05d}", overwrite=True, subjects_per_file=n
        )
    stamp.write_text(json.dumps(want))
    return time.perf_counter() - t0


def run_dask(client, folder: Path) -> tuple[dict, dict]:
    pids = client.run(os.getpid)
    times, results = {}, {}
    with Peak({f"worker{i}": pid for i, pid in enumerate(pids.values())}) as peak:
        t0 = time.perf_counter()
        data, report = read_dask(folder, return_report=True)
        times["read"] = time.perf_counter() - t0
        for op in OPS:
            t0 = time.perf_counter()
            results[op] = getattr(backpain.dask, op)(data)
            times[op] = time.perf_counter() - t0
    out = {
        "partitions": data.npartitions,
        "rows": report.rows_read,
        "times": times,
        "peak_gb": {k: v / 1e9 for k, v in peak.peak.items()},
    }
    return out, results


def run_pandas(folder: Path) -> tuple[dict, dict]:
    times, results = {}, {}
    with Peak({"pandas": os.getpid()}) as peak:
        t0 = time.perf_counter()
        files = sorted(folder.rglob("*.parquet"))
        diary = pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
        times["read"] = time.perf_counter() - t0
        for op in OPS:
            t0 = time.perf_counter()
            results[op] = getattr(backpain, op)(diary)
            times[op] = time.perf_counter() - t0
        del diary
    return {"times": times, "peak_gb": peak.peak["pandas"] / 1e9}, results


def largest_difference(a: pd.DataFrame, b: pd.DataFrame) -> float:
    """Largest relative difference over the float columns (the other columns must be equal)."""
    pd.testing.assert_frame_equal(a, b, rtol=1e-10, check_exact=False)
    worst = 0.0
    for c in a.columns:
        if pd.api.types.is_float_dtype(a[c]):
            x, y = a[c].to_numpy(dtype=float), b[c].to_numpy(dtype=float)
            ok = np.isfinite(x) & np.isfinite(y)
            scale = np.maximum(np.abs(y[ok]), 1e-300)
            if ok.any():
                worst = max(worst, float(np.max(np.abs(x[ok] - y[ok]) / scale)))
    return worst


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--per-file", type=int, default=1000, help="persons per Parquet file")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory-limit", default="8GB", help="per worker")
    parser.add_argument(
        "--pandas-max", type=int, default=10_000, help="largest size also run in pandas"
    )
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "bench_dask")
    parser.add_argument(
        "--malloc",
        choices=("distributed", "roomy"),
        default="distributed",
        help="glibc malloc settings of the workers: distributed's default "
        "(MALLOC_TRIM_THRESHOLD_=65536) or roomy (trim at 128 MB, mmap from 64 MB)",
    )
    args = parser.parse_args(argv)

    import dask
    from distributed import Client, LocalCluster

    if args.malloc == "roomy":
        # distributed's 64 kB trim threshold returns freed memory to the OS at once, so
        # numpy's temporaries of a few MB are mapped and faulted in again on every call
        # (about 3x slower here); a roomier heap keeps them, at some resident memory.
        dask.config.set(
            {
                "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": 128 * 2**20,
                "distributed.nanny.pre-spawn-environ.MALLOC_MMAP_THRESHOLD_": 64 * 2**20,
            }
        )

    folders = {}
    made = {}
    for persons in args.persons:  # all data first: the cluster then has the machine to itself
        folders[persons] = args.data / f"p{persons}_d{args.days}_f{args.per_file}"
        made[persons] = make_cohort(folders[persons], persons, args.days, args.per_file)
    rows = []
    for persons in args.persons:
        folder = folders[persons]
        with (  # fresh workers for every size
            LocalCluster(
                n_workers=args.workers,
                threads_per_worker=1,
                processes=True,
                memory_limit=args.memory_limit,
                dashboard_address=None,
            ) as cluster,
            Client(cluster) as client,
        ):
            client.run(_warm_up)  # workers that have imported backpain, as this process has
            dask_out, dask_res = run_dask(client, folder)
        row = {"persons": persons, "days": args.days, "malloc": args.malloc}
        row["write_s"] = round(made[persons], 1)
        row.update(dask_out)
        if persons <= args.pandas_max:
            pandas_out, pandas_res = run_pandas(folder)
            row["pandas"] = pandas_out
            row["max_rel_diff"] = max(
                largest_difference(dask_res[op], pandas_res[op]) for op in OPS
            )
        rows.append(row)
        print(json.dumps(row), flush=True)

    print()
    print(
        f"{'persons':>9} {'rows':>11} {'parts':>5}  "
        + " ".join(f"{op + ' s':>14}" for op in ("read", *OPS))
        + f" {'peak GB/worker':>15} {'pandas s (total)':>17} {'pandas GB':>10} {'max diff':>9}"
    )
    for r in rows:
        t = r["times"]
        pandas = r.get("pandas")
        print(
            f"{r['persons']:>9,} {r['rows']:>11,} {r['partitions']:>5}  "
            + " ".join(f"{t[op]:>14.1f}" for op in ("read", *OPS))
            + f" {max(r['peak_gb'].values()):>15.2f}"
            + (
                f" {sum(pandas['times'].values()):>17.1f} {pandas['peak_gb']:>10.2f}"
                f" {r['max_rel_diff']:>9.1e}"
                if pandas
                else f" {'-':>17} {'-':>10} {'-':>9}"
            )
        )


if __name__ == "__main__":
    main()
