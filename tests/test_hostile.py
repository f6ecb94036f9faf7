"""Hostile and odd files: bounded time and memory, no silent change, only DiaryError.

Each case is read in a child process under ``resource`` limits (address
space and CPU seconds), so a reader that runs away is stopped by the kernel
and the test fails on the child's exit, not on a wall-clock measurement.
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile

import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from _children import shared
from _examples import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import backpain
from backpain.read._source import MAX_CELL_CHARS, MAX_COLUMNS, MAX_SHEET_ROWS, MAX_ZIP_RATIO
from backpain.read.apple_health import MAX_ELEMENT_BYTES

# each read runs in a capped child process: make test runs these, make check does not
pytestmark = pytest.mark.slow

MiB = 2**20
CPU_SECONDS = 40
EXTRA_MEMORY = 1024 * MiB

_CHILD = """
import json, resource, sys
import backpain

with open("/proc/self/status") as fh:
    vm = next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmSize:"))
resource.setrlimit(resource.RLIMIT_AS, (vm + int(sys.argv[2]), resource.RLIM_INFINITY))
resource.setrlimit(resource.RLIMIT_CPU, (int(sys.argv[3]), int(sys.argv[3])))
try:
    diary = backpain.read_diary(sys.argv[1], subject=sys.argv[5], format=sys.argv[4])
    cols = json.loads(diary.to_json(orient="columns", date_format="iso"))
    out = {"outcome": "read", "diary": {c: list(v.values()) for c, v in cols.items()}}
except backpain.DiaryError as exc:
    out = {"outcome": "DiaryError", "text": str(exc), "nl": exc.render("nl")}
except Exception as exc:
    out = {"outcome": type(exc).__name__, "text": str(exc)[:500]}
