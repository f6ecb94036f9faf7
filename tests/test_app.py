"""The upload page's logic: bytes in, HTML (or the reader's clear message) out."""

from __future__ import annotations

import base64
import html
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

import backpain
from backpain.app import (
    _TEMPLATE,
    _app_notebook,
    _page_template,
    analyse_upload,
    serve,
    upload_page,
)
from backpain.datasets import example_path
from backpain.errors import DiaryError

DATA = Path(__file__).parent / "data"
BROKEN = DATA / "app" / "broken_no_pain.csv"


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
    # overview, what went with less pain, and the pain change
    assert len(re.findall(r"<img src='data:image/png;base64,", result.html)) == 3
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


def _alive() -> int:
    """Upload results and reports still held anywhere in this process."""
    import gc

    from backpain.app import UploadResult
    from backpain.report import ReportData

    gc.collect()
    return sum(isinstance(o, UploadResult | ReportData) for o in gc.get_objects())


def test_widget_fills_results_on_upload(example_bytes, result):
    # What the page builds for an upload is freed once shown (the memory over many
    # uploads in a fresh process, and that its bound catches a page that keeps its
    # old results, is measured by benchmarks/bench_memory.py).
    import matplotlib.pyplot as plt

    before = _alive()
    assert before >= 1  # the check sees a result still held (this module's fixture)
    page = upload_page(lang="en")
    head, chooser, status, _order, results = page.children
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
    assert "1 file chosen: diary.csv" in status.value  # the count in words, not "(0)"
    assert "Done: the results are below." in status.value
    assert chooser.value == ()  # reset, so the same file can be chosen again
    assert _alive() == before
    assert plt.get_fignums() == []
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
    assert "Stopped: the box below says why and what to do." in status.value


def test_app_notebook_is_one_call_and_valid():
    import nbformat

    nb = nbformat.from_dict(_app_notebook("nl"))
    nbformat.validate(nb)
    assert len(nb.cells) == 1
    assert nb.cells[0].source.endswith('upload_page(lang="nl", max_mb=200.0)')
    assert json.dumps(_app_notebook("en")).count("def ") == 0


def test_template_removes_voilas_cdn_links():
    lab = Path(__import__("voila").__file__).parents[3] / "share/jupyter/voila/templates/lab"
    assert "cdn.jsdelivr.net" not in _TEMPLATE
    assert "super.super()" in _TEMPLATE  # skips the lab block that links the CDN
    assert "{%- block notebook_css -%}" in _TEMPLATE
    if (lab / "index.html.j2").exists():  # the block we replace still exists upstream
        assert "block notebook_css" in (lab / "index.html.j2").read_text()


def test_page_template_refuses_big_files_in_the_users_words():
    page = _page_template("nl", 0.5)
    assert "var limit = 500000;" in page
    assert "Deze upload is te groot" in page
    assert "groter dan 0,5 MB" in page
    assert "@LIMIT@" not in page
    assert "@WORDS@" not in page
    assert "http" not in page.split("<script>", 1)[1]  # the check loads nothing
    assert "@DIED@" not in page  # a kernel that dies is told in the user's words
    assert "De pagina is gestopt" in page
    assert "Open een nieuwe pagina" in page


