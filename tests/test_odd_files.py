"""Odd files people have (issue #27, #24 item 3): dates never guessed, every sheet named,
no silent change, only DiaryError.

Each file is read in a child process under a memory and CPU limit
(:func:`test_hostile.read_capped`), so a reader that runs away fails the test
on the child's exit; the values are checked by hand in each test.
"""

from __future__ import annotations

import pandas as pd
import pytest
from test_hostile import read_capped

import backpain
from backpain import DiaryError
from backpain.read._parse import parse_dates, partial_dates


def _write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# ------------------------------------------------------------------- dates
def test_spaced_dates_in_a_dutch_file_are_decided_from_the_whole_column(tmp_path):
    # 25 04 2026 settles day-first: 03 04 2026 is 3 April, not 4 March
    path = _write(tmp_path, "dagboek.csv", "datum;pijn\n03 04 2026;4,5\n25 04 2026;3\n")
    out = read_capped(path)
    assert out["outcome"] == "read", out
    assert out["diary"]["date"] == ["2026-04-03T00:00:00.000", "2026-04-25T00:00:00.000"]
    assert out["diary"]["pain"] == [4.5, 3.0]


def test_spaced_dates_month_first_when_the_column_says_so():
    dates, how = parse_dates(pd.Series(["03 04 2026", "04 25 2026"]))
    assert dates.dt.strftime("%Y-%m-%d").tolist() == ["2026-03-04", "2026-04-25"]
    assert "month-day-year" in str(how)


@pytest.mark.parametrize("partial", ["2026-04", "2026", "2026Q1", "04/2026", "April 2026"])
def test_partial_dates_are_rejected_never_completed(tmp_path, partial):
    path = _write(tmp_path, "d.csv", f"date,pain\n2026-04-03,4\n{partial},5\n")
    diary, report = backpain.read_diary(path, subject="s", return_report=True)
    assert diary["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-04-03"]
    assert report.rejected["value"].tolist() == [partial]
    assert "gives no day" in report.rejected["reason"].iloc[0]
    assert "geen dag" in report.rejected["message"].iloc[0].render("nl")
    assert (report.rows_read, report.rows_kept, report.rows_rejected) == (2, 1, 1)


def test_partial_dates_mask_keeps_whole_dates():
    values = pd.Series(["3 April 2026", "2026-04-03 10:00", "April 3, 2026", "3/4/2026"])
    assert not partial_dates(values).any()


def test_weekday_decides_an_ambiguous_date(tmp_path):
    # 4 March 2026 is a Wednesday (3 April 2026 is a Friday): the weekday settles it
    path = _write(tmp_path, "d.csv", "date,pain\nWed 04/03/2026,4\nThu 05/03/2026,5\n")
    out = read_capped(path)
    assert out["outcome"] == "read", out
    assert out["diary"]["date"] == ["2026-03-04T00:00:00.000", "2026-03-05T00:00:00.000"]


def test_a_wrong_weekday_rejects_its_row():
    csv = b"date,pain\nWed 04/03/2026,4\nMon 25/03/2026,5\n"  # 25 March 2026 is a Wednesday
    diary, report = backpain.read_diary(csv, subject="s", return_report=True)
    assert diary["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-03-04"]
    assert report.rejected["value"].tolist() == ["Mon 25/03/2026"]
    assert "weekday" in report.rejected["reason"].iloc[0]


def test_year_first_dates_are_no_evidence_of_the_order(tmp_path):
    # 2026/03/04 says nothing about 03/05/2026: every day-month date is ambiguous
    path = _write(tmp_path, "mixed.csv", "date,pain\n2026/03/04,4\n03/05/2026,5\n")
    diary, report = backpain.read_diary(path, subject="s", return_report=True)
    assert diary["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-03-04"]
    assert report.rejected["value"].tolist() == ["03/05/2026"]
    assert "either way round" in report.rejected["reason"].iloc[0]


def test_every_date_ambiguous_error_names_the_file(tmp_path):
    path = _write(tmp_path, "ambiguous-diary.csv", "date,pain\n03/04/2026,4\n04/05/2026,5\n")
    out = read_capped(path)
    assert out["outcome"] == "DiaryError", out
    assert "ambiguous-diary.csv" in out["text"]
    assert "ambiguous-diary.csv" in out["nl"]
    with pytest.raises(DiaryError, match=r"ambiguous-diary\.csv.*dayfirst=True"):
        backpain.read_diary(path, subject="s")


