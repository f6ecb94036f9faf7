"""The notebooks say what each result means: backpain.explain, the p-value format, Dutch.

The sentences are checked against the numbers of the tables they follow,
recomputed here with pandas and scipy; the patient notebook is run in Dutch
and its outputs searched for English with the detector of test_read_text.
"""

from __future__ import annotations

import html
import re
import string
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps
from test_read_text import _english_in

import backpain
from backpain import explain
from backpain._catalogue import notebook as notebook_area
from backpain.cohort import cohort_table
from backpain.multilevel import MixedModel
from backpain.text import p_value, say

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


@pytest.fixture(scope="module")
def cohort():
    return backpain.simulate_cohort(40, 200, seed=11)


@pytest.fixture(scope="module")
def survey_table():
    survey = backpain.load_example("survey")
    return survey, cohort_table(survey, backpain.load_example("cohort"))


# ------------------------------------------------------------------ p-values
@pytest.mark.parametrize(
    ("p", "lang", "text"),
    [
        (3.8e-121, "en", "< 0.001"),
        (0.0, "en", "< 0.001"),
        (0.00099, "en", "< 0.001"),
        (0.001, "en", "0.0010"),
        (0.04432, "en", "0.044"),
        (0.21335, "en", "0.21"),
        (0.5, "en", "0.50"),
        (1.0, "en", "1.0"),
        (0.04432, "nl", "0,044"),
        (1e-5, "nl", "< 0,001"),
        (float("nan"), "en", ""),
        (pd.NA, "en", ""),
        (None, "nl", ""),
    ],
)
def test_p_value_is_readable(p, lang, text):
    assert p_value(p, lang) == text


def test_p_value_keeps_two_significant_digits():
    for p in np.geomspace(0.001, 1, 200):
        text = p_value(p)
        digits = text.lstrip("0.").replace(".", "")
        assert len(digits) == 2, text
        # two significant digits: within half a unit of the second digit
        assert abs(float(text) - p) <= 0.05 * p + 1e-12, (p, text)


def test_readable_tables_have_no_zero_p_values(cohort):
    table = backpain.correlate(cohort, lags=(0, 1)).table
    shown = explain.readable(table)
    for column in ("p_val", "p_fdr"):
        assert shown[column].tolist() == [p_value(p) for p in table[column]]
        assert not shown[column].str.fullmatch(r"0\.0+").any()
    # numbers are rounded, not changed; integer columns are left alone
    assert shown["r"].tolist() == [f"{r:.3f}" for r in table["r"]]
    assert shown["n_obs"].tolist() == table["n_obs"].tolist()
    assert explain.readable(table, lang="nl")["r"].iloc[0] == f"{table['r'].iloc[0]:.3f}".replace(
        ".", ","
    )


# ------------------------------------------------------------------ classes
# The research definitions in their own words (not backpain.DEFINITIONS):
# COST B13 longer than 12 weeks, BMJ 12 weeks or more, ICD-11 longer than 3
# months (91 days), NIH Task Force at least 3 months.
CHRONIC_BY_HAND = {
    "cost": lambda d: d > 84,
    "bmj": lambda d: d >= 84,
    "icd11": lambda d: d > 91,
    "nih": lambda d: d >= 91,
}


def test_class_sentence_matches_the_counts_and_the_who_table(cohort):
    classified = backpain.classify(cohort)
    text = explain.classes(classified)
    cls = classified["duration_class"]
    n, n_chronic = int(cls.notna().sum()), int((cls == "chronic").sum())
    head = f"{n_chronic} of {n} people ({100 * n_chronic / n:.0f}%) have chronic pain"
    assert head + " (longer than 12 weeks)" in text
    assert f"{int((cls == 'subacute').sum())} have subacute pain (6 to 12 weeks)" in text
    assert f"{int((cls == 'acute').sum())} acute pain (shorter than 6 weeks)" in text
    censored = int(classified["onset_censored"].sum())
    assert f"For {censored} people the diary starts in pain" in text
    nih = int(classified["nih_chronic"].fillna(False).sum())
    assert f"- {nih} meet the NIH Task Force research definition" in text

    who = explain.class_table(classified)
    assert len(who[who["duration_class"] == "chronic"]) == n_chronic
    assert set(who["subject"]) == set(classified["subject"])
    assert who["duration_days"].is_monotonic_decreasing
    days = who["duration_days"].astype("float64")
    for name, chronic in CHRONIC_BY_HAND.items():
        by_hand = chronic(days).fillna(False)
        assert (who[f"class_{name}"] == "chronic").tolist() == by_hand.tolist(), name
        label = explain.DEFINITION_NAMES[name]
        assert re.search(rf"{re.escape(label)} \([^)]*\) {int(by_hand.sum())}\b", text), name


