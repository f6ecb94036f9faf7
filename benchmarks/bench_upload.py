"""Time one upload on the patient's page and weigh what the page receives.

    python benchmarks/bench_upload.py [--repeat 3]

Reads the Dutch example diary's bytes, runs :func:`backpain.app.analyse_upload`
once to load every module, then reports the best of ``--repeat`` runs. Then
the page's payload: the bytes of HTML the page receives for an upload (the
results widget's value, sent over the websocket) divided by the upload's
bytes, for the example diary and for a synthetic two-year diary whose every
day has a long note (1,000 characters). The page gets the report as the
app serves it: a link to a file when :func:`analyse_upload` takes
``report_href`` (the report is sent only when clicked), else the report
embedded in the link. To compare with an older checkout, run the same
script with that checkout's root folder first on ``PYTHONPATH`` in the same
session.
"""

from __future__ import annotations

import argparse
import inspect
import time
from datetime import date, timedelta

import matplotlib
import numpy as np

matplotlib.use("Agg")

import backpain
from backpain.app import analyse_upload
from backpain.datasets import example_path


def _noted_diary(days: int = 730, note_chars: int = 1000) -> bytes:
    rng = np.random.default_rng(7)
    words = " ".join(f"woord{i}" for i in range(note_chars))[:note_chars]
    start = date(2024, 1, 1)
    rows = ["date,pain,notes"]
    for day in range(days):
        rows.append(f"{start + timedelta(days=day)},{rng.integers(0, 11)},{words}")
    return ("\n".join(rows) + "\n").encode()


def _payload(name: str, content: bytes, lang: str) -> tuple[int, int]:
    """Bytes the page receives and bytes of the report file, for one upload."""
    kwargs = {}
    if "report_href" in inspect.signature(analyse_upload).parameters:
        # what the app does: a link to the served file, 74 characters
        kwargs["report_href"] = lambda _report: "/voila/files/reports/" + "x" * 32 + "/r.html"
    result = analyse_upload(name, content, lang=lang, **kwargs)
    if not result.ok:
        raise SystemExit(f"the upload failed: {result.message}")
    return len(result.html.encode()), len(result.report.encode())


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
    for label, name, data in (
        ("Dutch example diary", "dagboek.csv", content),
        ("two years, a 1,000-character note each day", "notes.csv", _noted_diary()),
    ):
        page, report = _payload(name, data, "nl")
        print(
            f"page payload, {label}: upload {len(data):,} B, page {page:,} B "
            f"({page / len(data):.2f} x the upload), report file {report:,} B"
        )


if __name__ == "__main__":
    main()
