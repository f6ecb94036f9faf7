"""Texts of the read area: key -> (English, Dutch).

Reasons for rejected rows (``read.reason.*``), load-report notes
(``read.note.*``), ignored-row categories (``read.ignored.*``), errors for
files that cannot be read (``read.error.*``), survey and questionnaire errors
(``read.survey.*``) and the load report's own words (``read.report.*``).
Advice that names a Python argument has ``@cli`` and ``@page`` variants.
"""

from __future__ import annotations

_PAIN_SCALE = " if this diary uses a 0-100 scale"
_PIJN_SCHAAL = " gebruikt dit dagboek een schaal van 0 tot 100,"

TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ lists
    "read.list.semicolon": ("{first}; {rest}", "{first}; {rest}"),
    "read.list.named": ("{name}: {text}", "{name}: {text}"),
    # --------------------------------------------- reasons (rejected rows)
    "read.reason.subject_empty": ("subject is empty", "deelnemer is leeg"),
    "read.reason.date_empty": ("date is empty", "datum is leeg"),
    "read.reason.date_not_real": (
        "not a real calendar day (for example 31 February or month 13); "
        "check the day and the month",
        "geen bestaande kalenderdag (bijvoorbeeld 31 februari of maand 13); "
        "kijk de dag en de maand na",
    ),
    "read.reason.date_unknown": (
        "not a date this reader understands; write dates as YYYY-MM-DD or DD-MM-YYYY",
        "geen datum die het programma begrijpt; schrijf datums als JJJJ-MM-DD of DD-MM-JJJJ",
    ),
    "read.reason.not_a_number": (
        "not a number; {name} must be a number ({unit})",
        "geen getal; {name!v} moet een getal zijn ({unit})",
    ),
    "read.unit.hours_clock": ("hours (e.g. 7.5 or 7:30)", "uren, bv. 7,5 of 7:30"),
    "read.reason.above_max": (
        "{name} must be at most {high:g} ({unit})",
        "{name!v} mag hoogstens {high:g} zijn ({unit})",
    ),
    "read.reason.pain_above_10@python": (
        "pain must be at most 10 (NRS 0-10);" + _PAIN_SCALE + " pass pain_scale=100",
        "pijn mag hoogstens 10 zijn (0-10);" + _PIJN_SCHAAL + " geef dan pain_scale=100",
    ),
    "read.reason.pain_above_10@cli": (
        "pain must be at most 10 (NRS 0-10);" + _PAIN_SCALE + " use --pain-scale 100",
        "pijn mag hoogstens 10 zijn (0-10);" + _PIJN_SCHAAL + " gebruik dan --pain-scale 100",
    ),
    "read.reason.pain_above_10": (
        "pain must be at most 10 (NRS 0-10);" + _PAIN_SCALE + ", read it with the 0-100 pain scale",
        "pijn mag hoogstens 10 zijn (0-10);"
        + _PIJN_SCHAAL
        + " lees het dan met de pijnschaal 0-100",
    ),
    "read.reason.pain_above_100@python": (
        "pain must be at most 100 on the 0-100 scale (pain_scale=100)",
        "pijn mag hoogstens 100 zijn op de schaal van 0 tot 100 (pain_scale=100)",
    ),
    "read.reason.pain_above_100@cli": (
        "pain must be at most 100 on the 0-100 scale (--pain-scale 100)",
        "pijn mag hoogstens 100 zijn op de schaal van 0 tot 100 (--pain-scale 100)",
    ),
    "read.reason.pain_above_100": (
        "pain must be at most 100 on the 0-100 scale",
        "pijn mag hoogstens 100 zijn op de schaal van 0 tot 100",
    ),
    "read.reason.below_min": (
        "{name} must be at least {low:g}",
        "{name!v} moet minstens {low:g} zijn",
    ),
    "read.reason.day_total": (
        "the {n} entries for {name} on this day add up to {total:g} ({unit}), more than "
        "{high:g}; is a row repeated? Remove the copy",
        "de {n} invoeren voor {name!v} op deze dag zijn samen {total:g} ({unit}), meer dan "
        "{high:g}; staat een rij er twee keer in? Verwijder de kopie",
    ),
    # ------------------------------------------------------------- notes
    "read.note.dates_already": ("dates were already dates", "de datums waren al datums"),
    "read.note.dates_iso": ("dates are ISO (year-month-day)", "datums als jaar-maand-dag"),
    "read.note.dates_mixed_dayfirst": (
        "dates mix day-first and month-first values; took day-first (the majority) "
        "and rejected the others",
        "de datums mengen dag-eerst en maand-eerst; gelezen als dag-eerst "
        "(de meerderheid), de andere zijn geweigerd",
    ),
    "read.note.dates_mixed_monthfirst": (
        "dates mix day-first and month-first values; took month-first (the majority) "
        "and rejected the others",
        "de datums mengen dag-eerst en maand-eerst; gelezen als maand-eerst "
        "(de meerderheid), de andere zijn geweigerd",
    ),
    "read.note.order_inferred_dayfirst": (
        "date order inferred from the column: day-month-year",
        "volgorde van de datums afgeleid uit de kolom: dag-maand-jaar",
    ),
    "read.note.order_inferred_monthfirst": (
        "date order inferred from the column: month-day-year",
        "volgorde van de datums afgeleid uit de kolom: maand-dag-jaar",
    ),
    "read.note.dates_ambiguous_dayfirst": (
        "every date is ambiguous (day and month both <= 12); took day-month-year, "
        "as Dutch/Belgian files write dates",
        "elke datum kan twee dingen betekenen (dag en maand allebei 12 of minder); "
        "gelezen als dag-maand-jaar, zoals Nederlandse en Belgische bestanden datums schrijven",
    ),
    "read.note.order_given_dayfirst": (
        "date order given: day first",
        "volgorde van de datums opgegeven: eerst de dag",
    ),
    "read.note.order_given_monthfirst": (
        "date order given: month first",
        "volgorde van de datums opgegeven: eerst de maand",
    ),
    "read.note.combined": (
        "{n} day(s) had several entries; combined per day as: {rules}",
        "{n} dag(en) met meerdere invoeren; per dag samengevoegd als: {rules}",
    ),
    "read.note.rule": ("{name} {rule}", "{name!v} {rule}"),
    "read.rule.mean": ("mean", "gemiddelde"),
    "read.rule.sum": ("sum", "som"),
    "read.rule.max": ("max", "hoogste"),
    "read.rule.min": ("min", "laagste"),
    "read.rule.first": ("first", "eerste"),
    "read.rule.union": ("union", "alle samen"),
    "read.rule.join": ("join", "achter elkaar"),
    "read.note.decoded_as": (
        "file decoded as {encoding} (it is not UTF-8)",
        "bestand gelezen als {encoding} (het is geen UTF-8)",
    ),
    "read.note.separator": (
        "separator {sep!r} and decimal mark {decimal!r} detected",
        "scheidingsteken {sep!r} en decimaalteken {decimal!r} herkend",
    ),
    "read.note.unused_columns": (
        "columns not used (not diary variables): {columns}",
        "kolommen niet gebruikt (geen dagboekgegevens): {columns}",
    ),
    "read.note.sources_merged": (
        "{n} sources merged per subject and day; {shared} source-day(s) joined a day "
        "another source also gave",
        "{n} bronnen samengevoegd per deelnemer en dag; {shared} dag(en) kwamen ook in "
        "een andere bron voor",
    ),
    "read.note.sources_disagree": (
        "{name}: {n} day(s) with different values from different sources; took the value "
        "of the source with the higher precedence",
        "{name!v}: {n} dag(en) met verschillende waarden in verschillende bronnen; de "
        "waarde van de bron met voorrang is genomen",
    ),
    "read.note.subjects_differ@python": (
        "the sources have different subjects {subjects}; pass subject= to read_diary to "
        "merge them as one person",
        "de bronnen hebben verschillende deelnemers {subjects}; geef subject= aan "
        "read_diary om ze als één persoon samen te voegen",
    ),
    "read.note.subjects_differ@cli": (
        "the sources have different subjects {subjects}; use --subject NAME to merge them "
        "as one person",
        "de bronnen hebben verschillende deelnemers {subjects}; gebruik --subject NAAM om "
        "ze als één persoon samen te voegen",
    ),
    "read.note.subjects_differ": (
        "the sources have different subjects {subjects}; give them one name to merge them "
        "as one person",
        "de bronnen hebben verschillende deelnemers {subjects}; geef ze één naam om ze "
        "als één persoon samen te voegen",
    ),
    # --------------------------------------------------------- ignored rows
    "read.ignored.blank_row": ("blank row", "lege rij"),
    "read.ignored.from_source": ("{category} ({source})", "{category} ({source})"),
    # ------------------------------------------------- where a column came from
    "read.origin.file_name": ("(file name)", "(bestandsnaam)"),
    "read.origin.given": ("(given)", "(opgegeven)"),
    # ------------------------------------------------------ the load report
    "read.format.table": ("table", "tabel"),
    "read.format.merged": ("merged", "samengevoegd"),
    "read.report.head": (
        "{source} (read as {format}): {read} rows read, {kept} kept, {merged} merged with "
        "another row of the same day, {ignored} ignored, {rejected} rejected.",
        "{source} (gelezen als {format}): {read} rijen gelezen, {kept} behouden, {merged} "
        "samengevoegd met een andere rij van dezelfde dag, {ignored} overgeslagen, "
        "{rejected} geweigerd.",
    ),
    "read.report.ignored": ("ignored {n}: {category}", "overgeslagen {n}: {category}"),
    "read.report.columns": ("columns: {mapped}", "kolommen: {mapped}"),
    "read.report.note": ("note: {note}", "opmerking: {note}"),
    "read.report.rejected_row": (
        "rejected row {row}, column {column!r}, value {value!r}: {reason}",
        "geweigerd: rij {row}, kolom {column!r}, waarde {value!r}: {reason}",
    ),
    "read.report.more@python": (
        "... and {n} more in report.rejected",
        "... en nog {n} in report.rejected",
    ),
    "read.report.more": ("... and {n} more", "... en nog {n}"),
    "read.report.unbalanced": (
        "WARNING: the counts do not add up; please report a bug.",
        "LET OP: de aantallen kloppen niet; meld deze fout aan de makers.",
    ),
    "read.report.title": ("Load report", "Inleesverslag"),
    "read.report.read_as": ("(read as {format})", "(gelezen als {format})"),
    "read.report.rows_read": ("rows read", "rijen gelezen"),
    "read.report.rows_kept": ("kept (one day each)", "behouden (elk één dag)"),
    "read.report.rows_merged": (
        "merged with another row of the same day",
        "samengevoegd met een andere rij van dezelfde dag",
    ),
    "read.report.rows_ignored": ("ignored", "overgeslagen"),
    "read.report.rows_rejected": ("rejected", "geweigerd"),
    "read.report.rejected_rows": ("Rejected rows", "Geweigerde rijen"),
    "read.report.col.file": ("file", "bestand"),
    "read.report.col.row": ("row", "rij"),
    "read.report.col.column": ("column", "kolom"),
    "read.report.col.value": ("value", "waarde"),
    "read.report.col.reason": ("reason", "reden"),
    # ------------------------------------------------- files that cannot be read
    "read.error.dates_ambiguous@python": (
        "every date in the date column is ambiguous (e.g. {example!r}): it could be "
        "day/month or month/day. Pass dayfirst=True for day-month-year or dayfirst=False "
        "for month-day-year.",
        "elke datum in de datumkolom kan twee dingen betekenen (bv. {example!r}): dag/maand "
        "of maand/dag. Geef dayfirst=True voor dag-maand-jaar of dayfirst=False voor "
        "maand-dag-jaar.",
    ),
    "read.error.dates_ambiguous@cli": (
        "every date in the date column is ambiguous (e.g. {example!r}): it could be "
        "day/month or month/day. Use --dayfirst for day-month-year or --monthfirst for "
        "month-day-year.",
        "elke datum in de datumkolom kan twee dingen betekenen (bv. {example!r}): dag/maand "
        "of maand/dag. Gebruik --dayfirst voor dag-maand-jaar of --monthfirst voor "
        "maand-dag-jaar.",
    ),
    "read.error.dates_ambiguous": (
        "every date in the date column is ambiguous (e.g. {example!r}): it could be "
        "day/month or month/day. Write the dates as year-month-day (2026-03-04) and try "
        "again.",
        "elke datum in de datumkolom kan twee dingen betekenen (bv. {example!r}): dag/maand "
        "of maand/dag. Schrijf de datums als jaar-maand-dag (2026-03-04) en probeer opnieuw.",
    ),
    "read.error.no_pain_column@python": (
        "{source}: no pain column found (columns: {columns}). Name the column 'pain' or "
        "'pijn', or pass columns={{'your column': 'pain'}}.",
        "{source}: geen kolom met pijn gevonden (kolommen: {columns}). Noem de kolom "
        "'pijn' of 'pain', of geef columns={{'uw kolom': 'pain'}}.",
    ),
    "read.error.no_pain_column": (
        "{source}: no pain column found (columns: {columns}). Rename the column in the "
        "spreadsheet to 'pain' or 'pijn'.",
        "{source}: geen kolom met pijn gevonden (kolommen: {columns}). Geef de kolom in "
        "het rekenblad de naam 'pijn' of 'pain'.",
    ),
    "read.error.no_date_column@python": (
        "{source}: no date column found among {columns}. Name it 'date' or 'datum', or "
        "pass columns={{'your column': 'date'}}.",
        "{source}: geen kolom met datums gevonden in {columns}. Noem ze 'datum' of "
        "'date', of geef columns={{'uw kolom': 'date'}}.",
    ),
    "read.error.no_date_column": (
        "{source}: no date column found among {columns}. Rename the column in the "
        "spreadsheet to 'date' or 'datum'.",
        "{source}: geen kolom met datums gevonden in {columns}. Geef de kolom in het "
        "rekenblad de naam 'datum' of 'date'.",
    ),
    "read.error.two_columns@python": (
        "{source}: columns {first!r} and {second!r} both look like {name!r}. Say which one "
        "to use, e.g. columns={{{first!r}: {name!r}}}, or rename the other.",
        "{source}: de kolommen {first!r} en {second!r} lijken allebei op {name!r}. Zeg "
        "welke te gebruiken, bv. columns={{{first!r}: {name!r}}}, of hernoem de andere.",
    ),
    "read.error.two_columns": (
        "{source}: columns {first!r} and {second!r} both look like {name!r}. Rename one "
        "of them in the spreadsheet.",
        "{source}: de kolommen {first!r} en {second!r} lijken allebei op {name!r}. Hernoem "
        "er één in het rekenblad.",
    ),
    "read.error.pain_looks_100@python": (
        "{source}: most pain values are above 10 (largest {largest:g}): this looks like a "
        "0-100 scale. Pass pain_scale=100 to read it (values are then divided by 10), or "
        "fix the values.",
        "{source}: de meeste pijnwaarden zijn hoger dan 10 (hoogste {largest:g}): dit lijkt "
        "een schaal van 0 tot 100. Geef pain_scale=100 om ze te lezen (ze worden dan door "
        "10 gedeeld), of verbeter de waarden.",
    ),
    "read.error.pain_looks_100@cli": (
        "{source}: most pain values are above 10 (largest {largest:g}): this looks like a "
        "0-100 scale. Use --pain-scale 100 to read it (values are then divided by 10), or "
        "fix the values.",
        "{source}: de meeste pijnwaarden zijn hoger dan 10 (hoogste {largest:g}): dit lijkt "
        "een schaal van 0 tot 100. Gebruik --pain-scale 100 om ze te lezen (ze worden dan "
        "door 10 gedeeld), of verbeter de waarden.",
    ),
    "read.error.pain_looks_100": (
        "{source}: most pain values are above 10 (largest {largest:g}): this looks like a "
        "0-100 scale. Read it with the 0-100 pain scale (values are then divided by 10), "
        "or fix the values.",
        "{source}: de meeste pijnwaarden zijn hoger dan 10 (hoogste {largest:g}): dit lijkt "
        "een schaal van 0 tot 100. Lees het met de pijnschaal 0-100 (de waarden worden dan "
        "door 10 gedeeld), of verbeter de waarden.",
    ),
    "read.error.unknown_format": (
        "{source}: not a diary format backpain reads. Tried {tried}",
        "{source}: geen dagboekformaat dat backpain kan lezen. Geprobeerd: {tried}",
    ),
    "read.error.empty_bytes": (
        "{source}: the file is empty (0 bytes). Export the diary again.",
        "{source}: het bestand is leeg (0 bytes). Exporteer het dagboek opnieuw.",
    ),
    "read.error.empty": (
        "{source}: the file is empty. Export the diary again.",
        "{source}: het bestand is leeg. Exporteer het dagboek opnieuw.",
    ),
    "read.error.empty_app": (
        "{source}: the file is empty. Export the {label} data again.",
        "{source}: het bestand is leeg. Exporteer de gegevens uit {label} opnieuw.",
    ),
    "read.error.too_large": (
        "{source}: the file is {size:.1f} GiB, more than this reader loads at once "
        "({limit:.0f} GiB). Split it (for example per subject or per year) and read the parts.",
        "{source}: het bestand is {size:.1f} GiB, meer dan dit programma in één keer "
        "inleest ({limit:.0f} GiB). Splits het (bijvoorbeeld per deelnemer of per jaar) en "
        "lees de delen.",
    ),
    "read.error.nul_bytes": (
        "{source}: the file holds NUL bytes, so it is not a text (CSV) file. If it is a "
        "spreadsheet, save it as .xlsx or CSV.",
        "{source}: het bestand bevat NUL-bytes, dus het is geen tekstbestand (CSV). Is "
        "het een rekenblad, bewaar het dan als .xlsx of CSV.",
    ),
    "read.error.bad_text": (
        "{source}: the file is not valid {encoding} text (byte {byte}): it may be "
        "truncated or damaged. Export it again.",
        "{source}: het bestand is geen geldige {encoding}-tekst (byte {byte}): het is "
        "misschien afgebroken of beschadigd. Exporteer het opnieuw.",
    ),
    "read.error.no_such_file": (
        "{source}: no such file. Check the path (the current folder is {cwd}).",
        "{source}: dit bestand bestaat niet. Kijk het pad na (de huidige map is {cwd}).",
    ),
    "read.error.folder": (
        "{source}: this is a folder; pass the export file inside it.",
        "{source}: dit is een map; kies het exportbestand dat erin zit.",
    ),
    "read.error.xls": (
        "{source}: this is an old Excel 97-2003 (.xls) file; open it in Excel or "
        "LibreOffice and save it as .xlsx or CSV.",
        "{source}: dit is een oud Excel 97-2003-bestand (.xls); open het in Excel of "
        "LibreOffice en bewaar het als .xlsx of CSV.",
    ),
    "read.error.unreadable": (
        "{source}: could not read it as {kind}: {detail}",
        "{source}: kon het niet lezen als {kind}: {detail}",
    ),
    "read.error.csv_shape@python": (
        "{source}: could not read it as a table with separator {sep!r}: {detail}. Check "
        "that every row has the same number of columns, or pass sep=.",
        "{source}: kon het niet lezen als tabel met scheidingsteken {sep!r}: {detail}. Kijk "
        "na of elke rij evenveel kolommen heeft, of geef sep=.",
    ),
    "read.error.csv_shape": (
        "{source}: could not read it as a table with separator {sep!r}: {detail}. Check "
        "that every row has the same number of columns.",
        "{source}: kon het niet lezen als tabel met scheidingsteken {sep!r}: {detail}. Kijk "
        "na of elke rij evenveel kolommen heeft.",
    ),
    "read.error.json_invalid": (
        "{source}: not valid JSON (line {line}, column {col}: {detail})",
        "{source}: geen geldige JSON (regel {line}, teken {col}: {detail})",
    ),
    "read.error.json_shape": (
        '{source}: JSON must be a list of records such as [{{"date": "2026-01-05", '
        '"pain": 4}}, ...]',
        '{source}: JSON moet een lijst van records zijn, zoals [{{"date": "2026-01-05", '
        '"pain": 4}}, ...]',
    ),
    "read.error.app_unreadable": (
        "{source}: could not read it as a {label} CSV export: {detail}. Export it again "
        "from the app without editing it.",
        "{source}: kon het niet lezen als CSV-export van {label}: {detail}. Exporteer het "
        "opnieuw uit de app, zonder het te bewerken.",
    ),
    "read.error.app_columns": (
        "{source}: this {label} export lacks the column(s) {missing} (columns found: "
        "{found}). Export it again from the app.",
        "{source}: deze export van {label} mist de kolom(men) {missing} (gevonden "
        "kolommen: {found}). Exporteer het opnieuw uit de app.",
    ),
    # ------------------------------------- why a format's detector says no
    "read.detect.damaged_zip": ("a damaged zip archive", "een beschadigd zip-archief"),
    "read.detect.zip_not_excel": (
        "a zip archive that is not an Excel workbook (holds {names})",
        "een zip-archief dat geen Excel-werkmap is (bevat {names})",
    ),
    "read.detect.xml": ("XML or HTML, not a table", "XML of HTML, geen tabel"),
    "read.detect.binary": (
        "binary content (NUL bytes), not a text table",
        "binaire inhoud (NUL-bytes), geen teksttabel",
    ),
    "read.detect.one_column": (
        "the first line has a single column; a diary needs at least a date and pain",
        "de eerste regel heeft maar één kolom; een dagboek heeft minstens een datum en pijn nodig",
    ),
    "read.detect.not_text": ("not a text file", "geen tekstbestand"),
    "read.detect.header_lacks": (
        "header lacks {label}'s column(s) {missing}",
        "de kopregel mist de kolom(men) {missing} van {label}",
    ),
    "read.detect.fitbit_not_array": (
        "not a JSON array (Fitbit sleep/steps exports are)",
        "geen JSON-lijst (exports van slaap en stappen uit Fitbit zijn dat wel)",
    ),
    "read.detect.fitbit_other_series": (
        "a Fitbit {metric!r} series; of these only steps and sleep are read",
        "een reeks {metric!r} uit Fitbit; daarvan worden alleen stappen en slaap gelezen",
    ),
    "read.detect.fitbit_none": (
        "no Fitbit sleep (logId, dateOfSleep) or steps (dateTime MM/DD/YY, value) records",
        "geen gegevens over slaap (logId, dateOfSleep) of stappen (dateTime MM/DD/YY, "
        "value) uit Fitbit",
    ),
    "read.detect.google_fit_none": (
        "no Google Fit session (fitnessActivity, startTime, endTime)",
        "geen sessie uit Google Fit (fitnessActivity, startTime, endTime)",
    ),
    "read.detect.apple_zip_without_export": (
        "a zip file without an Apple Health export.xml inside",
        "een zip-bestand zonder export.xml van Apple Health erin",
    ),
    "read.detect.apple_damaged_zip": (
        "a damaged zip file ({detail})",
        "een beschadigd zip-bestand ({detail})",
    ),
    "read.detect.apple_none": (
        "no <HealthData> element at the start (not an Apple Health export)",
        "geen element <HealthData> aan het begin (geen export van Apple Health)",
    ),
}
