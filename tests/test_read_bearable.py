"""Bearable CSV exports: both header layouts, severity in the detail, sleep, tags."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import backpain
from backpain import DiaryError
from backpain.read import FORMATS
from backpain.read._app_csv import BACK_PAIN_PATTERN
from backpain.read._source import open_source
from backpain.read.bearable import SEVERITY, detect_bearable, read_bearable

DATA = Path(__file__).parent / "data" / "bearable"
OLD = DATA / "bearable_old_layout.csv"
NEW = DATA / "bearable_new_layout.csv"


def _days(diary: pd.DataFrame) -> list[str]:
    return diary["date"].dt.strftime("%Y-%m-%d").tolist()


def test_old_layout_daily_values_hand_computed():
    diary, report = backpain.read_diary(OLD, return_report=True)
    assert report.format == "bearable"
    assert _days(diary) == ["2020-09-22", "2020-10-01", "2021-01-03"]
    assert diary["subject"].unique().tolist() == ["bearable_old_layout"]
    # 22 Sep: back pain rows Mild 3, Moderate 5, upper back Severe 7 -> max 7
    # 1 Oct: Unbearable 9 and Rugpijn Mild 3 -> 9; 3 Jan: "Back pain" rating 2 = Moderate 5
    assert diary["pain"].tolist() == [7.0, 9.0, 5.0]
    # Stress (Moderate) 5 and Stress (Mild) 3 -> max 5
    assert diary["stress"].tolist()[0] == 5.0
    assert diary["stress"][1:].isna().all()
    # mood 6 and 8 -> mean 7, unchanged 1-10 scale
    assert diary["mood"][0] == 7.0
    # sleep 7:30 -> 7.5; empty duration -> Asleep 02:45 - 12:30 = 9.75; 9:45 -> 9.75
    assert diary["sleep_hours"].tolist() == [7.5, 9.75, 9.75]
    # sleep quality 3 -> (3 - 1) / 3 * 10; 1 -> 0
    np.testing.assert_allclose(diary["sleep_quality"][:2], [20 / 3, 0.0])
    # factors "Walk | Kinesist | Caffeine " + Ibuprofen (mg): translated, lower-case, sorted
    assert diary["tags"][0] == "caffeine|ibuprofen|physiotherapy|walking"
    assert diary["tags"][1] == "alcohol|heat|late screen"
    assert diary["notes"][0] == "after lifting"


def test_old_layout_every_row_accounted_for():
    _, report = backpain.read_diary(OLD, return_report=True)
    # 26 data rows: 4 ignored, 3 rejected, 19 kept rows -> 3 days + 16 merged
    assert (report.rows_read, report.rows_kept, report.rows_merged) == (26, 3, 16)
    assert (report.rows_ignored, report.rows_rejected) == (4, 3)
    assert report.balanced
    assert {str(k): v for k, v in report.ignored.items()} == {
        "Symptom (not back pain or stress)": 1,
        "Energy": 1,
        "Gratitudes": 1,
        "Bowel Movements": 1,
    }
    rej = report.rejected
    assert rej["row"].tolist() == [24, 25, 26]
    assert rej["column"].tolist() == ["pain", "date", "sleep_quality"]
    assert "severity={" in rej["reason"][0]
    assert "22nd Sep 2020" in rej["reason"][1]
    assert "1 to 4" in rej["reason"][2]
    assert any("MAXIMUM" in str(n) for n in report.notes)
    assert any("note(s) on ignored rows" in str(n) for n in report.notes)


def test_new_layout_with_date_formatted_column():
    diary, report = backpain.read_diary(NEW, subject="me", return_report=True)
    assert report.format == "bearable"
    assert _days(diary) == ["2022-01-05", "2022-01-06"]
    # Mild 3, Moderate 5, Back (mid) pain Unbearable 9 -> 9; (None) -> 0
    assert diary["pain"].tolist() == [9.0, 0.0]
    # nap 1:30 + night 6:00 on the same day -> sum 7.5
    assert diary["sleep_hours"][0] == 7.5
    assert diary["mood"][1] == 3.0
    assert diary["notes"][1] == "good day"
    assert diary["subject"].unique().tolist() == ["me"]
    assert report.balanced
    assert report.rows_read == 7


def test_sleep_date_bedtime_moves_nights_not_naps():
    src = open_source(NEW)
    diary, report = read_bearable(src, sleep_date="bedtime")
    sleep = diary.set_index(diary["date"].dt.strftime("%Y-%m-%d"))["sleep_hours"]
    # the night Asleep 01:00 - 07:00 moves to the next day; the 14:00 - 15:30 nap stays
    assert sleep["2022-01-05"] == 1.5
    assert sleep["2022-01-06"] == 6.0
    assert report.balanced
    assert any("bedtime" in str(n) for n in report.notes)


def test_severity_override_changes_the_mapping():
    src = open_source(NEW)
    diary, _ = read_bearable(src, severity={"Unbearable": 10, "Mild": 2})
    assert diary["pain"].tolist() == [10.0, 0.0]
    assert SEVERITY["unbearable"] == 9.0  # the default is not mutated


def test_detection_is_by_content_not_name():
    data = OLD.read_bytes()
    diary = backpain.read_diary(io.BytesIO(data), subject="x")
    assert diary["pain"].tolist() == [7.0, 9.0, 5.0]
    assert detect_bearable(open_source(data)).matches
    why = detect_bearable(open_source(b"date,pain\n2026-01-01,3\n"))
    assert not why.matches
    assert "category" in str(why.reason)
    assert list(FORMATS)[-1] == "table"
    assert "bearable" in FORMATS


@pytest.mark.parametrize(
    ("name", "is_back"),
    [
        ("Back (lower) pain", True),
        ("Back (upper) pain", True),
        ("Lower back pain", True),
        ("Rugpijn", True),
        ("lage rugpijn", True),
        ("Backache", True),
        ("Neck pain", False),
        ("Headache", False),
        ("Sciatica", False),
    ],
)
def test_back_pain_names(name, is_back):
    assert bool(BACK_PAIN_PATTERN.search(name)) is is_back


def test_file_without_back_pain_still_loads_with_empty_pain():
    csv = (
        "date,weekday,time of day,category,rating/amount,detail,notes\n"
        '"2nd Feb 2021","Tuesday","am","Mood","4","",""\n'
        '"2nd Feb 2021","Tuesday","am","Symptom","2","Nausea (Moderate)",""\n'
        "\n"
    )
    diary, report = backpain.read_diary(io.BytesIO(csv.encode()), subject="x", return_report=True)
    assert diary["pain"].isna().all()
    assert diary["mood"].tolist() == [4.0]
    assert {str(k): v for k, v in report.ignored.items()} == {
        "blank row": 1,
        "Symptom (not back pain or stress)": 1,
    }
    assert report.balanced
    assert any("no back-pain" in str(n) for n in report.notes)


def test_bad_options_raise():
    src = open_source(NEW)
    with pytest.raises(ValueError, match="sleep_date must be 'wake' or 'bedtime'"):
        read_bearable(src, sleep_date="noon")
    with pytest.raises(ValueError, match=r"severity=.*number from 0 to 10"):
        read_bearable(src, severity={"Mild": 12})


def test_forced_format_on_other_file_names_missing_columns():
    with pytest.raises(DiaryError, match=r"lacks the column\(s\) \['category'"):
        backpain.read_diary(io.BytesIO(b"date,pain\n2026-01-01,3\n"), format="bearable")
