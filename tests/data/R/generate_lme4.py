"""Regenerate the lme4/lmerTest results that tests/test_multilevel.py compares with.

Run from the repository root (R with lme4 and lmerTest installed)::

    python tests/data/R/generate_lme4.py            # every case, written here
    python tests/data/R/generate_lme4.py five_intercept --out /tmp/r

For each case this writes the diary the test fits (``<case>_diary.csv``, when
the case has its own diary), builds the model frame the way the test's
reference does (the within/between split by pandas ``groupby``, yesterday's
pain by a merge on the date) and fits it in R with ``lmer.R`` beside this file:
``<case>_fixed.csv``, ``<case>_var.csv`` and, for the random-slope case,
``<case>_subject.csv``. The stored
diaries make the comparison independent of later changes to the simulator.
Versions used for the stored files: R 4.2.2, lme4 1.1.31, lmerTest 3.1.3.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
DIARY_COLUMNS = ["subject", "date", "pain", "stress"]


def split(d: pd.DataFrame, column: str, name: str) -> pd.DataFrame:
    """Within/between parts of ``column`` by pandas groupby (the reference decomposition)."""
    mean = d.groupby("subject")[column].transform("mean")
    return d.assign(**{f"{name}w": d[column] - mean, f"{name}b": mean})


def stored_diary(name: str, folder: Path = HERE) -> pd.DataFrame:
    """A diary stored beside this file, with its dates parsed."""
    return pd.read_csv(folder / f"{name}_diary.csv", parse_dates=["date"])


def _five(d: pd.DataFrame) -> pd.DataFrame:
    return split(d.dropna(subset=["pain", "stress"]), "stress", "s")


def _lagged(d: pd.DataFrame) -> pd.DataFrame:
    prev = d[["subject", "date", "pain"]].assign(date=d["date"] + pd.Timedelta(days=1))
    m = d[DIARY_COLUMNS].merge(prev.rename(columns={"pain": "pain1"}), on=["subject", "date"])
    return split(split(m.dropna(), "stress", "s"), "pain1", "p")


def _covariates(_: None) -> pd.DataFrame:
    from backpain import load_example
    from backpain.cohort import cohort_table

    survey, diary = load_example("survey").table, load_example("cohort")
    table = cohort_table(survey, diary).merge(survey[["subject", "age", "sex"]], on="subject")
    d = diary.merge(table[["subject", "age", "sex", "odi_score"]], on="subject")
    return split(d.dropna(subset=["pain", "stress", "age", "sex", "odi_score"]), "stress", "s")


def _simulated(n_subjects: int, n_days: int, seed: int):
    def make() -> pd.DataFrame:
        from backpain.simulate import simulate_cohort

        return simulate_cohort(n_subjects, n_days, seed=seed)[DIARY_COLUMNS]

    return make


# case -> (diary name or None for the shipped example, how to make that diary,
#          model frame from the diary, lme4 formula)
CASES = {
    "five_intercept": ("five", _simulated(5, 60, 7), _five, "pain ~ sw + sb + (1 | subject)"),
    "five_lagged": ("five", _simulated(5, 60, 7), _lagged, "pain ~ sw + pw + sb + (1 | subject)"),
    "five_empty": ("five", _simulated(5, 60, 7), lambda d: d, "pain ~ 1 + (1 | subject)"),
    "forty_slopes": (
        "forty",
        _simulated(40, 90, 5),
        _five,
        "pain ~ sw + sb + (1 + sw | subject)",
    ),
    "example_covariates": (
        None,
        None,
        _covariates,
        "pain ~ sw + sb + age + sex + odi_score + (1 | subject)",
    ),
}


def model_frame(case: str, folder: Path = HERE) -> pd.DataFrame:
    """The frame R fits for ``case``, built from the diary stored in ``folder``."""
    diary_name, _, build, _ = CASES[case]
    return build(None if diary_name is None else stored_diary(diary_name, folder))


def fit(case: str, out: Path, *, folder: Path = HERE) -> None:
    """Fit ``case`` in R (``lmer.R``) and write its three result files to ``out``."""
    formula = CASES[case][3]
    command = ["Rscript", str(HERE / "lmer.R"), "", formula, str(out / case)]
    if "(1 + " in formula:  # random slopes: keep each person's coefficients too
        command.append("subject")
    with tempfile.TemporaryDirectory() as tmp:
        command[2] = str(Path(tmp) / "data.csv")
        model_frame(case, folder).to_csv(command[2], index=False)
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        msg = f"Rscript failed on case {case}:\n{done.stderr[-2000:]}"
        raise RuntimeError(msg)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", metavar="case", help=f"any of {', '.join(CASES)}")
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    unknown = sorted(set(args.cases) - set(CASES))
    if unknown:
        parser.error(f"unknown case {', '.join(unknown)}; the cases are {', '.join(CASES)}")
    args.out.mkdir(parents=True, exist_ok=True)
    for case in args.cases or list(CASES):
        diary_name, make, _, _ = CASES[case]
        if diary_name is not None and not (args.out / f"{diary_name}_diary.csv").exists():
            make().to_csv(args.out / f"{diary_name}_diary.csv", index=False, date_format="%Y-%m-%d")
        fit(case, args.out, folder=args.out)
        print(f"wrote {args.out / case}_*.csv")


if __name__ == "__main__":
    main()
