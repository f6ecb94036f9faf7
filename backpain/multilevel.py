"""Multilevel (mixed) models of diary data: days nested in persons.

:func:`mixed_model` splits each day-level predictor into a person's mean
(*between*) and the day's deviation from it (*within*) and fits a linear
mixed model with a random intercept and, optionally, random slopes for the
within effects, person-level covariates and yesterday's outcome as a control.
:func:`person_effects` gives each person's own slope, shrunk towards the
cohort's (empirical Bayes), and :func:`icc` the share of the outcome's variance
that lies between persons.

The fit maximises the REML likelihood in lme4's parameters (the Cholesky
factor of the random effects' relative covariance, residual variance profiled
out), computed from per-person sums (``Z_i'Z_i``, ``Z_i'X_i``, ``Z_i'y_i``), so
each step costs O(persons), not O(days). It starts from moment estimates (the
spread of per-person least-squares coefficients less their sampling
variance) and uses the analytic gradient. The degrees of freedom for small
samples follow Satterthwaite as in R's lmerTest, computed here from the REML
likelihood. The tests compare estimates, standard errors, degrees of freedom
and p-values with R's lme4 and lmerTest. ``ci="bootstrap"`` refits the model on
persons drawn with replacement, from the same per-person sums.
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import optimize
from scipy import stats as sps

from ._check import argument_error, check_choice, check_columns, check_whole
from ._diary_arrays import (
    Calendar,
    check_dated,
    check_lags,
    numeric_values,
    require_columns,
    shift,
    subject_codes,
)
from ._momentary import check_momentary, is_momentary, previous
from ._results import Result
from .text import Message

__all__ = [
    "MixedModel",
    "MixedModelWarning",
    "PersonEffects",
    "icc",
    "mixed_model",
    "person_effects",
]

_SMALL = 30
"""Fewer persons than this get a small-sample note."""
_COLLINEAR = 1e-9
"""A column whose (uncentred, unit-norm) residual on the columns before it is below this is dropped."""
_QUIET = (
    "analyse.mixed.small_sample",
    "analyse.mixed.small_sample_boot",
    "analyse.mixed.bootstrap",
)
"""Notes that go into the table but are not warned."""


@dataclasses.dataclass(frozen=True, repr=False, eq=False)
class MixedModel(Result):
    """A fitted mixed model: the fixed effects table and the model's statistics.

    The result of :func:`mixed_model`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per term (columns in :func:`mixed_model`'s Returns section).
    n_obs, n_subjects : int
        Days and persons in the fit.
    group_var : float
        Variance of the random intercept.
    cov_re : pandas.DataFrame
        Covariance of the random effects (intercept and slopes).
    scale : float
        Residual variance.
    loglike : float
        REML log-likelihood.
    converged : bool
        Whether the optimiser converged.
    notes : list of Message
        Dropped terms and the model's warnings.
    icc : float
        Intra-class correlation of ``y`` (intercept-only model).
    r2_within, r2_marginal, r2_conditional : float
        Share of within-person variance explained; Nakagawa & Schielzeth's
        marginal (fixed effects) and conditional (fixed and random) R².
    ci : str
        ``"satterthwaite"`` or ``"bootstrap"``: how the intervals were made.
    n_boot, seed : int or None
        The bootstrap's resamples and seed (None without a bootstrap).
    bootstrap_coef : pandas.DataFrame or None
        The bootstrapped coefficients, one row per resample (None without).
    """

    n_obs: int
    n_subjects: int
    group_var: float
    cov_re: pd.DataFrame
    scale: float
    loglike: float
    converged: bool
    notes: list
    icc: float
    r2_within: float
    r2_marginal: float
    r2_conditional: float
    ci: str = "satterthwaite"
    n_boot: int | None = None
    seed: int | None = None
    bootstrap_coef: pd.DataFrame | None = None


@dataclasses.dataclass(frozen=True, repr=False, eq=False)
class PersonEffects(Result):
    """Each person's within-person slope, and the cohort's slope it is shrunk towards.

    The result of :func:`person_effects`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per person (columns in :func:`person_effects`' Returns section).
    predictor, outcome : str
        The columns ``x`` and ``y`` of the model.
    fixed_slope, fixed_se : float
        The cohort's within-person slope and its standard error.
    slope_sd : float
        Standard deviation of the slopes across persons.
    converged : bool
        Whether the optimiser converged.
    notes : list of Message
        The model's warnings.
    """

    predictor: str
    outcome: str
    fixed_slope: float
    fixed_se: float
    slope_sd: float
    converged: bool
    notes: list


class MixedModelWarning(UserWarning):
    """A multilevel model fit that did not converge, is singular, or dropped a term."""


# ------------------------------------------------------------- REML algebra
def _inv_logdet(M: np.ndarray) -> tuple[np.ndarray, float]:
    """Inverses of a stack of small matrices and the sum of their log-determinants.

    1 x 1 and 2 x 2 in closed form (ten times faster than LAPACK's per-matrix
    calls for thousands of persons); larger ones by :mod:`numpy.linalg`.
    The matrices here (``I + Z_i'Z_i T``) have a positive determinant.
    """
    q = M.shape[-1]
    if q == 1:
        return 1.0 / M, float(np.log(M[:, 0, 0]).sum())
    if q == 2:
        a, b, c, d = M[:, 0, 0], M[:, 0, 1], M[:, 1, 0], M[:, 1, 1]
        det = a * d - b * c
        inv = np.empty_like(M)
        inv[:, 0, 0], inv[:, 0, 1] = d / det, -b / det
        inv[:, 1, 0], inv[:, 1, 1] = -c / det, a / det
        return inv, float(np.log(det).sum())
    sign, logdet = np.linalg.slogdet(M)
    if np.any(sign <= 0):
        raise np.linalg.LinAlgError("a per-person matrix is not positive definite")
    return np.linalg.inv(M), float(logdet.sum())


class _Reml:
    """The REML likelihood of ``y = X b + Z u + e`` from per-person sums, in O(persons).

    With ``u_i ~ N(0, G)`` and ``e ~ N(0, s2 I)``, Woodbury's identity gives
    ``V_i^-1 = (I - Z_i G M_i^-1 Z_i') / s2`` with ``M_i = s2 I + Z_i'Z_i G``,
    so every term of the likelihood needs only the sums ``Z_i'Z_i``,
    ``Z_i'X_i``, ``Z_i'y_i`` per person and ``X'X``, ``X'y``, ``y'y``.
    The variance parameters are ``theta = (lower triangle of G, s2)``.
    """

    def __init__(self, y: np.ndarray, X: np.ndarray, Z: np.ndarray, codes: np.ndarray, k: int):
        self.n, self.p = X.shape
        self.q = Z.shape[1]
        self.k = k

        def sums(w: np.ndarray) -> np.ndarray:
            return np.bincount(codes, w, minlength=k)

        q, p = self.q, self.p
        self.ZZ = np.empty((k, q, q))
        for a in range(q):
            for b in range(a, q):
                self.ZZ[:, a, b] = self.ZZ[:, b, a] = sums(Z[:, a] * Z[:, b])
        self.ZX = np.stack(
            [np.stack([sums(Z[:, a] * X[:, j]) for j in range(p)], -1) for a in range(q)], 1
        )
        self.Zy = np.stack([sums(Z[:, a] * y) for a in range(q)], -1)
        self.XX = X.T @ X
        self.Xy = X.T @ y
        self.yy = float(y @ y)
        self.tril = np.tril_indices(q)
        self.count = np.bincount(codes, minlength=k)
        # ordinary least squares, for the moment start of the variance parameters
        self.beta_ols = np.linalg.lstsq(self.XX, self.Xy, rcond=None)[0]  # normal equations
        resid = y - X @ self.beta_ols
        self.rr_ols = sums(resid * resid)

    def covariance(self, vp: np.ndarray) -> tuple[np.ndarray, float]:
        """``(G, s2)`` from lmerTest's variance parameters ``vp = (theta, sigma)``.

        ``theta`` is the lower triangle of the Cholesky factor ``L`` of ``G / s2``
        (lme4's relative covariance factor) and ``sigma`` the residual SD.
        """
        L = np.zeros((self.q, self.q))
        L[self.tril] = vp[:-1]
        s2 = float(vp[-1]) ** 2
        return s2 * (L @ L.T), s2

    def add_person_sums(self, y: np.ndarray, X: np.ndarray, codes: np.ndarray) -> None:
        """Keep each person's ``X_i'X_i``, ``X_i'y_i`` and ``y_i'y_i`` (for :meth:`resampled`)."""
        k, p = self.k, self.p

        def sums(w: np.ndarray) -> np.ndarray:
            return np.bincount(codes, w, minlength=k)

        self.XXi = np.empty((k, p, p))
        for a in range(p):
            for b in range(a, p):
                self.XXi[:, a, b] = self.XXi[:, b, a] = sums(X[:, a] * X[:, b])
        self.Xyi = np.stack([sums(X[:, j] * y) for j in range(p)], -1)
        self.yyi = sums(y * y)

    def resampled(self, idx: np.ndarray) -> _Reml:
        """The likelihood of the persons ``idx`` (a person drawn twice counts as two).

        Needs :meth:`add_person_sums`; costs O(persons), no rows are touched.
        """
        new = object.__new__(_Reml)
        new.p, new.q, new.k, new.tril = self.p, self.q, int(idx.size), self.tril
        new.ZZ, new.ZX, new.Zy = self.ZZ[idx], self.ZX[idx], self.Zy[idx]
        new.count = self.count[idx]
        new.n = int(new.count.sum())
        new.XX = self.XXi[idx].sum(axis=0)
        new.Xy = self.Xyi[idx].sum(axis=0)
        new.yy = float(self.yyi[idx].sum())
        return new

    def _terms(
        self, G: np.ndarray, s2: float
    ) -> tuple[float, float, float, np.ndarray, np.ndarray]:
        """``log|V|``, ``log|X'V^-1 X|``, ``r'V^-1 r``, ``(X'V^-1 X)^-1`` and the GLS fixed effects."""
        M = s2 * np.eye(self.q) + self.ZZ @ G
        Minv, logdet_m = _inv_logdet(M)
        W = G @ Minv  # G M^-1, one q x q per person
        kq = self.k * self.q
        WZX = (W @ self.ZX).reshape(kq, self.p)
        WZy = (W @ self.Zy[:, :, None]).reshape(kq)
        ZX = self.ZX.reshape(kq, self.p)
        XVX = (self.XX - ZX.T @ WZX) / s2
        XVy = (self.Xy - ZX.T @ WZy) / s2
        yVy = (self.yy - float(self.Zy.reshape(kq) @ WZy)) / s2
        A = np.linalg.inv(XVX)
        beta = A @ XVy
        logdet_v = (self.n - self.k * self.q) * np.log(s2) + logdet_m
        return logdet_v, np.linalg.slogdet(XVX)[1], float(yVy - beta @ XVy), A, beta

    def parts(self, vp: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
        """(REML log-likelihood, covariance of the fixed effects, fixed effects) at ``vp``."""
        G, s2 = self.covariance(vp)
        logdet_v, logdet_xvx, rvr, A, beta = self._terms(G, s2)
        ll = -0.5 * (logdet_v + logdet_xvx + rvr + (self.n - self.p) * np.log(2 * np.pi))
        return float(ll), A, beta

    def _profiled(self, theta: np.ndarray) -> tuple[float, float]:
        """REML log-likelihood with the residual variance profiled out, and that variance."""
        L = np.zeros((self.q, self.q))
        L[self.tril] = theta
        logdet_v, logdet_xvx, rvr, _, _ = self._terms(L @ L.T, 1.0)
        dof = self.n - self.p
        s2 = rvr / dof
        ll = -0.5 * (dof * (np.log(s2) + 1 + np.log(2 * np.pi)) + logdet_v + logdet_xvx)
        return float(ll), float(s2)

    def objective(self, theta: np.ndarray) -> tuple[float, np.ndarray]:
        """Negative profiled REML log-likelihood in ``theta`` and its gradient (analytic).

        With ``T = L L'`` (``G / s2``), ``M_i = I + Z_i'Z_i T`` and ``r`` the GLS
        residual, the derivative of ``-2 log L`` in ``T`` is
        ``sum_i M_i^-1 Z_i'Z_i - sum_i R_i A R_i' - sum_i s_i s_i' / s2`` with
        ``R_i = M_i^-1 Z_i'X_i = Z_i'V_i^-1 X_i``, ``s_i = Z_i'V_i^-1 r_i`` and
        ``A = (X'V^-1 X)^-1``; the chain rule through ``T = L L'`` gives ``F L``.
        Each evaluation costs O(persons).
        """
        q = self.q
        L = np.zeros((q, q))
        L[self.tril] = theta
        T = L @ L.T
        M = np.eye(q) + self.ZZ @ T
        Minv, logdet_m = _inv_logdet(M)
        R = Minv @ self.ZX  # k x q x p
        S = Minv @ self.Zy[:, :, None]  # k x q x 1: Z_i'V_i^-1 y_i
        # X'V^-1 X = X'X - sum_i X_i'Z_i T M_i^-1 Z_i'X_i, and T M_i^-1 Z_i'X_i = T R_i
        kq = self.k * q
        ZX = self.ZX.reshape(kq, self.p)
        TS = (T @ S).reshape(kq)
        XVX = self.XX - ZX.T @ (T @ R).reshape(kq, self.p)
        XVy = self.Xy - ZX.T @ TS
        yVy = self.yy - float(self.Zy.reshape(kq) @ TS)
        A = np.linalg.inv(XVX)
        beta = A @ XVy
        rvr = yVy - float(beta @ XVy)
        dof = self.n - self.p
        s2 = rvr / dof
        logdet_xvx = np.linalg.slogdet(XVX)[1]
        nll = 0.5 * (dof * (np.log(s2) + 1 + np.log(2 * np.pi)) + logdet_m + logdet_xvx)
        s = S[:, :, 0] - R @ beta  # Z_i'V_i^-1 (y_i - X_i b)
        F = (
            np.tensordot(Minv, self.ZZ, axes=([0, 2], [0, 1]))  # sum_i M_i^-1 Z_i'Z_i
            - np.tensordot(R @ A, R, axes=([0, 2], [0, 2]))  # sum_i R_i A R_i'
            - (s.T @ s) / s2
        )
        F = 0.5 * (F + F.T)
        grad = (F @ L)[self.tril]
        return float(nll), grad

    def start(self) -> np.ndarray:
        """Moment estimate of ``theta``: the spread of per-person OLS coefficients.

        Each person's coefficients on ``Z`` (of the residuals of an ordinary
        least-squares fit of ``y`` on ``X``) vary by ``G`` plus their sampling
        covariance ``s2 (Z_i'Z_i)^-1``; so ``G ~ cov(b_i) - s2 mean((Z_i'Z_i)^-1)``,
        with ``s2`` the pooled within-person residual variance, made positive
        definite. A start near the optimum saves most of the iterations.
        """
        q = self.q
        ZZ, Zr, rr = self.ZZ, self.Zy - self.ZX @ self.beta_ols, self.rr_ols
        det = np.linalg.det(ZZ)
        scale = np.einsum("kaa->k", ZZ) ** q
        ok = (det > 1e-8 * scale) & (self.count > q)
        T0 = np.eye(q) * 0.5
        if np.count_nonzero(ok) >= max(3, q + 1):
            inv = np.linalg.inv(ZZ[ok])
            b = np.einsum("kab,kb->ka", inv, Zr[ok])
            rss = rr[ok] - np.einsum("ka,ka->k", Zr[ok], b)
            s2 = max(float(rss.sum()) / float((self.count[ok] - q).sum()), 1e-12)
            G0 = np.atleast_2d(np.cov(b, rowvar=False)) - s2 * inv.mean(axis=0)
            w, v = np.linalg.eigh(0.5 * (G0 + G0.T) / s2)
            w = np.maximum(w, 1e-2 * max(w.max(), 1e-2))
            T0 = (v * w) @ v.T
        L = np.linalg.cholesky(T0)
        return L[self.tril]

    def maximise(self, start: np.ndarray | None = None) -> np.ndarray:
        """REML estimate of ``vp`` (diagonal of ``L`` >= 0, as lme4 reports it).

        ``start`` is ``theta`` (default :meth:`start`). BFGS on the profiled
        likelihood with its analytic gradient, over every lower-triangular
        ``L`` (flipping the sign of a column of ``L`` leaves ``G`` unchanged, so
        no bounds are needed, and a bound would trap the search: the gradient
        in a diagonal element vanishes where it is zero). A diagonal element
        that ends near zero gets a second try from a start away from it.
        Newton steps on the gradient's finite-difference Hessian then find the
        optimum to rounding rather than to an optimiser's stopping rule.
        """
        diag = self.tril[0] == self.tril[1]
        theta0 = self.start() if start is None else np.asarray(start, dtype="float64")
        theta, f = self._descend(self._canonical(theta0))
        for j in np.flatnonzero(diag):
            big = max(float(np.max(theta[diag])), 1e-2)
            if theta[j] < 1e-3 * big:
                retry = theta.copy()
                retry[j] = 0.5 * big
                other, f_other = self._descend(retry)
                if f_other < f - 1e-9 * max(1.0, abs(f)):
                    theta, f = other, f_other
        theta = self._newton(theta, diag)

        def nll(theta: np.ndarray) -> float:
            return self.objective(theta)[0]

        gradient = self._gradient(nll, theta, diag)
        if gradient >= 2e-3:
            # BFGS can stop on a flat ridge: polish without derivatives
            opts = {"xatol": 1e-10, "fatol": 1e-12, "maxiter": 4000 * theta.size}
            res = optimize.minimize(nll, theta, method="Nelder-Mead", options=opts)
            if res.fun < nll(theta):
                theta = self._canonical(res.x)
            gradient = self._gradient(nll, theta, diag)
        # converged as lme4 judges it: the Newton step H^-1 g is below 0.002
        self.converged = bool(gradient < 2e-3)
        self.gradient = gradient
        return np.r_[theta, np.sqrt(self._profiled(theta)[1])]

    def _canonical(self, theta: np.ndarray) -> np.ndarray:
        """``theta`` with the columns of ``L`` whose diagonal is negative negated (same ``G``)."""
        L = np.zeros((self.q, self.q))
        L[self.tril] = theta
        return (L * np.where(np.diag(L) < 0, -1.0, 1.0))[self.tril]

    def _descend(self, theta0: np.ndarray, gtol: float = 1e-9) -> tuple[np.ndarray, float]:
        """BFGS from ``theta0`` (no bounds); the canonical optimum and its objective.

        BFGS, not L-BFGS-B: scipy's L-BFGS-B calls BLAS for its tiny matrices,
        and a threaded BLAS on a busy machine makes each call cost milliseconds.
        """
        f0 = self.objective(theta0)[0]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # overflow on a wild trial step
            res = optimize.minimize(
                self.objective,
                theta0,
                jac=True,
                method="BFGS",
                options={"gtol": gtol, "maxiter": 1000},
            )
        if not res.fun <= f0:
            return theta0, f0
        return self._canonical(res.x), float(res.fun)

    def _newton(self, theta: np.ndarray, diag: np.ndarray, steps: int = 4) -> np.ndarray:
        """Newton steps on the free parameters while they lower the objective."""
        f, g = self.objective(theta)
        for _ in range(steps):
            free = ~(diag & (theta <= 0))
            idx = np.flatnonzero(free)
            if idx.size == 0:
                break
            h = 1e-4 * np.maximum(np.abs(theta), 1e-2)
            H = np.empty((idx.size, idx.size))
            for a, i in enumerate(idx):
                e = np.zeros_like(theta)
                e[i] = h[i]
                H[:, a] = (
                    self.objective(theta + e)[1][idx] - self.objective(theta - e)[1][idx]
                ) / (2 * h[i])
            H = 0.5 * (H + H.T)
            try:
                np.linalg.cholesky(H)
                step = np.linalg.solve(H, g[idx])
            except np.linalg.LinAlgError:
                break
            new = theta.copy()
            new[idx] -= step
            new = np.where(diag, np.maximum(new, 0.0), new)
            f_new, g_new = self.objective(new)
            if not f_new <= f:
                break
            done = np.max(np.abs(step)) < 1e-10 * max(1.0, np.max(np.abs(theta)))
            theta, f, g = new, f_new, g_new
            if done:
                break
        return theta

    @staticmethod
    def _gradient(nll: Any, theta: np.ndarray, diag: np.ndarray) -> float:
        """lme4's convergence measure: the largest Newton step ``|H^-1 g|`` (central differences).

        Components held at their bound (a zero diagonal of ``L`` pushed outwards)
        are left out; a Hessian that is not positive definite counts as not converged.
        """
        free = ~(diag & (theta <= 0))
        idx = np.flatnonzero(free)
        if idx.size == 0:
            return 0.0
        step = 1e-3 * np.maximum(np.abs(theta), 1e-2)
        f0 = nll(theta)
        m = idx.size
        g, H = np.empty(m), np.empty((m, m))
        unit = np.eye(theta.size)
        for a, i in enumerate(idx):
            up, down = nll(theta + step[i] * unit[i]), nll(theta - step[i] * unit[i])
            g[a] = (up - down) / (2 * step[i])
            H[a, a] = (up - 2 * f0 + down) / step[i] ** 2
            for b in range(a):
                j = idx[b]
                ei, ej = step[i] * unit[i], step[j] * unit[j]
                f = [
                    nll(theta + ei + ej),
                    nll(theta + ei - ej),
                    nll(theta - ei + ej),
                    nll(theta - ei - ej),
                ]
                H[a, b] = H[b, a] = (f[0] - f[1] - f[2] + f[3]) / (4 * step[i] * step[j])
        try:
            np.linalg.cholesky(H)
            return float(np.max(np.abs(np.linalg.solve(H, g))))
        except np.linalg.LinAlgError:
            return np.inf

    def blups(self, vp: np.ndarray, beta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per-person BLUPs ``u_i`` and their conditional covariances ``s2 G M_i^-1``."""
        G, s2 = self.covariance(vp)
        M = s2 * np.eye(self.q) + self.ZZ @ G
        W = G @ np.linalg.inv(M)
        resid = self.Zy - self.ZX @ beta  # Z_i'(y_i - X_i b)
        return np.einsum("kab,kb->ka", W, resid), s2 * W

    def satterthwaite(self, vp: np.ndarray) -> np.ndarray:
        """Satterthwaite degrees of freedom of each fixed effect, as lmerTest computes them.

        ``dof_j = 2 A_jj^2 / (g' C g)`` with ``A`` the fixed effects' covariance,
        ``g`` the gradient of ``A_jj`` in ``vp = (theta, sigma)`` and ``C`` the
        inverse of the negative Hessian of the REML log-likelihood in ``vp``
        (central differences; lmerTest uses numDeriv in the same parameters).
        """
        h = 2e-3 * np.maximum(np.abs(vp), 1e-2)  # smaller steps lose digits to rounding
        # Richardson extrapolation of central differences at steps h and h/2 (as numDeriv)
        grad1, H1 = self._derivatives(vp, h)
        grad2, H2 = self._derivatives(vp, h / 2)
        grad, H = (4 * grad2 - grad1) / 3, (4 * H2 - H1) / 3
        A0 = self.parts(vp)[1]
        C = np.linalg.inv(-H)
        var = np.einsum("mp,mn,np->p", grad, C, grad)
        return 2 * np.diag(A0) ** 2 / var

    def _derivatives(self, vp: np.ndarray, h: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Central differences: gradient of ``diag(A)`` (m x p) and Hessian of the log-likelihood."""
        m = vp.size
        ll0 = self.parts(vp)[0]
        diag = np.empty((2, m, self.p))
        ll1 = np.empty((2, m))
        for i in range(m):
            for s, sign in enumerate((1, -1)):
                t = vp.copy()
                t[i] += sign * h[i]
                ll1[s, i], A, _ = self.parts(t)
                diag[s, i] = np.diag(A)
        grad = (diag[0] - diag[1]) / (2 * h[:, None])
        H = np.empty((m, m))
        for i in range(m):
            H[i, i] = (ll1[0, i] - 2 * ll0 + ll1[1, i]) / h[i] ** 2
            for j in range(i):
                f = []
                for si, sj in ((1, 1), (1, -1), (-1, 1), (-1, -1)):
                    t = vp.copy()
                    t[i] += si * h[i]
                    t[j] += sj * h[j]
                    f.append(self.parts(t)[0])
                H[i, j] = H[j, i] = (f[0] - f[1] - f[2] + f[3]) / (4 * h[i] * h[j])
        return grad, H


def _fit_intercept_only(y: np.ndarray, codes: np.ndarray, k: int) -> tuple[float, float]:
    """REML variances (between, within) of the empty model ``y ~ 1 + (1 | person)``."""
    one = np.ones((y.size, 1))
    reml = _Reml(y, one, one, codes, k)
    G, s2 = reml.covariance(reml.maximise())
    return float(G[0, 0]), s2


# ------------------------------------------------------------- the design
def _names(x: object) -> tuple[str, ...]:
    if isinstance(x, str):
        return (x,)
    return tuple(dict.fromkeys(x))  # type: ignore[arg-type]


def _lags_of(x: tuple[str, ...], lag: object) -> dict[str, tuple[int, ...]]:
    if isinstance(lag, Mapping):
        unknown = [p for p in lag if p not in x]
        if unknown:
            msg = f"lag names predictor(s) {unknown!r} that are not in x={list(x)!r}"
            raise argument_error(msg, func="mixed_model")
        lag_of = {p: check_lags(lag.get(p, 0), func="mixed_model") for p in x}
    else:
        lags = check_lags(lag, func="mixed_model")
        lag_of = dict.fromkeys(x, lags)
    return {p: tuple(sorted(set(v))) for p, v in lag_of.items()}


def _person_columns(
    data: pd.DataFrame,
    covariates: tuple[str, ...],
    persons: pd.DataFrame | None,
    subject: str,
    func: str,
) -> dict[str, np.ndarray]:
    """Person-level covariates as float columns aligned with ``data`` (categories as 0/1 dummies)."""
    if persons is not None:
        hint = f"persons must hold one row per person with the person's id in {subject!r}"
        check_columns(persons, [subject], name="persons", func=func, hint=hint)
        twice = persons[subject][persons[subject].duplicated()]
        if len(twice):
            msg = (
                f"persons has {len(twice)} repeated {subject!r} value(s) "
                f"(first: {str(twice.iloc[0])!r}); keep one row per person"
            )
            raise argument_error(msg, func=func)
        lookup = persons.set_index(subject)
    out: dict[str, np.ndarray] = {}
    for name in covariates:
        if name in data.columns:
            values = data[name]
        elif persons is not None and name in lookup.columns:
            keys = data[subject].astype(lookup.index.dtype) if len(data) else data[subject]
            values = lookup[name].reindex(keys.to_numpy())
            values.index = data.index
        else:
            msg = (
                f"covariate {name!r} is neither a column of data nor of persons; pass "
                "persons= (e.g. backpain.cohort_table() output) or merge it into data"
            )
            raise argument_error(msg, func=func)
        per = values.groupby(data[subject].to_numpy(), sort=False).nunique()
        if (per > 1).any():
            who = per.index[per > 1][0]
            msg = (
                f"covariate {name!r} takes {int(per[who])} different values for subject "
                f"{str(who)!r}; a person-level covariate has one value per person (put a "
                "day-level variable in x)"
            )
            raise argument_error(msg, func=func)
        if pd.api.types.is_bool_dtype(values) or pd.api.types.is_numeric_dtype(values):
            out[name] = values.to_numpy(dtype="float64", na_value=np.nan)
            continue
        cats = pd.Categorical(values)
        codes = cats.codes
        for i, level in enumerate(cats.categories[1:], start=1):  # first level is the reference
            out[f"{name}[{level}]"] = np.where(codes < 0, np.nan, (codes == i).astype("float64"))
    return out


def _independent(X: np.ndarray) -> tuple[list[int], dict[int, list[int]]]:
    """Columns of ``X`` kept in order, and for each dropped one the kept columns it depends on."""
    norms = np.sqrt(np.einsum("ij,ij->j", X, X))
    gram = (X.T @ X) / np.outer(np.maximum(norms, 1e-300), np.maximum(norms, 1e-300))
    kept: list[int] = []
    dropped: dict[int, list[int]] = {}
    for j in range(X.shape[1]):
        if norms[j] == 0:
            dropped[j] = []
            continue
        if kept:
            g = gram[np.ix_(kept, kept)]
            b = gram[kept, j]
            coef = np.linalg.solve(g, b)
            resid = gram[j, j] - b @ coef
        else:
            coef, resid = np.zeros(0), 1.0
        if resid < _COLLINEAR:
            dropped[j] = [kept[i] for i in np.flatnonzero(np.abs(coef) > 1e-6)]
        else:
            kept.append(j)
    return kept, dropped


def _slopes_of(random_slopes: object, x: tuple[str, ...], func: str) -> tuple[str, ...]:
    if random_slopes is True:
        return x
    if random_slopes is False or random_slopes is None:
        return ()
    wanted = _names(random_slopes)
    unknown = [p for p in wanted if p not in x]
    if unknown:
        msg = (
            f"random_slopes names predictor(s) {unknown!r} that are not in x={list(x)!r}; "
            "pass True, False or a list of predictors from x"
        )
        raise argument_error(msg, func=func)
    return wanted


def _few_subjects(names: list, *, func: str) -> ValueError:
    """The error for data with fewer than two persons with complete rows."""
    msg = (
        f"a multilevel model needs data from at least 2 persons, but only {len(names)} "
        f"person(s) ({names!r}) have complete rows; for one person use "
        "backpain.lagged_corr() or backpain.within_corr()"
    )
    return argument_error(msg, func=func)


class _Fit:
    """A fitted model: the design, the REML algebra and its optimum."""

    def __init__(
        self,
        data: pd.DataFrame,
        *,
        y: str,
        x: tuple[str, ...],
        lag_of: dict[str, tuple[int, ...]],
        subject: str,
        covariates: tuple[str, ...],
        persons: pd.DataFrame | None,
        slopes: tuple[str, ...],
        lagged_outcome: bool,
        func: str,
    ) -> None:
        momentary = is_momentary(data)
        if momentary:  # experience sampling: rows are prompts, lags stay within the day
            check_momentary(data, [y, *x], func)
        else:
            check_dated(data, [y, *x], subject=subject, func=func)
        person_cols = _person_columns(data, covariates, persons, subject, func)
        codes, k = subject_codes(data, subject)
        yv = numeric_values(data, y, func=func)
        max_lag = max([*(max(v) for v in lag_of.values()), int(lagged_outcome)])
        cal = None if momentary else Calendar(codes, data["date"], max_lag)
        positions: dict[int, np.ndarray] = {}

        def at(values: np.ndarray, L: int) -> np.ndarray:
            if cal is None and L == 0:
                return values
            if L not in positions:
                positions[L] = cal.positions(L) if cal else previous(data, L, overnight=False)
            return shift(values, positions[L])

        raw = {(p, L): at(numeric_values(data, p, func=func), L) for p in x for L in lag_of[p]}
        y_lag = at(yv, 1) if lagged_outcome else None
        ok = (codes >= 0) & np.isfinite(yv)
        for v in [*raw.values(), *person_cols.values(), *([] if y_lag is None else [y_lag])]:
            ok &= np.isfinite(v)
        c = codes[ok]
        if c.size == 0:
            msg = f"no row has {y!r} and every predictor {list(x)!r} (at their lags)"
            raise argument_error(msg, func=func)
        count = np.bincount(c, minlength=k)
        present = np.flatnonzero(count)
        if present.size < 2:
            raise _few_subjects(pd.unique(data[subject].to_numpy()[ok]).tolist(), func=func)
        # renumber persons with rows 0..m-1 so every per-person array is dense
        remap = np.full(k, -1)
        remap[present] = np.arange(present.size)
        c = remap[c]
        k = present.size
        count = count[present]
        self.subjects = pd.Index(pd.unique(data[subject].to_numpy()[ok]))
        self.codes, self.k, self.count = c, k, count
        self.y = yv[ok]

        def mean_of(v: np.ndarray) -> np.ndarray:
            return np.bincount(c, v, minlength=k) / count

        columns: dict[str, np.ndarray] = {"Intercept": np.ones(c.size)}
        meta: dict[str, tuple[object, object, str]] = {"Intercept": (pd.NA, pd.NA, "intercept")}
        self.notes: list[Message] = []
        self.term_notes: dict[str, list[Message]] = {}
        within_of: dict[str, list[str]] = {}
        for p in x:
            for L in lag_of[p]:
                v = raw[p, L][ok]
                dev = v - mean_of(v)[c]
                term = f"{p}_within" if L == 0 else f"{p}_lag{L}_within"
                if np.max(np.abs(dev)) <= 1e-10 * max(np.max(np.abs(v)), 1.0):
                    if L == lag_of[p][0]:
                        note = Message("analyse.mixed.no_within", name=p)
                        self.notes.append(note)
                    continue
                columns[term] = dev
                meta[term] = (p, L, "within")
                within_of.setdefault(p, []).append(term)
        if y_lag is not None:
            v = y_lag[ok]
            columns[f"{y}_lag1_within"] = v - mean_of(v)[c]
            meta[f"{y}_lag1_within"] = (y, 1, "within")
        for p in x:
            L = lag_of[p][0]
            columns[f"{p}_between"] = mean_of(raw[p, L][ok])[c]
            meta[f"{p}_between"] = (p, L, "between")
        for name, v in person_cols.items():
            columns[name] = v[ok]
            meta[name] = (name.split("[")[0], pd.NA, "person")
        names = list(columns)
        X = np.column_stack([columns[t] for t in names])
        kept, dropped = _independent(X)
        for j, on in dropped.items():
            others = [names[i] for i in on] or ["nothing (it is all zero)"]
            self.term_notes[names[j]] = [
                Message("analyse.mixed.collinear", term=names[j], others=others)
            ]
        self.all_terms = names
        self.meta = meta
        self.terms = [names[j] for j in kept]
        self.X = X[:, kept]
        self.re_terms = [
            "Intercept",
            *(t for p in slopes for t in within_of.get(p, []) if t in self.terms),
        ]
        self.Z = np.column_stack([columns[t] for t in self.re_terms])
        self.y_name = y
        self._fit_engine()

    def _fit_engine(self) -> None:
        self.reml = _Reml(self.y, self.X, self.Z, self.codes, self.k)
        self.theta = self.reml.maximise()
        self.G, self.s2 = self.reml.covariance(self.theta)
        self.loglike, self.cov, self.beta = self.reml.parts(self.theta)
        self.converged = self.reml.converged
        if not self.converged:
            step = f"largest Newton step of the REML fit {self.reml.gradient:.2g}"
            self.notes.append(Message("analyse.mixed.not_converged", detail=step))
        # lme4's isSingular(): a diagonal element of the relative Cholesky factor below 1e-4
        sd = np.sqrt(np.clip(np.diag(self.G), 0, None))
        scale = np.outer(sd, sd)  # a variance of exactly 0 gives correlations of 0, not 0/0
        corr = np.divide(self.G, scale, out=np.zeros_like(self.G), where=scale > 0)
        eig = np.linalg.eigvalsh(self.G / self.s2)
        if eig.min() < 1e-8 * max(eig.max(), 1e-300) or (sd / np.sqrt(self.s2)).min() < 1e-4:
            big = np.abs(corr[np.triu_indices(len(sd), 1)])
            detail = ", ".join(
                [f"{t}: SD {v:.3g}" for t, v in zip(self.re_terms, sd, strict=True)]
                + ([f"largest |correlation| {big.max():.3f}"] if big.size else [])
            )
            self.notes.append(Message("analyse.mixed.singular", detail=detail))


# ------------------------------------------------------------ mixed model
def mixed_model(
    data: pd.DataFrame,
    *,
    y: str = "pain",
    x: Sequence[str] = ("stress", "sleep_quality", "active_minutes"),
    lag: int | Sequence[int] | Mapping[str, int | Sequence[int]] = 0,
    subject: str = "subject",
    random_slopes: bool | Sequence[str] = False,
    covariates: Sequence[str] = (),
    persons: pd.DataFrame | None = None,
    lagged_outcome: bool = False,
    ci: str = "satterthwaite",
    n_boot: int = 1000,
    seed: int | None = None,
) -> MixedModel:
    """Multilevel model of ``y`` on within- and between-person parts of predictors.

    Fits a linear mixed model by restricted maximum likelihood (REML) in which each
    predictor is split into the person's mean (``between``) and the day's
    deviation from it (``within``), the usual decomposition for diary data
    (person-mean centring, Curran & Bauer 2011). Every person has a random
    intercept and, with ``random_slopes``, a random slope for the within
    effects (an unstructured covariance, as lme4's ``(1 + x | subject)``).

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary (one row per subject and calendar day), or the
        momentary table of an experience-sampling study
        (:func:`backpain.read.esm.read_esm`: one row per prompt, prompts
        nested in persons; a lag is then in prompts within the same day,
        never across the night, as :func:`backpain.esm.lagged`).
    y : str
        Outcome on day ``t``.
    x : sequence of str
        Day-level predictors.
    lag : int, sequence of int, or dict
        Lag(s) in calendar days for every predictor, or a dict mapping a
        predictor to its lag(s) (predictors not in the dict get lag 0), e.g.
        ``{"stress": (0, 1)}``.
    subject : str
        Column identifying the person.
    random_slopes : bool or sequence of str
        Give the within effects of these predictors (``True``: of all of
        ``x``) a random slope per person. Without them the within effect's
        standard error is too small when people's slopes differ.
    covariates : sequence of str
        Person-level covariates (one value per person, e.g. ``age``, ``sex``,
        ``odi_score``), columns of ``data`` or of ``persons``. Text and
        categorical columns enter as 0/1 terms ``name[level]`` against their
        first level.
    persons : pandas.DataFrame, optional
        One row per person with a ``subject`` column, e.g. the output of
        :func:`backpain.cohort_table` or a survey, holding ``covariates``.
    lagged_outcome : bool
        Control for yesterday's outcome: adds ``<y>_lag1_within``, the
        person-centred ``y`` of the previous calendar day (a day without a
        previous day in the diary is left out).
    ci : {"satterthwaite", "bootstrap"}
        How ``p_val`` and the 95% CI are made: from the t distribution with
        Satterthwaite's degrees of freedom (the default, as lmerTest), or
        from a person-level bootstrap: the model refitted on ``n_boot``
        resamples of the persons (see Notes).
    n_boot : int
        Number of bootstrap resamples (``ci="bootstrap"``).
    seed : int, optional
        Seed of the bootstrap (``numpy.random.default_rng(seed)``). The
        bootstrap shows a progress bar as ``backpain.config(progress=...)``
        says (by default only in a terminal or Jupyter), labelled in
        ``backpain.config(lang=...)``.

    Returns
    -------
    MixedModel
        ``table``: one row per model term with columns:

        * ``term``: ``"Intercept"``, ``"<predictor>_within"``,
          ``"<predictor>_lag<k>_within"``, ``"<predictor>_between"`` or a
          covariate (``"age"``, ``"sex[M]"``);
        * ``predictor`` (missing for the intercept), ``lag`` (Int64);
        * ``level``: ``"intercept"``, ``"within"``, ``"between"`` or ``"person"``;
        * ``coef``, ``se``: estimate and standard error;
        * ``dof``: Satterthwaite degrees of freedom (lmerTest's method);
        * ``t``, ``p_val``, ``ci95_low``, ``ci95_high``: ``coef / se``, the
          two-sided p and the 95% CI from the t distribution with ``dof``;
        * ``std_coef``: the coefficient in standard deviations of ``y`` per
          standard deviation of the term, both at the term's level (see Notes);
        * ``random_sd``: the standard deviation of the term's random effect
          across persons (missing when it has none);
        * ``converged`` (bool, the same on every row) and ``note`` (text:
          why a term was dropped, and the model's warnings), so a CSV or HTML
          copy of the table carries them.

        A term that cannot be estimated (no within-person variation, or a
        linear combination of others) keeps its row with missing numbers and
        a note. The other fields of :class:`MixedModel`: ``n_obs``,
        ``n_subjects``, ``group_var`` (random-intercept variance), ``cov_re``
        (random-effect covariance), ``scale`` (residual variance),
        ``loglike`` (REML), ``converged``, ``notes`` (a list of
        :class:`backpain.text.Message`), ``icc``, ``r2_within``,
        ``r2_marginal``, ``r2_conditional`` and ``ci`` (``"satterthwaite"`` or
        ``"bootstrap"``; with a bootstrap also ``n_boot``, ``seed`` and
        ``bootstrap_coef``).

    Warns
    -----
    MixedModelWarning
        When the fit did not converge, is singular, or a term was dropped.

    Raises
    ------
    ValueError
        Unknown columns, fewer than two persons with complete rows, or a
        covariate that changes within a person.

    Notes
    -----
    Rows with ``y``, a lagged predictor or a covariate missing are dropped (a
    lag is in calendar days, as in :func:`backpain.lagged_corr`; in a momentary
    table, in prompts of the same day, so the first prompt of a day has no lag). Person means
    are taken over the rows that enter the model, so within and between parts
    are uncorrelated. A predictor with several lags gets one within term per
    lag and one between term (the mean at its smallest lag). A predictor that
    never varies within a person has only its between term. The lagged
    outcome enters within persons only: its person mean is (nearly) the
    person's mean outcome, which the random intercept already holds
    (Hamaker & Grasman 2015).

    *Degrees of freedom.* ``dof = 2 A^2 / (g' C g)``, where ``A`` is the
    variance of the coefficient, ``g`` its gradient in the variance
    parameters and ``C`` their asymptotic covariance from the REML Hessian
    (Satterthwaite 1946; Kuznetsova, Brockhoff & Christensen 2017). With few
    persons this is near the number of persons, not the number of days, so
    p-values are honest; fewer than 30 persons also add a note.

    *Bootstrap* (``ci="bootstrap"``). Persons are drawn with replacement
    (a person drawn twice counts as two) and the model is refitted by REML
    from the per-person sums, starting from the full-data optimum (a refit
    agrees with a full :func:`mixed_model` of the drawn persons to about 1e-5
    standard errors; 1000 refits of 40 persons take seconds); the CI is
    the percentile interval of the refitted coefficients (order statistics
    ``ceil(0.025 B)`` from each end) and ``p_val = 2 min(#(b <= 0), #(b >= 0))
    / B``, so ``p < 0.05`` exactly when the CI excludes 0, as in
    :func:`backpain.what_helps`. It needs no assumption about the
    distribution of the random effects, but with fewer than about 30 persons
    percentile intervals tend to be too narrow, and a note says so.
    ``coef``, ``se``, ``dof`` and ``t`` stay the model's; the result adds
    ``ci``, ``n_boot``, ``seed`` and ``bootstrap_coef`` (a DataFrame, one row
    per resample; a resample whose design is singular is a row of NaN and is
    left out).

    *Explained variance.* ``icc`` is the intraclass correlation of ``y``
    from the empty model ``y ~ 1 + (1 | subject)``: between-person variance
    over total variance (Snijders & Bosker 2012, sec. 3.3). ``r2_within`` is
    the proportional reduction of the within-person (residual) variance from
    the empty model to this one (Raudenbush & Bryk 2002, sec. 4.3).
    ``r2_marginal`` and ``r2_conditional`` are Nakagawa & Schielzeth's (2013)
    R² of the fixed effects and of fixed plus random effects, with Johnson's
    (2014) extension to random slopes.

    *Standardised coefficients* (``std_coef``): a within term is multiplied
    by the SD of its within-person deviations over the SD of ``y``'s
    within-person deviations; a between or person-level term by its SD across
    persons over the SD of ``y``'s person means (the level-specific
    standardisation of Schuurman et al. 2016).

    Checked against R: lme4 1.1 ``lmer(REML = TRUE)`` estimates, standard
    errors and variance components, and lmerTest's Satterthwaite ``df`` and
    p-values (the tests give the tolerances), and on
    :func:`backpain.simulate.simulate_cohort` data: the simulator's true
    within-person effects lie inside the 95% CIs.

    References
    ----------
    .. [1] Curran, P. J., & Bauer, D. J. (2011). The disaggregation of
       within-person and between-person effects in longitudinal models of
       change. Annual Review of Psychology, 62, 583-619.
    .. [2] Kuznetsova, A., Brockhoff, P. B., & Christensen, R. H. B. (2017).
       lmerTest package: tests in linear mixed effects models. Journal of
       Statistical Software, 82(13).
    .. [3] Snijders, T. A. B., & Bosker, R. J. (2012). Multilevel Analysis
       (2nd ed.). Sage.
    .. [4] Raudenbush, S. W., & Bryk, A. S. (2002). Hierarchical Linear
       Models (2nd ed.). Sage.
    .. [5] Nakagawa, S., & Schielzeth, H. (2013). A general and simple method
       for obtaining R² from generalized linear mixed-effects models. Methods
       in Ecology and Evolution, 4(2), 133-142.
    .. [6] Johnson, P. C. D. (2014). Extension of Nakagawa & Schielzeth's
       R²GLMM to random slopes models. Methods in Ecology and Evolution,
       5(9), 944-946.
    .. [7] Schuurman, N. K., Ferrer, E., de Boer-Sonnenschein, M., &
       Hamaker, E. L. (2016). How to compare cross-lagged associations in a
       multilevel autoregressive model. Psychological Methods, 21(2), 206-221.
    .. [8] Hamaker, E. L., & Grasman, R. P. P. P. (2015). To center or not to
       center? Investigating inertia with a multilevel autoregressive model.
       Frontiers in Psychology, 5, 1492.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(30, 60, seed=2)
    >>> res = mixed_model(diary, x=("stress",), lag={"stress": (0, 1)})
    >>> res.table[["term", "lag", "level"]]
                     term   lag      level
    0           Intercept  <NA>  intercept
    1       stress_within     0     within
    2  stress_lag1_within     1     within
    3      stress_between     0    between
    >>> res.n_subjects, res.converged, round(res.icc, 2)
    (30, True, 0.58)

    The simulator gives everybody the same within-person slope, so a random
    slope for it is estimated at the boundary and the fit says so:

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     res = mixed_model(diary, x=("stress",), random_slopes=True)
    >>> caught[0].category.__name__, str(caught[0].message)[:12]
    ('MixedModelWarning', 'singular fit')
    """
    func = "mixed_model"
    x = _names(x)
    if not x:
        raise argument_error("x must name at least one predictor, e.g. x=('stress',)", func=func)
    fit = _Fit(
        data,
        y=y,
        x=x,
        lag_of=_lags_of(x, lag),
        subject=subject,
        covariates=_names(covariates),
        persons=persons,
        slopes=_slopes_of(random_slopes, x, func),
        lagged_outcome=lagged_outcome,
        func=func,
    )
    check_choice("ci", ci, ("satterthwaite", "bootstrap"), func=func)
    boot = None
    if ci == "bootstrap":
        check_whole("n_boot", n_boot, low=100, func=func, hint="resamples; 2000 is usual")
        boot = _bootstrap(fit, int(n_boot), np.random.default_rng(seed))
    table, stats = _table(fit, boot)
    if boot is None:
        return MixedModel(table, **stats)
    coef = pd.DataFrame(boot, columns=fit.terms)
    return MixedModel(
        table, **stats, ci="bootstrap", n_boot=int(n_boot), seed=seed, bootstrap_coef=coef
    )


def _bootstrap(fit: _Fit, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Fixed effects refitted on ``n_boot`` resamples of persons (NaN rows: singular design)."""
    from ._progress import progress_bar

    reml = fit.reml
    reml.add_person_sums(fit.y, fit.X, fit.codes)
    theta0 = fit.theta[:-1]
    out = np.full((n_boot, reml.p), np.nan)
    with progress_bar("progress.bootstrap", total=n_boot, unit="progress.unit.item") as bar:
        for b in range(n_boot):
            one = reml.resampled(rng.integers(0, fit.k, fit.k))
            bar.update(1)
            norm = np.sqrt(np.maximum(np.diag(one.XX), 1e-300))
            if np.linalg.eigvalsh(one.XX / np.outer(norm, norm))[0] < _COLLINEAR:
                continue  # e.g. every drawn person has the same value of a covariate
            try:
                theta, _ = one._descend(theta0, gtol=1e-4)
                out[b] = one.parts(np.r_[theta, 1.0])[2]
            except np.linalg.LinAlgError:
                continue
    return out


def _percentile_ci_p(boot: np.ndarray) -> tuple[float, float, float]:
    """95% percentile CI (order statistics) and the two-sided p that inverts it."""
    b = np.sort(boot[np.isfinite(boot)])
    if b.size == 0:
        return np.nan, np.nan, np.nan
    j = int(np.ceil(0.025 * b.size))
    tail = min(np.count_nonzero(b <= 0), np.count_nonzero(b >= 0))
    return float(b[j - 1]), float(b[b.size - j]), float(min(1.0, 2 * tail / b.size))


def _table(fit: _Fit, boot: np.ndarray | None = None) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The table of :func:`mixed_model` and the model's statistics (fields of :class:`MixedModel`)."""
    if fit.k < _SMALL:
        key = "analyse.mixed.small_sample" if boot is None else "analyse.mixed.small_sample_boot"
        fit.notes.append(Message(key, n=fit.k))
    if boot is not None:
        ok = int(np.count_nonzero(np.isfinite(boot).all(axis=1)))
        fit.notes.append(Message("analyse.mixed.bootstrap", n_boot=len(boot), ok=ok, n=fit.k))
    try:
        dof = fit.reml.satterthwaite(fit.theta)
        if not np.all(np.isfinite(dof) & (dof > 0)):
            raise np.linalg.LinAlgError
    except np.linalg.LinAlgError:
        dof = np.full(len(fit.terms), np.inf)
        fit.notes.append(Message("analyse.mixed.dof_failed"))
    se = np.sqrt(np.diag(fit.cov))
    coef = fit.beta
    t = coef / se
    q = sps.t.ppf(0.975, dof)
    p_val, low, high = 2 * sps.t.sf(np.abs(t), dof), coef - q * se, coef + q * se
    if boot is not None:
        low, high, p_val = np.array([_percentile_ci_p(boot[:, j]) for j in range(len(coef))]).T
    std = _standardised(fit)
    sd_re = dict(zip(fit.re_terms, np.sqrt(np.clip(np.diag(fit.G), 0, None)), strict=True))
    model_note = "; ".join(str(m) for m in fit.notes)
    at = np.array([fit.terms.index(t) if t in fit.terms else -1 for t in fit.all_terms])

    def full(values: np.ndarray) -> np.ndarray:
        """Per-term values on every row of the table, NaN for dropped terms."""
        return np.where(at >= 0, np.asarray(values, dtype="float64")[np.maximum(at, 0)], np.nan)

    notes = []
    for term in fit.all_terms:
        own = "; ".join(str(m) for m in fit.term_notes.get(term, []))
        notes.append("; ".join(s for s in (own, model_note) if s))
    out = pd.DataFrame(
        {
            "term": fit.all_terms,
            "predictor": [fit.meta[t][0] for t in fit.all_terms],
            "lag": [fit.meta[t][1] for t in fit.all_terms],
            "level": [fit.meta[t][2] for t in fit.all_terms],
            "coef": full(coef),
            "se": full(se),
            "dof": full(dof),
            "t": full(t),
            "p_val": full(p_val),
            "ci95_low": full(low),
            "ci95_high": full(high),
            "std_coef": full(std),
            "random_sd": [sd_re.get(t, np.nan) for t in fit.all_terms],
            "converged": fit.converged,
            "note": notes,
        }
    )
    out["predictor"] = pd.array(out["predictor"], dtype="string")
    out["lag"] = pd.array(out["lag"], dtype="Int64")
    tau0, s2_0 = _fit_intercept_only(fit.y, fit.codes, fit.k)
    xb = fit.X @ fit.beta
    var_fixed = float(np.var(xb))
    var_random = float(np.mean(np.einsum("ia,ab,ib->i", fit.Z, fit.G, fit.Z)))
    total = var_fixed + var_random + fit.s2
    cov_re = pd.DataFrame(fit.G, index=fit.re_terms, columns=fit.re_terms)
    for m in fit.notes + [m for ms in fit.term_notes.values() for m in ms]:
        if m.key not in _QUIET:
            warnings.warn(str(m), MixedModelWarning, stacklevel=3)
    stats = {
        "n_obs": int(fit.y.size),
        "n_subjects": int(fit.k),
        "group_var": float(fit.G[0, 0]),
        "cov_re": cov_re,
        "scale": float(fit.s2),
        "loglike": float(fit.loglike),
        "converged": bool(fit.converged),
        "notes": list(fit.notes) + [m for ms in fit.term_notes.values() for m in ms],
        "icc": float(tau0 / (tau0 + s2_0)),
        "r2_within": float((s2_0 - fit.s2) / s2_0),
        "r2_marginal": float(var_fixed / total),
        "r2_conditional": float((var_fixed + var_random) / total),
    }
    return out, stats


def _standardised(fit: _Fit) -> np.ndarray:
    """Level-specific standardised coefficients (Schuurman et al. 2016)."""
    c, k = fit.codes, fit.k
    y_mean = np.bincount(c, fit.y, minlength=k) / fit.count
    sd_y_within = np.std(fit.y - y_mean[c])
    sd_y_between = np.std(y_mean)
    out = np.full(len(fit.terms), np.nan)
    one_row = np.unique(c, return_index=True)[1]  # the first row of each person
    for j, term in enumerate(fit.terms):
        level = fit.meta[term][2]
        if level == "within":
            out[j] = fit.beta[j] * np.std(fit.X[:, j]) / sd_y_within
        elif level in ("between", "person"):
            out[j] = fit.beta[j] * np.std(fit.X[one_row, j]) / sd_y_between
    return out


# ------------------------------------------------------------ person effects
def person_effects(
    data: pd.DataFrame,
    *,
    x: str,
    y: str = "pain",
    subject: str = "subject",
) -> PersonEffects:
    """Each person's own within-person slope, shrunk towards the cohort's (empirical Bayes).

    Fits ``y ~ x_within + x_between + (1 + x_within | subject)`` with
    :func:`mixed_model` and returns, per person, the fixed within slope plus
    the person's best linear unbiased prediction (BLUP) of the random slope.
    A person with few days or noisy days is pulled towards the cohort slope;
    one with many clear days keeps nearly their own slope.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary.
    x : str
        The day-level predictor.
    y : str
        Outcome.
    subject : str
        Column identifying the person.

    Returns
    -------
    PersonEffects
        ``table``: one row per person (in order of appearance) with columns
        ``subject``, ``n_obs``, ``slope`` (shrunken), ``se``, ``ci95_low``,
        ``ci95_high`` (slope +- 1.96 se) and ``raw_slope`` (the person's own
        least-squares slope; missing when ``x`` does not vary for them).
        and ``fixed_slope``, ``fixed_se``, ``slope_sd`` (SD of the slopes
        across persons), ``predictor`` (``x``), ``outcome`` (``y``) and the
        model's ``converged`` and ``notes``.

    Notes
    -----
    The BLUP is ``G Z_i' V_i^-1 (y_i - X_i b)`` and its conditional variance
    ``(G^-1 + Z_i'Z_i / s2)^-1`` (lme4's ``ranef(condVar = TRUE)``). The
    interval adds the variance of the fixed slope to it and ignores their
    covariance, so it is approximate (as are lme4-based intervals built from
    ``fixef`` and ``ranef``); it does not account for the uncertainty of the
    variance estimates. The slopes equal ``coef(lmer(...))$subject`` in R to
    the tolerance given in the tests.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(20, 90, seed=4)
    >>> eff = person_effects(diary, x="stress")
    >>> list(eff.table.columns)
    ['subject', 'n_obs', 'slope', 'se', 'ci95_low', 'ci95_high', 'raw_slope']
    >>> len(eff.table)
    20
    """
    func = "person_effects"
    fit = _Fit(
        data,
        y=y,
        x=(x,),
        lag_of={x: (0,)},
        subject=subject,
        covariates=(),
        persons=None,
        slopes=(x,),
        lagged_outcome=False,
        func=func,
    )
    term = f"{x}_within"
    if term not in fit.re_terms:
        msg = (
            f"{x!r} does not vary within any person, so it has no within-person part; only "
            "its person-level (between) term is estimated"
        )
        raise argument_error(msg, func=func)
    j = fit.terms.index(term)
    r = fit.re_terms.index(term)
    u, cond = fit.reml.blups(fit.theta, fit.beta)
    slope = fit.beta[j] + u[:, r]
    se = np.sqrt(cond[:, r, r] + fit.cov[j, j])
    c, k = fit.codes, fit.k
    xw = fit.X[:, j]
    yw = fit.y - (np.bincount(c, fit.y, minlength=k) / fit.count)[c]
    sxx = np.bincount(c, xw * xw, minlength=k)
    sxy = np.bincount(c, xw * yw, minlength=k)
    raw = np.where(sxx > 1e-12, sxy / np.where(sxx > 0, sxx, 1.0), np.nan)
    for m in fit.notes + [m for ms in fit.term_notes.values() for m in ms]:
        warnings.warn(str(m), MixedModelWarning, stacklevel=2)
    out = pd.DataFrame(
        {
            "subject": fit.subjects,
            "n_obs": fit.count.astype("int64"),
            "slope": slope,
            "se": se,
            "ci95_low": slope - sps.norm.ppf(0.975) * se,
            "ci95_high": slope + sps.norm.ppf(0.975) * se,
            "raw_slope": raw,
        }
    )
    return PersonEffects(
        out,
        predictor=x,
        outcome=y,
        fixed_slope=float(fit.beta[j]),
        fixed_se=float(np.sqrt(fit.cov[j, j])),
        slope_sd=float(np.sqrt(max(fit.G[r, r], 0.0))),
        converged=bool(fit.converged),
        notes=list(fit.notes),
    )


# -------------------------------------------------------------------- ICC
def icc(data: pd.DataFrame, *, y: str = "pain", subject: str = "subject") -> pd.DataFrame:
    """Intraclass correlation of ``y``: the share of its variance that lies between persons.

    Parameters
    ----------
    data : pandas.DataFrame
        Long data, one row per day (or measurement) and person.
    y : str
        The variable.
    subject : str
        Column identifying the person.

    Returns
    -------
    pandas.DataFrame
        One row with ``icc``, ``between_var`` (random-intercept variance),
        ``within_var`` (residual variance), ``n_obs`` and ``n_subjects``.

    Notes
    -----
    From the empty model ``y ~ 1 + (1 | subject)`` fitted by REML:
    ``icc = between_var / (between_var + within_var)`` (Snijders & Bosker
    2012, sec. 3.3). Equal to lme4's ``VarCorr(lmer(y ~ 1 + (1 | subject)))``
    in the tests. An ICC of 0.4 means 40% of the day-to-day spread of pain is
    in differences between people and 60% in changes within a person.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> res = icc(simulate_cohort(20, 90, seed=4))
    >>> list(res.columns)
    ['icc', 'between_var', 'within_var', 'n_obs', 'n_subjects']
    """
    require_columns(data, [subject, y], func="icc")
    codes, _ = subject_codes(data, subject)
    yv = numeric_values(data, y, func="icc")
    ok = (codes >= 0) & np.isfinite(yv)
    c = codes[ok]
    present = np.unique(c)
    if present.size < 2:
        raise _few_subjects(pd.unique(data[subject].to_numpy()[ok]).tolist(), func="icc")
    remap = np.full(int(codes.max()) + 1, -1)
    remap[present] = np.arange(present.size)
    tau, s2 = _fit_intercept_only(yv[ok], remap[c], present.size)
    return pd.DataFrame(
        {
            "icc": [tau / (tau + s2)],
            "between_var": [tau],
            "within_var": [s2],
            "n_obs": [int(c.size)],
            "n_subjects": [int(present.size)],
        }
    )
