"""Within- and between-person associations in pain diaries.

Pain diaries hold many days per person, so two questions have to be kept
apart (Bakdash & Marusich, 2017; Bland & Altman, 1995):

* **within** a person: on days when my stress is higher than usual for me, is
  my pain higher than usual for me? (:func:`within_corr`, :func:`lagged_corr`,
  the ``within`` terms of :func:`mixed_model`, :func:`what_helps`);
* **between** people: do people who are more stressed on average have more
  pain on average? (:func:`between_corr`, the ``between`` terms).

Everything is computed with vectorised per-subject sums (``numpy.bincount``
over factorised subject codes), so the cost grows linearly with the number of
rows: a 10,000-subject x 365-day cohort takes seconds. A lag is always in
calendar days within a subject: ``x`` on day ``t - lag`` is looked up by date,
never taken from the previous row, so a missing day stays missing.

All results are associations in observational data, not proof of cause.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from scipy import stats as sps

from .schema import TAG_SEP
from .validate import check_diary

__all__ = [
    "between_corr",
    "correlate",
    "lagged_corr",
    "what_helps",
    "within_corr",
]

_Z975 = float(sps.norm.ppf(0.975))
_PREDICTORS = ("stress", "sleep_hours", "sleep_quality", "steps", "active_minutes", "mood")
_CAVEAT = (
    "These are associations in the diary data, not proof of cause: something "
    "else may drive both (for example, people take medication on bad days, so "
    "medication goes with more pain without causing it)."
)


# ------------------------------------------------------------------ helpers
def _require(data: object, columns: Iterable[str], *, func: str) -> None:
    """Raise unless ``data`` is a DataFrame holding every column in ``columns``."""
    if not isinstance(data, pd.DataFrame):
        msg = f"{func}: data must be a pandas DataFrame, not {type(data).__name__}"
        raise TypeError(msg)
    missing = [c for c in dict.fromkeys(columns) if c not in data.columns]
    if missing:
        msg = (
            f"{func}: data has no column(s) {missing} (columns: {list(data.columns)}); "
            "pass the right names with x=, y= or subject=."
        )
        raise ValueError(msg)


def _numeric(data: pd.DataFrame, column: str, *, func: str) -> np.ndarray:
    """Return ``data[column]`` as float64 with NaN for missing values."""
    values = data[column]
    if pd.api.types.is_bool_dtype(values):
        values = values.astype("float64")
    if not pd.api.types.is_numeric_dtype(values):
        msg = (
            f"{func}: column {column!r} holds {values.dtype} values, not numbers; "
            "convert it with pandas.to_numeric() or read the file with backpain.read_diary()"
        )
        raise ValueError(msg)
    return values.to_numpy(dtype="float64", na_value=np.nan)


def _check_dated(data: pd.DataFrame, columns: Sequence[str], *, subject: str, func: str) -> None:
    """Check a diary with dates (one row per subject and day) with :func:`check_diary`."""
    _require(data, [subject, "date", *columns], func=func)
    need = tuple(c for c in columns if c not in (subject, "date"))
    if subject == "subject":
        check_diary(data, need=need)  # no column selection: that would copy the data
        return
    view = data[[subject, "date", *dict.fromkeys(c for c in columns if c != subject)]]
    check_diary(view.rename(columns={subject: "subject"}), need=need)


def _codes(data: pd.DataFrame, subject: str) -> tuple[np.ndarray, int]:
    """Factorise the subject column once: int64 codes (-1 = missing) and their count."""
    codes, uniques = pd.factorize(data[subject], sort=False)
    return codes.astype(np.int64, copy=False), len(uniques)


class _Groups:
    """The subject column factorised once, with what every per-subject sum reuses.

    When the rows come subject by subject (the usual diary order), each
    subject is one run of rows and per-subject sums are ``numpy.add.reduceat``
    over the runs; otherwise (or with ``runs=False``) they are weighted
    ``numpy.bincount``, which adds in row order. The two differ only in
    rounding (about 1e-16 relative), which can break exact ties between
    person means: Spearman's between-person r keeps ``bincount``.
    """

    def __init__(self, data: pd.DataFrame, subject: str, *, runs: bool = True) -> None:
        self.codes, self.k = _codes(data, subject)
        c = self.codes
        self.complete = bool(len(c) == 0 or c.min() >= 0)
        self.valid = None if self.complete else c >= 0
        self.cc = c if self.complete else np.maximum(c, 0)
        self.runs: np.ndarray | None = None
        if runs and len(c) and self.complete and (c[1:] >= c[:-1]).all():
            # codes number subjects in order of appearance: one run per subject
            self.runs = np.flatnonzero(np.r_[True, c[1:] != c[:-1]])
            self.run_length = np.diff(np.r_[self.runs, len(c)])
        self._counts: np.ndarray | None = None

    @property
    def counts(self) -> np.ndarray:
        """Rows per subject (float64, as a weighted ``bincount`` gives it)."""
        if self._counts is None:
            if self.runs is not None:
                counts = self.run_length
            elif self.valid is not None:
                counts = np.bincount(self.cc[self.valid], minlength=self.k)
            else:
                counts = np.bincount(self.cc, minlength=self.k)
            self._counts = counts.astype("float64")
        return self._counts

    def sums(self, weights: np.ndarray) -> np.ndarray:
        """Per-subject sums of ``weights`` (rows with a missing subject count for subject 0)."""
        if self.runs is not None:
            return np.add.reduceat(weights, self.runs, dtype=np.float64)
        return np.bincount(self.cc, weights, minlength=self.k)

    def spread(self, per_subject: np.ndarray) -> np.ndarray:
        """Per-subject values repeated on every row of the subject."""
        if self.runs is not None:
            return np.repeat(per_subject, self.run_length)
        return per_subject[self.cc]


class _Calendar:
    """Find, for every row, the row of the same subject ``lag`` calendar days earlier.

    Equivalent to merging the diary with itself on ``(subject, date + lag days)``,
    but done once with one sort and a binary search per lag (for a diary in
    subject and date order, a look back over at most ``lag`` rows).
    """

    _LOOK_BACK = 8  # lags up to this look back row by row in a sorted diary

    def __init__(self, codes: np.ndarray, dates: pd.Series, max_lag: int) -> None:
        day = dates.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
        ok = (codes >= 0) & ~np.isnat(day)
        days = day.astype(np.int64)
        lo = int(days[ok].min()) if ok.any() else 0
        hi = int(days[ok].max()) if ok.any() else 0
        span = hi - lo + 1 + max_lag
        key = np.where(ok, codes * span + (days - lo + max_lag), -1)
        self.ok = ok
        self.all_ok = bool(ok.all())
        self.key = key
        self.increasing = bool(self.all_ok and (len(key) < 2 or (key[1:] > key[:-1]).all()))
        if self.increasing:
            self.order = np.arange(len(key))
            self.sorted = key
        else:
            self.order = np.argsort(key, kind="stable")
            self.sorted = key[self.order]

    def positions(self, lag: int) -> np.ndarray:
        """Row index of (same subject, day - lag), or -1 where that day is not in the diary."""
        if lag == 0:
            return np.where(self.ok, np.arange(len(self.key)), -1)
        if self.increasing and lag <= self._LOOK_BACK:
            # keys are distinct integers in order, so day - lag lies 1..lag rows back
            key = self.key
            out = np.full(len(key), -1, dtype=np.int64)
            target = key - lag
            for back in range(1, min(lag, len(key) - 1) + 1):
                hit = np.flatnonzero(key[:-back] == target[back:])
                out[hit + back] = hit
            return out
        target = self.key - lag
        where = np.searchsorted(self.sorted, target)
        where = np.minimum(where, len(self.sorted) - 1)
        found = self.ok & (self.sorted[where] == target) if len(self.sorted) else self.ok
        return np.where(found, self.order[where], -1)


def _lag_rows(cal: _Calendar, lag: int) -> np.ndarray | None:
    """``cal.positions(lag)``, or None when that is every row itself (lag 0, all dated)."""
    if lag == 0 and cal.all_ok:
        return None
    return cal.positions(lag)


def _shift(values: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """``values`` taken at ``pos`` (NaN where ``pos`` is -1)."""
    out = values[np.maximum(pos, 0)]
    return np.where(pos >= 0, out, np.nan)


class _Centred:
    """A numeric column centred once on each subject's mean (NaN = missing).

    Correlations are invariant to a per-subject shift, so the pair statistics
    below can work with sums of these values without losing precision.
    """

    def __init__(self, values: np.ndarray, groups: _Groups) -> None:
        finite = np.isfinite(values)
        if groups.complete and finite.all():
            n = groups.counts
            sums = groups.sums(values)
        else:
            ok = finite if groups.valid is None else finite & groups.valid
            n = groups.sums(ok)
            sums = groups.sums(np.where(ok, values, 0.0))
        self.shift = sums / np.maximum(n, 1)
        self.dev = values - groups.spread(self.shift)
        self.all_finite = bool(np.isfinite(self.dev).all())


class _PairSums:
    """Per-subject counts and sums of complete (x, y) pairs, in O(N)."""

    def __init__(
        self,
        n: np.ndarray,
        sx: np.ndarray,
        sy: np.ndarray,
        sxx: float,
        syy: float,
        sxy: float,
    ) -> None:
        self.n, self.sx, self.sy = n, sx, sy
        self.sxx, self.syy, self.sxy = sxx, syy, sxy

    def within(self) -> dict[str, float]:
        """Repeated-measures correlation (Bakdash & Marusich, 2017) of the pairs."""
        many = self.n >= 2
        n_obs = int(self.n[many].sum())
        n_subjects = int(np.count_nonzero(many))
        dof = n_obs - n_subjects - 1
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
        # within-subject sums of squares and products: total minus n_i * mean_i^2
        has = self.n > 0
        n, sx, sy = self.n[has], self.sx[has], self.sy[has]
        wxx = self.sxx - float(sx @ (sx / n))
        wyy = self.syy - float(sy @ (sy / n))
        wxy = self.sxy - float(sx @ (sy / n))
        # x or y never varies within a person (up to rounding): no within-person correlation
        if wxx <= 1e-12 * max(self.sxx, 1e-300) or wyy <= 1e-12 * max(self.syy, 1e-300):
            return out
        r = float(np.clip(wxy / np.sqrt(wxx * wyy), -1.0, 1.0))
        out["r"] = r
        out["p_val"] = _p_from_r(r, dof)
        out["ci95_low"], out["ci95_high"] = _fisher_ci(r, dof + 2)
        return out

    def means(self, shift_x: np.ndarray, shift_y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Person means of x and y over complete pairs (persons with at least one pair)."""
        has = self.n > 0
        n = self.n[has]
        return self.sx[has] / n + shift_x[has], self.sy[has] / n + shift_y[has]


