"""Property-based tests: no reader lets anything but DiaryError out, and every row is counted.

Contract checked here (issue 9): for any *file content* a reader raises only
:class:`backpain.DiaryError` (a ``ValueError`` subclass with a message); for any
file that loads, ``report.balanced`` holds and ``len(diary) == report.rows_kept``.
For well-formed generic CSV files built here, the test also knows the answer:
``rows_read`` is the number of data rows written, and the rows rejected, ignored
and the days kept equal an independent count made while writing the file.
"""

from __future__ import annotations

import io
import json
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from _examples import examples
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import backpain
from backpain.read import FORMATS, table
from backpain.schema import VARIABLES

HOSTILE = Path(__file__).parent / "data" / "hostile"
FAST = settings(
    max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def read(data: bytes, **kwargs):
    """read_diary with the report; lets only DiaryError out (the contract under test)."""
    return backpain.read_diary(data, return_report=True, **kwargs)


def check_loaded(diary: pd.DataFrame, report: backpain.LoadReport) -> None:
    assert report.balanced, report.summary()
    assert len(diary) == report.rows_kept
    assert len(report.rejected) == report.rows_rejected
    assert not diary.duplicated(["subject", "date"]).any()
    assert diary["subject"].dtype == "string"
    assert diary["date"].dtype == "datetime64[ns]"
    assert (diary["date"] == diary["date"].dt.normalize()).all()
    assert diary["pain"].dtype == "float64"
    assert diary["pain"].dropna().between(0, 10).all()


def read_or_diary_error(data: bytes, **kwargs) -> tuple[pd.DataFrame, backpain.LoadReport] | None:
    try:
        diary, report = read(data, **kwargs)
    except backpain.DiaryError as exc:
        message = str(exc)
    else:
        check_loaded(diary, report)
        return diary, report
    assert message.strip(), "a DiaryError needs a message"
    return None


# -------------------------------------------------------------- raw bytes
MAGIC = [
    b"",
    b"PK\x03\x04",
    b"PAR1",
    b"\xd0\xcf\x11\xe0",
    b"[",
    b'[{"date": "2026-01-0',
    b"{",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"<?xml version='1.0'?>\n<HealthData>",
    b"date,pain\n",
    b"datum;pijn\n",
    b"full_date,date,weekday,time,mood,activities,note\n",
    b"date,weekday,time of day,category,rating/amount,detail,notes\n",
]


@given(prefix=st.sampled_from(MAGIC), body=st.binary(max_size=600))
@settings(max_examples=examples(150), deadline=None)
def test_random_bytes_raise_only_diary_error(prefix, body):
    read_or_diary_error(prefix + body)


@pytest.mark.parametrize("fmt", list(FORMATS))
@given(prefix=st.sampled_from(MAGIC), body=st.binary(max_size=400))
@FAST
def test_random_bytes_each_format(fmt, prefix, body):
    read_or_diary_error(prefix + body, format=fmt)


# ------------------------------------------------ well-formed generic CSVs
VALID_NUMBERS = {"0": 0.0, "3": 3.0, "7.5": 7.5, "10": 10.0, " 4 ": 4.0, "2.25": 2.25}
BAD_NUMBERS = {"11": 11.0, "-1": -1.0, "1e3": 1000.0, "veel": None, "inf": None, "1O": None}
# words the generic reader takes as "no value" in a number column (backpain/read/table.py)
NA_NUMBER = sorted(getattr(table, "_NA_NUMBER", ("",)))
VALID_DATES = ["2026-01-05", "2026-01-06", "2025-12-31", "2024-02-29", "2026-1-7"]
BAD_DATES = ["gisteren", "2026-02-30", "2026-13-01", "32-13-2026", "not a date"]
EXTRA_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)


@dataclass
class Column:
    header: str
    name: str  # canonical name, or "" for a column the reader does not use


@dataclass
class Generated:
    data: bytes
    n_rows: int
    n_blank: int  # rows with no value at all: the reader ignores them
    n_spaces: int  # rows of white space only: ignored or rejected ("date is empty")
    n_rejected: int
    n_days: int
    scale_error: bool
    name_clash: bool


def _header(name: str, draw) -> str:
    alias = draw(st.sampled_from(VARIABLES[name].aliases))
    return draw(st.sampled_from([alias, alias.upper(), alias.title(), f" {alias} "]))


