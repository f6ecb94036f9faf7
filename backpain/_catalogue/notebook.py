"""Texts of the notebook area (``backpain.explain``): key -> (English, Dutch).

Each sentence says what a result means, with the result's own numbers; the
notebooks show them after each table or figure.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # p-values in a sentence
    "notebook.p.equal": ("p = {p}", "p = {p}"),
    "notebook.p.below": ("p {p}", "p {p}"),
    "notebook.p.fdr": ("FDR-adjusted {p}", "{p} na FDR-correctie"),
    # data quality
    "notebook.quality": (
        "{n} people kept a diary over a median of {span:.0f} days; on average they filled in "
        "{completeness:.0%} of their days (lowest {lowest:.0%}), and the longest gap in any "
        "diary was {gap} days.",
        "{n} personen hielden een dagboek bij over een mediaan van {span:.0f} dagen; gemiddeld "
        "vulden ze {completeness:.0%} van hun dagen in (laagste {lowest:.0%}), en de langste "
        "onderbreking in een dagboek was {gap} dagen.",
    ),
    # duration classes
    "notebook.rule.acute_weeks": ("shorter than {weeks} weeks", "korter dan {weeks} weken"),
    "notebook.rule.acute_days": ("{days} days or shorter", "{days} dagen of korter"),
    "notebook.rule.subacute_weeks": ("{low} to {high} weeks", "{low} tot {high} weken"),
    "notebook.rule.subacute_days": ("{low} to {high} days", "{low} tot {high} dagen"),
    "notebook.rule.chronic_weeks": ("longer than {weeks} weeks", "langer dan {weeks} weken"),
    "notebook.rule.chronic_days": ("longer than {days} days", "langer dan {days} dagen"),
    "notebook.classes": (
        "{n_chronic} of {n} people ({pct:.0f}%) have chronic pain ({chronic}); "
        "{n_subacute} have subacute pain ({subacute}) and {n_acute} acute pain ({acute}).",
        "{n_chronic} van de {n} personen ({pct:.0f}%) hebben chronische pijn ({chronic}); "
        "{n_subacute} hebben subacute pijn ({subacute}) en {n_acute} acute pijn ({acute}).",
    ),
    "notebook.classes.unclassified": (
        "{n} more are not in a pain episode at the end of their diary and have no class.",
        "Nog {n} personen zitten op het einde van hun dagboek niet in een pijnperiode en "
        "hebben geen klasse.",
    ),
    "notebook.classes.too_few": (
        "{n} more have too few entries to tell how long their pain has lasted (entries in "
        "fewer than half of the weeks that would decide the class, or none that show whether "
        "the pain stopped) and have no class.",
        "Nog {n} personen hebben te weinig invullingen om te zeggen hoe lang hun pijn al duurt "
        "(invullingen in minder dan de helft van de weken die de klasse zouden bepalen, of "
        "geen die tonen of de pijn stopte) en hebben geen klasse.",
    ),
    "notebook.classes.censored": (
        "For {n} people the diary starts in pain (or a long stretch without entries comes "
        "before the onset), so their duration is only a lower bound and their class may be "
        "too low.",
        "Bij {n} personen begint het dagboek met pijn (of gaat een lange periode zonder "
        "invullingen aan het begin van de pijn vooraf): hun duur is dan alleen een ondergrens en hun "
        "klasse is misschien te laag.",
    ),
    "notebook.classes.nih": (
        "{n} meet the NIH Task Force research definition of chronic low back pain (back pain "
        "a problem for at least 3 months, with pain on at least half the days of the past 6 "
        "months); for {undecided} "
        "it cannot be decided.",
        "{n} voldoen aan de onderzoeksdefinitie van chronische lage rugpijn van de NIH Task "
        "Force (rugpijn die al minstens 3 maanden een probleem is, met "
        "pijn op minstens de helft van de dagen van de laatste 6 maanden); bij {undecided} valt dat niet te beslissen.",
    ),
    "notebook.classes.nih_all": (
        "{n} meet the NIH Task Force research definition of chronic low back pain (back pain "
        "a problem for at least 3 months, with pain on at least half the days of the past 6 "
        "months).",
        "{n} voldoen aan de onderzoeksdefinitie van chronische lage rugpijn van de NIH Task "
        "Force (rugpijn die al minstens 3 maanden een probleem is, met "
        "pijn op minstens de helft van de dagen van de laatste 6 maanden).",
    ),
    "notebook.classes.by_definition": (
        "Chronic by each research definition of the duration: {items}.",
        "Chronisch volgens elke onderzoeksdefinitie van de duur: {items}.",
    ),
    "notebook.classes.definition": ("{name} ({rule}) {n}", "{name} ({rule}) {n}"),
    # correlations (backpain.stats.correlate)
    "notebook.finding.tag": ("{tag}: {verdict}", "{tag}: {verdict}"),
    "notebook.corr.stats": (
        "r = {r:.2f}, 95% CI {low:.2f} to {high:.2f}, {p}",
        "r = {r:.2f}, 95%-BI {low:.2f} tot {high:.2f}, {p}",
    ),
    "notebook.corr.higher": ("higher", "hoger"),
    "notebook.corr.lower": ("lower", "lager"),
    "notebook.corr.more": ("more", "meer"),
    "notebook.corr.less": ("less", "minder"),
    "notebook.corr.within0": (
        "{x!V}, within a person: on days above their own average, pain is {dir} ({stats}).",
        "{x!V}, binnen een persoon: op dagen boven het eigen gemiddelde is de pijn {dir} "
        "({stats}).",
    ),
    "notebook.corr.within1": (
        "{x!V}, within a person: on the day after a day above their own average, pain is "
        "{dir} ({stats}).",
        "{x!V}, binnen een persoon: op de dag na een dag boven het eigen gemiddelde is de pijn "
        "{dir} ({stats}).",
    ),
    "notebook.corr.withink": (
        "{x!V}, within a person: {k} days after a day above their own average, pain is "
        "{dir} ({stats}).",
        "{x!V}, binnen een persoon: {k} dagen na een dag boven het eigen gemiddelde is de pijn "
        "{dir} ({stats}).",
    ),
    "notebook.corr.none0": (
        "{x!V}, within a person: no clear link with pain on the same day ({stats}).",
        "{x!V}, binnen een persoon: geen duidelijk verband met de pijn op dezelfde dag ({stats}).",
    ),
    "notebook.corr.none1": (
        "{x!V}, within a person: no clear link with pain the day after ({stats}).",
        "{x!V}, binnen een persoon: geen duidelijk verband met de pijn de dag erna ({stats}).",
    ),
    "notebook.corr.nonek": (
        "{x!V}, within a person: no clear link with pain {k} days later ({stats}).",
        "{x!V}, binnen een persoon: geen duidelijk verband met de pijn {k} dagen later ({stats}).",
    ),
    "notebook.corr.between": (
        "{x!V}, between persons: people with a higher average have {dir} pain on average "
        "({stats}).",
        "{x!V}, tussen personen: wie gemiddeld hoger scoort, heeft gemiddeld {dir} pijn ({stats}).",
    ),
    "notebook.corr.between_none": (
        "{x!V}, between persons: no clear link between a person's average and their average "
        "pain ({stats}).",
        "{x!V}, tussen personen: geen duidelijk verband tussen iemands gemiddelde en zijn of "
        "haar gemiddelde pijn ({stats}).",
    ),
    # mixed model (backpain.mixed_model)
    "notebook.model.stats": (
        "95% CI {low:.2f} to {high:.2f}, {p}",
        "95%-BI {low:.2f} tot {high:.2f}, {p}",
    ),
    "notebook.model.unclear": (
        ": not clearly different from no change",
        ": niet duidelijk verschillend van geen verandering",
    ),
    "notebook.model.within0": (
        "Within a person, a day with {more} than usual goes with {effect:.2f} points {dir} "
        "pain ({stats}){unclear}.",
        "Binnen een persoon gaat een dag met {more} dan gewoonlijk samen met {effect:.2f} "
        "punten {dir} pijn ({stats}){unclear}.",
    ),
    "notebook.model.withink": (
        "Within a person, {k} day(s) after a day with {more} than usual, pain is "
        "{effect:.2f} points {dir} ({stats}){unclear}.",
        "Binnen een persoon is de pijn {k} dag(en) na een dag met {more} dan gewoonlijk "
        "{effect:.2f} punten {dir} ({stats}){unclear}.",
    ),
    "notebook.model.between": (
        "Between persons, someone with on average {more} than another person has on "
        "average {effect:.2f} points {dir} pain ({stats}){unclear}.",
        "Tussen personen heeft iemand met gemiddeld {more} dan een ander gemiddeld "
        "{effect:.2f} punten {dir} pijn ({stats}){unclear}.",
    ),
    "notebook.model.icc": (
        "{icc:.0%} of the variation in pain lies between persons (intraclass correlation); "
        "the model uses {n_obs:,} days from {n_subjects} persons.",
        "{icc:.0%} van de variatie in pijn ligt tussen personen (intraklassecorrelatie); het "
        "model gebruikt {n_obs:,} dagen van {n_subjects} personen.",
    ),
    # the survey
    "notebook.survey.odi": (
        "Oswestry Disability Index: mean {mean:.0f} out of 100 (SD {sd:.0f}) in {n} people; "
        "by band: {bands}.",
        "Oswestry Disability Index: gemiddeld {mean:.0f} op 100 (SD {sd:.0f}) bij {n} "
        "personen; per klasse: {bands}.",
    ),
    "notebook.survey.band": ("{band} {n}", "{band} {n}"),
    "notebook.odi.minimal": ("minimal", "minimaal"),
    "notebook.odi.moderate": ("moderate", "matig"),
    "notebook.odi.severe": ("severe", "ernstig"),
    "notebook.odi.crippled": ("crippled", "invaliderend"),
    "notebook.odi.bed-bound": ("bed-bound", "bedlegerig"),
    "notebook.survey.startback": (
        "STarT Back: of {n} people, {low} are at low risk, {medium} at medium risk and "
        "{high} at high risk of a poor outcome.",
        "STarT Back: van de {n} personen hebben er {low} een laag, {medium} een gemiddeld en "
        "{high} een hoog risico op een slecht verloop.",
    ),
    "notebook.survey.agreement": (
        "Survey and diary give the same duration class for {same} of the {n} people with "
        "both ({pct:.0f}%); the survey gives a longer class for {longer} and a shorter one "
        "for {shorter}.",
        "Vragenlijst en dagboek geven dezelfde duurklasse bij {same} van de {n} personen met "
        "beide ({pct:.0f}%); de vragenlijst geeft een langere klasse bij {longer} en een "
        "kortere bij {shorter}.",
    ),
    "notebook.survey.link": (
        "People with a higher {x} have a {dir} mean diary pain ({stats}, n = {n}).",
        "Wie een hogere {x} heeft, heeft een {dir} gemiddelde pijn in het dagboek ({stats}, "
        "n = {n}).",
    ),
    "notebook.survey.link_none": (
        "No clear link between {x} and mean diary pain ({stats}, n = {n}).",
        "Geen duidelijk verband tussen {x} en de gemiddelde pijn in het dagboek ({stats}, "
        "n = {n}).",
    ),
    "notebook.score.odi_score": ("disability score (ODI)", "beperkingsscore (ODI)"),
    "notebook.score.rmdq_score": ("Roland-Morris score (RMDQ)", "Roland-Morrisscore (RMDQ)"),
    "notebook.score.peg_score": ("PEG score", "PEG-score"),
    "notebook.score.sbst_total": ("STarT Back score", "STarT Back-score"),
    # the patient notebook's steps
    "notebook.guide.source": (
        "The diary to read: your own file, or the bundled Dutch example.",
        "Het dagboek: je eigen bestand, of het meegeleverde voorbeeld.",
    ),
    "notebook.guide.read": (
        "Reading the diary and computing everything once: which rows were used, how long the "
        "pain has lasted, the months, and what went together with your pain.",
        "Het dagboek wordt gelezen en alles wordt één keer berekend: welke rijen gebruikt "
        "zijn, hoe lang de pijn al duurt, de maanden, en wat samenging met je pijn.",
    ),
    "notebook.guide.report": (
        "Your report: what was read (and why rows were left out), how long the pain has "
        "lasted, the figures and the tables.",
        "Je rapport: wat er gelezen is (en waarom rijen zijn weggelaten), hoe lang de pijn al "
        "duurt, de figuren en de tabellen.",
    ),
    "notebook.guide.take": (
        "To take this report to your physiotherapist or GP as one file, type "
        "`backpain report diary.csv -o report.html --lang en` in a terminal, or run "
        "`backpain app` for the upload page.",
        "Om dit rapport als één bestand mee te nemen naar je kinesist of huisarts, typ "
        "`backpain report dagboek.csv -o rapport.html --lang nl` in een terminal, of start "
        "`backpain app` voor de uploadpagina.",
    ),
}