class _Outcome:
    """The centred outcome ``y`` paired with predictors, reusing its sums.

    The pairs of ``x`` (at lag ``L``) and ``y`` are complete where ``y`` is
    finite, the subject known and the day ``L`` days back in the diary, and
    ``x`` finite there. For a predictor without missing values that mask,
    and with it the sums of ``y`` over it, is the same for every predictor,
    so it is computed once per lag.
    """

    def __init__(self, cy: _Centred, groups: _Groups) -> None:
        self.centred = cy
        self.y = cy.dev
        self.groups = groups
        ok = np.isfinite(self.y)
        if groups.valid is not None:
            ok &= groups.valid
        self.ok = ok
        self._parts: dict[object, tuple] = {}

    def _y_parts(self, ok: np.ndarray | None) -> tuple:
        """(ok, n, sy, yz, syy) over the rows in ``ok`` (None = every row)."""
        g = self.groups
        if ok is None:
            yz, n = self.y, g.counts
        else:
            yz, n = np.where(ok, self.y, 0.0), g.sums(ok)
        return ok, n, g.sums(yz), yz, float(yz @ yz)

    def _base(self, key: object, pos: np.ndarray | None) -> tuple:
        """The y parts for a predictor without missing values, cached per ``key``."""
        if key not in self._parts:
            ok = self.ok if pos is None else self.ok & (pos >= 0)
            self._parts[key] = self._y_parts(None if ok.all() else ok)
        return self._parts[key]

    def pairs(self, cx: _Centred, pos: np.ndarray | None = None, key: object = None) -> _PairSums:
        """Pair sums of ``cx`` taken at rows ``pos`` (-1 = missing; None = same row) with y."""
        if pos is None:
            xs = cx.dev
        else:
            xs = cx.dev[np.maximum(pos, 0)]
        if cx.all_finite:
            ok, n, sy, yz, syy = self._base(key, pos)
        else:
            ok = self.ok & np.isfinite(xs)
            if pos is not None:
                ok &= pos >= 0
            ok, n, sy, yz, syy = self._y_parts(None if ok.all() else ok)
        xz = xs if ok is None else np.where(ok, xs, 0.0)
        sx = self.groups.sums(xz)
        return _PairSums(n, sx, sy, float(xz @ xz), syy, float(xz @ yz))


