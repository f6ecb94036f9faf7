"""Texts of the read area: key -> (English, Dutch).

Reasons for rejected rows (``read.reason.*``), load-report notes
(``read.note.*``), ignored-row categories (``read.ignored.*``), errors for
files that cannot be read (``read.error.*``), survey and questionnaire errors
(``read.survey.*``) and the load report's own words (``read.report.*``).
Advice that names an option writes ``{option.NAME}`` (see ``options.py``).
Only texts shared by several modules live here; a module's own sentences (a
reader's, ``table.py``'s, ``_source.py``'s, ``_parse.py``'s, ``_build.py``'s)
live beside it in its ``_TEXTS``.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ lists
    "read.list.semicolon": ("{first}; {rest}", "{first}; {rest}"),
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
    "read.note.dates_iso": ("dates are ISO (year-month-day)", "datums als jaar-maand-dag"),
    "read.note.combined": (
        "{n} day(s) had several entries; combined per day as: {rules}",
        "{n} dag(en) met meerdere invoeren; per dag samengevoegd als: {rules}",
    ),
    # --------------------------------------------------------- ignored rows
    "read.ignored.blank_row": ("blank row", "lege rij"),
    "read.ignored.app_category": ("{option.app_category}", "{option.app_category}"),
    # the page and the report say what a raw app category is (an Apple Health type name
    # such as HKQuantityTypeIdentifierDistanceWalkingRunning is the app's, not translated)
    "read.ignored.from_source": ("{category} ({source})", "{category} ({source})"),
    # ------------------------------------------------- where a column came from
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
    # ------------------------------------- why a format's detector says no
    "read.detect.fitbit_other_series": (
        "a Fitbit {metric!r} series; of these only steps and sleep are read",
        "een reeks {metric!r} uit Fitbit; daarvan worden alleen stappen en slaap gelezen",
    ),
    # ------------------------------------------------------- app exports
    "read.note.no_pain_rows": (
        "the file holds no back-pain symptom rows; pain is empty",
        "het bestand bevat geen rijen met rugpijn; pijn is leeg",
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
    # --- Flaredown per-user (wide) export
    "read.flaredown.user_unread": (
        "columns not read (other conditions, symptoms, treatments, foods): {columns}",
        "kolommen niet gelezen (andere aandoeningen, symptomen, behandelingen, voeding): {columns}",
    ),
    # ----------------------------------------- more reasons (rejected rows)
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
        "not one of the labels the app writes ({levels}){hint}",
        "niet een van de namen die de app schrijft ({levels}){hint}",
    ),
    "read.reason.no_score": (
        "{name} was logged without a score, so there is no number for it{hint}",
        "{name!v} werd genoteerd zonder score, dus er is geen getal voor{hint}",
    ),
    "read.reason.not_like": (
        "{name} is not written like {example}",
        "{name!v} is niet geschreven zoals {example}",
    ),
    "read.reason.repeated": (
        "repeats row {first} in {columns}",
        "herhaalt rij {first} in {columns}",
    ),
    "read.reason.sleep_day_over_24h": (
        "the sleep records ending on this day add up to more than 24 hours",
        "de slaapregistraties die op deze dag eindigen zijn samen meer dan 24 uur",
    ),
    "read.reason.cell_too_long": (
        "holds {found} characters, more than the {most} one cell may hold (limit: cell "
        "size). A diary cell holds a number, a date or a short note: shorten that cell, or "
        "keep long texts out of the diary file.",
        "bevat {found} tekens, meer dan de {most} die één cel mag bevatten (grens: grootte "
        "van een cel). Een cel van een dagboek bevat een getal, een datum of een korte "
        "notitie: maak die cel korter, of houd lange teksten buiten het dagboekbestand.",
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
