"""Simulate pain diaries with a known truth, for examples, tests and benchmarks."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .schema import TAG_SEP

__all__ = ["ESM_EFFECTS", "TRUE_EFFECTS", "SimulationTruth", "simulate_cohort", "simulate_esm"]

TRUE_EFFECTS: dict[str, float] = {
    "stress": 0.25,
    "stress_lag1": 0.10,
    "sleep_quality": -0.20,
    "sleep_hours": 0.0,
    "active_minutes": -0.005,
    "mood": 0.0,
    "physiotherapy_lag1": -0.80,
    "exercise_lag1": -0.30,
    "heat": 0.0,
    "medication": 0.0,
    "stress_between": 0.50,
}
"""True effects on the 0-10 pain scale used by :func:`simulate_cohort`.

Within-person effects are per unit of the predictor (per stress point, per
sleep-quality point, per active minute) on the same day unless the key ends in
``_lag1`` (the previous calendar day). Tag effects are the change in pain on
days after (``_lag1``) or on (no suffix) a tagged day. ``stress_between`` is the
between-person slope of person-mean pain on person-mean stress.
"""


@dataclass
class SimulationTruth:
    """What :func:`simulate_cohort` drew, for checking analyses against.

    Attributes
    ----------
    subjects : pandas.DataFrame
        One row per subject: ``subject``, ``onset`` (true first day of the
        current pain episode), ``duration_days`` (``as_of - onset``),
        ``as_of`` (last diary day), ``onset_in_diary`` (the onset lies inside
        the diary with at least 35 recorded-or-not days before it),
        ``pain_mean`` (person baseline), ``stress_mean``.
    flares : pandas.DataFrame
        ``subject``, ``date`` of every simulated flare day.
    effects : dict
        :data:`TRUE_EFFECTS`.
    """

    subjects: pd.DataFrame
    flares: pd.DataFrame
    effects: dict[str, float] = field(default_factory=lambda: dict(TRUE_EFFECTS))


def simulate_cohort(
    n_subjects: int = 50,
    n_days: int = 365,
    *,
    seed: int | None = 0,
    start: str = "2025-01-01",
    missing: float = 0.1,
    flare_rate: float = 1 / 60,
    return_truth: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, SimulationTruth]:
    """Simulate daily pain diaries for a cohort, with known effects.

    Parameters
    ----------
    n_subjects : int
        Number of people.
    n_days : int
        Diary length in calendar days (the same window for everybody).
    seed : int or None
        Seed of the random generator (``None``: a fresh one each call).
    start : str
        First diary day.
    missing : float
        Probability that a day is not recorded (the onset day and the last
        diary day always are);
        about one subject in five also has a 3-14 day recording gap.
    flare_rate : float
        Daily probability that a flare of 2-5 days (+3 pain) starts.
    return_truth : bool
        Also return a :class:`SimulationTruth`.

    Returns
    -------
    diary : pandas.DataFrame
        Canonical diary (see :mod:`backpain.schema`) with ``pain``, ``stress``,
        ``sleep_hours``, ``sleep_quality``, ``steps``, ``active_minutes``,
        ``mood`` and ``tags``; unrecorded days are absent.
    truth : SimulationTruth
        With ``return_truth=True``.

    Notes
    -----
    The model, on each recorded day ``t`` of person ``i`` after onset::

        pain = a_i + 0.25 (stress_t - s_i) + 0.10 (stress_{t-1} - s_i)
                   - 0.20 (sleep_quality_t - q_i) - 0.005 (active_t - m_i)
                   - 0.80 physiotherapy_{t-1} - 0.30 exercise_{t-1}
                   + 3 flare_t + e_t,     e_t AR(1), phi = 0.3, sd 1.0

    rounded to whole numbers and kept within 1-10, with ``a_i = p_i + 0.5
    (s_i - 4)``, so person-mean stress goes with person-mean pain
    (``stress_between``). ``sleep_quality`` and ``sleep_hours`` on day ``t``
    describe the night before day ``t`` (the wake-up day, as the apps record
    it), so "bad sleep, more pain the next day" is a same-row effect.
    Stress, sleep and activity vary independently from day to day within a
    person, so each effect can be estimated alone. ``sleep_hours`` follows
    ``sleep_quality`` but has no effect of its own; ``mood`` follows pain
    and stress (it is a consequence, not a cause); ``medication`` is taken
    more on painful days and has no effect (an association that is not a
    cause); ``heat`` has no effect. Before the onset a person is pain-free
    (pain 0). Durations at the last day are acute (3-41 days) for 30%,
    subacute (42-84) for 25% and chronic (85-3650) for 45% of subjects; an
    onset that would fall in the diary's first 35 days is moved before the
    diary start, so the diary starts in pain (a censored onset).
    The effects are in :data:`TRUE_EFFECTS`; these are simulator choices
    in the range reported by diary studies, not published
    estimates.

    Examples
    --------
    >>> diary = simulate_cohort(3, 30, seed=1)
    >>> sorted(diary["subject"].unique())
    ['S0001', 'S0002', 'S0003']
    >>> bool(diary["pain"].between(0, 10).all())
    True
    """
    rng = np.random.default_rng(seed)
    n, d = int(n_subjects), int(n_days)
    if n < 1 or d < 1:
        msg = f"n_subjects and n_days must be at least 1, not {n_subjects} and {n_days}"
        raise ValueError(msg)
    if not 0 <= missing < 1:
        msg = f"missing must be a probability in [0, 1), not {missing}"
        raise ValueError(msg)
    eff = TRUE_EFFECTS
    days = pd.date_range(start, periods=d, freq="D")
    width = max(4, len(str(n)))  # zero-padded, so text order is number order
    subjects = np.array([f"S{i + 1:0{width}d}" for i in range(n)])

    # person level
    p_mean = np.clip(rng.normal(4.5, 1.0, n), 2.5, 6.5)
    s_mean = np.clip(rng.normal(4.0, 1.2, n), 1.5, 7.0)
    q_mean = np.clip(rng.normal(6.0, 1.0, n), 3.5, 8.5)
    m_mean = rng.gamma(4.0, 8.0, n)
    physio_p = np.where(rng.random(n) < 0.6, 0.2, 0.0)
    a_i = p_mean + eff["stress_between"] * (s_mean - 4.0)

    klass = rng.choice(3, size=n, p=[0.30, 0.25, 0.45])
    dur = np.where(
        klass == 0,
        rng.integers(3, 42, n),
        np.where(klass == 1, rng.integers(42, 85, n), rng.integers(85, 3651, n)),
    )
    onset_idx = (d - 1) - dur
    in_diary = onset_idx >= 35
    onset_idx = np.where(in_diary, onset_idx, np.minimum(onset_idx, -1))
    onset_idx = np.where(~in_diary & (onset_idx > -1), -1 - rng.integers(0, 60, n), onset_idx)
    dur = (d - 1) - onset_idx

    # day level, shape (n, d)
    shape = (n, d)
    stress = np.clip(np.rint(s_mean[:, None] + rng.normal(0, 2.0, shape)), 0, 10)
    quality = np.clip(np.rint(q_mean[:, None] + rng.normal(0, 2.0, shape)), 0, 10)
    hours = np.clip(7.0 + 0.3 * (quality - q_mean[:, None]) + rng.normal(0, 0.8, shape), 3, 11)
    hours = np.round(hours, 1)
    active = np.rint(rng.gamma(2.0, m_mean[:, None] / 2.0, shape)).clip(0, 600)
    steps = np.rint(np.clip(2500 + 90 * active + rng.normal(0, 1500, shape), 0, None))
    physio = rng.random(shape) < physio_p[:, None]
    exercise = rng.random(shape) < 0.3
    heat = rng.random(shape) < 0.25

    noise = np.empty(shape)
    noise[:, 0] = rng.normal(0, 1.0, n)
    innov = rng.normal(0, np.sqrt(1 - 0.3**2), shape)
    for t in range(1, d):  # AR(1) over days: a loop over d, vectorised over subjects
        noise[:, t] = 0.3 * noise[:, t - 1] + innov[:, t]

    flare = np.zeros(shape, dtype=bool)
    starts = rng.random(shape) < flare_rate
    lengths = rng.integers(2, 6, shape)
    for k in range(min(5, d)):
        shifted = np.zeros(shape, dtype=bool)
        shifted[:, k:] = starts[:, : d - k] & (lengths[:, : d - k] > k)
        flare |= shifted

    def lag1(x: np.ndarray) -> np.ndarray:
        out = np.zeros_like(x, dtype=float)
        out[:, 1:] = x[:, :-1]
        return out

    stress_dev = stress - s_mean[:, None]
    latent = (
        a_i[:, None]
        + eff["stress"] * stress_dev
        + eff["stress_lag1"] * np.where(np.arange(d) > 0, lag1(stress_dev), 0.0)
        + eff["sleep_quality"] * (quality - q_mean[:, None])
        + eff["active_minutes"] * (active - m_mean[:, None])
        + eff["physiotherapy_lag1"] * lag1(physio.astype(float))
        + eff["exercise_lag1"] * lag1(exercise.astype(float))
        + 3.0 * flare
        + noise
    )
    after = np.arange(d)[None, :] >= onset_idx[:, None]
    pain = np.where(after, np.clip(np.rint(latent), 1, 10), 0.0)
    flare &= after
    mood = np.clip(
        np.rint(
            6.5 - 0.3 * stress_dev - 0.3 * (pain - p_mean[:, None]) + rng.normal(0, 1.2, shape)
        ),
        0,
        10,
    )
    medication = after & (rng.random(shape) < 1 / (1 + np.exp(-(pain - p_mean[:, None] - 1.0))))

    recorded = rng.random(shape) >= missing
    has_gap = rng.random(n) < 0.2
    gap_start = rng.integers(0, d, n)
    gap_len = rng.integers(3, 15, n)
    idx = np.arange(d)[None, :]
    in_gap = has_gap[:, None] & (idx >= gap_start[:, None]) & (idx < (gap_start + gap_len)[:, None])
    recorded &= ~in_gap
    recorded |= (idx == onset_idx[:, None]) | (idx == d - 1)

    tag_names = np.array(["exercise", "heat", "medication", "physiotherapy"])
    tag_bits = np.stack([exercise, heat, medication, physio], axis=-1)
    sub_i, day_i = np.nonzero(recorded)
    bits = tag_bits[sub_i, day_i]
    # a per-combination lookup keeps tag strings vectorised (16 combinations)
    codes = bits @ (1 << np.arange(4))
    combos = np.array(
        [TAG_SEP.join(tag_names[[(c >> k) & 1 == 1 for k in range(4)]]) for c in range(16)],
        dtype=object,
    )
    tags = pd.array(combos[codes], dtype="string")
    tags[codes == 0] = pd.NA

    diary = pd.DataFrame(
        {
            "subject": pd.array(subjects[sub_i], dtype="string"),
            "date": days.to_numpy()[day_i].astype("datetime64[ns]"),
            "pain": pain[sub_i, day_i],
            "stress": stress[sub_i, day_i],
            "sleep_hours": hours[sub_i, day_i],
            "sleep_quality": quality[sub_i, day_i],
            "steps": steps[sub_i, day_i],
            "active_minutes": active[sub_i, day_i],
            "mood": mood[sub_i, day_i],
            "tags": tags,
        }
    )
    if not return_truth:
        return diary
    f_sub, f_day = np.nonzero(flare)
    truth = SimulationTruth(
        subjects=pd.DataFrame(
            {
                "subject": pd.array(subjects, dtype="string"),
                "onset": (days[0] + pd.to_timedelta(onset_idx, unit="D")).astype("datetime64[ns]"),
                "duration_days": dur.astype("int64"),
                "as_of": np.full(n, days[-1]).astype("datetime64[ns]"),
                "onset_in_diary": in_diary,
                "pain_mean": p_mean,
                "stress_mean": s_mean,
            }
        ),
        flares=pd.DataFrame(
            {
                "subject": pd.array(subjects[f_sub], dtype="string"),
                "date": days.to_numpy()[f_day].astype("datetime64[ns]"),
            }
        ),
    )
    return diary, truth


# ------------------------------------------------------------------ experience sampling
ESM_EFFECTS = np.array(
    [
        [0.30, 0.15, 0.00],  # pain at a prompt <- pain, stress, mood at the previous prompt
        [0.00, 0.30, 0.00],  # stress <- ...
        [-0.10, 0.00, 0.30],  # mood <- ...
    ]
)
"""True within-day VAR(1) effects of :func:`simulate_esm` (rows: outcome; columns:
predictor, both in the order pain, stress, mood), in points per point."""


def simulate_esm(
    n_persons: int = 40,
    n_days: int = 14,
    prompts_per_day: int = 6,
    *,
    seed: int | None = None,
    start: str = "2026-03-02",
    effects: np.ndarray | None = None,
    compliance: tuple[float, float] = (8.0, 3.0),
) -> pd.DataFrame:
    """Simulate an experience-sampling study as the momentary table.

    Pain, stress and mood are asked on 0-100 sliders at ``prompts_per_day``
    random times a day (one in each equal part of 09:00-21:00). Within a day
    each person's deviations from their own means follow a VAR(1) with
    ``effects`` (default :data:`ESM_EFFECTS`) and correlated noise (pain with
    stress +0.3, with mood -0.3); each day starts afresh from the person's
    means, so nothing runs across the night. Each person answers a prompt with
    a probability drawn from ``Beta(*compliance)``. Values are clipped to
    0-100 and rounded, as a slider gives them.

    Returns
    -------
    pandas.DataFrame
        The momentary table (:data:`backpain.schema.MOMENTARY_COLUMNS`, then
        ``pain``, ``stress``, ``mood``); unanswered prompts have no times
        after ``sent`` and no values.
    """
    rng = np.random.default_rng(seed)
    A = ESM_EFFECTS if effects is None else np.asarray(effects, dtype="float64")
    k, d, b = int(n_persons), int(n_days), int(prompts_per_day)
    mu = np.column_stack([rng.normal(45, 12, k), rng.normal(35, 10, k), rng.normal(60, 10, k)])
    corr = np.array([[1.0, 0.3, -0.3], [0.3, 1.0, 0.0], [-0.3, 0.0, 1.0]])
    chol = np.linalg.cholesky(corr) * 12.0
    values = np.empty((k, d, b, 3))
    for day in range(d):
        dev = rng.standard_normal((k, 3)) @ chol.T
        for beep in range(b):
            if beep:
                dev = dev @ A.T + rng.standard_normal((k, 3)) @ chol.T
            values[:, day, beep] = mu + dev
    values = np.clip(np.round(values), 0, 100)
    p_answer = rng.beta(*compliance, size=k)
    answered = rng.random((k, d, b)) < p_answer[:, None, None]
    slot = 12 * 60 / b
    minute = 9 * 60 + (np.arange(b) * slot)[None, None, :] + rng.random((k, d, b)) * (slot - 5)
    day0 = pd.Timestamp(start).to_datetime64().astype("datetime64[s]").astype(np.int64)
    sent_s = day0 + (np.arange(d) * 86400)[None, :, None] + np.round(minute * 60).astype(np.int64)
    delay = np.round(rng.exponential(240, (k, d, b))).astype(np.int64) + 2
    duration = np.round(rng.uniform(30, 90, (k, d, b))).astype(np.int64)

    def flat(a: np.ndarray) -> np.ndarray:
        return a.reshape(k * d * b, *a.shape[3:])

    ans = flat(answered)
    sent = flat(sent_s).astype("datetime64[s]").astype("datetime64[ns]")
    started = (
        np.where(ans, flat(sent_s + delay), 0).astype("datetime64[s]").astype("datetime64[ns]")
    )
    completed = np.where(ans, flat(sent_s + delay + duration), 0)
    completed = completed.astype("datetime64[s]").astype("datetime64[ns]")
    started[~ans] = np.datetime64("NaT")
    completed[~ans] = np.datetime64("NaT")
    vals = flat(values)
    vals[~ans] = np.nan
    width = len(str(k))
    out = pd.DataFrame(
        {
            "subject": pd.array(
                np.repeat([f"P{i + 1:0{width}d}" for i in range(k)], d * b), dtype="string"
            ),
            "prompt": np.tile(np.arange(1, d * b + 1), k).astype("int64"),
            "day": np.tile(
                np.repeat(pd.Timestamp(start) + pd.to_timedelta(np.arange(d), unit="D"), b), k
            ).astype("datetime64[ns]"),
            "day_prompt": np.tile(np.arange(1, b + 1), k * d).astype("int64"),
            "questionnaire": pd.array(["main"] * (k * d * b), dtype="string"),
            "scheduled": sent - np.timedelta64(2, "s"),
            "sent": sent,
            "started": started,
            "completed": completed,
            "answered": ans,
            "pain": vals[:, 0],
            "stress": vals[:, 1],
            "mood": vals[:, 2],
        }
    )
    return out


# ------------------------------------------ single-person diaries with slow changes
SCENARIOS = ("stationary", "trend", "season", "drift")
_PREDICTOR_NAMES = ("stress", "sleep_hours", "sleep_quality", "steps", "active_minutes", "mood")
_SCENARIO_TAGS = ("physio", "yoga", "heat", "new_treatment")


def _ar1_rows(rng: np.random.Generator, shape: tuple[int, int], phi: float) -> np.ndarray:
    """Stationary AR(1) rows with unit variance (a loop over days, vectorised over rows)."""
    e = rng.standard_normal(shape)
    out = np.empty(shape)
    out[:, 0] = e[:, 0]
    scale = np.sqrt(1 - phi * phi)
    for t in range(1, shape[1]):
        out[:, t] = phi * out[:, t - 1] + scale * e[:, t]
    return out


def _missing_days(
    rng: np.random.Generator, shape: tuple[int, int], share: tuple[float, float], block: int = 7
) -> np.ndarray:
    """Unrecorded days: per person a share drawn from ``share``, half of it in week-long blocks."""
    p, d = shape
    target = rng.uniform(share[0], share[1], p)
    n_blocks = np.rint(target * d * 0.5 / block).astype(int)
    gone = np.zeros(shape, dtype=bool)
    idx = np.arange(d)[None, :]
    for j in range(int(n_blocks.max(initial=0))):
        start = rng.integers(0, max(1, d - block), p)
        hit = (j < n_blocks)[:, None] & (idx >= start[:, None]) & (idx < (start + block)[:, None])
        gone |= hit
    in_blocks = gone.mean(axis=1)
    rest = np.clip((target - in_blocks) / np.maximum(1 - in_blocks, 1e-9), 0, 1)
    gone |= rng.random(shape) < rest[:, None]
    return gone


def _scenario_diaries(
    rng: np.random.Generator,
    patients: int,
    days: int,
    *,
    scenario: str = "stationary",
    phi: float = 0.3,
    r: float = 0.0,
    missing: tuple[float, float] = (0.10, 0.25),
    size: float = 1.0,
) -> dict:
    """Many one-person diaries as (patients, days) arrays, for simulations of verdicts.

    Each row is one person's consecutive calendar days (NaN = not recorded).
    Pain and six predictors (``stress``, ``sleep_hours``, ``sleep_quality``,
    ``steps``, ``active_minutes``, ``mood``) are stationary AR(1) series with
    unit variance and the same ``phi``; pain's day-to-day part has
    correlation ``r`` with same-day stress (0 = no link with anything).
    On top, by ``scenario``, a slow change with no day-to-day relation:

    * ``"stationary"``: none;
    * ``"trend"``: pain falls linearly by ``2 * size`` (in SDs of the daily
      variation) over the diary while steps rise as much, e.g. pain that
      improves during treatment while the days get longer;
    * ``"season"``: the same yearly curve (amplitude ``size``, period 365
      days, phase random per person) in pain and in steps;
    * ``"drift"``: independent random walks (daily step ``0.1 * size``) in
      pain and in steps.

    Four tags (1 on a day with the tag, 0 without): ``physio`` on one fixed
    weekday, ``yoga`` on two fixed weekdays, ``heat`` on days when an AR(1)
    series with ``phi`` lies above its 70th percentile (tags cluster), and
    ``new_treatment`` only from a day in the middle third of the diary on,
    then on half the days (in the ``"trend"`` scenario it starts while pain
    improves, with no next-day effect). Per person 10-25% of days
    (``missing``) are not recorded, half of them in week-long blocks.

    Returns a dict: ``pain`` (P, T), ``x`` (dict of predictors), ``tags``
    (dict of 0/1 rows), each with NaN on unrecorded days.
    """
    if scenario not in SCENARIOS:
        msg = f"scenario must be one of {list(SCENARIOS)}, not {scenario!r}"
        raise ValueError(msg)
    shape = (patients, days)
    t = np.arange(days, dtype="float64")[None, :]
    x = {name: _ar1_rows(rng, shape, phi) for name in _PREDICTOR_NAMES}
    pain = r * x["stress"] + np.sqrt(1 - r * r) * _ar1_rows(rng, shape, phi)
    if scenario == "trend":
        slow = size * (2 * t / max(days - 1, 1) - 1)
        pain, x["steps"] = pain - slow, x["steps"] + slow
    elif scenario == "season":
        phase = rng.uniform(0, 2 * np.pi, (patients, 1))
        slow = size * np.sin(2 * np.pi * t / 365.0 + phase)
        pain, x["steps"] = pain + slow, x["steps"] + slow
    elif scenario == "drift":
        walk = 0.1 * size * np.cumsum(rng.standard_normal((2, *shape)), axis=2)
        pain, x["steps"] = pain + walk[0], x["steps"] + walk[1]
    weekday = (t.astype(int) + rng.integers(0, 7, (patients, 1))) % 7
    start = rng.integers(days // 3, max(days // 3 + 1, 2 * days // 3), (patients, 1))
    tags = {
        "physio": (weekday == 0).astype("float64") + np.zeros(shape),
        "yoga": np.isin(weekday, (2, 5)).astype("float64") + np.zeros(shape),
        "heat": (_ar1_rows(rng, shape, phi) > 0.5244005127080407).astype("float64"),  # 70th
        "new_treatment": ((t >= start) & (rng.random(shape) < 0.5)).astype("float64"),
    }
    gone = _missing_days(rng, shape, missing)
    for v in (pain, *x.values(), *tags.values()):
        v[gone] = np.nan
    return {"pain": pain, "x": x, "tags": tags}