def test_class_sentence_follows_the_definition_it_is_given(cohort):
    classified = backpain.classify(cohort, definition="nih")
    text = explain.classes(classified, definition="nih")
    n_chronic = int((classified["duration_class"] == "chronic").sum())
    assert f"{n_chronic} of " in text
    assert "have chronic pain (longer than 90 days)" in text
    with pytest.raises(ValueError, match="definition must be one of"):
        explain.classes(classified, definition="who")


def test_class_table_of_a_survey_classes_answer_ranges_as_classify_survey_does(survey_table):
    survey, _ = survey_table
    answers = backpain.classify_survey(survey, frequency="pain_frequency")
    who = explain.class_table(answers)
    merged = who.merge(answers[["subject", "duration_class"]], on="subject", suffixes=("", "_x"))
    same = merged["class_cost"].astype(object).eq(merged["duration_class_x"].astype(object))
    both_missing = merged["class_cost"].isna() & merged["duration_class_x"].isna()
    assert (same | both_missing).all()


# ------------------------------------------------------------- correlations
def _corr_row(predictor, lag, level, r, low, high, p):
    return {
        "predictor": predictor,
        "lag": lag,
        "level": level,
        "r": r,
        "ci95_low": low,
        "ci95_high": high,
        "p_val": p,
        "p_fdr": p,
    }


def test_correlation_sentences_from_known_rows():
    table = pd.DataFrame(
        [
            _corr_row("stress", 0, "within", 0.31, 0.2, 0.4, 1e-6),
            _corr_row("sleep_hours", 1, "within", -0.004, -0.05, 0.04, 0.61234),
            _corr_row("steps", 3, "within", -0.12, -0.2, -0.04, 0.0031),
            _corr_row("mood", 0, "between", -0.9, -0.93, -0.85, 2e-30),
        ]
    )
    assert explain.correlations(table).splitlines() == [
        "- Stress, within a person: on days above their own average, pain is higher "
        "(r = 0.31, 95% CI 0.20 to 0.40, FDR-adjusted p < 0.001).",
        "- Sleep hours, within a person: no clear link with pain the day after "
        "(r = 0.00, 95% CI -0.05 to 0.04, FDR-adjusted p = 0.61).",
        "- Steps, within a person: 3 days after a day above their own average, pain is lower "
        "(r = -0.12, 95% CI -0.20 to -0.04, FDR-adjusted p = 0.0031).",
        "- Mood, between persons: people with a higher average have less pain on average "
        "(r = -0.90, 95% CI -0.93 to -0.85, FDR-adjusted p < 0.001).",
    ]
    assert explain.correlations(table, lang="nl").splitlines()[0] == (
        "- Stress, binnen een persoon: op dagen boven het eigen gemiddelde is de pijn hoger "
        "(r = 0,31, 95%-BI 0,20 tot 0,40, p < 0,001 na FDR-correctie)."
    )


def test_correlation_sentences_match_the_table(cohort):
    table = backpain.correlate(cohort, lags=(0, 1)).table
    lines = explain.correlations(table).splitlines()
    assert len(lines) == int(table["r"].notna().sum())
    for line, row in zip(lines, table.itertuples(), strict=True):
        assert f"r = {round(row.r, 2) + 0.0:.2f}" in line
        assert f"p {p_value(row.p_fdr)}".replace("p 0", "p = 0") in line
        clear = row.p_fdr < 0.05
        assert ("no clear link" not in line) == clear, line


