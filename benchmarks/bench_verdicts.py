"""How often is one patient told something false, and how often something true?

Run from the repository root::

    .venv/bin/python benchmarks/bench_verdicts.py               # 2,000 patients per cell
    .venv/bin/python benchmarks/bench_verdicts.py --patients 200   # quick run

A simulation, not a timed test. Each simulated patient keeps a diary of 90 or
365 days (10% of days missing at random) with six numeric predictors and four
tags, and sees a *family* of 16 findings: the six predictors at lags 0 and 1
(12 associations) and the four tags the next day (4 comparisons). Pain and
every predictor follow AR(1) processes with the same ``phi`` (0, 0.3 or 0.6);
a tag is present on days when an AR(1) series with the same ``phi`` lies above
its 70th percentile (so tags cluster in time too).

* **null**: pain is unrelated to every predictor and tag. Measured: the share
  of patients with at least one reportable (false) finding.
* **power**: pain on day t has within-person correlation r (0.2 or 0.3) with
  stress on day t; measured: the share of patients whose stress-at-lag-0
  finding is reportable and positive.

Methods compared on the same simulated patients:

* ``before``: what the report did until now: the 12 within-person correlation
  CIs (Fisher z, days independent) plus the four tag CIs of ``what_helps``
  (a percentile bootstrap of days, here by its large-sample equivalent, the
  unpooled-variance z interval), each unadjusted;
* ``<serial> + <correction>``: :func:`backpain.stats.patient_findings`'s
  single-person test (``serial`` = ``none``: days independent; ``ar1``:
  regression with AR(1) errors, iterated Cochrane-Orcutt; ``neff``: least
  squares with the bias-corrected AR(1) effective sample size) with the whole
  family adjusted by ``correction`` (``none``, ``holm``, ``fdr_bh``).
  The vectorised core the function calls (``_serial_slope`` and ``_adjust``)
  runs on all patients at once.

``single`` columns give the false-positive rate of one test (stress at lag 0,
p < 0.05) under the null: the part serial dependence alone causes.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from scipy import stats as sps

from backpain.stats import _adjust, _serial_slope, _t_test

PREDICTORS = ("stress", "sleep_hours", "sleep_quality", "steps", "active_minutes", "mood")
TAGS = ("physio", "heat", "walk", "yoga")
LAGS = (0, 1)
MISSING = 0.10
ALPHA = 0.05
SERIALS = ("none", "ar1", "neff")
METHODS = (
    ("none", "fdr_bh"),
    ("ar1", "holm"),
    ("ar1", "fdr_bh"),
    ("neff", "none"),
    ("neff", "holm"),
    ("neff", "fdr_bh"),
)


def ar1(rng: np.random.Generator, shape: tuple[int, int], phi: float) -> np.ndarray:
    """Stationary AR(1) rows with unit variance."""
    e = rng.standard_normal(shape)
    out = np.empty(shape)
    out[:, 0] = e[:, 0]
    scale = np.sqrt(1 - phi * phi)
    for t in range(1, shape[1]):
        out[:, t] = phi * out[:, t - 1] + scale * e[:, t]
    return out


def simulate(rng, patients: int, days: int, phi: float, r: float) -> dict:
    """One diary per row: pain, predictors and tag indicators (NaN = missing day)."""
    shape = (patients, days)
    x = {name: ar1(rng, shape, phi) for name in PREDICTORS}
    latent = {tag: ar1(rng, shape, phi) for tag in TAGS}
    tags = {tag: (v > sps.norm.ppf(0.7)).astype("float64") for tag, v in latent.items()}
    pain = r * x["stress"] + np.sqrt(1 - r * r) * ar1(rng, shape, phi)
    gone = rng.random(shape) < MISSING
    for v in (pain, *x.values(), *tags.values()):
        v[gone] = np.nan
    return {"pain": pain, "x": x, "tags": tags}


def shift(v: np.ndarray, lag: int) -> np.ndarray:
    if lag == 0:
        return v
    out = np.full_like(v, np.nan)
    out[:, lag:] = v[:, :-lag]
    return out


def family(d: dict) -> list[tuple[str, str, np.ndarray]]:
    """The 16 (kind, name, x on day t - lag) of each patient's page."""
    out = [("association", f"{n}@{lag}", shift(v, lag)) for n, v in d["x"].items() for lag in LAGS]
    out += [("tag", n, shift(v, 1)) for n, v in d["tags"].items()]
    return out


