"""Has the pain changed, and by enough to matter? One patient, two questionnaires, a cohort.

Three questions, one module:

* **one patient's diary** (:func:`pain_change`): the mean pain in two periods
  (the first and the last four weeks, or before and after a date or a tag's
  first use), the change in points and in percent with 95% intervals that
  allow for day-to-day dependence, graded by the published thresholds of
  IMMPACT (Dworkin et al. 2008) and of Ostelo et al. (2008);
* **two administrations of a questionnaire** (:func:`questionnaire_change`):
  ODI, RMDQ, PEG and the NIH impact score, with the minimal important change
  and the reliable change index of Jacobson & Truax (1991);
* **a cohort** (:func:`responders`, :func:`responder_shares`): per person the
  baseline and follow-up pain, the change and whether the person responded
  (30% and 50% less pain), and the share of responders by duration class or
  any grouping column, with Wilson intervals.

A change over time is not proof that a treatment caused it: pain often
eases by itself (the natural course, regression to the mean), and other
things change at the same time. Every wording of these results says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats as sps

from ._check import check_whole
from ._cluster import refuse_dask
from ._diary_arrays import require_columns
from .schema import TAG_SEP
from .validate import check_diary

__all__ = [
    "IMMPACT_BANDS",
    "INSTRUMENTS",
    "MIC_PERCENT",
    "MIC_POINTS",
    "Instrument",
    "PainChange",
    "grade_percent",
    "pain_change",
    "questionnaire_change",
    "responder_shares",
    "responders",
    "wilson_ci",
]

IMMPACT_BANDS: tuple[float, float, float] = (10.0, 30.0, 50.0)
"""IMMPACT percent bands for a change in pain (Dworkin et al. 2008, J Pain 9:105-121).

A reduction of about 10-20% is *minimally* important, 30% or more
*moderately* important and 50% or more *substantially* important. Our
default reads the gap between 20% and 30% as minimally important, so the
bands are [10, 30), [30, 50) and 50 or more; under 10% is no important change.
IMMPACT grades improvement; the same percentages are applied to a rise in
pain (our default, mirrored).
"""

MIC_POINTS = 2.0
"""Minimal important change of a 0-10 pain score: 2 points (Ostelo et al. 2008, Spine 33:90-94)."""

MIC_PERCENT = 30.0
"""Minimal important change relative to baseline: 30% (Ostelo et al. 2008, Spine 33:90-94)."""

BANDS = ("none", "minimal", "moderate", "substantial")
"""Band names, in order of the size of the change (see :data:`IMMPACT_BANDS`)."""

MIN_DAYS = 14
"""Days with a pain score needed in each period (our default, half of four weeks).

