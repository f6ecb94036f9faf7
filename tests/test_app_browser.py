"""End to end: ``backpain app`` in a real headless Chromium (Debian's, via Playwright).

Starts the server in its own process group on a free loopback port, uploads the
Dutch example and a broken file, and checks what a patient sees. Every request
the page makes must go to this computer. Needs /usr/bin/chromium: missing on CI
is a failure, elsewhere a skip.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from backpain.app import _free_port
from backpain.datasets import example_path

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
BROKEN = Path(__file__).parent / "data" / "app" / "broken_no_pain.csv"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 40) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            pytest.fail(f"backpain app exited early with code {proc.returncode}")
        with socket.socket() as s:
            s.settimeout(0.5)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    pytest.fail(f"backpain app did not listen on port {port} within {timeout} s")


@pytest.fixture
def app_url(tmp_path):
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing on CI (.ci/run installs Debian's chromium)")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    pytest.importorskip("voila")
    pytest.importorskip("playwright.sync_api")
    port = _free_port()
    log = (tmp_path / "server.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "backpain", "app", "--no-browser", f"--port={port}"],
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        start_new_session=True,  # own process group: killed with its kernel below
    )
    try:
        line = proc.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/\S*", line)
        assert url is not None, line
        _wait_for_port(port, proc)
        yield url.group(0)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        proc.stdout.close()
        log.close()


def test_upload_page_in_a_real_browser(app_url, tmp_path):
    from playwright.sync_api import sync_playwright

    example, _ = example_path("patient_nl")
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1400})
            page.on("request", lambda r: requests.append(r.url))
            page.goto(app_url)
            button = page.locator("button.widget-upload")
            button.wait_for(timeout=30_000)
            assert page.get_by_text("Your back-pain diary").is_visible()

            with page.expect_file_chooser() as chooser:
                button.click()
            chooser.value.set_files(str(example))
            page.get_by_text("How long has the pain lasted?").wait_for(timeout=30_000)
            results = page.locator(".backpain-results")
            assert "That is chronic back pain." in results.inner_text()
            assert results.locator("a[download]").count() == 1  # the report to take along
            images = results.locator("img")
            assert images.count() == 2  # the overview and what went with less pain
            assert images.first.evaluate("img => img.naturalWidth") > 500  # drawn, not broken
            if os.environ.get("BACKPAIN_SCREENSHOT"):  # refresh docs/app.png
                page.screenshot(path=os.environ["BACKPAIN_SCREENSHOT"])

            with page.expect_file_chooser() as chooser:
                button.click()
            chooser.value.set_files(str(BROKEN))
            alert = page.get_by_role("alert")
            alert.wait_for(timeout=30_000)
            text = alert.inner_text()
            assert "This file could not be read" in text
            assert "broken_no_pain.csv: no pain column found" in text
            assert "Traceback" not in results.inner_text()
        finally:
            browser.close()
    outside = [u for u in requests if not u.startswith(("http://127.0.0.1", "ws://127.0.0.1"))]
    outside = [u for u in outside if not u.startswith("data:")]
    assert outside == [], f"the page contacted other hosts: {outside[:5]}"
