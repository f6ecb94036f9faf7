"""Benchmark backpain.mixed_model against R's lme4, and check CI coverage with random slopes.

Run from the repository root (needs ``Rscript`` with lme4)::

    .venv/bin/python benchmarks/bench_multilevel.py              # 1k and 10k x 365, coverage
    .venv/bin/python benchmarks/bench_multilevel.py --quick      # 200 x 365, few replicates
    .venv/bin/python benchmarks/bench_multilevel.py --sizes --reps 100 --boot 400  # coverage only

What it measures:

1. Timing. Simulated diaries (:func:`backpain.simulate_cohort`, 365 days, about
   10% of days missing) with person-specific stress slopes added
   (SD 0.15 per point). For each size, in the same run: ``mixed_model(diary,
   x=("stress",))`` (random intercept) and ``random_slopes=True``, each in a
   fresh process with a time limit (``--limit``, default 600 s), against
   ``lmer(pain ~ sw + sb + (1 | subject))`` and ``(1 + sw | subject)`` timed
   inside R (``system.time`` around ``lmer`` only; reading the CSV is not
   counted). backpain's time includes splitting stress into within and between
   parts, the Satterthwaite degrees of freedom and the ICC (lme4's does not).
2. Coverage. ``--reps`` cohorts of 40 persons x 60 days from an unrounded
   linear model with a known mean slope 0.25 and slope SD 0.15: how often the
   95% CI of the within effect covers it, with and without a random slope,
   and (``--boot N``) with a random slope and ``ci="bootstrap"`` (N resamples).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from backpain.multilevel import MixedModelWarning, mixed_model
from backpain.simulate import TRUE_EFFECTS, simulate_cohort

WORK = Path(__file__).resolve().parent / "_work"
SLOPE_SD = 0.15


def _with_slopes(diary: pd.DataFrame, seed: int) -> pd.DataFrame:
    """Add person-specific stress slopes b_i ~ N(0, SLOPE_SD) to pain (not rounded or clipped)."""
    rng = np.random.default_rng(seed)
    subjects = diary["subject"].unique()
    b = pd.Series(rng.normal(0, SLOPE_SD, len(subjects)), index=subjects)
    centred = diary["stress"] - diary.groupby("subject")["stress"].transform("mean")
    pain = diary["pain"] + diary["subject"].map(b).to_numpy() * centred
    return diary.assign(pain=pain.clip(0, 10))


_R = """
suppressMessages(library(lme4))
d <- read.csv("{csv}")
d$subject <- factor(d$subject)
out <- list()
for (f in c("pain ~ sw + sb + (1 | subject)", "pain ~ sw + sb + (1 + sw | subject)")) {{
  t <- system.time(m <- lmer(as.formula(f), data = d, REML = TRUE))[["elapsed"]]
  out[[f]] <- c(t, fixef(m)[["sw"]], sqrt(vcov(m)[2, 2]))
}}
cat(sprintf("%s;%.3f;%.6f;%.6f\\n", names(out), sapply(out, `[`, 1), sapply(out, `[`, 2),
            sapply(out, `[`, 3)), sep = "")
