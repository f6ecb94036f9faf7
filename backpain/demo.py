"""The main job: the whole flow on the bundled example data (``backpain demo``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ._config import language
from .classify import class_summary, classify
from .datasets import load_example
from .explain import readable
from .multilevel import mixed_model
from .questionnaires import classify_survey, score_odi, score_startback
from .report import ReportData, build_report
from .stats import correlate
from .text import say
from .validate import data_quality

__all__ = ["OUTPUT_FILES", "run_demo"]

OUTPUT_FILES: tuple[str, ...] = (
    "patient_diary_clean.csv",
    "cohort_data_quality.csv",
    "cohort_classes.csv",
    "survey_scores.csv",
    "cohort_correlations.csv",
    "cohort_mixed_model.csv",
    "patient_what_helps.csv",
    "patient_dashboard.png",
    "cohort_classes.png",
    "cohort_associations.png",
    "patient_what_helps.png",
    "patient_calendar.png",
    "patient_report.html",
    "patient_rapport_nl.html",
)
"""Every file the demo writes, in the order its closing list describes them."""

_DESCRIBED = {
    "patient_diary_clean.csv": "cli.demo.file_patient_diary_clean_csv",
    "cohort_data_quality.csv": "cli.demo.file_cohort_data_quality_csv",
    "cohort_classes.csv": "cli.demo.file_cohort_classes_csv",
    "survey_scores.csv": "cli.demo.file_survey_scores_csv",
    "cohort_correlations.csv": "cli.demo.file_cohort_correlations_csv",
    "cohort_mixed_model.csv": "cli.demo.file_cohort_mixed_model_csv",
    "patient_what_helps.csv": "cli.demo.file_patient_what_helps_csv",
    "patient_dashboard.png": "cli.demo.file_patient_dashboard_png",
    "cohort_classes.png": "cli.demo.file_cohort_classes_png",
    "cohort_associations.png": "cli.demo.file_cohort_associations_png",
    "patient_what_helps.png": "cli.demo.file_patient_what_helps_png",
    "patient_calendar.png": "cli.demo.file_patient_calendar_png",
    "patient_report.html": "cli.demo.file_patient_report_html",
    "patient_rapport_nl.html": "cli.demo.file_patient_rapport_nl_html",
}
"""The catalogue key that says what each file of :data:`OUTPUT_FILES` holds."""


def _say(text: str) -> None:
    print(text, flush=True)  # the demo is a command-line job: printing is its output


def _step(key: str, lang: str, **params: object) -> None:
    _say(say(key, lang, audience="cli", **params))


def run_demo(out: Path, *, lang: str | None = None) -> Path:
    """Run read -> validate -> classify / analyse -> plot / report on the examples.

    Writes CSV tables and figures to ``out`` and returns it.
    """
    lang = language(lang)
    out.mkdir(parents=True, exist_ok=True)
    _step("cli.demo.read_patient", lang)
    patient, report = load_example("patient_nl", return_report=True)
    _say(report.summary(lang=lang, audience="cli"))
    _step("cli.demo.read_cohort", lang)
    cohort, cohort_report = load_example("cohort", return_report=True)
    _say(cohort_report.summary(lang=lang, audience="cli"))

    _step("cli.demo.quality", lang)
    quality = data_quality(cohort)
    quality.to_csv(out / "cohort_data_quality.csv", index=False)
    with pd.option_context("display.width", 120, "display.max_columns", 8):
        numeric = quality.select_dtypes("number")  # first_day/last_day have no mean
        _say(numeric.describe().T[["mean", "min", "max"]].round(2).to_string())
    patient.to_csv(out / "patient_diary_clean.csv", index=False)

    _step("cli.demo.classes", lang)
    one = classify(patient).iloc[0]
    censored = say("cli.demo.censored", lang) if one["onset_censored"] else ""
    _step(
        "cli.demo.patient_class",
        lang,
        onset=f"{one['onset']:%Y-%m-%d}",
        weeks=float(one["duration_weeks"]),
        censored=censored,
        cls=str(one["duration_class"]),
        nih=str(one["nih_chronic"]),
    )
    classes = classify(cohort)
    classes.to_csv(out / "cohort_classes.csv", index=False)
    _say(class_summary(classes).table.to_string(index=False))

    _step("cli.demo.survey", lang)
    survey = load_example("survey").table
    scores = pd.concat(
        [
            survey[["subject"]],
            score_odi(survey).drop(columns="subject"),
            score_startback(survey).drop(columns="subject"),
            classify_survey(survey, frequency="pain_frequency").drop(columns="subject"),
        ],
        axis=1,
    )
    scores.to_csv(out / "survey_scores.csv", index=False)
    _say(scores["odi_band"].value_counts().sort_index().to_string())
    _say(scores["sbst_risk"].value_counts().sort_index().to_string())

    _step("cli.demo.associations", lang)
    table = correlate(cohort, lags=(0, 1)).table
    table.to_csv(out / "cohort_correlations.csv", index=False)
    shown = table[table["level"] == "within"][
        ["predictor", "lag", "r", "ci95_low", "ci95_high", "p_fdr"]
    ]
    _say(readable(shown, lang=lang).to_string(index=False))
    model = mixed_model(cohort, x=("stress", "sleep_quality", "active_minutes"), lag=0)
    model.table.to_csv(out / "cohort_mixed_model.csv", index=False)
    # the patient's own report, computed once: its findings are the demo's tables and figures
    # the example patient is named in the reader's language ("patiënt" in Dutch)
    named = patient.assign(subject=say("cli.demo.patient", lang))
    data = build_report(named, load=report, lang=lang)
    helps = data.findings[data.findings["kind"] == "tag"]
    helps.to_csv(out / "patient_what_helps.csv", index=False)
    _step("cli.demo.helps", lang)
    _say(_helps_table(helps, lang).to_string(index=False))
    _step("cli.demo.caveat", lang)

    _step("cli.demo.figures", lang)
    for name, fig in _figures(data, classes, table, lang=lang):
        path = out / f"{name}.png"
        fig.savefig(path, dpi=110, bbox_inches="tight")
        _step("cli.demo.path", lang, path=str(path))
    _report_step(out, data, lang=lang)
    describe_outputs(out, lang=lang)
    return out


def describe_outputs(out: Path, *, lang: str | None = None) -> None:
    """Print one line per file the demo wrote in ``out``: its name and what it holds.

    Parameters
    ----------
    out : pathlib.Path
        The demo's output folder; files of :data:`OUTPUT_FILES` not in it are
        left out.
    lang : {"en", "nl"}, optional
        Language of the lines.
    """
    lang = language(lang)
    _step("cli.demo.files", lang, path=str(out))
    for name in OUTPUT_FILES:
        if (out / name).is_file():
            what = say(_DESCRIBED[name], lang)
            _say(say("cli.demo.file", lang, name=name, what=what))


def _helps_table(helps: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The patient's tag rows as printed: tags and verdicts in ``lang`` (the report's words)."""
    from .explain import verdict_words
    from .plot import tag_label

    shown = helps[["predictor", "effect", "ci95_low", "ci95_high", "p_adj"]]
    return readable(
        shown.assign(
            predictor=[tag_label(t, lang=lang) for t in shown["predictor"]],
            verdict=[verdict_words(r, lang) for r in helps.itertuples()],
        ),
        digits=2,
        lang=lang,
    )


