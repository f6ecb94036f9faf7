"""Exports people have, read from evidence (issue #24): Google Fit in the account's
language, Fitbit's legacy monthly CSV and Web API JSON, Garmin Connect, small messages.

Every fixture is a small file written for these tests in the exported layout (never a
personal file); the expected values are computed by hand in the comments.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_read_new_formats import _by_day, _counts

import backpain
from backpain.errors import DiaryError
from backpain.read._source import open_source
from backpain.read.google_fit_daily import detect_google_fit_daily

DATA = Path(__file__).parent / "data"
GFIT_FR = DATA / "google_fit_daily" / "Activité physique quotidienne"
GFIT_UNKNOWN = DATA / "google_fit_daily" / "unknown_language" / "2024-04_daily.csv"


# ------------------------------------------------ Google Fit in the account's language
def test_google_fit_french_daily_summaries():
    diary, report = backpain.read_diary(
        GFIT_FR / "Récapitulatifs quotidiens.csv", return_report=True
    )
    assert report.format == "google_fit_daily"
    # 'Nombre de pas': 7104 on 1 Apr, 1222 on 2 Apr; 3 Apr has no steps -> ignored
    assert _by_day(diary, "steps") == {"2024-04-01": 7104, "2024-04-02": 1222}
    assert _counts(report) == (3, 2, 0, 1, 0)
    assert report.balanced
    assert "Nombre de pas" in str(report.columns["steps"])
    assert any("account's language (fr)" in n for n in report.notes)


def test_google_fit_french_per_day_file_date_from_its_name():
    diary, report = backpain.read_diary(GFIT_FR / "2024-04-02.csv", return_report=True)
    # 15-minute rows: 689 + 402 + 131 = 1222 steps on 2 Apr (the file name's date);
    # the 00:00 row has no steps (ignored)
    assert _by_day(diary, "steps") == {"2024-04-02": 689 + 402 + 131}
    assert _counts(report) == (4, 1, 2, 1, 0)
    assert report.balanced


def test_google_fit_unknown_language_says_which_column_looks_like_steps():
    assert detect_google_fit_daily(open_source(GFIT_UNKNOWN)) is None
    with pytest.raises(DiaryError, match=r"looks like a Google Fit") as err:
        backpain.read_diary(GFIT_UNKNOWN)
    text = str(err.value)
    assert "2024-04_daily.csv" in text
    assert "language whose Google Fit names have not been seen" in text
    # Xsteps (median 4163) outnumbers Xmove (median 23.5): it looks like steps
    assert "columns={'Xsteps': 'steps'}" in text
    assert "lijkt op stappen" in err.value.args[0].render("nl")
    diary, report = backpain.read_diary(
        GFIT_UNKNOWN, columns={"Xsteps": "steps", "Xmove": "active_minutes"}, return_report=True
    )
    assert _by_day(diary, "steps") == {"2024-04-01": 7104, "2024-04-02": 1222}
    assert _by_day(diary, "active_minutes") == {"2024-04-01": 35, "2024-04-02": 12}
    assert _counts(report) == (2, 2, 0, 0, 0)
    with pytest.raises(ValueError, match=r"columns=\{'Steps': 'steps'\} does not fit"):
        backpain.read_diary(GFIT_UNKNOWN, format="google_fit_daily", columns={"Steps": "steps"})


def test_google_fit_structure_leaves_a_pain_diary_alone():
    diary = b"Date,pain,Calories (kcal),Distance (m),Walk (ms)\n2024-04-01,4,1900,5000,3600\n"
    assert detect_google_fit_daily(open_source(diary)) is not None
    assert backpain.read_diary(diary)["pain"].tolist() == [4.0]


# ------------------------------------------------------------------ small messages
def test_in_bed_only_apple_csv_says_no_row_gave_a_day(tmp_path):
    path = tmp_path / "sleep.csv"
    path.write_text(
        "sourceName,type,startDate,endDate,value\n"
        "iPhone,HKCategoryTypeIdentifierSleepAnalysis,2024-03-01 23:00:00 +0100,"
        "2024-03-02 07:00:00 +0100,HKCategoryValueSleepAnalysisInBed\n"
    )
    from backpain.report import build_report

    with pytest.raises(DiaryError) as err:
        build_report(path, lang="nl")
    message = err.value.args[0]
    # every row has a date: the message must not say none has one
    assert "none with a date" not in message.render("en")
    assert "geen enkele met een datum" not in message.render("nl")
    assert "none of them a day with a value the diary uses" in message.render("en")
    assert "geen enkele een dag met een waarde die het dagboek gebruikt" in message.render("nl")


def test_one_day_report_period_has_no_wrong_plural():
    from backpain.report import build_report

    html = build_report(GFIT_FR / "2024-04-02.csv", lang="nl").to_html()
    assert "1 kalenderdagen" not in html
    assert "Kalenderdagen van 2 apr 2024 tot 2 apr 2024: 1, waarvan 1 in het bestand" in html
