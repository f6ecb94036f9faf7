"""Tests for backpain.plot: each test inspects what was drawn.

References: the annotated r is checked against ``backpain.stats.within_corr``
and, independently, ``pingouin.rm_corr`` (Bakdash & Marusich, 2017); plotted
numbers against hand-built pandas frames; class counts against
``backpain.classify.classify`` / ``duration_class``.
"""

from __future__ import annotations

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

from backpain import plot
from backpain.classify import annotate_days, classify, duration_class
from backpain.schema import VARIABLES
from backpain.simulate import simulate_cohort
from backpain.stats import correlate, lagged_corr, mixed_model, what_helps, within_corr


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
    ax = plot.timeline(one, variables=("pain", "stress"), annotations=False, tags=())
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
    plot.timeline(one, variables=("pain",), annotations=False, lang="nl", ax=ax)
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
    ax = plot.timeline(one, variables=("pain",), annotations=notes, tags=("heat", "exercise"))
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


def test_timeline_computes_annotations_with_classify(one):
    ax = plot.timeline(one, variables=("pain",), tags=())
    notes = annotate_days(one)
    n_flare = int(notes["flare"].sum())
    flares = [c for c in ax.collections if c.get_label() == "flare"]
    if n_flare:
        assert len(flares[0].get_offsets()) == n_flare
    else:
        assert flares == []
    assert len(ax.patches) == notes["episode"].nunique()


def test_timeline_twin_axis_and_kwargs(one):
    ax = plot.timeline(
        one, variables=("pain", "sleep_hours"), annotations=False, tags=(), linewidth=4
    )
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
    with pytest.raises(ValueError, match=r"lang must be 'en'.*not 'fr'"):
        plot.timeline(one, lang="fr")
    with pytest.raises(ValueError, match=r"no column\(s\) \['mood'\]"):
        plot.timeline(one.drop(columns="mood"), variables=("pain", "mood"))
    with pytest.raises(TypeError, match=r"annotations must be the DataFrame"):
        plot.timeline(one, annotations="yes")
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
    ax = plot.scatter_within(data, "stress")
    res = within_corr(data, "stress", "pain")
    text = ax.texts[0].get_text()
    assert text == (
        f"r_rm = {res['r'].iloc[0]:.2f}\n"
        f"{res['n_subjects'].iloc[0]} people, {res['n_obs'].iloc[0]:,} days"
    )
    # the fit line's slope is the common within-person slope
    fit = next(ln for ln in ax.lines if ln.get_label() == "within-person slope")
    xs, ys = fit.get_xdata(), fit.get_ydata()
    pairs = data[["subject", "stress", "pain"]].dropna()
    xc = pairs["stress"] - pairs.groupby("subject")["stress"].transform("mean")
    yc = pairs["pain"] - pairs.groupby("subject")["pain"].transform("mean")
    slope = float((xc * yc).sum() / (xc**2).sum())
    assert (ys[1] - ys[0]) / (xs[1] - xs[0]) == pytest.approx(slope)
    assert ax.get_xlabel() == "Stress (0-10), minus own mean"


def test_scatter_within_points_lines_and_caps(diary):
    ax = plot.scatter_within(diary, "sleep_quality", lang="nl", s=3)
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
    r = within_corr(diary, "sleep_quality", "pain")["r"].iloc[0]
    assert (
        ax.texts[0].get_text().startswith(f"r_rm = {r:.2f}\n".replace(".", ","))
    )  # Dutch decimal comma
    # independent reference: pingouin.rm_corr (slow on big data, so the small diary)
    assert (
        ax.texts[0]
        .get_text()
        .startswith(f"r_rm = {_pingouin_r(diary, 'sleep_quality', 'pain'):.2f}\n".replace(".", ","))
    )

    _fig, ax2 = plt.subplots()
    plot.scatter_within(
        diary, "stress", per_subject_lines=True, max_subjects=2, max_points=50, ax=ax2
    )
    lines = [c for c in ax2.collections if isinstance(c, LineCollection)]
    assert len(lines[0].get_segments()) == 2
    points = next(c for c in ax2.collections if isinstance(c, PathCollection))
    assert len(points.get_offsets()) == 50
    # the r still uses every pair, not the 50 drawn
    assert f"{within_corr(diary, 'stress', 'pain')['r'].iloc[0]:.2f}" in ax2.texts[0].get_text()