def _report_step(out: Path, data: ReportData, *, lang: str) -> None:
    """Step 8: the one-file HTML report of the Dutch example, for the therapist.

    ``patient_report.html`` is in the demo's ``lang``; ``patient_rapport_nl.html``
    is always Dutch, the language of the (Flemish) example patient, named as
    a Dutch reader says it. Both show the same findings (computed once).
    """
    from .report import build_report, write_report

    _step("cli.demo.report", lang)
    report = write_report(data, out / "patient_report.html")
    _step("cli.demo.path", lang, path=str(report))
    # the example patient is Flemish: the report they take to the kinesist is Dutch
    dutch = data
    if lang != "nl":
        dutch = build_report(
            data.diary.assign(subject=say("cli.demo.patient", "nl")),
            load=data.load,
            findings=data.findings,
            lang="nl",
        )
    rapport = write_report(dutch, out / "patient_rapport_nl.html")
    _step("cli.demo.dutch_path", lang, path=str(rapport))


def _figures(data: ReportData, classes, table, *, lang):
    """Yield ``(name, Figure)`` for the demo; each figure is closed after saving.

    The patient's figures draw the report's own results (one tested family),
    in Dutch, the example patient's language; the cohort's are in ``lang``.
    """
    import matplotlib.pyplot as plt

    from . import plot

    mine = "nl"
    patient = data.diary.assign(subject=say("cli.demo.patient", mine))
    fig = plot.dashboard(
        patient, annotated=data.annotated, findings=data.findings, lang=mine, figsize=(13, 15)
    )
    yield "patient_dashboard", fig
    plt.close(fig)
    for name, draw, size in (
        ("cohort_classes", lambda ax: plot.classes(classes, lang=lang, ax=ax), (7, 4)),
        ("cohort_associations", lambda ax: plot.associations(table, lang=lang, ax=ax), (7, 5)),
        (
            "patient_what_helps",
            lambda ax: plot.what_helps(data.findings, lang=mine, ax=ax),
            (7, 3.5),
        ),
        ("patient_calendar", lambda ax: plot.calendar(patient, lang=mine, ax=ax), (10, 3)),
    ):
        fig, ax = plt.subplots(figsize=size, layout="constrained")
        draw(ax)
        yield name, fig
        plt.close(fig)
