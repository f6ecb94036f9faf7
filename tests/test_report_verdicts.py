"""One verdict, shown the same everywhere: figure marks, table rows and sentences.

The report of a simulated patient (with and without slow trends) is built
once; its figures are caught as matplotlib figures before they become PNG,
and each mark (filled or open, green, vermillion or grey), each table row and
each sentence is checked, row by row, against the ``verdict`` column of the
patient's findings (:data:`backpain.stats.VERDICTS`).
"""

from __future__ import annotations

import html
import re

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection

from backpain import plot, stats
from backpain.explain import verdict_words
from backpain.report import _build, build_report
from backpain.simulate import simulate_cohort
from backpain.text import say

CLEAR = ("lower", "higher")


def _with_trend(diary: pd.DataFrame) -> pd.DataFrame:
    """Pain and two predictors drift together over the months (no day-to-day link added)."""
    ramp = np.linspace(0.0, 1.0, len(diary))
    return diary.assign(
        pain=(diary["pain"] + 3 * ramp).clip(0, 10).round(),
        stress=(diary["stress"] + 3 * ramp).clip(0, 10),
        steps=diary["steps"] + 3000 * ramp,
    )


CASES = {
    "stationary": lambda: simulate_cohort(1, 150, seed=4),
    "trend": lambda: _with_trend(simulate_cohort(1, 150, seed=4)),
}


@pytest.fixture(scope="module", params=[(c, lang) for c in CASES for lang in ("en", "nl")])
def built(request):
    case, lang = request.param
    figures = []
    real = _build._png

    def keep(fig, **kwargs):
        figures.append(fig)
        return real(fig, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_build, "_png", keep)
        data = build_report(CASES[case](), lang=lang)
    return data, figures, data.to_html(standalone=False)


def _axes(figures, title):
    return next(a for f in figures for a in f.axes if a.get_title(loc="left") == title)


def test_the_findings_hold_every_kind_of_verdict_the_figures_need(built):
    data, _, _ = built
    verdict = data.findings["verdict"]
    assert isinstance(verdict.dtype, pd.CategoricalDtype)
    assert list(verdict.cat.categories) == list(stats.VERDICTS)
    # a patient with true links: the checks below see both clear and unclear rows
    assert verdict.isin(CLEAR).any()
    assert (verdict == "unclear").any()


def test_lag_panel_fills_exactly_the_links_the_analysis_reported(built):
    data, figures, _ = built
    ax = _axes(figures, say("plot.lags_title_plain", data.lang, y="pain"))
    f = data.findings
    rows = f[(f["kind"] == "association") & f["predictor"].isin(["stress", "sleep_quality"])]
    marks = [c for c in ax.collections if isinstance(c, PathCollection)]
    seen = 0
    for mark in marks:
        faces = mark.get_facecolors()
        edges = mark.get_edgecolors()
        for (x, y), face in zip(mark.get_offsets(), faces, strict=True):
            row = rows[(rows["lag"] == round(x)) & np.isclose(rows["effect"], y)]
            assert len(row) == 1
            filled = not np.allclose(face, mpl.colors.to_rgba("white"))
            assert filled == (row["verdict"].iloc[0] in CLEAR)
            assert np.allclose(face, edges[0]) == filled
            seen += 1
    assert seen == int(rows["effect"].notna().sum())
    # the bars are not the family-wise intervals: the panel says so in words
    assert say("plot.interval_note", data.lang) in " ".join(ax.get_xlabel().split())


def test_tag_panel_colours_each_tag_by_its_verdict(built):
    data, figures, _ = built
    f = data.findings
    tags = f[f["kind"] == "tag"].set_index("predictor")
    colours = {
        "lower": mpl.colors.to_rgba(plot.OKABE_ITO["green"]),
        "higher": mpl.colors.to_rgba(plot.OKABE_ITO["vermillion"]),
        "unclear": mpl.colors.to_rgba("#999999"),
    }
    for fig_ax in (
        _axes(figures, say("plot.helps_title", data.lang)),  # the overview's panel
        next(a for a in figures[-1].axes),  # the tag figure of its own
    ):
        names = {
            i: re.sub(r" \(.*\)$", "", t.get_text()) for i, t in enumerate(fig_ax.get_yticklabels())
        }
        words = {plot.tag_label(n, lang=data.lang): n for n in tags.index}
        points = next(c for c in fig_ax.collections if isinstance(c, PathCollection))
        drawn = []
        for (x, y), face in zip(points.get_offsets(), points.get_facecolors(), strict=True):
            tag = words[names[round(y)]]
            drawn.append(tag)
            assert np.isclose(x, tags.loc[tag, "effect"])
            assert tuple(face) == colours[tags.loc[tag, "verdict"]], tag
        # every tested tag is drawn, and no other
        assert sorted(drawn) == sorted(tags.index[tags["verdict"].isin(colours)])


def test_scatter_words_are_the_same_day_stress_verdict(built):
    data, figures, _ = built
    f = data.findings
    stress = f[(f["predictor"] == "stress") & (f["lag"] == 0)].iloc[0]
    ax = next(a for a in figures[0].axes if a.get_xlabel().startswith(("Stress", "Stress (")))
    corner = " ".join(ax.texts[0].get_text().split())
    key = {"higher": "plot.link_up", "lower": "plot.link_down", "unclear": "plot.link_none"}
    expected = say(
        key[str(stress["verdict"])], data.lang, x="stress", y="pain", n_obs=stress["n_days"]
    )
    assert corner == " ".join(expected.split())


def test_table_rows_and_sentences_carry_the_same_verdict(built):
    data, _, page = built
    lang = data.lang
    sections = {s["id"]: s["blocks"] for s in data.sections()}
    f = data.findings
    links = f[f["kind"] == "association"].reset_index(drop=True)
    table = next(b for b in sections["associations"] if b["kind"] == "table")
    assert len(table["rows"]) == len(links)
    higher = {"en": "points higher", "nl": "punten hoger"}[lang]
    for row, (words, number, _days) in zip(links.itertuples(), table["rows"], strict=True):
        told = "points" in str(words) or "punten" in str(words)
        assert told == (row.verdict in CLEAR), words
        if row.verdict in CLEAR:
            up = higher in str(words)
            assert up == (row.verdict == "higher"), words
        assert (number == "") == (row.verdict not in ("lower", "higher", "unclear"))
        assert html.escape(str(words), quote=False) in page
    tags = f[f["kind"] == "tag"].reset_index(drop=True)
    table = next(b for b in sections["helps"] if b["kind"] == "table")
    for row, cells in zip(tags.itertuples(), table["rows"], strict=True):
        assert cells[-1] == verdict_words(row, lang)
    # the family sentence counts exactly the rows that were tested
    tested = int(f["verdict"].isin(["lower", "higher", "unclear"]).sum())
    assert say("report.family", lang, n=tested) in html.unescape(page)
