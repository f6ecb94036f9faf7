"""Describe a diary: pain per calendar month, the trend a therapist looks at first.

:func:`monthly_summary` is the table behind the report's monthly trend
(:mod:`backpain.report`); :func:`backpain.data_quality` describes how
completely the diary was kept.
"""

from __future__ import annotations

import pandas as pd

from .validate import check_diary

__all__ = ["monthly_summary"]


def monthly_summary(data: pd.DataFrame, *, pain_threshold: float = 1) -> pd.DataFrame:
    """Pain per calendar month and subject: the trend a therapist looks at first.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary (``subject``, ``date``, ``pain``).
    pain_threshold : float
        A pain day has pain >= this value (pain >= 1 on the 0-10 scale, as
        in :func:`backpain.classify`).

    Returns
    -------
    pandas.DataFrame
        One row per subject and month with a pain score, sorted: ``subject``,
        ``month`` (Timestamp, first day of the month), ``days_recorded``
        (days with a pain value), ``pain_mean``, ``pain_max`` and
        ``days_with_pain`` (days with pain >= ``pain_threshold``).

    See Also
    --------
    backpain.data_quality : the days recorded per subject over the whole diary.

    Notes
    -----
    A grouped mean, checked in the tests against a hand-computed month.

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> m = monthly_summary(simulate_cohort(1, 60, seed=2))
    >>> m.columns.tolist()
    ['subject', 'month', 'days_recorded', 'pain_mean', 'pain_max', 'days_with_pain']
    """
    check_diary(data)
    d = data.loc[data["pain"].notna(), ["subject", "date", "pain"]]
    month = d["date"].dt.to_period("M").dt.to_timestamp()
    g = d.assign(month=month, hurt=d["pain"] >= pain_threshold).groupby(
        ["subject", "month"], sort=True, observed=True
    )
    out = g.agg(
        days_recorded=("pain", "size"),
        pain_mean=("pain", "mean"),
        pain_max=("pain", "max"),
        days_with_pain=("hurt", "sum"),
    ).reset_index()
    return out.astype({"days_recorded": "int64", "days_with_pain": "int64"})