print(json.dumps(out))
"""


def read_capped(
    path, fmt: str = "auto", memory: int = EXTRA_MEMORY, subject: str = "s", cpu: int = CPU_SECONDS
) -> dict:
    """Read ``path`` with read_diary in a child capped in memory and CPU time.

    ``subject`` names the person of a file without a subject column, or picks
    the person of a file that names its people; ``cpu`` is the CPU limit in
    seconds.
    """
    args = [str(path), str(memory), str(cpu), fmt, subject]
    done = shared().run(_CHILD, args, timeout=10 * cpu)
    # a child killed by RLIMIT_CPU (SIGXCPU), the alarm or out of memory exits non-zero
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def refused(path, limit_words: str, fmt: str = "auto") -> dict:
    out = read_capped(path, fmt)
    assert out["outcome"] == "DiaryError", out
    assert path.name in out["text"]
    assert limit_words in out["text"], out["text"]
    return out


# ------------------------------------------------------------ no silent change
def test_trailing_delimiter_does_not_shift_columns(tmp_path):
    path = tmp_path / "trailing.csv"
    path.write_bytes(b"date,pain,steps\n2026-01-01,4,100,\n2026-01-02,5,200,\n")
    out = read_capped(path)
    assert out["outcome"] == "read", out
    assert out["diary"]["pain"] == [4.0, 5.0]
    assert out["diary"]["steps"] == [100.0, 200.0]


@pytest.mark.parametrize("header", ["pain,pain", "pain,pijn", "Pain,pain "])
def test_repeated_pain_header_raises(tmp_path, header):
    path = tmp_path / "twice.csv"
    path.write_bytes(f"date,{header}\n2026-01-01,4,5\n".encode())
    out = read_capped(path)
    assert out["outcome"] == "DiaryError", out
    assert "twice.csv" in out["text"]
    assert "pain" in out["text"].lower()


def test_repeated_header_in_excel_raises(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["date", "pain", "pain"])
    book.active.append(["2026-01-01", 4, 5])
    path = tmp_path / "twice.xlsx"
    book.save(path)
    out = read_capped(path)
    assert out["outcome"] == "DiaryError", out
    assert "'pain' appears twice" in out["text"]


@pytest.mark.parametrize("sep", ["\t", ";"])
def test_dutch_thousands_dot_read_from_whole_file(tmp_path, sep):
    # 30 lines of whole numbers first: the first lines alone cannot tell
    rows = [f"{d:02d}-01-2026{sep}4{sep}8000" for d in range(1, 31)]
    rows += [f"31-01-2026{sep}5{sep}8.123", f"01-02-2026{sep}6,5{sep}12.500"]
    path = tmp_path / "nl.csv"
    path.write_text(f"datum{sep}pijn{sep}stappen\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = read_capped(path)
    assert out["outcome"] == "read", out
    # by hand: 8.123 with a thousands dot is 8123 steps; 6,5 is pain 6.5
    assert out["diary"]["steps"][-2:] == [8123.0, 12500.0]
    assert out["diary"]["pain"][-2:] == [5.0, 6.5]


def test_english_tab_file_keeps_decimal_point(tmp_path):
    path = tmp_path / "en.tsv"
    path.write_text("date\tpain\tsleep_hours\n2026-01-01\t4\t7.5\n2026-01-02\t5\t6.25\n")
    out = read_capped(path)
    assert out["outcome"] == "read", out
    assert out["diary"]["sleep_hours"] == [7.5, 6.25]


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be", "utf-16"])
def test_utf32_and_utf16_with_bom(tmp_path, encoding):
    text = "datum;pijn;notities\n1-2-2026;4;één wandeling\n"
    data = text.encode(encoding)
    if encoding == "utf-32-be":
        data = b"\x00\x00\xfe\xff" + data
    path = tmp_path / "wide.csv"
    path.write_bytes(data)
    out = read_capped(path)
    assert out["outcome"] == "read", out
    assert out["diary"]["pain"] == [4.0]
    assert out["diary"]["notes"] == ["één wandeling"]


def test_crlf_in_excel_note_survives_a_round_trip(tmp_path):
    diary = pd.DataFrame(
        {
            "subject": pd.Series(["s", "s"], dtype="string"),
            "date": pd.to_datetime(["2026-01-01", "2026-01-02"]),
            "pain": [4.0, 5.0],
            "notes": pd.Series(["line one\r\nline two", "plain"], dtype="string"),
        }
    )
    path = tmp_path / "crlf.xlsx"
    backpain.write_diary(diary, path)
    back = backpain.read_diary(path)
    assert back["notes"].tolist() == ["line one\r\nline two", "plain"]


def test_excel_cr_escape_as_excel_writes_it(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["date", "pain", "notes"])
    book.active.append(["2026-01-01", 4, "a_x000D_\nb"])
    path = tmp_path / "excel_cr.xlsx"
    book.save(path)
    assert read_capped(path)["diary"]["notes"] == ["a\r\nb"]


# ------------------------------------------------------------------- limits
def test_csv_with_100k_columns_is_refused(tmp_path):
    path = tmp_path / "wide.csv"
    header = ",".join(["date", "pain"] + [f"c{i}" for i in range(100_000)])
    path.write_text(header + "\n2026-01-01,4\n")
    out = refused(path, "100002 columns")
    assert f"{MAX_COLUMNS}" in out["text"]
    assert "split the file" in out["text"]
    assert "grens: kolommen" in out["nl"]


def test_csv_at_the_column_limit_is_read(tmp_path):
    path = tmp_path / "ok.csv"
    header = ",".join(["date", "pain"] + [f"c{i}" for i in range(MAX_COLUMNS - 2)])
    path.write_text(header + "\n2026-01-01,4\n")
    assert read_capped(path)["diary"]["pain"] == [4.0]


def _xlsx_with(path, members: dict[str, bytes], base: bytes | None = None):
    """Copy a small workbook into ``path``, replacing or adding ``members``."""
    if base is None:
        book = openpyxl.Workbook()
        book.active.append(["date", "pain"])
        book.active.append(["2026-01-01", 4])
        buffer = io.BytesIO()
        book.save(buffer)
        base = buffer.getvalue()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            if info.filename not in members:
                dst.writestr(info, src.read(info))
        for name, data in members.items():
            dst.writestr(name, data)
    return path


def test_xlsx_with_one_huge_cell_is_refused(tmp_path):
    cell = b"a" * (64 * MiB)
    path = _xlsx_with(
        tmp_path / "huge_cell.xlsx",
        {"xl/sharedStrings.xml": b'<sst count="1"><si><t>' + cell + b"</t></si></sst>"},
    )
    assert path.stat().st_size < MiB  # a small file ...
    out = refused(path, "limit: unpacked size ratio")  # ... that unpacks 64 MiB
    assert f"more than the {MAX_ZIP_RATIO} times" in out["text"]


def test_xlsx_whose_dimension_says_8m_rows_is_refused(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["date", "pain"])
    book.active.append(["2026-01-01", 4])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    sheet = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:B8000000"', sheet)
    path = _xlsx_with(tmp_path / "rows.xlsx", {"xl/worksheets/sheet1.xml": sheet})
    refused(path, "8000000 rows")


def test_xlsx_rows_counted_without_dimension(tmp_path):
    n = MAX_SHEET_ROWS + 10
    rows = b"".join(
        b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (i, i, 46000 + i % 997)
        for i in range(1, n + 1)
    )
    sheet = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData>' + rows + b"</sheetData></worksheet>"
    )
    path = _xlsx_with(tmp_path / "rows.xlsx", {"xl/worksheets/sheet1.xml": sheet})
    refused(path, f"{n} rows")


def test_json_records_whose_keys_all_differ_are_refused(tmp_path):
    records = [{f"key{i}": i} for i in range(50_000)]
    path = tmp_path / "keys.json"
    path.write_text(json.dumps(records))
    assert path.stat().st_size < MiB
    refused(path, "limit: keys")


@pytest.mark.parametrize("fmt", ["auto", "fitbit", "google_fit"])
def test_deeply_nested_json_is_refused(tmp_path, fmt):
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    refused(path, "limit: nesting depth", fmt)


@pytest.mark.parametrize("fmt", ["auto", "fitbit", "google_fit"])
def test_json_number_with_100k_digits_is_refused(tmp_path, fmt):
    path = tmp_path / "digits.json"
    path.write_text('[{"dateTime": "2026-01-01", "value": ' + "1" * 100_000 + "}]")
    refused(path, "limit: number length", fmt)


def test_parquet_list_column_names_the_column(tmp_path):
    table = pa.table({"date": ["2026-01-01"], "pain": [4.0], "tags": pa.array([["a", "b"]])})
    path = tmp_path / "nested.parquet"
    pq.write_table(table, path)
    out = refused(path, "column 'tags' holds lists or records")
    assert "kolom 'tags'" in out["nl"]


def test_trailing_delimiter_with_subject_and_notes(tmp_path):
    path = tmp_path / "trailing_text.csv"
    path.write_bytes(b"subject,date,pain,notes\n007,2026-01-01,4,ok,\n007,2026-01-02,5,,\n")
    out = read_capped(path, subject="007")
    assert out["outcome"] == "read", out
    assert out["diary"]["subject"] == ["007", "007"]
    assert out["diary"]["notes"] == ["ok", None]


def test_rows_longer_than_the_header_are_refused_not_cut(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_bytes(b"date,pain\n2026-01-05,4,extra,cells\n2026-01-06,5\n")
    out = read_capped(path)
    assert out["outcome"] == "DiaryError", out
    assert "ragged.csv" in out["text"]


def test_wide_sheet_without_dimension_is_refused(tmp_path):
    cells = b"".join(
        b'<c r="%s1" t="inlineStr"><is><t>c%d</t></is></c>' % (_letters(i).encode(), i)
        for i in range(1, MAX_COLUMNS + 3)
    )
    sheet = (
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData><row r="1">'
        + cells
        + b"</row></sheetData></worksheet>"
    )
    path = _xlsx_with(tmp_path / "wide.xlsx", {"xl/worksheets/sheet1.xml": sheet})
    refused(path, f"{MAX_COLUMNS + 2} columns")


def _letters(n: int) -> str:
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pains=st.lists(st.integers(0, 10), min_size=1, max_size=12),
    trailing=st.lists(st.booleans(), min_size=12, max_size=12),
    sep=st.sampled_from([",", ";", "\t"]),
)
def test_trailing_delimiters_on_any_rows_never_shift_columns(pains, trailing, sep):
    lines = [sep.join(["date", "pain", "steps"])]
    for i, pain in enumerate(pains):
        end = sep if trailing[i] else ""
        lines.append(sep.join([f"2026-01-{i + 1:02d}", str(pain), str(1000 + i)]) + end)
    diary = backpain.read_diary(("\n".join(lines) + "\n").encode(), subject="s")
    assert diary["pain"].tolist() == [float(p) for p in pains]
    assert diary["steps"].tolist() == [1000.0 + i for i in range(len(pains))]


@settings(max_examples=examples(30), deadline=None)
@given(depth=st.integers(1, 100_000), digits=st.integers(1, 20_000))
def test_any_json_depth_or_number_length_reads_or_raises_diary_error(depth, digits):
    nested = ("[" * depth + "]" * depth).encode()
    number = ('[{"date": "2026-01-01", "pain": ' + "1" * digits + "}]").encode()
    for data in (nested, number):
        try:
            backpain.read_diary(data, subject="s")
        except backpain.DiaryError as exc:  # any other exception fails the test
            message = str(exc)
        else:
            message = "<bytes> read"
        assert message.startswith("<bytes>")


def test_ragged_file_with_a_huge_cell_raises_diary_error(tmp_path):
    path = tmp_path / "ragged_huge.csv"
    path.write_text("date,pain\n2026-01-05,4\n2026-01-06,5,x," + "y" * 200_000 + "\n")
    out = read_capped(path)
    assert out["outcome"] == "DiaryError", out
    assert "ragged_huge.csv" in out["text"]


# ------------------------------------------------------------- Apple Health
_APPLE_HEAD = (
    b'<?xml version="1.0"?><HealthData locale="en_US">'
    b'<ExportDate value="2030-01-01 09:00:00 +0100"/>'
)


def test_apple_health_with_one_huge_attribute_is_refused(tmp_path):
    # 64 MiB in one attribute: expat alone would re-read it with every 1 MiB chunk
    path = tmp_path / "export.xml"
    with open(path, "wb") as fh:
        fh.write(_APPLE_HEAD + b'<Record type="HKQuantityTypeIdentifierStepCount" value="')
        for _ in range(64):
            fh.write(b"7" * MiB)
        fh.write(b'"/></HealthData>')
    out = refused(path, "limit: element size")
    assert f"{MAX_ELEMENT_BYTES} bytes" in out["text"]
    assert "grens: grootte van een element" in out["nl"]


def test_apple_health_pain_and_steps_from_many_sources_in_bounded_memory(tmp_path):
    # 40 MB of pain and step records from 400 apps over three years, one in ten an
    # exact copy: the reader used to hold every pain record and needed over 64 MiB
    # more than its start here; per-day aggregates now need under 24 MiB
    path = tmp_path / "export.xml"
    levels = (b"Mild", b"Moderate", b"Severe")
    with open(path, "wb") as fh:
        fh.write(_APPLE_HEAD)
        for i in range(220_000):
            day = b"%04d-%02d-%02d %02d:%02d:00 +0100" % (
                2026 + (i // 336) % 3,
                1 + (i // 28) % 12,
                1 + i % 28,
                i % 24,
                (i // 24) % 60,
            )
            src = b'sourceName="App %d" startDate="%s" endDate="%s"' % (i % 400, day, day)
            if i % 2:
                rec = b'<Record type="HKCategoryTypeIdentifierLowerBackPain" %s value="%s"/>\n' % (
                    src,
                    b"HKCategoryValueSeverity" + levels[i % 3],
                )
            else:
                rec = b'<Record type="HKQuantityTypeIdentifierStepCount" %s value="%d"/>\n' % (
                    src,
                    i % 500,
                )
            fh.write(rec + (rec if i % 10 == 0 else b""))
        fh.write(b"</HealthData>")
    size = path.stat().st_size
    assert size > 40e6
    out = read_capped(path, fmt="apple_health", memory=size)
    assert out["outcome"] == "read", out
    # i mod 1008 (= 3 x 12 x 28) fixes the day: every day of the cycle is read
    assert len(out["diary"]["date"]) == 3 * 12 * 28


# ------------------------------------------------------------- one huge cell
def _random_text(n: int) -> str:
    """``n`` characters of random letters: text that barely compresses."""
    import random

    rnd = random.Random(17)
    return "".join(rnd.choices("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ", k=n))


CELL = 16 * MiB


def _check_cell_refusal(out: dict, name: str, row: int) -> None:
    assert out["outcome"] == "DiaryError", out
    assert out["text"].startswith(f"{name}: row {row}, column 'notes' holds {CELL} characters")
    assert f"more than the {MAX_CELL_CHARS} one cell may hold (limit: cell size)" in out["text"]
    assert "grens: grootte van een cel" in out["nl"]


def test_csv_with_a_huge_random_cell_is_refused(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("date,pain,notes\n2026-01-01,4,ok\n2026-01-02,5," + _random_text(CELL) + "\n")
    _check_cell_refusal(read_capped(path), "notes.csv", 3)


def test_xlsx_with_a_huge_random_cell_is_refused(tmp_path):
    # random text compresses about 1.3 times: the unpacked-size ratio cannot catch it
    book = openpyxl.Workbook()
    for row in (["date", "pain", "notes"], ["2026-01-01", 4, "ok"], ["2026-01-02", 5, "HUGE"]):
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as z:  # shared or inline strings, as openpyxl writes them
        member = next(n for n in z.namelist() if b">HUGE<" in z.read(n))
        part = z.read(member)
    part = part.replace(b">HUGE<", b">" + _random_text(CELL).encode() + b"<")
    path = _xlsx_with(tmp_path / "notes.xlsx", {member: part}, base=buffer.getvalue())
    assert path.stat().st_size > CELL / 2
    _check_cell_refusal(read_capped(path), "notes.xlsx", 3)


def test_json_with_a_huge_random_cell_is_refused(tmp_path):
    path = tmp_path / "notes.json"
    records = [
        {"date": "2026-01-01", "pain": 4, "notes": "ok"},
        {"date": "2026-01-02", "pain": 5, "notes": _random_text(CELL)},
    ]
    path.write_text(json.dumps(records))
    _check_cell_refusal(read_capped(path), "notes.json", 2)


def test_cell_at_the_limit_is_read(tmp_path):
    path = tmp_path / "long_note.csv"
    note = _random_text(MAX_CELL_CHARS).replace(" ", "x")
    path.write_text(f"date,pain,notes\n2026-01-01,4,{note}\n")
    out = read_capped(path)
    assert out["outcome"] == "read", out
    assert out["diary"]["notes"] == [note]


def test_huge_header_cell_is_refused(tmp_path):
    path = tmp_path / "header.csv"
    path.write_text("date,pain," + "h" * (MAX_CELL_CHARS + 1) + "\n2026-01-01,4,x\n")
    out = read_capped(path)
    assert out["outcome"] == "DiaryError", out
    assert out["text"].startswith("header.csv: row 1, column 'hhhh")
    assert "(limit: cell size)" in out["text"]


# ------------------------------------------------------------------- surveys
_READ_LINE = "diary = backpain.read_diary(sys.argv[1], subject=sys.argv[5], format=sys.argv[4])"
assert _READ_LINE in _CHILD  # the survey child below replaces exactly this line
_SURVEY_CHILD = _CHILD.replace(
    _READ_LINE,
    "from backpain.read.survey import read_survey\n"
    "    diary = read_survey(sys.argv[1]).table\n"
    "    diary = diary.iloc[:, :5]",
).replace("except backpain.DiaryError", "except (backpain.DiaryError, backpain.SurveyError)")


def test_survey_with_10k_columns_in_bounded_time_and_memory(tmp_path, monkeypatch):
    # column by column this took over 120 s (about 8 ms a column); now one pass over all cells
    path = tmp_path / "wide_survey.csv"
    header = ",".join(["record_id"] + [f"q{i}" for i in range(10_000)])
    rows = [f"{r}," + ",".join(str((r * 7 + i) % 5) for i in range(10_000)) for r in range(1, 51)]
    path.write_text(header + "\n" + "\n".join(rows) + "\n")
    monkeypatch.setattr(sys.modules[__name__], "_CHILD", _SURVEY_CHILD)
    out = read_capped(path, memory=512 * MiB)
    assert out["outcome"] == "read", out
    assert out["diary"]["q0"] == [(r * 7) % 5 for r in range(1, 51)]