def test_health_auto_export_saved_by_excel_settles_month_first(tmp_path):
    # issue #24 item 3: Excel rewrote 2021-06-01 00:00:00 as 6/1/2021 0:00;
    # 6/13/2021 in the same column settles month-first for every row
    rows = "".join(f"6/{d}/2021 0:00,{1000 + d},7\n" for d in (1, 2, 13))
    text = "Date/Time,Step Count (count),Sleep Analysis [Asleep] (hr)\n" + rows
    path = _write(tmp_path, "HealthAutoExport-2021-06-01-2021-06-13.csv", text)
    diary, report = backpain.read_diary(path, return_report=True)
    assert diary["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2021-06-01",
        "2021-06-02",
        "2021-06-13",
    ]
    assert diary["steps"].tolist() == [1001.0, 1002.0, 1013.0]
    assert report.rows_rejected == 0
    assert any("month-day-year" in str(n) for n in report.notes)


# ------------------------------------------------------------- spreadsheets
def _book(path, sheets: dict[str, list[list]], hidden: tuple[str, ...] = ()) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if title in hidden:
            sheet.sheet_state = "hidden"
    book.active = next(i for i, t in enumerate(sheets) if t not in hidden)
    book.save(path)


JAN = [["date", "pain"], ["2026-01-01", 4], ["2026-01-02", 5], ["2026-01-03", 6]]
FEB = [["date", "pain"], ["2026-02-01", 3], ["2026-02-02", 2]]


def test_second_sheet_is_named_not_dropped_silently(tmp_path):
    path = tmp_path / "two-sheets.xlsx"
    _book(path, {"jan": JAN, "feb": FEB})
    diary, report = backpain.read_diary(path, subject="s", return_report=True)
    assert diary["pain"].tolist() == [4.0, 5.0, 6.0]
    note = next(n for n in report.notes if "sheet" in str(n))
    assert "'jan'" in str(note)
    assert "'feb' (2 rows)" in str(note)
    assert "sheet='feb'" in str(note)
    assert "'feb' (2 rijen)" in note.render("nl")
    diary = backpain.read_diary(path, subject="s", sheet="feb")
    assert diary["pain"].tolist() == [3.0, 2.0]
    assert backpain.read_diary(path, subject="s", sheet=1)["pain"].tolist() == [3.0, 2.0]
    with pytest.raises(DiaryError, match=r"two-sheets\.xlsx: there is no sheet 'mar'"):
        backpain.read_diary(path, subject="s", sheet="mar")


def test_hidden_sheet_is_not_preferred(tmp_path):
    path = tmp_path / "hidden.xlsx"
    _book(path, {"old": JAN, "feb": FEB}, hidden=("old",))
    out = read_capped(path)
    assert out["outcome"] == "read", out
    assert out["diary"]["pain"] == [3.0, 2.0]
    _, report = backpain.read_diary(path, subject="s", return_report=True)
    assert any("'old' (3 rows, hidden)" in str(n) for n in report.notes)


def test_the_sheet_holding_a_diary_is_read(tmp_path):
    path = tmp_path / "cover.xlsx"
    _book(path, {"about": [["My pain diary"], ["kept since January"]], "diary": FEB})
    diary, report = backpain.read_diary(path, subject="s", return_report=True)
    assert diary["pain"].tolist() == [3.0, 2.0]
    assert any("'about' (1 rows)" in str(n) for n in report.notes)


@pytest.mark.parametrize("cell", ["#DIV/0!", "#N/A", "=B2*2"])
def test_excel_error_and_formula_cells_get_the_csv_verdict(tmp_path, cell):
    # openpyxl writes an error code as an error cell (t="e") and a formula without
    # a stored result, as a program (never Excel) writes it
    path = tmp_path / "errors.xlsx"
    _book(path, {"diary": [["date", "pain"], ["2026-01-01", 4], ["2026-01-02", cell]]})
    diary, report = backpain.read_diary(path, subject="s", return_report=True)
    assert diary["pain"].tolist() == [4.0]
    assert report.rejected[["row", "column", "value"]].to_numpy().tolist() == [[3, "pain", cell]]
    assert "not a number" in report.rejected["reason"].iloc[0]
    csv = tmp_path / "errors.csv"
    csv.write_text(f"date,pain\n2026-01-01,4\n2026-01-02,{cell}\n")
    _, from_csv = backpain.read_diary(csv, subject="s", return_report=True)
    assert from_csv.rejected["reason"].tolist() == report.rejected["reason"].tolist()


