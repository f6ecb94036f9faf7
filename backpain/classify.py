"""Classify each case: duration class, NIH chronic low back pain, episodes and flares.

One row per subject from a canonical diary (:func:`classify`), the per-day
episode and flare annotation behind it (:func:`annotate_days`), a cohort
summary (:func:`class_summary`), and the survey-side helpers that share the
same rules (:func:`duration_class`, and :func:`parse_duration` and
:func:`nih_chronic_from_survey`, which read free-text answers in English and
Dutch in :mod:`backpain._durations` and are re-exported here).

Definitions (each is a documented, overridable default; sources in the
functions' References):

* **Duration class** (the project's seed text; European COST B13 guidelines,
  2006): acute < 6 weeks (0-41 days), subacute 6-12 weeks (42-84 days),
  chronic *longer than* 12 weeks (> 84 days); duration = ``as_of - onset`` in
  whole days. Other sources are presets of ``definition=``: ``"bmj"`` (BMJ
  Clinical Evidence, chronic = 12 weeks or more, >= 84 days), ``"icd11"``
  (ICD-11 MG30 / IASP, chronic = longer than 3 months, > 91 days) and
  ``"nih"`` (NIH Task Force, chronic = at least 3 months, >= 91 days).
* **Month** = 30.44 days and **year** = 365.25 days; durations are rounded to
  whole days (halves up), so "3 months" is 91 days, our diary reading of the
  NIH Task Force's "at least 3 months" (Deyo et al. 2014).
* **Episode** (de Vet et al. 2002): pain lasting more than 24 hours, preceded
  and followed by at least one month (30 days) without pain. Unrecorded days
  are unknown, never pain-free: the month must be 30 *recorded* pain-free days
  (see :func:`annotate_days` for the exact rule).
* **NIH Task Force research definition** (Deyo et al. 2014): "a back pain
  problem that has persisted at least 3 months and has resulted in pain on at
  least half the days in the past 6 months" (a pain-free month does not end
  the problem; see :func:`classify`).
* **Flare** (Costa et al. 2021): pain at least 2 points above the person's own
  baseline, the median of their previous recorded days in the same episode
  (the last 28, at least 7; our default, FACTS.md).
* **Evidence** (our rule): the duration ends on the last entry, and a class
  must rest on weeks with entries (``min_week_coverage``); otherwise the class
  is missing with ``class_evidence == "too few entries"``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from ._check import check_choice, check_number
from ._cluster import refuse_dask
from ._durations import as_series, nih_chronic_from_survey, parse_duration
from ._results import Result
from .read._parse import parse_dates
from .validate import check_diary

__all__ = [
    "CLASSES",
    "DEFINITIONS",
    "ClassSummary",
    "annotate_days",
    "class_summary",
    "classify",
    "duration_class",
    "nih_chronic_from_survey",
    "parse_duration",
]

CLASSES: tuple[str, ...] = ("acute", "subacute", "chronic")
"""The duration classes, in order."""

DEFINITIONS: dict[str, tuple[int, int]] = {
    "cost": (41, 84),
    "bmj": (41, 83),
    "icd11": (41, 91),
    "nih": (41, 90),
}
"""``(acute_max_days, subacute_max_days)`` per source, in whole days.

