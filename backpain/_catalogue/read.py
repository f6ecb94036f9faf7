"""Texts of the read area: key -> (English, Dutch).

Reasons for rejected rows (``read.reason.*``), load-report notes
(``read.note.*``), ignored-row categories (``read.ignored.*``), errors for
files that cannot be read (``read.error.*``), survey and questionnaire errors
(``read.survey.*``) and the load report's own words (``read.report.*``).
Advice that names an option writes ``{option.NAME}`` (see ``options.py``).
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
    "read.reason.missing": ("{name} is empty", "{name!v} is leeg"),
    "read.reason.not_a_date": ("not a date like {example}", "geen datum zoals {example}"),
    "read.reason.too_many_cells": (
        "the line has more cells than the header's {n} columns",
        "de regel heeft meer cellen dan de {n} kolommen van de kopregel",
    ),
    "read.reason.ends_before_start": (
        "the sleep ends before it starts",
        "de slaap eindigt voor ze begint",
    ),
    "read.reason.over_24h": (
        "one sleep record of more than 24 hours",
        "één slaapregistratie van meer dan 24 uur",
    ),
    "read.unit.at_least": (
        "at least {low:g}, with a decimal point",
        "minstens {low:g}, met een decimale punt",
    ),
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
    "read.note.sheets": (
        "read the sheet {read!r}; not read: {others} ({option.sheet})",
        "het blad {read!r} gelezen; niet gelezen: {others} ({option.sheet})",
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
    "read.reason.pain_above_10": (
        "pain must be at most 10 (NRS 0-10); if this diary uses a 0-100 scale, {option.pain_scale}",
        "pijn mag hoogstens 10 zijn (0-10); gebruikt dit dagboek een schaal van 0 tot 100, {option.pain_scale}",
    ),
    "read.reason.pain_above_100": (
        "pain must be at most 100 on the 0-100 scale ({option.pain_scale_chosen})",
        "pijn mag hoogstens 100 zijn op de schaal van 0 tot 100 ({option.pain_scale_chosen})",
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
        "the file's letters were read as {option.encoding} (not UTF-8)",
        "de letters van het bestand zijn gelezen als {option.encoding} (geen UTF-8)",
    ),
    # a patient is not told the encoding's technical name
    "read.note.separator": (
        "separator {sep!r} and decimal mark {decimal!r} detected",
        "scheidingsteken {sep!r} en decimaalteken {decimal!r} herkend",
    ),
    "read.note.unused_columns": (
        "columns not used (not diary variables): {columns}",
        "kolommen niet gebruikt (geen dagboekgegevens): {columns}",
    ),
    # --------------------------------------------------------- ignored rows
    "read.ignored.blank_row": ("blank row", "lege rij"),
    "read.ignored.app_category": ("{option.app_category}", "{option.app_category}"),
    # the page and the report say what a raw app category is (an Apple Health type name
    # such as HKQuantityTypeIdentifierDistanceWalkingRunning is the app's, not translated)
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
    "read.report.problem": (
        "{source}: row {row}, column {column!r}, value {value!r}: {reason}",
        "{source}: rij {row}, kolom {column!r}, waarde {value!r}: {reason}",
    ),
    "read.report.problem_at": (
        "{source}: row {row}, column {column!r} {reason}",
        "{source}: rij {row}, kolom {column!r} {reason}",
    ),
    "read.report.rejected_row": (
        "rejected row {row}, column {column!r}, value {value!r}: {reason}",
        "geweigerd: rij {row}, kolom {column!r}, waarde {value!r}: {reason}",
    ),
    "read.report.more": (
        "... and {n} more{option.rejected_list}",
        "... en nog {n}{option.rejected_list}",
    ),
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
    "read.error.dates_ambiguous": (
        "{source}: every date in the date column is ambiguous (e.g. {example!r}): it could be day/month or month/day; {option.dayfirst}.",
        "{source}: elke datum in de datumkolom kan twee dingen betekenen (bv. {example!r}): dag/maand of maand/dag; {option.dayfirst}.",
    ),
    "read.error.no_pain_column": (
        "{source}: no pain column found (columns: {columns}); {option.columns:pain}.",
        "{source}: geen kolom met pijn gevonden (kolommen: {columns}); {option.columns:pain}.",
    ),
    "read.error.header_is_data": (
        "{source}: the first line looks like data, not a header (it holds a date or numbers: {columns}), so the file has no column names. Add a first line naming the columns (e.g. 'date,pain'; a Daylio export: full_date,date,weekday,time,mood,activities,note){option.header}.",
        "{source}: de eerste regel lijkt op gegevens, niet op een kopregel (ze bevat een datum of getallen: {columns}), dus het bestand heeft geen kolomnamen. Voeg een eerste regel toe met de namen van de kolommen (bv. 'datum,pijn'; een Daylio-export: full_date,date,weekday,time,mood,activities,note){option.header}.",
    ),
    "read.error.no_date_column": (
        "{source}: no date column found among {columns}; {option.columns:date}.",
        "{source}: geen kolom met datums gevonden in {columns}; {option.columns:date}.",
    ),
    "read.error.two_columns": (
        "{source}: columns {first!r} and {second!r} both look like {name!r}; {option.columns_pick}.",
        "{source}: de kolommen {first!r} en {second!r} lijken allebei op {name!r}; {option.columns_pick}.",
    ),
    "read.error.pain_looks_100": (
        "{source}: most pain values are above 10 (largest {largest:g}): this looks like a 0-100 scale; {option.pain_scale}, or fix the values.",
        "{source}: de meeste pijnwaarden zijn hoger dan 10 (hoogste {largest:g}): dit lijkt een schaal van 0 tot 100; {option.pain_scale}, of verbeter de waarden.",
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
    "read.error.csv_shape": (
        "{source}: could not read it as a table with separator {sep!r}: {detail}. Check that every row has the same number of columns{option.sep}.",
        "{source}: kon het niet lezen als tabel met scheidingsteken {sep!r}: {detail}. Kijk na of elke rij evenveel kolommen heeft{option.sep}.",
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
    "read.detect.fitbit_other_series": (
        "a Fitbit {metric!r} series; of these only steps and sleep are read",
        "een reeks {metric!r} uit Fitbit; daarvan worden alleen stappen en slaap gelezen",
    ),
    # ------------------------------------------------------- app exports
    "read.note.no_pain_rows": (
        "the file holds no back-pain symptom rows; pain is empty",
        "het bestand bevat geen rijen met rugpijn; pijn is leeg",
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
    "read.daylio.mood_note": (
        "Daylio's five mood levels put on the 0-10 scale{option.mood_formula}: {mapping}",
        "de vijf stemmingsniveaus van Daylio omgezet naar de schaal 0-10{option.mood_formula}: {mapping}",
    ),
    "read.daylio.level": ("{label} {score:g}", "{label} {score:g}"),
    "read.daylio.bad_scale": (
        "scale {scale} holds {value}; expected 'x/10 points' (or hours:minutes for sleep time)",
        "schaal {scale} bevat {value}; verwacht 'x/10 points' (of uren:minuten voor slaap)",
    ),
    "read.flaredown.type_food": ("Food", "Voeding"),
    "read.flaredown.type_weather": ("Weather", "Weer"),
    "read.flaredown.type_hbi": ("HBI", "HBI"),
    "read.note.no_pain_merge": (
        "the file holds no pain ratings (pain is empty): {option.with_pain_diary}",
        "het bestand bevat geen pijnscores (pijn is leeg): {option.with_pain_diary}",
    ),
    "read.fitbit.other_series": (
        "{source}: the file name says this is a Fitbit {metric!r} series, which has the same "
        "shape as steps; only steps-YYYY-MM-DD.json (and sleep) are read. Rename the file if "
        "it really holds steps.",
        "{source}: volgens de bestandsnaam is dit een reeks {metric!r} uit Fitbit, die eruitziet "
        "als stappen; alleen steps-YYYY-MM-DD.json (en slaap) worden gelezen. Hernoem het "
        "bestand als het echt stappen bevat.",
    ),
    "read.apple.duplicates": (
        "{n} records repeat an earlier record exactly (same type, source, start, end and "
        "value: an app that synced twice?); each was counted once",
        "{n} records herhalen een eerder record exact (zelfde soort, bron, begin, einde en "
        "waarde: een app die twee keer synchroniseerde?); elk is één keer geteld",
    ),
    "read.apple.no_severity": (
        "pain was logged without a severity, so there is no number for it{option.pain_map}",
        "pijn werd genoteerd zonder ernst, dus er is geen getal voor{option.pain_map}",
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
    # --- Fitbit: time zones, active minutes, refused files
    # --- Flaredown per-user (wide) export
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
    "read.daylio.moods_left_out": (
        "mood left empty on {n} row(s) (kept with their activities and notes): the labels {names} are not Daylio moods whose level is known (renamed, your own, or the default moods in a language whose labels we have not seen) and the export does not say their level; {option.moods}",
        "stemming leeg gelaten op {n} rij(en) (bewaard met hun activiteiten en notities): de namen {names} zijn geen stemmingen van Daylio waarvan het niveau gekend is (hernoemd, eigen stemmingen, of de standaardstemmingen in een taal waarvan we de namen niet zagen) en de export zegt hun niveau niet; {option.moods}",
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
    "read.reason.after_export": (
        "dated after the export was made ({export_date}): the device clock was probably wrong",
        "gedateerd na het maken van de export ({export_date}): de klok van het toestel "
        "stond waarschijnlijk verkeerd",
    ),
    "read.reason.out_of_range": (
        "{name} must be a number from {low:g} to {high:g}",
        "{name!v} moet een getal van {low:g} tot {high:g} zijn",
    ),
    "read.reason.unknown_label": (
        "not one of the labels the app writes ({levels})",
        "niet een van de namen die de app schrijft ({levels})",
    ),
    "read.reason.cell_too_long": (
        "holds {found} characters, more than the {most} one cell may hold (limit: cell "
        "size). A diary cell holds a number, a date or a short note: shorten that cell, or "
        "keep long texts out of the diary file.",
        "bevat {found} tekens, meer dan de {most} die één cel mag bevatten (grens: grootte "
        "van een cel). Een cel van een dagboek bevat een getal, een datum of een korte "
        "notitie: maak die cel korter, of houd lange teksten buiten het dagboekbestand.",
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
