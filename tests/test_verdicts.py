"""Single-person findings: serial dependence, one family, what_helps's verdicts."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats as sps
from statsmodels.stats.multitest import multipletests
from statsmodels.tsa.stattools import acf

from backpain.simulate import simulate_cohort
from backpain.stats import _serial_slope, _t_test, patient_findings, what_helps


def _ar1(rng, n, phi):
    e = rng.standard_normal(n)
    out = np.empty(n)
    out[0] = e[0] / np.sqrt(1 - phi * phi)
    for t in range(1, n):
        out[t] = phi * out[t - 1] + e[t]
    return out


def _person(rng, n=300, phi=0.5, effect=0.3, tag_share=0.3):
    """One person's gapless diary: AR(1) stress and noise, a tag on random days."""
    stress = 5 + _ar1(rng, n, phi)
    pain = 5 + effect * (stress - 5) + 0.7 * _ar1(rng, n, phi)
    tags = np.where(rng.random(n) < tag_share, "heat", None)
    return pd.DataFrame(
        {
            "subject": "me",
            "date": pd.date_range("2025-01-01", periods=n, freq="D"),
            "pain": pain,
            "stress": stress,
            "steps": rng.normal(6000, 1500, n),
            "tags": pd.array(tags, dtype="string"),
        }
    )


def _glsar(y, x):
    """Reference: statsmodels GLSAR with AR(1) errors, 3 iterations."""
    model = sm.GLSAR(y, sm.add_constant(x), rho=1)
    return model.iterative_fit(maxiter=3, rtol=0)


# ------------------------------------------------------------ serial models
def test_ar1_equals_statsmodels_glsar_at_lags_0_and_1(rng):
    d = _person(rng)
    res = patient_findings(
        d, x=["stress"], tags=[], serial="ar1", lags=(0, 1), trend="none"
    ).table.set_index("lag")
    y, x = d["pain"].to_numpy(), d["stress"].to_numpy()
    for lag, (yy, xx) in {0: (y, x), 1: (y[1:], x[:-1])}.items():
        ref = _glsar(yy, xx)
        low, high = ref.conf_int()[1]
        assert res.loc[lag, "effect"] == pytest.approx(ref.params[1], rel=1e-9)
        assert res.loc[lag, "p_val"] == pytest.approx(ref.pvalues[1], rel=1e-7)
        assert res.loc[lag, "ci95_low"] == pytest.approx(low, rel=1e-9)
        assert res.loc[lag, "ci95_high"] == pytest.approx(high, rel=1e-9)


def test_effect_per_step_is_the_slope_times_the_step(rng):
    d = _person(rng)
    res = patient_findings(d, x=["steps"], tags=[], lags=(0,), serial="ar1", trend="none").table
    res = res.iloc[0]
    ref = _glsar(d["pain"].to_numpy(), d["steps"].to_numpy())
    assert res["step"] == 1000
    assert res["effect"] == pytest.approx(1000 * ref.params[1], rel=1e-9)
    low, high = ref.conf_int()[1]
    assert res["ci95_low"] == pytest.approx(1000 * low, rel=1e-9)
    assert res["ci95_high"] == pytest.approx(1000 * high, rel=1e-9)
    custom = patient_findings(d, x=["steps"], tags=[], lags=(0,), steps={"steps": 1}).table
    assert custom["step"].iloc[0] == 1


def test_neff_equals_formula_with_statsmodels_acf_and_ols(rng):
    d = _person(rng, n=200, phi=0.6)
    y, x = d["pain"].to_numpy(), d["stress"].to_numpy()
    res = patient_findings(d, x=["stress"], tags=[], lags=(0,), trend="none").table.iloc[0]
    assert res["method"] == "neff"
    # reference: OLS by statsmodels, lag-1 autocorrelations by statsmodels acf (adjusted)
    ols = sm.OLS(y, sm.add_constant(x)).fit()
    n = y.size
    rx = acf(x, nlags=1, adjusted=True)[1]
    re = acf(ols.resid, nlags=1, adjusted=True)[1]
    rx, re = rx + (1 + 3 * rx) / n, re + (1 + 3 * re) / n  # Marriott & Pope (1954)
    n_eff = n * (1 - rx * re) / (1 + rx * re)  # Bretherton et al. (1999) eq. 31
    se = ols.bse[1] * np.sqrt((n - 2) / (n_eff - 2))
    half = sps.t.ppf(0.975, n_eff - 2) * se
    assert res["effect"] == pytest.approx(ols.params[1], rel=1e-9)
    assert res["ci95_low"] == pytest.approx(ols.params[1] - half, rel=1e-9)
    assert res["ci95_high"] == pytest.approx(ols.params[1] + half, rel=1e-9)
    p = 2 * sps.t.sf(abs(ols.params[1] / se), n_eff - 2)
    assert res["p_val"] == pytest.approx(p, rel=1e-9)


