"""Words shared by every area: diary variables, their axis labels and units."""

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
    "common.var.watch_stress": ("the watch's stress score", "de stressscore van het horloge"),
    "common.var.tags": ("tags", "labels"),
    "common.var.notes": ("notes", "notities"),
    # a diary variable as an axis or table label (schema.Variable.label)
    "common.label.subject": ("Subject", "Deelnemer"),
    "common.label.date": ("Date", "Datum"),
    "common.label.pain": ("Pain (0-10)", "Pijn (0-10)"),
    "common.label.stress": ("Stress (0-10)", "Stress (0-10)"),
    "common.label.sleep_hours": ("Sleep (hours)", "Slaap (uren)"),
    "common.label.sleep_quality": ("Sleep quality (0-10)", "Slaapkwaliteit (0-10)"),
    "common.label.steps": ("Steps", "Stappen"),
    "common.label.active_minutes": ("Active minutes", "Actieve minuten"),
    "common.label.mood": ("Mood (0-10)", "Stemming (0-10)"),
    "common.label.watch_stress": (
        "Watch stress score (0-100)",
        "Stressscore van het horloge (0-100)",
    ),
    "common.label.tags": ("Tags", "Labels"),
    "common.label.notes": ("Notes", "Notities"),
    # a diary variable's unit or scale in running text, as in "(NRS 0-10)"
    "common.unit.subject": ("identifier", "code"),
    "common.unit.date": ("calendar day", "kalenderdag"),
    "common.unit.pain": ("NRS 0-10", "0-10"),
    "common.unit.stress": ("0-10", "0-10"),
    "common.unit.sleep_hours": ("hours", "uren"),
    "common.unit.sleep_quality": ("0-10", "0-10"),
    "common.unit.steps": ("steps", "stappen"),
    "common.unit.active_minutes": ("minutes", "minuten"),
    "common.unit.mood": ("0-10", "0-10"),
    "common.unit.watch_stress": ("0-100", "0-100"),
    "common.unit.tags": ("tags separated by '|'", "labels, gescheiden door '|'"),
    "common.unit.notes": ("free text", "vrije tekst"),
}
