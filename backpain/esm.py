"""Experience-sampling studies: several prompts a day.

Analyses of the momentary table that :func:`backpain.read.esm.read_esm`
reads (one row per prompt sent, defined in :data:`backpain.schema.MOMENTARY_COLUMNS`):

- :func:`to_daily` folds it into the canonical daily diary, so that every
  daily analysis runs on an experience-sampling study too;
- :func:`compliance` and :func:`careless` make the preprocessing report that
  esmtools and the ESM reporting checklists ask for;
- :func:`lagged`, :func:`momentary_corr` and :func:`mlvar` study the
  dynamics within a day: lags never cross the night unless asked, the first
  prompt of a day has no predecessor.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ._check import argument_error
from ._cluster import one_partition_each
from ._config import language
from ._momentary import check_corr, corr_sums, corr_table
from ._momentary import check_momentary as _check_momentary
from ._momentary import previous as _previous
from .multilevel import MixedModelWarning, mixed_model
from .schema import VARIABLES
from .text import Message, p_value, say

__all__ = [
    "Careless",
    "Compliance",
    "MultilevelVAR",
    "careless",
    "compliance",
    "explain_corr",
    "lagged",
    "mlvar",
    "momentary_corr",
    "to_daily",
]


_EXPLAIN = {
    ("within", "same"): "esm.explain.within_same",
    ("within", "lag"): "esm.explain.within_lag",
    ("within", "unclear"): "esm.explain.within_unclear",
    ("between", "same"): "esm.explain.between_same",
    ("between", "lag"): "esm.explain.between_lag",
    ("between", "unclear"): "esm.explain.between_unclear",
}
"""The sentence of a momentary correlation, by level and kind."""
_LEVEL_WORD = {"within": "esm.level.within", "between": "esm.level.between"}


# ------------------------------------------------------------------ daily diary
def to_daily(
    momentary: pd.DataFrame,
    *,
    items: Mapping[str, str] | None = None,
    scales: Mapping[str, tuple[float, float]] | None = None,
    start: str | pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Fold the momentary table into the canonical daily diary.

    Each day's value of a variable is the mean of that day's answered prompts
    (the daily rule of :mod:`backpain.schema` for ``pain``, ``stress``,
    ``mood``, ``sleep_quality``); ``prompts_sent`` and ``prompts_answered``
    keep the counts it rests on. A day whose prompts were all missed stays in
    the diary with its values missing.

    Parameters
    ----------
    momentary : pandas.DataFrame
        The momentary table from :func:`backpain.read.esm.read_esm`.
    items : dict, optional
        Momentary column -> diary variable, e.g.
        ``{"pain_sliderNeutralPos": "pain"}``. Default: the columns already
        named like a diary variable.
    scales : dict, optional
        Diary variable -> ``(low, high)`` of the scale the prompts used, e.g.
        ``{"pain": (0, 100)}`` for a 0-100 slider, rescaled linearly to the
        diary's range (0-10). Without it values must already lie in the diary's
        range: a 0-100 slider is never read as 0-10 silently.
    start : str or Timestamp, optional
        The date of study day 1, for a table that numbers its days.

    Returns
    -------
    pandas.DataFrame
        ``subject``, ``date``, the variables, ``prompts_sent``,
        ``prompts_answered``; one row per person and day with a prompt.

    Raises
    ------
    ValueError
        When a value lies outside the diary's range and no scale says how to
        rescale it, or when days are numbered and ``start`` is not given.

    Examples
    --------
    >>> from backpain.read.esm import read_esm
    >>> momentary = read_esm(b"id,day,beep,pain\\n1,2026-03-02,1,40\\n1,2026-03-02,2,60\\n")
    >>> to_daily(momentary, scales={"pain": (0, 100)})
      subject       date  pain  prompts_sent  prompts_answered
    0       1 2026-03-02   5.0             2                 2
    """
    _check_momentary(momentary, [], "to_daily")
    if items is None:
        items = {
            c: c for c in momentary.columns if c in VARIABLES and VARIABLES[c].kind == "number"
        }
    scales = dict(scales or {})
    unknown = [c for c in items if c not in momentary.columns]
    if unknown:
        msg = f"to_daily: items names column(s) {unknown} the momentary table does not have"
        raise ValueError(msg)
    day = momentary["day"]
    if pd.api.types.is_integer_dtype(day):
        if start is None:
            msg = (
                "to_daily: the table numbers its days (day 1, 2, ...) instead of giving dates; "
                "give start='YYYY-MM-DD', the date of day 1"
            )
            raise ValueError(msg)
        day = pd.Timestamp(start) + pd.to_timedelta(day - 1, unit="D")
    answered = momentary["answered"].to_numpy(dtype=bool)
    frame = pd.DataFrame({"subject": momentary["subject"], "date": day.to_numpy()})
    for column, name in items.items():
        var = VARIABLES.get(name)
        if var is None or var.kind != "number":
            msg = f"to_daily: {name!r} is not a number column of the daily diary ({[v for v in VARIABLES if VARIABLES[v].kind == 'number']})"
            raise ValueError(msg)
        values = pd.to_numeric(momentary[column], errors="coerce").where(answered)
        if name in scales:
            low, high = scales[name]
            values = var.low + (values - low) / (high - low) * (var.high - var.low)
        top = values.max()
        if var.high is not None and np.isfinite(top) and top > var.high:
            msg = (
                f"{column} goes up to {top} in the prompts, but the daily diary's {name} is "
                f"0-10; state the prompts' scale, e.g. scales={{'{name}': (0, 100)}}, to "
                "rescale it linearly to 0-10"
            )
            raise argument_error(msg, func="to_daily")
        frame[name] = values
    groups = frame.groupby(["subject", "date"], sort=True)
    out = groups[list(items.values())].mean() if items else groups.size().to_frame().iloc[:, :0]
    out["prompts_sent"] = groups.size()
    out["prompts_answered"] = (
        pd.Series(answered, index=frame.index)
        .groupby([frame["subject"], frame["date"]])
        .sum()
        .astype("int64")
    )
    return out.reset_index()


