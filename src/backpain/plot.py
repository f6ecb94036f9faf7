"""Plots of pain diaries: one patient over time, and a cohort's results.

Every function except :func:`dashboard` is *axes-level* in the seaborn manner
(``STYLE.md`` rule 9): it takes the data (a canonical diary, see
:mod:`backpain.schema`) or a computed result (from :mod:`backpain.stats` or
:mod:`backpain.classify`), draws into ``ax`` (default: the current axes),
passes ``**kwargs`` to one documented matplotlib call and returns the axes.
Nothing here calls ``plt.show()`` or changes matplotlib's global style.
:func:`dashboard` is *figure-level*: it builds and returns a whole
:class:`~matplotlib.figure.Figure` for one patient.

Labels are in English (``lang="en"``) or Dutch (``lang="nl"``); axis labels of
diary variables come from :data:`backpain.schema.VARIABLES`. Colours are the
colour-blind-safe Okabe-Ito palette (:data:`OKABE_ITO`); dates are formatted by
matplotlib's :class:`~matplotlib.dates.ConciseDateFormatter`. Days that were
not recorded are gaps: lines are never drawn across a missing calendar day.

Legends are placed outside the axes (to the right, or above for
:func:`scatter_within`) so that they never cover data. Jupyter's inline
backend shows them as they are; when saving a figure you made yourself, use
``plt.subplots(layout="constrained")`` or ``fig.savefig(..., bbox_inches="tight")``
so that they are not cut off.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap
from matplotlib.lines import Line2D
from matplotlib.ticker import Formatter, FuncFormatter, MaxNLocator, ScalarFormatter
from matplotlib.transforms import blended_transform_factory

from .schema import TAG_SEP, VARIABLES
from .validate import check_diary

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "OKABE_ITO",
    "associations",
    "calendar",
    "classes",
    "dashboard",
    "lags",
    "scatter_within",
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

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "flare": "flare",
        "episode": "pain episode",
        "score": "Score (0-10)",
        "lag": "Lag (days that {x} comes before {y})",
        "predictor": "the predictor",
        "r_within": "Within-person r (95% CI)",
        "lags_title": "{y} and {x}, by lag",
        "within": "within person",
        "between": "between persons",
        "assoc_r": "Correlation with {y} (r, 95% CI)",
        "assoc_coef": "Change in {y} per unit (coefficient, 95% CI)",
        "same_day": "same day",
        "day_before": "day before",
        "days_before": "{k} days before",
        "helps_x": "Difference in pain{when}\n(days with tag minus days without)",
        "when_0": " the same day",
        "when_1": " the next day",
        "when_k": " {k} days later",
        "days": "days",
        "lower": "lower pain",
        "higher": "higher pain",
        "unclear": "unclear",
        "duration": "Time since onset (log scale)",
        "duration_lin": "Time since onset (days)",
        "people": "Number of people",
        "acute": "acute",
        "subacute": "subacute",
        "chronic": "chronic",
        "classes_title": "Duration classes ({n} people)",
        "unknown": "{n} without a known onset not shown",
        "censored": "{n} with pain since the diary's start: their duration is a lower bound",
        "centred": "{label}, minus own mean",
        "r_rm": "r_rm = {r}\n{n_subjects} {people}, {n_obs} days",
        "fit": "within-person slope",
        "person": "person",
        "persons": "people",
        "per_person": "per person",
        "calendar_title": "Daily {var}",
        "not_recorded": "not recorded",
        "needs": "needs {module}",
        "too_little": "too little data: {reason}",
        "dashboard": "Back-pain diary of {subject}, {start} to {end}",
        "what_helps_title": "What goes with less pain?",
        "scatter_title": "{x} and {y} within a person",
    },
    "nl": {
        "flare": "opvlamming",
        "episode": "pijnepisode",
        "score": "Score (0-10)",
        "lag": "Vertraging (dagen dat {x} voorafgaat aan {y})",
        "predictor": "de voorspeller",
        "r_within": "r binnen personen (95%-BI)",
        "lags_title": "{y} en {x}, per vertraging",
        "within": "binnen personen",
        "between": "tussen personen",
        "assoc_r": "Correlatie met {y} (r, 95%-BI)",
        "assoc_coef": "Verandering in {y} per eenheid (coefficient, 95%-BI)",
        "same_day": "zelfde dag",
        "day_before": "dag ervoor",
        "days_before": "{k} dagen ervoor",
        "helps_x": "Verschil in pijn{when}\n(dagen met label min dagen zonder)",
        "when_0": " dezelfde dag",
        "when_1": " de dag erna",
        "when_k": " {k} dagen later",
        "days": "dagen",
        "lower": "minder pijn",
        "higher": "meer pijn",
        "unclear": "onduidelijk",
        "duration": "Tijd sinds begin (log-schaal)",
        "duration_lin": "Tijd sinds begin (dagen)",
        "people": "Aantal personen",
        "acute": "acuut",
        "subacute": "subacuut",
        "chronic": "chronisch",
        "classes_title": "Duurklassen ({n} personen)",
        "unknown": "{n} zonder bekend begin niet getoond",
        "censored": "{n} met pijn vanaf de start van het dagboek: hun duur is een ondergrens",
        "centred": "{label}, min eigen gemiddelde",
        "r_rm": "r_rm = {r}\n{n_subjects} {people}, {n_obs} dagen",
        "fit": "helling binnen personen",
        "person": "persoon",
        "persons": "personen",
        "per_person": "per persoon",
        "calendar_title": "{Var} per dag",
        "not_recorded": "niet bijgehouden",
        "needs": "vereist {module}",
        "too_little": "te weinig gegevens: {reason}",
        "dashboard": "Rugpijndagboek van {subject}, {start} tot {end}",
        "what_helps_title": "Wat gaat samen met minder pijn?",
        "scatter_title": "{x} en {y} binnen een persoon",
    },
}

_TAGS_NL = {
    "physiotherapy": "fysiotherapie",
    "heat": "warmte",
    "exercise": "oefeningen",
    "medication": "medicatie",
    "walking": "wandelen",
    "rest": "rust",
    "work": "werk",
    "massage": "massage",
    "yoga": "yoga",
    "swimming": "zwemmen",
}

_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "nl": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
}
_WEEKDAYS = {
    "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    "nl": ["ma", "di", "wo", "do", "vr", "za", "zo"],
}

# --------------------------------------------------------------------------- helpers


def _check_lang(lang: str) -> None:
    if lang not in _TEXT:
        msg = f"lang must be 'en' (English) or 'nl' (Dutch), not {lang!r}"
        raise ValueError(msg)


def _t(lang: str, key: str, **fmt: Any) -> str:
    text = _TEXT[lang][key]
    return text.format(**fmt) if fmt else text


def _label(name: str, lang: str) -> str:
    """Axis label of a diary variable (with unit), or the name itself."""
    var = VARIABLES.get(name)
    return var.label(lang) if var is not None else name


def _short(name: str, lang: str) -> str:
    """Label without the trailing unit: ``"Sleep (hours)"`` -> ``"Sleep"``."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", _label(name, lang))


