"""Exception types raised for bad input files and bad input data.

Each carries its text as a :class:`~backpain.text.Message`: ``str(err)`` is
the English text, :meth:`render` gives it in another language and for
another audience (Python, command line, page).
"""

from __future__ import annotations

from .text import render

__all__ = ["DiaryError", "OptionNotTaken", "SeveralSubjects", "SurveyError"]


class _TextError(ValueError):
    """A ``ValueError`` whose text is a Message (a plain ``str`` is accepted too)."""

    def __init__(self, message: str, /) -> None:
        super().__init__(message)
        self.message = message

    def render(self, lang: str = "en", *, audience: str = "python") -> str:
        """The error's text in ``lang`` (``"en"`` or ``"nl"``) for ``audience``.

        Examples
        --------
        >>> from backpain.text import Message
        >>> err = DiaryError(Message("read.error.empty", source="a.csv"))
        >>> str(err)
        'a.csv: the file is empty. Export the diary again.'
        >>> err.render("nl")
        'a.csv: het bestand is leeg. Exporteer het dagboek opnieuw.'
        """
        return render(self.message, lang, audience=audience)

    def __reduce__(self) -> tuple:
        return (type(self), (self.message,))


class DiaryError(_TextError):
    """A diary file or table cannot be read at all.

    The message names the file (or ``<DataFrame>``), what is wrong and what to
    do about it. Problems with single rows never raise: those rows are rejected
    and listed in the :class:`~backpain.LoadReport` instead.
    """


class SurveyError(_TextError):
    """A survey export cannot be read, or a questionnaire answer is invalid.

    The message names the file or respondent, the item and the value.
    """


class SeveralSubjects(_TextError):
    """A diary holds several people where one person's is needed (a report).

    Carries the people found in :attr:`subjects`, so a caller can choose one
    without reading the message.

    Examples
    --------
    >>> from backpain.text import Message
    >>> err = SeveralSubjects(Message("report.several_subjects", n=2, subjects="a, b"),
    ...                       subjects=["a", "b"])
    >>> err.subjects
    ['a', 'b']
    """

    def __init__(self, message: str, /, *, subjects: list[str]) -> None:
        super().__init__(message)
        self.subjects = list(subjects)

    def __reduce__(self) -> tuple:
        return (_several, (self.message, self.subjects))


def _several(message: str, subjects: list[str]) -> SeveralSubjects:
    return SeveralSubjects(message, subjects=subjects)


class OptionNotTaken(TypeError):
    """A reading option was given for a file whose format does not take it.

    A ``TypeError``, as for any keyword a function does not take, with the
    data a front end needs to say it in its own words (the command line names
    its flags): :attr:`source`, :attr:`format`, the options given that the
    format does not take (:attr:`options`) and those it takes (:attr:`taken`).
    """

    def __init__(self, source: str, format: str, options: list[str], taken: list[str]) -> None:
        self.source, self.format = source, format
        self.options, self.taken = list(options), list(taken)
        text = (
            f"{source}: option(s) {', '.join(self.options)} are not taken by the {format!r} "
            f"format, which takes: {', '.join(self.taken) or 'none'}"
        )
        super().__init__(text)

    def __reduce__(self) -> tuple:
        return (type(self), (self.source, self.format, self.options, self.taken))