def _cell(name: str, draw) -> str:
    if name == "date":
        return draw(st.sampled_from([*VALID_DATES, *BAD_DATES, "", " "]))
    if name == "subject":
        return draw(st.sampled_from(["a", "b", " a", "", "S0001", "001"]))
    if name in ("notes", "tags") or not name:
        return draw(EXTRA_TEXT)
    pool = [*VALID_NUMBERS, *BAD_NUMBERS, *NA_NUMBER]
    if name == "sleep_hours":
        pool.append("7:30")
    return draw(st.sampled_from(pool))


def _blank(cell: str, name: str) -> bool:
    if name and VARIABLES[name].kind == "number" and cell in NA_NUMBER:
        return True
    return cell.strip() == ""


def _number(token: str) -> float | None:
    token = token.strip()
    return {**VALID_NUMBERS, **BAD_NUMBERS, "7:30": 7.5}.get(token, VALID_NUMBERS.get(f" {token} "))


def _quote(cell: str, force: bool) -> str:
    if force or any(ch in cell for ch in ',"\r\n') or cell != cell.strip():
        return '"' + cell.replace('"', '""') + '"'
    return cell


@st.composite
def generic_csv(draw) -> Generated:
    optional = ["subject", "stress", "sleep_hours", "steps", "mood", "tags", "notes"]
    names = ["date", "pain", *draw(st.lists(st.sampled_from(optional), unique=True, max_size=4))]
    columns = [Column(_header(n, draw), n) for n in names]
    columns += [Column(f"extra_{i}", "") for i in range(draw(st.integers(0, 2)))]
    clash = False
    if draw(st.booleans()):  # a second column for the same variable
        twin = draw(st.sampled_from(columns))
        if draw(st.booleans()):  # same header twice: as unclear as two spellings
            columns.append(Column(twin.header, twin.name))
            clash = bool(twin.name)
        else:  # another spelling of the same name: both map to one variable
            columns.append(Column(twin.header.upper() + "_", twin.name))
            clash = bool(twin.name)
    columns = draw(st.permutations(columns))
    n = draw(st.integers(0, 25))
    rows = []
    for _ in range(n):
        if draw(st.integers(0, 9)) == 0:
            rows.append([""] * len(columns))
        else:
            rows.append([_cell(c.name, draw) for c in columns])

    first = {}  # canonical name -> index of its first column (the one the reader uses)
    for i, c in enumerate(columns):
        if c.name and c.name not in first:
            first[c.name] = i
    n_blank = n_spaces = n_rejected = 0
    days, pains = set(), []
    by_day: dict[tuple, list[float]] = {}
    # a column the reader does not use (a repeated header, "pain.1") holds text:
    # only the used column of a variable reads "N/A" or "-" as a missing number
    used = [c.name if first.get(c.name) == i else "" for i, c in enumerate(columns)]
    for row in rows:
        if all(_blank(cell, name) for cell, name in zip(row, used, strict=True)):
            if all(
                cell == "" or (_blank(cell.strip(), name) and cell == cell.strip())
                for cell, name in zip(row, used, strict=True)
            ):
                n_blank += 1
            else:
                n_spaces += 1
            continue
        get = {name: row[i] for name, i in first.items()}
        pain = _number(get["pain"])
        if pain is not None and math.isfinite(pain):
            pains.append(pain)
        ok = get["date"].strip() in VALID_DATES
        if "subject" in get:
            ok &= get["subject"].strip() != ""
        for name, token in get.items():
            var = VARIABLES[name]
            if var.kind == "number" and not _blank(token, name):
                value = _number(token)
                ok &= value is not None and var.low <= value <= (var.high or math.inf)
        if ok:
            day = (get.get("subject", "x").strip(), pd.Timestamp(get["date"].strip()))
            sleep = _number(get["sleep_hours"]) if "sleep_hours" in get else None
            by_day.setdefault(day, []).append(sleep or 0.0)
        else:
            n_rejected += 1
    for day, sleeps in by_day.items():
        # several rows of one day are summed; a total over 24 h rejects the day's rows
        if len(sleeps) > 1 and sum(sleeps) > VARIABLES["sleep_hours"].high:
            n_rejected += len(sleeps)
        else:
            days.add(day)
    scale_error = len(pains) >= 3 and sum(p > 10 for p in pains) / len(pains) > 0.5

    endings = draw(st.lists(st.sampled_from(["\r\n", "\n", "\r"]), min_size=n + 1, max_size=n + 1))
    last_newline = draw(st.booleans()) or n == 0
    quote_all = draw(st.booleans())
    lines = [",".join(_quote(c.header, quote_all) for c in columns)]
    lines += [",".join(_quote(cell, quote_all) for cell in row) for row in rows]
    text = "".join(line + end for line, end in zip(lines, endings, strict=True))
    if not last_newline:
        text = text[: -len(endings[-1])]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    return Generated(data, n, n_blank, n_spaces, n_rejected, len(days), scale_error, clash)


