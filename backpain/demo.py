"""The main job: the whole flow on the bundled example data (``backpain demo``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .datasets import load_example
from .validate import data_quality

__all__ = ["run_demo"]


def _say(text: str) -> None:
    print(text, flush=True)  # the demo is a command-line job: printing is its output


def run_demo(out: Path, *, lang: str = "en") -> Path:
    """Run read -> validate -> classify / analyse -> plot / report on the examples.

    Writes CSV tables and figures to ``out`` and returns it.
    """
    out.mkdir(parents=True, exist_ok=True)
    _say("1. Reading a patient's Dutch spreadsheet diary (data/dagboek_patient_nl.csv)")
    patient, report = load_example("patient_nl", return_report=True)
    _say(report.summary())
    _say("\n2. Reading the example research cohort (data/cohort_diary.csv)")
    cohort, cohort_report = load_example("cohort", return_report=True)
    _say(cohort_report.summary())

    _say("\n3. Data quality per subject")
    quality = data_quality(cohort)
    quality.to_csv(out / "cohort_data_quality.csv", index=False)
    with pd.option_context("display.width", 120, "display.max_columns", 8):
        _say(quality.describe().T[["mean", "min", "max"]].round(2).to_string())
    patient.to_csv(out / "patient_diary_clean.csv", index=False)
    return out
