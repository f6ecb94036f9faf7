"""Texts of the progress bars shown during long work (terminal and Jupyter)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "progress.files": ("reading files", "bestanden lezen"),
    "progress.apple_health": (
        "reading the Apple Health export {name}",
        "Apple Health-export {name} lezen",
    ),
    "progress.bootstrap": ("bootstrap", "bootstrap"),
    "progress.unit.item": ("steps", "stappen"),
    "progress.unit.file": ("files", "bestanden"),
    "progress.unit.mb": ("MB", "MB"),
    "progress.unit.partition": ("parts", "delen"),
}