Chosen by simulation (``benchmarks/bench_change.py``): with 14 scored days in
each period the interval keeps its 95% coverage under AR(1) dependence up to
phi = 0.6, but it is wide; fewer days are not graded.
"""


# ----------------------------------------------------------------- the model
def _whiten(day: np.ndarray, columns: list[np.ndarray], phi: float) -> list[np.ndarray]:
    """Prais-Winsten transform for AR(1) errors on calendar days with gaps.

    Between two scored days ``g`` days apart the error correlation is
    ``phi ** g``; each value minus that share of the previous one, divided by
    ``sqrt(1 - phi ** (2 g))``, leaves independent errors of the marginal
    variance (the first value is kept as it is).
    """
    rho = phi ** np.diff(day).astype("float64")
    scale = 1.0 / np.sqrt(1.0 - rho**2)
    out = []
    for c in columns:
        w = np.empty(len(c), dtype="float64")
        w[:1] = c[:1]
        w[1:] = (c[1:] - rho * c[:-1]) * scale
        out.append(w)
    return out


def _lag1(day: np.ndarray, resid: np.ndarray, after: np.ndarray) -> float:
    """Lag-1 autocorrelation of the residuals over consecutive days within a period."""
    pair = (np.diff(day) == 1) & (after[1:] == after[:-1])
    a, b = resid[1:][pair], resid[:-1][pair]
    den = math.sqrt(float(a @ a) * float(b @ b))
    return float(a @ b) / den if den > 0 else 0.0


def ar1_fit(
    day: np.ndarray, y: np.ndarray, after: np.ndarray, *, phi: float | None = None
) -> dict[str, float]:
    """Level change between two periods, by GLS with AR(1) errors on calendar days.

    ``y = level + change * after + e`` with ``corr(e_s, e_t) = phi ** |s - t|``
    (``s``, ``t`` in days). Without ``phi`` it is estimated from the lag-1
    autocorrelation ``r`` of the residuals around each period's mean (pairs
    of consecutive days in one period), bias-corrected for the estimated
    means with ``E(r) = phi - (1 + 3 phi) / m`` (Marriott & Pope 1954;
    ``m`` = mean scored days per period), and kept within [0, 0.95].
    The interval uses Student's t with ``n (1 - phi) / (1 + phi) - 2``
    degrees of freedom (at least 2), the effective number of independent
    days: both choices were made by simulation (``benchmarks/bench_change.py``).

    Returns a dict: ``level``, ``change``, ``var_level``, ``var_change``,
    ``cov`` (their covariance), ``phi``, ``dof``, ``n``.
    """
    n = len(y)
    m = n / 2
    if phi is None:
        means = np.where(after, y[after].mean(), y[~after].mean())
        r = _lag1(day, y - means, after)
        phi = (r * m + 1) / (m - 3) if m > 3 else 0.95
        phi = min(max(phi, 0.0), 0.95)
    ys, x0, x1 = _whiten(day, [y, np.ones(n), after.astype("float64")], phi)
    xw = np.column_stack([x0, x1])
    xtx = xw.T @ xw
    beta = np.linalg.solve(xtx, xw.T @ ys)
    resid = ys - xw @ beta
    s2 = float(resid @ resid) / (n - 2)
    cov = s2 * np.linalg.inv(xtx)
    dof = max(n * (1 - phi) / (1 + phi) - 2, 2.0)
    return {
        "level": float(beta[0]),
        "change": float(beta[1]),
        "var_level": float(cov[0, 0]),
        "var_change": float(cov[1, 1]),
        "cov": float(cov[0, 1]),
        "phi": float(phi),
        "dof": float(dof),
        "n": n,
    }


def fieller_ratio(
    a: float, b: float, var_a: float, var_b: float, cov: float, t: float
) -> tuple[float, float]:
    """Fieller's interval for the ratio ``b / a`` (NaN, NaN when it is unbounded).

    The set of ``theta`` with ``(b - theta a)^2 <= t^2 var(b - theta a)``:
    exact for jointly normal estimates, and asymmetric as a ratio is
    (Fieller 1954). It is unbounded when ``a`` is not clearly away from 0
    (``a^2 <= t^2 var(a)``): a percent of a baseline that may be 0 means
    nothing, and NaN says so.

    >>> lo, hi = fieller_ratio(5.0, -1.0, 0.04, 0.08, -0.04, 2.0)
    >>> round(lo, 3), round(hi, 3)
    (-0.298, -0.092)
    """
    qa = a * a - t * t * var_a
    if qa <= 0:
        return math.nan, math.nan
    qb = a * b - t * t * cov
    qc = b * b - t * t * var_b
    disc = qb * qb - qa * qc
    if disc < 0:  # cannot happen when qa > 0; kept for rounding
        disc = 0.0
    root = math.sqrt(disc)
    return (qb - root) / qa, (qb + root) / qa


def grade_percent(percent: float, *, bands: tuple[float, float, float] = IMMPACT_BANDS) -> str:
    """The IMMPACT band of one percent change: ``none``, ``minimal``, ``moderate``, ``substantial``.

    Bands of :data:`IMMPACT_BANDS` (Dworkin et al. 2008) on the size of the
    change, whatever its sign.

    >>> grade_percent(-33.3), grade_percent(-9.9), grade_percent(55)
    ('moderate', 'none', 'substantial')
    """
    size = abs(percent)
    return BANDS[int(np.searchsorted(np.asarray(bands), size, side="right"))]


def _decide_grade(low: float, high: float, bands: tuple[float, float, float]) -> tuple[str, str]:
    """``(grade, direction)`` decided from the percent interval ``[low, high]``.

    The grade is the band that holds the whole interval; when the interval
    lies on one side of 0 and crosses only into larger bands, the band of its
    end nearest 0 prefixed ``at_least_``; else ``unclear`` (too wide to tell).
    """
    if not (np.isfinite(low) and np.isfinite(high)):
        return "unclear", "unclear"
    lo_band, hi_band = grade_percent(low, bands=bands), grade_percent(high, bands=bands)
    if high < 0:
        direction = "lower"
        near = hi_band
        far = lo_band
    elif low > 0:
        direction = "higher"
        near, far = lo_band, hi_band
    else:
        direction = "unclear"
        near = far = None
    if direction == "unclear":
        # around 0: decided only if the whole interval is within "none"
        if lo_band == "none" and hi_band == "none":
            return "none", "unclear"
        return "unclear", "unclear"
    if near == far:
        return near, direction
    if near == "none":
        return "unclear", direction
    return f"at_least_{near}", direction


def _decide_mic(
    low: float, high: float, pct_low: float, pct_high: float, points: float, percent: float
) -> str:
    """Ostelo et al. (2008): is the change at least 2 points or 30%, decided from both intervals."""
    if high <= -points or (np.isfinite(pct_high) and pct_high <= -percent):
        return "improved"
    if low >= points or (np.isfinite(pct_low) and pct_low >= percent):
        return "worse"
    inside_points = low > -points and high < points
    inside_pct = np.isfinite(pct_low) and pct_low > -percent and pct_high < percent
    if inside_points and inside_pct:
        return "not_important"
    return "unclear"


# ----------------------------------------------------------------- periods
def _person(data: pd.DataFrame, subject: Any, func: str) -> tuple[Any, pd.DataFrame]:
    """One person's scored days, sorted by date."""
    require_columns(data, ["subject", "date", "pain"], func=func)
    check_diary(data)
    ids = pd.unique(data["subject"].dropna())
    if subject is None:
        if len(ids) != 1:
            shown = ", ".join(map(repr, ids[:5]))
            msg = f"{func}: data holds {len(ids)} subjects ({shown}); pass subject= to choose one"
            raise ValueError(msg)
        subject = ids[0]
    rows = data[data["subject"] == subject]
    if rows.empty:
        msg = f"{func}: subject {subject!r} is not in data (subjects: {list(ids[:10])})"
        raise ValueError(msg)
    cols = ["date", "pain"] + (["tags"] if "tags" in rows.columns else [])
    return subject, rows.loc[:, cols].sort_values("date").reset_index(drop=True)


def _first_use(rows: pd.DataFrame, tag: str, func: str) -> pd.Timestamp:
    if "tags" not in rows.columns:
        msg = f"{func}: tag={tag!r} was given but the diary has no 'tags' column"
        raise ValueError(msg)
    has = rows["tags"].fillna("").str.split(TAG_SEP, regex=False).map(lambda t: tag in t)
    if not has.any():
        used = sorted({t for v in rows["tags"].dropna() for t in str(v).split(TAG_SEP) if t})
        msg = f"{func}: tag {tag!r} is never used in the diary (tags used: {used[:20]})"
        raise ValueError(msg)
    return pd.Timestamp(rows.loc[has, "date"].min())


