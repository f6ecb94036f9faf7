"""Tests for backpain.multilevel, checked against R (lme4 + lmerTest) and statsmodels.

References: R's ``lme4::lmer`` (REML) and ``lmerTest`` (Satterthwaite df) fitted
on the same data, with the within/between split built with pandas ``groupby``;
``statsmodels.formula.api.mixedlm``; the simulator's true effects. R's results
are stored in ``tests/data/R/`` beside the diaries they were fitted on, written
by ``tests/data/R/generate_lme4.py`` (which runs ``lmer.R``), as statsmodels
stores its lme4 results; the default run needs no R. One test reruns R on one
case and checks the stored files against it (skipped without ``Rscript``, a
failure on CI, where ``.ci/run`` installs R). lme4 runs with a tight optimiser
(bobyqa, ``rhoend = 1e-12``) so that its optimum, not its stopping rule, is
compared; with lme4's default stopping rule the variance parameters are only
accurate to about 1e-4.
"""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from backpain.cohort import cohort_table
from backpain.multilevel import MixedModelWarning, icc, mixed_model, person_effects
from backpain.simulate import TRUE_EFFECTS, simulate_cohort
from backpain.text import Message


def _post_onset(diary, truth):
    """Keep only days on or after each subject's true onset (pain is 0 before it)."""
    onset = truth.subjects.set_index("subject")["onset"]
    keep = diary["date"] >= diary["subject"].map(onset).to_numpy()
    return diary[keep].reset_index(drop=True)


def _with_slopes(diary, *, sd, seed, x="stress"):
    """``diary`` with person-specific within slopes: pain += b_i (x - person mean), b_i ~ N(0, sd)."""
    rng = np.random.default_rng(seed)
    subjects = diary["subject"].unique()
    b = pd.Series(rng.normal(0, sd, len(subjects)), index=subjects)
    centred = diary[x] - diary.groupby("subject")[x].transform("mean")
    pain = diary["pain"] + diary["subject"].map(b).to_numpy() * centred
    return diary.assign(pain=pain.clip(0, 10))


R_DIR = Path(__file__).parent / "data" / "R"
_spec = importlib.util.spec_from_file_location("generate_lme4", R_DIR / "generate_lme4.py")
lme4 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lme4)


def _lmer(case, folder=R_DIR):
    """lme4's fit of ``case`` stored in ``folder``: (fixed effects, variance components,
    per-subject coefficients or None)."""
    fixed = pd.read_csv(folder / f"{case}_fixed.csv").set_index("term")
    var = pd.read_csv(folder / f"{case}_var.csv")
    subject = folder / f"{case}_subject.csv"
    subj = pd.read_csv(subject, index_col=0) if subject.exists() else None
    return fixed, var, subj


def _same_rows(n_obs, fixed, case):
    """Our model used as many rows as R's fit did (else the inputs have changed)."""
    n = int(fixed["n_obs"].iloc[0])
    assert n_obs == n, (
        f"case {case}: our model used {n_obs} rows, lme4 {n}; if the example data "
        "changed, rerun python tests/data/R/generate_lme4.py"
    )


def _against_lme4(case, diary, **options):
    """Our ``mixed_model`` of ``diary`` on stress, and lme4's stored fit of ``case``."""
    model = mixed_model(diary, x=("stress",), **options)
    fixed, var, subj = _lmer(case)
    _same_rows(model.n_obs, fixed, case)
    return model, fixed, var, subj


def _compare_fixed(ours, ref, names, *, rel=1e-4):
    for term, name in names.items():
        row = ours.loc[term]
        assert row["coef"] == pytest.approx(ref.loc[name, "coef"], rel=rel, abs=1e-8), term
        assert row["se"] == pytest.approx(ref.loc[name, "se"], rel=rel), term
        assert row["dof"] == pytest.approx(ref.loc[name, "dof"], rel=1e-4), term
        assert row["p_val"] == pytest.approx(ref.loc[name, "p_val"], rel=1e-3, abs=1e-12), term


