"""Regenerate the bundled example data (run from the repository root).

    python data/make_examples.py

Writes the files to ``backpain/datasets/`` (shipped inside the package,
read by ``backpain.load_example``); the files in ``data/`` are links to them,
so there is one copy. Everything is simulated with
``backpain.simulate_cohort``: no real person's data.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from backpain.questionnaires import simulate_survey
from backpain.read.esm import MPATH_COLUMNS
from backpain.simulate import simulate_cohort, simulate_esm

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "backpain" / "datasets"

DUTCH_TAGS = {
    "physiotherapy": "kinesist",
    "heat": "warmte",
    "exercise": "oefeningen",
    "medication": "medicatie",
}


def patient():
    """One person's year, as the canonical English CSV."""
    diary = simulate_cohort(1, 365, seed=2118, start="2025-11-01")
    diary["subject"] = "patient"
    return diary


def dutch_file(diary) -> bytes:
    """The same year as a Flemish patient keeps it in Excel (nl-BE CSV, cp1252)."""
    rows = [
        "datum;pijn;stress;uren slaap;slaapkwaliteit;stappen;stemming;kinesist;wat hielp;opmerkingen"
    ]
    for rec in diary.itertuples(index=False):
        tag_list = rec.tags.split("|") if isinstance(rec.tags, str) else []
        physio = "ja" if "physiotherapy" in tag_list else ""
        other = ", ".join(DUTCH_TAGS[t] for t in tag_list if t != "physiotherapy")
        note = "slechte nacht, één keer wakker, rug stijf" if rec.sleep_quality <= 2 else ""
        rows.append(
            ";".join(
                [
                    f"{rec.date:%d-%m-%Y}",
                    f"{rec.pain:g}",
                    f"{rec.stress:g}",
                    f"{rec.sleep_hours:.1f}".replace(".", ","),
                    f"{rec.sleep_quality:g}",
                    f"{rec.steps:.0f}",
                    f"{rec.mood:g}",
                    physio,
                    other,
                    note,
                ]
            )
        )
    return ("\r\n".join(rows) + "\r\n").encode("cp1252")


def esm_mpath() -> bytes:
    """An experience-sampling study in m-Path's basic.csv layout (mpathr's example export).

    20 persons x 10 days x 6 prompts of 0-100 sliders for pain, stress and mood;
    times as Unix seconds with a timeZoneOffset of 3600 s (Belgium in March).
    """
    m = simulate_esm(20, 10, 6, seed=2026, start="2026-03-02")
    offset = 3600

    def unix(column):
        local = m[column].to_numpy(dtype="datetime64[s]").astype("int64")
        return [("" if m[column].isna().iat[i] else str(v - offset)) for i, v in enumerate(local)]

    sched, sent, start, stop = (unix(c) for c in ("scheduled", "sent", "started", "completed"))
    items = ["pain_sliderNeutralPos", "stress_sliderNeutralPos", "mood_sliderNeutralPos"]
    rows = [";".join([*MPATH_COLUMNS, *items])]
    for i, rec in enumerate(m.itertuples(index=False)):
        code = int(rec.subject[1:])
        fixed = [
            str(300000 + code),
            f"!s{code:03d}",
            f'"!demo {code:03d}"',
            f"demo{code:03d}",
            "dm",
            "demo1",
            str(7000000 + i),
            str(8000000 + i),
            "0",
            "main_questionnaire",
            "",
            "backpain_example",
            sched[i],
            sent[i],
            start[i],
            stop[i],
            "0",
            str(offset),
            "0",
        ]
        values = [("" if np.isnan(v) else f"{v:.0f}") for v in (rec.pain, rec.stress, rec.mood)]
        rows.append(";".join(fixed + values))
    return ("\n".join(rows) + "\n").encode("utf-8")


def main() -> None:
    one = patient()
    cohort, truth = simulate_cohort(100, 180, seed=42, start="2026-01-01", return_truth=True)
    survey = simulate_survey(120, seed=7, truth=truth.subjects)
    cohort["steps"] = cohort["steps"].astype(np.int64)
    one.to_csv(TARGET / "patient_diary.csv", index=False, date_format="%Y-%m-%d")
    (TARGET / "dagboek_patient_nl.csv").write_bytes(dutch_file(one))
    cohort.to_csv(TARGET / "cohort_diary.csv", index=False, date_format="%Y-%m-%d")
    survey.to_csv(TARGET / "example_survey.csv", index=False, date_format="%Y-%m-%d")
    (TARGET / "esm_study_mpath.csv").write_bytes(esm_mpath())
    print(f"wrote examples to {TARGET}")


if __name__ == "__main__":
    main()
