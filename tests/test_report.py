"""The patient report: explanation texts, monthly trend, self-contained escaped HTML, CLI."""

from __future__ import annotations

import base64
import dataclasses
import html
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
from backpain.report import (
    ReportData,
    build_report,
    explain_class,
    render_report,
    write_report,
)
from backpain.simulate import simulate_cohort
from backpain.text import render

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
    assert "you filled in 171 days and had pain on 171 of them (100%)" in text
    assert "3 flares (periods of one or more days with pain at least 2 points" in text
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
    with pytest.raises(ValueError, match=r"lang must be one of \['en', 'nl'\], not 'fr'"):
        explain_class(_row(), lang="fr")


# -------------------------------------------------------------- render_report
def test_report_is_self_contained(page_en):
    assert page_en.startswith("<!DOCTYPE html>")
    lowered = page_en.lower()
    for forbidden in ("<script", "<link", "http://", "https://", "@import", "url("):
        assert forbidden not in lowered, forbidden
    images = re.findall(r"src='data:image/png;base64,([A-Za-z0-9+/=]+)'", page_en)
    # dashboard, what helps (links are told in words, from the tested family), pain change
    assert len(images) == 3
    assert all(base64.b64decode(b)[:8] == b"\x89PNG\r\n\x1a\n" for b in images)


def test_report_escapes_text_from_the_file(page_en):
    for raw in (HOSTILE_NOTE, HOSTILE_TAG, HOSTILE_SUBJECT):
        assert raw not in page_en
    assert "&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;" in page_en
    assert "&lt;img src=x onerror=alert(1)&gt;" in page_en
    assert "&lt;b&gt;me &amp; you&lt;/b&gt;" in page_en


def test_report_sections_and_caveats_in_english(page_en, hostile_diary):
    for heading in (
        "Period covered",
        "Data quality",
        "How long has the pain lasted?",
        "Pain month by month",
        "What goes together with your pain?",
        "What went with less pain?",
    ):
        assert re.search(f"<h2 id='[a-z]+'>{re.escape(heading)}</h2>", page_en), heading
    assert page_en.count("not proof of cause") == 2
    q = backpain.data_quality(hostile_diary).iloc[0]
    assert f"{int(q['pain_days'])} have a pain score" in page_en
    assert f"{len(hostile_diary)} rows read" in page_en


def test_report_sentences_come_only_from_findings_that_survive_the_family(hostile_diary):
    # the sentences a patient reads are the reportable rows of patient_findings
    # (family-wise control and serial dependence), never a bare CI
    data = build_report(hostile_diary, lang="en")
    findings = data.findings
    assert findings is not None
    page = data.to_html(standalone=False)
    links = findings[(findings["kind"] == "association") & findings["effect"].notna()]
    for row in links.itertuples():
        if row.reportable:
            continue
        when = "on the same day" if row.lag == 0 else "the next day"
        assert "No clear link between" in page
        assert when in page
    told = page.count("points higher") + page.count("points lower")
    assert told == int(links["reportable"].sum())


def test_a_link_with_a_ci_excluding_zero_but_not_surviving_is_not_told(monkeypatch):
    diary = simulate_cohort(1, 200, seed=5)
    real = stats.patient_findings

    def nothing_survives(*args, **kwargs):
        found = real(*args, **kwargs)
        out = found.table.copy()
        strong = out["kind"] == "association"
        out.loc[strong, ["ci95_low", "ci95_high", "effect"]] = [0.5, 1.5, 1.0]
        out["reportable"] = False
        out["verdict"] = "unclear"
        return dataclasses.replace(found, table=out)

    monkeypatch.setattr(stats, "patient_findings", nothing_survives)
    page = build_report(diary, lang="en").to_html(standalone=False)
    assert "points higher" not in page
    assert "points lower" not in page
    assert "pain was higher" not in page