def test_error_cell_in_a_note_is_kept_as_written(tmp_path):
    path = tmp_path / "note.xlsx"
    _book(path, {"diary": [["date", "pain", "notes"], ["2026-01-01", 4, "#N/A"]]})
    assert backpain.read_diary(path, subject="s")["notes"].tolist() == ["#N/A"]


def test_numeric_header_cell_is_no_type_error(tmp_path):
    path = tmp_path / "year.xlsx"
    _book(path, {"diary": [["date", "pain", 2026], ["2026-01-01", 4, "x"]]})
    out = read_capped(path)
    assert out["outcome"] == "read", out
    _, report = backpain.read_diary(path, subject="s", return_report=True)
    assert any("'2026'" in str(n) for n in report.notes)  # named as a column not used


def test_text_numbers_in_a_dutch_workbook_use_the_decimal_comma(tmp_path):
    # "6,5" decides the comma for the workbook: "8.123" steps is 8123 (a thousands dot)
    path = tmp_path / "nl.xlsx"
    rows = [["datum", "pijn", "stappen"], ["2026-01-01", "6,5", "8.123"], ["2026-01-02", 4, 900]]
    _book(path, {"dagboek": rows})
    diary = backpain.read_diary(path, subject="s")
    assert diary["pain"].tolist() == [6.5, 4.0]
    assert diary["steps"].tolist() == [8123.0, 900.0]


def test_text_number_with_either_mark_is_rejected_when_nothing_decides(tmp_path):
    path = tmp_path / "en.xlsx"
    _book(path, {"diary": [["date", "pain", "steps"], ["2026-01-01", 4, "1.234"]]})
    diary, report = backpain.read_diary(path, subject="s", return_report=True)
    assert diary.empty
    assert report.rejected["value"].tolist() == ["1.234"]
    assert "decimal mark" in report.rejected["reason"].iloc[0]
    # an English workbook whose text numbers show the point: read with the point
    _book(path, {"diary": [["date", "pain", "steps"], ["2026-01-01", "6.5", "1.234"]]})
    assert backpain.read_diary(path, subject="s")["steps"].tolist() == [1.234]


def _ole_with_streams(path, names: list[str]) -> None:
    """A compound file (MS-CFB) whose directory names ``names``, as an encrypted .xlsx has."""
    header = bytearray(512)
    header[:8] = bytes.fromhex("d0cf11e0a1b11ae1")
    directory = bytearray()
    for name in ["Root Entry", *names]:
        entry = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        entry[: len(encoded)] = encoded
        entry[64:66] = len(encoded).to_bytes(2, "little")
        directory += entry
    path.write_bytes(bytes(header) + bytes(directory))


def test_password_protected_xlsx_is_said_to_be_protected(tmp_path):
    # MS-OFFCRYPTO 2.3.4: an encrypted OOXML file is a compound file holding the
    # streams EncryptionInfo and EncryptedPackage
    path = tmp_path / "locked.xlsx"
    _ole_with_streams(path, ["EncryptionInfo", "EncryptedPackage"])
    out = read_capped(path)
    assert out["outcome"] == "DiaryError", out
    assert "locked.xlsx" in out["text"]
    assert "password" in out["text"]
    assert "wachtwoord" in out["nl"]
    old = tmp_path / "old.xls"
    _ole_with_streams(old, ["Workbook"])
    assert "Excel 97-2003" in read_capped(old)["text"]


# ------------------------------------------------------------ JSON, CSV, files
def test_json_record_with_a_key_twice_is_refused(tmp_path):
    path = _write(tmp_path, "twice.json", '[{"date": "2026-01-01", "pain": 3, "pain": 7}]')
    out = read_capped(path)
    assert out["outcome"] == "DiaryError", out
    assert "twice.json" in out["text"]
    assert "'pain' twice" in out["text"]


def test_json_lines_are_read(tmp_path):
    text = '{"date": "2026-01-01", "pain": 3}\n\n{"date": "2026-01-02", "pain": 4}\n'
    out = read_capped(_write(tmp_path, "diary.jsonl", text))
    assert out["outcome"] == "read", out
    assert out["diary"]["pain"] == [3.0, 4.0]
    broken = _write(tmp_path, "broken.jsonl", '{"date": "2026-01-01", "pain": 3}\n{"date": \n')
    out = read_capped(broken)
    assert out["outcome"] == "DiaryError", out
    assert "line 2" in out["text"]