def test_page_template_text_cannot_close_its_script(monkeypatch):
    import backpain.app as app

    monkeypatch.setattr(app, "say", lambda key, lang, **kw: "</script><script>alert(1)")
    page = _page_template("en", 1)
    script = page.split("<script>", 1)[1]
    assert script.count("</script>") == 1  # only the script's own end


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
    # what_helps is not called: the tags are tested once, in patient_findings' family;
    # correlate is not called either: one person's figures draw from their findings
    assert calls == {
        "patient_findings": 1,
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


def _chosen(name: str, content: bytes) -> dict:
    return {
        "name": name,
        "type": "text/csv",
        "size": len(content),
        "content": memoryview(content),
        "last_modified": datetime(2026, 1, 1, tzinfo=UTC),
    }


def test_widget_says_the_file_count_and_each_step_in_dutch(example_bytes):
    page = upload_page(lang="nl")
    _head, chooser, status, _order, _results = page.children
    seen: list[str] = []
    status.observe(lambda change: seen.append(change["new"]), names="value")
    pain = b"date,pain\n2026-03-01,4\n2026-03-02,5\n2026-03-03,6\n"
    steps = b"date,steps\n2026-03-01,4000\n2026-03-02,5000\n"
    # a diary and a watch's file: one person's, though neither names a subject
    chooser.value = (_chosen("pijn.csv", pain), _chosen("stappen.csv", steps))
    assert "2 bestanden gekozen: pijn.csv, stappen.csv" in seen[0]
    assert "MB ontvangen; het lezen begint" in seen[0]
    shown = "\n".join(seen)
    assert "het dagboek wordt gelezen" in shown  # build_report's own steps, in Dutch
    assert "klaar" in shown
    # the steps pile up: a later status still lists the earlier ones
    assert any("het dagboek wordt gelezen" in v and "klaar" in v for v in seen)
    assert "Klaar: de resultaten staan hieronder." in status.value
    assert "<ol>" not in status.value  # the steps are gone once the results show


def test_chooser_hides_its_counter_and_shows_its_label():
    page = upload_page(lang="nl")
    head, chooser, _status, _order, _results = page.children
    assert chooser.tooltip == chooser.description == "Kies dagboekbestanden"
    assert "backpain-chooser" in chooser._dom_classes
    # the widget writes "<description> (<count>)"; the CSS shows the title instead
    assert ".backpain-chooser{font-size:0!important}" in head.value
    assert "content:attr(title)" in head.value


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_too_big_upload_says_the_limit_and_what_to_do(lang):
    content = b"date,pain\n" + b"2026-01-01,4\n" * 100_000  # 1.3 MB
    res = analyse_upload(["big.csv", "more.csv"], [content, content], lang=lang, max_mb=2)
    assert not res.ok
    if lang == "en":
        assert (
            res.message == "big.csv, more.csv: 2.6 MB together; this page reads up to 2 MB at once."
        )
        assert "This upload is too big" in res.html
        assert "Export a shorter period from your app (for example one year)" in res.html
    else:
        assert (
            res.message == "big.csv, more.csv: samen 2,6 MB; deze pagina leest tot 2 MB tegelijk."
        )
        assert "Exporteer een kortere periode uit je app" in res.html
    assert "role='alert'" in res.html


def test_page_limit_is_below_what_the_websocket_takes():
    from backpain import app

    assert (
        app._MESSAGE_FACTOR > 1
    )  # a too-big file that slips past the page's script reaches the kernel


def test_widget_refuses_a_too_big_upload():
    page = upload_page(lang="en", max_mb=1)
    _head, chooser, status, _order, results = page.children
    chooser.value = (_chosen("big.csv", b"date,pain\n" + b"2026-01-01,4\n" * 100_000),)
    assert "This upload is too big" in results.value
    assert "big.csv: 1.3 MB together; this page reads up to 1 MB at once." in results.value
    assert "Stopped" in status.value


def test_unexpected_failure_is_plain_words_and_goes_to_the_log(monkeypatch, capfd):
    import backpain.report as report

    def broken(*args, **kwargs):
        raise KeyError("internal_column_xyz")

    monkeypatch.setattr(report, "build_report", broken)
    page = upload_page(lang="nl")
    _head, chooser, _status, _order, results = page.children
    chooser.value = (_chosen("dagboek.csv", b"date,pain\n2026-01-01,3\n"),)
    shown = results.value
    assert "Er ging iets mis bij het lezen van dit bestand; dat ligt niet aan jou." in shown
    assert "Exporteer het dagboek opnieuw als CSV-bestand" in shown
    for python in ("KeyError", "internal_column_xyz", "Traceback"):
        assert python not in shown
    err = capfd.readouterr().err
    assert "KeyError: 'internal_column_xyz'" in err  # the details, for whoever helps


def test_a_librarys_own_valueerror_is_not_shown(monkeypatch, capfd):
    import backpain.report as report

    def broken(*args, **kwargs):
        raise ValueError("could not convert string to float: 'x' (pandas internals)")

    monkeypatch.setattr(report, "build_report", broken)
    res = analyse_upload("d.csv", b"date,pain\n")
    assert not res.ok
    assert "pandas" not in res.html
    assert "convert string" not in res.html
    assert res.message == "Something went wrong while reading this file; it is not your fault."
    assert "pandas internals" in capfd.readouterr().err


def test_no_python_advice_on_the_page_for_any_reader_error():
    scale100 = "date,pain\n" + "".join(f"2026-01-{d:02d},{d * 3}\n" for d in range(1, 29))
    cohort = backpain.simulate_cohort(2, 20, seed=1).to_csv(index=False)
    cases = {
        "scale.csv": scale100.encode(),
        "cohort.csv": cohort.encode(),
        "empty.csv": b"",
        "broken_no_pain.csv": BROKEN.read_bytes(),
        # Google Fit in a language whose headers are not known: rename, not columns=
        "2024-04_daily.csv": (
            DATA / "google_fit_daily" / "unknown_language" / "2024-04_daily.csv"
        ).read_bytes(),
    }
    for name, content in cases.items():
        for lang in ("en", "nl"):
            res = analyse_upload(name, content, lang=lang)
            assert not res.ok, name
            for python in ("pain_scale=", "subject=", "columns=", "dayfirst=", "read_diary("):
                assert python not in res.html, (name, lang, python)


_NOTE = " ".join(f"woord{i}" for i in range(400))


def _diary_with_notes(n_days: int, note_chars: int) -> bytes:
    rng = __import__("numpy").random.default_rng(4)
    rows = ["date,pain,notes"]
    for day in range(n_days):
        date = (
            datetime(2025, 1, 1, tzinfo=UTC)
            .date()
            .fromordinal(datetime(2025, 1, 1, tzinfo=UTC).date().toordinal() + day)
        )
        note = _NOTE[:note_chars]
        rows.append(f"{date.isoformat()},{rng.integers(0, 11)},{note}")
    return ("\n".join(rows) + "\n").encode()


def test_long_notes_are_cut_on_the_page_and_whole_in_the_report():
    from backpain.app import NOTE_CHARS

    content = _diary_with_notes(60, 1000)
    res = analyse_upload("notes.csv", content, lang="nl")
    assert res.ok, res.message
    note = _NOTE[:1000].strip()
    assert len(note) == 1000
    assert note in res.report  # the download keeps every note whole
    assert note not in res.html
    cut = note[:NOTE_CHARS].rstrip()
    assert f"{cut} … (nog {1000 - NOTE_CHARS} tekens in het gedownloade rapport)" in res.html


def test_report_is_linked_not_embedded_when_served(example_bytes, tmp_path):
    from backpain.app import _ReportFiles

    files = _ReportFiles(tmp_path / "reports", "/")
    res = analyse_upload("dagboek.csv", example_bytes, lang="nl", report_href=files)
    assert res.ok
    # the file downloads under a Dutch name for the Dutch page
    link = re.search(r"<a download='backpain-rapport.html' href='([^']+)'>", res.html).group(1)
    assert re.fullmatch(r"/voila/files/reports/[A-Za-z0-9_-]{32}/backpain-report\.html", link)
    assert "data:text/html" not in res.html
    written = tmp_path / link.removeprefix("/voila/files/")
    assert written.read_text(encoding="utf-8") == res.report
    # the page is now smaller than the report it links to (its figures are shared)
    assert len(res.html) < len(res.report) + 2_000
    # a second upload on the same page replaces the first report file
    again = analyse_upload("dagboek.csv", example_bytes, lang="nl", report_href=files)
    assert not written.exists()
    assert len(list((tmp_path / "reports").iterdir())) == 1
    assert again.ok


HOSTILE = "<script>alert(1)</script><b>bold</b><img src=x onerror=alert(2)>"


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param("", id="html"),
        pytest.param(r" $\frac{1}{$", id="mathtext"),
    ],
)
def test_hostile_notes_tags_and_name_show_as_text(extra):
    text = HOSTILE + extra
    rows = ["date,pain,notes,tags"]
    for day in range(1, 29):
        rows.append(f'2026-02-{day:02d},{day % 9},"{text}","{text}|heat"')
    content = ("\n".join(rows) + "\n").encode()
    res = analyse_upload(f"{HOSTILE}.csv", content, lang="en", subject="me")
    assert res.ok, res.message
    for markup in ("<script>", "<b>bold</b>", "<img src=x"):
        assert markup not in res.html
        assert markup not in res.report
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in res.html
    if extra:
        assert r"$\frac{1}{$" in res.html  # shown as written