def test_a_surviving_link_is_told_in_the_diarys_units():
    diary = simulate_cohort(1, 365, seed=11)
    data = build_report(diary, lang="nl")
    rows = data.findings[data.findings["reportable"] & (data.findings["kind"] == "association")]
    page = data.to_html(standalone=False)
    for row in rows.itertuples():
        assert f"{abs(row.effect):.1f}".replace(".", ",") + " punten" in page


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
    with backpain.config(progress=seen.append):
        write_report(path, tmp_path / "r.html")
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


def test_diary_without_pain_values_asks_for_the_pain_diary():
    diary = backpain.simulate_cohort(1, 30, seed=1).assign(pain=np.nan)
    page = render_report(diary)
    assert "Add your pain diary" in page
    assert page.count("Needs pain scores: add your pain diary.") == 5  # the sections that need it
    assert "nothing to report" not in page


# -------------------------------------------------------------------- CLI
def test_cli_report_writes_the_file(tmp_path, capsys):
    path, _ = example_path("patient")
    out = tmp_path / "report.html"
    assert main(["report", str(path), "-o", str(out), "--lang", "nl"]) == 0
    captured = capsys.readouterr()
    assert str(out.resolve()) in captured.out
    assert "backpain: patient_diary.csv wordt gelezen" in captured.err
    assert "Rapport van het rugpijndagboek" in out.read_text(encoding="utf-8")


