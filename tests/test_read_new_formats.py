"""Wearable CSVs: Samsung Health, Health Auto Export, Apple Health per-type CSV, Google Fit daily.

Every expected number below is computed by hand from the fixture rows, in the
comment beside it (the reference is the fixture itself, not the reader).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import backpain
from backpain import DiaryError
from backpain.read._source import open_source
from backpain.read.google_fit_daily import detect_google_fit_daily
from backpain.read.health_auto_export import detect_health_auto_export
from backpain.read.samsung_health import detect_samsung_health
from backpain.text import Message

DATA = Path(__file__).parent / "data"
SAMSUNG_STEPS = DATA / "samsung_health" / "com.samsung.shealth.step_daily_trend.20240310120000.csv"
SAMSUNG_SLEEP = DATA / "samsung_health" / "com.samsung.shealth.sleep.20240310120000.csv"
HAE_HOURLY = DATA / "health_auto_export" / "HealthAutoExport-2024-03-01-2024-03-02.csv"
HAE_DAILY = DATA / "health_auto_export" / "HealthAutoExport-daily-2024-03-01-2024-03-05.csv"
APPLE_CSV = DATA / "apple_health_csv" / "apple_health_records.csv"
GFIT = DATA / "google_fit_daily" / "Daily activity metrics"
GFIT_DAILY = GFIT / "Daily activity metrics.csv"
GFIT_DAY = GFIT / "2024-03-01.csv"

ALL = {
    SAMSUNG_STEPS: "samsung_health",
    SAMSUNG_SLEEP: "samsung_health",
    HAE_HOURLY: "health_auto_export",
    HAE_DAILY: "health_auto_export",
    APPLE_CSV: "apple_health_csv",
    GFIT_DAILY: "google_fit_daily",
    GFIT_DAY: "google_fit_daily",
}


def _by_day(diary: pd.DataFrame, column: str) -> dict[str, float]:
    kept = diary.dropna(subset=[column])
    return dict(zip(kept["date"].dt.strftime("%Y-%m-%d"), kept[column], strict=True))


def _counts(report) -> tuple[int, int, int, int, int]:
    return (
        report.rows_read,
        report.rows_kept,
        report.rows_merged,
        report.rows_ignored,
        report.rows_rejected,
    )


@pytest.mark.parametrize(("path", "fmt"), ALL.items(), ids=lambda p: getattr(p, "name", p))
def test_detected_by_content_and_every_row_accounted_for(path, fmt, tmp_path):
    # the content decides: the same bytes under a neutral name are read the same way
    # (except the Google Fit per-day file, whose date is only in its name)
    neutral = tmp_path / ("2024-03-01.csv" if path == GFIT_DAY else "export.csv")
    neutral.write_bytes(path.read_bytes())
    for source in (path, neutral):
        diary, report = backpain.read_diary(source, return_report=True)
        assert report.format == fmt
        assert report.balanced
        assert report.rows_read == report.rows_kept + report.rows_merged + report.rows_duplicate + (
            report.rows_ignored + report.rows_rejected
        )
        assert len(diary) == report.rows_kept
        assert set(report.rejected["file"]) <= {source.name}


# ------------------------------------------------------------ Samsung Health
def test_samsung_steps_take_the_combined_source_never_the_sum():
    diary, report = backpain.read_diary(SAMSUNG_STEPS, subject="p1", return_report=True)
    # 03-01: source_type -2 (all devices) 8120, beside phone 5010 and watch 7900 -> 8120
    # 03-02: no -2 row; phone 3000, watch 4200 -> the larger single device, 4200
    # 03-03: -2 row 10250 (the phone row 'onbekend' is rejected)
    # 03-04: -2 row has no count (ignored); the phone row's day_time 'gisteren' is rejected
    assert _by_day(diary, "steps") == {"2024-03-01": 8120, "2024-03-02": 4200, "2024-03-03": 10250}
    assert diary["pain"].isna().all()
    assert (diary["subject"] == "p1").all()
    # 10 data lines: 3 kept; ignored = 3 other sources + 1 empty count + 1 blank line; 2 rejected
    assert _counts(report) == (10, 3, 0, 5, 2)
    assert report.rejected["row"].tolist() == [10, 12]  # file lines (metadata 1, header 2)
    assert report.rejected["value"].tolist() == ["onbekend", "gisteren"]


def test_samsung_sleep_on_the_local_wake_up_day():
    diary, report = backpain.read_diary(SAMSUNG_SLEEP, return_report=True)
    # 03-02 (UTC+0100): phone 22:30-05:45 UTC and watch 22:45-06:00 UTC overlap:
    #   union 22:30-06:00 = 7.5 h; nap 13:00-13:45 = 0.75 h -> 8.25 h
    # UTC+1000: 12:00-20:30 UTC on 03-03 ends 06:30 local on 03-04 -> 8.5 h on 03-04
    assert _by_day(diary, "sleep_hours") == {"2024-03-02": 8.25, "2024-03-04": 8.5}
    # 6 sessions: 2 days kept, 2 merged into 03-02, 2 rejected (ends before start, GMT+01)
    assert _counts(report) == (6, 2, 2, 0, 2)
    reasons = dict(zip(report.rejected["row"], report.rejected["reason"], strict=True))
    assert "ends before it starts" in reasons[7]
    assert "UTC+0100" in reasons[8]
    assert any(getattr(n, "key", "") == "formats.samsung.note_sleep_zone" for n in report.notes)


def test_samsung_type_not_read_names_the_types_that_are():
    heart = b"com.samsung.shealth.tracker.heart_rate,6312004,3\nstart_time,heart_rate,\n"
    assert detect_samsung_health(open_source(heart)).matches
    with pytest.raises(DiaryError, match=r"Samsung Health.*tracker\.heart_rate.*step_daily_trend"):
        backpain.read_diary(heart)


def test_samsung_sleep_without_time_offset_is_refused():
    csv = b"com.samsung.shealth.sleep,1,2\nstart_time,end_time,\n2024-03-01 22:00:00.000,2024-03-02 06:00:00.000,\n"
    with pytest.raises(DiaryError, match=r"<bytes>: this looks like a Samsung.*time_offset"):
        backpain.read_diary(csv)


# ------------------------------------------------------- Health Auto Export
def test_health_auto_export_hourly_steps_summed_per_day():
    diary, report = backpain.read_diary(HAE_HOURLY, return_report=True)
    # 03-01: 812 + 1034.5 + 120 (the 10:00 row has no steps); 03-02: 15 + 2400
    assert _by_day(diary, "steps") == {"2024-03-01": 812 + 1034.5 + 120, "2024-03-02": 15 + 2400}
    # 9 lines: 5 rows with steps -> 2 days kept, 3 merged; ignored: no steps + blank line;
    # rejected: 'veel' and the day-first date 01-03-2024
    assert _counts(report) == (9, 2, 3, 2, 2)
    assert sorted(report.rejected["value"]) == ["01-03-2024 08:00", "veel"]


def test_health_auto_export_sleep_rule_never_adds_total():
    diary, report = backpain.read_diary(HAE_DAILY, return_report=True)
    # 03-01: Asleep 7.2 (Total 7.2 is not added); 03-02: Asleep blank -> Core 4.1 + Deep 1.2 +
    # REM 1.6 = 6.9; 03-03: only Total 5.5; 03-04 has nothing (ignored); 03-05 '7,5' rejected
    assert _by_day(diary, "sleep_hours") == pytest.approx(
        {"2024-03-01": 7.2, "2024-03-02": 4.1 + 1.2 + 1.6, "2024-03-03": 5.5}
    )
    assert _by_day(diary, "steps") == {"2024-03-01": 6120, "2024-03-02": 8015, "2024-03-03": 4000}
    assert _counts(report) == (5, 3, 0, 1, 1)
    assert report.rejected["column"].tolist() == ["Sleep Analysis [Asleep] (hr)"]


HAE_WATCH = DATA / "health_auto_export" / "HealthAutoExport-watch-stages-2024-05-01-2024-05-04.csv"


def test_health_auto_export_watch_stages_when_asleep_is_zero():
    diary, report = backpain.read_diary(HAE_WATCH, return_report=True)
    # a watch that records stages writes Asleep 0.0 and the night in the stages:
    # 05-01: Core 3.9 + Deep 0.8 + REM 1.5 = 6.2; 05-02: 4.25 + 1.1 + 1.65 = 7.0
    # (Awake 0.3 and 0.2 are not sleep); 05-03: only In Bed 7.4 -> missing, noted;
    # 05-04: every sleep value 0 (no watch that night) -> missing, not 0
    assert _by_day(diary, "sleep_hours") == pytest.approx({"2024-05-01": 6.2, "2024-05-02": 7.0})
    assert diary["sleep_hours"].isna().sum() == 2
    assert _by_day(diary, "steps") == {
        "2024-05-01": 7250,
        "2024-05-02": 5310,
        "2024-05-03": 3120,
        "2024-05-04": 2980,
    }
    # 4 daily rows, each its own day (the steps keep 05-03 and 05-04)
    assert _counts(report) == (4, 4, 0, 0, 0)
    assert report.balanced
    [in_bed] = [n for n in report.notes if "time in bed but no asleep time" in str(n)]
    assert "1 row(s)" in str(in_bed)
    assert "2024-05-03" in str(in_bed)
    assert "niet 0" in report.summary("nl")


def test_health_auto_export_hourly_stage_rows_sum_and_zero_hours_are_not_sleep():
    csv = (
        b"Date/Time,Sleep Analysis [Asleep] (hr),Sleep Analysis [Core] (hr),Step Count (count)\n"
        b"2024-05-01 01:00:00,0,1.0,\n"
        b"2024-05-01 02:00:00,0,0.75,\n"
        b"2024-05-01 14:00:00,0,0,300\n"
        b"2024-05-02 14:00:00,0,0,\n"
    )
    diary, report = backpain.read_diary(csv, return_report=True)
    # 05-01: Core 1.0 + 0.75 = 1.75 h, 300 steps; 05-02: nothing above 0 -> ignored
    assert _by_day(diary, "sleep_hours") == {"2024-05-01": 1.75}
    assert _counts(report) == (4, 1, 2, 1, 0)
    assert report.balanced


def test_health_auto_export_detector_leaves_ordinary_diaries_alone():
    diary = b"Date/Time,Pain (0-10)\n2024-03-01 08:00,4\n"
    assert not detect_health_auto_export(open_source(diary)).matches
    heart_only = b"Date/Time,Heart Rate [Avg] (count/min)\n2024-03-01 00:00:00,62\n"
    assert detect_health_auto_export(open_source(heart_only)).matches
    with pytest.raises(DiaryError, match=r"Health Auto Export.*Step Count \(count\)"):
        backpain.read_diary(heart_only)


# ------------------------------------------------- Apple Health per-type CSV
def test_apple_health_csv_follows_the_xml_rules():
    diary, report = backpain.read_diary(APPLE_CSV, return_report=True)
    # steps 03-01: iPhone 500 + 700 = 1200; Watch 480 + 800 + 300 = 1580 (the 23:30 -0500
    #   record is 03-01 in local time, 03-02 in UTC) -> the larger source, 1580
    # steps 03-02: iPhone 250 at 00:30 +0100 (03-01 in UTC); 03-03: 900 (ISO stamp, short type)
    assert _by_day(diary, "steps") == {"2024-03-01": 1580, "2024-03-02": 250, "2024-03-03": 900}
    # sleep: Core 23:10-03:10 (4 h) + REM 04:00-06:30 (2.5 h); the iPhone Asleep 05:30-06:30
    # lies inside REM (union), InBed and Awake are not sleep -> 6.5 h on 03-02
    assert _by_day(diary, "sleep_hours") == {"2024-03-02": 6.5}
    # pain 03-02: Moderate 5 and Severe 7 -> the day's maximum 7; Unspecified rejected
    assert _by_day(diary, "pain") == {"2024-03-02": 7.0}
    # 17 rows: 10 in diary days (3 kept, 7 merged); ignored: 2 iPhone step rows of 03-01,
    # InBed, Awake, HeartRate; rejected: steps 'abc', pain Unspecified
    assert _counts(report) == (17, 3, 7, 5, 2)
    assert report.rejected["row"].tolist() == [8, 16]


def test_apple_health_csv_counts_an_exact_copy_once():
    lines = APPLE_CSV.read_bytes().splitlines(keepends=True)
    watch_step = lines[3]  # Watch 480 steps on 03-01, as synced twice
    sleep_core = next(line for line in lines if b"Core" in line)
    text = b"".join([*lines, watch_step, sleep_core])
    # a copy with another creation date is the same record (the same sync, exported again)
    again = watch_step.replace(
        b"2024-03-01 08:09:00 +0100,2024-03-01 08:00",
        b"2024-03-05 08:09:00 +0100,2024-03-01 08:00",
        1,
    )
    text += again
    diary, report = backpain.read_diary(text, return_report=True)
    # the same days as the file without the copies: 1580 steps (not 2060), 6.5 h (not 10.5)
    assert _by_day(diary, "steps") == {"2024-03-01": 1580, "2024-03-02": 250, "2024-03-03": 900}
    assert _by_day(diary, "sleep_hours") == {"2024-03-02": 6.5}
    assert report.rows_read == 20
    assert report.rows_duplicate == 3
    assert _counts(report) == (20, 3, 7, 5, 2)  # the rest as without copies
    assert report.balanced
    assert any("repeat an earlier record exactly" in str(n) for n in report.notes)
    # a different value is not a copy
    other = watch_step.replace(b",480", b",481")
    diary = backpain.read_diary(b"".join([*lines, other]))
    assert _by_day(diary, "steps")["2024-03-01"] == 1580 + 481


def test_apple_health_csv_pain_map_as_the_xml_reader():
    diary = backpain.read_diary(APPLE_CSV, pain_map={"Unspecified": 4})
    assert _by_day(diary, "pain") == {"2024-03-02": 7.0, "2024-03-03": 4.0}
    with pytest.raises(ValueError, match="pain_map"):
        backpain.read_diary(APPLE_CSV, pain_map={"Heavy": 9})


# ------------------------------------------------------- Google Fit daily
def test_google_fit_daily_summary():
    diary, report = backpain.read_diary(GFIT_DAILY, return_report=True)
    # 03-01: 6120 steps, 42 move minutes; 03-02: no steps, 0 move minutes (a value);
    # 03-03: neither (ignored); 03-04 steps '8.2k' rejected; '31-03-2024' (not how
    # Takeout writes it) is read by the shared date rules: day-first, 31 March
    assert _by_day(diary, "steps") == {"2024-03-01": 6120, "2024-03-31": 3000}
    assert _by_day(diary, "active_minutes") == {
        "2024-03-01": 42,
        "2024-03-02": 0,
        "2024-03-31": 30,
    }
    assert _counts(report) == (5, 3, 0, 1, 1)


def test_google_fit_per_day_file_dated_by_its_name():
    diary, report = backpain.read_diary(GFIT_DAY, return_report=True)
    # 15-minute rows: steps 612 + 1104 + 388, move minutes 5 + 9 + 3; the 00:00 row has
    # neither (ignored), 'half past one' is rejected
    assert _by_day(diary, "steps") == {"2024-03-01": 612 + 1104 + 388}
    assert _by_day(diary, "active_minutes") == {"2024-03-01": 5 + 9 + 3}
    assert _counts(report) == (5, 1, 2, 1, 1)
    assert detect_google_fit_daily(open_source(GFIT_DAY.read_bytes())).matches
    with pytest.raises(
        DiaryError, match=r"<bytes>: this looks like a Google Fit.*only in its name"
    ):
        backpain.read_diary(GFIT_DAY.read_bytes())


# ------------------------------------------------------------ merging, text
@pytest.mark.parametrize("path", list(ALL), ids=lambda p: p.name)
def test_merges_with_a_plain_pain_diary(path, tmp_path):
    pain = tmp_path / "pain.csv"
    pain.write_text("date,pain\n2024-03-01,6\n2024-03-02,4\n2024-03-09,3\n")
    wearable = backpain.read_diary(path, subject="me")
    merged, report = backpain.read_diary([pain, path], subject="me", return_report=True)
    assert report.balanced
    days = merged.set_index(merged["date"].dt.strftime("%Y-%m-%d"))
    for day, value in {"2024-03-01": 6, "2024-03-02": 4, "2024-03-09": 3}.items():
        assert days.loc[day, "pain"] == value
    for column in ("steps", "sleep_hours", "active_minutes"):
        if column in wearable.columns:
            expected = _by_day(wearable, column)
            assert _by_day(merged, column) == pytest.approx(expected)


def test_notes_and_reasons_render_in_dutch():
    _, report = backpain.read_diary(SAMSUNG_STEPS, return_report=True)
    notes = [n for n in report.notes if isinstance(n, Message)]
    assert any("nooit hun som" in n.render("nl") for n in notes)
    reason = report.rejected["message"].iloc[0]
    assert isinstance(reason, Message)
    assert "moet een getal" in reason.render("nl")
    assert np.isnan(backpain.read_diary(SAMSUNG_STEPS)["pain"]).all()
