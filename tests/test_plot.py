"""Tests for backpain.plot: each test inspects what was drawn.

References: the annotated r is checked against ``backpain.stats.within_corr``
and, independently, ``pingouin.rm_corr`` (Bakdash & Marusich, 2017); plotted
numbers against hand-built pandas frames; class counts against
``backpain.classify.classify`` / ``duration_class``.
"""

from __future__ import annotations

import ast
import inspect
import time
import warnings

import matplotlib as mpl
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection, PathCollection, QuadMesh
from matplotlib.figure import Figure

from backpain import _formatting, plot, text
from backpain.classify import DEFINITIONS, annotate_days, classify, duration_class
from backpain.multilevel import mixed_model
from backpain.schema import VARIABLES
from backpain.simulate import simulate_cohort
from backpain.stats import correlate, lagged_corr, patient_findings, what_helps, within_corr


@pytest.fixture
def one() -> pd.DataFrame:
    """One subject, 90 days, with days 10 and 11 (2025-01-11, -12) removed."""
    d = simulate_cohort(1, 90, seed=5, missing=0.0)
    drop = d["date"].isin(pd.to_datetime(["2025-01-11", "2025-01-12"]))
    return d.loc[~drop].reset_index(drop=True)


def _annotations(data: pd.DataFrame) -> pd.DataFrame:
    """A hand-built annotate_days result: one episode, two flare days."""
    days = data[["subject", "date", "pain"]].copy()
    days["pain_day"] = days["pain"] >= 1
    days["episode"] = pd.array([pd.NA] * len(days), dtype="Int64")
    in_ep = days["date"].between("2025-02-01", "2025-02-20")
    days.loc[in_ep, "episode"] = 1
    days["flare"] = days["date"].isin(pd.to_datetime(["2025-02-05", "2025-02-06"]))
    days["flare_baseline"] = np.nan
    return days


# ---------------------------------------------------------------- timeline


def test_timeline_lines_labels_and_gap(one):
    before = one.copy()
    ax = plot.timeline(one, variables=("pain", "stress"), tags=())
    assert len(ax.lines) == 2
    assert [ln.get_label() for ln in ax.lines] == ["Pain (0-10)", "Stress (0-10)"]
    assert ax.get_ylabel() == "Score (0-10)"
    # the two missing days are NaN in the line data: the line is broken there
    x = mdates.num2date(mdates.date2num(ax.lines[0].get_xdata()))
    y = np.asarray(ax.lines[0].get_ydata(), dtype=float)
    dates = pd.DatetimeIndex([d.replace(tzinfo=None) for d in x])
    assert len(y) == 90  # every calendar day, recorded or not
    gap = dates.isin(pd.to_datetime(["2025-01-11", "2025-01-12"]))
    assert np.isnan(y[gap]).all()
    assert not np.isnan(y[~gap]).any()
    np.testing.assert_array_equal(y[~gap], one["pain"].to_numpy())
    assert isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)
    pd.testing.assert_frame_equal(one, before)  # the caller's frame is untouched


def test_timeline_dutch_labels_and_months(one):
    fig, ax = plt.subplots()
    plot.timeline(one, variables=("pain",), lang="nl", ax=ax)
    assert ax.get_ylabel() == VARIABLES["pain"].label("nl") == "Pijn (0-10)"
    assert ax.lines[0].get_label() == "Pijn (0-10)"
    fig.canvas.draw()
    formatter = ax.xaxis.get_major_formatter()
    assert isinstance(formatter, mdates.ConciseDateFormatter)
    ticks = " ".join(t.get_text() for t in ax.get_xticklabels())
    assert "mrt" in ticks  # Dutch month abbreviation (English: "Mar")
    assert "Mar" not in ticks


def test_timeline_flares_episodes_tags(one):
    notes = _annotations(one)
    ax = plot.timeline(one, variables=("pain",), annotated=notes, tags=("heat", "exercise"))
    labels = ax.get_legend().get_texts()
    assert [t.get_text() for t in labels] == [
        "Pain (0-10)",
        "pain episode",
        "flare",
        "heat",
        "exercise",
    ]
    # one shaded span for the one episode
    assert len(ax.patches) == 1
    scatters = [c for c in ax.collections if isinstance(c, PathCollection)]
    flare, heat, exercise = scatters
    np.testing.assert_array_equal(
        flare.get_offsets()[:, 1],
        one.set_index("date").loc[["2025-02-05", "2025-02-06"], "pain"].to_numpy(),
    )
    n_heat = int(one["tags"].fillna("").str.split("|").apply(lambda t: "heat" in t).sum())
    assert len(heat.get_offsets()) == n_heat > 0
    assert len(exercise.get_offsets()) > 0


def test_timeline_draws_annotate_days(one):
    notes = annotate_days(one)
    ax = plot.timeline(one, variables=("pain",), annotated=notes, tags=())
    n_flare = int(notes["flare"].sum())
    flares = [c for c in ax.collections if c.get_label() == "flare"]
    if n_flare:
        assert len(flares[0].get_offsets()) == n_flare
    else:
        assert flares == []
    assert len(ax.patches) == notes["episode"].nunique()