``"cost"`` (default): acute < 6 weeks, chronic longer than 12 weeks (> 84
days; the seed text and COST B13, 2006). ``"bmj"``: chronic 12 weeks or more
(>= 84 days). ``"icd11"``: chronic longer than 3 months (> 91 days, ICD-11
MG30). ``"nih"``: chronic at least 3 months (>= 91 days, Deyo et al. 2014).
A month is 30.44 days, so 3 months is 91 whole days.
"""


# ------------------------------------------------------------------ helpers
def _day_str(day: int) -> str:
    return str(np.datetime64(int(day), "D"))


def _boundaries(
    definition: str, acute_max_days: float | None, subacute_max_days: float | None
) -> tuple[float, float]:
    check_choice("definition", definition, sorted(DEFINITIONS))
    a, s = DEFINITIONS[definition]
    a = a if acute_max_days is None else acute_max_days
    s = s if subacute_max_days is None else subacute_max_days
    if not 0 <= a < s:
        msg = (
            f"need 0 <= acute_max_days < subacute_max_days, got {a!r} and {s!r}; "
            "acute is 0..acute_max_days days, subacute up to subacute_max_days"
        )
        raise ValueError(msg)
    return float(a), float(s)


def _class_codes(days: np.ndarray, a: float, s: float) -> np.ndarray:
    codes = np.where(days <= a, 0, np.where(days <= s, 1, 2))
    return np.where(np.isnan(days), -1, codes)


def _categorical(codes: np.ndarray, index: pd.Index | None = None) -> pd.Series:
    cat = pd.Categorical.from_codes(codes, categories=list(CLASSES), ordered=True)
    return pd.Series(cat, index=index, name="duration_class")


def duration_class(
    days: Any,
    *,
    definition: str = "cost",
    acute_max_days: float | None = None,
    subacute_max_days: float | None = None,
    unit: str = "days",
) -> pd.Series | str | Any:
    """Class durations as acute, subacute or chronic (diary and survey alike).

    Parameters
    ----------
    days : scalar, list-like or pandas.Series
        Durations: numbers (in ``unit``) or answers that
        :func:`parse_duration` reads (``"3 months"``, ``"6-12 weeks"``,
        ``"meer dan 3 maanden"``).
    definition : {"cost", "bmj", "icd11", "nih"}
        Preset boundaries from :data:`DEFINITIONS`; ``"cost"`` (default) is
        acute 0-41 days, subacute 42-84, chronic > 84 (longer than 12 weeks).
    acute_max_days : float, optional
        Longest acute duration in days (default from ``definition``: 41,
        i.e. acute < 6 weeks). Use 27 for guidelines whose subacute phase
        starts at 4 weeks.
    subacute_max_days : float, optional
        Longest subacute duration in days; longer is chronic (default from
        ``definition``: 84 for "longer than 12 weeks", 83 for BMJ's "12 weeks
        or more", 91 for ICD-11's "longer than 3 months", 90 for NIH's "at
        least 3 months").
    unit : {"days", "weeks", "months", "years"}
        Unit of numbers in ``days``.

    Returns
    -------
    pandas.Series or str
        Ordered categorical ``acute < subacute < chronic`` (named
        ``duration_class``); missing when the duration is missing or when a
        category answer spans two classes. A scalar in gives a string (or
        ``pd.NA``) out.

    Notes
    -----
    acute: ``days <= acute_max_days``; subacute: ``acute_max_days < days <=
    subacute_max_days``; chronic: ``days > subacute_max_days``. A category
    answer gets a class only when its whole range (see
    :func:`parse_duration`) lies in one class: "6-12 weeks" (42-83 days) is
    subacute, "> 3 months" is chronic, but NIH "1-3 months" (30-90 days)
    spans acute and subacute, so it stays missing rather than guessed.
    Boundaries: "longer than 12 weeks" and COST B13 (Airaksinen et al. 2006) for the
    default, BMJ Clinical Evidence, ICD-11 MG30 and the NIH Task Force (Deyo
    et al. 2014) for the presets.

    References
    ----------
    Airaksinen O et al. (2006). European guidelines for the management of
    chronic nonspecific low back pain (COST B13). Eur Spine J 15:S192-S300.

    Examples
    --------
    >>> duration_class([41, 42, 84, 85]).tolist()
    ['acute', 'subacute', 'subacute', 'chronic']
    >>> duration_class("3 months", definition="nih"), duration_class("3 months", definition="icd11")
    ('chronic', 'subacute')
    >>> duration_class(["6 tot 12 weken", "1-3 months"]).tolist()
    ['subacute', nan]
    """
    a, s = _boundaries(definition, acute_max_days, subacute_max_days)
    series, scalar = as_series(days)
    parsed = parse_duration(series, unit=unit, bounds=True)
    lo = _class_codes(parsed["low_days"].to_numpy(), a, s)
    hi = _class_codes(parsed["high_days"].to_numpy(), a, s)
    codes = np.where(lo == hi, lo, -1)
    out = _categorical(codes, series.index)
    if scalar:
        value = out.iloc[0]
        return pd.NA if pd.isna(value) else str(value)
    return out


# -------------------------------------------------------------- the diary
_SHIFT = 32  # subject code and day packed in one sortable int64 key


def _prepare(data: pd.DataFrame) -> tuple[pd.Index, np.ndarray, np.ndarray, np.ndarray]:
    """Check the diary and return subjects, and code/day/pain arrays in subject-day order."""
    check_diary(data)
    codes, subjects = pd.factorize(data["subject"], sort=True)
    dates = data["date"]
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)
    day = dates.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").view(np.int64)
    pain = pd.to_numeric(data["pain"]).to_numpy(dtype="float64", na_value=np.nan)
    codes = codes.astype(np.int64, copy=False)
    key = codes << _SHIFT
    if len(day):
        key += day
        key -= day.min()
    if len(key) > 1 and not (key[1:] > key[:-1]).all():
        order = np.argsort(key, kind="stable")
        codes, day, pain = codes[order], day[order], pain[order]
    return pd.Index(subjects, dtype="string", name="subject"), codes, day, pain


def _per_subject(value: Mapping | pd.Series, subjects: pd.Index) -> pd.Series:
    series = pd.Series(dict(value), dtype=object) if isinstance(value, Mapping) else value
    series = pd.Series(series.to_numpy(dtype=object), index=series.index.astype(str))
    return series.reindex(subjects.astype(str)).set_axis(subjects)


def _as_of_days(as_of: Any, subjects: pd.Index, code: np.ndarray, day: np.ndarray) -> np.ndarray:
    n = len(subjects)
    last = np.zeros(n, dtype=np.int64)
    if len(code):
        ends = np.flatnonzero(np.r_[code[1:] != code[:-1], True])
        last[code[ends]] = day[ends]
    if as_of is None:
        return last
    if isinstance(as_of, (Mapping, pd.Series)):
        raw = _per_subject(as_of, subjects)
        parsed = pd.to_datetime(raw, errors="coerce", format="mixed")
        bad = parsed.isna().to_numpy()
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            msg = (
                f"as_of gives {raw.iloc[i]!r} for subject {subjects[i]!r}, not a date; give "
                "a date for every subject (or as_of=None for each subject's last diary day)"
            )
            raise ValueError(msg)
        return parsed.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)
    try:
        stamp = pd.Timestamp(as_of)
    except (TypeError, ValueError):
        stamp = pd.NaT
    if pd.isna(stamp):
        msg = f"as_of must be a date, a subject -> date mapping or None, not {as_of!r}"
        raise ValueError(msg)
    return np.full(n, np.datetime64(stamp.normalize().date(), "D").astype(np.int64))


def _given_onset(
    onset: Any, data: pd.DataFrame, subjects: pd.Index, as_of_day: np.ndarray
) -> np.ndarray:
    """Per-subject onset day (int64) from the ``onset`` argument; -2**62 where not given."""
    none = np.full(len(subjects), np.iinfo(np.int64).min // 2, dtype=np.int64)
    if onset is None:
        return none
    if isinstance(onset, str):
        if onset not in data.columns:
            msg = (
                f"onset={onset!r} is not a column of data (columns: {list(data.columns)}); "
                "pass a column name, a subject -> onset mapping, or None"
            )
            raise ValueError(msg)
        col = data[onset]
        keep = col.notna().to_numpy()
        vals = pd.Series(col.to_numpy(dtype=object)[keep])
        subs = data["subject"].astype(str).to_numpy()[keep]
        n_distinct = vals.astype(str).groupby(subs).nunique()
        if (n_distinct > 1).any():
            s = n_distinct.index[np.flatnonzero(n_distinct.to_numpy() > 1)[0]]
            values = sorted(set(vals[subs == s].astype(str)))
            msg = (
                f"column {onset!r} holds different onsets for subject {s!r}: {values[:3]}; "
                "give one onset per subject"
            )
            raise ValueError(msg)
        raw = vals.groupby(subs).first().reindex(subjects.astype(str)).set_axis(subjects)
    elif isinstance(onset, (Mapping, pd.Series)):
        raw = _per_subject(onset, subjects)
    else:
        msg = (
            f"onset must be None, a column name or a subject -> onset mapping, not "
            f"{type(onset).__name__}"
        )
        raise ValueError(msg)
    out = none.copy()
    raw = raw.astype(object)
    given = raw.notna().to_numpy()
    is_date = raw.map(lambda v: isinstance(v, (pd.Timestamp, datetime, date, np.datetime64)))
    is_date = is_date.to_numpy() & given
    if is_date.any():
        stamps = pd.to_datetime(raw[is_date]).dt.tz_localize(None, nonexistent="NaT")
        out[is_date] = (
            stamps.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)
        )
    rest = given & ~is_date
    if rest.any():
        parsed = parse_duration(raw[rest], bounds=True, errors="coerce")
        days = parsed["days"].to_numpy()
        is_range = np.isnan(days) & parsed["low_days"].notna().to_numpy()
        idx = np.flatnonzero(rest)
        if is_range.any():
            i = idx[np.flatnonzero(is_range)[0]]
            msg = (
                f"onset for subject {subjects[i]!r} is {raw.iloc[i]!r}, a range of durations; "
                "classify needs one onset per subject: give a date or a duration such as "
                "'14 weeks', or class survey categories with duration_class()"
            )
            raise ValueError(msg)
        dur = ~np.isnan(days)
        out[idx[dur]] = as_of_day[idx[dur]] - days[dur].astype(np.int64)
        text = idx[~dur]
        if len(text):
            strings = raw.iloc[text]
            is_str = strings.map(lambda v: isinstance(v, str)).to_numpy()
            dates = pd.Series(pd.NaT, index=strings.index, dtype="datetime64[ns]")
            if is_str.any():
                dates[is_str] = parse_dates(strings[is_str].astype("string"))[0]
            if dates.isna().any():
                i = text[int(np.flatnonzero(dates.isna().to_numpy())[0])]
                msg = (
                    f"onset for subject {subjects[i]!r} is {raw.iloc[i]!r}, neither a date "
                    "nor a duration; give a date ('2025-03-01') or a duration ('3 months', "
                    "'14 weken', or a number of days)"
                )
                raise ValueError(msg)
            out[text] = dates.to_numpy().astype("datetime64[D]").astype(np.int64)
    late = given & (out > as_of_day)
    if late.any():
        i = int(np.flatnonzero(late)[0])
        msg = (
            f"onset for subject {subjects[i]!r} is {raw.iloc[i]!r}, after as_of "
            f"{_day_str(as_of_day[i])}; an onset must lie on or before as_of"
        )
        raise ValueError(msg)
    return out


def _check_options(opts: dict[str, float]) -> None:
    for name in ("episode_gap_days", "min_episode_days", "flare_window", "flare_min_days"):
        check_number(name, opts[name], low=1)
    check_number("max_unrecorded_days", opts["max_unrecorded_days"], low=0)
    if opts["flare_min_days"] > opts["flare_window"]:
        msg = (
            f"flare_min_days ({opts['flare_min_days']}) cannot exceed flare_window "
            f"({opts['flare_window']})"
        )
        raise ValueError(msg)


def _distinct(x: np.ndarray) -> np.ndarray:
    """Sorted distinct non-NaN values of ``x``, as ``np.unique`` gives them.

    Whole-number pain (0-10, the usual case) is found with a 256-slot table
    instead of sorted.
    """
    nan = np.isnan(x)
    if nan.any():
        x = x[~nan]
    if len(x) and x.min() >= 0 and x.max() <= 255:
        whole = x.astype(np.uint8)
        if (whole == x).all() and not np.signbit(x).any():
            present = np.zeros(256, dtype=bool)
            present[whole] = True
            return np.flatnonzero(present).astype("float64")
    return np.unique(x)


def _previous_median(
    slots: np.ndarray, start: np.ndarray, w: int, min_periods: int, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Median of ``slots[start:start + w]`` (NaN skipped) for every position in ``start``.

    Also returns how many values each median rests on (0 where fewer than
    ``min_periods``, the median then NaN).

    ``values`` are the distinct values the windows can hold (:func:`_distinct`).
    With few of them (pain is usually whole points), counts them with one
    cumulative sum per value, an exact and faster equivalent of
    ``Series(slots).rolling(w, min_periods).median()`` at the window's last
    slot, which is the fallback otherwise.
    """
    if len(values) > 64 or w > 255:
        series = pd.Series(slots)
        rolled = series.rolling(w, min_periods=min_periods).median().to_numpy()
        n_in = series.rolling(w, min_periods=1).count().to_numpy()
        n_in = np.nan_to_num(n_in[start + (w - 1)]).astype(np.int64)
        n_in[n_in < min_periods] = 0
        return rolled[start + (w - 1)], n_in

    # counts are taken in slot space with uint8 arithmetic (every count is <= w <= 255)
    # and looked up at the rows only once, at the end; the buffers are reused
    size = len(slots) - w + 1
    flags = np.empty(len(slots), dtype=bool)
    cum = np.zeros(len(slots) + 1, dtype=np.uint8)
    below = np.empty(size, dtype=np.uint8)
    less = np.empty(size, dtype=bool)

    def window_count(out: np.ndarray) -> np.ndarray:
        # uint8 cumulative sums wrap around at 256, but a difference over w <= 255
        # slots is still the exact count (modular arithmetic)
        np.cumsum(flags.view(np.uint8), dtype=np.uint8, out=cum[1:])
        return np.subtract(cum[w:], cum[:-w], out=out)  # [i]: slots i ... i + w - 1

    np.isnan(slots, out=flags)
    np.logical_not(flags, out=flags)
    n = window_count(np.empty(size, dtype=np.uint8))
    k_low = (n >> 1) + (n & 1)  # below <= (n - 1) // 2  <=>  below < ceil(n / 2)
    k_high = (n >> 1) + 1  # below <= n // 2  <=>  below < n // 2 + 1 (n <= 255)
    rank_low = np.zeros(size, dtype=np.uint8)
    rank_high = np.zeros(size, dtype=np.uint8)
    for v in values[:-1]:  # a loop over the distinct pain values, vectorised over days
        np.less_equal(slots, v, out=flags)
        window_count(below)
        rank_low += np.less(below, k_low, out=less).view(np.uint8)
        rank_high += np.less(below, k_high, out=less).view(np.uint8)
    n = n[start].astype(np.int64)
    if len(values):
        # the median of each pair of ranks, looked up in a small table
        out = ((values[:, None] + values[None, :]) / 2)[rank_low[start], rank_high[start]]
    else:
        out = np.full(len(start), np.nan)
    out[n < min_periods] = np.nan
    n[n < min_periods] = 0
    return out, n


def _days(
    code: np.ndarray,
    day: np.ndarray,
    pain: np.ndarray,
    as_of_day: np.ndarray,
    *,
    pain_threshold: float,
    episode_gap_days: int,
    max_unrecorded_days: int,
    min_episode_days: int,
    flare_rise: float,
    flare_window: int,
    flare_min_days: int,
) -> dict[str, np.ndarray]:
    """The vectorised core: per-row annotation and per-subject summaries.

    Works on rows sorted by (subject, day), one row per subject and day; rows
    after a subject's ``as_of`` and rows without pain are left out of every
    computation. Large temporaries are few and reused: touching fresh memory
    costs as much as the arithmetic on a cohort.
    """
    nsub = len(as_of_day)
    n = len(code)
    kept = day <= as_of_day[code]
    rec = np.isnan(pain)
    np.logical_not(rec, out=rec)
    rec &= kept
    everything = bool(rec.all())
    if everything:  # the usual diary: every row kept and recorded
        ri = None
        c, d, p = code, day, pain
    else:
        ri = np.flatnonzero(rec)
        c, d, p = code[ri], day[ri], pain[ri]
    m = len(c)
    first = np.ones(m, dtype=bool)
    np.not_equal(c[1:], c[:-1], out=first[1:])
    last = np.ones(m, dtype=bool)
    last[:-1] = first[1:]
    # joined to the previous recorded row: same subject, at most max_unrecorded_days unknown
    close = np.zeros(m, dtype=bool)
    if m > 1:
        step = np.subtract(d[1:], d[:-1])
        np.less_equal(step, max_unrecorded_days + 1, out=close[1:])
        del step
    close &= ~first
    close_next = np.r_[close[1:], False]
    pday = p >= pain_threshold
    pf = ~pday

    # pain-free runs and the qualifying ones: at least episode_gap_days *recorded*
    # pain-free days (one row per day, so also that many calendar days); the
    # unrecorded days in the short holes a run may hold are unknown and never count
    run_start = np.flatnonzero(pf & ~(close & np.r_[False, pf[:-1]]))
    run_end = np.flatnonzero(pf & ~(close_next & np.r_[pf[1:], False]))
    qual = np.zeros(m, dtype=bool)
    qual[run_end[(run_end - run_start + 1) >= episode_gap_days]] = True
    # running count of qualifying runs over the whole cohort; within a subject
    # only differences matter, and before[s] is the count before subject s
    q = np.cumsum(qual, dtype=np.int64)
    sub_start = np.flatnonzero(first)
    before = np.zeros(nsub, dtype=np.int64)
    before[c[sub_start]] = q[sub_start] - qual[sub_start]

    # pain clusters: pain days not separated by a qualifying pain-free run
    pi = np.flatnonzero(pday)
    cp, dp, qp = c[pi], d[pi], q[pi]
    new = np.ones(len(pi), dtype=bool)
    new[1:] = (cp[1:] != cp[:-1]) | (qp[1:] > qp[:-1])
    cs = np.flatnonzero(new)
    ce = np.r_[cs[1:] - 1, len(pi) - 1].astype(np.int64) if len(cs) else cs
    k_subj, k_first, k_last = cp[cs], dp[cs], dp[ce]
    k_is_last = np.r_[k_subj[1:] != k_subj[:-1], True]
    q_total = np.zeros(nsub, dtype=np.int64)
    last_day = np.zeros(nsub, dtype=np.int64)
    q_total[c[last]] = q[last]
    last_day[c[last]] = d[last]
    k_closed = ~k_is_last | (q_total[k_subj] > qp[ce])
    k_open_now = k_is_last & ~k_closed & (k_last == last_day[k_subj])
    k_episode = ((k_last - k_first + 1) >= min_episode_days) | k_open_now
    cum = np.cumsum(k_episode)
    k_new_subj = np.r_[True, k_subj[1:] != k_subj[:-1]] if len(cs) else np.zeros(0, bool)
    k_number = cum - np.maximum.accumulate(np.where(k_new_subj, cum - k_episode, 0))

    n_episodes = np.bincount(k_subj, weights=k_episode, minlength=nsub).astype(np.int64)
    # a stretch of episode_gap_days or more without recorded pain inside a cluster is
    # not a recorded pain-free month, but it might have been one: the last such
    # stretch's end (the next pain day) per subject; durations are sure only after it
    long_gap = ~new.copy()
    if len(pi) > 1:
        long_gap[1:] &= (dp[1:] - dp[:-1] - 1) >= episode_gap_days
    last_pain = np.full(nsub, np.iinfo(np.int64).min // 2, dtype=np.int64)
    if len(pi):
        np.maximum.at(last_pain, cp, dp)
    gap_end = np.full(nsub, np.iinfo(np.int64).min // 2, dtype=np.int64)
    gap_len = np.zeros(nsub, dtype=np.int64)
    if long_gap.any():
        at = np.flatnonzero(long_gap)
        np.maximum.at(gap_end, cp[at], dp[at])
        latest = dp[at] == gap_end[cp[at]]
        gap_len[cp[at][latest]] = (dp[at] - dp[at - 1] - 1)[latest]
    # the episodes' parts between such stretches (the finest split the record allows)
    part_new = new | long_gap
    ps = np.flatnonzero(part_new)
    pe = np.r_[ps[1:] - 1, len(pi) - 1].astype(np.int64) if len(ps) else ps
    part_of_episode = k_episode[np.cumsum(new)[ps] - 1] if len(ps) else np.zeros(0, bool)
    current = k_is_last & ~k_closed & k_episode
    cur_start = np.full(nsub, -1, dtype=np.int64)
    has_current = np.zeros(nsub, dtype=bool)
    censored = np.zeros(nsub, dtype=bool)
    cur_start[k_subj[current]] = k_first[current]
    has_current[k_subj[current]] = True
    censored[k_subj[current]] = qp[cs][current] == before[k_subj[current]]

    # episode number of every kept row between an episode's first and last pain
    # day: the rows are sorted, so those are the rows from the episode's first
    # pain row to its last; a cumulative sum of +number / -number marks fills them
    ep_first = pi[cs[k_episode]]
    ep_last = pi[ce[k_episode]]
    if ri is not None:
        ep_first, ep_last = ri[ep_first], ri[ep_last]
    number = k_number[k_episode]
    marks = np.zeros(n + 1, dtype=np.int64)
    marks[ep_first] = number
    marks[ep_last + 1] -= number
    episode = np.cumsum(marks[:-1], out=marks[:-1])
    in_ep = episode > 0

    # flares (Costa et al. 2021): baseline = median of the previous recorded days of
    # the same stretch (an episode, or the time between episodes), the last
    # flare_window of them, at least flare_min_days: a rise out of pain-free days
    # starts an episode and is not a flare, and the baseline that exists is used
    w = int(flare_window)
    ep = episode if ri is None else episode[ri]
    run_new = first.copy()
    np.not_equal(ep[1:], ep[:-1], out=run_new[1:])
    run_new |= first
    run = np.cumsum(run_new) - 1
    n_runs = int(run[-1]) + 1 if m else 0
    counts = np.bincount(run, minlength=n_runs)
    # slots: flare_window empty (NaN) slots before each stretch's rows and at the end
    gap = np.r_[0, np.cumsum(counts)] + w * np.arange(n_runs + 1)
    slots = np.empty(m + w * (n_runs + 1))
    slots[(gap[:, None] + np.arange(w)).ravel()] = np.nan
    start = run * w  # position of each row's window, its row sits w slots later
    start += np.arange(m)
    slots[w:][start] = p
    baseline, base_days = _previous_median(slots, start, w, int(flare_min_days), _distinct(p))
    del start, run
    inside = ep > 0
    risen = np.add(baseline, flare_rise, out=slots[:m])
    with np.errstate(invalid="ignore"):
        flare = np.greater_equal(p, risen, out=np.empty(m, dtype=bool))
    flare &= inside
    flare_start = flare & ~(close & np.r_[False, flare[:-1]])
    n_flares = np.bincount(c[flare_start], minlength=nsub).astype(np.int64)

    # rows in full length
    if ri is None:
        row_pday, row_flare, row_base, row_bdays = pday, flare, baseline, base_days
    else:
        row_pday = np.zeros(n, dtype=bool)
        row_pday[ri] = pday
        row_flare = np.zeros(n, dtype=bool)
        row_flare[ri] = flare
        row_base = np.full(n, np.nan)
        row_base[ri] = baseline
        row_bdays = np.zeros(n, dtype=np.int64)
        row_bdays[ri] = base_days
    return {
        "kept": kept,
        "recorded": rec,
        "pain_day": row_pday,
        "episode": episode,
        "in_episode": in_ep,
        "flare": row_flare,
        "flare_baseline": row_base,
        "flare_baseline_days": row_bdays,
        "n_episodes": n_episodes,
        "k_subj": k_subj[k_episode],
        "k_first": k_first[k_episode],
        "k_last": k_last[k_episode],
        "k_censored": (qp[cs] == before[k_subj])[k_episode],
        "part_subj": cp[ps][part_of_episode],
        "part_first": dp[ps][part_of_episode],
        "part_last": dp[pe][part_of_episode],
        "gap_end": gap_end,
        "last_pain": last_pain,
        "gap_len": gap_len,
        "last_day": last_day,
        "has_current": has_current,
        "current_start": cur_start,
        "censored": censored,
        "n_flares": n_flares,
        "sub_code": c,
        "sub_day": d,
        "sub_pday": pday,
    }


def annotate_days(
    data: pd.DataFrame,
    *,
    as_of: Any = None,
    pain_threshold: float = 1,
    episode_gap_days: int = 30,
    max_unrecorded_days: int = 7,
    min_episode_days: int = 2,
    flare_rise: float = 2,
    flare_window: int = 28,
    flare_min_days: int = 7,
) -> pd.DataFrame:
    """Mark each diary day: pain day, episode number, flare and flare baseline.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary with ``subject``, ``date`` and ``pain`` (0-10).
    as_of : date, mapping subject -> date, or None
        Drop days after this date (default: keep every day).
    pain_threshold : float
        A recorded day with ``pain >= pain_threshold`` is a pain day (default 1
        on the 0-10 scale, our default); a lower recorded value is pain-free.
    episode_gap_days : int
        Recorded pain-free days that make the pain-free month separating
        episodes (de Vet et al. 2002: "at least one month"; default 30).
    max_unrecorded_days : int
        Longest run of unrecorded days allowed *inside* a pain-free month
        (default 7, our choice; they do not count towards it): a longer hole
        in the diary is unknown time and breaks the pain-free stretch.
    min_episode_days : int
        Shortest episode from first to last pain day, in calendar days
        (default 2: pain "lasting more than 24 hours", de Vet et al. 2002).
    flare_rise : float
        Rise above the baseline that makes a flare day (default 2 points,
        Costa et al. 2021).
    flare_window : int
        Most previous recorded days of the same stretch (episode) whose median
        is the baseline (default 28, our choice).
    flare_min_days : int
        Fewest previous recorded days of the stretch needed for a baseline
        (default 7, our choice).

    Returns
    -------
    pandas.DataFrame
        One row per diary day (up to ``as_of``), sorted by subject and date:
        ``subject``, ``date``, ``pain``; ``pain_day`` (``"boolean"``, NA when
        pain was not recorded); ``episode`` (``Int64`` episode number 1, 2, ...
        counted per subject, NA outside an episode); ``flare`` (bool);
        ``flare_baseline`` (float, the median of the previous recorded days
        of the same stretch, the last ``flare_window`` of them; NaN with
        fewer than ``flare_min_days`` of them or when pain was not recorded);
        ``flare_baseline_days`` (int, how many days that median rests on; 0
        when there is none).

    Notes
    -----
    **Pain-free month.** Unrecorded days are unknown, not pain-free (our
    reading of de Vet et al. 2002 for diaries).
    A pain-free stretch is a run of recorded days with pain below
    ``pain_threshold`` and no recorded pain day in between, in which no two
    successive recorded days are more than ``max_unrecorded_days + 1`` days
    apart. It counts as a pain-free month when it holds at least
    ``episode_gap_days`` *recorded* pain-free days (the unrecorded days of
    its short holes are not counted). So a hole in the recording never splits
    or ends an episode by itself: 40 unrecorded days between two pain days
    leave one episode, and so do 12 pain-free, 7 unrecorded and 11 pain-free
    days (23 recorded), while 15 pain-free, 7 unrecorded and 15 pain-free
    days (30 recorded) separate two.

    **Episode** (de Vet et al. 2002). Pain days not separated by a pain-free
    month form a cluster; a cluster is an episode when it lasts more than
    24 hours (first to last pain day spans at least ``min_episode_days``
    calendar days) or when it is still going on at the last recorded day.
    Days between an episode's first and last pain day (pain-free or not
    recorded) carry its number.

    **Flare** (Costa et al. 2021; Suri et al. 2011). A recorded day of an
    episode with ``pain >= baseline + flare_rise``. A flare is a rise within
    ongoing pain ("distinctly worse than it has been recently"), so the
    baseline is the median of the previous recorded days *of the same
    episode*: the last ``flare_window`` of them, or as many as there are
    when at least ``flare_min_days`` (``flare_baseline_days`` says how many).
    A rise out of pain-free days starts an episode and is not a flare; 20
    days at 3 and then a 7 is one (baseline 3 on 20 days). Computed with one
    rolling median over the whole cohort with ``flare_window`` empty slots
    between stretches (episodes, and the days between them). Flare days
    that follow each other in the record (at most ``max_unrecorded_days``
    unrecorded between them) form one flare.

    References
    ----------
    de Vet HCW et al. (2002). Episodes of low back pain: a proposal for
    uniform definitions to be used in research. Spine 27(21):2409-2416.
    Costa N et al. (2021). Measuring pain flares in low back pain. Eur Spine
    J 30:1089-1101 (flare = rise of 2 or more points on the 0-10 scale).

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> days = annotate_days(simulate_cohort(2, 60, seed=3))
    >>> list(days.columns)
    ['subject', 'date', 'pain', 'pain_day', 'episode', 'flare', 'flare_baseline', 'flare_baseline_days']
    >>> days["episode"].dtype
    Int64Dtype()
    """
    opts = {
        "pain_threshold": pain_threshold,
        "episode_gap_days": episode_gap_days,
        "max_unrecorded_days": max_unrecorded_days,
        "min_episode_days": min_episode_days,
        "flare_rise": flare_rise,
        "flare_window": flare_window,
        "flare_min_days": flare_min_days,
    }
    _check_options(opts)
    subjects, code, day, pain = _prepare(data)
    if as_of is None:
        as_of_day = np.full(len(subjects), np.iinfo(np.int64).max // 2, dtype=np.int64)
    else:
        as_of_day = _as_of_days(as_of, subjects, code, day)
    res = _days(code, day, pain, as_of_day, **opts)
    k = res["kept"]
    pain_day = pd.array(res["pain_day"][k], dtype="boolean")
    pain_day[~res["recorded"][k]] = pd.NA
    episode = pd.array(res["episode"][k], dtype="Int64")
    episode[~res["in_episode"][k]] = pd.NA
    return pd.DataFrame(
        {
            "subject": pd.array(np.asarray(subjects)[code[k]], dtype="string"),
            "date": day[k].astype("datetime64[D]").astype("datetime64[ns]"),
            "pain": pain[k],
            "pain_day": pain_day,
            "episode": episode,
            "flare": res["flare"][k],
            "flare_baseline": res["flare_baseline"][k],
            "flare_baseline_days": res["flare_baseline_days"][k],
        }
    )


def classify(
    data: pd.DataFrame,
    *,
    onset: Any = None,
    as_of: Any = None,
    definition: str = "cost",
    acute_max_days: float | None = None,
    subacute_max_days: float | None = None,
    pain_threshold: float = 1,
    episode_gap_days: int = 30,
    max_unrecorded_days: int = 7,
    min_episode_days: int = 2,
    flare_rise: float = 2,
    flare_window: int = 28,
    flare_min_days: int = 7,
    nih_min_days: int = 91,
    nih_window_days: int = 183,
    nih_min_fraction: float = 0.5,
    nih_min_recorded: float = 0.5,
    min_week_coverage: float = 0.5,
) -> pd.DataFrame:
    """Classify each subject: duration class, NIH chronic LBP, episodes and flares.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary with ``subject``, ``date`` and ``pain`` (0-10).
        For a Dask DataFrame use the function of the same name in
        :mod:`backpain.dask` (the same result, computed by partition).
    onset : None, str, mapping or pandas.Series
        Onset of the current pain. ``None`` (default): from the diary, the
        first day of the current episode. A column name of ``data`` (one
        value per subject), or a mapping / Series subject -> onset. An onset
        is a date, or a duration before ``as_of`` (a
        :class:`pandas.Timedelta`, a number of days, or a survey answer such
        as ``"3 months"`` or ``"14 weken"``, read by :func:`parse_duration`).
        Subjects with no given onset fall back to the diary.
    as_of : None, date, mapping or pandas.Series
        The day the classification is made; default each subject's last
        diary day. Diary days after ``as_of`` are ignored. The duration ends
        on the last entry up to ``as_of`` (``recorded_until``): past it
        nothing is known. The NIH window is the 183 days ending on ``as_of``.
    definition : {"cost", "bmj", "icd11", "nih"}
        Preset class boundaries (:data:`DEFINITIONS`, see
        :func:`duration_class`); default acute < 42 days, subacute 42-84,
        chronic > 84 (longer than 12 weeks).
    acute_max_days, subacute_max_days : float, optional
        Override the preset boundaries (see :func:`duration_class`).
    pain_threshold : float
        A recorded day with ``pain >= pain_threshold`` is a pain day (default 1
        on the 0-10 scale, our default); a lower recorded value is pain-free.
    episode_gap_days : int
        Recorded pain-free days that make the pain-free month separating
        episodes (de Vet et al. 2002: "at least one month"; default 30).
    max_unrecorded_days : int
        Longest run of unrecorded days allowed *inside* a pain-free month
        (default 7, our choice; they do not count towards it): a longer hole
        in the diary is unknown time and breaks the pain-free stretch.
    min_episode_days : int
        Shortest episode from first to last pain day, in calendar days
        (default 2: pain "lasting more than 24 hours", de Vet et al. 2002).
    flare_rise : float
        Rise above the baseline that makes a flare day (default 2 points,
        Costa et al. 2021).
    flare_window : int
        Most previous recorded days of the episode whose median is the
        baseline (default 28, our choice; see :func:`annotate_days`).
    flare_min_days : int
        Fewest previous recorded days of the episode needed for a baseline
        (default 7, our choice).
    nih_min_days : int
        "At least 3 months" from a diary: the problem began at least 91 days
        before the last entry (our diary reading of Deyo et al. 2014).
    nih_window_days : int
        "The past 6 months": the 183 calendar days ending on ``as_of``.
    nih_min_fraction : float
        "At least half the days": pain days / recorded days >= 0.5.
    nih_min_recorded : float
        Fraction of the window that must be recorded to decide (default 0.5:
        fewer than half of the 183 days recorded is undecidable).
    min_week_coverage : float
        Share of weeks that must hold an entry for a duration to count
        (default 0.5, our rule; see Notes): below it the class is missing
        and ``class_evidence`` is ``"too few entries"``.

    Returns
    -------
    pandas.DataFrame
        One row per subject, sorted by subject:

        - ``subject`` (string)
        - ``onset`` (datetime): onset of the current pain, as far as the
          diary can tell (see Notes); NaT when the subject is not in an
          episode at ``as_of`` and no onset was given
        - ``as_of`` (datetime)
        - ``recorded_until`` (datetime): the last entry on or before
          ``as_of``, where the duration ends (NaT without entries)
        - ``duration_days`` (Int64): ``recorded_until - onset`` in days
          (``as_of - onset`` for a given onset, the person's own word)
        - ``duration_weeks`` (float): ``duration_days / 7``
        - ``duration_class`` (ordered categorical acute < subacute < chronic):
          missing without a current episode or with too few entries
        - ``class_evidence`` (string): ``"enough entries"``, ``"too few
          entries"`` (the class cannot be told), ``"pain may have ended"``
          (the last pain day is a month or more back, but no recorded
          pain-free month shows whether the episode ended; no class),
          ``"given onset"`` or ``"no current episode"``
        - ``weeks_with_entries``, ``weeks_in_duration`` (int): weeks (7-day
          blocks counted back from ``recorded_until``) from the onset that
          hold an entry, and all of them
        - ``duration_shown_days`` (Int64): the days the entries vouch for
          (see Notes; ``duration_days`` when they are enough, or for a given
          onset)
        - ``onset_censored`` (bool): the true onset may lie earlier (the
          diary starts in pain, or a stretch without recorded pain that might
          have been a pain-free month comes before it), so ``duration_days``
          is a lower bound
        - ``unrecorded_gap_days`` (Int64): the length of that stretch when it
          censors the onset (NA otherwise)
        - ``onset_source`` (string): ``"given"`` or ``"diary"``
        - ``n_episodes`` (int): episodes up to ``as_of``
        - ``current_episode_start`` (datetime): first day of the episode still
          going on at ``as_of`` (NaT if none)
        - ``last_pain_day`` (datetime): the last recorded pain day up to
          ``as_of`` (NaT if none)
        - ``nih_window_start`` (datetime): first day of the NIH window, the
          ``nih_window_days`` days ending on ``as_of``
        - ``days_observed_6m``, ``pain_days_6m`` (int): recorded days and
          pain days in that window
        - ``pain_day_fraction_6m`` (float): ``pain_days_6m /
          days_observed_6m``
        - ``nih_problem_start`` (datetime), ``nih_problem_days`` (Int64): when
          the back pain problem began, as far as the diary can tell, and the
          days from then to ``recorded_until`` (NA without a problem)
        - ``nih_chronic`` (``"boolean"``): NIH Task Force chronic LBP, NA when
          undecidable
        - ``n_flares`` (int): flares (runs of flare days) up to ``as_of``

    Notes
    -----
    **Onset from the diary** is the first day of the current episode (see
    :func:`annotate_days` for episodes, pain-free months and flares). The
    current episode is the last one, when no pain-free month follows it
    before ``as_of``; a subject who had a pain-free month by ``as_of`` has
    no current episode (onset NaT, class missing). The onset is
    **censored** when no pain-free month is recorded before the episode's
    first pain day (the diary starts in pain, or starts with fewer than
    ``episode_gap_days`` of recorded pain-free days): pain may have started
    before the diary, so ``duration_days`` is a lower bound and the class
    may be too low. Likewise inside the episode: a stretch of
    ``episode_gap_days`` or more without recorded pain (unrecorded days, or
    pain-free days too few to make a recorded month) keeps the episode one,
    but it might have been a pain-free month, so the onset is the first
    pain day after the last such stretch, censored (``unrecorded_gap_days``
    gives its length). A given onset is never censored.

    **Duration** is ``recorded_until - onset`` in whole days: with ``as_of``
    after the last entry, the days in between are unknown and not counted. A
    given onset is the person's word (a survey's "3 months" on ``as_of``), so
    its duration runs to ``as_of``.
    It is classed by :func:`duration_class` (seed text; COST B13, 2006).

    **Evidence for a class** (our rule, issue #21). Weeks are 7-day blocks
    counted back from ``recorded_until``. The entries vouch for the longest
    run of the last ``L`` weeks of which at least ``min_week_coverage`` hold
    an entry (``7 L - 1`` days, or the whole duration when all its weeks
    together meet the share). When that and ``duration_days`` fall in the
    same class, the class stands; otherwise it is missing and
    ``class_evidence`` is ``"too few entries"``: what was seen is in
    ``duration_days``, ``weeks_with_entries`` and ``weeks_in_duration``, and
    entries in more of the weeks (or a known onset, ``onset=``) would settle
    it. Likewise at the end: when the last pain day lies ``episode_gap_days``
    or more before ``recorded_until`` and the days after it are not a
    recorded pain-free month, the episode may have ended or go on; the class
    is missing and ``class_evidence`` is ``"pain may have ended"``. So 13 weeks of pain with entries in 7 is chronic, with entries in 5
    (20 days apart) it cannot be told; a long sparse past before 13 weekly
    weeks is chronic.

    **NIH Task Force** (Deyo et al. 2014): "a back pain problem that has
    persisted at least 3 months and has resulted in pain on at least half
    the days in the past 6 months", read from a diary by our rules. The
    *problem* began on the first pain day of the earliest episode that
    reaches into the window (a pain-free month between episodes does not
    end it: recurrent pain is one problem), or on the given onset; it has
    lasted at least 3 months when ``nih_problem_days >= nih_min_days``,
    with the same evidence rule as the classes (a censored start, or too few
    weekly entries, make a longer span unknown, never True). Pain on at
    least half the days: ``pain_days_6m / days_observed_6m >=
    nih_min_fraction`` in the window, unknown when fewer than
    ``nih_min_recorded`` of its days were recorded. The two parts are
    combined with three-valued logic: ``nih_chronic`` is False as soon as
    one part is False (e.g. pain for 20 days only), True when both are
    True, and NA otherwise. Over a year of pain, a pain-free month and 42
    days of pain again (152 of the last 183 days with pain) is chronic low
    back pain by this definition, while the current episode is acute.

    References
    ----------
    de Vet HCW et al. (2002). Spine 27(21):2409-2416 (episodes).
    Deyo RA et al. (2014). Report of the NIH Task Force on research standards
    for chronic low back pain. Spine 39(14):1128-1143.
    Costa N et al. (2021). Eur Spine J 30:1089-1101 (flares).
    Airaksinen O et al. (2006). Eur Spine J 15:S192-S300 (COST B13 duration
    classes).

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> diary, truth = simulate_cohort(4, 200, seed=4, return_truth=True)
    >>> result = classify(diary)
    >>> result[["subject", "duration_days", "duration_class", "onset_censored"]]
      subject  duration_days duration_class  onset_censored
    0   S0001             49       subacute           False
    1   S0002             64       subacute           False
    2   S0003             66       subacute           False
    3   S0004            199        chronic            True

    The fourth diary starts in pain: 199 days is a lower bound (the
    simulator's true duration is longer).

    >>> truth.subjects["duration_days"].tolist()
    [49, 64, 66, 2160]
    """
    refuse_dask(data, "classify")
    opts = {
        "pain_threshold": pain_threshold,
        "episode_gap_days": episode_gap_days,
        "max_unrecorded_days": max_unrecorded_days,
        "min_episode_days": min_episode_days,
        "flare_rise": flare_rise,
        "flare_window": flare_window,
        "flare_min_days": flare_min_days,
    }
    _check_options(opts)
    check_number("min_week_coverage", min_week_coverage, low=0, high=1)
    a, s = _boundaries(definition, acute_max_days, subacute_max_days)
    subjects, code, day, pain = _prepare(data)
    as_of_day = _as_of_days(as_of, subjects, code, day)
    given = _given_onset(onset, data, subjects, as_of_day)
    res = _days(code, day, pain, as_of_day, **opts)
    nsub = len(subjects)

    is_given = given > np.iinfo(np.int64).min // 2
    c, d, pday = res["sub_code"], res["sub_day"], res["sub_pday"]
    recorded_any = np.bincount(c, minlength=nsub) > 0
    # the duration ends on the last recorded day up to as_of: past it nothing is known
    end = np.where(recorded_any, res["last_day"], as_of_day)
    gap_end = res["gap_end"]
    has_onset = is_given | res["has_current"]
    diary_onset = res["current_start"]
    # a stretch that might have been a pain-free month censors the onset like the diary's start
    after_gap = res["has_current"] & (gap_end > diary_onset)
    diary_onset = np.where(after_gap, gap_end, diary_onset)
    onset_day = np.where(is_given, given, diary_onset)
    censored = (res["censored"] | after_gap) & ~is_given & res["has_current"]
    # a given onset is the person's word about the time up to as_of (a survey's answer)
    duration = (np.where(is_given, as_of_day, end) - onset_day).astype("float64")
    duration[~has_onset] = np.nan

    # coverage (our rule, issue #21): the class must rest on weeks with entries
    weeks_in, weeks_seen, sure = _weeks_covered(c, d, onset_day, end, has_onset, min_week_coverage)
    covered = _class_codes(sure.astype("float64"), a, s) == _class_codes(duration, a, s)
    evidence = np.where(
        ~has_onset, "no current episode", np.where(is_given, "given onset", "enough entries")
    ).astype(object)
    evidence[has_onset & ~is_given & ~covered] = "too few entries"
    # the last pain day lies a pain-free month or more back, but no recorded month shows
    # it: the episode may have ended there, or go on; which, the entries cannot tell
    open_end = res["has_current"] & ~is_given & (end - res["last_pain"] - 1 >= episode_gap_days)
    evidence[open_end] = "pain may have ended"
    classed = duration.copy()
    classed[(evidence == "too few entries") | open_end] = np.nan

    # NIH Task Force (Deyo et al. 2014): "a back pain problem that has persisted at least
    # 3 months and has resulted in pain on at least half the days in the past 6 months"
    window = d > as_of_day[c] - nih_window_days
    observed = np.bincount(c[window], minlength=nsub).astype(np.int64)
    pain_days = np.bincount(c[window & pday], minlength=nsub).astype(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        fraction = np.where(observed > 0, pain_days / np.maximum(observed, 1), np.nan)
    often = pd.array(fraction >= nih_min_fraction, dtype="boolean")
    often[observed < nih_min_recorded * nih_window_days] = pd.NA
    # the problem: from the first pain day of the earliest episode reaching into the window
    ks, kf, kl = res["k_subj"], res["k_first"], res["k_last"]
    reach = kl > as_of_day[ks] - nih_window_days
    none = np.iinfo(np.int64).max // 2
    problem = np.full(nsub, none, dtype=np.int64)
    np.minimum.at(problem, ks[reach], kf[reach])
    has_problem = problem < none
    problem_censored = np.zeros(nsub, dtype=bool)
    first_reach = reach & (kf == problem[ks])
    problem_censored[ks[first_reach]] = res["k_censored"][first_reach]
    # ... and the same from the episodes' parts: a stretch that might have been a pain-free
    # month may have ended an earlier episode, and then only the parts after it reach in
    ps_, pf_, pl_ = res["part_subj"], res["part_first"], res["part_last"]
    part_reach = pl_ > as_of_day[ps_] - nih_window_days
    problem_sure = np.full(nsub, none, dtype=np.int64)
    np.minimum.at(problem_sure, ps_[part_reach], pf_[part_reach])
    problem_after_gap = has_problem & (problem_sure > problem)
    problem = np.where(is_given, given, problem)  # the person's own word
    problem_sure = np.where(is_given, given, problem_sure)
    problem_censored = (problem_censored | problem_after_gap) & ~is_given
    has_problem |= is_given
    problem_days = (np.where(is_given, as_of_day, end) - problem_sure).astype("float64")
    problem_days[~has_problem] = np.nan
    nih_sure = _weeks_covered(c, d, problem_sure, end, has_problem & ~is_given, min_week_coverage)
    nih_sure = np.where(is_given, problem_days, nih_sure[2])
    long_enough = pd.array(np.nan_to_num(problem_days, nan=-1) >= nih_min_days, dtype="boolean")
    long_enough[problem_censored & (problem_days < nih_min_days)] = pd.NA
    long_enough[has_problem & (problem_days >= nih_min_days) & (nih_sure < nih_min_days)] = pd.NA

    none_day = np.iinfo(np.int64).min // 2

    def dates(x: np.ndarray, ok: np.ndarray) -> np.ndarray:
        out = x.astype("datetime64[D]").astype("datetime64[ns]")
        out[~ok] = np.datetime64("NaT")
        return out

    dur_int = pd.array(np.nan_to_num(duration, nan=0).astype(np.int64), dtype="Int64")
    dur_int[~has_onset] = pd.NA
    shown = pd.array(np.where(is_given, np.nan_to_num(duration), sure).astype(np.int64))
    shown = shown.astype("Int64")
    shown[~has_onset] = pd.NA
    prob_int = pd.array(np.nan_to_num(problem_days, nan=0).astype(np.int64), dtype="Int64")
    prob_int[~has_problem] = pd.NA
    gap_len = pd.array(res["gap_len"], dtype="Int64")
    gap_len[~(after_gap & ~is_given)] = pd.NA
    codes = _class_codes(classed, a, s)
    return pd.DataFrame(
        {
            "subject": pd.array(np.asarray(subjects), dtype="string"),
            "onset": dates(onset_day, has_onset),
            "as_of": dates(as_of_day, np.ones(nsub, dtype=bool)),
            "recorded_until": dates(end, recorded_any),
            "duration_days": dur_int,
            "duration_weeks": duration / 7,
            "duration_class": pd.Categorical.from_codes(codes, list(CLASSES), ordered=True),
            "class_evidence": pd.array(evidence, dtype="string"),
            "weeks_with_entries": weeks_seen,
            "weeks_in_duration": weeks_in,
            "duration_shown_days": shown,
            "onset_censored": censored,
            "unrecorded_gap_days": gap_len,
            "onset_source": pd.array(np.where(is_given, "given", "diary"), dtype="string"),
            "n_episodes": res["n_episodes"],
            "current_episode_start": dates(res["current_start"], res["has_current"]),
            "last_pain_day": dates(res["last_pain"], res["last_pain"] > none_day),
            "nih_window_start": dates(as_of_day - nih_window_days + 1, np.ones(nsub, bool)),
            "days_observed_6m": observed,
            "pain_days_6m": pain_days,
            "pain_day_fraction_6m": fraction,
            "nih_problem_start": dates(problem_sure, has_problem),
            "nih_problem_days": prob_int,
            "nih_chronic": long_enough & often,
            "n_flares": res["n_flares"],
        }
    )


def _weeks_covered(
    code: np.ndarray,
    day: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    use: np.ndarray,
    min_share: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Weekly coverage of the days from ``start`` to ``end``, per subject.

    Weeks are 7-day blocks counted back from ``end`` (block 0 ends on ``end``);
    ``code`` and ``day`` are sorted by subject and day (as :func:`_days` gives them).
    Returns the number of weeks, how many hold at least one recorded pain
    score, and the days the entries vouch for: ``7 L - 1`` for the largest
    ``L`` such that at least ``min_share`` of the last ``L`` weeks hold an
    entry (the whole ``end - start`` when all weeks together meet the share;
    -1 when not even the last week does). Zeros where not ``use``.
    """
    nsub = len(start)
    weeks = np.maximum(np.where(use, (end - start) // 7 + 1, 0), 0).astype(np.int64)
    span = use[code] & (day >= start[code]) & (day <= end[code])
    # rows are sorted by subject and day, so read backwards the blocks of a subject
    # ascend: each (subject, block) is where one of them changes
    cs = code[span][::-1]
    block = (end[cs] - day[span][::-1]) // 7
    change = np.ones(len(cs), dtype=bool)
    change[1:] = (cs[1:] != cs[:-1]) | (block[1:] != block[:-1])
    ks, kb = cs[change], block[change]
    seen = np.bincount(ks, minlength=nsub).astype(np.int64)
    # prefix of L weeks holds count(b < L) entries; after the k-th covered block (rank k)
    # the share holds up to L = k / min_share weeks, or up to the next covered block
    first_of = np.r_[True, ks[1:] != ks[:-1]] if len(ks) else np.zeros(0, bool)
    start_at = np.maximum.accumulate(np.where(first_of, np.arange(len(ks)), 0))
    rank = np.arange(len(ks)) - start_at + 1
    last_of = np.r_[ks[1:] != ks[:-1], True] if len(ks) else np.zeros(0, bool)
    nxt = np.where(last_of, weeks[ks], np.r_[kb[1:], 0])
    reach = np.floor(rank / min_share + 1e-9) if min_share > 0 else np.full(len(ks), np.inf)
    best = np.minimum(reach, nxt).astype(np.int64)
    ok = rank >= min_share * (kb + 1) - 1e-9
    longest = np.zeros(nsub, dtype=np.int64)
    np.maximum.at(longest, ks[ok], best[ok])
    whole = use & (seen >= min_share * weeks - 1e-9)
    sure = np.where(whole, end - start, np.minimum(end - start, 7 * longest - 1))
    return weeks, seen, np.where(use, sure, 0)


@dataclasses.dataclass(frozen=True, repr=False, eq=False)
class ClassSummary(Result):
    """Subjects per duration class, and how many have no class.

    The result of :func:`class_summary`.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per class (columns in :func:`class_summary`'s Returns section).
    n_unclassified : int
        Subjects without a class (not in an episode at ``as_of``).
    """

    n_unclassified: int


def class_summary(classified: pd.DataFrame) -> ClassSummary:
    """Count subjects per duration class, with the NIH definition alongside.

    Parameters
    ----------
    classified : pandas.DataFrame
        The result of :func:`classify` (needs ``duration_class``; uses
        ``nih_chronic`` when present).
        For a Dask DataFrame of classified persons use
        :func:`backpain.dask.class_summary` (the counts added up over its partitions).

    Returns
    -------
    ClassSummary
        ``table``: one row per class (all three, in order, even when empty):
        ``duration_class`` (ordered categorical), ``n`` (subjects),
        ``percent`` (of the subjects that have a class; NaN when none has),
        ``n_nih_chronic`` (subjects meeting the NIH definition) and
        ``n_nih_undecided`` (NIH undecidable). Subjects without a class (not
        in an episode at ``as_of``) are counted in ``n_unclassified``.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> class_summary(classify(simulate_cohort(20, 200, seed=4))).table[["duration_class", "n"]]
      duration_class   n
    0          acute   5
    1       subacute   4
    2        chronic  11
    """
    refuse_dask(classified, "class_summary")
    if "duration_class" not in getattr(classified, "columns", ()):
        msg = "classified has no column 'duration_class'; pass the result of classify()"
        raise ValueError(msg)
    cls = pd.Categorical(classified["duration_class"], categories=list(CLASSES), ordered=True)
    n = np.bincount(cls.codes[cls.codes >= 0], minlength=3)
    total = int(n.sum())
    out = pd.DataFrame(
        {
            "duration_class": pd.Categorical(list(CLASSES), categories=list(CLASSES), ordered=True),
            "n": n.astype(np.int64),
            "percent": 100 * n / total if total else np.full(3, np.nan),
        }
    )
    if "nih_chronic" in classified.columns:
        nih = pd.array(classified["nih_chronic"], dtype="boolean")
        ok = cls.codes >= 0
        yes = nih.fillna(False).to_numpy(dtype=bool) & ok
        und = nih.isna() & ok
        out["n_nih_chronic"] = np.bincount(cls.codes[yes], minlength=3).astype(np.int64)
        out["n_nih_undecided"] = np.bincount(cls.codes[und], minlength=3).astype(np.int64)
    return ClassSummary(out, n_unclassified=int(len(cls) - total))