@given(generic_csv())
@settings(max_examples=examples(80), deadline=None)
def test_wellformed_csv_counts_every_row(gen):
    try:
        diary, report = read(gen.data)
    except backpain.DiaryError as exc:
        if not (gen.scale_error or gen.name_clash):
            raise
        message = str(exc)
    else:
        message = ""
    if gen.scale_error or gen.name_clash:
        # either problem may be reported first when a file has both
        expected = {"pain_scale=100"} if gen.scale_error else set()
        expected |= {"both look like", "appears twice"} if gen.name_clash else set()
        assert any(e in message for e in expected), message
        return
    check_loaded(diary, report)
    assert report.format == "table"
    assert report.rows_read == gen.n_rows
    assert gen.n_blank <= report.rows_ignored <= gen.n_blank + gen.n_spaces
    assert report.rows_ignored + report.rows_rejected == gen.n_blank + gen.n_spaces + gen.n_rejected
    assert len(diary) == gen.n_days


@given(generic_csv(), st.integers(0, 10_000))
@FAST
def test_truncated_csv(gen, cut):
    read_or_diary_error(gen.data[: cut % max(len(gen.data), 1)])


@given(generic_csv(), st.data())
@FAST
def test_wrong_format_forced(gen, data):
    fmt = data.draw(st.sampled_from([f for f in FORMATS if f != "table"] or ["table"]))
    read_or_diary_error(gen.data, format=fmt)


# ------------------------------------------------------------------- JSON
JSON_KEYS = ["date", "datum", "pain", "pijn", "subject", "steps", "notes", "tags", "x"]
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.sampled_from([*VALID_DATES, *BAD_DATES, *VALID_NUMBERS, *BAD_NUMBERS])
    | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=5,
)


@given(st.lists(st.dictionaries(st.sampled_from(JSON_KEYS), JSON_VALUES), max_size=12))
@FAST
def test_json_records(records):
    loaded = read_or_diary_error(json.dumps(records).encode())
    if loaded is not None and records:
        assert loaded[1].rows_read == len(records)