def test_timeline_twin_axis_and_kwargs(one):
    ax = plot.timeline(one, variables=("pain", "sleep_hours"), tags=(), linewidth=4)
    twins = [a for a in ax.figure.axes if a is not ax]
    assert len(twins) == 1
    assert twins[0].get_ylabel() == "Sleep (hours)"
    assert ax.get_ylabel() == "Pain (0-10)"
    assert ax.lines[0].get_linewidth() == 4  # kwargs go to the first line's plot()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Pain (0-10)", "Sleep (hours)"]


def test_timeline_errors(diary, one):
    with pytest.raises(ValueError, match=r"holds 5 subjects; pass subject="):
        plot.timeline(diary)
    with pytest.raises(ValueError, match=r"subject 'nobody' is not in data"):
        plot.timeline(diary, subject="nobody")
    with pytest.raises(ValueError, match=r"more than two scales"):
        plot.timeline(one, variables=("pain", "sleep_hours", "steps"))
    with pytest.raises(ValueError, match=r"lang must be one of \['en', 'nl'\], not 'fr'"):
        plot.timeline(one, lang="fr")
    with pytest.raises(ValueError, match=r"no column\(s\) \['mood'\]"):
        plot.timeline(one.drop(columns="mood"), variables=("pain", "mood"))
    with pytest.raises(TypeError, match=r"annotated must be a pandas DataFrame"):
        plot.timeline(one, annotated="yes")
    with pytest.raises(ValueError, match=r"annotated has no column\(s\) \['episode', 'flare'\]"):
        plot.timeline(one, annotated=one[["subject", "date"]])
    with pytest.raises(ValueError, match=r"variables is empty"):
        plot.timeline(one, variables=())


# ---------------------------------------------------------------- calendar


def test_calendar_grid_values(one):
    ax = plot.calendar(one, cbar=False)
    meshes = [c for c in ax.collections if isinstance(c, QuadMesh)]
    assert len(meshes) == 2  # grey period + values: never one patch per day
    values = meshes[1].get_array()
    # 2025-01-01 is a Wednesday: week 0, row 2
    first = one.set_index("date")["pain"]
    grid = np.ma.filled(values.astype(float), np.nan).reshape(7, -1)
    assert grid[2, 0] == first.loc["2025-01-01"]
    assert np.isnan(grid[0, 0])  # Monday 2024-12-30 is outside the diary
    # 2025-01-11 (Saturday, missing) is masked
    assert np.isnan(grid[5, 1])
    assert grid[4, 1] == first.loc["2025-01-10"]
    assert np.isfinite(grid).sum() == len(one)
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ]
    months = [t.get_text().split("\n")[0] for t in ax.get_xticklabels()]
    assert months == ["Jan", "Feb", "Mar"]


def test_calendar_dutch_year_and_colorbar(one):
    _fig, ax = plt.subplots()
    plot.calendar(one, year=2025, lang="nl", ax=ax)
    assert next(t.get_text() for t in ax.get_yticklabels()) == "ma"
    months = [t.get_text().split("\n")[0] for t in ax.get_xticklabels()]
    assert months == [
        "jan",
        "feb",
        "mrt",
        "apr",
        "mei",
        "jun",
        "jul",
        "aug",
        "sep",
        "okt",
        "nov",
        "dec",
    ]
    assert ax.get_xlim() == (0, 53)  # 30 Dec 2024 .. 4 Jan 2026
    assert [a.get_ylabel() for a in ax.child_axes] == ["Pijn (0-10)"]  # the colour bar


# ---------------------------------------------------------------- scatter_within


def _pingouin_r(data, x, y):
    pg = pytest.importorskip("pingouin")
    with warnings.catch_warnings():  # pingouin's ancova uses rename(inplace=True)
        warnings.simplefilter("ignore", pd.errors.Pandas4Warning)
        return float(pg.rm_corr(data, x, y, "subject")["r"].iloc[0])


def test_scatter_within_r_matches_within_corr(cohort):
    data, _ = cohort
    res = within_corr(data, x="stress", y="pain").table
    ax = plot.scatter_within(data, x="stress", result=res)
    text = ax.texts[0].get_text()
    assert text == (
        f"r_rm = {res['r'].iloc[0]:.2f}\n"
        f"{res['n_subjects'].iloc[0]} people, {res['n_obs'].iloc[0]:,} days"
    )
    # the fit line's slope is the common within-person slope, computed here by hand
    # as least squares on subject-centred values (Bakdash & Marusich, 2017)
    fit = next(ln for ln in ax.lines if ln.get_label() == "within-person slope")
    xs, ys = fit.get_xdata(), fit.get_ydata()
    pairs = data[["subject", "stress", "pain"]].dropna()
    xc = pairs["stress"] - pairs.groupby("subject")["stress"].transform("mean")
    yc = pairs["pain"] - pairs.groupby("subject")["pain"].transform("mean")
    slope = float((xc * yc).sum() / (xc**2).sum())
    assert (ys[1] - ys[0]) / (xs[1] - xs[0]) == pytest.approx(slope)
    assert ax.get_xlabel() == "Stress (0-10), minus own mean"


