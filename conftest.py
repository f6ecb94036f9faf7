"""Root pytest configuration: Agg backend, the network guard for tests and doctests, what nbmake skips."""

from __future__ import annotations

import socket

import matplotlib
import pytest

matplotlib.use("Agg")

# nbmake runs every notebook but the patient one: tests/test_notebooks.py runs it
# (with nbclient, as nbmake does) and reads its Dutch outputs, so it runs once.
collect_ignore = ["notebooks/patient.ipynb"]


class NetworkBlockedError(RuntimeError):
    """Raised when code under test tries to open a network connection."""


@pytest.fixture(autouse=True)
def _no_network(monkeypatch, request):
    """Fail any test whose code opens a network connection (privacy guarantee).

    Only tests marked ``browser`` may connect, and only to this machine: they
    serve the local app to a local headless browser.
    """
    real_connect = socket.socket.connect
    local_only = request.node.get_closest_marker("browser") is not None

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if self.family == socket.AF_UNIX or (
            local_only and host in ("127.0.0.1", "localhost", "::1")
        ):
            return real_connect(self, address)
        msg = f"network access attempted: {address!r}; backpain must work offline"
        self.close()  # socket.create_connection would otherwise leave it open
        raise NetworkBlockedError(msg)

    monkeypatch.setattr(socket.socket, "connect", guarded)
