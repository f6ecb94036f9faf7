"""Helpers for the tests that start ``backpain app`` as a real server."""

from __future__ import annotations

import socket
import subprocess
import time

import pytest


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Wait until ``proc`` listens on ``127.0.0.1:port``; fail if it exits or takes too long."""
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
