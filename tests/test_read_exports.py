"""Exports people have, read from evidence (issue #24): Google Fit in the account's
language, Fitbit's legacy monthly CSV and Web API JSON, Garmin Connect, small messages.

Every fixture is a small file written for these tests in the exported layout (never a
personal file); the expected values are computed by hand in the comments.
"""

from __future__ import annotations

import html
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
    assert any("account's language (fr)" in str(n) for n in report.notes)


def test_google_fit_french_per_day_file_date_from_its_name():
    diary, report = backpain.read_diary(GFIT_FR / "2024-04-02.csv", return_report=True)
    # 15-minute rows: 689 + 402 + 131 = 1222 steps on 2 Apr (the file name's date);
    # the 00:00 row has no steps (ignored)
    assert _by_day(diary, "steps") == {"2024-04-02": 689 + 402 + 131}
    assert _counts(report) == (4, 1, 2, 1, 0)
    assert report.balanced


def test_google_fit_unknown_language_says_which_column_looks_like_steps():
    assert detect_google_fit_daily(open_source(GFIT_UNKNOWN)).matches
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


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_google_fit_unknown_language_page_advice_renames_and_then_reads(tmp_path, lang):
    with pytest.raises(DiaryError) as err:
        backpain.read_diary(GFIT_UNKNOWN)
    page = err.value.render(lang, audience="page")
    cli = err.value.render(lang, audience="cli")
    to = "to" if lang == "en" else "naar"
    # the way out named for people without Python: the English names of the same layout
    assert f"'Xdate' {to} 'Date', 'Xsteps' {to} 'Step count'" in page
    assert page == cli
    assert "columns=" not in page
    assert ("looks like steps" if lang == "en" else "lijkt op stappen") in page
    # following it reads the file
    renamed = tmp_path / "renamed.csv"
    text = GFIT_UNKNOWN.read_text(encoding="utf-8")
    renamed.write_text(text.replace("Xdate", "Date", 1).replace("Xsteps", "Step count", 1))
    diary = backpain.read_diary(renamed)
    assert _by_day(diary, "steps") == {"2024-04-01": 7104, "2024-04-02": 1222}


def test_google_fit_unknown_language_per_day_file_advice_names_the_time_columns(tmp_path):
    # a per-day file (15-minute rows, date in the name) with headers in an unseen language
    path = tmp_path / "2024-04-02.csv"
    path.write_text(
        "Xstart,Xend,Xcalories (kcal),Xdistance (m),Xspeed (m/s),Xsteps\n"
        "08:00:00.000+02:00,08:15:00.000+02:00,20.1,410.0,1.2,689\n"
        "08:15:00.000+02:00,08:30:00.000+02:00,18.0,250.5,1.1,402\n"
    )
    with pytest.raises(DiaryError) as err:
        backpain.read_diary(path)
    page = err.value.render("en", audience="page")
    assert "'Xstart' to 'Start time', 'Xend' to 'End time', 'Xsteps' to 'Step count'" in page
    text = (
        path.read_text()
        .replace("Xstart,Xend", "Start time,End time")
        .replace("Xsteps", "Step count")
    )
    path.write_text(text)
    assert _by_day(backpain.read_diary(path), "steps") == {"2024-04-02": 689 + 402}


def test_google_fit_structure_leaves_a_pain_diary_alone():
    diary = b"Date,pain,Calories (kcal),Distance (m),Walk (ms)\n2024-04-01,4,1900,5000,3600\n"
    assert not detect_google_fit_daily(open_source(diary)).matches
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


# ------------------------------------------------ Fitbit: fitbit.com CSV, Web API JSON
FITBIT_CSV = DATA / "fitbit_csv" / "fitbit_export_2017_03.csv"
FITBIT_API = DATA / "fitbit_api" / "fitbit_api_2019-01.json"


