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
    "read.word.diary": ("diary", "dagboek"),
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
    "read.reason.date_partial": (
        "the date gives no day (a year, month, quarter or week alone), and a day is never "
        "guessed; write the whole date (2026-04-01) or leave the row out",
        "de datum geeft geen dag (alleen een jaar, maand, kwartaal of week), en een dag wordt "
        "nooit geraden; schrijf de volledige datum (2026-04-01) of laat de rij weg",
    ),
    "read.note.sheets@python": (
        "read the sheet {read!r}; not read: {others} (read another with sheet={example!r})",
        "het blad {read!r} gelezen; niet gelezen: {others} (lees een ander met sheet={example!r})",
    ),
    "read.note.sheets": (
        "read the sheet {read!r}; not read: {others} (to read another, move it to the front "
        "in the spreadsheet or save it as its own file)",
        "het blad {read!r} gelezen; niet gelezen: {others} (om een ander te lezen, zet het "
        "vooraan in het rekenblad of bewaar het als apart bestand)",
    ),
    "read.note.sheet_other": ("{name!r} ({rows} rows)", "{name!r} ({rows} rijen)"),
    "read.note.sheet_hidden": (
        "{name!r} ({rows} rows, hidden)",
        "{name!r} ({rows} rijen, verborgen)",
    ),
    "read.error.no_such_sheet": (
        "{source}: there is no sheet {sheet}; the sheets are {names}",
        "{source}: er is geen blad {sheet}; de bladen zijn {names}",
    ),
    "read.error.encrypted": (
        "{source}: this spreadsheet is protected with a password, so its cells cannot be "
        "read; open it in Excel or LibreOffice, remove the password (or save a copy without "
        "one) and try again.",
        "{source}: dit rekenblad is beveiligd met een wachtwoord, dus de cellen zijn niet te "
        "lezen; open het in Excel of LibreOffice, verwijder het wachtwoord (of bewaar een "
        "kopie zonder) en probeer opnieuw.",
    ),
    "read.reason.number_ambiguous": (
        "a number typed as text whose meaning depends on the decimal mark (1.234 is 1234 "
        "with a thousands point, 1.234 with a decimal point) and the file does not tell "
        "which; type it as a number, or write it without the thousands separator",
        "een getal als tekst getypt waarvan de betekenis van het decimaalteken afhangt (1.234 "
        "is 1234 met een punt voor duizendtallen, of 1,234 met een decimaalpunt) en het "
        "bestand zegt niet welk; typ het als getal, of schrijf het zonder scheidingsteken voor duizendtallen",
    ),
    "read.reason.date_order": (
        "day and month could be either way round (both 12 or less) and the other dates of "
        "the file do not tell which; write the date as year-month-day (2026-03-04)",
        "dag en maand kunnen omgewisseld zijn (allebei 12 of minder) en de andere datums van "
        "het bestand zeggen niet welke eerst komt; schrijf de datum als jaar-maand-dag "
        "(2026-03-04)",
    ),
    "read.note.dates_order_unknown": (
        "the order of day and month could not be told from the dates written like 03/04/2026; "
        "those rows are rejected",
        "de volgorde van dag en maand was niet af te leiden uit de datums zoals 03/04/2026; "
        "die rijen zijn geweigerd",
    ),
    "read.reason.date_weekday": (
        "the weekday written before the date is not the weekday of that date; check the day, "
        "the month and the weekday",
        "de weekdag voor de datum is niet de weekdag van die datum; kijk de dag, de maand en "
        "de weekdag na",
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
        "pain must be at most 10 (NRS 0-10);"
        + _PAIN_SCALE
        + ", divide the pain column by 10 in the spreadsheet (65 becomes 6.5) and choose "
        "the file again",
        "pijn mag hoogstens 10 zijn (0-10);"
        + _PIJN_SCHAAL
        + ", deel de pijnkolom in het rekenblad door 10 (65 wordt 6,5) en kies het bestand "
        "opnieuw",
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
    # a patient is not told the encoding's technical name
    "read.note.decoded_as@page": (
        "the file's letters were read as an older Windows text file (not UTF-8)",
        "de letters van het bestand zijn gelezen als een ouder Windows-tekstbestand (geen UTF-8)",
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
    "read.ignored.app_category": ("{category}", "{category}"),
    # the page and the report say what a raw app category is (an Apple Health type name
    # such as HKQuantityTypeIdentifierDistanceWalkingRunning is the app's, not translated)
    "read.ignored.app_category@page": (
        "entries of the app's type {category} (not used by the report)",
        "invoer van het app-type {category} (niet gebruikt in het rapport)",
    ),
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
        "{source}: every date in the date column is ambiguous (e.g. {example!r}): it could be "
        "day/month or month/day. Pass dayfirst=True for day-month-year or dayfirst=False "
        "for month-day-year.",
        "{source}: elke datum in de datumkolom kan twee dingen betekenen (bv. {example!r}): "
        "dag/maand of maand/dag. Geef dayfirst=True voor dag-maand-jaar of dayfirst=False "
        "voor maand-dag-jaar.",
    ),
    "read.error.dates_ambiguous@cli": (
        "{source}: every date in the date column is ambiguous (e.g. {example!r}): it could be "
        "day/month or month/day. Use --dayfirst for day-month-year or --monthfirst for "
        "month-day-year.",
        "{source}: elke datum in de datumkolom kan twee dingen betekenen (bv. {example!r}): "
        "dag/maand of maand/dag. Gebruik --dayfirst voor dag-maand-jaar of --monthfirst "
        "voor maand-dag-jaar.",
    ),
    "read.error.dates_ambiguous": (
        "{source}: every date in the date column is ambiguous (e.g. {example!r}): it could be "
        "day/month or month/day. Write the dates as year-month-day (2026-03-04) and try "
        "again.",
        "{source}: elke datum in de datumkolom kan twee dingen betekenen (bv. {example!r}): "
        "dag/maand of maand/dag. Schrijf de datums als jaar-maand-dag (2026-03-04) en "
        "probeer opnieuw.",
    ),
    "read.error.no_pain_column@python": (
        "{source}: no pain column found (columns: {columns}). Name the column 'pain' or "
        "'pijn', or pass columns={{'your column': 'pain'}}.",
        "{source}: geen kolom met pijn gevonden (kolommen: {columns}). Noem de kolom "
        "'pijn' of 'pain', of geef columns={{'je kolom': 'pain'}}.",
    ),
    "read.error.no_pain_column": (
        "{source}: no pain column found (columns: {columns}). Rename the column in the "
        "spreadsheet to 'pain' or 'pijn'.",
        "{source}: geen kolom met pijn gevonden (kolommen: {columns}). Geef de kolom in "
        "het rekenblad de naam 'pijn' of 'pain'.",
    ),
    "read.error.header_is_data@python": (
        "{source}: the first line looks like data, not a header (it holds a date or numbers: "
        "{columns}), so the file has no column names. Add a first line naming the columns "
        "(e.g. 'date,pain'; a Daylio export: full_date,date,weekday,time,mood,activities,note), "
        "or read it with pandas (header=None) and pass the DataFrame with its columns named.",
        "{source}: de eerste regel lijkt op gegevens, niet op een kopregel (ze bevat een datum "
        "of getallen: {columns}), dus het bestand heeft geen kolomnamen. Voeg een eerste regel "
        "toe met de namen van de kolommen (bv. 'datum,pijn'; een Daylio-export: "
        "full_date,date,weekday,time,mood,activities,note), of lees het met pandas "
        "(header=None) en geef het DataFrame op met benoemde kolommen.",
    ),
    "read.error.header_is_data": (
        "{source}: the first line looks like data, not a header (it holds a date or numbers: "
        "{columns}), so the file has no column names. Add a first line naming the columns in "
        "the spreadsheet (e.g. 'date,pain'; a Daylio export: "
        "full_date,date,weekday,time,mood,activities,note).",
        "{source}: de eerste regel lijkt op gegevens, niet op een kopregel (ze bevat een datum "
        "of getallen: {columns}), dus het bestand heeft geen kolomnamen. Voeg in het rekenblad "
        "een eerste regel toe met de namen van de kolommen (bv. 'datum,pijn'; een "
        "Daylio-export: full_date,date,weekday,time,mood,activities,note).",
    ),
    "read.error.no_date_column@python": (
        "{source}: no date column found among {columns}. Name it 'date' or 'datum', or "
        "pass columns={{'your column': 'date'}}.",
        "{source}: geen kolom met datums gevonden in {columns}. Noem ze 'datum' of "
        "'date', of geef columns={{'je kolom': 'date'}}.",
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
        "0-100 scale. Divide the pain column by 10 in the spreadsheet (65 becomes 6.5) and "
        "choose the file again, or fix the values.",
        "{source}: de meeste pijnwaarden zijn hoger dan 10 (hoogste {largest:g}): dit lijkt "
        "een schaal van 0 tot 100. Deel de pijnkolom in het rekenblad door 10 (65 wordt "
        "6,5) en kies het bestand opnieuw, of verbeter de waarden.",
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
    "read.error.cannot_open": (
        "{source}: the file cannot be opened ({detail}). Check the name and the path; a "
        "shorter name or folder may help.",
        "{source}: het bestand kan niet geopend worden ({detail}). Kijk de naam en het pad na; "
        "een kortere naam of map kan helpen.",
    ),
    "read.error.json_repeated_key": (
        "{source}: a JSON record holds the key {key!r} twice (values {values}), so it is not "
        "clear which one is meant. Keep one of them and try again.",
        "{source}: een JSON-record bevat de sleutel {key!r} twee keer (waarden {values}), dus "
        "het is niet duidelijk welke bedoeld is. Hou er één over en probeer opnieuw.",
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
        "{source}: not valid JSON (line {line}, column {col}: {detail}); the {label} export "
        "may be truncated. Export it again.",
        "{source}: geen geldige JSON (regel {line}, teken {col}: {detail}); de export "
        "({label}) is misschien afgebroken. Exporteer opnieuw.",
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
    # ------------------------------------------------------- app exports
    "read.note.lost_notes": (
        "{n} note(s) on ignored rows were not kept",
        "{n} notitie(s) op overgeslagen rijen niet bewaard",
    ),
    "read.note.no_pain_rows": (
        "the file holds no back-pain symptom rows; pain is empty",
        "het bestand bevat geen rijen met rugpijn; pijn is leeg",
    ),
    "read.bearable.other_symptom": (
        "Symptom (not back pain or stress)",
        "Symptoom (geen rugpijn of stress)",
    ),
    "read.bearable.no_category": ("(no category)", "(geen categorie)"),
    "read.bearable.bad_date": (
        "not a Bearable date; expected an English date such as '22nd Sep 2020'",
        "geen datum zoals Bearable ze schrijft; verwacht een Engelse datum zoals '22nd Sep 2020'",
    ),
    "read.bearable.bad_severity@python": (
        "severity not understood; Bearable writes e.g. 'Back (lower) pain (Moderate)' "
        "({levels}); map other labels with severity={{'label': 0-10}}",
        "ernst niet begrepen; Bearable schrijft bv. 'Back (lower) pain (Moderate)' "
        "({levels}); geef andere benamingen een waarde met severity={{'label': 0-10}}",
    ),
    "read.bearable.bad_severity": (
        "severity not understood; Bearable writes e.g. 'Back (lower) pain (Moderate)' ({levels})",
        "ernst niet begrepen; Bearable schrijft bv. 'Back (lower) pain (Moderate)' ({levels})",
    ),
    "read.bearable.bad_sleep_quality": (
        "Bearable sleep quality must be a number from 1 to 4",
        "de slaapkwaliteit in Bearable moet een getal van 1 tot 4 zijn",
    ),
    "read.bearable.bad_sleep": (
        "Bearable sleep must be a duration in hours:minutes such as '7:30'",
        "slaap in Bearable moet een duur in uren:minuten zijn, zoals '7:30'",
    ),
    "read.bearable.sleep_bedtime": (
        "sleep_date='bedtime': Sleep rows counted on the day after their date (naps excepted)",
        "sleep_date='bedtime': slaaprijen geteld op de dag na hun datum (dutjes niet)",
    ),
    "read.bearable.sleep_wake@page": (
        "Sleep rows counted on their own date, taken as the wake-up day",
        "slaaprijen geteld op hun eigen datum, gezien als de dag van het ontwaken",
    ),
    "read.bearable.sleep_bedtime@page": (
        "Sleep rows counted on the day after their date (naps excepted)",
        "slaaprijen geteld op de dag na hun datum (dutjes niet)",
    ),
    "read.bearable.sleep_wake": (
        "Sleep rows counted on their own date, taken as the wake-up day (sleep_date='wake')",
        "slaaprijen geteld op hun eigen datum, gezien als de dag van het ontwaken "
        "(sleep_date='wake')",
    ),
    "read.bearable.tag_without_name": (
        "Factors or Meds/Supplements without a name",
        "Factoren of Medicatie/Supplementen zonder naam",
    ),
    "read.bearable.severity_note": (
        "pain: Bearable severity labels mapped to 0-10 as {mapping}; each day's pain (and "
        "stress) is the MAXIMUM of its symptom rows",
        "pijn: de ernst uit Bearable omgezet naar 0-10 als {mapping}; de pijn (en stress) "
        "van een dag is het MAXIMUM van zijn symptoomrijen",
    ),
    "read.daylio.unused_scales": (
        "scales not used (not diary variables): {scales}",
        "schalen niet gebruikt (geen dagboekgegevens): {scales}",
    ),
    "read.daylio.no_pain": (
        "the file holds no pain ratings (Daylio has none unless you add a scale named "
        "'Pain'); pain is empty",
        "het bestand bevat geen pijnscores (Daylio heeft er geen tenzij je een schaal "
        "'Pain' toevoegt); pijn is leeg",
    ),
    # the page and the report: the scale in words, no formula beside the numbers
    "read.daylio.mood_note@page": (
        "Daylio's five mood levels put on the 0-10 scale: {mapping}",
        "de vijf stemmingsniveaus van Daylio omgezet naar de schaal 0-10: {mapping}",
    ),
    "read.daylio.mood_note": (
        "Daylio moods read as level 1-5 -> mood (level - 1) * 2.5: {mapping}",
        "stemmingen uit Daylio gelezen als niveau 1-5 -> stemming (niveau - 1) * 2,5: {mapping}",
    ),
    "read.daylio.level": ("{label} {score:g}", "{label} {score:g}"),
    "read.daylio.bad_scale": (
        "scale {scale} holds {value}; expected 'x/10 points' (or hours:minutes for sleep time)",
        "schaal {scale} bevat {value}; verwacht 'x/10 points' (of uren:minuten voor slaap)",
    ),
    "read.flaredown.bad_rating": (
        "Flaredown condition and symptom ratings must be a number from 0 to 4",
        "scores van aandoeningen en symptomen in Flaredown moeten een getal van 0 tot 4 zijn",
    ),
    "read.flaredown.other_condition": ("Condition (not back pain)", "Aandoening (geen rugpijn)"),
    "read.flaredown.other_symptom": ("Symptom (not back pain)", "Symptoom (geen rugpijn)"),
    "read.flaredown.unrated": (
        "back pain or stress without a rating",
        "rugpijn of stress zonder score",
    ),
    "read.flaredown.no_name": (
        "Treatment or Tag without a name",
        "Behandeling of Label zonder naam",
    ),
    "read.flaredown.type_food": ("Food", "Voeding"),
    "read.flaredown.type_weather": ("Weather", "Weer"),
    "read.flaredown.type_hbi": ("HBI", "HBI"),
    "read.flaredown.other_type": ("trackable_type {type!r}", "trackable_type {type!r}"),
    "read.flaredown.no_user": ("user_id is empty", "user_id is leeg"),
    "read.flaredown.bad_date": (
        "checkin_date is not a date; Flaredown writes YYYY-MM-DD",
        "checkin_date is geen datum; Flaredown schrijft JJJJ-MM-DD",
    ),
    "read.flaredown.pain_source": (
        "Condition/Symptom named like back pain (0-4 x 2.5)",
        "Aandoening/Symptoom met een naam als rugpijn (0-4 x 2,5)",
    ),
    "read.flaredown.stress_source": (
        "Symptom 'Stress' (0-4 x 2.5)",
        "Symptoom 'Stress' (0-4 x 2,5)",
    ),
    "read.flaredown.tags_source": ("Treatment and Tag names", "namen van Behandelingen en Labels"),
    "read.flaredown.privacy": (
        "age, sex and country are not read (privacy); treatment doses are not kept",
        "leeftijd, geslacht en land worden niet gelezen (privacy); dosissen van "
        "behandelingen worden niet bewaard",
    ),
    "read.flaredown.pain_note": (
        "back pain read from {found}; 0-4 ratings x 2.5, the day's maximum",
        "rugpijn gelezen uit {found}; scores 0-4 x 2,5, het maximum van de dag",
    ),
    "read.note.no_pain_merge@python": (
        "the file holds no pain ratings (pain is empty): merge it with a pain diary, "
        "e.g. read_diary([pain_diary, this_file], subject='me')",
        "het bestand bevat geen pijnscores (pijn is leeg): voeg het samen met een "
        "pijndagboek, bv. read_diary([pijndagboek, dit_bestand], subject='ik')",
    ),
    "read.note.no_pain_merge@cli": (
        "the file holds no pain ratings (pain is empty): read it together with a pain "
        "diary, e.g. backpain report pain_diary.csv this_file --subject me",
        "het bestand bevat geen pijnscores (pijn is leeg): lees het samen met een "
        "pijndagboek, bv. backpain report pijndagboek.csv dit_bestand --subject ik",
    ),
    "read.note.no_pain_merge": (
        "the file holds no pain ratings (pain is empty): add your pain diary to read them together",
        "het bestand bevat geen pijnscores (pijn is leeg): voeg je pijndagboek toe om ze "
        "samen te lezen",
    ),
    "read.fitbit.default_subject@python": (
        "(default {subject!r}; pass subject= to name the person)",
        "(standaard {subject!r}; geef subject= om de persoon een naam te geven)",
    ),
    "read.fitbit.default_subject@cli": (
        "(default {subject!r}; use --subject NAME to name the person)",
        "(standaard {subject!r}; gebruik --subject NAAM om de persoon een naam te geven)",
    ),
    "read.fitbit.default_subject": ("(default {subject!r})", "(standaard {subject!r})"),
    "read.fitbit.not_records": (
        '{source}: a Fitbit export is a JSON array of records such as [{{"logId": ..., '
        '"dateOfSleep": "2021-01-20", "minutesAsleep": 410}}] or [{{"dateTime": '
        '"06/12/16 03:51:00", "value": "133"}}]',
        '{source}: een export uit Fitbit is een JSON-lijst van records zoals [{{"logId": '
        '..., "dateOfSleep": "2021-01-20", "minutesAsleep": 410}}] of [{{"dateTime": '
        '"06/12/16 03:51:00", "value": "133"}}]',
    ),
    "read.fitbit.no_records": (
        "the file holds no records (an empty JSON array)",
        "het bestand bevat geen records (een lege JSON-lijst)",
    ),
    "read.fitbit.unknown_records": (
        "{source}: the records have neither 'dateOfSleep' (Fitbit sleep) nor 'dateTime' and "
        "'value' (Fitbit steps); fields found: {fields}",
        "{source}: de records hebben geen 'dateOfSleep' (slaap uit Fitbit) en geen "
        "'dateTime' en 'value' (stappen uit Fitbit); gevonden velden: {fields}",
    ),
    "read.fitbit.sleep_twice": (
        "Fitbit sleep log listed twice (same logId)",
        "slaaplog uit Fitbit twee keer vermeld (zelfde logId)",
    ),
    "read.fitbit.bad_sleep_date": ("not a date like 2021-01-20", "geen datum zoals 2021-01-20"),
    "read.fitbit.bad_minutes": (
        "minutesAsleep must be a number of minutes from 0 to 1440",
        "minutesAsleep moet een aantal minuten van 0 tot 1440 zijn",
    ),
    "read.fitbit.naps": (
        "{n} nap(s) (mainSleep false) added to their day's sleep_hours",
        "{n} dutje(s) (mainSleep false) opgeteld bij de uren slaap van hun dag",
    ),
    "read.fitbit.sleep_source": (
        "minutesAsleep / 60, summed per dateOfSleep",
        "minutesAsleep / 60, opgeteld per dateOfSleep",
    ),
    "read.fitbit.bad_time": (
        "not a Fitbit time like 06/12/16 03:51:00 (month/day/year)",
        "geen tijdstip zoals Fitbit het schrijft, bv. 06/12/16 03:51:00 (maand/dag/jaar)",
    ),
    "read.fitbit.other_series": (
        "{source}: the file name says this is a Fitbit {metric!r} series, which has the same "
        "shape as steps; only steps-YYYY-MM-DD.json (and sleep) are read. Rename the file if "
        "it really holds steps.",
        "{source}: volgens de bestandsnaam is dit een reeks {metric!r} uit Fitbit, die eruitziet "
        "als stappen; alleen steps-YYYY-MM-DD.json (en slaap) worden gelezen. Hernoem het "
        "bestand als het echt stappen bevat.",
    ),
    "read.fitbit.steps_by_shape": (
        "read as Fitbit steps: calories, distance and other Fitbit series look the same, and "
        "the file name does not say which it is",
        "gelezen als stappen uit Fitbit: calorieën, afstand en andere reeksen uit Fitbit zien "
        "er hetzelfde uit, en de bestandsnaam zegt niet welke het is",
    ),
    "read.fitbit.steps_source": (
        "value, summed per day of dateTime",
        "value, opgeteld per dag van dateTime",
    ),
    "read.fitbit.local_zone@python": (
        "Google Fit times are in UTC; converted to this computer's time zone ({zone}) to find "
        "the wake-up day. Pass tz='Europe/Amsterdam' (the zone where the sleep was recorded) "
        "to be explicit.",
        "tijden uit Google Fit staan in UTC; omgezet naar de tijdzone van deze computer "
        "({zone}) om de dag van het ontwaken te vinden. Geef tz='Europe/Brussels' (de zone "
        "waar de slaap gemeten werd) om het zeker te weten.",
    ),
    "read.fitbit.local_zone": (
        "Google Fit times are in UTC; converted to this computer's time zone ({zone}) to find "
        "the wake-up day.",
        "tijden uit Google Fit staan in UTC; omgezet naar de tijdzone van deze computer "
        "({zone}) om de dag van het ontwaken te vinden.",
    ),
    "read.fitbit.given_zone": (
        "Google Fit times are in UTC; converted to {zone} to find the wake-up day",
        "tijden uit Google Fit staan in UTC; omgezet naar {zone} om de dag van het ontwaken "
        "te vinden",
    ),
    "read.fitbit.not_sessions": (
        '{source}: a Google Fit session file holds a JSON object such as {{"fitnessActivity": '
        '"sleep", "startTime": "2021-01-19T22:42:00.000Z", "endTime": ...}} (or an array of '
        "them)",
        "{source}: een sessiebestand uit Google Fit bevat een JSON-object zoals "
        '{{"fitnessActivity": "sleep", "startTime": "2021-01-19T22:42:00.000Z", "endTime": '
        "...}} (of een lijst daarvan)",
    ),
    "read.fitbit.sessions_source": (
        "sleep sessions (asleep segments), by local wake-up day",
        "slaapsessies (delen in slaap), per plaatselijke dag van het ontwaken",
    ),
    "read.fitbit.untyped": ("untyped", "zonder soort"),
    "read.fitbit.other_session": (
        "Google Fit {activity} session (not sleep)",
        "sessie {activity} uit Google Fit (geen slaap)",
    ),
    "read.fitbit.bad_session_time": (
        "startTime/endTime are not times like 2021-01-19T22:42:00.000Z",
        "startTime/endTime zijn geen tijdstippen zoals 2021-01-19T22:42:00.000Z",
    ),
    "read.fitbit.session_backwards": (
        "the session ends before it starts",
        "de sessie eindigt voor ze begint",
    ),
    "read.fitbit.session_too_long": (
        "a sleep session of more than 24 hours",
        "een slaapsessie van meer dan 24 uur",
    ),
    "read.apple.unsafe_xml": (
        "{source}: the XML declares {what}, which an Apple Health export never does; refused "
        "for safety (entity expansion and external references can exhaust memory or read "
        "other files). If the file came from the Health app, export it again.",
        "{source}: de XML declareert {what}, wat een export van Apple Health nooit doet; "
        "geweigerd voor de veiligheid (entiteiten en externe verwijzingen kunnen het geheugen "
        "uitputten of andere bestanden lezen). Komt het bestand uit de app Gezondheid, "
        "exporteer het dan opnieuw.",
    ),
    "read.apple.duplicates": (
        "{n} records repeat an earlier record exactly (same type, source, start, end and "
        "value: an app that synced twice?); each was counted once",
        "{n} records herhalen een eerder record exact (zelfde soort, bron, begin, einde en "
        "waarde: een app die twee keer synchroniseerde?); elk is één keer geteld",
    ),
    "read.apple.element_too_big": (
        "{source}: {size} bytes after byte {offset} (after record {n}) hold no complete "
        "element, over the limit of {limit} bytes per element (limit: element size); an "
        "Apple Health record is under 2 KB. The file is damaged or not an export: export "
        "it again from the Health app.",
        "{source}: de {size} bytes na byte {offset} (na record {n}) bevatten geen volledig "
        "element, boven de grens van {limit} bytes per element (grens: grootte van een "
        "element); een record van Apple Health is kleiner dan 2 KB. Het bestand is "
        "beschadigd of geen export: exporteer het opnieuw uit de app Gezondheid.",
    ),
    "read.apple.bad_date": (
        "not a date like 2019-05-14 18:52:09 -0400",
        "geen datum zoals 2019-05-14 18:52:09 -0400",
    ),
    "read.apple.future": (
        "dated after the export was made ({export_date}): the device clock was probably wrong",
        "gedateerd na het maken van de export ({export_date}): de klok van het toestel "
        "stond waarschijnlijk verkeerd",
    ),
    "read.apple.bad_steps": (
        "not a step count (a number >= 0)",
        "geen aantal stappen (een getal >= 0)",
    ),
    "read.apple.wrong_root": (
        "{source}: the XML's root element is <{tag}>, not <HealthData>: this is not an Apple "
        "Health export.",
        "{source}: het hoofdelement van de XML is <{tag}>, geen <HealthData>: dit is geen "
        "export van Apple Health.",
    ),
    "read.apple.broken_xml": (
        "{source}: the XML is broken at line {line}, column {col} ({detail}) after {n} "
        "records. The export is probably incomplete (a truncated download or unzip); export "
        "it again from the Health app.",
        "{source}: de XML is kapot op regel {line}, teken {col} ({detail}) na {n} records. "
        "De export is waarschijnlijk onvolledig (een afgebroken download of uitpakking); "
        "exporteer opnieuw uit de app Gezondheid.",
    ),
    "read.apple.damaged_zip": (
        "{source}: the zip file is damaged ({detail}); export it again from the Health app.",
        "{source}: het zip-bestand is beschadigd ({detail}); exporteer opnieuw uit de app "
        "Gezondheid.",
    ),
    "read.apple.unreadable_zip": (
        "{source}: not a readable zip file ({detail}); export it again.",
        "{source}: geen leesbaar zip-bestand ({detail}); exporteer opnieuw.",
    ),
    "read.apple.several_exports": (
        "{source}: the zip holds more than one Apple Health export ({members}); reading one "
        "would leave the other out. Unzip it and read each export.xml on its own (or together "
        "as a list, to merge them per day).",
        "{source}: de zip bevat meer dan één export van Apple Health ({members}); er één lezen "
        "zou de andere weglaten. Pak de zip uit en lees elke export.xml apart (of samen als "
        "lijst, om ze per dag samen te voegen).",
    ),
    "read.apple.no_export_in_zip": (
        "{source}: the zip holds no Apple Health export.xml (files: {files}). Pass the "
        "export.zip the Health app made, or the export.xml inside it.",
        "{source}: de zip bevat geen export.xml van Apple Health (bestanden: {files}). Kies "
        "de export.zip die de app Gezondheid maakte, of de export.xml daarin.",
    ),
    "read.apple.zip_bomb@python": (
        "{source}: {member} would unpack to {size:,} bytes ({ratio:.0f} times its packed "
        "size); refused before unpacking (limits: max_unzipped_bytes={max_bytes:,.0f}, "
        "max_zip_ratio={max_ratio:g}). This looks like a zip bomb; if it is a genuine export, "
        "pass larger limits.",
        "{source}: {member} zou uitpakken tot {size:,} bytes ({ratio:.0f} keer de ingepakte "
        "grootte); geweigerd voor het uitpakken (grenzen: max_unzipped_bytes={max_bytes:,.0f}, "
        "max_zip_ratio={max_ratio:g}). Dit lijkt een zipbom; is het een echte export, geef "
        "dan ruimere grenzen.",
    ),
    "read.apple.zip_bomb": (
        "{source}: {member} would unpack to {size:,} bytes ({ratio:.0f} times its packed "
        "size); refused before unpacking. This looks like a zip bomb; if it is a genuine "
        "export, unpack it yourself and read the export.xml.",
        "{source}: {member} zou uitpakken tot {size:,} bytes ({ratio:.0f} keer de ingepakte "
        "grootte); geweigerd voor het uitpakken. Dit lijkt een zipbom; is het een echte "
        "export, pak ze dan zelf uit en lees de export.xml.",
    ),
    "read.apple.cannot_open": (
        "{source}: cannot open {member} inside the zip ({detail}).",
        "{source}: kan {member} in de zip niet openen ({detail}).",
    ),
    "read.apple.bad_severity": (
        "not a back-pain severity ({levels})",
        "geen ernst van rugpijn ({levels})",
    ),
    "read.apple.no_severity@python": (
        "pain was logged without a severity, so there is no number for it; pass "
        "pain_map={{'Unspecified': <0-10>}} to count it",
        "pijn werd genoteerd zonder ernst, dus er is geen getal voor; geef "
        "pain_map={{'Unspecified': <0-10>}} om ze mee te tellen",
    ),
    "read.apple.no_severity": (
        "pain was logged without a severity, so there is no number for it",
        "pijn werd genoteerd zonder ernst, dus er is geen getal voor",
    ),
    "read.apple.pain_source": (
        "{record} (severity mapped to 0-10, the day's maximum)",
        "{record} (ernst omgezet naar 0-10, het maximum van de dag)",
    ),
    "read.apple.in_bed": ("in bed", "in bed"),
    "read.apple.awake": ("awake", "wakker"),
    "read.apple.not_asleep": (
        "{record} {label} (not sleep time)",
        "{record} {label} (geen slaaptijd)",
    ),
    "read.apple.bad_sleep": ("not a sleep-analysis value", "geen waarde van de slaapanalyse"),
    "read.apple.sleep_backwards": (
        "the sleep ends before it starts",
        "de slaap eindigt voor hij begint",
    ),
    "read.apple.sleep_too_long": (
        "one sleep record of more than 24 hours",
        "één slaaprecord van meer dan 24 uur",
    ),
    "read.apple.sleep_day_over_24": (
        "the asleep records ending on this day add up to more than 24 hours",
        "de slaaprecords die op deze dag eindigen zijn samen meer dan 24 uur",
    ),
    "read.apple.sleep_source": (
        "{record} (union of asleep intervals of all sources, dated by the wake-up day)",
        "{record} (samen genomen slaaptijd van alle bronnen, gedateerd op de dag van het ontwaken)",
    ),
    "read.apple.smaller_steps": (
        "{record} from a smaller source on the same day (not double counted)",
        "{record} uit een kleinere bron op dezelfde dag (niet dubbel geteld)",
    ),
    "read.apple.several_step_sources": (
        "steps: on {n} day(s) several sources (iPhone, Watch, apps) counted steps; took the "
        "largest single source each day, since they count the same steps",
        "stappen: op {n} dag(en) telden meerdere bronnen (iPhone, Watch, apps) stappen; per "
        "dag is de grootste bron genomen, want ze tellen dezelfde stappen",
    ),
    "read.apple.steps_source": (
        "{record} (the day's largest single-source total)",
        "{record} (het grootste totaal van één bron op die dag)",
    ),
    "read.apple.no_health_data": (
        "{source}: no <HealthData> element found; this is not an Apple Health export.",
        "{source}: geen element <HealthData> gevonden; dit is geen export van Apple Health.",
    ),
    "read.apple.untyped_record": ("<Record> without a type", "<Record> zonder soort"),
    "read.apple.element": ("<{tag}> element", "element <{tag}>"),
    "read.apple.no_export_date": (
        "no readable <ExportDate>: records dated in the future were not checked",
        "geen leesbare <ExportDate>: records met een datum in de toekomst zijn niet nagekeken",
    ),
    "read.apple.locale": (
        "export locale {locale}; only step counts, sleep and back-pain severity are read, "
        "which do not depend on the locale's units",
        "taalinstelling van de export {locale}; alleen stappen, slaap en de ernst van "
        "rugpijn worden gelezen, en die hangen niet af van de eenheden van die instelling",
    ),
    # --------------------------------------------------- questionnaires
    "read.survey.no_items": (
        "{func}: data has no column(s) {missing}; name them {prefix}1..{prefix}{n} or pass "
        "items=[...] in the instrument's order",
        "{func}: de gegevens hebben geen kolom(men) {missing}; noem ze {prefix}1..{prefix}{n} "
        "of geef items=[...] in de volgorde van de vragenlijst",
    ),
    "read.survey.no_named_items": (
        "{func}: data has no column(s) {missing}; check the names in items=",
        "{func}: de gegevens hebben geen kolom(men) {missing}; kijk de namen in items= na",
    ),
    "read.survey.who_row": ("row {row!r}", "rij {row!r}"),
    "read.survey.who": ("respondent {who!r} (row {row!r})", "deelnemer {who!r} (rij {row!r})"),
    "read.survey.bad_answer": (
        "{instrument}: {who} answered {value!r} to item {item!r}; {rule}. Correct the answer, "
        "or leave it empty to count it as missing.",
        "{instrument}: {who} antwoordde {value!r} op vraag {item!r}; {rule}. Verbeter het "
        "antwoord, of laat het leeg om het als ontbrekend te tellen.",
    ),
    "read.survey.rule_whole": (
        "items must be a whole number from {low:g} to {high:g}",
        "antwoorden moeten een geheel getal van {low:g} tot {high:g} zijn",
    ),
    "read.survey.rule_number": (
        "items must be a number from {low:g} to {high:g}",
        "antwoorden moeten een getal van {low:g} tot {high:g} zijn",
    ),
    "read.survey.rule_whole_or_label": (
        "items must be a whole number from {low:g} to {high:g} (or one of the labels {labels})",
        "antwoorden moeten een geheel getal van {low:g} tot {high:g} zijn (of een van de "
        "benamingen {labels})",
    ),
    "read.survey.rule_number_or_label": (
        "items must be a number from {low:g} to {high:g} (or one of the labels {labels})",
        "antwoorden moeten een getal van {low:g} tot {high:g} zijn (of een van de benamingen "
        "{labels})",
    ),
    "read.survey.rule_yes_no": (
        "items take yes/no answers: 1/0, yes/no, ja/nee, true/false or agree/disagree",
        "antwoorden zijn ja/nee: 1/0, ja/nee, yes/no, waar/onwaar of eens/oneens",
    ),
    # ------------------------------------------------------ survey exports
    "read.survey.again": ("Export the survey again.", "Exporteer de vragenlijst opnieuw."),
    "read.survey.again_dictionary": (
        "Download the data dictionary again.",
        "Download het gegevenswoordenboek (data dictionary) opnieuw.",
    ),
    "read.survey.in_dictionary": ("dictionary={error}", "dictionary={error}"),
    "read.survey.unknown_format": (
        "{source}: not a survey export backpain reads. Tried {tried}. Pass a REDCap raw-data "
        "CSV, a Qualtrics CSV export, or a CSV/Excel table with a header row and one "
        "respondent per row (save it again as CSV if its columns are not separated by , ; "
        "tab or |).",
        "{source}: geen export van een vragenlijst die backpain kan lezen. Geprobeerd: "
        "{tried}. Kies een CSV met ruwe gegevens uit REDCap, een CSV-export uit Qualtrics, "
        "of een CSV/Excel-tabel met een kopregel en één deelnemer per rij (bewaar ze opnieuw "
        "als CSV als de kolommen niet gescheiden zijn door , ; tab of |).",
    ),
    "read.survey.dictionary_not_redcap@python": (
        "{source}: dictionary= is for REDCap exports, but the file was read as {chosen!r}; "
        "drop dictionary= or pass format='redcap'",
        "{source}: dictionary= hoort bij exports uit REDCap, maar het bestand werd gelezen "
        "als {chosen!r}; laat dictionary= weg of geef format='redcap'",
    ),
    "read.survey.dictionary_not_redcap": (
        "{source}: a data dictionary is for REDCap exports, but the file was read as "
        "{chosen!r}; leave the dictionary out",
        "{source}: een gegevenswoordenboek hoort bij exports uit REDCap, maar het bestand "
        "werd gelezen als {chosen!r}; laat het woordenboek weg",
    ),
    "read.survey.empty_bytes": (
        "{source}: the file is empty (0 bytes). {again}",
        "{source}: het bestand is leeg (0 bytes). {again}",
    ),
    "read.survey.empty": (
        "{source}: the file is empty. {again}",
        "{source}: het bestand is leeg. {again}",
    ),
    "read.survey.no_rows": (
        "{source}: the file has no rows. {again}",
        "{source}: het bestand heeft geen rijen. {again}",
    ),
    "read.survey.sheet": ("{name!r} ({n} rows)", "{name!r} ({n} rijen)"),
    "read.survey.several_sheets": (
        "{source}: the workbook has several sheets with data ({sheets}); a survey export has "
        "one sheet of answers. Save the sheet with the answers as a file of its own (or as "
        "CSV) and read that",
        "{source}: de werkmap heeft meerdere bladen met gegevens ({sheets}); een export van "
        "een vragenlijst heeft één blad met antwoorden. Bewaar het blad met de antwoorden "
        "als apart bestand (of als CSV) en lees dat",
    ),
    "read.survey.bad_excel": (
        "{source}: could not read it as an Excel file ({detail}). Open it in Excel and save it "
        "again as .xlsx, or export the survey as CSV.",
        "{source}: kon het niet lezen als Excel-bestand ({detail}). Open het in Excel en "
        "bewaar het opnieuw als .xlsx, of exporteer de vragenlijst als CSV.",
    ),
    "read.survey.wrong_kind": (
        "{source}: a {kind} file is not a survey export backpain reads; formats tried: "
        "{formats} (CSV or Excel)",
        "{source}: een {kind}-bestand is geen export van een vragenlijst die backpain kan "
        "lezen; geprobeerde formaten: {formats} (CSV of Excel)",
    ),
    "read.survey.ragged": (
        "{source}: row {row} has {saw} values but the header row has {expected} columns "
        '(separator {sep!r}). A separator inside a value needs quotes ("a, b"); fix that row '
        "or export the file again.",
        "{source}: rij {row} heeft {saw} waarden maar de kopregel heeft {expected} kolommen "
        "(scheidingsteken {sep!r}). Een scheidingsteken in een waarde moet tussen "
        'aanhalingstekens ("a, b"); verbeter die rij of exporteer het bestand opnieuw.',
    ),
    "read.survey.unparsable": (
        "{source}: could not read it as a table with separator {sep!r} ({detail}). Check that "
        "every row has the same number of columns, or export the file again.",
        "{source}: kon het niet lezen als tabel met scheidingsteken {sep!r} ({detail}). Kijk "
        "na of elke rij evenveel kolommen heeft, of exporteer het bestand opnieuw.",
    ),
    "read.survey.detect_no_header": ("no header row", "geen kopregel"),
    "read.survey.detect_not_redcap_names": (
        "headers are not REDCap variable names (lower-case letters, digits, _)",
        "de kolomnamen zijn geen variabelen uit REDCap (kleine letters, cijfers, _)",
    ),
    "read.survey.detect_no_redcap_column": (
        "no redcap_* or <form>_complete column",
        "geen kolom redcap_* of <formulier>_complete",
    ),
    "read.survey.detect_qualtrics_no_import_id": (
        "Qualtrics columns but no ImportId header row (row 3)",
        "kolommen uit Qualtrics maar geen kopregel met ImportId (rij 3)",
    ),
    "read.survey.detect_not_qualtrics": (
        'no {{"ImportId": ...}} header row and no legacy V1.. header',
        'geen kopregel met {{"ImportId": ...}} en geen oude kopregel V1..',
    ),
    "read.survey.detect_no_table": (
        "a table needs a header row with at least 2 columns, found {named}",
        "een tabel heeft een kopregel met minstens 2 kolommen nodig, gevonden: {named}",
    ),
    "read.survey.is_dictionary": (
        "{source}: this is a REDCap data dictionary (columns {shown}), which describes the "
        "fields, not the answers. Pass it as dictionary= next to the data export: "
        "read_survey('<project>_DATA.csv', dictionary='{source}'). The data export is Data "
        "Exports > 'CSV / Microsoft Excel (raw data)', with the record id as its first column.",
        "{source}: dit is een gegevenswoordenboek (data dictionary) uit REDCap (kolommen "
        "{shown}), dat de velden beschrijft, niet de antwoorden. Geef het als dictionary= "
        "naast de gegevensexport: read_survey('<project>_DATA.csv', dictionary='{source}'). "
        "De gegevensexport is Data Exports > 'CSV / Microsoft Excel (raw data)', met het "
        "recordnummer als eerste kolom.",
    ),
    "read.survey.is_dictionary_swapped": (
        "{source}: this is a REDCap data dictionary (columns {shown}), which describes the "
        "fields, not the answers. Pass it as dictionary= next to the data export: "
        "read_survey('<project>_DATA.csv', dictionary='{source}'). The data export is Data "
        "Exports > 'CSV / Microsoft Excel (raw data)', with the record id as its first column. "
        "dictionary= is given too: if that is the data export, source and dictionary are "
        "swapped.",
        "{source}: dit is een gegevenswoordenboek (data dictionary) uit REDCap (kolommen "
        "{shown}), dat de velden beschrijft, niet de antwoorden. Geef het als dictionary= "
        "naast de gegevensexport: read_survey('<project>_DATA.csv', dictionary='{source}'). "
        "De gegevensexport is Data Exports > 'CSV / Microsoft Excel (raw data)', met het "
        "recordnummer als eerste kolom. Ook dictionary= is opgegeven: is dat de "
        "gegevensexport, dan zijn bron en woordenboek omgewisseld.",
    ),
    "read.survey.is_project_file": (
        "{source}: this is a REDCap {kind} (columns {shown}) of a longitudinal project, not "
        "survey answers. read_survey does not need it (the data export names each row's "
        "event in redcap_event_name): read the data export instead, Data Exports > 'CSV / "
        "Microsoft Excel (raw data)'.",
        "{source}: dit is een {kind} uit REDCap (kolommen {shown}) van een longitudinaal "
        "project, geen antwoorden op een vragenlijst. read_survey heeft het niet nodig (de "
        "gegevensexport noemt de gebeurtenis van elke rij in redcap_event_name): lees in de "
        "plaats de gegevensexport, Data Exports > 'CSV / Microsoft Excel (raw data)'.",
    ),
    "read.survey.renamed_copy": (
        "column {name!r} appears more than once; copy renamed {new!r}",
        "kolom {name!r} komt meer dan eens voor; de kopie heet nu {new!r}",
    ),
    "read.survey.dictionary_is_project_file": (
        "dictionary={source} is a REDCap {kind}, not a data dictionary. read_survey does not "
        "need it: drop it, and pass the data dictionary instead if you have one (Project "
        "Setup > Data Dictionary > Download).",
        "dictionary={source} is een {kind} uit REDCap, geen gegevenswoordenboek. read_survey "
        "heeft het niet nodig: laat het weg, en geef in de plaats het gegevenswoordenboek als "
        "je het hebt (Project Setup > Data Dictionary > Download).",
    ),
    "read.survey.dictionary_is_data": (
        "dictionary={source} looks like a REDCap data export (columns {shown}, ...), not its "
        "data dictionary. Pass the data dictionary (Project Setup > Data Dictionary > "
        "Download), or drop dictionary=; if {source} is the data you want, it goes first: "
        "read_survey('{source}', ...).",
        "dictionary={source} lijkt een gegevensexport uit REDCap (kolommen {shown}, ...), "
        "geen gegevenswoordenboek. Geef het gegevenswoordenboek (Project Setup > Data "
        "Dictionary > Download), of laat dictionary= weg; zijn {source} de gegevens die je "
        "wilt, dan komen ze eerst: read_survey('{source}', ...).",
    ),
    "read.survey.dictionary_lacks": (
        "dictionary={source} is not a REDCap data dictionary: it has no {key!r} column "
        "('Variable / Field Name' and 'Field Type'); its columns are {shown}. Pass the REDCap "
        "data dictionary CSV (Project Setup > Data Dictionary > Download), or drop dictionary=.",
        "dictionary={source} is geen gegevenswoordenboek uit REDCap: het heeft geen kolom "
        "{key!r} ('Variable / Field Name' en 'Field Type'); de kolommen zijn {shown}. Geef "
        "de CSV van het gegevenswoordenboek uit REDCap (Project Setup > Data Dictionary > "
        "Download), of laat dictionary= weg.",
    ),
    "read.survey.dictionary_empty": (
        "dictionary={source} lists no fields (only a header row). Download the data "
        "dictionary again (Project Setup > Data Dictionary > Download).",
        "dictionary={source} bevat geen velden (alleen een kopregel). Download het "
        "gegevenswoordenboek opnieuw (Project Setup > Data Dictionary > Download).",
    ),
    "read.survey.redcap_no_header": (
        "{source}: format='redcap', but the first row holds no column names; a REDCap export "
        "starts with a header row such as record_id,... Use format='auto', or export it "
        "again as 'CSV / Microsoft Excel (raw data)'.",
        "{source}: format='redcap', maar de eerste rij bevat geen kolomnamen; een export uit "
        "REDCap begint met een kopregel zoals record_id,... Gebruik format='auto', of "
        "exporteer opnieuw als 'CSV / Microsoft Excel (raw data)'.",
    ),
    "read.survey.dropped_last_column": (
        "dropped an empty, unnamed last column (trailing separators)",
        "een lege laatste kolom zonder naam weggelaten (scheidingstekens op het einde)",
    ),
    "read.survey.no_record_id": (
        "the record id ({column}) is empty",
        "het recordnummer ({column}) is leeg",
    ),
    "read.survey.repeated_record": (
        "repeats the record/event/instance of row {row}",
        "herhaalt record/gebeurtenis/herhaling van rij {row}",
    ),
    "read.survey.other_project": (
        "the dictionary's first field is {field!r}, the export's first column {column!r}: is "
        "it the dictionary of this project?",
        "het eerste veld van het woordenboek is {field!r}, de eerste kolom van de export "
        "{column!r}: is het het woordenboek van dit project?",
    ),
    "read.survey.not_in_dictionary": (
        "columns not in the dictionary (read without it): {columns}",
        "kolommen die niet in het woordenboek staan (zonder gelezen): {columns}",
    ),
    "read.survey.not_timestamps": (
        "{column}: not every value is a timestamp; kept as text",
        "{column}: niet elke waarde is een tijdstip; als tekst bewaard",
    ),
    "read.survey.checkboxes": (
        "checkbox columns collapsed into one column each, ticked options joined with '|' "
        "('' = none ticked): {groups}",
        "aankruiskolommen samengevoegd tot één kolom elk, aangekruiste opties verbonden met "
        "'|' ('' = niets aangekruist): {groups}",
    ),
    "read.survey.odd_checkbox": (
        "{column}: checkbox values other than 0/1 ({values}) read as not ticked",
        "{column}: aankruiswaarden anders dan 0/1 ({values}) gelezen als niet aangekruist",
    ),
    "read.survey.odd_complete": (
        "{column}: values other than 0/1/2; kept as they are",
        "{column}: waarden anders dan 0/1/2; bewaard zoals ze zijn",
    ),
    "read.survey.not_codes": (
        "{column}: values {values} are not codes of the dictionary ({codes}); column kept as "
        "written, unlabelled",
        "{column}: de waarden {values} zijn geen codes uit het woordenboek ({codes}); kolom "
        "bewaard zoals geschreven, zonder benamingen",
    ),
    "read.survey.not_numbers": (
        "{column}: the dictionary says number, but not every value is one; kept as text",
        "{column}: volgens het woordenboek een getal, maar niet elke waarde is er een; als "
        "tekst bewaard",
    ),
    "read.survey.not_dates": (
        "{column}: the dictionary says date, but not every value is one; kept as text",
        "{column}: volgens het woordenboek een datum, maar niet elke waarde is er een; als "
        "tekst bewaard",
    ),
    "read.survey.qualtrics_header_only": (
        "{source}: format='qualtrics', but the file has only a header row; a Qualtrics export "
        "has 2 or 3 header rows. Use format='auto', or export the responses again (Data & "
        "Analysis > Export > CSV).",
        "{source}: format='qualtrics', maar het bestand heeft alleen een kopregel; een export "
        "uit Qualtrics heeft 2 of 3 kopregels. Gebruik format='auto', of exporteer de "
        "antwoorden opnieuw (Data & Analysis > Export > CSV).",
    ),
    "read.survey.legacy_qualtrics": (
        "legacy Qualtrics export (2 header rows): V1.. columns renamed to their labels",
        "oude export uit Qualtrics (2 kopregels): kolommen V1.. hernoemd naar hun benamingen",
    ),
    "read.survey.dropped_trailing_column": (
        "dropped the empty last column made by trailing commas",
        "de lege laatste kolom door komma's op het einde weggelaten",
    ),
    "read.survey.no_response_id": (
        "the response id (ResponseId) is empty",
        "het antwoordnummer (ResponseId) is leeg",
    ),
    "read.survey.repeated_response": (
        "repeats the response id of an earlier row",
        "herhaalt het antwoordnummer van een eerdere rij",
    ),
    "read.survey.previews": (
        "{n_prev} preview and {n_open} unfinished response(s) kept and flagged in is_preview / "
        "is_complete; filter them out for analysis",
        "{n_prev} voorbeeld- en {n_open} onafgewerkte antwoord(en) bewaard en gemarkeerd in "
        "is_preview / is_complete; filter ze weg voor de analyse",
    ),
    "read.survey.no_respondent_id": ("the respondent id is empty", "het deelnemersnummer is leeg"),
    "read.survey.no_id_column": (
        "no respondent id column found (subject, respondent, deelnemer, ...)",
        "geen kolom met deelnemersnummers gevonden (subject, respondent, deelnemer, ...)",
    ),
    "read.survey.dates_ambiguous": (
        "date: the day/month order is ambiguous; kept as text",
        "datum: de volgorde dag/maand is niet duidelijk; als tekst bewaard",
    ),
    "read.survey.not_all_dates": (
        "date: not every value is a date; kept as text",
        "datum: niet elke waarde is een datum; als tekst bewaard",
    ),
    # --- Fitbit: time zones, active minutes, refused files
    "read.fitbit.not_diary_series": (
        "{source}: this is a Fitbit {metric!r} series, which is not a diary variable; from "
        "Fitbit backpain reads sleep-*.json, steps-*.json and the very_ and "
        "moderately_active_minutes-*.json files. Leave this file out (rename it only if it "
        "really holds steps).",
        "{source}: dit is een reeks {metric!r} uit Fitbit, en dat is geen variabele van het "
        "dagboek; uit Fitbit leest backpain sleep-*.json, steps-*.json en de bestanden "
        "very_ en moderately_active_minutes-*.json. Laat dit bestand weg (hernoem het alleen "
        "als het echt stappen bevat).",
    ),
    "read.fitbit.sleep_score_refused": (
        "{source}: Fitbit's sleep score (0-100, computed from duration, sleep stages and heart "
        "rate) is not a self-rated sleep quality (0-10), so it is not read. Read the sleep "
        "hours from the sleep-YYYY-MM-DD.json files instead.",
        "{source}: de slaapscore van Fitbit (0-100, berekend uit duur, slaapfasen en "
        "hartslag) is geen zelf gegeven score voor de slaapkwaliteit (0-10) en wordt dus niet "
        "gelezen. Lees de uren slaap uit de bestanden sleep-YYYY-MM-DD.json.",
    ),
    "read.fitbit.steps_given_zone": (
        "Fitbit step times are in UTC; summed per day in {zone}",
        "tijden van stappen uit Fitbit staan in UTC; per dag opgeteld in {zone}",
    ),
    "read.fitbit.steps_utc@python": (
        "Fitbit step times are in UTC and the file does not show the local time zone: steps "
        "summed per UTC day. Pass tz='Europe/Brussels' (the zone where you wore the tracker) "
        "to sum per local day.",
        "tijden van stappen uit Fitbit staan in UTC en het bestand toont de lokale tijdzone "
        "niet: stappen per dag in UTC opgeteld. Geef tz='Europe/Brussels' (de zone waar je de "
        "tracker droeg) om per lokale dag op te tellen.",
    ),
    "read.fitbit.steps_utc": (
        "Fitbit step times are in UTC and the file does not show the local time zone: steps "
        "summed per UTC day. Give the time zone where you wore the tracker to sum per local "
        "day.",
        "tijden van stappen uit Fitbit staan in UTC en het bestand toont de lokale tijdzone "
        "niet: stappen per dag in UTC opgeteld. Geef de tijdzone waar je de tracker droeg om "
        "per lokale dag op te tellen.",
    ),
    "read.fitbit.partial_first_day": (
        "steps on {day} start only at {time}: a partial first day, its total may be low",
        "de stappen op {day} beginnen pas om {time}: een onvolledige eerste dag, het totaal "
        "kan te laag zijn",
    ),
    "read.fitbit.partial_last_day": (
        "steps on {day} end at {time}: a partial last day, its total may be low",
        "de stappen op {day} stoppen om {time}: een onvolledige laatste dag, het totaal kan "
        "te laag zijn",
    ),
    "read.fitbit.light_not_counted": (
        "light activity minutes (not counted in active_minutes, which is very + moderately "
        "active minutes)",
        "minuten lichte activiteit (niet meegeteld in active_minutes, dat is zeer + matig "
        "actieve minuten)",
    ),
    "read.fitbit.active_partner_missing": (
        "active_minutes is very + moderately active minutes, but {partner} was not found next "
        "to this file: only the {metric} are counted. Put both files in the same folder.",
        "active_minutes is zeer + matig actieve minuten, maar {partner} staat niet naast dit "
        "bestand: alleen de {metric} worden geteld. Zet beide bestanden in dezelfde map.",
    ),
    "read.fitbit.active_partner_added": (
        "active_minutes is very + moderately active minutes: added the values of {partner} "
        "({n} day(s) found only there are not counted)",
        "active_minutes is zeer + matig actieve minuten: de waarden van {partner} zijn "
        "opgeteld ({n} dag(en) die alleen daar staan, worden niet geteld)",
    ),
    "read.fitbit.active_source": (
        "very_active_minutes + moderately_active_minutes per day",
        "very_active_minutes + moderately_active_minutes per dag",
    ),
    # --- Flaredown per-user (wide) export
    "read.flaredown.user_layout": (
        "the header does not start with Date and end with Tags, Foods (Flaredown's per-user "
        "export does)",
        "de kopregel begint niet met Date en eindigt niet op Tags, Foods (de export per "
        "gebruiker van Flaredown wel)",
    ),
    "read.flaredown.user_empty_day": (
        "day without a back-pain or stress rating and without tags",
        "dag zonder score voor rugpijn of stress en zonder labels",
    ),
    "read.flaredown.user_pain_source": (
        "column(s) {found} (0-4 x 2.5, the day's maximum)",
        "kolom(men) {found} (0-4 x 2,5, het maximum van de dag)",
    ),
    "read.flaredown.user_scale": (
        "Flaredown rates 0-4: ratings x 2.5 give the 0-10 scale (0 stays 0, 4 becomes 10)",
        "Flaredown scoort van 0 tot 4: scores x 2,5 geven de schaal 0-10 (0 blijft 0, 4 wordt 10)",
    ),
    "read.flaredown.user_unread": (
        "columns not read (other conditions, symptoms, treatments, foods): {columns}",
        "kolommen niet gelezen (andere aandoeningen, symptomen, behandelingen, voeding): {columns}",
    ),
    # --- Daylio: older layout, moods of the user's own
    "read.daylio.unknown_month": (
        "the month word {word!r} is not a month name Daylio writes in English, Dutch, German, "
        "French, Spanish or Polish",
        "het woord {word!r} is geen maandnaam zoals Daylio die schrijft in het Engels, "
        "Nederlands, Duits, Frans, Spaans of Pools",
    ),
    "read.daylio.bad_old_date": (
        "year and date do not give a date (expected a year like 2018 and a day with a month, "
        "like '7 September' or 'March 3')",
        "jaar en datum geven geen datum (verwacht een jaar zoals 2018 en een dag met een "
        "maand, zoals '7 september' of 'March 3')",
    ),
    "read.daylio.old_layout": (
        "older Daylio layout: the day is built from year and the day and month in date",
        "oudere indeling van Daylio: de dag is samengesteld uit year en de dag en maand in date",
    ),
    "read.daylio.moods_left_out@python": (
        "mood left empty on {n} row(s) (kept with their activities and notes): the labels "
        "{names} are not Daylio moods whose level is known (renamed, your own, or the default "
        "moods in a language whose labels we have not seen) and the export does not say "
        "their level; pass your moods in order from best to worst, e.g. moods={order}, or a "
        "level each, moods={{'label': level}} from 1 (like awful) to 5 (like rad)",
        "stemming leeg gelaten op {n} rij(en) (bewaard met hun activiteiten en notities): de "
        "namen {names} zijn geen stemmingen van Daylio waarvan het niveau gekend is (hernoemd, "
        "eigen stemmingen, of de standaardstemmingen in een taal waarvan we de namen niet "
        "zagen) en de export zegt hun niveau niet; geef je stemmingen in volgorde van best "
        "naar slechtst, bv. moods={order}, of per naam een niveau, moods={{'naam': niveau}} "
        "van 1 (zoals awful) tot 5 (zoals rad)",
    ),
    "read.daylio.moods_left_out@cli": (
        "mood left empty on {n} row(s) (kept with their activities and notes): the labels "
        "{names} are not Daylio moods whose level is known and the export does not say "
        "their level; give your moods in order from best to worst with --moods, e.g. "
        "--moods {cli_order} put in your order",
        "stemming leeg gelaten op {n} rij(en) (bewaard met hun activiteiten en notities): de "
        "namen {names} zijn geen stemmingen van Daylio waarvan het niveau gekend is en de "
        "export zegt hun niveau niet; geef je stemmingen in volgorde van best naar slechtst "
        "met --moods, bv. --moods {cli_order} in jouw volgorde",
    ),
    "read.daylio.moods_left_out@page": (
        "mood left empty on {n} row(s) (kept with their activities and notes): the labels "
        "{names} are not Daylio moods whose level is known and the export does not say "
        "their level. To read them, give your moods in order from best to worst: on the "
        "upload page in the box 'Put your moods in order' above the results, or with "
        "backpain report --moods {cli_order} put in your order",
        "stemming leeg gelaten op {n} rij(en) (bewaard met hun activiteiten en notities): de "
        "namen {names} zijn geen stemmingen van Daylio waarvan het niveau gekend is en de "
        "export zegt hun niveau niet. Om ze te lezen, geef je stemmingen in volgorde van best "
        "naar slechtst: op de uploadpagina in het vak 'Zet je stemmingen in volgorde' boven "
        "de resultaten, of met backpain report --moods {cli_order} in jouw volgorde",
    ),
    "read.daylio.moods_left_out": (
        "mood left empty on {n} row(s) (kept with their activities and notes): the labels "
        "{names} are not Daylio moods whose level is known and the export does not say "
        "their level; to read them, give your moods in order from best to worst (moods= in "
        "Python, --moods on the command line, the order box on the upload page)",
        "stemming leeg gelaten op {n} rij(en) (bewaard met hun activiteiten en notities): de "
        "namen {names} zijn geen stemmingen van Daylio waarvan het niveau gekend is en de "
        "export zegt hun niveau niet; om ze te lezen, geef je stemmingen in volgorde van best "
        "naar slechtst (moods= in Python, --moods op de opdrachtregel, het vak met de "
        "volgorde op de uploadpagina)",
    ),
    # ------------------------------------------------ limits and hostile files
    "read.limit.columns": (
        "{source}: {found:.0f} columns, more than the {most:.0f} a diary table may have "
        "(limit: columns). Keep only the diary's columns, or split the file into "
        "several files of fewer columns with the date column in each.",
        "{source}: {found:.0f} kolommen, meer dan de {most:.0f} die een dagboektabel mag "
        "hebben (grens: kolommen). Bewaar alleen de kolommen van het dagboek, of splits "
        "het bestand in meerdere bestanden met minder kolommen en in elk de datumkolom.",
    ),
    "read.limit.cell": (
        "{source}: row {row}, column {column!r} holds {found} characters, more than the "
        "{most} one cell may hold (limit: cell size). A diary cell holds a number, a date "
        "or a short note: shorten that cell, or keep long texts out of the diary file.",
        "{source}: rij {row}, kolom {column!r} bevat {found} tekens, meer dan de {most} "
        "die één cel mag bevatten (grens: grootte van een cel). Een cel van een dagboek "
        "bevat een getal, een datum of een korte notitie: maak die cel korter, of houd "
        "lange teksten buiten het dagboekbestand.",
    ),
    "read.limit.survey_columns": (
        "{source}: {found} columns, more than the {most} a survey export may have "
        "(limit: columns). Export only the instruments or questions you need, or split "
        "the export into several files with the respondent id column in each.",
        "{source}: {found} kolommen, meer dan de {most} die een export van een vragenlijst "
        "mag hebben (grens: kolommen). Exporteer alleen de vragenlijsten of vragen die je "
        "nodig hebt, of splits de export in meerdere bestanden met in elk de kolom met de "
        "code van de deelnemer.",
    ),
    "read.limit.keys": (
        "{source}: the JSON records use more than {most:.0f} different keys (limit: keys). "
        "A diary's records share the same few keys; split the file into files whose "
        "records have the same keys.",
        "{source}: de JSON-records gebruiken meer dan {most:.0f} verschillende sleutels "
        "(grens: sleutels). De records van een dagboek delen dezelfde paar sleutels; "
        "splits het bestand in bestanden waarvan de records dezelfde sleutels hebben.",
    ),
    "read.limit.rows": (
        "{source}: a sheet has {found:.0f} rows, more than the {most:.0f} read from a "
        "spreadsheet (limit: rows). Save the sheet as CSV, which is read without this "
        "limit, or split it into sheets of fewer rows.",
        "{source}: een blad heeft {found:.0f} rijen, meer dan de {most:.0f} die uit een "
        "rekenblad gelezen worden (grens: rijen). Bewaar het blad als CSV, dat zonder "
        "deze grens gelezen wordt, of splits het in bladen met minder rijen.",
    ),
    "read.limit.unpacked": (
        "{source}: unpacks to {found:.0f} MiB, more than the {most:.0f} MiB allowed "
        "(limit: unpacked size). Split the workbook into smaller files, or save each "
        "sheet as CSV.",
        "{source}: wordt uitgepakt {found:.0f} MiB, meer dan de toegestane {most:.0f} MiB "
        "(grens: uitgepakte grootte). Splits de werkmap in kleinere bestanden, of bewaar "
        "elk blad als CSV.",
    ),
    "read.limit.ratio": (
        "{source}: a part of the file unpacks {found:.0f} times larger than it is packed, "
        "more than the {most:.0f} times a real export does (limit: unpacked size ratio); "
        "it holds a huge cell or is not a real export. Remove the huge cells, or save "
        "the sheet as CSV and split it into smaller files.",
        "{source}: een deel van het bestand wordt uitgepakt {found:.0f} keer groter dan "
        "ingepakt, meer dan de {most:.0f} keer van een echte export (grens: "
        "uitpakverhouding); het bevat een reusachtige cel of is geen echte export. "
        "Verwijder de reusachtige cellen, of bewaar het blad als CSV en splits het in "
        "kleinere bestanden.",
    ),
    "read.limit.nesting": (
        "{source}: the JSON is nested deeper than can be read (limit: nesting depth); "
        "it is not a diary export. Export the diary again.",
        "{source}: de JSON is dieper genest dan gelezen kan worden (grens: nestdiepte); "
        "het is geen dagboekexport. Exporteer het dagboek opnieuw.",
    ),
    "read.limit.number": (
        "{source}: the JSON holds a number with more than {most:.0f} digits (limit: "
        "number length); it is not a diary export. Export the diary again.",
        "{source}: de JSON bevat een getal met meer dan {most:.0f} cijfers (grens: "
        "lengte van een getal); het is geen dagboekexport. Exporteer het dagboek opnieuw.",
    ),
    "read.hostile.nested_column": (
        "{source}: column {column!r} holds lists or records ({type}), not one value per "
        "cell. Flatten it to one column per value, or leave it out of the file.",
        "{source}: kolom {column!r} bevat lijsten of records ({type}), niet één waarde per "
        "cel. Maak er één kolom per waarde van, of laat ze weg uit het bestand.",
    ),
    "read.hostile.repeated_header": (
        "{source}: the column {header!r} appears twice, so it is not clear which one "
        "holds the diary's values. Rename or remove one of them in the spreadsheet.",
        "{source}: de kolom {header!r} staat er twee keer in, dus het is niet duidelijk "
        "welke de waarden van het dagboek bevat. Hernoem of verwijder er één in het "
        "rekenblad.",
    ),
    "read.note.duplicate_rows": (
        "{n} rows repeat another row of the same day cell for cell (the same day exported "
        "twice?); each was counted once, so sleep and steps are not added twice",
        "{n} rijen herhalen een andere rij van dezelfde dag cel voor cel (dezelfde dag twee "
        "keer geëxporteerd?); elk is één keer geteld, zodat slaap en stappen niet dubbel "
        "opgeteld worden",
    ),
    "read.report.duplicates": (
        "exact duplicates: {n} rows, counted once",
        "exacte dubbels: {n} rijen, één keer geteld",
    ),
    "read.report.rows_duplicate": ("rows repeated exactly", "rijen exact herhaald"),
    "read.reason.date_no_year": (
        "the date has no year or a two-digit year, and a year is never guessed; write "
        "the year in full (2026-01-31 or 31-01-2026)",
        "de datum heeft geen jaartal of een jaartal van twee cijfers, en een jaartal wordt "
        "nooit geraden; schrijf het jaar voluit (2026-01-31 of 31-01-2026)",
    ),
}