# ------------------------------------------------------------------ compliance
@dataclass(frozen=True)
class Compliance:
    """Compliance of an experience-sampling study.

    Attributes
    ----------
    persons : pandas.DataFrame
        Per person: ``sent``, ``answered``, ``share``, ``median_delay_s``
        (sent to started), ``median_duration_s`` (started to completed) and
        ``flagged`` (share below ``min_share``).
    days : pandas.DataFrame
        Per person and day: ``sent``, ``answered``, ``share``.
    prompts : pandas.DataFrame
        Per prompt number within the day: ``sent``, ``answered``, ``share``.
    min_share : float
        The compliance below which a person is flagged.
    """

    persons: pd.DataFrame
    days: pd.DataFrame
    prompts: pd.DataFrame
    min_share: float

    def describe(self, lang: str | None = None) -> str:
        """One sentence on the study's compliance, in ``lang``."""
        lang = language(lang)
        p = self.persons
        sent, answered = int(p["sent"].sum()), int(p["answered"].sum())
        return say(
            "esm.explain.compliance",
            lang,
            n_persons=len(p),
            answered=answered,
            sent=sent,
            share=answered / sent if sent else float("nan"),
            median=float(p["share"].median()),
            n_low=int(p["flagged"].sum()),
            min_share=self.min_share,
        )

    def _repr_html_(self) -> str:
        return f"<p>{self.describe()}</p>" + self.persons.to_html(index=False)

    @classmethod
    def combine(cls, parts: Sequence[Compliance]) -> Compliance:
        """One result from those of disjoint sets of persons (the partitions of :mod:`backpain.dask`).

        Per-person and per-day rows concatenate in the in-memory order; the
        counts per prompt number add up and their share is recomputed from the
        totals. A person in two parts raises.
        """
        one_partition_each([p.persons["subject"].to_numpy(dtype=object) for p in parts], "subject")
        persons = pd.concat([p.persons for p in parts], ignore_index=True)
        days = pd.concat([p.days for p in parts], ignore_index=True)
        prompts = pd.concat([p.prompts for p in parts], ignore_index=True)
        prompts = prompts.groupby("day_prompt", sort=True)[["sent", "answered"]].sum()
        prompts["share"] = prompts["answered"] / prompts["sent"]
        return cls(
            persons=persons.sort_values("subject", kind="stable", ignore_index=True),
            days=days.sort_values(["subject", "day"], kind="stable", ignore_index=True),
            prompts=prompts.reset_index(),
            min_share=parts[0].min_share,
        )