def test_fitbit_legacy_monthly_csv_sections_day_first_and_thousands():
    diary, report = backpain.read_diary(FITBIT_CSV, return_report=True)
    assert report.format == "fitbit_csv"
    # '13-03-2017' settles the order for the whole file: day-month-year
    assert _by_day(diary, "steps") == {"2017-03-01": 6511, "2017-03-02": 812, "2017-03-13": 12040}
    # Fairly + Very Active: 15 + 20 = 35; 0 + 0 = 0; 31 + 44 = 75
    assert _by_day(diary, "active_minutes") == {"2017-03-01": 35, "2017-03-02": 0, "2017-03-13": 75}
    # sleep on the day it ends: the night to 2 Mar (402 min) and the nap on 2 Mar (38 min)
    # -> 440 / 60; the night to 13 Mar 441 / 60
    assert _by_day(diary, "sleep_hours") == pytest.approx(
        {"2017-03-02": 440 / 60, "2017-03-13": 7.35}
    )
    # 9 data lines: Body 1 + Foods 1 ignored; Activities 4 (14 Mar 'veel' rejected) and
    # Sleep 3 -> 6 entries on 3 days: 3 kept + 3 merged
    assert _counts(report) == (9, 3, 3, 2, 1)
    assert report.balanced
    assert report.rejected["value"].tolist() == ["veel"]
    assert report.rejected["row"].tolist() == [10]
    assert any("day-month-year" in str(n) for n in report.notes)


def test_fitbit_legacy_csv_with_only_ambiguous_dates_asks_for_dayfirst(tmp_path):
    path = tmp_path / "fitbit_export_2017_02.csv"
    text = FITBIT_CSV.read_text().replace("13-03-2017", "12-03-2017")
    text = text.replace("14-03-2017", "11-03-2017")
    path.write_text(text)
    with pytest.raises(
        DiaryError, match=r"fitbit_export_2017_02.csv: this looks like a fitbit"
    ) as err:
        backpain.read_diary(path)
    assert "dayfirst=True" in str(err.value)
    diary = backpain.read_diary(path, dayfirst=False)
    # month-first: '12-03-2017' is 3 December
    assert "2017-12-03" in _by_day(diary, "steps")


def test_fitbit_web_api_daily_series():
    diary, report = backpain.read_diary(FITBIT_API, return_report=True)
    assert report.format == "fitbit_api"
    assert _by_day(diary, "steps") == {"2019-01-01": 6511, "2019-01-02": 10230, "2019-01-03": 812}
    # minutesVeryActive + minutesFairlyActive: 20 + 15, 44 + 31, 0 + 0
    assert _by_day(diary, "active_minutes") == {"2019-01-01": 35, "2019-01-02": 75, "2019-01-03": 0}
    # minutesAsleep / 60: 402 / 60 = 6.7, 441 / 60 = 7.35; 3 Jan 'n/a' rejected
    assert _by_day(diary, "sleep_hours") == pytest.approx({"2019-01-01": 6.7, "2019-01-02": 7.35})
    # 15 elements: 3 calories ignored, 1 rejected, 11 on 3 days -> 3 kept + 8 merged
    assert _counts(report) == (15, 3, 8, 3, 1)
    assert report.balanced


# ------------------------------------------------------------------ Garmin Connect
GARMIN = DATA / "garmin"


def test_garmin_daily_summaries_steps_and_the_watch_stress_score():
    diary, report = backpain.read_diary(
        GARMIN / "UDSFile_2024-05-01_2024-05-04.json", return_report=True
    )
    assert report.format == "garmin"
    assert _by_day(diary, "steps") == {"2024-05-01": 8012, "2024-05-02": 4390, "2024-05-03": 2210}
    # the TOTAL aggregator, not AWAKE: 31 and 47; -1 on 3 May is not a score -> missing
    assert _by_day(diary, "watch_stress") == {"2024-05-01": 31, "2024-05-02": 47}
    # never the self-rated stress (0-10)
    assert "stress" not in diary.columns
    # 4 records: 3 days kept, '05/04/2024' rejected (not Garmin's date form)
    assert _counts(report) == (4, 3, 0, 0, 1)
    assert report.balanced
    assert any("not your own rating of stress" in str(n) for n in report.notes)
    assert any("1 day(s) with a stress value outside 0-100" in str(n) for n in report.notes)


