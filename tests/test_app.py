"""The upload page's logic: bytes in, HTML (or the reader's clear message) out."""

from __future__ import annotations

import base64
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

import backpain
from backpain.app import _TEMPLATE, _app_notebook, analyse_upload, serve, upload_page
from backpain.datasets import example_path
from backpain.errors import DiaryError

BROKEN = Path(__file__).parent / "data" / "app" / "broken_no_pain.csv"


@pytest.fixture(scope="module")
def example_bytes() -> bytes:
    path, _ = example_path("patient_nl")
    return path.read_bytes()


@pytest.fixture(scope="module")
def result(example_bytes):
    return analyse_upload("dagboek.csv", example_bytes, lang="nl")


def test_upload_shows_classification_figures_and_a_download(result):
    assert result.ok
    assert result.message == ""
    assert "Hoe lang duurt de pijn al?" in result.html
    assert "<b>chronische</b> rugpijn" in result.html
    assert (
        len(re.findall(r"<img src='data:image/png;base64,", result.html)) == 2
    )  # overview and what went with less pain
    link = re.search(r"href='data:text/html;charset=utf-8;base64,([A-Za-z0-9+/=]+)'", result.html)
    assert link is not None
    assert base64.b64decode(link.group(1)).decode("utf-8") == result.report
    assert result.report.startswith("<!DOCTYPE html>")


def test_broken_file_gives_the_readers_message_not_a_traceback():
    content = BROKEN.read_bytes()
    with pytest.raises(DiaryError) as info:  # what the reader itself says
        backpain.read_diary(BROKEN)
    res = analyse_upload("broken_no_pain.csv", content)
    assert not res.ok
    # the page's form of the reader's message: no Python advice on the page
    assert res.message == info.value.render("en", audience="page")
    assert "columns=" not in res.message
    assert "no pain column found" in res.html
    assert "This file could not be read" in res.html
    assert "Traceback" not in res.html
    assert res.report == ""


def test_error_text_is_escaped():
    res = analyse_upload("<img src=x onerror=alert(1)>.csv", b"", lang="nl")
    assert not res.ok
    assert "<img src=x" not in res.html
    assert "&lt;img src=x onerror=alert(1)&gt;.csv: het bestand is leeg" in res.html
    assert "Dit bestand kon niet gelezen worden" in res.html


def test_several_subjects_are_a_readable_error(tmp_path):
    content = backpain.simulate_cohort(2, 30, seed=1).to_csv(index=False).encode()
    res = analyse_upload("cohort.csv", content)
    assert not res.ok
    assert "holds the diaries of 2 people" in res.message
    assert "upload one person's diary" in res.message  # page words, no Python argument


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match=r"lang must be one of \['en', 'nl'\], not 'fr'"):
        analyse_upload("x.csv", b"", lang="fr")
    with pytest.raises(ValueError, match="not 'de'"):
        serve(lang="de", open_browser=False)


def test_widget_fills_results_on_upload(example_bytes):
    page = upload_page(lang="en")
    head, chooser, status, results = page.children
    assert "Your back-pain diary" in head.value
    chooser.value = (
        {
            "name": "diary.csv",
            "type": "text/csv",
            "size": len(example_bytes),
            "content": memoryview(example_bytes),
            "last_modified": datetime(2026, 1, 1, tzinfo=UTC),
        },
    )
    assert "How long has the pain lasted?" in results.value
    assert status.value == ""
    assert chooser.value == ()  # reset, so the same file can be chosen again
    chooser.value = (
        {
            "name": "broken.csv",
            "type": "text/csv",
            "size": 3,
            "content": memoryview(BROKEN.read_bytes()),
            "last_modified": datetime(2026, 1, 1, tzinfo=UTC),
        },
    )
    assert "no pain column found" in results.value


def test_app_notebook_is_one_call_and_valid():
    import nbformat

    nb = nbformat.from_dict(_app_notebook("nl"))
    nbformat.validate(nb)
    assert len(nb.cells) == 1
    assert nb.cells[0].source.endswith('upload_page(lang="nl")')
    assert json.dumps(_app_notebook("en")).count("def ") == 0


def test_template_removes_voilas_cdn_links():
    lab = Path(__import__("voila").__file__).parents[3] / "share/jupyter/voila/templates/lab"
    assert "cdn.jsdelivr.net" not in _TEMPLATE
    assert "super.super()" in _TEMPLATE  # skips the lab block that links the CDN
    assert "{%- block notebook_css -%}" in _TEMPLATE
    if (lab / "index.html.j2").exists():  # the block we replace still exists upstream
        assert "block notebook_css" in (lab / "index.html.j2").read_text()


def test_each_analysis_runs_once_per_upload(example_bytes, monkeypatch):
    import importlib

    from backpain import stats

    classify_module = importlib.import_module("backpain.classify")
    calls: dict[str, int] = {}

    def counted(module, name):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls[name] = calls.get(name, 0) + 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    for module, name in (
        (stats, "patient_findings"),
        (stats, "what_helps"),
        (stats, "correlate"),
        (classify_module, "annotate_days"),
        (classify_module, "classify"),
    ):
        counted(module, name)
    res = analyse_upload("dagboek.csv", example_bytes, lang="nl")
    assert res.ok
    # what_helps is not called: the tags are tested once, in patient_findings' family
    assert calls == {
        "patient_findings": 1,
        "correlate": 1,
        "annotate_days": 1,
        "classify": 1,
    }


def test_page_and_download_show_the_same_report(result):
    # the fragment on the page is the download's body, not a second computation
    body = result.report.split("<body>\n", 1)[1].rsplit("\n</body>", 1)[0]
    assert body in result.html


def test_several_files_at_once_are_merged(tmp_path):
    pain = b"date,pain\n2026-03-01,4\n2026-03-02,5\n2026-03-03,6\n"
    steps = b"date,steps\n2026-03-01,4000\n2026-03-02,5000\n2026-03-04,7000\n"
    res = analyse_upload(["pijn.csv", "stappen.csv"], [pain, steps], subject="me")
    assert res.ok, res.message
    assert "pijn.csv" in res.html
    assert "stappen.csv" in res.html