def test_cli_report_errors_are_readable_with_exit_code_2(tmp_path, capsys):
    missing = tmp_path / "nope.csv"
    assert main(["report", str(missing), "-o", str(tmp_path / "r.html")]) == 2
    assert "nope.csv: no such file" in capsys.readouterr().err
    two = tmp_path / "two.csv"
    backpain.simulate_cohort(2, 30, seed=1).to_csv(two, index=False)
    assert main(["report", str(two), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert "choose one with --subject NAME" in err
    assert "Traceback" not in err


def test_report_reads_a_file_object_with_its_name():
    buf = io.BytesIO(b"datum;pijn\n01-02-2026;3\n02-02-2026;5\n")
    buf.name = "mijn dagboek.csv"
    page = render_report(buf, lang="nl", standalone=False)
    assert "mijn dagboek.csv" in page


# ------------------------------------------------- new-user review (fixes)
MESSY_NL = (
    "datum;pijn;stress;uren slaap;notities\n"
    "11-02-2026;5,5;3;7,5;naar café\n"
    "12-02-2026;veel;4;6;\n"
    "13-02-2026;8/10;5;6,5;\n"
    "14-02-2026;6;4;7;\n"
    ";;;;\n"
    "15-02-2026;4,5;2;8;\n"
    "16-02-2026;3;2;30;\n"
)


def _text(page: str) -> str:
    """The words of a page: no style sheet, no images, no tags."""
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.DOTALL)
    page = re.sub(r"<img [^>]*>", "", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.fixture(scope="module")
def messy_nl_page(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("messy") / "dagboek.csv"
    path.write_bytes(MESSY_NL.encode("cp1252"))
    return render_report(path, lang="nl", standalone=False)


def test_dutch_report_translates_reasons_columns_and_reader_notes(messy_nl_page):
    text = _text(messy_nl_page)
    for dutch in (
        "(een dagboek als spreadsheet of CSV-bestand)",
        "de letters van het bestand zijn gelezen als een ouder Windows-tekstbestand (geen UTF-8)",
        "scheidingsteken ';' en decimaalteken ',' herkend",
        "volgorde van de datums afgeleid uit de kolom: dag-maand-jaar",
        "lege rij: 1",
        "geen getal; pijn moet een getal zijn (0-10)",
        "uren slaap mag hoogstens 24 zijn (uren)",
        "Verbeter ze in je spreadsheet en maak het rapport opnieuw.",
    ):
        assert dutch in text, dutch
    assert re.search(r"<td>pijn</td>", messy_nl_page)
    assert re.search(r"<td>uren slaap</td>", messy_nl_page)
    for english in (
        "not a number",
        "must be",
        "separator",
        "blank row",
        "read as",
        "sleep_hours",
        "cp1252",
    ):
        assert english not in text, english


def test_dutch_report_writes_decimal_commas(messy_nl_page):
    # kept pain scores 5.5, 6, 4.5 (by hand: mean 16 / 3 = 5.33, lowest 4.5, highest 6)
    assert "Gemiddelde pijn 5,3 op 10 (laagste 4,5, hoogste 6)." in messy_nl_page
    assert "<td class='num'>5,5</td>" in messy_nl_page  # the top-pain table
    from backpain import __version__

    words = _text(messy_nl_page).replace(__version__, "")
    assert not re.search(r"\d\.\d", words), re.findall(r".{20}\d\.\d.{20}", words)


def test_every_reader_text_of_a_messy_file_has_dutch(tmp_path):
    # every note, ignored category and rejection reason is a catalogue text with Dutch
    csv = (
        "datum;pijn;stress;uren slaap;stappen;onbekend\n"
        "01-02-2026;5;3;7;100;x\n"
        "01-02-2026;6;3;7;100;x\n"
        "31-02-2026;5;3;7;100;x\n"
        "gisteren;5;3;7;100;x\n"
        ";5;3;7;100;x\n"
        "04-02-2026;11;3;7;100;x\n"
        "05-02-2026;5;-1;7;100;x\n"
        "06-02-2026;5;3;;veel;x\n"
        "07-02-2026;5;3;20;100;x\n"
        "07-02-2026;5;3;20;100;x\n"
        ";;;;;\n"
    ).encode("cp1252")
    path = tmp_path / "dagboek.csv"
    path.write_bytes(csv)
    _, report = backpain.read_diary(path, return_report=True)
    texts = [*report.notes, *report.ignored, *report.rejected["message"]]
    assert len(set(report.rejected["reason"])) >= 6
    for text in texts:
        assert render(text, "nl", audience="page") != str(text), text


def test_english_report_gives_the_command_line_form_of_the_scale_advice():
    csv = b"date,pain\n2026-01-01,3\n2026-01-02,40\n2026-01-03,4\n"
    page = render_report(csv, subject="me", standalone=False)
    assert "pain_scale=100" not in page  # the reader's advice in words, not Python
    assert "Fix them in your spreadsheet and make the report again." in page


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "x.csv: the diary has no usable rows: 3 of 3 rows were rejected.",
                "row 2, pain 'veel': not a number; pain must be a number (NRS 0-10)",
                "row 3, pain '8/10': not a number",
                "Fix these rows in the spreadsheet and run the report again.",
            ],
        ),
        (
            "nl",
            [
                "x.csv: het dagboek heeft geen bruikbare rijen: 3 van de 3 rijen zijn geweigerd.",
                "rij 2, pijn 'veel': geen getal; pijn moet een getal zijn (0-10)",
                "rij 3, pijn '8/10': geen getal",
                "Verbeter deze rijen in je spreadsheet en maak het rapport opnieuw.",
            ],
        ),
    ],
)
def test_every_row_rejected_says_why_and_what_to_do(lang, expected):
    buf = io.BytesIO(b"date,pain\n2026-01-01,veel\n2026-01-02,8/10\n2026-01-03,veel\n")
    buf.name = "x.csv"
    with pytest.raises(DiaryError) as info:
        render_report(buf, lang=lang)
    message = render(info.value.args[0], lang)
    assert str(info.value) == render(info.value.args[0], "en")  # str(err) stays English
    for part in expected:
        assert part in message, part
    assert "subjects" not in message


def test_many_rejected_rows_name_the_first_five_only():
    rows = "".join(f"2026-01-{d:02d},veel\n" for d in range(1, 9))
    with pytest.raises(DiaryError, match=r"8 of 8 rows were rejected") as info:
        render_report(("date,pain\n" + rows).encode())
    message = str(info.value)
    assert message.count("\n  - row ") == 5
    assert "... and 3 more rejected rows." in message


