"""``subject=`` for every reader: keep one person of a file that names its people, or name the one."""

from __future__ import annotations

import pandas as pd

from ..errors import DiaryError
from ..text import Message
from ._report import LoadReport

__all__ = ["SHOWN_SUBJECTS", "other_people", "select_subject", "subject_error"]


SHOWN_SUBJECTS = 5
"""How many of a file's people an error about ``subject=`` names."""


def select_subject(
    diary: pd.DataFrame, report: LoadReport, subject: str | None
) -> tuple[pd.DataFrame, LoadReport]:
    """Apply ``subject=`` to a diary just read: keep one person, or name the one.

    Parameters
    ----------
    diary : pandas.DataFrame
        The canonical diary a reader returned (read without ``subject``).
    report : LoadReport
        Its report; ``report.columns["subject"]`` tells where the subject ids
        came from: a column of the file (a header name), or not (a
        :class:`~backpain.text.Message` such as "file name").
    subject : str or None
        ``None`` changes nothing.

    Returns
    -------
    diary, report
        - A file whose ids come from a column (a table's ``subject`` column,
          Flaredown's ``user_id``) may hold several people: only the rows of
          ``subject`` are kept, even when the file holds one person. The
          file is read once and whole; when it had one row per person and
          day (nothing combined, no duplicates) the other people's rows are
          counted as ignored, so the counts add up for the rows kept;
          otherwise which person a combined row belonged to is not known
          after reading, the counts stay those of the whole file and
          ``report.notes`` says so.
        - A file without such a column holds one person: ``subject`` is its
          name (it never renames a person a file names itself).

    Raises
    ------
    DiaryError
        When the file names its people and ``subject`` is not one of them:
        the message names the first few present and how to choose one.
    """
    if subject is None:
        return diary, report
    subject = str(subject)
    origin = report.columns.get("subject")
    if origin is None or isinstance(origin, Message):
        diary = diary.assign(subject=pd.Series(subject, index=diary.index, dtype="string"))
        report.columns["subject"] = Message("read.origin.given")
        return diary, report
    ids = diary["subject"].astype("string")
    present = ids.dropna().drop_duplicates().sort_values().tolist()
    if not present:  # no usable row at all: the caller says why
        return diary, report
    if subject not in present:
        raise subject_error(report.source, subject, str(origin), present)
    keep = (ids == subject).fillna(False).to_numpy()
    others = int((~keep).sum())
    if report.rows_merged == 0 and report.rows_duplicate == 0:
        # one input row per day: the other people's days are their rows
        report.rows_kept -= others
        report.ignore(others, other_people(subject, len(present) - 1))
    else:
        report.notes.append(
            Message(
                "formats.subject.kept",
                subject=subject,
                days=int(keep.sum()),
                total=len(diary),
                n=len(present),
            )
        )
    return diary[keep].reset_index(drop=True), report


def other_people(subject: str, n: int) -> Message:
    """The ignored-rows category of the people ``subject=`` left out."""
    return Message("formats.subject.other_rows", subject=subject, n=n)


def subject_error(source: str, subject: str, column: str, present: list[str]) -> DiaryError:
    """The error for a ``subject`` that a file naming its people does not name."""
    shown = ", ".join(repr(p) for p in present[:SHOWN_SUBJECTS])
    if len(present) > SHOWN_SUBJECTS:
        shown += ", ..."
    msg = Message(
        "formats.subject.unknown",
        source=source,
        subject=subject,
        column=column,
        n=len(present),
        shown=shown or "-",
        example=present[0] if present else "ID",
    )
    return DiaryError(msg)
