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
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

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
            "From {start} to {end}: {span} calendar days, of which {recorded} were filled "
            "in ({pct:.0f}%). Longest gap: {gap} day(s) in a row not filled in."
        ),
        "pain_avg": "Average pain {mean:.1f} out of 10 (lowest {min:.0f}, highest {max:.0f}).",
        "quality_h": "Data quality",
        "quality": (
            "The file {source} (read as {format}): {read} rows read, {kept} kept, "
            "{merged} combined with another row of the same day, {ignored} ignored, "
            "{rejected} rejected."
        ),
        "rejected_h": "Rows that were not used, and why",
        "rejected_more": "... and {n} more rejected rows.",
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
            "days ({weeks:.0f} weeks) on {as_of}. That is <b>{cls}</b> back pain."
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
            "The diary shows {n} flare(s): days with pain at least 2 points above your "
            "usual level (the median of the 4 weeks before)."
        ),
        "acute": "acute",
        "subacute": "subacute",
        "chronic": "chronic",
        "acute_adj": "acute",
        "subacute_adj": "subacute",
        "chronic_adj": "chronic",
        "trend_h": "Pain month by month",
        "month": "month",
        "days_filled": "days filled in",
        "mean_pain": "average pain",
        "max_pain": "highest pain",
        "days_with_pain": "days with pain",
        "overview_h": "Overview",
        "overview_alt": "Diary overview: pain, stress, sleep and activity over time",
        "too_short": "The diary is too short for the overview figure (fewer than {n} days).",
        "worst_h": "The days with the most pain, and your notes",
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
            "Van {start} tot {end}: {span} kalenderdagen, waarvan {recorded} ingevuld "
            "({pct:.0f}%). Langste onderbreking: {gap} dag(en) na elkaar niet ingevuld."
        ),
        "pain_avg": "Gemiddelde pijn {mean:.1f} op 10 (laagste {min:.0f}, hoogste {max:.0f}).",
        "quality_h": "Kwaliteit van de gegevens",
        "quality": (
            "Het bestand {source} (gelezen als {format}): {read} rijen gelezen, {kept} "
            "gebruikt, {merged} samengevoegd met een andere rij van dezelfde dag, "
            "{ignored} overgeslagen, {rejected} geweigerd."
        ),
        "rejected_h": "Rijen die niet gebruikt zijn, en waarom",
        "rejected_more": "... en nog {n} geweigerde rijen.",
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
            "{days} dagen ({weeks:.0f} weken). Dat is <b>{cls}</b> rugpijn."
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
            "Het dagboek toont {n} opvlamming(en): dagen met pijn minstens 2 punten boven "
            "je gewone niveau (de mediaan van de 4 weken ervoor)."
        ),
        "acute": "acuut",
        "subacute": "subacuut",
        "chronic": "chronisch",
        "acute_adj": "acute",
        "subacute_adj": "subacute",
        "chronic_adj": "chronische",
        "trend_h": "Pijn per maand",
        "month": "maand",
        "days_filled": "dagen ingevuld",
        "mean_pain": "gemiddelde pijn",
        "max_pain": "hoogste pijn",
        "days_with_pain": "dagen met pijn",
        "overview_h": "Overzicht",
        "overview_alt": "Overzicht van het dagboek: pijn, stress, slaap en activiteit in de tijd",
        "too_short": "Het dagboek is te kort voor de overzichtsfiguur (minder dan {n} dagen).",
        "worst_h": "De dagen met de meeste pijn, en je notities",
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
td.num{text-align:right}img{max-width:100%;height:auto}
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


# ------------------------------------------------------------- compute parts
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
                weeks=float(row["duration_weeks"]),
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
        parts.append(p["flares"].format(n=int(row["n_flares"])))
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