def test_garmin_sleep_file_and_merge_with_a_pain_diary(tmp_path):
    sleep = GARMIN / "2024-05-01_2024-05-04_sleepData.json"
    diary, report = backpain.read_diary(sleep, return_report=True)
    # deep + light + REM (awake not counted): (5400 + 14400 + 5940) / 3600 = 7.15;
    # (3600 + 12600 + 4500) / 3600 = 5.75; the stub {"retro": false} is ignored
    assert _by_day(diary, "sleep_hours") == pytest.approx({"2024-05-01": 7.15, "2024-05-02": 5.75})
    assert _counts(report) == (3, 2, 0, 1, 0)
    pain = tmp_path / "pain.csv"
    pain.write_text("date,pain\n2024-05-01,4\n2024-05-02,6\n")
    merged = backpain.read_diary(
        [pain, GARMIN / "UDSFile_2024-05-01_2024-05-04.json", sleep], subject="me"
    )
    row = merged.set_index(merged["date"].dt.strftime("%Y-%m-%d")).loc["2024-05-02"]
    assert (row["pain"], row["steps"], row["watch_stress"], row["sleep_hours"]) == (
        6,
        4390,
        47,
        5.75,
    )


def test_garmin_file_without_values_is_refused_naming_the_file(tmp_path):
    odd = tmp_path / "odd.json"
    odd.write_text('[{"calendarDate": "2024-05-01", "totalKilocalories": 2100}]')
    with pytest.raises(DiaryError, match=r"odd.json: this looks like a Garmin.*totalSteps"):
        backpain.read_diary(odd, format="garmin")


# ------------------------------------------- Health Auto Export saved by Excel
HAE_EXCEL = DATA / "health_auto_export" / "HealthAutoExport-saved-by-excel-2021-06.csv"


def test_health_auto_export_saved_by_excel_uses_the_shared_date_order():
    diary, report = backpain.read_diary(HAE_EXCEL, return_report=True)
    # '6/13/2021 0:00' settles month-first for the whole column: 1, 2, 12, 13 June
    assert _by_day(diary, "steps") == {
        "2021-06-01": 5210,
        "2021-06-02": 6034,
        "2021-06-12": 4480,
        "2021-06-13": 7021,
    }
    assert _counts(report) == (4, 4, 0, 0, 0)
    assert any("month-day-year" in str(n) for n in report.notes)


def test_health_auto_export_all_ambiguous_after_excel_asks_for_dayfirst(tmp_path):
    path = tmp_path / "HealthAutoExport.csv"
    path.write_text(HAE_EXCEL.read_text().replace("6/13/2021", "6/11/2021"))
    with pytest.raises(DiaryError, match=r"HealthAutoExport.csv: this looks like a Health Auto"):
        backpain.read_diary(path)
    diary = backpain.read_diary(path, dayfirst=True)
    assert "2021-01-06" in _by_day(diary, "steps")  # '6/1/2021' day-first: 6 January


# ------------------------------------------------ a file whose first line is data
def test_first_line_of_data_is_called_data_not_columns():
    headerless = (
        b"2021-09-28,28 September,Tuesday,10:00 pm,good,walk,\n"
        b"2021-09-27,27 September,Monday,9:00 pm,meh,,\n"
    )
    with pytest.raises(DiaryError, match=r"the first line looks like data, not a header") as err:
        backpain.read_diary(headerless)
    assert "full_date,date,weekday,time,mood" in str(err.value)
    assert "lijkt op gegevens, niet op een kopregel" in err.value.args[0].render("nl")
    # a header without a date column is still named as columns
    with pytest.raises(DiaryError, match=r"no date column found among \['when', 'pain'\]"):
        backpain.read_diary(b"when,pain\nyesterday,4\n")


def test_page_says_how_to_put_unknown_moods_in_order():
    from backpain.app import analyse_upload

    own = DATA / "daylio" / "daylio_own_moods.csv"
    res = analyse_upload(own.name, own.read_bytes(), lang="nl")
    assert res.ok
    # the page cannot take Python options: it points to its own form (and the command
    # line's --moods), and offers the file's moods to put in order
    shown = html.unescape(res.html)
    assert "in het vak 'Zet je stemmingen in volgorde' boven de resultaten" in shown
    assert "--moods 'blij,ellendig,gaat wel,moe' in jouw volgorde" in shown
    assert "moods=" not in res.html
    assert res.moods == ("blij", "ellendig", "gaat wel", "moe")
    # the way out works: the moods in order from best to worst
    again = analyse_upload(
        own.name, own.read_bytes(), lang="nl", moods=["blij", "gaat wel", "moe", "ellendig"]
    )
    assert again.ok
    assert again.moods == ()
    assert "stemming leeg gelaten" not in again.html