"""


def _case(path: str, slopes: bool) -> None:
    """One backpain fit in this process; prints seconds, coef and se of the within term as JSON."""
    diary = pd.read_parquet(path)
    t0 = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MixedModelWarning)
        res = mixed_model(diary, x=("stress",), random_slopes=slopes).table
    seconds = time.perf_counter() - t0
    row = res.set_index("term").loc["stress_within"]
    notes = [str(w.message)[:80] for w in caught]
    print(json.dumps({"seconds": seconds, "coef": row["coef"], "se": row["se"], "notes": notes}))


def _timing(n_subjects: int, limit: float) -> None:
    WORK.mkdir(exist_ok=True)
    diary = _with_slopes(simulate_cohort(n_subjects, 365, seed=1), seed=2)
    diary = diary.dropna(subset=["pain", "stress"]).reset_index(drop=True)
    path = WORK / f"multilevel_{n_subjects}.parquet"
    diary.to_parquet(path)
    mean = diary.groupby("subject")["stress"].transform("mean")
    csv = WORK / f"multilevel_{n_subjects}.csv"
    pd.DataFrame(
        {
            "subject": diary["subject"],
            "pain": diary["pain"],
            "sw": diary["stress"] - mean,
            "sb": mean,
        }
    ).to_csv(csv, index=False)
    print(f"\n{n_subjects:,} persons x 365 days: {len(diary):,} rows", flush=True)
    for slopes in (False, True):
        name = "random slope" if slopes else "random intercept"
        cmd = [sys.executable, __file__, "--case", str(path), "--slopes", str(int(slopes))]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=limit, check=True)
            out = json.loads(done.stdout.strip().splitlines()[-1])
            print(
                f"  backpain {name:16s} {out['seconds']:8.1f} s  coef {out['coef']:.6f}  "
                f"se {out['se']:.6f}  {out['notes']}",
                flush=True,
            )
        except subprocess.TimeoutExpired:
            print(f"  backpain {name:16s} stopped after {limit:.0f} s (not finished)", flush=True)
    done = subprocess.run(
        ["Rscript", "-e", _R.format(csv=csv)], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        print(f"  lme4 failed: {done.stderr[-500:]}")
        return
    for line in done.stdout.strip().splitlines():
        formula, seconds, coef, se = line.split(";")
        name = "random slope" if "1 + sw" in formula else "random intercept"
        print(f"  lme4     {name:16s} {float(seconds):8.1f} s  coef {coef}  se {se}", flush=True)


def _linear_cohort(rng: np.random.Generator, n_subjects: int, n_days: int) -> pd.DataFrame:
    """outcome = a_i + (0.25 + b_i) (stress - mean_i) + 0.5 s_i + e, b_i ~ N(0, SLOPE_SD), e ~ N(0, 1)."""
    s = np.repeat(np.arange(n_subjects), n_days)
    mean = rng.normal(4, 1.5, n_subjects)
    stress = np.clip(mean[s] + rng.normal(0, 1.5, s.size), 0, 10)  # the 0-10 stress scale
    a = rng.normal(3, 1.5, n_subjects)
    b = rng.normal(0, SLOPE_SD, n_subjects)
    centred = stress - np.bincount(s, stress)[s] / n_days
    pain = a[s] + (TRUE_EFFECTS["stress"] + b[s]) * centred + 0.5 * mean[s]
    pain = pain + rng.normal(0, 1, s.size)
    dates = pd.Timestamp("2025-01-01") + pd.to_timedelta(
        np.tile(np.arange(n_days), n_subjects), "D"
    )
    subject = pd.array([f"P{i:03d}" for i in s], dtype="string")
    # "outcome", not "pain": unrounded values leave the 0-10 pain scale
    return pd.DataFrame({"subject": subject, "date": dates, "outcome": pain, "stress": stress})


def _coverage(reps: int, n_boot: int = 0) -> None:
    truth = TRUE_EFFECTS["stress"]
    names = {
        "intercept": "random intercept only",
        "slope": "random slope",
        "bootstrap": f"random slope, bootstrap ({n_boot} resamples)",
    }
    fits = {
        "intercept": {"random_slopes": False},
        "slope": {"random_slopes": True},
        "bootstrap": {"random_slopes": True, "ci": "bootstrap", "n_boot": n_boot},
    }
    if not n_boot:
        del fits["bootstrap"]
    hits = dict.fromkeys(fits, 0)
    widths: dict[str, list[float]] = {name: [] for name in fits}
    seconds = dict.fromkeys(fits, 0.0)
    rng = np.random.default_rng(2026)
    for rep in range(reps):
        diary = _linear_cohort(rng, 40, 60)
        for name, kwargs in fits.items():
            t0 = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", MixedModelWarning)
                row = mixed_model(diary, y="outcome", x=("stress",), seed=rep, **kwargs).table
            seconds[name] += time.perf_counter() - t0
            row = row.set_index("term").loc["stress_within"]
            hits[name] += bool(row["ci95_low"] < truth < row["ci95_high"])
            widths[name].append(row["ci95_high"] - row["ci95_low"])
    print(
        f"\nCoverage of the true within effect {truth} (40 persons x 60 days, unrounded "
        f"linear model, slope SD {SLOPE_SD}):"
    )
    for name in fits:
        print(
            f"  {names[name]:42s} {hits[name]}/{reps} = {hits[name] / reps:.1%}  "
            f"(mean CI width {np.mean(widths[name]):.3f}, {seconds[name] / reps:.2f} s a fit)"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (smoke test)")
    parser.add_argument("--sizes", type=int, nargs="*", default=None, help="numbers of persons")
    parser.add_argument("--reps", type=int, default=200, help="coverage replicates (0: none)")
    parser.add_argument(
        "--boot", type=int, default=0, help="also the bootstrap CI's coverage, N resamples"
    )
    parser.add_argument("--limit", type=float, default=600, help="seconds allowed per backpain fit")
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--slopes", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.case:
        _case(args.case, bool(args.slopes))
        return
    sizes = args.sizes if args.sizes is not None else ([200] if args.quick else [1000, 10000])
    for n in sizes:
        _timing(n, args.limit)
    reps = 20 if args.quick else args.reps
    if reps > 0:
        _coverage(reps, args.boot)


if __name__ == "__main__":
    main()
