"""Large files: a 2 GiB file is refused quickly with a clear message, without using RAM.

The files are sparse (``truncate`` sets the size without writing blocks), so
they cost no disk space and are made instantly. Each read runs in a child
process whose address space is capped (current size + 768 MiB): a reader that
loads the file fails there with MemoryError instead of exhausting the
machine's RAM, and the child reports its peak-memory growth (``ru_maxrss``).
"""

from __future__ import annotations

import json

import pytest
from _children import shared

from backpain.read import FORMATS
from backpain.read._source import MAX_BYTES_IN_MEMORY

# 2 GiB files read in child processes: make test runs these, make check does not
pytestmark = pytest.mark.slow

SIZE = 2 * 2**30
MiB = 2**20

# a real CSV start, longer than the 64 KiB readers sniff, so only the size is wrong
CSV_HEAD = b"date,pain,notes\n" + b"2026-01-05,4,ok\n" * 8192
HEADS = {
    "csv": CSV_HEAD,
    "zeros": b"",
    "xlsx": b"PK\x03\x04",
    "parquet": b"PAR1",
    "xml": b"<?xml version='1.0'?>\n<HealthData locale='nl_NL'>\n",
}

_CHILD = """
import json, resource, sys, time
import backpain

def vm_bytes():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return None

vm = vm_bytes()
if vm is not None:
    resource.setrlimit(resource.RLIMIT_AS, (vm + 768 * 2**20, resource.RLIM_INFINITY))
results = []
for fmt in sys.argv[2:]:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        backpain.read_diary(sys.argv[1], format=fmt)
        outcome = "read"
    except backpain.DiaryError as exc:
        outcome = "DiaryError: " + str(exc)
    except MemoryError:
        outcome = "MemoryError: the reader tried to load the file"
    except Exception as exc:
        outcome = f"{type(exc).__name__}: {exc}"[:300]
    results.append({
        "format": fmt,
        "outcome": outcome,
        "grew_mib": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024,
        "seconds": round(time.perf_counter() - start, 2),
    })
print(json.dumps(results))
"""


def sparse_file(path, head: bytes):
    with open(path, "wb") as fh:
        fh.write(head)
        fh.truncate(SIZE)
    if path.stat().st_blocks * 512 > 16 * MiB:
        pytest.skip(f"the file system under {path.parent} does not make sparse files")
    assert path.stat().st_size == SIZE > MAX_BYTES_IN_MEMORY
    return path


def read_in_child(path, formats: list[str]) -> list[dict]:
    done = shared().run(_CHILD, [str(path), *formats], timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("kind", sorted(HEADS))
def test_2gb_file_is_refused_quickly_in_bounded_memory(tmp_path, kind):
    path = sparse_file(tmp_path / f"big.{kind}", HEADS[kind])
    problems = [
        r
        for r in read_in_child(path, ["auto", *FORMATS])
        if not r["outcome"].startswith(f"DiaryError: big.{kind}: ")
        or r["grew_mib"] > 64
        or r["seconds"] > 10
    ]
    assert problems == []


def test_2gb_csv_message_says_what_to_do(tmp_path):
    path = sparse_file(tmp_path / "big.csv", CSV_HEAD)
    [result] = read_in_child(path, ["table"])
    assert "2.0 GiB" in result["outcome"]
    assert "Split it" in result["outcome"]
