"""Time ``read_diary`` on the CSV layouts that used to be parsed more than once.

Run from the repository root (``PYTHONPATH`` chooses the checkout measured)::

    nice -n 10 .venv/bin/python benchmarks/bench_read_table.py             # 200,000 rows
    nice -n 10 .venv/bin/python benchmarks/bench_read_table.py --rows 20000

Three files of ``--rows`` diary rows (one person per 365 rows), written to
``benchmarks/_work/read_table/`` (reused when present), each a layout for which
the table reader once called ``pd.read_csv`` two to four times:

- ``ids``: numeric subject ids and notes such as ``0`` (read again as text);
- ``quoted``: every header quoted (the header parsed alone first);
- ``trailing``: a delimiter after each row's last cell (parsed again without it).

For each: ``pd.read_csv`` calls and ``map_columns`` calls counted in one read,
and wall seconds, best of ``--repeat``, beside ``pd.read_csv`` of the file alone.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

import backpain
from backpain.read import table

WORK = Path(__file__).resolve().parent / "_work" / "read_table"


def write_files(rows: int, seed: int = 1) -> dict[str, Path]:
    """The three layouts with ``rows`` rows each (reused when present)."""
    WORK.mkdir(parents=True, exist_ok=True)
    paths = {k: WORK / f"{k}_{rows}.csv" for k in ("ids", "quoted", "trailing")}
    if all(p.exists() for p in paths.values()):
        return paths
    rng = np.random.default_rng(seed)
    days = pd.date_range("2025-01-01", periods=365).strftime("%Y-%m-%d")
    frame = pd.DataFrame(
        {
            "subject": (np.arange(rows) // 365 + 1000).astype(str),
            "date": np.resize(days, rows),
            "pain": rng.integers(0, 11, rows),
            "stress": rng.integers(0, 11, rows),
            "sleep hours": np.round(rng.normal(7, 1, rows), 1),
            "notes": rng.integers(0, 3, rows).astype(str),
        }
    )
    frame.to_csv(paths["ids"], index=False)
    frame.to_csv(paths["quoted"], index=False, quoting=1)  # csv.QUOTE_ALL
    text = frame.to_csv(index=False, lineterminator=",\n")
    paths["trailing"].write_text(text.replace(",\n", "\n", 1))  # the header without
    return paths


def count_calls(path: Path) -> tuple[int, int]:
    """``pd.read_csv`` and ``map_columns`` calls of one ``read_diary``."""
    calls = {"read_csv": 0, "map_columns": 0}
    real = {
        name: getattr(mod, name) for mod, name in ((table.pd, "read_csv"), (table, "map_columns"))
    }

    def spy(name):
        def counted(*args, **kwargs):
            calls[name] += 1
            return real[name](*args, **kwargs)

        return counted

    table.pd.read_csv, table.map_columns = spy("read_csv"), spy("map_columns")
    try:
        backpain.read_diary(path)
    finally:
        table.pd.read_csv, table.map_columns = real["read_csv"], real["map_columns"]
    return calls["read_csv"], calls["map_columns"]


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = write_files(args.rows)
    print(f"backpain from {Path(backpain.__file__).parent}, {args.rows:,} rows per file")
    print("| layout | read_csv calls | map_columns calls | pd.read_csv s | read_diary s |")
    print("|---|---|---|---|---|")
    for name, path in paths.items():
        reads, maps = count_calls(path)
        floor = best(lambda p=path: pd.read_csv(p), args.repeat)
        ours = best(lambda p=path: backpain.read_diary(p), args.repeat)
        print(f"| {name} | {reads} | {maps} | {floor:.3f} | {ours:.3f} |")


if __name__ == "__main__":
    main()
