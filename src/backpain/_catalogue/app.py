"""Texts of the app area (the upload page): key -> (English, Dutch)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "app.title": ("Your back-pain diary", "Je rugpijndagboek"),
    "app.intro": (
        "Choose the export of your pain diary (a spreadsheet or CSV file, or an export from "
        "Bearable, Daylio, Apple Health, Fitbit or Flaredown). You may choose several files at "
        "once, for example your pain diary and a smartwatch's export. They are read on this "
        "computer only; nothing is sent anywhere.",
        "Kies het bestand met je pijndagboek (een rekenblad of CSV-bestand, of een export uit "
        "Bearable, Daylio, Apple Health, Fitbit of Flaredown). Je mag meerdere bestanden "
        "tegelijk kiezen, bijvoorbeeld je pijndagboek en de export van een smartwatch. Ze "
        "worden alleen op deze computer gelezen; er wordt niets verstuurd.",
    ),
    "app.button": ("Choose diary files", "Kies dagboekbestanden"),
    "app.reading": (
        "Reading {name} ({size:.1f} MB) ...",
        "{name} wordt gelezen ({size:.1f} MB) ...",
    ),
    "app.failed": ("This file could not be read", "Dit bestand kon niet gelezen worden"),
    "app.unexpected": (
        "Something went wrong ({kind}): {message}. Please report this problem.",
        "Er ging iets mis ({kind}): {message}. Meld dit probleem alstublieft.",
    ),
    "app.download": (
        "Download this page as a report (HTML) for your physiotherapist or GP",
        "Download deze pagina als rapport (HTML) voor je kinesist of huisarts",
    ),
    "app.needs_widgets": (
        'the upload page needs ipywidgets: pip install "backpain[notebook]"',
        'de uploadpagina heeft ipywidgets nodig: pip install "backpain[notebook]"',
    ),
    "app.needs_voila": (
        'backpain app needs voila and ipywidgets: pip install "backpain[notebook]"',
        'backpain app heeft voila en ipywidgets nodig: pip install "backpain[notebook]"',
    ),
}
