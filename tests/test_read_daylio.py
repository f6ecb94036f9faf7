"""Daylio CSV exports: 7/8/9-column layouts, moods, activities, scales, HTML notes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import backpain
from backpain.read._source import open_source
from backpain.read.daylio import MOODS, detect_daylio, read_daylio

DATA = Path(__file__).parent / "data" / "daylio"


def _days(diary):
    return diary["date"].dt.strftime("%Y-%m-%d").tolist()


def test_7col_crlf_mixed_clock_formats_default_moods():
    diary, report = backpain.read_diary(DATA / "daylio_7col.csv", return_report=True)
    assert report.format == "daylio"
    assert _days(diary) == ["2024-03-01", "2024-03-02"]
    # 1 Mar: awful 0, bad 2.5, rad 10 -> mean 12.5 / 3; 2 Mar: good 7.5, meh 5 -> 6.25
    assert diary["mood"].tolist() == pytest.approx([12.5 / 3, 6.25])
    # "walk | kinesist " + "work  |  Reading": trimmed, lower-case, translated, sorted
    assert diary["tags"].tolist() == ["rest", "physiotherapy|reading|walking|work"]
    assert diary["pain"].isna().all()
    assert (report.rows_read, report.rows_kept, report.rows_merged) == (5, 2, 3)
    assert report.balanced
    assert any("no pain ratings" in n for n in report.notes)


def test_8col_renamed_moods_rejected_with_the_way_out():
    diary, report = backpain.read_diary(DATA / "daylio_8col.csv", return_report=True)
    # only the row whose mood label is the number 4 survives: level 4 -> 7.5
    assert diary["mood"].tolist() == [7.5]
    assert report.rows_rejected == 2
    assert report.rejected["row"].tolist() == [2, 4]
    assert report.rejected["column"].unique().tolist() == ["mood"]
    assert "moods={'Sad': level}" in report.rejected["reason"][0]
    assert report.balanced


def test_8col_moods_option_html_notes_and_no_final_newline():
    assert not (DATA / "daylio_8col.csv").read_bytes().endswith(b"\n")
    diary, report = backpain.read_diary(
        DATA / "daylio_8col.csv", moods={"sad": 2, " Great ": 5}, return_report=True
    )
    assert _days(diary) == ["2024-04-10", "2024-04-11"]
    # 10 Apr: Sad (level 2) 2.5 and "4" 7.5 -> 5; 11 Apr: Great (level 5) -> 10
    assert diary["mood"].tolist() == [5.0, 10.0]
    assert diary["notes"][0] == "Rough\nBack hurt\ntook a long bath & rested"
    assert diary["notes"][1] == "Better\ntoday"
    assert diary["tags"].tolist() == ["exercise", "yoga"]  # sport -> exercise
    assert report.rows_rejected == 0
    assert report.balanced


def test_9col_scales_with_no_break_spaces():
    diary, report = backpain.read_diary(DATA / "daylio_9col_scales.csv", return_report=True)
    assert _days(diary) == ["2024-05-02", "2024-05-03"]
    row = diary.iloc[0]
    assert row["sleep_quality"] == 6.0  # 6/10
    assert row["sleep_hours"] == 7.5  # 7:30
    assert row["pain"] == 6.0  # Pijn 7/10 and 5/10 -> mean 6
    assert row["stress"] == 4.0  # 2/5 scaled -> 4
    assert row["mood"] == 3.75  # meh 5 and bad 2.5
    assert diary["sleep_hours"][1] == 8.25  # 8:15
    assert report.rows_rejected == 1
    assert report.rejected["row"].tolist() == [4]
    assert "Sleep Quality holds lots" in report.rejected["reason"][0]
    assert any("Energy" in n for n in report.notes)
    assert report.balanced


def test_detection_by_header():
    assert detect_daylio(open_source(DATA / "daylio_7col.csv")) is None
    assert "full_date" in detect_daylio(open_source(b"date,pain\n2026-01-01,3\n"))
    assert detect_daylio(open_source(b"\x00\x01binary")) == "not a text file"


def test_bad_moods_option_raises():
    with pytest.raises(ValueError, match=r"moods=\{'sad': 7\}.*from 1"):
        read_daylio(open_source(DATA / "daylio_8col.csv"), moods={"sad": 7})


def test_default_moods_constant():
    assert [(MOODS[m] - 1) * 2.5 for m in ("awful", "bad", "meh", "good", "rad")] == [
        0,
        2.5,
        5,
        7.5,
        10,
    ]


def test_whitespace_file_is_refused():
    with pytest.raises(backpain.DiaryError, match="empty"):
        backpain.read_diary(io.BytesIO(b"  \n"), format="daylio")


# ------------------------------------------------------------ shared samples
SAMPLES = {
    # file: (rows read, kept days, merged, rejected) hand-counted from the files
    "daylio_7col_staticf0x_test_data_2020.csv": (32, 5, 27, 0),
    "daylio_8col_MichaelCurrin_sample.csv": (3, 0, 0, 3),
    "daylio_8col_MichaelCurrin_sample_multiple_moods.csv": (7, 2, 0, 5),
    "daylio_9col_scales_DeutscheGabanna.csv": (7, 0, 0, 7),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_shared_samples_every_row_accounted_for(shared_samples, name):
    diary, report = backpain.read_diary(shared_samples / "daylio" / name, return_report=True)
    assert report.format == "daylio"
    counts = (report.rows_read, report.rows_kept, report.rows_merged, report.rows_rejected)
    assert counts == SAMPLES[name]
    assert report.balanced
    assert len(diary) == report.rows_kept
    # every rejection is an unknown mood label with the way out
    assert report.rejected["column"].eq("mood").all()
    assert report.rejected["reason"].str.contains("moods=").all()


def test_shared_7col_moods_per_day(shared_samples):
    diary = backpain.read_diary(
        shared_samples / "daylio" / "daylio_7col_staticf0x_test_data_2020.csv"
    )
    # 25 May: bad, awful, awful, bad, meh (the 24-hour 14:58 entry), meh
    # -> (2.5 + 0 + 0 + 2.5 + 5 + 5) / 6
    assert diary["mood"][0] == pytest.approx(15 / 6)
    assert diary["notes"][0] == "Could be better"


def test_shared_samples_read_with_moods(shared_samples):
    folder = shared_samples / "daylio"
    diary, report = backpain.read_diary(
        folder / "daylio_8col_MichaelCurrin_sample_multiple_moods.csv",
        moods={"OK": 3, "Refreshed": 4, "ok but sleepy": 3, "Anxious": 2},
        return_report=True,
    )
    assert report.rows_rejected == 0
    # 12 May 2021: two "OK" entries -> 5; 21 Jul 2020: bad 2.5 and Anxious 2.5
    by_day = dict(zip(_days(diary), diary["mood"], strict=True))
    assert by_day["2021-05-12"] == 5.0
    assert by_day["2020-07-21"] == 2.5
    assert by_day["2020-08-31"] == 7.5
    assert report.balanced

    diary, report = backpain.read_diary(
        folder / "daylio_9col_scales_DeutscheGabanna.csv",
        moods={
            "helpless": 1,
            "laughing": 5,
            "rested": 4,
            "vaguely ok": 3,
            "tired": 2,
            "vaguely bad": 2,
        },
        return_report=True,
    )
    assert report.rows_rejected == 0
    by_day = diary.set_index(diary["date"].dt.strftime("%Y-%m-%d"))
    # Sleep Quality 8/10 points, Sleep Time 8:00 (with U+00A0) on 12 Apr 2026
    assert by_day.loc["2026-04-12", "sleep_quality"] == 8.0
    assert by_day.loc["2026-04-12", "sleep_hours"] == 8.0
    assert by_day.loc["2026-04-02", "sleep_hours"] == 7.5
    assert by_day.loc["2026-04-02", "notes"] == "Never mindd."
    assert by_day.loc["2026-03-30", "notes"] == "Who knows.\n\nAm I [[virtual]]?"
    # 12 Apr: helpless 0, laughing 10, rested 7.5
    assert by_day.loc["2026-04-12", "mood"] == pytest.approx(17.5 / 3)