def _p_from_r(r: float, dof: int) -> float:
    """Two-sided p of a correlation from t = r sqrt(dof / (1 - r^2))."""
    if dof < 1 or not np.isfinite(r):
        return np.nan
    if abs(r) >= 1:
        return 0.0
    t = r * np.sqrt(dof / (1 - r * r))
    return float(2 * sps.t.sf(abs(t), dof))


def _fisher_ci(r: float, n: int) -> tuple[float, float]:
    """95% CI of a correlation by Fisher's z with standard error 1 / sqrt(n - 3)."""
    if n <= 3 or not np.isfinite(r):
        return np.nan, np.nan
    z = np.arctanh(r)
    half = _Z975 / np.sqrt(n - 3)
    return float(np.tanh(z - half)), float(np.tanh(z + half))


def _between(mx: np.ndarray, my: np.ndarray, method: str) -> dict[str, float]:
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
    out["p_val"] = _p_from_r(r, n - 2)
    out["ci95_low"], out["ci95_high"] = _fisher_ci(r, n)
    return out


def _check_lags(lags: object, *, func: str) -> tuple[int, ...]:
    values = (lags,) if isinstance(lags, (int, np.integer)) else tuple(lags)  # type: ignore[arg-type]
    bad = [
        v for v in values if not isinstance(v, (int, np.integer)) or isinstance(v, bool) or v < 0
    ]
    if bad or not values:
        msg = (
            f"{func}: lags must be whole numbers of days >= 0 (x on day t - lag, y on "
            f"day t), not {lags!r}; e.g. lags=(0, 1, 2)"
        )
        raise ValueError(msg)
    return tuple(int(v) for v in values)


