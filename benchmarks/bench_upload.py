"""Time one upload on the patient's page: bytes in, report out (``analyse_upload``).

    python benchmarks/bench_upload.py [--repeat 3]

Reads the Dutch example diary's bytes, runs :func:`backpain.app.analyse_upload`
once to load every module, then reports the best of ``--repeat`` runs. To
compare with an older checkout, run the same script with that checkout's
``src`` first on ``PYTHONPATH`` in the same session.
"""

from __future__ import annotations

import argparse
import time

import matplotlib

matplotlib.use("Agg")

import backpain
from backpain.app import analyse_upload
from backpain.datasets import example_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path, _ = example_path("patient_nl")
    content = path.read_bytes()
    analyse_upload("dagboek.csv", content, lang="nl")  # imports and first-use costs
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = analyse_upload("dagboek.csv", content, lang="nl")
        times.append(time.perf_counter() - start)
    if not result.ok:
        raise SystemExit(f"the upload failed: {result.message}")
    print(f"backpain {backpain.__version__} ({backpain.__file__})")
    print(f"upload to result, Dutch example diary: best of {args.repeat} {min(times):.2f} s")


if __name__ == "__main__":
    main()
