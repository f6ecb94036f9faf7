"""The catalogue of every user-facing text: key -> (English, Dutch).

One module per area, each with a ``TEXTS`` dict; they are joined here and a
key may appear in one area only. A reader's own sentences live beside that
reader, in a dict it registers with :func:`register_texts` when it is imported. Flemish usage is followed where it differs
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
    options,
    plot,
    privacy,
    progress,
    read,
    report,
)

__all__ = ["CATALOGUE", "OWN_TEXTS", "register_texts"]


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
    options.TEXTS,
)

OWN_TEXTS: dict[str, dict[str, tuple[str, str]]] = {}
"""The texts each module registered as its own (module name -> texts)."""


def register_texts(module: str, texts: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Add ``module``'s own texts to the catalogue and return them.

    A key may be defined once in the whole catalogue; registering the same
    module again (a reload) replaces its texts.
    """
    old = OWN_TEXTS.pop(module, {})
    for key in old:
        CATALOGUE.pop(key, None)
    CATALOGUE.update(_join(CATALOGUE, texts))
    OWN_TEXTS[module] = texts
    return texts
