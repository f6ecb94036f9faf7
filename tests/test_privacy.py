"""Tests for backpain.privacy: pseudonyms, formula-safe writing, round trips, no network."""

from __future__ import annotations

import csv
import gc
import hashlib
import hmac
import io
import re
import socket
import subprocess
import sys
import warnings

import numpy as np
import openpyxl
import pandas as pd
import pytest
from _examples import examples
from hypothesis import given, settings
from hypothesis import strategies as st

import backpain
from backpain.privacy import (
    FORMULA_PREFIXES,
    escape_formulas,
    new_key,
    pseudonymise,
    unescape_formulas,
    write_diary,
)
from backpain.simulate import simulate_cohort
from backpain.text import render_error

KEY = "test key, at least sixteen bytes"
OTHER_KEY = b"another secret key of 32 bytes!!"


def reference_pseudonym(subject: str, key: str | bytes = KEY, digits: int = 10) -> str:
    """Independent reference: RFC 2104 HMAC through the standard library."""
    key = key.encode() if isinstance(key, str) else key
    return "P-" + hmac.new(key, subject.encode("utf-8"), hashlib.sha256).hexdigest()[:digits]


@pytest.fixture
def noted_diary() -> pd.DataFrame:
    """A hand-made canonical diary with Dutch text, commas, quotes, newlines and tags."""
    return pd.DataFrame(
        {
            "subject": pd.array(["0042", "Anaïs", "Jan de Vries", "Jan de Vries"], dtype="string"),
            "date": pd.to_datetime(["2026-02-28", "2026-01-05", "2026-01-05", "2026-01-06"]),
            "pain": [10.0, 0.0, 6.5, 3.25],
            "steps": [100000.0, 0.0, 1234.0, np.nan],
            "tags": pd.array(["rest", "exercise", "heat|physiotherapy", pd.NA], dtype="string"),
            "notes": pd.array(
                [
                    "Zei: 'kan niet' | 12,5 km; 'ok'",
                    pd.NA,
                    'Na het fietsen "erg" zwaar, daarna rust',
                    "Café; crème brûlée\nnieuwe regel, één twee",
                ],
                dtype="string",
            ),
        }
    ).astype({"date": "datetime64[ns]"})


# ------------------------------------------------------------ pseudonymise
def in_pseudonym_order(data: pd.DataFrame, subject: str = "subject", **kw) -> pd.DataFrame:
    """``data`` in the order pseudonymise gives: by reference pseudonym, stable, new index."""
    names = data[subject].map(
        lambda v: reference_pseudonym(str(v).strip(), **kw), na_action="ignore"
    )
    return data.iloc[names.argsort(kind="stable")].reset_index(drop=True)


def test_pseudonym_matches_hmac_reference(diary):
    out = pseudonymise(diary, key=KEY)
    expected = in_pseudonym_order(diary)["subject"].map(reference_pseudonym)
    assert out["subject"].tolist() == expected.tolist()
    assert out["subject"].is_monotonic_increasing
    assert out["subject"].dtype == "string"
    assert out["subject"].str.fullmatch(r"P-[0-9a-f]{10}").all()


def test_pseudonym_stable_and_joins_survey(diary):
    survey = pd.DataFrame({"subject": ["S0002", " S0001 "], "odi": [30.0, 12.0]})
    a = pseudonymise(diary, key=KEY)
    b = pseudonymise(diary, key=KEY.encode())
    assert a.equals(b)
    joined = a.merge(pseudonymise(survey, key=KEY), on="subject")
    assert set(joined["subject"]) == {reference_pseudonym("S0001"), reference_pseudonym("S0002")}
    assert len(joined) == (diary["subject"].isin(["S0001", "S0002"])).sum()


def test_numeric_ids_hash_like_their_text():
    ints = pseudonymise(pd.DataFrame({"subject": [12, 7]}), key=KEY)
    floats = pseudonymise(pd.DataFrame({"subject": [np.nan, 12.0]}), key=KEY)
    text = pseudonymise(pd.DataFrame({"subject": ["12", "7"]}), key=KEY)
    assert ints["subject"].tolist() == text["subject"].tolist()
    assert set(text["subject"]) == {reference_pseudonym("12"), reference_pseudonym("7")}
    assert floats["subject"].iloc[0] == reference_pseudonym("12")
    assert floats["subject"].isna().iloc[1]  # a missing id goes last


