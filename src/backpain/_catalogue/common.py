"""Words shared by every area: diary variables, months, weekdays, classes."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # a diary variable's name in running text ({name!v} in a template)
    "common.var.subject": ("subject", "deelnemer"),
    "common.var.date": ("date", "datum"),
    "common.var.pain": ("pain", "pijn"),
    "common.var.stress": ("stress", "stress"),
    "common.var.sleep_hours": ("sleep hours", "uren slaap"),
    "common.var.sleep_quality": ("sleep quality", "slaapkwaliteit"),
    "common.var.steps": ("steps", "stappen"),
    "common.var.active_minutes": ("active minutes", "actieve minuten"),
    "common.var.mood": ("mood", "stemming"),
    "common.var.tags": ("tags", "labels"),
    "common.var.notes": ("notes", "notities"),
}
