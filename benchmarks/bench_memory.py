"""Memory over many uploads on the patient's page (a soak test).

    python benchmarks/bench_memory.py [--uploads 10]

Each case runs in a fresh process capped at a 4 GB address space: two warm-up
uploads of the Dutch example diary through :func:`backpain.app.analyse_upload`,
then ``--uploads`` more; the resident set (``/proc/self/statm``) after them
minus the one after the warm-up is the growth. ``page`` drops each result as
the page does; ``leaky_page`` keeps every result alive, as a page that forgot
its old results would (about 1.6 MB an upload), to show that the bound (5 MB)
is one a leak breaks. The test suite keeps a quick check that an upload leaves
no result, report or figure behind (``tests/test_app.py``).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

BOUND_MB = 5.0

CHILD = """
import gc, resource, sys
import matplotlib
matplotlib.use("Agg")
from backpain.app import analyse_upload
from backpain.datasets import example_path

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 1e6

content = example_path("patient_nl")[0].read_bytes()
kept = []
for i in range(2 + int(sys.argv[2])):
    result = analyse_upload("dagboek.csv", content, lang="nl")
    if sys.argv[1] == "leaky_page":
        kept.append(result)
    del result
    gc.collect()
    if i == 1:
        warm = rss_mb()
print(rss_mb() - warm)
"""


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def growth(case: str, uploads: int) -> tuple[float, float]:
    """Resident-set growth in MB over ``uploads`` uploads after two warm-ups, and seconds."""
    root = str(Path(__file__).resolve().parents[1])
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, case, str(uploads)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": root},
        preexec_fn=_limit,
    )
    return float(done.stdout.split()[-1]), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=10)
    args = parser.parse_args()
    print(f"| case | uploads after 2 warm-up | RSS growth (MB) | bound {BOUND_MB:g} MB | seconds |")
    print("|---|---|---|---|---|")
    failed = False
    for case in ("page", "leaky_page"):
        grew, seconds = growth(case, args.uploads)
        within = grew < BOUND_MB
        # the page must stay within the bound and the leaky page must break it
        failed |= within != (case == "page")
        verdict = "within" if within else "over"
        print(f"| {case} | {args.uploads} | {grew:.1f} | {verdict} | {seconds:.0f} |", flush=True)
    if failed:
        raise SystemExit("the page's memory bound is not met, or it does not catch a leak")


if __name__ == "__main__":
    main()