def _bh(p: np.ndarray) -> np.ndarray:
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


# ------------------------------------------------------------ correlations
def within_corr(data: pd.DataFrame, x: str, y: str, *, subject: str = "subject") -> pd.DataFrame:
    """Repeated-measures (within-person) correlation between two columns.

    The common within-person association of ``x`` and ``y``: the Pearson r of
    the subject-mean-centred values, equivalent to the slope test of an ANCOVA
    with subject as a factor (Bakdash & Marusich, 2017; R package ``rmcorr``;
    ``pingouin.rm_corr``). Differences between people's averages do not enter.

    Parameters
    ----------
    data : pandas.DataFrame
        Long table, one row per observation (a diary: one row per subject and day).
    x, y : str
        Numeric columns to correlate.
    subject : str
        Column identifying the person.

    Returns
    -------
    pandas.DataFrame
        One row with columns:

        * ``x``, ``y``: the column names;
        * ``r``: the repeated-measures correlation;
        * ``dof``: degrees of freedom, ``n_obs - n_subjects - 1``;
        * ``p_val``: two-sided p from ``t = r sqrt(dof / (1 - r^2))``;
        * ``ci95_low``, ``ci95_high``: 95% CI by Fisher's z with ``n = dof + 2``;
        * ``n_obs``: complete (x, y) pairs used;
        * ``n_subjects``: subjects that contributed (at least 2 complete pairs).

    See Also
    --------
    lagged_corr : the same with ``x`` taken some calendar days before ``y``.
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

    References
    ----------
    .. [1] Bakdash, J. Z., & Marusich, L. R. (2017). Repeated measures
       correlation. Frontiers in Psychology, 8, 456.
    .. [2] Bland, J. M., & Altman, D. G. (1995). Calculating correlation
       coefficients with repeated observations: Part 1 - correlation within
       subjects. BMJ, 310, 446.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(20, 60, seed=1)
    >>> res = within_corr(diary, "stress", "pain")
    >>> res[["r", "dof", "n_obs", "n_subjects"]].round(3)
           r   dof  n_obs  n_subjects
    0  0.254  1021   1042          20
    """
    _require(data, [x, y, subject], func="within_corr")
    xv = _numeric(data, x, func="within_corr")
    yv = _numeric(data, y, func="within_corr")
    groups = _Groups(data, subject)
    cx, cy = _Centred(xv, groups), _Centred(yv, groups)
    res = _Outcome(cy, groups).pairs(cx).within()
    return pd.DataFrame([{"x": x, "y": y, **res}])


