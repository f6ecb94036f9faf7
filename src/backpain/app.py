"""The patient's upload page (``backpain app``): drop a diary file, see the results.

The page is a Voila app (a notebook shown as a web page, without code) served
on this computer only (``127.0.0.1``). It is one widget, :func:`upload_page`;
what it shows comes from :func:`analyse_upload`, which turns the uploaded
bytes into the same HTML as the report (:func:`backpain.report.render_report`).
Nothing is sent anywhere: the server listens on the loopback address, the
page loads no script, style sheet or font from the internet (a template
replaces Voila's default one, which links Font Awesome from a CDN), and the
figures are inline PNG.

Needs the ``notebook`` extra (``pip install "backpain[notebook]"``: voila and
ipywidgets); the analysis itself does not.
"""

from __future__ import annotations

import base64
import html
import io
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["UploadResult", "analyse_upload", "serve", "upload_page"]

_ACCEPT = ".csv,.tsv,.txt,.xlsx,.xls,.json,.xml,.zip,.parquet"
_MAX_UPLOAD_MB = 200

_TEXT = {
    "en": {
        "title": "Your back-pain diary",
        "intro": (
            "Choose the export of your pain diary (a spreadsheet or CSV file, or an "
            "export from Bearable, Daylio, Apple Health, Fitbit or Flaredown). It is "
            "read on this computer only; nothing is sent anywhere."
        ),
        "button": "Choose a diary file",
        "reading": "Reading {name} ({size:.1f} MB) ...",
        "failed": "This file could not be read",
        "unexpected": "Something went wrong ({kind}): {message}. Please report this problem.",
        "download": "Download this page as a report (HTML) for your physiotherapist or GP",
    },
    "nl": {
        "title": "Je rugpijndagboek",
        "intro": (
            "Kies het bestand met je pijndagboek (een rekenblad of CSV-bestand, of een "
            "export uit Bearable, Daylio, Apple Health, Fitbit of Flaredown). Het wordt "
            "alleen op deze computer gelezen; er wordt niets verstuurd."
        ),
        "button": "Kies een dagboekbestand",
        "reading": "{name} wordt gelezen ({size:.1f} MB) ...",
        "failed": "Dit bestand kon niet gelezen worden",
        "unexpected": "Er ging iets mis ({kind}): {message}. Meld dit probleem alstublieft.",
        "download": "Download deze pagina als rapport (HTML) voor je kinesist of huisarts",
    },
}

_FRAGMENT_CSS = """<style>
.backpain-report{line-height:1.45;max-width:60rem}
.backpain-report table{border-collapse:collapse;margin:.5rem 0}
.backpain-report td,.backpain-report th{border:1px solid #ccc;padding:.2rem .5rem;
text-align:left;vertical-align:top}
.backpain-report th{background:#f2f2f2}.backpain-report td.num{text-align:right}
.backpain-report img{max-width:100%;height:auto}
.backpain-report .caveat{background:#fff7e0;border-left:4px solid #E69F00;padding:.5rem .8rem}
.backpain-report .muted{color:#555}
a[download]{color:#0072B2;text-decoration:underline;font-weight:bold}
.backpain-error{background:#fdecea;border-left:4px solid #D55E00;padding:.6rem .9rem}
</style>"""


@dataclass
class UploadResult:
    """What the page shows after an upload.

    Attributes
    ----------
    ok : bool
        True when the file was read and analysed.
    html : str
        HTML fragment to show: the results, or the error box.
    message : str
        The reader's error message ("" when ``ok``).
    report : str
        The standalone report (:func:`backpain.report.render_report`) for
        download ("" when not ``ok``).
    """

    ok: bool
    html: str
    message: str = ""
    report: str = ""


def _check_lang(lang: str) -> None:
    if lang not in _TEXT:
        msg = f"lang must be 'en' (English) or 'nl' (Dutch), not {lang!r}"
        raise ValueError(msg)


