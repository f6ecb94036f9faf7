"""Within- and between-person associations in pain diaries.

Pain diaries hold many days per person, so two questions have to be kept
apart (Bakdash & Marusich, 2017; Bland & Altman, 1995):

* **within** a person: on days when my stress is higher than usual for me, is
  my pain higher than usual for me? (:func:`within_corr`, :func:`lagged_corr`,
  the ``within`` terms of :func:`mixed_model`, :func:`what_helps`);
* **between** people: do people who are more stressed on average have more
  pain on average? (:func:`between_corr`, the ``between`` terms).

For **one person** (:func:`patient_findings`, and :func:`what_helps` with one
person) each day is compared with what is usual for that period of the
diary (a smooth curve of time, so a shared trend or season is not a link),
every finding is tested with allowance for day-to-day dependence
(a bad week gives several bad days in a row) and all of a person's findings
are corrected together for multiple testing, so that a person whose pain is
unrelated to everything is rarely told otherwise.

Everything is computed with vectorised per-subject sums (``numpy.bincount``
over factorised subject codes), so the cost grows linearly with the number of
rows: a 10,000-subject x 365-day cohort takes seconds. A lag is always in
calendar days within a subject: ``x`` on day ``t - lag`` is looked up by date,
never taken from the previous row, so a missing day stays missing.

All results are associations in observational data, not proof of cause.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from scipy import stats as sps
from scipy.interpolate import BSpline
from scipy.signal import lfilter

from ._check import check_choice, check_number, check_whole
from ._cohort_sums import (
    PREDICTORS,
    Centred,
    Correlations,
    Groups,
    WithinCorr,
    between_table,
    corr_sums,
    correlate_args,
    correlate_table,
    lagged_table,
    within_table,
)
from ._correlation import (
    COHORT_SERIAL,
    bh_adjust,
    check_between_method,
    check_cohort_serial,
)
from ._diary_arrays import (
    Calendar,
    check_dated,
    check_lags,
    numeric_values,
    require_columns,
)
from ._results import Result
from .schema import TAG_SEP
from .validate import check_diary

__all__ = [
    "STEPS",
    "VERDICTS",
    "Correlations",
    "Findings",
    "WithinCorr",
    "between_corr",
    "correlate",
    "lagged_corr",
    "patient_findings",
    "what_helps",
    "within_corr",
]

_CAVEAT = (
    "These are associations in the diary data, not proof of cause: something "
    "else may drive both (for example, people take medication on bad days, so "
    "medication goes with more pain without causing it)."
)


# ------------------------------------------------- serial dependence (one person)
_SERIAL = ("neff", "ar1", "none")
_AR1_ITER = 3  # fits in the iterated Cochrane-Orcutt procedure (statsmodels GLSAR default)
STEPS: dict[str, float] = {
    "stress": 1.0,
    "sleep_hours": 1.0,
    "sleep_quality": 1.0,
    "steps": 1000.0,
    "active_minutes": 10.0,
    "mood": 1.0,
}
"""The change in a predictor a single-person effect is told for (pain points per ...).

Used by :func:`patient_findings` (its ``step`` column), the report's words
(``1,000 more steps``) and :mod:`backpain.explain`; 1 unit otherwise.
"""


def _rowsum(a: np.ndarray) -> np.ndarray:
    return a.sum(axis=-1)


def _lagged_pairs(ok: np.ndarray, k: int) -> np.ndarray:
    """Mask (P, T): day t and day t - k both observed (False for t < k)."""
    out = np.zeros_like(ok)
    out[:, k:] = ok[:, k:] & ok[:, :-k]
    return out


def _acf(dev: np.ndarray, ok: np.ndarray, k: int) -> np.ndarray:
    """Autocorrelation at lag ``k`` of demeaned rows (adjusted: lag products / pairs)."""
    n = np.maximum(_rowsum(ok), 1)
    c0 = _rowsum(np.where(ok, dev * dev, 0.0)) / n
    pair = _lagged_pairs(ok, k)
    prod = np.zeros(dev.shape)
    prod[:, k:] = dev[:, k:] * dev[:, :-k]
    ck = _rowsum(np.where(pair, prod, 0.0)) / np.maximum(_rowsum(pair), 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(c0 > 0, ck / c0, np.nan)


def _wls2(y: np.ndarray, c: np.ndarray, x: np.ndarray, w: np.ndarray) -> tuple:
    """Row-wise least squares of y on the two columns (c, x) over rows where w.

    Returns (a, b, se_b, dof): intercept column's and x's coefficient, the
    conventional standard error of b and the residual degrees of freedom.
    """
    y, c, x = (np.where(w, v, 0.0) for v in (y, c, x))
    scc, scx, sxx = _rowsum(c * c), _rowsum(c * x), _rowsum(x * x)
    scy, sxy, syy = _rowsum(c * y), _rowsum(x * y), _rowsum(y * y)
    det = scc * sxx - scx * scx
    dof = _rowsum(w) - 2
    with np.errstate(invalid="ignore", divide="ignore"):
        good = (det > 1e-12 * np.maximum(scc * sxx, 1e-300)) & (dof >= 1)
        a = np.where(good, (sxx * scy - scx * sxy) / det, np.nan)
        b = np.where(good, (scc * sxy - scx * scy) / det, np.nan)
        rss = np.maximum(syy - a * scy - b * sxy, 0.0)
        se = np.sqrt(rss / dof * scc / det)
    return a, b, np.where(good, se, np.nan), dof


_TRENDS = ("spline", "local", "diff", "linear", "none")  # compared in bench_verdicts.py
_PUBLIC_TRENDS = ("spline", "none")
_TREND_DAYS = 28  # knot spacing / window of the smooth and local baselines compared with "diff"


def _time_basis(size: int, trend: str, days: float) -> np.ndarray:
    """(size, k) basis of the slow part of a diary of ``size`` calendar days.

    ``"spline"``: clamped cubic B-spline with equally spaced knots about
    ``days`` apart (``k = m + 3`` columns for ``m = max(1, round((size - 1) /
    days))`` intervals; the columns sum to one, so the constant and any
    cubic polynomial of time, a straight line included, lie in their span);
    ``"linear"``: a constant and a straight line; else the constant alone.
    """
    t = np.arange(size, dtype="float64")
    if trend == "spline" and size > 1:
        m = max(1, round((size - 1) / days))
        inner = np.linspace(0.0, size - 1.0, m + 1)
        knots = np.r_[[0.0] * 3, inner, [size - 1.0] * 3]
        return BSpline.design_matrix(t, knots, 3).toarray()
    if trend == "linear" and size > 1:
        return np.column_stack([np.ones(size), 2 * t / (size - 1) - 1])
    return np.ones((size, 1))


def _project_out(values: Sequence[np.ndarray], ok: np.ndarray, basis: np.ndarray) -> tuple:
    """Residuals of each (P, T) row on ``basis`` over its ``ok`` days, and the rank used.

    Row-wise least squares (Frisch-Waugh-Lovell: the slope of one residual on
    the other equals the coefficient of a regression with the basis as
    further regressors); a basis column without recorded days gets no weight
    and is not counted in the rank.
    """
    w = ok.astype("float64")
    size, k = basis.shape
    if size * k * k <= 4_000_000:
        # every row's Gram matrix from one matrix product (P, T) @ (T, k * k)
        outer = (basis[:, :, None] * basis[:, None, :]).reshape(size, k * k)
        gram = (w @ outer).reshape(len(w), k, k)
    else:  # a long diary: row by row, without the (T, k * k) table
        gram = np.stack([(basis.T * row) @ basis for row in w])
    # a tiny ridge keeps a column without recorded days solvable (its coefficient is 0)
    ridge = 1e-12 * np.maximum(gram.diagonal(axis1=1, axis2=2).max(axis=1), 1e-300)
    gram_r = gram + ridge[:, None, None] * np.eye(k)
    rank = np.trace(np.linalg.solve(gram_r, gram), axis1=1, axis2=2)
    out = []
    for v in values:
        v0 = np.where(ok, v, 0.0)
        coef = np.linalg.solve(gram_r, (v0 @ basis)[:, :, None])[:, :, 0]
        out.append(np.where(ok, v0 - coef @ basis.T, 0.0))
    return out, np.rint(rank)


def _local_out(values: Sequence[np.ndarray], ok: np.ndarray, half: int) -> tuple:
    """Each day minus the mean of its ``ok`` days within +-``half`` days (a local baseline).

    Returns the residuals and the trace of the smoother (its degrees of freedom).
    """
    P, T = ok.shape
    w = ok.astype("float64")

    def window_sum(a: np.ndarray) -> np.ndarray:
        c = np.zeros((P, T + 1))
        np.cumsum(a, axis=1, out=c[:, 1:])
        hi = np.minimum(np.arange(T) + half + 1, T)
        lo = np.maximum(np.arange(T) - half, 0)
        return c[:, hi] - c[:, lo]

    count = window_sum(w)
    out = []
    for v in values:
        v0 = np.where(ok, v, 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = window_sum(v0) / count
        out.append(np.where(ok, v0 - mean, 0.0))
    with np.errstate(invalid="ignore", divide="ignore"):
        trace = _rowsum(np.where(ok, 1.0 / count, 0.0))
    return out, trace


@functools.lru_cache(maxsize=64)
def _ar1_design(size: int, trend: str, days: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What AR(1) noise looks like after the trend is removed, on a grid of its phi.

    For residuals ``M e`` of the projection ``M = I - B (B'B)^-1 B'`` of AR(1)
    noise with correlation matrix ``R(phi)`` on the full calendar grid: the
    expected lag-1 autocorrelation ``[tr(M L M R) / (T - 1)] / [tr(M R) /
    T]`` and the expected residual variance ``tr(M R) / T`` (in units of the
    noise's variance), with ``L`` the one-day shift, computed through
    ``k x k`` matrices. Returns (phi grid, expected r1, variance share).
    """
    basis = _time_basis(size, trend, days)
    inv = np.linalg.pinv(basis.T @ basis)
    lag_b = np.zeros_like(basis)
    lag_b[1:] = basis[:-1]
    grid = np.linspace(-0.9, 0.98, 95)
    # R(phi) @ basis for every phi at once by two first-order recursions over the days
    # (R_ts = phi^|t-s|): forward f_t = B_t + phi f_(t-1), backward g_t = B_t + phi g_(t+1)
    tr_mr, tr_mlmr = np.empty(grid.size), np.empty(grid.size)
    middle = inv @ (basis.T @ lag_b) @ inv
    # the B-spline basis has at most 4 non-zeros a day: sparse products keep long diaries fast
    basis_t, lag_t = sparse.csr_array(basis.T), sparse.csr_array(lag_b.T)
    for i, phi in enumerate(grid):
        # R(phi) @ basis by two first-order recursions over the days (R_ts = phi^|t-s|):
        # forward f_t = B_t + phi f_(t-1) and backward g_t = B_t + phi g_(t+1)
        fwd = lfilter([1.0], [1.0, -phi], basis, axis=0)
        bwd = lfilter([1.0], [1.0, -phi], basis[::-1], axis=0)[::-1]
        rb = fwd + bwd - basis
        lrb = np.zeros_like(rb)
        lrb[1:] = rb[:-1]
        brb = basis_t @ rb
        # tr(X Y) = sum(X * Y.T) for the k x k products
        tr_mr[i] = size - np.sum(inv * brb.T)
        tr_mlmr[i] = (
            (size - 1) * phi
            - np.sum(inv * (basis_t @ lrb).T)
            - np.sum(inv * (lag_t @ rb))
            + np.sum(middle * brb.T)
        )
    with np.errstate(invalid="ignore", divide="ignore"):  # a diary shorter than its basis
        r1 = (tr_mlmr / max(size - 1, 1)) / (tr_mr / size)
    return grid, np.maximum.accumulate(r1), tr_mr / size


