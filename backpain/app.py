"""The patient's upload page (``backpain app``): drop a diary file, see the results.

The page is a Voila app (a notebook shown as a web page, without code) served
on this computer only (``127.0.0.1``). It is one widget, :func:`upload_page`;
what it shows comes from :func:`analyse_upload`, which turns the uploaded
bytes into the report's data (:func:`backpain.report.build_report`), shown on
the page and offered as the report file to download.
Nothing is sent anywhere: the server listens on the loopback address, answers
only requests addressed to this computer from its own page (``Host`` and
``Origin`` checks on every handler) that carry the page's token (kept off
every command line, see :func:`serve`), the page loads no script, style sheet or
font from the internet (a template replaces Voila's default one, which links
Font Awesome from a CDN), and the figures are inline PNG.

Needs the ``notebook`` extra (``pip install "backpain[notebook]"``: voila and
ipywidgets); the analysis itself does not.
"""

from __future__ import annotations

import base64
import html
import io
import ipaddress
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ._config import config, language
from .text import Message, render_error, say

__all__ = ["UploadResult", "analyse_upload", "mood_labels", "serve", "upload_page"]

_ACCEPT = ".csv,.tsv,.txt,.xlsx,.xls,.json,.xml,.zip,.parquet"
#: Largest upload the page reads (all files chosen together), in MB.
MAX_UPLOAD_MB = 200
#: Largest websocket message the server takes, as a multiple of the page's
#: limit: the page's own script refuses files over the limit before they are
#: sent, and a file that slips past (no script) still reaches the kernel,
#: which refuses it with words.
_MESSAGE_FACTOR = 4
#: Most kernels (open pages) at once; each holds pandas and matplotlib.
MAX_KERNELS = 4
#: A kernel nobody is connected to is stopped after this many seconds.
_CULL_IDLE_S = 600
_CULL_INTERVAL_S = 60
#: Seconds Voila gets to stop its kernels before everything is killed.
_GRACE_S = 10.0
#: Longest note shown on the page; the downloaded report has every note in full.
NOTE_CHARS = 300
_REPORT_NAME = "backpain-report.html"


@dataclass
class UploadResult:
    """What the page shows after an upload.

    Attributes
    ----------
    ok : bool
        True when the file was read and analysed.
    html : str
        HTML fragment to show: the results, or the error box. Long notes are
        shortened (the report has them in full); the report itself is not in
        it, only a link to it (see ``report_href`` of :func:`analyse_upload`).
    message : str
        The error message in the page's language ("" when ``ok``).
    report : str
        The standalone report for download ("" when not ``ok``): the same
        :class:`~backpain.report.ReportData` as ``html``, rendered as a file.
    moods : tuple of str
        Every mood label of a Daylio file that uses labels whose level is not
        known (at least two; in the file's order), for the patient to put in
        order from best to worst and read again with ``moods=``; empty
        otherwise (see :func:`mood_labels`).
    """

    ok: bool
    html: str
    message: str = ""
    report: str = ""
    moods: tuple[str, ...] = ()


def _style() -> str:
    from .report import stylesheet

    return f"<style>{stylesheet()}</style>"


def _error_box(title: str, message: str, advice: str = "") -> str:
    advice_html = f"<br><i>{html.escape(advice)}</i>" if advice else ""
    return (
        f"<div class='backpain-error' role='alert'><b>{html.escape(title)}</b><br>"
        f"{html.escape(message)}{advice_html}</div>"
    )


def _is_ours(exc: BaseException) -> bool:
    """True for an error backpain words itself (a catalogue message, safe for the page)."""
    return hasattr(exc, "render") or bool(exc.args and isinstance(exc.args[0], Message))


def _log_unexpected(exc: BaseException) -> None:
    # the server's own log (the terminal of ``backpain app``), never the page
    stream = sys.__stderr__ or sys.stderr
    traceback.print_exception(exc, file=stream)


def _unexpected(lang: str) -> UploadResult:
    message = say("app.unexpected", lang)
    box = _error_box(say("app.failed", lang), message, say("app.unexpected_advice", lang))
    return UploadResult(False, _style() + box, message)


def mood_labels(load: Any) -> tuple[str, ...]:
    """The mood labels a patient can put in order: those of a Daylio file read with
    labels whose level is not known (the reader's note says so and carries them).

    Parameters
    ----------
    load : LoadReport
        The report of the files read (its ``parts`` for several files).

    Returns
    -------
    tuple of str
        Each label once (case aside), in the files' order; empty when every
        mood was read, or when only one label was found (an order needs two).

    Examples
    --------
    >>> from backpain import read_diary
    >>> csv = (b"full_date,date,weekday,time,mood\\n2024-06-01,x,x,20:00,blij\\n"
    ...        b"2024-06-02,x,x,20:00,moe\\n")
    >>> _, load = read_diary(csv, subject="me", return_report=True)
    >>> mood_labels(load)
    ('blij', 'moe')
    """
    labels: dict[str, str] = {}
    for report in [load, *getattr(load, "parts", [])]:
        for note in report.notes:
            if getattr(note, "key", None) == "read.daylio.moods_left_out":
                for label in note.params.get("labels", ()):
                    labels.setdefault(str(label).lower(), str(label))
    return tuple(labels.values()) if len(labels) > 1 else ()