def test_google_fit_structure_leaves_a_table_with_known_headers_to_the_table_reader():
    table = b"date,steps,Calories (kcal),Distance (m),Walk (ms)\n2024-04-01,5000,1900,5000,3600\n"
    assert not detect_google_fit_daily(open_source(table)).matches
    diary, report = backpain.read_diary(table, return_report=True)
    assert report.format == "table"
    assert diary["steps"].tolist() == [5000.0]


# ------------------------------------------- files that cannot be read say so
@pytest.mark.parametrize(
    ("name", "content", "looks_like", "todo"),
    [
        (
            "fitbit_export_2017_04.csv",
            b"Body\nDate,Weight,BMI,Fat\n01-04-2017,72,23,0\n",
            "fitbit.com",
            "Export the month again",
        ),
        ("UDSFile_2024.json", b'[{"calendarDate": "2024-05-01", "totalSteps": 1', "Garmin", ""),
        ("api.json", b'{"activities-steps": {"dateTime": "2019-01-01"}}', "Fitbit", ""),
    ],
)
def test_unreadable_exports_name_the_file_the_format_and_what_to_do(
    tmp_path, name, content, looks_like, todo
):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DiaryError) as err:
        backpain.read_diary(path)
    text = str(err.value)
    assert text.startswith(name)
    assert looks_like in text
    assert todo in text
    assert "Traceback" not in err.value.args[0].render("nl")


# ------------------------- dates after Excel: the whole-column rule in every reader
# (issue #24 item 3, generalised). Each fixture is the reader's own layout with its
# dates as Excel (US locale) writes them after opening and saving the file:
# 2024-03-01 22:30:00.000 -> 3/1/2024 22:30, 2021-06-01 -> 6/1/2021.
SAMSUNG_EXCEL = DATA / "samsung_health" / "com.samsung.shealth.sleep.saved-by-excel.csv"
GFIT_EXCEL = DATA / "google_fit_daily" / "saved_by_excel" / "Daily activity metrics.csv"
DAYLIO_EXCEL = DATA / "daylio" / "daylio_saved_by_excel.csv"


def test_samsung_sleep_saved_by_excel_uses_the_shared_date_order():
    diary, report = backpain.read_diary(SAMSUNG_EXCEL, return_report=True)
    assert report.format == "samsung_health"
    # '3/13/2024' settles month-first for every cell of both columns, '3/1/2024' too.
    # UTC+0100: s01 22:30 -> 05:45 = 7.25 h, woken 2 March; s02 23:00 -> 06:30 = 7.5 h
    # and the nap s03 13:00 -> 13:45 = 0.75 h, both on 13 March: 8.25 h
    assert _by_day(diary, "sleep_hours") == {"2024-03-02": 7.25, "2024-03-13": 8.25}
    assert _counts(report) == (3, 2, 1, 0, 0)
    assert any("month-day-year" in str(n) for n in report.notes)


def test_samsung_all_ambiguous_after_excel_asks_for_dayfirst(tmp_path):
    path = tmp_path / SAMSUNG_EXCEL.name
    path.write_text(SAMSUNG_EXCEL.read_text().replace("3/12/", "3/11/").replace("3/13/", "3/12/"))
    with pytest.raises(DiaryError, match=r"saved-by-excel\.csv: every date .* dayfirst=True"):
        backpain.read_diary(path)
    diary = backpain.read_diary(path, dayfirst=True)
    # day-first: '3/1/2024 22:30' -> '3/2/2024 5:45' UTC is 3 January to 3 February,
    # over 24 hours: rejected; '3/11/2024 23:00' -> '3/12/2024 6:30' is 3 November to 3
    # December, rejected too; the nap '3/12/2024 13:00-13:45' is 3 December, 0.75 h
    assert _by_day(diary, "sleep_hours") == {"2024-12-03": 0.75}


