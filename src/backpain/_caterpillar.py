"""The caterpillar plot of each person's own slope (drawn from :func:`backpain.person_effects`)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .text import Message, check_lang, say

__all__ = ["caterpillar"]

_NEED = ("subject", "slope", "ci95_low", "ci95_high")


def caterpillar(effects: pd.DataFrame, *, ax: Any = None, lang: str = "en", **kwargs: Any) -> Any:
    """Draw each person's own within-person slope with its 95% interval, sorted.

    Parameters
    ----------
    effects : pandas.DataFrame
        The result of :func:`backpain.person_effects` (columns ``subject``,
        ``slope``, ``ci95_low``, ``ci95_high``; ``attrs`` ``x``, ``y`` and
        ``fixed_slope`` label the axis and draw the cohort's slope).
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current axes).
    lang : {"en", "nl"}
        Language of the labels.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.errorbar`.

    Returns
    -------
    matplotlib.axes.Axes
        One errorbar series (``ax.containers[0]``) with a point per person,
        from the smallest slope at the bottom to the largest at the top, a
        dashed vertical line at the cohort's slope and a dotted one at zero.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from backpain import person_effects, simulate_cohort
    >>> ax = caterpillar(person_effects(simulate_cohort(20, 90, seed=4), x="stress"))
    >>> len(ax.containers[0].lines[0].get_xdata())
    20
    >>> plt.close("all")
    """
    import matplotlib.pyplot as plt

    check_lang(lang)
    if not isinstance(effects, pd.DataFrame) or any(c not in effects.columns for c in _NEED):
        columns = (
            list(effects.columns) if isinstance(effects, pd.DataFrame) else type(effects).__name__
        )
        raise ValueError(
            Message(
                "analyse.caterpillar.not_effects", need=repr(list(_NEED)), columns=repr(columns)
            )
        )
    ax = plt.gca() if ax is None else ax
    rows = effects.sort_values("slope", kind="stable").reset_index(drop=True)
    pos = np.arange(len(rows))
    slope = rows["slope"].to_numpy(dtype="float64")
    err = np.vstack(
        [
            slope - rows["ci95_low"].to_numpy(dtype="float64"),
            rows["ci95_high"].to_numpy(dtype="float64") - slope,
        ]
    )
    style = {"fmt": "o", "markersize": 3, "elinewidth": 1, "capsize": 0} | kwargs
    ax.errorbar(slope, pos, xerr=err, **style)
    ax.axvline(0, color="grey", linestyle=":", linewidth=1)
    fixed = effects.attrs.get("fixed_slope")
    if fixed is not None:
        label = say("analyse.caterpillar.fixed", lang, slope=float(fixed))
        ax.axvline(float(fixed), color="black", linestyle="--", linewidth=1, label=label)
        ax.legend(loc="lower right")
    x, y = effects.attrs.get("x"), effects.attrs.get("y", "pain")
    if x is not None:
        ax.set_xlabel(say("analyse.caterpillar.xlabel", lang, x=x, y=y))
    ax.set_ylabel(say("analyse.caterpillar.ylabel", lang))
    if len(rows) <= 40:
        ax.set_yticks(pos, rows["subject"].astype(str).tolist(), fontsize="small")
    else:
        ax.set_yticks([])
    ax.set_ylim(-1, len(rows))
    return ax