def test_scatter_within_points_lines_and_caps(diary):
    res = within_corr(diary, x="sleep_quality", y="pain").table
    ax = plot.scatter_within(diary, x="sleep_quality", result=res, lang="nl", s=3)
    points = next(c for c in ax.collections if isinstance(c, PathCollection))
    pairs = diary[["subject", "sleep_quality", "pain"]].dropna()
    assert len(points.get_offsets()) == len(pairs)
    xc = pairs["sleep_quality"] - pairs.groupby("subject")["sleep_quality"].transform("mean")
    np.testing.assert_allclose(np.sort(points.get_offsets()[:, 0]), np.sort(xc.to_numpy()))
    assert points.get_sizes()[0] == 3  # kwargs go to scatter()
    lines = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(lines) == 1
    assert len(lines[0].get_segments()) == 5  # one per person, one artist
    assert ax.get_ylabel() == "Pijn (0-10), min eigen gemiddelde"
    assert "5 personen" in ax.texts[0].get_text()
    # Dutch decimal comma; independent reference: pingouin.rm_corr
    expected = f"r_rm = {_pingouin_r(diary, 'sleep_quality', 'pain'):.2f}\n".replace(".", ",")
    assert ax.texts[0].get_text().startswith(expected)

    _fig, ax2 = plt.subplots()
    res = within_corr(diary, x="stress", y="pain").table
    plot.scatter_within(
        diary,
        x="stress",
        result=res,
        per_subject_lines=True,
        max_subjects=2,
        max_points=50,
        ax=ax2,
    )
    lines = [c for c in ax2.collections if isinstance(c, LineCollection)]
    assert len(lines[0].get_segments()) == 2
    points = next(c for c in ax2.collections if isinstance(c, PathCollection))
    assert len(points.get_offsets()) == 50
    assert f"{res['r'].iloc[0]:.2f}" in ax2.texts[0].get_text()


def test_scatter_within_without_result_draws_points_only(diary):
    ax = plot.scatter_within(diary, x="stress")
    assert len(ax.texts) == 0
    assert [ln.get_label() for ln in ax.lines if ln.get_label() == "within-person slope"] == []
    points = next(c for c in ax.collections if isinstance(c, PathCollection))
    assert len(points.get_offsets()) == len(diary[["stress", "pain"]].dropna())


@pytest.mark.parametrize(
    ("low", "high", "words"),
    [(0.1, 0.5, "pain was higher"), (-0.5, -0.1, "pain was lower"), (-0.1, 0.3, "No clear link")],
)
def test_scatter_within_plain_words_follow_the_interval(diary, low, high, words):
    one = diary.loc[diary["subject"] == "S0001"]
    res = within_corr(one, x="stress", y="pain").table.assign(ci95_low=low, ci95_high=high)
    ax = plot.scatter_within(one, x="stress", result=res, plain=True)
    corner = " ".join(ax.texts[0].get_text().split())  # wrapped to the panel's width
    assert words in corner
    assert "r_rm" not in corner
    assert f"({res['n_obs'].iloc[0]} days)" in corner


def test_scatter_within_takes_the_correlate_row(diary):
    one = diary.loc[diary["subject"] == "S0001"]
    res = correlate(one, x=("stress",), lags=(0, 1)).table
    ax = plot.scatter_within(one, x="stress", result=res)
    r = res.query("level == 'within' and lag == 0")["r"].iloc[0]
    assert ax.texts[0].get_text().startswith(f"r_rm = {r:.2f}\n1 person, ")


def test_scatter_within_errors_and_too_few_days(diary):
    with pytest.raises(ValueError, match=r"no column\(s\) \['fatigue'\]"):
        plot.scatter_within(diary, x="fatigue")
    with pytest.raises(TypeError, match=r"data must be a pandas DataFrame, not list"):
        plot.scatter_within([1, 2], x="stress")
    with pytest.raises(TypeError, match=r"takes 1 positional argument but 2 were given"):
        plot.scatter_within(diary, "stress")
    res = within_corr(diary, x="stress", y="pain").table
    with pytest.raises(ValueError, match=r"no same-day within-person row for x='mood'"):
        plot.scatter_within(diary, x="mood", result=res)
    ax = plot.scatter_within(diary.head(2), x="stress", result=None)
    assert [t.get_text() for t in ax.texts] == [
        "Too few days with both stress and pain\nto compare (2 of at least 3)"
    ]
    assert len(ax.collections) == 0


# ---------------------------------------------------------------- lags


def test_lags_from_lagged_corr(cohort):
    data, _ = cohort
    res = lagged_corr(data, x="sleep_quality", y="pain", lags=(0, 1, 2))
    ax = plot.lags(res)
    assert len(ax.containers) == 1
    line = ax.containers[0].lines[0]
    np.testing.assert_allclose(line.get_xdata(), [0, 1, 2])
    np.testing.assert_allclose(line.get_ydata(), res["r"])
    # the error bars span the confidence interval
    segs = ax.containers[0].lines[2][0].get_segments()
    np.testing.assert_allclose([s[0][1] for s in segs], res["ci95_low"])
    np.testing.assert_allclose([s[1][1] for s in segs], res["ci95_high"])
    assert ax.get_ylabel() == "Within-person r (95% CI)"
    assert ax.get_xlabel() == "Lag (days that sleep quality comes before pain)"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1", "2"]


