"""Merge diaries read from several sources (apps, devices, tables) per subject and day."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from .._catalogue import register_texts
from ..schema import COLUMNS, KEYS, VARIABLES
from ..text import Message
from ._app_csv import union_tags
from ._build import finish_diary
from ._report import LoadReport, with_report

__all__ = ["merge_diaries"]

# This reader's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "read.note.sources_disagree": (
            "{name}: {n} day(s) with different values from different sources; took the value "
            "of the source with the higher precedence",
            "{name!v}: {n} dag(en) met verschillende waarden in verschillende bronnen; de "
            "waarde van de bron met voorrang is genomen",
        ),
        "read.note.sources_merged": (
            "{n} sources merged per subject and day; {shared} source-day(s) joined a day "
            "another source also gave",
            "{n} bronnen samengevoegd per deelnemer en dag; {shared} dag(en) kwamen ook in "
            "een andere bron voor",
        ),
        "read.note.subjects_differ": (
            "the sources have different subjects {subjects}; {option.subject_merge} to merge them as one person",
            "de bronnen hebben verschillende deelnemers {subjects}; {option.subject_merge} om ze als één persoon samen te voegen",
        ),
    },
)


def _names(reports: list[LoadReport]) -> list[str]:
    """Source names, made unique (``export.csv``, ``export.csv #2``)."""
    out: list[str] = []
    for r in reports:
        name = r.source
        n = 2
        while name in out:
            name = f"{r.source} #{n}"
            n += 1
        out.append(name)
    return out


def _ranks(order: Sequence[str], names: list[str], formats: list[str]) -> list[int]:
    """Rank (0 = highest) of each part given an order of source names or formats."""
    if isinstance(order, str):
        order = [order]
    for item in order:
        if item not in names and item not in formats:
            msg = (
                f"precedence names {item!r}, which is neither a source nor a format of "
                f"the parts; sources: {names}, formats: {sorted(set(formats))}"
            )
            raise ValueError(msg)
    ranks = []
    for i, (name, fmt) in enumerate(zip(names, formats, strict=True)):
        hits = [k for k, item in enumerate(order) if item in (name, fmt)]
        ranks.append(min(hits) * len(names) + i if hits else len(order) * len(names) + i)
    return ranks


def merge_diaries(
    parts: Sequence[tuple[pd.DataFrame, LoadReport]],
    *,
    precedence: Sequence[str] | Mapping[str, Sequence[str]] | None = None,
    return_report: bool | None = None,
) -> pd.DataFrame | tuple[pd.DataFrame, LoadReport]:
    """Merge diaries from several sources into one diary per subject and day.

    Parameters
    ----------
    parts : sequence of (diary, LoadReport)
        Diaries as returned by ``read_diary(..., return_report=True)``.
    precedence : list of str, or dict of column -> list of str, optional
        Which source wins when two give the same variable on the same day,
        highest first, by source name (``report.source``, e.g.
        ``"bearable.csv"``) or format (``"apple_health"``). Sources not
        named follow, in the order given. A dict sets the order per column
        (``{"steps": ["export.zip"]}``); other columns use the given order.
        Default: the order of ``parts`` (the first source wins).
    return_report : bool, optional
        Also return the merged :class:`LoadReport`, as
        :func:`backpain.read_diary` does. Left unset, the pair is returned
        with a ``FutureWarning`` (the default becomes ``False``).

    Returns
    -------
    diary : pandas.DataFrame
        Canonical diary (:mod:`backpain.schema`), one row per subject and
        day found in any part: ``subject``, ``date`` and every variable
        column present in at least one part (``pain`` always).
    report : LoadReport
        With ``return_report=True``: ``format="merged"``; ``parts`` holds the per-file reports and
        ``columns`` the source(s) of each column (``"pain":
        "bearable.csv"``, or ``"a.csv > b.csv"`` in precedence order when
        several give it). Row counts are the sums over the parts, with
        ``rows_kept`` = days in the merged diary and every other row that
        became part of a day counted in ``rows_merged``, so
        ``rows_read == rows_kept + rows_merged + rows_duplicate + rows_ignored +
        rows_rejected``.

    Notes
    -----
    - Numbers (pain, stress, sleep, steps, mood ...): per subject, day and
      column, the value of the highest-precedence source that has one; a
      source without a value for that day does not hide another's. Values
      are never averaged across sources: two sources measure the same thing
      differently (a watch and a phone count different steps), so mixing
      them would make neither right. ``report.notes`` counts the days on
      which sources disagreed.
    - ``tags``: the union over sources; ``notes``: joined with `` / ``.
    - Subjects are matched by their id as read. Files without a subject
      column get their file name as id unless ``subject=`` was given to
      :func:`backpain.read_diary`, so pass ``subject=`` to merge one person's
      files: it names each file without a subject column and keeps that
      person of each file that names its people (a cohort table, a Flaredown
      dump), with the same meaning for every file of the list
      (:func:`backpain.read.select_subject`). ``report.notes`` warns when
      single-subject parts have different ids.

    Examples
    --------
    >>> import io
    >>> from backpain.read import read_diary
    >>> a = io.BytesIO(b"date,pain,steps\\n2026-01-05,4,\\n2026-01-06,5,3000\\n")
    >>> b = io.BytesIO(b"date,pain,steps\\n2026-01-05,6,8000\\n")
    >>> diary, report = read_diary([a, b], subject="me", return_report=True)
    >>> diary[["date", "pain", "steps"]]
            date  pain   steps
    0 2026-01-05   4.0  8000.0
    1 2026-01-06   5.0  3000.0
    >>> report.rows_read, report.rows_kept, report.rows_merged
    (3, 2, 1)
    """
    parts = list(parts)
    if not parts:
        msg = "merge_diaries needs at least one (diary, report) pair; got an empty list"
        raise ValueError(msg)
    for i, part in enumerate(parts):
        ok = (
            isinstance(part, tuple)
            and len(part) == 2
            and isinstance(part[0], pd.DataFrame)
            and isinstance(part[1], LoadReport)
        )
        if not ok:
            msg = (
                f"parts[{i}] is a {type(part).__name__}, not a (diary, LoadReport) pair; "
                "read each file with read_diary(..., return_report=True)"
            )
            raise TypeError(msg)
    reports = [r for _, r in parts]
    names = _names(reports)
    formats = [r.format for r in reports]
    per_column: Mapping[str, Sequence[str]] = {}
    default_order: Sequence[str] = ()
    if isinstance(precedence, Mapping):
        bad = [c for c in precedence if c not in COLUMNS or c in KEYS]
        if bad:
            msg = f"precedence names column(s) {bad}; use diary columns {list(COLUMNS[2:])}"
            raise ValueError(msg)
        per_column = precedence
    elif precedence is not None:
        default_order = precedence
    base = _ranks(default_order, names, formats)

    present = [c for c in COLUMNS if any(c in d.columns for d, _ in parts)]
    present = list(dict.fromkeys([*KEYS, "pain", *present]))
    frames = []
    for i, (d, _) in enumerate(parts):
        f = d.reindex(columns=present).copy()
        f["_part"] = i
        frames.append(f)
    allrows = pd.concat([f for f in frames if len(f)] or frames[:1], ignore_index=True)
    allrows["subject"] = allrows["subject"].astype("string")
    allrows["date"] = pd.to_datetime(allrows["date"]).astype("datetime64[ns]")

    report = LoadReport(source=" + ".join(names), format="merged", parts=reports)
    for r in reports:
        report.rows_read += r.rows_read
        report.rows_ignored += r.rows_ignored
        report.rows_duplicate += r.rows_duplicate
        for category, n in r.ignored.items():
            key = Message("read.ignored.from_source", category=category, source=r.source)
            report.ignored[key] = report.ignored.get(key, 0) + n
    rejected = [r.rejected for r in reports if len(r.rejected)]
    if rejected:
        report.rejected = pd.concat(rejected, ignore_index=True)
    report.rows_rejected = sum(r.rows_rejected for r in reports)

    keys = list(KEYS)
    days = allrows[keys].drop_duplicates().sort_values(keys, kind="stable")
    out = days.set_index(keys)
    for c in present:
        if c in KEYS:
            continue
        ranks = base
        if c in per_column:
            ranks = _ranks(per_column[c], names, formats)
        rank = allrows["_part"].map(dict(enumerate(ranks)))
        has = allrows[c].notna()
        if VARIABLES[c].kind == "number":
            sub = allrows.loc[has, [*keys, c]].assign(_rank=rank[has])
            sub = sub.sort_values([*keys, "_rank"], kind="stable")
            grouped = sub.groupby(keys, sort=False)
            out[c] = grouped[c].first()
            spread = grouped[c].nunique()
            clash = int((spread > 1).sum())
            if clash:
                report.notes.append(Message("read.note.sources_disagree", name=c, n=clash))
        else:
            sub = allrows.loc[has, [*keys, c]]
            if VARIABLES[c].daily == "union":
                out[c] = union_tags(sub[keys], sub[c])
            else:
                several = sub.duplicated(keys, keep=False)
                single = sub[~several].set_index(keys)[c]
                joined = sub[several].groupby(keys)[c].agg(_join_notes)
                out[c] = pd.concat([single, joined.astype("string")])
        givers = sorted(set(allrows.loc[has, "_part"]), key=lambda i: ranks[i])
        if givers:
            report.columns[c] = " > ".join(names[i] for i in givers)

    merged = finish_diary(out.reset_index(), present)
    report.rows_kept = len(merged)
    total = sum(r.rows_kept + r.rows_merged for r in reports)
    report.rows_merged = total - len(merged)
    shared = int(allrows.duplicated(keys).sum())
    if len(parts) > 1:
        report.notes.append(Message("read.note.sources_merged", n=len(parts), shared=shared))
    singles = {tuple(d["subject"].dropna().unique()) for d, _ in parts if len(d)}
    if len(singles) > 1 and all(len(s) == 1 for s in singles):
        subjects = repr(sorted(s[0] for s in singles))
        report.notes.append(Message("read.note.subjects_differ", subjects=subjects))
    return with_report(merged, report, return_report, func="merge_diaries")


def _join_notes(values: pd.Series) -> str:
    items: list[str] = []
    for v in values:
        text = str(v).strip()
        if text and text not in items:
            items.append(text)
    return " / ".join(items)
