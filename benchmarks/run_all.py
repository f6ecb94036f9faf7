"""Run every benchmark in this folder, one after the other (``make bench``).

The verdict simulation runs a quick 200 patients per cell here (about half a
minute); its full run is ``python benchmarks/bench_verdicts.py`` (2,000
patients per cell, the figures in ``benchmarks/README.md``). The Dask
benchmark runs 2,000 and 4,000 persons here; its full run (10,000 and
100,000 persons) is ``python benchmarks/bench_dask.py``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

RUNS = (
    ("bench_pipeline.py",),
    ("bench_stats.py",),
    ("bench_apple_health.py",),
    ("bench_verdicts.py", "--patients", "200"),
    ("bench_cohort_tests.py", "--cohorts", "200", "--corr-cohorts", "50"),  # about a minute
    ("bench_upload.py",),
    ("bench_change.py", "--reps", "500"),  # the full run: 4,000 diaries per cell
    ("bench_esm.py", "--persons", "1000", "--repeat", "1"),
    ("bench_memory.py",),
    # small sizes here (about a minute); the 10k and 100k figures: bench_dask.py alone
    ("bench_dask.py", "--persons", "2000", "4000", "--per-file", "500"),
)

for script, *args in RUNS:
    print(f"\n=== {script} {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, str(HERE / script), *args], check=True, cwd=HERE.parent)