# ----------------------------------------------------- app-format mutants
SEEDS = {
    "bearable": (
        "date,weekday,time of day,category,rating/amount,detail,notes\n"
        '"22nd Sep 2020","Tue","am","Symptom","2","Back (lower) pain (Moderate)",""\n'
        '"22nd Sep 2020","Tue","pm","Mood","7","Meh | Anxious","walked"\n'
        '"23rd Sep 2020","Wed","all day","Sleep","9:45","Asleep 02:45 - 12:30",""\n'
    ),
    "daylio": (
        "full_date,date,weekday,time,mood,activities,note\n"
        "2021-09-28,September 28,Tuesday,10:00 pm,good,walk | physio ,<br>ok\n"
        "2021-09-28,September 28,Tuesday,18:52,awful,,\n"
        "2021-09-29,September 29,Wednesday,08:00,meh,heat,\n"
    ),
    "fitbit_csv": (
        "Activities\n"
        "Date,Calories Burned,Steps,Distance,Floors,Minutes Sedentary,Minutes Lightly Active,"
        "Minutes Fairly Active,Minutes Very Active,Activity Calories\n"
        '"13-03-2017","2,310","6,511","4.52","5","1,120","210","15","20","987"\n'
        '"14-03-2017","1,980","812","0.55","0","1,302","95","0","0","210"\n'
        "\n"
        "Sleep\n"
        "Start Time,End Time,Minutes Asleep,Minutes Awake,Number of Awakenings,Time in Bed,"
        "Minutes REM Sleep,Minutes Light Sleep,Minutes Deep Sleep\n"
        '"13-03-2017 11:02PM","14-03-2017 6:45AM","402","61","25","463","N/A","N/A","N/A"\n'
    ),
    "garmin": (
        "[\n"
        '{"calendarDate": "2024-05-01", "totalSteps": 8012, "allDayStress": '
        '{"aggregatorList": [{"type": "TOTAL", "averageStressLevel": 31}]}},\n'
        '{"calendarDate": "2024-05-02", "totalSteps": 4390}\n'
        "]\n"
    ),
    "fitbit_api": (
        '{"activities-steps": [\n'
        '{"dateTime": "2019-01-01", "value": "6511"},\n'
        '{"dateTime": "2019-01-02", "value": "10230"}],\n'
        '"sleep-minutesAsleep": [\n'
        '{"dateTime": "2019-01-01", "value": "402"}]}\n'
    ),
    "google_fit_daily": (
        "Date,Calories (kcal),Distance (m),Vitesse moyenne (m/s),Nombre de pas\n"
        "2024-04-01,1902.4,5120.8,1.2,7104\n"
        "2024-04-02,1850.0,911.7,1.1,1222\n"
    ),
    "health_auto_export": (
        "Date/Time,Sleep Analysis [Asleep] (hr),Sleep Analysis [In Bed] (hr),"
        "Sleep Analysis [Core] (hr),Sleep Analysis [Deep] (hr),Sleep Analysis [REM] (hr),"
        "Step Count (count)\n"
        "2024-05-01 00:00:00,0.0,0.0,3.9,0.8,1.5,7250\n"
        "6/13/2024 0:00,0.0,7.4,0.0,0.0,0.0,3120\n"
    ),
}


@st.composite
def mutant(draw, seed: str) -> bytes:
    lines = seed.splitlines()
    ops = draw(
        st.lists(st.sampled_from(["drop", "dup", "shuffle", "cut", "junk", "nul"]), max_size=3)
    )
    for op in ops:
        i = draw(st.integers(0, len(lines) - 1))
        if op == "drop" and len(lines) > 1:
            lines.pop(i)
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "shuffle":
            lines = [lines[0], *draw(st.permutations(lines[1:]))]
        elif op == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        elif op == "junk":
            lines[i] += draw(EXTRA_TEXT)
        elif op == "nul":
            lines[i] += "\x00"
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return ending.join(lines).encode(draw(st.sampled_from(["utf-8", "utf-8-sig"])))


@pytest.mark.parametrize("fmt", [f for f in SEEDS if f in FORMATS])
@given(data=st.data())
@FAST
def test_app_format_mutants(fmt, data):
    blob = data.draw(mutant(SEEDS[fmt]))
    read_or_diary_error(blob)
    read_or_diary_error(blob, format=fmt)


# ---------------------------------------------------- hand-made edge cases
def test_empty_and_blank_files():
    with pytest.raises(backpain.DiaryError, match="empty"):
        backpain.read_diary(b"")
    for data in (b"\n\n", b"   ", b"\xef\xbb\xbf", b"\r\n\r\n\r\n"):
        with pytest.raises(backpain.DiaryError, match=r"<bytes>: .*(empty|single column)"):
            backpain.read_diary(data)


def test_header_only_file_gives_empty_diary():
    diary, report = read(b"date,pain,notes\r\n")
    assert len(diary) == 0
    assert list(diary.columns) == ["subject", "date", "pain", "notes"]
    assert (report.rows_read, report.rows_kept) == (0, 0)
    check_loaded(diary, report)


def test_huge_field_is_kept_whole():
    note = "lang verhaal, " * 20_000  # 280,000 characters in one quoted cell
    data = f'date,pain,notes\n2026-01-05,4,"{note}"\n2026-01-06,5,kort\n'.encode()
    diary, report = read(data)
    check_loaded(diary, report)
    assert diary["notes"].iloc[0] == note.strip()


def test_nul_byte_far_into_a_file():
    # Source.text only looks for NUL in the first 64 KiB; later ones must not crash either
    filler = "".join(f"2026-01-{d:02d},3\n" for d in range(1, 29)) * 300
    data = ("date,pain\n" + filler + "2026-02-01,4\x00\n").encode()
    assert len(data) > 70_000
    read_or_diary_error(data)


