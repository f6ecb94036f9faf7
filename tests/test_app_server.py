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

    def get(
        self, path: str = "/", headers: dict | None = None, *, token: bool = True
    ) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        sep = "&" if "?" in path else "?"
        url = f"{path}{sep}token={self.token}" if token else path
        conn.request("GET", url, headers=headers or {})
        res = conn.getresponse()
        body = res.read().decode("utf-8", "replace")
        conn.close()
        return res.status, body

    def connect(self, kernel_id: str, headers: dict, *, token: bool = True) -> socket.socket:
        """A websocket upgrade to the kernel's channels, left open; see :meth:`upgrade`."""
        key = base64.b64encode(os.urandom(16)).decode()
        query = f"?token={self.token}" if token else ""
        lines = [
            f"GET /api/kernels/{kernel_id}/channels{query} HTTP/1.1",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
        ]
        headers = {"Host": f"127.0.0.1:{self.port}", **headers}
        lines += [f"{k}: {v}" for k, v in headers.items()]
        s = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        self.reply = s.recv(4096).decode("latin-1")
        return s

    def upgrade(self, kernel_id: str, headers: dict, *, token: bool = True) -> int:
        """Status of a websocket upgrade to the kernel's channels (101 = accepted)."""
        with self.connect(kernel_id, headers, token=token):
            return int(self.reply.split()[1])


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


def _command_lines() -> dict[int, str]:
    """Every process's command line, as ``ps`` shows it to any user."""
    lines = {}
    for path in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            lines[int(path.parent.name)] = path.read_bytes().replace(b"\0", b" ").decode()
        except (OSError, UnicodeDecodeError):
            continue
    return lines


def _only_with_the_token(server: Server, kernel_id: str) -> None:
    """The token is on no command line, and every address with data needs it (#27)."""
    assert len(_kernels(_children(server.proc.pid))) == 1  # Voila and its kernel run
    seen = [pid for pid, line in _command_lines().items() if server.token in line]
    assert seen == [], f"the token is on the command line of {seen}"
    seen = [pid for pid, line in _command_lines().items() if kernel_id in line]
    assert seen == [], f"the kernel's id is on the command line of {seen}"
    folder = next(server.tmp.glob("backpain-app-*"))
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "config" / "voila.json").stat().st_mode & 0o777 == 0o600
    # the kernel talks through socket files in that folder, not TCP ports
    assert list(folder.glob("kernel-*-1"))
    # a report, as the page writes it
    secret = "B" * 32
    (folder / "reports" / secret).mkdir()
    (folder / "reports" / secret / "backpain-report.html").write_text("<p>the report</p>")
    report = f"/voila/files/reports/{secret}/backpain-report.html"
    assert server.get(report) == (200, "<p>the report</p>")
    assert server.get(report, token=False)[0] == 403
    wrong = {"Authorization": "token not-the-token"}
    assert server.get(report, wrong, token=False)[0] == 403
    assert server.get(report, {"Authorization": f"token {server.token}"}, token=False)[0] == 200
    assert server.get(report, {"Cookie": "username-127-0-0-1=forged"}, token=False)[0] == 403
    # the kernel, its websocket and the page itself
    assert server.get(f"/api/kernels/{kernel_id}", token=False)[0] == 403
    assert server.upgrade(kernel_id, {}, token=False) != 101
    assert server.upgrade(kernel_id, {}) == 101
    status, _ = server.get("/", token=False)
    assert status == 302  # to the login form: no page, no kernel
    assert len(_kernels(_children(server.proc.pid))) == 1


def test_only_this_computer_and_this_page_with_its_token_are_answered(asked):
    server = asked  # the first test to use the shared server: one page, one kernel so far
    status, page = server.get("/")
    assert status == 200
    kernel_id = re.search(r'kernelId": "([0-9a-f-]{36})"', page).group(1)
    _only_with_the_token(server, kernel_id)  # first: one page, one kernel so far
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


def test_kill_9_takes_voila_and_kernels_along_and_the_next_start_cleans_up(server):
    assert server.get("/")[0] == 200
    tree = _children(server.proc.pid)
    assert len(_kernels(tree)) == 1
    procs = server.tree = [psutil.Process(p) for p in tree]
    server.proc.kill()  # kill -9: no chance to clean up
    server.proc.wait()
    _gone, alive = psutil.wait_procs(procs, timeout=15)
    assert alive == [], f"left running: {[p.cmdline()[:3] for p in alive]}"
    assert _port_free(server.port)
    assert len(list(server.tmp.glob("backpain-app-*"))) == 1  # nobody could remove it
    # the next start removes it, even one that then refuses a busy port
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = {**os.environ, "TMPDIR": str(server.tmp), "PYTHONPATH": SRC}
        cmd = [sys.executable, "-m", "backpain", "app", "--no-browser", f"--port={port}"]
        run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 2
    assert run.stdout == ""  # no address of the other program's server
    assert f"port {port} is already used by another program" in run.stderr
    assert "--port" in run.stderr
    assert "Traceback" not in run.stderr
    assert list(server.tmp.glob("backpain-app-*")) == []


def test_stale_folders_of_dead_runs_only_are_removed(tmp_path):
    from backpain.app import _clean_stale, _started

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    folders = {}
    for name, pid, started in [
        ("dead", dead.pid, 1.0),
        ("alive", os.getpid(), _started(os.getpid())),
        ("reused", os.getpid(), 1.0),  # the id now belongs to another process
    ]:
        folders[name] = tmp_path / f"backpain-app-{name}"
        folders[name].mkdir()
        (folders[name] / "owner.json").write_text(f'{{"pid": {pid}, "started": {started}}}')
    (tmp_path / "backpain-app-unknown").mkdir()  # no owner named: left alone
    removed = _clean_stale(tmp_path)
    assert sorted(removed) == sorted([folders["dead"], folders["reused"]])
    left = sorted(p.name for p in tmp_path.glob("backpain-app-*"))
    assert left == ["backpain-app-alive", "backpain-app-unknown"]


def test_only_pages_still_connected_count_towards_the_cap(tmp_path):
    # a page's kernel whose browser went away (crashed: connections dropped)
    # must not keep the next page out; a connected one does
    code = (
        "import backpain.app as a; a._PAGE_GRACE_S = 1.0; "
        "a.serve(port={port}, open_browser=False, max_kernels=2, "
        "announce=lambda url: print(url, flush=True))"
    )
    srv = _start(tmp_path, code=code)
    try:
        ids = []
        for _ in range(2):
            status, page = srv.get("/")
            assert status == 200
            ids.append(re.search(r'kernelId": "([0-9a-f-]{36})"', page).group(1))
        sockets = []
        for kernel_id in ids:  # each page connects to its kernel
            sockets.append(srv.connect(kernel_id, {}))
            assert srv.reply.split()[1] == "101"
        time.sleep(1.5)
        assert srv.get("/")[0] == 503  # two live pages: full
        for s in sockets:  # the browser crashes: its connections drop
            s.close()
        time.sleep(1.5)
        status, page = srv.get("/")
        assert status == 200
        new = re.search(r'kernelId": "([0-9a-f-]{36})"', page).group(1)
        assert new not in ids
        assert len(_kernels(_children(srv.proc.pid))) == 1  # the two old kernels stopped
    finally:
        _cleanup(srv)