def between_corr(
    data: pd.DataFrame,
    x: str,
    y: str,
    *,
    subject: str = "subject",
    method: str = "pearson",
) -> pd.DataFrame:
    """Between-person correlation: the correlation of the person means.

    Parameters
    ----------
    data : pandas.DataFrame
        Long table, one row per observation.
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

        * ``x``, ``y``, ``method``;
        * ``r``: correlation of the person means;
        * ``n``: persons with at least one complete (x, y) pair;
        * ``ci95_low``, ``ci95_high``: 95% CI by Fisher's z with SE ``1 / sqrt(n - 3)``;
        * ``p_val``: two-sided p from ``t = r sqrt((n - 2) / (1 - r^2))``.

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
    >>> res = between_corr(diary, "stress", "pain")
    >>> res[["method", "n"]]
        method   n
    0  pearson  40
    >>> bool(res["r"].iloc[0] > 0)
    True
    """
    if method not in ("pearson", "spearman"):
        msg = f"between_corr: method must be 'pearson' or 'spearman', not {method!r}"
        raise ValueError(msg)
    _require(data, [x, y, subject], func="between_corr")
    xv = _numeric(data, x, func="between_corr")
    yv = _numeric(data, y, func="between_corr")
    groups = _Groups(data, subject, runs=method == "pearson")
    cx, cy = _Centred(xv, groups), _Centred(yv, groups)
    mx, my = _Outcome(cy, groups).pairs(cx).means(cx.shift, cy.shift)
    res = _between(mx, my, method)
    row = {"x": x, "y": y, "method": method, **res}
    return pd.DataFrame([row])[["x", "y", "method", "r", "n", "ci95_low", "ci95_high", "p_val"]]


def lagged_corr(
    data: pd.DataFrame,
    x: str,
    y: str,
    *,
    lags: Sequence[int] = (0, 1, 2, 3),
    subject: str = "subject",
) -> pd.DataFrame:
    """Within-person correlation of ``x`` on day ``t - lag`` with ``y`` on day ``t``.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary: one row per subject and calendar day, with a ``date``
        column of dates.
    x, y : str
        Numeric columns; ``x`` is the earlier one.
    lags : sequence of int
        Lags in calendar days (>= 0). Lag 0 is :func:`within_corr`.
    subject : str
        Column identifying the person.

    Returns
    -------
    pandas.DataFrame
        One row per lag with columns ``x``, ``y``, ``lag``, ``r``, ``dof``,
        ``p_val``, ``ci95_low``, ``ci95_high``, ``n_obs``, ``n_subjects`` (as
        in :func:`within_corr`, for the pairs (x on day t - lag, y on day t)).

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
    >>> lagged_corr(diary, "stress", "pain", lags=(0, 1))[["lag", "n_obs", "n_subjects"]]
       lag  n_obs  n_subjects
    0    0   1042          20
    1    1    915          20
    """
    lags = _check_lags(lags, func="lagged_corr")
    _require(data, [subject, "date", x, y], func="lagged_corr")
    groups = _Groups(data, subject)
    _check_dated(data, [x, y], subject=subject, func="lagged_corr")
    xv = _numeric(data, x, func="lagged_corr")
    yv = _numeric(data, y, func="lagged_corr")
    cx, cy = _Centred(xv, groups), _Centred(yv, groups)
    outcome = _Outcome(cy, groups)
    cal = _Calendar(groups.codes, data["date"], max(lags))
    rows = []
    for lag in lags:
        res = outcome.pairs(cx, _lag_rows(cal, lag), key=lag).within()
        rows.append({"x": x, "y": y, "lag": lag, **res})
    return pd.DataFrame(rows)