def _data_link(report: str) -> str:
    encoded = base64.b64encode(report.encode()).decode()
    return f"data:text/html;charset=utf-8;base64,{encoded}"


def analyse_upload(
    name: str | Sequence[str],
    content: bytes | Sequence[bytes],
    *,
    lang: str | None = None,
    subject: str | None = None,
    max_mb: float = MAX_UPLOAD_MB,
    report_href: Callable[[str], str] | None = None,
    moods: Sequence[str] | None = None,
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
    lang : {"en", "nl"}, optional
        Language of the page.
    subject : str, optional
        The person, when the file holds several. Several files none of which
        names a person are one person's, named after the first file.
    max_mb : float
        Largest upload read (all files together, in MB); a bigger one gets
        a message saying the limit and how to export a shorter period.
    report_href : callable, optional
        Called with the standalone report; returns the address of the
        download link (the app writes the report to a file it serves).
        Default: the report itself as a ``data:`` address in the link.
    moods : sequence of str, optional
        A Daylio file's moods from best to worst, as the patient put them in
        order on the page (the ``moods`` of an earlier result); passed to
        :func:`backpain.report.build_report`.

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
    rendered twice from the same data: the page's fragment (notes longer
    than :data:`NOTE_CHARS` shortened, saying how much was left out) and the
    file to download, so the page and the report always agree. A file that
    cannot be read gives ``ok=False`` with the reader's message in ``lang``
    worded for the page (:class:`~backpain.DiaryError`, or another
    ``ValueError`` such as a file with several subjects), never a
    traceback; any other failure gives a plain message and advice on the
    page and the details in the server's log (standard error).

    Examples
    --------
    >>> res = analyse_upload("empty.csv", b"")
    >>> res.ok, res.message
    (False, 'empty.csv: the file is empty (0 bytes). Export the diary again.')
    """
    from .report import build_report
    from .report._render import render_html

    lang = language(lang)
    names = [name] if isinstance(name, str) else list(name)
    contents = [content] if isinstance(content, bytes | bytearray | memoryview) else list(content)
    total_mb = sum(len(c) for c in contents) / 1e6
    if total_mb > max_mb:
        message = say(
            "app.too_big", lang, name=", ".join(names), size=total_mb, limit=float(max_mb)
        )
        box = _error_box(say("app.too_big_title", lang), message, say("app.too_big_advice", lang))
        return UploadResult(False, _style() + box, message)

    def sources() -> Any:
        files = []
        for one_name, one_content in zip(names, contents, strict=True):
            source = io.BytesIO(bytes(one_content))
            source.name = one_name
            files.append(source)
        return files[0] if len(files) == 1 else files

    try:
        # read once and built once: files none of which names a person (a diary
        # and a watch's export) are one patient's, merged as one by build_report
        data = build_report(sources(), lang=lang, subject=subject, moods=moods)
    except ValueError as exc:  # DiaryError and SeveralSubjects are ValueErrors
        if not _is_ours(exc):  # a library's own words (pandas ...): not for the page
            _log_unexpected(exc)
            return _unexpected(lang)
        message = render_error(exc, lang, audience="page")
        box = _error_box(say("app.failed", lang), message)
        return UploadResult(False, _style() + box, message)
    report = data.to_html()
    href = _data_link(report) if report_href is None else report_href(report)
    link = (
        f"<p><a download='{html.escape(say('app.report_file', lang), quote=True)}' "
        f"href='{html.escape(href, quote=True)}'>"
        f"{html.escape(say('app.download', lang))}</a></p>"
    )
    page = render_html(data, standalone=False, note_chars=NOTE_CHARS)
    return UploadResult(True, _style() + link + page, "", report, mood_labels(data.load))


# CSS of the page only: the chooser's own counter "(0)" is hidden (font size
# 0) and its title shown instead; the status line says how many files in words.
_PAGE_CSS = (
    ".backpain-chooser{font-size:0!important}"
    ".backpain-chooser::before{content:attr(title);font-size:var(--jp-widgets-font-size,13px)}"
    ".backpain-status{color:#333;margin:.4rem 0}"
    ".backpain-status ol{margin:.2rem 0;padding-left:1.4rem}"
    ".backpain-status .done{color:#555}"
)


def _files_chosen(names: Sequence[str], lang: str) -> str:
    key = "app.files_one" if len(names) == 1 else "app.files_many"
    return say(key, lang, n=len(names), names=", ".join(names))


def _status_html(chosen: str, steps: Sequence[str], final: str = "") -> str:
    """The status line: the files chosen, then the steps so far (or the final word)."""
    items = "".join(
        f"<li class='{'done' if i < len(steps) - 1 else 'now'}'>{html.escape(s)}</li>"
        for i, s in enumerate(steps)
    )
    tail = f"<p>{html.escape(final)}</p>" if final else f"<ol>{items}</ol>"
    return (
        f"<div class='backpain-status' role='status' aria-live='polite'>"
        f"<b>{html.escape(chosen)}</b>{tail}</div>"
    )


class _ReportFiles:
    """Writes each page's report to a file the app serves; one file per page at a time.

    Under ``backpain app`` the kernel runs in the app's temporary folder and
    Voila serves ``reports/<random>/backpain-report.html`` from it (and no
    other file): the link sends the report only when clicked, instead of
    embedding it in the page a second time. The random folder name is the
    only key to the file; the folder is removed when the app stops.
    """

    def __init__(self, root: Path, base_url: str) -> None:
        self.root = root
        self.base_url = base_url
        self.current: Path | None = None

    def __call__(self, report: str) -> str:
        self.drop()
        folder = self.root / secrets.token_urlsafe(24)
        folder.mkdir(parents=True)
        path = folder / _REPORT_NAME
        path.write_text(report, encoding="utf-8")
        self.current = folder
        return f"{self.base_url}voila/files/reports/{folder.name}/{_REPORT_NAME}"

    def drop(self) -> None:
        if self.current is not None:
            shutil.rmtree(self.current, ignore_errors=True)
            self.current = None


def _report_files() -> _ReportFiles | None:
    """Report files when running under ``backpain app`` (else the link holds the report)."""
    if os.environ.get("BACKPAIN_APP") != "1":
        return None
    import atexit

    base = os.environ.get("VOILA_BASE_URL", "/")
    files = _ReportFiles(Path.cwd() / "reports", base if base.endswith("/") else base + "/")
    atexit.register(files.drop)  # the page's kernel stops: its report goes too
    return files


def upload_page(*, lang: str | None = None, max_mb: float = MAX_UPLOAD_MB) -> Any:
    """Build the upload widget the app shows (needs ``ipywidgets``).

    Parameters
    ----------
    lang : {"en", "nl"}, optional
        Language of the page.
    max_mb : float
        Largest upload (all files chosen together) the page reads, in MB.

    Returns
    -------
    ipywidgets.VBox
        A title, a file chooser (several files at once), a status line, the
        mood-order form and the results area. On upload, the status line says
        how many files were chosen and each step of the analysis, and
        :func:`analyse_upload` fills the results (or the error). When a
        Daylio file uses moods whose level is not known (``moods`` of the
        result), the form lists every mood of the file with its place and
        buttons to move it up or down (no dragging; each move is announced to
        screen readers), and its button reads the same upload again with the
        moods in that order, best first. The upload is kept only while the
        form is shown.
    """
    lang = language(lang)
    try:
        import ipywidgets as w
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(say("app.needs_widgets", lang)) from exc
    head = w.HTML(
        f"<style>{_PAGE_CSS}</style>"
        f"<h1>{html.escape(say('app.title', lang))}</h1>"
        f"<p>{html.escape(say('app.intro', lang))}</p>"
    )
    label = say("app.button", lang)
    chooser = w.FileUpload(
        accept=_ACCEPT,
        multiple=True,
        description=label,
        tooltip=label,
        icon="",
        layout={"width": "auto"},
    )
    chooser.add_class("backpain-chooser")
    status = w.HTML("")
    results = w.HTML("")
    results.add_class("backpain-results")
    order = w.VBox([])
    order.add_class("backpain-moods")
    files = _report_files()
    # the upload kept while the patient puts its moods in order (dropped after)
    held: dict[str, Any] = {}

    def analyse(names: list[str], contents: list[bytes], moods: list[str] | None) -> None:
        size = sum(len(c) for c in contents) / 1e6
        count = _files_chosen(names, lang)
        steps = [say("app.reading", lang, size=size)]
        status.value = _status_html(count, steps)
        results.value = ""
        order.children = ()

        def show(message: str) -> None:
            steps.append(message)
            status.value = _status_html(count, steps)

        try:
            # the steps are shown on the page as they start (backpain.config's progress)
            with config(lang=lang, progress=show):
                res = analyse_upload(
                    names, contents, lang=lang, max_mb=max_mb, report_href=files, moods=moods
                )
        except Exception as exc:  # the page must never show a traceback
            _log_unexpected(exc)
            res = _unexpected(lang)
        held.clear()
        if res.ok and res.moods:
            held.update(names=names, contents=contents, labels=list(res.moods))
            show_order("")
        results.value = res.html
        done = say("app.shown" if res.ok else "app.shown_error", lang)
        status.value = _status_html(count, [], done)

    def move(label: str, step: int) -> None:
        # by label, not by place: a click on a button of the form before it was redrawn
        # still moves the mood it names
        labels = held["labels"]
        i = labels.index(label)
        if not 0 <= i + step < len(labels):
            return
        labels[i], labels[i + step] = labels[i + step], labels[i]
        said = say(
            "app.moods_moved", lang, label=labels[i + step], place=i + step + 1, n=len(labels)
        )
        show_order(said)

    def show_order(said: str) -> None:
        """The form: each mood with its place and buttons to move it; the order read on press."""
        labels = held["labels"]
        rows = []
        for i, label in enumerate(labels):
            place = w.HTML(html.escape(say("app.moods_place", lang, place=i + 1, label=label)))
            up = w.Button(description=say("app.moods_up", lang, label=label), disabled=i == 0)
            down = w.Button(
                description=say("app.moods_down", lang, label=label), disabled=i == len(labels) - 1
            )
            up.on_click(lambda _b, label=label: move(label, -1))
            down.on_click(lambda _b, label=label: move(label, +1))
            for b in (up, down):
                b.tooltip = b.description
                b.layout = {"width": "auto"}
            rows.append(w.HBox([place, up, down]))
        apply = w.Button(description=say("app.moods_apply", lang), button_style="primary")
        apply.tooltip = apply.description
        apply.layout = {"width": "auto"}
        apply.on_click(lambda _b: analyse(held["names"], held["contents"], list(held["labels"])))
        intro = (
            f"<h2>{html.escape(say('app.moods_title', lang))}</h2>"
            f"<p>{html.escape(say('app.moods_intro', lang, n=len(labels)))}</p>"
        )
        live = f"<p role='status' aria-live='polite'>{html.escape(said)}</p>"
        order.children = (w.HTML(intro), *rows, w.HTML(live), apply)

    def on_upload(change: dict) -> None:
        chosen = change["new"]
        if not chosen:
            return
        names = [str(item["name"]) for item in chosen]
        contents = [bytes(item["content"]) for item in chosen]
        chooser.value = ()  # the same file can be chosen again; frees the bytes
        analyse(names, contents, None)

    chooser.observe(on_upload, names="value")
    return w.VBox([head, chooser, status, order, results])


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
{%- block html_head_js -%}
{{ super() }}
<script>
(function () {
  /* An alert box after the element ``after`` (or first in the page): a bold
     title, then lines of text. */
  function alertBox(id, words, after) {
    var box = document.createElement("div");
    box.id = id;
    box.className = "backpain-error";
    box.setAttribute("role", "alert");
    var title = document.createElement("b");
    title.textContent = words[0];
    box.appendChild(title);
    words.slice(1).forEach(function (line) {
      box.appendChild(document.createElement("br"));
      box.appendChild(document.createTextNode(line));
    });
    var anchor = document.querySelector(after) || document.body.firstChild;
    anchor.parentNode.insertBefore(box, anchor.nextSibling);
    return box;
  }

  /* Files over the page's limit are refused here, before the browser sends
     them: the server would otherwise close the connection without a word.
     The upload widget's file input is never put in the page, so the check is
     attached to each input as it is made, ahead of the widget's own handler. */
  var limit = @LIMIT@;
  var words = @WORDS@;
  function refuse(input) {
    var old = document.getElementById("backpain-too-big");
    if (old) { old.remove(); }
    var total = 0;
    for (var i = 0; i < input.files.length; i++) { total += input.files[i].size; }
    if (total <= limit) { return false; }
    alertBox("backpain-too-big", words, "button.widget-upload");
    return true;
  }
  var make = document.createElement;
  document.createElement = function (tag) {
    var element = make.apply(document, arguments);
    if (String(tag).toLowerCase() === "input") {
      element.addEventListener("change", function (event) {
        if (element.type === "file" && element.files && refuse(element)) {
          event.stopImmediatePropagation();
          element.value = "";
        }
      });
    }
    return element;
  };

  /* The page's kernel can die while it reads a file (the computer ran out of
     memory): the server restarts it empty and says so on the kernel's
     websocket ("restarting", or "dead" when it cannot). The page then says
     what happened and offers a fresh page (a new kernel) to try again. */
  var died = @DIED@;
  var pattern = /"execution_state"\\s*:\\s*"(restarting|dead)"/;
  function stopped() {
    if (document.getElementById("backpain-died")) { return; }
    var box = alertBox("backpain-died", died.slice(0, 2), ".backpain-status");
    var again = document.createElement("button");
    again.type = "button";
    again.textContent = died[2];
    again.addEventListener("click", function () { window.location.reload(); });
    box.appendChild(document.createElement("br"));
    box.appendChild(again);
  }
  function look(data) {
    if (typeof data === "string") {
      if (pattern.test(data)) { stopped(); }
    } else if (data instanceof ArrayBuffer) {
      if (pattern.test(new TextDecoder().decode(data))) { stopped(); }
    } else if (data && data.text) {
      data.text().then(function (text) { if (pattern.test(text)) { stopped(); } });
    }
  }
  var Native = window.WebSocket;
  function Watched(url, protocols) {
    var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    if (String(url).indexOf("/channels") !== -1) {
      socket.addEventListener("message", function (event) { look(event.data); });
    }
    return socket;
  }
  Watched.prototype = Native.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (name) {
    Watched[name] = Native[name];
  });
  window.WebSocket = Watched;
})();
</script>
{%- endblock html_head_js -%}
"""