# ------------------------------------------------------------ mixed_model
def test_mixed_model_recovers_true_within_effects():
    # A fixed seed. Over 30 other seeds each true effect was inside its CI in 27-30
    # (all four at once in 24): pain rounded and clipped to 1-10 attenuates the
    # effects by 2-5% (2000 subjects x 200 days: stress 0.244, sleep_quality -0.195).
    diary, truth = simulate_cohort(150, 120, seed=3, return_truth=True)
    data = _post_onset(diary, truth)
    res_result = mixed_model(
        data,
        x=("stress", "sleep_quality", "active_minutes"),
        lag={"stress": (0, 1)},
    )
    res = res_result.table
    res = res.set_index("term")
    truths = {
        "stress_within": TRUE_EFFECTS["stress"],
        "stress_lag1_within": TRUE_EFFECTS["stress_lag1"],
        "sleep_quality_within": TRUE_EFFECTS["sleep_quality"],
        "active_minutes_within": TRUE_EFFECTS["active_minutes"],
    }
    for term, true in truths.items():
        assert res.loc[term, "ci95_low"] < true < res.loc[term, "ci95_high"], term
        assert res.loc[term, "p_val"] < 0.05, term
    assert res.loc["stress_between", "coef"] > 0  # true between slope +0.5
    assert res_result.converged
    assert res["converged"].all()
    assert res_result.n_subjects == data["subject"].nunique()


def test_mixed_model_equals_statsmodels_formula(diary):
    import statsmodels.formula.api as smf

    res_result = mixed_model(diary, x=("stress",), lag={"stress": (0, 1)})
    res = res_result.table
    # reference: the decomposition built by hand with a date merge and fitted with smf.mixedlm
    prev = diary[["subject", "date", "stress"]].assign(date=diary["date"] + pd.Timedelta(days=1))
    d = diary[["subject", "date", "pain", "stress"]].merge(
        prev.rename(columns={"stress": "stress1"}), on=["subject", "date"]
    )
    d = d.dropna(subset=["pain", "stress", "stress1"])
    g = d.groupby("subject")
    d["between"] = g["stress"].transform("mean")
    d["within0"] = d["stress"] - d["between"]
    d["within1"] = d["stress1"] - g["stress1"].transform("mean")
    ref = smf.mixedlm("pain ~ within0 + within1 + between", d, groups=d["subject"]).fit(reml=True)
    ours = res.set_index("term")
    for term, name in [
        ("Intercept", "Intercept"),
        ("stress_within", "within0"),
        ("stress_lag1_within", "within1"),
        ("stress_between", "between"),
    ]:
        assert ours.loc[term, "coef"] == pytest.approx(ref.fe_params[name], abs=1e-5)
        # statsmodels stops its optimiser earlier than the polished REML optimum here
        # (the lme4 comparisons below are the tight ones)
        assert ours.loc[term, "se"] == pytest.approx(ref.bse_fe[name], rel=1e-3)
    assert res_result.n_obs == len(d)
    assert list(res.columns) == [
        "term",
        "predictor",
        "lag",
        "level",
        "coef",
        "se",
        "dof",
        "t",
        "p_val",
        "ci95_low",
        "ci95_high",
        "std_coef",
        "random_sd",
        "converged",
        "note",
    ]


def test_mixed_model_errors(diary):
    with pytest.raises(ValueError, match=r"lag names predictor\(s\) \['mood'\] that are not in x"):
        mixed_model(diary, x=("stress",), lag={"mood": 1})
    with pytest.raises(ValueError, match=r"no column\(s\) \['weather'\]"):
        mixed_model(diary, x=("weather",))
    with pytest.raises(ValueError, match="x must name at least one predictor"):
        mixed_model(diary, x=())
    with pytest.raises(ValueError, match=r"random_slopes names predictor\(s\) \['mood'\]"):
        mixed_model(diary, x=("stress",), random_slopes=["mood"])
    with pytest.raises(ValueError, match="covariate 'age' is neither a column of data nor"):
        mixed_model(diary, x=("stress",), covariates=("age",))
    wobbly = diary.assign(age=np.arange(len(diary), dtype=float))
    with pytest.raises(ValueError, match=r"covariate 'age' takes 5\d different values for subject"):
        mixed_model(wobbly, x=("stress",), covariates=("age",))


def test_one_subject_is_a_clear_error():
    # before: Intercept -124, SE 1.25e9 and converged=True
    diary = simulate_cohort(5, 60, seed=9)
    one = diary[diary["subject"] == diary["subject"].iloc[0]]
    with pytest.raises(
        ValueError, match=r"at least 2 persons, but only 1 person\(s\) \(\['S0001'\]\)"
    ):
        mixed_model(one, x=("stress",))
    with pytest.raises(ValueError, match="at least 2 persons"):
        icc(one)