def _read(diaries: Any, subject: str | None, progress: Progress | None) -> tuple[Any, Any]:
    from .read import read_diary

    if progress is not None:
        items = diaries if isinstance(diaries, (list, tuple)) else [diaries]
        for item in items:
            if isinstance(item, (str, Path)) and Path(item).is_file():
                size = Path(item).stat().st_size / 1e6
                progress(f"reading {Path(item).name} ({size:.1f} MB)")
            else:
                progress("reading the diary")
    diary, report = read_diary(diaries, subject=subject, return_report=True)
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


def _rejected_summary(report: Any, lang: str) -> str:
    p = PHRASES[lang]
    rej = report.rejected
    if not report.rows_rejected or rej is None or len(rej) == 0:
        return ""
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
    return f"<h3>{p['rejected_h']}</h3>{_table(counts, numeric=(p['rows'],))}{_table(first)}{more}"


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
    period = p["period"].format(
        start=_day(q["first_day"], lang),
        end=_day(q["last_day"], lang),
        span=int(q["span_days"]),
        recorded=int(q["days_recorded"]),
        pct=100 * float(q["completeness"]),
        gap=int(q["longest_gap_days"]),
    )
    avg = p["pain_avg"].format(mean=q["pain_mean"], min=q["pain_min"], max=q["pain_max"])
    out.append((p["period_h"], f"<p>{period}</p><p>{avg}</p>"))

    parts = report.parts or [report]
    quality = "".join(
        "<p>"
        + p["quality"].format(
            source=f"<code>{_esc(r.source)}</code>",
            format=_esc(r.format),
            read=r.rows_read,
            kept=r.rows_kept,
            merged=r.rows_merged,
            ignored=r.rows_ignored,
            rejected=r.rows_rejected,
        )
        + "</p>"
        for r in parts
    )
    notes = [*report.notes, *(f"{k}: {v}" for k, v in report.ignored.items())]
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
            p["mean_pain"]: monthly["pain_mean"].map("{:.1f}".format),
            p["max_pain"]: monthly["pain_max"].map("{:.0f}".format),
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
    worst = worst.assign(
        date=[_day(d, lang) for d in worst["date"]],
        pain=worst["pain"].map("{:.0f}".format),
    )
    if "tags" in cols:
        from .plot import _tag_label

        worst["tags"] = [
            "" if pd.isna(t) else ", ".join(_tag_label(x, lang) for x in str(t).split("|"))
            for t in worst["tags"]
        ]
    worst.columns = [p[c] for c in cols]
    out.append((p["worst_h"], _table(worst, numeric=(p["pain"],))))

    say("computing associations")
    assoc = stats.correlate(diary, lags=(0, 1))
    finite = pd.to_numeric(assoc["r"], errors="coerce").notna()
    within = assoc[(assoc["level"] == "within") & finite].reset_index(drop=True)
    if len(within):
        lines = pd.DataFrame(
            {
                p["verdict"]: [_assoc_words(r, lang) for r in within.itertuples()],
                "r": within["r"].map("{:+.2f}".format),
                p["ci"]: [
                    f"{lo:+.2f} .. {hi:+.2f}"
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
                p["difference"]: helps["diff"].map(lambda v: "" if pd.isna(v) else f"{v:+.1f}"),
                p["ci"]: [
                    "" if pd.isna(lo) else f"{lo:+.1f} .. {hi:+.1f}"
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

    Returns
    -------
    str
        The HTML. Figures are base64 PNG; no script, link or network address.

    Raises
    ------
    DiaryError
        When the file cannot be read (the reader's message).
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
    diary, report = _read(diaries, subject, progress)
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
) -> Path:
    """Write the patient report to one self-contained HTML file.

    Parameters
    ----------
    diaries : path, list of paths, bytes, file object or pandas.DataFrame
        Anything :func:`backpain.read_diary` reads.
    path : str or Path
        The HTML file to write (its folder must exist).
    lang, subject, progress
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
    text = render_report(diaries, lang=lang, subject=subject, progress=progress)
    path = Path(path)
    path.write_text(text, encoding="utf-8")
    return path
