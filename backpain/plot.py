"""Plots of pain diaries: one patient over time, and a cohort's results.

Plots only draw. Every function takes the data (a canonical diary, see
:mod:`backpain.schema`) and/or a result computed beforehand by
:mod:`backpain.stats` or :mod:`backpain.classify`; none of them computes an
analysis. Every function except :func:`dashboard` is *axes-level* in the
seaborn manner: data first, everything else keyword-only, it draws into
``ax`` (default: the current axes), passes ``**kwargs`` to one documented
matplotlib call and returns the axes. Nothing here calls ``plt.show()`` or
changes matplotlib's global style. :func:`dashboard` is *figure-level*: it
builds and returns a whole :class:`~matplotlib.figure.Figure` for one patient.

A panel that cannot be drawn (a variable that was not recorded, a result
that is ``None`` or has no usable rows, too few days) says why in words in
the panel, and everything else is drawn. Wrong arguments (a list where a
DataFrame belongs, a result without its columns) still raise.

Labels are in English (``lang="en"``) or Dutch (``lang="nl"``), rendered
from the text catalogue by :func:`backpain.text.say`; Dutch numbers get a
decimal comma. ``lang=None`` (the default) is the session's language,
``backpain.config(lang=...)`` (English unless set); a language given to one
call overrides it for that call. Colours are the colour-blind-safe Okabe-Ito palette
(:data:`OKABE_ITO`); dates are formatted by matplotlib's
:class:`~matplotlib.dates.ConciseDateFormatter`. Days that were not recorded
are gaps: lines are never drawn across a missing calendar day.

Legends are placed outside the axes (to the right, or above for
:func:`scatter_within`) so that they never cover data. Jupyter's inline
backend shows them as they are; when saving a figure you made yourself, use
``plt.subplots(layout="constrained")`` or ``fig.savefig(..., bbox_inches="tight")``
so that they are not cut off.
"""

from __future__ import annotations

import functools
import itertools
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes as MplAxes
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap
from matplotlib.figure import FigureBase
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import (
    FuncFormatter,
    LogFormatter,
    MaxNLocator,
    PercentFormatter,
    ScalarFormatter,
)
from matplotlib.transforms import blended_transform_factory

from ._check import check_choice, check_columns, check_type
from ._config import language
from ._formatting import date_axis, localise, whole
from ._locale import month_name, tag_word
from ._results import Result, table_of
from .schema import TAG_SEP, VARIABLES
from .text import VARIABLE_WORDS, say
from .validate import check_diary

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "OKABE_ITO",
    "associations",
    "calendar",
    "caterpillar",
    "classes",
    "compliance",
    "dashboard",
    "esm_network",
    "lags",
    "pain_change",
    "scatter_within",
    "tag_label",
    "timeline",
    "what_helps",
]

OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}
"""The Okabe-Ito colour-blind-safe palette (Okabe & Ito, 2008, "Color Universal
Design"), used for every categorical colour in this module."""

_GREY = "#999999"
_LIGHT_GREY = "#DDDDDD"

_VAR_COLOURS = {
    "pain": OKABE_ITO["black"],
    "stress": OKABE_ITO["orange"],
    "sleep_quality": OKABE_ITO["blue"],
    "sleep_hours": OKABE_ITO["sky_blue"],
    "steps": OKABE_ITO["green"],
    "active_minutes": OKABE_ITO["green"],
    "mood": OKABE_ITO["purple"],
}
_SERIES = [OKABE_ITO[c] for c in ("blue", "orange", "green", "purple", "sky_blue", "vermillion")]
_TAG_MARKERS = ["s", "D", "o", "P", "X", "v", "*", "h"]
_MIN_PAIRS = 3
"""Fewest days with both variables for :func:`scatter_within` to draw."""

# --------------------------------------------------------------------------- helpers


def _drawn_by_formatter(fig: FigureBase) -> set[int]:
    """Ids of the texts matplotlib's number formatters write (10^k on a log axis).

    These are the only texts of our figures meant as mathtext. The ticks are
    made for the current tick locations first, so that labels written by our
    own formatters (tags, dates, localised numbers) exist to be made plain.
    """
    ids: set[int] = set()
    for ax in fig.findobj(MplAxes):
        for axis in (ax.xaxis, ax.yaxis):
            axis.get_ticklabels(which="both")
            ids.add(id(axis.offsetText))
            for ticks, formatter in (
                (axis.majorTicks, axis.get_major_formatter()),
                (axis.minorTicks, axis.get_minor_formatter()),
            ):
                if isinstance(formatter, (ScalarFormatter, LogFormatter)):
                    ids.update(id(t) for tick in ticks for t in (tick.label1, tick.label2))
    return ids


def _plain_text(plot: Any) -> Any:
    """Make every text of a plot function's figure plain: no mathtext, no TeX.

    Text from a file (a subject, file name, tag, column name or note) may hold
    ``$``: matplotlib would read ``$\\frac{1}{$`` as maths and fail, and
    deeply nested braces overflow its parser. Every public plot function is
    wrapped by this decorator, so each title, label, legend entry, note and
    fixed tick label it drew is shown exactly as written
    (``Text.set_parse_math(False)``, ``set_usetex(False)``). Only the tick
    labels and offsets that matplotlib's formatters write later (numbers,
    dates, powers of ten) keep their maths.
    """

    @functools.wraps(plot)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        out = plot(*args, **kwargs)
        fig = out if isinstance(out, FigureBase) else out.figure
        skip = _drawn_by_formatter(fig)
        for text in fig.findobj(Text):
            if id(text) not in skip:
                text.set_parse_math(False)
                text.set_usetex(False)
        return out

    return wrapper


def _label(name: str, lang: str) -> str:
    """Axis label of a diary variable (with unit), or the name itself."""
    var = VARIABLES.get(name)
    return var.label(lang) if var is not None else name


def tag_label(tag: str, *, lang: str | None = None) -> str:
    """A diary tag in ``lang``: known tags are translated, others shown as written.

    Parameters
    ----------
    tag : str
        One tag, as in the diary's ``tags`` column (split on ``"|"`` first).
    lang : {"en", "nl"}, optional
        Language.

    Returns
    -------
    str

    See Also
    --------
    what_helps : draws tags with these labels.
    backpain.text.say : renders any catalogue text.

    Examples
    --------
    >>> tag_label("physiotherapy", lang="nl"), tag_label("massage_gun", lang="nl")
    ('fysiotherapie', 'massage_gun')
    """
    return tag_word(tag, language(lang))


def _lag_text(lag: int, lang: str) -> str:
    if lag == 0:
        return say("plot.lag.same_day", lang)
    if lag == 1:
        return say("plot.lag.day_before", lang)
    return say("plot.lag.days_before", lang, k=lag)


def _legend_outside(ax: Axes, handles=None, labels=None, **kwargs: Any) -> None:
    """A legend to the right of the axes, so that it never covers data."""
    if handles is None:
        handles, labels = ax.get_legend_handles_labels()
    if handles:
        ax.legend(
            handles,
            labels,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            borderaxespad=0.0,
            frameon=False,
            fontsize="small",
            **kwargs,
        )


def _pick_subject(data: pd.DataFrame, subject: str | None) -> tuple[str, pd.DataFrame]:
    """One subject's rows of a canonical diary (``subject=None``: the only one)."""
    check_diary(data, need=())
    subjects = pd.unique(data["subject"].dropna())
    if subject is None:
        if len(subjects) != 1:
            shown = ", ".join(repr(str(s)) for s in subjects[:5])
            msg = (
                f"data holds {len(subjects)} subjects; pass subject= to choose one "
                f"(for example {shown})"
            )
            raise ValueError(msg)
        subject = subjects[0]
    rows = data.loc[data["subject"] == subject]
    if rows.empty:
        shown = ", ".join(repr(str(s)) for s in subjects[:5])
        msg = f"subject {subject!r} is not in data; subjects include {shown}"
        raise ValueError(msg)
    return str(subject), rows


