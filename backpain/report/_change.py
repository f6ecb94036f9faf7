"""The report's section "Has your pain changed?": its data, its words and its figure.

Self-contained: :func:`change_data` runs :func:`backpain.pain_change` once
(the first and the last four weeks of the diary) and draws
:func:`backpain.plot.pain_change`; :func:`change_blocks` words the result in
the report's language for ``templates/_change.html.j2``. Every sentence
words a column the analysis decided (``grade``, ``direction``, ``mic``);
nothing here decides.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..plot import CHANGE_BAND_KEYS
from ..text import say
from ._words import day_text

# catalogue keys by the codes of backpain.pain_change, written out for a literal search
_GRADE_KEYS = {
    "lower": "change.grade.lower",
    "higher": "change.grade.higher",
    "none": "change.grade.none",
    "unclear": "change.grade.unclear",
}
_MIC_KEYS = {
    "improved": "change.mic.improved",
    "worse": "change.mic.worse",
    "not_important": "change.mic.not_important",
    "unclear": "change.mic.unclear",
}

__all__ = ["ChangeSection", "change_blocks", "change_data"]


@dataclass(frozen=True)
class ChangeSection:
    """The section's data: the :class:`~backpain.change.PainChange` and its figure (base64 PNG)."""

    result: Any = field(repr=False)
    png: str = field(repr=False)


def _png(fig: Any) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=80, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def change_data(diary: pd.DataFrame, *, lang: str) -> ChangeSection | None:
    """The section's data for one person's diary (None without a pain score)."""
    if not diary["pain"].notna().any():
        return None
    import matplotlib.pyplot as plt

    from .. import plot
    from ..change import pain_change

    result = pain_change(diary)
    fig, ax = plt.subplots(figsize=(10, 3.6), layout="constrained")
    plot.pain_change(result, lang=lang, ax=ax)
    return ChangeSection(result, _png(fig))


def _day(value: Any, lang: str) -> str:
    return day_text(value, lang)


def _paragraphs(result: Any, lang: str) -> list[str]:
    p = result.periods.set_index("period")
    s = result.summary
    dates = {
        "b0": _day(p.loc["before", "start"], lang),
        "b1": _day(p.loc["before", "end"], lang),
        "a0": _day(p.loc["after", "start"], lang),
        "a1": _day(p.loc["after", "end"], lang),
        "n_b": int(p.loc["before", "n_days"]),
        "n_a": int(p.loc["after", "n_days"]),
    }
    if result.at is not None:
        out = [say("change.periods_at", lang, at=_day(result.at, lang), **dates)]
    else:
        out = [say("change.periods", lang, **dates)]
    grade = str(s["grade"])
    if grade == "too_few_days":
        need = p["needed"]
        out.append(
            say(
                "change.too_few",
                lang,
                n_b=dates["n_b"],
                n_a=dates["n_a"],
                min_days=result.min_days,
                need_b=int(need["before"]),
                need_a=int(need["after"]),
            )
        )
        return out
    base, change = float(s["baseline"]), float(s["change"])
    levels = say(
        "change.levels",
        lang,
        before=base,
        after=base + change,
        change=change,
        lo=float(s["ci_low"]),
        hi=float(s["ci_high"]),
    )
    if np.isfinite(float(s["percent"])):
        pct = say(
            "change.percent",
            lang,
            pct=float(s["percent"]),
            pl=float(s["pct_low"]),
            ph=float(s["pct_high"]),
        )
    else:
        pct = say("change.no_percent", lang)
    out.append(f"{levels} {pct}")
    if grade in ("none", "unclear"):
        words = say(_GRADE_KEYS[grade], lang)
    elif grade == "no_percent":
        words = ""
    else:
        band = say(CHANGE_BAND_KEYS[grade], lang)
        words = say(_GRADE_KEYS[str(s["direction"])], lang, band=band)
    mic = say(_MIC_KEYS[str(s["mic"])], lang)
    out.append(f"{words} {mic}".strip())
    return out


def change_blocks(data: Any, lang: str) -> list[dict[str, Any]]:
    """The section's one block (kind ``"change"``, drawn by ``templates/_change.html.j2``)."""
    section = getattr(data, "change", None)
    if section is None:
        return [{"kind": "p", "text": say("change.no_pain", lang), "cls": "missing"}]
    return [
        {
            "kind": "change",
            "paragraphs": _paragraphs(section.result, lang),
            "png": section.png,
            "alt": say("change.alt", lang),
            "caveat": say("change.caveat", lang),
        }
    ]