def test_scatter_within_errors(diary):
    with pytest.raises(ValueError, match=r"no column\(s\) \['fatigue'\]"):
        plot.scatter_within(diary, "fatigue")
    tiny = diary.head(2)
    with pytest.raises(ValueError, match=r"only 2 days have both 'stress' and 'pain'"):
        plot.scatter_within(tiny, "stress")
    with pytest.raises(TypeError, match=r"data must be a pandas DataFrame, not list"):
        plot.scatter_within([1, 2], "stress")


# ---------------------------------------------------------------- lags


def test_lags_from_result_and_from_data(cohort):
    data, _ = cohort
    res = lagged_corr(data, "sleep_quality", "pain", lags=(0, 1, 2))
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
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1", "2"]

    _fig, ax2 = plt.subplots()
    plot.lags(data, ["sleep_quality", "stress"], lags=(0, 1), lang="nl", ax=ax2)
    assert len(ax2.containers) == 2
    np.testing.assert_allclose(
        ax2.containers[1].lines[0].get_ydata(),
        lagged_corr(data, "stress", "pain", lags=(0, 1))["r"],
    )
    assert ax2.get_ylabel() == "r binnen personen (95%-BI)"
    assert [t.get_text() for t in ax2.get_legend().get_texts()] == [
        "Slaapkwaliteit (0-10)",
        "Stress (0-10)",
    ]


def test_lags_errors(diary):
    with pytest.raises(ValueError, match=r"needs x= \(the predictor"):
        plot.lags(diary)
    bad = pd.DataFrame({"lag": [0], "r": [0.1]})
    with pytest.raises(ValueError, match=r"no column\(s\) \['x', 'y', 'ci95_low', 'ci95_high'\]"):
        plot.lags(bad)


# ---------------------------------------------------------------- associations


def test_associations_correlate(cohort):
    data, _ = cohort
    res = correlate(data, x=("stress", "sleep_quality"), lags=(0, 1))
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
    res = mixed_model(data.loc[data["subject"] <= "S0040"])
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
    with pytest.raises(ValueError, match=r"no rows with a predictor"):
        plot.associations(empty)


# ---------------------------------------------------------------- what_helps


def test_what_helps_sorted_and_coloured(cohort):
    data, _ = cohort
    res = what_helps(data, n_boot=200)
    ax = plot.what_helps(res)
    points = next(c for c in ax.collections if isinstance(c, PathCollection))
    order = res.sort_values("diff", ascending=False)
    np.testing.assert_allclose(points.get_offsets()[:, 0], order["diff"])
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [
        f"{t} ({n:,} days)" for t, n in zip(order["tag"], order["n_days_with"], strict=False)
    ]
    # green where the interval is below zero (lower pain), as stats' verdict says
    green = mpl.colors.to_rgba(plot.OKABE_ITO["green"])
    is_green = [tuple(c) == green for c in points.get_facecolors()]
    assert is_green == (order["verdict"] == "lower pain").tolist()
    assert ax.get_xlabel().startswith("Difference in pain the next day")
    intervals = next(c for c in ax.collections if isinstance(c, LineCollection))
    assert len(intervals.get_segments()) == len(res)


