"""The per-subject sums behind the cohort correlations, shared by both engines.

:func:`backpain.within_corr`, :func:`~backpain.between_corr`,
:func:`~backpain.lagged_corr` and :func:`~backpain.correlate` compute their
sums here on the whole diary; :mod:`backpain.dask` computes the same sums on
each partition (each person's days in one), combines them with
:meth:`CorrSums.combine` and finishes with the same table functions. One
implementation of the per-subject sums for both engines: the sums of
disjoint sets of persons combine exactly (counts and sums of squares and
products add, per-person arrays concatenate).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ._cluster import one_partition_each
from ._correlation import ar1_inflation, between_r, bh_adjust, check_cohort_serial, within_r
from ._diary_arrays import Calendar, check_dated, check_lags, numeric_values, shift, subject_codes
from ._results import Result
from .text import Message

__all__ = [
    "PREDICTORS",
    "Centred",
    "CorrSums",
    "Correlations",
    "Groups",
    "Lag1",
    "Outcome",
    "PairSums",
    "WithinCorr",
    "between_table",
    "corr_sums",
    "correlate_args",
    "correlate_table",
    "lagged_table",
    "within_table",
]

PREDICTORS = ("stress", "sleep_hours", "sleep_quality", "steps", "active_minutes", "mood")
"""The predictors :func:`backpain.correlate` relates to pain by default."""


# ------------------------------------------------------------------ helpers
class Groups:
    """The subject column factorised once, with what every per-subject sum reuses.

    When the rows come subject by subject (the usual diary order), each
    subject is one run of rows and per-subject sums are ``numpy.add.reduceat``
    over the runs; otherwise (or with ``runs=False``) they are weighted
    ``numpy.bincount``, which adds in row order. The two differ only in
    rounding (about 1e-16 relative), which can break exact ties between
    person means: Spearman's between-person r keeps ``bincount``.
    """

    def __init__(self, data: pd.DataFrame, subject: str, *, runs: bool = True) -> None:
        self.codes, self.k = subject_codes(data, subject)
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


def lag_rows(cal: Calendar, lag: int) -> np.ndarray | None:
    """``cal.positions(lag)``, or None when that is every row itself (lag 0, all dated)."""
    if lag == 0 and cal.all_ok:
        return None
    return cal.positions(lag)


class Centred:
    """A numeric column centred once on each subject's mean (NaN = missing).

    Correlations are invariant to a per-subject shift, so the pair statistics
    below can work with sums of these values without losing precision.
    """

    def __init__(self, values: np.ndarray, groups: Groups) -> None:
        finite = np.isfinite(values)
        if groups.complete and finite.all():
            n = groups.counts
            sums = groups.sums(values)
        else:
            ok = finite if groups.valid is None else finite & groups.valid
            n = groups.sums(ok)
            sums = groups.sums(np.where(ok, values, 0.0))
        self.shift = sums / np.maximum(n, 1)
        self.n_people = int(np.count_nonzero(n >= 2))
        self.dev = values - groups.spread(self.shift)
        self.all_finite = bool(np.isfinite(self.dev).all())


class PairSums:
    """Per-subject counts and sums of complete (x, y) pairs, in O(N).

    Additive over persons: the per-person arrays (``n``, ``sx``, ``sy`` and
    the persons' centring shifts) of disjoint sets of persons concatenate, and
    the scalar sums of squares and products add (:meth:`concat`). That is how
    :mod:`backpain.dask` combines its partitions; in memory the whole diary is
    one part.
    """

    def __init__(
        self,
        n: np.ndarray,
        sx: np.ndarray,
        sy: np.ndarray,
        sxx: float,
        syy: float,
        sxy: float,
        shift_x: np.ndarray,
        shift_y: np.ndarray,
    ) -> None:
        self.n, self.sx, self.sy = n, sx, sy
        self.sxx, self.syy, self.sxy = sxx, syy, sxy
        self.shift_x, self.shift_y = shift_x, shift_y

    @classmethod
    def empty(cls) -> PairSums:
        """No pairs at all (a predictor without values)."""
        none = np.empty(0)
        return cls(none, none, none, 0.0, 0.0, 0.0, none, none)

    @classmethod
    def concat(cls, parts: Sequence[PairSums]) -> PairSums:
        """The sums of several disjoint sets of persons as one."""
        if len(parts) == 1:
            return parts[0]

        def cat(name: str) -> np.ndarray:
            return np.concatenate([getattr(p, name) for p in parts] or [np.empty(0)])

        return cls(
            cat("n"),
            cat("sx"),
            cat("sy"),
            sum(p.sxx for p in parts),
            sum(p.syy for p in parts),
            sum(p.sxy for p in parts),
            cat("shift_x"),
            cat("shift_y"),
        )

    def within(self, inflate: float = 1.0) -> dict[str, float]:
        """Repeated-measures correlation (Bakdash & Marusich, 2017) of the pairs.

        ``inflate`` > 1 divides the within-person observations by that factor
        (serial dependence, see :func:`backpain._correlation.ar1_inflation`); ``dof`` is then a float.
        """
        many = self.n >= 2
        n_obs = int(self.n[many].sum())
        return within_r(n_obs, int(np.count_nonzero(many)), self._sums, inflate)

    def _sums(self) -> tuple[float, float, float, float, float]:
        """Total and within-person sums: total minus ``n_i * mean_i^2`` per person."""
        has = self.n > 0
        n, sx, sy = self.n[has], self.sx[has], self.sy[has]
        wxx = self.sxx - float(sx @ (sx / n))
        wyy = self.syy - float(sy @ (sy / n))
        wxy = self.sxy - float(sx @ (sy / n))
        return self.sxx, self.syy, wxx, wyy, wxy

    def means(self) -> tuple[np.ndarray, np.ndarray]:
        """Person means of x and y over complete pairs (persons with at least one pair)."""
        has = self.n > 0
        n = self.n[has]
        return self.sx[has] / n + self.shift_x[has], self.sy[has] / n + self.shift_y[has]


class Outcome:
    """The centred outcome ``y`` paired with predictors, reusing its sums.

    The pairs of ``x`` (at lag ``L``) and ``y`` are complete where ``y`` is
    finite, the subject known and the day ``L`` days back in the diary, and
    ``x`` finite there. For a predictor without missing values that mask,
    and with it the sums of ``y`` over it, is the same for every predictor,
    so it is computed once per lag.
    """

    def __init__(self, cy: Centred, groups: Groups) -> None:
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

    def pairs(self, cx: Centred, pos: np.ndarray | None = None, key: object = None) -> PairSums:
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
        cy = self.centred
        return PairSums(n, sx, sy, float(xz @ xz), syy, float(xz @ yz), cx.shift, cy.shift)


class Lag1:
    """Additive sums for a centred column's lag-1 autocorrelation pooled over persons."""

    def __init__(
        self, n_fin: int = 0, dd: float = 0.0, n_pair: int = 0, db: float = 0.0, n_people: int = 0
    ) -> None:
        self.n_fin, self.dd, self.n_pair, self.db, self.n_people = n_fin, dd, n_pair, db, n_people

    @classmethod
    def of(cls, c: Centred, prev: np.ndarray) -> Lag1:
        """The sums of ``c`` and each row's row of the day before (``prev``, -1: none)."""
        dev = c.dev
        fin = np.isfinite(dev)
        before = shift(dev, prev)
        pair = fin & np.isfinite(before)
        return cls(
            int(fin.sum()),
            float(dev[fin] @ dev[fin]),
            int(pair.sum()),
            float(dev[pair] @ before[pair]),
            c.n_people,
        )

    def __add__(self, other: Lag1) -> Lag1:
        return Lag1(
            self.n_fin + other.n_fin,
            self.dd + other.dd,
            self.n_pair + other.n_pair,
            self.db + other.db,
            self.n_people + other.n_people,
        )

    def r(self) -> float:
        """Within-person lag-1 autocorrelation pooled over persons, bias-corrected.

        The bias of a person's autocorrelation, about ``-(1 + 3 r) / n_i``
        (Marriott & Pope, 1954), pooled over persons is ``-(1 + 3 r) S / N``.
        """
        if self.n_fin < 3:
            return 0.0
        c0 = self.dd / self.n_fin
        if self.n_pair == 0 or c0 <= 0:
            return 0.0
        r = self.db / self.n_pair / c0
        return r + (1 + 3 * r) * self.n_people / self.n_fin


class CorrSums:
    """Everything a cohort correlation table needs from one diary or one part of it.

    ``pairs[name, lag]`` (``lag`` an int, or ``"same"`` for same-row pairs when
    lag 0 was not asked) are :class:`PairSums`; ``lag1[name]`` are
    :class:`Lag1` (only with ``serial="neff"``); ``counts[name]`` the values
    present; ``subjects`` the persons in the part. Parts with disjoint persons
    combine exactly (:meth:`combine`): the one implementation of the
    per-subject sums for the in-memory and the Dask analyses.
    """

    def __init__(self, subjects: np.ndarray, counts: dict[str, int]) -> None:
        self.subjects = subjects
        self.counts = counts
        self.pairs: dict[tuple[str, object], PairSums] = {}
        self.lag1: dict[str, Lag1] = {}

    @classmethod
    def combine(cls, parts: Sequence[CorrSums], subject: str = "subject") -> CorrSums:
        """One part from parts with disjoint persons (a person in two parts raises)."""
        if len(parts) == 1:
            return parts[0]
        one_partition_each([p.subjects for p in parts], subject)
        ids = pd.Series(np.concatenate([p.subjects for p in parts] or [np.empty(0, dtype=object)]))
        counts: dict[str, int] = {}
        for p in parts:
            for name, n in p.counts.items():
                counts[name] = counts.get(name, 0) + n
        out = cls(ids.to_numpy(dtype=object), counts)
        for key in dict.fromkeys(k for p in parts for k in p.pairs):
            out.pairs[key] = PairSums.concat([p.pairs[key] for p in parts if key in p.pairs])
        for name in dict.fromkeys(k for p in parts for k in p.lag1):
            total = Lag1()
            for p in parts:
                total = total + p.lag1.get(name, Lag1())
            out.lag1[name] = total
        return out

    def inflate(self, x: str, y: str, serial: str) -> float:
        """Bartlett's AR(1) factor of ``x`` and ``y`` (1 unless ``serial="neff"``)."""
        if serial != "neff":
            return 1.0
        return ar1_inflation(self.lag1.get(x, Lag1()).r(), self.lag1.get(y, Lag1()).r())


def corr_sums(
    data: pd.DataFrame,
    *,
    func: str,
    y: str,
    xs: Sequence[str],
    lags: Sequence[int] | None,
    subject: str,
    serial: str = "none",
    between: bool = False,
    runs: bool = True,
) -> CorrSums:
    """The per-subject sums of ``y`` with each of ``xs`` (at ``lags`` calendar days).

    ``lags=None``: pairs on the same row, no dates needed (``within_corr``,
    ``between_corr``). ``between``: also the same-day pairs when lag 0 is not
    among ``lags``. Called on the whole diary in memory, and by
    :mod:`backpain.dask` on each partition (each person's days in one).
    """
    counts = {name: int(data[name].notna().sum()) for name in xs}
    present = [name for name in xs if counts[name]]
    out = CorrSums(np.asarray(data[subject].dropna().unique(), dtype=object), counts)
    if len(data) == 0:
        return out
    groups = Groups(data, subject, runs=runs)
    if lags is not None:
        check_dated(data, [y, *present], subject=subject, func=func)
    outcome = Outcome(Centred(numeric_values(data, y, func=func), groups), groups)
    positions: dict[int, np.ndarray | None] = {0: None}
    prev = None
    if lags is not None:
        cal = Calendar(groups.codes, data["date"], max(lags, default=0) + 1)
        positions = {lag: lag_rows(cal, lag) for lag in lags}
        if serial == "neff":
            prev = cal.positions(1)
            out.lag1[y] = Lag1.of(outcome.centred, prev)
    for name in present:
        cx = Centred(numeric_values(data, name, func=func), groups)
        for lag, pos in positions.items():
            out.pairs[name, lag] = outcome.pairs(cx, pos, key=lag)
        if between and 0 not in positions:
            out.pairs[name, "same"] = outcome.pairs(cx, key="same row")
        if prev is not None:
            out.lag1[name] = Lag1.of(cx, prev)
    return out


@dataclasses.dataclass(frozen=True, repr=False, eq=False)
class WithinCorr(Result):
    """The repeated-measures correlation and how its interval was made.

    The result of :func:`backpain.within_corr` (in memory and on Dask).

    Attributes
    ----------
    table : pandas.DataFrame
        One row (columns in :func:`backpain.within_corr`'s Returns section).
    ci : str
        The interval's method: ``"fisher"``, ``"bca"`` or ``"percentile"``.
    n_boot, seed : int or None
        The bootstrap's resamples and seed (None for ``"fisher"``).
    bootstrap_r : numpy.ndarray or None
        The resampled correlations (None for ``"fisher"``).
    """

    ci: str = "fisher"
    n_boot: int | None = None
    seed: int | None = None
    bootstrap_r: np.ndarray | None = None


@dataclasses.dataclass(frozen=True, repr=False, eq=False)
class Correlations(Result):
    """Within- and between-person correlations of several predictors, and what was skipped.

    The result of :func:`backpain.correlate` (in memory and on Dask).

    Attributes
    ----------
    table : pandas.DataFrame
        One row per predictor, lag and level (columns in
        :func:`backpain.correlate`'s Returns section).
    notes : list of Message
        Predictors skipped (not a column, or without values); each compares
        equal to its English text.
    """

    notes: list = dataclasses.field(default_factory=list)


def pairs_of(sums: CorrSums, name: str, lag: object) -> PairSums:
    return sums.pairs.get((name, lag), PairSums.empty())


def within_table(sums: CorrSums, *, x: str, y: str) -> pd.DataFrame:
    """The one-row table of :func:`within_corr` (Fisher interval) from the sums."""
    return pd.DataFrame([{"predictor": x, "outcome": y, **pairs_of(sums, x, 0).within()}])


def between_table(sums: CorrSums, *, x: str, y: str, method: str) -> pd.DataFrame:
    """The one-row result of :func:`between_corr` from the sums."""
    res = between_r(*pairs_of(sums, x, 0).means(), method)
    row = {"predictor": x, "outcome": y, "method": method, **res, "n_subjects": res["n"]}
    cols = ["predictor", "outcome", "method", "r", "n_subjects", "ci95_low", "ci95_high", "p_val"]
    return pd.DataFrame([row])[cols]


def lagged_table(
    sums: CorrSums, *, x: str, y: str, lags: Sequence[int], serial: str
) -> pd.DataFrame:
    """The result of :func:`lagged_corr` from the sums."""
    inflate = sums.inflate(x, y, serial)
    rows = [
        {"predictor": x, "outcome": y, "lag": lag, **pairs_of(sums, x, lag).within(inflate)}
        for lag in lags
    ]
    return pd.DataFrame(rows)


def correlate_args(
    columns: Sequence[str], *, x: Sequence[str] | str, lags: Sequence[int], serial: str
) -> tuple[tuple[int, ...], list[str], list[Message]]:
    """Checked ``lags``, the predictors that are columns, and a note for each that is not."""
    lags = check_lags(lags, func="correlate")
    check_cohort_serial(serial, func="correlate")
    x = (x,) if isinstance(x, str) else tuple(x)
    notes, candidates = [], []
    for name in dict.fromkeys(x):
        if name in columns:
            candidates.append(name)
        else:
            notes.append(Message("analyse.note.not_a_column", name=name))
    return lags, candidates, notes


def correlate_table(
    sums: CorrSums,
    *,
    y: str,
    x: Sequence[str] | str,
    lags: Sequence[int],
    serial: str,
    notes: list[Message],
) -> Correlations:
    """The result of :func:`correlate` from the sums."""
    rows = []
    notes = list(notes)
    for name in dict.fromkeys((x,) if isinstance(x, str) else x):
        if name not in sums.counts:
            continue
        if not sums.counts[name]:
            notes.append(Message("analyse.note.no_values", name=name))
            continue
        inflate = sums.inflate(name, y, serial)
        for lag in lags:
            res = pairs_of(sums, name, lag).within(inflate)
            rows.append({"predictor": name, "outcome": y, "lag": lag, "level": "within", **res})
        same_day = pairs_of(sums, name, 0 if 0 in lags else "same")
        res = between_r(*same_day.means(), "pearson")
        rows.append(
            {
                "predictor": name,
                "outcome": y,
                "lag": 0,
                "level": "between",
                **res,
                "n_obs": int(same_day.n.sum()),
                "n_subjects": res["n"],
            }
        )
    order = {name: i for i, name in enumerate(dict.fromkeys((x,) if isinstance(x, str) else x))}
    notes.sort(key=lambda m: order[m.params["name"]])  # in the order of x
    cols = ["predictor", "outcome", "lag", "level", "r", "ci95_low", "ci95_high", "p_val"]
    out = pd.DataFrame(rows, columns=[*cols, "n_obs", "n_subjects"])
    out.insert(len(cols), "p_fdr", bh_adjust(out["p_val"].to_numpy(dtype="float64")))
    out = out.astype({"lag": "int64", "n_obs": "int64", "n_subjects": "int64"})
    return Correlations(out, notes)