def test_collinear_term_is_dropped_with_a_note_and_a_warning(diary):
    data = diary.assign(stress2=2 * diary["stress"] + 1)
    with pytest.warns(MixedModelWarning, match=r"stress2_(within|between) was dropped"):
        res_result = mixed_model(data, x=("stress", "stress2"))
    res = res_result.table
    res = res.set_index("term")
    assert np.isnan(res.loc["stress2_within", "coef"])
    assert "stress_within" in res.loc["stress2_within", "note"]
    # the kept terms are the model without the copy (statsmodels' fit of it, abs 1e-5)
    ref = mixed_model(diary, x=("stress",)).table.set_index("term")
    assert res.loc["stress_within", "coef"] == pytest.approx(ref.loc["stress_within", "coef"])
    # the note is a catalogue message, in Dutch too
    note = next(m for m in res_result.notes if m.key == "analyse.mixed.collinear")
    assert "weggelaten" in note.render("nl")


def test_person_level_covariates_from_cohort_table():
    # age, sex and the baseline ODI are constant within a person: before, the within
    # part of such a column was all zeros and statsmodels raised a raw LinAlgError
    from backpain import load_example

    survey, diary = load_example("survey").table, load_example("cohort")
    table = cohort_table(survey, diary).merge(survey[["subject", "age", "sex"]], on="subject")
    res_result = mixed_model(
        diary, x=("stress",), covariates=("age", "sex", "odi_score"), persons=table
    )
    res = res_result.table
    assert res["converged"].all()
    person = res[res["level"] == "person"]
    sexes = sorted(survey["sex"].dropna().unique())
    assert person["term"].tolist() == ["age", *[f"sex[{s}]" for s in sexes[1:]], "odi_score"]
    # the same model in lme4, with the covariates merged and split by hand
    # (tests/data/R/generate_lme4.py, case example_covariates)
    fixed, _, _ = _lmer("example_covariates")
    _same_rows(res_result.n_obs, fixed, "example_covariates")
    names = {
        "Intercept": "(Intercept)",
        "stress_within": "sw",
        "stress_between": "sb",
        "age": "age",
    }
    names |= {f"sex[{s}]": f"sex{s}" for s in sexes[1:]} | {"odi_score": "odi_score"}
    _compare_fixed(res.set_index("term"), fixed, names)


def test_day_level_predictor_without_within_variation_keeps_its_between_term(diary):
    data = diary.assign(weight=diary["subject"].map(lambda s: 60.0 + int(s[1:])))
    with pytest.warns(MixedModelWarning, match="does not vary within any person"):
        res = mixed_model(data, x=("stress", "weight")).table
    assert "weight_within" not in set(res["term"])
    assert np.isfinite(res.set_index("term").loc["weight_between", "coef"])


# -------------------------------------------------------- against R's lme4
def test_random_intercept_equals_lmertest_with_five_persons():
    # lmerTest's Satterthwaite p for the between effect is honest with 5 persons;
    # a Wald z treats the 5 person means as if there were hundreds.
    # no warning (pytest turns warnings into errors)
    res_result, fixed, var, _ = _against_lme4("five_intercept", lme4.stored_diary("five"))
    res = res_result.table
    _compare_fixed(
        res.set_index("term"),
        fixed,
        {"Intercept": "(Intercept)", "stress_within": "sw", "stress_between": "sb"},
    )
    assert res_result.group_var == pytest.approx(var["vcov"].iloc[0], rel=1e-5)
    assert res_result.scale == pytest.approx(var["vcov"].iloc[1], rel=1e-5)
    assert res.set_index("term").loc["stress_between", "dof"] < 4
    assert any(m.key == "analyse.mixed.small_sample" for m in res_result.notes)
    # the small-sample note travels with the table into CSV and HTML copies
    assert res["note"].str.contains("only 5 persons").all()
    back = pd.read_csv(io.StringIO(res.to_csv(index=False)))
    assert back["note"].str.contains("fewer than 30 persons").all()
    assert res.to_html().count("only 5 persons") == len(res)


def test_random_slope_and_person_effects_equal_lme4():
    diary = lme4.stored_diary("forty")
    model, fixed, var, subj = _against_lme4("forty_slopes", diary, random_slopes=True)
    res = model.table.set_index("term")
    _compare_fixed(
        res, fixed, {"Intercept": "(Intercept)", "stress_within": "sw", "stress_between": "sb"}
    )
    assert res.loc["stress_within", "random_sd"] == pytest.approx(
        var.loc[(var["var1"] == "sw") & var["var2"].isna(), "sdcor"].iloc[0], rel=1e-4
    )
    eff_result = person_effects(diary, x="stress")
    eff = eff_result.table.set_index("subject")
    # coef(m)$subject: fixed slope + BLUP per person
    assert np.allclose(eff["slope"], subj.loc[eff.index.astype(str), "sw"], rtol=1e-4, atol=1e-6)
    assert eff_result.fixed_slope == pytest.approx(fixed.loc["sw", "coef"], rel=1e-4)
    assert (eff["ci95_low"] < eff["slope"]).all()
    assert (eff["slope"] < eff["ci95_high"]).all()
    # shrinkage: the spread of the shrunken slopes is below that of the raw ones
    assert eff["slope"].std() < eff["raw_slope"].std()


