"""Validation helpers: dates, numbers, daily combination, accounting, data quality."""

from __future__ import annotations

import pandas as pd
import pytest

import backpain
from backpain import DiaryError
from backpain.read import LoadReport
from backpain.read._build import build_diary
from backpain.read._parse import parse_dates, parse_numbers
from backpain.validate import data_quality


def test_parse_numbers_decimal_comma_thousands_and_clock_hours():
    raw = pd.Series(["7,5", "10.234", " 3 ", "veel", None, "7:30"])
    nl = parse_numbers(raw, decimal=",", hours=True)
    assert nl.tolist()[:3] == [7.5, 10234.0, 3.0]
    assert pd.isna(nl[3])
    assert pd.isna(nl[4])
    assert nl[5] == 7.5
    en = parse_numbers(pd.Series(["7.5", "10,234", "inf"]))
    assert en.tolist()[:2] == [7.5, 10234.0]
    assert pd.isna(en[2])  # infinity is not a diary value


@pytest.mark.parametrize(
    ("values", "expected", "how"),
    [
        (["2026-01-02", "2026-01-03 08:15"], ["2026-01-02", "2026-01-03"], "ISO"),
        (["13/01/2026", "02/01/2026"], ["2026-01-13", "2026-01-02"], "day-month-year"),
        (["01/13/2026", "01/02/2026"], ["2026-01-13", "2026-01-02"], "month-day-year"),
        (["24.11.2026", "25.11.2026"], ["2026-11-24", "2026-11-25"], "day-month-year"),
    ],
)
def test_parse_dates_decides_the_order_from_the_column(values, expected, how):
    dates, said = parse_dates(pd.Series(values))
    assert dates.dt.strftime("%Y-%m-%d").tolist() == expected
    assert how in str(said)


def test_parse_dates_on_many_rows_parses_distinct_values_once():
    values = pd.Series(["03/04/2026", "13/04/2026"] * 1000)
    dates, how = parse_dates(values)
    assert dates.iloc[0] == pd.Timestamp("2026-04-03")
    assert "day-month-year" in str(how)


def test_ambiguous_dates_prefer_dayfirst_or_raise():
    values = pd.Series(["03/04/2026", "05/06/2026"])
    dates, how = parse_dates(values, prefer_dayfirst=True)
    assert dates[0] == pd.Timestamp("2026-04-03")
    assert "ambiguous" in str(how)
    with pytest.raises(DiaryError, match="dayfirst=True"):
        parse_dates(values)


def test_entries_standing_for_several_rows_are_counted_in_full():
    # an app reader pre-aggregates: entry 1 stands for 3 input rows, entry 2 for 2
    entries = pd.DataFrame(
        {
            "row": [1, 4],
            "n_rows": [3, 2],
            "subject": ["me", "me"],
            "date": pd.to_datetime(["2026-01-01", "2026-01-02"]),
            "pain": [4.0, 12.0],
        }
    )
    report = LoadReport(source="app.xml", rows_read=5)
    diary = build_diary(entries, report)
    assert len(diary) == 1
    assert report.rows_kept == 1
    assert report.rows_rejected == 2  # both input rows behind the bad entry
    assert report.balanced


def test_several_entries_per_day_use_the_documented_rules():
    entries = pd.DataFrame(
        {
            "row": [2, 3, 4],
            "subject": ["a", "a", "a"],
            "date": ["2026-02-01", "2026-02-01", "2026-02-02"],
            "pain": [2, 5, 3],
            "steps": [1000, 500, 10],
            "tags": ["heat", "physiotherapy|heat", None],
            "notes": ["ochtend", "avond", None],
        }
    )
    report = LoadReport(rows_read=3)
    diary = build_diary(entries, report)
    first = diary.iloc[0]
    assert first["pain"] == 3.5  # mean
    assert first["steps"] == 1500  # sum
    assert first["tags"] == "heat|physiotherapy"  # union, sorted
    assert first["notes"] == "ochtend / avond"  # joined
    assert report.rows_merged == 1
    assert any("several entries" in str(n) for n in report.notes)


def test_data_quality_against_a_hand_count():
    diary = pd.DataFrame(
        {
            "subject": pd.array(["a"] * 4 + ["b"] * 2, dtype="string"),
            "date": pd.to_datetime(
                ["2026-01-01", "2026-01-02", "2026-01-06", "2026-01-10", "2026-03-01", "2026-03-02"]
            ),
            "pain": [1.0, 3.0, None, 5.0, 2.0, 2.0],
        }
    )
    q = data_quality(diary).set_index("subject")
    assert q.loc["a", "span_days"] == 10
    assert q.loc["a", "days_recorded"] == 4
    assert q.loc["a", "completeness"] == pytest.approx(0.4)
    assert q.loc["a", "longest_gap_days"] == 3  # 6 Jan to 10 Jan leaves 7, 8, 9 unrecorded
    assert q.loc["a", "pain_days"] == 3
    assert q.loc["a", "pain_mean"] == pytest.approx(3.0)
    assert q.loc["b", "longest_gap_days"] == 0


