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