def _tag_label(tag: str, lang: str) -> str:
    return _TAGS_NL.get(tag, tag) if lang == "nl" else tag


def _num(n: float, lang: str) -> str:
    """Whole number with a thousands separator (``.`` in Dutch)."""
    text = f"{int(n):,}"
    return text.replace(",", ".") if lang == "nl" else text


_DUTCH_MARKS = str.maketrans({",": ".", ".": ","})


class _DutchNumbers(Formatter):
    """Wrap matplotlib's number formatter to write a decimal comma (``2,5``, ``8.000``)."""

    def __init__(self, inner: ScalarFormatter) -> None:
        self.inner = inner

    def set_axis(self, axis) -> None:
        super().set_axis(axis)
        self.inner.set_axis(axis)

    def set_locs(self, locs) -> None:
        self.inner.set_locs(locs)

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self.inner(x, pos).translate(_DUTCH_MARKS)

    def format_data_short(self, value: float) -> str:
        return self.inner.format_data_short(value).translate(_DUTCH_MARKS)

    def get_offset(self) -> str:
        return self.inner.get_offset().translate(_DUTCH_MARKS)


def _localise(ax: Axes, lang: str) -> None:
    """Dutch number ticks: decimal comma on every plain number axis of ``ax``.

    Date axes and axes with their own labels (already Dutch) are left alone;
    only this axes' formatters change, no global setting.
    """
    if lang != "nl":
        return
    for axis in (ax.xaxis, ax.yaxis):
        current = axis.get_major_formatter()
        if type(current) is ScalarFormatter:
            axis.set_major_formatter(_DutchNumbers(current))


def _lag_text(lag: int, lang: str) -> str:
    if lag == 0:
        return _t(lang, "same_day")
    if lag == 1:
        return _t(lang, "day_before")
    return _t(lang, "days_before", k=lag)


class _DutchConciseDateFormatter(mdates.ConciseDateFormatter):
    """ConciseDateFormatter with Dutch month abbreviations."""

    _EN_NL: ClassVar[dict[str, str]] = dict(zip(_MONTHS["en"], _MONTHS["nl"], strict=True))
    _PATTERN: ClassVar[re.Pattern[str]] = re.compile(r"\b(" + "|".join(_MONTHS["en"]) + r")\b")

    def _nl(self, text: str) -> str:
        return self._PATTERN.sub(lambda m: self._EN_NL[m.group(1)], text)

    def format_ticks(self, values):
        return [self._nl(label) for label in super().format_ticks(values)]

    def get_offset(self):
        return self._nl(super().get_offset())


def _date_axis(ax: Axes, lang: str) -> None:
    """Concise date ticks (``ConciseDateFormatter``), Dutch months for ``nl``."""
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    cls = _DutchConciseDateFormatter if lang == "nl" else mdates.ConciseDateFormatter
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(cls(locator))


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


def _check_columns(frame: pd.DataFrame, needed: Sequence[str], arg: str, made_by: str) -> None:
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        msg = (
            f"{arg} has no column(s) {missing}; expected the result of {made_by} "
            f"with columns {list(needed)}"
        )
        raise ValueError(msg)


def _annotations(
    rows: pd.DataFrame, annotations: pd.DataFrame | bool | None
) -> pd.DataFrame | None:
    """``annotate_days`` output for one subject, computed when ``None``."""
    if annotations is False:
        return None
    if annotations is None or annotations is True:
        try:
            from .classify import annotate_days
        except ImportError:
            return None
        return annotate_days(rows)
    if not isinstance(annotations, pd.DataFrame):
        msg = (
            "annotations must be the DataFrame returned by backpain.classify.annotate_days, "
            f"None (compute it) or False (no flares or episodes), not {type(annotations).__name__}"
        )
        raise TypeError(msg)
    _check_columns(
        annotations,
        ("subject", "date", "episode", "flare"),
        "annotations",
        "backpain.classify.annotate_days()",
    )
    subject = rows["subject"].iloc[0]
    return annotations.loc[annotations["subject"] == subject]


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


def _note(ax: Axes, text: str) -> None:
    """A panel that could not be drawn: say why, in the panel."""
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", color=_GREY)
    ax.set_xticks([])
    ax.set_yticks([])


