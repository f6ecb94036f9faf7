"""Texts of the change area: key -> (English, Dutch).

The report's section "Has your pain changed?" (:mod:`backpain.report._change`)
and the figure :func:`backpain.plot.pain_change`. Every sentence words a
result of :func:`backpain.pain_change` (its ``grade``, ``direction`` and
``mic`` columns); none decides anything. The thresholds named are IMMPACT's
(Dworkin et al. 2008) and Ostelo et al.'s (2008).
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "change.heading": ("Has your pain changed?", "Is je pijn veranderd?"),
    "change.periods": (
        "Your pain in two periods: from {b0} to {b1} ({n_b} days with a pain score) and from {a0} to {a1} ({n_a} days).",
        "Je pijn in twee periodes: van {b0} tot {b1} ({n_b} dagen met een pijnscore) en van {a0} tot {a1} ({n_a} dagen).",
    ),
    "change.periods_at": (
        "Your pain before {at} (from {b0} to {b1}, {n_b} days with a pain score) and in the last weeks since then (from {a0} to {a1}, {n_a} days).",
        "Je pijn vóór {at} (van {b0} tot {b1}, {n_b} dagen met een pijnscore) en in de laatste weken sindsdien (van {a0} tot {a1}, {n_a} dagen).",
    ),
    "change.levels": (
        "The level of your pain, allowing for good and bad spells, went from {before:.1f} to {after:.1f} out of 10: a change of {change:+.1f} points (95% interval {lo:+.1f} to {hi:+.1f}).",
        "Het niveau van je pijn, rekening houdend met goede en slechte periodes, ging van {before:.1f} naar {after:.1f} op 10: een verandering van {change:+.1f} punten (95%-interval {lo:+.1f} tot {hi:+.1f}).",
    ),
    "change.percent": (
        "That is {pct:+.0f}% (95% interval {pl:+.0f}% to {ph:+.0f}%).",
        "Dat is {pct:+.0f}% (95%-interval {pl:+.0f}% tot {ph:+.0f}%).",
    ),
    "change.no_percent": (
        "Your pain in the first period was too close to 0 to say the change in percent.",
        "Je pijn in de eerste periode lag te dicht bij 0 om de verandering in procent uit te drukken.",
    ),
    "change.grade.lower": (
        "By the IMMPACT thresholds (10% minimally, 30% moderately, 50% substantially important; Dworkin et al. 2008) this is {band} improvement.",
        "Volgens de IMMPACT-drempels (10% minimaal, 30% matig, 50% sterk belangrijk; Dworkin et al. 2008) is dit {band} verbetering.",
    ),
    "change.grade.higher": (
        "By the IMMPACT thresholds (10% minimally, 30% moderately, 50% substantially important; Dworkin et al. 2008, applied here to a rise) this is {band} worsening.",
        "Volgens de IMMPACT-drempels (10% minimaal, 30% matig, 50% sterk belangrijk; Dworkin et al. 2008, hier toegepast op een stijging) is dit {band} verslechtering.",
    ),
    "change.band.minimal": ("a minimally important", "een minimaal belangrijke"),
    "change.band.moderate": ("a moderately important", "een matig belangrijke"),
    "change.band.substantial": ("a substantially important", "een sterk belangrijke"),
    "change.band.at_least_minimal": (
        "at least a minimally important",
        "minstens een minimaal belangrijke",
    ),
    "change.band.at_least_moderate": (
        "at least a moderately important",
        "minstens een matig belangrijke",
    ),
    "change.grade.none": (
        "This is no important change: the whole interval lies within 10% either way (IMMPACT, Dworkin et al. 2008).",
        "Dit is geen belangrijke verandering: het hele interval ligt binnen 10% naar boven of naar beneden (IMMPACT, Dworkin et al. 2008).",
    ),
    "change.grade.unclear": (
        "The interval spans more than one of the IMMPACT grades (Dworkin et al. 2008): too wide to tell which. More days with a score in each period would narrow it.",
        "Het interval overspant meer dan één van de IMMPACT-graden (Dworkin et al. 2008): te breed om te zeggen welke. Meer dagen met een score in elke periode maken het smaller.",
    ),
    "change.too_few": (
        "Too few days with a pain score to tell whether your pain changed: {n_b} in the first period and {n_a} in the second. Each period needs at least {min_days} ({need_b} more in the first, {need_a} more in the second).",
        "Te weinig dagen met een pijnscore om te zeggen of je pijn veranderd is: {n_b} in de eerste periode en {n_a} in de tweede. Elke periode heeft er minstens {min_days} nodig (nog {need_b} in de eerste, nog {need_a} in de tweede).",
    ),
    "change.mic.improved": (
        "The decrease reaches the minimal important change for a 0-10 pain score (2 points or 30%; Ostelo et al. 2008).",
        "De daling haalt de minimale belangrijke verandering voor een pijnscore van 0 tot 10 (2 punten of 30%; Ostelo et al. 2008).",
    ),
    "change.mic.worse": (
        "The rise reaches the minimal important change for a 0-10 pain score (2 points or 30%; Ostelo et al. 2008).",
        "De stijging haalt de minimale belangrijke verandering voor een pijnscore van 0 tot 10 (2 punten of 30%; Ostelo et al. 2008).",
    ),
    "change.mic.not_important": (
        "The change is smaller than the minimal important change for a 0-10 pain score (2 points or 30%; Ostelo et al. 2008).",
        "De verandering is kleiner dan de minimale belangrijke verandering voor een pijnscore van 0 tot 10 (2 punten of 30%; Ostelo et al. 2008).",
    ),
    "change.mic.unclear": (
        "Whether it reaches the minimal important change for a 0-10 pain score (2 points or 30%; Ostelo et al. 2008) cannot be told from these days.",
        "Of de minimale belangrijke verandering voor een pijnscore van 0 tot 10 (2 punten of 30%; Ostelo et al. 2008) gehaald wordt, valt uit deze dagen niet af te leiden.",
    ),
    "change.caveat": (
        "A change over time does not prove that a treatment caused it: back pain often eases by itself, and other things change at the same time.",
        "Een verandering in de tijd bewijst niet dat een behandeling ze veroorzaakt heeft: rugpijn gaat vaak vanzelf over, en ook andere dingen veranderen intussen.",
    ),
    "change.no_pain": (
        "This needs a pain score on the diary's days: add your pain diary.",
        "Hiervoor zijn pijnscores nodig: voeg je pijndagboek toe.",
    ),
    "change.alt": (
        "Daily pain with the level of each period and the change",
        "Dagelijkse pijn met het niveau van elke periode en de verandering",
    ),
    # the figure (backpain.plot.pain_change)
    "change.plot.daily": ("daily pain", "dagelijkse pijn"),
    "change.plot.before": ("level, first period", "niveau, eerste periode"),
    "change.plot.after": ("level, second period", "niveau, tweede periode"),
    "change.plot.label": (
        "{change:+.1f} points ({lo:+.1f} to {hi:+.1f})",
        "{change:+.1f} punten ({lo:+.1f} tot {hi:+.1f})",
    ),
    "change.plot.title.lower": ("Change: {band} improvement", "Verandering: {band} verbetering"),
    "change.plot.title.higher": ("Change: {band} worsening", "Verandering: {band} verslechtering"),
    "change.plot.title.none": ("Change: not important", "Verandering: niet belangrijk"),
    "change.plot.title.unclear": (
        "Change: too uncertain to grade",
        "Verandering: te onzeker om te beoordelen",
    ),
    "change.plot.title.no_percent": (
        "Change in points (no percent: pain started near 0)",
        "Verandering in punten (geen procent: de pijn begon rond 0)",
    ),
    "change.plot.title.too_few_days": (
        "Too few days with a pain score to grade the change",
        "Te weinig dagen met een pijnscore om de verandering te beoordelen",
    ),
    # the researcher notebook (backpain.explain.responders)
    "change.notebook.group": (
        "{group}: {k30} of {n} people with both periods ({s30:.0%}, 95% interval {lo30:.0%} to {hi30:.0%}) had at least 30% less pain, {k50} ({s50:.0%}, {lo50:.0%} to {hi50:.0%}) at least 50% less; {missing} could not be judged (too few days, or no pain at the start).",
        "{group}: {k30} van {n} personen met beide periodes ({s30:.0%}, 95%-interval {lo30:.0%} tot {hi30:.0%}) hadden minstens 30% minder pijn, {k50} ({s50:.0%}, {lo50:.0%} tot {hi50:.0%}) minstens 50% minder; {missing} konden niet beoordeeld worden (te weinig dagen, of geen pijn bij de start).",
    ),
    "change.notebook.none": (
        "{group}: none of the {n} people has enough days with a pain score in both periods, or a baseline above 0, to be judged.",
        "{group}: geen van de {n} personen heeft genoeg dagen met een pijnscore in beide periodes, of een beginwaarde boven 0, om beoordeeld te worden.",
    ),
    "change.notebook.all": ("Everyone", "Iedereen"),
    "change.notebook.unknown": (
        "Group not known (for the duration class: no pain episode yet at the end of the first period)",
        "Groep niet gekend (voor de duurklasse: nog geen pijnepisode op het einde van de eerste periode)",
    ),
    "change.notebook.caveat": (
        "A responder had at least 30% (IMMPACT: moderately important) or 50% (substantially important) less pain in the last weeks than in the first (Dworkin et al. 2008). Without a comparison group this does not show what caused the change: back pain often eases by itself.",
        "Een responder had in de laatste weken minstens 30% (IMMPACT: matig belangrijk) of 50% (sterk belangrijk) minder pijn dan in de eerste (Dworkin et al. 2008). Zonder vergelijkingsgroep toont dit niet wat de verandering veroorzaakt heeft: rugpijn gaat vaak vanzelf over.",
    ),
}
