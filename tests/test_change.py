"""Tests of backpain.change: pain_change, questionnaire_change, responders and their shares."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats as sps
from statsmodels.stats.proportion import proportion_confint
from statsmodels.tsa.statespace.sarimax import SARIMAX

import backpain
from backpain.change import (
    INSTRUMENTS,
    ar1_fit,
    fieller_ratio,
    grade_percent,
    pain_change,
    questionnaire_change,
    responder_shares,
    responders,
    wilson_ci,
)


def _diary(values, start="2026-01-01", subject="me", dates=None) -> pd.DataFrame:
    if dates is None:
        dates = pd.date_range(start, periods=len(values))
    return pd.DataFrame({"subject": subject, "date": dates, "pain": np.asarray(values, float)})


def _ar1(rng, n, phi):
    z = rng.standard_normal(n)
    e = np.empty(n)
    e[0] = z[0]
    for t in range(1, n):
        e[t] = phi * e[t - 1] + np.sqrt(1 - phi**2) * z[t]
    return e


# ----------------------------------------------------------------- hand cases
def test_hand_case_six_then_four():
    res = pain_change(_diary([6.0] * 28 + [4.0] * 28))
    s = res.summary
    assert s["change"] == pytest.approx(-2.0)
    assert s["percent"] == pytest.approx(-100 / 3)
    assert s["grade"] == "moderate"  # IMMPACT: >= 30% and < 50%
    assert s["direction"] == "lower"
    assert s["mic"] == "improved"  # Ostelo: 2 points or 30%
    assert res.periods["n_days"].tolist() == [28, 28]
    assert res.periods["mean"].tolist() == [6.0, 4.0]
    row = res.to_frame()
    assert row[["subject", "n_days_before", "mean_after", "grade"]].iloc[0].tolist() == [
        "me",
        28,
        4.0,
        "moderate",
    ]
    assert "moderate" in res._repr_html_()


def test_too_few_entries_says_how_many_are_needed():
    # every third day: 10 scored days in each 4-week period
    diary = _diary([6.0] * 28 + [4.0] * 28).iloc[::3]
    res = pain_change(diary)
    assert res.grade == "too_few_days"
    assert res.summary["mic"] == "too_few_days"
    assert np.isnan(res.summary["change"])
    assert res.periods["needed"].tolist() == [14 - n for n in res.periods["n_days"]]
    assert (res.periods["needed"] > 0).all()


def test_no_change_is_graded_none(rng):
    diary = _diary(5 + 0.3 * rng.standard_normal(84))
    s = pain_change(diary).summary
    assert s["ci_low"] < 0 < s["ci_high"]
    assert s["grade"] == "none"  # the whole interval within +-10%
    assert s["mic"] == "not_important"


def test_pain_free_start_gives_no_percent():
    s = pain_change(_diary([0.0] * 28 + [5.0, 6.0] * 14)).summary
    assert s["grade"] == "no_percent"
    assert np.isnan(s["percent"])
    assert s["mic"] == "worse"
    assert s["direction"] == "higher"


def test_grades_decided_from_the_interval():
    assert grade_percent(-9.99) == "none"
    assert grade_percent(-10) == "minimal"
    assert grade_percent(-30) == "moderate"
    assert grade_percent(-50) == "substantial"
    from backpain.change import _decide_grade

    bands = (10.0, 30.0, 50.0)
    assert _decide_grade(-45, -35, bands) == ("moderate", "lower")
    assert _decide_grade(-70, -35, bands) == ("at_least_moderate", "lower")
    assert _decide_grade(-40, -5, bands) == ("unclear", "lower")
    assert _decide_grade(-40, 5, bands) == ("unclear", "unclear")
    assert _decide_grade(-5, 5, bands) == ("none", "unclear")
    assert _decide_grade(12, 25, bands) == ("minimal", "higher")


# ----------------------------------------------------------------- periods
def test_periods_at_a_date_and_a_tag():
    diary = _diary([6.0] * 40 + [3.0] * 40)
    diary["tags"] = None
    diary.loc[40, "tags"] = "physiotherapy|heat"
    by_date = pain_change(diary, at="2026-02-10")
    by_tag = pain_change(diary, tag="physiotherapy")
    assert by_tag.at == pd.Timestamp("2026-02-10")
    pd.testing.assert_frame_equal(by_date.periods, by_tag.periods)
    p = by_tag.periods.set_index("period")
    assert p.loc["before", "start"] == pd.Timestamp("2026-01-13")  # 4 weeks before
    assert p.loc["before", "end"] == pd.Timestamp("2026-02-09")
    assert p.loc["after", "end"] == diary["date"].max()
    assert by_tag.summary["change"] == pytest.approx(-3.0)
    everything = pain_change(diary, at="2026-02-10", weeks=None)
    assert everything.periods["n_days"].tolist() == [40, 40]


def test_short_diary_is_split_in_halves():
    res = pain_change(_diary([5.0] * 20 + [4.0] * 20))
    p = res.periods
    assert p["n_days"].tolist() == [20, 20]
    assert p["end"].iloc[0] + pd.Timedelta(days=1) == p["start"].iloc[1]


def test_errors_name_the_argument():
    diary = _diary([5.0] * 60)
    with pytest.raises(ValueError, match="at= or tag=, not both"):
        pain_change(diary, at="2026-02-01", tag="x")
    with pytest.raises(ValueError, match="no 'tags' column"):
        pain_change(diary, tag="physiotherapy")
    with pytest.raises(ValueError, match="split day 2027-01-01"):
        pain_change(diary, at="2027-01-01")
    with pytest.raises(ValueError, match="min_days"):
        pain_change(diary, min_days=1)
    two = pd.concat([diary, diary.assign(subject="you")])
    with pytest.raises(ValueError, match="pass subject="):
        pain_change(two)
    with pytest.raises(ValueError, match="'nobody' is not in data"):
        pain_change(two, subject="nobody")
    diary["tags"] = "heat"
    with pytest.raises(ValueError, match=r"never used.*\['heat'\]"):
        pain_change(diary, tag="physiotherapy")


# ------------------------------------------------- against statsmodels
def test_gls_equals_statsmodels_gls_with_gaps(rng):
    day = np.sort(rng.choice(np.arange(90), size=60, replace=False))
    after = day >= 45
    y = 5 - 1.2 * after + 1.3 * _ar1(rng, 90, 0.5)[day]
    phi = 0.45
    ours = ar1_fit(day, y, after, phi=phi)
    # reference: GLS with the AR(1) correlation matrix phi ** |day_i - day_j|
    sigma = phi ** np.abs(day[:, None] - day[None, :])
    ref = sm.GLS(y, sm.add_constant(after.astype(float)), sigma=sigma).fit()
    assert ours["level"] == pytest.approx(ref.params[0], rel=1e-10)
    assert ours["change"] == pytest.approx(ref.params[1], rel=1e-10)
    assert np.sqrt(ours["var_change"]) == pytest.approx(ref.bse[1], rel=1e-10)
    assert ours["cov"] == pytest.approx(ref.cov_params()[0, 1], rel=1e-8)


def test_close_to_sarimax_maximum_likelihood(rng):
    # a long complete series, where the small-sample corrections hardly matter
    n = 400
    after = np.arange(n) >= n // 2
    y = 6 - 1.5 * after + 1.2 * _ar1(rng, n, 0.5)
    ours = ar1_fit(np.arange(n), y, after)
    exog = sm.add_constant(after.astype(float))
    ref = SARIMAX(y, exog=exog, order=(1, 0, 0)).fit(disp=False)
    assert ours["change"] == pytest.approx(ref.params[1], abs=0.1)
    assert ours["phi"] == pytest.approx(ref.params[2], abs=0.08)
    assert np.sqrt(ours["var_change"]) == pytest.approx(ref.bse[1], rel=0.2)


def test_glsar_agrees_on_a_contiguous_series(rng):
    n = 300
    after = np.arange(n) >= 150
    y = 4 + 1.0 * after + _ar1(rng, n, 0.4)
    exog = sm.add_constant(after.astype(float))
    ref = sm.GLSAR(y, exog, rho=1).iterative_fit(maxiter=20)
    ours = ar1_fit(np.arange(n), y, after, phi=float(ref.model.rho[0]))
    # GLSAR drops the first day (Cochrane-Orcutt); ours keeps it (Prais-Winsten):
    # the estimates differ by a fraction of a standard error
    assert abs(ours["change"] - ref.params[1]) < 0.25 * ref.bse[1]
    assert np.sqrt(ours["var_change"]) == pytest.approx(ref.bse[1], rel=0.03)


def test_fieller_equals_brute_force_inversion():
    a, b, va, vb, cov, t = 4.8, -1.4, 0.09, 0.16, -0.05, 2.05
    lo, hi = fieller_ratio(a, b, va, vb, cov, t)
    theta = np.linspace(-1, 0.5, 300_001)
    stat = (b - theta * a) ** 2 / (vb - 2 * theta * cov + theta**2 * va)
    inside = theta[stat <= t**2]
    assert lo == pytest.approx(inside.min(), abs=1e-5)
    assert hi == pytest.approx(inside.max(), abs=1e-5)
    assert fieller_ratio(0.1, 1.0, 0.09, 0.1, 0.0, 2.0) == (pytest.approx(np.nan, nan_ok=True),) * 2


def test_coverage_small_simulation():
    # the full grid is benchmarks/bench_change.py; this is a 2-second guard
    rng = np.random.default_rng(5)
    phi, n, hits, reps = 0.6, 28, 0, 300
    after = np.arange(2 * n) >= n
    for _ in range(reps):
        y = 6 - 1.5 * after + 1.5 * _ar1(rng, 2 * n, phi)
        f = ar1_fit(np.arange(2 * n), y, after)
        t = sps.t.ppf(0.975, f["dof"])
        hits += abs(f["change"] + 1.5) <= t * np.sqrt(f["var_change"])
    assert hits / reps >= 0.9


# ----------------------------------------------------------- questionnaires
def test_questionnaire_change_odi_thresholds_and_rci():
    t0 = pd.DataFrame({"subject": ["a", "b", "c"], "odi_score": [40.0, 30.0, 20.0]})
    t1 = pd.DataFrame({"subject": ["c", "a", "b"], "odi_score": [38.0, 21.0, 26.0]})
    out = questionnaire_change(t0, t1, instrument="odi").set_index("respondent")
    assert out.loc["a", "change"] == -19.0
    assert bool(out.loc["a", "important"])  # >= 10 points (Ostelo 2008)
    assert bool(out.loc["a", "responder_30"])
    assert not bool(out.loc["a", "responder_50"])
    # RCI by hand: change / (sqrt(2) * SEM), SEM 6 (Davidson & Keating 2002)
    assert out.loc["a", "rci"] == pytest.approx(-19 / (np.sqrt(2) * 6))  # -2.24
    assert out.loc["a", "reliable"] == "improved"
    assert not bool(out.loc["b", "important"])  # 4 points
    assert out.loc["b", "reliable"] == "no_reliable_change"
    assert out.loc["c", "reliable"] == "worse"
    assert out.loc["c", "percent_change"] == pytest.approx(90.0)


def test_questionnaire_change_scores_items_and_uses_given_reliability():
    rng = np.random.default_rng(2)
    items = [f"rmdq{i}" for i in range(1, 25)]
    a0 = pd.DataFrame(rng.integers(0, 2, (5, 24)), columns=items).assign(subject=list("vwxyz"))
    a1 = a0.copy()
    a1[items[:8]] = 0
    scored0 = backpain.score_rmdq(a0, respondent="subject")
    out = questionnaire_change(a0, a1, instrument="rmdq", reliability=0.9, sd=4.0)
    assert out["baseline"].tolist() == scored0["rmdq_score"].tolist()
    sem = 4.0 * np.sqrt(0.1)
    assert out["rci"].to_numpy() == pytest.approx(out["change"].to_numpy() / (np.sqrt(2) * sem))


def test_peg_has_no_default_rci_and_errors():
    t0 = pd.DataFrame({"subject": ["a"], "peg_score": [6.0]})
    t1 = pd.DataFrame({"subject": ["a"], "peg_score": [4.0]})
    out = questionnaire_change(t0, t1, instrument="peg")
    assert INSTRUMENTS["peg"].sem is None
    assert np.isnan(out["rci"].iloc[0])
    assert bool(out["important"].iloc[0])
    with pytest.raises(ValueError, match="instrument must be one of"):
        questionnaire_change(t0, t1, instrument="sf36")
    with pytest.raises(ValueError, match="more than once"):
        questionnaire_change(pd.concat([t0, t0]), t1, instrument="peg")
    with pytest.raises(ValueError, match="both reliability"):
        questionnaire_change(t0, t1, instrument="peg", reliability=0.8)


# ----------------------------------------------------------------- cohorts
def _cohort() -> pd.DataFrame:
    parts = []
    for i, (before, after) in enumerate([(6, 2), (6, 4), (6, 5.5), (4, 4), (5, 2.5)]):
        d = _diary([before] * 60 + [after] * 60, subject=f"P{i}")
        d["arm"] = "A" if i % 2 else "B"
        parts.append(d)
    short = _diary([5.0] * 10, subject="P9").assign(arm="B")
    unscored = _diary([np.nan] * 5, subject="Q0").assign(arm="A")  # kept, never dropped
    return pd.concat([*parts, short, unscored], ignore_index=True)


def test_responders_by_hand():
    table = responders(_cohort(), by="arm").set_index("subject")
    assert table.loc["P0", "baseline"] == 6
    assert table.loc["P0", "follow_up"] == 2
    assert table["responder_30"].tolist()[:5] == [True, True, False, False, True]
    assert table["responder_50"].tolist()[:5] == [True, False, False, False, True]
    assert pd.isna(table.loc["P9", "responder_30"])  # 5 days each: not evaluable
    assert table.loc["P9", "n_baseline"] == 5
    assert table.loc["P1", "arm"] == "A"
    assert table.loc["Q0", "n_baseline"] == 0
    assert pd.isna(table.loc["Q0", "responder_30"])
    shares = responder_shares(table, by="arm").set_index("group")
    assert shares.loc["B", "n"] == 4
    assert shares.loc["B", "n_evaluable"] == 3
    assert shares.loc["B", "share_30"] == pytest.approx(2 / 3)
    assert shares.loc["all", "n_responder_50"] == 2


def test_wilson_against_statsmodels():
    k = np.array([0, 3, 17, 40])
    n = np.array([12, 10, 40, 40])
    lo, hi = wilson_ci(k, n)
    ref_lo, ref_hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    np.testing.assert_allclose(lo, ref_lo, atol=1e-12)
    np.testing.assert_allclose(hi, ref_hi, atol=1e-12)


def test_responder_shares_by_duration_class():
    table = responders(backpain.load_example("cohort"))
    shares = responder_shares(table)
    assert shares["group"].iloc[-1] == "all"
    assert shares["n"].iloc[-1] == len(table)
    assert set(shares["group"]) <= {"acute", "subacute", "chronic", "unknown", "all"}


def test_responders_on_dask_equal_in_memory(tmp_path):
    dask = pytest.importorskip("dask")
    data = _cohort()  # Q0, without any score, is alone in its partition
    backpain.write_cohort_parquet(data, tmp_path, subjects_per_file=2)
    import backpain.dask as on_dask

    with dask.config.set(scheduler="synchronous"):
        lazy, _ = backpain.read_dask(tmp_path, return_report=True)
        got = on_dask.responders(lazy, by="arm")
        with pytest.raises(TypeError, match=r"use backpain\.dask\.responders"):
            responders(lazy)
    want = responders(data, by="arm")
    pd.testing.assert_frame_equal(got, want)


def test_responders_errors():
    with pytest.raises(ValueError, match=r"no column\(s\) \['arm'\]"):
        responders(_diary([5.0] * 60), by="arm")
    with pytest.raises(ValueError, match="weeks must be"):
        responders(_diary([5.0] * 60), weeks=0)
    mixed = _diary([5.0] * 60).assign(arm=["A"] * 30 + ["B"] * 30)
    with pytest.raises(ValueError, match=r"subject 'me' has \['A', 'B'\]"):
        responders(mixed, by="arm")


# ------------------------------------------------------- figure and report
def test_plot_draws_the_periods_levels_and_grade():
    from backpain import plot

    res = pain_change(_diary([6.0] * 28 + [4.0] * 28))
    ax = plot.pain_change(res, lang="nl")
    daily, before, after = ax.lines[:3]
    assert len(daily.get_xdata()) == 56
    np.testing.assert_allclose(before.get_ydata(), [6.0, 6.0])
    np.testing.assert_allclose(after.get_ydata(), [4.0, 4.0])
    assert len(ax.patches) == 2  # the two periods shaded
    assert ax.get_title() == "Verandering: een matig belangrijke verbetering"
    with pytest.raises(ValueError, match=r"expected the result of backpain\.pain_change"):
        plot.pain_change(pd.DataFrame())


def _section(html: str) -> str:
    start = html.index("<h2 id='change'>")
    return html[start : html.index("<h2", start + 5)]


def test_report_section_on_the_example_patient_in_the_whole_report():
    from backpain.report import build_report

    data = build_report(backpain.load_example("patient_nl"), lang="nl")
    section = _section(data.to_html())
    assert "bewijst niet dat een behandeling" in section
    assert "data:image/png;base64," in section
    # the example starts pain-free: a rise in points, no percent, Ostelo's MIC reached
    s = data.change.result.summary
    assert s["grade"] == "no_percent"
    assert s["mic"] == "worse"
    assert "De stijging haalt de minimale belangrijke verandering" in section


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_report_section_on_the_example_patient(lang):
    section = _section_only(backpain.load_example("patient"), lang)
    words = {
        "en": ["The rise reaches the minimal important change", "too close to 0"],
        "nl": ["De stijging haalt", "te dicht bij 0"],
    }
    for w in words[lang]:
        assert w in section


def _section_only(diary: pd.DataFrame, lang: str) -> str:
    """The section as the report renders it, without building the rest of the report."""
    from types import SimpleNamespace

    from backpain.report._change import change_blocks, change_data
    from backpain.report._render import _environment

    (block,) = change_blocks(SimpleNamespace(change=change_data(diary, lang=lang)), lang)
    return _environment().get_template("_change.html.j2").render(b=block)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_report_section_on_a_diary_without_change(lang):
    rng = np.random.default_rng(3)
    section = _section_only(_diary(5 + 0.4 * rng.standard_normal(70)), lang)
    words = {"en": "This is no important change", "nl": "Dit is geen belangrijke verandering"}
    assert words[lang] in section
    smaller = {"en": "smaller than the minimal important change", "nl": "kleiner dan de minimale"}
    assert smaller[lang] in section
    assert "data:image/png;base64," in section
    caveat = {"en": "does not prove that a treatment caused it", "nl": "bewijst niet"}
    assert caveat[lang] in section


def test_report_section_with_too_few_days_and_without_pain():
    section = _section_only(_diary([6.0] * 28 + [4.0] * 28).iloc[::3], "en")
    assert "Too few days with a pain score" in section
    assert "at least 14 (5 more in the first, 4 more in the second)" in section
    from backpain.report._change import change_blocks, change_data

    no_pain = _diary([np.nan] * 10)
    assert change_data(no_pain, lang="nl") is None
    from types import SimpleNamespace

    (block,) = change_blocks(SimpleNamespace(change=None), "nl")
    assert block["text"] == "Hiervoor zijn pijnscores nodig: voeg je pijndagboek toe."


def test_important_is_points_or_percent_where_the_source_gives_both():
    # Ostelo et al. 2008: ODI 10 points or 30%; the NIH impact MCIC (7.5) is points only
    t0 = pd.DataFrame({"subject": ["low", "high"], "odi_score": [20.0, 60.0]})
    t1 = pd.DataFrame({"subject": ["low", "high"], "odi_score": [13.0, 52.0]})
    odi = questionnaire_change(t0, t1, instrument="odi").set_index("respondent")
    assert bool(odi.loc["low", "important"])  # 7 points but 35%
    assert not bool(odi.loc["high", "important"])  # 8 points, 13%
    n0 = pd.DataFrame({"subject": ["x"], "nih_impact": [20.0]})
    n1 = pd.DataFrame({"subject": ["x"], "nih_impact": [13.0]})
    nih = questionnaire_change(n0, n1, instrument="nih_impact")
    assert not bool(nih["important"].iloc[0])  # 35% but 7 < 7.5 points
