"""How each place says to set an option: the one mapping of option names.

A sentence that advises an option writes the field ``{option.NAME}`` (or
``{option.NAME:VALUE}``); :func:`backpain.text.say` fills it in with the
phrase for where the reader is: a Python argument (``pass pain_scale=100``),
a command-line option (``use --pain-scale 100``) or what to do on the page,
which has no such controls (``divide the pain column by 10 ...``). The same
mapping holds the few words a patient on the page reads in plainer terms
(``encoding``: "an older Windows text file" rather than ``cp1252``). A phrase
may use the sentence's own fields and ``{value}`` (the text after the colon);
an empty phrase says nothing in that place (no such control there).

``OPTIONS`` maps option name -> place -> (English, Dutch); it is joined into
the catalogue as ``option.NAME.PLACE`` keys, so the catalogue's rules (both
languages, the same fields) check it too.
"""

from __future__ import annotations

_PAIN_BY_10 = (
    "divide the pain column by 10 in the spreadsheet (65 becomes 6.5) and choose the file again",
    "deel dan de pijnkolom in het rekenblad door 10 (65 wordt 6,5) en kies het bestand opnieuw",
)
_DATES_ISO = (
    "write the dates as year-month-day (2026-03-04) and try again",
    "schrijf de datums als jaar-maand-dag (2026-03-04) en probeer opnieuw",
)
_RENAME = (
    "rename the column in the spreadsheet to {value!r}",
    "geef de kolom in het rekenblad de naam {value!r}",
)
_RENAME_ONE = ("rename one of them in the spreadsheet", "hernoem er één in het rekenblad")
_SHEET = (
    "to read another, move it to the front in the spreadsheet or save it as its own file",
    "om een ander te lezen, zet het vooraan in het rekenblad of bewaar het als apart bestand",
)
_TZ = (
    "give the time zone where you wore the tracker",
    "geef de tijdzone waar je de tracker droeg",
)
_NOTHING = ("", "")
_UNZIP = (
    "unpack it yourself and read the export.xml",
    "pak ze dan zelf uit en lees de export.xml",
)
_GFIT_RENAME = (
    "rename {renames} in the file (Google Fit's English names) and read it again",
    "hernoem {renames} in het bestand (de Engelse namen van Google Fit) en lees het opnieuw",
)

OPTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "pain_scale": {
        "python": (
            "pass pain_scale=100 (the values are then divided by 10)",
            "geef dan pain_scale=100 (de waarden worden dan door 10 gedeeld)",
        ),
        "cli": (
            "use --pain-scale 100 (the values are then divided by 10)",
            "gebruik dan --pain-scale 100 (de waarden worden dan door 10 gedeeld)",
        ),
        "page": _PAIN_BY_10,
    },
    "pain_scale_chosen": {
        "python": ("pain_scale=100", "pain_scale=100"),
        "cli": ("--pain-scale 100", "--pain-scale 100"),
        "page": ("as chosen", "zoals gekozen"),
    },
    "dayfirst": {
        "python": (
            "pass dayfirst=True for day-month-year or dayfirst=False for month-day-year",
            "geef dayfirst=True voor dag-maand-jaar of dayfirst=False voor maand-dag-jaar",
        ),
        "cli": (
            "use --dayfirst for day-month-year or --monthfirst for month-day-year",
            "gebruik --dayfirst voor dag-maand-jaar of --monthfirst voor maand-dag-jaar",
        ),
        "page": _DATES_ISO,
    },
    "columns": {
        "python": (
            "name the column {value!r} or pass columns={{'your column': {value!r}}}",
            "noem de kolom {value!r} of geef columns={{'je kolom': {value!r}}}",
        ),
        "cli": _RENAME,
        "page": _RENAME,
    },
    "columns_pick": {
        "python": (
            "say which one to use, e.g. columns={{{first!r}: {name!r}}}, or rename the other",
            "zeg welke te gebruiken, bv. columns={{{first!r}: {name!r}}}, of hernoem de andere",
        ),
        "cli": _RENAME_ONE,
        "page": _RENAME_ONE,
    },
    "header": {
        "python": (
            ", or read it with pandas (header=None) and pass the DataFrame with its columns named",
            ", of lees het met pandas (header=None) en geef het DataFrame op met benoemde kolommen",
        ),
        "cli": _NOTHING,
        "page": _NOTHING,
    },
    "sep": {
        "python": (", or pass sep=", ", of geef sep="),
        "cli": _NOTHING,
        "page": _NOTHING,
    },
    "sheet": {
        "python": ("read another with sheet={example!r}", "lees een ander met sheet={example!r}"),
        "cli": _SHEET,
        "page": _SHEET,
    },
    "subject_name": {
        "python": ("; pass subject= to name them", "; geef subject= om die te benoemen"),
        "cli": ("; use --subject NAME to name them", "; gebruik --subject NAAM om die te benoemen"),
        "page": _NOTHING,
    },
    "subject_given": {
        "python": ("subject={subject!r}", "subject={subject!r}"),
        "cli": ("--subject {subject}", "--subject {subject}"),
        "page": ("{subject}", "{subject}"),
    },
    "subject_example": {
        "python": (
            ", e.g. subject={example!r}, or leave subject out to read everyone",
            ", bv. subject={example!r}, of laat subject weg om iedereen te lezen",
        ),
        "cli": (", e.g. --subject {example}", ", bv. --subject {example}"),
        "page": _NOTHING,
    },
    "subject_merge": {
        "python": ("pass subject= to read_diary", "geef subject= aan read_diary"),
        "cli": ("use --subject NAME", "gebruik --subject NAAM"),
        "page": ("give them one name", "geef ze één naam"),
    },
    "subject_choose": {
        "python": ("pass subject=", "geef subject= op"),
        "cli": ("choose one with --subject NAME", "kies er een met --subject NAAM"),
        "page": ("upload one person's diary", "laad het dagboek van één persoon op"),
    },
    "with_pain_diary": {
        "python": (
            "read it together with a pain diary, e.g. read_diary([pain_diary, this_file], "
            "subject='me')",
            "lees het samen met een pijndagboek, bv. read_diary([pijndagboek, dit_bestand], "
            "subject='ik')",
        ),
        "cli": (
            "read it together with a pain diary, e.g. backpain report pain_diary.csv this_file "
            "--subject me",
            "lees het samen met een pijndagboek, bv. backpain report pijndagboek.csv dit_bestand "
            "--subject ik",
        ),
        "page": ("add your pain diary file as well", "voeg ook je pijndagboek toe"),
    },
    "tz": {
        "python": (
            "pass tz='Europe/Brussels' (the zone where you wore the tracker)",
            "geef tz='Europe/Brussels' (de zone waar je de tracker droeg)",
        ),
        "cli": _TZ,
        "page": _TZ,
    },
    "tz_explicit": {
        "python": (
            ". Pass tz='Europe/Brussels' (the zone where the sleep was recorded) to be explicit",
            ". Geef tz='Europe/Brussels' (de zone waar de slaap gemeten werd) om het zeker te weten",
        ),
        "cli": _NOTHING,
        "page": _NOTHING,
    },
    "pain_map": {
        "python": (
            "; pass pain_map={{'Unspecified': <0-10>}} to count it",
            "; geef pain_map={{'Unspecified': <0-10>}} om ze mee te tellen",
        ),
        "cli": _NOTHING,
        "page": _NOTHING,
    },
    "severity": {
        "python": (
            "; map other labels with severity={{'label': 0-10}}",
            "; geef andere benamingen een waarde met severity={{'label': 0-10}}",
        ),
        "cli": _NOTHING,
        "page": _NOTHING,
    },
    "sleep_date": {
        "python": (" (sleep_date={value!r})", " (sleep_date={value!r})"),
        "cli": _NOTHING,
        "page": _NOTHING,
    },
    "treatments": {
        "python": (
            "; a treatment among them whose doses are plain numbers 0-4 is read as a tag with "
            "treatments=[...]",
            "; een behandeling daartussen met als dosis gewone getallen 0-4 wordt als label "
            "gelezen met treatments=[...]",
        ),
        "cli": _NOTHING,
        "page": _NOTHING,
    },
    "zip_limits": {
        "python": (
            "pass larger limits (now max_unzipped_bytes={max_bytes:,.0f}, "
            "max_zip_ratio={max_ratio:g})",
            "geef dan ruimere grenzen (nu max_unzipped_bytes={max_bytes:,.0f}, "
            "max_zip_ratio={max_ratio:g})",
        ),
        "cli": _UNZIP,
        "page": _UNZIP,
    },
    "dictionary": {
        "python": ("dictionary=", "dictionary="),
        "cli": ("a data dictionary", "een gegevenswoordenboek"),
        "page": ("a data dictionary", "een gegevenswoordenboek"),
    },
    "dictionary_drop": {
        "python": (
            "drop dictionary= or pass format='redcap'",
            "laat dictionary= weg of geef format='redcap'",
        ),
        "cli": ("leave the dictionary out", "laat het woordenboek weg"),
        "page": ("leave the dictionary out", "laat het woordenboek weg"),
    },
    "rejected_list": {
        "python": (" in report.rejected", " in report.rejected"),
        "cli": _NOTHING,
        "page": _NOTHING,
    },
    "port": {
        "python": (
            "pass another port=, or port=None to use a free one",
            "geef een andere port= op, of port=None om een vrije poort te gebruiken",
        ),
        "cli": (
            "choose another port with --port, or leave --port out to use a free one",
            "kies een andere poort met --port, of laat --port weg om een vrije poort te gebruiken",
        ),
        "page": (
            "close the other program, or choose another port",
            "sluit het andere programma, of kies een andere poort",
        ),
    },
    "app_category": {
        "python": ("{category}", "{category}"),
        "cli": ("{category}", "{category}"),
        "page": (
            "entries of the app's type {category} (not used by the report)",
            "invoer van het app-type {category} (niet gebruikt in het rapport)",
        ),
    },
    "moods": {
        "python": (
            "pass your moods in order from best to worst, e.g. moods={order}, or a level each, "
            "moods={{'label': level}} from 1 (like awful) to 5 (like rad)",
            "geef je stemmingen in volgorde van best naar slechtst, bv. moods={order}, of per "
            "naam een niveau, moods={{'naam': niveau}} van 1 (zoals awful) tot 5 (zoals rad)",
        ),
        "cli": (
            "give your moods in order from best to worst with --moods, e.g. --moods "
            "{cli_order} put in your order",
            "geef je stemmingen in volgorde van best naar slechtst met --moods, bv. --moods "
            "{cli_order} in jouw volgorde",
        ),
        "page": (
            "to read them, give your moods in order from best to worst: on the upload page in "
            "the box 'Put your moods in order' above the results, or with backpain report "
            "--moods {cli_order} put in your order",
            "om ze te lezen, geef je stemmingen in volgorde van best naar slechtst: op de "
            "uploadpagina in het vak 'Zet je stemmingen in volgorde' boven de resultaten, of met "
            "backpain report --moods {cli_order} in jouw volgorde",
        ),
    },
    "moods_own": {
        "python": (
            "; if one of these is a mood of your own with another level, pass "
            "moods={{'label': level}}",
            "; is een daarvan een eigen stemming met een ander niveau, geef dan "
            "moods={{'naam': niveau}}",
        ),
        "cli": _NOTHING,
        "page": _NOTHING,
    },
    "columns_steps": {
        "python": (
            "read the file with columns={{{column!r}: 'steps'}} (and a move-minutes column with "
            "'active_minutes')",
            "lees het bestand met columns={{{column!r}: 'steps'}} (en een kolom met "
            "beweegminuten met 'active_minutes')",
        ),
        "cli": _GFIT_RENAME,
        "page": _GFIT_RENAME,
    },
    "steps_column": {
        "python": (
            "name the steps column with columns={{'your column': 'steps'}}",
            "noem de kolom met stappen met columns={{'je kolom': 'steps'}}",
        ),
        "cli": _GFIT_RENAME,
        "page": _GFIT_RENAME,
    },
    "encoding": {
        "python": ("{encoding}", "{encoding}"),
        "cli": ("{encoding}", "{encoding}"),
        "page": ("an older Windows text file", "een ouder Windows-tekstbestand"),
    },
    "mood_formula": {
        "python": (" as (level - 1) * 2.5", " als (niveau - 1) * 2,5"),
        "cli": (" as (level - 1) * 2.5", " als (niveau - 1) * 2,5"),
        "page": _NOTHING,
    },
    "several_people": {
        "python": (
            "the diary holds {n} subjects ({subjects})",
            "het dagboek bevat {n} deelnemers ({subjects})",
        ),
        "cli": (
            "the diary holds {n} subjects ({subjects})",
            "het dagboek bevat {n} deelnemers ({subjects})",
        ),
        "page": (
            "the file holds the diaries of {n} people ({subjects})",
            "het bestand bevat de dagboeken van {n} personen ({subjects})",
        ),
    },
}

TEXTS: dict[str, tuple[str, str]] = {
    f"option.{name}.{place}": text
    for name, places in OPTIONS.items()
    for place, text in places.items()
}
