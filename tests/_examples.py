"""How many random examples a property test tries: a quarter daily, all when thorough.

``BACKPAIN_THOROUGH=1`` (``make thorough``, the nightly run) gives each test the
number of examples written beside it; otherwise it gets a quarter of them, at
least 10. ``conftest.py`` sets Hypothesis's default (100) the same way, so a test
that names no number follows it too.
"""

from __future__ import annotations

import os

THOROUGH = os.environ.get("BACKPAIN_THOROUGH", "") not in ("", "0")


def examples(n: int) -> int:
    """``n`` when thorough, else a quarter of ``n`` (at least 10, at most ``n``)."""
    return n if THOROUGH else min(n, max(10, n // 4))
