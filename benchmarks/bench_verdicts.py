"""How often is one patient told something false, and how often something true?

Run from the repository root::

    nice -n 10 .venv/bin/python benchmarks/bench_verdicts.py                # 2,000 per cell
    nice -n 10 .venv/bin/python benchmarks/bench_verdicts.py --patients 200  # quick run
    nice -n 10 .venv/bin/python benchmarks/bench_verdicts.py --compare       # all methods

A simulation, not a timed test. Each simulated patient keeps a diary of 60,
90, 180 or 365 days (10-25% of days not recorded, half of them in week-long
blocks) with six numeric predictors and four tags, and sees a *family* of 16
findings: the six predictors at lags 0 and 1 (12 associations) and the four
tags the next day (4 comparisons), tested as
:func:`backpain.stats.patient_findings` does (least squares with the AR(1)
effective number of days, Benjamini-Hochberg over the family). The diaries
come from :func:`backpain.simulate._scenario_diaries`:

* ``stationary``: pain, predictors and one tag's latent series AR(1) with
  ``phi`` 0, 0.3, 0.6 or 0.8; one tag on a fixed weekday, one on two fixed
  weekdays, one that starts in the middle third of the diary;
* ``trend``: pain falls by 2 SD over the diary while steps rise by 2 SD
  (and the new tag starts half-way);
* ``season``: the same yearly curve (amplitude 1 SD) in pain and steps;
* ``drift``: independent random walks (daily step 0.1 SD) in pain and steps.

In none of these has pain any day-to-day relation with anything. Measured:
the share of patients told at least one (false) link (**any false**). Power:
pain's day-to-day part has correlation r = 0.3 with same-day stress;
measured: the share of patients whose stress-at-lag-0 finding is reportable
and positive.

What "usual" means, compared with ``--compare`` on the same patients (the
``trend`` argument of ``_serial_slope``): ``mean`` (the whole diary's mean,
what the page did until version 0.2), ``line`` (a straight line in time
fitted with the slope), ``diff`` (first differences: each day against the
day before, with an intercept), ``local +-h`` (each day minus the mean of
the recorded days within +-h days, in both series), ``spline K`` (a cubic
B-spline of time with knots every K days fitted with the slope: a smooth of
time; ``spline 28`` is what ``patient_findings`` does). The default run
shows the whole grid for ``mean``, ``diff`` and ``spline 28``. ``lag-1
echo``: in the power cells, the share told a link with stress *the day
before*, which has none (it echoes the same-day link through stress's own
autocorrelation, or, with differences, through the shared day), and in
brackets the share told it with the sign opposite to the same-day link.

Every patient's test runs in one vectorised call per finding (numpy over
patients, one BLAS thread); the default run takes 2-14 minutes on the 2
shared cores (quiet or busy), ``--compare --patients 500`` 2-11.
"""

from __future__ import annotations

import argparse
import os
import time

# one BLAS thread: thousands of small products run slower with threads on 2 shared cores
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

from backpain.simulate import _scenario_diaries  # noqa: E402
from backpain.stats import _adjust, _serial_slope, _shift_days, _t_test  # noqa: E402

LAGS = (0, 1)
ALPHA = 0.05
DAYS = (60, 90, 180, 365)
NULL_CELLS = (
    ("stationary", 0.0),
    ("stationary", 0.3),
    ("stationary", 0.6),
    ("stationary", 0.8),
    ("trend", 0.3),
    ("season", 0.3),
    ("drift", 0.3),
)
POWER_CELLS = (("stationary", 0.3), ("trend", 0.3), ("drift", 0.3))
ALL_METHODS = {
    "mean": ("none", 0),
    "line": ("linear", 0),
    "diff": ("diff", 0),
    "local +-7": ("local", 14),
    "local +-14": ("local", 28),
    "spline 14": ("spline", 14),
    "spline 28": ("spline", 28),
    "spline 56": ("spline", 56),
}
CHOSEN = {"mean (before)": ("none", 0), "diff": ("diff", 0), "spline 28 (now)": ("spline", 28)}