def test_files_chosen_together_are_one_persons_unless_one_holds_several():
    pain = b"date,pain\n2026-03-01,4\n2026-03-02,5\n2026-03-03,6\n"
    steps = b"date,steps\n2026-03-01,4000\n2026-03-02,5000\n2026-03-04,7000\n"
    res = analyse_upload(["pijn.csv", "stappen.csv"], [pain, steps], lang="nl")
    assert res.ok, res.message
    assert "Dagboek van pijn" in res.html
    watch = Path(__file__).parent / "data" / "fitbit" / "steps-2020-04-01.json"
    april = "date,pain\n" + "".join(f"2020-04-{d:02d},{d % 7}\n" for d in range(1, 29))
    res = analyse_upload(["pijn.csv", watch.name], [april.encode(), watch.read_bytes()])
    assert res.ok, res.message  # the watch's file is named "me" by its reader
    assert watch.name in res.html
    # a file with two people's diaries, with a watch's file: still refused
    cohort = backpain.simulate_cohort(2, 20, seed=1).to_csv(index=False).encode()
    res = analyse_upload(["cohort.csv", "stappen.csv"], [cohort, steps])
    assert not res.ok
    assert "holds the diaries of 3 people" in res.message


def test_the_browser_opens_a_file_only_its_owner_reads(tmp_path, monkeypatch):
    import webbrowser

    from backpain.app import _open_browser

    opened = []
    monkeypatch.setattr(webbrowser, "open", opened.append)
    url = "http://127.0.0.1:8866/?token=s3cret-token"
    _open_browser(tmp_path, url)
    assert len(opened) == 1
    assert "s3cret" not in opened[0]  # the browser's command line holds no token
    page = tmp_path / "open.html"
    assert opened[0] == page.as_uri()
    assert page.stat().st_mode & 0o777 == 0o600
    assert f'content="0;url={url}"' in page.read_text()