def test_load_report_text_and_html_escape_user_text():
    report = LoadReport(source="<script>.csv", rows_read=1)
    report.reject(
        pd.DataFrame({"row": [2], "column": ["pain"], "value": ["<b>"], "reason": ["bad"]})
    )
    assert report.balanced
    assert "<script>" not in report._repr_html_()
    assert "&lt;script&gt;" in report._repr_html_()
    assert "rejected row 2" in str(report)


def test_check_diary_needs_a_dataframe():
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        backpain.check_diary([1, 2, 3])


def test_a_day_whose_sleep_adds_up_past_24_hours_is_rejected_not_kept():
    # the same day copied three times: each row is valid, the day's total is not
    csv = b"datum;pijn;slaap;stappen\n09-03-2026;4;9;8000\n09-03-2026;4;9;8000\n09-03-2026;4;9;8000\n10-03-2026;3;7;5000\n"
    diary, report = backpain.read_diary(csv, subject="p", return_report=True)
    assert diary["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-03-10"]
    assert report.rows_rejected == 3
    reasons = report.rejected["reason"].tolist()
    assert all("add up to 27 (hours), more than 24; is a row repeated?" in r for r in reasons)
    assert report.rejected["value"].tolist() == ["9", "9", "9"]  # as written, not 9.0
    assert report.balanced


def test_a_year_is_never_guessed():
    csv = b"datum;pijn\n24.11.26;4\n3 april;5\n25-11-2026;6\n3 april 2026;2\n"
    diary, report = backpain.read_diary(csv, subject="p", return_report=True)
    reasons = report.rejected.set_index("row")["reason"]
    assert reasons[2].startswith("the date has no year or a two-digit year")
    assert reasons[3].startswith("the date has no year or a two-digit year")
    # by hand: the two dates with a full year are kept as written
    assert diary["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-04-03", "2026-11-25"]
    assert diary["pain"].tolist() == [2.0, 6.0]
    assert (report.rows_read, report.rows_kept, report.rows_rejected) == (4, 2, 2)
    assert report.balanced


def test_impossible_calendar_days_say_so():
    csv = b"date,pain\n31-02-2026,4\n15-13-2026,3\ngisteren,2\n01-03-2026,2\n"
    _, report = backpain.read_diary(csv, subject="p", return_report=True)
    reasons = report.rejected.set_index("row")["reason"]
    assert reasons[2].startswith("not a real calendar day")
    assert reasons[3].startswith("not a real calendar day")
    assert reasons[4].startswith("not a date this reader understands")


def test_check_diary_names_the_range_of_steps(diary):
    bad = diary.copy()
    bad.loc[5, "steps"] = -3
    with pytest.raises(
        ValueError,
        match=r"column 'steps' holds -3 in row 5; steps must be between 0 and 500000 \(steps\)",
    ):
        backpain.check_diary(bad, need=("steps",))


def test_check_diary_finds_a_repeated_day_in_sorted_and_shuffled_diaries(diary):
    repeated = pd.concat([diary.iloc[:3], diary.iloc[2:]], ignore_index=True)  # sorted, day 3 twice
    with pytest.raises(ValueError, match="1 repeated subject/day rows"):
        backpain.check_diary(repeated)
    with pytest.raises(ValueError, match="1 repeated subject/day rows"):
        backpain.check_diary(repeated.sample(frac=1, random_state=1))
    backpain.check_diary(diary.sample(frac=1, random_state=1))  # shuffled, no repeat: fine


def test_check_diary_names_text_empty_keys_and_the_row(diary):
    words = diary.assign(pain=diary["pain"].astype(object))
    words.loc[3, "pain"] = "veel"
    with pytest.raises(
        ValueError, match=r"column 'pain' holds 'veel' in row 3; pain must be a num"
    ):
        backpain.check_diary(words)
    no_subject = diary.assign(subject=diary["subject"].astype("string"))
    no_subject.loc[4, "subject"] = pd.NA
    with pytest.raises(ValueError, match="column 'subject' is empty in row 4"):
        backpain.check_diary(no_subject)
    no_date = diary.copy()
    no_date.loc[2, "date"] = pd.NaT
    with pytest.raises(ValueError, match="column 'date' is empty in row 2"):
        backpain.check_diary(no_date)