def test_lags_from_correlate_dutch(diary):
    res = correlate(diary, x=("stress", "sleep_quality"), lags=(0, 1)).table
    _fig, ax = plt.subplots()
    plot.lags(res, x=["sleep_quality", "stress"], lang="nl", ax=ax)
    assert len(ax.containers) == 2
    within = res.loc[res["level"] == "within"]
    np.testing.assert_allclose(
        ax.containers[1].lines[0].get_ydata(), within.loc[within["predictor"] == "stress", "r"]
    )
    assert ax.get_ylabel() == "r binnen personen (95%-BI)"
    assert "voorspeller" not in ax.get_xlabel()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "Slaapkwaliteit (0-10)",
        "Stress (0-10)",
    ]


def test_lags_plain_words_and_empty(diary):
    res = correlate(diary, x=("stress",), lags=(0, 1)).table
    ax = plot.lags(res, plain=True)
    labels = ax.get_xlabel() + ax.get_ylabel() + ax.get_title(loc="left")
    assert " r " not in labels
    assert "CI" not in labels
    assert ax.get_title(loc="left") == "What went with pain, and how many days later?"
    _fig, ax2 = plt.subplots()
    plot.lags(None, ax=ax2)
    assert [t.get_text() for t in ax2.texts] == ["Not computed for this diary"]
    _fig, ax3 = plt.subplots()
    plot.lags(res.assign(r=np.nan), lang="nl", ax=ax3)
    assert [t.get_text() for t in ax3.texts] == [
        "Te weinig dagen om te zien wat samengaat met pijn"
    ]
    assert len(ax3.containers) == 0


def test_lags_errors(diary):
    bad = pd.DataFrame({"lag": [0], "r": [0.1]})
    msg = r"no column\(s\) \['predictor', 'outcome', 'ci95_low', 'ci95_high'\]"
    with pytest.raises(ValueError, match=msg):
        plot.lags(bad)
    with pytest.raises(TypeError, match=r"result must be a pandas DataFrame, not list"):
        plot.lags([1])


# ---------------------------------------------------------------- associations


def test_associations_correlate(cohort):
    data, _ = cohort
    res = correlate(data, x=("stress", "sleep_quality"), lags=(0, 1)).table
    ax = plot.associations(res)
    assert len(ax.containers) == 2  # one errorbar series per level, not per row
    within = res.loc[res["level"] == "within"]
    between = res.loc[res["level"] == "between"]
    np.testing.assert_allclose(ax.containers[0].lines[0].get_xdata(), within["r"])
    np.testing.assert_allclose(ax.containers[1].lines[0].get_xdata(), between["r"])
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "within person",
        "between persons",
    ]
    ticks = zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels()), strict=True)
    top_down = [label for _, label in sorted(ticks, reverse=True)]
    assert top_down == [
        "Stress (0-10), same day",
        "Stress (0-10), day before",
        "Sleep quality (0-10), same day",
        "Sleep quality (0-10), day before",
    ]
    assert ax.get_xlabel() == "Correlation with pain (r, 95% CI)"


def test_associations_mixed_model_dutch(cohort):
    data, _ = cohort
    res = mixed_model(data.loc[data["subject"] <= "S0040"]).table
    ax = plot.associations(res, lang="nl")
    assert ax.get_xlabel().startswith("Verandering in pijn per eenheid")
    n_rows = res.dropna(subset=["predictor"])[["predictor", "lag"]].drop_duplicates().shape[0]
    assert len(ax.get_yticks()) == n_rows  # the intercept is left out
    assert "Stress (0-10), zelfde dag" in [t.get_text() for t in ax.get_yticklabels()]


def test_associations_errors():
    with pytest.raises(ValueError, match=r"no column\(s\) \['lag', 'level'"):
        plot.associations(pd.DataFrame({"predictor": ["stress"], "r": [0.1]}))
    empty = pd.DataFrame(
        {"predictor": [None], "lag": [0], "level": ["within"], "r": [0.1]}
        | {"ci95_low": [0.0], "ci95_high": [0.2]}
    )
    ax = plot.associations(empty)
    assert [t.get_text() for t in ax.texts] == ["Nothing to show: no estimates"]
    assert len(ax.containers) == 0


# ---------------------------------------------------------------- what_helps


def test_what_helps_sorted_and_coloured(cohort):
    data, _ = cohort
    res = what_helps(data, n_boot=200).table
    ax = plot.what_helps(res)
    points = next(c for c in ax.collections if isinstance(c, PathCollection))
    order = res.sort_values("effect", ascending=False)
    np.testing.assert_allclose(points.get_offsets()[:, 0], order["effect"])
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [
        f"{t} ({n:,} days)" for t, n in zip(order["predictor"], order["n_with"], strict=False)
    ]
    # green exactly where the analysis' verdict says lower pain (never re-decided)
    green = mpl.colors.to_rgba(plot.OKABE_ITO["green"])
    is_green = [tuple(c) == green for c in points.get_facecolors()]
    assert is_green == (order["verdict"] == "lower").tolist()
    assert ax.get_xlabel().startswith("Difference in pain the next day")
    intervals = next(c for c in ax.collections if isinstance(c, LineCollection))
    assert len(intervals.get_segments()) == len(res)