def test_mixed_line_endings():
    data = b"date,pain\r\n2026-01-05,4\r2026-01-06,5\n2026-01-07,6\r\n"
    diary, report = read(data)
    check_loaded(diary, report)
    assert diary["pain"].tolist() == [4.0, 5.0, 6.0]


@pytest.mark.parametrize("ext", ["xlsx", "csv", "parquet", "json", "txt"])
def test_wrong_extension_reads_by_content(diary, tmp_path, ext):
    from backpain.privacy import write_diary

    written = {}
    for fmt in ("csv", "xlsx", "parquet"):
        buffer = io.BytesIO()
        write_diary(diary, buffer, format=fmt)
        written[fmt] = buffer.getvalue()
    for fmt, blob in written.items():
        if fmt == ext:
            continue
        path = tmp_path / f"{fmt}_as.{ext}"
        path.write_bytes(blob)
        back = backpain.read_diary(path)
        pd.testing.assert_frame_equal(back, diary)


# ------------------------------------------------------ crafted hostile files
HOSTILE_CASES = {
    "formula_cells.csv": dict(rows=4, kept=4, rejected=0),
    "mixed_line_endings.csv": dict(rows=4, kept=3, rejected=1),
    "duplicate_headers.csv": "the column 'pain' appears twice",
    "truncated_quote.csv": None,
    "nul_bytes.csv": "NUL bytes",
    "header_only.csv": dict(rows=0, kept=0, rejected=0),
    "ragged_rows.csv": None,
    "cp1252_dutch.csv": dict(rows=3, kept=2, rejected=1),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_CASES))
def test_crafted_hostile_csv(name):
    expected = HOSTILE_CASES[name]
    path = HOSTILE / name
    assert path.is_file(), f"fixture {path} is missing"
    if isinstance(expected, str):
        with pytest.raises(backpain.DiaryError, match=f"{name}: .*{expected}"):
            backpain.read_diary(path)
        return
    if expected is None:  # either reads with every row accounted for, or a clear DiaryError
        try:
            diary, report = backpain.read_diary(path, return_report=True)
        except backpain.DiaryError as exc:
            message = str(exc)
        else:
            check_loaded(diary, report)
            return
        assert name in message
        return
    diary, report = backpain.read_diary(path, return_report=True)
    check_loaded(diary, report)
    assert (report.rows_read, report.rows_kept, report.rows_rejected) == (
        expected["rows"],
        expected["kept"],
        expected["rejected"],
    )


def test_formula_cells_are_read_as_plain_text():
    diary = backpain.read_diary(HOSTILE / "formula_cells.csv")
    assert diary["notes"].iloc[0] == '=HYPERLINK("http://example.invalid","klik")'
    assert diary["notes"].str.startswith(("=", "+", "-", "@")).sum() == 4


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
@given(notes=st.lists(st.text(max_size=20), min_size=2, max_size=2))
@settings(max_examples=examples(40), deadline=None)
def test_any_note_text_survives_a_round_trip(fmt, notes):
    from backpain.privacy import unescape_formulas, write_diary

    notes = [n.strip() or None for n in notes]  # read_diary strips text and drops empty cells
    assume(fmt == "parquet" or all("\x00" not in (n or "") for n in notes))
    diary = pd.DataFrame(
        {
            "subject": pd.array(["s", "s"], dtype="string"),
            "date": pd.to_datetime(["2026-01-05", "2026-01-06"]).astype("datetime64[ns]"),
            "pain": [1.0, 2.0],
            "notes": pd.array(notes, dtype="string"),
        }
    )
    buffer = io.BytesIO()
    write_diary(diary, buffer, format=fmt)
    back = backpain.read_diary(buffer.getvalue())
    back["notes"] = unescape_formulas(back["notes"])  # see the privacy report (table.py)
    pd.testing.assert_frame_equal(back, diary)