@pytest.mark.parametrize("bom", ["", "\ufeff"])
@pytest.mark.parametrize("sep", [";", ","])
def test_excel_sep_line_is_honoured(tmp_path, bom, sep):
    text = f"{bom}sep={sep}\r\ndate{sep}pain\r\n2026-01-01{sep}4\r\n2026-01-02{sep}veel\r\n"
    path = _write(tmp_path, "sep.csv", text)
    diary, report = backpain.read_diary(path, subject="s", return_report=True)
    assert diary["pain"].tolist() == [4.0]
    # the spreadsheet's row numbers: sep line 1, header 2, data from 3
    assert report.rejected["row"].tolist() == [4]
    assert (report.rows_read, report.rows_kept, report.rows_rejected) == (2, 1, 1)


def test_over_long_file_name_is_a_diary_error(tmp_path):
    out = read_capped(tmp_path / ("x" * 300 + ".csv"))
    assert out["outcome"] == "DiaryError", out
    assert "cannot be opened" in out["text"]


def test_fifo_holding_data_is_read(tmp_path):
    import os
    import threading

    fifo = tmp_path / "diary.csv"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as fh:
            fh.write(b"date,pain\n2026-01-01,3\n2026-01-02,5\n")

    writer = threading.Thread(target=write)
    writer.start()
    diary = backpain.read_diary(fifo, subject="s")
    writer.join(timeout=10)
    assert diary["pain"].tolist() == [3.0, 5.0]


@pytest.mark.parametrize(
    "rows", [["1e300"], ["1e308", "1e308"], ["300000", "300000"]], ids=["huge", "inf", "sum"]
)
def test_steps_out_of_range_are_rejected(tmp_path, rows):
    lines = "".join(f"2026-01-02,{r},3\n" for r in rows)
    path = _write(tmp_path, "steps.csv", "date,steps,pain\n2026-01-01,4000,2\n" + lines)
    out = read_capped(path)
    assert out["outcome"] == "read", out
    assert out["diary"]["steps"] == [4000.0]
    _, report = backpain.read_diary(path, subject="s", return_report=True)
    assert report.rows_rejected == len(rows)
    assert "500000" in report.rejected["reason"].iloc[0]


# ------------------------------------------------------------- Apple Health
_APPLE_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_BE">\n'
_EXPORT_DATE = ' <ExportDate value="2024-03-05 09:00:00 +0100"/>\n'
_STEPS = "HKQuantityTypeIdentifierStepCount"
_PAIN = "HKCategoryTypeIdentifierLowerBackPain"


def _record(kind: str, start: str, value: object) -> str:
    return (
        f' <Record type="{kind}" sourceName="iPhone" unit="count" startDate="{start}" '
        f'endDate="{start}" value="{value}"/>\n'
    )


def _apple(export_first: bool) -> str:
    body = (
        _record(_STEPS, "2024-03-04 10:00:00 +0100", 500)
        + _record(_STEPS, "2024-03-04 1x:00:00 +0100", 300)
        + _record(_PAIN, "2024-03-04 1x:00:00 +0100", "HKCategoryValueSeverityModerate")
        + _record(_STEPS, "2024-03-09 10:00:00 +0100", 700)  # after the export
    )
    if export_first:
        return _APPLE_HEAD + _EXPORT_DATE + body + "</HealthData>\n"
    return _APPLE_HEAD + body + _EXPORT_DATE + "</HealthData>\n"


@pytest.mark.parametrize("export_first", [True, False], ids=["export-date-first", "last"])
def test_apple_health_one_stamp_rule_and_export_date_anywhere(tmp_path, export_first):
    path = _write(tmp_path, "export.xml", _apple(export_first))
    out = read_capped(path)
    assert out["outcome"] == "read", out
    assert out["diary"]["steps"] == [500.0]  # 300 (bad stamp) and 700 (future) rejected
    _, report = backpain.read_diary(path, return_report=True)
    # records 2 and 3 (steps and pain) share a malformed stamp: both rejected alike
    assert report.rejected["row"].tolist() == [2, 3, 4]
    assert report.rejected["reason"].iloc[0] == report.rejected["reason"].iloc[1]
    assert "after the export" in report.rejected["reason"].iloc[2]


