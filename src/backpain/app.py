"""The patient's upload page (``backpain app``): drop a diary file, see the results.

The page is a Voila app (a notebook shown as a web page, without code) served
on this computer only (``127.0.0.1``). It is one widget, :func:`upload_page`;
what it shows comes from :func:`analyse_upload`, which turns the uploaded
bytes into the report's data (:func:`backpain.report.build_report`), shown on
the page and offered as the report file to download.
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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .text import check_lang, render_error, say

__all__ = ["UploadResult", "analyse_upload", "serve", "upload_page"]

_ACCEPT = ".csv,.tsv,.txt,.xlsx,.xls,.json,.xml,.zip,.parquet"
_MAX_UPLOAD_MB = 200


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
        The reader's error message in the page's language ("" when ``ok``).
    report : str
        The standalone report for download ("" when not ``ok``): the same
        :class:`~backpain.report.ReportData` as ``html``, rendered as a file.
    """

    ok: bool
    html: str
    message: str = ""
    report: str = ""


def _style() -> str:
    from .report import stylesheet

    return f"<style>{stylesheet()}</style>"


def _error_box(title: str, message: str) -> str:
    return (
        f"<div class='backpain-error' role='alert'><b>{html.escape(title)}</b><br>"
        f"{html.escape(message)}</div>"
    )


def analyse_upload(
    name: str | Sequence[str],
    content: bytes | Sequence[bytes],
    *,
    lang: str = "en",
    subject: str | None = None,
    progress: Any = None,
) -> UploadResult:
    """Read uploaded bytes and build what the page shows.

    Parameters
    ----------
    name : str or sequence of str
        The file's name (shown in messages; the format is detected from the
        content, never from the name); several names for several files.
    content : bytes or sequence of bytes
        The file's bytes; one per name. Several files are merged per day
        (for example a pain diary and a wearable's export).
    lang : {"en", "nl"}
        Language of the page.
    subject : str, optional
        The person, when the file holds several.
    progress : callable, optional
        As in :func:`backpain.report.build_report` (messages in ``lang``).

    Returns
    -------
    UploadResult
        ``ok``, ``html`` (results or an error box), ``message`` (the error)
        and ``report`` (the standalone HTML report).

    See Also
    --------
    backpain.report.build_report : the analysis shown here.

    Notes
    -----
    The report is built once (:func:`backpain.report.build_report`) and
    rendered twice from the same data: the page's fragment and the file to
    download, so the page and the report always agree. A file that cannot
    be read gives ``ok=False`` with the reader's message in ``lang``
    (:class:`~backpain.DiaryError`, or another ``ValueError`` such as a
    file with several subjects), never a traceback.

    Examples
    --------
    >>> res = analyse_upload("empty.csv", b"")
    >>> res.ok, res.message
    (False, 'empty.csv: the file is empty (0 bytes). Export the diary again.')
    """
    from .report import build_report

    check_lang(lang)
    names = [name] if isinstance(name, str) else list(name)
    contents = [content] if isinstance(content, bytes | bytearray | memoryview) else list(content)
    sources = []
    for one_name, one_content in zip(names, contents, strict=True):
        source = io.BytesIO(bytes(one_content))
        source.name = one_name
        sources.append(source)
    try:
        data = build_report(
            sources[0] if len(sources) == 1 else sources,
            lang=lang,
            subject=subject,
            progress=progress,
        )
    except ValueError as exc:  # DiaryError is a ValueError
        message = render_error(exc, lang, audience="page")
        box = _error_box(say("app.failed", lang), message)
        return UploadResult(False, _style() + box, message)
    report = data.to_html()
    encoded = base64.b64encode(report.encode()).decode()
    link = (
        "<p><a download='backpain-report.html' "
        f"href='data:text/html;charset=utf-8;base64,{encoded}'>"
        f"{html.escape(say('app.download', lang))}</a></p>"
    )
    return UploadResult(True, _style() + link + data.to_html(standalone=False), "", report)


def upload_page(*, lang: str = "en") -> Any:
    """Build the upload widget the app shows (needs ``ipywidgets``).

    Parameters
    ----------
    lang : {"en", "nl"}
        Language of the page.

    Returns
    -------
    ipywidgets.VBox
        A title, a file chooser (several files at once), a status line and
        the results area. On upload, :func:`analyse_upload` fills the
        results (or the error).
    """
    check_lang(lang)
    try:
        import ipywidgets as w
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(say("app.needs_widgets", lang)) from exc
    head = w.HTML(
        f"<h1>{html.escape(say('app.title', lang))}</h1>"
        f"<p>{html.escape(say('app.intro', lang))}</p>"
    )
    chooser = w.FileUpload(
        accept=_ACCEPT, multiple=True, description=say("app.button", lang), layout={"width": "auto"}
    )
    status = w.HTML("")
    results = w.HTML("")
    results.add_class("backpain-results")

    def on_upload(change: dict) -> None:
        files = change["new"]
        if not files:
            return
        names = [item["name"] for item in files]
        contents = [bytes(item["content"]) for item in files]
        size = sum(len(c) for c in contents) / 1e6
        status.value = html.escape(say("app.reading", lang, name=", ".join(names), size=size))
        results.value = ""

        def show(message: str) -> None:
            status.value = html.escape(message)

        try:
            res = analyse_upload(names, contents, lang=lang, progress=show)
            results.value = res.html
        except Exception as exc:  # the page must never show a traceback
            message = say("app.unexpected", lang, kind=type(exc).__name__, message=str(exc))
            results.value = _style() + _error_box(say("app.failed", lang), message)
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
            "title": say("app.title", lang),
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
    check_lang(lang)
    try:
        import voila  # noqa: F401
    except ImportError as exc:
        raise ImportError(say("app.needs_voila", lang)) from exc
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
