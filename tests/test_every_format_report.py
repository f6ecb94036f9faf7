"""Every fixture of every format, from file to report: the report (en, nl) and the page.

For each file in the format fixture folders that ``read_diary`` reads, the
report is built for each person in it (two at most) in English, and every
section is present (a section that cannot be computed says why in words); the
Dutch upload page shows the file and its report, every section present, or,
for a file holding several people, says how to choose one (and their Dutch
reports are checked). Files that a reader refuses are left to the readers' own tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import backpain
from backpain.app import analyse_upload
from backpain.errors import DiaryError
from backpain.report import build_report

DATA = Path(__file__).parent / "data"
# fixture folders of diary formats (surveys, hostile files and the page's broken
# file are tested elsewhere)
FORMAT_DIRS = (
    "apple_health",
    "apple_health_csv",
    "bearable",
    "daylio",
    "fitbit",
    "fitbit_api",
    "fitbit_csv",
    "flaredown",
    "garmin",
    "google_fit_daily",
    "health_auto_export",
    "samsung_health",
    "table",
)
SECTIONS = (
    "period",
    "quality",
    "class",
    "months",
    "change",
    "overview",
    "worst",
    "associations",
    "helps",
)


def _fixtures() -> list[Path]:
    files = []
    for folder in FORMAT_DIRS:
        files += sorted(p for p in (DATA / folder).rglob("*") if p.is_file())
    return files


def _readable(path: Path):
    try:
        return backpain.read_diary(path)
    except DiaryError:
        return None


FIXTURES = [p for p in _fixtures() if _readable(p) is not None]


def test_the_fixture_list_covers_every_format_folder():
    covered = {p.relative_to(DATA).parts[0] for p in FIXTURES}
    assert covered == set(FORMAT_DIRS)


def _words(page: str) -> str:
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", page)


def _check_page(page: str, name: str) -> None:
    """Every section of a rendered report is there and says something; no 'nan'."""
    for sid in SECTIONS:
        match = re.search(f"<h2 id='{sid}'>.*?</h2>\\n(.*?)(?=<h2 |<hr>)", page, re.DOTALL)
        assert match is not None, f"{name}: section {sid} is missing"
        assert re.search(r"<(p|table|img)\b", match.group(1)), f"{name}: section {sid} is empty"
    words = _words(page)
    assert "nan" not in words.split(), f"{name}: 'nan' shown"
    assert "Traceback" not in words


@pytest.mark.slow
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(DATA)))
def test_report_and_page_of_every_fixture(path):
    # English: the report of each person (two at most) from the file, section by section
    diary = _readable(path)
    subjects = diary["subject"].drop_duplicates().head(2).tolist()
    for subject in subjects:
        data = build_report(path, lang="en", subject=subject)
        shown = {s["id"]: s for s in data.sections()}
        assert tuple(shown) == SECTIONS
        for sid, section in shown.items():
            assert section["blocks"], f"{path.name}: section {sid} is empty and says nothing"
        _check_page(data.to_html(), path.name)
    # Dutch: the upload page shows the file and offers its report, or says what to do
    res = analyse_upload(path.name, path.read_bytes(), lang="nl")
    assert "Traceback" not in res.html
    if res.ok:
        assert res.report
        _check_page(res.report, path.name)
        return
    # several people in one file (the page asks which one), or a file with no
    # usable day (the page says why): in Dutch, with what to do
    if len(diary) == 0:
        assert "geen bruikbare rijen" in res.message
    else:
        assert diary["subject"].nunique() > 1, res.message
        assert "laad het dagboek van één persoon op" in res.message
    for subject in subjects:
        _check_page(build_report(path, lang="nl", subject=subject).to_html(), path.name)


# ------------------------------------------------ subject=: one meaning, one read
def _count_reads(monkeypatch, name: str) -> list[int]:
    from dataclasses import replace
    from functools import wraps

    from backpain.read import FORMATS

    fmt = FORMATS[name]
    calls: list[int] = []

    @wraps(fmt.read)  # the format's options come from the reader's signature
    def counted(*args, **kwargs):
        calls.append(1)
        return fmt.read(*args, **kwargs)

    monkeypatch.setitem(FORMATS, name, replace(fmt, read=counted))
    return calls


def test_report_reads_a_many_user_file_once_and_keeps_the_chosen_user(monkeypatch):
    calls = _count_reads(monkeypatch, "flaredown")
    data = build_report(DATA / "flaredown" / "flaredown_two_users.csv", subject="user_b")
    assert calls == [1]
    assert data.subject == "user_b"
    assert data.load.rows_ignored == 14  # user_a's 13 rows and user_b's Sciatica
    assert data.diary["subject"].unique().tolist() == ["user_b"]
    assert len(data.diary) == 2  # user_b's two days (10 and 11 June 2017)


def test_report_of_an_unknown_subject_is_refused_after_one_read(monkeypatch):
    calls = _count_reads(monkeypatch, "flaredown")
    with pytest.raises(DiaryError, match=r"subject='nobody' is not in the diary") as err:
        build_report(DATA / "flaredown" / "flaredown_two_users.csv", subject="nobody")
    assert calls == [1]
    assert "'user_a', 'user_b'" in str(err.value)
    assert "subject='user_a'" in str(err.value)


def test_subject_names_a_one_person_file_and_picks_from_a_table(tmp_path):
    # a file without a subject column: subject= is its name
    one = tmp_path / "mine.csv"
    one.write_text("date,pain\n2024-01-01,3\n2024-01-02,5\n")
    assert backpain.read_diary(one, subject="p1")["subject"].unique().tolist() == ["p1"]
    # a table with a subject column: subject= keeps that person, blank ids are not theirs
    many = tmp_path / "cohort.csv"
    many.write_text("subject,date,pain\na,2024-01-01,3\n,2024-01-02,4\nb,2024-01-01,5\n")
    diary, report = backpain.read_diary(many, subject="b", return_report=True)
    assert diary["subject"].tolist() == ["b"]
    assert diary["pain"].tolist() == [5.0]
    # 3 rows = b's day + a's row (another person's: ignored) + 1 rejected (no subject id)
    counts = (report.rows_read, report.rows_kept, report.rows_ignored, report.rows_rejected)
    assert counts == (3, 1, 1, 1)
    assert report.balanced
    # a table that combined rows into days cannot say whose they were: whole-file counts
    merged = tmp_path / "merged.csv"
    merged.write_text("subject,date,pain\na,2024-01-01,3\na,2024-01-01,5\nb,2024-01-01,5\n")
    diary, report = backpain.read_diary(merged, subject="b", return_report=True)
    assert diary["pain"].tolist() == [5.0]
    assert (report.rows_read, report.rows_kept, report.rows_merged) == (3, 2, 1)
    assert report.balanced
    assert any("the row counts are for the whole file" in str(n) for n in report.notes)
    with pytest.raises(DiaryError, match=r"names 2 person\(s\) in its column 'subject'"):
        backpain.read_diary(many, subject="c")