def _page_template(lang: str, max_mb: float) -> str:
    """Voila's template for the page: the size check and the notice of a dead kernel, in ``lang``."""
    words = [
        say("app.too_big_title", lang),
        say("app.too_big_browser", lang, limit=float(max_mb)),
        say("app.too_big_advice", lang),
    ]
    died = [say("app.died_title", lang), say("app.died", lang), say("app.try_again", lang)]
    return (
        _TEMPLATE.replace("@LIMIT@", str(int(max_mb * 1e6)))
        .replace("@WORDS@", _js_words(words))
        .replace("@DIED@", _js_words(died))
    )


def _js_words(words: Sequence[str]) -> str:
    # json.dumps escapes quotes; "<" is escaped so that no text can close the script
    return json.dumps(list(words)).replace("<", "\\u003c")


# Voila's error page links Font Awesome from a CDN and leaves out the message:
# this one loads nothing and shows the message (autoescaped), in the page's words.
_ERROR_TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{{{ status_message }}}}</title><style>{{% raw %}}{css}
body{{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}}
{{% endraw %}}</style></head>
<body><div class="backpain-error" role="alert"><b>{{{{ status_message }}}}</b>
{{%- if message %}}<br>{{{{ message }}}}{{% endif %}}</div></body></html>
"""


def _error_template(lang: str) -> str:
    from .report import stylesheet

    return _ERROR_TEMPLATE.format(lang=lang, css=stylesheet())


def _app_notebook(lang: str, max_mb: float = MAX_UPLOAD_MB) -> dict:
    code = f'from backpain.app import upload_page\n\nupload_page(lang="{lang}", max_mb={float(max_mb)!r})'
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


def _local_host(host: str) -> bool:
    """True when a ``Host`` header names this computer (``127.0.0.1:8866``, ``localhost``).

    >>> _local_host("127.0.0.1:8866"), _local_host("[::1]:80"), _local_host("evil.example")
    (True, True, False)
    """
    if host.startswith("["):  # [::1]:8866
        name = host[1 : host.find("]")].lower()
    else:
        name = host.split(":", 1)[0].lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _request_allowed(headers: Any) -> bool:
    """The ``Host`` is this computer and any ``Origin`` is this page itself."""
    host = headers.get("Host", "")
    if not _local_host(host):
        return False
    origin = headers.get("Origin") or headers.get("Sec-Websocket-Origin")
    return origin is None or urlparse(origin.lower()).netloc == host.lower()


def _signed_in(handler: Any) -> bool:
    """The request carries the page's token (``?token=``, ``Authorization``) or its login cookie.

    For the handlers that do not check it themselves (tornado's file
    handlers); Jupyter's handlers check the same through the identity
    provider. The cookie is the one Jupyter sets when the page is first
    opened with its token, signed with the server's secret.
    """
    provider = handler.settings.get("identity_provider")
    token = getattr(provider, "token", "") if provider is not None else ""
    if not token:  # the token is turned off (serve(token=""))
        return True
    given = handler.get_argument("token", "")
    if not given:
        words = handler.request.headers.get("Authorization", "").split()
        given = words[1] if len(words) == 2 and words[0].lower() in ("token", "bearer") else ""
    if given and secrets.compare_digest(given.encode(), token.encode()):
        return True
    name = provider.get_cookie_name(handler)
    return handler.get_secure_cookie(name, **provider.get_secure_cookie_kwargs) is not None


def _guarded(handler: tuple) -> tuple:
    """A Voila handler that refuses a foreign ``Host`` or ``Origin``, or a request without the token.

    Voila sets ``allow_remote_access=True`` and adds tornado's own static
    file handlers, which Jupyter's host check does not cover; this check runs
    in ``prepare`` of every handler, before the websocket upgrade too. Those
    file handlers (one of them serves the reports) check no token either:
    here they answer only a request with the page's token or its login
    cookie (403 otherwise); Jupyter's own handlers ask for it themselves.
    """
    import tornado.web
    from jupyter_server.base.handlers import JupyterHandler

    pattern, cls, *rest = handler
    needs_token = not issubclass(cls, JupyterHandler)

    class Guarded(cls):  # type: ignore[misc,valid-type]
        def prepare(self, *args: Any, **kwargs: Any) -> Any:
            if not _request_allowed(self.request.headers):
                raise tornado.web.HTTPError(403)
            if needs_token and not _signed_in(self):
                raise tornado.web.HTTPError(403)
            return super().prepare(*args, **kwargs)

    Guarded.__name__ = Guarded.__qualname__ = f"Local{cls.__name__}"
    return (pattern, Guarded, *rest)


def _die_with_parent(parent: int) -> None:
    """Stop this process (SIGTERM) when ``parent`` stops, even when it is killed (``kill -9``).

    On Linux the kernel sends the signal (``prctl(PR_SET_PDEATHSIG)``); on
    every system a daemon thread also checks once a second that the parent is
    still this process's parent (macOS and Windows have no such signal). On
    SIGTERM Voila stops its kernels; a kernel also stops by itself when Voila
    goes (ipykernel's parent poller, ``JPY_PARENT_PID``).
    """
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
            pass

    def parent_gone() -> bool:
        return os.getppid() != parent

    def watch() -> None:
        while not parent_gone():
            threading.Event().wait(1.0)
        os.kill(os.getpid(), signal.SIGTERM)

    if parent_gone():  # it went before the signal was asked for
        os.kill(os.getpid(), signal.SIGTERM)
    threading.Thread(target=watch, name="backpain-parent-watch", daemon=True).start()


def _voila_main(
    argv: Sequence[str], lang: str, max_kernels: int, parent: int, page_grace_s: float
) -> None:
    """Run Voila with the app's guards: ``Host``/``Origin``/token checks and a kernel cap.

    ``parent`` is the process of :func:`serve`: Voila stops when it does.
    A kernel counts towards ``max_kernels`` while a page is connected to it,
    or for ``page_grace_s`` seconds after its last activity (a page being
    shown opens its connection within that time); a kernel whose page is
    gone (a tab closed, a browser that crashed) makes room for a new page
    and is stopped.
    """
    _die_with_parent(parent)
    import datetime

    import tornado.web
    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
    from voila.app import Voila

    class CappedKernelManager(AsyncMappingKernelManager):
        """At most ``max_kernels`` live kernels: another page gets a message instead."""

        starting = 0

        def _create_kernel_manager_factory(self) -> Callable:
            make = super()._create_kernel_manager_factory()

            def factory(*args: Any, **kw: Any) -> Any:
                # Jupyter names the connection file after the kernel's id, which
                # is then on the kernel's command line for every user to see
                if "connection_file" in kw:
                    name = f"kernel-{secrets.token_hex(8)}.json"
                    kw["connection_file"] = os.path.join(self.connection_dir, name)
                    if os.name == "posix":
                        # the kernel's sockets as files in the owner's folder (the
                        # working folder of Voila and the kernel), not on TCP ports
                        # where any user could listen to its output
                        kw["transport"] = "ipc"
                        kw["ip"] = name.removesuffix(".json")
                return make(*args, **kw)

            return factory

        def _gone(self, kernel_id: str) -> bool:
            if self._kernel_connections.get(kernel_id, 0) > 0:
                return False
            last = getattr(self._kernels.get(kernel_id), "last_activity", None)
            if last is None:
                return False
            now = datetime.datetime.now(datetime.UTC)
            return (now - last).total_seconds() > page_grace_s

        async def start_kernel(self, *args: Any, kernel_id: str | None = None, **kw: Any) -> str:
            if kernel_id is None:
                for old in [k for k in self.list_kernel_ids() if self._gone(k)]:
                    self.log.info("Stopping kernel %s: no page is connected to it", old)
                    await self.shutdown_kernel(old, now=True)
                if len(self.list_kernel_ids()) + self.starting >= max_kernels:
                    message = say("app.too_many_pages", lang, n=max_kernels)
                    raise tornado.web.HTTPError(503, message, reason=say("app.busy", lang))
            self.starting += 1
            try:
                return await super().start_kernel(*args, kernel_id=kernel_id, **kw)
            finally:
                self.starting -= 1

    class LocalVoila(Voila):
        def init_settings(self) -> dict:
            self.voila_configuration.multi_kernel_manager_class = CappedKernelManager
            return super().init_settings()

        def init_handlers(self) -> list:
            return [_guarded(h) for h in super().init_handlers()]

    LocalVoila.launch_instance(list(argv))


def _descendants(pid: int) -> list[Any]:
    """The processes started by ``pid``, and theirs (``psutil``, which ipykernel needs)."""
    try:
        import psutil
    except ImportError:  # pragma: no cover - ipykernel depends on psutil
        return []
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []


def _stop_server(proc: subprocess.Popen, grace: float = _GRACE_S) -> None:
    """Stop Voila and every kernel: SIGTERM, ``grace`` seconds, then SIGKILL.

    Voila stops its kernels on SIGTERM; the kernels run in sessions of their
    own, so any process of the tree still alive after the grace period is
    killed one by one (the tree is listed before Voila goes).
    """
    tree = _descendants(proc.pid)
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
    if not tree:
        return
    import psutil

    _gone, alive = psutil.wait_procs(tree, timeout=grace / 2)
    for child in alive:
        try:
            child.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(alive, timeout=grace / 2)


#: A kernel nobody is connected to still counts towards the cap this long
#: after its last activity: the time a page being shown takes to connect.
_PAGE_GRACE_S = 30.0
_OWNER = "owner.json"


def _owner_only(path: Path, text: str) -> None:
    """Write ``text`` to a new file that only its owner can read or write (mode 0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)


def _started(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), or None when there is none."""
    try:
        import psutil
    except ImportError:  # pragma: no cover - ipykernel depends on psutil
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except OSError:  # another user's process: not the owner
            return None
        return 0.0
    try:
        return float(psutil.Process(pid).create_time())
    except psutil.Error:
        return None


def _clean_stale(tmp: str | Path) -> list[Path]:
    """Remove the folders of earlier ``backpain app`` runs whose process is gone.

    A run killed outright (``kill -9``, a power cut) cannot remove its
    folder (notebook, reports, the kernels' temporary files). Each folder
    names its owner (``owner.json``: process id and start time); a folder
    of this user whose owner no longer runs is removed. Folders of other
    users, and folders without that file, are left alone.
    """
    removed = []
    uid = getattr(os, "getuid", lambda: None)()
    for folder in Path(tmp).glob("backpain-app-*"):
        try:
            if folder.is_symlink() or not folder.is_dir():
                continue
            if uid is not None and folder.stat().st_uid != uid:
                continue
            owner = json.loads((folder / _OWNER).read_text(encoding="utf-8"))
            pid, started = int(owner["pid"]), float(owner["started"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        now = _started(pid)
        if now is not None and (started == 0.0 or now == 0.0 or abs(now - started) < 1.0):
            continue  # still running
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _port_busy(port: int) -> bool:
    """True when another program already listens on ``127.0.0.1:port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        if os.name == "posix":  # as tornado binds: a port in TIME_WAIT is free
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


_REDIRECT = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0;url={url}"><title>backpain</title></head>
<body><p><a href="{url}">{url_text}</a></p></body></html>
"""


def _open_browser(folder: Path, url: str) -> None:
    """Open ``url`` in the browser through a file only this user can read.

    The address holds the page's token; given to the browser directly, it
    would be on the browser's command line, which every user can see. As
    Jupyter does, the browser opens a local file (mode 0600, in the app's
    own folder) that forwards it to the page.
    """
    import webbrowser

    page = folder / "open.html"
    quoted = html.escape(url, quote=True)
    _owner_only(page, _REDIRECT.format(url=quoted, url_text=quoted))
    webbrowser.open(page.as_uri())


class _Stop(Exception):
    """SIGTERM, SIGINT or SIGHUP reached ``serve``."""


def _catch_stop_signals() -> dict[int, Any]:
    """Turn the stop signals into :class:`_Stop` (once); returns the old handlers."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    caught: list[int] = []

    def on_signal(signum: int, _frame: Any) -> None:
        if not caught:  # a second signal while stopping changes nothing
            caught.append(signum)
            raise _Stop(signum)

    return {
        sig: signal.signal(sig, on_signal)
        for sig in (signal.SIGTERM, signal.SIGINT, getattr(signal, "SIGHUP", signal.SIGTERM))
    }


# A log record starts with "[" (Jupyter's "[W 2026-... ServerApp]", "[Voila]") or a
# traceback; its other lines follow it. Only errors are kept for the patient.
_RECORD = re.compile(r"^(?:\[|Traceback \(most recent call last\))")
_ERROR = re.compile(r"^(?:\[[EC][ \]]|\[\w+\]\s*(?:ERROR|CRITICAL)\b|Traceback )")


def _patient_log(lines: Iterable[str]) -> Iterator[str]:
    """The lines of the server's log a patient needs: errors and tracebacks, nothing else.

    The lines below are Voila 0.5's own (seen in ``backpain app``'s terminal).

    >>> log = ["[LocalVoila] Voilà is running at:", "http://127.0.0.1:8866/?token=...",
    ...        "[LocalVoila] WARNING | Notebook backpain-app.ipynb is not trusted",
    ...        "[W 2026-12-07 ServerApp] Kernel is running over TCP without encryption.",
    ...        "    It is susceptible to eavesdropping.",
    ...        "[LocalVoila] ERROR | Uncaught exception", "    details"]
    >>> list(_patient_log(log))
    ['[LocalVoila] ERROR | Uncaught exception', '    details']
    """
    keep = False
    for line in lines:
        if _RECORD.match(line):
            keep = bool(_ERROR.match(line))
        if keep and "?token=..." not in line:
            yield line


def _copy_log(source: Any, stream: Any) -> None:
    for line in _patient_log(source):
        stream.write(line if line.endswith("\n") else line + "\n")
        stream.flush()


def serve(
    *,
    port: int | None = None,
    open_browser: bool = True,
    lang: str | None = None,
    token: str | None = None,
    announce: Any = None,
    max_kernels: int = MAX_KERNELS,
    cull_idle_s: int = _CULL_IDLE_S,
    max_upload_mb: float = MAX_UPLOAD_MB,
    quiet: bool = False,
) -> int:
    """Run the upload page on ``http://127.0.0.1:<port>/`` until stopped.

    Parameters
    ----------
    port : int, optional
        Port to listen on (default: a free one).
    open_browser : bool
        Open the page in the default browser.
    lang : {"en", "nl"}, optional
        Language of the page.
    token : str, optional
        Access token in the page address, so that other users of the same
        computer cannot open it; default a random one. ``""`` turns it off.
        It is never put on a command line (see Notes).
    announce : callable, optional
        Called with the page's address (with the token) once the server is
        starting (the command line prints it).
    max_kernels : int
        Most pages (kernels) open at once; another page says so and asks to
        close one.
    cull_idle_s : int
        Seconds after which a kernel with no page connected is stopped.
    max_upload_mb : float
        Largest upload (all files chosen together) the page reads, in MB. The
        page's script refuses bigger files before they are sent, with a
        message in ``lang``; the kernel checks again.
    quiet : bool
        Show only errors of the server's log (``backpain app`` does: a patient
        reads Voila's notes on encryption, trust or pings as alarms); False
        passes the whole log through.

    Returns
    -------
    int
        The server's exit code; 0 when stopped by SIGTERM, SIGINT (Ctrl+C)
        or SIGHUP.

    Notes
    -----
    Starts Voila (:func:`_voila_main`) in a session of its own on a notebook
    and template written to a temporary folder only this user can open
    (mode 0700), bound to ``127.0.0.1``. Every request must name this
    computer as ``Host`` and, when it has an ``Origin``, come from the page
    itself, or it gets 403 (websockets too); every address that can serve a
    patient's data (the page, the kernels and their websocket, the report
    download) needs the token or the login cookie the page sets.

    The token is on no command line (``ps`` shows command lines to every
    user): Voila reads it from its configuration file (mode 0600), the
    browser is opened through a forwarding file of mode 0600 (as Jupyter
    does), and only this command's own output prints the address. Kernels
    get connection files named at random (not after their id) and, on Linux
    and macOS, talk to Voila through socket files in the app's folder
    instead of TCP ports. Voila stops when this process stops, even when it
    is killed (``kill -9``): a parent-death signal on Linux, a watchdog
    elsewhere; its kernels follow Voila. The folders of runs that were
    killed are removed at the next start. A ``port`` that another program
    already uses is refused before anything is printed.

    Kernels nobody is connected to are stopped after ``cull_idle_s``
    (Jupyter's ``MappingKernelManager.cull_idle_timeout``, checked every
    minute at most; a page that is open keeps its kernel); at most
    ``max_kernels`` run at once (Voila has no such cap: a kernel manager
    subclass refuses the next one with a message). Only kernels with a page
    connected count (or that were active in the last 30 s, while a page
    opens): the kernel of a closed tab or a crashed browser makes room for a
    new page. A kernel that dies (out of memory) is restarted empty by
    Jupyter; the page says so and offers a fresh page. Uploads reach the page
    over the websocket up to 800 MB; the page reads up to
    :data:`MAX_UPLOAD_MB`. On SIGTERM, SIGINT or SIGHUP, Voila is stopped
    (it stops its kernels), anything left of its process tree is killed
    after 10 s, and the temporary folder (notebook, reports, the kernels'
    temporary files: ``TMPDIR`` points there) is removed.
    """
    lang = language(lang)
    try:
        import voila  # noqa: F401
    except ImportError as exc:
        raise ImportError(say("app.needs_voila", lang)) from exc
    _clean_stale(tempfile.gettempdir())
    if port is not None and _port_busy(int(port)):
        msg = Message("app.port_busy", port=int(port))
        raise ValueError(msg)
    port = _free_port() if port is None else int(port)
    token = secrets.token_urlsafe(16) if token is None else token
    previous = _catch_stop_signals()
    work = Path(tempfile.mkdtemp(prefix="backpain-app-"))  # mode 0700: this user's only
    proc: subprocess.Popen | None = None
    try:
        started = _started(os.getpid())
        owner = {"pid": os.getpid(), "started": started or 0.0}
        _owner_only(work / _OWNER, json.dumps(owner))
        template = work / "voila" / "templates" / "backpain"
        template.mkdir(parents=True)
        (template / "conf.json").write_text(json.dumps({"base_template": "lab"}))
        (template / "index.html.j2").write_text(_page_template(lang, max_upload_mb))
        (template / "error.html").write_text(_error_template(lang))
        notebook = work / "backpain-app.ipynb"
        notebook.write_text(json.dumps(_app_notebook(lang, float(max_upload_mb)), indent=1))
        (work / "reports").mkdir()
        (work / "tmp").mkdir()
        env = dict(os.environ)
        env["JUPYTER_PATH"] = os.pathsep.join(
            p for p in (str(work), env.get("JUPYTER_PATH", "")) if p
        )
        env["JUPYTER_PLATFORM_DIRS"] = "1"
        config = work / "config"
        config.mkdir()
        settings = {
            "tornado_settings": {
                "websocket_max_message_size": int(_MESSAGE_FACTOR * max_upload_mb * 2**20),
                "allow_remote_access": False,
                "local_hostnames": ["localhost"],
            },
            "connection_dir_root": str(work),
            # the token is read from this file (0600), never from a command line
            "token": token,
        }
        culling = {
            "cull_idle_timeout": int(cull_idle_s),
            "cull_interval": max(1, min(_CULL_INTERVAL_S, int(cull_idle_s))),
            "cull_connected": False,
        }
        files = {
            "file_allowlist": [r"reports/[A-Za-z0-9_-]{32}/" + _REPORT_NAME.replace(".", r"\.")]
        }
        _owner_only(
            config / "voila.json",
            json.dumps(
                {
                    "Voila": settings,
                    "MappingKernelManager": culling,
                    "VoilaConfiguration": files,
                }
            ),
        )
        env["JUPYTER_CONFIG_DIR"] = str(config)
        env["MPLBACKEND"] = "Agg"
        env["TMPDIR"] = str(work / "tmp")
        env["BACKPAIN_APP"] = "1"
        args = [
            str(notebook),
            f"--port={port}",
            "--Voila.ip=127.0.0.1",
            "--Voila.port_retries=0",
            "--no-browser",
            "--template=backpain",
            "--theme=light",
        ]
        code = (
            "import sys; from backpain.app import _voila_main; "
            f"_voila_main(sys.argv[1:], {lang!r}, {int(max_kernels)}, {os.getpid()}, "
            f"{float(_PAGE_GRACE_S)!r})"
        )
        cmd = [sys.executable, "-c", code, *args]
        url = f"http://127.0.0.1:{port}/" + (f"?token={token}" if token else "")
        if announce is not None:
            announce(url)
        piped = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True}
        proc = subprocess.Popen(
            cmd,
            env=env,
            cwd=work,
            start_new_session=True,
            **(piped | {"errors": "replace"} if quiet else {}),
        )
        if quiet:
            # the terminal shows the patient only what they need: errors, never
            # Voila's notes on encryption, trust, pings or a "?token=..." address
            stream = sys.__stderr__ or sys.stderr
            threading.Thread(target=_copy_log, args=(proc.stdout, stream), daemon=True).start()
        if open_browser:
            timer = threading.Timer(3.0, _open_browser, args=(work, url))
            timer.daemon = True
            timer.start()
        return proc.wait()
    except (_Stop, KeyboardInterrupt):  # asked to stop, at any moment: stop cleanly
        return 0
    finally:
        if proc is not None:
            _stop_server(proc)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        shutil.rmtree(work, ignore_errors=True)