def test_lagged_outcome_equals_lme4_with_a_date_merge():
    # lme4 fitted yesterday's pain by calendar day: a merge on date + 1, not the
    # previous row (tests/data/R/generate_lme4.py, case five_lagged)
    diary = lme4.stored_diary("five")
    model, fixed, _, _ = _against_lme4("five_lagged", diary, lagged_outcome=True)
    res = model.table.set_index("term")
    _compare_fixed(
        res,
        fixed,
        {
            "Intercept": "(Intercept)",
            "stress_within": "sw",
            "pain_lag1_within": "pw",
            "stress_between": "sb",
        },
    )
    assert res.loc["pain_lag1_within", "level"] == "within"


def test_icc_equals_lme4_empty_model():
    res = icc(lme4.stored_diary("five")).iloc[0]
    _, var, _ = _lmer("five_empty")
    tau, s2 = var["vcov"]
    assert res["between_var"] == pytest.approx(tau, rel=1e-5)
    assert res["within_var"] == pytest.approx(s2, rel=1e-5)
    assert res["icc"] == pytest.approx(tau / (tau + s2), rel=1e-5)
    assert res["n_subjects"] == 5


@pytest.mark.slow
def test_stored_lme4_results_are_what_r_gives(tmp_path):
    # The one live R run: the committed script refits one stored case, and its
    # output must equal the files the other tests compare with.
    if shutil.which("Rscript") is None:
        if os.environ.get("CI"):
            pytest.fail("Rscript is missing on CI (.ci/run installs r-base-core and r-cran-lme4)")
        pytest.skip(
            "Rscript not installed: apt-get install r-base-core r-cran-lme4 r-cran-lmertest"
        )
    try:
        lme4.fit("five_intercept", tmp_path)
    except RuntimeError as error:
        if "lmerTest" in str(error) and not os.environ.get("CI"):
            pytest.skip(f"R packages missing: {str(error)[-300:]}")
        raise
    for stored, fresh in zip(
        _lmer("five_intercept"), _lmer("five_intercept", tmp_path), strict=True
    ):
        if stored is not None:
            pd.testing.assert_frame_equal(fresh, stored, rtol=1e-6)


def test_r2_and_standardised_coefficients(cohort):
    diary, _ = cohort
    res_result = mixed_model(diary, x=("stress", "sleep_quality"))
    res = res_result.table
    # the empty-model ICC of the result is icc() on the model's rows
    d = diary.dropna(subset=["pain", "stress", "sleep_quality"])
    assert res_result.icc == pytest.approx(icc(d)["icc"].iloc[0], rel=1e-8)
    assert 0 < res_result.r2_within < 1
    assert 0 < res_result.r2_marginal < res_result.r2_conditional < 1
    # std_coef of a within term: coef x SD(x within) / SD(y within), by pandas groupby
    dd = lme4.split(lme4.split(d, "stress", "s"), "pain", "y")
    expect = (
        res.set_index("term").loc["stress_within", "coef"]
        * dd["sw"].std(ddof=0)
        / dd["yw"].std(ddof=0)
    )
    assert res.set_index("term").loc["stress_within", "std_coef"] == pytest.approx(expect)


def test_not_converged_reaches_the_user(monkeypatch, diary):
    # the REML optimiser stops short of a zero gradient
    import backpain.multilevel as ml

    polish = ml._Reml.maximise

    def stuck(self, start=None):
        out = polish(self, start)
        self.converged, self.gradient = False, 3.1
        return out

    monkeypatch.setattr(ml._Reml, "maximise", stuck)
    with pytest.warns(MixedModelWarning, match="did not converge"):
        res_result = mixed_model(diary, x=("stress",))
    res = res_result.table
    assert not res["converged"].any()
    assert res["note"].str.contains("did not converge").all()
    csv = res.to_csv(index=False)
    back = pd.read_csv(io.StringIO(csv))
    assert not back["converged"].any()
    assert back["note"].str.contains("largest Newton step of the REML fit 3.1").all()
    assert isinstance(res_result.notes[0], Message)


