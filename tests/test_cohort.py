"""cohort_table: survey scores joined with diary measures, one row per subject."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import backpain
from backpain.cohort import cohort_table


@pytest.fixture(scope="module")
def data():
    diary = backpain.simulate_cohort(6, 120, seed=5)
    survey = backpain.load_example("survey").table.head(8).copy()
    survey["subject"] = [f"S{i:04d}" for i in range(3, 11)]  # S0003-S0010: 4 overlap the diary
    return survey, diary


def test_one_row_per_subject_outer_join(data):
    survey, diary = data
    table = cohort_table(survey, diary)
    assert table["subject"].tolist() == [f"S{i:04d}" for i in range(1, 11)]
    assert table["in_diary"].tolist() == [True] * 6 + [False] * 4
    assert table["in_survey"].tolist() == [False] * 2 + [True] * 8


def test_columns_match_the_functions_one_at_a_time(data):
    survey, diary = data
    table = cohort_table(survey, diary).set_index("subject")
    # reference: each package function called on its own, joined by hand
    odi = backpain.score_odi(survey).set_index("subject")
    sbst = backpain.score_startback(survey).set_index("subject")
    quality = backpain.data_quality(diary).set_index("subject")
    classes = backpain.classify(diary).set_index("subject")
    both = sorted(set(survey["subject"]) & set(diary["subject"]))
    np.testing.assert_allclose(table.loc[both, "odi_score"], odi.loc[both, "odi_score"])
    assert (
        table.loc[both, "sbst_risk"].astype(str).tolist()
        == sbst.loc[both, "sbst_risk"].astype(str).tolist()
    )
    np.testing.assert_allclose(table.loc[both, "diary_pain_mean"], quality.loc[both, "pain_mean"])
    assert (
        table.loc[both, "diary_duration_class"].astype(str).tolist()
        == classes.loc[both, "duration_class"].astype(str).tolist()
    )
    assert table.loc["S0001", "odi_score"] != table.loc["S0001", "odi_score"]  # NaN: no survey
    assert pd.isna(table.loc["S0010", "diary_n_flares"])
    assert str(table["diary_n_flares"].dtype) == "Int64"
    assert str(table["diary_onset_censored"].dtype) == "boolean"
    for col in (
        "rmdq_score",
        "peg_score",
        "nih_impact",
        "survey_duration_class",
        "survey_nih_chronic",
    ):
        assert col in table.columns


def test_questionnaires_without_their_items_are_skipped(data):
    survey, diary = data
    small = survey[["subject", *[f"peg{i}" for i in range(1, 4)]]]
    table = cohort_table(small, diary)
    assert "peg_score" in table.columns
    assert "odi_score" not in table.columns
    assert "survey_duration_class" not in table.columns


def test_classify_options_are_passed_on(data):
    survey, diary = data
    nih = cohort_table(survey, diary, definition="nih")
    cost = cohort_table(survey, diary)
    assert len(nih) == len(cost)
    with pytest.raises(ValueError, match="definition"):
        cohort_table(survey, diary, definition="nope")


def test_bad_surveys_are_refused(data):
    survey, diary = data
    with pytest.raises(ValueError, match="survey has no 'subject' column"):
        cohort_table(survey.rename(columns={"subject": "id"}), diary)
    twice = pd.concat([survey, survey.head(1)], ignore_index=True)
    with pytest.raises(ValueError, match="holds subject 'S0003' more than once"):
        cohort_table(twice, diary)
