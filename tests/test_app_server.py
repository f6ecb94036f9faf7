"""``backpain app`` as a server: clean shutdown, only local requests, a cap on kernels.

Each test starts the real server (``python -m backpain app``) on a free
loopback port, with ``TMPDIR`` in the test's folder so that its temporary
folder can be checked, and talks to it with plain HTTP (``http.client`` and
a raw websocket upgrade): no browser needed.
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from _servers import wait_for_port

from backpain.app import _free_port

pytest.importorskip("voila")
psutil = pytest.importorskip("psutil")

# ``browser``: the tests that may connect to a local server (conftest.py); no
# browser is started here
pytestmark = pytest.mark.browser

SRC = str(Path(__file__).parents[1])


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid``, from /proc/<pid>/task/*/children."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids = (task / "children").read_text().split()
        except OSError:
            continue
        for kid in map(int, kids):
            found += [kid, *_children(kid)]
    return found


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


class Server:
    def __init__(self, proc: subprocess.Popen, port: int, token: str, tmp: Path) -> None:
        self.proc, self.port, self.token, self.tmp = proc, port, token, tmp
        self.tree: list = []  # processes seen by a test, killed if a test fails

    def get(self, path: str = "/", headers: dict | None = None) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        sep = "&" if "?" in path else "?"
        conn.request("GET", f"{path}{sep}token={self.token}", headers=headers or {})
        res = conn.getresponse()
        body = res.read().decode("utf-8", "replace")
        conn.close()
        return res.status, body

    def upgrade(self, kernel_id: str, headers: dict) -> int:
        """Status of a websocket upgrade to the kernel's channels (101 = accepted)."""
        key = base64.b64encode(os.urandom(16)).decode()
        lines = [
            f"GET /api/kernels/{kernel_id}/channels?token={self.token} HTTP/1.1",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
        ]
        headers = {"Host": f"127.0.0.1:{self.port}", **headers}
        lines += [f"{k}: {v}" for k, v in headers.items()]
        with socket.create_connection(("127.0.0.1", self.port), timeout=30) as s:
            s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
            reply = s.recv(4096).decode("latin-1")
        return int(reply.split()[1])


def _start(tmp_path: Path, *args: str, code: str | None = None) -> Server:
    port = _free_port()
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONPATH": SRC}
    cmd = (
        [sys.executable, "-m", "backpain", "app", "--no-browser", f"--port={port}", *args]
        if code is None
        else [sys.executable, "-c", code.format(port=port)]
    )
    with (tmp_path / "server.log").open("w") as log:
        # NOT in a session of its own: the tests signal the backpain process only
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log, text=True, env=env)
    line = proc.stdout.readline()
    token = re.search(r"token=(\S+)", line)
    assert token is not None, line
    wait_for_port(port, proc)
    return Server(proc, port, token.group(1), tmp_path)


def _cleanup(server: Server) -> None:
    """Whatever a failed test left: kill the tree (the test already judged it)."""
    tree = [psutil.Process(p) for p in _children(server.proc.pid) if psutil.pid_exists(p)]
    tree += server.tree
    if server.proc.poll() is None:
        server.proc.kill()
        server.proc.wait()
    for p in tree:
        try:
            p.kill()
        except psutil.Error:
            pass
    server.proc.stdout.close()


@pytest.fixture
def server(tmp_path):
    srv = _start(tmp_path)
    yield srv
    _cleanup(srv)


@pytest.fixture(scope="module")
def asked(tmp_path_factory):
    """One server for the tests that only ask it questions (none of them stops it)."""
    srv = _start(tmp_path_factory.mktemp("asked"))
    yield srv
    _cleanup(srv)


