"""The one text layer: every user-facing sentence, in English and Dutch.

Every message a person reads (reader reasons and errors, load-report notes,
the report, the upload page, the command line, figure labels, progress text)
is a keyed template in the catalogue (``backpain/_catalogue/``), rendered in
``"en"`` or ``"nl"`` by :func:`say`. Code that decides *what* to say builds a
:class:`Message` (a key and its parameters); code that *shows* it renders it
in the reader's language. Rewording a sentence means editing one catalogue
entry, in both languages; a test checks every key has both.

Templates use :meth:`str.format` fields with three additions:

- numbers with a format spec (``{r:.2f}``) are written with a decimal comma
  in Dutch;
- ``{name!v}`` writes a diary variable's name in the language (``pain`` ->
  ``pijn``), ``{name!V}`` the same with a capital;
- a parameter that is itself a :class:`Message` (or a list of them) is
  rendered in the same language and for the same audience.

Advice that differs by where the user is (a Python argument, a command-line
option, or what to do on the page) is written once, as the field
``{option.NAME}`` (or ``{option.NAME:VALUE}``): :func:`say` fills it in with the
phrase for its ``audience`` from the one mapping of option names
(``backpain/_catalogue/options.py``), formatted with the sentence's own fields.
"""

from __future__ import annotations

import math
import string
from collections.abc import Iterable, Mapping
from typing import Any

from ._catalogue import CATALOGUE

__all__ = [
    "AUDIENCES",
    "LANGS",
    "TAG_KEYS",
    "VARIABLE_WORDS",
    "Message",
    "check_lang",
    "number",
    "p_value",
    "render",
    "render_error",
    "say",
]

LANGS = ("en", "nl")
VARIABLE_WORDS = {
    "subject": "common.var.subject",
    "date": "common.var.date",
    "pain": "common.var.pain",
    "stress": "common.var.stress",
    "sleep_hours": "common.var.sleep_hours",
    "sleep_quality": "common.var.sleep_quality",
    "steps": "common.var.steps",
    "active_minutes": "common.var.active_minutes",
    "mood": "common.var.mood",
    "watch_stress": "common.var.watch_stress",
    "tags": "common.var.tags",
    "notes": "common.var.notes",
}
"""The catalogue key of each diary variable's name in running text (``{name!v}``)."""
TAG_KEYS = {
    "physiotherapy": "plot.tag.physiotherapy",
    "heat": "plot.tag.heat",
    "exercise": "plot.tag.exercise",
    "medication": "plot.tag.medication",
    "walking": "plot.tag.walking",
    "rest": "plot.tag.rest",
    "work": "plot.tag.work",
    "massage": "plot.tag.massage",
    "yoga": "plot.tag.yoga",
    "swimming": "plot.tag.swimming",
}
"""The catalogue key of each tag of the example diaries that has a Dutch word."""
AUDIENCES = ("python", "cli", "page")
_DUTCH_MARKS = str.maketrans({",": ".", ".": ","})


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported language, else raise ``ValueError``.

    >>> check_lang("nl")
    'nl'
    """
    if lang not in LANGS:
        msg = f"lang must be one of {list(LANGS)}, not {lang!r}"
        raise ValueError(msg)
    return lang


def number(value: float, spec: str, lang: str) -> str:
    """Format a number by ``spec``, with a decimal comma in Dutch.

    >>> number(3.25, ".1f", "nl"), number(1234.5, ",.1f", "nl"), number(0.5, ".0%", "en")
    ('3,2', '1.234,5', '50%')
    """
    text = format(value, spec)
    return text.translate(_DUTCH_MARKS) if lang == "nl" else text


_P_FLOOR = 0.001
"""Smallest p-value written as a number; smaller ones are written ``< 0.001``."""


def p_value(p: float, lang: str = "en") -> str:
    """A p-value as people read it: ``< 0.001``, else two significant digits.

    The one p-value format of the notebooks and their sentences: never
    ``0.000`` (a p-value is never zero), never more digits than the test can
    carry. A missing p (NaN, None or ``pandas.NA``: no test) is an empty string.

    Parameters
    ----------
    p : float
        The p-value (0 to 1), or a missing value.
    lang : {"en", "nl"}
        Language: Dutch writes a decimal comma.

    Returns
    -------
    str

    Examples
    --------
    >>> [p_value(p) for p in (3.8e-121, 0.0443, 0.21335, 0.00123, 1.0)]
    ['< 0.001', '0.044', '0.21', '0.0012', '1.0']
    >>> p_value(0.0443, "nl"), p_value(float("nan"))
    ('0,044', '')
    """
    check_lang(lang)
    try:
        p = float(p)
    except TypeError:  # None or pandas.NA: no test
        return ""
    if math.isnan(p):
        return ""
    if p < _P_FLOOR:
        return "< " + number(_P_FLOOR, ".3f", lang)
    return number(float(p), "#.2g", lang)


class Message:
    """A sentence to show: a catalogue key and its parameters.

    A small frozen value, not a ``str``: code that shows it must say in which
    language, with :meth:`render` (or :func:`render`). ``str(message)`` gives
    the English text (for tracebacks and logs), but a ``Message`` does not
    join, search, compare or format as a string: ``"a" + message``,
    ``"x" in message`` and ``f"{message}"`` raise ``TypeError``, and a
    ``Message`` never equals a ``str``, so an unrendered sentence cannot
    reach a page in English unnoticed.

    Parameters
    ----------
    key : str
        The catalogue key (for example ``"read.reason.not_a_number"``).
    **params
        The template's fields.

    Examples
    --------
    >>> m = Message("common.var.pain")
    >>> str(m), m.render("nl")
    ('pain', 'pijn')
    >>> m == "pain", m == Message("common.var.pain")
    (False, True)
    """

    __slots__ = ("_english", "key", "params")
    key: str
    params: dict[str, Any]

    def __init__(self, key: str, /, **params: Any) -> None:
        if key not in CATALOGUE:
            msg = f"no text with key {key!r} in the catalogue"
            raise KeyError(msg)
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", params)
        # rendered once: a missing field fails here, where the message is made
        object.__setattr__(self, "_english", say(key, "en", **params))

    def __setattr__(self, name: str, value: Any) -> None:
        msg = f"a Message is frozen: cannot set {name!r}"
        raise AttributeError(msg)

    def render(self, lang: str = "en", *, audience: str = "python") -> str:
        """The message in ``lang`` (``"en"`` or ``"nl"``) for ``audience``."""
        return say(self.key, lang, audience=audience, **self.params)

    def __str__(self) -> str:
        return self._english

    def __format__(self, spec: str) -> str:
        msg = (
            f"a Message ({self.key!r}) is not text: render it in the reader's language "
            "with .render(lang), or use str() for English on purpose"
        )
        raise TypeError(msg)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return self.key == other.key and self.params == other.params

    def __hash__(self) -> int:
        return hash(self.key)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.key, self.params))

    def __repr__(self) -> str:
        return f"Message({self.key!r}: {str(self)!r})"


def _rebuild(key: str, params: dict[str, Any]) -> Message:
    return Message(key, **params)


def render(value: Any, lang: str, *, audience: str = "python") -> str:
    """Render ``value`` in ``lang``: a :class:`Message`, a list of them, or plain text.

    Plain text (file names, values from a file) is returned as it is.

    >>> render([Message("common.var.pain"), "x"], "nl")
    'pijn, x'
    """
    if isinstance(value, Message):
        return value.render(lang, audience=audience)
    if isinstance(value, str):
        return value
    if isinstance(value, Iterable) and not isinstance(value, bytes | Mapping):
        return ", ".join(render(v, lang, audience=audience) for v in value)
    return str(value)


def render_error(exc: BaseException, lang: str = "en", *, audience: str = "python") -> str:
    """An exception's message in ``lang`` for ``audience``.

    backpain's errors carry a :class:`Message` (or have ``render``); any other
    exception's text is returned as it is.

    >>> render_error(ValueError(Message("common.var.pain")), "nl", audience="page")
    'pijn'
    """
    if hasattr(exc, "render"):
        return exc.render(lang, audience=audience)
    return render(exc.args[0], lang, audience=audience) if exc.args else str(exc)


class _Option:
    """An ``{option.NAME}`` field: the phrase for ``NAME`` in the audience's place."""

    def __init__(self, name: str, params: Mapping[str, Any]) -> None:
        self.name = name
        self.params = params