def test_serial_none_equals_scipy_linregress(rng):
    d = _person(rng, n=120)
    res = patient_findings(d, x=["stress"], tags=[], lags=(0,), serial="none", trend="none").table
    res = res.iloc[0]
    ref = sps.linregress(d["stress"], d["pain"])
    assert res["effect"] == pytest.approx(ref.slope, rel=1e-9)
    assert res["p_val"] == pytest.approx(ref.pvalue, rel=1e-9)


def test_neff_keeps_false_positives_near_5_percent_where_none_does_not():
    # 3000 null series of 365 days, AR(1) 0.6 in both: a plain test rejects ~16%
    rng = np.random.default_rng(5)
    shape = (3000, 365)

    def ar(phi):
        e = rng.standard_normal(shape)
        out = np.empty(shape)
        out[:, 0] = e[:, 0]
        for t in range(1, shape[1]):
            out[:, t] = phi * out[:, t - 1] + np.sqrt(1 - phi * phi) * e[:, t]
        return out

    y, x = ar(0.6), ar(0.6)
    rate = {}
    for serial in ("none", "neff", "ar1"):
        fit = _serial_slope(y, x, serial=serial)
        p, low, high = _t_test(fit["slope"], fit["se"], fit["dof"])
        assert ((p < 0.05) == ((low > 0) | (high < 0))).all()
        rate[serial] = (p < 0.05).mean()
    assert rate["none"] > 0.12
    assert 0.03 < rate["neff"] < 0.065
    assert 0.03 < rate["ar1"] < 0.065


# ------------------------------------------------------------------- family
def test_family_adjustment_equals_statsmodels_multipletests(rng):
    d = _person(rng, effect=0.2)
    for correction in ("fdr_bh", "holm"):
        res_result = patient_findings(d, x=["stress", "steps"], correction=correction)
        res = res_result.table
        assert list(res["kind"]) == ["association"] * 4 + ["tag"]
        ok = res["p_val"].notna().to_numpy()
        ref = multipletests(res.loc[ok, "p_val"], method=correction)[1]
        np.testing.assert_allclose(res.loc[ok, "p_adj"], ref, rtol=1e-12)
        assert res_result.n_tests == ok.sum()
        assert res_result.correction == correction


def test_only_results_surviving_the_family_are_reportable(rng):
    for seed in range(20):
        d = _person(np.random.default_rng(seed), n=150, effect=0.15)
        res = patient_findings(d, x=["stress", "steps"], lags=(0, 1, 2)).table
        directional = res["verdict"].isin(["higher", "lower"])
        assert (directional == res["reportable"]).all()
        sure = res[res["reportable"]]
        assert (sure["p_adj"] < 0.05).all()
        assert ((sure["ci95_low"] > 0) | (sure["ci95_high"] < 0)).all()
        # raw p and CI come from one test
        has = res["p_val"].notna()
        excl = (res["ci95_low"] > 0) | (res["ci95_high"] < 0)
        assert ((res["p_val"] < 0.05) == excl)[has].all()


def test_patient_findings_columns_and_true_effect(rng):
    d = _person(rng, n=365, phi=0.3, effect=0.5)
    res_result = patient_findings(d, x=["stress", "weather"])
    res = res_result.table
    # the published columns, in order
    expected = (
        "kind predictor outcome lag step effect ci95_low ci95_high p_val n_days n_with n_without"
    )
    assert list(res.columns) == [*expected.split(), "p_adj", "reportable", "verdict", "method"]
    stress = res.set_index(["predictor", "lag"]).loc[("stress", 0)]
    assert stress["verdict"] == "higher"
    assert stress["ci95_low"] < 0.5 < stress["ci95_high"]
    assert stress["n_days"] == 365
    assert res_result.notes == ["predictor 'weather' has no values for this person; left out"]
    tag = res[res["kind"] == "tag"].iloc[0]
    assert tag["n_with"] + tag["n_without"] == tag["n_days"] == 364