def test_sequential_ids_cannot_be_matched_by_order(tmp_path):
    # 50 subjects P001..P050 in id order: the order of the output must not give them away
    ids = [f"P{i:03d}" for i in range(1, 51)]
    diary = pd.DataFrame(
        {
            "subject": pd.array(ids, dtype="string"),
            "date": pd.to_datetime(["2026-01-01"] * 50).astype("datetime64[ns]"),
            "pain": np.arange(50, dtype="float64") % 11,
        }
    )
    out = pseudonymise(diary, key=KEY)
    back = {reference_pseudonym(i): i for i in ids}
    assert out["subject"].is_monotonic_increasing  # sorted by pseudonym ...
    real = [back[p] for p in out["subject"]]
    assert real != ids  # ... so the rows no longer follow the real ids
    hits = sum(a == b for a, b in zip(real, ids, strict=True))
    assert hits <= 5  # guessing by position recovers about 1 in 50, not 50
    assert out.index.tolist() == list(range(50))  # the old index (id order) is gone
    path = tmp_path / "safe.csv"
    write_diary(out, path)
    written = pd.read_csv(path)["subject"].tolist()
    assert written == sorted(written) == out["subject"].tolist()


def test_write_diary_writes_rows_sorted_by_subject_and_date(tmp_path):
    diary = pd.DataFrame(
        {
            "subject": pd.array(["b", "a", "a"], dtype="string"),
            "date": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-01"]),
            "pain": [1.0, 2.0, 3.0],
        }
    ).astype({"date": "datetime64[ns]"})
    path = tmp_path / "d.csv"
    write_diary(diary, path)
    written = pd.read_csv(path)
    assert written["subject"].tolist() == ["a", "a", "b"]
    assert written["pain"].tolist() == [3.0, 2.0, 1.0]


@pytest.mark.parametrize(
    ("key", "why"),
    [
        (b"\x00" * 32, "one repeated byte"),
        ("x" * 40, "one repeated byte"),
        ("abcdabcdabcdabcdabcd", "about 22 bits"),  # 4 hex digits, then one repeat
        ("0123456789abcdef", "about 18 bits"),  # 16 hex digits, counting up
        ("31415926535897932384", "about 66 bits"),  # 20 decimal digits: 20 * log2(10)
        ("thisisonlylowercase", "about 89 bits"),  # 19 * log2(26)
        # issue #27: guessable keys that the old estimate (length x alphabet) let through
        ("passwordpasswordpasswordpassword!", "about 67 bits"),
        ("1234567890" * 4 + "1", "about 22 bits"),
        ("ab" * 16 + "c", "about 18 bits"),
        (b"\x00" * 15 + b"\x01", "about 20 bits"),
    ],
)
def test_weak_keys_are_refused(diary, key, why):
    with pytest.raises(ValueError, match=f"key is weak: .*{why}") as info:
        pseudonymise(diary, key=key)
    assert "new_key()" in str(info.value)  # the way out


def test_strong_keys_are_taken(diary):
    import secrets

    for key in (new_key(), secrets.token_hex(16), secrets.token_bytes(16)):
        pseudonymise(diary, key=key)
    pseudonymise(diary, key="Correct horse, battery staple!")  # the check cannot see words


def test_random_keys_are_never_called_weak():
    # the bound counts only repeats and runs of 5 or more: random keys keep
    # (nearly) all their bits; new_key()'s 256 bits keep far above 112
    import os
    import secrets

    from backpain.privacy import _key_bits

    assert min(_key_bits(new_key().encode()) for _ in range(2000)) > 200
    assert min(_key_bits(secrets.token_hex(16).encode()) for _ in range(5000)) >= 112
    assert min(_key_bits(os.urandom(16)) for _ in range(5000)) == 128  # 16 x 8 bits


def test_new_key_is_random_hex():
    keys = {new_key() for _ in range(100)}
    assert len(keys) == 100
    assert all(len(k) == 64 and int(k, 16) >= 0 for k in keys)


def test_drop_unknown_tags_keeps_only_the_listed_tags(noted_diary):
    noted = noted_diary.assign(
        tags=pd.array(["rest|walk with anna", "exercise", "heat|physiotherapy", pd.NA], "string")
    )
    out = pseudonymise(noted, key=KEY, drop_unknown_tags=["heat", "rest"])
    expected = in_pseudonym_order(noted)
    kept = dict(zip(expected["date"].astype(str) + expected["subject"], out["tags"], strict=True))
    assert kept["2026-02-280042"] == "rest"  # the name went with its tag
    assert pd.isna(kept["2026-01-05Anaïs"])  # exercise is not listed
    assert kept["2026-01-05Jan de Vries"] == "heat"
    assert "anna" not in out.to_csv()
    with pytest.raises(TypeError, match="list of tags"):
        pseudonymise(noted, key=KEY, drop_unknown_tags="heat")


