"""Texts of the read area: key -> (English, Dutch)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {}