class _Formatter(string.Formatter):
    def __init__(self, lang: str, audience: str) -> None:
        super().__init__()
        self.lang = lang
        self.audience = audience

    def get_field(self, field_name: str, args: Any, kwargs: Any) -> Any:
        if field_name.startswith("option."):
            return _Option(field_name.removeprefix("option."), kwargs), field_name
        return super().get_field(field_name, args, kwargs)

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion in ("v", "V"):
            key = VARIABLE_WORDS.get(str(value))
            word = str(value) if key is None else _lookup(key, self.lang)
            return word[:1].upper() + word[1:] if conversion == "V" else word
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, _Option):
            key = f"option.{value.name}.{self.audience}"
            template = _lookup(key, self.lang)
            if template is None:
                msg = f"no text with key {key!r} in the catalogue"
                raise KeyError(msg)
            return self.format(template, **{**value.params, "value": format_spec})
        if isinstance(value, Message | list | tuple):
            return format(render(value, self.lang, audience=self.audience), format_spec)
        if format_spec and isinstance(value, int | float) and not isinstance(value, bool):
            return number(value, format_spec, self.lang)
        return super().format_field(value, format_spec)


def _lookup(key: str, lang: str) -> str | None:
    entry = CATALOGUE.get(key)
    if entry is None:
        return None
    return entry[0] if lang == "en" else entry[1]


def say(key: str, lang: str = "en", /, *, audience: str = "python", **params: Any) -> str:
    """Render the catalogue text ``key`` in ``lang`` with ``params``.

    Parameters
    ----------
    key : str
        Catalogue key.
    lang : {"en", "nl"}
        Language.
    audience : {"python", "cli", "page"}
        Where the reader is; fills ``{option.NAME}`` fields with that place's phrase.
    **params
        The template's fields.

    Returns
    -------
    str

    Examples
    --------
    >>> say("common.var.sleep_hours", "nl")
    'uren slaap'
    >>> [say("read.reason.pain_above_100", "en", audience=a) for a in ("python", "cli")]
    ['pain must be at most 100 on the 0-100 scale (pain_scale=100)', 'pain must be at most 100 on the 0-100 scale (--pain-scale 100)']
    """
    check_lang(lang)
    if audience not in AUDIENCES:
        msg = f"audience must be one of {list(AUDIENCES)}, not {audience!r}"
        raise ValueError(msg)
    template = _lookup(key, lang)
    if template is None:
        msg = f"no text with key {key!r} in the catalogue"
        raise KeyError(msg)
    return _Formatter(lang, audience).format(template, **params)