def test_patient_findings_picks_one_subject_and_errors(diary):
    one = diary["subject"].iloc[0]
    res = patient_findings(diary, subject=one, tags=["heat"]).table
    alone = patient_findings(diary[diary["subject"] == one], tags=["heat"]).table
    pd.testing.assert_frame_equal(res, alone)
    with pytest.raises(ValueError, match=r"holds 5 subjects .* pass subject="):
        patient_findings(diary)
    with pytest.raises(ValueError, match="subject 'nobody' is not in data"):
        patient_findings(diary, subject="nobody")
    with pytest.raises(ValueError, match="serial must be one of"):
        patient_findings(diary, subject=one, serial="block")
    with pytest.raises(ValueError, match=r"correction must be one of \['holm', 'fdr_bh'\]"):
        patient_findings(diary, subject=one, correction="bonferroni")
    with pytest.raises(ValueError, match="alpha must be a number above 0"):
        patient_findings(diary, subject=one, alpha=0.2)


# ------------------------------------------------------------ tags and order
def _every_day(n=30):
    return pd.DataFrame(
        {
            "subject": "me",
            "date": pd.date_range("2025-03-01", periods=n, freq="D"),
            "pain": np.linspace(2, 6, n),
            "tags": pd.array(["heat|walk"] * n, dtype="string"),
        }
    )


def test_tag_on_every_day_reports_real_counts_and_no_comparison():
    d = _every_day()
    res = what_helps(d, tags=["heat"]).table.iloc[0]
    # lag 1: 29 days follow a recorded day, all of them after a day with heat
    assert (res["n_with"], res["n_without"]) == (29, 0)
    assert res["verdict"] == "no_comparison"
    assert np.isnan(res["effect"])
    assert not res["reportable"]
    found = patient_findings(d, x=[], tags=["heat"]).table.iloc[0]
    assert (found["n_with"], found["n_without"], found["n_days"]) == (29, 0, 29)
    assert found["verdict"] == "no_comparison"


def test_what_helps_p_and_ci_agree_and_draw_nothing_at_random():
    # the cohort t-test: p < 0.05 exactly when the CI excludes 0; seed and n_boot, kept
    # for older calls, change nothing
    diary = simulate_cohort(12, 90, seed=8)
    res = what_helps(diary, min_days=1).table
    has = res["p_val"].notna()
    excl = (res["ci95_low"] > 0) | (res["ci95_high"] < 0)
    assert ((res["p_val"] < 0.05) == excl)[has].all()
    assert (res["reportable"] <= excl).all()
    pd.testing.assert_frame_equal(res, what_helps(diary, min_days=1, seed=5, n_boot=150).table)


def test_what_helps_independent_of_row_order_and_other_tags(rng):
    diary = simulate_cohort(15, 100, seed=9)
    full = what_helps(diary, n_boot=300).table.set_index("predictor")
    shuffled = diary.sample(frac=1, random_state=3)
    again = what_helps(shuffled, n_boot=300).table.set_index("predictor")
    pd.testing.assert_frame_equal(full, again)
    alone = what_helps(shuffled, tags=["heat"], n_boot=300).table.set_index("predictor")
    cols = ["effect", "ci95_low", "ci95_high", "p_val", "n_with", "n_without"]
    pd.testing.assert_frame_equal(alone.loc[["heat"], cols], full.loc[["heat"], cols])
    # one person: the serial model on the calendar, also order-free
    one = diary[diary["subject"] == diary["subject"].iloc[0]]
    a = what_helps(one).table.set_index("predictor")
    b = what_helps(one.sample(frac=1, random_state=1), tags=["heat"]).table.set_index("predictor")
    pd.testing.assert_frame_equal(a.loc[["heat"], cols], b.loc[["heat"], cols])


def test_what_helps_single_person_equals_glsar_on_the_tag(rng):
    d = _person(rng, n=250)
    res = what_helps(d, tags=["heat"], lags=(1,), serial="ar1", trend="none").table.iloc[0]
    had = d["tags"].notna().to_numpy().astype(float)
    ref = _glsar(d["pain"].to_numpy()[1:], had[:-1])
    assert res["effect"] == pytest.approx(ref.params[1], rel=1e-9)
    assert res["p_val"] == pytest.approx(ref.pvalues[1], rel=1e-7)
    assert res["method"] == "ar1"


def test_what_helps_lags_and_old_lag_keyword(diary):
    both = what_helps(diary, tags=["heat"], lags=(0, 1), n_boot=200).table
    assert list(both["lag"]) == [0, 1]
    old = what_helps(diary, tags=["heat"], lag=1, n_boot=200).table
    new = what_helps(diary, tags=["heat"], lags=(1,), n_boot=200).table
    pd.testing.assert_frame_equal(old, new)
    with pytest.raises(ValueError, match="correction must be"):
        what_helps(diary, correction="none")
    with pytest.raises(ValueError, match=r"pass lags=\(0,\) or lag=1, not both"):
        what_helps(diary, lag=1, lags=(0,))


