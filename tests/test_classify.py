"""Tests for backpain.classify: hand-computed diaries, survey answers, the simulator's truth."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from backpain.classify import (
    CLASSES,
    annotate_days,
    class_summary,
    classify,
    duration_class,
    nih_chronic_from_survey,
    parse_duration,
)
from backpain.errors import SurveyError
from backpain.simulate import simulate_cohort

START = pd.Timestamp("2025-01-01")


def make(spec, subject="A", start=START):
    """Diary from ``[(n_days, pain), ...]``; ``pain=None`` leaves the days unrecorded."""
    rows, day = [], pd.Timestamp(start)
    for n, pain in spec:
        for _ in range(n):
            if pain is not None:
                rows.append((subject, day, float(pain)))
            day += pd.Timedelta(days=1)
    frame = pd.DataFrame(rows, columns=["subject", "date", "pain"])
    frame["subject"] = frame["subject"].astype("string")
    frame["date"] = frame["date"].astype("datetime64[ns]")
    return frame


def cohort_of(**specs):
    return pd.concat([make(spec, subject=s) for s, spec in specs.items()], ignore_index=True)


def one(result, subject="A"):
    return result.set_index("subject").loc[subject]


# ------------------------------------------------------------- duration classes
@pytest.mark.parametrize(
    ("days", "expected"),
    [(0, "acute"), (41, "acute"), (42, "subacute"), (84, "subacute"), (85, "chronic")],
)
def test_boundary_days_from_a_diary(days, expected):
    # 40 recorded pain-free days, then pain from the onset (day 40) to as_of (day 40 + days)
    res = classify(make([(40, 0), (days + 1, 3)]))
    row = one(res)
    assert row["duration_days"] == days
    assert row["duration_class"] == expected
    assert row["onset"] == START + pd.Timedelta(days=40)
    assert not row["onset_censored"]
    assert row["onset_source"] == "diary"
    assert row["duration_weeks"] == pytest.approx(days / 7)


def test_duration_class_is_ordered_categorical():
    out = classify(make([(40, 0), (50, 3)]))["duration_class"]
    assert isinstance(out.dtype, pd.CategoricalDtype)
    assert out.cat.ordered
    assert list(out.cat.categories) == list(CLASSES)
    assert duration_class([41, 42, 84, 85]).tolist() == ["acute", "subacute", "subacute", "chronic"]


def test_three_months_is_chronic_for_nih_not_icd11():
    # 3 months = 3 x 30.44 = 91.3 days -> 91 whole days (FACTS.md NIH diary rule)
    assert duration_class(91, definition="nih") == "chronic"
    assert duration_class(91, definition="icd11") == "subacute"
    assert duration_class(90, definition="nih") == "subacute"
    assert duration_class(92, definition="icd11") == "chronic"
    assert duration_class("3 months", definition="nih") == "chronic"
    assert duration_class("3 maanden", definition="icd11") == "subacute"
    # BMJ: 12 weeks or more is chronic; the default: longer than 12 weeks
    assert duration_class(84, definition="bmj") == "chronic"
    assert duration_class(84) == "subacute"
    diary = make([(40, 0), (92, 3)])  # duration 91 days
    assert one(classify(diary, definition="nih"))["duration_class"] == "chronic"
    assert one(classify(diary, definition="icd11"))["duration_class"] == "subacute"


def test_boundaries_as_parameters():
    # a guideline whose subacute phase starts at 4 weeks
    assert duration_class([27, 28], acute_max_days=27).tolist() == ["acute", "subacute"]
    assert one(classify(make([(40, 0), (29, 3)]), acute_max_days=27))["duration_class"] == (
        "subacute"
    )
    assert duration_class(100, subacute_max_days=120) == "subacute"


# ------------------------------------------------------------- onset and episodes
def test_censored_onset_when_diary_starts_in_pain():
    row = one(classify(make([(50, 4)])))
    assert row["onset_censored"]
    assert row["onset"] == START
    assert row["duration_days"] == 49  # a lower bound


def test_short_pain_free_start_is_still_censored():
    # 10 recorded pain-free days do not make the month that must precede an episode
    row = one(classify(make([(10, 0), (50, 4)])))
    assert row["onset_censored"]
    assert row["onset"] == START + pd.Timedelta(days=10)
    assert not one(classify(make([(30, 0), (50, 4)])))["onset_censored"]


def test_recording_gap_of_40_days_inside_an_episode():
    # de Vet et al. (2002): an episode ends only with a month without pain; 40 unrecorded
    # days are unknown, so the episode is one, but they might have held that month: the
    # duration is sure only from the first pain day after them (a lower bound, issue #21)
    diary = make([(40, 0), (20, 5), (40, None), (20, 5)])
    row = one(classify(diary))
    assert row["n_episodes"] == 1
    assert row["current_episode_start"] == START + pd.Timedelta(days=40)
    assert row["onset"] == START + pd.Timedelta(days=100)
    assert row["duration_days"] == 19
    assert row["onset_censored"]
    assert row["unrecorded_gap_days"] == 40
    assert row["duration_class"] == "acute"  # at least 19 days: a lower bound
    days = annotate_days(diary)
    assert days.loc[days["pain_day"].fillna(False).to_numpy(), "episode"].eq(1).all()


def test_gap_with_pain_free_days_at_its_edges_does_not_split():
    # a recorded 0 on each side of a 40-day hole is not a recorded pain-free month
    diary = make([(40, 0), (20, 5), (1, 0), (40, None), (1, 0), (20, 5)])
    assert one(classify(diary))["n_episodes"] == 1


@pytest.mark.parametrize(("free", "episodes"), [(29, 1), (30, 2), (35, 2)])
def test_pain_free_stretch_splits_episodes(free, episodes):
    diary = make([(40, 0), (10, 5), (free, 0), (10, 5)])
    row = one(classify(diary))
    assert row["n_episodes"] == episodes
    onset = 40 + 10 + free if episodes == 2 else 40
    assert row["onset"] == START + pd.Timedelta(days=onset)
    assert not row["onset_censored"]
    ep = annotate_days(diary)["episode"]
    assert ep.max() == episodes
    assert ep.isna().sum() == 40 + (free if episodes == 2 else 0)


def test_pain_free_month_may_hold_a_short_recording_hole():
    # 35 pain-free days with 5 unrecorded in the middle: still a pain-free month
    diary = make([(40, 0), (10, 5), (15, 0), (5, None), (15, 0), (10, 5)])
    assert one(classify(diary))["n_episodes"] == 2
    # with max_unrecorded_days=4 the hole breaks the stretch into two 15-day halves
    assert one(classify(diary, max_unrecorded_days=4))["n_episodes"] == 1


def test_single_pain_day_is_not_an_episode():
    diary = make([(40, 0), (1, 5), (40, 0), (20, 5)])
    row = one(classify(diary))
    assert row["n_episodes"] == 1
    assert row["onset"] == START + pd.Timedelta(days=81)
    assert one(classify(diary, min_episode_days=1))["n_episodes"] == 2


def test_no_current_episode_after_a_pain_free_month():
    row = one(classify(make([(40, 0), (20, 5), (35, 0)])))
    assert row["n_episodes"] == 1
    assert pd.isna(row["onset"])
    assert pd.isna(row["duration_days"])
    assert pd.isna(row["duration_class"])
    assert pd.isna(row["current_episode_start"])
    assert not row["nih_chronic"]


def test_pain_free_cohort_and_empty_diary():
    res = classify(cohort_of(A=[(40, 0)], B=[(10, 0), (5, None), (3, 0)]))
    assert res["n_episodes"].tolist() == [0, 0]
    assert res["duration_class"].isna().all()
    assert not res["nih_chronic"].any()
    empty = classify(make([]))
    assert len(empty) == 0
    assert class_summary(empty).table["n"].tolist() == [0, 0, 0]


def test_pain_threshold():
    diary = make([(40, 1), (20, 4)])
    assert one(classify(diary))["onset_censored"]
    row = one(classify(diary, pain_threshold=2))
    assert row["onset"] == START + pd.Timedelta(days=40)
    assert not row["onset_censored"]


# ------------------------------------------------------------------ NIH
def test_nih_true_false_and_undecidable():
    # hand-computed: window = the 183 days ending on as_of (FACTS.md)
    alternate = [(1, 5), (2, 0)] * 70  # pain on 1 day in 3 for 210 days
    every_third = [(1, 5), (2, None)] * 80  # pain recorded on 1 day in 3
    diary = cohort_of(
        yes=[(40, 0), (183, 4)],
        short=[(40, 0), (60, 4)],
        seldom=[(40, 0), *alternate],
        sparse=[(40, 0), *every_third],
        sparse_short=[(40, 0), *[(1, 5), (2, None)] * 10],
    )
    res = classify(diary).set_index("subject")
    assert res.loc["yes", "nih_chronic"]
    assert res.loc["yes", "pain_day_fraction_6m"] == 1.0
    assert res.loc["yes", "days_observed_6m"] == 183
    assert not res.loc["short", "nih_chronic"]  # 59 days < 91
    assert res.loc["seldom", "duration_days"] >= 91
    assert res.loc["seldom", "pain_day_fraction_6m"] == pytest.approx(61 / 183)
    assert not res.loc["seldom", "nih_chronic"]
    # sparse: last day is pain (day 40 + 237); 61 recorded days in the window < 91.5
    assert res.loc["sparse", "days_observed_6m"] == 61
    assert pd.isna(res.loc["sparse", "nih_chronic"])
    # too few days recorded, but 3 months cannot have passed: False (three-valued logic)
    assert not res.loc["sparse_short", "nih_chronic"]
    assert res["nih_chronic"].dtype == "boolean"


def test_nih_needs_half_the_window_recorded():
    # the window is days 40-222; 92 recorded pain days of 183 is enough, 91 is not
    enough = make([(40, 0), (10, 4), (91, None), (82, 4)])
    too_few = make([(40, 0), (10, 4), (92, None), (81, 4)])
    assert one(classify(enough))["days_observed_6m"] == 92
    assert one(classify(too_few))["days_observed_6m"] == 91
    assert one(classify(enough))["nih_chronic"]
    assert pd.isna(one(classify(too_few))["nih_chronic"])
    assert one(classify(too_few, nih_min_recorded=0.4))["nih_chronic"]


def test_nih_exactly_91_days():
    assert one(classify(make([(40, 0), (92, 4)])))["nih_chronic"]  # duration 91
    assert not one(classify(make([(40, 0), (91, 4)])))["nih_chronic"]  # duration 90


def test_nih_censored_short_lower_bound_is_undecidable():
    # the diary starts in pain 60 days before as_of: the problem may be older than 3 months
    row = one(classify(make([(60, 5)])))
    assert row["onset_censored"]
    assert row["pain_day_fraction_6m"] == 1.0
    assert pd.isna(row["nih_chronic"])


# ----------------------------------------------------------------- flares
def test_flares_hand_computed():
    pain = [3] * 30 + [5, 5] + [3] * 10 + [6] + [3] * 10
    diary = make([(1, p) for p in pain])
    days = annotate_days(diary)
    # baseline: median of up to 28 previous recorded days, at least 7
    assert days["flare_baseline"].iloc[:7].isna().all()
    assert days["flare_baseline"].iloc[7:].eq(3.0).all()
    assert days.index[days["flare"]].tolist() == [30, 31, 42]
    assert one(classify(diary))["n_flares"] == 2
    assert one(classify(diary, flare_rise=3))["n_flares"] == 1


def test_flare_run_bridges_a_short_gap_only():
    pain = [(1, 3)] * 20 + [(1, 6), (2, None), (1, 6)] + [(1, 3)] * 5
    assert one(classify(make(pain)))["n_flares"] == 1
    pain = [(1, 3)] * 20 + [(1, 6), (9, None), (1, 6)] + [(1, 3)] * 5
    assert one(classify(make(pain)))["n_flares"] == 2


@pytest.mark.parametrize("decimals", [0, 2])
def test_flare_baseline_matches_per_subject_rolling_median(rng, decimals):
    diary = simulate_cohort(6, 120, seed=5, missing=0.3)
    if decimals:  # many distinct values: the pandas rolling-median path
        diary["pain"] = np.round(rng.uniform(0, 10, len(diary)), decimals)
    days = annotate_days(diary)
    # independent reference: pandas rolling median per subject and stretch (an episode or
    # the days between episodes), shifted by one recorded day (Costa et al. 2021's rise
    # over the person's recent level; the baseline days lie in the current episode)
    ep = days["episode"].fillna(0)
    rows = days.groupby("subject").cumcount()
    stretch = ((ep != ep.groupby(days["subject"]).shift()) | (rows == 0)).cumsum()
    past = diary["pain"].groupby(stretch.to_numpy()).shift(1)
    ref = past.groupby(stretch.to_numpy()).transform(
        lambda x: x.rolling(28, min_periods=7).median()
    )
    n_ref = past.groupby(stretch.to_numpy()).transform(
        lambda x: x.rolling(28, min_periods=1).count()
    )
    np.testing.assert_allclose(days["flare_baseline"], ref.to_numpy())
    n_ref = n_ref.fillna(0).where(n_ref >= 7, 0).astype("int64")
    np.testing.assert_array_equal(days["flare_baseline_days"], n_ref.to_numpy())
    expected = (diary["pain"] >= ref + 2) & days["episode"].notna()
    np.testing.assert_array_equal(days["flare"], expected.to_numpy())


def test_rise_from_a_pain_free_month_is_an_episode_start_not_a_flare():
    diary = cohort_of(a=[(40, 0), (30, 6), (3, 9), (10, 6)])
    days = annotate_days(diary)
    start = START + pd.Timedelta(days=40)
    assert not days.loc[days["date"] < start + pd.Timedelta(days=30), "flare"].any()
    assert days.loc[days["pain"] == 9, "flare"].all()  # 9 over a baseline of 6
    assert classify(diary)["n_flares"].iloc[0] == 1


# ------------------------------------------------------------------- onset given
def test_given_onsets_dates_and_durations():
    diary = cohort_of(a=[(100, 4)], b=[(100, 4)], c=[(100, 4)], d=[(100, 4)], e=[(100, 4)])
    onset = {
        "a": "2025-01-15",
        "b": pd.Timestamp("2024-10-01"),
        "c": "3 months",
        "d": pd.Timedelta(weeks=6),
    }
    res = classify(diary, onset=onset).set_index("subject")
    as_of = START + pd.Timedelta(days=99)
    assert res.loc["a", "duration_days"] == (as_of - pd.Timestamp("2025-01-15")).days
    assert res.loc["b", "duration_days"] == (as_of - pd.Timestamp("2024-10-01")).days
    assert res.loc["c", "duration_days"] == 91
    assert res.loc["c", "onset"] == as_of - pd.Timedelta(days=91)
    assert res.loc["d", "duration_days"] == 42
    assert res.loc[["a", "b", "c", "d"], "onset_source"].eq("given").all()
    assert not res.loc[["a", "b", "c", "d"], "onset_censored"].any()
    assert res.loc["e", "onset_source"] == "diary"
    assert res.loc["e", "onset_censored"]


def test_given_onset_from_a_column_and_series():
    diary = make([(60, 4)])
    diary["began"] = pd.Timestamp("2024-12-01")
    row = one(classify(diary, onset="began"))
    assert row["duration_days"] == (START + pd.Timedelta(days=59) - pd.Timestamp("2024-12-01")).days
    row = one(classify(diary, onset=pd.Series({"A": 120})))
    assert row["duration_days"] == 120
    assert row["duration_class"] == "chronic"


def test_as_of_date_and_mapping():
    diary = cohort_of(A=[(40, 0), (100, 4)], B=[(40, 0), (100, 4)])
    res = classify(diary, as_of="2025-03-01").set_index("subject")
    # onset 2025-02-10 (day 40) -> 19 days on 1 March; later days are ignored
    assert res.loc["A", "duration_days"] == 19
    res = classify(diary, as_of={"A": "2025-03-01", "B": pd.Timestamp("2025-04-01")})
    assert res["duration_days"].tolist() == [19, 50]


# ---------------------------------------------------------------- the simulator
def test_classes_match_simulated_truth(cohort):
    diary, truth = cohort
    res = classify(diary).set_index("subject")
    subjects = truth.subjects.set_index("subject")
    inside = subjects["onset_in_diary"]
    assert inside.sum() > 30
    got = res.loc[inside[inside].index, "duration_class"]
    want = duration_class(subjects.loc[inside, "duration_days"])
    assert (got.to_numpy() == want.to_numpy()).all()
    assert (res.loc[inside[inside].index, "onset"] == subjects.loc[inside, "onset"]).all()
    # onsets before the diary start are flagged, and the lower bound is not above the truth
    outside = inside[~inside].index
    assert res.loc[outside, "onset_censored"].all()
    assert (res.loc[outside, "duration_days"] <= subjects.loc[outside, "duration_days"]).all()


def test_output_columns_and_dtypes(diary):
    res = classify(diary)
    assert list(res.columns) == [
        "subject",
        "onset",
        "as_of",
        "recorded_until",
        "duration_days",
        "duration_weeks",
        "duration_class",
        "class_evidence",
        "weeks_with_entries",
        "weeks_in_duration",
        "duration_shown_days",
        "onset_censored",
        "unrecorded_gap_days",
        "onset_source",
        "n_episodes",
        "current_episode_start",
        "last_pain_day",
        "nih_window_start",
        "days_observed_6m",
        "pain_days_6m",
        "pain_day_fraction_6m",
        "nih_problem_start",
        "nih_problem_days",
        "nih_chronic",
        "n_flares",
    ]
    assert res["duration_days"].dtype == "Int64"
    assert res["onset_censored"].dtype == bool
    assert res["nih_chronic"].dtype == "boolean"
    assert res["as_of"].tolist() == diary.groupby("subject")["date"].max().tolist()


def test_does_not_mutate_and_ignores_row_order(diary):
    before = diary.copy()
    res = classify(diary)
    pd.testing.assert_frame_equal(diary, before)
    shuffled = diary.sample(frac=1, random_state=3)
    pd.testing.assert_frame_equal(classify(shuffled), res)


def test_class_summary_counts():
    diary = cohort_of(A=[(40, 0), (10, 3)], B=[(40, 0), (10, 3)], C=[(40, 0), (100, 3)])
    summary_result = class_summary(classify(diary))
    summary = summary_result.table
    assert summary["duration_class"].tolist() == list(CLASSES)
    assert summary["n"].tolist() == [2, 0, 1]
    assert summary["percent"].tolist() == pytest.approx([200 / 3, 0, 100 / 3])
    assert summary["n_nih_chronic"].tolist() == [0, 0, 1]
    assert summary_result.n_unclassified == 0


# ---------------------------------------------------------------- survey helpers
@pytest.mark.parametrize(
    ("answer", "days"),
    [
        ("6 weeks", 42),
        ("6 weken", 42),
        ("3 months", 91),
        ("3 maanden", 91),
        ("1 maand", 30),
        ("2 jaar", 731),
        ("1.5 years", 548),
        ("1,5 jaar", 548),
        ("10 dagen", 10),
        ("about 12 weeks", 84),
        ("14 wk", 98),
        (pd.Timedelta(days=12), 12),
        (20, 20),
    ],
)
def test_parse_duration_points(answer, days):
    # hand-computed: week 7, month 30.44, year 365.25 days, rounded halves up
    assert parse_duration(answer) == days


def test_parse_duration_units_for_numbers():
    assert parse_duration([12, 6], unit="weeks").tolist() == [84, 42]
    assert parse_duration(pd.Series([3.0, np.nan]), unit="months").tolist()[0] == 91
    assert np.isnan(parse_duration(pd.Series([3.0, np.nan]), unit="months").iloc[1])


@pytest.mark.parametrize(
    ("answer", "low", "high", "cls"),
    [
        ("< 6 weeks", 0, 41, "acute"),
        ("minder dan 6 weken", 0, 41, "acute"),
        ("6-12 weeks", 42, 83, "subacute"),
        ("6 tot 12 weken", 42, 83, "subacute"),
        ("> 3 months", 92, np.inf, "chronic"),
        ("meer dan 3 maanden", 92, np.inf, "chronic"),
        ("< 1 month", 0, 29, "acute"),
        ("1-3 months", 30, 90, None),
        ("3-6 months", 91, 182, "chronic"),
        ("6 months-1 year", 183, 364, "chronic"),
        ("1-5 years", 365, 1825, "chronic"),
        ("> 5 years", 1827, np.inf, "chronic"),
        ("at least 3 months", 91, np.inf, "chronic"),
    ],
)
def test_parse_duration_categories(answer, low, high, cls):
    got = parse_duration([answer], bounds=True).iloc[0]
    assert np.isnan(got["days"])
    assert (got["low_days"], got["high_days"]) == (low, high)
    assert np.isnan(parse_duration(answer))
    out = duration_class(answer)
    assert (pd.isna(out) and cls is None) or out == cls


def test_straddling_category_depends_on_definition():
    # "3-6 months" (91-182 days): chronic for NIH (>= 91), straddles ICD-11 (> 91)
    assert duration_class("3-6 months", definition="nih") == "chronic"
    assert pd.isna(duration_class("3-6 months", definition="icd11"))


def test_nih_from_survey_english_and_dutch():
    out = nih_chronic_from_survey(
        ["1-5 years", "3-6 maanden", "> 5 years", "< 1 month", "1-3 months", None, "2 jaar"],
        [
            "Every day or nearly every day",
            "minstens de helft van de dagen",
            "Less than half the days in the past 6 months",
            "every day",
            "At least half the days in the past 6 months",
            "every day",
            None,
        ],
    )
    assert out.dtype == "boolean"
    assert out.tolist() == [True, True, False, False, False, pd.NA, pd.NA]
    assert nih_chronic_from_survey("meer dan 3 maanden", "elke dag of bijna elke dag")
    assert not nih_chronic_from_survey("3 maanden", "minder dan de helft van de dagen")


# ------------------------------------------------------------------ errors
def test_missing_pain_column():
    with pytest.raises(ValueError, match=r"no column\(s\) \['pain'\]"):
        classify(make([(5, 1)]).drop(columns="pain"))


def test_bad_diary_values():
    diary = make([(5, 1)])
    with pytest.raises(
        ValueError, match=r"column 'pain' holds 11 in row 0; pain must be between 0 and 10"
    ):
        classify(diary.assign(pain=11.0))
    with pytest.raises(ValueError, match="not dates"):
        classify(diary.assign(date=diary["date"].astype(str)))
    with pytest.raises(ValueError, match="repeated subject/day rows"):
        classify(pd.concat([diary, diary]))
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        classify([1, 2])


def test_bad_onset_values_name_subject_and_value():
    diary = cohort_of(A=[(50, 4)], B=[(50, 4)])
    with pytest.raises(ValueError, match="subject 'B' is 'banana', neither a date"):
        classify(diary, onset={"A": "3 months", "B": "banana"})
    with pytest.raises(ValueError, match="subject 'A' is '> 3 months', a range"):
        classify(diary, onset={"A": "> 3 months"})
    with pytest.raises(ValueError, match="subject 'A' is '2026-01-01', after as_of"):
        classify(diary, onset={"A": "2026-01-01"})
    with pytest.raises(ValueError, match="onset='began' is not a column"):
        classify(diary, onset="began")
    with pytest.raises(ValueError, match="different onsets for subject 'A'"):
        classify(diary.assign(began=diary["date"]), onset="began")
    with pytest.raises(ValueError, match="onset must be None"):
        classify(diary, onset=12)


def test_bad_as_of_and_options():
    diary = make([(50, 4)])
    with pytest.raises(ValueError, match="as_of gives nan for subject 'A'"):
        classify(diary, as_of={"B": "2025-01-01"})
    with pytest.raises(ValueError, match="as_of must be a date"):
        classify(diary, as_of="soon")
    with pytest.raises(ValueError, match="definition must be one of"):
        classify(diary, definition="who")
    with pytest.raises(ValueError, match="acute_max_days < subacute_max_days"):
        duration_class(10, acute_max_days=90)
    with pytest.raises(ValueError, match="episode_gap_days must be a number of at least 1"):
        classify(diary, episode_gap_days=0)
    with pytest.raises(ValueError, match="flare_min_days"):
        annotate_days(diary, flare_min_days=40)


def test_bad_survey_answers():
    with pytest.raises(SurveyError, match=r"'a while'.*is not a duration"):
        parse_duration(["3 months", "a while"])
    assert np.isnan(parse_duration(["a while"], errors="coerce").iloc[0])
    with pytest.raises(ValueError, match="unit must be one of"):
        parse_duration(3, unit="fortnights")
    with pytest.raises(SurveyError, match=r"'sometimes'.*not one of the NIH options"):
        nih_chronic_from_survey(["1-5 years"], ["sometimes"])
    with pytest.raises(ValueError, match="1 answers but frequency_answer has 2"):
        nih_chronic_from_survey(["1-5 years"], ["every day", "every day"])
    with pytest.raises(ValueError, match="no column 'duration_class'"):
        class_summary(pd.DataFrame({"x": [1]}))


def test_long_flare_window_and_unrecorded_pain():
    diary = simulate_cohort(3, 150, seed=8)
    diary.loc[diary.index[::10], "pain"] = np.nan  # kept days without a pain score
    days = annotate_days(diary, flare_window=300, as_of="2025-05-01")
    assert days["date"].max() == pd.Timestamp("2025-05-01")
    kept = diary[diary["date"] <= "2025-05-01"].reset_index(drop=True)
    assert days["pain_day"].isna().sum() == kept["pain"].isna().sum()
    # reference: pandas rolling median over each subject's recorded days (window 300)
    recorded = kept.dropna(subset=["pain"])
    ref = recorded.groupby("subject")["pain"].transform(
        lambda x: x.shift(1).rolling(300, min_periods=7).median()
    )
    got = days.loc[days["pain"].notna(), "flare_baseline"]
    np.testing.assert_allclose(got.to_numpy(), ref.to_numpy())
    assert days.loc[days["pain"].isna(), "flare_baseline"].isna().all()


# ------------------------------------------- issue #22 and #21 section 4: the published rules
# NIH Task Force (Deyo et al. 2014, Spine 39:1128): chronic low back pain is "a back pain
# problem that has persisted at least 3 months and has resulted in pain on at least half the
# days in the past 6 months". Read from a diary (FACTS.md): 3 months = 91 days, the past 6
# months = the 183 days ending on as_of.
def test_nih_recurrent_pain_with_a_pain_free_month_42_days_ago():
    # over a year of pain, a pain-free month, pain again for the last 42 days:
    # pain on 42 + 110 = 152 of the last 183 days (83%)
    row = one(classify(make([(400, 5), (31, 0), (42, 5)])))
    assert row["pain_days_6m"] == 152
    assert row["days_observed_6m"] == 183
    assert row["pain_day_fraction_6m"] == pytest.approx(152 / 183)
    assert row["nih_window_start"] == START + pd.Timedelta(days=473 - 183)
    assert row["nih_problem_start"] == START  # the episode before the pain-free month
    assert row["nih_problem_days"] == 472
    assert row["nih_chronic"]
    # the current episode (de Vet) is 42 days old: its duration class is another matter
    assert row["duration_days"] == 41
    assert row["duration_class"] == "acute"


def test_nih_ten_months_of_daily_pain_then_a_pain_free_month():
    # 152 of the last 183 days with pain; no current episode, still chronic LBP by NIH
    row = one(classify(make([(304, 6), (31, 0)])))
    assert (row["pain_days_6m"], row["days_observed_6m"]) == (152, 183)
    assert row["nih_chronic"]
    assert pd.isna(row["duration_class"])
    assert row["class_evidence"] == "no current episode"


def test_nih_an_old_episode_before_the_window_is_not_the_problem():
    # pain long ago, then a year pain-free: the problem is the current 100 days only
    row = one(classify(make([(30, 0), (20, 5), (365, 0), (100, 5)])))
    assert row["nih_problem_start"] == START + pd.Timedelta(days=415)
    assert row["nih_problem_days"] == 99
    assert row["pain_days_6m"] == 100
    assert row["nih_chronic"]  # 99 >= 91 days and 100 / 183 >= half
    assert not one(classify(make([(30, 0), (20, 5), (365, 0), (90, 5)])))["nih_chronic"]


# de Vet et al. (2002, Spine 27:2409): an episode is preceded and followed by "at least one
# month without low back pain"; in a diary unrecorded days are unknown, never pain-free, so
# the month must be recorded: 30 recorded pain-free days (short holes may lie between them).
def test_unrecorded_days_do_not_make_a_pain_free_month():
    diary = make([(40, 0), (20, 5), (12, 0), (7, None), (11, 0), (20, 5)])
    row = one(classify(diary))
    assert row["n_episodes"] == 1
    assert annotate_days(diary)["episode"].max() == 1
    # the 30 days without recorded pain might have been the month: the duration counts
    # from the pain after them, a lower bound
    assert row["current_episode_start"] == START + pd.Timedelta(days=40)
    assert row["onset"] == START + pd.Timedelta(days=90)
    assert row["onset_censored"]
    assert row["unrecorded_gap_days"] == 30
    # 30 recorded pain-free days with the same hole: two episodes
    split = make([(40, 0), (20, 5), (15, 0), (7, None), (15, 0), (20, 5)])
    assert one(classify(split))["n_episodes"] == 2


# Costa et al. (2021, Eur Spine J 30:1089): a flare is a rise of 2 or more points on the 0-10
# scale; the baseline (FACTS.md, our default) is the median of the person's previous recorded
# days in the episode, the last 28 of them, resting on at least 7.
def test_flare_early_in_an_episode_uses_the_baseline_that_exists():
    days = annotate_days(make([(40, 0), (20, 3), (1, 7)]))
    last = days.iloc[-1]
    assert last["flare"]
    assert last["flare_baseline"] == 3.0
    assert last["flare_baseline_days"] == 20
    assert one(classify(make([(40, 0), (20, 3), (1, 7)])))["n_flares"] == 1
    # 6 days of the episode are too few for a baseline (flare_min_days=7)
    short = annotate_days(make([(40, 0), (6, 3), (1, 7)])).iloc[-1]
    assert not short["flare"]
    assert np.isnan(short["flare_baseline"])
    assert short["flare_baseline_days"] == 0
    # the baseline never reaches back into the pain-free month before the episode
    assert annotate_days(make([(40, 0), (40, 3)]))["flare_baseline"].iloc[40:47].isna().all()


def test_as_of_after_the_diary_ends_counts_what_was_recorded():
    diary = make([(40, 0), (20, 5)])
    as_of = START + pd.Timedelta(days=59 + 126)
    row = one(classify(diary, as_of=as_of))
    assert row["as_of"] == as_of
    assert row["recorded_until"] == START + pd.Timedelta(days=59)
    assert row["duration_days"] == 19  # not 145: nothing is known after the last entry
    assert row["duration_class"] == "acute"
    # the 183 days before as_of hold 57 recorded days (too few to tell how often), but
    # 19 recorded days of pain cannot be 3 months: False (three-valued logic)
    assert (row["days_observed_6m"], row["pain_days_6m"]) == (57, 20)
    assert not row["nih_chronic"]


# Coverage (our rule, issue #21 section 4): a class rests on weeks with entries. Counting weeks
# back from the last entry, the diary vouches for the longest stretch in which at least half
# of the weeks (min_week_coverage) hold an entry; when that and the whole duration fall in
# different classes, there are not enough entries to tell.
def _weekly(weeks_with_entry, n_weeks=13, pain=5):
    """A pain-free month, then ``n_weeks`` weeks; one pain entry on the last day of the listed
    weeks (counted back from the end, week 0 last), and pain on the very first day."""
    spec = [(40, 0), (1, pain)]
    days = [None] * (7 * n_weeks - 1)
    for w in weeks_with_entry:
        days[len(days) - 1 - 7 * w] = pain
    spec += [(1, v) for v in days]
    return make(spec)


def test_coverage_edges_half_the_weeks():
    # 13 weeks = 91 days (duration 90, chronic); the first day is in week 12
    enough = one(classify(_weekly([0, 2, 4, 6, 8, 10])))  # 6 + week 12 = 7 of 13
    assert enough["weeks_in_duration"] == 13
    assert enough["weeks_with_entries"] == 7
    assert enough["duration_class"] == "chronic"
    assert enough["class_evidence"] == "enough entries"
    sparse = one(classify(_weekly([0, 3, 6, 9])))  # 5 of 13; gaps of 20 days (no month)
    assert sparse["weeks_with_entries"] == 5
    assert sparse["duration_days"] == 90  # what was seen
    # counting back: weeks 0 and 3 hold entries, so the last 4 weeks meet the share
    assert sparse["duration_shown_days"] == 27
    assert enough["duration_shown_days"] == 90
    assert pd.isna(sparse["duration_class"])
    assert sparse["class_evidence"] == "too few entries"
    # a lower share settles it
    assert one(classify(_weekly([0, 3, 6, 9]), min_week_coverage=0.3))["duration_class"] == (
        "chronic"
    )


def test_coverage_the_recent_weeks_can_settle_the_class():
    # sparse long ago, every week for the last 13 weeks: chronic either way
    spec = [(40, 0), *[(1, 5), (20, None)] * 20, *[(1, 5), (6, None)] * 13, (1, 5)]
    row = one(classify(make(spec)))
    assert row["weeks_with_entries"] < row["weeks_in_duration"] / 2
    assert row["duration_class"] == "chronic"
    assert row["class_evidence"] == "enough entries"


def test_25_scored_days_of_309_with_a_147_day_gap_is_no_309_day_chronic_episode():
    # 10 entries in the first 9 weeks, 147 days without any, 15 entries in the last 13 weeks
    # bunched in a few of them: the duration counts only from after the gap, and the
    # entries after it cover 5 of its 13 weeks
    before = [(1, 5), (7, None)] * 9 + [(1, 5)]
    after = [(1, 6)] * 12 + [(25, None), (1, 6)] * 3
    diary = make([(40, 0), *before, (147, None), *after])
    assert diary["pain"].gt(0).sum() == 25
    row = one(classify(diary))
    assert row["current_episode_start"] == START + pd.Timedelta(days=40)
    assert (row["recorded_until"] - row["current_episode_start"]).days == 309
    assert row["duration_days"] == 89  # what was seen after the gap
    assert row["onset_censored"]
    assert row["unrecorded_gap_days"] == 147
    assert (row["weeks_with_entries"], row["weeks_in_duration"]) == (5, 13)
    assert pd.isna(row["duration_class"])
    assert row["class_evidence"] == "too few entries"
    # 15 recorded days of the last 183: how often there was pain cannot be told
    assert row["days_observed_6m"] == 15
    assert pd.isna(row["nih_chronic"])


def test_nih_follows_the_coverage_rule():
    # pain every 3 weeks for a year, then the last 13 weeks every day: by the entries the
    # problem has lasted at least 91 days (the last 13 weeks), and the window is half recorded
    spec = [(40, 0), *[(1, 5), (20, None)] * 17, (91, 5)]
    row = one(classify(make(spec)))
    assert row["nih_chronic"]
    # pain entered every 20 days for 300 days (never a month without pain, so one problem),
    # but in 16 of 43 weeks: the entries vouch for 41 days, not 3 months; unknown
    spec = [(40, 0), *[(1, 5), (19, None)] * 15, (1, 5)]
    row = one(classify(make(spec), nih_min_recorded=0.0))
    assert row["nih_problem_days"] == 300
    assert row["pain_day_fraction_6m"] == 1.0
    assert pd.isna(row["nih_chronic"])
    assert one(classify(make(spec), nih_min_recorded=0.0, min_week_coverage=0.25))["nih_chronic"]


# --------------------------------------------- what the patient is told (report.explain_class)
def test_told_nih_with_the_days_counted_in_english_and_dutch():
    from backpain.report import explain_class

    row = one(classify(make([(400, 5), (31, 0), (42, 5)]))).copy()
    row["subject"] = "A"
    en = explain_class(row)
    assert "filled in 183 days and had pain on 152 of them (83%)" in en
    assert "meets the research definition" in en
    assert "a problem since 1 Jan 2025" in en
    assert "<b>acute</b>" in en  # the current episode: 41 days
    nl = explain_class(row, lang="nl")
    assert "vulde je 183 dagen in en had je pijn op 152 daarvan (83%)" in nl
    assert "voldoet dit aan de onderzoeksdefinitie" in nl


def test_told_too_few_entries_what_was_seen_and_what_would_settle_it():
    from backpain.report import explain_class

    row = one(classify(_weekly([0, 3, 6, 9])))
    en = explain_class(row)
    assert "entries in only 5 of those 13 weeks: too few to tell" in en
    assert "Entries in at least half of the weeks, or the date the pain began" in en
    assert "<b>" not in en  # no class is named
    nl = explain_class(row, lang="nl")
    assert "invullingen in maar 5 van die 13 weken: te weinig om te zeggen" in nl


def test_told_duration_ends_on_the_last_entry_and_the_gap_before_the_onset():
    from backpain.report import explain_class

    late = one(classify(make([(40, 0), (20, 5)]), as_of=START + pd.Timedelta(days=185)))
    en = explain_class(late)
    assert "had lasted 19 days (3 weeks) on 1 Mar 2025" in en
    assert "Your last entry is on 1 Mar 2025: nothing is known about the days after it" in en
    assert "Je laatste invulling is op 1 mrt 2025" in explain_class(late, lang="nl")
    gap = one(classify(make([(40, 0), (20, 5), (40, None), (20, 5)])))
    en = explain_class(gap)
    assert "has 40 days without a recorded pain score" in en
    assert "lower bound" in en
    assert "diary starts while you were already in pain" not in en
    assert "40 dagen zonder ingevulde pijnscore" in explain_class(gap, lang="nl")


def test_class_table_and_cohort_sentence_follow_the_evidence_rule():
    from backpain.explain import class_table, classes

    diary = pd.concat(
        [
            _weekly([0, 3, 6, 9]).assign(subject="sparse"),
            _weekly([0, 2, 4, 6, 8, 10]).assign(subject="enough"),
        ],
        ignore_index=True,
    )
    res = classify(diary)
    who = class_table(res).set_index("subject")
    # no definition classes a duration the entries do not vouch for (27 to 90 days)
    assert who.loc["sparse", ["class_cost", "class_bmj", "class_icd11", "class_nih"]].isna().all()
    assert (who.loc["enough", ["class_cost", "class_bmj"]] == "chronic").all()  # 90 > 84
    assert (who.loc["enough", ["class_icd11", "class_nih"]] == "subacute").all()  # 90 < 91
    text = str(classes(res))
    assert "1 more have too few entries to tell how long their pain has lasted" in text
    assert "not in a pain episode" not in text
    assert "te weinig invullingen" in str(classes(res, lang="nl"))


def test_given_onset_runs_to_as_of_the_diary_onset_to_the_last_entry():
    diary = make([(40, 0), (20, 5)])
    as_of = START + pd.Timedelta(days=185)
    row = one(classify(diary, as_of=as_of, onset={"A": "3 months"}))
    assert row["duration_days"] == 91  # the person's answer on as_of
    assert row["class_evidence"] == "given onset"
    assert row["onset"] == as_of - pd.Timedelta(days=91)


def test_classes_figure_leaves_out_what_classify_could_not_tell():
    import matplotlib.pyplot as plt

    from backpain import plot

    diary = pd.concat(
        [
            _weekly([0, 3, 6, 9]).assign(subject="sparse"),
            _weekly([0, 2, 4, 6, 8, 10]).assign(subject="enough"),
        ],
        ignore_index=True,
    )
    _fig, ax = plt.subplots()
    plot.classes(classify(diary), ax=ax)
    assert [t.get_text().split("\n")[1] for t in ax.texts] == ["0 (0%)", "0 (0%)", "1 (100%)"]
    assert "1 with too few entries to tell not shown" in ax.get_title(loc="left")
    plt.close("all")


def test_pain_may_have_ended_when_the_last_pain_is_a_month_back_without_a_recorded_month():
    # pain for 100 days, then 20 pain-free days, a 5-day hole and 10 pain-free days: 35 days
    # without pain, 30 of them recorded... but with max_unrecorded_days=4 the hole breaks
    # the month; de Vet's episode has not been shown to end, nor to go on
    diary = make([(40, 0), (100, 5), (20, 0), (5, None), (10, 0)])
    row = one(classify(diary, max_unrecorded_days=4))
    assert row["n_episodes"] == 1
    assert row["last_pain_day"] == START + pd.Timedelta(days=139)
    assert row["class_evidence"] == "pain may have ended"
    assert pd.isna(row["duration_class"])
    assert row["duration_days"] == 134  # what was seen, to the last entry
    # 29 days after the last pain: the episode goes on (no month could have passed)
    row = one(classify(make([(40, 0), (100, 5), (29, 0)])))
    assert row["class_evidence"] == "enough entries"
    assert row["duration_class"] == "chronic"
    # a recorded pain-free month: no current episode
    assert one(classify(diary))["class_evidence"] == "no current episode"


def test_told_pain_may_have_ended_in_english_and_dutch():
    from backpain.report import explain_class

    diary = make([(40, 0), (100, 5), (20, 0), (5, None), (10, 0)])
    row = one(classify(diary, max_unrecorded_days=4))
    en = explain_class(row)
    assert "Your last pain score of 1 or more was on 20 May 2025" in en
    assert "the 35 days after it up to your last entry on 24 Jun 2025" in en
    assert "whether this period of pain ended or is still going on cannot be told" in en
    assert "<b>" not in en
    nl = explain_class(row, lang="nl")
    assert "of deze pijnperiode voorbij is of nog duurt, is niet te zeggen" in nl
