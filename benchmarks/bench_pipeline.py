"""Benchmark the cohort pipeline against a bare-pandas floor, in one run.

    python benchmarks/bench_pipeline.py                 # 10,000 subjects x 365 days
    python benchmarks/bench_pipeline.py --subjects 1000 # a quicker check

Steps, each in a fresh Python process so that its wall time and peak memory
(resident set, which also counts pyarrow's and numpy's allocations) are its own:

* floor      ``pd.read_csv`` and a groupby-demeaned correlation of pain with
             the 6 predictors (the least any tool must do);
* read       ``backpain.read_diary`` on the CSV (validation, report);
* classify   ``backpain.classify`` (on the diary, loaded from Parquet);
* correlate  ``backpain.correlate`` with 6 predictors and lags 0 and 1;
* pipeline   read -> classify -> correlate in one process (the user's path);
* plots      ``plot.classes`` and ``plot.associations`` of the whole cohort,
             drawn and saved as PNG (not part of the pipeline ratio).

Peak memory is the process's maximum resident set minus what it held after
imports (and, for classify/correlate, after loading their input).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "_work"
PREDICTORS = ("stress", "sleep_hours", "sleep_quality", "steps", "active_minutes", "mood")

STEPS = {
    "floor": """
import numpy as np
df = pd.read_csv(CSV)
cols = ["pain", *PREDICTORS]
centred = df[cols] - df.groupby("subject")[cols].transform("mean")
r = {x: np.corrcoef(centred["pain"], centred[x])[0, 1] for x in PREDICTORS}
""",
    "read": """
diary = backpain.read_diary(CSV)
""",
    "classify": """
diary = pd.read_parquet(PARQUET)
BASE = rss()
START = time.perf_counter()
classes = backpain.classify(diary)
""",
    "correlate": """
diary = pd.read_parquet(PARQUET)
BASE = rss()
START = time.perf_counter()
table = backpain.correlate(diary, x=PREDICTORS, lags=(0, 1))
""",
    "pipeline": """
diary = backpain.read_diary(CSV)
classes = backpain.classify(diary)
table = backpain.correlate(diary, x=PREDICTORS, lags=(0, 1))
""",
    "plots": """
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import backpain.plot
diary = pd.read_parquet(PARQUET)
classes = backpain.classify(diary)
table = backpain.correlate(diary, x=PREDICTORS, lags=(0, 1))
BASE = rss()
START = time.perf_counter()
fig, (left, right) = plt.subplots(1, 2, figsize=(12, 5), layout="constrained")
backpain.plot.classes(classes, ax=left)
backpain.plot.associations(table, ax=right)
fig.savefig(PARQUET + ".png")
""",
}

PRELUDE = """
import json, resource, sys, time
import pandas as pd
import backpain
CSV, PARQUET = sys.argv[1], sys.argv[2]
PREDICTORS = {predictors!r}
def rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
BASE = rss()
START = time.perf_counter()
"""

EPILOGUE = """
print(json.dumps({"seconds": time.perf_counter() - START, "peak_mb": rss() - BASE, "rss_mb": rss()}))
"""


def run_step(name: str, csv: Path, parquet: Path) -> dict[str, float]:
    code = PRELUDE.format(predictors=PREDICTORS) + STEPS[name] + EPILOGUE
    done = subprocess.run(
        [sys.executable, "-c", code, str(csv), str(parquet)],
        capture_output=True,
        text=True,
        check=True,
        cwd=HERE.parent,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def prepare(n_subjects: int, n_days: int) -> tuple[Path, Path]:
    import backpain

    WORK.mkdir(exist_ok=True)
    csv = WORK / f"cohort_{n_subjects}x{n_days}.csv"
    parquet = csv.with_suffix(".parquet")
    if not csv.exists():
        t = time.perf_counter()
        diary = backpain.simulate_cohort(n_subjects, n_days, seed=1)
        diary.to_csv(csv, index=False, date_format="%Y-%m-%d")
        diary.to_parquet(parquet)
        print(f"generated {len(diary):,} rows in {time.perf_counter() - t:.1f} s -> {csv.name}")
    return csv, parquet


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subjects", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--repeat", type=int, default=3, help="runs per step; the best counts")
    args = parser.parse_args(argv)
    csv, parquet = prepare(args.subjects, args.days)
    size_mb = csv.stat().st_size / 2**20
    print(f"\ncohort: {args.subjects:,} subjects x {args.days} days, CSV {size_mb:.0f} MiB")
    results = {}
    for name in STEPS:
        runs = [run_step(name, csv, parquet) for _ in range(args.repeat)]
        best = min(runs, key=lambda r: r["seconds"])
        best["peak_mb"] = max(r["peak_mb"] for r in runs)
        best["rss_mb"] = max(r["rss_mb"] for r in runs)
        results[name] = best
    floor = results["floor"]["seconds"]
    print("(plots: classes and associations of every subject, drawn and saved as PNG)")
    print(f"\n{'step':<10} {'seconds':>8} {'x floor':>8} {'peak MiB':>9} {'max RSS MiB':>12}")
    for name, r in results.items():
        print(
            f"{name:<10} {r['seconds']:8.2f} {r['seconds'] / floor:8.2f} "
            f"{r['peak_mb']:9.0f} {r['rss_mb']:12.0f}"
        )
    pipe = results["pipeline"]
    print(
        f"\ntarget: pipeline within 3x the floor -> {pipe['seconds'] / floor:.2f}x "
        f"({'met' if pipe['seconds'] <= 3 * floor else 'NOT met'}); "
        f"peak memory under 2 GB -> {pipe['rss_mb']:.0f} MiB "
        f"({'met' if pipe['rss_mb'] < 2048 else 'NOT met'})"
    )
    return results


if __name__ == "__main__":
    main()