def test_blank_diary_says_no_usable_rows():
    with pytest.raises(DiaryError, match=r"no usable rows: 2 rows read, 2 ignored \(blank row"):
        render_report(b"date,pain\n\n\n")


def test_pain_scale_and_dayfirst_reach_the_reader():
    scale = b"date,pain\n2026-01-01,50\n2026-01-02,65\n2026-01-03,70\n"
    with pytest.raises(DiaryError, match="pain_scale=100"):
        render_report(scale, subject="me")
    page = render_report(scale, subject="me", pain_scale=100, standalone=False)
    # by hand: (5 + 6.5 + 7) / 3 = 6.17, lowest 5, highest 7
    assert "Average pain 6.2 out of 10 (lowest 5, highest 7)." in page
    ambiguous = b"date,pain\n03/04/2026,5\n04/04/2026,6\n05/04/2026,3\n"
    with pytest.raises(DiaryError, match="dayfirst=True"):
        render_report(ambiguous, subject="me")
    page = render_report(ambiguous, subject="me", dayfirst=True, standalone=False)
    assert "From 3 Apr 2026 to 5 Apr 2026" in page
    page = render_report(ambiguous, subject="me", dayfirst=False, standalone=False)
    assert "From 4 Mar 2026 to 4 May 2026" in page


def test_explain_class_counts_flares_not_days():
    assert "shows 1 flare (a period of one or more days" in explain_class(_row(n_flares=1))
    assert "19 flares (periods of one or more days" in explain_class(_row(n_flares=19))
    assert "1 opvlamming (een periode" in explain_class(_row(n_flares=1), lang="nl")
    assert "flare" not in explain_class(_row(n_flares=0))


def test_period_and_monthly_table_count_the_same_days():
    # 10 days in the file, day 4 without a pain score but with stress: 9 days with pain
    csv = "date,pain,stress\n" + "".join(
        f"2026-03-{d:02d},{'' if d == 4 else 5.5},3\n" for d in range(1, 11)
    )
    page = render_report(csv.encode(), subject="me", standalone=False)
    assert "10 calendar days, of which 9 have a pain score (90%)" in page
    assert "Longest gap: 1 day(s) in a row without a pain score." in page
    assert "<th>days with a pain score</th>" in page
    assert re.search(r"<td>Mar 2026</td><td class='num'>9</td>", page)
    # the top-pain table shows one decimal (5.5, not 6) and drops the empty text columns
    assert "<td class='num'>5.5</td>" in page
    assert "The days with the most pain</h2>" in page
    assert "<th>notes</th>" not in page


def test_top_pain_table_keeps_notes_when_a_day_has_one(page_en):
    assert "<th>notes</th>" in page_en
    assert "The days with the most pain, and your notes</h2>" in page_en


@pytest.mark.parametrize(
    ("days", "expected"), [(4, ""), (13, ""), (14, " (2 weken)"), (60, " (9 weken)")]
)
def test_week_count_only_for_two_weeks_or_more(days, expected):
    from backpain.report._words import _weeks_text

    assert _weeks_text(days, "nl") == expected
    assert _weeks_text(days, "en") == expected.replace("weken", "weeks")


# ------------------------------------------------- any diary that loads
SECTION_IDS = ("period", "quality", "class", "months", "overview", "worst", "associations", "helps")


