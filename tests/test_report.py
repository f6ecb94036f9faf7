"""The patient report: explanation texts, monthly trend, self-contained escaped HTML, CLI."""

from __future__ import annotations

import base64
import io
import re

import numpy as np
import pandas as pd
import pytest

import backpain
from backpain import stats
from backpain.cli import main
from backpain.datasets import example_path
from backpain.errors import DiaryError
from backpain.report import PHRASES, explain_class, monthly_summary, render_report, write_report

HOSTILE_NOTE = "<script>alert('note')</script>"
HOSTILE_TAG = "<img src=x onerror=alert(1)>"
HOSTILE_SUBJECT = "<b>me & you</b>"


@pytest.fixture(scope="module")
def hostile_diary() -> pd.DataFrame:
    """One person, 120 days, with HTML in the subject, a note and a tag on painful days."""
    d = backpain.simulate_cohort(1, 120, seed=3)
    d["subject"] = HOSTILE_SUBJECT
    d.loc[10, ["pain", "notes"]] = [10, HOSTILE_NOTE]
    d.loc[11, ["pain", "tags"]] = [10, f"{HOSTILE_TAG}|heat"]
    return d


@pytest.fixture(scope="module")
def page_en(hostile_diary) -> str:
    return render_report(hostile_diary, lang="en")


@pytest.fixture(scope="module")
def page_nl() -> str:
    path, _ = example_path("patient_nl")
    return render_report(path.read_bytes(), lang="nl", subject="patient")


# ------------------------------------------------------------- explain_class
def _row(**changes) -> pd.Series:
    base = {
        "onset": pd.Timestamp("2025-12-27"),
        "as_of": pd.Timestamp("2026-10-31"),
        "duration_days": 308,
        "duration_weeks": 44.0,
        "duration_class": "chronic",
        "onset_censored": False,
        "nih_chronic": True,
        "pain_day_fraction_6m": 1.0,
        "days_observed_6m": 171,
        "n_flares": 3,
    }
    return pd.Series(base | changes)


def test_explain_class_states_onset_duration_class_nih_and_flares():
    text = explain_class(_row())
    assert "started on 27 Dec 2025" in text
    assert "308 days (44 weeks) on 31 Oct 2026" in text
    assert "<b>chronic</b>" in text
    assert "meets the research definition" in text
    assert "100% of the 171 days" in text
    assert "3 flare(s)" in text
    assert "lower bound" not in text


def test_explain_class_dutch_uses_dutch_words_and_adjective():
    text = explain_class(_row(), lang="nl")
    assert "begon op 27 dec 2025" in text
    assert "<b>chronische</b> rugpijn" in text
    assert "opvlamming" in text


def test_explain_class_censored_onset_is_a_lower_bound():
    # simulate_cohort(4, 200, seed=4): the fourth diary starts in pain (classify's doctest)
    row = backpain.classify(backpain.simulate_cohort(4, 200, seed=4)).iloc[3]
    assert bool(row["onset_censored"])
    assert "lower bound" in explain_class(row)
    assert "ondergrens" in explain_class(row, lang="nl")


@pytest.mark.parametrize(
    ("nih", "expected"),
    [(False, "does not meet"), (pd.NA, "cannot be told")],
)
def test_explain_class_nih_false_and_undecidable(nih, expected):
    assert expected in explain_class(_row(nih_chronic=nih, pain_day_fraction_6m=0.3))


def test_explain_class_without_a_current_episode():
    row = _row(onset=pd.NaT, duration_days=pd.NA, duration_weeks=np.nan, duration_class=np.nan)
    text = explain_class(row)
    assert "not in a period of back pain" in text
    assert "<b>" not in text


def test_explain_class_rejects_unknown_language():
    with pytest.raises(ValueError, match=r"lang must be 'en' .* not 'fr'"):
        explain_class(_row(), lang="fr")


def test_phrases_exist_in_both_languages():
    assert PHRASES["en"].keys() == PHRASES["nl"].keys()


# ------------------------------------------------------------ monthly_summary
def test_monthly_summary_against_hand_computed_months():
    diary = pd.DataFrame(
        {
            "subject": ["a"] * 5 + ["b"],
            "date": pd.to_datetime(
                ["2026-01-30", "2026-01-31", "2026-02-01", "2026-02-02", "2026-02-03", "2026-01-05"]
            ),
            "pain": [2.0, 4.0, 0.0, np.nan, 7.0, 1.0],
        }
    )
    got = monthly_summary(diary)
    # by hand: a/Jan: 2, 4 -> mean 3, max 4, 2 pain days; a/Feb: 0, 7 (NaN skipped)
    # -> mean 3.5, max 7, 1 pain day; b/Jan: 1 -> 1 pain day (pain >= 1)
    assert got["subject"].tolist() == ["a", "a", "b"]
    assert got["month"].dt.strftime("%Y-%m").tolist() == ["2026-01", "2026-02", "2026-01"]
    assert got["days_recorded"].tolist() == [2, 2, 1]
    np.testing.assert_allclose(got["pain_mean"], [3.0, 3.5, 1.0])
    np.testing.assert_allclose(got["pain_max"], [4.0, 7.0, 1.0])
    assert got["days_with_pain"].tolist() == [2, 1, 1]
    assert monthly_summary(diary, pain_threshold=3)["days_with_pain"].tolist() == [1, 1, 0]


