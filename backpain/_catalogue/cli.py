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
    "cli.output_is_input": (
        "-o {path} is the diary {diary}: the report would replace it. Give the report "
        "another name, for example -o report.html, or a folder to write it in",
        "-o {path} is het dagboek {diary}: het rapport zou het vervangen. Geef het rapport "
        "een andere naam, bijvoorbeeld -o rapport.html, of een map om het in te schrijven",
    ),
    "cli.output_no_folder": (
        "-o {path}: the folder {folder} does not exist. Make it first, or choose a file in "
        "a folder that exists",
        "-o {path}: de map {folder} bestaat niet. Maak ze eerst aan, of kies een bestand in "
        "een map die bestaat",
    ),
    # help texts (shown before a language is chosen: English)
    # argparse's own words, for --help in the language asked (--lang or LANG)
    "cli.help.usage": ("usage:", "gebruik:"),
    "cli.help.help": ("show this help and stop", "toon deze hulp en stop"),
    "cli.help.version": ("show the version and stop", "toon de versie en stop"),
    "cli.help.positionals": ("arguments", "argumenten"),
    "cli.help.optionals": ("options", "opties"),
    "cli.help.commands": ("commands", "opdrachten"),
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
        "HTML file to write, or a folder to write report.html in (default: %(default)s); "
        "never one of the diaries",
        "HTML-bestand om te schrijven, of een map om report.html in te schrijven "
        "(standaard: %(default)s); nooit een van de dagboeken",
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
    "cli.help.moods": (
        "a Daylio export's own moods, from best to worst, separated by commas, "
        'e.g. "Super,Gut,Ok,Schlecht,Lausig"',
        "de eigen stemmingen van een Daylio-export, van best naar slechtst, gescheiden "
        'door komma\'s, bv. "Super,Gut,Ok,Schlecht,Lausig"',
    ),
    "cli.option_not_taken": (
        "{source} was read as a {format!r} file, which does not use {flags}: "
        "leave {flags} out for this file",
        "{source} is gelezen als een {format!r}-bestand, dat {flags} niet gebruikt: "
        "laat {flags} weg voor dit bestand",
    ),
    "cli.moods_bad": (
        "--moods {value!r}: give every mood of your scale once, from best to worst, "
        'separated by commas (at least two), e.g. --moods "Super,Gut,Ok,Schlecht,Lausig"',
        "--moods {value!r}: geef elke stemming van je schaal één keer, van best naar "
        'slechtst, gescheiden door komma\'s (minstens twee), bv. --moods "Super,Gut,Ok,Schlecht,Lausig"',
    ),
    "cli.help.app": (
        "open the local upload page (nothing leaves this computer)",
        "open de lokale uploadpagina (niets verlaat deze computer)",
    ),
    "cli.help.port": ("port (default: a free one)", "poort (standaard: een vrije)"),
    "cli.help.no_browser": ("do not open a browser", "open geen browser"),
    "cli.help.max_upload_mb": (
        "largest upload the page reads, in MB (default 200)",
        "grootste upload die de pagina leest, in MB (standaard 200)",
    ),
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
    "cli.demo.caveat": (
        "   These are associations in the diary data, not proof of cause: something else may "
        "drive both (for example, people take medication on bad days, so medication goes with "
        "more pain without causing it).",
        "   Dit zijn verbanden in de gegevens van het dagboek, geen bewijs van oorzaak: iets "
        "anders kan beide sturen (bijvoorbeeld: mensen nemen medicatie op slechte dagen, dus "
        "medicatie gaat samen met meer pijn zonder die te veroorzaken).",
    ),
    "cli.demo.figures": ("\n7. Figures", "\n7. Figuren"),
    "cli.demo.report": (
        "\n8. Report for the physiotherapist or GP (one HTML file, figures inside)",
        "\n8. Rapport voor de kinesist of huisarts (één HTML-bestand, met de figuren)",
    ),
    "cli.demo.path": ("   {path}", "   {path}"),
    "cli.demo.files": (
        "\n9. What each file in {path} holds",
        "\n9. Wat elk bestand in {path} bevat",
    ),
    "cli.demo.file": ("   {name}: {what}", "   {name}: {what}"),
    "cli.demo.file_patient_diary_clean_csv": (
        "the example patient's diary as read: one row per day, in the standard columns "
        "(date, pain, stress, sleep, steps, tags, ...)",
        "het dagboek van de voorbeeldpatiënt zoals het gelezen is: één rij per dag, in de "
        "standaardkolommen (datum, pijn, stress, slaap, stappen, labels, ...)",
    ),
    "cli.demo.file_cohort_data_quality_csv": (
        "data quality per subject of the example cohort: first and last day, days recorded, "
        "completeness, longest gap, pain summary, days per variable",
        "kwaliteit van de gegevens per deelnemer van het voorbeeldcohort: eerste en laatste "
        "dag, ingevulde dagen, volledigheid, langste onderbreking, samenvatting van de pijn, "
        "dagen per variabele",
    ),
    "cli.demo.file_cohort_classes_csv": (
        "per subject: onset, duration and duration class (acute, subacute, chronic), whether "
        "the duration is a lower bound, NIH chronic low back pain, episodes and flares",
        "per deelnemer: begin, duur en duurklasse (acuut, subacuut, chronisch), of de duur "
        "een ondergrens is, chronische lage rugpijn volgens de NIH, periodes en opvlammingen",
    ),
    "cli.demo.file_survey_scores_csv": (
        "per respondent of the baseline survey: ODI score and band, STarT Back score and risk "
        "group, and the duration class and NIH definition from the answers",
        "per deelnemer aan de vragenlijst bij de start: ODI-score en -klasse, STarT "
        "Back-score en risicogroep, en de duurklasse en NIH-definitie uit de antwoorden",
    ),
    "cli.demo.file_cohort_correlations_csv": (
        "associations with pain per predictor and lag, within a person and between persons: "
        "r, 95% CI, p and FDR-adjusted p",
        "verbanden met pijn per voorspeller en vertraging, binnen een persoon en tussen "
        "personen: r, 95%-BI, p en p na FDR-correctie",
    ),
    "cli.demo.file_cohort_mixed_model_csv": (
        "the mixed model of pain on stress, sleep quality and active minutes (within and "
        "between persons): coefficients per unit, 95% CI, p, and the model's notes",
        "het gemengde model van pijn op stress, slaapkwaliteit en actieve minuten (binnen en "
        "tussen personen): coëfficiënten per eenheid, 95%-BI, p, en de opmerkingen bij het model",
    ),
    "cli.demo.file_patient_what_helps_csv": (
        "the example patient's pain the day after each tag, compared with days without it, "
        "as the report tests it (with the other links, as one family): difference, 95% CI, p, "
        "adjusted p and verdict",
        "de pijn van de voorbeeldpatiënt de dag na elk label, vergeleken met dagen zonder, "
        "zoals het rapport het toetst (samen met de andere verbanden): verschil, 95%-BI, p, "
        "gecorrigeerde p en besluit",
    ),
    "cli.demo.file_patient_dashboard_png": (
        "figure: the example patient's overview (pain over time, duration class, "
        "associations, tags), in Dutch, the patient's language",
        "figuur: het overzicht van de voorbeeldpatiënt (pijn in de tijd, duurklasse, "
        "verbanden, labels)",
    ),
    "cli.demo.file_cohort_classes_png": (
        "figure: the cohort's durations with the class bands",
        "figuur: de duur van de pijn in het cohort, met de grenzen van de klassen",
    ),
    "cli.demo.file_cohort_associations_png": (
        "figure: the cohort's associations with pain as a forest plot",
        "figuur: de verbanden met pijn in het cohort als forest plot",
    ),
    "cli.demo.file_patient_what_helps_png": (
        "figure: the example patient's pain the day after each tag, in Dutch",
        "figuur: de pijn van de voorbeeldpatiënt de dag na elk label",
    ),
    "cli.demo.file_patient_calendar_png": (
        "figure: the example patient's pain as a calendar, one square per day, in Dutch",
        "figuur: de pijn van de voorbeeldpatiënt als kalender, één vakje per dag",
    ),
    "cli.demo.file_patient_report_html": (
        "the example patient's report in the language of --lang: one HTML file to open, "
        "print or take to the physiotherapist or GP",
        "het rapport van de voorbeeldpatiënt in de taal van --lang: één HTML-bestand om te "
        "openen, af te drukken of mee te nemen naar de kinesist of huisarts",
    ),
    "cli.demo.file_patient_rapport_nl_html": (
        "the same report in Dutch, the example patient's own language",
        "hetzelfde rapport in het Nederlands, de taal van de voorbeeldpatiënt",
    ),
    "cli.demo.patient": ("patient", "patiënt"),
    "cli.demo.dutch_path": ("   {path} (in Dutch)", "   {path} (in het Nederlands)"),
}
