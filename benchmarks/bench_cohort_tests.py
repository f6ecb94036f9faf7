"""Are the cohort tests' error rates what they say? ``what_helps`` and ``correlate`` under the null.

Run from the repository root::

    .venv/bin/python benchmarks/bench_cohort_tests.py                  # 2,000 / 500 cohorts
    .venv/bin/python benchmarks/bench_cohort_tests.py --cohorts 200 --corr-cohorts 100

A simulation, not a timed test (issue #22). Every simulated person keeps a
diary with pain and predictors that follow AR(1) processes (``phi``), a
person's own mean pain, 10% of days missing at random, and four tags that
each lie on the days when an AR(1) series with the same ``phi`` is above its
70th percentile (so tags cluster in time, as real ones do). Nothing is
related to pain: every "finding" is false.

1. ``what_helps`` on cohorts of 10 persons x 40 days, 20 x 90 and 50 x 90,
   four tags, next-day pain (lag 1). ``old``: the bootstrap of persons the
   function used until now (the weighted mean of the persons' differences,
   2,000 resamples, percentile CI and the p that inverts it; copied here as
   it was); ``new``: the one-sample t-test of the persons' differences that
   :func:`backpain.what_helps` now uses. ``per tag``: share of tag tests with
   p < 0.05; ``any tag``: share of cohorts with at least one reportable tag
   (Benjamini-Hochberg over the four tags, as ``what_helps``'s verdict).
   The vectorised t-test here is checked against ``backpain.what_helps`` on
   the first cohorts of each cell.
2. ``correlate`` with six predictors at lags 0 and 1 (12 within-person tests)
   on the same kinds of cohort, AR(1) ``phi`` 0.3 and 0.6, with
   ``serial="none"`` (the old default) and ``"neff"`` (the new default),
   by calling :func:`backpain.correlate` itself. ``per test``: share of
   within-person rows with p < 0.05; ``any``: share of cohorts with at least
   one row (within or between) with ``p_fdr < 0.05``.

A rate from ``n`` runs has a binomial standard error of
``sqrt(0.05 x 0.95 / n)``: 0.5 points at 2,000 runs, 1 point at 500.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd
from scipy import signal
from scipy import stats as sps

from backpain import correlate, what_helps
from backpain.stats import _adjust

SIZES = ((10, 40), (20, 90), (50, 90))
TAGS = ("physio", "heat", "walk", "yoga")
PREDICTORS = ("stress", "sleep_hours", "sleep_quality", "steps", "active_minutes", "mood")
MISSING = 0.10
ALPHA = 0.05
N_BOOT = 2000


def ar1(rng: np.random.Generator, shape: tuple[int, ...], phi: float) -> np.ndarray:
    """Stationary AR(1) series with unit variance along the last axis."""
    e = rng.standard_normal(shape)
    e[..., 0] /= np.sqrt(1 - phi * phi) if phi else 1.0
    return signal.lfilter([1.0], [1.0, -phi], e, axis=-1) * np.sqrt(1 - phi * phi)


def null_tag_cohorts(
    rng: np.random.Generator, cohorts: int, persons: int, days: int, phi: float
) -> tuple[np.ndarray, np.ndarray]:
    """Pain (NaN when missing) and four tags for ``cohorts`` null cohorts."""
    shape = (cohorts, persons, days)
    pain = np.clip(5 + rng.normal(0, 1, (cohorts, persons, 1)) + 1.5 * ar1(rng, shape, phi), 0, 10)
    pain[rng.random(shape) < MISSING] = np.nan
    latent = ar1(rng, (len(TAGS), *shape), phi)
    tags = latent > np.quantile(latent, 0.7, axis=-1, keepdims=True)
    return pain, tags


def person_differences(pain: np.ndarray, tags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Next-day pain after a tagged minus after an untagged recorded day, per person and tag.

    Returns ``d`` (tag, cohort, person; NaN when a person lacks one kind of day)
    and the weights ``n_with n_without / (n_with + n_without)`` of the old estimate.
    """
    y = pain[..., 1:]
    had = tags[..., :-1]
    seen = np.isfinite(y) & np.isfinite(pain[..., :-1])  # day t and day t - 1 recorded
    y0 = np.where(seen, y, 0.0)
    w_with = had & seen
    w_without = ~had & seen
    n_w = w_with.sum(-1)
    n_wo = w_without.sum(-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        d = (y0 * w_with).sum(-1) / n_w - (y0 * w_without).sum(-1) / n_wo
        w = n_w * n_wo / (n_w + n_wo)
    return d, w


def t_test_p(d: np.ndarray) -> np.ndarray:
    """The new test: one-sample t-test of the persons' differences (last axis)."""
    return sps.ttest_1samp(d, 0.0, axis=-1, nan_policy="omit").pvalue


def bootstrap_p(d: np.ndarray, w: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The old test: percentile bootstrap of the weighted mean over persons, its inverted p."""
    out = np.full(d.shape[:-1], np.nan)
    flat_d = d.reshape(-1, d.shape[-1])
    flat_w = w.reshape(-1, w.shape[-1])
    res = out.reshape(-1)
    for i in range(flat_d.shape[0]):
        ok = np.isfinite(flat_d[i])
        dd, ww = flat_d[i][ok], flat_w[i][ok]
        k = dd.size
        if k < 2:
            continue
        idx = rng.integers(0, k, size=(N_BOOT, k))
        boot = (ww * dd)[idx].sum(1) / ww[idx].sum(1)
        tail = min(np.count_nonzero(boot <= 0), np.count_nonzero(boot >= 0))
        res[i] = min(1.0, 2 * tail / N_BOOT)
    return out


def as_diary(pain: np.ndarray, tags: np.ndarray) -> pd.DataFrame:
    """One cohort as a canonical diary (for the check against ``what_helps``)."""
    persons, days = pain.shape
    names = np.array(TAGS, dtype=object)
    text = ["|".join(names[tags[:, p, t]]) or None for p in range(persons) for t in range(days)]
    diary = pd.DataFrame(
        {
            "subject": np.repeat([f"P{p:03d}" for p in range(persons)], days),
            "date": np.tile(pd.date_range("2025-01-01", periods=days, freq="D"), persons),
            "pain": pain.ravel(),
            "tags": pd.array(text, dtype="string"),
        }
    )
    return diary[diary["pain"].notna()]


def bench_what_helps(rng: np.random.Generator, n_cohorts: int, phi: float) -> list[dict]:
    rows = []
    for persons, days in SIZES:
        t0 = time.perf_counter()
        pain, tags = null_tag_cohorts(rng, n_cohorts, persons, days, phi)
        d, w = person_differences(pain, tags)  # (tag, cohort, person)
        p_new = t_test_p(d)
        for c in range(3):  # the vectorised t-test is what backpain.what_helps computes
            res = what_helps(as_diary(pain[c], tags[:, c]), tags=list(TAGS), min_days=1).table
            np.testing.assert_allclose(res["p_val"].to_numpy(), p_new[:, c], rtol=1e-9)
        p_old = bootstrap_p(d, w, rng)
        for name, p in (("old: bootstrap persons", p_old), ("new: t-test persons", p_new)):
            adj = np.stack([_adjust(p[:, c], "fdr_bh") for c in range(n_cohorts)], axis=1)
            rows.append(
                {
                    "persons x days": f"{persons} x {days}",
                    "phi": phi,
                    "method": name,
                    "per tag": float(np.mean(p[np.isfinite(p)] < ALPHA)),
                    "any tag": float(np.mean((adj < ALPHA).any(axis=0))),
                }
            )
        print(f"  what_helps {persons} x {days}: {time.perf_counter() - t0:.1f} s", flush=True)
    return rows


def null_corr_cohort(rng: np.random.Generator, persons: int, days: int, phi: float) -> pd.DataFrame:
    shape = (persons, days)
    data = {
        "subject": np.repeat([f"P{p:03d}" for p in range(persons)], days),
        "date": np.tile(pd.date_range("2025-01-01", periods=days, freq="D"), persons),
        "pain": np.clip(
            5 + rng.normal(0, 1, (persons, 1)) + 1.5 * ar1(rng, shape, phi), 0, 10
        ).ravel(),
    }
    for name in PREDICTORS:
        # 5 +- a few points: inside every predictor's valid range (0-10 is the narrowest)
        data[name] = np.clip(
            5 + rng.normal(0, 1, (persons, 1)) + ar1(rng, shape, phi), 0, 10
        ).ravel()
    diary = pd.DataFrame(data)
    return diary[rng.random(len(diary)) >= MISSING]


def bench_correlate(rng: np.random.Generator, n_cohorts: int, phi: float) -> list[dict]:
    rows = []
    for persons, days in SIZES:
        t0 = time.perf_counter()
        hits = {"none": [], "neff": []}
        anys = {"none": 0, "neff": 0}
        for _ in range(n_cohorts):
            diary = null_corr_cohort(rng, persons, days, phi)
            for serial in hits:
                res = correlate(diary, x=PREDICTORS, lags=(0, 1), serial=serial).table
                within = res["level"] == "within"
                hits[serial].append(res.loc[within, "p_val"].to_numpy() < ALPHA)
                anys[serial] += bool((res["p_fdr"] < ALPHA).any())
        for serial, name in (("none", "old: serial='none'"), ("neff", "new: serial='neff'")):
            rows.append(
                {
                    "persons x days": f"{persons} x {days}",
                    "phi": phi,
                    "method": name,
                    "per test": float(np.mean(np.concatenate(hits[serial]))),
                    "any": anys[serial] / n_cohorts,
                }
            )
        print(f"  correlate {persons} x {days}: {time.perf_counter() - t0:.1f} s", flush=True)
    return rows


def table(rows: list[dict], cols: tuple[str, ...]) -> str:
    head = "| persons x days | phi | method | " + " | ".join(cols) + " |"
    line = "|---|---|---|" + "---|" * len(cols)
    body = [
        f"| {r['persons x days']} | {r['phi']} | {r['method']} | "
        + " | ".join(f"{100 * r[c]:.1f}%" for c in cols)
        + " |"
        for r in rows
    ]
    return "\n".join([head, line, *body])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cohorts", type=int, default=2000, help="null cohorts per what_helps cell"
    )
    parser.add_argument(
        "--corr-cohorts", type=int, default=500, help="null cohorts per correlate cell"
    )
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--skip-correlate", action="store_true", help="what_helps only")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    t0 = time.perf_counter()
    helps = []
    for phi in (0.0, 0.6):
        helps += bench_what_helps(rng, args.cohorts, phi)
    corr = []
    for phi in () if args.skip_correlate else (0.3, 0.6):
        corr += bench_correlate(rng, args.corr_cohorts, phi)
    print(f"\nwhat_helps, {args.cohorts} null cohorts per row, 4 tags, lag 1:\n")
    print(table(helps, ("per tag", "any tag")))
    if corr:
        print(f"\ncorrelate, {args.corr_cohorts} null cohorts per row, 6 predictors x lags 0, 1:\n")
        print(table(corr, ("per test", "any")))
    print(f"\n{time.perf_counter() - t0:.0f} s in all")


if __name__ == "__main__":
    main()