def test_what_helps_dutch_tags():
    res = pd.DataFrame(
        {
            "predictor": ["heat", "physiotherapy", "massage_gun"],
            "lag": 0,
            "effect": [0.1, -0.8, np.nan],
            "ci95_low": [-0.2, -1.1, np.nan],
            "ci95_high": [0.4, -0.5, np.nan],
            "n_with": [1200, 30, 2],
            "verdict": ["unclear", "lower", "too_few_days"],
        }
    )
    ax = plot.what_helps(res, lang="nl")
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "warmte (1.200 dagen)",
        "fysiotherapie (30 dagen)",
    ]
    assert ax.get_xlabel().startswith("Verschil in pijn dezelfde dag")
    _fig, ax2 = plt.subplots()
    plot.what_helps(res.iloc[[2]], ax=ax2)
    assert [t.get_text() for t in ax2.texts] == [
        "No tag has enough days with it and without it\nto compare"
    ]
    assert len(ax2.collections) == 0
    with pytest.raises(ValueError, match=r"expected the result of backpain.stats.what_helps"):
        plot.what_helps(res.drop(columns="n_with"))


# ---------------------------------------------------------------- classes


def test_classes_counts_match_classify(cohort):
    data, _ = cohort
    classified = classify(data)
    ax = plot.classes(classified)
    counts = classified["duration_class"].value_counts()
    known = int(classified["duration_days"].notna().sum())
    texts = [t.get_text() for t in ax.texts]
    assert texts == [
        f"{name}\n{counts[name]:,} ({counts[name] / known:.0%})"
        for name in ("acute", "subacute", "chronic")
    ]
    assert ax.get_xscale() == "log"
    assert ax.get_ylabel() == "Number of people"


def test_classes_boundaries_and_linear_scale():
    # whole days 41 | 42 and 84 | 85 are the default class edges (COST B13, Airaksinen 2006)
    frame = pd.DataFrame({"duration_days": [0, 41, 42, 84, 85, 91, np.nan]})
    ax = plot.classes(frame, log_scale=False, lang="nl")
    assert [t.get_text() for t in ax.texts] == [
        "acuut\n2 (33%)",
        "subacuut\n2 (33%)",
        "chronisch\n2 (33%)",
    ]
    assert "1 zonder bekend begin" in ax.get_title(loc="left")
    heights = [p.get_height() for p in ax.patches if p.get_height() > 0 and p.get_width() < 20]
    assert sum(heights) == 6
    # the NIH definition: chronic from 91 days (at least 3 months)
    _fig, ax2 = plt.subplots()
    acute_max, subacute_max = DEFINITIONS["nih"]
    plot.classes(frame, acute_max_days=acute_max, subacute_max_days=subacute_max, ax=ax2)
    nih = duration_class(frame["duration_days"].dropna(), definition="nih").value_counts()
    assert ax2.texts[2].get_text().startswith(f"chronic\n{nih['chronic']} ")
    assert nih["chronic"] == 1


def test_classes_10000_subjects_fast_and_bounded(rng):
    days = rng.integers(0, 3650, 10_000).astype(float)
    frame = pd.DataFrame({"subject": np.arange(10_000), "duration_days": days})
    start = time.perf_counter()
    fig, ax = plt.subplots()
    plot.classes(frame, ax=ax)
    fig.canvas.draw()
    assert time.perf_counter() - start < 5
    n_artists = len(ax.patches) + len(ax.collections) + len(ax.lines) + len(ax.texts)
    assert n_artists < 100
    assert sum(p.get_height() for p in ax.patches if hasattr(p, "get_height")) >= 10_000


def test_classes_errors():
    with pytest.raises(ValueError, match=r"no column\(s\) \['duration_days'\]"):
        plot.classes(pd.DataFrame({"x": [1]}))
    ax = plot.classes(pd.DataFrame({"duration_days": [np.nan]}), lang="nl")
    assert [t.get_text() for t in ax.texts] == ["Niets te tonen: geen bekende pijnduur"]
    assert len(ax.patches) == 0
    with pytest.raises(ValueError, match=r"need 0 <= acute_max_days < subacute_max_days"):
        plot.classes(pd.DataFrame({"duration_days": [1]}), acute_max_days=90)


def test_associations_10000_subject_result_is_fast(rng):
    # the plot cost depends on the number of predictors, not on the cohort size
    n = 10_000
    res = pd.DataFrame(
        {
            "predictor": ["stress", "stress", "sleep_quality", "sleep_quality"],
            "lag": [0, 0, 1, 1],
            "level": ["within", "between"] * 2,
            "r": [0.2, 0.4, -0.1, 0.0],
            "ci95_low": [0.19, 0.38, -0.11, -0.02],
            "ci95_high": [0.21, 0.42, -0.09, 0.02],
            "n_subjects": n,
        }
    )
    start = time.perf_counter()
    ax = plot.associations(res)
    ax.figure.canvas.draw()
    assert time.perf_counter() - start < 5
    assert len(ax.containers) == 2


# ---------------------------------------------------------------- dashboard


def _results(diary: pd.DataFrame) -> dict[str, pd.DataFrame | None]:
    """The dashboard's inputs, computed as the report computes them."""
    has_pain = diary["pain"].notna().any()
    return {
        "annotated": annotate_days(diary),
        "findings": patient_findings(diary).table if has_pain else None,
    }


