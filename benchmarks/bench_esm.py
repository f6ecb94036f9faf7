"""Benchmark an experience-sampling cohort: read from Parquet, compliance, within-day lags.

Run from the repository root::

    .venv/bin/python benchmarks/bench_esm.py                      # 10,000 x 70 x 10 = 7 M prompts
    .venv/bin/python benchmarks/bench_esm.py --persons 1000       # quick (run_all.py)
    .venv/bin/python benchmarks/bench_esm.py --dask               # also on a 2-worker LocalCluster

A study of ``--persons`` x ``--days`` x ``--prompts`` prompts is simulated by
:func:`backpain.simulate.simulate_esm` and written once to Parquet (kept in
``--data``). Then, each in a child process of its own so that its peak
resident memory is its own (``resource.getrusage``):

- **backpain**: ``pandas.read_parquet`` of the momentary table,
  :func:`backpain.esm.compliance` and :func:`backpain.esm.momentary_corr`
  of stress at one prompt with pain at the next prompt of the same day
  (within- and between-person), for three pairs;
- **floor**: the bare pandas a researcher would write for the same pairs:
  ``read_parquet`` of the columns needed, the previous prompt by a grouped
  ``shift`` within person and day, person-mean centring by ``groupby``
  ``transform``, and ``numpy.corrcoef`` of the centred values.

- **dask** (``--dask``): the same study written once by
  :func:`backpain.dask.write_esm_parquet` (``--per-file`` persons a file),
  read by :func:`backpain.dask.read_esm_dask` on a ``LocalCluster`` of
  ``--workers`` processes (one thread each), then
  :func:`backpain.dask.compliance` and :func:`backpain.dask.momentary_corr`
  for the same pairs. The time excludes starting the cluster; the peak memory
  is the largest of the workers (``RUSAGE_CHILDREN`` once they have ended)
  and the client's own.

The goal (issue #26): backpain at most 3x the floor's time, under 4 GB.
All give the same within-person r (checked to 1e-9).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAIRS = (("stress", "pain"), ("mood", "pain"), ("pain", "stress"))


def _make(path: Path, persons: int, days: int, prompts: int) -> float:
    from backpain.simulate import simulate_esm

    t = time.perf_counter()
    m = simulate_esm(persons, days, prompts, seed=26)
    m.to_parquet(path, index=False)
    return time.perf_counter() - t


def _backpain(path: str) -> dict:
    import pandas as pd

    from backpain import esm

    t = time.perf_counter()
    m = pd.read_parquet(path)
    read = time.perf_counter() - t
    c = esm.compliance(m)
    r = {}
    for x, y in PAIRS:
        out = esm.momentary_corr(m, x=x, y=y, lag=1)
        r[f"{x}->{y}"] = float(out.loc[out["level"] == "within", "r"].iloc[0])
    total = time.perf_counter() - t
    return {"seconds": total, "read": read, "r": r, "answered": int(c.persons["answered"].sum())}


def _floor(path: str) -> dict:
    import numpy as np
    import pandas as pd

    t = time.perf_counter()
    m = pd.read_parquet(path, columns=["subject", "day", "prompt", "pain", "stress", "mood"])
    m = m.sort_values(["subject", "prompt"])
    prev = m.groupby(["subject", "day"], sort=False)[["pain", "stress", "mood"]].shift(1)
    r = {}
    for x, y in PAIRS:
        pair = pd.DataFrame({"s": m["subject"], "x": prev[x], "y": m[y]}).dropna()
        pair = pair[pair.groupby("s")["x"].transform("size") >= 2]
        dx = pair["x"] - pair.groupby("s")["x"].transform("mean")
        dy = pair["y"] - pair.groupby("s")["y"].transform("mean")
        r[f"{x}->{y}"] = float(np.corrcoef(dx, dy)[0, 1])
    answered = int(m["pain"].notna().sum())
    return {"seconds": time.perf_counter() - t, "r": r, "answered": answered}


def _dask(folder: str, workers: int) -> dict:
    from distributed import Client, LocalCluster

    import backpain.dask

    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster),
    ):
        t = time.perf_counter()
        m = backpain.dask.read_esm_dask(folder)
        c = backpain.dask.compliance(m)
        r = {}
        for x, y in PAIRS:
            out = backpain.dask.momentary_corr(m, x=x, y=y, lag=1)
            r[f"{x}->{y}"] = float(out.loc[out["level"] == "within", "r"].iloc[0])
        total = time.perf_counter() - t
    workers_gb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20
    return {
        "seconds": total,
        "r": r,
        "answered": int(c.persons["answered"].sum()),
        "workers_gb": workers_gb,
    }


def _child(kind: str, path: str, workers: int = 2) -> None:
    if kind == "dask":
        out = _dask(path, workers)
    else:
        out = (_backpain if kind == "backpain" else _floor)(path)
    out["peak_gb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    print(json.dumps(out))


def _run(kind: str, path: Path, workers: int = 2) -> dict:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path), "--workers", str(workers)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=70)
    parser.add_argument("--prompts", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=2, help="best of this many runs each")
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "bench_esm")
    parser.add_argument("--dask", action="store_true", help="also the backpain.dask row")
    parser.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    parser.add_argument("--per-file", type=int, default=1000, help="persons per Parquet file")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child, workers=args.workers)
        return
    args.data.mkdir(parents=True, exist_ok=True)
    path = args.data / f"esm_{args.persons}x{args.days}x{args.prompts}.parquet"
    rows = args.persons * args.days * args.prompts
    if not path.exists():
        print(
            f"simulating {rows:,} prompts ... {_make(path, args.persons, args.days, args.prompts):.0f} s"
        )
    kinds = {"floor": path, "backpain": path}
    if args.dask:
        folder = args.data / f"esm_{args.persons}x{args.days}x{args.prompts}_by{args.per_file}"
        if not folder.exists():
            import pandas as pd

            from backpain.dask import write_esm_parquet

            write_esm_parquet(pd.read_parquet(path), folder, subjects_per_file=args.per_file)
        kinds["dask"] = folder
    best = {}
    for kind, source in kinds.items():
        runs = [_run(kind, source, args.workers) for _ in range(args.repeat)]
        best[kind] = min(runs, key=lambda r: r["seconds"])
    for pair, r in best["floor"]["r"].items():
        for kind in kinds:
            mine = best[kind]["r"][pair]
            assert abs(mine - r) < 1e-9, (kind, pair, mine, r)
        if args.dask:
            assert best["dask"]["answered"] == best["backpain"]["answered"]
    f, b = best["floor"], best["backpain"]
    print(
        f"{rows:,} prompts ({args.persons:,} persons x {args.days} days x {args.prompts} prompts)"
    )
    print("| run | seconds | peak memory |")
    print("|---|---|---|")
    print(f"| bare pandas floor | {f['seconds']:.1f} | {f['peak_gb']:.2f} GB |")
    print(f"| backpain (read {b['read']:.1f} s) | {b['seconds']:.1f} | {b['peak_gb']:.2f} GB |")
    if args.dask:
        d = best["dask"]
        print(
            f"| backpain.dask, {args.workers} workers, {args.per_file:,} persons a file"
            f" | {d['seconds']:.1f} | {d['workers_gb']:.2f} GB a worker, client {d['peak_gb']:.2f} GB |"
        )
        print(f"dask ratio {d['seconds'] / f['seconds']:.2f}x the floor")
    print(f"ratio {b['seconds'] / f['seconds']:.2f}x the floor (goal: at most 3x, under 4 GB)")


if __name__ == "__main__":
    main()
