"""Step 5 of the flow: a one-file HTML report a patient can take to the therapist.

The report is a plain pipeline: read the diary (:func:`backpain.read_diary`,
with its load report), compute with the package's functions
(:func:`backpain.classify`, :func:`backpain.data_quality`,
:func:`monthly_summary`, :func:`backpain.stats.correlate`,
:func:`backpain.stats.what_helps`), draw with :mod:`backpain.plot`, and fill a
template. The HTML file is self-contained: figures are embedded as base64 PNG,
the style sheet is inline, and nothing refers to the network (no scripts, no
web fonts), so it opens offline and can be e-mailed or printed. Every text that
comes from the user's file (subject, tags, notes, rejected values) is escaped.

All texts exist in English (``lang="en"``) and Dutch (``lang="nl"``, words a
Flemish or Dutch patient uses: *pijn*, *kinesist*, *huisarts*).
"""

from __future__ import annotations

import base64
import html
import io
import re
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .errors import DiaryError

__all__ = ["PHRASES", "explain_class", "monthly_summary", "render_report", "write_report"]

Progress = Callable[[str], None]
_MIN_DAYS_FIGURE = 14  # shorter diaries get no dashboard (too little to draw)

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "title": "Back-pain diary report",
        "for": "Diary of {subject}",
        "intro": (
            "This report summarises your pain diary, to take to your physiotherapist or "
            "GP. It was made on this computer by backpain {version} on {today}; nothing "
            "was sent anywhere."
        ),
        "period_h": "Period covered",
        "period": (
            "From {start} to {end}: {span} calendar days, of which {recorded} have a pain "
            "score ({pct:.0f}%). Longest gap: {gap} day(s) in a row without a pain score."
        ),
        "pain_avg": "Average pain {mean} out of 10 (lowest {min}, highest {max}).",
        "quality_h": "Data quality",
        "quality": (
            "The file {source} (read as {format}): {read} rows read, {kept} kept, "
            "{merged} combined with another row of the same day, {ignored} ignored, "
            "{rejected} rejected."
        ),
        "rejected_h": "Rows that were not used, and why",
        "rejected_more": "... and {n} more rejected rows.",
        "rejected_fix": (
            "These rows are not in the report. Fix them in your spreadsheet and make the "
            "report again."
        ),
        "no_rows": "{source}: the diary has no usable rows: {n_rejected} of {n_read} rows "
        "were rejected{ignored}.",
        "no_rows_ignored": ", {n} ignored ({what})",
        "no_rows_first": " The first problems:",
        "no_rows_item": "row {row}, {column} {value}: {reason}",
        "no_rows_fix": "Fix these rows in the spreadsheet and run the report again.",
        "no_rows_none": (
            "{source}: the diary has no usable rows: {n_read} rows read{ignored}, none "
            "with a date and a pain score. Check that the file is the diary and run the "
            "report again."
        ),
        "reader_notes": "What the reader decided",
        "reason": "reason",
        "rows": "rows",
        "row": "row",
        "column": "column",
        "value": "value",
        "class_h": "How long has the pain lasted?",
        "class_def": (
            "Back pain is called <b>acute</b> when it has lasted less than 6 weeks, "
            "<b>subacute</b> from 6 to 12 weeks and <b>chronic</b> when it has lasted "
            "longer than 12 weeks (European COST B13 guidelines, 2006). The current "
            "period of pain starts after the last month without pain in your diary; a "
            "day counts as a pain day at a pain score of 1 or more."
        ),
        "not_diagnosis": (
            "A duration class describes how long the pain has lasted. It is not a "
            "diagnosis: talk to your physiotherapist or GP about what it means for you."
        ),
        "episode": (
            "Your current period of back pain started on {onset} and had lasted {days} "
            "days{weeks} on {as_of}. That is <b>{cls}</b> back pain."
        ),
        "censored": (
            "Your diary starts while you were already in pain, so the pain began "
            "before the diary: {days} days is a lower bound (at least this long), and "
            "the pain may have lasted longer than the diary shows."
        ),
        "no_episode": (
            "On {as_of} you were not in a period of back pain: the diary shows a month "
            "without pain before then, so no duration class applies."
        ),
        "nih_yes": (
            "In the last 6 months you had pain on {pct:.0f}% of the {n} days you filled "
            "in. With pain lasting at least 3 months, this meets the research definition "
            "of chronic low back pain of the NIH Task Force (2014)."
        ),
        "nih_no": (
            "In the last 6 months you had pain on {pct:.0f}% of the {n} days you filled "
            "in. This does not meet the research definition of chronic low back pain of "
            "the NIH Task Force (2014): pain for at least 3 months and on at least half "
            "of the days."
        ),
        "nih_na": (
            "Whether this meets the NIH research definition of chronic low back pain "
            "(pain for at least 3 months, on at least half the days of the last 6 "
            "months) cannot be told: too few days of the last 6 months were filled in, "
            "or the diary is too short."
        ),
        "flares": (
            "The diary shows {n} flares (periods of one or more days with pain at least 2 "
            "points above your usual level, the median of the 4 weeks before)."
        ),
        "flare_one": (
            "The diary shows 1 flare (a period of one or more days with pain at least 2 "
            "points above your usual level, the median of the 4 weeks before)."
        ),
        "acute": "acute",
        "subacute": "subacute",
        "chronic": "chronic",
        "acute_adj": "acute",
        "subacute_adj": "subacute",
        "chronic_adj": "chronic",
        "trend_h": "Pain month by month",
        "month": "month",
        "days_filled": "days with a pain score",
        "mean_pain": "average pain",
        "max_pain": "highest pain",
        "days_with_pain": "days with pain",
        "overview_h": "Overview",
        "overview_alt": "Diary overview: pain, stress, sleep and activity over time",
        "too_short": "The diary is too short for the overview figure (fewer than {n} days).",
        "worst_h": "The days with the most pain, and your notes",
        "worst_h_plain": "The days with the most pain",
        "date": "date",
        "pain": "pain",
        "tags": "what you noted",
        "notes": "notes",
        "assoc_h": "What goes together with your pain?",
        "assoc_intro": (
            "Each line compares your own days with each other (within you): on days "
            "when something was higher than usual for you, was your pain higher or "
            "lower than usual? r runs from -1 to 1; 0 means no link."
        ),
        "assoc_alt": "Correlations of pain with stress, sleep, activity and mood",
        "same_day": "the same day",
        "next_day": "the next day",
        "after_k": "{k} days later",
        "assoc_up": "After days when {x} was higher than usual, pain {when} was higher",
        "assoc_down": "After days when {x} was higher than usual, pain {when} was lower",
        "assoc_up0": "On days when {x} was higher than usual, pain was higher",
        "assoc_down0": "On days when {x} was higher than usual, pain was lower",
        "assoc_none": "No clear link between {x} and pain {when}",
        "assoc_none0": "No clear link between {x} and pain on the same day",
        "assoc_empty": "Not enough recorded days to compute these links.",
        "helps_h": "What helps?",
        "helps_intro": (
            "For each thing you noted (a tag), your pain on the day after a day with it "
            "is compared with the day after a day without it. Negative numbers mean less "
            "pain."
        ),
        "helps_alt": "Difference in next-day pain after days with and without each tag",
        "tag": "tag",
        "days_with": "days with",
        "difference": "difference in pain",
        "ci": "95% interval",
        "verdict": "in words",
        "lower pain": "less pain",
        "higher pain": "more pain",
        "no clear difference": "no clear difference",
        "too few days": "too few days to tell",
        "helps_empty": "The diary holds no tags (things like heat or exercise), so this part is empty.",
        "caveat": (
            "These are associations in your own diary data, not proof of cause: "
            "something else may drive both (for example, people take medication on bad "
            "days, so medication goes with more pain without causing it)."
        ),
        "footer": (
            "Made with backpain, open-source software. This report describes a diary; it "
            "does not replace a consultation. See a doctor soon for warning signs such "
            "as fever, unexplained weight loss, numbness around the buttocks or groin, "
            "loss of bladder or bowel control, or increasing weakness in the legs."
        ),
    },
    "nl": {
        "title": "Rapport van het rugpijndagboek",
        "for": "Dagboek van {subject}",
        "intro": (
            "Dit rapport vat je pijndagboek samen, om mee te nemen naar je kinesist "
            "(fysiotherapeut) of huisarts. Het is op deze computer gemaakt door "
            "backpain {version} op {today}; er is niets verstuurd."
        ),
        "period_h": "Periode",
        "period": (
            "Van {start} tot {end}: {span} kalenderdagen, waarvan {recorded} met een "
            "pijnscore ({pct:.0f}%). Langste onderbreking: {gap} dag(en) na elkaar zonder "
            "pijnscore."
        ),
        "pain_avg": "Gemiddelde pijn {mean} op 10 (laagste {min}, hoogste {max}).",
        "quality_h": "Kwaliteit van de gegevens",
        "quality": (
            "Het bestand {source} (gelezen als {format}): {read} rijen gelezen, {kept} "
            "gebruikt, {merged} samengevoegd met een andere rij van dezelfde dag, "
            "{ignored} overgeslagen, {rejected} geweigerd."
        ),
        "rejected_h": "Rijen die niet gebruikt zijn, en waarom",
        "rejected_more": "... en nog {n} geweigerde rijen.",
        "rejected_fix": (
            "Deze rijen staan niet in het rapport. Verbeter deze rijen in je spreadsheet "
            "en maak het rapport opnieuw."
        ),
        "no_rows": "{source}: het dagboek heeft geen bruikbare rijen: {n_rejected} van de "
        "{n_read} rijen zijn geweigerd{ignored}.",
        "no_rows_ignored": ", {n} overgeslagen ({what})",
        "no_rows_first": " De eerste problemen:",
        "no_rows_item": "rij {row}, {column} {value}: {reason}",
        "no_rows_fix": "Verbeter deze rijen in je spreadsheet en maak het rapport opnieuw.",
        "no_rows_none": (
            "{source}: het dagboek heeft geen bruikbare rijen: {n_read} rijen gelezen"
            "{ignored}, geen enkele met een datum en een pijnscore. Kijk na of dit het "
            "dagboek is en maak het rapport opnieuw."
        ),
        "reader_notes": "Wat het inleesprogramma besliste",
        "reason": "reden",
        "rows": "rijen",
        "row": "rij",
        "column": "kolom",
        "value": "waarde",
        "class_h": "Hoe lang duurt de pijn al?",
        "class_def": (
            "Rugpijn heet <b>acuut</b> als ze korter dan 6 weken duurt, <b>subacuut</b> "
            "van 6 tot 12 weken en <b>chronisch</b> als ze langer dan 12 weken duurt "
            "(Europese COST B13-richtlijnen, 2006). De huidige pijnperiode begint na de "
            "laatste maand zonder pijn in je dagboek; een dag telt als pijndag bij een "
            "pijnscore van 1 of meer."
        ),
        "not_diagnosis": (
            "Een duurklasse zegt hoe lang de pijn al duurt. Het is geen diagnose: "
            "bespreek met je kinesist of huisarts wat het voor jou betekent."
        ),
        "episode": (
            "Je huidige periode van rugpijn begon op {onset} en duurde op {as_of} al "
            "{days} dagen{weeks}. Dat is <b>{cls}</b> rugpijn."
        ),
        "censored": (
            "Je dagboek begint terwijl je al pijn had, dus de pijn begon al voor het "
            "dagboek: {days} dagen is een ondergrens (minstens zo lang), en de pijn kan "
            "langer duren dan het dagboek toont."
        ),
        "no_episode": (
            "Op {as_of} had je geen periode van rugpijn: het dagboek toont daarvoor een "
            "maand zonder pijn, dus er is geen duurklasse."
        ),
        "nih_yes": (
            "In de laatste 6 maanden had je pijn op {pct:.0f}% van de {n} ingevulde "
            "dagen. Met pijn die al minstens 3 maanden duurt, voldoet dit aan de "
            "onderzoeksdefinitie van chronische lage rugpijn van de NIH Task Force (2014)."
        ),
        "nih_no": (
            "In de laatste 6 maanden had je pijn op {pct:.0f}% van de {n} ingevulde "
            "dagen. Dit voldoet niet aan de onderzoeksdefinitie van chronische lage "
            "rugpijn van de NIH Task Force (2014): minstens 3 maanden pijn, op minstens "
            "de helft van de dagen."
        ),
        "nih_na": (
            "Of dit voldoet aan de onderzoeksdefinitie van chronische lage rugpijn van de "
            "NIH (minstens 3 maanden pijn, op minstens de helft van de dagen van de "
            "laatste 6 maanden) is niet te zeggen: te weinig dagen van de laatste 6 "
            "maanden zijn ingevuld, of het dagboek is te kort."
        ),
        "flares": (
            "Het dagboek toont {n} opvlammingen (periodes van een of meer dagen met pijn "
            "minstens 2 punten boven je gewone niveau, de mediaan van de 4 weken ervoor)."
        ),
        "flare_one": (
            "Het dagboek toont 1 opvlamming (een periode van een of meer dagen met pijn "
            "minstens 2 punten boven je gewone niveau, de mediaan van de 4 weken ervoor)."
        ),
        "acute": "acuut",
        "subacute": "subacuut",
        "chronic": "chronisch",
        "acute_adj": "acute",
        "subacute_adj": "subacute",
        "chronic_adj": "chronische",
        "trend_h": "Pijn per maand",
        "month": "maand",
        "days_filled": "dagen met pijnscore",
        "mean_pain": "gemiddelde pijn",
        "max_pain": "hoogste pijn",
        "days_with_pain": "dagen met pijn",
        "overview_h": "Overzicht",
        "overview_alt": "Overzicht van het dagboek: pijn, stress, slaap en activiteit in de tijd",
        "too_short": "Het dagboek is te kort voor de overzichtsfiguur (minder dan {n} dagen).",
        "worst_h": "De dagen met de meeste pijn, en je notities",
        "worst_h_plain": "De dagen met de meeste pijn",
        "date": "datum",
        "pain": "pijn",
        "tags": "wat je noteerde",
        "notes": "notities",
        "assoc_h": "Wat gaat samen met je pijn?",
        "assoc_intro": (
            "Elke regel vergelijkt je eigen dagen met elkaar (binnen jezelf): op dagen "
            "waarop iets hoger was dan gewoonlijk voor jou, was je pijn dan hoger of "
            "lager dan gewoonlijk? r loopt van -1 tot 1; 0 betekent geen verband."
        ),
        "assoc_alt": "Correlaties van pijn met stress, slaap, activiteit en stemming",
        "same_day": "dezelfde dag",
        "next_day": "de dag erna",
        "after_k": "{k} dagen later",
        "assoc_up": "Na dagen waarop {x} hoger was dan gewoonlijk, was de pijn {when} hoger",
        "assoc_down": "Na dagen waarop {x} hoger was dan gewoonlijk, was de pijn {when} lager",
        "assoc_up0": "Op dagen waarop {x} hoger was dan gewoonlijk, was de pijn hoger",
        "assoc_down0": "Op dagen waarop {x} hoger was dan gewoonlijk, was de pijn lager",
        "assoc_none": "Geen duidelijk verband tussen {x} en de pijn {when}",
        "assoc_none0": "Geen duidelijk verband tussen {x} en de pijn op dezelfde dag",
        "assoc_empty": "Te weinig ingevulde dagen om deze verbanden te berekenen.",
        "helps_h": "Wat helpt?",
        "helps_intro": (
            "Voor alles wat je noteerde (een label) wordt je pijn op de dag na een dag "
            "mét vergeleken met de dag na een dag zonder. Negatieve getallen betekenen "
            "minder pijn."
        ),
        "helps_alt": "Verschil in pijn de dag erna, na dagen met en zonder elk label",
        "tag": "label",
        "days_with": "dagen met",
        "difference": "verschil in pijn",
        "ci": "95%-interval",
        "verdict": "in woorden",
        "lower pain": "minder pijn",
        "higher pain": "meer pijn",
        "no clear difference": "geen duidelijk verschil",
        "too few days": "te weinig dagen om iets te zeggen",
        "helps_empty": "Het dagboek bevat geen labels (zoals warmte of oefeningen), dus dit deel is leeg.",
        "caveat": (
            "Dit zijn verbanden in je eigen dagboek, geen bewijs van oorzaak: iets anders "
            "kan beide sturen (bijvoorbeeld: mensen nemen medicatie op slechte dagen, dus "
            "medicatie gaat samen met meer pijn zonder die te veroorzaken)."
        ),
        "footer": (
            "Gemaakt met backpain, open-source software. Dit rapport beschrijft een "
            "dagboek; het vervangt geen consultatie. Ga snel naar een arts bij "
            "alarmsignalen zoals koorts, onverklaard gewichtsverlies, een doof gevoel "
            "rond de billen of het kruis, verlies van controle over blaas of darm, of "
            "toenemende zwakte in de benen."
        ),
    },
}
"""Every text of the report, in English (``"en"``) and Dutch (``"nl"``)."""