def before(d: dict) -> tuple[np.ndarray, np.ndarray]:
    """(reportable, positive) per patient x finding with the old unadjusted CIs."""
    y = d["pain"]
    rep, pos = [], []
    for kind, _, x in family(d):
        ok = np.isfinite(y) & np.isfinite(x)
        if kind == "association":
            n = ok.sum(1)
            xm = np.nansum(np.where(ok, x, 0), 1) / n
            ym = np.nansum(np.where(ok, y, 0), 1) / n
            xd, yd = np.where(ok, x - xm[:, None], 0), np.where(ok, y - ym[:, None], 0)
            r = (xd * yd).sum(1) / np.sqrt((xd * xd).sum(1) * (yd * yd).sum(1))
            half = sps.norm.ppf(0.975) / np.sqrt(n - 3)
            low, high = np.tanh(np.arctanh(r) - half), np.tanh(np.arctanh(r) + half)
            est = r
        else:
            w, wo = ok & (x > 0.5), ok & (x < 0.5)
            nw, nwo = w.sum(1), wo.sum(1)
            mw = np.where(w, y, 0).sum(1) / nw
            mwo = np.where(wo, y, 0).sum(1) / nwo
            vw = np.where(w, (y - mw[:, None]) ** 2, 0).sum(1) / (nw - 1)
            vwo = np.where(wo, (y - mwo[:, None]) ** 2, 0).sum(1) / (nwo - 1)
            est = mw - mwo
            se = np.sqrt(vw / nw + vwo / nwo)
            low, high = est - 1.96 * se, est + 1.96 * se
        rep.append((low > 0) | (high < 0))
        pos.append(est > 0)
    return np.array(rep).T, np.array(pos).T


def after(d: dict, serial: str, correction: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(reportable, positive, raw p) per patient x finding with patient_findings's test."""
    y = d["pain"]
    ps, lows, highs, est = [], [], [], []
    for _, _, x in family(d):
        fit = _serial_slope(y, x, serial=serial)
        p, low, high = _t_test(fit["slope"], fit["se"], fit["dof"])
        ps.append(p)
        lows.append(low)
        highs.append(high)
        est.append(fit["slope"])
    p, low, high = np.array(ps).T, np.array(lows).T, np.array(highs).T
    if correction == "none":
        p_adj = p
    else:
        p_adj = np.array([_adjust(row, correction) for row in p])
    rep = (p_adj < ALPHA) & ((low > 0) | (high < 0))
    return rep, np.array(est).T > 0, p


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    t0 = time.perf_counter()
    names = ["before", *(f"{s} + {c}" for s, c in METHODS)]
    se = 100 * np.sqrt(0.05 * 0.95 / args.patients)
    print(
        f"{args.patients} simulated patients per cell; alpha {ALPHA}; 16 findings per "
        f"patient; a true 5% is measured within +-{1.96 * se:.1f} points (95%)"
    )
    print()
    header = "| days | phi | scenario | " + " | ".join(names) + " |"
    print(header)
    print("|" + "---|" * (3 + len(names)))
    single: dict[tuple[int, float], dict[str, float]] = {}
    for days in (90, 365):
        for phi in (0.0, 0.3, 0.6):
            for scenario, r in (
                ("null: any false", 0.0),
                ("power r=0.2", 0.2),
                ("power r=0.3", 0.3),
            ):
                d = simulate(rng, args.patients, days, phi, r)
                cells = []
                rep, pos = before(d)
                if r == 0:
                    cells.append(rep.any(1).mean())
                else:
                    cells.append((rep[:, 0] & pos[:, 0]).mean())
                seen: set[str] = set()
                for serial, correction in METHODS:
                    rep, pos, p = after(d, serial, correction)
                    if r == 0:
                        cells.append(rep.any(1).mean())
                        if serial not in seen:
                            seen.add(serial)
                            single.setdefault((days, phi), {})[serial] = (p[:, 0] < ALPHA).mean()
                    else:
                        cells.append((rep[:, 0] & pos[:, 0]).mean())
                row = " | ".join(f"{100 * v:.1f}%" for v in cells)
                print(f"| {days} | {phi} | {scenario} | {row} |", flush=True)
    print()
    print("False-positive rate of one test (stress at lag 0, p < 0.05) under the null:")
    print()
    print("| days | phi | " + " | ".join(SERIALS) + " |")
    print("|---|---|" + "---|" * len(SERIALS))
    for (days, phi), vals in single.items():
        cells = " | ".join(f"{100 * vals[s]:.1f}%" for s in SERIALS)
        print(f"| {days} | {phi} | {cells} |")
    print()
    print(f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