def shift(v: np.ndarray, lag: int) -> np.ndarray:
    """Rows moved ``lag`` days later: x on day t - lag sits in column t."""
    return v if lag == 0 else _shift_days(v, lag)


def family(d: dict) -> list[np.ndarray]:
    """The 16 predictors of each patient's page, each on day t - lag (stress at lag 0 first)."""
    out = [shift(v, lag) for v in d["x"].values() for lag in LAGS]
    return out + [shift(v, 1) for v in d["tags"].values()]


def verdicts(d: dict, trend: str, days: float) -> tuple[np.ndarray, np.ndarray]:
    """(reportable, positive) per patient x finding, as patient_findings decides."""
    y = d["pain"]
    ps, lows, highs, est = [], [], [], []
    for x in family(d):
        fit = _serial_slope(y, x, serial="neff", trend=trend, trend_days=days)
        p, low, high = _t_test(fit["slope"], fit["se"], fit["dof"])
        ps.append(p)
        lows.append(low)
        highs.append(high)
        est.append(fit["slope"])
    p, low, high = np.array(ps).T, np.array(lows).T, np.array(highs).T
    p_adj = np.array([_adjust(row, "fdr_bh") for row in p])
    rep = (p_adj < ALPHA) & ((low > 0) | (high < 0))
    return rep, np.array(est).T > 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--compare", action="store_true", help="every method of 'usual'")
    parser.add_argument("--days", type=int, nargs="*", default=list(DAYS))
    args = parser.parse_args()
    methods = ALL_METHODS if args.compare else CHOSEN
    rng = np.random.default_rng(args.seed)
    t0 = time.perf_counter()
    se = 100 * np.sqrt(0.05 * 0.95 / args.patients)
    print(
        f"{args.patients} simulated patients per cell; alpha {ALPHA}; 16 findings per "
        f"patient; a true 5% is measured within +-{1.96 * se:.1f} points (95%); "
        f"{os.cpu_count()} CPUs"
    )
    print()
    print("| scenario | phi | days | measure | " + " | ".join(methods) + " |")
    print("|---|---|---|---|" + "---|" * len(methods))
    cells = [(s, phi, 0.0) for s, phi in NULL_CELLS] + [(s, phi, 0.3) for s, phi in POWER_CELLS]
    tag_rows: list[str] = []
    for scenario, phi, r in cells:
        for days in args.days:
            if r and scenario != "stationary" and days != 365:
                continue
            d = _scenario_diaries(rng, args.patients, days, scenario=scenario, phi=phi, r=r)
            row, echo, tag_any, tag_new = [], [], [], []
            for trend, k in methods.values():
                rep, pos = verdicts(d, trend, k)
                row.append(rep.any(1).mean() if r == 0 else (rep[:, 0] & pos[:, 0]).mean())
                # stress the day before (no true link): all, and with the sign opposite
                # to the true same-day link
                echo.append((rep[:, 1].mean(), (rep[:, 1] & ~pos[:, 1]).mean()))
                tag_any.append(rep[:, 12:].any(1).mean())  # the four tags
                tag_new.append(rep[:, 15].mean())  # the tag that starts mid-diary
            if r == 0:
                cells_ = " | ".join(
                    f"{100 * a:.1f}% / {100 * b:.1f}%"
                    for a, b in zip(tag_any, tag_new, strict=True)
                )
                tag_rows.append(f"| {scenario} | {phi} | {days} | {cells_} |")
            what = "any false" if r == 0 else f"power r={r}"
            vals = " | ".join(f"{100 * v:.1f}%" for v in row)
            print(f"| {scenario} | {phi} | {days} | {what} | {vals} |", flush=True)
            if r:
                vals = " | ".join(f"{100 * a:.1f}% ({100 * b:.1f}% opposite)" for a, b in echo)
                print(f"| {scenario} | {phi} | {days} | lag-1 echo | {vals} |", flush=True)
    print()
    print("The tags alone (null cells): told any false tag link / the new treatment's")
    print()
    print("| scenario | phi | days | " + " | ".join(methods) + " |")
    print("|---|---|---|" + "---|" * len(methods))
    print("\n".join(tag_rows))
    print()
    print(f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
