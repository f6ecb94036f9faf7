"""What a file format is to the readers: a detector, a reader and the options it takes.

The diary formats (:data:`backpain.read.FORMATS`) and the survey formats
(:data:`backpain.read.survey.SURVEY_FORMATS`) are each an explicit list of
:class:`Format` in detection order, and both choose a format with
:func:`detect_format`. A new format is a module that defines its ``FORMAT``
(nothing happens on import) and a line in that list, before the generic table.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..text import Message

__all__ = ["MATCH", "Detected", "Format", "detect_format", "not_mine"]


@dataclass(frozen=True)
class Detected:
    """A detector's answer about some content.

    Attributes
    ----------
    matches : bool
        True when the content is the format's.
    reason : Message or str
        Why it is not (shown in the list of formats tried when none matches);
        empty when it matches.

    A file that is the format's but cannot be read is neither: the detector
    raises :class:`~backpain.DiaryError`, naming the file, the format and what
    to do, and detection stops there.
    """

    matches: bool
    reason: Message | str = ""


MATCH = Detected(True)
"""The content is the format's."""


def not_mine(reason: Message | str) -> Detected:
    """The content is not the format's, for ``reason``."""
    return Detected(False, reason)


@dataclass(frozen=True)
class Format:
    """A file format.

    Attributes
    ----------
    name : str
        Value of ``format=``.
    detect : callable
        ``detect(content) -> Detected``; may raise a
        :class:`~backpain.DiaryError` for a file that is the format's but cannot be read.
    read : callable
        ``read(content, *, subject=None, **options) -> (table, LoadReport)``.
    selects_subject : bool, default False
        True when ``read`` applies ``subject=`` itself, with the meaning of
        :func:`backpain.read.select_subject`, before it combines rows into days
        (so that the other people's rows are counted exactly). Otherwise
        :func:`backpain.read_diary` reads the file without ``subject`` and applies
        :func:`~backpain.read.select_subject` to the diary.
    options : frozenset of str
        The options ``read`` takes: its keyword-only parameters other than
        ``subject``, read once from its signature when the format is made.
    """

    name: str
    detect: Callable[[Any], Detected]
    read: Callable[..., Any]
    selects_subject: bool = False
    options: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        params = inspect.signature(self.read).parameters.values()
        taken = {p.name for p in params if p.kind is p.KEYWORD_ONLY} - {"subject"}
        object.__setattr__(self, "options", frozenset(taken))


def detect_format(formats: Iterable[Format], content: Any) -> tuple[Format | None, Message | None]:
    """The first of ``formats`` whose detector takes ``content``.

    Returns ``(format, None)``, or ``(None, tried)`` when none does: ``tried``
    lists each format with why it is not ("name: reason; name: reason").
    A detector's :class:`~backpain.DiaryError` propagates.
    """
    found: list[tuple[str, Message | str]] = []
    for fmt in formats:
        detected = fmt.detect(content)
        if detected.matches:
            return fmt, None
        found.append((fmt.name, detected.reason))
    # the list of reasons is worded only when no format matched
    reasons = [Message("read.list.named", name=name, text=why) for name, why in found]
    tried = reasons[-1]
    for reason in reversed(reasons[:-1]):
        tried = Message("read.list.semicolon", first=reason, rest=tried)
    return None, tried