def test_different_keys_give_different_ids(diary):
    a = pseudonymise(diary, key=KEY)["subject"].unique()
    b = pseudonymise(diary, key=OTHER_KEY)["subject"].unique()
    assert set(a).isdisjoint(b)
    assert len(a) == diary["subject"].nunique()


def test_no_raw_id_or_note_left(noted_diary):
    out = pseudonymise(noted_diary, key=KEY, columns=["tags"])
    dumped = out.to_csv() + repr(out.attrs)
    for raw in noted_diary["subject"]:
        assert raw not in dumped
    assert "fietsen" not in dumped
    assert list(out.columns) == ["subject", "date", "pain", "steps"]
    pd.testing.assert_frame_equal(
        out[["date", "pain", "steps"]], in_pseudonym_order(noted_diary)[["date", "pain", "steps"]]
    )


def test_keep_notes_and_do_not_mutate(noted_diary):
    before = noted_diary.copy()
    noted_diary.attrs["source"] = "jan_de_vries.csv"
    out = pseudonymise(noted_diary, key=KEY, drop_notes=False, digits=16)
    pd.testing.assert_frame_equal(noted_diary, before)
    assert noted_diary.attrs == {"source": "jan_de_vries.csv"}
    assert out.attrs == {}
    expected = in_pseudonym_order(noted_diary, digits=16)
    assert out["notes"].equals(expected["notes"])
    jan = expected.index[expected["subject"] == "Jan de Vries"]
    assert (out.loc[jan, "subject"] == reference_pseudonym("Jan de Vries", digits=16)).all()


def test_other_subject_column():
    survey = pd.DataFrame({"respondent": ["a", "b"], "notes": ["x", "y"]})
    out = pseudonymise(survey, key=KEY, subject="respondent")
    assert out.columns.tolist() == ["respondent"]
    assert out["respondent"].tolist() == sorted(
        [reference_pseudonym("a"), reference_pseudonym("b")]
    )


def _colliding_ids(key: str, digits: int = 8) -> tuple[str, str]:
    seen: dict[str, str] = {}
    i = 0
    while True:
        sid = f"id{i}"
        h = reference_pseudonym(sid, key, digits)
        if h in seen:
            return seen[h], sid
        seen[h] = sid
        i += 1


def test_collision_raises():
    a, b = _colliding_ids(KEY)
    frame = pd.DataFrame({"subject": [a, b]})
    with pytest.raises(ValueError, match=r"same pseudonym .* larger digits="):
        pseudonymise(frame, key=KEY, digits=8)
    assert pseudonymise(frame, key=KEY, digits=12)["subject"].nunique() == 2


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({}, ValueError, r"needs key=.*backpain\.privacy\.new_key\(\)"),
        ({"key": "short"}, ValueError, "key is 5 bytes long"),
        ({"key": 12345678901234567890}, TypeError, "key must be a str or bytes"),
        ({"key": KEY, "subject": "patient"}, ValueError, "no column 'patient'"),
        ({"key": KEY, "columns": ["naam"]}, ValueError, r"no column\(s\) \['naam'\].*columns="),
        ({"key": KEY, "columns": ["subject"]}, ValueError, "includes the id column"),
        ({"key": KEY, "digits": 4}, ValueError, "digits must be a whole number from 8 to 64"),
    ],
)
def test_pseudonymise_errors(diary, kwargs, error, match):
    with pytest.raises(error, match=match):
        pseudonymise(diary, **kwargs)


def test_pseudonymise_index_hint(diary):
    with pytest.raises(ValueError, match="reset_index"):
        pseudonymise(diary.set_index("subject"), key=KEY)
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        pseudonymise(diary.to_dict(), key=KEY)


# -------------------------------------------------------- formula escaping
HOSTILE_NOTES = [
    '=HYPERLINK("http://evil.example","klik")',
    "+31 6 1234",
    "-2 after walking",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\tTAB",
    "'=already quoted",
    "=)",
]