_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "nl": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
}

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2rem;
border-bottom:1px solid #ccc;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;
padding:.2rem .5rem;text-align:left;vertical-align:top}th{background:#f2f2f2}
td.num{text-align:right;white-space:nowrap}img{max-width:100%;height:auto}
.caveat{background:#fff7e0;border-left:4px solid #E69F00;padding:.5rem .8rem}
.muted{color:#555;font-size:.9rem}
@media print{h2{page-break-after:avoid}img{page-break-inside:avoid}}
"""


# ------------------------------------------------------------------ helpers
def _check_lang(lang: str) -> None:
    if lang not in PHRASES:
        msg = f"lang must be 'en' (English) or 'nl' (Dutch), not {lang!r}"
        raise ValueError(msg)


def _day(value: Any, lang: str) -> str:
    """``27 Dec 2025`` / ``27 dec 2025`` without depending on the system locale."""
    ts = pd.Timestamp(value)
    return f"{ts.day} {_MONTHS[lang][ts.month - 1]} {ts.year}"


def _esc(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value))


def _table(frame: pd.DataFrame, *, numeric: tuple[str, ...] = ()) -> str:
    """An HTML table with every cell escaped (the values come from files)."""
    head = "".join(f"<th>{_esc(c)}</th>" for c in frame.columns)
    body = []
    for row in frame.itertuples(index=False):
        cells = "".join(
            f"<td class='num'>{_esc(v)}</td>" if c in numeric else f"<td>{_esc(v)}</td>"
            for c, v in zip(frame.columns, row, strict=True)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _png(fig: Any, *, dpi: int = 80) -> str:
    """Render a figure to a base64 PNG and close it."""
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _img(b64: str, alt: str) -> str:
    return f"<img src='data:image/png;base64,{b64}' alt='{html.escape(alt, quote=True)}'>"


_VAR_WORDS = {
    "en": {
        "stress": "stress",
        "sleep_hours": "sleep time",
        "sleep_quality": "sleep quality",
        "steps": "the step count",
        "active_minutes": "active time",
        "mood": "mood",
    },
    "nl": {
        "stress": "de stress",
        "sleep_hours": "de slaapduur",
        "sleep_quality": "de slaapkwaliteit",
        "steps": "het aantal stappen",
        "active_minutes": "de actieve tijd",
        "mood": "de stemming",
    },
}


def _label(name: str, lang: str) -> str:
    return _VAR_WORDS[lang].get(name, name)


# ------------------------------------------------- numbers and reader texts
def _fmt(value: Any, spec: str, lang: str) -> str:
    """Format a number; Dutch writes a decimal comma (``5,9``)."""
    text = format(float(value), spec)
    return text.replace(".", ",") if lang == "nl" else text


def _pain(value: Any, lang: str) -> str:
    """A pain score in a sentence: ``6``, ``5.5`` (``5,5`` in Dutch)."""
    v = float(value)
    return _fmt(v, ".0f" if v.is_integer() else ".1f", lang)


_NL_COLUMNS = {
    "subject": "deelnemer",
    "date": "datum",
    "pain": "pijn",
    "stress": "stress",
    "sleep_hours": "uren slaap",
    "sleep_quality": "slaapkwaliteit",
    "steps": "stappen",
    "active_minutes": "actieve minuten",
    "mood": "stemming",
    "tags": "labels",
    "notes": "notities",
}
_NL_UNITS = {
    "NRS 0-10": "0-10",
    "0-10": "0-10",
    "hours (e.g. 7.5 or 7:30)": "uren, bv. 7,5 of 7:30",
    "hours": "uren",
    "steps": "stappen",
    "minutes": "minuten",
    "calendar day": "kalenderdag",
}
_NL_RULES = {
    "mean": "gemiddelde",
    "sum": "som",
    "max": "hoogste",
    "min": "laagste",
    "union": "alle samen",
    "join": "achter elkaar",
    "first": "eerste",
}
_NL_FORMATS = {"table": "tabel"}


def _column(name: Any, lang: str) -> str:
    """A diary column in the report's language (``sleep_hours`` -> ``uren slaap``)."""
    name = "" if name is None or (not isinstance(name, str) and pd.isna(name)) else str(name)
    if lang != "nl":
        return name
    if name in _NL_COLUMNS:
        return _NL_COLUMNS[name]
    from .schema import VARIABLES

    if name in VARIABLES:
        return re.sub(r"\s*\(.*\)$", "", VARIABLES[name].label("nl")).lower()
    return name


def _nl_number(text: str) -> str:
    return text.replace(".", ",")


def _nl_list(text: str) -> str:
    """``['a', 'b']`` (a Python list in a note) -> ``'a', 'b'``."""
    inner = text.strip()
    return inner[1:-1] if inner.startswith("[") and inner.endswith("]") else inner


_ORDER_NL = {
    "day-month-year": "dag-maand-jaar",
    "month-day-year": "maand-dag-jaar",
    "day": "dag",
    "month": "maand",
}
_PAIN_SCALE_NL = (
    "; gebruikt dit dagboek een schaal van 0 tot 100, maak het rapport dan met "
    "--pain-scale 100 (in Python: pain_scale=100)"
)

# English text of the readers (backpain/validate.py, backpain/read/table.py,
# backpain/read/merge.py) -> Dutch. Each pattern must match the whole text; a
# text no pattern matches is shown in English, never dropped.
_NL_TEXTS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"subject is empty"), lambda m: "deelnemer is leeg"),
    (re.compile(r"date is empty"), lambda m: "datum is leeg"),
    (
        re.compile(r"not a date this reader understands; write dates as YYYY-MM-DD or DD-MM-YYYY"),
        lambda m: (
            "geen datum die het programma begrijpt; schrijf datums als JJJJ-MM-DD of DD-MM-JJJJ"
        ),
    ),
    (
        re.compile(
            r"not a real calendar (?:day|date)(?: \(for example 31 February or month 13\))?"
            r"(?:; check the day and the month)?"
        ),
        lambda m: (
            "geen bestaande kalenderdag (bijvoorbeeld 31 februari of maand 13); kijk de "
            "dag en de maand na"
        ),
    ),
    (
        re.compile(r"not a number; (?P<name>\w+) must be a number \((?P<unit>.*)\)"),
        lambda m: (
            f"geen getal; {_column(m['name'], 'nl')} moet een getal zijn "
            f"({_NL_UNITS.get(m['unit'], m['unit'])})"
        ),
    ),
    (
        re.compile(r"pain must be at most 100 on the 0-100 scale \(pain_scale=100\)"),
        lambda m: "pijn mag hoogstens 100 zijn op de schaal van 0 tot 100 (--pain-scale 100)",
    ),
    (
        re.compile(
            r"(?P<name>\w+) must be at most (?P<hi>[-\d.e+]+) \((?P<unit>[^)]*)\)"
            r"(?P<scale>; if this diary uses a 0-100 scale pass pain_scale=100)?"
        ),
        lambda m: (
            f"{_column(m['name'], 'nl')} mag hoogstens {_nl_number(m['hi'])} zijn "
            f"({_NL_UNITS.get(m['unit'], m['unit'])})" + (_PAIN_SCALE_NL if m["scale"] else "")
        ),
    ),
    (
        re.compile(r"(?P<name>\w+) must be at least (?P<lo>[-\d.e+]+)"),
        lambda m: f"{_column(m['name'], 'nl')} moet minstens {_nl_number(m['lo'])} zijn",
    ),
    (
        re.compile(
            r"the (?P<n>\d+) entries for (?P<name>\w+) on this day add up to (?P<t>[-\d.e+]+) "
            r"\((?P<unit>[^)]*)\), more than (?P<hi>[-\d.e+]+); is a row repeated\? "
            r"Remove the copy"
        ),
        lambda m: (
            f"de {m['n']} invoeren voor {_column(m['name'], 'nl')} op deze dag zijn samen "
            f"{_nl_number(m['t'])} ({_NL_UNITS.get(m['unit'], m['unit'])}), meer dan "
            f"{_nl_number(m['hi'])}; staat een rij er twee keer in? Verwijder de kopie"
        ),
    ),
    (
        re.compile(r"separator (?P<sep>'.+') and decimal mark (?P<dec>'.+') detected"),
        lambda m: f"scheidingsteken {m['sep']} en decimaalteken {m['dec']} herkend",
    ),
    (
        re.compile(r"file decoded as (?P<enc>\S+) \(it is not UTF-8\)"),
        lambda m: f"bestand gelezen als {m['enc']} (het is geen UTF-8)",
    ),
    (
        re.compile(r"date order inferred from the column: (?P<o>day-month-year|month-day-year)"),
        lambda m: f"volgorde van de datums afgeleid uit de kolom: {_ORDER_NL[m['o']]}",
    ),
    (
        re.compile(
            r"every date is ambiguous \(day and month both <= 12\); took day-month-year, "
            r"as Dutch/Belgian files write dates"
        ),
        lambda m: (
            "elke datum kan twee dingen betekenen (dag en maand allebei 12 of minder); "
            "gelezen als dag-maand-jaar, zoals Nederlandse en Belgische bestanden datums "
            "schrijven"
        ),
    ),
    (
        re.compile(
            r"dates mix day-first and month-first values; took (?P<o>day|month)-first "
            r"\(the majority\) and rejected the others"
        ),
        lambda m: (
            "de datums mengen dag-eerst en maand-eerst; gelezen als "
            f"{_ORDER_NL[m['o']]}-eerst (de meerderheid), de andere zijn geweigerd"
        ),
    ),
    (re.compile(r"dates are ISO \(year-month-day\)"), lambda m: "datums als jaar-maand-dag"),
    (re.compile(r"dates were already dates"), lambda m: "de datums waren al datums"),
    (
        re.compile(r"date order given: (?P<o>day|month) first"),
        lambda m: f"volgorde van de datums opgegeven: eerst de {_ORDER_NL[m['o']]}",
    ),
    (
        re.compile(r"(?P<n>\d+) day\(s\) had several entries; combined per day as: (?P<r>.*)"),
        lambda m: (
            f"{m['n']} dag(en) met meerdere invoeren; per dag samengevoegd als: "
            + ", ".join(
                f"{_column(name, 'nl')} {_NL_RULES.get(rule, rule)}"
                for name, _, rule in (x.strip().rpartition(" ") for x in m["r"].split(","))
            )
        ),
    ),
    (
        re.compile(r"columns not used \(not diary variables\): (?P<cols>.*)"),
        lambda m: f"kolommen niet gebruikt (geen dagboekgegevens): {_nl_list(m['cols'])}",
    ),
    (re.compile(r"blank row"), lambda m: "lege rij"),
    (
        re.compile(
            r"(?P<n>\d+) sources merged per subject and day; (?P<k>\d+) source-day\(s\) "
            r"joined a day another source also gave"
        ),
        lambda m: (
            f"{m['n']} bronnen samengevoegd per deelnemer en dag; {m['k']} dag(en) kwamen "
            "ook in een andere bron voor"
        ),
    ),
    (
        re.compile(
            r"(?P<name>\w+): (?P<n>\d+) day\(s\) with different values from different "
            r"sources; took the value of the source with the higher precedence"
        ),
        lambda m: (
            f"{_column(m['name'], 'nl')}: {m['n']} dag(en) met verschillende waarden in "
            "verschillende bronnen; de waarde van de bron met voorrang is genomen"
        ),
    ),
]
_EN_TEXTS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"(?P<head>.*); if this diary uses a 0-100 scale pass pain_scale=100"),
        lambda m: (
            f"{m['head']}; if this diary uses a 0-100 scale, make the report with "
            "--pain-scale 100 (in Python: pain_scale=100)"
        ),
    ),
]