def correlate(
    data: pd.DataFrame,
    *,
    y: str = "pain",
    x: Sequence[str] = _PREDICTORS,
    lags: Sequence[int] = (0, 1),
    subject: str = "subject",
) -> pd.DataFrame:
    """Within- and between-person associations of several predictors with ``y``.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary (one row per subject and calendar day).
    y : str
        The outcome, on day ``t``.
    x : sequence of str
        Predictors, on day ``t - lag``. Predictors that are not columns of
        ``data`` (or hold no values) are skipped with a note in
        ``result.attrs["notes"]``.
    lags : sequence of int
        Lags in calendar days (>= 0), as in :func:`lagged_corr`.
    subject : str
        Column identifying the person.

    Returns
    -------
    pandas.DataFrame
        One row per predictor, lag and level with columns:

        * ``predictor``, ``lag``;
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

        ``result.attrs["notes"]`` is a list of str (skipped predictors).

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
    >>> res[["predictor", "lag", "level", "n_subjects"]]
           predictor  lag    level  n_subjects
    0         stress    0   within          20
    1         stress    1   within          20
    2         stress    0  between          20
    3  sleep_quality    0   within          20
    4  sleep_quality    1   within          20
    5  sleep_quality    0  between          20
    >>> res.attrs["notes"]
    ["predictor 'weather' is not a column of data; skipped"]
    """
    lags = _check_lags(lags, func="correlate")
    x = (x,) if isinstance(x, str) else tuple(x)
    notes: list[str] = []
    present = []
    for name in dict.fromkeys(x):
        if name not in data.columns:
            notes.append(f"predictor {name!r} is not a column of data; skipped")
        elif data[name].isna().all():
            notes.append(f"predictor {name!r} holds no values; skipped")
        else:
            present.append(name)
    _require(data, [subject, "date", y, *present], func="correlate")
    groups = _Groups(data, subject)
    _check_dated(data, [y, *present], subject=subject, func="correlate")
    yv = _numeric(data, y, func="correlate")
    cal = _Calendar(groups.codes, data["date"], max(lags))
    positions = {lag: _lag_rows(cal, lag) for lag in lags}
    outcome = _Outcome(_Centred(yv, groups), groups)
    cy = outcome.centred
    rows = []
    for name in present:
        cx = _Centred(_numeric(data, name, func="correlate"), groups)
        by_lag = {}
        for lag in lags:
            by_lag[lag] = outcome.pairs(cx, positions[lag], key=lag)
            rows.append({"predictor": name, "lag": lag, "level": "within", **by_lag[lag].within()})
        same_day = by_lag[0] if 0 in by_lag else outcome.pairs(cx, key="same row")
        res = _between(*same_day.means(cx.shift, cy.shift), "pearson")
        rows.append(
            {
                "predictor": name,
                "lag": 0,
                "level": "between",
                **res,
                "n_obs": int(same_day.n.sum()),
                "n_subjects": res["n"],
            }
        )
    cols = ["predictor", "lag", "level", "r", "ci95_low", "ci95_high", "p_val"]
    out = pd.DataFrame(rows, columns=[*cols, "n_obs", "n_subjects"])
    out.insert(len(cols), "p_fdr", _bh(out["p_val"].to_numpy(dtype="float64")))
    out = out.astype({"lag": "int64", "n_obs": "int64", "n_subjects": "int64"})
    out.attrs["notes"] = notes
    return out


def __getattr__(name: str) -> object:
    """``backpain.stats.mixed_model`` still works: the model lives in :mod:`backpain.multilevel`."""
    if name == "mixed_model":
        from .multilevel import mixed_model

        return mixed_model
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


# ------------------------------------------------------------- what helps
def _tag_matrix(tags: pd.Series, wanted: list[str] | None) -> tuple[list[str], np.ndarray]:
    """Boolean (rows x tags) membership, computed on the few distinct tag strings."""
    codes, uniques = pd.factorize(tags, sort=False)
    split = [{t.strip() for t in str(u).split(TAG_SEP) if t.strip()} for u in np.asarray(uniques)]
    names = sorted(set().union(*split)) if wanted is None else wanted
    member = np.zeros((len(uniques) + 1, len(names)), dtype=bool)  # last row: no tags
    for i, s in enumerate(split):
        member[i] = [n in s for n in names]
    return names, member[np.where(codes >= 0, codes, len(uniques))]


def _verdict(low: float, high: float, outcome: str) -> str:
    if not (np.isfinite(low) and np.isfinite(high)):
        return "too few days"
    if high < 0:
        return f"lower {outcome}"
    if low > 0:
        return f"higher {outcome}"
    return "no clear difference"


