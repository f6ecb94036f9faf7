"""Texts of the wearable CSV readers (Samsung Health, Health Auto Export,
Apple Health per-type CSVs, Google Fit daily metrics), of ``subject=`` and of the
Daylio, Fitbit and Flaredown rules added later: key -> (English, Dutch)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # --- shared by the wearable CSV readers
    "formats.error.looks_like": (
        "{file}: this looks like {fmt}, but it cannot be read: {problem}. {todo}",
        "{file}: dit lijkt op {fmt}, maar het kan niet gelezen worden: {problem}. {todo}",
    ),
    "formats.error.not_csv": (
        "{file}: looked like {fmt} but is not a readable CSV ({why}). Export it again",
        "{file}: leek op {fmt} maar is geen leesbare CSV ({why}). Exporteer het opnieuw",
    ),
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
    "formats.ignored.blank_line": ("blank line", "lege regel"),
    "formats.ignored.no_value": (
        "no value in {column!r} (nothing to read)",
        "geen waarde in {column!r} (niets te lezen)",
    ),
    "formats.reason.too_many_cells": (
        "the line has more cells than the header's {n} columns",
        "de regel heeft meer cellen dan de {n} kolommen van de kopregel",
    ),
    "formats.reason.not_a_number": (
        "{column!r} must be a number of at least {low:g} (with a decimal point)",
        "{column!r} moet een getal van minstens {low:g} zijn (met een decimale punt)",
    ),
    "formats.reason.ends_before_start": (
        "the sleep ends before it starts",
        "de slaap eindigt voor ze begint",
    ),
    "formats.reason.over_24h": (
        "one sleep record of more than 24 hours",
        "één slaapregistratie van meer dan 24 uur",
    ),
    "formats.column.subject_given": ("(given)", "(opgegeven)"),
    "formats.column.subject_default": (
        "(default {subject!r}: the file holds one person's data; pass subject= to name them)",
        "(standaard {subject!r}: het bestand bevat de gegevens van één persoon; "
        "geef subject= om die te benoemen)",
    ),
    "formats.column.subject_default@cli": (
        "(default {subject!r}: the file holds one person's data; use --subject to name them)",
        "(standaard {subject!r}: het bestand bevat de gegevens van één persoon; "
        "gebruik --subject om die te benoemen)",
    ),
    "formats.column.subject_default@page": (
        "(default {subject!r}: the file holds one person's data)",
        "(standaard {subject!r}: het bestand bevat de gegevens van één persoon)",
    ),
    "formats.note.no_pain": (
        "the file holds no pain ratings (pain is empty): read it together with a pain "
        "diary, e.g. read_diary([pain_diary, this_file], subject='me')",
        "het bestand bevat geen pijnscores (pijn is leeg): lees het samen met een "
        "pijndagboek, bv. read_diary([pijndagboek, dit_bestand], subject='ik')",
    ),
    "formats.note.no_pain@cli": (
        "the file holds no pain ratings (pain is empty): pass it together with your pain "
        "diary file",
        "het bestand bevat geen pijnscores (pijn is leeg): geef het samen met je pijndagboek op",
    ),
    "formats.note.no_pain@page": (
        "the file holds no pain ratings: add your pain diary file as well",
        "het bestand bevat geen pijnscores: voeg ook je pijndagboek toe",
    ),
    # --- Samsung Health
    "formats.samsung.no_type": (
        "the first line does not name a Samsung Health data type",
        "de eerste regel noemt geen gegevenstype van Samsung Health",
    ),
    "formats.samsung.other_type": (
        "it holds Samsung Health {kind!r} data; only daily steps (step_daily_trend) "
        "and sleep are read",
        "het bevat Samsung Health-gegevens van het type {kind!r}; alleen dagelijkse "
        "stappen (step_daily_trend) en slaap worden gelezen",
    ),
    "formats.samsung.missing": (
        "the {kind} file has no column {missing} (headers on line 2: {header})",
        "het {kind}-bestand heeft geen kolom {missing} (kopregel op regel 2: {header})",
    ),
    "formats.samsung.todo": (
        "Pass com.samsung.shealth.step_daily_trend.*.csv or com.samsung.shealth.sleep.*.csv "
        "from the export folder, unchanged",
        "Geef com.samsung.shealth.step_daily_trend.*.csv of com.samsung.shealth.sleep.*.csv "
        "uit de exportmap, onveranderd",
    ),
    "formats.samsung.bad_day": (
        "day_time is not a day (epoch milliseconds or 2024-03-01 00:00:00.000)",
        "day_time is geen dag (epoch-milliseconden of 2024-03-01 00:00:00.000)",
    ),
    "formats.samsung.bad_time": (
        "not a time like 2024-03-01 22:30:00.000 (UTC) or epoch milliseconds",
        "geen tijd zoals 2024-03-01 22:30:00.000 (UTC) of epoch-milliseconden",
    ),
    "formats.samsung.bad_offset": (
        "time_offset is not like UTC+0100",
        "time_offset is niet van de vorm UTC+0100",
    ),
    "formats.samsung.ignored_step_source": (
        "step row of another source_type on a day already counted (not added, "
        "so the same steps are not counted twice)",
        "stappenregel van een andere source_type op een dag die al geteld is (niet "
        "opgeteld, zodat dezelfde stappen niet dubbel tellen)",
    ),
    "formats.samsung.note_steps_rule": (
        "steps: a day has one row per device (source_type); took the combined row of "
        "all devices (source_type -2), else the largest single device, never their sum",
        "stappen: een dag heeft één regel per toestel (source_type); de gecombineerde "
        "regel van alle toestellen (source_type -2) is genomen, anders het grootste "
        "toestel, nooit hun som",
    ),
    "formats.samsung.column_steps": (
        "count of step_daily_trend (source_type -2, else the largest device), day of day_time",
        "count van step_daily_trend (source_type -2, anders het grootste toestel), dag van "
        "day_time",
    ),
    "formats.samsung.note_sleep_zone": (
        "sleep: start_time and end_time are UTC; each session was put on its local "
        "wake-up day using its time_offset",
        "slaap: start_time en end_time zijn UTC; elke slaapperiode staat op de lokale "
        "dag van ontwaken, berekend met haar time_offset",
    ),
    "formats.samsung.column_sleep": (
        "end_time - start_time of the sleep sessions (overlaps once), by local wake-up day",
        "end_time - start_time van de slaapperiodes (overlap één keer), per lokale dag "
        "van ontwaken",
    ),
    "formats.note.other_columns": (
        "{n} column(s) not read (not diary variables): {columns}",
        "{n} kolom(men) niet gelezen (geen dagboekvariabelen): {columns}",
    ),
    # --- Health Auto Export
    "formats.hae.no_date": (
        "the first column is not Date/Time (headers: {header})",
        "de eerste kolom is niet Date/Time (kolommen: {header})",
    ),
    "formats.hae.no_metrics": (
        "it has neither 'Step Count (count)' nor a 'Sleep Analysis [...] (hr)' column "
        "(metrics found: {header})",
        "het heeft geen kolom 'Step Count (count)' en geen kolom 'Sleep Analysis [...] (hr)' "
        "(gevonden gegevens: {header})",
    ),
    "formats.hae.todo": (
        "Export again from Health Auto Export as CSV with Step Count and Sleep Analysis "
        "selected, and pass the file unchanged",
        "Exporteer opnieuw uit Health Auto Export als CSV met Step Count en Sleep Analysis "
        "aangevinkt, en geef het bestand onveranderd op",
    ),
    "formats.hae.bad_date": (
        "Date/Time is not a local time like 2024-03-01 13:00:00 (or, after Excel, "
        "6/13/2021 0:00 in an order the column shows)",
        "Date/Time is geen lokale tijd zoals 2024-03-01 13:00:00 (of, na Excel, "
        "6/13/2021 0:00 in een volgorde die de kolom toont)",
    ),
    "formats.hae.ambiguous": (
        "every date, like {example!r}, has a day and month of 12 or less, so their order "
        "cannot be told from the file (it was saved by a spreadsheet)",
        "elke datum, zoals {example!r}, heeft een dag en maand van 12 of minder, dus hun "
        "volgorde valt uit het bestand niet op te maken (het werd door een rekenblad bewaard)",
    ),
    "formats.hae.todo_dayfirst": (
        "Pass the file as the app exported it (dates like 2024-03-01 13:00:00), or read it in "
        "Python with dayfirst=False (month/day/year, US) or dayfirst=True (day/month/year)",
        "Geef het bestand op zoals de app het exporteerde (datums zoals 2024-03-01 13:00:00), "
        "of lees het in Python met dayfirst=False (maand/dag/jaar, VS) of dayfirst=True "
        "(dag/maand/jaar)",
    ),
    "formats.hae.column_steps": (
        "Step Count (count), summed per day of Date/Time",
        "Step Count (count), opgeteld per dag van Date/Time",
    ),
    "formats.hae.column_sleep": (
        "Sleep Analysis [Asleep], else (when empty or 0) [Core] + [Deep] + [REM], else "
        "[Total] (hours), summed per day of Date/Time",
        "Sleep Analysis [Asleep], anders (als leeg of 0) [Core] + [Deep] + [REM], anders "
        "[Total] (uren), opgeteld per dag van Date/Time",
    ),
    "formats.hae.note_sleep": (
        "sleep: per row the Asleep hours, else (when Asleep is empty or 0, as a watch that "
        "records stages writes it) Core + Deep + REM, else Total; these are alternatives and "
        "never added to each other; Awake and In Bed are not sleep",
        "slaap: per regel de uren Asleep, anders (als Asleep leeg of 0 is, zoals een horloge "
        "dat slaapfasen registreert het schrijft) Core + Deep + REM, anders Total; dat zijn "
        "alternatieven die nooit bij elkaar opgeteld worden; Awake en In Bed zijn geen slaap",
    ),
    "formats.hae.in_bed_only": (
        "{n} row(s) have time in bed but no asleep time (Asleep, Core, Deep, REM and Total "
        "are 0 or empty; a phone without a watch records only In Bed): their sleep is left "
        "missing, not 0 (days: {days})",
        "{n} regel(s) hebben tijd in bed maar geen slaaptijd (Asleep, Core, Deep, REM en "
        "Total zijn 0 of leeg; een telefoon zonder horloge registreert alleen In Bed): hun "
        "slaap blijft leeg, niet 0 (dagen: {days})",
    ),
    "formats.hae.note_zone": (
        "days are the date of Date/Time, which the app writes in the phone's local time",
        "de dagen zijn de datum van Date/Time, die de app in de lokale tijd van de telefoon "
        "schrijft",
    ),
    "formats.hae.ignored_empty": (
        "row without steps or sleep (other metrics only)",
        "regel zonder stappen of slaap (alleen andere gegevens)",
    ),
    # --- Apple Health per-type CSV
    "formats.apple_csv.missing": (
        "the columns {missing} are missing (headers: {header})",
        "de kolommen {missing} ontbreken (kolommen: {header})",
    ),
    "formats.apple_csv.todo": (
        "Convert export.xml again keeping the record columns sourceName, type, startDate, "
        "endDate and value, or read the export.zip itself",
        "Zet export.xml opnieuw om met de recordkolommen sourceName, type, startDate, "
        "endDate en value, of lees de export.zip zelf",
    ),
    "formats.apple_csv.untyped": ("record without a type", "record zonder type"),
    "formats.apple_csv.bad_date": (
        "not a date like 2019-05-14 18:52:09 -0400",
        "geen datum zoals 2019-05-14 18:52:09 -0400",
    ),
    "formats.apple_csv.bad_steps": (
        "not a step count (a number >= 0)",
        "geen aantal stappen (een getal >= 0)",
    ),
    "formats.apple_csv.bad_pain_map": (
        "pain_map={{{key!r}: {value}}} is not valid: keys are {keys} and values numbers "
        "from 0 to 10 (or None)",
        "pain_map={{{key!r}: {value}}} is ongeldig: sleutels zijn {keys} en waarden getallen "
        "van 0 tot 10 (of None)",
    ),
    "formats.apple_csv.note_rules": (
        "read with the Apple Health export rules: days are the local date of startDate; "
        "steps the day's largest single source; sleep the union of asleep records on the "
        "wake-up day; no export date in a CSV, so future-dated records are not checked",
        "gelezen met de regels van de Apple Health-export: dagen zijn de lokale datum van "
        "startDate; stappen de grootste afzonderlijke bron van de dag; slaap de unie van de "
        "slaaprecords op de dag van ontwaken; een CSV heeft geen exportdatum, dus records "
        "in de toekomst worden niet gecontroleerd",
    ),
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
    "formats.gfit.todo_columns@python": (
        "The column {column!r} looks like steps (whole numbers, the largest of the file's "
        "counts): if it is, read the file with columns={{{column!r}: 'steps'}} (and a "
        "move-minutes column with 'active_minutes')",
        "De kolom {column!r} lijkt op stappen (gehele getallen, de grootste van de aantallen "
        "in het bestand): als dat klopt, lees het bestand met columns={{{column!r}: 'steps'}} "
        "(en een kolom met beweegminuten met 'active_minutes')",
    ),
    "formats.gfit.todo_columns": (
        "The column {column!r} looks like steps (whole numbers, the largest of the file's "
        "counts): if it is, rename {renames} in the file (Google Fit's English names) and "
        "read it again",
        "De kolom {column!r} lijkt op stappen (gehele getallen, de grootste van de aantallen "
        "in het bestand): als dat klopt, hernoem {renames} in het bestand (de Engelse namen "
        "van Google Fit) en lees het opnieuw",
    ),
    "formats.gfit.todo_columns_none@python": (
        "No column holds only whole numbers like a step count; name the steps column with "
        "columns={{'your column': 'steps'}}",
        "Geen kolom bevat alleen gehele getallen zoals een aantal stappen; noem de kolom met "
        "stappen met columns={{'je kolom': 'steps'}}",
    ),
    "formats.gfit.todo_columns_none": (
        "No column holds only whole numbers like a step count; rename {renames} in the file "
        "(Google Fit's English names) and read it again",
        "Geen kolom bevat alleen gehele getallen zoals een aantal stappen; hernoem {renames} "
        "in het bestand (de Engelse namen van Google Fit) en lees het opnieuw",
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
    "formats.detect.apple_health_csv": (
        "no Apple Health record columns {missing}",
        "geen kolommen van Apple Health-records {missing}",
    ),
    "formats.detect.fitbit_csv": (
        "no fitbit.com export section line (Activities, Sleep, Body, Foods) before a table",
        "geen sectieregel van een fitbit.com-export (Activities, Sleep, Body, Foods) voor een tabel",
    ),
    "formats.detect.fitbit_api": (
        'not a Fitbit Web API series ({{"activities-steps": [...]}})',
        'geen reeks van de Fitbit Web API ({{"activities-steps": [...]}})',
    ),
    "formats.detect.garmin": (
        "not a Garmin Connect daily summary (UDSFile) or sleep file (calendarDate with "
        "totalSteps or sleep seconds)",
        "geen dagoverzicht (UDSFile) of slaapbestand van Garmin Connect (calendarDate met "
        "totalSteps of slaapseconden)",
    ),
    "formats.detect.google_fit_daily": (
        "no Google Fit daily metrics header (Date,Move Minutes count,... or Start time,...)",
        "geen kopregel van dagelijkse Google Fit-gegevens (Date,Move Minutes count,... of Start time,...)",
    ),
    "formats.detect.health_auto_export": (
        "the first header is not Date/Time (Health Auto Export)",
        "de eerste kolomnaam is geen Date/Time (Health Auto Export)",
    ),
    "formats.detect.samsung_health": (
        "the first line is not a Samsung Health data type (com.samsung.shealth....)",
        "de eerste regel is geen gegevenstype van Samsung Health (com.samsung.shealth....)",
    ),
    # --- subject=: one meaning for every reader
    "formats.subject.unknown": (
        "{source}: subject={subject!r} is not in the diary; the file names {n} person(s) in "
        "its column {column!r}: {shown}. Choose one of them, e.g. subject={example!r}, or "
        "leave subject out to read everyone",
        "{source}: subject={subject!r} staat niet in het dagboek; het bestand noemt {n} "
        "persoon/personen in de kolom {column!r}: {shown}. Kies er een, bv. "
        "subject={example!r}, of laat subject weg om iedereen te lezen",
    ),
    "formats.subject.unknown@cli": (
        "{source}: --subject {subject} is not in the diary; the file names {n} person(s) in "
        "its column {column!r}: {shown}. Choose one of them, e.g. --subject {example}",
        "{source}: --subject {subject} staat niet in het dagboek; het bestand noemt {n} "
        "persoon/personen in de kolom {column!r}: {shown}. Kies er een, bv. --subject {example}",
    ),
    "formats.subject.unknown@page": (
        "{source}: {subject} is not in the diary; the file names {n} person(s) in its column "
        "{column!r}: {shown}. Choose one of them",
        "{source}: {subject} staat niet in het dagboek; het bestand noemt {n} persoon/personen "
        "in de kolom {column!r}: {shown}. Kies er een",
    ),
    "formats.subject.other_rows": (
        "rows of the file's {n} other person(s) (subject={subject!r} chosen)",
        "rijen van de {n} andere persoon/personen in het bestand (subject={subject!r} gekozen)",
    ),
    "formats.subject.other_rows@cli": (
        "rows of the file's {n} other person(s) (--subject {subject} chosen)",
        "rijen van de {n} andere persoon/personen in het bestand (--subject {subject} gekozen)",
    ),
    "formats.subject.other_rows@page": (
        "rows of the file's {n} other person(s) ({subject} chosen)",
        "rijen van de {n} andere persoon/personen in het bestand ({subject} gekozen)",
    ),
    "formats.subject.kept": (
        "kept only subject {subject!r}: {days} of the file's {total} days (the file names {n} "
        "person(s)); the row counts are for the whole file",
        "alleen deelnemer {subject!r} behouden: {days} van de {total} dagen van het bestand "
        "(het bestand noemt {n} persoon/personen); de aantallen rijen gelden voor het hele "
        "bestand",
    ),
    # --- Flaredown's per-user export: treatments become tags
    "formats.flaredown.tags_and_treatments": (
        "Tags and the treatment column(s) {columns}",
        "Tags en de kolom(men) met behandelingen {columns}",
    ),
    "formats.flaredown.treatments_rule": (
        "treatment column(s) {columns} read as tags: a day with a dose or mark in the column "
        "gets the treatment's name as a tag (an empty cell, 0, 'no' or 'not taken': no tag); "
        "the dose is not kept",
        "kolom(men) met behandelingen {columns} als labels gelezen: een dag met een dosis of "
        "teken in de kolom krijgt de naam van de behandeling als label (een lege cel, 0, 'nee' "
        "of 'niet genomen': geen label); de dosis wordt niet bewaard",
    ),
    "formats.flaredown.ratings_unread": (
        "columns rated 0-4 and not read (other conditions and symptoms): {columns}; a "
        "treatment among them whose doses are plain numbers 0-4 is read as a tag with "
        "treatments=[...]",
        "kolommen met scores 0-4 die niet gelezen zijn (andere aandoeningen en symptomen): "
        "{columns}; een behandeling daartussen met als dosis gewone getallen 0-4 wordt als "
        "label gelezen met treatments=[...]",
    ),
    "formats.flaredown.ratings_unread@page": (
        "columns rated 0-4 and not read (other conditions and symptoms): {columns}",
        "kolommen met scores 0-4 die niet gelezen zijn (andere aandoeningen en symptomen): "
        "{columns}",
    ),
    "formats.flaredown.ratings_unread@cli": (
        "columns rated 0-4 and not read (other conditions and symptoms): {columns}",
        "kolommen met scores 0-4 die niet gelezen zijn (andere aandoeningen en symptomen): "
        "{columns}",
    ),
    # --- Fitbit: the local offset of the UTC intraday series
    "formats.fitbit.offset_exact": (
        "Fitbit step times are in UTC; the file records every minute from {first} UTC, the "
        "local midnight of {day} (the date in its name): local time UTC{offset}, steps summed "
        "per day at that offset",
        "tijden van stappen uit Fitbit staan in UTC; het bestand telt elke minuut vanaf "
        "{first} UTC, de lokale middernacht van {day} (de datum in de naam): lokale tijd "
        "UTC{offset}, stappen per dag opgeteld met dat verschil",
    ),
    "formats.fitbit.offset_at_least": (
        "Fitbit step times are in UTC; the first time, {first} UTC, lies before {day} (the "
        "date in the file name), which only a local time east of UTC explains: at least "
        "UTC{offset} (more if the first step came after midnight). Steps summed per day at "
        "UTC{offset}; give the time zone to be sure",
        "tijden van stappen uit Fitbit staan in UTC; het eerste tijdstip, {first} UTC, ligt "
        "vóór {day} (de datum in de bestandsnaam), wat alleen een lokale tijd ten oosten van "
        "UTC verklaart: minstens UTC{offset} (meer als de eerste stap na middernacht kwam). "
        "Stappen per dag opgeteld met UTC{offset}; geef de tijdzone om zeker te zijn",
    ),
    "formats.fitbit.offset_unknown@python": (
        "Fitbit step times are in UTC; the offset cannot be inferred: the first time, {first} "
        "UTC, lies on or after {day} (the date in the file name), so you live west of UTC "
        "(UTC{offset} if that was local midnight) or your first step came later, and the "
        "file has gaps that leave both open. Steps summed per UTC day; pass "
        "tz='America/New_York' (the zone where you wore the tracker) to sum per local day.",
        "tijden van stappen uit Fitbit staan in UTC; het tijdsverschil is niet af te leiden: "
        "het eerste tijdstip, {first} UTC, ligt op of na {day} (de datum in de bestandsnaam), "
        "dus je woont ten westen van UTC (UTC{offset} als dat lokale middernacht was) of je "
        "eerste stap kwam later, en het bestand heeft gaten die beide openlaten. Stappen per "
        "dag in UTC opgeteld; geef tz='Europe/Brussels' (de zone waar je de tracker droeg) om "
        "per lokale dag op te tellen.",
    ),
    "formats.fitbit.offset_unknown": (
        "Fitbit step times are in UTC; the offset cannot be inferred: the first time, {first} "
        "UTC, lies on or after {day} (the date in the file name), so you live west of UTC "
        "(UTC{offset} if that was local midnight) or your first step came later, and the "
        "file has gaps that leave both open. Steps summed per UTC day; give the time zone "
        "where you wore the tracker to sum per local day.",
        "tijden van stappen uit Fitbit staan in UTC; het tijdsverschil is niet af te leiden: "
        "het eerste tijdstip, {first} UTC, ligt op of na {day} (de datum in de bestandsnaam), "
        "dus je woont ten westen van UTC (UTC{offset} als dat lokale middernacht was) of je "
        "eerste stap kwam later, en het bestand heeft gaten die beide openlaten. Stappen per "
        "dag in UTC opgeteld; geef de tijdzone waar je de tracker droeg om per lokale dag op "
        "te tellen.",
    ),
    # --- Daylio: default moods named in the phone's language
    "formats.daylio.translated_moods@python": (
        "{n} row(s) with a mood named as Daylio's default moods in another language, read as "
        "mood (0-10): {names}; if one of these is a mood of your own with another level, "
        "pass moods={{'label': level}}",
        "{n} rij(en) met een stemming genoemd zoals de standaardstemmingen van Daylio in een "
        "andere taal, gelezen als stemming (0-10): {names}; is een daarvan een eigen "
        "stemming met een ander niveau, geef dan moods={{'naam': niveau}}",
    ),
    "formats.daylio.translated_moods": (
        "{n} row(s) with a mood named as Daylio's default moods in another language, read as "
        "mood (0-10): {names}",
        "{n} rij(en) met een stemming genoemd zoals de standaardstemmingen van Daylio in een "
        "andere taal, gelezen als stemming (0-10): {names}",
    ),
    # --- fitbit.com "Export data" monthly CSV
    "formats.fitbit_csv.no_table": (
        "it has neither an Activities nor a Sleep table (sections found: {found})",
        "het heeft geen tabel Activities en geen tabel Sleep (gevonden secties: {found})",
    ),
    "formats.fitbit_csv.no_column": (
        "a table lacks its {column!r} column",
        "een tabel mist de kolom {column!r}",
    ),
    "formats.fitbit_csv.todo": (
        "Export the month again from fitbit.com (Settings, Data export) with Activities and "
        "Sleep selected, as CSV, and pass the file unchanged",
        "Exporteer de maand opnieuw uit fitbit.com (Instellingen, Gegevensexport) met "
        "Activities en Sleep aangevinkt, als CSV, en geef het bestand onveranderd op",
    ),
    "formats.fitbit_csv.ambiguous": (
        "every date has a day of 12 or less, so whether 01-03-2017 is 1 March or 3 January "
        "cannot be told from the file",
        "elke datum heeft een dag van 12 of minder, dus of 01-03-2017 1 maart of 3 januari is, "
        "valt uit het bestand niet op te maken",
    ),
    "formats.fitbit_csv.todo_dayfirst@python": (
        "Pass dayfirst=True if your account writes day-month-year (Europe), dayfirst=False "
        "for month-day-year (US)",
        "Geef dayfirst=True als je account dag-maand-jaar schrijft (Europa), dayfirst=False "
        "voor maand-dag-jaar (VS)",
    ),
    "formats.fitbit_csv.todo_dayfirst": (
        "Read the file in Python with dayfirst=True (day-month-year, Europe) or "
        "dayfirst=False (month-day-year, US), or read it together with a later month's "
        "export that holds a day above 12",
        "Lees het bestand in Python met dayfirst=True (dag-maand-jaar, Europa) of "
        "dayfirst=False (maand-dag-jaar, VS), of exporteer een hele maand (met een dag boven 12)",
    ),
    "formats.fitbit_csv.other_section": (
        "section {section} (not a diary variable)",
        "sectie {section} (geen variabele van het dagboek)",
    ),
    "formats.fitbit_csv.bad_date": (
        "not a date in the account's order like 01-03-2017",
        "geen datum in de volgorde van het account zoals 01-03-2017",
    ),
    "formats.fitbit_csv.bad_number": (
        "{column!r} must be a number like 6,511 or 4.52 (comma only as thousands separator)",
        "{column!r} moet een getal zijn zoals 6,511 of 4.52 (komma enkel als scheiding van "
        "duizendtallen)",
    ),
    "formats.fitbit_csv.column_sleep": (
        "Sleep: Minutes Asleep / 60 per day of End Time (the wake-up day)",
        "Sleep: Minutes Asleep / 60 per dag van End Time (de dag van ontwaken)",
    ),
    "formats.fitbit_csv.note_rules": (
        "fitbit.com export: steps from Activities; active minutes = Minutes Fairly Active + "
        "Minutes Very Active (moderate to vigorous; light activity not counted); sleep = "
        "Minutes Asleep on the day it ends; days as the account writes them (local time)",
        "fitbit.com-export: stappen uit Activities; actieve minuten = Minutes Fairly Active + "
        "Minutes Very Active (matig tot zwaar; licht bewegen niet meegeteld); slaap = Minutes "
        "Asleep op de dag waarop ze eindigt; dagen zoals het account ze schrijft (lokale tijd)",
    ),
    "formats.fitbit_csv.ignored_empty": (
        "row without steps, active minutes or sleep",
        "regel zonder stappen, actieve minuten of slaap",
    ),
    # --- Fitbit Web API time series
    "formats.fitbit_api.not_series": (
        'it is not a JSON object of series lists like {{"activities-steps": [...]}}',
        'het is geen JSON-object met reeksen zoals {{"activities-steps": [...]}}',
    ),
    "formats.fitbit_api.todo": (
        "Pass the API's response unchanged (one or more daily series)",
        "Geef het antwoord van de API onveranderd op (een of meer dagelijkse reeksen)",
    ),
    "formats.fitbit_api.other_series": (
        "series {series} (not a diary variable)",
        "reeks {series} (geen variabele van het dagboek)",
    ),
    "formats.fitbit_api.bad_date": (
        "dateTime is not a date like 2019-01-01",
        "dateTime is geen datum zoals 2019-01-01",
    ),
    "formats.fitbit_api.bad_value": (
        "value is not a number of at least 0",
        "value is geen getal van minstens 0",
    ),
    "formats.fitbit_api.one_active_series": (
        "only one of minutesVeryActive and minutesFairlyActive is in the file: active "
        "minutes count that one only (Fitbit's active minutes are their sum)",
        "maar één van minutesVeryActive en minutesFairlyActive staat in het bestand: de "
        "actieve minuten tellen alleen die (de actieve minuten van Fitbit zijn hun som)",
    ),
    # --- Garmin Connect account export
    "formats.garmin.not_records": (
        "it is not a JSON array of daily records",
        "het is geen JSON-lijst van dagrecords",
    ),
    "formats.garmin.todo": (
        "Pass DI_CONNECT/DI-Connect-Aggregator/UDSFile_*.json or "
        "DI_CONNECT/DI-Connect-Wellness/*_sleepData.json from Garmin's account export, unchanged",
        "Geef DI_CONNECT/DI-Connect-Aggregator/UDSFile_*.json of "
        "DI_CONNECT/DI-Connect-Wellness/*_sleepData.json uit de accountexport van Garmin op, "
        "onveranderd",
    ),
    "formats.garmin.no_values": (
        "its records have no totalSteps, allDayStress or sleep seconds (fields: {fields})",
        "de records hebben geen totalSteps, allDayStress of slaapseconden (velden: {fields})",
    ),
    "formats.garmin.stub": (
        "record without calendarDate (an empty record Garmin writes)",
        "record zonder calendarDate (een leeg record dat Garmin schrijft)",
    ),
    "formats.garmin.bad_date": (
        "calendarDate is not a date like 2024-05-01",
        "calendarDate is geen datum zoals 2024-05-01",
    ),
    "formats.garmin.column_stress": (
        "allDayStress, TOTAL averageStressLevel (the watch's 0-100 score)",
        "allDayStress, TOTAL averageStressLevel (de score 0-100 van het horloge)",
    ),
    "formats.garmin.note_stress": (
        "watch_stress is Garmin's stress score (0-100), computed by the watch from heart-rate "
        "variability: a measurement, not your own rating of stress, so it is kept apart from "
        "stress (0-10)",
        "watch_stress is de stressscore van Garmin (0-100), berekend door het horloge uit de "
        "variabiliteit van de hartslag: een meting, geen eigen inschatting van stress, dus "
        "apart gehouden van stress (0-10)",
    ),
    "formats.garmin.stress_outside": (
        "{n} day(s) with a stress value outside 0-100 (such as -1), which is not a score on "
        "the watch's scale: left missing",
        "{n} dag(en) met een stresswaarde buiten 0-100 (zoals -1), wat geen score op de schaal "
        "van het horloge is: leeg gelaten",
    ),
    "formats.garmin.column_sleep": (
        "deepSleepSeconds + lightSleepSeconds + remSleepSeconds (awake not counted) / 3600 "
        "on calendarDate (the wake-up day)",
        "deepSleepSeconds + lightSleepSeconds + remSleepSeconds (wakker niet meegeteld) / 3600 "
        "op calendarDate (de dag van ontwaken)",
    ),
    "formats.garmin.note_day": (
        "days are Garmin's calendarDate, the local day; a day listed twice takes the larger "
        "step count, never the sum",
        "dagen zijn calendarDate van Garmin, de lokale dag; een dag die twee keer voorkomt "
        "krijgt het grootste aantal stappen, nooit de som",
    ),
    "formats.garmin.ignored_empty": (
        "day without steps, stress score or sleep",
        "dag zonder stappen, stressscore of slaap",
    ),
}
