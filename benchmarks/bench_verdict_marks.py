"""Null patients: how often a figure marks a link that the analysis did not report.

Each simulated patient has no day-to-day link at all: pain, stress and sleep
quality are independent AR(1) series and two tags fall on random days (own
generator, not ``backpain.simulate``), 15% of days missing. For each patient
the script counts whether a figure would show a link:

* the old lag panel: the cohort ``correlate`` of one person at lags 0-3 (stress
  and sleep quality), an interval off zero;
* the old tag figure: a tag coloured because its (serial-adjusted, not
  family-adjusted) 95% interval is off zero;
* now: every figure marks a link only where ``patient_findings``' ``verdict`` is
  ``lower`` or ``higher`` (the report's own decision).

Run: ``PYTHONPATH=$PWD nice -n 10 python benchmarks/bench_verdict_marks.py [N]``
(N = 400 patients takes about a minute on 2 busy cores).
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from backpain.stats import correlate, patient_findings


def _ar1(rng: np.random.Generator, size: int, phi: float) -> np.ndarray:
    e = rng.normal(size=size)
    x = np.empty(size)
    x[0] = e[0]
    for t in range(1, size):
        x[t] = phi * x[t - 1] + np.sqrt(1 - phi**2) * e[t]
    return x


def null_patient(rng: np.random.Generator, n: int = 180, phi: float = 0.5) -> pd.DataFrame:
    days = pd.date_range("2025-01-01", periods=n)
    heat = np.where(rng.random(n) < 0.3, "heat", "")
    physio = np.where(rng.random(n) < 0.3, "physiotherapy", "")
    tags = ["|".join(t for t in pair if t) or None for pair in zip(heat, physio, strict=True)]
    d = pd.DataFrame(
        {
            "subject": "p",
            "date": days,
            "pain": np.clip(np.round(5 + 1.5 * _ar1(rng, n, phi)), 0, 10),
            "stress": np.clip(np.round(5 + 2 * _ar1(rng, n, phi)), 0, 10),
            "sleep_quality": np.clip(np.round(5 + 2 * _ar1(rng, n, phi)), 0, 10),
            "tags": pd.array(tags, dtype="string"),
        }
    )
    return d[rng.random(n) > 0.15].reset_index(drop=True)


def main(n_patients: int = 400) -> None:
    rng = np.random.default_rng(2026)
    start = time.perf_counter()
    old_lag = old_tag = new_lag = new_tag = 0
    for _ in range(n_patients):
        d = null_patient(rng)
        found = patient_findings(d).table
        corr = correlate(d, x=("stress", "sleep_quality"), lags=(0, 1, 2, 3)).table
        corr = corr[corr["level"] == "within"]
        tags = found[found["kind"] == "tag"]
        links = found[found["kind"] == "association"]
        old_lag += bool(((corr["ci95_low"] > 0) | (corr["ci95_high"] < 0)).any())
        old_tag += bool(((tags["ci95_low"] > 0) | (tags["ci95_high"] < 0)).any())
        new_lag += bool(links["verdict"].isin(["lower", "higher"]).any())
        new_tag += bool(tags["verdict"].isin(["lower", "higher"]).any())
    took = time.perf_counter() - start
    print(f"{n_patients} null patients, 180 days, AR(1) 0.5, 15% missing ({took:.0f} s)")
    print(
        f"lag panel marks a link:  before {old_lag / n_patients:.1%}, now {new_lag / n_patients:.1%}"
    )
    print(
        f"tag figure colours a tag: before {old_tag / n_patients:.1%}, now {new_tag / n_patients:.1%}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