def _say_text(text: Any, lang: str) -> str:
    """A reader's note or reason in the report's language; untranslated if unknown.

    Examples
    --------
    >>> _say_text("not a number; pain must be a number (NRS 0-10)", "nl")
    'geen getal; pijn moet een getal zijn (0-10)'
    >>> _say_text("something new", "nl")
    'something new'
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    text = str(text)
    for pattern, translate in _NL_TEXTS if lang == "nl" else _EN_TEXTS:
        m = pattern.fullmatch(text)
        if m is not None:
            return translate(m)
    return text


def _say_ignored(category: str, lang: str) -> str:
    """An ignored-row category, also when a merge added ``" (file.csv)"`` to it."""
    said = _say_text(category, lang)
    m = re.fullmatch(r"(?P<what>.*?)(?P<source> \([^()]*\))", category)
    if said == category and m is not None:
        return _say_text(m["what"], lang) + m["source"]
    return said


# ------------------------------------------------------------- compute parts
def _weeks_text(days: int, lang: str) -> str:
    """`` (6 weeks)`` after a day count of two weeks or more; nothing for fewer."""
    if days < 14:
        return ""
    weeks = round(days / 7)
    return f" ({weeks} weken)" if lang == "nl" else f" ({weeks} weeks)"


def explain_class(row: Mapping[str, Any] | pd.Series, *, lang: str = "en") -> str:
    """Explain one subject's classification in plain words (English or Dutch).

    Parameters
    ----------
    row : pandas.Series or mapping
        One row of :func:`backpain.classify` (needs ``onset``, ``as_of``,
        ``duration_days``, ``duration_weeks``, ``duration_class``,
        ``onset_censored``; uses ``nih_chronic``, ``pain_day_fraction_6m``,
        ``days_observed_6m`` and ``n_flares`` when present).
    lang : {"en", "nl"}
        Language of the text.

    Returns
    -------
    str
        Plain text (may hold ``<b>`` tags around the class; no user text):
        the onset and duration, the class, the censoring caveat when the
        diary starts in pain (the duration is then a lower bound), the NIH
        Task Force research definition and the number of flares.

    Notes
    -----
    The class boundaries are the defaults of :func:`backpain.classify`
    (COST B13, 2006: acute < 6 weeks, subacute 6-12 weeks, chronic > 12
    weeks; ``FACTS.md``); the definition itself is :data:`PHRASES`
    ``["class_def"]``. The NIH sentence follows Deyo et al. (2014).

    Examples
    --------
    >>> from backpain import classify
    >>> from backpain.simulate import simulate_cohort
    >>> row = classify(simulate_cohort(4, 200, seed=4)).iloc[3]
    >>> text = explain_class(row, lang="nl")
    >>> "chronische" in text, "ondergrens" in text
    (True, True)
    """
    _check_lang(lang)
    p = PHRASES[lang]
    as_of = _day(row["as_of"], lang)
    parts = []
    cls = row["duration_class"]
    if pd.isna(row["onset"]) or pd.isna(cls):
        parts.append(p["no_episode"].format(as_of=as_of))
    else:
        days = int(row["duration_days"])
        parts.append(
            p["episode"].format(
                onset=_day(row["onset"], lang),
                as_of=as_of,
                days=days,
                weeks=_weeks_text(days, lang),
                cls=p[f"{cls}_adj"],
            )
        )
        if bool(row["onset_censored"]):
            parts.append(p["censored"].format(days=days))
    if "nih_chronic" in row:
        nih = row["nih_chronic"]
        frac = row.get("pain_day_fraction_6m", np.nan)
        n = int(row.get("days_observed_6m", 0))
        if pd.isna(nih):
            parts.append(p["nih_na"])
        else:
            key = "nih_yes" if bool(nih) else "nih_no"
            parts.append(p[key].format(pct=100 * float(np.nan_to_num(frac)), n=n))
    if "n_flares" in row and int(row["n_flares"]) > 0:
        n_flares = int(row["n_flares"])
        parts.append(p["flare_one"] if n_flares == 1 else p["flares"].format(n=n_flares))
    return " ".join(parts)


def monthly_summary(data: pd.DataFrame, *, pain_threshold: float = 1) -> pd.DataFrame:
    """Pain per calendar month and subject: the trend a therapist looks at first.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary (``subject``, ``date``, ``pain``).
    pain_threshold : float
        A pain day has pain >= this value (``FACTS.md``: pain >= 1 on 0-10).

    Returns
    -------
    pandas.DataFrame
        One row per subject and month with data, sorted: ``subject``,
        ``month`` (Timestamp, first day of the month), ``days_recorded``
        (days with a pain value), ``pain_mean``, ``pain_max`` and
        ``days_with_pain`` (days with pain >= ``pain_threshold``).

    Notes
    -----
    A grouped mean, checked in the tests against a hand-computed month.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> m = monthly_summary(simulate_cohort(1, 60, seed=2))
    >>> m.columns.tolist()
    ['subject', 'month', 'days_recorded', 'pain_mean', 'pain_max', 'days_with_pain']
    """
    from .validate import check_diary

    check_diary(data)
    d = data.loc[data["pain"].notna(), ["subject", "date", "pain"]]
    month = d["date"].dt.to_period("M").dt.to_timestamp()
    g = d.assign(month=month, hurt=d["pain"] >= pain_threshold).groupby(
        ["subject", "month"], sort=True, observed=True
    )
    out = g.agg(
        days_recorded=("pain", "size"),
        pain_mean=("pain", "mean"),
        pain_max=("pain", "max"),
        days_with_pain=("hurt", "sum"),
    ).reset_index()
    return out.astype({"days_recorded": "int64", "days_with_pain": "int64"})


def _read(
    diaries: Any,
    subject: str | None,
    progress: Progress | None,
    *,
    lang: str = "en",
    options: Mapping[str, Any] | None = None,
) -> tuple[Any, Any]:
    from .read import read_diary

    if progress is not None:
        items = diaries if isinstance(diaries, (list, tuple)) else [diaries]
        for item in items:
            if isinstance(item, (str, Path)) and Path(item).is_file():
                size = Path(item).stat().st_size / 1e6
                progress(f"reading {Path(item).name} ({size:.1f} MB)")
            else:
                progress("reading the diary")
    diary, report = read_diary(diaries, subject=subject, return_report=True, **(options or {}))
    if len(diary) == 0:
        msg = _no_rows_message(report, lang)
        raise DiaryError(msg)
    subjects = diary["subject"].dropna().unique().tolist()
    if subject is not None:
        if subject not in subjects:
            msg = f"subject={subject!r} is not in the diary; it holds {subjects[:20]}"
            raise ValueError(msg)
        diary = diary[diary["subject"] == subject].reset_index(drop=True)
    elif len(subjects) != 1:
        msg = (
            f"the diary holds {len(subjects)} subjects ({subjects[:10]}); a report is for "
            "one person: pass subject= (--subject on the command line)"
        )
        raise ValueError(msg)
    if diary["pain"].notna().sum() == 0:
        msg = f"{report.source}: no day has a pain value, so there is nothing to report"
        raise ValueError(msg)
    return diary, report


_FIRST_PROBLEMS = 5  # rejected rows named in the "no usable rows" message


def _no_rows_message(report: Any, lang: str) -> str:
    """Why a diary came out empty: the rejected rows and what to do, in ``lang``."""
    p = PHRASES[lang]
    ignored = ""
    if report.rows_ignored:
        what = ", ".join(f"{_say_text(k, lang)}: {v}" for k, v in report.ignored.items())
        ignored = p["no_rows_ignored"].format(n=report.rows_ignored, what=what)
    rej = report.rejected
    if not report.rows_rejected or rej is None or len(rej) == 0:
        return p["no_rows_none"].format(
            source=report.source, n_read=report.rows_read, ignored=ignored
        )
    items = [
        p["no_rows_item"].format(
            row=r.row,
            column=_column(r.column, lang),
            value=repr("" if pd.isna(r.value) else str(r.value)),
            reason=_say_text(r.reason, lang),
        )
        for r in rej.head(_FIRST_PROBLEMS).itertuples(index=False)
    ]
    more = ""
    if len(rej) > _FIRST_PROBLEMS:
        more = "\n  " + p["rejected_more"].format(n=len(rej) - _FIRST_PROBLEMS)
    head = p["no_rows"].format(
        source=report.source,
        n_rejected=report.rows_rejected,
        n_read=report.rows_read,
        ignored=ignored,
    )
    listed = "".join(f"\n  - {item}" for item in items)
    return f"{head}{p['no_rows_first']}{listed}{more}\n{p['no_rows_fix']}"


def _rejected_summary(report: Any, lang: str) -> str:
    p = PHRASES[lang]
    rej = report.rejected
    if not report.rows_rejected or rej is None or len(rej) == 0:
        return ""
    # translate each distinct column and reason once (a big file repeats them)
    columns = {c: _column(c, lang) for c in rej["column"].dropna().unique()}
    reasons = {r: _say_text(r, lang) for r in rej["reason"].dropna().unique()}
    rej = rej.assign(column=rej["column"].map(columns), reason=rej["reason"].map(reasons))
    counts = (
        rej.groupby(["column", "reason"], sort=False, dropna=False)
        .size()
        .reset_index(name="n")
        .sort_values("n", ascending=False)
    )
    counts.columns = [p["column"], p["reason"], p["rows"]]
    first = rej.head(10)[["row", "column", "value", "reason"]]
    first.columns = [p["row"], p["column"], p["value"], p["reason"]]
    more = ""
    if len(rej) > 10:
        more = f"<p class='muted'>{_esc(p['rejected_more'].format(n=len(rej) - 10))}</p>"
    return (
        f"<h3>{p['rejected_h']}</h3>{_table(counts, numeric=(p['rows'],))}{_table(first)}"
        f"{more}<p><b>{p['rejected_fix']}</b></p>"
    )


def _assoc_words(row: Any, lang: str) -> str:
    p = PHRASES[lang]
    x = _label(row.predictor, lang)
    when = p["same_day"] if row.lag == 0 else p["next_day"] if row.lag == 1 else None
    when = when or p["after_k"].format(k=row.lag)
    suffix = "0" if row.lag == 0 else ""
    if row.ci95_low > 0:
        key = "assoc_up"
    elif row.ci95_high < 0:
        key = "assoc_down"
    else:
        key = "assoc_none"
    return p[key + suffix].format(x=x, when=when)


def _sections(
    diary: pd.DataFrame, report: Any, *, lang: str, progress: Progress | None
) -> list[tuple[str, str]]:
    """Compute and draw; return ``(heading, html)`` per section."""
    from . import plot, stats
    from .classify import classify
    from .validate import data_quality

    p = PHRASES[lang]
    say = progress or (lambda _msg: None)
    out: list[tuple[str, str]] = []

    q = data_quality(diary).iloc[0]
    # the period counts days with a pain score, as the monthly table does
    pain_days = diary.loc[diary["pain"].notna(), "date"].sort_values()
    first, last = pain_days.iloc[0], pain_days.iloc[-1]
    span = int((last - first).days) + 1
    gaps = pain_days.diff().dt.days.dropna() - 1
    period = p["period"].format(
        start=_day(first, lang),
        end=_day(last, lang),
        span=span,
        recorded=len(pain_days),
        pct=100 * len(pain_days) / span,
        gap=int(gaps.max()) if len(gaps) else 0,
    )
    avg = p["pain_avg"].format(
        mean=_fmt(q["pain_mean"], ".1f", lang),
        min=_pain(q["pain_min"], lang),
        max=_pain(q["pain_max"], lang),
    )
    out.append((p["period_h"], f"<p>{period}</p><p>{avg}</p>"))

    parts = report.parts or [report]
    quality = "".join(
        "<p>"
        + p["quality"].format(
            source=f"<code>{_esc(r.source)}</code>",
            format=_esc(_NL_FORMATS.get(r.format, r.format) if lang == "nl" else r.format),
            read=r.rows_read,
            kept=r.rows_kept,
            merged=r.rows_merged,
            ignored=r.rows_ignored,
            rejected=r.rows_rejected,
        )
        + "</p>"
        for r in parts
    )
    notes = [_say_text(n, lang) for n in report.notes]
    notes += [f"{r.source}: {_say_text(n, lang)}" for r in report.parts for n in r.notes]
    notes += [f"{_say_ignored(k, lang)}: {v}" for k, v in report.ignored.items()]
    if notes:
        items = "".join(f"<li>{_esc(n)}</li>" for n in notes)
        quality += f"<p class='muted'>{p['reader_notes']}:</p><ul class='muted'>{items}</ul>"
    quality += _rejected_summary(report, lang)
    out.append((p["quality_h"], quality))

    say("classifying")
    row = classify(diary).iloc[0]
    text = f"<p>{p['class_def']}</p><p>{explain_class(row, lang=lang)}</p>"
    text += f"<p class='muted'>{p['not_diagnosis']}</p>"
    out.append((p["class_h"], text))

    monthly = monthly_summary(diary)
    table = pd.DataFrame(
        {
            p["month"]: [f"{_MONTHS[lang][m.month - 1]} {m.year}" for m in monthly["month"]],
            p["days_filled"]: monthly["days_recorded"],
            p["mean_pain"]: [_fmt(v, ".1f", lang) for v in monthly["pain_mean"]],
            p["max_pain"]: [_fmt(v, ".1f", lang) for v in monthly["pain_max"]],
            p["days_with_pain"]: monthly["days_with_pain"],
        }
    )
    out.append((p["trend_h"], _table(table, numeric=tuple(table.columns[1:]))))

    if len(diary) >= _MIN_DAYS_FIGURE:
        say("drawing the overview")
        fig = plot.dashboard(diary, lang=lang, figsize=(13, 15))
        out.append((p["overview_h"], _img(_png(fig), p["overview_alt"])))
    else:
        out.append((p["overview_h"], f"<p>{p['too_short'].format(n=_MIN_DAYS_FIGURE)}</p>"))

    cols = [c for c in ("date", "pain", "tags", "notes") if c in diary.columns]
    worst = diary.nlargest(7, "pain")[cols].sort_values("date")
    # a text column no shown day fills in would be an empty column: drop it
    cols = [c for c in cols if c in ("date", "pain") or worst[c].notna().any()]
    worst = worst[cols].assign(
        date=[_day(d, lang) for d in worst["date"]],
        pain=[_fmt(v, ".1f", lang) for v in worst["pain"]],
    )
    if "tags" in cols:
        from .plot import _tag_label

        worst["tags"] = [
            "" if pd.isna(t) else ", ".join(_tag_label(x, lang) for x in str(t).split("|"))
            for t in worst["tags"]
        ]
    worst.columns = [p[c] for c in cols]
    noted = "tags" in cols or "notes" in cols
    heading = p["worst_h"] if noted else p["worst_h_plain"]
    out.append((heading, _table(worst, numeric=(p["pain"],))))

    say("computing associations")
    assoc = stats.correlate(diary, lags=(0, 1))
    finite = pd.to_numeric(assoc["r"], errors="coerce").notna()
    within = assoc[(assoc["level"] == "within") & finite].reset_index(drop=True)
    if len(within):
        lines = pd.DataFrame(
            {
                p["verdict"]: [_assoc_words(r, lang) for r in within.itertuples()],
                "r": [_fmt(v, "+.2f", lang) for v in within["r"]],
                p["ci"]: [
                    ""
                    if pd.isna(lo) or pd.isna(hi)
                    else f"{_fmt(lo, '+.2f', lang)} .. {_fmt(hi, '+.2f', lang)}"
                    for lo, hi in zip(within["ci95_low"], within["ci95_high"], strict=True)
                ],
                "n": within["n_obs"],
            }
        )
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(8, 0.45 * len(within) + 1.5), layout="constrained")
        plot.associations(within, lang=lang, ax=ax)
        body = (
            f"<p>{p['assoc_intro']}</p>{_table(lines, numeric=('r', 'n'))}"
            f"{_img(_png(fig), p['assoc_alt'])}"
        )
    else:
        body = f"<p>{p['assoc_empty']}</p>"
    out.append((p["assoc_h"], body + f"<p class='caveat'>{p['caveat']}</p>"))

    say("what helps")
    has_tags = "tags" in diary.columns and diary["tags"].notna().any()
    if has_tags:
        helps = stats.what_helps(diary, lag=1)
        from .plot import _tag_label

        table = pd.DataFrame(
            {
                p["tag"]: [_tag_label(t, lang) for t in helps["tag"]],
                p["days_with"]: helps["n_days_with"],
                p["difference"]: [
                    "" if pd.isna(v) else _fmt(v, "+.1f", lang) for v in helps["diff"]
                ],
                p["ci"]: [
                    "" if pd.isna(lo) else f"{_fmt(lo, '+.1f', lang)} .. {_fmt(hi, '+.1f', lang)}"
                    for lo, hi in zip(helps["ci95_low"], helps["ci95_high"], strict=True)
                ],
                p["verdict"]: [p.get(v, v) for v in helps["verdict"]],
            }
        )
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(8, 0.5 * len(helps) + 1.5), layout="constrained")
        plot.what_helps(helps, lang=lang, ax=ax)
        body = (
            f"<p>{p['helps_intro']}</p>"
            f"{_table(table, numeric=(p['days_with'], p['difference'], p['ci']))}"
            f"{_img(_png(fig), p['helps_alt'])}"
        )
    else:
        body = f"<p>{p['helps_empty']}</p>"
    out.append((p["helps_h"], body + f"<p class='caveat'>{p['caveat']}</p>"))
    return out


# ------------------------------------------------------------------ public
def render_report(
    diaries: Any,
    *,
    lang: str = "en",
    subject: str | None = None,
    standalone: bool = True,
    progress: Progress | None = None,
    pain_scale: float = 10,
    dayfirst: bool | None = None,
) -> str:
    """Build the patient report as one HTML string.

    Parameters
    ----------
    diaries : path, list of paths, bytes, file object or pandas.DataFrame
        Anything :func:`backpain.read_diary` reads (several files are merged).
    lang : {"en", "nl"}
        Language of every text and figure label.
    subject : str, optional
        The person to report on; needed when the diary holds several. For a
        file without a subject column it is also the name shown.
    standalone : bool, default True
        A whole HTML document (``<!DOCTYPE html>`` with inline style); False
        gives an HTML fragment (a ``<div>``) to embed in a page.
    progress : callable, optional
        Called with a short message (``"reading diary.csv (2.1 MB)"``,
        ``"classifying"``, ...) at the start of each step.
    pain_scale : {10, 100}
        Scale of the diary's pain values (passed to :func:`backpain.read_diary`;
        100 divides them by 10). ``--pain-scale`` on the command line.
    dayfirst : bool, optional
        Order of numeric dates such as ``03/04/2026``: True for
        day-month-year, False for month-day-year; default: inferred from the
        column (passed to :func:`backpain.read_diary`). ``--dayfirst`` /
        ``--monthfirst`` on the command line.

    Returns
    -------
    str
        The HTML. Figures are base64 PNG; no script, link or network address.

    Raises
    ------
    DiaryError
        When the file cannot be read (the reader's message), or when no row
        is usable: the message (in ``lang``) gives the number of rejected
        rows, the first few with their row number and reason, and says to fix
        them in the spreadsheet.
    ValueError
        For an unknown ``lang``, a ``subject`` not in the diary, several
        subjects without ``subject=``, or a diary without pain values.

    Notes
    -----
    Sections: period covered (:func:`backpain.data_quality`), data quality
    (the :class:`~backpain.LoadReport` counts and the rejected rows by
    reason), duration class in plain words (:func:`explain_class`; a
    censored onset is a lower bound), pain per month (:func:`monthly_summary`),
    the dashboard (:func:`backpain.plot.dashboard`), the most painful days with
    their notes, within-person associations (:func:`backpain.stats.correlate`,
    lags 0 and 1) and what helps (:func:`backpain.stats.what_helps`, next
    day), each with the association-is-not-cause caveat.

    The period and the monthly table count the same days: days with a pain
    score. In Dutch, numbers have a decimal comma and the reader's notes and
    rejection reasons (English in :class:`~backpain.LoadReport`) are
    translated by a table of patterns; a text no pattern matches is shown in
    English, never dropped.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> page = render_report(simulate_cohort(1, 120, seed=3), lang="nl")
    >>> page.startswith("<!DOCTYPE html>"), "Hoe lang duurt de pijn al?" in page
    (True, True)
    """
    from . import __version__

    _check_lang(lang)
    p = PHRASES[lang]
    options: dict[str, Any] = {}
    if pain_scale != 10:
        options["pain_scale"] = pain_scale
    if dayfirst is not None:
        options["dayfirst"] = dayfirst
    diary, report = _read(diaries, subject, progress, lang=lang, options=options)
    name = str(diary["subject"].iloc[0])
    sections = _sections(diary, report, lang=lang, progress=progress)
    intro = p["intro"].format(version=__version__, today=_day(date.today(), lang))
    body = "".join(f"<h2>{html.escape(h)}</h2>\n{b}\n" for h, b in sections)
    content = (
        f"<h1>{p['title']}</h1><p><b>{_esc(p['for'].format(subject=name))}</b></p>"
        f"<p class='muted'>{intro}</p>\n{body}<hr><p class='muted'>{p['footer']}</p>"
    )
    if progress is not None:
        progress("done")
    if not standalone:
        return f"<div class='backpain-report' lang='{lang}'>{content}</div>"
    title = _esc(f"{p['title']}: {name}")
    return (
        f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{title}</title><style>{_CSS}</style></head>\n<body>\n{content}\n</body></html>\n"
    )


def write_report(
    diaries: Any,
    path: str | Path,
    *,
    lang: str = "en",
    subject: str | None = None,
    progress: Progress | None = None,
    pain_scale: float = 10,
    dayfirst: bool | None = None,
) -> Path:
    """Write the patient report to one self-contained HTML file.

    Parameters
    ----------
    diaries : path, list of paths, bytes, file object or pandas.DataFrame
        Anything :func:`backpain.read_diary` reads.
    path : str or Path
        The HTML file to write (its folder must exist).
    lang, subject, progress, pain_scale, dayfirst
        As in :func:`render_report`.

    Returns
    -------
    pathlib.Path
        ``path``, written as UTF-8.

    Notes
    -----
    See :func:`render_report` for the sections. The file needs nothing but a
    browser: it can be opened offline, printed or sent.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from backpain.simulate import simulate_cohort
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "report.html"
    >>> write_report(simulate_cohort(1, 90, seed=5), out).stat().st_size > 10_000
    True
    """
    text = render_report(
        diaries,
        lang=lang,
        subject=subject,
        progress=progress,
        pain_scale=pain_scale,
        dayfirst=dayfirst,
    )
    path = Path(path)
    path.write_text(text, encoding="utf-8")
    return path
