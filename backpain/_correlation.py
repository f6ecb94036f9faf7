"""Correlation arithmetic shared by the in-memory analyses (stats) and the Dask ones (dask).

The argument checks both engines make, and only numbers in, numbers out: the repeated-measures correlation from
within-person sums, the p-value and Fisher interval of a correlation, the correlation of person means, Bartlett's AR(1) variance
inflation and the Benjamini-Hochberg adjustment. One copy, so that the two
engines cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import scipy.stats as sps

from ._check import check_choice

__all__ = [
    "COHORT_SERIAL",
    "Z975",
    "ar1_inflation",
    "between_r",
    "bh_adjust",
    "check_between_method",
    "check_cohort_serial",
    "fisher_ci",
    "p_from_r",
    "within_r",
]

COHORT_SERIAL = "neff"
"""Default ``serial=`` of the cohort correlations (``correlate``, ``lagged_corr``), in memory
and on Dask: allow for day-to-day dependence. ``"none"`` (days independent, as
``pingouin.rm_corr``) found 10-15% of null tests significant on autocorrelated diaries
(issue #22; ``benchmarks/bench_cohort_tests.py``)."""

Z975 = float(sps.norm.ppf(0.975))
"""The normal 97.5% quantile, for 95% intervals."""


def p_from_r(r: float, dof: int) -> float:
    """Two-sided p of a correlation from t = r sqrt(dof / (1 - r^2))."""
    if dof < 1 or not np.isfinite(r):
        return np.nan
    if abs(r) >= 1:
        return 0.0
    t = r * np.sqrt(dof / (1 - r * r))
    return float(2 * sps.t.sf(abs(t), dof))


def fisher_ci(r: float, n: int) -> tuple[float, float]:
    """95% CI of a correlation by Fisher's z with standard error 1 / sqrt(n - 3)."""
    if n <= 3 or not np.isfinite(r):
        return np.nan, np.nan
    z = np.arctanh(r)
    half = Z975 / np.sqrt(n - 3)
    return float(np.tanh(z - half)), float(np.tanh(z + half))


def between_r(mx: np.ndarray, my: np.ndarray, method: str) -> dict[str, float]:
    """Correlation of person means (``between_corr``): r, n, Fisher CI and p."""
    n = int(mx.size)
    out = {"r": np.nan, "n": n, "ci95_low": np.nan, "ci95_high": np.nan, "p_val": np.nan}
    if n < 3:
        return out
    if method == "spearman":
        mx, my = sps.rankdata(mx), sps.rankdata(my)
    xd, yd = mx - mx.mean(), my - my.mean()
    sxx, syy = float(xd @ xd), float(yd @ yd)
    if sxx <= 0 or syy <= 0:
        return out
    r = float(np.clip((xd @ yd) / np.sqrt(sxx * syy), -1.0, 1.0))
    out["r"] = r
    out["p_val"] = p_from_r(r, n - 2)
    out["ci95_low"], out["ci95_high"] = fisher_ci(r, n)
    return out


def ar1_inflation(rx: float, ry: float) -> float:
    """Bartlett's variance inflation ``(1 + r_x r_y) / (1 - r_x r_y)`` for AR(1) series (>= 1)."""
    prod = float(np.clip(rx * ry, -0.95, 0.95))
    return max(1.0, (1 + prod) / (1 - prod))


def bh_adjust(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values; NaN p-values stay NaN and are not counted."""
    p = np.asarray(p, dtype="float64")
    out = np.full_like(p, np.nan)
    ok = np.isfinite(p)
    m = int(ok.sum())
    if m == 0:
        return out
    pv = p[ok]
    order = np.argsort(pv)
    scaled = pv[order] * m / np.arange(1, m + 1)
    adj = np.minimum(np.minimum.accumulate(scaled[::-1])[::-1], 1.0)
    res = np.empty(m)
    res[order] = adj
    out[ok] = res
    return out


def within_r(
    n_obs: int,
    n_subjects: int,
    sums: Callable[[], tuple[float, float, float, float, float]],
    inflate: float = 1.0,
) -> dict[str, float]:
    """Repeated-measures correlation (Bakdash & Marusich, 2017) from sums.

    ``n_obs`` pairs of persons with at least two pairs, ``n_subjects`` such
    persons; ``sums()`` gives ``(sxx, syy, wxx, wyy, wxy)``: total and
    within-person sums of squares and products (called only when there are
    degrees of freedom). ``inflate`` > 1 divides the within-person
    observations by that factor (serial dependence, :func:`ar1_inflation`);
    ``dof`` is then a float.
    """
    dof: float = n_obs - n_subjects - 1
    out = {
        "r": np.nan,
        "dof": dof,
        "p_val": np.nan,
        "ci95_low": np.nan,
        "ci95_high": np.nan,
        "n_obs": n_obs,
        "n_subjects": n_subjects,
    }
    if dof < 1:
        return out
    sxx, syy, wxx, wyy, wxy = sums()
    # x or y never varies within a person (up to rounding): no within-person correlation
    if wxx <= 1e-12 * max(sxx, 1e-300) or wyy <= 1e-12 * max(syy, 1e-300):
        return out
    r = float(np.clip(wxy / np.sqrt(wxx * wyy), -1.0, 1.0))
    out["r"] = r
    if inflate > 1:
        dof = (n_obs - n_subjects) / inflate - 1
        out["dof"] = dof
    out["p_val"] = p_from_r(r, dof)
    out["ci95_low"], out["ci95_high"] = fisher_ci(r, dof + 2)
    return out


def check_cohort_serial(serial: str, *, func: str) -> None:
    """Refuse a ``serial=`` other than ``"none"`` or ``"neff"`` for a cohort analysis."""
    hint = "'ar1' is for one person's diary, not a cohort"
    check_choice("serial", serial, ("none", "neff"), func=func, hint=hint)


def check_between_method(method: str) -> None:
    """Refuse a ``between_corr`` method other than Pearson or Spearman."""
    check_choice("method", method, ("pearson", "spearman"), func="between_corr")