def test_dashboard_figure(diary):
    one = diary.loc[diary["subject"] == "S0002"]
    fig = plot.dashboard(diary, subject="S0002", lang="nl", **_results(one))
    assert isinstance(fig, Figure)
    labels = [a.get_ylabel() for a in fig.axes]
    assert labels[:4] == ["Pijn (0-10)", "Score (0-10)", "Slaap (uren)", "Stappen"]
    assert "Rugpijndagboek van S0002" in fig.axes[0].get_title(loc="left")
    # the time panels share one date axis
    assert fig.axes[1].get_shared_x_axes().joined(fig.axes[0], fig.axes[3])
    assert any(isinstance(c, QuadMesh) for a in fig.axes for c in a.collections)
    texts = [t.get_text() for a in fig.axes for t in a.texts]
    titles = [a.get_title(loc="left") for a in fig.axes]
    assert "Wat ging samen met minder pijn?" in titles
    # a patient's figure speaks plain words: no r_rm, no BI, no voorspeller
    shown = " ".join(texts + titles + labels + [a.get_xlabel() for a in fig.axes])
    for jargon in ("r_rm", "BI", "voorspeller", "CI"):
        assert jargon not in shown


def test_dashboard_refuses_ax(diary):
    _fig, ax = plt.subplots()
    with pytest.raises(TypeError, match=r"does not accept ax=.*axes-level functions"):
        plot.dashboard(diary, subject="S0001", ax=ax)


def test_dashboard_signature_is_the_agreed_one():
    params = inspect.signature(plot.dashboard).parameters
    assert list(params) == [
        "diary",
        "annotated",
        "findings",
        "subject",
        "lang",
        "fig_kw",
    ]
    assert all(params[p].default is None for p in ("annotated", "findings"))


def test_no_global_style_change(diary):
    before = dict(mpl.rcParams)
    plot.timeline(diary, subject="S0001", ax=plt.figure().gca())
    plot.calendar(diary, subject="S0001", ax=plt.figure().gca())
    plot.scatter_within(diary, x="stress", ax=plt.figure().gca())
    plot.classes(pd.DataFrame({"duration_days": [3, 50, 400]}), ax=plt.figure().gca())
    plot.dashboard(diary, subject="S0003")
    after = dict(mpl.rcParams)
    assert {k for k in before if before[k] != after[k]} == set()


def test_dutch_axes_write_decimal_commas_and_leave_english_alone(diary):
    res = lagged_corr(diary, x="stress", y="pain", lags=(0, 1, 2, 3))
    fig, (nl, en) = plt.subplots(1, 2)
    plot.lags(res, lang="nl", ax=nl)
    plot.lags(res, lang="en", ax=en)
    fig.canvas.draw()
    nl_ticks = [t.get_text() for t in nl.get_yticklabels() if t.get_text()]
    en_ticks = [t.get_text() for t in en.get_yticklabels() if t.get_text()]
    assert any("," in t for t in nl_ticks)
    assert not any("." in t for t in nl_ticks)
    assert any("." in t for t in en_ticks)
    assert mpl.rcParams["axes.formatter.use_locale"] is False  # no global change


# ---------------------------------------------------------------- plots only draw


def test_plot_imports_neither_stats_nor_classify():
    tree = ast.parse(inspect.getsource(plot))
    imported = set()
    for node in ast.walk(tree):  # every import, at the top or inside a function
        if isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
            imported.update(f"{node.module}.{a.name}" for a in node.names)
            imported.update(a.name for a in node.names)
        elif isinstance(node, ast.Import):
            imported.update(a.name for a in node.names)
    banned = {"stats", "classify", "backpain.stats", "backpain.classify"}
    assert not {name.removeprefix(".") for name in imported} & banned
    assert not any(name.startswith(("backpain.stats", "backpain.classify")) for name in imported)


