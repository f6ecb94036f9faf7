"""Texts of experience-sampling studies (reading an export, compliance, within-day results)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "read.format.mpath": ("m-Path basic export", "m-Path-export (basic)"),
    "read.format.esm_long": ("long experience-sampling table", "lange tabel van prompts"),
    "esm.error.layout": (
        "{source}: not an experience-sampling export backpain knows: it has no columns "
        "{missing}. An m-Path basic.csv starts with connectionId;legacyCode;code;...; a long "
        "table needs one row per prompt with the columns id, day and beep (as openESM "
        "data sets have). Columns found: {columns}",
        "{source}: geen export van experience sampling die backpain kent: de kolommen "
        "{missing} ontbreken. Een m-Path basic.csv begint met connectionId;legacyCode;code;...; "
        "een lange tabel heeft één rij per prompt met de kolommen id, day en beep (zoals de "
        "datasets van openESM). Gevonden kolommen: {columns}",
    ),
    "esm.error.items_unknown": (
        "{source}: items names {unknown}, which the file does not have; its item columns "
        "are {columns}",
        "{source}: items noemt {unknown}, dat het bestand niet heeft; de kolommen "
        "met items zijn {columns}",
    ),
    "esm.error.parquet_columns": (
        "{source}: the Parquet dataset has no column(s) {missing} of the momentary table; "
        "write it with backpain.read.esm.write_esm_parquet()",
        "{source}: de Parquet-dataset heeft geen kolom(men) {missing} van de tabel met één rij per prompt; "
        "schrijf hem met backpain.read.esm.write_esm_parquet()",
    ),
    "esm.error.empty": (
        "{source}: the file holds no prompts (only a header, or nothing)",
        "{source}: het bestand bevat geen prompts (alleen een kopregel, of niets)",
    ),
    # units of the numbers in a momentary table, for the reason a cell is refused
    "esm.unit.unix_seconds": ("Unix time in seconds", "Unix-tijd in seconden"),
    "esm.unit.offset_seconds": ("seconds from UTC", "seconden ten opzichte van UTC"),
    "esm.unit.study_day": ("the day of the study", "de dag van de studie"),
    "esm.unit.beep": (
        "the prompt's number within the day",
        "het nummer van de prompt binnen de dag",
    ),
    "esm.note.offset": (
        "times read as Unix seconds and shown in local time with each row's timeZoneOffset",
        "tijden gelezen als Unix-seconden en getoond in lokale tijd met de timeZoneOffset "
        "van elke rij",
    ),
    "esm.note.unanswered": (
        "{n} of {total} prompts were not answered (no start or stop time): kept, with "
        "answered = False",
        "{n} van {total} prompts werden niet beantwoord (geen start- of stoptijd): behouden, "
        "met answered = False",
    ),
    "esm.note.quotes": (
        'text answers unwrapped from m-Path\'s extra quotes ("""Work""" -> Work)',
        'tekstantwoorden ontdaan van de extra aanhalingstekens van m-Path ("""Work""" -> Work)',
    ),
    "esm.note.items": ("items read: {items}", "gelezen items: {items}"),
    "esm.note.no_times": (
        "the table has no times: day and beep give the order, and compliance can count "
        "answered prompts but not delays",
        "de tabel heeft geen tijden: dag en beep geven de volgorde, en de compliance telt "
        "beantwoorde prompts maar geen vertragingen",
    ),
    "esm.ignored.info_screen": (
        "information screens (columns ending in _basic hold no answer)",
        "informatieschermen (kolommen die op _basic eindigen bevatten geen antwoord)",
    ),
    "esm.explain.compliance": (
        "{n_persons} persons answered {answered} of {sent} prompts ({share:.0%}); the median "
        "person answered {median:.0%}. {n_low} persons answered less than {min_share:.0%} "
        "and are flagged.",
        "{n_persons} personen beantwoordden {answered} van {sent} prompts ({share:.0%}); de "
        "mediane persoon beantwoordde {median:.0%}. {n_low} personen beantwoordden minder dan "
        "{min_share:.0%} en zijn gemarkeerd.",
    ),
    "esm.explain.careless": (
        "{n_fast} answered prompts were completed faster than {seconds:.1f} s per item and "
        "{n_same} gave the same answer on every item ({n_items} items or more).",
        "{n_fast} beantwoorde prompts werden sneller ingevuld dan {seconds:.1f} s per item en "
        "{n_same} gaven hetzelfde antwoord op elk item ({n_items} items of meer).",
    ),
    "esm.explain.temporal": (
        "Strongest within-day link from one prompt to the next: higher {predictor!v} went "
        "with {direction} {outcome!v} at the next prompt (b = {estimate:.2f}, 95% CI "
        "{low:.2f} to {high:.2f}, {p}).",
        "Sterkste verband binnen de dag van de ene prompt naar de volgende: meer "
        "{predictor!v} ging samen met {direction} {outcome!v} bij de volgende prompt "
        "(b = {estimate:.2f}, 95%-BI {low:.2f} tot {high:.2f}, {p}).",
    ),
    "esm.explain.none": (
        "No within-day link between two variables from one prompt to the next is clear at the 5% level.",
        "Geen enkel verband binnen de dag tussen twee variabelen van de ene prompt naar de "
        "volgende is duidelijk op het 5%-niveau.",
    ),
    "esm.note.model": (
        "the model of {outcome} warned: {warning}",
        "het model van {outcome} waarschuwde: {warning}",
    ),
    "esm.explain.within_same": (
        "Within a person, at prompts with more {x!v} than usual for that person, {y!v} was "
        "{direction} (r = {r:.2f}, 95% CI {low:.2f} to {high:.2f}, {p}).",
        "Binnen een persoon was {y!v} {direction} bij prompts met meer {x!v} dan gewoonlijk "
        "voor die persoon (r = {r:.2f}, 95%-BI {low:.2f} tot {high:.2f}, {p}).",
    ),
    "esm.explain.within_lag": (
        "Within a person, at prompts after one with more {x!v} than usual for that person, "
        "{y!v} was {direction} (r = {r:.2f}, 95% CI {low:.2f} to {high:.2f}, {p}).",
        "Binnen een persoon was {y!v} {direction} bij prompts na een prompt met meer {x!v} "
        "dan gewoonlijk voor die persoon (r = {r:.2f}, 95%-BI {low:.2f} tot {high:.2f}, {p}).",
    ),
    "esm.explain.between_same": (
        "Between persons, those with more {x!v} on average had {direction} {y!v} on average "
        "(r = {r:.2f}, 95% CI {low:.2f} to {high:.2f}, {p}).",
        "Tussen personen hadden wie gemiddeld meer {x!v} had gemiddeld {direction} {y!v} "
        "(r = {r:.2f}, 95%-BI {low:.2f} tot {high:.2f}, {p}).",
    ),
    "esm.explain.between_lag": (
        "Between persons, those with more {x!v} on average had {direction} {y!v} on average "
        "(r = {r:.2f}, 95% CI {low:.2f} to {high:.2f}, {p}).",
        "Tussen personen hadden wie gemiddeld meer {x!v} had gemiddeld {direction} {y!v} "
        "(r = {r:.2f}, 95%-BI {low:.2f} tot {high:.2f}, {p}).",
    ),
    "esm.explain.within_unclear": (
        "Within a person, no clear link between {x!v} and {y!v} at the 5% level "
        "(r = {r:.2f}, 95% CI {low:.2f} to {high:.2f}, {p}).",
        "Binnen een persoon geen duidelijk verband tussen {x!v} en {y!v} op het 5%-niveau "
        "(r = {r:.2f}, 95%-BI {low:.2f} tot {high:.2f}, {p}).",
    ),
    "esm.explain.between_unclear": (
        "Between persons, no clear link between average {x!v} and average {y!v} at the 5% "
        "level (r = {r:.2f}, 95% CI {low:.2f} to {high:.2f}, {p}).",
        "Tussen personen geen duidelijk verband tussen gemiddelde {x!v} en gemiddelde {y!v} "
        "op het 5%-niveau (r = {r:.2f}, 95%-BI {low:.2f} tot {high:.2f}, {p}).",
    ),
    "esm.explain.no_r": (
        "{level}: too few prompts with both answers to compute a correlation.",
        "{level}: te weinig prompts met beide antwoorden om een correlatie te berekenen.",
    ),
    "esm.level.within": ("Within persons", "Binnen personen"),
    "esm.level.between": ("Between persons", "Tussen personen"),
    "esm.higher": ("higher", "hoger"),
    "esm.lower": ("lower", "lager"),
    "esm.more": ("more", "meer"),
    "esm.less": ("less", "minder"),
    "esm.node": ("{name!V}", "{name!V}"),
    "esm.plot.temporal": ("from one prompt to the next", "van de ene prompt naar de volgende"),
    "esm.plot.contemporaneous": ("at the same prompt", "bij dezelfde prompt"),
    "esm.plot.compliance_x": ("share of prompts answered", "deel van de prompts beantwoord"),
    "esm.plot.compliance_y": ("persons", "personen"),
    "esm.plot.threshold": ("flag below {min_share:.0%}", "gemarkeerd onder {min_share:.0%}"),
}
