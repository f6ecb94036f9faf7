"""Experience-sampling studies: reading m-Path and long tables, compliance, within-day analyses."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from backpain import esm
from backpain.errors import DiaryError
from backpain.multilevel import MixedModelWarning
from backpain.read.esm import read_esm
from backpain.schema import MOMENTARY_COLUMNS
from backpain.simulate import ESM_EFFECTS, simulate_esm

DATA = Path(__file__).parent / "data" / "esm"
MPATH = DATA / "mpath_basic.csv"  # written by hand in m-Path's basic.csv layout (mpathr's example)
LONG = DATA / "long_study.csv"  # simulate_esm(24, 8, 5, seed=20261207) in the long layout


def _rm_corr(data, x, y):
    """pingouin.rm_corr (the reference); its ancova calls rename(inplace=True), deprecated in pandas 3."""
    pg = pytest.importorskip("pingouin")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pd.errors.Pandas4Warning)
        return pg.rm_corr(data=data, x=x, y=y, subject="subject")


@pytest.fixture(scope="module")
def mpath():
    return read_esm(MPATH, return_report=True)


@pytest.fixture(scope="module")
def study():
    return simulate_esm(40, 10, 6, seed=11)


# ------------------------------------------------------------------ reading
def test_mpath_accounts_for_every_row(mpath):
    m, report = mpath
    # 10 data rows: 8 prompts, 1 blank line, 1 with sent time 'abc' (file row 9)
    assert (report.rows_read, report.rows_kept, report.rows_ignored, report.rows_rejected) == (
        10,
        8,
        1,
        1,
    )
    assert report.balanced
    bad = report.rejected.iloc[0]
    assert (bad["row"], bad["column"], bad["value"]) == (9, "timeStampSent", "abc")
    assert list(m.columns[: len(MOMENTARY_COLUMNS)]) == list(MOMENTARY_COLUMNS)


def test_mpath_local_times_numbers_and_answers(mpath):
    m, _ = mpath
    first = m.iloc[0]
    # 1713164400 = 2024-04-15 07:00 UTC; timeZoneOffset 7200 s -> 09:00 local
    assert first["sent"] == pd.Timestamp("2024-04-15 09:00:00")
    assert first["started"] == pd.Timestamp("2024-04-15 09:01:00")
    assert first["completed"] == pd.Timestamp("2024-04-15 09:02:00")
    assert first["scheduled"] == pd.Timestamp("2024-04-15 08:59:58")
    a = m[m["subject"] == "1001"]
    assert a["prompt"].tolist() == [1, 2, 3, 4, 5, 6]
    assert a["day_prompt"].tolist() == [1, 2, 3, 1, 2, 3]
    assert a["answered"].tolist() == [True, False, True, True, True, True]
    assert a["pain_sliderNeutralPos"].tolist()[:3] == [
        40.0,
        pytest.approx(np.nan, nan_ok=True),
        60.0,
    ]
    # text answers lose m-Path's extra quotes; several answers are joined with |
    assert a["activity_multipleChoice_string"].tolist()[:3] == ["Work", pd.NA, "Work|Sport"]
    assert a["activity_multipleChoice_index"].iloc[2] == "1,3"  # several answers stay text
    assert a["note_open"].iloc[5] == "rested, better"
    assert "intro_basic" not in m.columns  # an information screen holds no answer


def test_mpath_items_are_mapped_and_unknown_items_refused():
    m, report = read_esm(MPATH, items={"pain_sliderNeutralPos": "pain"}, return_report=True)
    assert [c for c in m.columns if c not in MOMENTARY_COLUMNS] == ["pain"]
    assert report.columns == {"pain": "pain_sliderNeutralPos"}
    with pytest.raises(DiaryError, match="items names slider_pain, which the file does not have"):
        read_esm(MPATH, items={"slider_pain": "pain"})


def test_long_table_rejects_bad_rows_with_their_reason():
    text = b"id,day,beep,pain\n1,1,1,4\n1,1,1,5\n1,x,2,3\n1,2,1,\n\n"
    m, report = read_esm(text, return_report=True)
    assert (report.rows_read, report.rows_kept, report.rows_rejected, report.rows_ignored) == (
        5,
        2,
        2,
        1,
    )
    assert report.balanced
    assert report.rejected[["row", "column", "value"]].to_numpy().tolist() == [
        [3, "beep", "1"],  # in row order, as every reader lists them
        [4, "day", "x"],
    ]
    assert m["answered"].tolist() == [True, False]


def test_unknown_layout_names_what_is_missing():
    with pytest.raises(DiaryError, match=r"no columns day, beep"):
        read_esm(b"id,pain\n1,4\n")


def test_long_fixture_reads_times_and_answers():
    m, report = read_esm(LONG, return_report=True)
    assert report.balanced
    assert report.rows_kept == 24 * 8 * 5
    assert m["answered"].equals(m["completed"].notna())
    assert (m["started"].dropna() >= m.loc[m["started"].notna(), "sent"]).all()


# ------------------------------------------------------------------ daily diary
def test_to_daily_means_with_a_stated_scale(mpath):
    m, _ = mpath
    with pytest.raises(ValueError, match=r"goes up to 70.0 .* scales=\{'pain': \(0, 100\)\}"):
        esm.to_daily(m, items={"pain_sliderNeutralPos": "pain"})
    daily = esm.to_daily(m, items={"pain_sliderNeutralPos": "pain"}, scales={"pain": (0, 100)})
    one = daily[(daily["subject"] == "1001") & (daily["date"] == "2024-04-15")].iloc[0]
    # answered prompts 40 and 60 on a 0-100 slider: mean 50 -> 5.0 on 0-10; 3 sent, 2 answered
    assert (one["pain"], one["prompts_sent"], one["prompts_answered"]) == (5.0, 3, 2)
    two = daily[(daily["subject"] == "1001") & (daily["date"] == "2024-04-16")].iloc[0]
    assert two["pain"] == pytest.approx((50 + 70 + 30) / 3 / 10)


def test_to_daily_needs_the_first_date_for_numbered_days():
    m = read_esm(b"id,day,beep,pain\n1,1,1,4\n1,2,1,6\n")
    with pytest.raises(ValueError, match="give start="):
        esm.to_daily(m)
    daily = esm.to_daily(m, start="2026-03-02")
    assert daily["date"].tolist() == [pd.Timestamp("2026-03-02"), pd.Timestamp("2026-03-03")]


# ------------------------------------------------------------------ compliance
def test_compliance_by_hand(mpath):
    m, _ = mpath
    c = esm.compliance(m, min_share=0.9)
    p = c.persons.set_index("subject")
    assert (p.loc["1001", "sent"], p.loc["1001", "answered"]) == (6, 5)
    assert p.loc["1001", "share"] == pytest.approx(5 / 6)
    # sent -> started: 60, 30, 10, 5, 20 s; started -> completed: 60, 15, 60, 60, 60 s
    assert p.loc["1001", "median_delay_s"] == 20
    assert p.loc["1001", "median_duration_s"] == 60
    assert p.loc["1002", "median_delay_s"] == 55  # 100 and 10 s
    assert p["flagged"].tolist() == [True, False]
    assert c.prompts.set_index("day_prompt")["answered"].tolist() == [3, 2, 2]
    assert c.days["sent"].tolist() == [3, 3, 2]
    assert "2 persons answered 7 of 8 prompts (88%)" in c.describe()
    assert "2 personen beantwoordden 7 van 8 prompts (88%)" in c.describe("nl")


def test_careless_flags():
    text = (
        b"id,day,beep,started,completed,a,b,c\n"
        b"1,2026-03-02,1,2026-03-02T09:00:00,2026-03-02T09:00:02,3,3,3\n"
        b"1,2026-03-02,2,2026-03-02T12:00:00,2026-03-02T12:01:00,3,4,3\n"
        b"1,2026-03-02,3,,,,,\n"
    )
    m = read_esm(text)
    result = esm.careless(m, items=["a", "b", "c"])
    flags = result.table
    assert flags["too_fast"].tolist() == [True, False]  # 2 s for 3 items < 1 s per item
    assert flags["same_answer"].tolist() == [True, False]
    assert len(flags) == 2  # the unanswered prompt has nothing to judge
    assert result.describe().startswith("1 answered prompts were completed faster than 1.0 s")


# ------------------------------------------------------------------ within-day lags
def test_lags_stay_within_the_day_unless_asked(mpath):
    m, _ = mpath
    a = m["subject"] == "1001"
    day = esm.lagged(m, ["pain_sliderNeutralPos"])[a]["pain_sliderNeutralPos_lag1"]
    # prompt 2 was missed: prompt 3 has no lag; each day's first prompt has none
    assert day.tolist()[:6] == pytest.approx([np.nan, 40, np.nan, np.nan, 50, 70], nan_ok=True)
    night = esm.lagged(m, ["pain_sliderNeutralPos"], overnight=True)[a]
    assert night["pain_sliderNeutralPos_lag1"].iloc[3] == 60  # day 2's first <- day 1's last


def test_within_correlation_equals_pingouin_rm_corr(study):
    out = esm.momentary_corr(study, x="stress", y="pain").set_index("level")
    rows = study.dropna(subset=["stress", "pain"])
    ref = _rm_corr(rows, "stress", "pain")
    assert out.loc["within", "r"] == pytest.approx(ref["r"].iloc[0], abs=1e-12)
    assert out.loc["within", "dof"] == ref["dof"].iloc[0]
    assert out.loc["within", "p_val"] == pytest.approx(ref["pval"].iloc[0], rel=1e-9)
    means = rows.groupby("subject")[["stress", "pain"]].mean()
    from scipy import stats

    assert out.loc["between", "r"] == pytest.approx(
        stats.pearsonr(means["stress"], means["pain"])[0], abs=1e-12
    )


def test_lagged_correlation_equals_rm_corr_on_the_lagged_rows(study):
    out = esm.momentary_corr(study, x="stress", y="pain", lag=1).set_index("level")
    rows = esm.lagged(study, ["stress"]).dropna(subset=["stress_lag1", "pain"])
    ref = _rm_corr(rows, "stress_lag1", "pain")
    assert out.loc["within", "r"] == pytest.approx(ref["r"].iloc[0], abs=1e-12)
    assert out.loc["within", "n_obs"] == len(rows)


# ------------------------------------------------------------------ multilevel VAR
def test_mlvar_equals_lme4_nodewise_fits():
    # tests/data/esm/mlvar_lme4.R fitted the same node-wise models with lme4/lmerTest
    ref = pd.read_csv(DATA / "mlvar_lme4.csv")
    m = read_esm(LONG)
    fit = esm.mlvar(m, ["pain", "stress", "mood"], random_slopes=False)
    assert fit.n_obs == ref["n_obs"].iloc[0]
    t = fit.temporal.set_index(["outcome", "predictor"])
    for row in ref[ref["term"].str.endswith("_w")].itertuples():
        mine = t.loc[(row.outcome, row.term[:-2])]
        assert mine["coef"] == pytest.approx(row.estimate, abs=1e-4)
        assert mine["se"] == pytest.approx(row.se, abs=1e-4)
        if not row.singular:  # lmerTest's df at a boundary fit is not a stable reference
            assert mine["dof"] == pytest.approx(row.df, rel=1e-3)


def test_mlvar_with_random_slopes_equals_lme4_nodewise_fits():
    # tests/data/esm/mlvar_lme4.R fitted the node-wise models with correlated random
    # slopes on a study simulated with person-specific effects (make_slopes_study.py): no
    # fit is singular, so the optimum is well defined; lme4's bobyqa stops within about
    # 3e-7 of ours (coef, se), lmerTest's df within 5e-5 relative
    ref = pd.read_csv(DATA / "mlvar_slopes_lme4.csv")
    assert not ref["singular"].any()
    m = read_esm(DATA / "slopes_study.csv")
    fit = esm.mlvar(m, ["pain", "stress", "mood"], random_slopes=True)
    assert fit.n_obs == ref["n_obs"].iloc[0]
    assert fit.notes == []  # converged, not singular
    t = fit.temporal.set_index(["outcome", "predictor"])
    rows = ref[ref["term"].str.endswith("_w")]
    assert len(rows) == len(t) == 9
    for row in rows.itertuples():
        mine = t.loc[(row.outcome, row.term[:-2])]
        assert mine["coef"] == pytest.approx(row.estimate, abs=1e-5)
        assert mine["se"] == pytest.approx(row.se, abs=1e-5)
        assert mine["dof"] == pytest.approx(row.df, rel=1e-3)
        assert mine["random_sd"] == pytest.approx(row.random_sd, abs=1e-5)


# lme4's names of tests/data/esm/mixed_lme4.csv -> mixed_model's terms
_TERMS = {
    "(Intercept)": "Intercept",
    "stress_w": "stress_within",
    "stress_lag1_w": "stress_lag1_within",
    "mood_w": "mood_within",
    "stress_b": "stress_between",
    "mood_b": "mood_between",
}


@pytest.mark.parametrize(
    ("model", "kwargs"),
    [
        ("same_prompt", {"x": ["stress", "mood"]}),
        ("lagged", {"x": ["stress", "mood"], "lag": {"stress": (0, 1)}}),
        ("slope", {"x": ["stress"], "random_slopes": True}),
    ],
)
def test_mixed_model_on_a_momentary_table_equals_lme4(model, kwargs):
    # tests/data/esm/mixed_lme4.R: prompts nested in persons, lags in prompts within the day
    from backpain import mixed_model

    ref = pd.read_csv(DATA / "mixed_lme4.csv")
    ref = ref[ref["model"] == model]
    m = read_esm(LONG)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MixedModelWarning)  # the note on 24 persons
        fit = mixed_model(m, y="pain", **kwargs)
    assert fit.n_obs == ref["n_obs"].iloc[0]
    assert len(fit.table) == len(ref)
    mine = fit.table.set_index("term")
    for row in ref.itertuples():
        term = mine.loc[_TERMS[row.term]]
        assert term["coef"] == pytest.approx(row.estimate, rel=1e-5, abs=1e-5)
        assert term["se"] == pytest.approx(row.se, rel=1e-4, abs=1e-5)
        assert term["dof"] == pytest.approx(row.df, rel=1e-3)
        if np.isfinite(row.random_sd):
            assert term["random_sd"] == pytest.approx(row.random_sd, rel=1e-4)


def test_mixed_model_lags_a_momentary_table_within_the_day(study):
    from backpain import mixed_model

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MixedModelWarning)
        fit = mixed_model(study, y="pain", x=["stress"], lag=1)
    # by hand: the previous prompt of the same person and day (pandas' grouped shift)
    ordered = study.sort_values(["subject", "prompt"])
    before = ordered.groupby(["subject", "day"])["stress"].shift(1)
    assert fit.n_obs == int((before.notna() & ordered["pain"].notna()).sum())
    with pytest.raises(ValueError, match=r"no column\(s\) \['answered'\]"):
        mixed_model(study.drop(columns="answered"), y="pain", x=["stress"])


def test_mlvar_recovers_the_simulated_effects_and_says_so():
    m = simulate_esm(80, 14, 6, seed=3)
    fit = esm.mlvar(m, ["pain", "stress", "mood"], random_slopes=False)
    t = fit.temporal.set_index(["outcome", "predictor"])
    names = ["pain", "stress", "mood"]
    for i, out in enumerate(names):
        for j, pred in enumerate(names):
            assert t.loc[(out, pred), "coef"] == pytest.approx(ESM_EFFECTS[i, j], abs=0.06)
    pc = fit.contemporaneous.set_index(["var1", "var2"])["pcor"]
    assert pc[("pain", "stress")] > 0.2
    assert pc[("pain", "mood")] < -0.2
    assert "higher stress went with more pain at the next prompt" in fit.describe()
    assert "meer stress ging samen met meer pijn bij de volgende prompt" in fit.describe("nl")


def test_mlvar_needs_two_variables(study):
    with pytest.raises(ValueError, match="two or more variables"):
        esm.mlvar(study, ["pain"])


def test_network_and_compliance_plots_draw_what_was_decided(study):
    import matplotlib.pyplot as plt

    from backpain import plot

    fit = esm.mlvar(study, ["pain", "stress", "mood"], random_slopes=False)
    ax = plot.esm_network(fit, lang="nl")
    clear = int((fit.temporal["p_val"] < 0.05).sum())
    assert sum(p.get_gid() == "edge" for p in ax.patches) == clear
    assert sorted(t.get_text() for t in ax.texts) == ["Pijn", "Stemming", "Stress"]
    plt.close("all")
    ax = plot.esm_network(fit, kind="contemporaneous", min_pcor=0.2)
    drawn = sum(p.get_gid() == "edge" for p in ax.patches)
    assert drawn == int((fit.contemporaneous["pcor"].abs() >= 0.2).sum())
    plt.close("all")
    ax = plot.compliance(esm.compliance(study))
    assert sum(p.get_height() for p in ax.patches) == study["subject"].nunique()
    plt.close("all")