def _periods(
    dates: pd.Series, at: pd.Timestamp | None, weeks: float | None
) -> tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp, pd.Timestamp]:
    """``(before_start, before_end, after_start, after_end)``, inclusive calendar days."""
    first, last = dates.min(), dates.max()
    span = None if weeks is None else pd.Timedelta(days=round(7 * weeks))
    one = pd.Timedelta(days=1)
    if at is None:
        if span is None or (last - first) + one < 2 * span:
            # too short for two whole periods: the first and the second half
            middle = first + pd.Timedelta(days=((last - first).days + 1) // 2)
            return first, middle - one, middle, last
        return first, first + span - one, last - span + one, last
    before_start = first if span is None else max(first, at - span)
    after_start = at if span is None else max(at, last - span + one)
    return before_start, at - one, after_start, last


@dataclass(frozen=True)
class PainChange:
    """The change in one person's pain between two periods, graded.

    Build it with :func:`pain_change`. ``to_frame()`` gives the same numbers
    as a one-row table; in a notebook it shows itself as that table.

    Attributes
    ----------
    subject : str
        The person.
    periods : pandas.DataFrame
        One row per period (``period`` = ``"before"``, ``"after"``):
        ``start``, ``end`` (inclusive days), ``n_days`` (days with a pain
        score), ``mean`` (their mean pain), ``needed`` (more scored days
        needed to grade the change; 0 when enough).
    summary : pandas.Series
        ``baseline`` (the model's level before), ``change`` (points, after
        minus before), ``ci_low``, ``ci_high``, ``percent`` (100 x change /
        baseline), ``pct_low``, ``pct_high`` (Fieller), ``phi`` (the AR(1)
        coefficient used), ``dof``, ``grade`` (IMMPACT, decided from the
        percent interval: ``none``, ``minimal``, ``moderate``,
        ``substantial``, ``at_least_minimal``, ``at_least_moderate``,
        ``unclear``, ``no_percent`` (the level before is not clearly above 0,
        so no percent) or ``too_few_days``), ``direction`` (``lower``,
        ``higher`` or ``unclear``), ``grade_estimate`` (the band of the point
        estimate, for researchers), ``mic`` (Ostelo et al. 2008: ``improved``,
        ``worse``, ``not_important``, ``unclear`` or ``too_few_days``).
    days : pandas.DataFrame
        Every day with a pain score (``date``, ``pain``, ``period``: ``before``,
        ``after`` or ``other`` for a day in neither period), for the figure.
    at : pandas.Timestamp or None
        The date the periods were split at (``at=`` or the tag's first use).
    tag : str or None
        The tag whose first use split the periods.
    alpha : float
        1 - the interval's coverage.
    min_days : int
        Scored days needed in each period to grade the change.
    method : str
        How the interval was computed, in one sentence.
    """

    subject: str
    periods: pd.DataFrame = field(repr=False)
    summary: pd.Series = field(repr=False)
    days: pd.DataFrame = field(repr=False)
    at: pd.Timestamp | None
    tag: str | None
    alpha: float
    min_days: int
    method: str = field(repr=False)

    @property
    def grade(self) -> str:
        """The IMMPACT grade (see ``summary``)."""
        return str(self.summary["grade"])

    def to_frame(self) -> pd.DataFrame:
        """One row: ``subject``, the periods' ``n_before``, ``mean_before``, ... and ``summary``."""
        p = self.periods.set_index("period")
        row: dict[str, Any] = {"subject": self.subject}
        for name in ("before", "after"):
            for col in ("start", "end", "n_days", "mean"):
                row[f"{col}_{name}"] = p.loc[name, col]
        row.update(self.summary.to_dict())
        return pd.DataFrame([row])

    def _repr_html_(self) -> str:
        return self.to_frame().to_html(index=False)


def pain_change(
    data: pd.DataFrame,
    *,
    subject: Any = None,
    at: Any = None,
    tag: str | None = None,
    weeks: float | None = 4,
    min_days: int = MIN_DAYS,
    alpha: float = 0.05,
    bands: tuple[float, float, float] = IMMPACT_BANDS,
    mic_points: float = MIC_POINTS,
    mic_percent: float = MIC_PERCENT,
) -> PainChange:
    """Has one person's pain changed between two periods, and by enough to matter?

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary with ``subject``, ``date`` and ``pain`` (0-10).
    subject : optional
        The person, when ``data`` holds several.
    at : date, optional
        Compare before this day with after it ("since I started
        physiotherapy on 3 March"). The before period is the ``weeks`` weeks
        just before ``at``; the after period the last ``weeks`` weeks of the
        diary from ``at`` on (the level now).
    tag : str, optional
        Split at the first day this tag was recorded (instead of ``at``).
    weeks : float or None, default 4
        Length of each period. Without ``at`` or ``tag``: the first and the
        last ``weeks`` weeks of the diary (a diary shorter than twice that
        is split in two halves). ``None`` uses all days before and after.
    min_days : int, default 14
        Scored days needed in each period to grade the change
        (:data:`MIN_DAYS`); with fewer, ``grade`` is ``too_few_days`` and
        ``periods.needed`` says how many more are needed.
    alpha : float, default 0.05
        1 - the coverage of the intervals.
    bands : tuple of 3 floats
        IMMPACT percent bands (:data:`IMMPACT_BANDS`).
    mic_points, mic_percent : float
        Ostelo et al. (2008) minimal important change: 2 points or 30%.

    Returns
    -------
    PainChange
        The periods, the change with its intervals and the grades.

    Raises
    ------
    ValueError
        For a diary that is not canonical, an unknown subject, both ``at``
        and ``tag``, a tag never used, or a split day outside the diary.

    See Also
    --------
    responders : the same comparison for every person in a cohort.
    backpain.plot.pain_change : the figure.

    Notes
    -----
    Model: a segmented (interrupted time-series) regression with a level
    change between the periods and AR(1) errors over calendar days, fitted
    by generalised least squares (:func:`ar1_fit`). The estimate and its
    standard error equal ``statsmodels.regression.linear_model.GLS`` with the
    AR(1) correlation matrix at the same ``phi``, and agree with a SARIMAX
    (1, 0, 0) maximum-likelihood fit on long series (both checked in the
    tests). The percent change is ``100 x change / baseline`` with Fieller's
    interval (:func:`fieller_ratio`): the baseline is estimated too, and
    Fieller's interval allows for that exactly under normal errors, where
    the delta method assumes the baseline's error is small and gives a
    symmetric interval around an asymmetric ratio.

    Grades. IMMPACT (Dworkin et al. 2008): 10-20% minimally, 30% or more
    moderately, 50% or more substantially important (:data:`IMMPACT_BANDS`).
    Ostelo et al. (2008): the minimal important change of a 0-10 pain score
    is 2 points or 30%. Both sources grade improvement; a rise in pain is
    graded with the same thresholds, mirrored (our default). Each grade is decided from the interval, not the
    estimate alone: ``moderate`` when the whole percent interval lies in
    30-50%, ``at_least_minimal`` when it lies beyond 10% but crosses into
    larger bands, ``unclear`` when it is too wide to tell.

    A change over time does not show that a treatment caused it.

    References
    ----------
    Dworkin RH et al. (2008). Interpreting the clinical importance of
    treatment outcomes in chronic pain clinical trials: IMMPACT
    recommendations. J Pain 9(2):105-121.
    Ostelo RWJG et al. (2008). Interpreting change scores for pain and
    functional status in low back pain: towards international consensus
    regarding minimal important change. Spine 33(1):90-94.
    Fieller EC (1954). Some problems in interval estimation. J R Stat Soc B 16:175-185.
    Marriott FHC, Pope JA (1954). Bias in the estimation of autocorrelations.
    Biometrika 41:390-402.

    Examples
    --------
    >>> import pandas as pd
    >>> days = pd.date_range("2026-01-01", periods=56)
    >>> diary = pd.DataFrame({"subject": "me", "date": days, "pain": [6.0] * 28 + [4.0] * 28})
    >>> res = pain_change(diary)
    >>> s = res.summary
    >>> round(float(s["change"]), 2), round(float(s["percent"]), 1), res.grade, s["mic"]
    (-2.0, -33.3, 'moderate', 'improved')
    """
    func = "pain_change"
    if at is not None and tag is not None:
        msg = f"{func}: give at= or tag=, not both (at={at!r}, tag={tag!r})"
        raise ValueError(msg)
    check_whole("min_days", min_days, low=3, func=func)
    if not 0 < alpha < 1:
        msg = f"{func}: alpha must be between 0 and 1, not {alpha!r}"
        raise ValueError(msg)
    if weeks is not None and not weeks > 0:
        msg = f"{func}: weeks must be a positive number of weeks or None, not {weeks!r}"
        raise ValueError(msg)
    subject, rows = _person(data, subject, func)
    scored = rows[rows["pain"].notna()]
    if len(scored) == 0:
        msg = f"{func}: subject {subject!r} has no day with a pain score"
        raise ValueError(msg)
    split = _first_use(rows, tag, func) if tag is not None else None
    if at is not None:
        split = pd.Timestamp(at).normalize()
    if split is not None and not scored["date"].min() < split <= scored["date"].max():
        msg = (
            f"{func}: the split day {split.date()} must fall after the first and on or before "
            f"the last scored day ({scored['date'].min().date()} to {scored['date'].max().date()})"
        )
        raise ValueError(msg)
    b0, b1, a0, a1 = _periods(scored["date"], split, weeks)
    dates = scored["date"]
    period = np.where(
        (dates >= b0) & (dates <= b1),
        "before",
        np.where((dates >= a0) & (dates <= a1), "after", "other"),
    )
    days = scored.assign(period=period).reset_index(drop=True)
    counts = days["period"].value_counts()
    n_b, n_a = int(counts.get("before", 0)), int(counts.get("after", 0))
    means = days.groupby("period")["pain"].mean()
    periods = pd.DataFrame(
        {
            "period": ["before", "after"],
            "start": [b0, a0],
            "end": [b1, a1],
            "n_days": [n_b, n_a],
            "mean": [means.get("before", np.nan), means.get("after", np.nan)],
            "needed": [max(0, min_days - n_b), max(0, min_days - n_a)],
        }
    )
    compared = days[days["period"] != "other"]
    summary = _summary(compared, n_b, n_a, min_days, alpha, bands, mic_points, mic_percent)
    return PainChange(
        subject=str(subject),
        periods=periods,
        summary=summary,
        days=days.loc[:, ["date", "pain", "period"]],
        at=split,
        tag=tag,
        alpha=alpha,
        min_days=int(min_days),
        method=(
            "GLS level change with AR(1) errors over calendar days (phi bias-corrected, "
            "t with effective degrees of freedom); Fieller interval for the percent"
        ),
    )


def estimate_change(
    day: np.ndarray, y: np.ndarray, after: np.ndarray, *, alpha: float = 0.05
) -> dict[str, float]:
    """The change and its intervals from day numbers, pain values and the period flags.

    :func:`ar1_fit`, then Student's t interval for the change and Fieller's
    for the percent (NaN when the level before is not clearly above 0).
    Returns ``baseline``, ``change``, ``ci_low``, ``ci_high``, ``percent``,
    ``pct_low``, ``pct_high``, ``phi``, ``dof``. The coverage benchmark
    (``benchmarks/bench_change.py``) calls this function.
    """
    fit = ar1_fit(day, y, after)
    t = float(sps.t.ppf(1 - alpha / 2, fit["dof"]))
    se = math.sqrt(fit["var_change"])
    base, change = fit["level"], fit["change"]
    r_lo, r_hi = fieller_ratio(base, change, fit["var_level"], fit["var_change"], fit["cov"], t)
    if se == 0 and base > 0:  # no day-to-day variation: the interval is the point
        r_lo = r_hi = change / base
    bounded = np.isfinite(r_lo)
    return {
        "baseline": base,
        "change": change,
        "ci_low": change - t * se,
        "ci_high": change + t * se,
        "percent": 100 * change / base if bounded else np.nan,
        "pct_low": 100 * r_lo,
        "pct_high": 100 * r_hi,
        "phi": fit["phi"],
        "dof": fit["dof"],
    }


_EMPTY = {
    "baseline": np.nan,
    "change": np.nan,
    "ci_low": np.nan,
    "ci_high": np.nan,
    "percent": np.nan,
    "pct_low": np.nan,
    "pct_high": np.nan,
    "phi": np.nan,
    "dof": np.nan,
}


def _summary(
    days: pd.DataFrame,
    n_b: int,
    n_a: int,
    min_days: int,
    alpha: float,
    bands: tuple[float, float, float],
    mic_points: float,
    mic_percent: float,
) -> pd.Series:
    if min(n_b, n_a) < min_days:
        return pd.Series(
            {
                **_EMPTY,
                "grade": "too_few_days",
                "direction": "unclear",
                "grade_estimate": "too_few_days",
                "mic": "too_few_days",
            },
            dtype=object,
        )
    day = days["date"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    after = (days["period"] == "after").to_numpy()
    est = estimate_change(day, days["pain"].to_numpy(dtype="float64"), after, alpha=alpha)
    lo, hi = est["ci_low"], est["ci_high"]
    pct_low, pct_high = est["pct_low"], est["pct_high"]
    if np.isfinite(pct_low):
        grade, direction = _decide_grade(pct_low, pct_high, bands)
        estimate = grade_percent(est["percent"], bands=bands)
    else:  # the level before is not clearly above 0: a percent of it means nothing
        grade, estimate = "no_percent", "no_percent"
        direction = "lower" if hi < 0 else "higher" if lo > 0 else "unclear"
    return pd.Series(
        {
            **est,
            "grade": grade,
            "direction": direction,
            "grade_estimate": estimate,
            "mic": _decide_mic(lo, hi, pct_low, pct_high, mic_points, mic_percent),
        },
        dtype=object,
    )


# ---------------------------------------------------------- questionnaires
@dataclass(frozen=True)
class Instrument:
    """A questionnaire's change thresholds, each with its source.

    Attributes
    ----------
    name : str
        Key in :data:`INSTRUMENTS`.
    score : str
        Score column of the scorer's result (``odi_score``, ...).
    scorer : str
        Name of the :mod:`backpain.questionnaires` function that scores it.
    low, high : float
        Range of the score.
    mcid : float or None
        Minimal important change in points (None: none established).
    mcid_percent : float or None
        Minimal important change relative to baseline, in percent, where the
        source gives one (Ostelo et al. 2008: 30% for ODI and RMDQ).
    sem : float or None
        Standard error of measurement, for the reliable change index.
    reliability : float or None
        Test-retest reliability (ICC) reported with ``sem``.
    source : str
        Where the numbers come from.
    """

    name: str
    score: str
    scorer: str
    low: float
    high: float
    mcid: float | None
    mcid_percent: float | None
    sem: float | None
    reliability: float | None
    source: str


INSTRUMENTS: dict[str, Instrument] = {
    "odi": Instrument(
        "odi",
        "odi_score",
        "score_odi",
        0,
        100,
        # Ostelo et al. 2008, Spine 33:90-94: MIC 10 points or 30%
        10.0,
        30.0,
        # Davidson & Keating 2002, Phys Ther 82:8-24, Table 5 (modified ODI,
        # 47 patients classified unchanged over 6 weeks): ICC(2,1) 0.84, SEM 6
        6.0,
        0.84,
        "MIC: Ostelo et al. 2008 (Spine 33:90); ICC 0.84 and SEM 6 points: "
        "Davidson & Keating 2002 (Phys Ther 82:8), Table 5",
    ),
    "rmdq": Instrument(
        "rmdq",
        "rmdq_score",
        "score_rmdq",
        0,
        24,
        # Ostelo et al. 2008, Spine 33:90-94: MIC 5 points or 30%
        5.0,
        30.0,
        # Davidson & Keating 2002, Phys Ther 82:8-24, Table 5: ICC(2,1) 0.53, SEM 3.7
        3.7,
        0.53,
        "MIC: Ostelo et al. 2008 (Spine 33:90); ICC 0.53 and SEM 3.7 points: "
        "Davidson & Keating 2002 (Phys Ther 82:8), Table 5",
    ),
    "peg": Instrument(
        "peg",
        "peg_score",
        "score_peg",
        0,
        10,
        # Reed et al. 2023, J Pain 25(1):142-152 (six trials, 1,710 people): anchor-based
        # MIDs "mostly 1.0 to 1.75"; we take the lower end, 1.0 point
        1.0,
        None,
        # no published test-retest reliability found: Krebs et al. 2009 (J Gen Intern
        # Med 24:733) report internal consistency only (alpha 0.73 and 0.89)
        None,
        None,
        "MID: Reed et al. 2023 (J Pain 25:142), lower end of the anchor-based 1.0-1.75; "
        "no published test-retest reliability (Krebs et al. 2009 report alpha only)",
    ),
    "nih_impact": Instrument(
        "nih_impact",
        "nih_impact",
        "score_nih_impact",
        8,
        50,
        # "The NIH Minimal Dataset for Chronic Low Back Pain: Responsiveness and Minimal
        # Clinically Important Change" (Spine; Dutch language version, 223 patients;
        # abstract at research.rug.nl, University of Groningen): Impact Stratification
        # (8-50) MCIC 7.5 points, SDC 14 points
        7.5,
        None,
        # SEM = SDC / (1.96 x sqrt 2) = 14 / 2.77 = 5.05 (the same paper's SDC)
        14 / (1.96 * math.sqrt(2)),
        None,
        "MCIC 7.5 and SDC 14 points (SEM = SDC / 2.77): 'The NIH Minimal Dataset for "
        "Chronic Low Back Pain: Responsiveness and Minimal Clinically Important Change' "
        "(Spine; Dutch language version; University of Groningen)",
    ),
}
"""Change thresholds per questionnaire, each with its source (see :class:`Instrument`)."""


def _check_instrument(instrument: str, func: str) -> Instrument:
    if instrument not in INSTRUMENTS:
        msg = f"{func}: instrument must be one of {sorted(INSTRUMENTS)}, not {instrument!r}"
        raise ValueError(msg)
    return INSTRUMENTS[instrument]


def _scores(
    table: pd.DataFrame, inst: Instrument, respondent: str, which: str, func: str
) -> pd.Series:
    """The scores of one administration, by respondent (scored first if only items are given)."""
    if not isinstance(table, pd.DataFrame):
        msg = f"{func}: {which} must be a pandas DataFrame, not {type(table).__name__}"
        raise TypeError(msg)
    if inst.score not in table.columns:
        from . import questionnaires

        table = getattr(questionnaires, inst.scorer)(table, respondent=respondent)
    if respondent not in table.columns:
        msg = (
            f"{func}: {which} has no respondent column {respondent!r} (columns: "
            f"{list(table.columns)[:12]}); pass respondent= to name it"
        )
        raise ValueError(msg)
    ids = table[respondent]
    if ids.duplicated().any():
        twice = ids[ids.duplicated()].tolist()[:5]
        msg = f"{func}: {which} has respondents more than once ({twice}); keep one row each"
        raise ValueError(msg)
    return pd.Series(table[inst.score].to_numpy(dtype="float64", na_value=np.nan), index=ids)


def questionnaire_change(
    before: pd.DataFrame,
    after: pd.DataFrame,
    *,
    instrument: str,
    respondent: str = "subject",
    mcid: float | None = None,
    sem: float | None = None,
    reliability: float | None = None,
    sd: float | None = None,
) -> pd.DataFrame:
    """Change between two administrations of a questionnaire, per respondent.

    Parameters
    ----------
    before, after : pandas.DataFrame
        One row per respondent: either a scorer's result (the score column of
        :data:`INSTRUMENTS`, e.g. ``odi_score``) or the item answers, which
        are then scored by :mod:`backpain.questionnaires`.
    instrument : {"odi", "rmdq", "peg", "nih_impact"}
        The questionnaire.
    respondent : str, default "subject"
        Id column present in both.
    mcid : float, optional
        Minimal important change in points (default from :data:`INSTRUMENTS`).
    sem : float, optional
        Standard error of measurement for the reliable change index (default
        from :data:`INSTRUMENTS`); or give ``reliability`` and ``sd``.
    reliability, sd : float, optional
        Test-retest reliability and the baseline SD: ``sem = sd * sqrt(1 -
        reliability)`` (Jacobson & Truax 1991).

    Returns
    -------
    pandas.DataFrame
        One row per respondent in both tables: ``respondent``, ``baseline``,
        ``follow_up``, ``change`` (follow-up minus baseline; lower is better
        on all four), ``percent_change`` (100 x change / baseline; of the
        score as given, so for the NIH impact score, whose floor is 8, not of
        the range above the floor), ``important`` (improved by at least
        ``mcid`` points, or by 30% for ODI and RMDQ as Ostelo et al. 2008
        give both; NA when no threshold is given), ``responder_30``,
        ``responder_50`` (at least 30% / 50% lower, IMMPACT), ``rci``
        (change / (sqrt 2 x SEM)), ``reliable`` (``improved``, ``worse`` or
        ``no_reliable_change`` at |RCI| > 1.96; NA without an SEM).

    Raises
    ------
    ValueError
        For an unknown instrument, a missing respondent column, a respondent
        twice, or a reliability outside 0-1.

    Notes
    -----
    Minimal important change: ODI 10 points and RMDQ 5 points (Ostelo et
    al. 2008); PEG 1 point, the lower end of the anchor-based MIDs of Reed
    et al. (2023); NIH impact score 7.5 points ("The NIH Minimal Dataset
    for Chronic Low Back Pain: Responsiveness and Minimal Clinically
    Important Change", Spine, Dutch language version, University of
    Groningen). The reliable change index of Jacobson & Truax (1991) divides
    the change by the standard error of a difference, ``sqrt(2) x SEM``;
    the SEMs come from test-retest studies (:data:`INSTRUMENTS`). PEG has
    no published test-retest reliability we could find, so its ``rci`` is
    NA unless ``sem`` (or ``reliability`` and ``sd``) is given.

    References
    ----------
    Jacobson NS, Truax P (1991). Clinical significance: a statistical
    approach to defining meaningful change in psychotherapy research.
    J Consult Clin Psychol 59(1):12-19.
    Davidson M, Keating JL (2002). A comparison of five low back disability
    questionnaires: reliability and responsiveness. Phys Ther 82(1):8-24.
    Reed DE et al. (2023). Comparable minimally important differences and
    responsiveness of Brief Pain Inventory and PEG pain scales across six
    trials. J Pain 25(1):142-152.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.DataFrame({"subject": ["a", "b"], "odi_score": [40.0, 30.0]})
    >>> t1 = pd.DataFrame({"subject": ["a", "b"], "odi_score": [20.0, 28.0]})
    >>> out = questionnaire_change(t0, t1, instrument="odi")
    >>> out[["respondent", "change", "important", "reliable"]].to_numpy().tolist()
    [['a', -20.0, True, 'improved'], ['b', -2.0, False, 'no_reliable_change']]
    """
    func = "questionnaire_change"
    inst = _check_instrument(instrument, func)
    if reliability is not None or sd is not None:
        if reliability is None or sd is None or not 0 <= reliability < 1 or not sd > 0:
            msg = (
                f"{func}: give both reliability (0 to 1) and sd (> 0) to compute the SEM, "
                f"not reliability={reliability!r}, sd={sd!r}"
            )
            raise ValueError(msg)
        sem = sd * math.sqrt(1 - reliability)
    sem = inst.sem if sem is None else sem
    mcid = inst.mcid if mcid is None else mcid
    x0 = _scores(before, inst, respondent, "before", func)
    x1 = _scores(after, inst, respondent, "after", func)
    both = x0.index.intersection(x1.index, sort=False)
    base, follow = x0.loc[both].to_numpy(), x1.loc[both].to_numpy()
    return _change_table(
        pd.Index(both, name="respondent"),
        base,
        follow,
        mcid=mcid,
        mcid_percent=inst.mcid_percent,
        sem=sem,
    )


def _change_table(
    ids: pd.Index,
    base: np.ndarray,
    follow: np.ndarray,
    *,
    mcid: float | None,
    mcid_percent: float | None,
    sem: float | None,
) -> pd.DataFrame:
    """Per-person change, percent and responder flags (shared by questionnaires and diaries)."""
    change = follow - base
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(base > 0, 100 * change / base, np.nan)
    ok = np.isfinite(pct)
    out = pd.DataFrame(
        {
            "respondent": ids.to_numpy(),
            "baseline": base,
            "follow_up": follow,
            "change": change,
            "percent_change": pct,
        }
    )
    done = np.isfinite(change)
    if mcid is not None:
        important = change <= -mcid
        if mcid_percent is not None:  # "x points or y%" (Ostelo et al. 2008)
            important |= ok & (np.where(ok, pct, 0) <= -mcid_percent)
        out["important"] = pd.array(np.where(done, important, None), dtype="boolean")
    else:
        out["important"] = pd.array([None] * len(out), dtype="boolean")
    out["responder_30"] = pd.array(np.where(ok, pct <= -30, None), dtype="boolean")
    out["responder_50"] = pd.array(np.where(ok, pct <= -50, None), dtype="boolean")
    if sem is not None and sem > 0:
        rci = change / (math.sqrt(2) * sem)
        z = float(sps.norm.ppf(0.975))
        word = np.where(rci <= -z, "improved", np.where(rci >= z, "worse", "no_reliable_change"))
        out["rci"] = rci
        out["reliable"] = pd.Series(np.where(np.isfinite(rci), word, None), dtype=object)
    else:
        out["rci"] = np.nan
        out["reliable"] = pd.Series([None] * len(out), dtype=object)
    return out


# ------------------------------------------------------------------ cohorts
def _person_windows(
    part: pd.DataFrame, weeks: float, min_days: int, by: str | None
) -> pd.DataFrame:
    """Per person: baseline and follow-up sums over the first and last ``weeks`` weeks."""
    from .classify import classify, duration_class

    d = part.loc[part["pain"].notna(), ["subject", "date", "pain"]]
    span = pd.Timedelta(days=round(7 * weeks))
    g = d.groupby("subject", sort=True, observed=True)["date"]
    first = g.transform("min")
    last = g.transform("max")
    short = (last - first) + pd.Timedelta(days=1) < 2 * span
    middle = first + pd.to_timedelta(((last - first).dt.days + 1) // 2, unit="D")
    base_end = (first + span).where(~short, middle)
    follow_start = (last - span + pd.Timedelta(days=1)).where(~short, middle)
    in_base = d["date"] < base_end
    in_follow = d["date"] >= follow_start
    sums = (
        d.assign(
            b_n=in_base.astype("int64"),
            b_s=d["pain"].where(in_base, 0.0),
            f_n=in_follow.astype("int64"),
            f_s=d["pain"].where(in_follow, 0.0),
            base_end=base_end,
        )
        .groupby("subject", sort=True, observed=True)
        .agg(
            n_baseline=("b_n", "sum"),
            b_s=("b_s", "sum"),
            n_follow_up=("f_n", "sum"),
            f_s=("f_s", "sum"),
            base_end=("base_end", "first"),
        )
    )
    # everyone in the partition has a row: a person without a pain score counts 0 days
    everyone = pd.Index(pd.unique(part["subject"].dropna())).sort_values()
    scored = sums.index
    sums = sums.reindex(everyone)
    sums[["n_baseline", "n_follow_up"]] = sums[["n_baseline", "n_follow_up"]].fillna(0)
    sums = sums.astype({"n_baseline": "int64", "n_follow_up": "int64"})
    enough = (sums["n_baseline"] >= min_days) & (sums["n_follow_up"] >= min_days)
    base = (sums["b_s"] / sums["n_baseline"]).where(enough)
    follow = (sums["f_s"] / sums["n_follow_up"]).where(enough)
    out = _change_table(
        pd.Index(sums.index),
        base.to_numpy(),
        follow.to_numpy(),
        mcid=MIC_POINTS,
        mcid_percent=MIC_PERCENT,
        sem=None,
    ).drop(columns=["rci", "reliable"])
    out = out.rename(columns={"respondent": "subject"})
    out.insert(2, "n_baseline", sums["n_baseline"].to_numpy())
    out.insert(4, "n_follow_up", sums["n_follow_up"].to_numpy())
    # duration class at the end of the baseline period (the classification of backpain.classify)
    no_class = duration_class(np.full(len(sums), np.nan))  # the classes' dtype, all NA
    out["duration_class"] = no_class.to_numpy()
    out["duration_class"] = out["duration_class"].astype(no_class.dtype)
    if len(scored):
        as_of = (sums.loc[scored, "base_end"] - pd.Timedelta(days=1)).to_dict()
        cls = classify(part.loc[part["subject"].isin(scored)], as_of=as_of)
        found = cls.set_index("subject")["duration_class"].reindex(sums.index)
        out["duration_class"] = found.to_numpy()
        out["duration_class"] = out["duration_class"].astype(no_class.dtype)
    if by is not None:
        values = part.groupby("subject", sort=True, observed=True)[by]
        several = values.nunique()
        if (several > 1).any():
            who = several[several > 1].index[0]
            shown = sorted(map(str, part.loc[part["subject"] == who, by].dropna().unique()))
            msg = (
                f"responders: by={by!r} must be constant within a person, but subject "
                f"{who!r} has {shown[:5]}; give each person one value (e.g. the arm at baseline)"
            )
            raise ValueError(msg)
        first_value = values.first()
        out[by] = first_value.reindex(sums.index).to_numpy()
    return out


def responders(
    data: Any,
    *,
    weeks: float = 4,
    min_days: int = MIN_DAYS,
    by: str | None = None,
) -> pd.DataFrame:
    """A responder table: per person, baseline and follow-up pain, change, responder at 30% and 50%.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary of a cohort (``subject``, ``date``, ``pain``). For a
        Dask DataFrame from :func:`backpain.read_dask`, use
        :func:`backpain.dask.responders` (the same table, computed partition
        by partition).
    weeks : float, default 4
        Baseline = the person's first ``weeks`` weeks with a pain score,
        follow-up = the last ``weeks`` weeks (a diary shorter than twice
        that is split in two halves).
    min_days : int, default 14
        Scored days needed in each period; with fewer the person's values
        are NaN / NA (counted as not evaluable, never as non-responders).
    by : str, optional
        A grouping column of ``data`` (a treatment arm, a clinic), constant
        within each person (else a ValueError names the person).

    Returns
    -------
    pandas.DataFrame
        One row per person (every person in ``data``, also one without a
        pain score), by subject: ``subject``, ``baseline``,
        ``n_baseline``, ``follow_up``, ``n_follow_up``, ``change`` (points),
        ``percent_change``, ``important`` (at least 2 points or 30% lower,
        Ostelo et al. 2008), ``responder_30``, ``responder_50`` (at least 30% / 50%
        less pain: IMMPACT, Dworkin et al. 2008), ``duration_class`` (from
        :func:`backpain.classify` at the end of the baseline period) and
        ``by`` when given.

    Raises
    ------
    ValueError
        For a diary that is not canonical, a missing ``by`` column, a ``by``
        value that changes within a person, or bad ``weeks`` / ``min_days``.
    TypeError
        For a Dask DataFrame (the message names :func:`backpain.dask.responders`).

    See Also
    --------
    responder_shares : the share of responders per group, with intervals.
    pain_change : one person, with an interval that allows for day-to-day dependence.

    Notes
    -----
    Person means of the two periods: the raw means, as a responder analysis
    reports them (the NIH Task Force asks studies to report responders:
    Deyo et al. 2014). The Dask version computes each person's sums inside
    the partition that holds the person (no shuffle), by
    :func:`person_windows`, the function this one calls.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> table = responders(simulate_cohort(6, 120, seed=1))
    >>> table.columns[:5].tolist()
    ['subject', 'baseline', 'n_baseline', 'follow_up', 'n_follow_up']
    """
    func = "responders"
    refuse_dask(data, func)
    require_columns(data, ["subject", "date", "pain", *([by] if by else [])], func=func)
    check_diary(data)
    if not (isinstance(min_days, int | np.integer) and min_days >= 1):
        msg = f"{func}: min_days must be a whole number of at least 1, not {min_days!r}"
        raise ValueError(msg)
    if not weeks > 0:
        msg = f"{func}: weeks must be a positive number of weeks, not {weeks!r}"
        raise ValueError(msg)
    return person_windows(data, weeks=weeks, min_days=min_days, by=by)


def person_windows(
    data: pd.DataFrame, *, weeks: float, min_days: int, by: str | None
) -> pd.DataFrame:
    """:func:`responders` on a checked in-memory frame (one partition in the Dask version)."""
    if len(data) == 0:
        cols = [
            "subject",
            "baseline",
            "n_baseline",
            "follow_up",
            "n_follow_up",
            "change",
            "percent_change",
            "important",
            "responder_30",
            "responder_50",
            "duration_class",
        ]
        return pd.DataFrame(columns=cols + ([by] if by else []))
    return _person_windows(data, weeks, min_days, by).reset_index(drop=True)


def wilson_ci(
    k: np.ndarray, n: np.ndarray, *, alpha: float = 0.05
) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for ``k`` successes out of ``n`` (NaN where ``n`` is 0).

    Checked in the tests against ``statsmodels.stats.proportion.proportion_confint(method="wilson")``.

    >>> lo, hi = wilson_ci(np.array([3]), np.array([10]))
    >>> round(float(lo[0]), 4), round(float(hi[0]), 4)
    (0.1078, 0.6032)
    """
    k = np.asarray(k, dtype="float64")
    n = np.asarray(n, dtype="float64")
    z = float(sps.norm.ppf(1 - alpha / 2))
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        denom = 1 + z * z / n
        centre = (p + z * z / (2 * n)) / denom
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    bad = n <= 0
    low = np.clip(centre - half, 0.0, 1.0)
    high = np.clip(centre + half, 0.0, 1.0)
    return np.where(bad, np.nan, low), np.where(bad, np.nan, high)


def responder_shares(
    table: pd.DataFrame, *, by: str = "duration_class", alpha: float = 0.05
) -> pd.DataFrame:
    """The share of responders (30% and 50%) per group, with Wilson intervals.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`responders` or :func:`questionnaire_change` output (needs
        ``responder_30``, ``responder_50`` and the ``by`` column).
    by : str, default "duration_class"
        The grouping column; a row ``"all"`` is added for everyone.
    alpha : float, default 0.05
        1 - the intervals' coverage.

    Returns
    -------
    pandas.DataFrame
        One row per group (and ``"all"``): ``group``, ``n`` (people),
        ``n_evaluable`` (with a baseline and a follow-up), and for 30 and 50:
        ``n_responder_30``, ``share_30``, ``ci95_low_30``, ``ci95_high_30``, ...
        (shares of the evaluable people).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"g": ["a", "a", "b"], "responder_30": [True, False, True],
    ...                   "responder_50": [False, False, True]})
    >>> responder_shares(t, by="g")[["group", "n_evaluable", "share_30"]].to_numpy().tolist()
    [['a', 2, 0.5], ['b', 1, 1.0], ['all', 3, 0.6666666666666666]]
    """
    func = "responder_shares"
    require_columns(table, [by, "responder_30", "responder_50"], func=func)
    if not 0 < alpha < 1:
        msg = f"{func}: alpha must be between 0 and 1, not {alpha!r}"
        raise ValueError(msg)
    groups = table[by].astype(object).where(table[by].notna(), "unknown")
    parts = [(str(g), table[groups == g]) for g in pd.unique(groups)]
    order = sorted(parts, key=lambda p: _group_order(table[by], p[0]))
    rows = []
    for name, part in [*order, ("all", table)]:
        row: dict[str, Any] = {"group": name, "n": len(part)}
        r30 = part["responder_30"].astype("boolean")
        row["n_evaluable"] = int(r30.notna().sum())
        for cut in (30, 50):
            flag = part[f"responder_{cut}"].astype("boolean")
            k = int(flag.sum(skipna=True))
            n = int(flag.notna().sum())
            lo, hi = wilson_ci(np.array([k]), np.array([n]), alpha=alpha)
            row[f"n_responder_{cut}"] = k
            row[f"share_{cut}"] = k / n if n else np.nan
            row[f"ci95_low_{cut}"] = float(lo[0])
            row[f"ci95_high_{cut}"] = float(hi[0])
        rows.append(row)
    return pd.DataFrame(rows)


def _group_order(column: pd.Series, name: str) -> tuple[int, str]:
    """Categories in their own order (acute, subacute, chronic), others by name."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        cats = [str(c) for c in column.cat.categories]
        if name in cats:
            return (cats.index(name), "")
    return (10**6, name)
