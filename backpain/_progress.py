"""Progress bars for long work (big exports, lists of files, cohorts), in the user's language.

One mechanism for the whole package, on :mod:`tqdm` (``tqdm.auto``: a text
bar in a terminal, a widget in Jupyter). A bar is shown only when someone can
see it: standard error is a terminal, or the code runs in a Jupyter kernel.
Elsewhere (scripts writing to a file, CI, the upload page's server, tests)
it is silent and costs one ``if``. ``BACKPAIN_PROGRESS=1`` or ``0`` forces it
on or off; so does the session's setting, ``backpain.config(progress=True)``
(or ``False``; see :mod:`backpain._config`), for the whole process or inside
a ``with`` block. With ``backpain.config(progress=callable)`` no bar is drawn:
the callable gets each bar's label, and each :func:`step`'s message, as the
work starts (the command line prints them, the upload page shows them).

The bar's label and unit come from the text catalogue (``progress.*`` keys),
in the setting's language (``backpain.config(lang="nl")``), so a Dutch user
sees ``Apple Health-export lezen: 40%|####  | 120/300 MB``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from ._config import language, settings
from .text import say

__all__ = ["Bar", "announce", "interactive", "progress_bar", "step", "track"]

T = TypeVar("T")


def interactive() -> bool:
    """Whether a progress bar would be seen: a terminal or a Jupyter kernel.

    ``BACKPAIN_PROGRESS`` (``1``/``0``) overrides the guess.
    """
    forced = os.environ.get("BACKPAIN_PROGRESS", "").strip().lower()
    if forced in {"1", "true", "yes", "on"}:
        return True
    if forced in {"0", "false", "no", "off"}:
        return False
    if "ipykernel" in sys.modules:
        try:
            from IPython import get_ipython
        except ImportError:  # pragma: no cover - ipykernel always brings IPython
            return False
        shell = get_ipython()
        if shell is not None and type(shell).__name__ == "ZMQInteractiveShell":
            return True
    stream = sys.stderr
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


class Bar:
    """A progress bar, or nothing when not shown; a context manager.

    Use :func:`progress_bar` to make one. ``update(n)`` advances it;
    ``close()`` (or leaving the ``with`` block) ends it.
    """

    def __init__(self, inner: Any = None) -> None:
        self._inner = inner

    @property
    def shown(self) -> bool:
        """Whether a bar is drawn."""
        return self._inner is not None

    def update(self, n: float = 1) -> None:
        """Advance the bar by ``n`` units."""
        if self._inner is not None:
            self._inner.update(n)

    def close(self) -> None:
        """End the bar (it stays on screen, full or where it stopped)."""
        if self._inner is not None:
            self._inner.close()
            self._inner = None

    def __enter__(self) -> Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def progress_bar(
    key: str,
    *,
    total: float | None,
    lang: str | None = None,
    unit: str = "progress.unit.item",
    scale: float = 1.0,
    show: bool | None = None,
    **params: Any,
) -> Bar:
    """A progress bar labelled by a catalogue text.

    Parameters
    ----------
    key : str
        Catalogue key of the label (``progress.*``), rendered with ``params``.
    total : float or None
        Units of work in all (``None``: unknown, a counter without a bar).
    lang : {"en", "nl"}, optional
        Language of the label and the unit; default: the setting
        (``backpain.config(lang=...)``).
    unit : str
        Catalogue key of the unit's name (``progress.unit.*``).
    scale : float
        Divide counts by this for display (``1e6`` shows bytes as MB).
    show : bool, optional
        Force the bar on or off for this bar (a reader's own ``progress=``);
        default: the setting (``backpain.config(progress=...)``), whose
        default is :func:`interactive`.
    **params
        Fields of the label.

    Returns
    -------
    Bar
        Call ``update(n)`` as work is done; use it as a context manager.
        With a callable as the setting, the callable gets the label and the
        bar draws nothing.
    """
    lang = language(lang)
    setting = settings().progress if show is None else show
    if callable(setting):
        setting(say(key, lang, **params))
        return Bar()
    if not (interactive() if setting is None else setting):
        return Bar()
    from tqdm.auto import tqdm

    inner = tqdm(
        total=None if total is None else total / scale,
        desc=say(key, lang, **params),
        unit=" " + say(unit, lang),
        unit_scale=False,
        leave=True,
        dynamic_ncols=True,
        file=sys.stderr,
    )
    return Bar(_Scaled(inner, scale) if scale != 1.0 else inner)


class _Scaled:
    """Pass updates to a tqdm bar in display units."""

    def __init__(self, inner: Any, scale: float) -> None:
        self._inner = inner
        self._scale = scale

    def update(self, n: float) -> None:
        self._inner.update(n / self._scale)

    def close(self) -> None:
        self._inner.close()


def track(
    items: Iterable[T],
    key: str,
    *,
    lang: str | None = None,
    total: int | None = None,
    unit: str = "progress.unit.file",
    show: bool | None = None,
    **params: Any,
) -> Iterator[T]:
    """Iterate over ``items`` with a progress bar (see :func:`progress_bar`).

    Examples
    --------
    >>> [x for x in track([1, 2, 3], "progress.files", show=False)]
    [1, 2, 3]
    """
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    with progress_bar(key, total=total, lang=lang, unit=unit, show=show, **params) as bar:
        for item in items:
            yield item
            bar.update(1)


def announce(message: str) -> None:
    """Pass ``message`` (a step starting, in words) to the progress setting when it is a callable.

    Otherwise nothing happens (a step is too short for a bar).
    """
    setting = settings().progress
    if callable(setting):
        setting(message)


def step(key: str, *, lang: str | None = None, **params: Any) -> None:
    """Say that a step of long work starts, when the progress setting is a callable.

    The callable (``backpain.config(progress=callable)``) is called with the
    catalogue text ``key`` in ``lang`` (default: the setting's language);
    otherwise nothing happens (a step is too short for a bar).

    Examples
    --------
    >>> from backpain import config
    >>> with config(progress=print, lang="nl"):
    ...     step("report.progress.classifying")
    de pijnperiode wordt bepaald
    """
    if callable(settings().progress):
        announce(say(key, language(lang), **params))