# ------------------------------------------------ a Daylio file's own moods, put in order
OWN_MOODS = Path(__file__).parent / "data" / "daylio" / "daylio_own_moods.csv"
FILE_ORDER = ("blij", "ellendig", "gaat wel", "moe")  # as the file lists them
BEST_FIRST = ["blij", "gaat wel", "moe", "ellendig"]


def _places(rows) -> list[str]:
    """The form's moods as shown, each with its place."""
    return [r.children[0].value for r in rows]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_unknown_daylio_moods_are_offered_in_order_and_read_again(lang):
    content = OWN_MOODS.read_bytes()
    first = analyse_upload(OWN_MOODS.name, content, lang=lang)
    assert first.ok
    assert first.moods == FILE_ORDER
    # the note on the page points to the form, in the page's words (no moods=)
    form = "Put your moods in order" if lang == "en" else "Zet je stemmingen in volgorde"
    assert form in first.html
    assert "moods=" not in first.html
    again = analyse_upload(OWN_MOODS.name, content, lang=lang, moods=BEST_FIRST)
    assert again.ok
    assert again.moods == ()
    assert "mood left empty" not in again.report
    assert "stemming leeg gelaten" not in again.report
    # the same order read in Python: blij 10, gaat wel 20/3, moe 10/3, ellendig 0
    diary = backpain.read_diary(OWN_MOODS, moods=BEST_FIRST)
    assert diary["mood"].tolist() == pytest.approx([10 / 3, 20 / 3, 5.0])
    # a file whose moods are all known offers no form
    assert (
        analyse_upload(
            "d.csv", (Path(__file__).parent / "data" / "daylio" / "daylio_7col.csv").read_bytes()
        ).moods
        == ()
    )


