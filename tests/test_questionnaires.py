"""Questionnaire scoring: worked examples computed by hand, every band boundary,
missing-item rules and out-of-range errors (reference: FACTS.md "Questionnaires")."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from backpain.errors import SurveyError
from backpain.questionnaires import (
    classify_survey,
    score_cpg,
    score_nih_impact,
    score_odi,
    score_peg,
    score_rmdq,
    score_startback,
    simulate_survey,
)

ODI = [f"odi{i}" for i in range(1, 11)]
RMDQ = [f"rmdq{i}" for i in range(1, 25)]
SBST = [f"sbst{i}" for i in range(1, 10)]
CPG = [f"cpg{i}" for i in range(1, 8)]
NIH = [f"nih{i}" for i in range(1, 10)]


def odi_rows(*sums: int) -> pd.DataFrame:
    """Complete ODI answers whose section sums are ``sums`` (score = 2 x sum)."""
    rows = []
    for total in sums:
        rest = total
        row = []
        for _ in range(10):
            v = min(5, rest)
            row.append(v)
            rest -= v
        rows.append(row)
    return pd.DataFrame(rows, columns=ODI)


# ------------------------------------------------------------------- ODI
def test_odi_worked_example_and_id_column():
    data = pd.DataFrame([[3, 2, 4, 1, 0, 2, 3, 5, 1, 2]], columns=ODI)
    data.insert(0, "subject", ["S0001"])
    out = score_odi(data)
    # hand: sum 23 / 50 x 100 = 46 % -> severe (41-60)
    assert list(out.columns) == ["subject", "odi_score", "odi_band", "odi_answered"]
    assert out.loc[0, "odi_score"] == pytest.approx(46.0)
    assert out.loc[0, "odi_band"] == "severe"
    assert out.loc[0, "odi_answered"] == 10


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (10, "minimal"),  # 20 %
        (11, "moderate"),  # 22 %
        (20, "moderate"),  # 40 %
        (21, "severe"),  # 42 %
        (30, "severe"),  # 60 %
        (31, "crippled"),  # 62 %
        (40, "crippled"),  # 80 %
        (41, "bed-bound"),  # 82 %
        (50, "bed-bound"),  # 100 %
    ],
)
def test_odi_band_boundaries(total, band):
    out = score_odi(odi_rows(total))
    assert out.loc[0, "odi_score"] == pytest.approx(2 * total)
    assert out.loc[0, "odi_band"] == band


def test_odi_boundary_21_percent_exactly():
    # 21 % needs a missing section: 1 missing, sum 9.45 is impossible; use the
    # unrounded rule instead: 9 of 45 = 20 % (minimal), 10 of 45 = 22.2 % (moderate)
    data = odi_rows(9, 10).astype("float64")
    data.loc[:, "odi10"] = np.nan
    out = score_odi(data)
    assert out["odi_score"].round(4).tolist() == [20.0, 22.2222]
    assert out["odi_band"].astype(str).tolist() == ["minimal", "moderate"]
    assert out["odi_band"].cat.ordered


def test_odi_missing_sections_rule():
    data = pd.DataFrame([[2] * 10, [2] * 9 + [None], [2] * 8 + [None] * 2, [2] * 7 + [None] * 3])
    data.columns = ODI
    out = score_odi(data)
    # hand: 20/50, 18/45, 16/40 -> 40 % each; 3 missing -> not scored
    assert out["odi_score"].iloc[:3].tolist() == pytest.approx([40.0, 40.0, 40.0])
    assert np.isnan(out.loc[3, "odi_score"])
    assert out["odi_answered"].tolist() == [10, 9, 8, 7]
    strict = score_odi(data, max_missing=0)
    assert strict["odi_score"].notna().tolist() == [True, False, False, False]


def test_odi_several_boxes_take_highest():
    data = pd.DataFrame([[1] * 9 + ["2;4"], [1] * 9 + [[3, 5]], [1] * 9 + ["1|2"]], columns=ODI)
    out = score_odi(data)
    # hand: (9 + 4) / 50 = 26 %, (9 + 5) / 50 = 28 %, (9 + 2) / 50 = 22 %
    assert out["odi_score"].tolist() == pytest.approx([26.0, 28.0, 22.0])
    with pytest.raises(SurveyError, match=r"row 0.*'2;4'.*'odi10'"):
        score_odi(data, multiple="error")


def test_odi_out_of_range_names_respondent_item_value():
    data = odi_rows(10, 10)
    data.insert(0, "record_id", ["r1", "r2"])
    data.loc[1, "odi4"] = 6
    with pytest.raises(SurveyError, match=r"respondent 'r2' \(row 1\) answered 6 to item 'odi4'"):
        score_odi(data)
    data["odi4"] = data["odi4"].astype("float64")
    data.loc[1, "odi4"] = 2.5
    with pytest.raises(SurveyError, match="whole number from 0 to 5"):
        score_odi(data)
    text = odi_rows(10).astype(object)
    text.loc[0, "odi1"] = "veel"
    with pytest.raises(SurveyError, match="'veel'"):
        score_odi(text)


def test_odi_argument_errors():
    with pytest.raises(SurveyError, match=r"no column\(s\) \['odi10'\]"):
        score_odi(odi_rows(3).drop(columns="odi10"))
    with pytest.raises(ValueError, match="10 items"):
        score_odi(odi_rows(3), items=ODI[:9])
    with pytest.raises(ValueError, match="max_missing"):
        score_odi(odi_rows(3), max_missing=10)
    with pytest.raises(ValueError, match="multiple must be"):
        score_odi(odi_rows(3), multiple="mean")
    with pytest.raises(TypeError, match="DataFrame"):
        score_odi([1, 2, 3])
    with pytest.raises(ValueError, match="respondent='who'"):
        score_odi(odi_rows(3), respondent="who")


def test_odi_custom_items_and_no_mutation():
    data = odi_rows(5).set_axis([f"q{i}" for i in range(10)], axis=1)
    before = data.copy()
    out = score_odi(data, items=list(data.columns))
    assert out.loc[0, "odi_score"] == 10.0
    pd.testing.assert_frame_equal(data, before)


# ------------------------------------------------------------------ RMDQ
def test_rmdq_yes_no_spellings():
    answers = ["ja", "Yes", "TRUE", 1, "y", "nee", "no", "false", 0, "N"] + ["nee"] * 14
    data = pd.DataFrame([answers], columns=RMDQ)
    out = score_rmdq(data)
    assert out.loc[0, "rmdq_score"] == 5  # hand: 5 yes
    bools = pd.DataFrame([[True] * 7 + [False] * 17], columns=RMDQ)
    assert score_rmdq(bools).loc[0, "rmdq_score"] == 7


def test_rmdq_missing_rules():
    data = pd.DataFrame([[1] * 10 + [0] * 12 + [None] * 2], columns=RMDQ)
    assert np.isnan(score_rmdq(data).loc[0, "rmdq_score"])
    assert score_rmdq(data).loc[0, "rmdq_answered"] == 22
    # pro-rated: 10 / 22 x 24 = 10.909...
    assert score_rmdq(data, max_missing=2).loc[0, "rmdq_score"] == pytest.approx(240 / 22)
    assert np.isnan(score_rmdq(data, max_missing=1).loc[0, "rmdq_score"])
    # paper form: unticked = no
    assert score_rmdq(data, missing_as_no=True).loc[0, "rmdq_score"] == 10


def test_rmdq_invalid_answer():
    data = pd.DataFrame([[1] * 23 + ["misschien"]], columns=RMDQ)
    with pytest.raises(SurveyError, match=r"'misschien' to item 'rmdq24'.*yes/no"):
        score_rmdq(data)
    with pytest.raises(SurveyError, match="answered 2"):
        score_rmdq(pd.DataFrame([[2] + [0] * 23], columns=RMDQ))


# ------------------------------------------------------------ STarT Back
def sbst(first8: list[int], item9) -> list:
    return [*first8, item9]


@pytest.mark.parametrize(
    ("answers", "total", "psycho", "risk"),
    [
        (sbst([1, 1, 1, 0, 0, 0, 0, 0], 1), 3, 0, "low"),  # total 3
        (sbst([1, 1, 1, 1, 0, 0, 0, 0], 1), 4, 0, "medium"),  # total 4
        (sbst([1, 1, 1, 1, 1, 1, 1, 0], 3), 7, 3, "medium"),  # subscale 3
        (sbst([1, 1, 1, 1, 1, 1, 1, 0], 4), 8, 4, "high"),  # subscale 4 (item 9 "very much")
        (sbst([0, 0, 0, 0, 1, 1, 1, 1], 1), 4, 4, "high"),
        (sbst([0, 0, 0, 0, 1, 1, 1, 0], 5), 4, 4, "high"),  # "extremely" scores 1
        (sbst([0, 0, 0, 0, 1, 1, 0, 0], 5), 3, 3, "low"),
    ],
)
def test_startback_boundaries(answers, total, psycho, risk):
    out = score_startback(pd.DataFrame([answers], columns=SBST))
    assert out.loc[0, "sbst_total"] == total
    assert out.loc[0, "sbst_psychosocial"] == psycho
    assert out.loc[0, "sbst_risk"] == risk


def test_startback_item9_labels_and_codings():
    rows = [
        sbst([1, 1, 1, 1, 1, 1, 1, 1], "Very much"),
        sbst(["agree"] * 8, "een beetje"),
        sbst(["eens"] * 4 + ["oneens"] * 4, "extremely"),
    ]
    out = score_startback(pd.DataFrame(rows, columns=SBST))
    assert out["sbst_total"].tolist() == [9, 8, 5]
    coded0 = pd.DataFrame([sbst([0] * 8, 3), sbst([0] * 8, 2)], columns=SBST)
    assert score_startback(coded0, item9="0-4")["sbst_total"].tolist() == [1, 0]
    scored = pd.DataFrame([sbst([0] * 8, 1)], columns=SBST)
    assert score_startback(scored, item9="0/1").loc[0, "sbst_total"] == 1


def test_startback_missing_and_errors():
    data = pd.DataFrame([sbst([1] * 7 + [None], 4)], columns=SBST)
    out = score_startback(data)
    assert pd.isna(out.loc[0, "sbst_total"])
    assert pd.isna(out.loc[0, "sbst_risk"])
    assert out.loc[0, "sbst_answered"] == 8
    with pytest.raises(SurveyError, match=r"answered 6 to item 'sbst9'.*1 to 5"):
        score_startback(pd.DataFrame([sbst([1] * 8, 6)], columns=SBST))
    with pytest.raises(SurveyError, match="'sbst9'"):
        score_startback(pd.DataFrame([sbst([1] * 8, 0)], columns=SBST))
    with pytest.raises(ValueError, match="item9 must be"):
        score_startback(pd.DataFrame([sbst([1] * 8, 1)], columns=SBST), item9="1-7")


# ------------------------------------------------------------------- PEG
def test_peg_mean_and_missing():
    data = pd.DataFrame({"peg1": [6, "7,5", 4], "peg2": [5, 6, None], "peg3": [7, 3, 2]})
    out = score_peg(data)
    assert out["peg_score"].iloc[:2].tolist() == pytest.approx([6.0, 5.5])  # hand
    assert np.isnan(out.loc[2, "peg_score"])
    assert score_peg(data, max_missing=1).loc[2, "peg_score"] == 3.0
    with pytest.raises(SurveyError, match=r"answered 11 to item 'peg2'.*0 to 10"):
        score_peg(pd.DataFrame({"peg1": [1], "peg2": [11], "peg3": [1]}))


# ------------------------------------------------------------------- CPG
def cpg(pain: tuple, days: int, interference: tuple) -> list:
    return [*pain, days, *interference]


@pytest.mark.parametrize(
    ("days", "points"), [(0, 0), (6, 0), (7, 1), (14, 1), (15, 2), (30, 2), (31, 3), (180, 3)]
)
def test_cpg_day_points(days, points):
    data = pd.DataFrame([cpg((2, 2, 2), days, (0, 0, 0))], columns=CPG)
    assert score_cpg(data).loc[0, "cpg_disability_points"] == points


@pytest.mark.parametrize(
    ("interference", "score", "points"),
    [
        ((2, 3, 3), 80 / 3, 0),  # 26.7
        ((3, 3, 2), 80 / 3, 0),
        ((3, 3, 3), 30, 1),
        ((5, 5, 4), 140 / 3, 1),  # 46.7
        ((5, 5, 5), 50, 2),
        ((7, 7, 6), 200 / 3, 2),  # 66.7
        ((7, 7, 7), 70, 3),
        ((10, 10, 10), 100, 3),
    ],
)
def test_cpg_score_points(interference, score, points):
    data = pd.DataFrame([cpg((2, 2, 2), 0, interference)], columns=CPG)
    out = score_cpg(data)
    assert out.loc[0, "cpg_disability_score"] == pytest.approx(score)
    assert out.loc[0, "cpg_disability_points"] == points


@pytest.mark.parametrize(
    ("row", "intensity", "grade"),
    [
        (cpg((0, 0, 0), 0, (0, 0, 0)), 0, "0"),
        (cpg((5, 5, 4), 6, (2, 2, 2)), 140 / 3, "I"),  # 46.7 < 50, 0 points
        (cpg((5, 5, 5), 6, (2, 2, 2)), 50, "II"),  # intensity 50
        (cpg((5, 5, 5), 14, (5, 5, 5)), 50, "III"),  # 1 + 2 = 3 points
        (cpg((2, 2, 2), 30, (5, 5, 5)), 20, "III"),  # 2 + 2 = 4 points
        (cpg((2, 2, 2), 31, (5, 5, 5)), 20, "IV"),  # 3 + 2 = 5 points
        (cpg((9, 9, 9), 90, (9, 9, 9)), 90, "IV"),  # 6 points
        (cpg((8, 8, 8), 7, (3, 3, 3)), 80, "II"),  # 1 + 1 = 2 points
    ],
)
def test_cpg_grades(row, intensity, grade):
    out = score_cpg(pd.DataFrame([row], columns=CPG))
    assert out.loc[0, "cpg_intensity"] == pytest.approx(intensity)
    assert out.loc[0, "cpg_grade"] == grade
    assert out["cpg_grade"].cat.ordered


def test_cpg_missing_and_errors():
    out = score_cpg(pd.DataFrame([cpg((5, None, 5), 3, (1, 1, 1))], columns=CPG))
    assert np.isnan(out.loc[0, "cpg_intensity"])
    assert pd.isna(out.loc[0, "cpg_grade"])
    assert out.loc[0, "cpg_disability_points"] == 0
    with pytest.raises(SurveyError, match=r"answered 200 to item 'cpg4'.*0 to 184"):
        score_cpg(pd.DataFrame([cpg((1, 1, 1), 200, (1, 1, 1))], columns=CPG))


# ------------------------------------------------------------------- NIH
def nih(total: int) -> list[int]:
    """Answers whose impact is ``total`` (raw physical function, 5 = no difficulty)."""
    pain = min(10, total - 8)
    rest = total - pain - 8  # extra points over the 8 minimum spread on 8 items
    extra = [min(4, max(0, rest - 4 * i)) for i in range(8)]
    interference = [1 + e for e in extra[:4]]
    function = [5 - e for e in extra[4:]]  # raw: reversed to 1 + e
    return [pain, *interference, *function]


@pytest.mark.parametrize(
    ("total", "band"),
    [(8, "mild"), (27, "mild"), (28, "moderate"), (34, "moderate"), (35, "severe"), (50, "severe")],
)
def test_nih_impact_bands(total, band):
    out = score_nih_impact(pd.DataFrame([nih(total)], columns=NIH))
    assert out.loc[0, "nih_impact"] == total
    assert out.loc[0, "nih_impact_band"] == band


def test_nih_function_direction_and_missing():
    raw = [5, 2, 2, 2, 2, 5, 5, 5, 5]  # hand: 5 + 8 + (4 x (6 - 5)) = 17
    reversed_ = [5, 2, 2, 2, 2, 1, 1, 1, 1]
    data = pd.DataFrame([raw, reversed_, [5, 2, 2, 2, 2, 5, 5, 5, None]], columns=NIH)
    out = score_nih_impact(data)
    assert out["nih_impact"].iloc[:2].tolist() == [17, 33]
    assert pd.isna(out.loc[2, "nih_impact"])
    assert score_nih_impact(data.iloc[[1]], function_raw=False).iloc[0]["nih_impact"] == 17
    with pytest.raises(SurveyError, match=r"answered 0 to item 'nih2'.*1 to 5"):
        score_nih_impact(pd.DataFrame([[5, 0, 2, 2, 2, 5, 5, 5, 5]], columns=NIH))
    with pytest.raises(ValueError, match="bands must be"):
        score_nih_impact(data, bands=(35, 28))


# -------------------------------------------------- classification, example
def test_classify_survey_uses_shared_duration_rules():
    survey = pd.DataFrame(
        {
            "subject": ["a", "b", "c", "d"],
            "pain_duration": ["5 weken", "6-12 weeks", "3 months", "> 5 years"],
            "pain_frequency": [
                "every day",
                "at least half the days",
                "Every day or nearly every day",
                "Less than half the days in the past 6 months",
            ],
        }
    )
    out = classify_survey(survey, frequency="pain_frequency")
    # 5 weeks = 35 days acute; "3 months" = 91 days > 84 chronic (FACTS default)
    assert out["duration_class"].astype(str).tolist() == ["acute", "subacute", "chronic", "chronic"]
    assert out["nih_chronic"].tolist() == [False, False, True, False]
    icd = classify_survey(survey, definition="icd11")
    assert icd.loc[2, "duration_class"] == "subacute"  # ICD-11: exactly 3 months not chronic
    weeks = classify_survey(pd.DataFrame({"pain_duration": [13]}), unit="weeks")
    assert weeks.loc[0, "duration_days"] == 91
    with pytest.raises(ValueError, match="frequency='often'"):
        classify_survey(survey, frequency="often")


def test_simulated_survey_is_deterministic_and_scores():
    a = simulate_survey(30, seed=3)
    pd.testing.assert_frame_equal(a, simulate_survey(30, seed=3))
    assert a["subject"].iloc[-1] == "S0030"
    assert a.loc[3, "odi5"].count(";") == 1
    scores = pd.concat(
        [score_odi(a), score_rmdq(a).iloc[:, 1:], score_startback(a).iloc[:, 1:]], axis=1
    )
    assert scores["rmdq_score"].notna().all()
    assert scores["sbst_risk"].notna().all()
    # the latent severity makes the instruments agree
    assert scores["odi_score"].corr(scores["rmdq_score"]) > 0.5


def test_shipped_example_survey_joins_the_example_cohort():
    from importlib.resources import files

    path = files("backpain") / "datasets" / "example_survey.csv"
    survey = pd.read_csv(path)
    assert len(survey) == 120
    assert survey["subject"].str.fullmatch(r"S\d{4}").all()
    assert score_nih_impact(survey)["nih_impact"].between(8, 50).all()
    assert (
        classify_survey(survey, frequency="pain_frequency")["duration_class"].notna().mean() > 0.9
    )


def test_yes_no_words_are_the_readers_words():
    # one list for surveys and for the diary's treatment columns
    from backpain import questionnaires
    from backpain.read import _cells, table

    assert questionnaires.YES_WORDS is _cells.YES_WORDS is table.YES_WORDS
    assert questionnaires.NO_WORDS is _cells.NO_WORDS is table.NO_WORDS
    assert not _cells.YES_WORDS & _cells.NO_WORDS
    answers = ["wel" if i % 2 else "niet" for i in range(1, 9)] + ["extremely"]
    scores = score_startback(pd.DataFrame([answers], columns=SBST))
    # STarT Back (Hill et al. 2008): four items agreed (wel), four not (niet), and
    # item 9 "extremely" scores 1, so the total is 4 + 1
    assert scores["sbst_total"].tolist() == [5]
