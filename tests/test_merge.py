"""Merging diaries from several sources per subject and day."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

import backpain
from backpain.read.merge import merge_diaries

DATA = Path(__file__).parent / "data"
BEARABLE = DATA / "bearable" / "bearable_new_layout.csv"


@pytest.fixture
def steps_csv(tmp_path):
    path = tmp_path / "steps.csv"
    path.write_text(
        "date,pain,steps,tags,notes\n"
        "2022-01-05,4,8000,yoga,from the table\n"
        "2022-01-07,2,5000,,\n"
        "2022-01-07,,1000,,\n"
    )
    return path


def _by_day(diary):
    return diary.set_index(diary["date"].dt.strftime("%Y-%m-%d"))


def test_default_precedence_first_source_wins(steps_csv):
    diary, report = backpain.read_diary([BEARABLE, steps_csv], subject="me", return_report=True)
    day = _by_day(diary)
    assert day.index.tolist() == ["2022-01-05", "2022-01-06", "2022-01-07"]
    assert diary["subject"].unique().tolist() == ["me"]
    # 5 Jan: Bearable pain 9 beats the table's 4; steps only from the table
    assert day.loc["2022-01-05", "pain"] == 9.0
    assert day.loc["2022-01-05", "steps"] == 8000.0
    assert day.loc["2022-01-05", "sleep_hours"] == 7.5
    assert day.loc["2022-01-05", "tags"] == "yoga"
    # 7 Jan: only the table (steps summed within the table: 5000 + 1000)
    assert day.loc["2022-01-07", "pain"] == 2.0
    assert day.loc["2022-01-07", "steps"] == 6000.0
    assert day.loc["2022-01-06", "notes"] == "good day"
    assert report.format == "merged"
    assert report.columns["pain"] == "bearable_new_layout.csv > steps.csv"
    assert report.columns["steps"] == "steps.csv"
    assert report.columns["sleep_hours"] == "bearable_new_layout.csv"
    assert len(report.parts) == 2
    assert any("pain: 1 day(s) with different values" in str(n) for n in report.notes)


def test_counts_add_up_across_parts(steps_csv):
    _, report = backpain.read_diary([BEARABLE, steps_csv], subject="me", return_report=True)
    # Bearable: 7 rows -> 2 days + 5 merged; table: 3 rows -> 2 days + 1 merged
    # merged diary: 3 days; every other row (7 + 3 - 3) is merged
    assert report.rows_read == 10
    assert (report.rows_kept, report.rows_merged) == (3, 7)
    assert report.balanced
    assert all(p.balanced for p in report.parts)


def test_precedence_by_format_and_per_column(steps_csv):
    parts = [
        backpain.read_diary(BEARABLE, subject="me", return_report=True),
        backpain.read_diary(steps_csv, subject="me", return_report=True),
    ]
    diary, report = merge_diaries(parts, precedence=["table"], return_report=True)
    assert _by_day(diary).loc["2022-01-05", "pain"] == 4.0
    assert report.columns["pain"] == "steps.csv > bearable_new_layout.csv"
    diary, _ = merge_diaries(parts, precedence={"pain": ["steps.csv"]}, return_report=True)
    assert _by_day(diary).loc["2022-01-05", "pain"] == 4.0
    diary, _ = merge_diaries(parts, precedence={"steps": ["steps.csv"]}, return_report=True)
    assert _by_day(diary).loc["2022-01-05", "pain"] == 9.0


def test_missing_value_does_not_hide_the_other_source(steps_csv):
    one = pd.DataFrame({"date": ["2022-01-05"], "pain": [None], "stress": [3]})
    parts = [
        backpain.read_diary(one, subject="me", return_report=True),
        backpain.read_diary(steps_csv, subject="me", return_report=True),
    ]
    diary, _ = merge_diaries(parts, return_report=True)
    day = _by_day(diary)
    assert day.loc["2022-01-05", "pain"] == 4.0
    assert day.loc["2022-01-05", "stress"] == 3.0


def test_tags_union_and_notes_joined():
    a = pd.DataFrame({"date": ["2022-01-05"], "pain": [3], "tags": ["heat"], "notes": ["a"]})
    b = pd.DataFrame({"date": ["2022-01-05"], "pain": [5], "tags": ["yoga|heat"], "notes": ["b"]})
    parts = [backpain.read_diary(f, subject="me", return_report=True) for f in (a, b)]
    diary, report = merge_diaries(parts, return_report=True)
    assert diary["tags"].tolist() == ["heat|yoga"]
    assert diary["notes"].tolist() == ["a / b"]
    assert diary["pain"].tolist() == [3.0]
    # two sources with the same name are told apart
    assert report.columns["pain"] == "<DataFrame> > <DataFrame> #2"


def test_different_subjects_stay_apart_with_a_note(steps_csv):
    diary, report = backpain.read_diary([BEARABLE, steps_csv], return_report=True)
    assert sorted(diary["subject"].unique()) == ["bearable_new_layout", "steps"]
    assert len(diary) == 4
    assert any("different subjects" in str(n) for n in report.notes)
    assert report.balanced


def test_rejected_rows_keep_their_file():
    old = DATA / "bearable" / "bearable_old_layout.csv"
    _, report = backpain.read_diary([old, BEARABLE], subject="me", return_report=True)
    assert report.rows_rejected == 3
    assert report.rejected["file"].unique().tolist() == ["bearable_old_layout.csv"]
    assert {str(k): v for k, v in report.ignored.items()}["Energy (bearable_old_layout.csv)"] == 1
    assert report.balanced


def test_errors():
    with pytest.raises(ValueError, match="at least one"):
        merge_diaries([])
    with pytest.raises(TypeError, match=r"parts\[0\] is a DataFrame"):
        merge_diaries([pd.DataFrame()])
    part = backpain.read_diary(BEARABLE, subject="me", return_report=True)
    with pytest.raises(ValueError, match="precedence names 'fitbit'"):
        merge_diaries([part], precedence=["fitbit"])
    with pytest.raises(ValueError, match=r"precedence names column\(s\) \['pijn'\]"):
        merge_diaries([part], precedence={"pijn": ["bearable"]})


def test_subject_picks_one_user_of_a_many_user_file_and_names_the_one_person_file(tmp_path):
    # subject= keeps user_b of the Flaredown dump and names the steps table (no subject
    # column) user_b, so the two merge per day
    steps = tmp_path / "steps.csv"
    steps.write_text("date,steps\n2017-06-10,4000\n2017-06-12,6000\n")
    flaredown = DATA / "flaredown" / "flaredown_two_users.csv"
    diary, report = backpain.read_diary([flaredown, steps], subject="user_b", return_report=True)
    assert diary["subject"].unique().tolist() == ["user_b"]
    by_day = _by_day(diary)
    # 10 Jun: pain 5 (Flaredown, max of 5, 0, 2.5) and 4000 steps; 11 Jun: a tag only;
    # 12 Jun: 6000 steps only
    assert sorted(by_day.index) == ["2017-06-10", "2017-06-11", "2017-06-12"]
    assert by_day.loc["2017-06-10", "pain"] == 5.0
    assert by_day.loc["2017-06-10", "steps"] == 4000.0
    assert by_day.loc["2017-06-12", "steps"] == 6000.0
    assert report.balanced
    with pytest.raises(backpain.DiaryError, match="'user_a', 'user_b'"):
        backpain.read_diary([flaredown, steps], subject="me")


def test_merge_returns_the_pair_only_when_asked(tmp_path):
    # one rule for every reader (read_diary's): the (frame, LoadReport) pair with
    # return_report=True; left unset, the old pair with a FutureWarning
    part = backpain.read_diary(
        io.BytesIO(b"date,pain\n2026-01-05,4\n"), subject="me", return_report=True
    )
    alone = merge_diaries([part], return_report=False)
    assert isinstance(alone, pd.DataFrame)
    diary, report = merge_diaries([part], return_report=True)
    pd.testing.assert_frame_equal(diary, alone)
    assert report.rows_kept == 1
    with pytest.warns(FutureWarning, match="merge_diaries will return the frame alone"):
        pair = merge_diaries([part])
    assert isinstance(pair, tuple)