def _synthetic(kind: str) -> pd.DataFrame:
    """Small synthetic diaries of every shape a reader may give."""
    rng = np.random.default_rng(20261203)
    if kind == "one_day":
        return pd.DataFrame({"date": pd.to_datetime(["2026-03-01"]), "pain": [4.0]})
    if kind == "pain_only_month":
        dates = pd.date_range("2026-03-01", periods=30)
        return pd.DataFrame({"date": dates, "pain": rng.integers(0, 10, 30).astype(float)})
    if kind == "gaps":  # three weeks, a four-month hole, three weeks; one day without a score
        dates = pd.date_range("2025-01-01", periods=21).append(
            pd.date_range("2025-06-01", periods=21)
        )
        pain = rng.integers(0, 10, 42).astype(float)
        pain[5] = np.nan
        return pd.DataFrame({"date": dates, "pain": pain, "stress": rng.integers(0, 10, 42)})
    if kind == "ten_years":
        d = backpain.simulate_cohort(1, 3650, seed=5)
        return d[d["date"].dt.day_of_week != 6]  # no Sundays: regular gaps
    if kind == "tags_never_compared":  # every day the same tag: no day without it
        d = backpain.simulate_cohort(1, 40, seed=6)
        return d.assign(tags="heat")
    if kind == "no_pain":  # a wearable: steps and sleep, pain missing
        d = backpain.simulate_cohort(1, 40, seed=7)
        return d.assign(pain=np.nan)[["subject", "date", "pain", "steps", "sleep_hours"]]
    if kind == "few_pain_scores":  # fewer than 7 days with a score among many
        d = backpain.simulate_cohort(1, 30, seed=8)
        d.loc[d.index[3:], "pain"] = np.nan
        return d
    raise ValueError(kind)


KINDS = (
    "one_day",
    "pain_only_month",
    "gaps",
    "ten_years",
    "tags_never_compared",
    "no_pain",
    "few_pain_scores",
)


@pytest.fixture(scope="module", params=KINDS)
def built(request) -> tuple[str, ReportData]:
    return request.param, build_report(_synthetic(request.param), lang="en", subject=None)


@pytest.fixture(scope="module")
def uploaded(built):
    """The same diary uploaded as a CSV on the Dutch page (the report is built once more, in Dutch)."""
    from backpain.app import analyse_upload

    kind, _ = built
    content = _synthetic(kind).to_csv(index=False).encode()
    return analyse_upload(f"{kind}.csv", content, lang="nl")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_section_is_present_or_explained(built, uploaded, lang):
    # the English report as build_report + to_html give it (what write_report writes),
    # the Dutch one as the page offers it for download
    kind, data = built
    assert uploaded.ok, uploaded.message
    page = data.to_html() if lang == "en" else uploaded.report
    for section in SECTION_IDS:
        match = re.search(f"<h2 id='{section}'>.*?</h2>\\n(.*?)(?=<h2 |<hr>)", page, re.DOTALL)
        assert match is not None, (kind, section)
        assert re.search(r"<(p|table|img)\b", match.group(1)), (kind, section)  # never empty
    words = _text(page)
    assert not re.search(r"\bnan\b|\bNaN\b|\bNaT\b|\bNone\b", words), kind
    if not data.has_pain:
        expected = "Add your pain diary" if lang == "en" else "Voeg je pijndagboek toe"
        assert expected in page


def test_the_worst_days_never_show_a_day_without_a_score(built):
    _, data = built
    assert data.worst_days["pain"].notna().all()
    # at most 7 days, the ones with the highest scores (checked against a sort by hand)
    scored = data.diary["pain"].dropna().sort_values(ascending=False)
    assert sorted(data.worst_days["pain"], reverse=True) == scored.head(7).tolist()


def test_report_data_holds_each_result_once(built):
    kind, data = built
    assert data.has_pain == (kind != "no_pain")
    if data.has_pain:
        assert data.classification is not None
        assert data.annotated is not None
        assert len(data.annotated) == len(data.diary)
        # one person's figures and words draw from that person's findings only
        assert data.findings["lag"].isin([0, 1]).all()
        assert set(data.findings["verdict"].dropna()) <= set(stats.VERDICTS)
    else:
        assert data.classification is None
        assert data.findings is None
    assert ("overview" in data.figures) == (len(data.diary) >= 14)


def test_upload_page_shows_any_diary_that_loads(uploaded):
    res = uploaded
    assert res.ok, res.message
    for section in SECTION_IDS:
        assert f"<h2 id='{section}'>" in res.html
    assert "Traceback" not in res.html
