"""Texts of the cli area (the command line and ``backpain demo``): key -> (English, Dutch)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "cli.error": ("backpain: {message}", "backpain: {message}"),
    "cli.progress": ("backpain: {message}", "backpain: {message}"),
    "cli.report_written": ("Report written to {path}", "Rapport geschreven naar {path}"),
    "cli.demo_done": ("\nDone. Results are in {path}", "\nKlaar. De resultaten staan in {path}"),
    "cli.app_open": (
        "backpain app: open {url}  (Ctrl+C stops it)",
        "backpain app: open {url}  (Ctrl+C stopt het)",
    ),
    # help texts (shown before a language is chosen: English)
    "cli.help.description": (
        "Read, validate, classify, analyse and plot back-pain diaries. Everything runs on this "
        "computer; nothing is sent anywhere.",
        "Lees, controleer, classificeer, analyseer en teken rugpijndagboeken. Alles gebeurt op "
        "deze computer; er wordt niets verstuurd.",
    ),
    "cli.help.demo": (
        "run the whole flow on the bundled example data",
        "voer de hele stroom uit op de meegeleverde voorbeeldgegevens",
    ),
    "cli.help.out": (
        "output folder (default: %(default)s)",
        "map voor de resultaten (standaard: %(default)s)",
    ),
    "cli.help.lang": (
        "language: en (English) or nl (Dutch)",
        "taal: en (Engels) of nl (Nederlands)",
    ),
    "cli.help.report": (
        "write a one-file HTML report of a diary, to take to the therapist",
        "schrijf een HTML-rapport van een dagboek in één bestand, voor de kinesist",
    ),
    "cli.help.diary": (
        "diary file(s) (several are merged)",
        "dagboekbestand(en) (meerdere worden samengevoegd)",
    ),
    "cli.help.output": (
        "HTML file to write (default: %(default)s)",
        "HTML-bestand om te schrijven (standaard: %(default)s)",
    ),
    "cli.help.subject": (
        "the person, if the file holds several",
        "de persoon, als het bestand er meerdere bevat",
    ),
    "cli.help.pain_scale": (
        "scale of the pain scores: 10 (0-10, the default) or 100 (0-100, divided by 10)",
        "schaal van de pijnscores: 10 (0-10, standaard) of 100 (0-100, gedeeld door 10)",
    ),
    "cli.help.dayfirst": (
        "dates such as 03/04/2026 are day-month-year (3 April)",
        "datums zoals 03/04/2026 zijn dag-maand-jaar (3 april)",
    ),
    "cli.help.monthfirst": (
        "dates such as 03/04/2026 are month-day-year (4 March)",
        "datums zoals 03/04/2026 zijn maand-dag-jaar (4 maart)",
    ),
    "cli.help.app": (
        "open the local upload page (nothing leaves this computer)",
        "open de lokale uploadpagina (niets verlaat deze computer)",
    ),
    "cli.help.port": ("port (default: a free one)", "poort (standaard: een vrije)"),
    "cli.help.no_browser": ("do not open a browser", "open geen browser"),
    # backpain demo
    "cli.demo.read_patient": (
        "1. Reading a patient's Dutch spreadsheet diary (data/dagboek_patient_nl.csv)",
        "1. Het Nederlandstalige dagboek van een patiënt wordt gelezen (data/dagboek_patient_nl.csv)",
    ),
    "cli.demo.read_cohort": (
        "\n2. Reading the example research cohort (data/cohort_diary.csv)",
        "\n2. Het voorbeeldcohort van een onderzoek wordt gelezen (data/cohort_diary.csv)",
    ),
    "cli.demo.quality": (
        "\n3. Data quality per subject",
        "\n3. Kwaliteit van de gegevens per deelnemer",
    ),
    "cli.demo.classes": (
        "\n4. Classification (acute < 6 weeks, subacute 6-12 weeks, chronic > 12 weeks)",
        "\n4. Indeling (acuut < 6 weken, subacuut 6-12 weken, chronisch > 12 weken)",
    ),
    "cli.demo.patient_class": (
        "   patient: current episode since {onset}, {weeks:.0f} weeks{censored} -> {cls}; NIH chronic low back pain: {nih}",
        "   patiënt: huidige periode sinds {onset}, {weeks:.0f} weken{censored} -> {cls}; chronische lage rugpijn volgens de NIH: {nih}",
    ),
    "cli.demo.censored": (
        " (at least: the diary starts in pain)",
        " (minstens: het dagboek begint met pijn)",
    ),
    "cli.demo.survey": (
        "\n5. Baseline survey: questionnaire scores and classes from the answers",
        "\n5. Vragenlijst bij de start: scores en indeling uit de antwoorden",
    ),
    "cli.demo.associations": (
        "\n6. What goes with pain: within-person (day to day) and between persons",
        "\n6. Wat gaat samen met pijn: binnen een persoon (van dag tot dag) en tussen personen",
    ),
    "cli.demo.helps": (
        "   patient, pain the day after each tag (difference with days without it):",
        "   patiënt, pijn de dag na elk label (verschil met dagen zonder):",
    ),
    "cli.demo.figures": ("\n7. Figures", "\n7. Figuren"),
    "cli.demo.report": (
        "\n8. Report for the physiotherapist or GP (one HTML file, figures inside)",
        "\n8. Rapport voor de kinesist of huisarts (één HTML-bestand, met de figuren)",
    ),
    "cli.demo.path": ("   {path}", "   {path}"),
    "cli.demo.dutch_path": ("   {path} (in Dutch)", "   {path} (in het Nederlands)"),
}