def _hostile_diary() -> pd.DataFrame:
    n = len(HOSTILE_NOTES)
    return pd.DataFrame(
        {
            "subject": pd.array(["=1+2"] + ["s"] * (n - 1), dtype="string"),
            "date": pd.date_range("2026-03-01", periods=n, unit="ns"),
            "pain": [-0.0, *range(1, n)],
            "tags": pd.array(["heat"] * n, dtype="string"),
            "notes": pd.array(HOSTILE_NOTES, dtype="string"),
        }
    ).astype({"pain": "float64"})


@given(st.text(max_size=30))
@settings(max_examples=examples(200), deadline=None)
def test_escape_is_undone_exactly(text):
    values = pd.Series([text, None], dtype="object")
    escaped = escape_formulas(values)
    assert not escaped.iloc[0].startswith(FORMULA_PREFIXES)
    assert unescape_formulas(escaped).tolist() == values.tolist()
    if text.lstrip("'").startswith(FORMULA_PREFIXES):
        assert escaped.iloc[0] == "'" + text
    else:
        assert escaped.iloc[0] == text


def test_escape_leaves_numbers_alone():
    numbers = pd.Series([-1.5, 2.0])
    assert escape_formulas(numbers) is numbers
    mixed = pd.Series([-3, "-3", None], dtype="object")
    assert escape_formulas(mixed).tolist() == [-3, "'-3", None]


def test_csv_cells_are_neutralised(tmp_path):
    path = write_diary(_hostile_diary(), tmp_path / "d.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    notes = [r["notes"] for r in rows]
    assert notes == ["'" + n for n in HOSTILE_NOTES]
    assert rows[0]["subject"] == "'=1+2"
    assert [r["pain"] for r in rows[:2]] == ["-0.0", "1.0"]  # numbers are never escaped
    text_cells = [r[c] for r in rows for c in ("subject", "tags", "notes")]
    assert not any(cell.startswith(FORMULA_PREFIXES) for cell in text_cells)


def test_xlsx_cells_are_text_not_formulas(tmp_path):
    path = write_diary(_hostile_diary(), tmp_path / "d.xlsx")
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    notes_col = header.index("notes") + 1
    cells = [sheet.cell(row=i + 2, column=notes_col) for i in range(len(HOSTILE_NOTES))]
    assert [c.value for c in cells] == ["'" + n for n in HOSTILE_NOTES]
    assert {c.data_type for c in cells} == {"s"}
    pain = sheet.cell(row=2, column=header.index("pain") + 1)
    assert pain.data_type == "n"
    assert pain.value == 0
    kinds = {c.data_type for row in sheet.iter_rows() for c in row}
    assert "f" not in kinds


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_escaped_cells_come_back_with_apostrophe(tmp_path, ext):
    diary = _hostile_diary()
    back = backpain.read_diary(write_diary(diary, tmp_path / f"d.{ext}"))
    # read_diary keeps the apostrophe (and strips the tab); unescape_formulas undoes it
    assert unescape_formulas(back["notes"]).tolist()[:4] == HOSTILE_NOTES[:4]


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_escaped_cells_round_trip(tmp_path, ext):
    diary = _hostile_diary().drop(index=4).reset_index(drop=True)  # the tab is stripped
    back = backpain.read_diary(write_diary(diary, tmp_path / f"d.{ext}"))
    pd.testing.assert_frame_equal(back, diary)


def test_parquet_is_not_escaped(tmp_path):
    diary = _hostile_diary().drop(index=4).reset_index(drop=True)
    back = backpain.read_diary(write_diary(diary, tmp_path / "d.parquet"))
    pd.testing.assert_frame_equal(back, diary)


# ------------------------------------------------------------- round trips
@pytest.mark.parametrize("ext", ["csv", "xlsx", "parquet"])
def test_cohort_round_trip(tmp_path, ext):
    diary = simulate_cohort(3, 40, seed=2026)
    before = diary.copy()
    path = write_diary(diary, tmp_path / f"cohort.{ext}")
    back = backpain.read_diary(path)
    pd.testing.assert_frame_equal(diary, before)
    pd.testing.assert_frame_equal(back, diary)
    assert back["subject"].dtype == "string"
    assert back["date"].dtype == "datetime64[ns]"
    assert (back["date"] == back["date"].dt.normalize()).all()
    assert back["tags"].isna().any()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_noted_diary_round_trip(noted_diary, fmt):
    buffer = io.BytesIO()
    assert write_diary(noted_diary, buffer, format=fmt) is None
    back = backpain.read_diary(buffer.getvalue())
    pd.testing.assert_frame_equal(back, noted_diary)
    assert back["notes"].dtype == "string"
    assert back["steps"].dtype == "float64"


def test_csv_is_utf8_with_bom_and_iso_dates(noted_diary, tmp_path):
    raw = write_diary(noted_diary, tmp_path / "d.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfsubject,date,pain,steps,tags,notes")
    assert "\nAnaïs,2026-01-05,0.0,0.0,exercise,\r\n".encode() in raw


def test_write_keeps_extra_columns_after_canonical(diary, tmp_path):
    extra = diary.assign(flag="=x")[["flag", *diary.columns]]
    path = write_diary(extra, tmp_path / "d.csv")
    header = path.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert header == [*diary.columns, "flag"]
    assert path.read_text(encoding="utf-8-sig").splitlines()[1].endswith(",'=x")


@pytest.mark.parametrize(
    ("path", "kwargs", "match"),
    [
        ("d.txt", {}, r"extension 'txt'.*\.csv, \.xlsx or \.parquet"),
        (
            "d.csv",
            {"format": "ods"},
            r"format must be one of \['csv', 'xlsx', 'parquet'\], not 'ods'",
        ),
    ],
)
def test_write_errors(diary, tmp_path, path, kwargs, match):
    with pytest.raises(ValueError, match=match):
        write_diary(diary, tmp_path / path, **kwargs)


def test_write_refuses_non_diaries(diary, tmp_path):
    with pytest.raises(ValueError, match="format="):
        write_diary(diary, io.BytesIO())
    with pytest.raises(ValueError, match="repeated subject/day rows"):
        write_diary(pd.concat([diary, diary]), tmp_path / "d.csv")
    with pytest.raises(ValueError, match=r"column 'notes', row \d \(\w+, [\d-]+\): .*control"):
        write_diary(diary.head(2).assign(notes=["ok", "bell\x07"]), tmp_path / "d.xlsx")
    assert not (tmp_path / "d.xlsx").exists()


# issue #27: text that spreadsheets or CSV readers take for something else
AS_WRITTEN = [
    "#N/A",  # Excel's error values: openpyxl writes them as error cells, read back empty
    "#DIV/0!",
    "#REF!",
    "#NAME?",
    "_x000D_",  # how .xlsx stores a carriage return, here typed as text
    "_x005F_x000D_",  # and its escaped form, typed as text
    "_x005F\rb",  # an escape's prefix before a real carriage return
    "a\r\nb",
    "NA",
    "null",
    "x005F_",
    "'=1+2",
]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_notes_come_back_as_written(fmt):
    diary = pd.DataFrame(
        {
            "subject": "s",
            "date": pd.date_range("2026-01-01", periods=len(AS_WRITTEN)),
            "pain": 3.0,
            "notes": pd.array(AS_WRITTEN, dtype="string"),
        }
    )
    buffer = io.BytesIO()
    write_diary(diary, buffer, format=fmt)
    back = backpain.read_diary(buffer.getvalue())
    assert back["notes"].tolist() == AS_WRITTEN
    if fmt == "xlsx":  # text cells, not Excel error values
        sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))["diary"]
        kinds = {sheet.cell(row=r, column=4).data_type for r in range(2, len(AS_WRITTEN) + 2)}
        assert kinds == {"s"}