def _lagged_rows(data: pd.DataFrame, x: str, y: str, lags: Sequence[int]) -> pd.DataFrame:
    from . import stats

    return stats.lagged_corr(data, x, y, lags=tuple(lags))


# --------------------------------------------------------------------------- timeline


def timeline(
    data: pd.DataFrame,
    *,
    subject: str | None = None,
    variables: Sequence[str] = ("pain", "stress"),
    annotations: pd.DataFrame | bool | None = None,
    tags: Sequence[str] | None = None,
    max_tags: int = 5,
    lang: str = "en",
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
    annotations : pandas.DataFrame, bool or None
        Output of :func:`backpain.classify.annotate_days` (columns
        ``subject``, ``date``, ``episode``, ``flare``). ``None`` computes it
        when :mod:`backpain.classify` is available; ``False`` draws no flares
        or episodes. Episodes are shaded; flare days are marked on the pain
        line (only when ``"pain"`` is among ``variables``).
    tags : sequence of str, optional
        Tags to mark (``None``: the ``max_tags`` most frequent; ``()``: none).
        Each tag is one row of markers in a strip at the bottom of the axes.
    max_tags : int
        How many tags to mark when ``tags`` is ``None``.
    lang : {"en", "nl"}
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

    Notes
    -----
    The subject's rows are reindexed to every calendar day between the first
    and the last recorded day, so an unrecorded day is ``NaN`` and breaks the
    line: nothing is interpolated. Each recorded day also gets a small dot,
    so that a day recorded between two missing days stays visible. Episodes
    (de Vet et al., 2002) and flares (an increase of at least 2 points over
    the recent baseline, Costa et al., 2021) are taken as defined in
    :mod:`backpain.classify`, not recomputed here.

    References
    ----------
    de Vet HCW et al. (2002). Episodes of low back pain: a proposal for uniform
    definitions to be used in research. Spine 27:2409-2416.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(2, 60, seed=1)
    >>> ax = timeline(diary, subject="S0001", variables=("pain", "stress"))
    >>> ax.get_ylabel()
    'Score (0-10)'
    >>> ax = timeline(diary, subject="S0001", variables=("pain",), lang="nl", ax=plt.figure().gca())
    >>> ax.get_ylabel()
    'Pijn (0-10)'
    >>> plt.close("all")
    """
    _check_lang(lang)
    variables = list(variables)
    if not variables:
        msg = "variables is empty; name at least one diary column, e.g. variables=('pain',)"
        raise ValueError(msg)
    check_diary(data, need=tuple(variables))
    subject, rows = _pick_subject(data, subject)
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
            axis.plot(x, days[name].to_numpy(dtype=float, na_value=np.nan), **style)
        axis.set_ylabel(_label(names[0], lang) if len(names) == 1 else _t(lang, "score"))

    draw(ax, left, first=True)
    twin = None
    if right:
        twin = ax.twinx()
        draw(twin, right, first=False)

    # episodes shaded, flares marked on the pain line
    notes = _annotations(rows, annotations)
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
                label=_t(lang, "episode") if k == 0 and "pain" in variables else None,
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
                    label=_t(lang, "flare"),
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
                    label=_tag_label(tag, lang),
                    clip_on=False,
                    zorder=4,
                )
    _y_range(ax, days[left], strip)
    if twin is not None:
        _y_range(twin, days[right], strip)

    ax.set_xlim(x[0] - np.timedelta64(1, "D"), x[-1] + np.timedelta64(1, "D"))
    _date_axis(ax, lang)
    handles, labels = ax.get_legend_handles_labels()
    if twin is not None:
        more = twin.get_legend_handles_labels()
        handles, labels = handles + more[0], labels + more[1]
    _legend_outside(ax, handles, labels)
    _localise(ax, lang)
    if twin is not None:
        _localise(twin, lang)
    return ax


# --------------------------------------------------------------------------- calendar


def calendar(
    data: pd.DataFrame,
    *,
    subject: str | None = None,
    variable: str = "pain",
    year: int | None = None,
    cmap: str = "YlOrRd",
    cbar: bool = True,
    lang: str = "en",
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
    lang : {"en", "nl"}
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
        recorded are light grey; days outside it are blank.

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
    _check_lang(lang)
    check_diary(data, need=(variable,))
    subject, rows = _pick_subject(data, subject)
    ax = plt.gca() if ax is None else ax
    values = rows.set_index("date")[variable].astype(float)
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
    ax.set_yticks(np.arange(7) + 0.5, _WEEKDAYS[lang], fontsize="small")
    month_starts = grid_days[(grid_days.day == 1) & inside]
    if not len(month_starts) or month_starts[0] != start:
        month_starts = month_starts.insert(0, start)
    weeks = ((month_starts - first_monday).days // 7).to_numpy()
    labels = [
        _MONTHS[lang][d.month - 1] + (f"\n{d.year}" if i == 0 or d.month == 1 else "")
        for i, d in enumerate(month_starts)
    ]
    ax.set_xticks(weeks + 0.5, labels, fontsize="small", ha="left")
    ax.tick_params(axis="both", length=0)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    name = _short(variable, lang)
    ax.set_title(_t(lang, "calendar_title", var=name.lower(), Var=name), loc="left")
    if cbar:
        cax = ax.inset_axes((1.01, 0.0, 0.012, 1.0))
        ax.figure.colorbar(mesh, cax=cax, label=_label(variable, lang))
    _localise(ax, lang)
    return ax


# --------------------------------------------------------------------------- scatter_within


def _rm_fit(frame: pd.DataFrame, x: str, y: str, subject: str) -> pd.DataFrame:
    """Complete pairs with subject-mean-centred ``x`` and ``y`` (``_xc``, ``_yc``)."""
    pairs = frame[[subject, x, y]].dropna()
    pairs = pairs.astype({x: float, y: float})
    grouped = pairs.groupby(subject, observed=True)
    return pairs.assign(
        _xc=pairs[x] - grouped[x].transform("mean"),
        _yc=pairs[y] - grouped[y].transform("mean"),
    )


def _within_r(frame: pd.DataFrame, x: str, y: str, subject: str) -> tuple[float, int, int]:
    """Repeated-measures r, number of observations and subjects.

    ``backpain.stats.within_corr`` when it is available; otherwise the same
    estimate (Bakdash & Marusich, 2017): Pearson r of subject-mean-centred
    ``x`` and ``y``.
    """
    try:
        from . import stats
    except ImportError:
        stats = None
    if stats is not None and hasattr(stats, "within_corr"):
        res = stats.within_corr(frame, x, y, subject=subject)
        return float(res["r"].iloc[0]), int(res["n_obs"].iloc[0]), int(res["n_subjects"].iloc[0])
    pairs = _rm_fit(frame, x, y, subject)
    xc, yc = pairs["_xc"].to_numpy(), pairs["_yc"].to_numpy()
    denom = np.sqrt((xc**2).sum() * (yc**2).sum())
    r = float((xc * yc).sum() / denom) if denom > 0 else float("nan")
    return r, len(pairs), int(pairs[subject].nunique())


def scatter_within(
    data: pd.DataFrame,
    x: str,
    *,
    y: str = "pain",
    subject: str = "subject",
    per_subject_lines: bool | None = None,
    max_subjects: int = 30,
    max_points: int = 20_000,
    lang: str = "en",
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
        At most this many points are drawn (a fixed random sample, seed 0);
        the fit and ``r`` always use every complete pair.
    lang : {"en", "nl"}
        Language of labels.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current axes).
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.scatter` (the points).

    Returns
    -------
    matplotlib.axes.Axes
        With one annotation text in the upper left corner, formatted
        ``"r_rm = {r:.2f}\\n{n} people, {m} days"`` where ``r``, ``n`` and
        ``m`` are ``r``, ``n_subjects`` and ``n_obs`` of
        :func:`backpain.stats.within_corr`.

    Notes
    -----
    Each person's ``x`` and ``y`` are centred on that person's own mean, so
    the plot shows only within-person variation. The line through the origin
    with slope ``sum(xc * yc) / sum(xc ** 2)`` is the common within-person
    slope of the repeated-measures correlation (Bakdash & Marusich, 2017; R
    ``rmcorr``; ``pingouin.rm_corr``), and ``r`` is the Pearson correlation of
    the centred values, which :func:`backpain.stats.within_corr` reports.

    References
    ----------
    Bakdash JZ, Marusich LR (2017). Repeated measures correlation. Frontiers
    in Psychology 8:456.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(5, 60, seed=1)
    >>> ax = scatter_within(diary, "stress")
    >>> ax.texts[0].get_text().startswith("r_rm = ")
    True
    >>> plt.close("all")
    """
    _check_lang(lang)
    if not isinstance(data, pd.DataFrame):
        msg = f"data must be a pandas DataFrame, not {type(data).__name__}"
        raise TypeError(msg)
    _check_columns(data, (subject, x, y), "data", "a diary")
    pairs = _rm_fit(data, x, y, subject)
    if len(pairs) < 3:
        msg = f"only {len(pairs)} days have both {x!r} and {y!r}; scatter_within needs at least 3"
        raise ValueError(msg)
    ax = plt.gca() if ax is None else ax
    r, n_obs, n_subjects = _within_r(data, x, y, subject)

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

    xc, yc = pairs["_xc"].to_numpy(), pairs["_yc"].to_numpy()
    sxx = float((xc**2).sum())
    slope = float((xc * yc).sum()) / sxx if sxx > 0 else 0.0

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
                label=_t(lang, "per_person"),
            )
        )
    span = np.array([xc.min(), xc.max()])
    ax.plot(span, slope * span, color=OKABE_ITO["vermillion"], linewidth=2.2, label=_t(lang, "fit"))
    ax.axhline(0, color=_GREY, linewidth=0.6, zorder=0)
    ax.axvline(0, color=_GREY, linewidth=0.6, zorder=0)
    ax.text(
        0.03,
        0.97,
        _t(
            lang,
            "r_rm",
            r=f"{r:.2f}".translate(_DUTCH_MARKS) if lang == "nl" else f"{r:.2f}",
            n_subjects=_num(n_subjects, lang),
            people=_t(lang, "person" if n_subjects == 1 else "persons"),
            n_obs=_num(n_obs, lang),
        ),
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize="small",
        bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": _LIGHT_GREY, "alpha": 0.9},
    )
    ax.set_xlabel(_t(lang, "centred", label=_label(x, lang)))
    ax.set_ylabel(_t(lang, "centred", label=_label(y, lang)))
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncols=2,
        frameon=False,
        fontsize="small",
        borderaxespad=0.2,
    )
    _localise(ax, lang)
    return ax