def _error_box(title: str, message: str) -> str:
    return (
        f"<div class='backpain-error' role='alert'><b>{html.escape(title)}</b><br>"
        f"{html.escape(message)}</div>"
    )


def analyse_upload(
    name: str,
    content: bytes,
    *,
    lang: str = "en",
    subject: str | None = None,
    progress: Any = None,
) -> UploadResult:
    """Read uploaded bytes and build what the page shows.

    Parameters
    ----------
    name : str
        The file's name (shown in messages; the format is detected from the
        content, never from the name).
    content : bytes
        The file's bytes.
    lang : {"en", "nl"}
        Language of the page.
    subject : str, optional
        The person, when the file holds several.
    progress : callable, optional
        As in :func:`backpain.report.render_report`.

    Returns
    -------
    UploadResult
        ``ok``, ``html`` (results or an error box), ``message`` (the error)
        and ``report`` (the standalone HTML report).

    Notes
    -----
    A file that cannot be read gives ``ok=False`` with the reader's message
    (:class:`~backpain.DiaryError`, or another ``ValueError`` such as a
    file with several subjects), never a traceback: the message already
    names the problem and the way out. The results are the report's
    sections (:func:`backpain.report.render_report`), so the page and the
    report always agree.

    Examples
    --------
    >>> res = analyse_upload("empty.csv", b"")
    >>> res.ok, res.message
    (False, 'empty.csv: the file is empty (0 bytes). Export the diary again.')
    """
    from .report import render_report

    _check_lang(lang)
    text = _TEXT[lang]
    source = io.BytesIO(bytes(content))
    source.name = name
    try:
        fragment = render_report(
            source, lang=lang, subject=subject, standalone=False, progress=progress
        )
    except ValueError as exc:  # DiaryError is a ValueError
        message = str(exc)
        return UploadResult(False, _FRAGMENT_CSS + _error_box(text["failed"], message), message)
    source = io.BytesIO(bytes(content))
    source.name = name
    report = render_report(source, lang=lang, subject=subject)
    link = (
        "<p><a download='backpain-report.html' "
        f"href='data:text/html;charset=utf-8;base64,{base64.b64encode(report.encode()).decode()}'>"
        f"{html.escape(text['download'])}</a></p>"
    )
    return UploadResult(True, _FRAGMENT_CSS + link + fragment, "", report)


def upload_page(*, lang: str = "en") -> Any:
    """Build the upload widget the app shows (needs ``ipywidgets``).

    Parameters
    ----------
    lang : {"en", "nl"}
        Language of the page.

    Returns
    -------
    ipywidgets.VBox
        A title, a file chooser, a status line and the results area. On
        upload, :func:`analyse_upload` fills the results (or the error).
    """
    _check_lang(lang)
    try:
        import ipywidgets as w
    except ImportError as exc:  # pragma: no cover - depends on the environment
        msg = 'the upload page needs ipywidgets: pip install "backpain[notebook]"'
        raise ImportError(msg) from exc
    text = _TEXT[lang]
    head = w.HTML(f"<h1>{html.escape(text['title'])}</h1><p>{html.escape(text['intro'])}</p>")
    chooser = w.FileUpload(
        accept=_ACCEPT, multiple=False, description=text["button"], layout={"width": "auto"}
    )
    status = w.HTML("")
    results = w.HTML("")
    results.add_class("backpain-results")

    def on_upload(change: dict) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0]
        content = bytes(item["content"])
        status.value = html.escape(
            text["reading"].format(name=item["name"], size=len(content) / 1e6)
        )
        results.value = ""

        def say(message: str) -> None:
            status.value = html.escape(message)

        try:
            res = analyse_upload(item["name"], content, lang=lang, progress=say)
            results.value = res.html
        except Exception as exc:  # the page must never show a traceback
            results.value = _error_box(
                text["failed"],
                text["unexpected"].format(kind=type(exc).__name__, message=exc),
            )
        status.value = ""
        chooser.value = ()  # the same file can be chosen again

    chooser.observe(on_upload, names="value")
    return w.VBox([head, chooser, status, results])


