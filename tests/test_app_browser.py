"""End to end: ``backpain app`` in a real headless Chromium (Debian's, via Playwright).

Starts the server in its own process group on a free loopback port, uploads the
Dutch example, a pain diary with a watch's file at once, a broken file and a
file full of markup, in English and in Dutch (``--lang nl``), and checks what a
patient sees: the file count in words, the steps, the results, the report to
download and the error box. Every request the page makes must go to this
computer, and no script from a file runs. Needs /usr/bin/chromium: missing on
CI is a failure, elsewhere a skip.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from _servers import wait_for_port

from backpain.app import _free_port
from backpain.datasets import example_path

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
DATA = Path(__file__).parent / "data"
BROKEN = DATA / "app" / "broken_no_pain.csv"
STEPS = DATA / "fitbit" / "steps-2020-04-01.json"
OWN_MOODS = DATA / "daylio" / "daylio_own_moods.csv"
HOSTILE = "<script>alert(1)</script><b>bold</b><img src=x onerror=alert(2)>"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(params=["en", "nl"])
def app(request, tmp_path):
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing on CI (.ci/run installs Debian's chromium)")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    pytest.importorskip("voila")
    pytest.importorskip("playwright.sync_api")
    port = _free_port()
    log = (tmp_path / "server.log").open("w")
    cmd = [sys.executable, "-m", "backpain", "app", "--no-browser", f"--port={port}"]
    cmd.append("--max-upload-mb=1")  # a test file can pass the page's limit
    proc = subprocess.Popen(
        [*cmd, f"--lang={request.param}"],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        start_new_session=True,  # own process group: killed with its kernel below
    )
    try:
        line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/\S*", line)
        assert url is not None, line
        wait_for_port(port, proc)
        yield url.group(0), request.param, proc.pid
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        proc.stdout.close()
        log.close()


WORDS = {
    "en": {
        "title": "Your back-pain diary",
        "one": "1 file chosen: {}",
        "two": "2 files chosen: {}, {}",
        "heading": "How long has the pain lasted?",
        "done": "Done: the results are below.",
        "stopped": "Stopped: the box below says why and what to do.",
        "failed": "This file could not be read",
        "no_pain": "broken_no_pain.csv: no pain column found",
        "too_big": "The files chosen are together more than 1 MB",
        "died": "The page stopped",
        "again": "Open a fresh page",
        "moods": "Put your moods in order",
        "down": "Move '{}' down",
        "moved": "'ellendig' is now number {} of 4.",
        "apply": "Read again in this order",
        "left_out": "mood left empty",
    },
    "nl": {
        "title": "Je rugpijndagboek",
        "one": "1 bestand gekozen: {}",
        "two": "2 bestanden gekozen: {}, {}",
        "heading": "Hoe lang duurt de pijn al?",
        "done": "Klaar: de resultaten staan hieronder.",
        "stopped": "Gestopt: het vak hieronder zegt waarom en wat je kunt doen.",
        "failed": "Dit bestand kon niet gelezen worden",
        "no_pain": "broken_no_pain.csv: geen kolom met pijn gevonden",
        "too_big": "De gekozen bestanden zijn samen groter dan 1 MB",
        "died": "De pagina is gestopt",
        "again": "Open een nieuwe pagina",
        "moods": "Zet je stemmingen in volgorde",
        "down": "Zet '{}' lager",
        "moved": "'ellendig' staat nu op plaats {} van 4.",
        "apply": "Opnieuw lezen in deze volgorde",
        "left_out": "stemming leeg gelaten",
    },
}


def _choose(page, words: dict, *paths: Path, end: str = "done") -> None:
    """Choose files; wait until the status names them and the page has finished."""
    from playwright.sync_api import expect

    with page.expect_file_chooser() as chooser:
        page.locator("button.widget-upload").click()
    chooser.value.set_files([str(p) for p in paths])
    status = page.locator(".backpain-status")
    chosen = words["one" if len(paths) == 1 else "two"].format(*(p.name for p in paths))
    expect(status).to_contain_text(chosen, timeout=60_000)
    expect(status).to_contain_text(words[end], timeout=90_000)


def _kill_kernels(pid: int) -> None:
    """SIGKILL every kernel under ``pid`` (what the kernel gets when memory runs out)."""
    import psutil

    for child in psutil.Process(pid).children(recursive=True):
        if "ipykernel_launcher" in " ".join(child.cmdline()):
            child.kill()


def test_upload_page_in_a_real_browser(app, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    url, lang, pid = app
    words = WORDS[lang]
    example, _ = example_path("patient_nl")
    pain = tmp_path / "pain.csv"
    pain.write_text("date,pain\n" + "".join(f"2020-04-{d:02d},{d % 7}\n" for d in range(1, 29)))
    hostile = tmp_path / f"{HOSTILE.replace('/', '')}.csv"
    rows = [f'2026-02-{d:02d},{d % 9},"{HOSTILE}","{HOSTILE}|heat"' for d in range(1, 29)]
    hostile.write_text("date,pain,notes,tags\n" + "\n".join(rows) + "\n")
    requests: list[str] = []
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1400}, accept_downloads=True)
            page.on("request", lambda r: requests.append(r.url))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(url)
            button = page.locator("button.widget-upload")
            button.wait_for(timeout=60_000)
            assert page.get_by_text(words["title"]).is_visible()
            assert "(0)" not in button.evaluate(
                "b => getComputedStyle(b).fontSize === '0px' ? '' : b.textContent"
            )  # the widget's counter is hidden; the button shows its title
            results = page.locator(".backpain-results")

            _choose(page, words, example)
            assert words["heading"] in results.inner_text()
            assert results.locator("a[download]").count() == 1  # the report to take along
            images = results.locator("img")
            assert images.count() == 3  # the overview, what went with less pain, the change in pain
            assert images.first.evaluate("img => img.naturalWidth") > 500  # drawn, not broken
            if os.environ.get("BACKPAIN_SCREENSHOT") and lang == "en":  # refresh docs/app.png
                page.screenshot(path=os.environ["BACKPAIN_SCREENSHOT"])
            with page.expect_download() as download:
                results.locator("a[download]").click()
            saved = tmp_path / "report.html"
            download.value.save_as(saved)
            report = saved.read_text(encoding="utf-8")
            assert report.startswith("<!DOCTYPE html>")
            assert words["heading"] in report

            _choose(page, words, pain, STEPS)  # a diary and a watch's file at once
            text = results.inner_text()
            assert words["heading"] in text
            assert pain.name in text
            assert STEPS.name in text

            _choose(page, words, BROKEN, end="stopped")
            text = page.get_by_role("alert").inner_text()
            assert words["failed"] in text
            assert words["no_pain"] in text
            assert "Traceback" not in results.inner_text()
            assert "Error" not in text  # no Python type names in the box

            big = tmp_path / "two_years.csv"  # over the limit: refused before it is sent
            big.write_text("date,pain,notes\n" + f"2024-01-01,4,{'x' * 1000}\n" * 1200)
            sent_before = len(requests)
            with page.expect_file_chooser() as chooser:
                button.click()
            chooser.value.set_files(str(big))
            box = page.locator("#backpain-too-big")
            box.wait_for(timeout=30_000)
            assert words["too_big"] in box.inner_text()
            assert box.get_attribute("role") == "alert"
            assert big.name not in page.locator(".backpain-status").inner_text()

            _choose(page, words, hostile)  # the next file is read as usual
            assert page.locator("#backpain-too-big").count() == 0
            assert len(requests) >= sent_before
            text = results.inner_text()
            assert HOSTILE in text  # the markup shows as the text the patient typed
            assert results.locator("script, b:text('bold'), img[src='x']").count() == 0
            assert page.locator("body").inner_text().count(HOSTILE) >= 1

            # a Daylio file with moods of its own: put them in order with the buttons
            _choose(page, words, OWN_MOODS)
            form = page.locator(".backpain-moods")
            expect(form).to_contain_text(words["moods"], timeout=30_000)
            assert words["left_out"] in results.inner_text()
            for place in (3, 4):  # 'ellendig' from 2nd to last: blij, gaat wel, moe, ellendig
                form.get_by_role("button", name=words["down"].format("ellendig")).click()
                moved = words["moved"].format(place)
                expect(form.get_by_role("status")).to_contain_text(moved, timeout=30_000)
            expect(form).to_contain_text("4. ellendig")
            form.get_by_role("button", name=words["apply"]).click()
            # the form goes when the new reading starts; the status says when it is done
            expect(form).not_to_contain_text(words["moods"], timeout=30_000)
            status = page.locator(".backpain-status")
            expect(status).to_contain_text(words["done"], timeout=90_000)
            assert words["left_out"] not in results.inner_text()
            assert words["heading"] in results.inner_text()

            # the kernel dies while it reads a file (as when memory runs out)
            with page.expect_file_chooser() as chooser:
                button.click()
            chooser.value.set_files(str(example))
            status = page.locator(".backpain-status")
            expect(status).to_contain_text(words["one"].format(example.name), timeout=60_000)
            _kill_kernels(pid)
            died = page.locator("#backpain-died")
            died.wait_for(timeout=60_000)
            assert words["died"] in died.inner_text()
            assert died.get_attribute("role") == "alert"
            died.get_by_role("button", name=words["again"]).click()  # a fresh page
            page.locator("button.widget-upload").wait_for(timeout=60_000)
            assert page.locator("#backpain-died").count() == 0
            _choose(page, words, example)  # and the file is read this time
            assert words["heading"] in results.inner_text()
        finally:
            browser.close()
    assert dialogs == []  # no script from a file ran
    outside = [u for u in requests if not u.startswith(("http://127.0.0.1", "ws://127.0.0.1"))]
    outside = [u for u in outside if not u.startswith("data:")]
    assert outside == [], f"the page contacted other hosts: {outside[:5]}"