@pytest.mark.parametrize("second", ["old/apple_health_export/export.xml", "same"])
def test_zip_with_two_exports_is_refused_with_the_reason(tmp_path, second):
    import warnings
    import zipfile

    path = tmp_path / "export.zip"
    first = "apple_health_export/export.xml"
    with zipfile.ZipFile(path, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns of a repeated name
        archive.writestr(first, _apple(True))
        archive.writestr(first if second == "same" else second, _apple(True))
    out = read_capped(path)
    assert out["outcome"] == "DiaryError", out
    assert "more than one Apple Health export" in out["text"]
    assert first in out["text"]


# -------------------------------------------------------------------- time
def test_a_day_of_60k_distinct_notes_and_tags_is_combined_in_linear_time(tmp_path):
    # combining by list membership took 134 s of CPU for 120,000 notes; a dict
    # takes well under a second (the child's limit covers Python's start too)
    rows = "".join(f"2026-01-01,3,note {i},tag{i}\n" for i in range(60_000))
    path = _write(tmp_path, "busy-day.csv", "date,pain,notes,tags\n" + rows)
    out = read_capped(path, cpu=15)
    assert out["outcome"] == "read", out
    notes = out["diary"]["notes"][0].split(" / ")
    assert notes[:2] == ["note 0", "note 1"]
    assert len(notes) == 60_000
    assert len(out["diary"]["tags"][0].split("|")) == 60_000


def test_subjects_and_values_come_from_one_read_of_the_file(tmp_path, monkeypatch):
    # the reader parses one copy of the file's bytes (header, values and ids as
    # text in one parse), not the file again after it changed
    import backpain.read.table as table

    path = _write(tmp_path, "d.csv", "subject,date,pain\n007,2026-01-01,3\n008,2026-01-02,4\n")
    real = pd.read_csv
    calls = []

    def read_then_change(*args, **kwargs):
        calls.append(1)
        path.write_text("subject,date,pain\n999,2026-01-01,9\n998,2026-01-02,9\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(table.pd, "read_csv", read_then_change)
    diary = backpain.read_diary(path)
    assert len(calls) == 1  # one parse (two before: ids were parsed again as text)
    assert diary["subject"].tolist() == ["007", "008"]
    assert diary["pain"].tolist() == [3.0, 4.0]


def test_small_files_read_together_keep_each_files_exact_report(tmp_path):
    # read_dask checks a task's plain CSV tables together; every file's counts,
    # rejected rows (file and row) and days must be those of reading it alone
    texts = {
        "ann.csv": "date,pain,steps\n2026-01-01,3,100\n2026-01-01,5,200\n2026-01-02,veel,10\n",
        "bob.csv": "date,pain,steps\n2026-01-01,2,50\n2026-01-01,2,50\n,,\n2026-01-03,4,\n",
        "cas.csv": "date,pain,steps\n2026-02-30,1,1\n2026-01-05,11,1\n2026-01-06,6,7\n",
    }
    paths = [_write(tmp_path, name, text) for name, text in texts.items()]
    sources = [backpain.read._source.open_source(p) for p in paths]
    together = backpain.read.table.read_table_files(sources)
    assert together is not None
    diary, reports = together
    counts = ("rows_read", "rows_kept", "rows_merged", "rows_duplicate", "rows_ignored")
    alone_days = []
    for path, report in zip(paths, reports, strict=True):
        alone, expected = backpain.read_diary(path, return_report=True)
        alone_days.append(alone)
        assert report.source == path.name
        for c in (*counts, "rows_rejected"):
            assert getattr(report, c) == getattr(expected, c), (path.name, c)
        cols = ["file", "row", "column", "value", "reason"]
        assert (
            report.rejected[cols].to_numpy().tolist() == expected.rejected[cols].to_numpy().tolist()
        )
    pd.testing.assert_frame_equal(
        diary.reset_index(drop=True), pd.concat(alone_days, ignore_index=True)
    )
    cohort, report = backpain.read_dask([str(p) for p in paths], return_report=True)
    assert report.rows_rejected == 3
    assert sorted(report.rejected["file"]) == ["ann.csv", "cas.csv", "cas.csv"]
    assert len(cohort.compute()) == len(diary)


def test_files_naming_their_people_are_not_read_together(tmp_path):
    paths = [
        _write(tmp_path, f"f{i}.csv", f"subject,date,pain\np{i},2026-01-01,3\n") for i in range(2)
    ]
    sources = [backpain.read._source.open_source(p) for p in paths]
    assert backpain.read.table.read_table_files(sources) is None