def test_what_helps_persons_t_test_equals_scipy_ttest_1samp():
    # several persons: a one-sample t-test of the persons' differences (issue #22);
    # reference scipy.stats.ttest_1samp of the differences computed with pandas
    diary = simulate_cohort(40, 120, seed=3)
    res = what_helps(diary, tags=["heat"]).table.iloc[0]
    heat = diary["tags"].fillna("").str.contains("heat").to_numpy()
    frame = diary.assign(had=heat)
    frame = frame.sort_values(["subject", "date"])
    prev = frame.groupby("subject")["date"].shift(1)
    had_before = frame.groupby("subject")["had"].shift(1)
    keep = (frame["date"] - prev == pd.Timedelta(days=1)) & frame["pain"].notna()
    pairs = frame[keep].assign(had=had_before[keep].astype(bool))
    g = pairs.pivot_table(index="subject", columns="had", values="pain", aggfunc="mean")
    d = (g[True] - g[False]).dropna().to_numpy()
    ref = sps.ttest_1samp(d, 0.0)
    assert res["n_subjects"] == d.size
    assert res["effect"] == pytest.approx(d.mean(), rel=1e-12)
    assert res["p_val"] == pytest.approx(ref.pvalue, rel=1e-9)
    assert res["ci95_low"] == pytest.approx(ref.confidence_interval().low, rel=1e-9)
    assert res["ci95_high"] == pytest.approx(ref.confidence_interval().high, rel=1e-9)


# ------------------------------------------------ usual for that period (trend)
def _with_gaps(rng, n=200, phi=0.4, effect=0.3):
    d = _person(rng, n=n, phi=phi, effect=effect)
    keep = rng.random(n) > 0.15
    keep[:3] = keep[-3:] = True
    return d[keep].reset_index(drop=True)


def _days(d):
    return (d["date"] - d["date"].min()).dt.days.to_numpy().astype(float)


def test_spline_removes_a_shared_straight_line_and_a_cubic_exactly(rng):
    d = _with_gaps(rng)
    t = _days(d)
    slow = 0.01 * t - 2e-7 * (t - 90) ** 3  # a cubic lies in the spline's span
    drifted = d.assign(pain=d["pain"] + 1 - slow, stress=d["stress"] + 2 * slow)
    assert drifted["pain"].between(0, 10).all()
    cols = ["effect", "ci95_low", "ci95_high", "p_val"]
    for lag in (0, 1):
        kw = {"x": ["stress"], "tags": [], "lags": (lag,)}
        clean = patient_findings(d, **kw).table.iloc[0]
        moved = patient_findings(drifted, **kw).table.iloc[0]
        np.testing.assert_allclose(moved[cols].astype(float), clean[cols].astype(float), rtol=1e-8)
        # the whole diary's mean is fooled by the shared curve
        old = patient_findings(drifted, trend="none", **kw).table.iloc[0]
        assert old["effect"] < clean["effect"] - 0.1
    # a tag that starts half-way while pain improves
    tags = pd.array(np.where(t > 100, "physio", None), dtype="string")
    flat = d.assign(tags=tags)
    better = flat.assign(pain=flat["pain"] + 1 - 0.01 * t)
    assert better["pain"].between(0, 10).all()
    a = what_helps(flat, tags=["physio"]).table.iloc[0]
    b = what_helps(better, tags=["physio"]).table.iloc[0]
    assert b["effect"] == pytest.approx(a["effect"], rel=1e-8, abs=1e-10)
    assert (
        what_helps(better, tags=["physio"], trend="none").table.iloc[0]["effect"] < a["effect"] - 1
    )


def test_spline_slope_equals_statsmodels_ols_with_the_spline_basis(rng):
    # reference: statsmodels OLS of pain on stress and a cubic B-spline of time built
    # by scipy (knots every 28 days, clamped), fitted on the days with both values
    from scipy.interpolate import BSpline

    d = _with_gaps(rng, n=150)
    t = _days(d).astype(int)
    size = t.max() + 1
    m = round((size - 1) / 28)
    knots = np.r_[[0.0] * 3, np.linspace(0, size - 1, m + 1), [size - 1.0] * 3]
    basis = BSpline.design_matrix(np.arange(size, dtype=float), knots, 3).toarray()
    y, x = d["pain"].to_numpy(), d["stress"].to_numpy()
    ols = sm.OLS(y, np.column_stack([x, basis[t]])).fit()
    res = patient_findings(d, x=["stress"], tags=[], lags=(0,), serial="none").table.iloc[0]
    low, high = ols.conf_int()[0]
    assert res["effect"] == pytest.approx(ols.params[0], rel=1e-8)
    assert res["p_val"] == pytest.approx(ols.pvalues[0], rel=1e-6)
    assert res["ci95_low"] == pytest.approx(low, rel=1e-8)
    assert res["ci95_high"] == pytest.approx(high, rel=1e-8)
    # the serial correction keeps the estimate and widens the interval
    neff = patient_findings(d, x=["stress"], tags=[], lags=(0,)).table.iloc[0]
    assert neff["effect"] == pytest.approx(ols.params[0], rel=1e-8)
    assert neff["ci95_high"] - neff["ci95_low"] > high - low