def _ar1_design_se(
    rx: np.ndarray,
    e: np.ndarray,
    ok: np.ndarray,
    sxx: np.ndarray,
    k: np.ndarray,
    trend: str,
    days: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Standard error of the slope under AR(1) noise, allowing for the removed trend.

    The noise's phi is the value whose expected lag-1 autocorrelation after
    the trend's removal (:func:`_ar1_design`) equals the residuals' one; its
    variance is the residuals' mean square divided by the share the removal
    leaves. Then ``var(b) = s2 sum_ts rx_t rx_s phi^|t-s| / (sum rx^2)^2``
    for the detrended predictor ``rx`` as it is (weekday tags and gaps
    included). Returns (se, n_eff for the degrees of freedom).
    """
    # NaN, not a warning, where too few days leave nothing to estimate
    with np.errstate(invalid="ignore", divide="ignore"):
        size = rx.shape[1]
        grid, r1, share = _ar1_design(size, trend, float(days))
        n = np.maximum(_rowsum(ok), 1)
        # the bias of r1 and of the mean square grows as the days thin out: scale it by T / n
        scale = (size / n)[:, None]
        expect = grid + (r1 - grid) * scale  # (P, grid): E[r1] on this person's days
        phi = _invert_rows(expect, grid, np.nan_to_num(_acf(e, ok, 1)))
        phi_x = _invert_rows(expect, grid, np.nan_to_num(_acf(rx, ok, 1)))
        spec = np.fft.rfft(rx, n=2 * size, axis=1)
        gamma = np.fft.irfft(spec * spec.conj(), n=2 * size, axis=1)[:, :size]
        lags = np.arange(size)
        # phi is uncertain (Bartlett: var r1 ~ (1 - phi^2) / n) and underestimated most in
        # short, sticky diaries: take the larger variance of phi one standard error up or down
        step = np.sqrt(np.maximum(1 - phi * phi, 0) / n)
        var = np.zeros(len(n))
        for cand in (np.minimum(phi + step, 0.98), np.maximum(phi - step, -0.9)):
            # mean square: unbiased for independent days (n - k - 1), times the AR(1) shortfall
            left = np.interp(cand, grid, share) / np.interp(0.0, grid, share)
            s2 = _rowsum(e * e) / np.maximum(n - k - 1, 1)
            s2 = s2 / np.clip(1 - (1 - left) * scale[:, 0], 0.05, 1)
            weight = np.sign(cand)[:, None] ** lags * np.abs(cand)[:, None] ** lags
            quad = gamma[:, 0] + 2 * _rowsum(weight[:, 1:] * gamma[:, 1:])
            var = np.maximum(var, s2 * np.maximum(quad, 1e-12 * gamma[:, 0]))
        # degrees of freedom: Bretherton et al.'s n_eff, and no more than the about
        # n (1 - phi^2) / (1 + phi^2) independent days behind s2
        phi = np.minimum(phi + step, 0.98)
        prod = np.clip(np.maximum(phi_x * phi, phi * phi), -0.95, 0.95)
        se = np.sqrt(var) / sxx
        return se, n * (1 - prod) / (1 + prod)


def _invert_rows(expect: np.ndarray, grid: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Per row, the grid point where the increasing row ``expect`` reaches ``value`` (linear)."""
    expect = np.maximum.accumulate(expect, axis=1)
    j = np.clip((expect <= value[:, None]).sum(axis=1), 1, grid.size - 1)
    rows = np.arange(len(value))
    lo, hi = expect[rows, j - 1], expect[rows, j]
    with np.errstate(invalid="ignore", divide="ignore"):
        w = np.clip(np.where(hi > lo, (value - lo) / (hi - lo), 0.0), 0.0, 1.0)
    return grid[j - 1] + w * (grid[j] - grid[j - 1])


def _remove_trend(y: np.ndarray, x: np.ndarray, trend: str, days: float) -> tuple:
    """(ry, rx, ok, k): both rows with their slow part removed, and the parameters it cost."""
    check_choice("trend", trend, _TRENDS)
    if trend == "diff":
        y, x = y - _shift_days(y, 1), x - _shift_days(x, 1)
    ok = np.isfinite(y) & np.isfinite(x)
    if trend == "local":
        (ry, rx), k = _local_out((y, x), ok, round(days / 2))
        return ry, rx, ok, k
    basis = _time_basis(y.shape[1], "none" if trend == "diff" else trend, days)
    (ry, rx), k = _project_out((y, x), ok, basis)
    return ry, rx, ok, k


def _shift_days(v: np.ndarray, k: int) -> np.ndarray:
    """Rows of ``v`` moved ``k`` columns (days) later; the first ``k`` become NaN."""
    out = np.full_like(v, np.nan)
    out[:, k:] = v[:, :-k]
    return out


def _serial_slope(
    y: np.ndarray,
    x: np.ndarray,
    *,
    serial: str = "neff",
    trend: str = "none",
    trend_days: float = _TREND_DAYS,
) -> dict[str, np.ndarray]:
    """Slope of ``y`` on ``x`` per row, with a test that allows for serial dependence.

    ``y`` and ``x`` are (P, T) arrays: one row per person, one column per
    consecutive calendar day, NaN where a value is missing. Vectorised over
    rows.

    ``trend`` is what each day is compared with: ``"none"`` the whole
    diary's mean; ``"spline"`` a smooth of time (cubic B-spline, knots
    every ``trend_days`` days) fitted together with the slope, so the slope
    is that of least squares with the spline as further regressors;
    ``"linear"`` a straight line in time; ``"local"`` the mean of the
    days within ``+-trend_days / 2`` (a local baseline, removed from both);
    ``"diff"`` the day before (first differences of both, with an intercept).

    ``serial`` is ``"neff"`` (least squares with the effective sample size
    ``n (1 - r_x r_e) / (1 + r_x r_e)`` of Bartlett (1935) and Bayley &
    Hammersley (1946) for AR(1) series, Bretherton et al. (1999) eq. 31,
    from the lag-1 autocorrelations of the (detrended) ``x`` and of the
    residuals, each bias-corrected by ``+ (1 + 3 r) / n`` (Marriott & Pope,
    1954); for ``"spline"`` and ``"linear"`` instead the AR(1) variance
    after the curve's removal, :func:`_ar1_design_se`; for ``"diff"`` the
    larger of that inflation and the one for differenced AR(1) series),
    ``"ar1"`` (regression with AR(1) errors by iterated
    Cochrane-Orcutt, as ``statsmodels.regression.linear_model.GLSAR(...,
    rho=1).iterative_fit(maxiter=3)``, on the detrended rows) or ``"none"``
    (least squares, days independent). With ``k`` parameters spent on the
    trend (1 for the mean) the residual degrees of freedom are ``n - k - 1``
    (``n_eff - k - 1`` with ``"neff"``).

    Returns a dict of arrays: ``slope``, ``se``, ``dof`` (float), ``n`` (days
    with both values), ``phi`` (AR(1) of the residuals; NaN unless ar1),
    ``n_eff`` and ``k`` (parameters of the trend).
    """
    y = np.atleast_2d(np.asarray(y, dtype="float64"))
    x = np.atleast_2d(np.asarray(x, dtype="float64"))
    ry, rx, ok, k = _remove_trend(y, x, trend, trend_days)
    n = _rowsum(ok)
    phi = np.full(len(y), np.nan)
    # an outcome that never varies over the paired days (up to the round-off of removing
    # the trend) leaves nothing to test: no slope, not a slope of 0 with p = 1
    with np.errstate(invalid="ignore"):
        y_scale = np.maximum(_rowsum(np.where(ok, y, 0.0) ** 2), 1e-300)
        varies = _rowsum(np.where(ok, ry, 0.0) ** 2) > 1e-12 * y_scale
    if serial == "ar1":
        # Cochrane-Orcutt: a day enters when the day before it is also observed
        w = _lagged_pairs(ok, 1)
        yp, xp = np.zeros_like(ry), np.zeros_like(rx)
        yp[:, 1:], xp[:, 1:] = ry[:, :-1], rx[:, :-1]
        one = np.ones_like(ry)
        rho = np.zeros(len(y))
        for step in range(_AR1_ITER):
            r = rho[:, None]
            a, b, se, dof = _wls2(ry - r * yp, one - r, rx - r * xp, w)
            if step == _AR1_ITER - 1:
                break
            # Yule-Walker AR(1) of the residuals on the original scale (demeaned, adjusted)
            e = np.where(ok, ry - a[:, None] - b[:, None] * rx, 0.0)
            dev = np.where(ok, e - _rowsum(e)[:, None] / np.maximum(n, 1)[:, None], 0.0)
            rho = np.clip(np.nan_to_num(_acf(dev, ok, 1)), -0.95, 0.95)
        phi = rho
        extra = np.maximum(k - 1, 0)
        with np.errstate(invalid="ignore", divide="ignore"):
            se = se * np.sqrt(dof / (dof - extra))
        dof = dof - extra
        n_eff = dof + 2.0
        good = (dof >= 1) & varies
    else:
        sxx, sxy = _rowsum(rx * rx), _rowsum(rx * ry)
        dof = n - k - 1
        with np.errstate(invalid="ignore", divide="ignore"):
            good = (sxx > 1e-12 * np.maximum(_rowsum(np.where(ok, x, 0.0) ** 2), 1e-300)) & (
                dof >= 1
            )
            good &= varies
            b = np.where(good, sxy / sxx, np.nan)
            e = np.where(ok, ry - np.nan_to_num(b)[:, None] * rx, 0.0)
            se = np.sqrt(_rowsum(e * e) / dof / sxx)
        n_eff = n.astype("float64")
        if serial == "neff" and trend in ("spline", "linear"):
            se, n_eff = _ar1_design_se(rx, e, ok, sxx, k, trend, trend_days)
            n_eff = np.clip(n_eff, k + 2.0, np.maximum(n, k + 2.0))
            dof = n_eff - k - 1
        elif serial == "neff":
            # lag-1 autocorrelations, corrected for their small-sample bias (Marriott & Pope)
            rx1, re1 = (np.nan_to_num(_acf(v, ok, 1)) for v in (rx, e))
            rx1, re1 = (r + (1 + 3 * r) / np.maximum(n, 1) for r in (rx1, re1))
            prod = np.clip(rx1 * re1, -0.95, 0.95)
            inflate = (1 + prod) / (1 - prod)
            if trend == "diff":
                # differences of AR(1) series: rho(k) = -(1 - phi) phi^(k-1) / 2, so
                # 1 + 2 sum_k rho_x(k) rho_e(k) = 1 + (1 - phi_x)(1 - phi_e) / (2 (1 - phi_x phi_e))
                # with phi = 1 + 2 r1; the larger of the two inflations is used
                px, pe = (np.clip(1 + 2 * r, -0.95, 0.98) for r in (rx1, re1))
                inflate = np.maximum(inflate, 1 + (1 - px) * (1 - pe) / (2 * (1 - px * pe)))
            n_eff = np.clip(n / np.maximum(inflate, 1e-9), k + 2.0, np.maximum(n, k + 2.0))
            with np.errstate(invalid="ignore", divide="ignore"):
                se = se * np.sqrt(dof / (n_eff - k - 1))
            dof = n_eff - k - 1
    return {
        "slope": np.where(good, b, np.nan),
        "se": np.where(good, se, np.nan),
        "dof": np.asarray(dof, dtype="float64"),
        "n": n,
        "phi": phi,
        "n_eff": np.asarray(n_eff, dtype="float64"),
        "k": np.broadcast_to(np.asarray(k, dtype="float64"), n.shape).copy(),
    }


def _t_test(slope: np.ndarray, se: np.ndarray, dof: np.ndarray, alpha: float = 0.05) -> tuple:
    """Two-sided p and the (1 - alpha) CI of one t test: p < alpha exactly when the CI excludes 0."""
    with np.errstate(invalid="ignore", divide="ignore"):
        t = slope / se
        ok = np.isfinite(t) & (dof >= 1)
        d = np.where(ok, dof, 1.0)
        p = np.where(ok, 2 * sps.t.sf(np.abs(t), d), np.nan)
        half = sps.t.ppf(1 - alpha / 2, d) * se
    return p, np.where(ok, slope - half, np.nan), np.where(ok, slope + half, np.nan)


# ------------------------------------------------------------ correlations
def within_corr(
    data: pd.DataFrame,
    *,
    x: str,
    y: str,
    subject: str = "subject",
    ci: str = "fisher",
    n_boot: int = 2000,
    seed: int | None = None,
) -> WithinCorr:
    """Repeated-measures (within-person) correlation between two columns.

    The common within-person association of ``x`` and ``y``: the Pearson r of
    the subject-mean-centred values, equivalent to the slope test of an ANCOVA
    with subject as a factor (Bakdash & Marusich, 2017; R package ``rmcorr``;
    ``pingouin.rm_corr``). Differences between people's averages do not enter.

    Parameters
    ----------
    data : pandas.DataFrame
        Long table, one row per observation (a diary: one row per subject and day).
        For a Dask DataFrame use :func:`backpain.dask.within_corr` (the same
        result, computed by partition; ``ci="fisher"`` only).
    x, y : str
        Numeric columns to correlate.
    subject : str
        Column identifying the person.
    ci : {"fisher", "bootstrap", "percentile"}
        How the 95% CI is made: ``"fisher"`` (Fisher's z, the default);
        ``"bootstrap"``, a bias-corrected and accelerated (BCa) interval
        from resampling persons; ``"percentile"``, the plain percentile
        interval of the same resamples. The bootstrap makes no assumption of
        normality or of equal slopes across persons, so it suits small or
        skewed samples (see Notes).
    n_boot : int
        Number of bootstrap resamples (``ci`` other than ``"fisher"``).
    seed : int, optional
        Seed of the resampling (``numpy.random.default_rng(seed)``): the same
        seed gives the same interval. The resampling shows a progress bar
        as ``backpain.config(progress=...)`` says (by default only in a
        terminal or Jupyter), labelled in ``backpain.config(lang=...)``.

    Returns
    -------
    WithinCorr
        ``table``: one row with columns:

        * ``predictor``, ``outcome``: the column names ``x`` and ``y``;
        * ``r``: the repeated-measures correlation;
        * ``dof``: degrees of freedom, ``n_obs - n_subjects - 1``;
        * ``p_val``: two-sided p from ``t = r sqrt(dof / (1 - r^2))``;
        * ``ci95_low``, ``ci95_high``: 95% CI by Fisher's z with ``n = dof + 2``,
          or the bootstrap interval;
        * ``n_obs``: complete (x, y) pairs used;
        * ``n_subjects``: subjects that contributed (at least 2 complete pairs).

        and ``ci``, the interval's method (``"fisher"``, ``"bca"`` or
        ``"percentile"``); with a bootstrap also ``n_boot``, ``seed`` and
        ``bootstrap_r``, the resampled correlations.

    See Also
    --------
    lagged_corr : the same with ``x`` taken some calendar days before ``y``,
        with an option for day-to-day dependence (``serial="neff"``).
    between_corr : the correlation of the person means.

    Notes
    -----
    Rows with a missing ``x``, ``y`` or subject are dropped (listwise, per pair).
    A subject with a single complete pair carries no within-person information
    and is left out of ``n_obs`` and ``n_subjects``; in the ANCOVA it would add
    one observation and one parameter, so ``dof``, ``r`` and ``p`` are the same
    either way (pingouin keeps such subjects; the results agree). ``r`` is NaN
    when ``dof < 1`` or when ``x`` or ``y`` never varies within a person; the
    CI is NaN when ``dof < 2``. Unlike pingouin, fewer than 3 subjects is not
    an error.

    The computation is O(N): per-subject means by ``numpy.bincount``. It is
    checked against ``pingouin.rm_corr`` 0.7 (r, dof, p and the unrounded CI
    agree to 1e-8 on random unbalanced data with missing values) and reproduces
    Bland & Altman (1995): r = -0.507, dof = 38, p = 0.0008, CI -0.71 to -0.23.

    *Bootstrap.* The days of one person are not independent, so the bootstrap
    resamples whole persons (a cluster bootstrap; Field & Welsh 2007): each
    resample draws ``n_subjects`` persons with replacement (a person drawn
    twice counts as two persons) and recomputes ``r`` from per-person sums
    of squares and products, so a resample costs O(persons), not O(rows).
    ``"bootstrap"`` corrects the percentiles for bias and skew (BCa, Efron
    1987, with the acceleration from leaving out one person at a time), as
    ``scipy.stats.bootstrap`` does; the tests check both intervals against
    ``scipy.stats.bootstrap`` on the same resamples to 1e-12. The p-value
    stays the t test's. With fewer than about 10 persons the bootstrap
    interval is itself unreliable (few distinct resamples).

    References
    ----------
    .. [1] Bakdash, J. Z., & Marusich, L. R. (2017). Repeated measures
       correlation. Frontiers in Psychology, 8, 456.
    .. [2] Bland, J. M., & Altman, D. G. (1995). Calculating correlation
       coefficients with repeated observations: Part 1 - correlation within
       subjects. BMJ, 310, 446.
    .. [3] Efron, B. (1987). Better bootstrap confidence intervals. Journal
       of the American Statistical Association, 82(397), 171-185.
    .. [4] Field, C. A., & Welsh, A. H. (2007). Bootstrapping clustered data.
       Journal of the Royal Statistical Society B, 69(3), 369-390.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(20, 60, seed=1)
    >>> res = within_corr(diary, x="stress", y="pain")
    >>> res.table[["r", "dof", "n_obs", "n_subjects"]].round(3)
           r   dof  n_obs  n_subjects
    0  0.254  1021   1042          20

    A bootstrap interval, resampling persons:

    >>> boot = within_corr(diary, x="stress", y="pain", ci="bootstrap", n_boot=500, seed=1)
    >>> row = boot.table.iloc[0]
    >>> bool(row["ci95_low"] < row["r"] < row["ci95_high"]), boot.ci, len(boot.bootstrap_r)
    (True, 'bca', 500)
    """
    require_columns(data, [x, y, subject], func="within_corr")
    method = _check_boot(ci, n_boot, func="within_corr")
    sums = corr_sums(data, func="within_corr", y=y, xs=[x], lags=None, subject=subject)
    out = within_table(sums, x=x, y=y)
    if method != "fisher" and np.isfinite(out["r"].iloc[0]):
        groups = Groups(data, subject)
        cx = Centred(numeric_values(data, x, func="within_corr"), groups)
        cy = Centred(numeric_values(data, y, func="within_corr"), groups)
        w = _person_products(cx.dev, cy.dev, groups)
        boot, low, high = _boot_within(w, n_boot, method, np.random.default_rng(seed))
        out["ci95_low"], out["ci95_high"] = low, high
        return WithinCorr(out, ci=method, n_boot=int(n_boot), seed=seed, bootstrap_r=boot)
    return WithinCorr(out)


_BOOT_METHODS = {"fisher": "fisher", "bootstrap": "bca", "percentile": "percentile"}


def _check_boot(ci: str, n_boot: int, *, func: str) -> str:
    """The interval method named by ``ci`` (``"fisher"``, ``"bca"``, ``"percentile"``)."""

    check_choice("ci", ci, _BOOT_METHODS, func=func)
    if ci != "fisher":
        check_whole("n_boot", n_boot, low=100, func=func, hint="resamples; 2000 is usual")
    return _BOOT_METHODS[ci]


def _person_products(xdev: np.ndarray, ydev: np.ndarray, groups: Groups) -> np.ndarray:
    """Per-person within sums ``(Sxx, Syy, Sxy)`` over complete pairs, persons with 2+ pairs.

    Returns a ``(persons, 3)`` array; the repeated-measures r of any set of
    persons is ``sum Sxy / sqrt(sum Sxx sum Syy)`` over them.
    """
    ok = np.isfinite(xdev) & np.isfinite(ydev)
    if groups.valid is not None:
        ok &= groups.valid
    xz, yz = np.where(ok, xdev, 0.0), np.where(ok, ydev, 0.0)
    n = groups.sums(ok.astype("float64"))
    sx, sy = groups.sums(xz), groups.sums(yz)
    many = n >= 2
    n, sx, sy = n[many], sx[many], sy[many]
    sxx = groups.sums(xz * xz)[many] - sx * sx / n
    syy = groups.sums(yz * yz)[many] - sy * sy / n
    sxy = groups.sums(xz * yz)[many] - sx * sy / n
    return np.column_stack([sxx, syy, sxy])


def _r_of(sums: np.ndarray) -> np.ndarray:
    """Repeated-measures r from summed ``(Sxx, Syy, Sxy)`` (last axis)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        r = sums[..., 2] / np.sqrt(sums[..., 0] * sums[..., 1])
    return np.clip(r, -1.0, 1.0)


def _boot_within(
    w: np.ndarray,
    n_boot: int,
    method: str,
    rng: np.random.Generator,
) -> tuple[np.ndarray, float, float]:
    """Person-level bootstrap of the repeated-measures r: (resampled r, CI low, CI high).

    Resamples are drawn as ``scipy.stats.bootstrap`` draws them
    (``rng.integers(0, k, (batch, k))``, ``batch`` = :func:`_boot_batch`), and
    the interval is its percentile or BCa interval (quantiles by linear
    interpolation), so both give the same numbers for the same generator.
    """
    from ._progress import progress_bar

    k = w.shape[0]
    batch = _boot_batch(k, n_boot)
    boot = np.empty(n_boot)
    with progress_bar("progress.bootstrap", total=n_boot, unit="progress.unit.item") as bar:
        for start in range(0, n_boot, batch):
            stop = min(n_boot, start + batch)
            idx = rng.integers(0, k, (stop - start, k))
            boot[start:stop] = _r_of(w[idx].sum(axis=1))
            bar.update(stop - start)
    alpha = 0.025
    probs = np.array([alpha, 1 - alpha])
    if method == "bca":
        total = w.sum(axis=0)
        theta = float(_r_of(total))
        jack = _r_of(total - w)  # leave one person out
        below = (np.count_nonzero(boot < theta) + np.count_nonzero(boot <= theta)) / (2 * n_boot)
        z0 = sps.norm.ppf(below)
        u = (k - 1) * (jack.mean() - jack)
        accel = (np.sum(u**3) / k**3) / (6 * (np.sum(u**2) / k**2) ** 1.5)
        z = sps.norm.ppf(probs)
        probs = sps.norm.cdf(z0 + (z0 + z) / (1 - accel * (z0 + z)))
    if not np.all(np.isfinite(boot)) or not np.all(np.isfinite(probs)):
        return boot, np.nan, np.nan
    low, high = np.quantile(boot, probs)
    return boot, float(low), float(high)


def _boot_batch(k: int, n_boot: int) -> int:
    """Resamples drawn at a time: about 2 million person draws, at most ``n_boot``."""
    return int(min(n_boot, max(1, 2_000_000 // max(k, 1))))


def between_corr(
    data: pd.DataFrame,
    *,
    x: str,
    y: str,
    subject: str = "subject",
    method: str = "pearson",
) -> pd.DataFrame:
    """Between-person correlation: the correlation of the person means.

    Parameters
    ----------
    data : pandas.DataFrame
        Long table, one row per observation.
        For a Dask DataFrame use the function of the same name in
        :mod:`backpain.dask` (the same result, computed by partition).
    x, y : str
        Numeric columns.
    subject : str
        Column identifying the person.
    method : {"pearson", "spearman"}
        Pearson correlation of the means, or Spearman (Pearson of their ranks,
        ties get the average rank).

    Returns
    -------
    pandas.DataFrame
        One row with columns:

        * ``predictor``, ``outcome``: the column names ``x`` and ``y``; ``method``;
        * ``r``: correlation of the person means;
        * ``n_subjects``: persons ``n`` with at least one complete (x, y) pair;
        * ``ci95_low``, ``ci95_high``: 95% CI by Fisher's z with SE ``1 / sqrt(n - 3)``;
        * ``p_val``: two-sided p from ``t = r sqrt((n - 2) / (1 - r^2))``.

    See Also
    --------
    within_corr : the within-person correlation of the same columns.
    correlate : within and between rows for several predictors at once.

    Notes
    -----
    A person's means are taken over the days on which both ``x`` and ``y`` were
    recorded, so both means describe the same days. Every person counts once,
    whatever the number of days. ``r`` is NaN with fewer than 3 persons.

    Checked against ``scipy.stats.pearsonr`` (r, p and
    ``confidence_interval()``) and ``scipy.stats.spearmanr`` (r, p). For
    Spearman the Fisher-z CI is an approximation (as in ``pingouin.corr``).

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(40, 60, seed=1)
    >>> res = between_corr(diary, x="stress", y="pain")
    >>> res[["method", "n_subjects"]]
        method  n_subjects
    0  pearson          40
    >>> bool(res["r"].iloc[0] > 0)
    True
    """
    check_between_method(method)
    require_columns(data, [x, y, subject], func="between_corr")
    sums = corr_sums(
        data,
        func="between_corr",
        y=y,
        xs=[x],
        lags=None,
        subject=subject,
        runs=method == "pearson",  # Spearman keeps exact ties between person means
    )
    return between_table(sums, x=x, y=y, method=method)


def lagged_corr(
    data: pd.DataFrame,
    *,
    x: str,
    y: str,
    lags: Sequence[int] = (0, 1, 2, 3),
    subject: str = "subject",
    serial: str = COHORT_SERIAL,
) -> pd.DataFrame:
    """Within-person correlation of ``x`` on day ``t - lag`` with ``y`` on day ``t``.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary: one row per subject and calendar day, with a ``date``
        column of dates.
        For a Dask DataFrame use the function of the same name in
        :mod:`backpain.dask` (the same result, computed by partition).
    x, y : str
        Numeric columns; ``x`` is the earlier one.
    lags : sequence of int
        Lags in calendar days (>= 0). Lag 0 is :func:`within_corr`.
    subject : str
        Column identifying the person.
    serial : {"neff", "none"}
        ``"neff"`` (default): allow for day-to-day dependence by dividing the
        within-person observations by Bartlett's (1935) AR(1) factor
        ``(1 + r_x r_y) / (1 - r_x r_y)`` (Bretherton et al., 1999, eq. 31),
        with ``r_x``, ``r_y`` the lag-1 within-person autocorrelations pooled
        over persons and bias-corrected (Marriott & Pope, 1954); ``r`` is
        unchanged, ``dof`` (then a float), ``p_val`` and the CI follow; without
        autocorrelation the factor is close to 1 and the result close to ``pingouin.rm_corr``'s.
        ``"none"``: days independent, exactly ``pingouin.rm_corr``. On
        autocorrelated diaries ``"none"`` is too often significant: with AR(1)
        0.6 in both series, 400 null cohorts of 10 persons x 40 days were
        "significant" at p < .05 in 20% with ``"none"`` and 4.5% with
        ``"neff"`` (see ``benchmarks/bench_cohort_tests.py`` for the table).

    Returns
    -------
    pandas.DataFrame
        One row per lag with columns ``predictor`` (``x``), ``outcome`` (``y``), ``lag``, ``r``, ``dof``,
        ``p_val``, ``ci95_low``, ``ci95_high``, ``n_obs``, ``n_subjects`` (as
        in :func:`within_corr`, for the pairs (x on day t - lag, y on day t)).

    See Also
    --------
    within_corr : lag 0 without dates.
    correlate : several predictors, lags and the between-person rows.
    patient_findings : one person's findings, tested as one family.

    Notes
    -----
    The lag is in calendar days within a subject: ``x`` is looked up on the
    date ``lag`` days before, as a merge on ``(subject, date + lag)`` would. When
    that day is not in the diary the pair is missing; the previous *row* is
    never used. The repeated-measures correlation (Bakdash & Marusich, 2017)
    is then computed on the pairs, with person means over the pairs that
    exist at that lag. Checked against ``pingouin.rm_corr`` on a table built
    with ``pandas.merge`` on the shifted date.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(20, 60, seed=1)
    >>> lagged_corr(diary, x="stress", y="pain", lags=(0, 1))[["lag", "n_obs", "n_subjects"]]
       lag  n_obs  n_subjects
    0    0   1042          20
    1    1    915          20
    """
    lags = check_lags(lags, func="lagged_corr")
    check_cohort_serial(serial, func="lagged_corr")
    require_columns(data, [subject, "date", x, y], func="lagged_corr")
    sums = corr_sums(
        data, func="lagged_corr", y=y, xs=[x], lags=lags, subject=subject, serial=serial
    )
    return lagged_table(sums, x=x, y=y, lags=lags, serial=serial)


def correlate(
    data: pd.DataFrame,
    *,
    y: str = "pain",
    x: Sequence[str] = PREDICTORS,
    lags: Sequence[int] = (0, 1),
    subject: str = "subject",
    serial: str = COHORT_SERIAL,
) -> Correlations:
    """Within- and between-person associations of several predictors with ``y``.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary (one row per subject and calendar day).
        For a Dask DataFrame use the function of the same name in
        :mod:`backpain.dask` (the same result, computed by partition).
    y : str
        The outcome, on day ``t``.
    x : sequence of str
        Predictors, on day ``t - lag``. Predictors that are not columns of
        ``data`` (or hold no values) are skipped with a note in the
        result's ``notes``.
    lags : sequence of int
        Lags in calendar days (>= 0), as in :func:`lagged_corr`.
    subject : str
        Column identifying the person.
    serial : {"neff", "none"}
        As in :func:`lagged_corr` (``"neff"``, the default, allows for
        day-to-day dependence; ``"none"`` is ``pingouin.rm_corr``), for the
        within rows; between-person rows are unaffected
        (persons are independent).

    Returns
    -------
    Correlations
        ``table``: one row per predictor, lag and level with columns:

        * ``predictor``, ``outcome`` (``y``), ``lag``;
        * ``level``: ``"within"`` (repeated-measures correlation, see
          :func:`lagged_corr`) or ``"between"`` (Pearson correlation of the
          person means, see :func:`between_corr`; lag 0 only);
        * ``r``, ``ci95_low``, ``ci95_high``, ``p_val``;
        * ``p_fdr``: Benjamini-Hochberg adjusted p over all rows of the table;
        * ``n_obs``: complete days (x, y pairs) behind the row; for a
          ``between`` row these are the days averaged into the person means,
          while the correlation itself has ``n_subjects`` points (its CI and p
          use ``n_subjects``);
        * ``n_subjects``: persons that contributed.

        and ``notes``, a list of :class:`backpain.text.Message` (skipped
        predictors; ``str(note)`` is its English text, ``note.key`` its code).

    See Also
    --------
    lagged_corr : one predictor at several lags.
    between_corr : the between-person correlation with Spearman as an option.
    patient_findings : the same questions for one person, in the diary's units.

    Notes
    -----
    Between-person rows are given for lag 0 only: a person's mean hardly
    changes when the days are shifted by one, so lagged between rows would
    repeat the same information and needlessly enlarge the family of tests
    that ``p_fdr`` corrects for. ``p_fdr`` follows Benjamini & Hochberg (1995)
    over every non-missing ``p_val`` in the table, checked against
    ``statsmodels.stats.multitest.multipletests(method="fdr_bh")``.

    The subjects are factorised once and the lags found with one sort, so a
    10,000-subject x 365-day diary with 6 predictors and 2 lags takes a few
    seconds.

    References
    ----------
    .. [1] Benjamini, Y., & Hochberg, Y. (1995). Controlling the false discovery
       rate. Journal of the Royal Statistical Society B, 57, 289-300.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(20, 60, seed=1)
    >>> res = correlate(diary, x=("stress", "sleep_quality", "weather"))
    >>> res.table[["predictor", "lag", "level", "n_subjects"]]
           predictor  lag    level  n_subjects
    0         stress    0   within          20
    1         stress    1   within          20
    2         stress    0  between          20
    3  sleep_quality    0   within          20
    4  sleep_quality    1   within          20
    5  sleep_quality    0  between          20
    >>> [str(note) for note in res.notes]
    ["predictor 'weather' is not a column of data; skipped"]
    """
    lags, candidates, notes = correlate_args(data.columns, x=x, lags=lags, serial=serial)
    require_columns(data, [subject, "date", y, *candidates], func="correlate")
    sums = corr_sums(
        data,
        func="correlate",
        y=y,
        xs=candidates,
        lags=lags,
        subject=subject,
        serial=serial,
        between=True,
    )
    return correlate_table(sums, y=y, x=x, lags=lags, serial=serial, notes=notes)


# ------------------------------------------------------- one person's findings
VERDICTS = ("lower", "higher", "unclear", "too_few_days", "no_comparison", "not_tested")
"""The verdict codes of :func:`patient_findings` and :func:`what_helps`, decided once there.

``lower`` / ``higher``: the outcome was lower / higher (with more of the
predictor, or after the tag), and this holds after the family-wise control;
``unclear``: tested, no clear difference; ``too_few_days``: fewer usable days
than ``min_days``; ``no_comparison``: a tag on every usable day or on none;
``not_tested``: enough days, but the outcome or the predictor never varied
over them, so there is nothing to test. Figures, tables and sentences show
this column and never decide again from an interval.
"""


@dataclasses.dataclass(frozen=True, repr=False, eq=False)
class Findings(Result):
    """Findings tested as one family: the table and how it was tested.

    The result of :func:`patient_findings` and :func:`what_helps`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per finding (columns in the function's Returns section).
    alpha : float
        The family-wise level of the ``verdict`` column.
    correction : str
        ``"fdr_bh"`` or ``"holm"``: how ``p_adj`` was adjusted.
    n_tests : int
        Rows with a p-value: the size of the family that was corrected.
    caveat : str
        That these are associations, not proof of cause.
    notes : list of str
        Predictors or tags left out or without an estimate, and why.
    """

    alpha: float
    correction: str
    n_tests: int
    caveat: str
    notes: list = dataclasses.field(default_factory=list)


def _tag_matrix(tags: pd.Series, wanted: list[str] | None) -> tuple[list[str], np.ndarray]:
    """Boolean (rows x tags) membership, computed on the few distinct tag strings."""
    codes, uniques = pd.factorize(tags, sort=False)
    split = [{t.strip() for t in str(u).split(TAG_SEP) if t.strip()} for u in np.asarray(uniques)]
    names = sorted(set().union(*split)) if wanted is None else wanted
    member = np.zeros((len(uniques) + 1, len(names)), dtype=bool)  # last row: no tags
    for i, s in enumerate(split):
        member[i] = [n in s for n in names]
    return names, member[np.where(codes >= 0, codes, len(uniques))]


def _verdict_column(res: pd.DataFrame, reportable: np.ndarray):
    """The categorical ``verdict`` of each row (see :data:`VERDICTS`); ``_few`` marks too few days."""
    effect = pd.to_numeric(res["effect"], errors="coerce").to_numpy(
        dtype="float64", na_value=np.nan
    )
    tested = np.isfinite(res["p_val"].to_numpy(dtype="float64"))
    few = res["_few"].to_numpy(dtype=bool) if "_few" in res.columns else ~tested
    codes = np.where(
        reportable,
        np.where(effect < 0, "lower", "higher"),
        np.where(tested, "unclear", np.where(few, "too_few_days", "not_tested")),
    ).astype(object)
    if "n_with" in res.columns:
        w = pd.to_numeric(res["n_with"], errors="coerce")
        w = w.to_numpy(dtype="float64", na_value=np.nan)
        wo = pd.to_numeric(res["n_without"], errors="coerce")
        wo = wo.to_numpy(dtype="float64", na_value=np.nan)
        codes[(w == 0) | (wo == 0)] = "no_comparison"
    return pd.Categorical(codes, categories=VERDICTS)


def _adjust(p: np.ndarray, correction: str) -> np.ndarray:
    """Holm or Benjamini-Hochberg adjusted p over the finite p-values (NaN stays NaN)."""
    if correction == "fdr_bh":
        return bh_adjust(p)
    p = np.asarray(p, dtype="float64")
    out = np.full_like(p, np.nan)
    ok = np.isfinite(p)
    m = int(ok.sum())
    if m:
        pv = p[ok]
        order = np.argsort(pv, kind="stable")
        adj = np.minimum(np.maximum.accumulate(pv[order] * (m - np.arange(m))), 1.0)
        res = np.empty(m)
        res[order] = adj
        out[ok] = res
    return out


def _check_family(
    serial: str, correction: str, alpha: float, *, func: str, trend: str = "spline"
) -> None:
    check_choice("trend", trend, _PUBLIC_TRENDS, func=func)
    check_choice("serial", serial, _SERIAL, func=func)
    check_choice("correction", correction, ("holm", "fdr_bh"), func=func)
    check_number("alpha", alpha, low=0, high=0.05, low_open=True, func=func)


def _one_person(data: pd.DataFrame, subject: object, *, need: Sequence[str], func: str):
    """The rows of one person and their day numbers (0 = first day) on a calendar grid."""
    require_columns(data, ["subject", "date", *need], func=func)
    check_diary(data, need=tuple(dict.fromkeys(need)))
    ids = pd.unique(data["subject"].dropna())
    if subject is None:
        if len(ids) > 1:
            shown = ", ".join(map(repr, ids[:5]))
            msg = (
                f"{func}: data holds {len(ids)} subjects ({shown}, ...); pass subject= to "
                "choose one person"
            )
            raise ValueError(msg)
        rows = data
    else:
        rows = data[data["subject"] == subject]
        if rows.empty:
            msg = f"{func}: subject {subject!r} is not in data (subjects: {list(ids[:10])})"
            raise ValueError(msg)
    day = rows["date"].to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)
    if day.size:
        day = day - day.min()
    return rows, day


def _on_grid(values: np.ndarray, day: np.ndarray, lag: int = 0) -> np.ndarray:
    """A (1, T + lag) calendar row: ``values`` on their days, shifted ``lag`` days later."""
    size = (int(day.max()) + 1 if day.size else 0) + lag
    out = np.full((1, size), np.nan)
    out[0, day + lag] = values
    return out


def _grid_fit(
    y: np.ndarray, x: np.ndarray, serial: str, scale: float = 1.0, *, trend: str = "spline"
) -> dict:
    """One row's slope of y on x (times ``scale``), its 95% CI and p from one t test."""
    width = max(y.shape[1], x.shape[1])
    yy = np.pad(y, ((0, 0), (0, width - y.shape[1])), constant_values=np.nan)
    xx = np.pad(x, ((0, 0), (0, width - x.shape[1])), constant_values=np.nan)
    fit = _serial_slope(yy, xx, serial=serial, trend=trend)
    p, low, high = _t_test(fit["slope"] * scale, fit["se"] * scale, fit["dof"])
    return {
        "effect": float(fit["slope"][0] * scale),
        "ci95_low": float(low[0]),
        "ci95_high": float(high[0]),
        "p_val": float(p[0]),
        "both": np.isfinite(yy[0]) & np.isfinite(xx[0]),
        "x": xx[0],
    }


def patient_findings(
    data: pd.DataFrame,
    *,
    subject: object = None,
    y: str = "pain",
    x: Sequence[str] = PREDICTORS,
    lags: Sequence[int] = (0, 1),
    tags: Sequence[str] | None = None,
    tag_lags: Sequence[int] = (1,),
    steps: Mapping[str, float] | None = None,
    min_days: int = 10,
    alpha: float = 0.05,
    correction: str = "fdr_bh",
    serial: str = "neff",
    trend: str = "spline",
) -> Findings:
    """Everything one person's diary can tell them, with the whole family tested together.

    Each predictor at each lag (is pain higher on days after more stress?) and
    each tag (is pain lower the day after physiotherapy?) is one finding. Each
    is estimated in the diary's own units with a test that allows for
    day-to-day dependence, and the family of all findings is corrected for
    multiple testing, so that a person whose pain is unrelated to everything
    is told something false at most ``alpha`` of the time.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary (``subject``, ``date``, ``y``, predictors, ``tags``).
    subject : optional
        The person to analyse; may be left out when ``data`` holds one person.
    y : str
        The outcome on day ``t``.
    x : sequence of str
        Numeric columns on day ``t - lag``; those not in ``data`` or without
        values are left out (listed in the result's ``notes``).
    lags : sequence of int
        Lags in calendar days for the predictors.
    tags : sequence of str, optional
        Tags to compare (default: every tag in the person's ``tags`` column;
        none when there is no such column).
    tag_lags : sequence of int
        Lags for the tags: 1 = pain the day after a tagged day.
    steps : mapping, optional
        The predictor change an effect refers to, overriding the defaults
        (1 point of stress, mood or sleep quality, 1 hour of sleep,
        1000 steps, 10 active minutes; 1 unit otherwise).
    min_days : int
        Fewest usable days for an estimate (for a tag: fewest days with and
        without it).
    alpha : float
        Family-wise level (at most 0.05).
    correction : {"fdr_bh", "holm"}
        Benjamini-Hochberg (1995) or Holm (1979) over every finding with a p-value.
    serial : {"neff", "ar1", "none"}
        How days depend on each other: ``"neff"`` least squares tested with
        the AR(1) effective number of days (default, see Notes), ``"ar1"``
        regression with AR(1) errors (iterated Cochrane-Orcutt), ``"none"``
        independent days.
    trend : {"spline", "none"}
        What "usual" means. ``"spline"`` (default): usual for that period of
        the diary, a smooth curve of time (cubic B-spline, knots every 28
        days) fitted together with each effect, so a slow trend, a season
        or a drift shared by pain and a predictor (or a tag that started
        while pain was improving) is not a link; ``"none"``: the whole
        diary's mean (before version 0.2).

    Returns
    -------
    Findings
        ``table``: one row per predictor and lag, then one per tag and tag lag:

        * ``kind``: ``"association"`` or ``"tag"``; ``predictor``: the predictor
          or tag; ``outcome``: ``y``; ``lag`` (days);
        * ``step``: the predictor change the effect refers to (1 for a tag);
        * ``effect``: change in ``y`` (in its own points) per ``step`` of the
          predictor, or for a tag ``y`` after a tagged day minus after an
          untagged day (negative = less pain);
        * ``ci95_low``, ``ci95_high``: 95% CI of ``effect``;
        * ``p_val``: two-sided p of the same test (``p_val < 0.05`` exactly
          when the CI excludes 0);
        * ``p_adj``: ``p_val`` adjusted over the whole table by ``correction``;
        * ``reportable``: ``p_adj < alpha`` (then the CI excludes 0 too);
        * ``verdict``: categorical, the one decision that every figure, table
          and sentence shows (:data:`VERDICTS`): ``"higher"`` or ``"lower"``
          (``y`` with more of the predictor, or after the tag) when
          reportable, else ``"unclear"``, ``"too_few_days"`` (fewer than
          ``min_days``), ``"not_tested"`` (``y`` or the predictor never
          varied over the usable days) or, for a tag on every usable day or
          on none, ``"no_comparison"``;
        * ``n_days``: usable days (``y`` on day ``t`` and the predictor or the
          tag's day ``t - lag`` recorded); ``n_with``, ``n_without``: of
          these, days after a day with and without the tag (missing for an
          association);
        * ``method``: the serial model used.

        and ``alpha``, ``correction``, ``n_tests`` (rows with a p-value),
        ``caveat`` and ``notes`` (predictors left out, and why).

    See Also
    --------
    what_helps : tags compared over one or many persons.
    correlate : within- and between-person correlations of a cohort.

    Notes
    -----
    Usual for that period. Pain that improves over months of treatment while
    steps rise with spring would otherwise be a "link" between steps and
    pain, and physiotherapy that started in spring would "go with less
    pain"; in a simulation (``benchmarks/bench_verdicts.py``) the whole
    diary's mean told 94% of 365-day diaries with a shared trend, and
    all but a few with a shared season, a false link. With ``trend="spline"``
    every finding is the coefficient of the predictor in the least-squares
    regression of ``y`` on the predictor and a cubic B-spline of time with
    equally spaced knots about 28 days apart (``round((T - 1) / 28) + 3``
    columns for a ``T``-day calendar; a 60-day diary gets 5, a year 16), i.e.
    the slope of the two series' deviations from their own smooth curves
    (Frisch-Waugh-Lovell). A straight line, a season and a drift slower than
    about a month are absorbed; a day is compared with the days around it.
    The serial correction then allows for what removing the curve does to
    AR(1) noise: the noise's ``phi`` is found by matching the residuals'
    lag-1 autocorrelation to its expectation after the projection
    (``tr(M L M R) / tr(M R)``, computed once per diary length, its bias
    scaled by calendar days over recorded days); the noise variance is the
    residual mean square over the share ``tr(M R) / T`` the projection
    leaves; ``var(b) = s^2 sum_ts x_t x_s phi^|t - s| / (sum_t x_t^2)^2``
    for the detrended predictor ``x`` as recorded (gaps and weekday tags
    included), the larger of its values at ``phi`` one standard error
    ``sqrt((1 - phi^2) / n)`` (Bartlett, 1946) up or down, to be safe in
    short, sticky diaries. The t test has ``n_eff - k - 1`` degrees of
    freedom (``k`` spline columns; ``n_eff`` as below, with ``max(phi_x
    phi_e, phi_e^2)`` and ``phi_e`` one standard error up). The 28-day spacing and the
    method were chosen by simulation against a local (+-7 or +-14 day)
    baseline, first differences, a straight line in time and spacings of
    14 and 56 days (2,000 simulated patients per cell, 60-365 days; see the
    README's Statistics section): at most 5% of patients without a link
    were told one in 27 of 28 settings (5.9% in one, within the simulation's
    margin), against up to 94-100% before for a shared trend or season.
    The price: 0.9-5.7 points of power on diaries without slow changes
    (most on short ones), and an effect that builds up over more than
    about a month (months of stress with months of pain) is no longer seen.

    Serial dependence (as with ``trend="none"``). Daily diaries are autocorrelated: a bad week
    gives several bad days in a row, so days are not independent and a plain
    test is too often "significant" (about 19% of null patients at AR(1)
    0.6 instead of 5%). With ``serial="neff"`` (default) each finding is the
    least-squares slope of ``y`` on the predictor (for a tag, on its 0/1, so
    the slope is the difference of means), tested with the effective number
    of days ``n_eff = n (1 - r_x r_e) / (1 + r_x r_e)``: Bartlett's (1935)
    and Bayley & Hammersley's (1946) ``n / (1 + 2 sum_k rho_x(k) rho_e(k))``
    for AR(1) series (Bretherton et al., 1999, eq. 31), where ``r_x`` and
    ``r_e`` are the lag-1 autocorrelations of the predictor and of the
    residuals, each corrected for its small-sample bias by ``+ (1 + 3 r) /
    n`` (Marriott & Pope, 1954). The standard error grows by ``sqrt((n - 2) /
    (n_eff - 2))`` and the t test has ``n_eff - 2`` degrees of freedom; the
    CI and p come from that one test. ``serial="ar1"`` is regression with
    AR(1) errors by iterated Cochrane-Orcutt (1949), equal to
    ``statsmodels`` ``GLSAR(y, X, rho=1).iterative_fit(maxiter=3)`` on a
    diary without gaps; ``serial="none"`` treats days as independent.

    The method was chosen by simulation (``benchmarks/bench_verdicts.py``,
    1,000 simulated patients per cell, 90 and 365 days, AR(1) 0, 0.3 and
    0.6 in pain and predictors, 16 findings each): at 90 days the
    Cochrane-Orcutt test is too liberal in the far tail that a family-wise
    correction uses (about 8% of null patients with a false finding), and
    Bartlett's sum over lags 1-10 without bias correction reached 6.5% at
    AR(1) 0.6, while the bias-corrected AR(1) effective sample size stayed
    near 5% at every setting. Benjamini-Hochberg, which under the complete
    null controls the chance of any false finding like Holm, gave more power.
    A lag is in calendar days; a missing day is missing, never the previous
    row.

    References
    ----------
    .. [1] Bartlett, M. S. (1935). Some aspects of the time-correlation problem
       in regard to tests of significance. JRSS, 98, 536-543.
    .. [2] Bayley, G. V., & Hammersley, J. M. (1946). The "effective" number of
       independent observations in an autocorrelated time series. JRSS
       Supplement, 8, 184-197.
    .. [3] Bretherton, C. S., Widmann, M., Dymnikov, V. P., Wallace, J. M., &
       Blade, I. (1999). The effective number of spatial degrees of freedom of
       a time-varying field. Journal of Climate, 12, 1990-2009.
    .. [4] Marriott, F. H. C., & Pope, J. A. (1954). Bias in the estimation of
       autocorrelations. Biometrika, 41, 390-402.
    .. [5] Cochrane, D., & Orcutt, G. H. (1949). Application of least squares
       regression to relationships containing auto-correlated error terms.
       JASA, 44, 32-61.
    .. [6] Benjamini, Y., & Hochberg, Y. (1995). Controlling the false discovery
       rate. JRSS B, 57, 289-300.
    .. [7] Holm, S. (1979). A simple sequentially rejective multiple test
       procedure. Scandinavian Journal of Statistics, 6, 65-70.
    .. [8] Frisch, R., & Waugh, F. V. (1933). Partial time regressions as
       compared with individual trends. Econometrica, 1, 387-401.
    .. [9] Bartlett, M. S. (1946). On the theoretical specification and
       sampling properties of autocorrelated time-series. JRSS Supplement,
       8, 27-41.
    .. [10] Eilers, P. H. C., & Marx, B. D. (1996). Flexible smoothing with
       B-splines and penalties. Statistical Science, 11, 89-121.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(3, 365, seed=4)
    >>> res = patient_findings(diary, subject=diary["subject"].iloc[0]).table
    >>> res[["kind", "predictor", "lag", "step"]].head(3)
              kind    predictor  lag  step
    0  association       stress    0   1.0
    1  association       stress    1   1.0
    2  association  sleep_hours    0   1.0
    >>> res.loc[res["reportable"], ["predictor", "lag", "effect", "ci95_low", "ci95_high"]].round(2)
       predictor  lag  effect  ci95_low  ci95_high
    10      mood    0   -0.07     -0.12      -0.03
    >>> res.loc[res["kind"] == "tag", ["predictor", "n_with", "n_without", "verdict"]]
            predictor  n_with  n_without       verdict
    12       exercise      87        218       unclear
    13           heat      74        231       unclear
    14     medication       3        302  too_few_days
    15  physiotherapy      58        247       unclear
    """
    func = "patient_findings"
    _check_family(serial, correction, alpha, func=func, trend=trend)
    lags = check_lags(lags, func=func)
    tag_lags = check_lags(tag_lags, func=func)
    x = (x,) if isinstance(x, str) else tuple(x)
    rows, day = _one_person(data, subject, need=[y], func=func)
    yg = _on_grid(numeric_values(rows, y, func=func), day)
    step_of = {**STEPS, **(steps or {})}
    notes: list[str] = []
    out = []
    for name in dict.fromkeys(x):
        if name not in rows.columns or rows[name].isna().all():
            notes.append(f"predictor {name!r} has no values for this person; left out")
            continue
        xv = numeric_values(rows, name, func=func)
        step = float(step_of.get(name, 1.0))
        for lag in lags:
            fit = _grid_fit(yg, _on_grid(xv, day, lag), serial, step, trend=trend)
            n = int(fit["both"].sum())
            row = {"kind": "association", "predictor": name, "outcome": y, "lag": lag, "step": step}
            if n < min_days:
                fit.update(effect=np.nan, ci95_low=np.nan, ci95_high=np.nan, p_val=np.nan)
            out.append(
                {**row, **_public(fit), "n_days": n, "n_with": pd.NA, "n_without": pd.NA}
                | {"_few": n < min_days}
            )
    if "tags" in rows.columns:
        names, member = _tag_matrix(rows["tags"], None if tags is None else list(tags))
    else:
        names, member = ([] if tags is None else list(tags)), np.zeros((len(rows), 0), bool)
        if tags:
            member = np.zeros((len(rows), len(names)), bool)
    for j, name in enumerate(names):
        for lag in tag_lags:
            xg = _on_grid(member[:, j].astype("float64"), day, lag)
            fit = _grid_fit(yg, xg, serial, trend=trend)
            had = fit["x"][fit["both"]] > 0.5
            n_w, n_wo = int(had.sum()), int((~had).sum())
            if min(n_w, n_wo) < min_days:
                fit.update(effect=np.nan, ci95_low=np.nan, ci95_high=np.nan, p_val=np.nan)
            row = {"kind": "tag", "predictor": name, "outcome": y, "lag": lag, "step": 1.0}
            out.append(
                {**row, **_public(fit), "n_days": n_w + n_wo, "n_with": n_w, "n_without": n_wo}
                | {"_few": min(n_w, n_wo) < min_days}
            )
    res = pd.DataFrame(out, columns=[*_FINDING_COLUMNS[:-3], "_few"])
    res = _decide(res, y=y, alpha=alpha, correction=correction)
    res["method"] = serial
    res = res.astype({"lag": "int64", "n_days": "int64", "n_with": "Int64", "n_without": "Int64"})
    return _findings(res, alpha=alpha, correction=correction, notes=notes)


_FINDING_COLUMNS = [
    "kind",
    "predictor",
    "outcome",
    "lag",
    "step",
    "effect",
    "ci95_low",
    "ci95_high",
    "p_val",
    "n_days",
    "n_with",
    "n_without",
    "p_adj",
    "reportable",
    "verdict",
]


def _public(fit: dict) -> dict:
    return {k: fit[k] for k in ("effect", "ci95_low", "ci95_high", "p_val")}


def _decide(res: pd.DataFrame, *, y: str, alpha: float, correction: str) -> pd.DataFrame:
    """Add ``p_adj``, ``reportable`` and ``verdict`` over the whole table (one family)."""
    p_adj = _adjust(res["p_val"].to_numpy(dtype="float64"), correction)
    low = res["ci95_low"].to_numpy(dtype="float64")
    high = res["ci95_high"].to_numpy(dtype="float64")
    reportable = (p_adj < alpha) & ((low > 0) | (high < 0))
    verdict = _verdict_column(res, reportable)
    res = res.assign(p_adj=p_adj, reportable=reportable, verdict=verdict)
    return res.drop(columns="_few", errors="ignore")


def _findings(table: pd.DataFrame, *, alpha: float, correction: str, notes: list) -> Findings:
    n_tests = int(np.isfinite(table["p_adj"].to_numpy(dtype="float64")).sum())
    return Findings(table, alpha, correction, n_tests, _CAVEAT, notes)


# ------------------------------------------------------------- what helps
def _persons_t(d: np.ndarray) -> dict[str, float]:
    """One-sample t-test of the persons' differences ``d`` against 0 (``scipy.stats.ttest_1samp``).

    ``effect`` is their plain mean; the CI is ``mean +/- t(0.975, k - 1) sd / sqrt(k)``, so
    ``p_val < 0.05`` exactly when it excludes 0. NaN with fewer than 2 persons.
    """
    out = {"effect": np.nan, "ci95_low": np.nan, "ci95_high": np.nan, "p_val": np.nan}
    k = d.size
    if k == 0:
        return out
    mean = float(d.mean())
    out["effect"] = mean
    if k < 2:
        return out
    se = float(d.std(ddof=1)) / np.sqrt(k)
    if se == 0:  # every person the same difference: no spread to test against
        return out
    t = mean / se
    half = float(sps.t.ppf(0.975, k - 1)) * se
    out.update(
        ci95_low=mean - half, ci95_high=mean + half, p_val=float(2 * sps.t.sf(abs(t), k - 1))
    )
    return out


def what_helps(
    data: pd.DataFrame,
    *,
    y: str = "pain",
    tags: Sequence[str] | None = None,
    lags: Sequence[int] = (1,),
    min_days: int = 5,
    n_boot: int = 2000,
    seed: int | None = 0,
    subject: str = "subject",
    serial: str = "neff",
    trend: str = "spline",
    alpha: float = 0.05,
    correction: str = "fdr_bh",
    lag: int | None = None,
) -> Findings:
    """Which tagged things (physiotherapy, heat, ...) go with less pain?

    For each tag, compares ``y`` on days ``lag`` calendar days after a day
    with the tag with ``y`` after a recorded day without it, within each
    person, and averages over people.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary with ``date``, ``y`` and ``tags`` (``"a|b"``).
    y : str
        Numeric column to compare (the outcome on day ``t``).
    tags : sequence of str, optional
        Tags to test (default: every tag in the data).
    lags : sequence of int
        Days between the tag and the outcome: 1 = the next day, 0 = the same day.
    min_days : int
        Fewest days with and without a tag needed for a result; tags with fewer
        are reported with NaN and a note.
    n_boot, seed
        Not used: the cohort test was a bootstrap of persons, too liberal with
        few persons, and is now a t-test (see Notes). Kept so that older calls
        run unchanged.
    subject : str
        Column identifying the person.
    serial : {"neff", "ar1", "none"}
        Single person only: how days depend on each other, as in
        :func:`patient_findings`.
    trend : {"spline", "none"}
        Single person only: what the days after a tagged day are compared
        with, as in :func:`patient_findings`: ``"spline"`` (default) the
        untagged days of the same period (a smooth curve of time fitted with
        the difference), so a tag that started while pain was improving is
        not credited with the improvement; ``"none"`` all untagged days.
    alpha : float
        Family-wise level of the verdicts (at most 0.05).
    correction : {"fdr_bh", "holm"}
        Multiple-testing correction over every row of the table.
    lag : int, optional
        Same as ``lags=(lag,)``; kept for older calls.

    Returns
    -------
    Findings
        ``table``: one row per tag and lag with columns:

        * ``predictor``: the tag; ``outcome``: ``y``; ``lag``;
        * ``effect``: outcome after a tagged day minus after an untagged day
          (negative = less pain);
        * ``ci95_low``, ``ci95_high``: 95% CI;
        * ``p_val``: two-sided p of the same method (``p_val < 0.05``
          exactly when the CI excludes 0);
        * ``p_adj``: ``p_val`` adjusted over the table by ``correction``;
        * ``n_with``, ``n_without``: outcome days after a day with
          and without the tag (all persons);
        * ``n_subjects``: persons with days both with and without the tag;
        * ``reportable``: ``p_adj < alpha`` and the CI excludes 0;
        * ``verdict``: categorical (:data:`VERDICTS`): ``"lower"`` or
          ``"higher"`` ``y`` after the tag when reportable, else
          ``"unclear"``, ``"too_few_days"``, ``"not_tested"`` (``y`` never
          varied) or ``"no_comparison"`` (no days without the tag, or none
          with it, to compare);
        * ``method``: ``"ar1"``, ``"neff"`` or ``"none"`` (one person) or
          ``"t-test persons"`` (several).

        and ``alpha``, ``correction``, ``n_tests``; ``caveat`` says that this
        is association, not cause; ``notes`` lists tags without an estimate.

    See Also
    --------
    patient_findings : one person's tags and predictors as one family.

    Notes
    -----
    A day ``t`` counts when the outcome is recorded on ``t`` and day ``t - lag``
    is in the diary (in calendar days; a missing day is unknown, never the
    previous row). A recorded day without the tag in ``tags`` (or with no tags)
    counts as *without*. Rows are sorted internally (by person and date), so
    the result does not depend on row order. A tag's ``effect``, CI and
    ``p_val`` do not depend on the other tags asked for (each tag and lag has
    its own random generator); ``p_adj`` and the verdict do, through the
    number of tests in the table, which is what the correction is for.

    One person: the regression of ``y`` on the tag's 0/1 and a smooth curve
    of time, with the serial model of :func:`patient_findings` (with
    ``trend="none"``: the difference of means tested with the AR(1)
    effective number of days; with ``serial="none"`` as well, the pooled
    two-sample t test); CI and p come from one t test.

    Several persons: ``d_i`` is each person's difference of means (after a
    day with the tag minus after a day without), and ``effect``, the CI and
    ``p_val`` are the one-sample t-test of the ``d_i`` against 0 with
    ``k - 1`` degrees of freedom (``k`` = ``n_subjects``; equal to
    ``scipy.stats.ttest_1samp``). Each person counts once, whatever the
    serial dependence of their days, so the test keeps its size at every
    cohort size: with no true effect, 4.8-5.5% of tags were significant at
    p < 0.05 for cohorts of 10, 20 and 50 persons (AR(1) 0 and 0.6, 2,000
    cohorts per cell), where the former bootstrap of persons gave 5.7-10.3%
    (``benchmarks/bench_cohort_tests.py``).
    Fewer than 10 persons are noted (the test keeps its size but finds only
    large differences); one person with both kinds of day gives no test.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(30, 120, seed=3)
    >>> res = what_helps(diary, tags=["physiotherapy", "heat"])
    >>> res.table[["predictor", "lag", "n_subjects", "method"]]
           predictor  lag  n_subjects          method
    0  physiotherapy    1          19  t-test persons
    1           heat    1          30  t-test persons
    >>> res.caveat[:35], res.n_tests
    ('These are associations in the diary', 2)
    """
    if lag is not None:
        if isinstance(lag, bool) or not isinstance(lag, (int, np.integer)) or lag < 0:
            msg = f"what_helps: lag must be a whole number of days >= 0, not {lag!r}"
            raise ValueError(msg)
        if tuple(lags) != (1,):
            msg = f"what_helps: pass lags={tuple(lags)!r} or lag={lag!r}, not both"
            raise ValueError(msg)
        lags = (int(lag),)
    lags = check_lags(lags, func="what_helps")
    _check_family(serial, correction, alpha, func="what_helps", trend=trend)
    require_columns(data, [subject, "date", y, "tags"], func="what_helps")
    check_dated(data, [y], subject=subject, func="what_helps")
    if isinstance(tags, str):
        tags = [tags]
    data = data.sort_values([subject, "date"], kind="stable")
    yv = numeric_values(data, y, func="what_helps")
    codes, uniques = pd.factorize(data[subject], sort=True)
    codes, k = codes.astype(np.int64), len(uniques)
    names, member = _tag_matrix(data["tags"], None if tags is None else list(tags))
    cal = Calendar(codes, data["date"], max(lags))
    single = k == 1
    if single:
        day = data["date"].to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)
        day = day - day.min()
        yg = _on_grid(yv, day)
    notes: list[str] = []
    rows = []
    for lag in lags:
        pos = cal.positions(lag)
        usable = (pos >= 0) & np.isfinite(yv)
        c, yy = codes[usable], yv[usable]
        for j, tag in enumerate(names):
            had = member[pos[usable], j]
            n_w = np.bincount(c[had], minlength=k)
            n_wo = np.bincount(c[~had], minlength=k)
            both = (n_w > 0) & (n_wo > 0)
            row = {
                "predictor": tag,
                "outcome": y,
                "lag": lag,
                "effect": np.nan,
                "ci95_low": np.nan,
                "ci95_high": np.nan,
                "p_val": np.nan,
                "n_with": int(n_w.sum()),
                "n_without": int(n_wo.sum()),
                "n_subjects": int(both.sum()),
                "_few": True,
            }
            rows.append(row)
            n_both_w, n_both_wo = int(n_w[both].sum()), int(n_wo[both].sum())
            if row["n_subjects"] == 0:
                notes.append(
                    f"tag {tag!r} (lag {lag}): {row['n_with']} day(s) after a day with "
                    f"it and {row['n_without']} without; nothing to compare"
                )
                continue
            if min(n_both_w, n_both_wo) < min_days:
                notes.append(
                    f"tag {tag!r} (lag {lag}): {n_both_w} day(s) with and {n_both_wo} "
                    f"without (min_days={min_days}); no estimate"
                )
                continue
            row["_few"] = False
            if single:
                x = _on_grid(member[:, j].astype("float64"), day, lag)
                fit = _grid_fit(yg, x, serial, trend=trend)
                row.update(
                    effect=fit["effect"],
                    ci95_low=fit["ci95_low"],
                    ci95_high=fit["ci95_high"],
                    p_val=fit["p_val"],
                )
                continue
            s_w = np.bincount(c[had], yy[had], minlength=k)[both]
            s_wo = np.bincount(c[~had], yy[~had], minlength=k)[both]
            d = s_w / n_w[both] - s_wo / n_wo[both]
            row.update(_persons_t(d))
            if row["n_subjects"] < 2:
                notes.append(
                    f"tag {tag!r} (lag {lag}): only 1 person has days with and without it; "
                    "a cohort test needs at least 2"
                )
            elif row["n_subjects"] < 10:
                notes.append(
                    f"tag {tag!r} (lag {lag}): only {row['n_subjects']} persons; the t-test "
                    "keeps its 5% error rate but can find only large differences"
                )
    cols = ["predictor", "outcome", "lag", "effect", "ci95_low", "ci95_high", "p_val"]
    out = pd.DataFrame(rows, columns=[*cols, "n_with", "n_without", "n_subjects", "_few"])
    out = _decide(out, y=y, alpha=alpha, correction=correction)
    out = out[[*cols, "p_adj", "n_with", "n_without", "n_subjects", "reportable", "verdict"]]
    out["method"] = serial if single else "t-test persons"
    out = out.astype({"lag": "int64"})
    return _findings(out, alpha=alpha, correction=correction, notes=notes)