def _counts(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    g = frame.groupby(keys, sort=True)["answered"]
    out = pd.DataFrame({"sent": g.size(), "answered": g.sum().astype("int64")})
    out["share"] = out["answered"] / out["sent"]
    return out.reset_index()


def compliance(momentary: pd.DataFrame, *, min_share: float = 0.5) -> Compliance:
    """Share of prompts answered, per person, day and prompt number; delays.

    Parameters
    ----------
    momentary : pandas.DataFrame
        The momentary table from :func:`backpain.read.esm.read_esm`.
    min_share : float
        Persons who answered less than this share of their prompts are
        flagged (our default 0.5; the ESM literature often uses a fixed cut-off
        such as 50% or 66%: state the one you use).

    Returns
    -------
    Compliance
        ``persons``, ``days`` and ``prompts`` tables, and ``describe(lang)``.

    Examples
    --------
    >>> from backpain.read.esm import read_esm
    >>> m = read_esm(b"id,day,beep,pain\\n1,1,1,4\\n1,1,2,\\n2,1,1,3\\n")
    >>> compliance(m).persons[["subject", "sent", "answered", "share", "flagged"]]
      subject  sent  answered  share  flagged
    0       1     2         1    0.5    False
    1       2     1         1    1.0    False
    """
    _check_momentary(momentary, [], "compliance")
    if not 0 <= min_share <= 1:
        msg = f"compliance: min_share must be between 0 and 1, not {min_share!r}"
        raise ValueError(msg)
    # the persons numbered once in sorted order: grouping by the numbers is the same
    # grouping as by the names, without factorising the names again for every table
    codes, names = pd.factorize(momentary["subject"], sort=True)
    keyed = pd.DataFrame(
        {
            "subject": codes,
            "day": momentary["day"].to_numpy(),
            "day_prompt": momentary["day_prompt"].to_numpy(),
            "answered": momentary["answered"].to_numpy(dtype=bool),
        }
    )[codes >= 0]

    def named(table: pd.DataFrame) -> pd.DataFrame:
        table["subject"] = names.take(table["subject"].to_numpy()).array
        return table

    persons = named(_counts(keyed, ["subject"]))
    second = np.timedelta64(1, "s")
    sent, started, completed = (
        momentary[c].to_numpy(dtype="datetime64[ns]") for c in ("sent", "started", "completed")
    )
    delay = pd.Series((started - sent) / second)[codes >= 0]
    duration = pd.Series((completed - started) / second)[codes >= 0]
    by = codes[codes >= 0]
    persons["median_delay_s"] = delay.groupby(by).median().to_numpy()
    persons["median_duration_s"] = duration.groupby(by).median().to_numpy()
    persons["flagged"] = persons["share"] < min_share
    return Compliance(
        persons=persons,
        days=named(_counts(keyed, ["subject", "day"])),
        prompts=_counts(keyed, ["day_prompt"]),
        min_share=float(min_share),
    )


@dataclass(frozen=True)
class Careless:
    """Careless-responding flags of an experience-sampling study.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per answered prompt: ``subject``, ``prompt``, ``duration_s``,
        ``n_items``, ``too_fast``, ``same_answer``.
    seconds_per_item : float
    min_items : int
    """

    table: pd.DataFrame
    seconds_per_item: float
    min_items: int

    def describe(self, lang: str | None = None) -> str:
        """How many prompts each flag caught, in one sentence."""
        lang = language(lang)
        return say(
            "esm.explain.careless",
            lang,
            n_fast=int(self.table["too_fast"].sum()),
            n_same=int(self.table["same_answer"].sum()),
            seconds=self.seconds_per_item,
            n_items=self.min_items,
        )

    def _repr_html_(self) -> str:
        return f"<p>{self.describe()}</p>" + self.table.head(20).to_html(index=False)


def careless(
    momentary: pd.DataFrame,
    *,
    items: Sequence[str],
    seconds_per_item: float = 1.0,
    min_items: int = 3,
) -> Careless:
    """Flag answered prompts that look careless.

    Two flags, each a documented default of ours (no single published rule
    exists): ``too_fast``, completed in less than ``seconds_per_item`` per
    item (started to completed); ``same_answer``, the same value on every one
    of ``items`` when at least ``min_items`` were answered (straight-lining).

    Parameters
    ----------
    momentary : pandas.DataFrame
        The momentary table.
    items : sequence of str
        The item columns the prompt asked.
    seconds_per_item : float
        Fewer seconds per item than this is implausibly fast.
    min_items : int
        Least number of answered items for the straight-lining flag.

    Returns
    -------
    Careless
        ``table`` (one row per answered prompt: ``subject``, ``prompt``,
        ``duration_s``, ``n_items``, ``too_fast``, ``same_answer``) and
        ``describe(lang)``.
    """
    _check_momentary(momentary, items, "careless")
    done = momentary[momentary["answered"].to_numpy(dtype=bool)]
    values = done[list(items)].apply(pd.to_numeric, errors="coerce")
    n_items = values.notna().sum(axis=1)
    duration = (done["completed"] - done["started"]).dt.total_seconds()
    spread = values.max(axis=1) - values.min(axis=1)
    table = pd.DataFrame(
        {
            "subject": done["subject"],
            "prompt": done["prompt"],
            "duration_s": duration,
            "n_items": n_items.astype("int64"),
            "too_fast": (duration < seconds_per_item * len(items)).fillna(False),
            "same_answer": (n_items >= min_items) & (spread == 0),
        }
    ).reset_index(drop=True)
    return Careless(table=table, seconds_per_item=float(seconds_per_item), min_items=int(min_items))


# ------------------------------------------------------------------ within-day lags
def lagged(
    momentary: pd.DataFrame,
    columns: Sequence[str],
    *,
    lag: int = 1,
    overnight: bool = False,
) -> pd.DataFrame:
    """Add each column's value at the prompt ``lag`` prompts earlier.

    The previous prompt is the one sent before it (answered or not: a missed
    prompt leaves the lag missing); with ``overnight=False`` (the default) it
    must be on the same day, so the first prompt of a day has no lag-1
    predecessor and nothing runs across the night.

    Returns
    -------
    pandas.DataFrame
        A copy of ``momentary`` with ``<column>_lag<lag>`` columns.

    Examples
    --------
    >>> from backpain.read.esm import read_esm
    >>> m = read_esm(b"id,day,beep,pain\\n1,1,1,4\\n1,1,2,5\\n1,2,1,6\\n")
    >>> lagged(m, ["pain"])["pain_lag1"].tolist()
    [nan, 4.0, nan]
    """
    _check_momentary(momentary, columns, "lagged")
    if not isinstance(lag, int | np.integer) or lag < 1:
        msg = f"lagged: lag must be a whole number of prompts >= 1, not {lag!r}"
        raise ValueError(msg)
    prev = _previous(momentary, int(lag), overnight)
    out = momentary.copy()
    for c in columns:
        v = pd.to_numeric(momentary[c], errors="coerce").to_numpy(dtype="float64")
        shifted = np.where(prev >= 0, v[np.maximum(prev, 0)], np.nan)
        out[f"{c}_lag{lag}"] = shifted
    return out


def momentary_corr(
    momentary: pd.DataFrame,
    *,
    x: str,
    y: str,
    lag: int = 0,
    overnight: bool = False,
) -> pd.DataFrame:
    """Within- and between-person correlation of two items at the prompt level.

    ``within`` is the repeated-measures correlation (Bakdash & Marusich
    2017): the Pearson r of person-mean-centred values over the prompts where
    both are answered, ``dof = N - k - 1``, equal to ``pingouin.rm_corr`` on the
    same rows. ``between`` is the Pearson r of the persons' means. With
    ``lag`` > 0, ``x`` is taken ``lag`` prompts earlier (within the day unless
    ``overnight``).

    Returns
    -------
    pandas.DataFrame
        Rows ``within`` and ``between``: ``level``, ``predictor`` (``x``),
        ``outcome`` (``y``), ``lag``, ``r``,
        ``dof``, ``p_val``, ``ci95_low``, ``ci95_high``, ``n_obs``, ``n_subjects``.
    """
    check_corr(momentary, x=x, y=y, lag=lag)
    return corr_table(
        corr_sums(momentary, x=x, y=y, lag=lag, overnight=overnight), x=x, y=y, lag=lag
    )


def explain_corr(result: pd.DataFrame, lang: str | None = None) -> str:
    """Say what :func:`momentary_corr` found, within and between persons, in one sentence each.

    Examples
    --------
    >>> from backpain.simulate import simulate_esm
    >>> m = simulate_esm(40, 10, 6, seed=1)
    >>> print(explain_corr(momentary_corr(m, x="stress", y="pain", lag=1)))  # doctest: +ELLIPSIS
    Within a person, at prompts after one with more stress than usual for that person, pain was higher (r = 0.2..., 95% CI ...).
    Between persons, no clear link between average stress and average pain at the 5% level (r = ...
    """
    lang = language(lang)
    rows = result.set_index("level")
    lines = []
    for level in ("within", "between"):
        row = rows.loc[level]
        key = _EXPLAIN[level, "lag" if row["lag"] else "same"]
        if not row["p_val"] < 0.05:  # no direction is claimed for an unclear correlation
            key = _EXPLAIN[level, "unclear"]
        if not np.isfinite(row["r"]):
            lines.append(say("esm.explain.no_r", lang, level=say(_LEVEL_WORD[level], lang)))
            continue
        lines.append(
            say(
                key,
                lang,
                x=row["predictor"],
                y=row["outcome"],
                r=float(row["r"]),
                low=float(row["ci95_low"]),
                high=float(row["ci95_high"]),
                p=_p_text(float(row["p_val"]), lang),
                direction=say("esm.higher" if row["r"] > 0 else "esm.lower", lang),
            )
        )
    return "\n".join(lines)


# ------------------------------------------------------------------ multilevel VAR
@dataclass(frozen=True)
class MultilevelVAR:
    """A multilevel VAR(1) of momentary data: temporal and contemporaneous networks.

    Attributes
    ----------
    temporal : pandas.DataFrame
        One row per edge ``predictor`` (at the previous prompt) -> ``outcome``:
        ``coef``, ``se``, ``dof``, ``p_val``, ``ci95_low``, ``ci95_high`` (the
        within-person fixed effect of the node-wise multilevel model, lmerTest's
        Satterthwaite degrees of freedom) and ``random_sd``.
    contemporaneous : pandas.DataFrame
        One row per pair of variables: ``pcor``, the partial correlation of the
        node-wise models' within-person residuals at the same prompt.
    variables : tuple of str
    n_obs : int
        Prompts with a complete outcome and lagged predictors (per model, the
        fewest).
    notes : list of Message
    """

    temporal: pd.DataFrame
    contemporaneous: pd.DataFrame
    variables: tuple[str, ...]
    n_obs: int
    notes: list = field(default_factory=list)

    def describe(self, lang: str | None = None, *, alpha: float = 0.05) -> str:
        """The clearest temporal link between two variables, in one sentence (or that none is clear)."""
        lang = language(lang)
        t = self.temporal
        # a variable following itself (inertia) is expected: the sentence names a link
        clear = t[(t["p_val"] < alpha) & (t["predictor"] != t["outcome"])]
        if clear.empty:
            return say("esm.explain.none", lang)
        top = clear.loc[clear["p_val"].idxmin()]
        direction = say("esm.more" if top["coef"] > 0 else "esm.less", lang)
        return say(
            "esm.explain.temporal",
            lang,
            predictor=top["predictor"],
            outcome=top["outcome"],
            direction=direction,
            estimate=float(top["coef"]),
            low=float(top["ci95_low"]),
            high=float(top["ci95_high"]),
            p=_p_text(float(top["p_val"]), lang),
        )

    def _repr_html_(self) -> str:
        return (
            f"<p>{self.describe()}</p>"
            + self.temporal.to_html(index=False)
            + self.contemporaneous.to_html(index=False)
        )


def _p_text(p: float, lang: str) -> str:
    """``p < 0.001`` or ``p = 0.0091``."""
    text = p_value(p, lang)
    return f"p {text}" if text.startswith("<") else f"p = {text}"


def mlvar(
    momentary: pd.DataFrame,
    variables: Sequence[str],
    *,
    overnight: bool = False,
    random_slopes: bool = True,
) -> MultilevelVAR:
    """Multilevel VAR(1): how each variable follows all variables at the previous prompt.

    For each variable a multilevel regression (:func:`backpain.mixed_model`,
    REML, checked against lme4) of its value at a prompt on the
    within-person-centred values of all variables at the previous prompt of
    the same day, with their person means as between-person terms, a random
    intercept and (``random_slopes=True``) correlated random slopes per
    person: the node-wise estimation that R's mlVAR uses by default
    (Epskamp et al. 2018; ``estimator = "lmer"``, ``temporal = "correlated"``
    for fewer than 6 variables; the node-wise fits equal lme4/lmerTest with
    and without random slopes, see ``tests/data/esm/``). The within-person fixed effects form the
    temporal network. The contemporaneous network is the partial
    correlation of the models' residuals at the same prompt (the residuals
    after each person's random effects), pooled over persons.

    Parameters
    ----------
    momentary : pandas.DataFrame
        The momentary table.
    variables : sequence of str
        Two or more numeric item columns.
    overnight : bool
        Let the previous prompt be the day before's last one.
    random_slopes : bool
        Correlated random slopes of the lagged within effects (mlVAR's
        ``temporal = "correlated"``); ``False`` for random intercepts only
        (``temporal = "fixed"``).

    Returns
    -------
    MultilevelVAR
    """
    variables = tuple(variables)
    _check_momentary(momentary, variables, "mlvar")
    if len(variables) < 2:
        msg = f"mlvar: give two or more variables, not {list(variables)}"
        raise ValueError(msg)
    frame = lagged(momentary, list(variables), lag=1, overnight=overnight)
    names = {v: f"v{i}" for i, v in enumerate(variables)}
    design = pd.DataFrame(
        {
            "subject": frame["subject"].astype(str),
            # the model's time index: one step per prompt (lags are already in the columns)
            "date": pd.Timestamp("2000-01-01") + pd.to_timedelta(frame["prompt"] - 1, unit="D"),
        }
    )
    for v, n in names.items():
        design[n] = pd.to_numeric(frame[v], errors="coerce")
        design[f"{n}_prev"] = frame[f"{v}_lag1"]
    complete = design[[*names.values(), *(f"{n}_prev" for n in names.values())]].notna().all(axis=1)
    design = design[complete.to_numpy()].reset_index(drop=True)
    back = {f"{n}_prev_within": v for v, n in names.items()}
    edges, resid, notes = [], {}, []
    for v, n in names.items():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", MixedModelWarning)
            fit = mixed_model(
                design,
                y=n,
                x=[f"{m}_prev" for m in names.values()],
                random_slopes=random_slopes,
            ).table
        notes += [Message("esm.note.model", outcome=v, warning=str(w.message)) for w in caught]
        for row in fit[fit["level"] == "within"].itertuples():
            edges.append(
                {
                    "outcome": v,
                    "predictor": back[row.term],
                    "coef": row.coef,
                    "se": row.se,
                    "dof": row.dof,
                    "p_val": row.p_val,
                    "ci95_low": row.ci95_low,
                    "ci95_high": row.ci95_high,
                    "random_sd": row.random_sd,
                }
            )
        resid[v] = _residuals(design, fit, n)
    temporal = pd.DataFrame(edges)
    R = pd.DataFrame(resid)
    precision = np.linalg.pinv(np.cov(R.to_numpy().T))
    d = np.sqrt(np.diag(precision))
    pcor = -precision / np.outer(d, d)
    pairs = [
        {"var1": a, "var2": b, "pcor": float(pcor[i, j])}
        for i, a in enumerate(variables)
        for j, b in enumerate(variables)
        if i < j
    ]
    return MultilevelVAR(
        temporal=temporal,
        contemporaneous=pd.DataFrame(pairs),
        variables=variables,
        n_obs=len(design),
        notes=notes,
    )


def _residuals(design: pd.DataFrame, fit: pd.DataFrame, outcome: str) -> np.ndarray:
    """Within-person residuals: outcome minus the fixed part, centred per person.

    Centring per person removes each person's random intercept; with random
    slopes the person's slope deviations stay in the residual (a documented
    simplification of mlVAR's second step).
    """
    pred = np.zeros(len(design))
    coef = fit.set_index("term")["coef"]
    for term, b in coef.items():
        if not np.isfinite(b):
            continue
        if term == "Intercept":
            pred += b
            continue
        base, level = term.rsplit("_", 1)
        x = design[base].to_numpy(dtype="float64")
        means = design.groupby("subject")[base].transform("mean").to_numpy()
        pred += b * (x - means if level == "within" else means)
    r = design[outcome].to_numpy(dtype="float64") - pred
    return r - pd.Series(r).groupby(design["subject"].to_numpy()).transform("mean").to_numpy()
