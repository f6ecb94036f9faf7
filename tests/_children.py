"""Run Python code in a fresh child process without starting Python each time.

The hostile-file and large-file tests read each file in a child process under
``resource`` limits, so that a reader that runs away is stopped by the kernel.
Starting Python and importing backpain for every case took most of their time,
so a :class:`ChildServer` imports backpain once and forks a fresh child for each
run: the child runs ``code`` exactly as ``python -c code args`` would (its own
limits, its CPU time counted from the fork; an alarm stops one that sleeps), with
its standard output and error kept in files. :func:`shared` is the session's one server.
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import subprocess
import sys
from dataclasses import dataclass

_SERVER = r"""
import json, os, signal, sys, tempfile, traceback
import backpain

print("ready", flush=True)
for line in sys.stdin:
    request = json.loads(line)
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            os.dup2(out.fileno(), 1)
            os.dup2(err.fileno(), 2)
            signal.alarm(request["timeout"])
            sys.argv = ["-c", *request["args"]]
            exec(compile(request["code"], "<child>", "exec"), {"__name__": "__main__"})
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    texts = []
    for fh in (out, err):
        fh.seek(0)
        texts.append(fh.read().decode("utf-8", "replace"))
        fh.close()
    reply = {"returncode": os.waitstatus_to_exitcode(status), "stdout": texts[0], "stderr": texts[1]}
    print(json.dumps(reply), flush=True)
"""


@dataclass(frozen=True)
class Done:
    """What a child left: its exit code (minus the signal that killed it), output, errors."""

    returncode: int
    stdout: str
    stderr: str


class ChildServer:
    """A process that has imported backpain and forks a child for each :meth:`run`."""

    def __init__(self) -> None:
        # Arrow's default allocator reserves address space up front: under an
        # address-space cap the system allocator is the one to measure; one BLAS
        # thread, so that the server has no thread to lose when it forks
        env = {**os.environ, "ARROW_DEFAULT_MEMORY_POOL": "system", "OPENBLAS_NUM_THREADS": "1"}
        self._proc = subprocess.Popen(
            [sys.executable, "-c", _SERVER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        ready = self._proc.stdout.readline()
        if ready != "ready\n":
            self.close()
            msg = f"the child server did not start: {ready!r}"
            raise RuntimeError(msg)

    def run(self, code: str, args: list[str], *, timeout: int) -> Done:
        """Run ``code`` with ``sys.argv[1:] == args`` in a fresh child; stop it after ``timeout`` s."""
        request = {"code": code, "args": args, "timeout": timeout}
        self._proc.stdin.write(json.dumps(request) + "\n")
        self._proc.stdin.flush()
        return Done(**json.loads(self._proc.stdout.readline()))

    def close(self) -> None:
        self._proc.stdin.close()
        self._proc.wait(timeout=60)
        self._proc.stdout.close()

    def __enter__(self) -> ChildServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@functools.cache
def shared() -> ChildServer:
    """The test session's one server, started when first asked for, stopped at exit."""
    server = ChildServer()
    atexit.register(server.close)
    return server