# ------------------------------------------------------------ caterpillar
def test_caterpillar_draws_each_person_sorted_with_dutch_labels():
    from backpain.plot import caterpillar

    eff_result = person_effects(
        _with_slopes(simulate_cohort(12, 90, seed=4), sd=0.3, seed=1), x="stress"
    )
    eff = eff_result.table
    ax = caterpillar(eff_result, lang="nl")
    bars = ax.containers[0]
    xs = bars.lines[0].get_xdata()
    assert np.allclose(xs, np.sort(eff["slope"]))
    assert [t.get_text() for t in ax.get_yticklabels()] == eff.sort_values("slope")[
        "subject"
    ].astype(str).tolist()
    assert ax.get_xlabel().startswith("Verandering in pijn per punt stress")
    assert any(np.allclose(line.get_xdata(), eff_result.fixed_slope) for line in ax.lines)
    need = r"effects has no column\(s\) \['slope'\]; .*the result of backpain.person_effects"
    with pytest.raises(ValueError, match=need):
        caterpillar(eff.drop(columns="slope"))


# ------------------------------------------------------ person-level bootstrap
def test_bootstrap_resample_is_the_model_of_the_drawn_persons():
    # hand loop: each resample's coefficients are mixed_model's on a diary made of the
    # drawn persons' rows, a person drawn twice entering as two persons
    diary = _with_slopes(simulate_cohort(12, 60, seed=7), sd=0.2, seed=3)
    res_result = mixed_model(
        diary, x=("stress",), random_slopes=True, ci="bootstrap", n_boot=100, seed=4
    )
    boot = res_result.bootstrap_coef
    assert list(boot.columns) == ["Intercept", "stress_within", "stress_between"]
    people = pd.unique(diary["subject"])
    draws = np.random.default_rng(4).integers(0, people.size, (100, people.size))
    for b in range(3):
        parts = [
            diary[diary["subject"] == people[i]].assign(subject=f"copy{j:02d}")
            for j, i in enumerate(draws[b])
        ]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MixedModelWarning)
            ref = mixed_model(
                pd.concat(parts, ignore_index=True), x=("stress",), random_slopes=True
            ).table
        # the refits stop at a looser gradient tolerance: equal to 1e-4 standard errors
        assert (np.abs(boot.iloc[b].to_numpy() - ref["coef"]) < 1e-4 * ref["se"]).all(), b


def test_bootstrap_ci_and_p_and_notes():
    diary = _with_slopes(simulate_cohort(20, 60, seed=8), sd=0.2, seed=5)
    sat_result = mixed_model(diary, x=("stress",), random_slopes=True)
    sat = sat_result.table
    res_result = mixed_model(
        diary, x=("stress",), random_slopes=True, ci="bootstrap", n_boot=400, seed=1
    )
    res = res_result.table
    again = mixed_model(
        diary, x=("stress",), random_slopes=True, ci="bootstrap", n_boot=400, seed=1
    ).table
    pd.testing.assert_frame_equal(res, again)  # deterministic with a seed
    # the model's estimates stay; only p and the interval come from the resamples
    for col in ("coef", "se", "dof", "t"):
        assert np.allclose(res[col], sat[col], rtol=0, atol=0), col
    boot = res_result.bootstrap_coef
    for i, term in enumerate(res["term"]):
        b = np.sort(boot[term].to_numpy())  # reference: order statistics 10 and 391 of 400
        assert (res["ci95_low"].iloc[i], res["ci95_high"].iloc[i]) == (b[9], b[390])
        share = min(np.mean(b <= 0), np.mean(b >= 0))
        assert res["p_val"].iloc[i] == pytest.approx(min(1.0, 2 * share))
        assert (res["p_val"].iloc[i] < 0.05) == (not b[9] <= 0 <= b[390])
        assert res["ci95_low"].iloc[i] < res["coef"].iloc[i] < res["ci95_high"].iloc[i]
    assert (res_result.ci, res_result.n_boot, res_result.seed) == ("bootstrap", 400, 1)
    assert sat_result.ci == "satterthwaite"
    # fewer than 30 persons: a note of its own for the bootstrap, in the table
    assert res["note"].str.contains("only 20 persons: the bootstrap").all()
    assert res["note"].str.contains("400 of 400 resamples of the 20 persons").all()
    with pytest.raises(ValueError, match=r"ci must be one of \['satterthwaite', 'bootstrap'\]"):
        mixed_model(diary, x=("stress",), ci="wald")
    with pytest.raises(ValueError, match="n_boot must be a whole number of at least 100"):
        mixed_model(diary, x=("stress",), ci="bootstrap", n_boot=5)