def test_google_fit_daily_saved_by_excel_uses_the_shared_date_order():
    diary, report = backpain.read_diary(GFIT_EXCEL, return_report=True)
    assert report.format == "google_fit_daily"
    # '3/13/2024' settles month-first: 1, 2 and 13 March (Step count column)
    assert _by_day(diary, "steps") == {"2024-03-01": 6120, "2024-03-02": 2050, "2024-03-13": 4480}
    assert _by_day(diary, "active_minutes") == {"2024-03-01": 42, "2024-03-02": 7}
    assert _counts(report) == (3, 3, 0, 0, 0)
    assert any("month-day-year" in str(n) for n in report.notes)


def test_google_fit_daily_all_ambiguous_after_excel_asks_for_dayfirst(tmp_path):
    path = tmp_path / GFIT_EXCEL.name
    path.write_text(GFIT_EXCEL.read_text().replace("3/13/2024", "3/12/2024"))
    with pytest.raises(DiaryError, match=r"every date .* dayfirst=True"):
        backpain.read_diary(path)
    diary = backpain.read_diary(path, dayfirst=True)
    assert sorted(_by_day(diary, "steps")) == ["2024-01-03", "2024-02-03", "2024-12-03"]


def test_daylio_saved_by_excel_uses_the_shared_date_order(tmp_path):
    diary, report = backpain.read_diary(DAYLIO_EXCEL, return_report=True)
    assert report.format == "daylio"
    # '6/13/2021' settles month-first; 1 June: awful (0) and meh (5) -> mean 2.5;
    # 13 June: good (7.5)
    assert _by_day(diary, "mood") == {"2021-06-01": 2.5, "2021-06-13": 7.5}
    assert _counts(report) == (3, 2, 1, 0, 0)
    path = tmp_path / "daylio_export.csv"
    path.write_text(DAYLIO_EXCEL.read_text().replace("6/13/2021", "6/12/2021"))
    with pytest.raises(DiaryError, match=r"every date .* dayfirst=True"):
        backpain.read_diary(path)
    diary = backpain.read_diary(path, dayfirst=False)
    assert sorted(_by_day(diary, "mood")) == ["2021-06-01", "2021-06-12"]


def test_every_reader_of_numeric_dates_takes_dayfirst():
    # the ambiguity error asks for dayfirst=: every format whose file can hold
    # numeric dates (a CSV) takes it; the JSON and XML formats write ISO dates
    # (Fitbit's JSON its own fixed month/day/yy)
    takes = {name for name, fmt in backpain.read.FORMATS.items() if "dayfirst" in fmt.options}
    assert takes == {
        "table",
        "daylio",
        "flaredown",
        "flaredown_user",
        "google_fit_daily",
        "health_auto_export",
        "samsung_health",
        "fitbit_csv",
    }


# ------------------------------------------------ the README's format table stays true
def test_readme_format_table_names_fixtures_that_exist_and_every_fixture_folder():
    import re

    root = Path(__file__).parents[1]
    text = (root / "README.md").read_text(encoding="utf-8")
    table = text.split("## Formats read", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    fixtures = [row.rsplit("|", 2)[-2] for row in rows[1:]]  # the last column
    named = [p for cell in fixtures for p in re.findall(r"`(tests/data/[^`]+)`", cell)]
    assert named, "no fixture named in the table"
    for path in named:
        assert list(root.glob(path)), f"README names {path}, which does not exist"
    # every fixture folder of a reader (not the R results, the page's, the hostile files
    # or the experience-sampling studies, which have sections of their own)
    folders = {p.name for p in (root / "tests" / "data").iterdir() if p.is_dir()}
    for folder in sorted(folders - {"R", "app", "hostile", "esm"}):
        assert any(p.startswith(f"tests/data/{folder}/") for p in named), folder
    # a row's fixture folder lists files of that folder, e.g. (`daylio_own_moods.csv`)
    for cell in fixtures:
        base = re.search(r"`(tests/data/[^`]+/)`\s*\(([^)]*)\)", cell)
        if base:
            for name in re.findall(r"`([^`]+)`", base.group(2)):
                assert (root / base.group(1) / name).exists(), (base.group(1), name)
