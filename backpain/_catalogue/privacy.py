"""Texts of pseudonymising and writing diaries (``backpain.privacy``)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "privacy.excel_control": ("holds control characters", "bevat controletekens"),
    "privacy.excel_long": ("exceeds 32,767 characters", "is langer dan 32.767 tekens"),
    "privacy.excel_text": (
        "column {column!r}, row {row} ({subject}, {date}): the text {why}, which Excel cannot "
        "store; write CSV or Parquet instead, or clean the text",
        "kolom {column!r}, rij {row} ({subject}, {date}): de tekst {why}, wat Excel niet kan "
        "bewaren; schrijf liever CSV of Parquet, of maak de tekst schoon",
    ),
    "privacy.csv_nul": ("holds a NUL character (\\x00)", "bevat een NUL-teken (\\x00)"),
    "privacy.csv_text": (
        "column {column!r}, row {row} ({subject}, {date}): the text {why}, which marks a "
        "binary file, not a CSV file, so the diary could not be read back; remove it from "
        "the text, or write Parquet instead",
        "kolom {column!r}, rij {row} ({subject}, {date}): de tekst {why}, wat een binair "
        "bestand aanduidt en geen CSV-bestand, zodat het dagboek niet terug te lezen zou "
        "zijn; haal het uit de tekst, of schrijf liever Parquet",
    ),
}
