"""Run every benchmark in this folder, one after the other (``make bench``).

The verdict simulation runs a quick 200 patients per cell here (about half a
minute); its full run is ``python benchmarks/bench_verdicts.py`` (2,000
patients per cell, the figures in ``benchmarks/README.md``).
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
    ("bench_upload.py",),
)

for script, *args in RUNS:
    print(f"\n=== {script} {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, str(HERE / script), *args], check=True, cwd=HERE.parent)
