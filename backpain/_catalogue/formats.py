"""Texts of the wearable CSV readers (Samsung Health, Health Auto Export,
Apple Health per-type CSVs, Google Fit daily metrics), of ``subject=`` and of the
Daylio, Fitbit and Flaredown rules added later: key -> (English, Dutch)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # --- shared by the wearable CSV readers
    "formats.name.samsung_health": (
        "a Samsung Health CSV export",
        "een CSV-export van Samsung Health",
    ),
    "formats.name.health_auto_export": (
        "a Health Auto Export CSV (iOS app)",
        "een CSV van Health Auto Export (iOS-app)",
    ),
    "formats.name.apple_health_csv": (
        "an Apple Health per-type CSV made by an export converter",
        "een Apple Health-CSV per gegevenstype, gemaakt door een exportconverter",
    ),
    "formats.name.google_fit_daily": (
        "a Google Fit daily metrics CSV (Google Takeout)",
        "een CSV met dagelijkse Google Fit-gegevens (Google Takeout)",
    ),
    "formats.name.fitbit_csv": (
        'a fitbit.com "Export data" monthly CSV',
        'een maandelijkse CSV van fitbit.com ("Export data")',
    ),
    "formats.name.fitbit_api": (
        "a Fitbit Web API time series (JSON)",
        "een tijdreeks van de Fitbit Web API (JSON)",
    ),
    "formats.name.garmin": (
        "a Garmin Connect account export file (JSON)",
        "een bestand uit de accountexport van Garmin Connect (JSON)",
    ),
    # --- Samsung Health
    "formats.note.other_columns": (
        "{n} column(s) not read (not diary variables): {columns}",
        "{n} kolom(men) niet gelezen (geen dagboekvariabelen): {columns}",
    ),
    # --- Health Auto Export
    # --- Apple Health per-type CSV
    # --- Google Fit daily metrics
    "formats.gfit.no_header": (
        "the header is not Google Fit's (found: {header})",
        "de kopregel is niet die van Google Fit (gevonden: {header})",
    ),
    "formats.gfit.no_metrics": (
        "it has neither a steps column nor a move-minutes column (headers: {header})",
        "het heeft geen kolom met stappen en geen kolom met beweegminuten (kolommen: {header})",
    ),
    "formats.gfit.unknown_language": (
        "its headers are in a language whose Google Fit names have not been seen in a real "
        "export (known: English, French), so which column holds the steps is not known "
        "(headers: {header})",
        "de kolomnamen zijn in een taal waarvan de Google Fit-namen nog niet in een echte "
        "export gezien zijn (gekend: Engels, Frans), dus welke kolom de stappen bevat is niet "
        "gekend (kolommen: {header})",
    ),
    "formats.gfit.todo_columns": (
        "The column {column!r} looks like steps (whole numbers, the largest of the file's counts): if it is, {option.columns_steps}",
        "De kolom {column!r} lijkt op stappen (gehele getallen, de grootste van de aantallen in het bestand): als dat klopt, {option.columns_steps}",
    ),
    "formats.gfit.todo_columns_none": (
        "No column holds only whole numbers like a step count; {option.steps_column}",
        "Geen kolom bevat alleen gehele getallen zoals een aantal stappen; {option.steps_column}",
    ),
    "formats.gfit.rename_steps": (
        "the steps column to 'Step count'",
        "de kolom met stappen naar 'Step count'",
    ),
    "formats.gfit.rename": ("{old!r} to {new!r}", "{old!r} naar {new!r}"),
    "formats.gfit.todo": (
        "Pass Fit/Daily activity metrics/Daily activity metrics.csv (named in your account's "
        "language) or a YYYY-MM-DD.csv from the same folder, unchanged",
        "Geef Fit/Daily activity metrics/Daily activity metrics.csv (genoemd in de taal van je "
        "account) of een YYYY-MM-DD.csv uit dezelfde map op, onveranderd",
    ),
    "formats.gfit.no_name_date": (
        "this per-day file's date is only in its name, and {name!r} holds no date",
        "de datum van dit dagbestand staat alleen in de naam, en {name!r} bevat geen datum",
    ),
    "formats.gfit.todo_name": (
        "Pass the file from disk under its own name, e.g. 2024-03-01.csv",
        "Geef het bestand van de schijf op onder zijn eigen naam, bv. 2024-03-01.csv",
    ),
    "formats.gfit.bad_date": (
        "{column} is not a date like 2024-03-01",
        "{column} is geen datum zoals 2024-03-01",
    ),
    "formats.gfit.bad_clock": (
        "{column} is not a time like 00:15:00.000+01:00",
        "{column} is geen tijd zoals 00:15:00.000+01:00",
    ),
    "formats.gfit.note_language": (
        "Google Fit headers in the account's language ({lang}), read by the names seen in a "
        "real export of that language",
        "Google Fit-kolomnamen in de taal van het account ({lang}), gelezen volgens de namen "
        "uit een echte export in die taal",
    ),
    "formats.gfit.daily": ("daily", "dagelijkse"),
    "formats.gfit.intervals": ("per-day 15-minute", "per dag, per kwartier"),
    "formats.gfit.note_name_date": (
        "a Google Fit per-day file: every row counts for {day}, the date in the file name "
        "(local time)",
        "een Google Fit-dagbestand: elke regel telt voor {day}, de datum in de bestandsnaam "
        "(lokale tijd)",
    ),
    "formats.gfit.column": (
        "{column} ({layout} layout), summed per day",
        "{column} ({layout} indeling), opgeteld per dag",
    ),
    "formats.gfit.ignored_empty": (
        "row without steps or move minutes",
        "regel zonder stappen of bewegingsminuten",
    ),
    "formats.detect.google_fit_daily": (
        "no Google Fit daily metrics header (Date,Move Minutes count,... or Start time,...)",
        "geen kopregel van dagelijkse Google Fit-gegevens (Date,Move Minutes count,... of Start time,...)",
    ),
    # --- subject=: one meaning for every reader
    "formats.subject.unknown": (
        "{source}: {option.subject_given} is not in the diary; the file names {n} person(s) in its column {column!r}: {shown}. Choose one of them{option.subject_example}",
        "{source}: {option.subject_given} staat niet in het dagboek; het bestand noemt {n} persoon/personen in de kolom {column!r}: {shown}. Kies er een{option.subject_example}",
    ),
    "formats.subject.other_rows": (
        "rows of the file's {n} other person(s) ({option.subject_given} chosen)",
        "rijen van de {n} andere persoon/personen in het bestand ({option.subject_given} gekozen)",
    ),
    "formats.subject.kept": (
        "kept only subject {subject!r}: {days} of the file's {total} days (the file names {n} "
        "person(s)); the row counts are for the whole file",
        "alleen deelnemer {subject!r} behouden: {days} van de {total} dagen van het bestand "
        "(het bestand noemt {n} persoon/personen); de aantallen rijen gelden voor het hele "
        "bestand",
    ),
    # --- Flaredown's per-user export: treatments become tags
    # --- Fitbit: the local offset of the UTC intraday series
    # --- Daylio: default moods named in the phone's language
    "formats.daylio.translated_moods": (
        "{n} row(s) with a mood named as Daylio's default moods in another language, read as mood (0-10): {names}{option.moods_own}",
        "{n} rij(en) met een stemming genoemd zoals de standaardstemmingen van Daylio in een andere taal, gelezen als stemming (0-10): {names}{option.moods_own}",
    ),
    # --- fitbit.com "Export data" monthly CSV
    # --- Fitbit Web API time series
    # --- Garmin Connect account export
}