# ------------------------------------- regressions found by the tests above
@pytest.mark.parametrize(
    ("data", "rejected"),
    [
        # a non-ISO date next to a blank one: TypeError "boolean value of NA is ambiguous"
        (b"date,pain\ngisteren,3\n,4\n", 2),
        # dates outside the datetime64[ns] range (1677-2262): OutOfBoundsDatetime
        (b"date,pain\n3000-01-01,3\n2026-01-05,4\n", 1),
        (b"date,pain\nSeptember 28,3\n2026-01-05,4\n", 1),
    ],
)
def test_bad_dates_are_rejected_not_raised(data, rejected):
    diary, report = read(data)
    check_loaded(diary, report)
    assert report.rows_rejected == rejected
    assert set(report.rejected["column"]) == {"date"}


def test_out_of_range_dates_in_parquet_are_rejected():
    dates = pd.Series([pd.Timestamp("2026-01-05"), pd.Timestamp("1200-01-01").as_unit("s")])
    frame = pd.DataFrame({"date": dates.astype("datetime64[s]"), "pain": [1.0, 2.0]})
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    diary, report = read(buffer.getvalue())
    check_loaded(diary, report)
    assert (report.rows_kept, report.rows_rejected) == (1, 1)


@pytest.mark.parametrize("fmt", ["auto", *FORMATS])
def test_undecodable_utf16_is_a_diary_error(fmt):
    with pytest.raises(backpain.DiaryError, match="<bytes>: "):
        backpain.read_diary(b"\xff\xfe\x00", format=fmt)


def test_excel_bytes_under_another_name_close_their_file(diary, tmp_path):
    from backpain.privacy import write_diary

    path = write_diary(diary, tmp_path / "diary.xlsx")
    moved = path.rename(tmp_path / "diary.csv")
    # an unclosed file would raise ResourceWarning, an error under this test suite
    pd.testing.assert_frame_equal(backpain.read_diary(moved), diary)


def test_infinite_numbers_are_rejected():
    data = b"date,pain,steps\n2026-01-05,inf,10\n2026-01-06,3,inf\n2026-01-07,4,100\n"
    diary, report = read(data)
    check_loaded(diary, report)
    assert (report.rows_kept, report.rows_rejected) == (1, 2)
    assert set(report.rejected["column"]) == {"pain", "steps"}


def test_every_subject_blank_is_rejected_not_raised():
    diary, report = read(b"date,pain,subject\n2026-01-05,4,\n")
    check_loaded(diary, report)
    assert report.rejected["reason"].tolist() == ["subject is empty"]


def test_nested_json_values_are_rejected_not_raised():
    data = json.dumps([{"date": "2026-01-05", "pain": [1], "subject": []}]).encode()
    diary, report = read(data)
    check_loaded(diary, report)
    assert report.rows_rejected == 1


def test_hypothesis_is_deterministic_on_ci_and_thorough_on_demand():
    import os

    from _examples import THOROUGH
    from hypothesis import settings

    assert settings().derandomize == bool(os.environ.get("CI"))
    assert settings().max_examples == (100 if THOROUGH else 25)
    assert FAST.max_examples == examples(60) == (60 if THOROUGH else 15)


# ---------------------------------- spaced and partial dates (issue 27)
DAYS = st.dates(
    min_value=pd.Timestamp("2000-01-01").date(), max_value=pd.Timestamp("2099-12-31").date()
)
PARTIAL = st.sampled_from(["{y}", "{y}-{m:02d}", "{m:02d}/{y}", "{y}Q{q}", "{y}-W{w:02d}"])


