"""Benchmark reading many small per-person files with ``read_dask`` beside ``pd.read_csv``.

Run from the repository root::

    .venv/bin/python benchmarks/bench_many_files.py                 # 10,000 files
    .venv/bin/python benchmarks/bench_many_files.py --files 2000    # quick

What it measures (issue 27, "Time"): ``--files`` CSV diaries of one person each
(``--days`` rows: date, pain, stress, sleep, steps, a note), written to
``benchmarks/_work/many_files/`` (reused when present), then, in this process:

1. **floor**: ``pd.read_csv`` of every file in a loop, then one ``pd.concat``:
   the least any reader must do.
2. **read_dask**: ``backpain.read_dask(folder)`` and ``.compute()`` of the cohort
   (the default scheduler; the files are read once for the load report and once
   for the diary, as ``persist=False`` documents), with the counts of the report
   checked against the files.
3. **one by one**: ``read_dask`` with ``files_per_partition=1`` (every file read
   and checked on its own, as before this change) on ``--one-by-one`` files,
   scaled to ``--files`` (per-file cost x files).

Wall seconds, best of ``--repeat``; per-file milliseconds beside them.
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

import numpy as np
import pandas as pd

import backpain

WORK = Path(__file__).resolve().parent / "_work" / "many_files"


def write_files(folder: Path, n: int, days: int, seed: int = 1) -> list[str]:
    """``n`` small diaries (``p00000.csv`` ...), reused when the folder holds them."""
    marker = folder / f".n{n}_d{days}"
    if marker.exists():
        return sorted(str(p) for p in folder.glob("p*.csv"))
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = np.random.default_rng(seed)
    dates = pd.date_range("2026-01-01", periods=days).strftime("%Y-%m-%d")
    for i in range(n):
        pain = rng.integers(0, 11, days)
        stress = rng.integers(0, 11, days)
        sleep = np.round(rng.normal(7, 1, days), 1)
        steps = rng.integers(500, 15000, days)
        lines = [
            f"{d},{p},{s},{h},{st},note {i}-{k}"
            for k, (d, p, s, h, st) in enumerate(
                zip(dates, pain, stress, sleep, steps, strict=True)
            )
        ]
        text = "date,pain,stress,sleep,steps,notes\n" + "\n".join(lines) + "\n"
        (folder / f"p{i:05d}.csv").write_text(text)
    marker.touch()
    return sorted(str(p) for p in folder.glob("p*.csv"))


def best(func, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = func()
        times.append(time.perf_counter() - start)
    return min(times), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--one-by-one", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    files = write_files(WORK, args.files, args.days)
    n = len(files)
    print(
        f"{n} files x {args.days} days, {sum(Path(f).stat().st_size for f in files) / 2**20:.1f} MiB"
    )

    floor, frame = best(lambda: pd.concat([pd.read_csv(f) for f in files]), args.repeat)

    def dask_read():
        cohort, report = backpain.read_dask(str(WORK), return_report=True)
        return cohort.compute(), report

    took, (diary, report) = best(dask_read, args.repeat)
    assert report.rows_read == len(frame) == n * args.days, (report.rows_read, len(frame))
    assert len(diary) == report.rows_kept == n * args.days

    few = files[: args.one_by_one]

    def one_by_one():
        cohort, _ = backpain.read_dask(few, files_per_partition=1, return_report=True)
        return cohort.compute()

    single, _ = best(one_by_one, 1)
    single_all = single / len(few) * n

    rows = [
        ("floor: pd.read_csv loop + concat", floor),
        ("read_dask(folder) + compute", took),
        (f"one by one (files_per_partition=1, {len(few)} files, scaled)", single_all),
    ]
    print("| step | seconds | ms per file | x floor |")
    print("|---|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} | {seconds / n * 1000:.2f} | {seconds / floor:.2f} |")


if __name__ == "__main__":
    main()
