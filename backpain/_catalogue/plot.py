"""Texts of the plot area: key -> (English, Dutch).

Figure labels, legends, panel titles and the sentences a panel shows when it
cannot be drawn. Month and weekday abbreviations are those of the date axes
and the calendar; tag names are the tags of the example diaries.
"""

from __future__ import annotations

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_NL = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAYS_NL = ("ma", "di", "wo", "do", "vr", "za", "zo")
_TAGS = {
    "physiotherapy": "fysiotherapie",
    "heat": "warmte",
    "exercise": "oefeningen",
    "medication": "medicatie",
    "walking": "wandelen",
    "rest": "rust",
    "work": "werk",
    "massage": "massage",
    "yoga": "yoga",
    "swimming": "zwemmen",
}

TEXTS: dict[str, tuple[str, str]] = {
    # timeline
    "plot.flare": ("flare", "opvlamming"),
    "plot.episode": ("pain episode", "pijnepisode"),
    "plot.score": ("Score (0-10)", "Score (0-10)"),
    # calendar
    "plot.not_recorded": ("not recorded", "niet ingevuld"),
    "plot.calendar_title": ("Daily {name!v}", "{name!V} per dag"),
    # scatter_within
    "plot.centred": ("{label}, minus own mean", "{label}, min eigen gemiddelde"),
    "plot.fit": ("within-person slope", "helling binnen personen"),
    "plot.per_person": ("per person", "per persoon"),
    "plot.r_rm": (
        "r_rm = {r:.2f}\n{n_subjects:,} people, {n_obs:,} days",
        "r_rm = {r:.2f}\n{n_subjects:,} personen, {n_obs:,} dagen",
    ),
    "plot.r_rm_one": (
        "r_rm = {r:.2f}\n1 person, {n_obs:,} days",
        "r_rm = {r:.2f}\n1 persoon, {n_obs:,} dagen",
    ),
    "plot.link_up": (
        "On days with a higher {x!v} score\nthan usual, {y!v} was higher ({n_obs:,} days)",
        "Op dagen met een hogere score voor {x!v}\ndan gewoonlijk was de {y!v} hoger ({n_obs:,} dagen)",
    ),
    "plot.link_down": (
        "On days with a higher {x!v} score\nthan usual, {y!v} was lower ({n_obs:,} days)",
        "Op dagen met een hogere score voor {x!v}\ndan gewoonlijk was de {y!v} lager ({n_obs:,} dagen)",
    ),
    "plot.link_none": (
        "No clear link between {x!v}\nand {y!v} from day to day ({n_obs:,} days)",
        "Geen duidelijk verband tussen {x!v}\nen {y!v} van dag tot dag ({n_obs:,} dagen)",
    ),
    "plot.link_untested": (
        "{x!V} and {y!v} could not be compared\nfrom day to day ({n_obs:,} days)",
        "{x!V} en {y!v} konden niet van dag tot dag\nvergeleken worden ({n_obs:,} dagen)",
    ),
    "plot.effect_axis_plain": (
        "Change in {y!v} per step\n(bar: 95% range)",
        "Verandering in {y!v} per stap\n(streep: 95%-bereik)",
    ),
    "plot.mark.clear": ("clear link", "duidelijk verband"),
    "plot.mark.unclear": ("no clear link", "geen duidelijk verband"),
    "plot.interval_note": (
        "Colour or fill: the verdict after testing all links together. Bars: 95% range of each link on its own.",
        "Kleur of vulling: het oordeel na het samen toetsen van alle verbanden. Strepen: 95%-bereik van elk verband apart.",
    ),
    # lags
    "plot.lag_axis": (
        "Lag (days that {x!v} comes before {y!v})",
        "Vertraging (dagen dat {x!v} voorafgaat aan {y!v})",
    ),
    "plot.lag_axis_many": (
        "Lag (days that each variable comes before {y!v})",
        "Vertraging (dagen dat elke variabele voorafgaat aan {y!v})",
    ),
    "plot.lag_axis_plain": (
        "Days before the {y!v} (0 = the same day)",
        "Dagen voor de {y!v} (0 = dezelfde dag)",
    ),
    "plot.r_within": ("Within-person r (95% CI)", "r binnen personen (95%-BI)"),
    "plot.link_axis_plain": (
        "How closely it goes with {y!v}\n(-1 to +1, bar: likely range)",
        "Hoe sterk het samengaat met {y!v}\n(-1 tot +1, streep: waarschijnlijk bereik)",
    ),
    "plot.lags_title": ("{y!V} and {x!v}, by lag", "{y!V} en {x!v}, per vertraging"),
    "plot.lags_title_plain": (
        "What went with {y!v}, and how many days later?",
        "Wat ging samen met {y!v}, en hoeveel dagen later?",
    ),
    # associations
    "plot.level.within": ("within person", "binnen personen"),
    "plot.level.between": ("between persons", "tussen personen"),
    "plot.assoc_r": ("Correlation with {y!v} (r, 95% CI)", "Correlatie met {y!v} (r, 95%-BI)"),
    "plot.assoc_coef": (
        "Change in {y!v} per unit (coefficient, 95% CI)",
        "Verandering in {y!v} per eenheid (coëfficiënt, 95%-BI)",
    ),
    "plot.assoc_row": ("{label}, {lag}", "{label}, {lag}"),
    "plot.lag.same_day": ("same day", "zelfde dag"),
    "plot.lag.day_before": ("day before", "dag ervoor"),
    "plot.lag.days_before": ("{k} days before", "{k} dagen ervoor"),
    # what_helps
    "plot.helps_title": ("What went with less pain?", "Wat ging samen met minder pijn?"),
    "plot.helps_x.any": (
        "Difference in pain\n(days with tag minus days without)",
        "Verschil in pijn\n(dagen met label min dagen zonder)",
    ),
    "plot.helps_x.0": (
        "Difference in pain the same day\n(days with tag minus days without)",
        "Verschil in pijn dezelfde dag\n(dagen met label min dagen zonder)",
    ),
    "plot.helps_x.1": (
        "Difference in pain the next day\n(days with tag minus days without)",
        "Verschil in pijn de dag erna\n(dagen met label min dagen zonder)",
    ),
    "plot.helps_x.k": (
        "Difference in pain {k} days later\n(days with tag minus days without)",
        "Verschil in pijn {k} dagen later\n(dagen met label min dagen zonder)",
    ),
    "plot.tag_days": ("{tag} ({n:,} days)", "{tag} ({n:,} dagen)"),
    "plot.verdict.lower": ("lower pain", "minder pijn"),
    "plot.verdict.higher": ("higher pain", "meer pijn"),
    "plot.verdict.unclear": ("unclear", "onduidelijk"),
    # classes
    "plot.duration": ("Time since onset (log scale)", "Tijd sinds begin (log-schaal)"),
    "plot.duration_lin": ("Time since onset (days)", "Tijd sinds begin (dagen)"),
    "plot.people": ("Number of people", "Aantal personen"),
    "plot.class.acute": ("acute", "acuut"),
    "plot.class.subacute": ("subacute", "subacuut"),
    "plot.class.chronic": ("chronic", "chronisch"),
    "plot.class_count": ("{name}\n{n:,} ({share:.0%})", "{name}\n{n:,} ({share:.0%})"),
    "plot.classes_title": ("Duration classes ({n:,} people)", "Duurklassen ({n:,} personen)"),
    "plot.unknown": (
        "{n:,} without a known onset not shown",
        "{n:,} zonder bekend begin niet getoond",
    ),
    "plot.too_few": (
        "{n:,} with too few entries to tell not shown",
        "{n:,} met te weinig invullingen om het te zeggen niet getoond",
    ),
    "plot.censored": (
        "{n:,} with pain since the diary's start: their duration is a lower bound",
        "{n:,} met pijn vanaf de start van het dagboek: hun duur is een ondergrens",
    ),
    "plot.tick.day": ("{n} d", "{n} d"),
    "plot.tick.week": ("{n} wk", "{n} wk"),
    "plot.tick.month": ("{n} mo", "{n} mnd"),
    "plot.tick.year": ("{n} y", "{n} jr"),
    # dashboard
    "plot.dashboard_title": (
        "Back-pain diary of {subject}, {start} to {end}",
        "Rugpijndagboek van {subject}, {start} tot {end}",
    ),
    "plot.dashboard_title_one_day": (
        "Back-pain diary of {subject}, {start}",
        "Rugpijndagboek van {subject}, {start}",
    ),
    # a panel that cannot be drawn says why
    "plot.empty.not_recorded": (
        "{names} not recorded in this diary",
        "{names} niet bijgehouden in dit dagboek",
    ),
    "plot.empty.no_values": (
        "No {name!v} scores in this diary",
        "Geen scores voor {name!v} in dit dagboek",
    ),
    "plot.empty.few_pairs": (
        "Too few days with both {x!v} and {y!v}\nto compare ({n} of at least {need})",
        "Te weinig dagen met zowel {x!v} als {y!v}\nom te vergelijken ({n} van minstens {need})",
    ),
    "plot.empty.no_links": (
        "Too few days to see what goes with {y!v}",
        "Te weinig dagen om te zien wat samengaat met {y!v}",
    ),
    "plot.empty.not_computed": ("Not computed for this diary", "Niet berekend voor dit dagboek"),
    "plot.empty.no_tags": (
        "No tags in this diary: nothing to compare",
        "Geen labels in dit dagboek: niets om te vergelijken",
    ),
    "plot.empty.few_tag_days": (
        "No tag has enough days with it and without it\nto compare",
        "Geen enkel label heeft genoeg dagen met en zonder\nom te vergelijken",
    ),
    "plot.empty.no_estimates": (
        "Nothing to show: no estimates",
        "Niets te tonen: geen schattingen",
    ),
    "plot.empty.no_durations": (
        "Nothing to show: no known pain durations",
        "Niets te tonen: geen bekende pijnduur",
    ),
}
TEXTS.update(
    {f"plot.month.{i}": pair for i, pair in enumerate(zip(_MONTHS_EN, _MONTHS_NL, strict=True), 1)}
)
TEXTS.update(
    {
        f"plot.weekday.{i}": pair
        for i, pair in enumerate(zip(_WEEKDAYS_EN, _WEEKDAYS_NL, strict=True))
    }
)
TEXTS.update({f"plot.tag.{en}": (en, nl) for en, nl in _TAGS.items()})
