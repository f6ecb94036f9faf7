"""What the report says, case by case, in English and Dutch, on small exported files.

Each case of issue #21 (sections 3, 5 and 6) and the one path from a diary to
a report (#23 section 2). The fixtures are written here, in the layout each
app exports (Bearable's long CSV, Daylio's 7 columns, a spreadsheet's CSV).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import backpain
from backpain import SeveralSubjects, stats
from backpain.report import build_report
from backpain.report._render import tag_word
from backpain.text import say

README = Path(__file__).parents[1] / "README.md"


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def _bearable(tmp_path: Path) -> Path:
    """20 days of a Bearable export (older layout): back pain, a walk every day, the dentist once.

    The dentist is noted on the last day only, so never on a day before a pain
    score; a Sleep quality of 7 (Bearable's scale is 1-4) is rejected.
    """
    severity = ["Mild", "Moderate", "Severe"]
    lines = ["date,weekday,time of day,category,rating/amount,detail,notes"]
    for i, day in enumerate(pd.date_range("2020-09-01", periods=20)):
        stamp = f"{_ordinal(day.day)} {day:%b %Y}"
        weekday = f"{day:%A}"
        sev = severity[(i * 7) % 3]
        lines.append(f'"{stamp}","{weekday}","am","Symptom","","Back (lower) pain ({sev})",""')
        factors = "Walk | Dentist" if i == 19 else "Walk"
        lines.append(f'"{stamp}","{weekday}","all day","Factors","","{factors}",""')
    lines.append('"21st Sep 2020","Monday","am","Sleep quality","7","",""')
    path = tmp_path / "bearable_export.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bearable_pages(tmp_path_factory):
    path = _bearable(tmp_path_factory.mktemp("bearable"))
    return {lang: _text(build_report(path, lang=lang).to_html()) for lang in ("en", "nl")}


WORDS = {
    # (English, Dutch) of each case the report must say
    "never": ("never noted on a day before a pain score", "nooit genoteerd op een dag voor een pijnscore"),
    "every": ("noted on every day", "elke dag genoteerd"),
    "app_fix": ("correct it in Bearable and export again", "verbeter ze dan in Bearable en exporteer opnieuw"),
    "what": ("an export of Bearable, an app to track symptoms", "een export van Bearable, een app om klachten bij te houden"),
}  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_tag_never_before_a_pain_score_is_not_said_to_be_noted_every_day(bearable_pages, lang):
    page = bearable_pages[lang]
    i = 0 if lang == "en" else 1
    never, every = WORDS["never"][i], WORDS["every"][i]
    dentist, walk = (tag_word(t, lang) for t in ("dentist", "walking"))
    assert f"{dentist} 0 19 {never}" in page
    assert f"{walk} 19 0 {every}" in page


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_rows_of_an_app_export_get_advice_about_the_app(bearable_pages, lang):
    page = bearable_pages[lang]
    i = 0 if lang == "en" else 1
    assert WORDS["app_fix"][i] in page
    assert "spreadsheet" not in page
    assert WORDS["what"][i] in page  # the file is described as what it is


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_mood_diary_without_pain_is_described_as_a_mood_diary(tmp_path, lang):
    rows = ["full_date,date,weekday,time,mood,activities,note"]
    for day in pd.date_range("2024-03-01", periods=20):
        rows.append(f"{day:%Y-%m-%d},{day.day} March,{day:%A},20:00,good,walk,")
    path = tmp_path / "daylio_export.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    page = _text(build_report(path, lang=lang).to_html())
    expected = (
        "an export of Daylio, a mood diary app",
        "een export van Daylio, een app voor een stemmingsdagboek",
    )
    assert expected[0 if lang == "en" else 1] in page
    assert "smartwatch" not in page
    assert "wearable" not in page


def _table_diary(tmp_path: Path) -> Path:
    """A spreadsheet diary of 40 days: the pain after the first 12 stress days never changes.

    Stress is filled on days 1-12 only; the pain of days 2-13 is 5. Stress at
    lag 0 (pain 3, 5, 5, ...) is tested; stress the next day is not (pain 5
    throughout). 13 days score the top pain of 10; steps are recorded daily.
    """
    rng = np.random.default_rng(7)
    days = pd.date_range("2026-01-01", periods=40)
    pain = np.r_[3, [5] * 12, rng.integers(2, 9, 14), [10] * 13].astype(float)
    stress = np.r_[rng.integers(1, 9, 12), [np.nan] * 28]
    steps = rng.integers(2000, 9000, 40)
    frame = pd.DataFrame({"date": days.strftime("%Y-%m-%d"), "pain": pain, "stress": stress})
    path = tmp_path / "diary.csv"
    frame.assign(steps=steps).to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def table_reports(tmp_path_factory):
    path = _table_diary(tmp_path_factory.mktemp("table"))
    return {lang: build_report(path, lang=lang) for lang in ("en", "nl")}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_an_untested_row_says_so_and_the_count_is_of_tested_rows(table_reports, lang):
    data = table_reports[lang]
    f = data.findings
    row = f[(f["predictor"] == "stress") & (f["lag"] == 1)].iloc[0]
    assert row["verdict"] == "not_tested"
    blocks = {s["id"]: s["blocks"] for s in data.sections()}["associations"]
    table = next(b for b in blocks if b["kind"] == "table")
    untested = [r for r in table["rows"] if "could not be tested" in r[0] or "kon niet" in r[0]]
    assert len(untested) == 1
    assert untested[0][1] == ""  # no "+0.00" beside it
    tested = int(f["verdict"].isin(["lower", "higher", "unclear"]).sum())
    assert 0 < tested < len(f)
    page = _text(data.to_html())
    assert say("report.family", lang, n=tested) in page
    assert say("report.family_untested", lang, n=len(f) - tested) in page


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_worst_days_say_how_many_share_the_top_score(table_reports, lang):
    page = _text(table_reports[lang].to_html())
    expected = (
        "7 of the 13 days with pain 10 are shown",
        "7 van de 13 dagen met pijn 10 staan hier",
    )
    assert expected[0 if lang == "en" else 1] in page


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_steps_row_names_its_step(table_reports, lang):
    data = table_reports[lang]
    steps = data.findings[data.findings["predictor"] == "steps"]
    assert set(steps["verdict"]) == {"unclear"}
    page = _text(data.to_html())
    step = ("(step: 1,000 more steps)", "(stap: 1.000 stappen meer)")[0 if lang == "en" else 1]
    assert page.count(step) == 2  # the same day and the next day


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(("start", "overlap"), [("2019-06-01", 0), ("2020-01-16", 5)])
def test_files_covering_different_periods_say_how_much_they_overlap(tmp_path, lang, start, overlap):
    pain = pd.DataFrame({"date": pd.date_range("2020-01-01", periods=20), "pain": 4.0})
    watch = pd.DataFrame({"date": pd.date_range(start, periods=20), "steps": 5000})
    paths = [tmp_path / "pijn.csv", tmp_path / "stappen.csv"]
    pain.to_csv(paths[0], index=False)
    watch.to_csv(paths[1], index=False)
    data = build_report(paths, lang=lang)
    assert data.subject == "pijn"  # files naming nobody are one person's
    assert data.overlap == overlap
    page = _text(data.to_html())
    key = "report.overlap_none" if overlap == 0 else "report.overlap"
    assert say(key, lang, n=overlap) in page
    assert say("report.covers_h", lang) in page


# ----------------------------------------------------- one path to a report
def test_a_diary_read_by_hand_keeps_its_load_report(tmp_path):
    lines = ["date,pain"] + [f"2026-03-{d:02d},{d % 9}" for d in range(1, 30)] + ["2026-03-30,veel"]
    path = tmp_path / "mijn_dagboek.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    diary, load = backpain.read_diary(path, return_report=True)
    assert (load.rows_read, load.rows_rejected) == (30, 1)
    page = _text(build_report(diary, load=load).to_html())
    assert "mijn_dagboek.csv" in page
    assert "30 rows read, 29 kept" in page
    assert "1 rejected" in page
    assert "<DataFrame>" not in page
    with pytest.raises(ValueError, match="load= describes a diary you read yourself"):
        build_report(path, load=load)


def test_given_findings_are_used_and_the_cohort_analysis_never_runs(monkeypatch):
    diary = backpain.simulate_cohort(1, 60, seed=2)
    findings = stats.patient_findings(diary).table

    def refuse(*args, **kwargs):
        raise AssertionError("computed again")

    monkeypatch.setattr(stats, "patient_findings", refuse)
    monkeypatch.setattr(stats, "correlate", refuse)  # one person: no between-person row
    data = build_report(diary, findings=findings, lang="nl")
    assert data.findings is findings
    with pytest.raises(ValueError, match="findings has no column"):
        build_report(diary, findings=findings.drop(columns="verdict"))


def test_several_people_are_a_typed_error_carrying_them():
    with pytest.raises(SeveralSubjects) as info:
        build_report(backpain.simulate_cohort(2, 30, seed=1))
    assert info.value.subjects == ["S0001", "S0002"]
    assert "holds 2 subjects" in str(info.value)


def test_the_page_reads_and_builds_once(monkeypatch):
    from backpain import app
    from backpain.report import _build

    calls = []
    real = _build.build_report

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr("backpain.report.build_report", counted)
    pain = b"date,pain\n2026-03-01,4\n2026-03-02,5\n2026-03-03,6\n"
    steps = b"date,steps\n2026-03-01,4000\n2026-03-02,5000\n2026-03-04,7000\n"
    res = app.analyse_upload(["pijn.csv", "stappen.csv"], [pain, steps], lang="nl")
    assert res.ok, res.message
    assert calls == [1]
    # the downloaded report has a Dutch name for the Dutch patient
    assert "download='backpain-rapport.html'" in res.html


# ------------------------------------------------------------ Dutch throughout
def test_the_page_intro_lists_every_format_the_readme_lists():
    readme = " ".join(README.read_text(encoding="utf-8").split())
    listed = re.search(r"an export from (.*?); several files", readme).group(1)
    listed = re.sub(r"\(.*?\)", "", listed)  # "Apple Health (XML or per-type CSV)"
    names = [n.strip() for n in re.split(r",| or ", listed)]
    names = [n for n in names if n]
    assert len(names) >= 8, names
    for lang in ("en", "nl"):
        intro = say("app.intro", lang)
        missing = [n for n in names if n not in intro]
        assert not missing, (lang, missing)


@pytest.mark.parametrize(
    ("argv", "env", "words"),
    [
        (["--lang", "nl", "--help"], {}, ("gebruik:", "opties:", "opdrachten:")),
        (["report", "--help"], {"LANG": "nl_BE.UTF-8"}, ("gebruik:", "dagboekbestand")),
        (["report", "--help"], {"LANG": "C.UTF-8"}, ("usage:", "options:")),
    ],
)
def test_help_is_in_the_language_asked(monkeypatch, capsys, argv, env, words):
    from backpain.cli import main

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    out = capsys.readouterr().out
    for word in words:
        assert word in out, out


def test_dutch_reader_notes_carry_no_python_or_raw_app_codes_alone():
    data = Path(__file__).parent / "data"
    bearable = _text(
        build_report(data / "bearable" / "bearable_old_layout.csv", lang="nl").to_html()
    )
    assert "sleep_date=" not in bearable
    assert "gezien als de dag van het ontwaken" in bearable
    apple = _text(build_report(data / "apple_health" / "export.xml", lang="nl").to_html())
    # the type is Apple's own name, said to be an app type that is not used
    assert "invoer van het app-type HKQuantityTypeIdentifierHeartRate (niet gebruikt" in apple
    daylio = _text(build_report(data / "daylio" / "daylio_7col.csv", lang="nl").to_html())
    assert "* 2,5" not in daylio
    assert "stemmingsniveaus van Daylio omgezet naar de schaal 0-10" in daylio


def test_choosing_a_person_leaves_the_callers_load_report_as_read(tmp_path):
    two = backpain.simulate_cohort(2, 30, seed=1)
    path = tmp_path / "two.csv"
    two.to_csv(path, index=False)
    diary, load = backpain.read_diary(path, return_report=True)
    before = (load.rows_kept, load.rows_ignored)
    data = build_report(diary, load=load, subject="S0002")
    assert data.subject == "S0002"
    assert (load.rows_kept, load.rows_ignored) == before
    others = int((diary["subject"] == "S0001").sum())
    assert data.load.rows_ignored == before[1] + others  # the other person's rows, counted
