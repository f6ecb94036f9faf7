"""Read experience-sampling (ESM/EMA) exports into the momentary table.

An experience-sampling study sends several prompts a day; each prompt becomes
one row of the momentary table that :data:`backpain.schema.MOMENTARY_COLUMNS`
defines (subject, prompt numbers, local times, answered, then the items).
:func:`backpain.esm.to_daily` folds it into the canonical daily diary.

Layouts read (each a fact taken from the named source, not a guess):

- **m-Path** ``basic.csv`` (KU Leuven; layout as in the example export
  ``inst/extdata/example_basic.csv`` of the public R package mpathr,
  m-path-io/mpathr): ``;``-separated; the columns ``connectionId,
  legacyCode, code, alias, initials, accountCode, scheduledBeepId,
  sentBeepId, reminderForOriginalSentBeepId, questionListName,
  questionListLabel, fromProtocolName, timeStampScheduled, timeStampSent,
  timeStampStart, timeStampStop, originalTimeStampSent, timeZoneOffset,
  deltaUTC``, then one column per question named ``<question>_<type>``;
  times in Unix seconds (``0`` = none), ``timeZoneOffset`` in seconds east of
  UTC; an unanswered prompt has empty ``timeStampStart`` and
  ``timeStampStop``; text answers are wrapped in extra quotes
  (three quote characters around ``Work``), several answers as ``1,3,4``; ``_basic`` columns are
  information screens. Rows may carry trailing empty fields.
- **Long table**: one row per prompt with the columns ``id``, ``day`` and
  ``beep`` and one column per item, the layout of the openESM shared data
  sets (openesmdata.org); ``day`` is a date or the study day's number;
  optional ``scheduled``, ``sent``, ``started``, ``completed`` times.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import DiaryError
from ..schema import MOMENTARY_COLUMNS, TAG_SEP
from ..text import Message
from ._problems import Problems
from ._report import LoadReport

__all__ = ["read_esm"]

MPATH_COLUMNS = (
    "connectionId",
    "legacyCode",
    "code",
    "alias",
    "initials",
    "accountCode",
    "scheduledBeepId",
    "sentBeepId",
    "reminderForOriginalSentBeepId",
    "questionListName",
    "questionListLabel",
    "fromProtocolName",
    "timeStampScheduled",
    "timeStampSent",
    "timeStampStart",
    "timeStampStop",
    "originalTimeStampSent",
    "timeZoneOffset",
    "deltaUTC",
)
"""m-Path's fixed columns, in the order of mpathr's example export."""

_MPATH_TIMES = {
    "scheduled": "timeStampScheduled",
    "sent": "timeStampSent",
    "started": "timeStampStart",
    "completed": "timeStampStop",
}
_LONG_KEYS = ("id", "day", "beep")
_LONG_SUBJECT = ("id", "subject", "participant")
_LONG_TIMES = ("scheduled", "sent", "started", "completed")


def read_esm(
    path: str | Path | bytes,
    *,
    format: str = "auto",
    items: Mapping[str, str] | None = None,
    subject: str = "connectionId",
    return_report: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, LoadReport]:
    """Read an experience-sampling export into the momentary table.

    Parameters
    ----------
    path : str, Path or bytes
        The export file (or its bytes).
    format : {"auto", "mpath", "long"}
        The layout; ``"auto"`` recognises it by its header.
    items : dict, optional
        Which item columns to keep and the names to give them, e.g.
        ``{"slider_pain_sliderNeutralPos": "pain"}``. Values are kept on the
        scale the app used (a 0-100 slider stays 0-100); state the scale when
        folding into the daily diary (:func:`backpain.esm.to_daily`).
        Default: every item column under its own name (m-Path's information
        screens, ``_basic``, hold no answer and are left out).
    subject : str
        m-Path column that identifies the person (``connectionId``, the
        default, or ``code``/``legacyCode``); ignored for long tables, whose
        ``id`` column names the person.
    return_report : bool, default False
        Also return the :class:`~backpain.LoadReport`, as :func:`backpain.read_diary` does.

    Returns
    -------
    momentary : pandas.DataFrame
        One row per prompt sent, columns :data:`backpain.schema.MOMENTARY_COLUMNS`
        then the items, sorted by subject and prompt.
    report : LoadReport
        With ``return_report=True``: what was done with every input row:
        ``rows_read == rows_kept + rows_ignored + rows_rejected``.

    Raises
    ------
    DiaryError
        When the file is neither layout, is empty, or ``items`` names a column
        the file does not have.

    Examples
    --------
    >>> data = (b"id,day,beep,pain,stress\\n1,1,1,4,2\\n1,1,2,5,\\n1,2,1,,\\n")
    >>> momentary, report = read_esm(
    ...     data, items={"pain": "pain", "stress": "stress"}, return_report=True
    ... )
    >>> momentary[["subject", "prompt", "day_prompt", "answered", "pain"]]
      subject  prompt  day_prompt  answered  pain
    0       1       1           1      True   4.0
    1       1       2           2      True   5.0
    2       1       3           1     False   NaN
    >>> report.rows_read, report.rows_kept, report.balanced
    (3, 3, True)
    """
    if format not in ("auto", "mpath", "long"):
        msg = f"read_esm: format must be 'auto', 'mpath' or 'long', not {format!r}"
        raise ValueError(msg)
    source = "<bytes>" if isinstance(path, bytes) else str(path)
    raw = path if isinstance(path, bytes) else Path(path).read_bytes()
    text = raw.decode("utf-8-sig", errors="replace")
    first = text.split("\n", 1)[0]
    if format == "auto":
        format = "mpath" if "timeStampSent" in first and "connectionId" in first else "long"
    if format == "mpath":
        momentary, report = _read_mpath(text, source, items, subject)
    else:
        momentary, report = _read_long(text, source, items)
    return (momentary, report) if return_report else momentary


# ------------------------------------------------------------------ m-Path
def _unquote(value: str) -> str:
    """``"Work"`` -> ``Work``; ``"a","b"`` -> ``a|b`` (m-Path wraps text answers in quotes)."""
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        parts = next(csv.reader([value]))
        return TAG_SEP.join(p.strip() for p in parts)
    return value


def _rows(text: str, sep: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))


def _read_mpath(
    text: str, source: str, items: Mapping[str, str] | None, subject: str
) -> tuple[pd.DataFrame, LoadReport]:
    report = LoadReport(source=source, format="mpath")
    rows = _rows(text, ";")
    if not rows:
        raise DiaryError(Message("esm.error.empty", source=source))
    header, body = rows[0], rows[1:]
    missing = [c for c in (subject, *_MPATH_TIMES.values(), "timeZoneOffset") if c not in header]
    if missing:
        raise DiaryError(
            Message("esm.error.layout", source=source, missing=missing, columns=header[:12])
        )
    width = len(header)
    item_cols = [c for c in header if c not in MPATH_COLUMNS]
    info = [c for c in item_cols if c.endswith("_basic")]
    answers = [c for c in item_cols if c not in info]
    keep = _chosen_items(items, answers, source)
    report.rows_read = len(body)
    table: list[list[str]] = []
    numbers: list[int] = []
    rejected = Problems()
    for i, row in enumerate(body, start=2):
        if not any(cell.strip() for cell in row):
            report.ignore(1, Message("read.ignored.blank_row"))
            continue
        if len(row) > width:
            extra = [c for c in row[width:] if c.strip()]
            if extra:
                fields = f"{len(row)} fields"
                why = Message("esm.reject.fields", n=len(row), width=width)
                rejected.add([i], "(row)", [fields], why)
                continue
            row = row[:width]
        table.append(row + [""] * (width - len(row)))
        numbers.append(i)
    frame = pd.DataFrame(table, columns=header, dtype=object) if table else None
    if frame is None:
        raise DiaryError(Message("esm.error.empty", source=source))
    frame["_row"] = numbers
    times: dict[str, pd.Series] = {}
    offset = pd.to_numeric(frame["timeZoneOffset"].replace("", "0"), errors="coerce")
    bad = offset.isna()
    for name, column in _MPATH_TIMES.items():
        values = frame[column].str.strip()
        seconds = pd.to_numeric(values.replace("", "0"), errors="coerce")
        wrong = seconds.isna()
        rejected.add(frame["_row"], column, values, Message("esm.reject.time"), mask=wrong & ~bad)
        bad |= wrong
        stamp = pd.to_datetime(seconds.where(seconds > 0) + offset, unit="s")
        times[name] = stamp
    no_sent = times["sent"].isna() & ~bad
    sent = frame["timeStampSent"]
    rejected.add(frame["_row"], "timeStampSent", sent, Message("esm.reject.no_sent"), mask=no_sent)
    bad |= no_sent
    zone = frame["timeZoneOffset"]
    rejected.add(
        frame["_row"], "timeZoneOffset", zone, Message("esm.reject.number"), mask=offset.isna()
    )
    ok = ~bad.to_numpy()
    out = pd.DataFrame(
        {
            "subject": frame[subject].str.strip().str.strip('"').astype("string"),
            "questionnaire": frame["questionListName"].map(_unquote).astype("string"),
            **times,
        }
    )
    out["answered"] = out["completed"].notna()
    unwrapped = False
    for column in keep:
        values = frame[column]
        quoted = values.str.startswith('"')
        unwrapped |= bool(quoted.any())
        values = values.map(_unquote)
        out[keep[column]] = _numbers_or_text(values)
    out = out[ok]
    rejected.report(report)
    report.rows_kept = len(out)
    report.notes.append(Message("esm.note.offset"))
    if unwrapped:
        report.notes.append(Message("esm.note.quotes"))
    n_open = int((~out["answered"]).sum())
    if n_open:
        report.notes.append(Message("esm.note.unanswered", n=n_open, total=len(out)))
    if info:
        report.notes.append(Message("esm.ignored.info_screen"))
    report.notes.append(Message("esm.note.items", items=list(keep.values())))
    report.columns = {v: k for k, v in keep.items()}
    return _numbered(out, list(keep.values()), ["subject", "day", "sent"]), report


def _chosen_items(
    items: Mapping[str, str] | None, available: list[str], source: str
) -> dict[str, str]:
    if items is None:
        return {c: c for c in available}
    unknown = [c for c in items if c not in available]
    if unknown:
        raise DiaryError(
            Message("esm.error.items_unknown", source=source, unknown=unknown, columns=available)
        )
    return dict(items)


def _numbers_or_text(values: pd.Series) -> pd.Series:
    """Numbers where every filled cell is a number (``1,3,4`` is text), else text."""
    filled = values.str.strip().replace("", None)
    numbers = pd.to_numeric(filled, errors="coerce")
    if (numbers.notna() == filled.notna()).all():
        return numbers.astype("float64")
    return filled.astype("string")


def _numbered(out: pd.DataFrame, item_names: list[str], order: list[str]) -> pd.DataFrame:
    """Sort by ``order``, number the prompts in the study and in the day."""
    if "day" not in out.columns:
        out["day"] = out["sent"].dt.normalize()
    out = out.sort_values(order, kind="stable").reset_index(drop=True)
    groups = out.groupby("subject", sort=False)
    out["prompt"] = groups.cumcount().astype("int64") + 1
    if "day_prompt" not in out.columns:
        out["day_prompt"] = out.groupby(["subject", "day"], sort=False).cumcount() + 1
    out["day_prompt"] = out["day_prompt"].astype("int64")
    for name in ("scheduled", "sent", "started", "completed"):
        if name not in out.columns:
            out[name] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns]")
    if "questionnaire" not in out.columns:
        out["questionnaire"] = pd.Series(pd.NA, index=out.index, dtype="string")
    return out[[*MOMENTARY_COLUMNS, *item_names]]


# ------------------------------------------------------------------ long table
def _read_long(
    text: str, source: str, items: Mapping[str, str] | None
) -> tuple[pd.DataFrame, LoadReport]:
    report = LoadReport(source=source, format="esm_long")
    sep = max((",", ";", "\t"), key=lambda s: text.split("\n", 1)[0].count(s))
    rows = _rows(text, sep)
    if not rows:
        raise DiaryError(Message("esm.error.empty", source=source))
    header = [h.strip() for h in rows[0]]
    lower = {h.lower(): h for h in header}
    who = next((lower[k] for k in _LONG_SUBJECT if k in lower), None)
    missing = [
        k
        for k, col in (("id", who), ("day", lower.get("day")), ("beep", lower.get("beep")))
        if col is None
    ]
    if missing:
        raise DiaryError(
            Message("esm.error.layout", source=source, missing=missing, columns=header[:12])
        )
    day_col, beep_col = lower["day"], lower["beep"]
    time_cols = {k: lower[k] for k in _LONG_TIMES if k in lower}
    fixed = {who, day_col, beep_col, *time_cols.values()}
    answers = [h for h in header if h not in fixed and h.lower() != "answered"]
    keep = _chosen_items(items, answers, source)
    body = rows[1:]
    report.rows_read = len(body)
    width = len(header)
    cells = [r + [""] * (width - len(r)) if len(r) < width else r[:width] for r in body]
    frame = pd.DataFrame(cells, columns=header, dtype=object)
    frame["_row"] = np.arange(2, len(body) + 2)
    blank = frame[header].apply(lambda c: c.str.strip() == "").all(axis=1)
    report.ignore(int(blank.sum()), Message("read.ignored.blank_row"))
    frame = frame[~blank]
    if frame.empty:
        raise DiaryError(Message("esm.error.empty", source=source))
    rejected = Problems()
    beep = pd.to_numeric(frame[beep_col].str.strip(), errors="coerce")
    day_raw = frame[day_col].str.strip()
    day_num = pd.to_numeric(day_raw, errors="coerce")
    day_date = pd.to_datetime(day_raw.where(day_num.isna()), errors="coerce", format="ISO8601")
    # the column is either study-day numbers or dates, by what most of its cells are
    numbered_days = bool(day_num.notna().sum() >= day_date.notna().sum())
    day = day_num if numbered_days else day_date
    bad = pd.Series(False, index=frame.index)
    for column, values, raw_values, reason in (
        (beep_col, beep, frame[beep_col], "esm.reject.number"),
        (day_col, day, day_raw, "esm.reject.day"),
    ):
        rejected.add(frame["_row"], column, raw_values, Message(reason), mask=values.isna() & ~bad)
        bad |= values.isna()
    subject = frame[who].str.strip()
    twice = pd.DataFrame({"s": subject, "d": day, "b": beep}).duplicated() & ~bad
    rejected.add(
        frame["_row"], beep_col, frame[beep_col], Message("esm.reject.beep_twice"), mask=twice
    )
    bad |= twice
    out = pd.DataFrame({"subject": subject.astype("string"), "day": day, "day_prompt": beep})
    for name, column in time_cols.items():
        out[name] = pd.to_datetime(frame[column].str.strip().replace("", None), format="ISO8601")
    for column in keep:
        out[keep[column]] = _numbers_or_text(frame[column])
    item_names = list(keep.values())
    if "answered" in lower:
        flag = frame[lower["answered"]].str.strip().str.lower()
        out["answered"] = flag.isin(["1", "true", "yes"])
    elif "completed" in time_cols:
        out["answered"] = out["completed"].notna()
    else:
        out["answered"] = out[item_names].notna().any(axis=1) if item_names else True
    out = out[~bad.to_numpy()]
    if numbered_days:
        out["day"] = out["day"].astype("int64")
    out["day_prompt"] = out["day_prompt"].astype("int64")
    rejected.report(report)
    report.rows_kept = len(out)
    if not time_cols:
        report.notes.append(Message("esm.note.no_times"))
    report.notes.append(Message("esm.note.items", items=item_names))
    report.columns = {v: k for k, v in keep.items()}
    # a long table's own order: day and beep
    return _numbered(out, item_names, ["subject", "day", "day_prompt"]), report