def _kernels(pids: list[int]) -> list[int]:
    out = []
    for pid in pids:
        try:
            if "ipykernel_launcher" in " ".join(psutil.Process(pid).cmdline()):
                out.append(pid)
        except psutil.Error:
            pass
    return out


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_signal_stops_voila_and_every_kernel(server, sig):
    status, _page = server.get("/")
    assert status == 200
    tree = _children(server.proc.pid)
    assert len(_kernels(tree)) == 1  # the page started a kernel
    procs = server.tree = [psutil.Process(p) for p in tree]
    folders = list(server.tmp.glob("backpain-app-*"))
    assert len(folders) == 1
    assert (folders[0] / "backpain-app.ipynb").exists()

    server.proc.send_signal(sig)  # to the backpain process only, as a service manager would
    assert server.proc.wait(timeout=30) == 0
    _gone, alive = psutil.wait_procs(procs, timeout=5)
    assert alive == [], f"left running: {[p.cmdline()[:3] for p in alive]}"
    assert _port_free(server.port)
    assert list(server.tmp.glob("backpain-app-*")) == []  # notebook, reports, kernels' tmp


def test_only_this_computer_and_this_page_are_answered(asked):
    server = asked
    status, page = server.get("/")
    assert status == 200
    kernel_id = re.search(r'kernelId": "([0-9a-f-]{36})"', page).group(1)
    evil_host = {"Host": "evil.example"}
    evil_origin = {"Origin": "http://evil.example"}
    own_origin = {"Origin": f"http://127.0.0.1:{server.port}"}
    # the page, a static file and the kernel API (what an XHR asks)
    for path in ("/", "/voila/static/voila.js", f"/api/kernels/{kernel_id}"):
        assert server.get(path)[0] == 200, path
        assert server.get(path, evil_host)[0] == 403, path
        assert server.get(path, evil_origin)[0] == 403, path
        assert server.get(path, own_origin)[0] == 200, path
    # DNS rebinding: a foreign name that resolves here, with its own origin
    both = {"Host": "evil.example:80", "Origin": "http://evil.example:80"}
    assert server.get("/", both)[0] == 403
    # the websocket to the kernel: the page's own upgrade works, a foreign one is refused
    assert server.upgrade(kernel_id, own_origin) == 101
    assert server.upgrade(kernel_id, evil_origin) == 403
    assert server.upgrade(kernel_id, {"Host": "evil.example"}) == 403


def test_reports_folder_serves_only_report_files(asked):
    server = asked
    status, _page = server.get("/")
    assert status == 200
    folder = next(server.tmp.glob("backpain-app-*"))
    secret = "A" * 32
    (folder / "reports" / secret).mkdir()
    (folder / "reports" / secret / "backpain-report.html").write_text("<p>the report</p>")
    (folder / "reports" / secret / "other.png").write_bytes(b"png")
    ok = server.get(f"/voila/files/reports/{secret}/backpain-report.html")
    assert ok == (200, "<p>the report</p>")
    assert server.get(f"/voila/files/reports/{secret}/other.png")[0] == 403
    assert server.get("/voila/files/backpain-app.ipynb")[0] == 403


def test_kernels_are_capped_with_a_message(tmp_path):
    code = (
        "from backpain.app import serve; "
        "serve(port={port}, open_browser=False, lang='nl', max_kernels=2, "
        "announce=lambda url: print(url, flush=True))"
    )
    srv = _start(tmp_path, code=code)
    try:
        assert srv.get("/")[0] == 200
        assert srv.get("/")[0] == 200
        status, page = srv.get("/")
        assert status == 503
        assert "De dagboekpagina is al open in 2 browsertabbladen" in page
        assert "cdn.jsdelivr" not in page  # the error page loads nothing from outside
        assert len(_kernels(_children(srv.proc.pid))) == 2
    finally:
        _cleanup(srv)


def test_a_kernel_without_a_page_is_culled(tmp_path):
    code = (
        "from backpain.app import serve; "
        "serve(port={port}, open_browser=False, cull_idle_s=2, "
        "announce=lambda url: print(url, flush=True))"
    )
    srv = _start(tmp_path, code=code)
    try:
        assert srv.get("/")[0] == 200  # renders the page in a kernel; no websocket follows
        assert len(_kernels(_children(srv.proc.pid))) == 1
        end = time.monotonic() + 60
        while _kernels(_children(srv.proc.pid)) and time.monotonic() < end:
            time.sleep(0.5)
        assert _kernels(_children(srv.proc.pid)) == []
        assert (
            "Culling kernels with idle durations > 2 seconds"
            in (tmp_path / "server.log").read_text()
        )
    finally:
        _cleanup(srv)
