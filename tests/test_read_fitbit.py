"""Fitbit sleep and steps JSON, Google Fit sleep sessions (UTC -> local wake-up day)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import backpain
from backpain import DiaryError
from backpain.read import FORMATS
from backpain.read._source import Source, open_source
from backpain.read.fitbit import (
    detect_fitbit,
    detect_google_fit,
    infer_offset,
    read_fitbit,
    read_google_fit,
)

FITBIT = Path(__file__).parent / "data" / "fitbit"
SLEEP = FITBIT / "sleep-2021-01-19.json"
STEPS = FITBIT / "steps-2016-06-12.json"
SESSION = FITBIT / "2021-01-19T22_42_00.000Z_SLEEP.json"
MIXED = FITBIT / "sessions_mixed.json"


def _by_day(diary: pd.DataFrame, column: str) -> dict[str, float]:
    return dict(zip(diary["date"].dt.strftime("%Y-%m-%d"), diary[column], strict=True))


# -------------------------------------------------------------------- Fitbit
def test_fitbit_sleep_hand_computed():
    diary, report = backpain.read_diary(SLEEP, subject="p1", return_report=True)
    assert report.format == "fitbit"
    # 01-20: main sleep 390 min + nap 42 min = 432 min = 7.2 h (the repeated logId 30003
    # counts once); 01-21: 402 min = 6.7 h; 01-19 rejected (minutesAsleep 'onbekend')
    assert _by_day(diary, "sleep_hours") == pytest.approx({"2021-01-20": 7.2, "2021-01-21": 6.7})
    assert diary["pain"].isna().all()
    assert (diary["subject"] == "p1").all()
    assert "sleep_quality" not in diary.columns  # efficiency is not a quality rating
    assert report.rows_read == 6
    assert report.balanced
    assert {str(k): v for k, v in report.ignored.items()} == {
        "Fitbit sleep log listed twice (same logId)": 1
    }
    assert report.rows_kept == 2
    assert report.rows_merged == 1  # the nap joins its day
    assert any("nap" in str(n) for n in report.notes)
    assert any("no pain ratings" in str(n) for n in report.notes)


def test_fitbit_sleep_rejections():
    _, report = read_fitbit(SLEEP)
    rej = report.rejected
    assert rej["row"].tolist() == [5, 6]
    assert rej["value"].tolist() == ["onbekend", "19-01-2021"]
    assert "0 to 1440" in rej["reason"][0]
    assert "not a date like 2021-01-20" in rej["reason"][1]
    assert (rej["file"] == "sleep-2021-01-19.json").all()


def test_fitbit_steps_summed_per_day():
    diary, report = backpain.read_diary(STEPS, return_report=True)
    # 06/12: 133 + 67 + 12 = 212 (MM/DD/YY, so 06/12 is 12 June); 06/13: 1000
    assert _by_day(diary, "steps") == {"2016-06-12": 212.0, "2016-06-13": 1000.0}
    assert diary["subject"].unique().tolist() == ["me"]
    assert report.rows_read == 7
    assert report.balanced
    rej = report.rejected.set_index("row")
    assert sorted(rej.index) == [5, 6, 7]
    assert "at least 0" in rej.loc[5, "reason"]  # -5 steps
    assert "month/day/year" in rej.loc[6, "reason"]  # 13/06/16: no 13th month
    assert "not a number" in rej.loc[7, "reason"]  # "veel"


def test_fitbit_steps_without_a_telling_name_is_noted():
    _, report = read_fitbit(STEPS.read_bytes())
    assert any("read as Fitbit steps" in str(n) for n in report.notes)


def test_fitbit_other_series_not_taken_for_steps():
    calories = FITBIT / "calories-2016-06-12.json"
    # a file that looks like Fitbit's but is not a diary series: detection stops with the reason
    with pytest.raises(DiaryError, match=r"calories-2016-06-12\.json: .*'calories' series"):
        detect_fitbit(open_source(calories))
    with pytest.raises(DiaryError, match=r"calories-2016-06-12\.json: .*'calories' series"):
        read_fitbit(calories)


@pytest.mark.parametrize("name", ["calories-2016-06-12.json", "heart_rate-2020-04-01.json"])
def test_fitbit_series_not_in_a_diary_refused_with_the_fitbit_reason(name):
    # the generic table reader's "no date column" must not replace Fitbit's own reason
    with pytest.raises(DiaryError, match="not a diary variable") as err:
        backpain.read_diary(FITBIT / name)
    assert name in str(err.value)
    assert "no date column" not in str(err.value)
    assert "geen variabele van het dagboek" in err.value.render("nl")


def test_fitbit_sleep_score_is_refused_clearly():
    with pytest.raises(DiaryError, match=r"sleep_score\.csv: Fitbit's sleep score") as err:
        backpain.read_diary(FITBIT / "sleep_score.csv")
    assert "sleep-YYYY-MM-DD.json" in str(err.value)
    assert "slaapscore" in err.value.render("nl")
    with pytest.raises(DiaryError, match="not a self-rated sleep quality"):
        read_fitbit(FITBIT / "sleep_score.csv")


# ------------------------------------------------------ Fitbit time zones
STEPS_TZ = FITBIT / "steps-2020-04-01.json"


def test_fitbit_steps_offset_inferred_from_file_name():
    diary, report = backpain.read_diary(STEPS_TZ, return_report=True)
    # first stamp 03/31/20 14:00 UTC is local midnight of 2020-04-01 (the file name's
    # day): UTC+10:00. Local days: 04-01 = 100 + 50 + 30 = 180 (UTC 14:00..13:59),
    # 04-02 = 200 + 5 = 205 (UTC 04-01 14:00 and 20:00 = local 00:00 and 06:00)
    assert _by_day(diary, "steps") == {"2020-04-01": 180.0, "2020-04-02": 205.0}
    assert report.rows_read == 5
    assert report.rows_kept + report.rows_merged == 5
    assert report.balanced
    # the file has gaps: the first step may have come after midnight, so +10:00 is a
    # lower bound, and the report says so
    assert any("at least UTC+10:00" in str(n) for n in report.notes)
    # the last local day ends at 06:00: partial; the first starts at local midnight
    assert any("2020-04-02 end at 06:00" in str(n) for n in report.notes)
    assert not any("partial first day" in str(n) for n in report.notes)
    assert any("UTC+10:00" in n for n in report.summary("nl").splitlines())


def test_fitbit_steps_given_zone_and_utc():
    diary, report = read_fitbit(STEPS_TZ, tz="Australia/Brisbane")  # UTC+10, no DST
    assert _by_day(diary, "steps") == {"2020-04-01": 180.0, "2020-04-02": 205.0}
    assert any("summed per day in Australia/Brisbane" in str(n) for n in report.notes)
    diary, report = read_fitbit(STEPS_TZ, tz="UTC")
    # UTC days: 03-31 = 100 + 50 = 150; 04-01 = 30 + 200 + 5 = 235
    assert _by_day(diary, "steps") == {"2020-03-31": 150.0, "2020-04-01": 235.0}
    assert any("2020-03-31 start only at 14:00" in str(n) for n in report.notes)
    with pytest.raises(ValueError, match="not a time zone name"):
        read_fitbit(STEPS_TZ, tz="Mars/Olympus")


WEST = FITBIT / "steps-2021-03-01.json"  # UTC-5, every minute of the first hour
ZERO = FITBIT / "steps-2021-06-01.json"  # UTC+0, every minute of the first hour
EAST = FITBIT / "steps-2021-07-01.json"  # UTC+10, every minute of the first hour
LATE = FITBIT / "steps-2021-09-01.json"  # first step 07:30 UTC on the file's date, gaps


def test_fitbit_steps_west_of_utc_inferred_from_a_full_first_hour():
    diary, report = backpain.read_diary(WEST, return_report=True)
    # first stamp 03/01/21 05:00 UTC with every minute to 05:59: the local midnight of
    # 2021-03-01, so UTC-05:00. Local 03-01: first hour 30 + 20, plus 03/02 03:30 UTC
    # (22:30 local) 100 = 150; local 03-02: 05:00 UTC (00:00) 40 + 14:00 UTC 60 = 100
    assert _by_day(diary, "steps") == {"2021-03-01": 150.0, "2021-03-02": 100.0}
    assert report.rows_read == 63
    assert report.balanced
    assert any("local time UTC-05:00" in str(n) for n in report.notes)
    assert any("UTC-05:00" in n for n in report.summary("nl").splitlines())
    # the same file read per UTC day: 03-01 = 50; 03-02 = 100 + 40 + 60 = 200
    utc, _ = read_fitbit(WEST, tz="UTC")
    assert _by_day(utc, "steps") == {"2021-03-01": 50.0, "2021-03-02": 200.0}


def test_fitbit_steps_east_and_zero_offsets_inferred_exactly():
    diary, report = read_fitbit(EAST)
    # 06/30/21 14:00 UTC is 2021-07-01 00:00 at UTC+10. Local 07-01: 5 + 25 (first
    # hour) + 07/01 13:30 UTC (23:30) 300 = 330; 07/01 14:30 UTC is 07-02 00:30: 45
    assert _by_day(diary, "steps") == {"2021-07-01": 330.0, "2021-07-02": 45.0}
    assert any("local time UTC+10:00" in str(n) for n in report.notes)
    assert not any("at least" in str(n) for n in report.notes)
    diary, report = read_fitbit(ZERO)
    # 06/01/21 00:00 UTC is the file's own midnight: UTC. 06-01: 12 + 8 + 70; 06-02: 15
    assert _by_day(diary, "steps") == {"2021-06-01": 90.0, "2021-06-02": 15.0}
    assert any("local time UTC+00:00" in str(n) for n in report.notes)
    assert report.balanced


def test_fitbit_steps_explicit_tz_overrides_the_inferred_offset():
    # Brussels in June is UTC+2: 06/01/21 23:30 UTC (70 steps) falls on 06-02 there,
    # though the file itself shows UTC+00:00
    diary, report = read_fitbit(ZERO, tz="Europe/Brussels")
    assert _by_day(diary, "steps") == {"2021-06-01": 20.0, "2021-06-02": 85.0}
    assert any("summed per day in Europe/Brussels" in str(n) for n in report.notes)
    assert not any("local time UTC+00:00" in str(n) for n in report.notes)
    # New York on 1 March 2021 is UTC-5 (daylight saving time starts 14 March): the
    # same days as the inferred offset
    diary, _ = read_fitbit(WEST, tz="America/New_York")
    assert _by_day(diary, "steps") == {"2021-03-01": 150.0, "2021-03-02": 100.0}


def test_fitbit_steps_ambiguous_start_stays_utc_and_says_why():
    diary, report = backpain.read_diary(LATE, return_report=True)
    # 09/01/21 07:30 UTC: UTC-07:30 at midnight, or a first step at 07:30 UTC? Gaps
    # leave both open, so UTC days: 09-01 = 80 + 20; 09-02 = 10
    assert _by_day(diary, "steps") == {"2021-09-01": 100.0, "2021-09-02": 10.0}
    [note] = [n for n in report.notes if "cannot be inferred" in str(n)]
    assert "UTC-07:30 if that was local midnight" in str(note)
    assert "per UTC day" in str(note)
    assert "tz=" in str(note)
    assert "tz=" not in report.summary("en", audience="cli")
    assert "niet af te leiden" in report.summary("nl")


def test_infer_offset_rules():
    stamps = pd.Series(pd.to_datetime(["2020-03-31 14:07", "2020-04-01 02:00"]))
    # a first step at 14:07 UTC before the 1 April file: east, at least +09:53 -> +10:00
    offset, kind = infer_offset(stamps, pd.Timestamp("2020-04-01"))
    assert (offset, kind) == (pd.Timedelta(hours=10), "at_least")
    assert infer_offset(stamps, None) == (None, "none")
    # more than 14 hours before the file's date: no zone is that far east
    early = pd.Series(pd.to_datetime(["2020-03-31 09:00"]))
    assert infer_offset(early, pd.Timestamp("2020-04-01")) == (None, "none")


def test_fitbit_steps_without_offset_evidence_say_utc_and_tz():
    # steps-2016-06-12.json starts at 03:51 on its own day: nothing shows the offset
    _, report = read_fitbit(STEPS)
    utc = [n for n in report.notes if "per UTC day" in str(n)]
    assert utc
    assert "tz=" in str(utc[0])
    assert "tz=" not in report.summary("en", audience="cli")


# --------------------------------------------------- Fitbit active minutes
ACTIVE = FITBIT
VERY = ACTIVE / "very_active_minutes-2020-04-01.json"
MODERATE = ACTIVE / "moderately_active_minutes-2020-04-01.json"


def test_fitbit_active_minutes_are_very_plus_moderate():
    diary, report = backpain.read_diary(VERY, return_report=True)
    # 04-01: 20 very + 15 moderately = 35; 04-02: 0 + 30 = 30; 04-03 'veel' rejected;
    # 04-04 (10) is only in the moderately file: not counted from this file, noted
    assert _by_day(diary, "active_minutes") == {"2020-04-01": 35.0, "2020-04-02": 30.0}
    assert report.rows_read == 3
    assert (report.rows_kept, report.rows_rejected) == (2, 1)
    assert report.balanced
    assert report.rejected["value"].tolist() == ["veel"]
    assert any("1 day(s) found only there" in str(n) for n in report.notes)
    diary, _ = read_fitbit(MODERATE)
    # 15 + 20, 30 + 0, 10 + nothing (the very file's 04-03 is not a number)
    assert _by_day(diary, "active_minutes") == {
        "2020-04-01": 35.0,
        "2020-04-02": 30.0,
        "2020-04-04": 10.0,
    }
    merged = backpain.read_diary([VERY, MODERATE], subject="me")
    assert _by_day(merged, "active_minutes") == {
        "2020-04-01": 35.0,
        "2020-04-02": 30.0,
        "2020-04-04": 10.0,
    }


def test_fitbit_active_minutes_alone_say_the_partner_is_missing():
    # bytes with the file name only: no folder to look in
    diary, report = read_fitbit(Source(name=VERY.name, data=VERY.read_bytes()))
    assert diary["active_minutes"].tolist() == [20.0, 0.0]
    missing = [n for n in report.notes if "was not found next to this file" in str(n)]
    assert len(missing) == 1
    assert "moderately_active_minutes" in str(missing[0])


def test_fitbit_light_minutes_are_ignored_not_counted():
    diary, report = backpain.read_diary(
        ACTIVE / "lightly_active_minutes-2020-04-01.json", return_report=True
    )
    assert len(diary) == 0
    assert report.rows_read == report.rows_ignored == 2
    assert report.balanced
    [(category, n)] = report.ignored.items()
    assert n == 2
    assert "light activity" in str(category)


def test_fitbit_detection_by_content():
    assert detect_fitbit(open_source(SLEEP)).matches
    assert detect_fitbit(open_source(STEPS.read_bytes())).matches
    assert "not a JSON array" in str(
        detect_fitbit(open_source(b"date,pain\n2024-01-01,3\n")).reason
    )
    assert "no Fitbit sleep" in str(
        detect_fitbit(open_source(b'[{"date": "2024-01-01", "pain": 3}]')).reason
    )
    assert {"fitbit", "google_fit"} <= set(FORMATS)


def test_fitbit_bad_json_raises(tmp_path):
    path = tmp_path / "sleep-2021-01-19.json"
    path.write_bytes(SLEEP.read_bytes()[:300])
    with pytest.raises(DiaryError, match=r"sleep-2021-01-19\.json: not valid JSON .*truncated"):
        read_fitbit(path)
    with pytest.raises(DiaryError, match="JSON array of records"):
        read_fitbit(b'{"logId": 1}')
    with pytest.raises(DiaryError, match="neither 'dateOfSleep'"):
        read_fitbit(b'[{"logId": 1, "duration": 5}]')


def test_fitbit_empty_array_gives_empty_diary():
    diary, report = read_fitbit(b"[]")
    assert len(diary) == 0
    assert report.rows_read == 0
    assert report.balanced


# ---------------------------------------------------------------- Google Fit
def test_google_fit_stages_and_wake_up_day():
    diary, report = backpain.read_diary(SESSION, tz="Europe/Amsterdam", return_report=True)
    assert report.format == "google_fit"
    # segments: light 22:42-01:00 (2.3 h) + deep 01:30-03:00 (1.5 h) + REM 03:00-06:12
    # (3.2 h) = 7.0 h; the 30 min awake segment does not count
    assert _by_day(diary, "sleep_hours") == pytest.approx({"2021-01-20": 7.0})
    assert diary["pain"].isna().all()
    assert report.balanced


def test_google_fit_utc_vs_local_day():
    ams, report = read_google_fit(MIXED, tz="Europe/Amsterdam")
    # 21:00-23:30 UTC is 22:00-00:30 in Amsterdam (CET, UTC+1): it ends on 01-21 there
    assert _by_day(ams, "sleep_hours") == pytest.approx({"2021-01-21": 2.5, "2021-01-23": 6.5})
    utc, _ = read_google_fit(MIXED, tz="UTC")
    assert _by_day(utc, "sleep_hours") == pytest.approx({"2021-01-20": 2.5, "2021-01-23": 6.5})
    # Los Angeles (UTC-8): the second night ends at 21:30 on 01-22
    la, _ = read_google_fit(MIXED, tz="America/Los_Angeles")
    assert _by_day(la, "sleep_hours") == pytest.approx({"2021-01-20": 2.5, "2021-01-22": 6.5})
    assert report.rows_read == 4
    assert report.balanced
    assert {str(k): v for k, v in report.ignored.items()} == {
        "Google Fit walking session (not sleep)": 1
    }
    assert report.rejected["row"].tolist() == [3]
    assert "ends before it starts" in report.rejected["reason"][0]
    assert any("converted to Europe/Amsterdam" in str(n) for n in report.notes)


def test_google_fit_default_zone_is_named_in_report():
    diary, report = read_google_fit(SESSION)
    assert any("this computer's time zone" in str(n) and "tz=" in str(n) for n in report.notes)
    assert len(diary) == 1
    assert diary["sleep_hours"].iloc[0] == pytest.approx(7.0)


def test_google_fit_bad_tz_and_json():
    with pytest.raises(ValueError, match=r"tz='Mars/Olympus' is not a time zone name"):
        read_google_fit(SESSION, tz="Mars/Olympus")
    with pytest.raises(DiaryError, match="holds a JSON object such as"):
        read_google_fit(b'["sleep"]', tz="UTC")
    with pytest.raises(DiaryError, match="not valid JSON"):
        read_google_fit(b'{"fitnessActivity": "sleep", "startTime": ', tz="UTC")


def test_google_fit_without_segments_uses_start_and_end():
    session = (
        b'{"fitnessActivity": "sleep", "startTime": "2021-03-27T23:00:00Z",'
        b' "endTime": "2021-03-28T06:00:00Z", "duration": "25200s"}'
    )
    diary, _ = read_google_fit(session, tz="Europe/Amsterdam")
    # 7 h of UTC time, though the Amsterdam clocks jump forward that night
    assert diary["sleep_hours"].tolist() == [7.0]
    assert diary["date"].dt.strftime("%Y-%m-%d").tolist() == ["2021-03-28"]


def test_google_fit_detection():
    assert detect_google_fit(open_source(SESSION)).matches
    assert "no Google Fit session" in str(detect_google_fit(open_source(SLEEP)).reason)
    assert np.isnan(read_google_fit(SESSION, tz="UTC")[0]["pain"].iloc[0])


def test_undecodable_bytes_raise_a_diary_error():
    # a UTF-16 byte-order mark followed by half a character
    with pytest.raises(DiaryError, match=r"<bytes>: the file is not valid utf-16 text"):
        read_fitbit(b"\xff\xfe\x00")
    with pytest.raises(DiaryError, match="may be truncated or damaged"):
        read_google_fit(b"\xff\xfe\x00", tz="UTC")