def test_a_nul_in_csv_text_is_refused_at_write_time(diary, tmp_path):
    noted = diary.head(3).assign(notes=["ok", "fine", "a\x00b"])
    row = 2 + noted.sort_values(["subject", "date"]).index.get_loc(2)
    when = noted["date"].iloc[2].date().isoformat()
    pattern = rf"column 'notes', row {row} \({noted['subject'].iloc[2]}, {when}\): .*NUL"
    with pytest.raises(ValueError, match=pattern):
        write_diary(noted, tmp_path / "d.csv")
    assert not (tmp_path / "d.csv").exists()
    write_diary(noted, tmp_path / "d.parquet")  # Parquet holds it
    assert backpain.read_diary(tmp_path / "d.parquet")["notes"].tolist()[-1] == "a\x00b"


# ----------------------------------------------------------------- network
def test_network_guard_blocks_connections():
    # 192.0.2.1 is TEST-NET-1 (RFC 5737): never routed, so a leak could not reach anyone
    with warnings.catch_warnings():
        # the guard raises inside create_connection, which then leaves its socket
        # open (it only closes on OSError); drop it here so no ResourceWarning leaks out
        warnings.simplefilter("ignore", ResourceWarning)
        with pytest.raises(RuntimeError, match="network access attempted") as blocked:
            socket.create_connection(("192.0.2.1", 80), timeout=0.1)
        del blocked
        gc.collect()
    with (
        socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock,
        pytest.raises(RuntimeError, match=r"network access attempted.*offline"),
    ):
        sock.connect(("2001:db8::1", 443))