def _boot_p(boot: np.ndarray) -> float:
    """Two-sided bootstrap p-value: 2 x the smaller tail share beyond 0 (add-one)."""
    b = boot[np.isfinite(boot)]
    if b.size == 0:
        return np.nan
    tail = min(np.count_nonzero(b <= 0), np.count_nonzero(b >= 0))
    return float(min(1.0, 2 * (tail + 1) / (b.size + 1)))


def what_helps(
    data: pd.DataFrame,
    *,
    outcome: str = "pain",
    tags: Sequence[str] | None = None,
    lag: int = 1,
    min_days: int = 5,
    n_boot: int = 2000,
    seed: int | None = 0,
    subject: str = "subject",
) -> pd.DataFrame:
    """Which tagged things (physiotherapy, heat, ...) go with less pain?

    For each tag, compares the outcome on days ``lag`` calendar days after a
    day with the tag with the outcome after a recorded day without it, within
    each person, and averages over people.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary with ``date``, ``outcome`` and ``tags`` (``"a|b"``).
    outcome : str
        Numeric column to compare (the outcome on day ``t``).
    tags : sequence of str, optional
        Tags to test (default: every tag in the data).
    lag : int
        Days between the tag and the outcome: 1 = the next day, 0 = the same day.
    min_days : int
        Fewest days with and without a tag needed for a result; tags with fewer
        are reported with NaN and a note.
    n_boot : int
        Bootstrap resamples.
    seed : int or None
        Seed of the bootstrap.
    subject : str
        Column identifying the person.

    Returns
    -------
    pandas.DataFrame
        One row per tag with columns:

        * ``tag``, ``lag``;
        * ``diff``: outcome after a tagged day minus after an untagged day
          (negative = less pain);
        * ``ci95_low``, ``ci95_high``: 95% percentile bootstrap CI;
        * ``p_val``: two-sided bootstrap p-value;
        * ``n_days_with``, ``n_days_without``: outcome days behind the estimate;
        * ``n_subjects``: persons with days both with and without the tag;
        * ``verdict``: ``"lower <outcome>"``, ``"higher <outcome>"``,
          ``"no clear difference"`` (the CI covers 0) or ``"too few days"``.

        ``result.attrs["caveat"]`` says that this is association, not cause;
        ``result.attrs["notes"]`` lists tags with too few days.

    Notes
    -----
    A day ``t`` counts when the outcome is recorded on ``t`` and day ``t - lag``
    is in the diary (in calendar days; a missing day is unknown, never the
    previous row). A recorded day without the tag in ``tags`` (or with no tags)
    counts as *without*.

    For each person with days both with and without the tag, ``d_i`` is the
    difference of the two means. The cohort estimate is the weighted mean of
    ``d_i`` with weights ``1 / (1 / n_with + 1 / n_without)``, the inverse of
    the variance of ``d_i`` when day-to-day spread is alike across persons, so
    a person with 3 tagged days counts less than one with 100. With one person
    this is simply the difference of means.

    Uncertainty: with one person, days are resampled with replacement within
    the "with" and "without" groups (a two-sample percentile bootstrap, as
    ``scipy.stats.bootstrap(method="percentile")``, against which it is
    checked); with several persons, persons are resampled, which respects that
    days of one person are alike (correlated). Fewer than 10 persons give a
    rough CI (noted). The p-value is the CI-inversion bootstrap p, so
    ``p_val < 0.05`` exactly when the 95% CI excludes 0. Day resampling
    ignores day-to-day autocorrelation within a person, which makes a
    single-person CI somewhat too narrow.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(30, 120, seed=3)
    >>> res = what_helps(diary, tags=["physiotherapy", "heat"], n_boot=200)
    >>> res[["tag", "lag", "n_subjects"]]
                 tag  lag  n_subjects
    0  physiotherapy    1          19
    1           heat    1          30
    >>> res.attrs["caveat"][:35]
    'These are associations in the diary'
    """
    if isinstance(lag, bool) or not isinstance(lag, (int, np.integer)) or lag < 0:
        msg = f"what_helps: lag must be a whole number of days >= 0, not {lag!r}"
        raise ValueError(msg)
    if not isinstance(n_boot, (int, np.integer)) or n_boot < 100:
        msg = f"what_helps: n_boot must be a whole number >= 100, not {n_boot!r}"
        raise ValueError(msg)
    _require(data, [subject, "date", outcome, "tags"], func="what_helps")
    _check_dated(data, [outcome], subject=subject, func="what_helps")
    if isinstance(tags, str):
        tags = [tags]
    yv = _numeric(data, outcome, func="what_helps")
    codes, k = _codes(data, subject)
    names, member = _tag_matrix(data["tags"], None if tags is None else list(tags))
    cal = _Calendar(codes, data["date"], int(lag))
    pos = cal.positions(int(lag))
    usable = (pos >= 0) & np.isfinite(yv)
    c, yy = codes[usable], yv[usable]
    rng = np.random.default_rng(seed)
    notes: list[str] = []
    rows = []
    for j, tag in enumerate(names):
        had = member[pos[usable], j]
        n_w = np.bincount(c[had], minlength=k)
        n_wo = np.bincount(c[~had], minlength=k)
        both = (n_w > 0) & (n_wo > 0)
        row = {
            "tag": tag,
            "lag": int(lag),
            "diff": np.nan,
            "ci95_low": np.nan,
            "ci95_high": np.nan,
            "p_val": np.nan,
            "n_days_with": int(n_w[both].sum()),
            "n_days_without": int(n_wo[both].sum()),
            "n_subjects": int(both.sum()),
        }
        if min(row["n_days_with"], row["n_days_without"]) < min_days:
            notes.append(
                f"tag {tag!r}: {row['n_days_with']} day(s) with and "
                f"{row['n_days_without']} without (min_days={min_days}); no estimate"
            )
            rows.append(row)
            continue
        if row["n_subjects"] == 1:
            i = int(np.flatnonzero(both)[0])
            a, b = yy[(c == i) & had], yy[(c == i) & ~had]
            est = a.mean() - b.mean()
            boot = _boot_two_samples(a, b, n_boot, rng)
        else:
            s_w = np.bincount(c[had], yy[had], minlength=k)[both]
            s_wo = np.bincount(c[~had], yy[~had], minlength=k)[both]
            nw, nwo = n_w[both], n_wo[both]
            d = s_w / nw - s_wo / nwo
            w = nw * nwo / (nw + nwo)
            est = float(w @ d / w.sum())
            boot = _boot_subjects(d, w, n_boot, rng)
            if row["n_subjects"] < 10:
                notes.append(
                    f"tag {tag!r}: only {row['n_subjects']} persons; the CI from "
                    "resampling persons is rough"
                )
        low, high = np.percentile(boot, [2.5, 97.5])
        row.update(diff=float(est), ci95_low=float(low), ci95_high=float(high))
        row["p_val"] = _boot_p(boot)
        rows.append(row)
    out = pd.DataFrame(
        rows,
        columns=[
            "tag",
            "lag",
            "diff",
            "ci95_low",
            "ci95_high",
            "p_val",
            "n_days_with",
            "n_days_without",
            "n_subjects",
        ],
    )
    out["verdict"] = [
        _verdict(lo, hi, outcome) for lo, hi in zip(out["ci95_low"], out["ci95_high"], strict=True)
    ]
    out.attrs["caveat"] = _CAVEAT
    out.attrs["notes"] = notes
    return out


def _boot_two_samples(
    a: np.ndarray, b: np.ndarray, n_boot: int, rng: np.random.Generator
) -> np.ndarray:
    """Bootstrap distribution of mean(a) - mean(b), resampling each group."""
    ia = rng.integers(0, a.size, size=(n_boot, a.size))
    ib = rng.integers(0, b.size, size=(n_boot, b.size))
    return a[ia].mean(axis=1) - b[ib].mean(axis=1)


def _boot_subjects(
    d: np.ndarray, w: np.ndarray, n_boot: int, rng: np.random.Generator
) -> np.ndarray:
    """Bootstrap distribution of the weighted mean of d, resampling persons."""
    k = d.size
    wd = w * d
    chunk = max(1, 2_000_000 // k)
    out = np.empty(n_boot)
    for start in range(0, n_boot, chunk):
        stop = min(n_boot, start + chunk)
        idx = rng.integers(0, k, size=(stop - start, k))
        out[start:stop] = wd[idx].sum(axis=1) / w[idx].sum(axis=1)
    return out