def test_ar1_design_traces_equal_dense_matrix_algebra():
    # reference: the traces with the n x n matrices written out (numpy, no recursion)
    from backpain.stats import _ar1_design, _time_basis

    size = 75
    basis = _time_basis(size, "spline", 28)
    m = np.eye(size) - basis @ np.linalg.solve(basis.T @ basis, basis.T)
    shift = np.eye(size, k=-1)
    dist = np.abs(np.subtract.outer(np.arange(size), np.arange(size)))
    grid, r1, share = _ar1_design(size, "spline", 28.0)
    for i in (0, 30, 60, 94):
        r = grid[i] ** dist
        assert share[i] == pytest.approx(np.trace(m @ r) / size, rel=1e-10)
        expected = (np.trace(m @ shift @ m @ r) / (size - 1)) / (np.trace(m @ r) / size)
        assert r1[i] == pytest.approx(expected, rel=1e-9, abs=1e-12)


def _family_any(d, trend):
    """Share of simulated patients told >= 1 link (6 predictors, 4 tags the next day, BH)."""
    lag1 = [np.column_stack([np.full(len(v), np.nan), v[:, :-1]]) for v in d["tags"].values()]
    ps = []
    for x in [*d["x"].values(), *lag1]:
        fit = _serial_slope(d["pain"], x, serial="neff", trend=trend)
        ps.append(_t_test(fit["slope"], fit["se"], fit["dof"])[0])
    adj = np.array([multipletests(row, method="fdr_bh")[1] for row in np.array(ps).T])
    return (adj < 0.05).any(axis=1).mean()


def test_shared_trend_season_and_drift_no_longer_yield_a_link():
    # 150 simulated patients per case, a year each, no day-to-day link (a few seconds)
    from backpain.simulate import _scenario_diaries

    rng = np.random.default_rng(21)
    for scenario in ("trend", "season", "drift"):
        d = _scenario_diaries(rng, 150, 365, scenario=scenario, phi=0.3)
        assert _family_any(d, "none") > 0.3, scenario
        assert _family_any(d, "spline") < 0.1, scenario


def test_trend_argument_is_checked(diary):
    one = diary["subject"].iloc[0]
    with pytest.raises(ValueError, match=r"trend must be one of \['spline', 'none'\]"):
        patient_findings(diary, subject=one, trend="loess")
    with pytest.raises(ValueError, match="trend must be one of"):
        what_helps(diary[diary["subject"] == one], trend="diff")


def test_compared_baselines_equal_statsmodels_and_pandas(rng):
    # the alternatives of benchmarks/bench_verdicts.py --compare, against references
    y, x = _ar1(rng, 120, 0.5), _ar1(rng, 120, 0.5)
    # first differences: statsmodels OLS of diff(y) on a constant and diff(x)
    fit = _serial_slope(y, x, serial="none", trend="diff")
    ols = sm.OLS(np.diff(y), sm.add_constant(np.diff(x))).fit()
    assert fit["slope"][0] == pytest.approx(ols.params[1], rel=1e-10)
    assert fit["se"][0] == pytest.approx(ols.bse[1], rel=1e-10)
    assert fit["dof"][0] == ols.df_resid
    # a straight line in time: statsmodels OLS with a time column
    fit = _serial_slope(y, x, serial="none", trend="linear")
    ols = sm.OLS(y, np.column_stack([x, np.ones(120), np.arange(120)])).fit()
    assert fit["slope"][0] == pytest.approx(ols.params[0], rel=1e-10)
    assert fit["se"][0] == pytest.approx(ols.bse[0], rel=1e-10)
    # a local +-7 day mean removed from both: pandas' centred rolling mean
    fit = _serial_slope(y, x, serial="none", trend="local", trend_days=14)
    dev = [v - pd.Series(v).rolling(15, center=True, min_periods=1).mean() for v in (y, x)]
    assert fit["slope"][0] == pytest.approx((dev[0] @ dev[1]) / (dev[1] @ dev[1]), rel=1e-10)
    with pytest.raises(ValueError, match="trend must be one of"):
        _serial_slope(y, x, trend="loess")