@given(
    days=st.lists(DAYS, min_size=1, max_size=8, unique=True),
    dayfirst=st.booleans(),
    partial=st.lists(st.tuples(DAYS, PARTIAL), max_size=3),
)
@settings(max_examples=25, deadline=None)
def test_spaced_dates_read_as_written_and_partial_dates_rejected(days, dayfirst, partial):
    # a day above 12 settles the order of the spaced dates for the whole column
    settle = pd.Timestamp("2026-01-25").date()
    days = [*days, settle] if settle not in days else days
    order = "%d %m %Y" if dayfirst else "%m %d %Y"
    lines = [f"{d.strftime(order)},5" for d in days]
    for d, shape in partial:
        text = shape.format(y=d.year, m=d.month, q=(d.month - 1) // 3 + 1, w=d.isocalendar()[1])
        lines.append(f"{text},5")
    diary, report = read(("date,pain\n" + "\n".join(lines) + "\n").encode(), subject="s")
    check_loaded(diary, report)
    assert sorted(diary["date"].dt.date) == sorted(days)
    assert report.rows_rejected == len(partial)
    assert all("gives no day" in r for r in report.rejected["reason"])


# ---------------------------------------------- multi-sheet workbooks
SHEET = st.tuples(st.sampled_from(["diary", "cover", "empty"]), st.booleans())


@given(sheets=st.lists(SHEET, min_size=1, max_size=4), pick=st.integers(0, 3))
@settings(max_examples=15, deadline=None)
def test_workbook_reads_the_diary_sheet_and_names_every_other(tmp_path_factory, sheets, pick):
    import openpyxl

    assume(any(not hidden for _, hidden in sheets))  # a workbook shows one sheet at least
    book = openpyxl.Workbook()
    book.remove(book.active)
    rows_of = {}
    for i, (kind, hidden) in enumerate(sheets):
        sheet = book.create_sheet(f"s{i}")
        if kind == "diary":
            rows = [[f"2026-01-{d + 1:02d}", (i + d) % 11] for d in range(i + 1)]
            sheet.append(["date", "pain"])
        elif kind == "cover":
            rows = [["kept by me"], ["since 2026"]]
            sheet.append(["my pain diary"])
        else:
            rows = []
        for r in rows:
            sheet.append(r)
        rows_of[f"s{i}"] = rows
        sheet.sheet_state = "hidden" if hidden else "visible"
    book.active = next(i for i, (_, hidden) in enumerate(sheets) if not hidden)
    path = tmp_path_factory.mktemp("book") / "book.xlsx"
    book.save(path)
    visible = [f"s{i}" for i, (k, h) in enumerate(sheets) if k == "diary" and not h]
    hidden = [f"s{i}" for i, (k, h) in enumerate(sheets) if k == "diary" and h]
    expected = (visible or hidden or [None])[0]
    if expected is None:  # no sheet holds a diary: the error says why
        with pytest.raises(backpain.DiaryError, match="no date column"):
            backpain.read_diary(path, subject="s")
        return
    diary, report = backpain.read_diary(path, subject="s", return_report=True)
    check_loaded(diary, report)
    assert len(diary) == len(rows_of[expected])
    if len(sheets) > 1:
        note = next(str(n) for n in report.notes if "not read" in str(n))
        assert f"'{expected}'" in note
        for name in rows_of:
            if name != expected:
                assert f"'{name}' ({max(len(rows_of[name]), 0)} rows" in note
    chosen = f"s{pick % len(sheets)}"
    try:
        other = backpain.read_diary(path, subject="s", sheet=chosen)
    except backpain.DiaryError:
        assert sheets[pick % len(sheets)][0] != "diary"
    else:
        assert len(other) == len(rows_of[chosen])


# ---------------------------------------------------- multi-member zips
APPLE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_BE">\n'
    ' <ExportDate value="2024-03-05 09:00:00 +0100"/>\n'
    ' <Record type="HKQuantityTypeIdentifierStepCount" sourceName="iPhone" unit="count" '
    'startDate="2024-03-04 10:00:00 +0100" endDate="2024-03-04 10:05:00 +0100" value="420"/>\n'
    "</HealthData>\n"
)
MEMBER = st.tuples(
    st.sampled_from(["apple_health_export/", "old/apple_health_export/", "", "x/"]),
    st.sampled_from(["export.xml", "export_cda.xml", "notes.txt", "uitvoer.xml"]),
)


@given(members=st.lists(MEMBER, min_size=1, max_size=4))
@settings(max_examples=15, deadline=None)
def test_zip_members_one_export_read_several_refused(members):
    import warnings
    import zipfile

    buffer = io.BytesIO()
    exports = []
    with zipfile.ZipFile(buffer, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # a repeated member name
        for folder, name in members:
            holds = name in ("export.xml", "uitvoer.xml")  # the export's name is localised
            archive.writestr(folder + name, APPLE if holds else "other")
            exports += [folder + name] if holds else []
    data = buffer.getvalue()
    if len(exports) == 1:
        diary, report = read(data)
        check_loaded(diary, report)
        assert diary["steps"].tolist() == [420.0]
    elif len(exports) > 1:
        with pytest.raises(backpain.DiaryError, match="more than one Apple Health export"):
            read(data)
    else:
        assert read_or_diary_error(data) is None