# ------------------------------------------------------------------ the model
def test_steps_are_the_patient_reports_steps(cohort):
    one = cohort[cohort["subject"] == cohort["subject"].iloc[0]]
    findings = backpain.patient_findings(one, lags=(0,), tags=()).table
    used = dict(zip(findings["predictor"], findings["step"], strict=True))
    assert used == {name: explain.STEPS[name] for name in used}


def test_model_sentence_from_known_terms():
    model = pd.DataFrame(
        {
            "term": ["Intercept", "stress_within", "steps_between", "active_minutes_lag1_within"],
            "predictor": [None, "stress", "steps", "active_minutes"],
            "lag": [pd.NA, 0, 0, 1],
            "level": ["intercept", "within", "between", "within"],
            "coef": [2.5, 0.31, -0.0002, 0.001],
            "ci95_low": [2.0, 0.25, -0.0005, -0.002],
            "ci95_high": [3.0, 0.37, 0.0001, 0.004],
            "p_val": [0.001, 2e-9, 0.2, 0.51],
        }
    )
    stats = {"n_obs": 16058, "n_subjects": 100, "group_var": 1.0, "cov_re": None, "scale": 1.0}
    fit = {"loglike": 0.0, "converged": True, "notes": [], "icc": 0.5612}
    r2 = {"r2_within": 0.1, "r2_marginal": 0.1, "r2_conditional": 0.5}
    model = MixedModel(model, **stats, **fit, **r2)
    assert explain.mixed_model(model).splitlines() == [
        "- Within a person, a day with 1 point more stress than usual goes with 0.31 points "
        "more pain (95% CI 0.25 to 0.37, p < 0.001).",
        "- Between persons, someone with on average 1,000 more steps than another person has "
        "on average 0.20 points less pain (95% CI -0.10 to 0.50, p = 0.20): not clearly "
        "different from no change.",
        "- Within a person, 1 day(s) after a day with 10 more active minutes than usual, pain "
        "is 0.01 points higher (95% CI -0.02 to 0.04, p = 0.51): not clearly different from "
        "no change.",
        "- 56% of the variation in pain lies between persons (intraclass correlation); the "
        "model uses 16,058 days from 100 persons.",
    ]
    dutch = explain.mixed_model(model, lang="nl")
    assert "0,31 punten meer pijn (95%-BI 0,25 tot 0,37, p < 0,001)" in dutch
    assert "16.058 dagen van 100 personen" in dutch


def test_model_sentences_match_a_fitted_model(cohort):
    model_result = backpain.mixed_model(cohort, x=("stress", "steps"), lag=0)
    model = model_result.table
    lines = explain.mixed_model(model_result).splitlines()
    terms = model[model["level"].isin(["within", "between"])]
    assert len(lines) == len(terms) + 1
    for line, row in zip(lines[:-1], terms.itertuples(), strict=True):
        effect = abs(row.coef * explain.STEPS[row.predictor])
        way = "more" if row.coef > 0 else "less"
        assert f"{effect:.2f} points {way} pain" in line, line
        assert f"p {p_value(row.p_val)}".replace("p 0", "p = 0") in line
    assert f"{model_result.icc:.0%} of the variation" in lines[-1]


# ------------------------------------------------------------------ the survey
def test_survey_sentences_match_the_scores(survey_table):
    survey, table = survey_table
    odi = backpain.score_odi(survey)
    text = explain.odi(odi)
    scored = odi["odi_score"].dropna()
    assert f"mean {scored.mean():.0f} out of 100 (SD {scored.std():.0f}) in {len(scored)}" in text
    for band, n in odi["odi_band"].value_counts().items():
        assert f"{band} {n}" in text

    risk = backpain.score_startback(survey)["sbst_risk"].value_counts()
    text = explain.startback(backpain.score_startback(survey))
    assert f"{risk['low']} are at low risk, {risk['medium']} at medium risk" in text

    crossed = pd.crosstab(table["survey_duration_class"], table["diary_duration_class"])
    same, n = int(np.trace(crossed.to_numpy())), int(crossed.to_numpy().sum())
    assert f"for {same} of the {n} people with both" in explain.agreement(table)

    both = table.loc[table["in_diary"]]
    lines = explain.score_links(both, x=("odi_score", "peg_score")).splitlines()
    for line, column in zip(lines, ("odi_score", "peg_score"), strict=True):
        pair = both[[column, "diary_pain_mean"]].dropna()
        r, p = sps.pearsonr(pair[column], pair["diary_pain_mean"])  # the reference
        assert f"r = {r:.2f}" in line
        assert p_value(p) in line
        assert f"n = {len(pair)}" in line