def test_reading_and_writing_load_no_network_library(tmp_path):
    script = (
        "import io, sys\n"
        "import backpain\n"
        "from backpain.privacy import write_diary\n"
        "d = backpain.simulate_cohort(2, 10, seed=1)\n"
        "for f in ('csv', 'xlsx', 'parquet'):\n"
        "    b = io.BytesIO(); write_diary(d, b, format=f); backpain.read_diary(b.getvalue())\n"
        "bad = ('requests', 'urllib3', 'httpx', 'aiohttp', 'http.client', 'fsspec')\n"
        "print(sorted(m for m in bad if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_every_formula_prefix_round_trips_through_writer_and_reader(tmp_path, ext):
    # one guard for both sides: the writer escapes and the table reader
    # unescapes with the same prefix list, so no prefix can go one way only
    from backpain.read import _cells, table

    assert escape_formulas is _cells.escape_formulas
    assert table.unescape_formulas is unescape_formulas
    notes = [f"{p}x" for p in FORMULA_PREFIXES if p not in "\t\r"]  # readers strip white space
    notes += [f"'{n}" for n in notes] + ["'plain", "x=y"]
    n = len(notes)
    diary = pd.DataFrame(
        {
            "subject": pd.array(["s"] * n, dtype="string"),
            "date": pd.date_range("2026-03-01", periods=n, unit="ns"),
            "pain": [float(i % 10) for i in range(n)],
            "notes": pd.array(notes, dtype="string"),
        }
    )
    back = backpain.read_diary(write_diary(diary, tmp_path / f"d.{ext}"))
    assert back["notes"].tolist() == notes


# ------------------------------------------------------------ messages in Dutch
# words of the English messages that Dutch does not use
_ENGLISH = re.compile(r"\b(the|must|use|not|which|pass|cannot|one of|with|and|from)\b")


def _dutch(exc: BaseException) -> str:
    nl = render_error(exc, "nl")
    assert nl != str(exc)  # a catalogue message, not fixed English
    return nl


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"key": b"\x00" * 32}, ValueError, r"weak: it is one repeated byte \(00 00 \.\.\.\)"),
        ({"key": "abcdabcdabcdabcdabcd"}, ValueError, "written down in about 22 bits"),
        ({"key": "ab" * 16 + "c"}, ValueError, "its 33 bytes can be written down in about 18"),
        ({"key": "0123456789abcdef"}, ValueError, "fewer than the 112 bits"),
        ({"key": KEY, "drop_unknown_tags": "heat"}, TypeError, "not one string"),
    ],
)
def test_argument_errors_are_plain_english_in_every_language(diary, kwargs, error, match):
    # errors about a Python argument are for the programmer: English, not catalogued
    with pytest.raises(error, match=match) as info:
        pseudonymise(diary, **kwargs)
    assert render_error(info.value, "nl") == str(info.value)


def test_privacy_argument_errors_for_index_tags_and_writing(diary, tmp_path):
    cases = [
        (
            lambda: pseudonymise(diary.set_index("subject"), key=KEY),
            "call data.reset_index() first",
        ),
        (lambda: pseudonymise(diary.to_dict(), key=KEY), "data must be a pandas DataFrame"),
        (
            lambda: pseudonymise(diary.drop(columns="tags"), key=KEY, drop_unknown_tags=["a"]),
            "drop_unknown_tags= needs a 'tags' column",
        ),
        (lambda: write_diary(diary, io.BytesIO()), "when writing to a file object"),
    ]
    for call, english in cases:
        with pytest.raises((ValueError, TypeError)) as info:
            call()
        assert english in str(info.value)
        assert render_error(info.value, "nl") == str(info.value)


def test_a_cell_excel_cannot_hold_is_told_in_dutch(diary, tmp_path):
    # a problem in the data (not in the call) is a catalogue message, in Dutch too
    with pytest.raises(ValueError, match="holds control characters") as info:
        write_diary(diary.head(2).assign(notes=["ok", "b\x07"]), tmp_path / "d.xlsx")
    nl = _dutch(info.value)
    assert "de tekst bevat controletekens" in nl
    assert not _ENGLISH.search(nl), nl
