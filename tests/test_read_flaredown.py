"""Flaredown long-format exports: many users, free-text back-pain names, 0-4 ratings."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

import backpain
from backpain import DiaryError
from backpain.read._source import open_source
from backpain.read.flaredown import SCALE_FACTOR, detect_flaredown, read_flaredown

DATA = Path(__file__).parent / "data" / "flaredown"
TWO = DATA / "flaredown_two_users.csv"
HEADER = (
    "user_id,age,sex,country,checkin_date,trackable_id,trackable_type,"
    "trackable_name,trackable_value\n"
)


def test_two_users_daily_values_hand_computed():
    diary, report = backpain.read_diary(TWO, return_report=True)
    assert report.format == "flaredown"
    keys = list(zip(diary["subject"], diary["date"].dt.strftime("%Y-%m-%d"), strict=True))
    assert keys == [
        ("user_a", "2017-05-01"),
        ("user_a", "2017-05-02"),
        ("user_a", "2017-05-03"),
        ("user_b", "2017-06-10"),
        ("user_b", "2017-06-11"),
    ]
    # user_a 1 May: Lower back pain 3 -> 7.5 and back pain 4 -> 10: max 10
    # user_a 2 May: 1 -> 2.5; 3 May: empty rating ignored, 7 rejected -> no pain
    # user_b 10 Jun: Low Back Pain 2 -> 5, chronic back pain 0 -> 0, rugpijn 1 -> 2.5: max 5
    pain = diary["pain"].tolist()
    assert pain[:2] == [10.0, 2.5]
    assert pd.isna(pain[2])
    assert pain[3] == 5.0
    assert diary["stress"][1] == 5.0  # Symptom Stress 2 x 2.5
    assert diary["tags"].tolist() == [
        "ibuprofen|physiotherapy",  # Treatment (dose dropped) + Tag Kinesist
        pd.NA,
        "heat",
        pd.NA,
        "physiotherapy",  # Tag "Physical therapy"
    ]
    assert list(diary.columns) == ["subject", "date", "pain", "stress", "tags"]


def test_every_row_accounted_for_and_reasons():
    _, report = backpain.read_diary(TWO, return_report=True)
    # 19 rows: 6 ignored, 2 rejected, 11 kept rows -> 5 days + 6 merged
    assert (report.rows_read, report.rows_kept, report.rows_merged) == (19, 5, 6)
    assert (report.rows_ignored, report.rows_rejected) == (6, 2)
    assert report.balanced
    assert report.ignored == {
        "Condition (not back pain)": 2,  # Migraine, Sciatica
        "back pain or stress without a rating": 1,
        "Food": 1,
        "Weather": 1,
        "HBI": 1,
    }
    assert report.rejected["row"].tolist() == [13, 20]
    assert "0 to 4" in report.rejected["reason"][0]
    assert report.rejected["reason"][1] == "user_id is empty"
    assert any("privacy" in n for n in report.notes)


def test_personal_columns_never_reach_the_diary():
    diary = backpain.read_diary(TWO)
    text = diary.astype("string").to_csv()
    assert "female" not in text
    assert "NL" not in text
    assert not {"age", "sex", "country"} & set(diary.columns)


def test_subject_renames_a_single_user_and_refuses_many():
    one = HEADER + "u9,,,,2018-01-02,1,Symptom,Low back pain,2\n"
    diary = backpain.read_diary(io.BytesIO(one.encode()), subject="me")
    assert diary["subject"].tolist() == ["me"]
    assert diary["pain"].tolist() == [2 * SCALE_FACTOR]
    with pytest.raises(DiaryError, match="holds 2 users; leave subject out"):
        read_flaredown(open_source(TWO), subject="me")


def test_unknown_trackable_type_is_ignored_by_name():
    text = HEADER + "u1,,,,2018-01-02,1,Mood,happy,3\nu1,,,,2018-01-02,2,Condition,rugpijn,4\n"
    diary, report = backpain.read_diary(io.BytesIO(text.encode()), return_report=True)
    assert diary["pain"].tolist() == [10.0]
    assert report.ignored == {"trackable_type 'Mood'": 1}
    assert report.balanced


def test_detection():
    assert detect_flaredown(open_source(TWO)) is None
    assert "trackable_type" in detect_flaredown(open_source(b"date,pain\n2026-01-01,3\n"))


def test_bad_checkin_date_is_rejected():
    text = HEADER + "u1,,,,2018-13-45,1,Condition,back pain,2\nu1,,,,2018-01-02,2,Tag,yoga,\n"
    diary, report = backpain.read_diary(io.BytesIO(text.encode()), return_report=True)
    assert diary["tags"].tolist() == ["yoga"]
    assert report.rejected["row"].tolist() == [2]
    assert "YYYY-MM-DD" in report.rejected["reason"][0]
    assert report.balanced