# ------------------------------------------------------------------ Dutch
def _sample(template: str) -> dict[str, object]:
    return {f: 3 for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_notebook_text_renders_in_dutch_without_english():
    # one test for the rule, listing every key that breaks it
    wrong = []
    for key, (_, dutch) in sorted(notebook_area.TEXTS.items()):
        text = say(key, "nl", **_sample(dutch))
        if _english_in(text):
            wrong.append(f"{key}: English words {_english_in(text)} in {text!r}")
    assert len(notebook_area.TEXTS) > 40  # the rule saw every notebook text
    assert wrong == [], "\n".join(wrong)


def test_the_explanations_of_the_examples_are_dutch(survey_table):
    survey, table = survey_table
    cohort = backpain.load_example("cohort")
    classified = backpain.classify(cohort)
    texts = [
        explain.quality(backpain.data_quality(cohort), lang="nl"),
        explain.classes(classified, lang="nl"),
        explain.correlations(backpain.correlate(cohort, lags=(0, 1)), lang="nl"),
        explain.mixed_model(backpain.mixed_model(cohort, x=("stress", "steps")), lang="nl"),
        explain.odi(backpain.score_odi(survey), lang="nl"),
        explain.startback(backpain.score_startback(survey), lang="nl"),
        explain.agreement(table, lang="nl"),
        explain.score_links(table.loc[table["in_diary"]], lang="nl"),
    ]
    assert _english_in(explain.classes(classified))  # the detector does see English
    for text in texts:
        assert not _english_in(text), text


# ------------------------------------------------------------------ the notebooks
def _code(name: str) -> list[str]:
    book = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    return [c for c in book.cells if c.cell_type == "code"]


@pytest.mark.parametrize("name", ["patient", "researcher", "survey", "esm"])
def test_notebooks_are_committed_thin_and_without_outputs(name):
    for cell in _code(name):
        assert cell.outputs == [], cell.source
        assert cell.execution_count is None
        assert not re.search(r"^\s*(def|class) ", cell.source, re.MULTILINE), cell.source
        assert ".round(3)" not in cell.source  # p-values go through explain.readable


def _shown_text(output: dict) -> str:
    """What a reader sees of one output: the richest text form, tags and images taken out."""
    if output.get("output_type") == "stream":
        return output["text"]
    data = output.get("data", {})
    if "text/markdown" in data:
        return data["text/markdown"]
    if "text/html" in data:
        page = re.sub(r"<(style|script)\b.*?</\1>", " ", data["text/html"], flags=re.S)
        return html.unescape(re.sub(r"<[^>]+>", " ", page))
    return data.get("text/plain", "")


@pytest.mark.notebook
def test_patient_notebook_in_dutch_shows_no_english(tmp_path):
    from nbclient import NotebookClient

    book = nbformat.read(NOTEBOOKS / "patient.ipynb", as_version=4)
    params = next(c for c in book.cells if c.cell_type == "code" and "lang =" in c.source)
    params.source = re.sub(r'lang = "\w+"', 'lang = "nl"', params.source)
    assert 'lang = "nl"' in params.source
    NotebookClient(book, timeout=600, resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for c in book.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    shown = "\n".join(_shown_text(o) for o in outputs)
    assert "Rapport van het rugpijndagboek" in shown
    assert say("notebook.guide.take", "nl") in shown
    assert _english_in(say("notebook.guide.read", "en"))  # the detector does see English
    assert not _english_in(shown), _english_in(shown)
