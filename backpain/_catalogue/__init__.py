"""The catalogue of every user-facing text: key -> (English, Dutch).

One module per area, each with a ``TEXTS`` dict; they are joined here and a
key may appear in one area only. Flemish usage is followed where it differs
from the Netherlands' in a way patients notice (kinesist, huisarts).
Render with :func:`backpain.text.say`; never import the dicts elsewhere.
"""

from __future__ import annotations

from . import (
    analyse,
    app,
    change,
    cli,
    common,
    dask,
    esm,
    formats,
    notebook,
    plot,
    privacy,
    progress,
    read,
    report,
)

__all__ = ["CATALOGUE"]


def _join(*areas: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for area in areas:
        twice = out.keys() & area.keys()
        if twice:
            msg = f"catalogue keys defined twice: {sorted(twice)}"
            raise RuntimeError(msg)
        out.update(area)
    return out


CATALOGUE = _join(
    common.TEXTS,
    read.TEXTS,
    formats.TEXTS,
    report.TEXTS,
    plot.TEXTS,
    app.TEXTS,
    cli.TEXTS,
    analyse.TEXTS,
    progress.TEXTS,
    notebook.TEXTS,
    privacy.TEXTS,
    dask.TEXTS,
    change.TEXTS,
    esm.TEXTS,
)