def test_every_public_plot_is_keyword_only_after_its_data():
    for name in plot.__all__:
        func = getattr(plot, name)
        if not callable(func) or name == "tag_label":
            continue
        params = list(inspect.signature(func).parameters.values())
        assert params[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD, name
        assert all(
            p.kind in (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.VAR_KEYWORD)
            for p in params[1:]
        ), name


def test_plot_texts_exist_in_both_languages_and_differ_where_words():
    months = [text.say(f"plot.month.{m}", "nl") for m in range(1, 13)]
    assert months[2] == "mrt"
    assert text.say("plot.helps_title", "en") == "What went with less pain?"
    assert text.say("plot.helps_title", "nl") == "Wat ging samen met minder pijn?"


def test_the_concise_date_formatter_copes_with_no_ticks():
    # matplotlib's ConciseDateFormatter raises IndexError on an empty tick list
    # (the crash of the dashboard on sparse real exports); ours returns no labels
    with pytest.raises(IndexError):
        mdates.ConciseDateFormatter(mdates.AutoDateLocator()).format_ticks([])
    _fig, ax = plt.subplots()
    _formatting.date_axis(ax, "nl")
    assert ax.xaxis.get_major_formatter().format_ticks([]) == []


# ---------------------------------------------------------------- any diary that loads


def _diary(dates, columns=("pain",), tags=None) -> pd.DataFrame:
    """A synthetic one-subject diary on ``dates`` with the given columns."""
    dates = pd.to_datetime(list(dates))
    frame = pd.DataFrame({"subject": pd.array(["me"] * len(dates), dtype="string"), "date": dates})
    for i, name in enumerate(columns):
        values = (np.arange(len(dates)) * (3 + i) + i) % 11
        frame[name] = values * (1000.0 if name == "steps" else 1.0)
    if tags is not None:
        frame["tags"] = pd.array(tags, dtype="string")
    return frame


_SPARSE = ["2024-01-03", "2024-02-20", "2024-04-11", "2024-06-30", "2024-07-01"]
_DIARIES = {
    "one day": lambda: _diary(["2024-03-01"]),
    "one day, all columns": lambda: _diary(["2024-03-01"], ("pain", "stress", "steps")),
    "two days years apart": lambda: _diary(["2015-01-01", "2024-06-01"], ("pain", "stress")),
    "5 sparse days over months": lambda: _diary(_SPARSE, ("pain", "stress", "sleep_quality")),
    "date,pain only": lambda: _diary(pd.date_range("2024-01-01", periods=40)),
    "no steps or active minutes": lambda: _diary(
        pd.date_range("2024-01-01", periods=60), ("pain", "stress", "sleep_hours")
    ),
    "sparse, several tag categories": lambda: _diary(
        _SPARSE,
        ("pain", "mood"),
        tags=["Symptoms: stiff|Meds: ibuprofen", None, "Meds: ibuprofen", "Sleep: bad", ""],
    ),
    "tags that never compare": lambda: _diary(
        pd.date_range("2024-01-01", periods=30), ("pain", "stress"), tags=["walk"] * 30
    ),
    "ten years, every third day": lambda: _diary(
        pd.date_range("2014-01-01", "2023-12-31", freq="3D"),
        ("pain", "stress", "sleep_quality", "steps"),
        tags=(["heat", None, "walk|heat"] * 1218)[:1218],
    ),
    "no pain at all": lambda: _diary(pd.date_range("2024-01-01", periods=20), ("steps",)).assign(
        pain=np.nan
    ),
}


@pytest.mark.slow  # 40 dashboards: make test draws them, make check does not
@pytest.mark.parametrize("name", list(_DIARIES))
@pytest.mark.parametrize("computed", [True, False], ids=["results", "no results"])
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_dashboard_renders_any_diary(name, computed, lang):
    diary = _DIARIES[name]()
    results = _results(diary) if computed else {}
    fig = plot.dashboard(diary, lang=lang, **results)
    fig.canvas.draw()  # formatters and layout run here: the crash was in draw
    ax_pain = fig.axes[0]
    # the date axis shows the diary's own period, with labels
    low, high = mdates.num2date(ax_pain.get_xlim())
    assert low.date() < diary["date"].min().date() <= diary["date"].max().date() < high.date()
    bottom = fig.axes[3]
    assert any(t.get_text() for t in bottom.get_xticklabels())
    # the pain line holds every pain value the diary has
    if diary["pain"].notna().any():
        y = np.asarray(ax_pain.lines[0].get_ydata(), dtype=float)
        np.testing.assert_array_equal(np.sort(y[np.isfinite(y)]), np.sort(diary["pain"].dropna()))
    texts = [t.get_text() for a in fig.axes for t in a.texts]
    titles = [a.get_title(loc="left") for a in fig.axes]
    # every panel drew something or says why in words, in the language asked
    for ax in fig.axes:
        drew = ax.lines or ax.collections or ax.containers or ax.patches
        assert drew or ax.texts, f"{name}: an empty panel says nothing"
    empty = text.say("plot.empty.not_computed", lang)
    if not computed:
        assert empty in texts  # the lag panel had no correlations
    helps_panel = next(a for a in fig.axes if a.get_title(loc="left") == titles[-1])
    assert titles[-1] == text.say("plot.helps_title", lang)
    if "tags" not in diary.columns:
        assert [t.get_text() for t in helps_panel.texts] == [text.say("plot.empty.no_tags", lang)]
    if lang == "nl":
        assert not any("Too few" in t or "not recorded" in t for t in texts)


@pytest.mark.parametrize("name", list(_DIARIES))
def test_axes_level_plots_render_any_diary(name):
    diary = _DIARIES[name]()
    fig, axes = plt.subplots(2, 2)
    columns = [c for c in ("pain", "stress") if c in diary.columns]
    plot.timeline(diary, variables=columns, ax=axes[0, 0])
    plot.calendar(diary, ax=axes[0, 1])
    plot.scatter_within(diary, x=columns[-1], ax=axes[1, 0])
    plot.lags(correlate(diary, lags=(0, 1)).table, ax=axes[1, 1])
    fig.canvas.draw()
    n_recorded = int(diary["pain"].notna().sum())
    calendar_values = next(
        c for c in reversed(axes[0, 1].collections) if isinstance(c, QuadMesh)
    ).get_array()
    assert int(np.isfinite(np.ma.filled(calendar_values.astype(float), np.nan)).sum()) == min(
        n_recorded, int(diary["date"].ge(diary["date"].max() - pd.Timedelta(days=365)).sum())
    )


@pytest.mark.parametrize(
    ("func", "empty"),
    [
        (
            plot.what_helps,
            pd.DataFrame(
                columns=["predictor", "lag", "effect", "ci95_low", "ci95_high", "n_with", "verdict"]
            ),
        ),
        (
            plot.associations,
            pd.DataFrame(columns=["predictor", "lag", "level", "r", "ci95_low", "ci95_high"]),
        ),
        (
            plot.lags,
            pd.DataFrame(columns=["predictor", "outcome", "lag", "r", "ci95_low", "ci95_high"]),
        ),
        (plot.classes, pd.DataFrame(columns=["duration_days"])),
    ],
)
@pytest.mark.parametrize("none", [True, False], ids=["None", "empty frame"])
def test_result_plots_say_why_for_none_or_empty(func, empty, none):
    ax = func(None if none else empty, lang="nl")
    assert len(ax.texts) == 1
    assert ax.texts[0].get_text()
    assert not ax.lines
    assert not ax.containers


# ---------------------------------------------------------------- text from files
FRAC = "$\\frac{1}{$"
BRACES = "$" + "{" * 10_000 + "x" + "}" * 10_000 + "$"
SCRIPT = "<script>alert(1)</script>"


def _hostile_diary() -> pd.DataFrame:
    d = simulate_cohort(1, 90, seed=5, missing=0.0)
    d["subject"] = FRAC
    tags = [FRAC, "heat|" + BRACES, SCRIPT + "|exercise", "$x$"]
    d["tags"] = pd.Series([tags[i % 4] for i in range(len(d))], dtype="string")
    d["notes"] = pd.Series([f"note {BRACES[:50]} $y$"] * len(d), dtype="string")
    return d


def test_text_from_a_file_is_never_read_as_maths():
    d = _hostile_diary()
    fig = plot.dashboard(d, subject=FRAC, **_results(d))
    fig.canvas.draw()  # mathtext would raise on $\frac{1}{$ and recurse on the braces
    texts = fig.findobj(mpl.text.Text)
    shown = [t.get_text() for t in texts]
    assert any(FRAC in s for s in shown)  # the title names the subject literally
    # long tags are cut to 40 characters (with an ellipsis) so the layout holds
    for tag in (FRAC, BRACES[:39], "<script>alert(1)</script>"[:39]):
        assert any(tag in s for s in shown), tag[:20]
    data_texts = [t for t in texts if any(x in t.get_text() for x in (FRAC, BRACES[:39], "$x$"))]
    assert data_texts
    assert not any(t.get_parse_math() or t.get_usetex() for t in data_texts)


@pytest.mark.parametrize(
    "draw",
    [
        lambda d, ax: plot.timeline(d, subject=FRAC, annotated=annotate_days(d), ax=ax),
        lambda d, ax: plot.calendar(
            d.assign(**{FRAC: d["steps"]}), subject=FRAC, variable=FRAC, ax=ax
        ),
        lambda d, ax: plot.what_helps(what_helps(d, n_boot=100).table, ax=ax),
        lambda d, ax: plot.scatter_within(d.rename(columns={"stress": BRACES}), x=BRACES, ax=ax),
    ],
    ids=["timeline", "calendar", "what_helps", "scatter_within"],
)
def test_every_plot_shows_file_text_plainly(draw):
    _fig, ax = plt.subplots()
    draw(_hostile_diary(), ax)
    ax.figure.canvas.draw()
    dollars = [t for t in ax.figure.findobj(mpl.text.Text) if "$" in t.get_text()]
    assert dollars
    assert not any(t.get_parse_math() for t in dollars)


def test_formatter_maths_is_left_alone():
    # the powers of ten a log axis writes are matplotlib's own mathtext, not data
    ax = plot.classes(pd.DataFrame({"duration_days": [3, 50, 400]}), ax=plt.figure().gca())
    ax.set_yscale("log")
    ax.figure.canvas.draw()
    labels = [t for t in ax.get_yticklabels() if t.get_text()]
    assert labels
    assert all(t.get_parse_math() for t in labels)


def test_report_of_a_diary_with_maths_and_markup_in_its_text():
    from backpain.report import build_report

    html = build_report(_hostile_diary(), subject=FRAC).to_html()
    assert "<script>alert" not in html  # escaped, never run
    assert "&lt;script&gt;" in html
    assert FRAC in html or FRAC.replace("\\", "&#92;") in html


def test_calendar_names_grey_days_and_speaks_dutch_on_its_colour_scale():
    d = simulate_cohort(1, 365, seed=1)
    fig, ax = plt.subplots(figsize=(10, 3), layout="constrained")
    plot.calendar(d, lang="nl", ax=ax)
    fig.canvas.draw()
    # the grey (not recorded) days have their word in a legend
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["niet ingevuld"]
    ticks = [t.get_text() for t in ax.child_axes[0].get_yticklabels()]
    assert "2,5" in ticks
    assert not any("." in t for t in ticks)


def test_associations_of_one_person_fill_exactly_the_reported_links():
    d = simulate_cohort(1, 150, seed=4)
    found = patient_findings(d).table
    ax = plot.associations(found, lang="nl")
    rows = found[found["kind"] == "association"]
    marks = next(c for c in ax.collections if isinstance(c, PathCollection))
    white = mpl.colors.to_rgba("white")
    filled = [not np.allclose(f, white) for f in marks.get_facecolors()]
    assert filled == rows["verdict"].isin(["lower", "higher"]).tolist()
    assert any(filled)
    assert not all(filled)
    np.testing.assert_allclose(marks.get_offsets()[:, 0], rows["effect"])
    assert "95%-bereik van elk verband apart" in " ".join(ax.get_xlabel().split())
