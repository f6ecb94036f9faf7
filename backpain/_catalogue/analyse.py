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
    "analyse.mixed.no_x": (
        "mixed_model: x must name at least one predictor, e.g. x=('stress',)",
        "mixed_model: x moet minstens één voorspeller noemen, bv. x=('stress',)",
    ),
    "analyse.mixed.lag_unknown": (
        "mixed_model: lag names predictor(s) {names} that are not in x={x}",
        "mixed_model: lag noemt voorspeller(s) {names} die niet in x={x} staan",
    ),
    "analyse.mixed.slopes_unknown": (
        "{func}: random_slopes names predictor(s) {names} that are not in x={x}; "
        "pass True, False or a list of predictors from x",
        "{func}: random_slopes noemt voorspeller(s) {names} die niet in x={x} staan; "
        "geef True, False of een lijst voorspellers uit x",
    ),
    "analyse.mixed.no_rows": (
        "{func}: no row has {y!r} and every predictor {x} (at their lags)",
        "{func}: geen enkele rij heeft {y!r} en elke voorspeller {x} (met hun vertraging)",
    ),
    "analyse.mixed.few_subjects": (
        "{func}: a multilevel model needs data from at least 2 persons, but only "
        "{n} person(s) ({subjects}) have complete rows; for one person use "
        "backpain.lagged_corr() or backpain.within_corr()",
        "{func}: een multilevelmodel heeft gegevens van minstens 2 personen nodig, maar "
        "slechts {n} persoon/personen ({subjects}) hebben volledige rijen; gebruik voor "
        "één persoon backpain.lagged_corr() of backpain.within_corr()",
    ),
    "analyse.mixed.persons_no_subject": (
        "{func}: persons has no column {subject!r} (columns: {columns}); it must hold one "
        "row per person with the person's id in {subject!r}",
        "{func}: persons heeft geen kolom {subject!r} (kolommen: {columns}); het moet één "
        "rij per persoon bevatten met de id van de persoon in {subject!r}",
    ),
    "analyse.mixed.persons_twice": (
        "{func}: persons has {n} repeated {subject!r} value(s) (first: {first!r}); "
        "keep one row per person",
        "{func}: persons heeft {n} herhaalde waarde(n) in {subject!r} (eerste: {first!r}); "
        "hou één rij per persoon",
    ),
    "analyse.mixed.covariate_missing": (
        "{func}: covariate {name!r} is neither a column of data nor of persons; "
        "pass persons= (e.g. backpain.cohort_table() output) or merge it into data",
        "{func}: covariaat {name!r} is geen kolom van data of van persons; "
        "geef persons= mee (bv. de uitvoer van backpain.cohort_table()) of voeg ze toe aan data",
    ),
    "analyse.mixed.covariate_varies": (
        "{func}: covariate {name!r} takes {n} different values for subject {subject!r}; "
        "a person-level covariate has one value per person (put a day-level variable in x)",
        "{func}: covariaat {name!r} heeft {n} verschillende waarden voor deelnemer "
        "{subject!r}; een covariaat op persoonsniveau heeft één waarde per persoon "
        "(zet een variabele per dag in x)",
    ),
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
    "analyse.mixed.ci_unknown": (
        "mixed_model: ci must be 'satterthwaite' or 'bootstrap' (resampling persons), not {ci!r}",
        "mixed_model: ci moet 'satterthwaite' of 'bootstrap' (personen herbemonsteren) "
        "zijn, niet {ci!r}",
    ),
    "analyse.mixed.dof_failed": (
        "Satterthwaite degrees of freedom could not be computed (the variance estimates "
        "are at a boundary); p-values and intervals use the normal distribution",
        "vrijheidsgraden volgens Satterthwaite konden niet berekend worden (de "
        "variantieschattingen liggen op een grens); p-waarden en intervallen gebruiken "
        "de normale verdeling",
    ),
    # bootstrap intervals (within_corr)
    "analyse.boot.ci_unknown": (
        "{func}: ci must be 'fisher', 'bootstrap' (BCa, resampling persons) or "
        "'percentile', not {ci!r}",
        "{func}: ci moet 'fisher', 'bootstrap' (BCa, personen herbemonsteren) of "
        "'percentile' zijn, niet {ci!r}",
    ),
    "analyse.boot.n_boot": (
        "{func}: n_boot must be a whole number of at least 100 resamples (2000 is usual), "
        "not {n_boot!r}",
        "{func}: n_boot moet een geheel getal van minstens 100 herbemonsteringen zijn "
        "(2000 is gebruikelijk), niet {n_boot!r}",
    ),
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
    "analyse.caterpillar.not_effects": (
        "effects must be the result of backpain.person_effects() (columns {need}), "
        "but it has columns {columns}",
        "effects moet het resultaat van backpain.person_effects() zijn (kolommen {need}), "
        "maar het heeft kolommen {columns}",
    ),
    "analyse.error.between_method": (
        "between_corr: method must be 'pearson' or 'spearman', not {method!r}",
        "between_corr: method moet 'pearson' of 'spearman' zijn, niet {method!r}",
    ),
    "analyse.error.cohort_serial": (
        "{func}: serial must be 'none' or 'neff' for a cohort, not {serial!r}",
        "{func}: serial moet 'none' of 'neff' zijn voor een cohort, niet {serial!r}",
    ),
}
