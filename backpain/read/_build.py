"""Validate raw diary entries and combine them into the canonical daily diary.

Every reader turns its file into *entries*: one row per input row, with the
source row number and the raw values under canonical column names.
:func:`build_diary` checks each value against :mod:`backpain.schema`, rejects
bad rows with a reason, combines several entries on one day by each column's
documented rule, and updates the :class:`~backpain.LoadReport`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from ..errors import DiaryError
from ..schema import COLUMNS, KEYS, TAG_SEP, VARIABLES, empty_diary
from ..text import Message
from ._cells import blank_cells
from ._parse import (
    ISO_DATE,
    NUMERIC_DATE,
    has_full_year,
    parse_dates,
    parse_numbers,
    partial_dates,
    thousands_shaped,
    weekday_given,
)
from ._problems import Problems, Reason
from ._report import LoadReport

__all__ = ["build_diary", "finish_diary"]


def _combine_text(values: pd.Series, how: str) -> str | float:
    """A day's texts: the sorted union of tags, or the distinct notes joined in order.

    Linear in the day's text: the items seen are kept in a dict (ordered, with
    constant-time membership), so a day of 100,000 distinct notes costs
    milliseconds, not minutes.
    """
    items: dict[str, None] = {}
    for v in values.dropna():
        parts = str(v).split(TAG_SEP) if how == "union" else [str(v)]
        for p in parts:
            p = p.strip()
            if p:
                items[p] = None
    if not items:
        return np.nan
    return TAG_SEP.join(sorted(items)) if how == "union" else " / ".join(items)


_MEASURES = ("stress", "sleep_hours", "sleep_quality", "steps", "active_minutes", "mood")


def build_diary(
    entries: pd.DataFrame,
    report: LoadReport,
    *,
    daily: dict[str, str] | None = None,
    decimal: str = ".",
    dayfirst: bool | None = None,
    prefer_dayfirst: bool = False,
    pain_scale: float = 10,
    clean_text: tuple[str, ...] = ("tags", "notes"),
    headers: list[str] | None = None,
    copies: Callable[[pd.Index], pd.Series] | None = None,
) -> pd.DataFrame:
    """Validate raw entries and combine them into the canonical daily diary.

    Parameters
    ----------
    entries : pandas.DataFrame
        One row per input row: ``row`` (source row number), optionally
        ``n_rows`` (how many input rows the entry stands for, default 1), and
        raw values under canonical column names. ``subject`` and ``date`` are
        required. Without a ``pain`` column the entries must hold another
        measured variable (steps, sleep, ...): pain is then left empty and a
        note says to add the pain diary; with none of them it raises.
    report : LoadReport
        Updated in place: kept, merged and rejected counts and rejected rows.
    daily : dict, optional
        Overrides of the per-column daily rule (``{"pain": "max"}``).
    decimal : {".", ",", None}
        Decimal mark of text numbers; ``None`` when the file does not tell:
        text numbers such as ``1.234`` or ``1,234`` are then rejected as
        ambiguous, other numbers read with a point.
    dayfirst, prefer_dayfirst : bool
        See :func:`parse_dates`.
    pain_scale : {10, 100}
        Scale the pain values use; 0-100 values are divided by 10.
    clean_text : tuple of str
        Text columns to strip (empty text becomes missing); a reader leaves
        out a column it has already cleaned.
    copies : callable, optional
        ``copies(index)`` marks, among the entries at ``index`` (rows that
        share a subject and day), those whose input row repeats an earlier
        one cell for cell, every column of the file included; they are
        counted as duplicates. Only the reader has the whole input row.
    headers : list of str, optional
        The file's own column headers, as written, for the error when no
        diary variable is found (default: the entries' canonical names).

    Returns
    -------
    pandas.DataFrame
        The canonical diary, sorted by subject and date.
    """
    if "pain" not in entries.columns:
        measured = [c for c in _MEASURES if c in entries.columns]
        if not measured:
            columns = headers or [c for c in entries.columns if c not in ("row", "n_rows")]
            raise DiaryError(
                Message("read.error.no_pain_column", source=report.source, columns=repr(columns))
            )
        # a wearable's or tracker's table: read what it has, pain stays empty,
        # so that it merges per day with the pain diary
        entries = entries.assign(pain=np.nan)
        report.notes.append(Message("read.note.no_pain_merge"))
    if pain_scale not in (10, 100):
        msg = f"pain_scale must be 10 or 100, not {pain_scale!r}"
        raise ValueError(msg)
    rules = {n: v.daily for n, v in VARIABLES.items()} | (daily or {})
    present = [c for c in COLUMNS if c in entries.columns]
    work = entries[[*present, "row"]]  # columns are replaced, never written into
    n_rows = (
        entries["n_rows"].astype("int64")
        if "n_rows" in entries.columns
        else pd.Series(1, index=entries.index, dtype="int64")
    )
    problems = Problems()

    def flag(mask: pd.Series, column: str, raw: pd.Series, reason, **params) -> None:
        problems.add(work["row"], column, raw, reason, mask=mask, **params)

    raw_subject = work["subject"]
    # ids repeat on every row: clean each distinct id once
    codes, distinct = pd.factorize(raw_subject)
    names = pd.Series(distinct, dtype="string").str.strip()
    named = names.notna().to_numpy() & (names != "").to_numpy()
    has_name = np.zeros(len(codes), dtype=bool)
    has_name[codes >= 0] = named[codes[codes >= 0]]  # codes -1 (missing) index nothing
    flag(
        pd.Series(~has_name, index=work.index),
        "subject",
        raw_subject,
        Reason.MISSING,
        name="subject",
    )
    work["subject"] = pd.Series(
        names.array.take(np.where(codes < 0, -1, codes), allow_fill=True),
        index=work.index,
        dtype="string",
    )
    # rank of each row's cleaned id in sorted order, for ordering days cheaply
    ranks, _ = pd.factorize(names, sort=True)
    ranks = np.append(ranks, -1)  # position -1 (a missing id) reads the added -1
    work["_subject_rank"] = ranks[codes]

    raw_date = work["date"]
    dates, how = parse_dates(
        raw_date, dayfirst=dayfirst, prefer_dayfirst=prefer_dayfirst, source=report.source
    )
    if not pd.api.types.is_datetime64_any_dtype(raw_date):
        report.notes.append(how)
    date_blank = blank_cells(raw_date) if dates.isna().any() else dates.isna()
    flag(date_blank, "date", raw_date, Reason.MISSING, name="date")
    unparsed = dates.isna() & ~date_blank
    if unparsed.any():
        digits = raw_date.astype("string").str.contains(r"\d", na=False).astype(bool)
        no_year = unparsed & digits & ~has_full_year(raw_date)
        flag(no_year, "date", raw_date, Reason.DATE_NO_YEAR)
        unparsed &= ~no_year
    if unparsed.any():
        partial = unparsed & partial_dates(raw_date)
        flag(partial, "date", raw_date, Reason.DATE_PARTIAL)
        weekday, written = weekday_given(raw_date)
        named = unparsed & ~partial & (weekday >= 0)
        flag(named, "date", raw_date, Reason.DATE_WEEKDAY)
        unparsed &= ~partial & ~named
    if unparsed.any():
        looks_numeric = written.str.match(
            f"{NUMERIC_DATE.pattern}|{ISO_DATE.pattern}", na=False
        ).astype(bool)
        parts = written.str.extract(NUMERIC_DATE.pattern).astype("float64")
        either = looks_numeric & (parts[0] <= 12) & (parts[1] <= 12) & (parts[0] >= 1)
        either &= (parts[1] >= 1) & (parts[0] != parts[1])
        flag(unparsed & either, "date", raw_date, Reason.DATE_ORDER)
        flag(
            unparsed & looks_numeric & ~either,
            "date",
            raw_date,
            Reason.DATE_NOT_REAL,
        )
        flag(
            unparsed & ~looks_numeric,
            "date",
            raw_date,
            Reason.DATE_UNKNOWN,
        )
    work["date"] = dates

    for name in present:
        var = VARIABLES[name]
        raw = work[name]
        if var.kind == "number":
            nums = parse_numbers(raw, decimal=decimal or ".", hours=name == "sleep_hours")
            bad = nums.isna() & ~blank_cells(raw)
            if decimal is None:  # nothing told the mark: 1.234 is 1234 or 1.234
                either = thousands_shaped(raw)
                flag(either, name, raw, Reason.NUMBER_AMBIGUOUS)
                bad &= ~either
            unit = Message(f"common.unit.{name}")
            clock = Message("read.unit.hours_clock") if name == "sleep_hours" else unit
            flag(bad, name, raw, Reason.NOT_A_NUMBER, name=name, unit=clock)
            if name == "pain" and pain_scale == 100:
                nums = nums / 10
            hi = var.high
            if hi is not None:
                over = nums > hi
                if name == "pain":
                    pain_above = (
                        Reason.PAIN_ABOVE_100 if pain_scale == 100 else Reason.PAIN_ABOVE_10
                    )
                    flag(over, name, raw, pain_above)
                else:
                    flag(over, name, raw, Reason.ABOVE_MAX, name=name, high=hi, unit=unit)
            if var.low is not None:
                flag(nums < var.low, name, raw, Reason.BELOW_MIN, name=name, low=var.low)
            work[name] = nums
        elif name in ("tags", "notes"):
            work[name] = _clean_text(raw) if name in clean_text else raw.astype("string")

    if "pain" in present and pain_scale == 10:
        pain = work["pain"]
        valid = pain.dropna()
        if len(valid) >= 3 and (valid > 10).mean() > 0.5:
            raise DiaryError(
                Message(
                    "read.error.pain_looks_100", source=report.source, largest=float(valid.max())
                )
            )

    key = _check_daily_totals(work, entries, rules, present, problems, flag)

    if problems:
        keep = ~work["row"].isin(problems.rows)
        problems.report(report, n_rows=int(n_rows[~keep].sum()), first_only=True)
    else:
        keep = pd.Series(True, index=work.index)
    everything = bool(keep.all())
    good = work if everything else work[keep]
    good_n = n_rows if everything else n_rows[keep]
    if copies is not None and (key is None or not everything):  # some day may repeat
        unique = _exact_duplicates(good, copies, report, good_n)
        if unique is not None:
            good, good_n, everything = good[unique], good_n[unique], False
    diary = _daily(good, good_n, rules, present, report, key=key if everything else None)
    days = len(diary)
    report.rows_kept += days
    report.rows_merged += int(good_n.sum()) - days
    return diary


def _check_daily_totals(work, entries, rules, present, problems, flag) -> np.ndarray | None:
    """Reject the entries of a day whose *sum* leaves the valid range.

    Three rows of 9 hours' sleep on one day add up to 27 hours: almost always
    a row copied twice. Each row is valid alone, so only the day's total can
    show it; those rows are rejected (not capped) with the total in the reason.

    Returns the :func:`_day_keys` of all rows when the cheap exit computed
    them for every row (every subject and date valid), else None.
    """
    summed = [
        c
        for c in present
        if rules.get(c) == "sum" and VARIABLES[c].high is not None and c in work.columns
    ]
    if not summed:
        return None
    # cheap exit for the usual diary: one row per subject and day, in order
    rank = work["_subject_rank"].to_numpy()
    day = work["date"].to_numpy().astype("datetime64[D]")
    valid = (rank >= 0) & ~np.isnat(day)
    if valid.any():
        days = day[valid].astype(np.int64)
        key = (rank[valid].astype(np.int64) << 32) + (days - days.min())
        if (key[1:] > key[:-1]).all():
            return key if len(key) == len(rank) else None
    ok = ~work["row"].isin(problems.rows) & work["date"].notna() & (work["_subject_rank"] >= 0)
    if not ok.any():
        return None
    key = pd.Series(_day_keys(work[ok]), index=work.index[ok])
    repeated = key.duplicated(keep=False)
    if not repeated.any():
        return None
    key = key[repeated]
    for c in summed:
        var = VARIABLES[c]
        values = work.loc[key.index, c]
        totals = values.groupby(key).transform("sum")
        counts = values.groupby(key).transform("count")
        over = totals > var.high
        if over.any():
            mask = pd.Series(False, index=work.index)
            mask[over.index[over.to_numpy()]] = True
            reasons = pd.Series("", index=work.index, dtype="object")
            reasons[mask] = [
                Reason.DAY_TOTAL.message(
                    n=int(n),
                    name=c,
                    total=float(t),
                    unit=Message(f"common.unit.{c}"),
                    high=var.high,
                )
                for n, t in zip(counts[over], totals[over], strict=True)
            ]
            flag(mask, c, entries[c], reasons)
    return None


def _exact_duplicates(
    good: pd.DataFrame,
    copies: Callable[[pd.Index], pd.Series],
    report: LoadReport,
    n_rows: pd.Series,
) -> pd.Series | None:
    """Count input rows that repeat an earlier input row cell for cell.

    Such a row (the same day exported twice) must not add its sleep or steps
    twice: it is counted in ``rows_duplicate`` (with a note) and left out.
    Only rows of a day that occurs more than once are compared, by the
    reader's ``copies`` on the whole input row; entries that are only alike
    after a reader dropped a column (two walks with the same step count) are
    not copies. Returns the mask of rows to keep, or None when no row repeats.
    """
    if len(good) < 2:
        return None
    ok = good["date"].notna() & (good["_subject_rank"] >= 0)
    keys = pd.Series(_day_keys(good[ok]), index=good.index[ok])
    same_day = keys.duplicated(keep=False)
    if not same_day.any():
        return None
    repeated = copies(same_day[same_day].index).reindex(good.index, fill_value=False)
    repeated = repeated.astype(bool)
    if not repeated.any():
        return None
    n = int(n_rows[repeated].sum())
    report.rows_duplicate += n
    report.notes.append(Message("read.note.duplicate_rows", n=n))
    return ~repeated


def _day_keys(good: pd.DataFrame) -> np.ndarray:
    """One int64 per row that orders like (subject, date): subject rank, then day."""
    codes = good["_subject_rank"].to_numpy()
    days = good["date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    return (codes.astype(np.int64) << 32) + (days - days.min())


def _daily(
    good: pd.DataFrame,
    n_rows: pd.Series,
    rules: dict[str, str | None],
    present: list[str],
    report: LoadReport,
    *,
    key: np.ndarray | None = None,
) -> pd.DataFrame:
    """Combine the good rows per day; ``key`` is their :func:`_day_keys` if known."""
    if good.empty:
        return empty_diary()[[c for c in COLUMNS if c in present or c in KEYS]]
    if key is None:
        key = _day_keys(good)
    if (key[1:] > key[:-1]).all():  # sorted, one row per day: nothing to combine
        return finish_diary(good, present)
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    if (ordered[1:] > ordered[:-1]).all():  # one row per day, rows out of order
        return finish_diary(good.iloc[order], present)
    per_day = good.groupby(key, sort=True)
    sizes = n_rows.groupby(key).sum()
    multi = int((sizes > 1).sum())
    if multi:
        used = [
            Message("read.note.rule", name=c, rule=Message(f"read.rule.{rules[c]}"))
            for c in present
            if c not in KEYS and rules.get(c)
        ]
        report.notes.append(Message("read.note.combined", n=multi, rules=used))
    out = {"subject": per_day["subject"].first(), "date": per_day["date"].first()}
    for c in (c for c in present if VARIABLES[c].kind == "number"):
        rule = rules[c]
        column = per_day[c]
        out[c] = column.sum(min_count=1) if rule == "sum" else getattr(column, rule)()
    counts = per_day.size()
    several = counts.index[counts.to_numpy() > 1]
    for c in (c for c in present if VARIABLES[c].kind == "text"):
        combined = per_day[c].first()
        if len(several):
            repeated = good[c][np.isin(key, several)]
            joined = repeated.groupby(key[np.isin(key, several)]).agg(
                lambda s, how=rules[c]: _combine_text(s, how)
            )
            combined = combined.astype(object)
            combined.loc[joined.index] = joined.to_numpy()
        out[c] = combined
    return finish_diary(pd.DataFrame(out).reset_index(drop=True), present)


def _clean_text(values: pd.Series) -> pd.Series:
    """Strip text and turn empty strings into missing, once per distinct value."""
    codes, distinct = pd.factorize(values)
    text = pd.Series(distinct, dtype="string").str.strip()
    text = text.where(text != "").array
    return pd.Series(text.take(codes, allow_fill=True), index=values.index, dtype="string")


def finish_diary(diary: pd.DataFrame, present: list[str]) -> pd.DataFrame:
    """Select the canonical columns in order with their canonical dtypes.

    Built from Series without copying (``copy=False``): pandas keeps each
    column as its own block instead of copying all numbers into one 2-D block.
    """
    cols = [c for c in COLUMNS if c in present or c in KEYS]
    index = pd.RangeIndex(len(diary))
    out = {}
    for c in cols:
        kind = VARIABLES[c].kind
        if c == "date":
            dtype = "datetime64[ns]"
        elif kind == "number":
            dtype = "float64"
        else:
            dtype = "string"
        column = diary[c].astype(dtype)
        out[c] = pd.Series(column.array, index=index, dtype=dtype, copy=False)
    return pd.DataFrame(out, copy=False)