def test_what_helps_dutch_tags():
    res = pd.DataFrame(
        {
            "tag": ["heat", "physiotherapy", "massage_gun"],
            "lag": 0,
            "diff": [0.1, -0.8, np.nan],
            "ci95_low": [-0.2, -1.1, np.nan],
            "ci95_high": [0.4, -0.5, np.nan],
            "n_days_with": [1200, 30, 2],
        }
    )
    ax = plot.what_helps(res, lang="nl")
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "warmte (1.200 dagen)",
        "fysiotherapie (30 dagen)",
    ]
    assert ax.get_xlabel().startswith("Verschil in pijn dezelfde dag")
    with pytest.raises(ValueError, match=r"no tag with a difference"):
        plot.what_helps(res.iloc[[2]])
    with pytest.raises(ValueError, match=r"expected the result of backpain.stats.what_helps"):
        plot.what_helps(res.drop(columns="n_days_with"))


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
    # whole days 41 | 42 and 84 | 85 are the default class edges (COST B13, FACTS.md)
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
    plot.classes(frame, definition="nih", ax=ax2)
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
    with pytest.raises(ValueError, match=r"no known duration_days"):
        plot.classes(pd.DataFrame({"duration_days": [np.nan]}))
    with pytest.raises(ValueError, match=r"definition must be one of .*not 'who'"):
        plot.classes(pd.DataFrame({"duration_days": [1]}), definition="who")
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


def test_dashboard_figure(diary):
    fig = plot.dashboard(diary, subject="S0002", lang="nl")
    assert isinstance(fig, Figure)
    labels = [a.get_ylabel() for a in fig.axes]
    assert labels[:4] == ["Pijn (0-10)", "Score (0-10)", "Slaap (uren)", "Stappen"]
    assert "Rugpijndagboek van S0002" in fig.axes[0].get_title(loc="left")
    # the time panels share one date axis
    assert fig.axes[1].get_shared_x_axes().joined(fig.axes[0], fig.axes[3])
    assert any(isinstance(c, QuadMesh) for a in fig.axes for c in a.collections)


def test_dashboard_refuses_ax(diary):
    _fig, ax = plt.subplots()
    with pytest.raises(TypeError, match=r"does not accept ax=.*axes-level functions"):
        plot.dashboard(diary, subject="S0001", ax=ax)


def test_no_global_style_change(diary, cohort):
    before = dict(mpl.rcParams)
    plot.timeline(diary, subject="S0001", ax=plt.figure().gca())
    plot.calendar(diary, subject="S0001", ax=plt.figure().gca())
    plot.scatter_within(diary, "stress", ax=plt.figure().gca())
    plot.classes(pd.DataFrame({"duration_days": [3, 50, 400]}), ax=plt.figure().gca())
    plot.dashboard(diary, subject="S0003")
    after = dict(mpl.rcParams)
    assert {k for k in before if before[k] != after[k]} == set()


@pytest.mark.parametrize("n_days", [1, 2, 3])
def test_dashboard_of_a_very_short_diary_says_what_is_missing(n_days):
    diary = simulate_cohort(1, n_days, seed=1)
    fig = plot.dashboard(diary)
    fig.canvas.draw()  # the date formatter must cope with a one-day axis
    texts = [t.get_text() for ax in fig.axes for t in ax.texts]
    if n_days < 3:
        assert any(t.startswith("too little data: only") for t in texts)


def test_dutch_axes_write_decimal_commas_and_leave_english_alone(diary):
    fig, (nl, en) = plt.subplots(1, 2)
    plot.lags(diary, "stress", lang="nl", ax=nl)
    plot.lags(diary, "stress", lang="en", ax=en)
    fig.canvas.draw()
    nl_ticks = [t.get_text() for t in nl.get_yticklabels() if t.get_text()]
    en_ticks = [t.get_text() for t in en.get_yticklabels() if t.get_text()]
    assert any("," in t for t in nl_ticks)
    assert not any("." in t for t in nl_ticks)
    assert any("." in t for t in en_ticks)
    assert mpl.rcParams["axes.formatter.use_locale"] is False  # no global change
