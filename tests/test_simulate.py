"""The simulator's documented effects are what a plain regression recovers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

import backpain
from backpain.simulate import TRUE_EFFECTS


@pytest.fixture(scope="module")
def sim():
    return backpain.simulate_cohort(200, 200, seed=5, return_truth=True)


def test_shape_ranges_and_schema(sim):
    diary, truth = sim
    backpain.check_diary(diary, need=("pain", "stress", "sleep_quality", "mood"))
    assert diary["subject"].nunique() == 200
    assert diary["date"].min() == pd.Timestamp("2025-01-01")
    assert 0.8 < len(diary) / (200 * 200) < 0.92  # 10% missing days plus some gaps
    assert set(truth.subjects["subject"]) == set(diary["subject"])


def test_onset_day_and_last_day_are_recorded_and_pain_free_before_onset(sim):
    diary, truth = sim
    merged = diary.merge(truth.subjects[["subject", "onset", "as_of"]], on="subject")
    before = merged[merged["date"] < merged["onset"]]
    after = merged[merged["date"] >= merged["onset"]]
    assert (before["pain"] == 0).all()
    assert (after["pain"] >= 1).all()
    onset_days = merged[merged["date"] == merged["onset"]]
    assert onset_days["subject"].nunique() == int(truth.subjects["onset_in_diary"].sum())
    assert (
        diary.groupby("subject")["date"].max() == truth.subjects.set_index("subject")["as_of"]
    ).all()


def test_duration_classes_are_spread(sim):
    _, truth = sim
    days = truth.subjects["duration_days"]
    assert (days < 42).mean() > 0.15
    assert days.between(42, 84).mean() > 0.1
    assert (days > 84).mean() > 0.3


def test_within_person_effects_are_recovered_by_ols(sim):
    # Reference: ordinary least squares (statsmodels) on person-mean-centred data
    # ("fixed effects"), on days after onset, with the previous calendar day's
    # stress and tags joined by date (not by row).
    diary, truth = sim
    d = diary.merge(truth.subjects[["subject", "onset"]], on="subject")
    d = d[d["date"] >= d["onset"]].copy()
    for tag in ("physiotherapy", "exercise"):
        d[tag] = d["tags"].fillna("").str.contains(tag).astype(float)
    prev = d[["subject", "date", "stress", "physiotherapy", "exercise"]].copy()
    prev["date"] += pd.Timedelta(days=1)
    d = d.merge(prev, on=["subject", "date"], suffixes=("", "_lag1"))
    cols = [
        "stress",
        "stress_lag1",
        "sleep_quality",
        "active_minutes",
        "physiotherapy_lag1",
        "exercise_lag1",
    ]
    centred = d[["pain", *cols]] - d.groupby("subject")[["pain", *cols]].transform("mean")
    fit = sm.OLS(centred["pain"], centred[cols]).fit()
    expected = {
        "stress": TRUE_EFFECTS["stress"],
        "stress_lag1": TRUE_EFFECTS["stress_lag1"],
        "sleep_quality": TRUE_EFFECTS["sleep_quality"],
        "active_minutes": TRUE_EFFECTS["active_minutes"],
        "physiotherapy_lag1": TRUE_EFFECTS["physiotherapy_lag1"],
        "exercise_lag1": TRUE_EFFECTS["exercise_lag1"],
    }
    for name, value in expected.items():
        # rounding to whole numbers and the 1-10 floor attenuate a little: 15% + 0.02
        assert fit.params[name] == pytest.approx(value, rel=0.15, abs=0.02), name


def test_between_person_stress_effect(sim):
    # Reference: numpy least-squares slope of person-mean pain on person-mean
    # stress (days after onset); standard error here is about 0.06.
    diary, truth = sim
    d = diary.merge(truth.subjects[["subject", "onset"]], on="subject")
    means = d[d["date"] >= d["onset"]].groupby("subject")[["pain", "stress"]].mean()
    slope = np.polyfit(means["stress"], means["pain"], 1)[0]
    assert slope == pytest.approx(TRUE_EFFECTS["stress_between"], abs=0.2)


def test_seed_reproducible_and_arguments_checked():
    a = backpain.simulate_cohort(3, 20, seed=9)
    b = backpain.simulate_cohort(3, 20, seed=9)
    pd.testing.assert_frame_equal(a, b)
    with pytest.raises(ValueError, match="n_subjects and n_days must be at least 1"):
        backpain.simulate_cohort(0, 10)
    with pytest.raises(ValueError, match="missing must be a probability"):
        backpain.simulate_cohort(2, 10, missing=1.5)


def test_scenario_diaries_missing_days_tags_and_slow_changes():
    from backpain.simulate import _scenario_diaries

    rng = np.random.default_rng(3)
    d = _scenario_diaries(rng, 400, 182, scenario="trend", phi=0.3)
    gone = np.isnan(d["pain"])
    share = gone.mean(axis=1)
    assert share.min() >= 0.07
    assert share.max() <= 0.30
    assert 0.15 < share.mean() < 0.20  # 10-25%, half of it in week-long blocks
    runs = np.diff(np.r_[0, gone[0].astype(int), 0])
    assert (np.flatnonzero(runs == -1) - np.flatnonzero(runs == 1)).max() >= 7
    # every variable is missing on the same days
    for v in (*d["x"].values(), *d["tags"].values()):
        assert (np.isnan(v) == gone).all()
    # physio on one fixed weekday, yoga on two; new_treatment only after a mid-diary start
    for name, per_week in (("physio", 1), ("yoga", 2)):
        tag = np.nan_to_num(d["tags"][name][:, :175]).reshape(400, 25, 7)
        on = tag.max(axis=1)
        assert (on.sum(axis=1) == per_week).all()
    new = np.nan_to_num(d["tags"]["new_treatment"])
    first = np.argmax(new > 0, axis=1)
    assert first.min() >= 182 // 3
    assert first.max() < 2 * 182 // 3 + 10
    # the trend: pain falls by 2 SD while steps rise by 2 SD
    early, late = slice(0, 30), slice(-30, None)
    assert np.nanmean(d["pain"][:, early]) - np.nanmean(d["pain"][:, late]) > 1.5
    assert np.nanmean(d["x"]["steps"][:, late]) - np.nanmean(d["x"]["steps"][:, early]) > 1.5
    with pytest.raises(ValueError, match="scenario must be one of"):
        _scenario_diaries(rng, 2, 30, scenario="spring")