# -------------------------------------------------------------- render_report
def test_report_is_self_contained(page_en):
    assert page_en.startswith("<!DOCTYPE html>")
    lowered = page_en.lower()
    for forbidden in ("<script", "<link", "http://", "https://", "@import", "url("):
        assert forbidden not in lowered, forbidden
    images = re.findall(r"src='data:image/png;base64,([A-Za-z0-9+/=]+)'", page_en)
    assert len(images) == 3  # dashboard, associations, what helps
    assert all(base64.b64decode(b)[:8] == b"\x89PNG\r\n\x1a\n" for b in images)


def test_report_escapes_text_from_the_file(page_en):
    for raw in (HOSTILE_NOTE, HOSTILE_TAG, HOSTILE_SUBJECT):
        assert raw not in page_en
    assert "&lt;script&gt;alert(&#x27;note&#x27;)&lt;/script&gt;" in page_en
    assert "&lt;img src=x onerror=alert(1)&gt;" in page_en
    assert "&lt;b&gt;me &amp; you&lt;/b&gt;" in page_en


def test_report_sections_and_caveats_in_english(page_en, hostile_diary):
    for heading in (
        "Period covered",
        "Data quality",
        "How long has the pain lasted?",
        "Pain month by month",
        "What goes together with your pain?",
        "What helps?",
    ):
        assert f"<h2>{heading}</h2>" in page_en
    assert page_en.count("not proof of cause") == 2
    q = backpain.data_quality(hostile_diary).iloc[0]
    assert f"{int(q['days_recorded'])} were filled in" in page_en
    assert f"{len(hostile_diary)} rows read" in page_en


def test_report_association_words_follow_the_confidence_interval(page_en, hostile_diary):
    res = stats.correlate(hostile_diary, x=("stress",), lags=(0,))
    low, high = res.loc[0, ["ci95_low", "ci95_high"]]
    if low > 0:
        expected = "On days when stress was higher than usual, pain was higher"
    elif high < 0:
        expected = "On days when stress was higher than usual, pain was lower"
    else:
        expected = "No clear link between stress and pain on the same day"
    assert expected in page_en
    assert f"{res.loc[0, 'r']:+.2f}" in page_en


def test_dutch_report_speaks_dutch(page_nl):
    assert "<html lang='nl'>" in page_nl
    for words in (
        "Hoe lang duurt de pijn al?",
        "kinesist",
        "huisarts",
        "geen bewijs van oorzaak",
        "Dagboek van patient",
        "<b>chronische</b> rugpijn",
        "Pijn per maand",
    ):
        assert words in page_nl, words
    assert "fysiotherapie" in page_nl  # tag names are translated too
    assert "How long" not in page_nl


def test_report_lists_rejected_rows_with_their_reason():
    csv = b"date,pain\n2026-01-01,3\n2026-01-02,veel\n2026-01-03,4\n2026-01-04,11\n"
    page = render_report(csv, subject="me", standalone=False)
    assert page.startswith("<div class='backpain-report' lang='en'>")
    assert "2 rejected" in page
    assert "Rows that were not used, and why" in page
    assert "veel" in page
    assert "<td>11</td>" in page
    assert "too short for the overview figure" in page


def test_progress_is_reported_step_by_step(tmp_path):
    path = tmp_path / "diary.csv"
    backpain.simulate_cohort(1, 60, seed=2).drop(columns="subject").to_csv(path, index=False)
    seen = []
    write_report(path, tmp_path / "r.html", progress=seen.append)
    assert seen[0].startswith("reading diary.csv (0.0 MB)")
    assert seen[-1] == "done"
    assert "classifying" in seen


def test_several_subjects_need_a_choice():
    diary = backpain.simulate_cohort(2, 60, seed=1)
    with pytest.raises(ValueError, match=r"holds 2 subjects .* pass subject="):
        render_report(diary)
    with pytest.raises(ValueError, match="subject='nobody' is not in the diary"):
        render_report(diary, subject="nobody")
    page = render_report(diary, subject="S0002", standalone=False)
    assert "Diary of S0002" in page


def test_unreadable_input_raises_the_readers_error():
    with pytest.raises(DiaryError, match="the file is empty"):
        render_report(b"")
    with pytest.raises(ValueError, match="lang must be"):
        render_report(backpain.simulate_cohort(1, 30, seed=1), lang="de")


def test_diary_without_pain_values_is_refused():
    diary = backpain.simulate_cohort(1, 30, seed=1).assign(pain=np.nan)
    with pytest.raises(ValueError, match="no day has a pain value"):
        render_report(diary)


# -------------------------------------------------------------------- CLI
def test_cli_report_writes_the_file(tmp_path, capsys):
    path, _ = example_path("patient")
    out = tmp_path / "report.html"
    assert main(["report", str(path), "-o", str(out), "--lang", "nl"]) == 0
    captured = capsys.readouterr()
    assert str(out.resolve()) in captured.out
    assert "backpain: reading patient_diary.csv" in captured.err
    assert "Rapport van het rugpijndagboek" in out.read_text(encoding="utf-8")


def test_cli_report_errors_are_readable_with_exit_code_2(tmp_path, capsys):
    missing = tmp_path / "nope.csv"
    assert main(["report", str(missing), "-o", str(tmp_path / "r.html")]) == 2
    assert "nope.csv: no such file" in capsys.readouterr().err
    two = tmp_path / "two.csv"
    backpain.simulate_cohort(2, 30, seed=1).to_csv(two, index=False)
    assert main(["report", str(two), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert "pass subject=" in err
    assert "Traceback" not in err


def test_report_reads_a_file_object_with_its_name():
    buf = io.BytesIO(b"datum;pijn\n01-02-2026;3\n02-02-2026;5\n")
    buf.name = "mijn dagboek.csv"
    page = render_report(buf, lang="nl", standalone=False)
    assert "mijn dagboek.csv" in page