# --------------------------------------------------------------------------- lags


def lags(
    data: pd.DataFrame,
    x: str | Sequence[str] | None = None,
    *,
    y: str = "pain",
    lags: Sequence[int] = (0, 1, 2, 3),
    lang: str = "en",
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the within-person correlation by lag, with 95% confidence intervals.

    Parameters
    ----------
    data : pandas.DataFrame
        Either the result of :func:`backpain.stats.lagged_corr` (columns
        ``x``, ``y``, ``lag``, ``r``, ``ci95_low``, ``ci95_high``; several
        results may be concatenated, one series per ``x``) or a diary, in
        which case ``lagged_corr(data, x, y, lags=lags)`` is computed for each
        ``x``.
    x : str or sequence of str, optional
        Predictor(s); needed when ``data`` is a diary.
    y : str
        Outcome when ``data`` is a diary.
    lags : sequence of int
        Lags when ``data`` is a diary (``x`` that many days before ``y``).
    lang : {"en", "nl"}
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

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> res = pd.DataFrame({"x": "sleep_quality", "y": "pain", "lag": [0, 1, 2],
    ...                     "r": [-0.2, -0.1, 0.0], "ci95_low": [-0.3, -0.2, -0.1],
    ...                     "ci95_high": [-0.1, 0.0, 0.1]})
    >>> ax = lags(res)
    >>> len(ax.containers)
    1
    >>> plt.close("all")
    """
    _check_lang(lang)
    if not isinstance(data, pd.DataFrame):
        msg = f"data must be a pandas DataFrame, not {type(data).__name__}"
        raise TypeError(msg)
    if {"lag", "r"} <= set(data.columns):
        result = data
    else:
        if x is None:
            msg = (
                "data is a diary, so lags() needs x= (the predictor, e.g. x='sleep_quality'); "
                "or pass the result of backpain.stats.lagged_corr()"
            )
            raise ValueError(msg)
        names = [x] if isinstance(x, str) else list(x)
        result = pd.concat([_lagged_rows(data, n, y, lags) for n in names], ignore_index=True)
    _check_columns(
        result,
        ("x", "y", "lag", "r", "ci95_low", "ci95_high"),
        "data",
        "backpain.stats.lagged_corr()",
    )
    ax = plt.gca() if ax is None else ax
    series = list(pd.unique(result["x"]))
    width = 0.6 / max(len(series), 1)
    for i, name in enumerate(series):
        part = result.loc[result["x"] == name].sort_values("lag")
        r = part["r"].to_numpy(dtype=float, na_value=np.nan)
        err = np.vstack(
            [
                r - part["ci95_low"].to_numpy(dtype=float, na_value=np.nan),
                part["ci95_high"].to_numpy(dtype=float, na_value=np.nan) - r,
            ]
        )
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
        ax.errorbar(
            part["lag"].to_numpy(dtype=float, na_value=np.nan) + offset, r, yerr=err, **style
        )
    all_lags = np.sort(pd.unique(result["lag"]).astype(int))
    ax.set_xticks(all_lags, [str(k) for k in all_lags])
    ax.axhline(0, color=_GREY, linewidth=0.8, linestyle="--", zorder=0)
    y_name = str(result["y"].iloc[0])
    x_text = _short(series[0], lang).lower() if len(series) == 1 else _t(lang, "predictor")
    ax.set_xlabel(_t(lang, "lag", x=x_text, y=_short(y_name, lang).lower()))
    ax.set_ylabel(_t(lang, "r_within"))
    if len(series) == 1:
        ax.set_title(
            _t(lang, "lags_title", x=_short(series[0], lang).lower(), y=_short(y_name, lang)),
            loc="left",
        )
    else:
        _legend_outside(ax)
    _localise(ax, lang)
    return ax


# --------------------------------------------------------------------------- associations


def associations(
    result: pd.DataFrame,
    *,
    y: str = "pain",
    lang: str = "en",
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw a forest plot of associations, within and between persons side by side.

    Parameters
    ----------
    result : pandas.DataFrame
        Result of :func:`backpain.stats.correlate` (estimate column ``r``) or
        :func:`backpain.stats.mixed_model` (estimate column ``coef``), with
        ``predictor``, ``lag``, ``level``, ``ci95_low``, ``ci95_high``. Rows
        without a predictor (the intercept) are left out. A diary (a table
        with a ``date`` column and no estimate) is passed to
        ``backpain.stats.correlate(result, y=y)`` first.
    y : str
        The outcome, for the axis label.
    lang : {"en", "nl"}
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

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> res = pd.DataFrame({"predictor": ["stress", "stress"], "lag": [0, 0],
    ...                     "level": ["within", "between"], "r": [0.2, 0.5],
    ...                     "ci95_low": [0.1, 0.3], "ci95_high": [0.3, 0.7]})
    >>> ax = associations(res)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Stress (0-10), same day']
    >>> plt.close("all")
    """
    _check_lang(lang)
    if not isinstance(result, pd.DataFrame):
        msg = f"result must be a pandas DataFrame, not {type(result).__name__}"
        raise TypeError(msg)
    if "r" not in result.columns and "coef" not in result.columns and "date" in result.columns:
        from . import stats

        result = stats.correlate(result, y=y)
    estimate = "r" if "r" in result.columns else "coef"
    _check_columns(
        result,
        ("predictor", "lag", "level", estimate, "ci95_low", "ci95_high"),
        "result",
        "backpain.stats.correlate() or backpain.stats.mixed_model()",
    )
    rows = result.dropna(subset=["predictor", estimate])
    if rows.empty:
        msg = "result has no rows with a predictor and an estimate; nothing to draw"
        raise ValueError(msg)
    ax = plt.gca() if ax is None else ax
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
        est = part[estimate].to_numpy(dtype=float, na_value=np.nan)
        err = np.vstack(
            [
                est - part["ci95_low"].to_numpy(dtype=float, na_value=np.nan),
                part["ci95_high"].to_numpy(dtype=float, na_value=np.nan) - est,
            ]
        )
        style: dict[str, Any] = {
            "fmt": markers.get(level, "D"),
            "color": colours.get(level, _SERIES[(i + 2) % len(_SERIES)]),
            "capsize": 3,
            "markersize": 6,
            "label": _t(lang, level) if level in ("within", "between") else str(level),
        }
        style.update(kwargs)
        ax.errorbar(est, pos - (i - (len(levels) - 1) / 2) * width, xerr=err, **style)
    ax.set_yticks(
        [position[(p, k)] for p, k in keys.itertuples(index=False)],
        [f"{_label(p, lang)}, {_lag_text(k, lang)}" for p, k in keys.itertuples(index=False)],
    )
    ax.set_ylim(-0.7, len(keys) - 0.3)
    ax.axvline(0, color=_GREY, linewidth=0.8, linestyle="--", zorder=0)
    key = "assoc_r" if estimate == "r" else "assoc_coef"
    ax.set_xlabel(_t(lang, key, y=_short(y, lang).lower()))
    _legend_outside(ax)
    _localise(ax, lang)
    return ax


# --------------------------------------------------------------------------- what_helps


def what_helps(
    result: pd.DataFrame,
    *,
    lang: str = "en",
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw each tag's difference in pain with its 95% interval, sorted.

    Parameters
    ----------
    result : pandas.DataFrame
        Result of :func:`backpain.stats.what_helps` (columns ``tag``, ``lag``,
        ``diff``, ``ci95_low``, ``ci95_high``, ``n_days_with``). A diary (a
        table with a ``date`` column) is passed to
        ``backpain.stats.what_helps(result)`` first.
    lang : {"en", "nl"}
        Language of labels (known tags are translated, e.g. physiotherapy ->
        fysiotherapie).
    ax : matplotlib.axes.Axes, optional
        Axes to draw into (default: the current axes).
    **kwargs
        Passed to :meth:`matplotlib.axes.Axes.scatter` (the points).

    Returns
    -------
    matplotlib.axes.Axes
        Tags sorted from the largest decrease in pain (top) to the largest
        increase; the points are one collection, the intervals one
        :class:`~matplotlib.collections.LineCollection`. Colours: green when
        the whole interval is below 0 (lower pain), vermillion when it is above
        0, grey when it contains 0 or is missing. Tick labels give the number
        of days with the tag.

    Notes
    -----
    A difference is an association in observational data, not proof that the
    tag causes the change (people may take medication on bad days).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> res = pd.DataFrame({"tag": ["heat", "physiotherapy"], "lag": 1,
    ...                     "diff": [0.1, -0.8], "ci95_low": [-0.2, -1.1],
    ...                     "ci95_high": [0.4, -0.5], "n_days_with": [40, 30]})
    >>> ax = what_helps(res)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['heat (40 days)', 'physiotherapy (30 days)']
    >>> plt.close("all")
    """
    _check_lang(lang)
    if not isinstance(result, pd.DataFrame):
        msg = f"result must be a pandas DataFrame, not {type(result).__name__}"
        raise TypeError(msg)
    if "diff" not in result.columns and "date" in result.columns:
        from . import stats

        result = stats.what_helps(result)
    _check_columns(
        result,
        ("tag", "lag", "diff", "ci95_low", "ci95_high", "n_days_with"),
        "result",
        "backpain.stats.what_helps()",
    )
    rows = result.dropna(subset=["diff"]).sort_values("diff", ascending=False, kind="stable")
    if rows.empty:
        msg = "result has no tag with a difference (diff is missing everywhere); nothing to draw"
        raise ValueError(msg)
    ax = plt.gca() if ax is None else ax
    diff = rows["diff"].to_numpy(dtype=float, na_value=np.nan)
    low = rows["ci95_low"].to_numpy(dtype=float, na_value=np.nan)
    high = rows["ci95_high"].to_numpy(dtype=float, na_value=np.nan)
    pos = np.arange(len(rows))
    colour = np.where(
        high < 0, OKABE_ITO["green"], np.where(low > 0, OKABE_ITO["vermillion"], _GREY)
    )
    ok = np.isfinite(low) & np.isfinite(high)
    ax.hlines(pos[ok], low[ok], high[ok], colors=colour[ok], linewidth=2)
    style: dict[str, Any] = {"s": 45, "c": colour, "zorder": 3, "edgecolors": "white"}
    style.update(kwargs)
    ax.scatter(diff, pos, **style)
    ax.axvline(0, color=_GREY, linewidth=0.8, linestyle="--", zorder=0)
    days = _t(lang, "days")
    ax.set_yticks(
        pos,
        [
            f"{_tag_label(str(t), lang)} ({_num(n, lang)} {days})"
            for t, n in zip(rows["tag"], rows["n_days_with"].fillna(0), strict=True)
        ],
    )
    ax.set_ylim(-0.6, len(rows) - 0.4)
    lag_values = pd.unique(rows["lag"].dropna())
    lag = int(lag_values[0]) if len(lag_values) == 1 else None
    if lag is None:  # several lags in one result: say nothing about the day
        when = ""
    else:
        when = {0: _t(lang, "when_0"), 1: _t(lang, "when_1")}.get(lag, _t(lang, "when_k", k=lag))
    ax.set_xlabel(_t(lang, "helps_x", when=when))
    present = []
    for col, key in (
        (OKABE_ITO["green"], "lower"),
        (OKABE_ITO["vermillion"], "higher"),
        (_GREY, "unclear"),
    ):
        if (colour == col).any():
            present.append(Line2D([], [], color=col, marker="o", linewidth=2, label=_t(lang, key)))
    _legend_outside(ax, present, [h.get_label() for h in present])
    _localise(ax, lang)
    return ax


# --------------------------------------------------------------------------- classes

_DURATION_TICKS = {
    "en": [(1, "1 d"), (7, "1 wk"), (42, "6 wk"), (84, "12 wk"), (182, "6 mo"), (365, "1 y"),
           (730, "2 y"), (1826, "5 y"), (3652, "10 y"), (7305, "20 y")],
    "nl": [(1, "1 d"), (7, "1 wk"), (42, "6 wk"), (84, "12 wk"), (182, "6 mnd"), (365, "1 jr"),
           (730, "2 jr"), (1826, "5 jr"), (3652, "10 jr"), (7305, "20 jr")],
}  # fmt: skip


def classes(
    classified: pd.DataFrame,
    *,
    definition: str = "cost",
    acute_max_days: float | None = None,
    subacute_max_days: float | None = None,
    log_scale: bool = True,
    bins: int | Sequence[float] | None = None,
    lang: str = "en",
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw a cohort's pain durations with the acute / subacute / chronic bands.

    Parameters
    ----------
    classified : pandas.DataFrame
        One row per subject with a ``duration_days`` column, as returned by
        :func:`backpain.classify.classify`.
    definition : {"cost", "bmj", "icd11", "nih"}
        Preset class boundaries, as in :func:`backpain.classify.classify`
        (:data:`backpain.classify.DEFINITIONS`). Default ``"cost"``: acute
        < 42 days, subacute 42-84, chronic > 84 (6 and 12 weeks; European
        COST B13 guidelines, 2006; ``FACTS.md``).
    acute_max_days, subacute_max_days : float, optional
        Override the preset: acute ``<= acute_max_days``, subacute up to
        ``subacute_max_days``, chronic above it (same meaning as in
        :func:`~backpain.classify.classify`).
    log_scale : bool
        Logarithmic duration axis (default), so that 6 weeks and 10 years are
        both readable; durations under 1 day are drawn in the first bin.
    bins : int or sequence of float, optional
        Histogram bins; by default about 40 bins whose edges include both
        boundaries, so no bar straddles a class boundary.
    lang : {"en", "nl"}
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

    Notes
    -----
    Counts are recomputed from ``duration_days`` with the boundaries given
    here, so they always match the shaded bands; with the same
    ``definition`` they equal the counts of ``duration_class`` from
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
    >>> import pandas as pd
    >>> ax = classes(pd.DataFrame({"duration_days": [10, 50, 100, 400]}))
    >>> [t.get_text() for t in ax.texts]
    ['acute\\n1 (25%)', 'subacute\\n1 (25%)', 'chronic\\n2 (50%)']
    >>> plt.close("all")
    """
    _check_lang(lang)
    if not isinstance(classified, pd.DataFrame):
        msg = f"classified must be a pandas DataFrame, not {type(classified).__name__}"
        raise TypeError(msg)
    _check_columns(classified, ("duration_days",), "classified", "backpain.classify.classify()")
    from .classify import DEFINITIONS

    if definition not in DEFINITIONS:
        msg = f"definition must be one of {sorted(DEFINITIONS)}, not {definition!r}"
        raise ValueError(msg)
    acute_max, subacute_max = (
        float(given if given is not None else preset)
        for given, preset in zip(
            (acute_max_days, subacute_max_days), DEFINITIONS[definition], strict=True
        )
    )
    if not 0 <= acute_max < subacute_max:
        msg = (
            f"need 0 <= acute_max_days < subacute_max_days, got {acute_max:g} and "
            f"{subacute_max:g}; acute is 0..acute_max_days days, subacute up to subacute_max_days"
        )
        raise ValueError(msg)
    # band edges half a day above the last day of a class, so that whole-day
    # durations never sit on an edge (41 is acute, 42 subacute by default)
    acute_edge, chronic_edge = acute_max + 0.5, subacute_max + 0.5
    d = pd.to_numeric(classified["duration_days"], errors="coerce").to_numpy(
        dtype=float, na_value=np.nan
    )
    known = d[np.isfinite(d)]
    n_unknown = len(d) - len(known)
    if not len(known):
        msg = "classified has no known duration_days (all missing); nothing to draw"
        raise ValueError(msg)
    ax = plt.gca() if ax is None else ax
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
        share = counts[name] / len(known)
        ax.text(
            mid,
            0.97,
            f"{_t(lang, name)}\n{_num(counts[name], lang)} ({share:.0%})",
            transform=trans,
            ha="center",
            va="top",
        )
    ax.set_xlim(low, top)
    if log_scale:
        ax.set_xscale("log")
        ticks = [(v, s) for v, s in _DURATION_TICKS[lang] if low <= v <= top]
        ax.set_xticks([v for v, _ in ticks], [s for _, s in ticks])
        ax.xaxis.set_minor_formatter(FuncFormatter(lambda *_: ""))
        ax.set_xlabel(_t(lang, "duration"))
    else:
        ax.set_xlabel(_t(lang, "duration_lin"))
    ax.set_ylim(0, ax.get_ylim()[1] * 1.3)
    ax.set_ylabel(_t(lang, "people"))
    title = _t(lang, "classes_title", n=_num(len(known), lang))
    if n_unknown:
        title += "; " + _t(lang, "unknown", n=_num(n_unknown, lang))
    if "onset_censored" in classified.columns:
        censored = classified["onset_censored"].fillna(False).astype(bool).to_numpy()
        n_censored = int(censored[np.isfinite(d)].sum())
        if n_censored:
            title += "\n" + _t(lang, "censored", n=_num(n_censored, lang))
    ax.set_title(title, loc="left")
    _localise(ax, lang)
    return ax


# --------------------------------------------------------------------------- dashboard


def dashboard(
    data: pd.DataFrame,
    *,
    subject: str | None = None,
    annotations: pd.DataFrame | bool | None = None,
    lang: str = "en",
    ax: Any = None,
    **kwargs: Any,
) -> Figure:
    """Draw one patient's diary on one figure (figure-level; returns the Figure).

    Panels, top to bottom, on a shared time axis: pain with pain episodes,
    flares and tags; stress and sleep quality; hours of sleep; steps (or
    active minutes). Then a calendar heatmap of pain, and three panels: the
    within-person scatter of stress and pain (:func:`scatter_within`), the
    correlation of pain with sleep quality and stress by lag (:func:`lags`)
    and what goes with less pain (:func:`what_helps`). A panel whose data or
    computation is missing says so in the panel.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical diary.
    subject : str, optional
        The patient; may be left out when ``data`` holds one subject.
    annotations : pandas.DataFrame, bool or None
        As in :func:`timeline`.
    lang : {"en", "nl"}
        Language of labels.
    ax : None
        Not accepted: a dashboard is a whole figure. Passing ``ax`` raises
        ``TypeError``; draw single panels into your own axes with the
        axes-level functions instead.
    **kwargs
        Passed to :func:`matplotlib.pyplot.figure` (default
        ``figsize=(13, 15)``, ``layout="constrained"``).

    Returns
    -------
    matplotlib.figure.Figure
        The figure, with its panels in ``fig.axes``.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from backpain.simulate import simulate_cohort
    >>> diary = simulate_cohort(1, 120, seed=3)
    >>> fig = dashboard(diary, lang="nl")
    >>> fig.axes[0].get_ylabel()
    'Pijn (0-10)'
    >>> plt.close("all")
    """
    if ax is not None:
        msg = (
            "dashboard() draws a whole figure and does not accept ax=; to draw into your "
            "own axes use the axes-level functions (backpain.plot.timeline(..., ax=ax), "
            "calendar, scatter_within, lags, what_helps)"
        )
        raise TypeError(msg)
    _check_lang(lang)
    subject, rows = _pick_subject(data, subject)
    notes = _annotations(rows, annotations)
    note_arg: pd.DataFrame | bool = notes if notes is not None else False

    fig_kw: dict[str, Any] = {"figsize": (13, 15), "layout": "constrained"}
    fig_kw.update(kwargs)
    fig = plt.figure(**fig_kw)
    # sub-figures: the time panels, the calendar and the bottom row each get
    # their own constrained layout, so legends on one do not squeeze the others
    top, middle, bottom = fig.subfigures(3, 1, height_ratios=[7.0, 2.0, 3.2])
    time_axes = top.subplots(4, 1, sharex=True, height_ratios=[3.0, 1.6, 1.2, 1.2])
    ax_pain, panels = time_axes[0], list(time_axes[1:])

    def has(name: str) -> bool:
        return name in rows.columns and rows[name].notna().any()

    timeline(rows, variables=("pain",), annotations=note_arg, lang=lang, ax=ax_pain)
    wanted = [
        [v for v in ("stress", "sleep_quality", "mood") if has(v)][:2],
        [v for v in ("sleep_hours",) if has(v)],
        [v for v in ("steps", "active_minutes") if has(v)][:1],
    ]
    for panel, names in zip(panels, wanted, strict=True):
        if names:
            timeline(rows, variables=names, annotations=note_arg, tags=(), lang=lang, ax=panel)
        else:
            _note(panel, _t(lang, "not_recorded"))
    ax_pain.set_title(
        _t(
            lang,
            "dashboard",
            subject=subject,
            start=rows["date"].min().strftime("%Y-%m-%d"),
            end=rows["date"].max().strftime("%Y-%m-%d"),
        ),
        loc="left",
        fontsize="large",
    )
    panels[-1].yaxis.set_major_formatter(FuncFormatter(lambda v, _: _num(v, lang)))

    calendar(rows, lang=lang, ax=middle.subplots())

    ax_sc, ax_lag, ax_help = bottom.subplots(1, 3, width_ratios=[1.0, 1.0, 1.1])
    if has("stress"):
        try:
            scatter_within(rows, "stress", lang=lang, ax=ax_sc)
            ax_sc.get_legend().remove()  # one person: the r_rm box says what the line is
        except ValueError as err:  # too few days: the panel says so
            _note(ax_sc, _t(lang, "too_little", reason=str(err)[:60]))
    else:
        _note(ax_sc, _t(lang, "not_recorded"))
    try:
        from . import stats
    except ImportError:
        stats = None
    if stats is None:
        _note(ax_lag, _t(lang, "needs", module="backpain.stats"))
        _note(ax_help, _t(lang, "needs", module="backpain.stats"))
        return fig
    predictors = [v for v in ("sleep_quality", "stress") if has(v)]
    try:
        lagged = pd.concat(
            [stats.lagged_corr(rows, v, "pain", lags=(0, 1, 2, 3)) for v in predictors],
            ignore_index=True,
        )
        lags(lagged, lang=lang, ax=ax_lag)
    except ValueError as err:
        _note(ax_lag, _t(lang, "too_little", reason=str(err)[:60]))
    try:
        helps = stats.what_helps(rows)
        what_helps(helps, lang=lang, ax=ax_help)
        ax_help.set_title(_t(lang, "what_helps_title"))
    except ValueError as err:
        _note(ax_help, _t(lang, "too_little", reason=str(err)[:60]))
    for ax in (ax_sc, ax_lag, ax_help):  # three panels side by side: wrap long labels
        ax.set_xlabel(textwrap.fill(ax.get_xlabel(), 30))
        ax.set_ylabel(textwrap.fill(ax.get_ylabel(), 30))
    for ax in fig.axes:
        _localise(ax, lang)
    return fig