# ------------------------------------------------------------------ server
_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{% import "spinner.macro.html.j2" as spinner %}
{#- Voila's lab template with the Font Awesome CDN links removed: the page
    must load nothing from the internet. -#}
{%- block notebook_css -%}
  {{ resources.include_js("static/voila-style.js") }}
  {{ spinner.css() }}
  <style>.jp-mod-noOutputs.jp-mod-noInput { display: none; }</style>
  {{ super.super() }}
{%- endblock notebook_css -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


def _app_notebook(lang: str) -> dict:
    code = f'from backpain.app import upload_page\n\nupload_page(lang="{lang}")'
    return {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": "upload",
                "metadata": {},
                "outputs": [],
                "source": code,
            }
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
            "title": _TEXT[lang]["title"],
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(
    *,
    port: int | None = None,
    open_browser: bool = True,
    lang: str = "en",
    token: str | None = None,
    announce: Any = None,
) -> int:
    """Run the upload page on ``http://127.0.0.1:<port>/`` until interrupted.

    Parameters
    ----------
    port : int, optional
        Port to listen on (default: a free one).
    open_browser : bool
        Open the page in the default browser.
    lang : {"en", "nl"}
        Language of the page.
    token : str, optional
        Access token in the page address, so that other users of the same
        computer cannot open it; default a random one. ``""`` turns it off.
    announce : callable, optional
        Called with the page's address once the server is starting (the
        command line prints it).

    Returns
    -------
    int
        The server's exit code.

    Notes
    -----
    Starts ``python -m voila`` on a notebook and template written to a
    temporary folder (removed on exit), bound to ``127.0.0.1``. Voila is
    told not to open its own browser; the figures are made with the Agg
    backend.
    """
    _check_lang(lang)
    try:
        import voila  # noqa: F401
    except ImportError as exc:
        msg = 'backpain app needs voila and ipywidgets: pip install "backpain[notebook]"'
        raise ImportError(msg) from exc
    port = _free_port() if port is None else int(port)
    token = secrets.token_urlsafe(16) if token is None else token
    work = Path(tempfile.mkdtemp(prefix="backpain-app-"))
    try:
        template = work / "voila" / "templates" / "backpain"
        template.mkdir(parents=True)
        (template / "conf.json").write_text(json.dumps({"base_template": "lab"}))
        (template / "index.html.j2").write_text(_TEMPLATE)
        notebook = work / "backpain-app.ipynb"
        notebook.write_text(json.dumps(_app_notebook(lang), indent=1))
        env = dict(os.environ)
        env["JUPYTER_PATH"] = os.pathsep.join(
            p for p in (str(work), env.get("JUPYTER_PATH", "")) if p
        )
        env["JUPYTER_PLATFORM_DIRS"] = "1"
        config = work / "config"
        config.mkdir()
        settings = {"tornado_settings": {"websocket_max_message_size": _MAX_UPLOAD_MB << 20}}
        (config / "voila.json").write_text(json.dumps({"Voila": settings}))
        env["JUPYTER_CONFIG_DIR"] = str(config)
        env["MPLBACKEND"] = "Agg"
        cmd = [
            sys.executable,
            "-m",
            "voila",
            str(notebook),
            f"--port={port}",
            "--Voila.ip=127.0.0.1",
            "--Voila.port_retries=0",
            "--no-browser",
            "--template=backpain",
            "--theme=light",
            f"--Voila.token={token}",
        ]
        url = f"http://127.0.0.1:{port}/" + (f"?token={token}" if token else "")
        if announce is not None:
            announce(url)
        proc = subprocess.Popen(cmd, env=env, cwd=work)
        if open_browser:
            import threading
            import webbrowser

            threading.Timer(3.0, webbrowser.open, args=(url,)).start()
        try:
            return proc.wait()
        except KeyboardInterrupt:
            proc.terminate()
            return proc.wait()
    finally:
        shutil.rmtree(work, ignore_errors=True)
