"""Settings for a session: the language of what people read, and progress bars.

``backpain.config(lang="nl", progress=True)`` sets the defaults for the whole
process (as seaborn's ``set_theme`` does); used as a context manager it sets
them inside the ``with`` block only, and only for the thread or asyncio task
that runs the block (as pandas' ``option_context``; a :class:`~contextvars.ContextVar`
holds them, so two uploads served at once each keep their own):

>>> import backpain
>>> with backpain.config(lang="nl"):
...     backpain.config().lang
'nl'
>>> backpain.config().lang
'en'

The computations (``stats``, ``multilevel``, ``classify``, ``esm``,
``change``, ``cohort``, ``dask``, ...) take neither ``lang=`` nor ``progress=``:
their progress bars read :func:`settings`. The language is used only where
text is made for a person (``explain``, ``plot`` labels, the report, the
command line and the upload page); those functions take ``lang=None``, which
means the setting, and a language given to one call overrides it for that
call (:func:`language`).
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar, Token
from dataclasses import dataclass, replace
from typing import Any

from .text import check_lang

__all__ = ["Progress", "Settings", "config", "language", "settings"]

Progress = bool | None | Callable[[str], None]
"""What ``progress`` may be: ``None`` (bars only when someone can see them),
``True`` / ``False`` (bars always / never), or a callable that is called with
a short message in the setting's language as each step starts (the command
line prints it; the upload page shows it)."""


@dataclass(frozen=True)
class Settings:
    """The settings in effect (see :func:`config`).

    Attributes
    ----------
    lang : {"en", "nl"}
        Language of every text made for a person: figure labels,
        explanations, the report, progress labels, load-report summaries.
    progress : None, bool or callable
        ``None``: progress bars only when someone can see them (a terminal or
        Jupyter; ``BACKPAIN_PROGRESS=1``/``0`` forces them on or off).
        ``True``/``False``: always/never. A callable: called with a short
        message in ``lang`` at the start of each step and each long loop,
        instead of drawing a bar.
    """

    lang: str = "en"
    progress: Progress = None


_DEFAULTS = Settings()
"""The process-wide defaults (set by a plain call of :func:`config`)."""

_LOCAL: ContextVar[Settings | None] = ContextVar("backpain_settings", default=None)
"""The settings of the ``with config(...)`` block being run, if any."""


def settings() -> Settings:
    """The settings in effect here: the innermost ``with config(...)``, else the defaults."""
    local = _LOCAL.get()
    return _DEFAULTS if local is None else local


def language(lang: str | None = None) -> str:
    """The language to write in: ``lang`` when given (checked), else the setting.

    The one rule of every function that makes text for a person: its
    ``lang=None`` means :func:`settings`' language; a language given
    overrides it for that call.

    >>> language(), language("nl")
    ('en', 'nl')
    """
    return check_lang(settings().lang if lang is None else lang)


_UNSET: Any = object()


def _check_progress(progress: Any) -> Progress:
    if progress is None or isinstance(progress, bool) or callable(progress):
        return progress
    msg = (
        f"progress must be True, False, None (bars only when someone can see them) or a "
        f"function that takes a message, not {progress!r}"
    )
    raise TypeError(msg)


class config:  # lower case: it is called as a function, backpain.config(lang="nl")
    """Set the language and the progress bars, for the session or for a ``with`` block.

    Parameters
    ----------
    lang : {"en", "nl"}, optional
        Language of every text made for a person (figures, explanations,
        the report, progress labels). Default (never set): ``"en"``.
    progress : None, bool or callable, optional
        ``True``/``False``: progress bars always/never; ``None``: only when
        someone can see them (the default); a callable: called with a short
        message in ``lang`` as each step of long work starts, instead of a bar.

    Returns
    -------
    config
        Use it in a ``with`` statement to set the values only inside the
        block (and only for this thread or task); as a plain call the values
        become the defaults of the whole process (inside a ``with`` block the
        block's values still win until it ends). ``config().lang`` and
        ``config().progress`` read the settings in effect.

    Notes
    -----
    Modelled on seaborn's ``set_theme`` (a plain call) and pandas'
    ``option_context`` (a block). Settings left out keep their current value.

    Examples
    --------
    >>> import backpain
    >>> with backpain.config(lang="nl", progress=False):
    ...     s = backpain.config()
    >>> s.lang, s.progress
    ('nl', False)
    >>> backpain.config().lang
    'en'
    """

    def __init__(self, *, lang: str | None = None, progress: Any = _UNSET) -> None:
        changes: dict[str, Any] = {}
        if lang is not None:
            changes["lang"] = check_lang(lang)
        if progress is not _UNSET:
            changes["progress"] = _check_progress(progress)
        global _DEFAULTS
        self._before = _DEFAULTS
        self._changes = changes
        self._token: Token[Settings | None] | None = None
        if changes:  # a plain call sets the defaults; __enter__ moves the change into the block
            _DEFAULTS = replace(_DEFAULTS, **changes)
        self._after = _DEFAULTS
        self._seen = settings()

    @property
    def lang(self) -> str:
        """The language in effect when this call was made."""
        return self._seen.lang

    @property
    def progress(self) -> Progress:
        """The progress setting in effect when this call was made."""
        return self._seen.progress

    def __enter__(self) -> Settings:
        global _DEFAULTS
        if _DEFAULTS is self._after:  # no other call changed the defaults since
            _DEFAULTS = self._before
        inside = replace(settings(), **self._changes)
        self._token = _LOCAL.set(inside)
        return inside

    def __exit__(self, *exc: object) -> None:
        if self._token is not None:
            _LOCAL.reset(self._token)
            self._token = None

    def __repr__(self) -> str:
        return f"backpain.config(lang={self.lang!r}, progress={self.progress!r})"