def _daily(rows: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Reindex one subject's rows to every calendar day; missing days are NaN."""
    days = pd.date_range(rows["date"].min(), rows["date"].max(), freq="D", name="date")
    return rows.set_index("date")[list(columns)].reindex(days)


def _require_frame(result: object) -> None:
    """Raise unless ``result`` is a DataFrame."""
    check_type("result", result, pd.DataFrame, what="a pandas DataFrame")


def _check_result(
    result: object, needed: Sequence[str], arg: str, made_by: str
) -> pd.DataFrame | None:
    """``result`` as a DataFrame with ``needed`` columns, or ``None`` when it is ``None``."""
    if result is None:
        return None
    check_type(arg, result, pd.DataFrame, what=f"a pandas DataFrame (the result of {made_by})")
    check_columns(result, needed, name=arg, hint=f"expected the result of {made_by}")
    return result


def _numbers(frame: pd.DataFrame, column: str) -> np.ndarray:
    return pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def _estimate(frame: pd.DataFrame, column: str) -> tuple[np.ndarray, np.ndarray]:
    """Estimates and their error-bar lengths down and up to the 95% CI (0 where missing)."""
    est = _numbers(frame, column)
    err = np.vstack([est - _numbers(frame, "ci95_low"), _numbers(frame, "ci95_high") - est])
    return est, np.nan_to_num(err)


def _is_findings(result: object) -> bool:
    """True for a :func:`backpain.stats.patient_findings` result (one person's verdicts)."""
    return isinstance(result, pd.DataFrame) and {"kind", "predictor", "effect", "verdict"} <= set(
        result.columns
    )


_CLEAR = ("lower", "higher")
"""Verdicts that say there is a link; every other verdict says there is none to tell."""
_VERDICT_COLOURS = {"lower": OKABE_ITO["green"], "higher": OKABE_ITO["vermillion"]}

# catalogue keys by code, each written out so that a search for a key finds its use
_WEEKDAY_KEYS = ("plot.weekday.0", "plot.weekday.1", "plot.weekday.2", "plot.weekday.3",
                 "plot.weekday.4", "plot.weekday.5", "plot.weekday.6")  # fmt: skip
_LEVEL_KEYS = {"within": "plot.level.within", "between": "plot.level.between"}
_VERDICT_KEYS = {
    "lower": "plot.verdict.lower",
    "higher": "plot.verdict.higher",
    "unclear": "plot.verdict.unclear",
}
_TICK_KEYS = {
    "day": "plot.tick.day",
    "week": "plot.tick.week",
    "month": "plot.tick.month",
    "year": "plot.tick.year",
}
_CLASS_KEYS = {
    "acute": "plot.class.acute",
    "subacute": "plot.class.subacute",
    "chronic": "plot.class.chronic",
}
_NETWORK_KEYS = {"temporal": "esm.plot.temporal", "contemporaneous": "esm.plot.contemporaneous"}
_PERIOD_KEYS = {"before": "change.plot.before", "after": "change.plot.after"}
_CHANGE_TITLE_KEYS = {
    "lower": "change.plot.title.lower",
    "higher": "change.plot.title.higher",
    "none": "change.plot.title.none",
    "unclear": "change.plot.title.unclear",
    "no_percent": "change.plot.title.no_percent",
    "too_few_days": "change.plot.title.too_few_days",
}
CHANGE_BAND_KEYS = {
    "minimal": "change.band.minimal",
    "moderate": "change.band.moderate",
    "substantial": "change.band.substantial",
    "at_least_minimal": "change.band.at_least_minimal",
    "at_least_moderate": "change.band.at_least_moderate",
}
"""The words of a change's band (:func:`backpain.pain_change`'s grade), shared with the report."""


def _verdicts(frame: pd.DataFrame) -> np.ndarray:
    """The ``verdict`` column (decided by the analysis) as strings; never re-derived here."""
    return frame["verdict"].astype("string").fillna("").to_numpy(dtype=object)


def _y_range(axis: Axes, values: pd.DataFrame, strip: float) -> None:
    """Y limits and ticks for ``values``, leaving the bottom ``strip`` (axes fraction) free.

    A 0-10 scale always shows 0 to 10; other scales show the data range.
    Ticks are only placed over the data, not over the strip.
    """
    bounds = {(VARIABLES[c].low, VARIABLES[c].high) if c in VARIABLES else None for c in values}
    if bounds == {(0, 10)}:
        low, high = 0.0, 10.0
    else:
        arr = values.to_numpy(dtype=float, na_value=np.nan)
        arr = arr[np.isfinite(arr)]
        low, high = (float(arr.min()), float(arr.max())) if arr.size else (0.0, 1.0)
        if high <= low:
            low, high = low - 0.5, high + 0.5
    ticks = MaxNLocator(nbins=5).tick_values(low, high)
    ticks = ticks[(ticks >= low - 1e-9) & (ticks <= high + 1e-9)]
    pad = (high - low) * 0.05
    low, high = low - pad, high + pad
    axis.set_ylim(low - strip / (1 - strip) * (high - low), high)
    axis.set_yticks(ticks)


def _note(ax: Axes, text: str, *, keep_x: bool = False) -> Axes:
    """A panel that could not be drawn: say why, in the panel.

    Ticks are hidden with ``tick_params`` and never removed with
    ``set_xticks([])``: on axes that share x with others (the dashboard's
    time panels) that would empty the shared locator of every panel.
    ``keep_x`` keeps the x tick labels (the dates of a time panel).
    """
    ax.text(
        0.5,
        0.5,
        text,
        transform=ax.transAxes,
        ha="center",
        va="center",
        color="#555555",
        wrap=True,
    )
    ax.tick_params(axis="y", left=False, labelleft=False)
    if not keep_x:
        ax.tick_params(axis="x", bottom=False, labelbottom=False)
    return ax


def _short(text: str, width: int = 40) -> str:
    """``text`` cut to ``width`` characters with an ellipsis: a tag or name from a
    file can be any length, and a label longer than the figure collapses its layout."""
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _wrap(text: str, width: int) -> str:
    """Wrap each line of ``text`` at ``width`` characters, keeping its own breaks."""
    return "\n".join(textwrap.fill(line, width) for line in text.split("\n"))


def _annotated_rows(annotated: object, subject: str) -> pd.DataFrame | None:
    """One subject's rows of an ``annotate_days`` result (``None``: none)."""
    frame = _check_result(
        annotated,
        ("subject", "date", "episode", "flare"),
        "annotated",
        "backpain.classify.annotate_days()",
    )
    if frame is None:
        return None
    return frame.loc[frame["subject"] == subject]


# --------------------------------------------------------------------------- timeline


@_plain_text
def timeline(
    data: pd.DataFrame,
    *,
    subject: str | None = None,
    variables: Sequence[str] = ("pain", "stress"),
    annotated: pd.DataFrame | None = None,
    tags: Sequence[str] | None = None,
    max_tags: int = 5,
    lang: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw one subject's diary over time: pain, flares, episodes and tags.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary (see :mod:`backpain.schema`).
    subject : str, optional
        The subject to draw; may be left out when ``data`` holds one subject.
    variables : sequence of str
        Diary columns drawn as lines on one time axis. Variables on the same
        scale as the first (for example pain, stress, sleep quality and mood,
        all 0-10) share the left y axis; at most one other scale (say
        ``sleep_hours``) is drawn on a right-hand axis (``ax.twinx()``). For
        more, use one axes per variable or :func:`dashboard`.
    annotated : pandas.DataFrame, optional
        Output of :func:`backpain.classify.annotate_days` (columns
        ``subject``, ``date``, ``episode``, ``flare``). Episodes are shaded;
        flare days are marked on the pain line (only when ``"pain"`` is among
        ``variables``). ``None`` (default): no flares or episodes.
    tags : sequence of str, optional
        Tags to mark (``None``: the ``max_tags`` most frequent; ``()``: none).
        Each tag is one row of markers in a strip at the bottom of the axes.
    max_tags : int
        How many tags to mark when ``tags`` is ``None``.
    lang : {"en", "nl"}, optional
        Language of labels and legend.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current axes).
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.plot` for the line of the first
        variable (for example ``linewidth`` or ``color``).

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn into (the left-hand one when a right axis was added).

    See Also
    --------
    backpain.classify.annotate_days : the episodes and flares drawn here.
    calendar : the same days as a calendar heatmap.
    dashboard : the timeline with the other panels on one figure.

    Notes
    -----
    The subject's rows are reindexed to every calendar day between the first
    and the last recorded day, so an unrecorded day is ``NaN`` and breaks the
    line: nothing is interpolated. Each recorded day also gets a small dot,
    so that a day recorded between two missing days stays visible. Episodes
    (de Vet et al., 2002) and flares (an increase of at least 2 points over
    the recent baseline, Costa et al., 2021) are drawn as
    :func:`backpain.classify.annotate_days` found them.

    References
    ----------
    de Vet HCW et al. (2002). Episodes of low back pain: a proposal for uniform
    definitions to be used in research. Spine 27:2409-2416.

    Costa N et al. (2021). Flares of low back pain: a systematic review of
    definitions. Pain 162:1838-1848.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from backpain.classify import annotate_days
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(2, 60, seed=1)
    >>> ax = timeline(diary, subject="S0001", variables=("pain", "stress"),
    ...               annotated=annotate_days(diary))
    >>> ax.get_ylabel()
    'Score (0-10)'
    >>> ax = timeline(diary, subject="S0001", variables=("pain",), lang="nl", ax=plt.figure().gca())
    >>> ax.get_ylabel()
    'Pijn (0-10)'
    >>> plt.close("all")
    """
    lang = language(lang)
    variables = list(variables)
    if not variables:
        msg = "variables is empty; name at least one diary column, e.g. variables=('pain',)"
        raise ValueError(msg)
    check_diary(data, need=tuple(variables))
    subject, rows = _pick_subject(data, subject)
    notes = _annotated_rows(annotated, subject)
    ax = plt.gca() if ax is None else ax

    def scale(name: str) -> tuple[Any, Any]:
        var = VARIABLES.get(name)
        return (var.low, var.high) if var is not None else (None, None)

    left = [v for v in variables if scale(v) == scale(variables[0])]
    right = [v for v in variables if v not in left]
    if len({scale(v) for v in right}) > 1:
        msg = (
            f"variables {variables} use more than two scales; timeline draws at most two "
            "(left and right axis): draw the others on their own axes or use dashboard()"
        )
        raise ValueError(msg)

    columns = [*variables, *(["tags"] if "tags" in rows.columns else [])]
    days = _daily(rows, columns)
    x = days.index.to_numpy()

    def draw(axis: Axes, names: list[str], first: bool) -> None:
        for i, name in enumerate(names):
            style: dict[str, Any] = {
                "color": _VAR_COLOURS.get(name, _SERIES[i % len(_SERIES)]),
                "linewidth": 1.8 if name == "pain" else 1.0,
                "alpha": 1.0 if name == "pain" or len(names) == 1 else 0.75,
                "marker": "o",
                "markersize": 2,
                "label": _label(name, lang),
                "zorder": 3 if name == "pain" else 2,
            }
            if first and i == 0:
                style.update(kwargs)
            axis.plot(x, _numbers(days, name), **style)
        axis.set_ylabel(_label(names[0], lang) if len(names) == 1 else say("plot.score", lang))

    draw(ax, left, first=True)
    twin = None
    if right:
        twin = ax.twinx()
        draw(twin, right, first=False)

    # episodes shaded, flares marked on the pain line
    if notes is not None and not notes.empty:
        episodes = notes.dropna(subset=["episode"]).groupby("episode")["date"].agg(["min", "max"])
        for k, (start, end) in enumerate(episodes.itertuples(index=False)):
            ax.axvspan(
                start - pd.Timedelta(hours=12),
                end + pd.Timedelta(hours=12),
                color=_LIGHT_GREY,
                alpha=0.6,
                zorder=0,
                linewidth=0,
                label=say("plot.episode", lang) if k == 0 and "pain" in variables else None,
            )
        if "pain" in variables:
            flare_days = notes.loc[notes["flare"].fillna(False).astype(bool), "date"]
            axis = ax if "pain" in left else twin
            yval = days["pain"].reindex(flare_days).to_numpy(dtype=float, na_value=np.nan)
            if len(flare_days):
                axis.scatter(
                    flare_days.to_numpy(),
                    yval,
                    marker="^",
                    s=36,
                    color=OKABE_ITO["vermillion"],
                    zorder=4,
                    label=say("plot.flare", lang),
                )

    # tags: one row of markers per tag in a strip at the bottom of the axes
    strip = 0.0
    if "tags" in days.columns:
        split = days["tags"].dropna().astype(str).str.split(TAG_SEP, regex=False).explode()
        split = split[split.str.strip() != ""]
        if tags is None:
            tags = list(split.value_counts().index[:max_tags])
        tags = list(tags)
        if tags:
            strip = 0.07 * len(tags)
            trans = blended_transform_factory(ax.transData, ax.transAxes)
            for k, tag in enumerate(tags):
                when = split.index[split == tag].to_numpy()
                ax.scatter(
                    when,
                    np.full(len(when), strip - 0.07 * (k + 0.5)),
                    transform=trans,
                    marker=_TAG_MARKERS[k % len(_TAG_MARKERS)],
                    s=14,
                    color=_SERIES[k % len(_SERIES)],
                    label=_short(tag_label(tag, lang=lang)),
                    clip_on=False,
                    zorder=4,
                )
    _y_range(ax, days[left], strip)
    if twin is not None:
        _y_range(twin, days[right], strip)

    ax.set_xlim(x[0] - np.timedelta64(1, "D"), x[-1] + np.timedelta64(1, "D"))
    date_axis(ax, lang)
    shown = [v for v in variables if days[v].notna().any()]
    if not shown:
        _note(ax, say("plot.empty.no_values", lang, name=variables[0]), keep_x=True)
    handles, labels = ax.get_legend_handles_labels()
    if twin is not None:
        more = twin.get_legend_handles_labels()
        handles, labels = handles + more[0], labels + more[1]
    _legend_outside(ax, handles, labels)
    localise(ax, lang)
    if twin is not None:
        localise(twin, lang)
    return ax


# --------------------------------------------------------------------------- calendar


@_plain_text
def calendar(
    data: pd.DataFrame,
    *,
    subject: str | None = None,
    variable: str = "pain",
    year: int | None = None,
    cmap: str = "YlOrRd",
    cbar: bool = True,
    lang: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw a calendar heatmap of one subject's daily pain (weeks x weekdays).

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary.
    subject : str, optional
        The subject to draw; may be left out when ``data`` holds one subject.
    variable : str
        Diary column to colour the days by.
    year : int, optional
        Calendar year to show (1 January to 31 December). ``None``: the
        diary's own period, or its last 366 days when it is longer.
    cmap : str
        Sequential colour map (default ``"YlOrRd"``, ColorBrewer, readable
        with colour-vision deficiency since it runs light to dark).
    cbar : bool
        Add a colour bar labelled with the variable (a new axes next to ``ax``).
    lang : {"en", "nl"}, optional
        Language of weekday and month names and labels.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current axes).
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.pcolormesh` (for example
        ``vmin``, ``vmax``).

    Returns
    -------
    matplotlib.axes.Axes
        Columns are weeks (Monday to Sunday, top to bottom), months are
        labelled at their first week. Days in the period that were not
        recorded are light grey, named in a legend; days outside it are blank.

    See Also
    --------
    timeline : the same days as lines over time.
    dashboard : the calendar with the other panels on one figure.

    Notes
    -----
    Drawn with two :meth:`~matplotlib.axes.Axes.pcolormesh` calls (the grey
    period, then the values), never one patch per day, so a year costs two
    artists. The layout follows the year views of diary apps.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(1, 90, seed=1)
    >>> ax = calendar(diary, lang="nl")
    >>> [t.get_text() for t in ax.get_yticklabels()][:3]
    ['ma', 'di', 'wo']
    >>> plt.close("all")
    """
    lang = language(lang)
    check_diary(data, need=(variable,))
    subject, rows = _pick_subject(data, subject)
    ax = plt.gca() if ax is None else ax
    values = pd.Series(_numbers(rows, variable), index=pd.DatetimeIndex(rows["date"]))
    if year is not None:
        start, end = (
            pd.Timestamp(year=int(year), month=1, day=1),
            pd.Timestamp(year=int(year), month=12, day=31),
        )
    else:
        start, end = values.index.min(), values.index.max()
        start = max(start, end - pd.Timedelta(days=365))
    first_monday = start - pd.Timedelta(days=start.day_of_week)
    last_sunday = end + pd.Timedelta(days=6 - end.day_of_week)
    grid_days = pd.date_range(first_monday, last_sunday, freq="D")
    n_weeks = len(grid_days) // 7
    shown = values.reindex(grid_days).to_numpy(dtype=float, copy=True)
    inside = np.asarray((grid_days >= start) & (grid_days <= end))
    shown[~inside] = np.nan
    grid = shown.reshape(n_weeks, 7).T
    period = np.where(inside, 0.0, np.nan).reshape(n_weeks, 7).T

    xe, ye = np.arange(n_weeks + 1), np.arange(8)
    ax.pcolormesh(
        xe,
        ye,
        np.ma.masked_invalid(period),
        cmap=ListedColormap([_LIGHT_GREY]),
        edgecolors="white",
        linewidth=0.5,
    )
    var = VARIABLES.get(variable)
    style: dict[str, Any] = {
        "cmap": cmap,
        "edgecolors": "white",
        "linewidth": 0.5,
        "vmin": var.low if var is not None and var.low is not None else None,
        "vmax": var.high if var is not None and var.high is not None else None,
    }
    style.update(kwargs)
    mesh = ax.pcolormesh(xe, ye, np.ma.masked_invalid(grid), **style)
    ax.set_xlim(0, n_weeks)
    ax.set_ylim(7, 0)
    ax.set_aspect("equal")
    weekdays = [say(key, lang) for key in _WEEKDAY_KEYS]
    ax.set_yticks(np.arange(7) + 0.5, weekdays, fontsize="small")
    month_starts = grid_days[(grid_days.day == 1) & inside]
    if not len(month_starts) or month_starts[0] != start:
        month_starts = month_starts.insert(0, start)
    weeks = ((month_starts - first_monday).days // 7).to_numpy()
    labels = [
        month_name(d.month, lang) + (f"\n{d.year}" if i == 0 or d.month == 1 else "")
        for i, d in enumerate(month_starts)
    ]
    ax.set_xticks(weeks + 0.5, labels, fontsize="small", ha="left")
    ax.tick_params(axis="both", length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title(say("plot.calendar_title", lang, name=variable), loc="left")
    if (inside & ~np.isfinite(shown)).any():  # grey days get their word in a legend
        grey = Patch(facecolor=_LIGHT_GREY, edgecolor="white", label=say("plot.not_recorded", lang))
        ax.legend(
            handles=[grey],
            loc="lower right",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
            fontsize="small",
            borderaxespad=0.2,
        )
    if not np.isfinite(grid).any():
        ax.text(
            n_weeks / 2,
            3.5,
            say("plot.empty.no_values", lang, name=variable),
            ha="center",
            va="center",
            color="#555555",
        )
    if cbar:
        cax = ax.inset_axes((1.01, 0.0, 0.012, 1.0))
        ax.figure.colorbar(mesh, cax=cax, label=_label(variable, lang))
        localise(cax, lang)  # the colour scale's numbers too: 2,5 in Dutch
    localise(ax, lang)
    return ax


# --------------------------------------------------------------------------- scatter_within


def _centred(frame: pd.DataFrame, x: str, y: str, subject: str) -> pd.DataFrame:
    """Complete pairs with subject-mean-centred ``x`` and ``y`` (``_xc``, ``_yc``), for display."""
    pairs = frame[list(dict.fromkeys([subject, x, y]))].dropna()
    pairs = pairs.astype({x: float, y: float})
    grouped = pairs.groupby(subject, observed=True)
    return pairs.assign(
        _xc=pairs[x] - grouped[x].transform("mean"),
        _yc=pairs[y] - grouped[y].transform("mean"),
    )


def _within_row(result: object, x: str, y: str) -> pd.Series | None:
    """The same-day, within-person row for ``x`` and ``y`` of a correlation result.

    ``result`` is a :func:`backpain.stats.within_corr`,
    :func:`~backpain.stats.lagged_corr` or :func:`~backpain.stats.correlate`
    result (columns ``predictor``, ``outcome``, and ``level`` or ``lag``).
    """
    if result is None:
        return None
    if _is_findings(result):
        keep = (result["kind"] == "association") & (result["predictor"] == x)
        rows = result.loc[keep & (result["lag"] == 0)]
        return rows.iloc[0] if len(rows) else None
    frame = _check_result(
        result,
        ("predictor", "outcome", "r", "ci95_low", "ci95_high", "n_obs", "n_subjects"),
        "result",
        "backpain.stats.within_corr() or backpain.stats.correlate()",
    )
    keep = (frame["predictor"] == x) & (frame["outcome"] == y)
    if "level" in frame.columns:
        keep &= frame["level"] == "within"
    if "lag" in frame.columns:
        keep &= frame["lag"] == 0
    rows = frame.loc[keep]
    return rows.iloc[0] if len(rows) else None


@_plain_text
def scatter_within(
    data: pd.DataFrame,
    *,
    x: str,
    y: str = "pain",
    result: pd.DataFrame | None = None,
    subject: str = "subject",
    per_subject_lines: bool | None = None,
    max_subjects: int = 30,
    max_points: int = 20_000,
    plain: bool = False,
    lang: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Scatter person-mean-centred ``x`` against ``y`` with the repeated-measures fit.

    Parameters
    ----------
    data : pandas.DataFrame
        Diary (or any long table) with columns ``subject``, ``x`` and ``y``.
    x : str
        Predictor column, for example ``"stress"``.
    y : str
        Outcome column (default ``"pain"``).
    result : pandas.DataFrame, optional
        The repeated-measures correlation of ``x`` and ``y``: the result of
        :func:`backpain.stats.within_corr` (or a :func:`~backpain.stats.correlate`
        result holding its same-day within-person row). When given, its
        common within-person slope is drawn and its ``r``, ``n_obs`` and
        ``n_subjects`` are written in the corner. One person's
        :func:`backpain.stats.patient_findings` may be given instead: its
        same-day slope is drawn and its ``verdict`` is said in words.
        ``None``: points only.
    subject : str
        Column identifying the person.
    per_subject_lines : bool, optional
        Draw each person's own least-squares line (centred). ``None``: only
        when the data hold at most ``max_subjects`` people. When ``True`` for a
        larger cohort, lines are drawn for the first ``max_subjects`` people
        (in sorted order) only. All lines form one
        :class:`~matplotlib.collections.LineCollection`.
    max_subjects : int
        Cap on the number of per-person lines.
    max_points : int
        At most this many points are drawn (a fixed random sample, seed 0).
    plain : bool
        Write the corner text in plain words for a patient ("On days with a
        higher stress score than usual, pain was higher") instead of
        ``r_rm = 0.31``; the words follow the 95% interval of ``result``.
    lang : {"en", "nl"}, optional
        Language of labels.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current axes).
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.scatter` (the points).

    Returns
    -------
    matplotlib.axes.Axes
        With ``result``, one text in the upper left corner, formatted
        ``"r_rm = {r:.2f}\\n{n} people, {m} days"`` from ``r``,
        ``n_subjects`` and ``n_obs`` of ``result``. With fewer than 3 days
        holding both ``x`` and ``y``, only a sentence saying so.

    See Also
    --------
    backpain.stats.within_corr : computes the correlation drawn here.
    lags : the same correlation at several lags.

    Notes
    -----
    Each person's ``x`` and ``y`` are centred on that person's own mean, so
    the plot shows only within-person variation. The repeated-measures
    correlation ``r`` is the Pearson correlation of these centred values
    (Bakdash & Marusich, 2017), so the common within-person slope is
    ``r * sqrt(sum(yc**2) / sum(xc**2))`` over the centred values drawn: the
    line through the origin with that slope is the fit of R's ``rmcorr``.

    References
    ----------
    Bakdash JZ, Marusich LR (2017). Repeated measures correlation. Frontiers
    in Psychology 8:456.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from backpain.simulate import simulate_cohort
    >>> from backpain.stats import within_corr
    >>> diary = simulate_cohort(5, 60, seed=1)
    >>> res = within_corr(diary, x="stress", y="pain")
    >>> ax = scatter_within(diary, x="stress", result=res)
    >>> ax.texts[0].get_text().startswith("r_rm = ")
    True
    >>> plt.close("all")
    """
    lang = language(lang)
    result = table_of(result)  # a result object or its table
    if not isinstance(data, pd.DataFrame):
        msg = f"data must be a pandas DataFrame, not {type(data).__name__}"
        raise TypeError(msg)
    _check_result(data, (subject, x, y), "data", "backpain.read_diary() (a diary)")
    row = _within_row(result, x, y)
    if result is not None and row is None:
        msg = f"result holds no same-day within-person row for x={x!r} and y={y!r}"
        raise ValueError(msg)
    ax = plt.gca() if ax is None else ax
    pairs = _centred(data, x, y, subject)
    if len(pairs) < _MIN_PAIRS:
        text = say("plot.empty.few_pairs", lang, x=x, y=y, n=len(pairs), need=_MIN_PAIRS)
        return _note(ax, text)

    shown = pairs
    if len(pairs) > max_points:
        shown = pairs.sample(n=max_points, random_state=0)
    style: dict[str, Any] = {
        "s": 10 if len(shown) < 2000 else 4,
        "alpha": 0.5 if len(shown) < 2000 else 0.2,
        "color": OKABE_ITO["blue"],
        "linewidths": 0,
    }
    style.update(kwargs)
    ax.scatter(shown["_xc"].to_numpy(), shown["_yc"].to_numpy(), **style)

    people = pairs[subject].unique()
    if per_subject_lines is None:
        per_subject_lines = 1 < len(people) <= max_subjects
    if per_subject_lines:
        keep = np.sort(people)[:max_subjects]
        sub = pairs.loc[pairs[subject].isin(keep)]
        g = sub.assign(_xy=sub["_xc"] * sub["_yc"], _xx=sub["_xc"] ** 2).groupby(
            subject, observed=True
        )
        agg = g.agg(lo=("_xc", "min"), hi=("_xc", "max"), sxy=("_xy", "sum"), sxx=("_xx", "sum"))
        agg = agg[agg["sxx"] > 0]
        b = (agg["sxy"] / agg["sxx"]).to_numpy()
        lo, hi = agg["lo"].to_numpy(), agg["hi"].to_numpy()
        segments = np.stack([np.column_stack([lo, b * lo]), np.column_stack([hi, b * hi])], axis=1)
        ax.add_collection(
            LineCollection(
                segments,
                colors=_GREY,
                linewidths=0.8,
                alpha=0.6,
                label=say("plot.per_person", lang),
            )
        )
    xc, yc = pairs["_xc"].to_numpy(), pairs["_yc"].to_numpy()
    sxx, syy = float((xc**2).sum()), float((yc**2).sum())
    found = row is not None and "verdict" in row.index and "effect" in row.index
    if found:  # one person's finding: the least-squares slope in the diary's units
        slope = float(row["effect"]) / float(row["step"])
    else:
        r = float(row["r"]) if row is not None else float("nan")
        slope = r * np.sqrt(syy / sxx) if sxx > 0 else float("nan")
    if np.isfinite(slope) and sxx > 0:
        span = np.array([xc.min(), xc.max()])
        ax.plot(
            span,
            slope * span,
            color=OKABE_ITO["vermillion"],
            linewidth=2.2,
            label=say("plot.fit", lang),
        )
    ax.axhline(0, color=_GREY, linewidth=0.6, zorder=0)
    ax.axvline(0, color=_GREY, linewidth=0.6, zorder=0)
    if row is not None:
        if found:
            # the verdict of backpain.stats.patient_findings, decided there once
            key = {"higher": "plot.link_up", "lower": "plot.link_down", "unclear": "plot.link_none"}
            text = say(
                key.get(str(row["verdict"]), "plot.link_untested"),
                lang,
                x=x,
                y=y,
                n_obs=int(row["n_days"]),
            )
        elif plain:
            # a cohort's correlation has no verdict: its words say only what its interval does
            low, high = float(row["ci95_low"]), float(row["ci95_high"])
            key = "plot.link_up" if low > 0 else "plot.link_down" if high < 0 else "plot.link_none"
            text = say(key, lang, x=x, y=y, n_obs=int(row["n_obs"]))
        else:
            n_obs, n_subjects = int(row["n_obs"]), int(row["n_subjects"])
            key = "plot.r_rm_one" if n_subjects == 1 else "plot.r_rm"
            text = say(key, lang, r=r, n_subjects=n_subjects, n_obs=n_obs)
        if found or plain:
            # a sentence stays inside its panel in either language: wrapped to its width
            text = _wrap(text.replace("\n", " "), 36)
        ax.text(
            0.03,
            0.97,
            text,
            transform=ax.transAxes,
            ha="left",
            va="top",
            fontsize="small",
            bbox={
                "boxstyle": "round",
                "facecolor": "white",
                "edgecolor": _LIGHT_GREY,
                "alpha": 0.9,
            },
        )
    ax.set_xlabel(say("plot.centred", lang, label=_label(x, lang)))
    ax.set_ylabel(say("plot.centred", lang, label=_label(y, lang)))
    if ax.get_legend_handles_labels()[0]:
        ax.legend(
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncols=2,
            frameon=False,
            fontsize="small",
            borderaxespad=0.2,
        )
    localise(ax, lang)
    return ax


# --------------------------------------------------------------------------- lags


def _lag_rows(result: pd.DataFrame, x: str | Sequence[str] | None, y: str | None) -> pd.DataFrame:
    """The within-person rows of a lagged_corr or correlate result for ``x`` and ``y``."""
    frame = _check_result(
        result,
        ("predictor", "outcome", "lag", "r", "ci95_low", "ci95_high"),
        "result",
        "backpain.stats.lagged_corr() or backpain.stats.correlate()",
    )
    if "level" in frame.columns:
        frame = frame.loc[frame["level"] == "within"]
    if y is not None:
        frame = frame.loc[frame["outcome"] == y]
    if x is not None:
        names = [x] if isinstance(x, str) else list(x)
        frame = frame.loc[frame["predictor"].isin(names)]
        order = {name: i for i, name in enumerate(names)}
        frame = frame.sort_values("predictor", key=lambda s: s.map(order), kind="stable")
    finite = np.isfinite(_numbers(frame, "r")) & frame["lag"].notna().to_numpy()
    return frame.loc[finite]


@_plain_text
def lags(
    result: pd.DataFrame | None,
    *,
    x: str | Sequence[str] | None = None,
    y: str | None = None,
    plain: bool = False,
    lang: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the within-person correlation by lag, with 95% confidence intervals.

    Parameters
    ----------
    result : pandas.DataFrame, Correlations, Findings or None
        The result of :func:`backpain.stats.lagged_corr` (columns ``predictor``,
        ``outcome``, ``lag``, ``r``, ``ci95_low``, ``ci95_high``; several results
        may be concatenated, one series per ``predictor``) or of
        :func:`backpain.stats.correlate` (its ``level == "within"`` rows,
        one series per ``predictor``). One person's
        :func:`backpain.stats.patient_findings` may be given instead: its
        association rows are drawn as the change in ``y`` per step, a filled
        marker where the ``verdict`` is lower or higher, an open one
        elsewhere, and the axis says in words that the bars are each link's
        own 95% interval. ``None`` or no row with an ``r``: the panel says
        so in words.
    x : str or sequence of str, optional
        The predictor(s) to draw, in this order (default: all).
    y : str, optional
        The outcome: keeps the rows of a ``lagged_corr`` result with this
        ``y`` (default: all), and names the outcome of a ``correlate``
        result (default ``"pain"``).
    plain : bool
        Labels in plain words for a patient, without "r" or "CI".
    lang : {"en", "nl"}, optional
        Language of labels.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current axes).
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.errorbar` for every series.

    Returns
    -------
    matplotlib.axes.Axes
        One errorbar series per predictor (``ax.containers``), series side by
        side at each lag, and a dashed line at r = 0.

    See Also
    --------
    backpain.stats.lagged_corr : computes the correlations drawn here.
    backpain.stats.correlate : within and between persons, several predictors.
    associations : the same estimates as a forest plot.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from backpain.simulate import simulate_cohort
    >>> from backpain.stats import lagged_corr
    >>> diary = simulate_cohort(5, 60, seed=1)
    >>> res = lagged_corr(diary, x="sleep_quality", y="pain", lags=(0, 1, 2))
    >>> ax = lags(res)
    >>> len(ax.containers), ax.get_ylabel()
    (1, 'Within-person r (95% CI)')
    >>> plt.close("all")
    """
    lang = language(lang)
    result = table_of(result)  # a result object or its table
    ax = plt.gca() if ax is None else ax
    if result is None:
        return _note(ax, say("plot.empty.not_computed", lang))
    _require_frame(result)
    if _is_findings(result):
        return _finding_lags(result, x=x, y=y or "pain", lang=lang, ax=ax, **kwargs)
    rows = _lag_rows(result, x, y)
    outcome = y if y is not None else (str(rows["outcome"].iloc[0]) if len(rows) else "pain")
    if rows.empty:
        return _note(ax, say("plot.empty.no_links", lang, y=outcome))
    series = list(pd.unique(rows["predictor"]))
    width = 0.6 / max(len(series), 1)
    for i, name in enumerate(series):
        part = rows.loc[rows["predictor"] == name].sort_values("lag")
        r, err = _estimate(part, "r")
        offset = (i - (len(series) - 1) / 2) * width
        style: dict[str, Any] = {
            "fmt": "o-",
            "color": _VAR_COLOURS.get(name, _SERIES[i % len(_SERIES)]),
            "capsize": 3,
            "linewidth": 1.2,
            "markersize": 5,
            "label": _label(name, lang),
        }
        style.update(kwargs)
        ax.errorbar(_numbers(part, "lag") + offset, r, yerr=err, **style)
    all_lags = np.sort(pd.unique(rows["lag"]).astype(int))
    ax.set_xticks(all_lags, [str(k) for k in all_lags])
    ax.axhline(0, color=_GREY, linewidth=0.8, linestyle="--", zorder=0)
    if plain:
        ax.set_xlabel(say("plot.lag_axis_plain", lang, y=outcome))
        ax.set_ylabel(say("plot.link_axis_plain", lang, y=outcome))
        ax.set_title(say("plot.lags_title_plain", lang, y=outcome), loc="left")
        _legend_outside(ax)
    elif len(series) == 1:
        ax.set_xlabel(say("plot.lag_axis", lang, x=series[0], y=outcome))
        ax.set_ylabel(say("plot.r_within", lang))
        ax.set_title(say("plot.lags_title", lang, x=series[0], y=outcome), loc="left")
    else:
        ax.set_xlabel(say("plot.lag_axis_many", lang, y=outcome))
        ax.set_ylabel(say("plot.r_within", lang))
        _legend_outside(ax)
    localise(ax, lang)
    return ax


def _finding_lags(
    result: pd.DataFrame, *, x: Any, y: str, lang: str, ax: Axes, **kwargs: Any
) -> Axes:
    """One person's findings by lag: the change in ``y`` per step, marked by its verdict.

    A filled marker is a link the analysis reported (``verdict`` lower or
    higher), an open one a link it did not; the bars are each finding's own
    95% interval (serial dependence allowed for, not the family-wise
    control), and the panel says so in words.
    """
    rows = result.loc[(result["kind"] == "association") & np.isfinite(_numbers(result, "effect"))]
    names = [x] if isinstance(x, str) else list(x) if x is not None else None
    if names is not None:
        rows = rows.loc[rows["predictor"].isin(names)]
    found = set(rows["predictor"])
    series = [n for n in (names or pd.unique(rows["predictor"])) if n in found]
    if not series:
        return _note(ax, say("plot.empty.no_links", lang, y=y))
    width = 0.6 / len(series)
    for i, name in enumerate(series):
        part = rows.loc[rows["predictor"] == name].sort_values("lag")
        est, err = _estimate(part, "effect")
        at = _numbers(part, "lag") + (i - (len(series) - 1) / 2) * width
        colour = _VAR_COLOURS.get(name, _SERIES[i % len(_SERIES)])
        style: dict[str, Any] = {
            "fmt": "-",
            "color": colour,
            "capsize": 3,
            "linewidth": 1.2,
            "label": _label(name, lang),
        }
        style.update(kwargs)
        ax.errorbar(at, est, yerr=err, **style)
        clear = np.isin(_verdicts(part), _CLEAR)
        ax.scatter(
            at,
            est,
            s=36,
            zorder=3,
            edgecolors=colour,
            facecolors=np.where(clear, colour, "white").tolist(),
            linewidths=1.4,
        )
    shown = np.sort(pd.unique(rows["lag"]).astype(int))
    ax.set_xticks(shown, [str(k) for k in shown])
    ax.axhline(0, color=_GREY, linewidth=0.8, linestyle="--", zorder=0)
    # the bars are not the family-wise intervals the verdict used: said in words
    ax.set_xlabel(
        say("plot.lag_axis_plain", lang, y=y) + "\n" + _wrap(say("plot.interval_note", lang), 50)
    )
    ax.set_ylabel(say("plot.effect_axis_plain", lang, y=y))
    ax.set_title(say("plot.lags_title_plain", lang, y=y), loc="left")
    handles = list(ax.get_legend_handles_labels()[0])
    marks = [
        Line2D([], [], linestyle="", marker="o", color=_GREY, label=say("plot.mark.clear", lang)),
        Line2D(
            [], [], linestyle="", marker="o", color=_GREY, markerfacecolor="white",
            label=say("plot.mark.unclear", lang),
        ),
    ]  # fmt: skip
    handles += marks
    _legend_outside(ax, handles, [h.get_label() for h in handles])
    return ax


# --------------------------------------------------------------------------- associations


@_plain_text
def associations(
    result: pd.DataFrame | None,
    *,
    y: str = "pain",
    lang: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw a forest plot of associations, within and between persons side by side.

    Parameters
    ----------
    result : pandas.DataFrame, Correlations, MixedModel, Findings or None
        Result of :func:`backpain.stats.correlate` (estimate column ``r``) or
        :func:`backpain.multilevel.mixed_model` (estimate column ``coef``), with
        ``predictor``, ``lag``, ``level``, ``ci95_low``, ``ci95_high``. Rows
        without a predictor (the intercept) or without an estimate are left
        out. One person's :func:`backpain.stats.patient_findings` may be
        given instead: one row per association, the change in ``y`` per
        step, a filled marker where its ``verdict`` is lower or higher.
        ``None`` or no row left: the panel says so in words.
    y : str
        The outcome, for the axis label.
    lang : {"en", "nl"}, optional
        Language of labels.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current axes).
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.errorbar` for each level.

    Returns
    -------
    matplotlib.axes.Axes
        One row per predictor and lag (labelled ``"Stress (0-10), day
        before"``), the levels dodged side by side with one errorbar series
        per level (``ax.containers``), whatever the size of the cohort.

    See Also
    --------
    backpain.stats.correlate : within- and between-person correlations.
    backpain.multilevel.mixed_model : the same questions as a mixed model.
    lags : one predictor's correlation by lag.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from backpain.simulate import simulate_cohort
    >>> from backpain.stats import correlate
    >>> diary = simulate_cohort(5, 60, seed=1)
    >>> ax = associations(correlate(diary, x=("stress",), lags=(0,)))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Stress (0-10), same day']
    >>> plt.close("all")
    """
    lang = language(lang)
    result = table_of(result)  # a result object or its table
    ax = plt.gca() if ax is None else ax
    if result is None:
        return _note(ax, say("plot.empty.not_computed", lang))
    _require_frame(result)
    if _is_findings(result):
        return _finding_forest(result, y=y, lang=lang, ax=ax, **kwargs)
    estimate = "r" if "r" in result.columns else "coef"
    _check_result(
        result,
        ("predictor", "lag", "level", estimate, "ci95_low", "ci95_high"),
        "result",
        "backpain.stats.correlate() or backpain.multilevel.mixed_model()",
    )
    rows = result.loc[result["predictor"].notna() & np.isfinite(_numbers(result, estimate))]
    if rows.empty:
        return _note(ax, say("plot.empty.no_estimates", lang))
    rows = rows.assign(lag=rows["lag"].fillna(0).astype(int), level=rows["level"].fillna("within"))
    keys = rows[["predictor", "lag"]].drop_duplicates().reset_index(drop=True)
    position = {(p, k): len(keys) - 1 - i for i, (p, k) in enumerate(keys.itertuples(index=False))}
    levels = [lv for lv in ("within", "between") if lv in set(rows["level"])]
    levels += [lv for lv in pd.unique(rows["level"]) if lv not in levels]
    colours = {"within": OKABE_ITO["blue"], "between": OKABE_ITO["orange"]}
    markers = {"within": "o", "between": "s"}
    width = 0.5 / max(len(levels), 1)
    for i, level in enumerate(levels):
        part = rows.loc[rows["level"] == level]
        pos = np.array(
            [position[(p, k)] for p, k in zip(part["predictor"], part["lag"], strict=True)]
        )
        est, err = _estimate(part, estimate)
        style: dict[str, Any] = {
            "fmt": markers.get(level, "D"),
            "color": colours.get(level, _SERIES[(i + 2) % len(_SERIES)]),
            "capsize": 3,
            "markersize": 6,
            "label": say(_LEVEL_KEYS[level], lang) if level in markers else str(level),
        }
        style.update(kwargs)
        ax.errorbar(est, pos - (i - (len(levels) - 1) / 2) * width, xerr=err, **style)
    ax.set_yticks(
        [position[(p, k)] for p, k in keys.itertuples(index=False)],
        [
            say("plot.assoc_row", lang, label=_label(p, lang), lag=_lag_text(k, lang))
            for p, k in keys.itertuples(index=False)
        ],
    )
    ax.set_ylim(-0.7, len(keys) - 0.3)
    ax.axvline(0, color=_GREY, linewidth=0.8, linestyle="--", zorder=0)
    key = "plot.assoc_r" if estimate == "r" else "plot.assoc_coef"
    ax.set_xlabel(say(key, lang, y=y))
    _legend_outside(ax)
    localise(ax, lang)
    return ax


def _finding_forest(result: pd.DataFrame, *, y: str, lang: str, ax: Axes, **kwargs: Any) -> Axes:
    """One person's associations as a forest: the change per step, marked by the verdict."""
    rows = result.loc[(result["kind"] == "association") & np.isfinite(_numbers(result, "effect"))]
    if rows.empty:
        return _note(ax, say("plot.empty.no_estimates", lang))
    pos = np.arange(len(rows))[::-1]
    est, err = _estimate(rows, "effect")
    style: dict[str, Any] = {"fmt": "none", "ecolor": OKABE_ITO["blue"], "capsize": 3}
    style.update(kwargs)
    ax.errorbar(est, pos, xerr=err, **style)
    clear = np.isin(_verdicts(rows), _CLEAR)
    blue = OKABE_ITO["blue"]
    ax.scatter(est, pos, s=40, zorder=3, edgecolors=blue, facecolors=np.where(clear, blue, "white"))
    labels = [
        say("plot.assoc_row", lang, label=_label(n, lang), lag=_lag_text(int(k), lang))
        for n, k in zip(rows["predictor"], rows["lag"], strict=True)
    ]
    ax.set_yticks(pos, labels)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.axvline(0, color=_GREY, linewidth=0.8, linestyle="--", zorder=0)
    ax.set_xlabel(
        say("plot.effect_axis_plain", lang, y=y) + "\n" + _wrap(say("plot.interval_note", lang), 50)
    )
    marks = [
        Line2D([], [], linestyle="", marker="o", color=blue, label=say("plot.mark.clear", lang)),
        Line2D(
            [], [], linestyle="", marker="o", color=blue, markerfacecolor="white",
            label=say("plot.mark.unclear", lang),
        ),
    ]  # fmt: skip
    _legend_outside(ax, marks, [m.get_label() for m in marks])
    localise(ax, lang)
    return ax


# --------------------------------------------------------------------------- what_helps


@_plain_text
def what_helps(
    result: pd.DataFrame | None,
    *,
    lang: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw each tag's difference in pain with its 95% interval, sorted.

    Parameters
    ----------
    result : Findings, pandas.DataFrame or None
        Result of :func:`backpain.stats.what_helps` (columns ``predictor``, ``lag``,
        ``effect``, ``ci95_low``, ``ci95_high``, ``n_with``, ``verdict``)
        or of :func:`backpain.stats.patient_findings` (its tag rows). Tags
        that were not tested are left out. ``None`` or no tag left: the
        panel says so in words.
    lang : {"en", "nl"}, optional
        Language of labels (known tags are translated, e.g. physiotherapy ->
        fysiotherapie, by :func:`tag_label`).
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current axes).
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.scatter` (the points).

    Returns
    -------
    matplotlib.axes.Axes
        Tags sorted from the largest decrease in pain (top) to the largest
        increase; the points are one collection, the intervals one
        :class:`~matplotlib.collections.LineCollection`. Colours come from
        the ``verdict`` column, decided once by the analysis: green for
        ``"lower"`` (less pain), vermillion for ``"higher"``, grey for
        ``"unclear"``; rows with another verdict (too few days, nothing to
        compare, not tested) are not drawn. The lines are each tag's own 95%
        interval (not the family-wise one the verdict used), as the legend
        says. Tick labels give the number of days with the tag.

    See Also
    --------
    backpain.stats.what_helps : computes the differences drawn here.
    tag_label : the tag names shown.

    Notes
    -----
    A difference is an association in observational data, not proof that the
    tag causes the change (people may take medication on bad days).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> res = pd.DataFrame({"predictor": ["heat", "physiotherapy"], "lag": 1,
    ...                     "effect": [0.1, -0.8], "ci95_low": [-0.2, -1.1],
    ...                     "ci95_high": [0.4, -0.5], "n_with": [40, 30],
    ...                     "verdict": ["unclear", "lower"]})
    >>> ax = what_helps(res)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['heat (40 days)', 'physiotherapy (30 days)']
    >>> ax = what_helps(None, lang="nl", ax=plt.figure().gca())
    >>> ax.texts[0].get_text()
    'Niet berekend voor dit dagboek'
    >>> plt.close("all")
    """
    lang = language(lang)
    result = table_of(result)  # a result object or its table
    ax = plt.gca() if ax is None else ax
    if _is_findings(result):  # one person's findings: their tag rows
        result = result.loc[result["kind"] == "tag"]
    result = _check_result(
        result,
        ("predictor", "lag", "effect", "ci95_low", "ci95_high", "n_with", "verdict"),
        "result",
        "backpain.stats.what_helps() or backpain.stats.patient_findings()",
    )
    if result is None:
        return _note(ax, say("plot.empty.not_computed", lang))
    # only tested rows are drawn; the others have no difference to show
    tested = np.isin(_verdicts(result), ("lower", "higher", "unclear"))
    rows = result.loc[tested & np.isfinite(_numbers(result, "effect"))]
    rows = rows.sort_values("effect", ascending=False, kind="stable")
    if rows.empty:
        return _note(ax, say("plot.empty.few_tag_days", lang))
    effect, low, high = (_numbers(rows, c) for c in ("effect", "ci95_low", "ci95_high"))
    pos = np.arange(len(rows))
    verdict = _verdicts(rows)
    colour = np.array([_VERDICT_COLOURS.get(v, _GREY) for v in verdict], dtype=object)
    ok = np.isfinite(low) & np.isfinite(high)
    ax.hlines(pos[ok], low[ok], high[ok], colors=colour[ok].tolist(), linewidth=2)
    style: dict[str, Any] = {"s": 45, "c": colour.tolist(), "zorder": 3, "edgecolors": "white"}
    style.update(kwargs)
    ax.scatter(effect, pos, **style)
    ax.axvline(0, color=_GREY, linewidth=0.8, linestyle="--", zorder=0)
    days_with = np.nan_to_num(_numbers(rows, "n_with")).astype(int)
    ax.set_yticks(
        pos,
        [
            say("plot.tag_days", lang, tag=_short(tag_label(str(t), lang=lang)), n=int(n))
            for t, n in zip(rows["predictor"], days_with, strict=True)
        ],
    )
    ax.set_ylim(-0.6, len(rows) - 0.4)
    lag_values = pd.unique(rows["lag"].dropna())
    if len(lag_values) != 1:  # several lags in one result: say nothing about the day
        ax.set_xlabel(say("plot.helps_x.any", lang))
    elif int(lag_values[0]) in (0, 1):
        ax.set_xlabel(say(("plot.helps_x.0", "plot.helps_x.1")[int(lag_values[0])], lang))
    else:
        ax.set_xlabel(say("plot.helps_x.k", lang, k=int(lag_values[0])))
    present = [
        Line2D(
            [], [], color=_VERDICT_COLOURS.get(key, _GREY), marker="o", linewidth=2,
            label=say(_VERDICT_KEYS[key], lang),
        )
        for key in ("lower", "higher", "unclear")
        if (verdict == key).any()
    ]  # fmt: skip
    # the lines are each tag's own 95% interval, not the family-wise one: said in words
    _legend_outside(
        ax,
        present,
        [h.get_label() for h in present],
        title=_wrap(say("plot.interval_note", lang), 30),
        title_fontsize="x-small",
        alignment="left",
    )
    localise(ax, lang)
    return ax


# --------------------------------------------------------------------------- classes


def _duration_ticks(lang: str) -> list[tuple[float, str]]:
    """Log-axis ticks of :func:`classes`: 1 day to 20 years, labelled in ``lang``."""
    spots = [(1, "day", 1), (7, "week", 1), (42, "week", 6), (84, "week", 12), (182, "month", 6),
             (365, "year", 1), (730, "year", 2), (1826, "year", 5), (3652, "year", 10),
             (7305, "year", 20)]  # fmt: skip
    return [(days, say(_TICK_KEYS[unit], lang, n=n)) for days, unit, n in spots]


@_plain_text
def classes(
    classified: pd.DataFrame | None,
    *,
    acute_max_days: float = 41,
    subacute_max_days: float = 84,
    log_scale: bool = True,
    bins: int | Sequence[float] | None = None,
    lang: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw a cohort's pain durations with the acute / subacute / chronic bands.

    Parameters
    ----------
    classified : pandas.DataFrame or None
        One row per subject with a ``duration_days`` column, as returned by
        :func:`backpain.classify.classify`. ``None`` or no known duration:
        the panel says so in words.
    acute_max_days, subacute_max_days : float
        Class boundaries in whole days, with the same meaning as in
        :func:`backpain.classify.classify`: acute ``<= acute_max_days``,
        subacute up to ``subacute_max_days``, chronic above it. The default
        (41, 84) is the COST B13 definition (acute under 6 weeks, chronic
        over 12 weeks; Airaksinen et al., 2006); draw another with
        ``classes(c, acute_max_days=a, subacute_max_days=s)`` where
        ``a, s = backpain.classify.DEFINITIONS["nih"]``.
    log_scale : bool
        Logarithmic duration axis (default), so that 6 weeks and 10 years are
        both readable; durations under 1 day are drawn in the first bin.
    bins : int or sequence of float, optional
        Histogram bins; by default about 40 bins whose edges include both
        boundaries, so no bar straddles a class boundary.
    lang : {"en", "nl"}, optional
        Language of labels.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current axes).
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.hist`.

    Returns
    -------
    matplotlib.axes.Axes
        A histogram (one patch per bin, however many subjects), three shaded
        bands and three texts ``"acute\\n1,234 (30%)"`` counting the subjects
        per class; the title gives the number of people with a known
        duration, how many without one were left out and, when
        ``classified`` has an ``onset_censored`` column, how many durations
        are lower bounds (pain since the diary's first day).

    See Also
    --------
    backpain.classify.classify : computes the durations drawn here.
    backpain.classify.DEFINITIONS : the boundaries of each published definition.

    Notes
    -----
    Counts are recomputed from ``duration_days`` with the boundaries given
    here, so they always match the shaded bands; with the same boundaries
    they equal the counts of ``duration_class`` from
    :func:`backpain.classify.classify`. Bands and default bins change half a
    day after the last day of a class (41.5 and 84.5 days by default), so
    that each whole-day duration falls in the bar of its own class.

    References
    ----------
    Airaksinen O et al. (2006). European guidelines for the management of
    chronic nonspecific low back pain (COST B13). Eur Spine J 15 Suppl 1:S192.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from backpain.classify import classify
    >>> from backpain.simulate import simulate_cohort
    >>> classified = classify(simulate_cohort(20, 120, seed=2))
    >>> ax = classes(classified)
    >>> [t.get_text().split("\\n")[0] for t in ax.texts]
    ['acute', 'subacute', 'chronic']
    >>> plt.close("all")
    """
    lang = language(lang)
    ax = plt.gca() if ax is None else ax
    classified = _check_result(
        classified, ("duration_days",), "classified", "backpain.classify.classify()"
    )
    if classified is None:
        return _note(ax, say("plot.empty.not_computed", lang))
    acute_max, subacute_max = float(acute_max_days), float(subacute_max_days)
    if not 0 <= acute_max < subacute_max:
        msg = (
            f"need 0 <= acute_max_days < subacute_max_days, got {acute_max:g} and "
            f"{subacute_max:g}; acute is 0..acute_max_days days, subacute up to subacute_max_days"
        )
        raise ValueError(msg)
    d = _numbers(classified, "duration_days")
    n_unknown = int((~np.isfinite(d)).sum())
    # a duration whose class classify could not tell (class_evidence says why) is not drawn
    n_too_few = 0
    if {"class_evidence", "duration_class"} <= set(classified.columns):
        too_few = classified["duration_class"].isna().to_numpy(bool) & np.isfinite(d)
        n_too_few = int(too_few.sum())
        d = np.where(too_few, np.nan, d)
    known = d[np.isfinite(d)]
    if not len(known):
        return _note(ax, say("plot.empty.no_durations", lang))
    # band edges half a day above the last day of a class, so that whole-day
    # durations never sit on an edge (41 is acute, 42 subacute by default)
    acute_edge, chronic_edge = acute_max + 0.5, subacute_max + 0.5
    top = max(float(known.max()), 2.0 * chronic_edge) * 1.05
    if log_scale:
        low = 1.0
        shown = np.maximum(known, low)
        if bins is None:
            width = np.log(top / low) / 40
            cuts = [low, acute_edge, chronic_edge, top]
            edges = [low]
            for a, b in itertools.pairwise(cuts):
                n = max(1, round(np.log(b / a) / width)) if b > a else 0
                edges.extend(np.geomspace(a, b, n + 1)[1:].tolist() if n else [])
            bins = edges
    else:
        low = -0.5
        shown = known
        if bins is None:
            step = next((s for s in (7, 14, 21, 42) if top / s <= 60), 42)
            bins = np.arange(-0.5, top + step, step)
    style: dict[str, Any] = {"color": OKABE_ITO["blue"], "edgecolor": "white", "linewidth": 0.4}
    style.update(kwargs)
    ax.hist(shown, bins=bins, **style)

    counts = {
        "acute": int((known <= acute_max).sum()),
        "subacute": int(((known > acute_max) & (known <= subacute_max)).sum()),
        "chronic": int((known > subacute_max).sum()),
    }
    bands = {
        "acute": (low, acute_edge, OKABE_ITO["sky_blue"]),
        "subacute": (acute_edge, chronic_edge, OKABE_ITO["yellow"]),
        "chronic": (chronic_edge, top, OKABE_ITO["vermillion"]),
    }
    trans = blended_transform_factory(ax.transData, ax.transAxes)
    for name, (a, b, colour) in bands.items():
        ax.axvspan(a, b, color=colour, alpha=0.15, linewidth=0, zorder=0)
        mid = np.sqrt(a * b) if log_scale else (a + b) / 2
        text = say(
            "plot.class_count",
            lang,
            name=say(_CLASS_KEYS[name], lang),
            n=counts[name],
            share=counts[name] / len(known),
        )
        ax.text(mid, 0.97, text, transform=trans, ha="center", va="top")
    ax.set_xlim(low, top)
    if log_scale:
        ax.set_xscale("log")
        ticks = [(v, s) for v, s in _duration_ticks(lang) if low <= v <= top]
        ax.set_xticks([v for v, _ in ticks], [s for _, s in ticks])
        ax.xaxis.set_minor_formatter(FuncFormatter(lambda *_: ""))
        ax.set_xlabel(say("plot.duration", lang))
    else:
        ax.set_xlabel(say("plot.duration_lin", lang))
    ax.set_ylim(0, ax.get_ylim()[1] * 1.3)
    ax.set_ylabel(say("plot.people", lang))
    title = say("plot.classes_title", lang, n=len(known))
    if n_unknown:
        title += "; " + say("plot.unknown", lang, n=n_unknown)
    if n_too_few:
        title += "; " + say("plot.too_few", lang, n=n_too_few)
    if "onset_censored" in classified.columns:
        censored = classified["onset_censored"].fillna(False).astype(bool).to_numpy()
        n_censored = int(censored[np.isfinite(d)].sum())
        if n_censored:
            title += "\n" + say("plot.censored", lang, n=n_censored)
    ax.set_title(title, loc="left")
    localise(ax, lang)
    return ax


# --------------------------------------------------------------------------- dashboard

_SCATTER_CANDIDATES = ("stress", "sleep_quality", "mood", "sleep_hours", "active_minutes", "steps")
_LAG_PREDICTORS = ("sleep_quality", "stress")


@_plain_text
def dashboard(
    diary: pd.DataFrame,
    *,
    annotated: pd.DataFrame | None = None,
    findings: pd.DataFrame | None = None,
    subject: str | None = None,
    lang: str | None = None,
    **fig_kw: Any,
) -> Figure:
    """Draw one patient's diary on one figure (figure-level; returns the Figure).

    Panels, top to bottom, on a shared time axis: pain with pain episodes,
    flares and tags; stress and sleep quality (or mood); hours of sleep;
    steps (or active minutes). Then a calendar heatmap of pain, and three
    panels: the day-to-day scatter of stress (or another recorded score) and
    pain (:func:`scatter_within`), how closely sleep quality and stress go
    with pain by lag (:func:`lags`) and what went with less pain
    (:func:`what_helps`). The dashboard computes nothing: pass the results.
    A panel whose data or result is missing, or too small, says so in words
    and the rest is drawn; the figure is made for any diary that loads (one
    day to many years, any gaps, any subset of columns).

    Parameters
    ----------
    diary : pandas.DataFrame
        Canonical diary.
    annotated : pandas.DataFrame, optional
        :func:`backpain.classify.annotate_days` of the diary: episodes and
        flares on the pain panel (``None``: none drawn).
    findings : Findings or pandas.DataFrame, optional
        :func:`backpain.stats.patient_findings` of the person: its same-day
        row annotates the scatter, its association rows make the lag panel
        and its tag rows the tag panel. Every mark and word takes its
        ``verdict`` column (the report's table says the same).
    subject : str, optional
        The patient; may be left out when ``diary`` holds one subject.
    lang : {"en", "nl"}, optional
        Language of labels.
    **fig_kw
        Passed to :func:`matplotlib.pyplot.figure` (default
        ``figsize=(13, 15)``, ``layout="constrained"``). ``ax`` is not
        accepted: a dashboard is a whole figure; draw single panels into
        your own axes with the axes-level functions.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with its panels in ``fig.axes``.

    See Also
    --------
    timeline, calendar, scatter_within, lags, what_helps : the panels.
    backpain.report.write_report : the dashboard in a report for a clinician.

    Notes
    -----
    Annotations are in plain words (no ``r`` or "CI"), since the figure is
    made for the patient and their kinesist or huisarts.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from backpain.classify import annotate_days
    >>> from backpain.simulate import simulate_cohort
    >>> from backpain.stats import patient_findings
    >>> diary = simulate_cohort(1, 120, seed=3)
    >>> fig = dashboard(diary, annotated=annotate_days(diary),
    ...                 findings=patient_findings(diary), lang="nl")
    >>> fig.axes[0].get_ylabel()
    'Pijn (0-10)'
    >>> plt.close("all")
    """
    if "ax" in fig_kw:
        msg = (
            "dashboard() draws a whole figure and does not accept ax=; to draw into your "
            "own axes use the axes-level functions (backpain.plot.timeline(..., ax=ax), "
            "calendar, scatter_within, lags, what_helps)"
        )
        raise TypeError(msg)
    lang = language(lang)
    findings = table_of(findings)  # a result object or its table
    subject, rows = _pick_subject(diary, subject)
    notes = _annotated_rows(annotated, subject)

    def has(name: str) -> bool:
        return name in rows.columns and rows[name].notna().any()

    style: dict[str, Any] = {"figsize": (13, 15), "layout": "constrained"}
    style.update(fig_kw)
    fig = plt.figure(**style)
    # sub-figures: the time panels, the calendar and the bottom row each get
    # their own constrained layout, so legends on one do not squeeze the others
    top, middle, bottom = fig.subfigures(3, 1, height_ratios=[7.0, 2.0, 3.2])
    time_axes = top.subplots(4, 1, sharex=True, height_ratios=[3.0, 1.6, 1.2, 1.2])
    ax_pain, panels = time_axes[0], list(time_axes[1:])
    start, end = rows["date"].min(), rows["date"].max()

    wanted = [
        ["pain"],
        [v for v in ("stress", "sleep_quality", "mood") if has(v)][:2],
        [v for v in ("sleep_hours",) if has(v)],
        [v for v in ("steps", "active_minutes") if has(v)][:1],
    ]
    missing = [["pain"], ["stress", "sleep_quality"], ["sleep_hours"], ["steps"]]
    for k, (panel, names) in enumerate(zip(time_axes, wanted, strict=True)):
        if names and (k > 0 or has("pain")):
            timeline(
                rows,
                variables=names,
                annotated=notes if k == 0 else None,
                tags=None if k == 0 else (),
                lang=lang,
                ax=panel,
            )
        else:
            shown = ", ".join(say(VARIABLE_WORDS[n], lang) for n in missing[k])
            text = say("plot.empty.not_recorded", lang, names=shown[:1].upper() + shown[1:])
            _note(panel, text, keep_x=True)
    # every panel may have been a note: the shared date axis is set here too
    ax_pain.set_xlim(start - pd.Timedelta(days=1), end + pd.Timedelta(days=1))
    date_axis(ax_pain, lang)
    key = "plot.dashboard_title_one_day" if start == end else "plot.dashboard_title"
    title = say(
        key, lang, subject=_short(subject, 60), start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}"
    )
    ax_pain.set_title(title, loc="left", fontsize="large")
    if wanted[3]:
        panels[-1].yaxis.set_major_formatter(FuncFormatter(lambda v, _: whole(v, lang)))

    ax_cal = middle.subplots()
    if has("pain"):
        calendar(rows, lang=lang, ax=ax_cal)
    else:
        _note(ax_cal, say("plot.empty.no_values", lang, name="pain"))

    ax_sc, ax_lag, ax_help = bottom.subplots(1, 3, width_ratios=[1.0, 1.0, 1.1])
    x = next((v for v in _SCATTER_CANDIDATES if has(v)), None)
    if x is None or not has("pain"):
        shown = say("common.var.stress", lang)
        _note(ax_sc, say("plot.empty.not_recorded", lang, names=shown[:1].upper() + shown[1:]))
    else:
        has_row = _within_row(findings, x, "pain") is not None
        scatter_within(
            rows, x=x, result=findings if has_row else None, plain=True, lang=lang, ax=ax_sc
        )
        if ax_sc.get_legend() is not None:  # one person: the corner text says what the line is
            ax_sc.get_legend().remove()
    if findings is None:
        _note(ax_lag, say("plot.empty.not_computed", lang))
    else:
        lags(findings, x=list(_LAG_PREDICTORS), y="pain", lang=lang, ax=ax_lag)
    tagged = has("tags") and (rows["tags"].astype(str).str.strip() != "").any()
    if findings is None or not tagged:
        _note(ax_help, say("plot.empty.no_tags" if not tagged else "plot.empty.not_computed", lang))
    else:
        what_helps(findings, lang=lang, ax=ax_help)
    ax_help.set_title(say("plot.helps_title", lang), loc="left")
    for ax in (ax_sc, ax_lag, ax_help):  # three panels side by side: wrap long labels
        ax.set_xlabel(_wrap(ax.get_xlabel(), 34))
        ax.set_ylabel(_wrap(ax.get_ylabel(), 34))
    for ax in fig.axes:
        localise(ax, lang)
    return fig


# ------------------------------------------------------- multilevel: per person
_CATERPILLAR_NEED = ("subject", "slope", "ci95_low", "ci95_high")


@_plain_text
def caterpillar(effects: Any, *, ax: Any = None, lang: str | None = None, **kwargs: Any) -> Any:
    """Draw each person's own within-person slope with its 95% interval, sorted.

    Parameters
    ----------
    effects : PersonEffects or pandas.DataFrame
        The result of :func:`backpain.person_effects` (its table has columns
        ``subject``, ``slope``, ``ci95_low``, ``ci95_high``; its
        ``predictor``, ``outcome`` and ``fixed_slope`` label the axis and
        draw the cohort's slope; a table alone draws the persons only).
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current axes).
    lang : {"en", "nl"}, optional
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

    lang = language(lang)
    model = effects if isinstance(effects, Result) else None
    effects = table_of(effects)
    _check_result(effects, _CATERPILLAR_NEED, "effects", "backpain.person_effects()")
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
    fixed = getattr(model, "fixed_slope", None)
    if fixed is not None:
        label = say("analyse.caterpillar.fixed", lang, slope=float(fixed))
        ax.axvline(float(fixed), color="black", linestyle="--", linewidth=1, label=label)
        ax.legend(loc="lower right")
    x, y = getattr(model, "predictor", None), getattr(model, "outcome", "pain")
    if x is not None:
        ax.set_xlabel(say("analyse.caterpillar.xlabel", lang, x=x, y=y))
    ax.set_ylabel(say("analyse.caterpillar.ylabel", lang))
    if len(rows) <= 40:
        ax.set_yticks(pos, rows["subject"].astype(str).tolist(), fontsize="small")
    else:
        ax.set_yticks([])
    ax.set_ylim(-1, len(rows))
    return ax


# --------------------------------------------------------------------------- experience sampling


@_plain_text
def compliance(result: Any, *, ax: Any = None, lang: str | None = None, **kwargs: Any) -> Any:
    """Draw the distribution of persons' compliance in an experience-sampling study.

    Parameters
    ----------
    result : backpain.esm.Compliance
        The result of :func:`backpain.esm.compliance`.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current axes).
    lang : {"en", "nl"}, optional
        Language of the labels.
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.hist`.

    Returns
    -------
    matplotlib.axes.Axes
        A histogram of the persons' share of prompts answered (``ax.patches``)
        and a dashed line at the flagging threshold.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from backpain.esm import compliance as measure
    >>> from backpain.simulate import simulate_esm
    >>> ax = compliance(measure(simulate_esm(30, 7, 5, seed=1)))
    >>> len(ax.patches), [float(v) for v in ax.get_xlim()]
    (20, [0.0, 1.0])
    >>> plt.close("all")
    """
    lang = language(lang)
    ax = plt.gca() if ax is None else ax
    share = result.persons["share"].to_numpy(dtype="float64")
    style = {"bins": np.linspace(0, 1, 21), "color": OKABE_ITO["blue"], "edgecolor": "white"}
    ax.hist(share, **(style | kwargs))
    ax.axvline(
        result.min_share,
        color=OKABE_ITO["vermillion"],
        linestyle="--",
        label=say("esm.plot.threshold", lang, min_share=result.min_share),
    )
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(say("esm.plot.compliance_x", lang))
    ax.set_ylabel(say("esm.plot.compliance_y", lang))
    ax.legend(loc="upper left")
    localise(ax, lang)
    return ax


@_plain_text
def esm_network(
    result: Any,
    *,
    kind: str = "temporal",
    alpha: float = 0.05,
    min_pcor: float = 0.1,
    ax: Any = None,
    lang: str | None = None,
) -> Any:
    """Draw a multilevel VAR network: temporal (arrows) or contemporaneous (lines).

    Parameters
    ----------
    result : backpain.esm.MultilevelVAR
        The result of :func:`backpain.esm.mlvar`.
    kind : {"temporal", "contemporaneous"}
        The temporal network draws an arrow from a variable at one prompt to a
        variable at the next for each within-person effect with ``p_val <
        alpha`` (a ring around a node for a variable following itself); the
        contemporaneous network a line for each partial correlation with
        ``|pcor| >= min_pcor``. Width grows with the size of the effect;
        blue is positive, red negative.
    alpha, min_pcor : float
        What is drawn (see ``kind``).
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current axes).
    lang : {"en", "nl"}, optional
        Language of the labels.

    Returns
    -------
    matplotlib.axes.Axes
        One circle and one text per variable, one patch per edge drawn (its
        gid is ``"edge"``), and a title naming the network.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from backpain.esm import mlvar
    >>> from backpain.simulate import simulate_esm
    >>> fit = mlvar(simulate_esm(30, 10, 6, seed=2), ["pain", "stress", "mood"], random_slopes=False)
    >>> ax = esm_network(fit)
    >>> sorted(t.get_text() for t in ax.texts)
    ['Mood', 'Pain', 'Stress']
    >>> plt.close("all")
    """
    from matplotlib.patches import Circle, FancyArrowPatch

    lang = language(lang)
    check_choice("kind", kind, _NETWORK_KEYS, func="esm_network")
    ax = plt.gca() if ax is None else ax
    names = list(result.variables)
    angle = np.pi / 2 - 2 * np.pi * np.arange(len(names)) / len(names)
    where = {v: (np.cos(a), np.sin(a)) for v, a in zip(names, angle, strict=True)}

    def colour(value: float) -> str:
        return OKABE_ITO["blue"] if value > 0 else OKABE_ITO["vermillion"]

    if kind == "temporal":
        edges = result.temporal[result.temporal["p_val"] < alpha]
        for row in edges.itertuples():
            width = 1 + 12 * min(abs(row.coef), 0.5)
            (x0, y0), (x1, y1) = where[row.predictor], where[row.outcome]
            if row.predictor == row.outcome:
                ring = Circle((x0, y0), 0.36, fill=False, color=colour(row.coef), lw=width / 2)
                ax.add_patch(ring).set_gid("edge")
                continue
            ax.add_patch(
                FancyArrowPatch(
                    (x0, y0),
                    (x1, y1),
                    arrowstyle="-|>",
                    mutation_scale=12 + 3 * width,
                    connectionstyle="arc3,rad=0.15",
                    shrinkA=30,
                    shrinkB=30,
                    color=colour(row.coef),
                    linewidth=width,
                    gid="edge",
                )
            )
    else:
        edges = result.contemporaneous[result.contemporaneous["pcor"].abs() >= min_pcor]
        for row in edges.itertuples():
            (x0, y0), (x1, y1) = where[row.var1], where[row.var2]
            ax.add_patch(
                FancyArrowPatch(
                    (x0, y0),
                    (x1, y1),
                    arrowstyle="-",
                    shrinkA=30,
                    shrinkB=30,
                    color=colour(row.pcor),
                    linewidth=1 + 12 * min(abs(row.pcor), 0.5),
                    gid="edge",
                )
            )
    for v, (x, y) in where.items():
        ax.add_patch(Circle((x, y), 0.3, facecolor="white", edgecolor=_GREY, zorder=3))
        ax.text(
            x,
            y,
            say("esm.node", lang, name=v),
            ha="center",
            va="center",
            fontsize="small",
            zorder=4,
        )
    ax.set_xlim(-1.5, 1.5)
    ax.set_ylim(-1.5, 1.5)
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(say(_NETWORK_KEYS[kind], lang))
    return ax


# --------------------------------------------------------------------------- pain change
_CHANGE_NEED = ("days", "periods", "summary")


def pain_change(
    result: Any, *, lang: str | None = None, ax: Axes | None = None, **kwargs: Any
) -> Axes:
    """Draw one person's daily pain, the level of the two periods compared and the change.

    Parameters
    ----------
    result : PainChange
        The result of :func:`backpain.pain_change` (its ``days``, ``periods``
        and ``summary``); nothing is computed here.
    lang : {"en", "nl"}, optional
        Language of the labels.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current axes).
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.plot` for the daily pain line.

    Returns
    -------
    matplotlib.axes.Axes
        The daily pain line (``ax.lines[0]``, gaps at days without a score),
        each period shaded (``ax.patches``) with its level as a horizontal line
        (``ax.lines[1]`` and ``[2]``: the model's levels, or the plain means
        when the change was not graded), and a title that words the grade the
        analysis decided (``summary["grade"]``).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from backpain import pain_change as compute
    >>> days = pd.date_range("2026-01-01", periods=56)
    >>> diary = pd.DataFrame({"subject": "me", "date": days, "pain": [6.0] * 28 + [4.0] * 28})
    >>> ax = pain_change(compute(diary))
    >>> ax.get_title()
    'Change: a moderately important improvement'
    >>> plt.close("all")
    """
    lang = language(lang)
    if any(not hasattr(result, name) for name in _CHANGE_NEED):
        msg = (
            "pain_change: expected the result of backpain.pain_change (with days, periods "
            f"and summary), not {type(result).__name__}"
        )
        raise ValueError(msg)
    ax = plt.gca() if ax is None else ax
    days = result.days.sort_values("date")
    daily = _daily(days, ["pain"])
    style = {"color": _GREY, "linewidth": 1, "marker": "o", "markersize": 2} | kwargs
    ax.plot(daily.index, daily["pain"], label=say("change.plot.daily", lang), **style)
    s = result.summary
    periods = result.periods.set_index("period")
    graded = np.isfinite(float(s["baseline"]))
    levels = {
        "before": float(s["baseline"]) if graded else float(periods.loc["before", "mean"]),
        "after": (
            float(s["baseline"]) + float(s["change"])
            if graded
            else float(periods.loc["after", "mean"])
        ),
    }
    colours = {"before": OKABE_ITO["orange"], "after": OKABE_ITO["blue"]}
    one = pd.Timedelta(days=1)
    for name in ("before", "after"):
        start, end = periods.loc[name, "start"], periods.loc[name, "end"] + one
        ax.axvspan(start, end, color=colours[name], alpha=0.12, linewidth=0)
        ax.plot(
            [start, end],
            [levels[name]] * 2,
            color=colours[name],
            linewidth=2.5,
            linestyle="-" if graded else ":",
            label=say(_PERIOD_KEYS[name], lang),
        )
    if graded:
        label = say(
            "change.plot.label",
            lang,
            change=float(s["change"]),
            lo=float(s["ci_low"]),
            hi=float(s["ci_high"]),
        )
        ax.plot([], [], linestyle="none", label=label)
    grade, direction = str(s["grade"]), str(s["direction"])
    if grade in ("none", "unclear", "no_percent", "too_few_days"):
        title = say(_CHANGE_TITLE_KEYS[grade], lang)
    else:
        band = say(CHANGE_BAND_KEYS[grade], lang)
        title = say(_CHANGE_TITLE_KEYS[direction], lang, band=band)
    ax.set_title(title)
    ax.set_ylim(-0.3, 10.3)
    ax.set_ylabel(_label("pain", lang))
    date_axis(ax, lang)
    _legend_outside(ax)
    return ax
