"""Texts of the analyse area (multilevel models): key -> (English, Dutch)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "analyse.note.not_a_column": (
        "predictor {name!r} is not a column of data; skipped",
        "voorspeller {name!r} is geen kolom van de gegevens; overgeslagen",
    ),
    "analyse.note.no_values": (
        "predictor {name!r} holds no values; skipped",
        "voorspeller {name!r} heeft geen waarden; overgeslagen",
    ),
    # errors
    # notes and warnings carried by the result
    "analyse.mixed.no_within": (
        "{name!V} does not vary within any person, so it has no within-person part; "
        "only its person-level (between) term is estimated",
        "{name!V} varieert binnen geen enkele persoon en heeft dus geen deel binnen "
        "personen; alleen de term tussen personen wordt geschat",
    ),
    "analyse.mixed.collinear": (
        "term {term} was dropped: it is (nearly) a linear combination of {others}",
        "term {term} is weggelaten: hij is (bijna) een lineaire combinatie van {others}",
    ),
    "analyse.mixed.not_converged": (
        "the model fit did not converge ({detail}); the estimates may be unreliable: "
        "try fewer random slopes or fewer predictors",
        "de modelschatting convergeerde niet ({detail}); de schattingen zijn mogelijk "
        "onbetrouwbaar: probeer minder random slopes of minder voorspellers",
    ),
    "analyse.mixed.singular": (
        "singular fit: a random-effect variance is estimated at (nearly) zero or two "
        "random effects are perfectly correlated ({detail}); the model is too complex "
        "for these data: consider fewer random slopes",
        "singuliere schatting: een variantie van een random effect is (bijna) nul of twee "
        "random effecten zijn perfect gecorreleerd ({detail}); het model is te complex "
        "voor deze gegevens: overweeg minder random slopes",
    ),
    "analyse.mixed.small_sample": (
        "only {n} persons: p-values and confidence intervals use Satterthwaite "
        "degrees of freedom (as lmerTest does), but with fewer than 30 persons "
        "random-effect variances are imprecise; read them with care",
        "slechts {n} personen: p-waarden en betrouwbaarheidsintervallen gebruiken "
        "vrijheidsgraden volgens Satterthwaite (zoals lmerTest), maar met minder dan 30 "
        "personen zijn de varianties van random effecten onnauwkeurig; lees ze met zorg",
    ),
    "analyse.mixed.small_sample_boot": (
        "only {n} persons: the bootstrap resamples so few persons that its "
        "confidence intervals tend to be too narrow and its p-values too small; read "
        "them with care (ci='satterthwaite', the default, suits small samples better)",
        "slechts {n} personen: de bootstrap herbemonstert zo weinig personen dat zijn "
        "betrouwbaarheidsintervallen meestal te smal en zijn p-waarden te klein zijn; "
        "lees ze met zorg (ci='satterthwaite', de standaard, past beter bij kleine "
        "steekproeven)",
    ),
    "analyse.mixed.bootstrap": (
        "p-values and 95% intervals from a person-level bootstrap: {ok} of {n_boot} "
        "resamples of the {n} persons could be fitted",
        "p-waarden en 95%-intervallen uit een bootstrap op persoonsniveau: {ok} van "
        "{n_boot} herbemonsteringen van de {n} personen konden geschat worden",
    ),
    "analyse.mixed.dof_failed": (
        "Satterthwaite degrees of freedom could not be computed (the variance estimates "
        "are at a boundary); p-values and intervals use the normal distribution",
        "vrijheidsgraden volgens Satterthwaite konden niet berekend worden (de "
        "variantieschattingen liggen op een grens); p-waarden en intervallen gebruiken "
        "de normale verdeling",
    ),
    # bootstrap intervals (within_corr)
    # the caterpillar plot of person_effects()
    "analyse.caterpillar.xlabel": (
        "Change in {y!v} per point of {x!v}, within a person (95% interval)",
        "Verandering in {y!v} per punt {x!v}, binnen een persoon (95%-interval)",
    ),
    "analyse.caterpillar.ylabel": (
        "Persons, by their own slope",
        "Personen, volgens hun eigen helling",
    ),
    "analyse.caterpillar.fixed": ("Everyone together: {slope:.2f}", "Iedereen samen: {slope:.2f}"),
}