def test_widget_puts_moods_in_order_with_buttons_and_reads_again(monkeypatch):
    import backpain.app as app

    asked: list = []
    real = app.analyse_upload

    def spy(*args, **kwargs):
        asked.append(kwargs.get("moods"))
        return real(*args, **kwargs)

    monkeypatch.setattr(app, "analyse_upload", spy)
    page = upload_page(lang="nl")
    _head, chooser, status, order, results = page.children
    chooser.value = (_chosen(OWN_MOODS.name, OWN_MOODS.read_bytes()),)
    assert "stemming leeg gelaten" in results.value
    intro, *rows, live, apply = order.children
    assert "Zet je stemmingen in volgorde" in intro.value
    assert "alle 4 stemmingen" in intro.value
    assert _places(rows) == ["1. blij", "2. ellendig", "3. gaat wel", "4. moe"]
    # the first cannot go up, the last cannot go down; every button names its mood
    assert rows[0].children[1].disabled
    assert rows[-1].children[2].disabled
    assert not rows[1].children[1].disabled
    assert rows[1].children[2].description == "Zet 'ellendig' lager"
    assert rows[1].children[2].tooltip == "Zet 'ellendig' lager"
    rows[1].children[2].click()  # ellendig down: blij, gaat wel, ellendig, moe
    intro, *rows, live, apply = order.children
    assert "'ellendig' staat nu op plaats 3 van 4." in html.unescape(live.value)
    assert "aria-live='polite'" in live.value
    rows[2].children[2].click()  # and down again: blij, gaat wel, moe, ellendig
    intro, *rows, live, apply = order.children
    assert _places(rows) == [f"{i}. {m}" for i, m in enumerate(BEST_FIRST, start=1)]
    assert apply.description == "Opnieuw lezen in deze volgorde"
    apply.click()  # the same upload, read again with the order
    assert asked == [None, BEST_FIRST]
    assert order.children == ()  # every mood has its level now: the form is gone
    assert "stemming leeg gelaten" not in results.value
    assert "Klaar: de resultaten staan hieronder." in status.value
    # a file without unknown moods next: no form
    known = Path(__file__).parent / "data" / "daylio" / "daylio_7col.csv"
    chooser.value = (_chosen(known.name, known.read_bytes()),)
    assert order.children == ()


def test_mood_form_shows_hostile_labels_as_text():
    hostile = "<img src=x onerror=alert(1)>"
    csv = (
        "full_date,date,weekday,time,mood,activities,note\n"
        f'2024-06-01,x,x,20:00,"{hostile}",,\n'
        "2024-06-02,x,x,20:00,moe,,\n"
    )
    page = upload_page(lang="en")
    _head, chooser, _status, order, _results = page.children
    chooser.value = (_chosen("moods.csv", csv.encode()),)
    _intro, *rows, _live, _apply = order.children
    shown = rows[0].children[0].value
    assert "<img" not in shown
    assert html.unescape(shown) == f"1. {hostile}"
    # a button's words are text: ipywidgets 8's ButtonView appends the description with
    # document.createTextNode (the widget manager Voila serves), never as markup
    assert rows[0].children[2].description == f"Move '{hostile}' down"


def test_a_click_on_a_button_before_the_form_is_redrawn_moves_the_mood_it_names():
    page = upload_page(lang="en")
    _head, chooser, _status, order, _results = page.children
    chooser.value = (_chosen(OWN_MOODS.name, OWN_MOODS.read_bytes()),)
    _intro, *rows, _live, _apply = order.children
    down = rows[1].children[2]  # "Move 'ellendig' down", drawn when ellendig was 2nd
    down.click()
    down.click()  # the same (old) button again: ellendig moves on, never another mood
    _intro, *rows, _live, _apply = order.children
    assert _places(rows) == [f"{i}. {m}" for i, m in enumerate(BEST_FIRST, start=1)]
    down.click()  # already last: nothing moves
    _intro, *again, _live, _apply = order.children
    assert _places(again) == _places(rows)


def test_moods_of_a_daylio_file_chosen_with_a_pain_diary_go_to_the_daylio_file_only():
    pain = "date,pain\n" + "".join(f"2024-06-{d:02d},{d % 7}\n" for d in range(1, 29))
    names = [OWN_MOODS.name, "pain.csv"]
    contents = [OWN_MOODS.read_bytes(), pain.encode()]
    first = analyse_upload(names, contents)
    assert first.ok
    assert first.moods == FILE_ORDER
    # the order reaches the Daylio reader; the table reader does not take moods=
    again = analyse_upload(names, contents, moods=BEST_FIRST)
    assert again.ok
    assert again.moods == ()
    assert "mood left empty" not in again.report
