"""Validate raw diary entries and combine them into the canonical daily diary.

Every reader turns its file into *entries*: one row per input row, with the
source row number and the raw values under canonical column names. This module
checks each value against :mod:`backpain.schema`, rejects bad rows with a
reason, combines several entries on one day by each column's documented rule,
and keeps the :class:`LoadReport` that accounts for every input row:

``rows_read == rows_kept + rows_merged + rows_ignored + rows_rejected``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import DiaryError
from .schema import COLUMNS, KEYS, TAG_SEP, VARIABLES, Variable, empty_diary

__all__ = [
    "LoadReport",
    "build_diary",
    "check_diary",
    "data_quality",
    "parse_dates",
    "parse_numbers",
]

_REJECT_COLUMNS = ["file", "row", "column", "value", "reason"]


@dataclass
class LoadReport:
    """What a reader did with every input row.

    Attributes
    ----------
    source : str
        File name (or ``"<DataFrame>"``, ``"<bytes>"``) the rows came from.
    format : str
        The format the file was read as (``"table"``, ``"bearable"``, ...).
    rows_read : int
        Data rows in the input (blank lines included, header lines excluded).
    rows_kept : int
        Rows that became a diary day of their own (equals the number of diary
        rows for a single source).
    rows_merged : int
        Rows combined into a day that another row already stands for
        (several entries on one day).
    rows_ignored : int
        Rows that carry nothing the diary holds (blank lines, categories the
        diary does not use); ``ignored`` gives the count per category.
    rows_rejected : int
        Rows refused because a value was invalid; ``rejected`` lists each one.
    rejected : pandas.DataFrame
        One row per rejected input row: ``file``, ``row`` (the row number a
        spreadsheet shows, header = row 1, for text files; the record number
        for other sources), ``column``, ``value`` and ``reason``.
    ignored : dict
        Ignored-row counts by category.
    columns : dict
        Which input column (or source) each canonical column came from.
    notes : list of str
        Decisions the reader took that a user should know about (date order
        inferred, several entries per day combined, ...).
    parts : list of LoadReport
        Per-file reports when several sources were merged.
    """

    source: str = "<unknown>"
    format: str = "table"
    rows_read: int = 0
    rows_kept: int = 0
    rows_merged: int = 0
    rows_ignored: int = 0
    rows_rejected: int = 0
    rejected: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=_REJECT_COLUMNS))
    ignored: dict[str, int] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    parts: list[LoadReport] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        """True when every input row is accounted for."""
        return self.rows_read == (
            self.rows_kept + self.rows_merged + self.rows_ignored + self.rows_rejected
        )

    def ignore(self, n: int, category: str) -> None:
        """Count ``n`` rows as ignored under ``category``."""
        if n:
            self.rows_ignored += int(n)
            self.ignored[category] = self.ignored.get(category, 0) + int(n)

    def reject(self, rows: pd.DataFrame, *, n_rows: int | None = None) -> None:
        """Add rejected rows (columns ``row, column, value, reason``).

        ``n_rows`` is how many input rows they stand for when an entry
        combines several (default: one each).
        """
        if len(rows) == 0:
            return
        rows = rows.assign(file=self.source)[_REJECT_COLUMNS]
        parts = [f for f in (self.rejected, rows) if len(f)]
        self.rejected = pd.concat(parts, ignore_index=True) if parts else rows
        self.rows_rejected += len(rows) if n_rows is None else int(n_rows)

    def summary(self) -> str:
        """Return the report as plain text."""
        lines = [
            f"{self.source} (read as {self.format}): {self.rows_read} rows read, "
            f"{self.rows_kept} kept, {self.rows_merged} merged with another row of the same day, "
            f"{self.rows_ignored} ignored, {self.rows_rejected} rejected."
        ]
        for category, n in self.ignored.items():
            lines.append(f"  ignored {n}: {category}")
        if self.columns:
            mapped = ", ".join(f"{k} <- {v}" for k, v in self.columns.items())
            lines.append(f"  columns: {mapped}")
        lines += [f"  note: {n}" for n in self.notes]
        for rec in self.rejected.head(20).itertuples(index=False):
            lines.append(
                f"  rejected row {rec.row}, column {rec.column!r}, "
                f"value {rec.value!r}: {rec.reason}"
            )
        if self.rows_rejected > 20:
            lines.append(f"  ... and {self.rows_rejected - 20} more in report.rejected")
        if not self.balanced:
            lines.append("  WARNING: the counts do not add up; please report a bug.")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        esc = html.escape
        counts = "".join(
            f"<tr><td>{esc(k)}</td><td style='text-align:right'>{v}</td></tr>"
            for k, v in (
                ("rows read", self.rows_read),
                ("kept (one day each)", self.rows_kept),
                ("merged with another row of the same day", self.rows_merged),
                ("ignored", self.rows_ignored),
                ("rejected", self.rows_rejected),
            )
        )
        extra = "".join(f"<li>ignored {v}: {esc(k)}</li>" for k, v in self.ignored.items())
        extra += "".join(f"<li>{esc(n)}</li>" for n in self.notes)
        rejected = ""
        if self.rows_rejected:
            rejected = "<p><b>Rejected rows</b></p>" + self.rejected.head(50).to_html(index=False)
        return (
            f"<div><p><b>Load report</b>: {esc(self.source)} "
            f"(read as {esc(self.format)})</p><table>{counts}</table>"
            f"<ul>{extra}</ul>{rejected}</div>"
        )


# --------------------------------------------------------------------- dates
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[ T].*)?$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")


def parse_dates(
    values: pd.Series,
    *,
    dayfirst: bool | None = None,
    prefer_dayfirst: bool = False,
) -> tuple[pd.Series, str]:
    """Parse a column of dates to midnight timestamps, deciding the order once.

    The day/month order of numeric dates (``03/04/2026``) is decided from the
    whole column: a value with a first number above 12 means day-first, one
    with a second number above 12 means month-first. When every value is
    ambiguous, ``prefer_dayfirst`` (set for Dutch/Belgian files) decides;
    otherwise a :class:`DiaryError` asks for ``dayfirst=``.

    Parameters
    ----------
    values : pandas.Series
        Raw values (strings, datetimes or Excel timestamps).
    dayfirst : bool, optional
        Force the order instead of inferring it.
    prefer_dayfirst : bool
        Order to take when the column alone cannot tell.

    Returns
    -------
    dates : pandas.Series
        ``datetime64[ns]`` at midnight; ``NaT`` where a value could not be parsed.
    how : str
        A sentence saying how the order was decided, for the report.
    """
    if not pd.api.types.is_datetime64_any_dtype(values) and len(values) > 1000:
        # diaries repeat the same dates many times: parse each distinct value once
        codes, distinct = pd.factorize(values)
        parsed, how = parse_dates(
            pd.Series(distinct, dtype=object), dayfirst=dayfirst, prefer_dayfirst=prefer_dayfirst
        )
        taken = parsed.to_numpy()[np.where(codes < 0, 0, codes)] if len(parsed) else codes
        out = pd.Series(taken, index=values.index, dtype="datetime64[ns]")
        out[codes < 0] = pd.NaT
        return out, how
    if pd.api.types.is_datetime64_any_dtype(values):
        out = pd.to_datetime(values)
        if getattr(out.dt, "tz", None) is not None:
            out = out.dt.tz_localize(None)
        return _to_ns(out), "dates were already dates"
    text = values.astype("string").str.strip()
    # fast path: a column of plain ISO dates (the common case, and large files)
    fast = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    if fast.notna().sum() == text.notna().sum() - int((text == "").sum()):
        return _to_ns(fast), "dates are ISO (year-month-day)"
    is_ts = values.map(lambda v: isinstance(v, (pd.Timestamp, np.datetime64)))
    iso = text.str.match(_ISO_DATE.pattern, na=False)
    parts = text.str.extract(_NUMERIC_DATE.pattern).astype("float64")
    numeric = parts.notna().all(axis=1) & ~iso
    how = "dates are ISO (year-month-day)"
    if numeric.any():
        first, second = parts.loc[numeric, 0], parts.loc[numeric, 1]
        says_day = bool((first > 12).any())
        says_month = bool((second > 12).any())
        if dayfirst is None:
            if says_day and says_month:
                dayfirst = bool((first > 12).sum() >= (second > 12).sum())
                how = (
                    "dates mix day-first and month-first values; took "
                    + ("day-first" if dayfirst else "month-first")
                    + " (the majority) and rejected the others"
                )
            elif says_day or says_month:
                dayfirst = says_day
                how = "date order inferred from the column: " + (
                    "day-month-year" if dayfirst else "month-day-year"
                )
            elif prefer_dayfirst:
                dayfirst = True
                how = (
                    "every date is ambiguous (day and month both <= 12); took "
                    "day-month-year, as Dutch/Belgian files write dates"
                )
            else:
                example = text[numeric].iloc[0]
                msg = (
                    f"every date in the date column is ambiguous (e.g. {example!r}): "
                    "it could be day/month or month/day. Pass dayfirst=True for "
                    "day-month-year or dayfirst=False for month-day-year."
                )
                raise DiaryError(msg)
        else:
            how = f"date order given: {'day' if dayfirst else 'month'} first"
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    if iso.any():
        y, m, d = (text[iso].str.extract(_ISO_DATE.pattern).astype("int64")[i] for i in range(3))
        out[iso] = _assemble(y, m, d)
    if numeric.any():
        p = parts[numeric].astype("int64")
        a, b, c = p[0], p[1], p[2]
        year_first = a > 31
        year = c.where(~year_first, a)
        year = year.where(year >= 100, year + 2000)
        day = (a if dayfirst else b).where(~year_first, c)
        month = (b if dayfirst else a).where(~year_first, b)
        out[numeric] = _assemble(year, month, day)
    rest = ~iso & ~numeric & text.fillna("").ne("").astype(bool)
    if rest.any():
        parsed = pd.to_datetime(
            text[rest], errors="coerce", format="mixed", dayfirst=bool(dayfirst)
        )
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_localize(None)
        out[rest] = _to_ns(parsed)
    if is_ts.any():
        out[is_ts] = _to_ns(pd.to_datetime(values[is_ts], errors="coerce"))
    return out.dt.normalize(), how


def _assemble(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    frame = pd.DataFrame({"year": year, "month": month, "day": day})
    return _to_ns(pd.to_datetime(frame, errors="coerce"))


_NS_FIRST, _NS_LAST = pd.Timestamp.min.ceil("D"), pd.Timestamp.max.floor("D")


def _to_ns(dates: pd.Series) -> pd.Series:
    """Midnight ``datetime64[ns]``; dates outside 1677-09-22 .. 2262-04-11 become NaT."""
    dates = dates.dt.normalize()
    inside = (dates >= _NS_FIRST) & (dates <= _NS_LAST)
    return dates.where(inside).astype("datetime64[ns]")


# ------------------------------------------------------------------- numbers
_HHMM = re.compile(r"^(\d{1,2}):(\d{2})$")
_THOUSANDS_DOT = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_THOUSANDS_COMMA = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def parse_numbers(values: pd.Series, *, decimal: str = ".", hours: bool = False) -> pd.Series:
    """Convert raw values to floats; a value that is not a number becomes NaN.

    ``decimal=","`` reads ``7,5`` as 7.5 and ``10.234`` as 10234 (a thousands
    dot). With ``hours=True``, ``7:30`` is read as 7.5 hours. Callers compare
    the result with the input to find the values that failed.
    """
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        out = values.astype("float64")  # the CSV parser reads "inf" as a number
        return out.where(np.isfinite(out))
    text = values.astype("string").str.strip().str.replace("\u00a0", "", regex=False)
    text = text.str.replace(" ", "", regex=False)
    if decimal == ",":
        thousands = text.str.match(_THOUSANDS_DOT.pattern, na=False)
        text = text.where(~thousands, text.str.replace(".", "", regex=False))
        text = text.str.replace(",", ".", regex=False)
    else:
        thousands = text.str.match(_THOUSANDS_COMMA.pattern, na=False)
        text = text.where(~thousands, text.str.replace(",", "", regex=False))
    out = pd.to_numeric(text, errors="coerce").astype("float64")
    if hours:
        hm = text.str.extract(_HHMM.pattern).astype("float64")
        clock = hm[0] + hm[1] / 60
        clock = clock.where(hm[1] < 60)
        out = out.fillna(clock)
    out[~np.isfinite(out)] = np.nan
    return out


# ---------------------------------------------------------------- the diary
def _as_written(values: pd.Series) -> pd.Series:
    """Values as text for the report; whole numbers without a trailing ``.0``."""
    if pd.api.types.is_float_dtype(values):
        return values.map(lambda v: f"{v:g}", na_action="ignore").astype("string")
    return values.astype("string")


def _blank(values: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return values.isna()
    text = values.astype("string").str.strip()
    return values.isna() | text.isna() | (text == "")


def _combine_text(values: pd.Series, how: str) -> str | float:
    items: list[str] = []
    for v in values.dropna():
        parts = str(v).split(TAG_SEP) if how == "union" else [str(v)]
        for p in parts:
            p = p.strip()
            if p and p not in items:
                items.append(p)
    if not items:
        return np.nan
    return TAG_SEP.join(sorted(items)) if how == "union" else " / ".join(items)


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
) -> pd.DataFrame:
    """Validate raw entries and combine them into the canonical daily diary.

    Parameters
    ----------
    entries : pandas.DataFrame
        One row per input row: ``row`` (source row number), optionally
        ``n_rows`` (how many input rows the entry stands for, default 1), and
        raw values under canonical column names. ``subject`` and ``date`` are
        required; a missing ``pain`` column raises.
    report : LoadReport
        Updated in place: kept, merged and rejected counts and rejected rows.
    daily : dict, optional
        Overrides of the per-column daily rule (``{"pain": "max"}``).
    decimal : {".", ","}
        Decimal mark of text numbers.
    dayfirst, prefer_dayfirst : bool
        See :func:`parse_dates`.
    pain_scale : {10, 100}
        Scale the pain values use; 0-100 values are divided by 10.
    clean_text : tuple of str
        Text columns to strip (empty text becomes missing); a reader leaves
        out a column it has already cleaned.

    Returns
    -------
    pandas.DataFrame
        The canonical diary, sorted by subject and date.
    """
    if "pain" not in entries.columns:
        msg = (
            f"{report.source}: no pain column found (columns: "
            f"{[c for c in entries.columns if c not in ('row', 'n_rows')]}). Name the "
            "column 'pain' or 'pijn', or pass columns={'your column': 'pain'}."
        )
        raise DiaryError(msg)
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
    problems: list[pd.DataFrame] = []

    def flag(mask: pd.Series, column: str, raw: pd.Series, reason: str | pd.Series) -> None:
        if mask.any():
            reasons = reason[mask] if isinstance(reason, pd.Series) else reason
            problems.append(
                pd.DataFrame(
                    {
                        "row": work.loc[mask, "row"],
                        "column": column,
                        "value": _as_written(raw[mask]),
                        "reason": reasons,
                    }
                )
            )

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
        "subject is empty",
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
    dates, how = parse_dates(raw_date, dayfirst=dayfirst, prefer_dayfirst=prefer_dayfirst)
    if not pd.api.types.is_datetime64_any_dtype(raw_date):
        report.notes.append(how)
    date_blank = _blank(raw_date) if dates.isna().any() else dates.isna()
    flag(date_blank, "date", raw_date, "date is empty")
    unparsed = dates.isna() & ~date_blank
    if unparsed.any():
        looks_numeric = (
            raw_date.astype("string")
            .str.strip()
            .str.match(f"{_NUMERIC_DATE.pattern}|{_ISO_DATE.pattern}", na=False)
            .astype(bool)
        )
        flag(
            unparsed & looks_numeric,
            "date",
            raw_date,
            "not a real calendar day (for example 31 February or month 13); "
            "check the day and the month",
        )
        flag(
            unparsed & ~looks_numeric,
            "date",
            raw_date,
            "not a date this reader understands; write dates as YYYY-MM-DD or DD-MM-YYYY",
        )
    work["date"] = dates

    for name in present:
        var = VARIABLES[name]
        raw = work[name]
        if var.kind == "number":
            nums = parse_numbers(raw, decimal=decimal, hours=name == "sleep_hours")
            bad = nums.isna() & ~_blank(raw)
            unit = "hours (e.g. 7.5 or 7:30)" if name == "sleep_hours" else var.unit
            flag(bad, name, raw, f"not a number; {name} must be a number ({unit})")
            if name == "pain" and pain_scale == 100:
                nums = nums / 10
            hi = var.high
            if hi is not None:
                over = nums > hi
                reason = f"{name} must be at most {hi:g} ({var.unit})"
                if name == "pain" and pain_scale == 10:
                    reason += "; if this diary uses a 0-100 scale pass pain_scale=100"
                if name == "pain" and pain_scale == 100:
                    reason = "pain must be at most 100 on the 0-100 scale (pain_scale=100)"
                flag(over, name, raw, reason)
            if var.low is not None:
                flag(nums < var.low, name, raw, f"{name} must be at least {var.low:g}")
            work[name] = nums
        elif name in ("tags", "notes"):
            work[name] = _clean_text(raw) if name in clean_text else raw.astype("string")

    if "pain" in present and pain_scale == 10:
        pain = work["pain"]
        valid = pain.dropna()
        if len(valid) >= 3 and (valid > 10).mean() > 0.5:
            msg = (
                f"{report.source}: most pain values are above 10 (largest "
                f"{valid.max():g}): this looks like a 0-100 scale. Pass pain_scale=100 "
                "to read it (values are then divided by 10), or fix the values."
            )
            raise DiaryError(msg)

    key = _check_daily_totals(work, entries, rules, present, problems, flag)

    if problems:
        bad = pd.concat(problems, ignore_index=True)
        bad = bad.sort_values("row", kind="stable").drop_duplicates("row")
        keep = ~work["row"].isin(bad["row"])
        report.reject(bad, n_rows=int(n_rows[~keep].sum()))
    else:
        keep = pd.Series(True, index=work.index)
    everything = bool(keep.all())
    good = work if everything else work[keep]
    good_n = n_rows if everything else n_rows[keep]
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
    bad_rows = pd.concat([p["row"] for p in problems]) if problems else pd.Series([], dtype="int64")
    ok = ~work["row"].isin(bad_rows) & work["date"].notna() & (work["_subject_rank"] >= 0)
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
                f"the {int(n)} entries for {c} on this day add up to {t:g} ({var.unit}), "
                f"more than {var.high:g}; is a row repeated? Remove the copy"
                for n, t in zip(counts[over], totals[over], strict=True)
            ]
            flag(mask, c, entries[c], reasons)
    return None


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
        return _finish(good, present)
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    if (ordered[1:] > ordered[:-1]).all():  # one row per day, rows out of order
        return _finish(good.iloc[order], present)
    per_day = good.groupby(key, sort=True)
    sizes = n_rows.groupby(key).sum()
    multi = int((sizes > 1).sum())
    if multi:
        used = ", ".join(f"{c} {rules[c]}" for c in present if c not in KEYS and rules.get(c))
        report.notes.append(f"{multi} day(s) had several entries; combined per day as: {used}")
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
    return _finish(pd.DataFrame(out).reset_index(drop=True), present)


def _clean_text(values: pd.Series) -> pd.Series:
    """Strip text and turn empty strings into missing, once per distinct value."""
    codes, distinct = pd.factorize(values)
    text = pd.Series(distinct, dtype="string").str.strip()
    text = text.where(text != "").array
    return pd.Series(text.take(codes, allow_fill=True), index=values.index, dtype="string")


def _finish(diary: pd.DataFrame, present: list[str]) -> pd.DataFrame:
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


def check_diary(data: pd.DataFrame, *, need: tuple[str, ...] = ("pain",)) -> None:
    """Raise a clear ``ValueError`` unless ``data`` is a canonical diary.

    Checks the key columns, the columns in ``need``, a datetime ``date``, one
    row per subject and day, and the documented ranges. Analysis functions call
    this first; pass a raw table through :func:`backpain.read_diary` to get one.
    """
    if not isinstance(data, pd.DataFrame):
        msg = f"data must be a pandas DataFrame (a diary), not {type(data).__name__}"
        raise TypeError(msg)
    missing = [c for c in (*KEYS, *need) if c not in data.columns]
    if missing:
        msg = (
            f"data has no column(s) {missing}; a diary needs {list(KEYS)} and "
            f"{list(need)}. Read raw files with backpain.read_diary() first."
        )
        raise ValueError(msg)
    if not pd.api.types.is_datetime64_any_dtype(data["date"]):
        msg = (
            f"column 'date' holds {data['date'].dtype}, not dates; read the file "
            "with backpain.read_diary() or convert with pandas.to_datetime()"
        )
        raise ValueError(msg)
    if not _keys_increase(data):  # cheap proof for a sorted diary; else hash the keys
        _raise_on_repeated_days(data)
    for name in need:
        var = VARIABLES.get(name)
        if var is None or var.kind != "number" or name not in data.columns:
            continue
        column = data[name]
        if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            arr = column.to_numpy(dtype="float64", na_value=np.nan)
        else:
            arr = pd.to_numeric(column, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        with np.errstate(invalid="ignore"):
            bad = np.zeros(len(arr), dtype=bool)
            if var.low is not None:
                bad |= arr < var.low
            if var.high is not None:
                bad |= arr > var.high
        if bad.any():
            pos = int(bad.argmax())
            msg = (
                f"column {name!r} holds {arr[pos]:g} in row {data.index[pos]}; "
                f"{name} must be {_range_text(var)}"
            )
            raise ValueError(msg)


def _range_text(var: Variable) -> str:
    """``between 0 and 10 (NRS 0-10)``, or ``at least 0 (steps)`` for an open range."""
    if var.high is None:
        return f"at least {var.low:g} ({var.unit})"
    return f"between {var.low:g} and {var.high:g} ({var.unit})"


def _keys_increase(data: pd.DataFrame) -> bool:
    """True when (subject, date) strictly increase row by row: then no day repeats.

    Subject codes are numbered in order of first appearance, so a diary sorted
    by subject and date has increasing codes; O(N), no hashing of the keys.
    Missing subjects or dates answer False (the full check then decides).
    """
    stamps = getattr(data["date"].array, "asi8", None)
    if stamps is None:
        return False
    if len(stamps) < 2:
        return True
    codes, _ = pd.factorize(data["subject"], sort=False)
    if (codes < 0).any() or (stamps == np.iinfo(np.int64).min).any():
        return False
    later_subject = codes[1:] > codes[:-1]
    later_day = (codes[1:] == codes[:-1]) & (stamps[1:] > stamps[:-1])
    return bool((later_subject | later_day).all())


def _raise_on_repeated_days(data: pd.DataFrame) -> None:
    dup = data.duplicated(list(KEYS))
    if dup.any():
        first = data.loc[dup, list(KEYS)].iloc[0]
        msg = (
            f"data has {int(dup.sum())} repeated subject/day rows (first: subject "
            f"{first['subject']!r} on {first['date']:%Y-%m-%d}); a diary has one row "
            "per subject and day: read it with backpain.read_diary(), which combines them"
        )
        raise ValueError(msg)


def data_quality(data: pd.DataFrame) -> pd.DataFrame:
    """Summarise each subject's diary: period, completeness and pain.

    Parameters
    ----------
    data : pandas.DataFrame
        A canonical diary.

    Returns
    -------
    pandas.DataFrame
        One row per subject: ``subject``, ``first_day``, ``last_day``,
        ``span_days`` (calendar days from first to last, inclusive),
        ``days_recorded``, ``completeness`` (days_recorded / span_days),
        ``longest_gap_days`` (longest run of unrecorded days), ``pain_days``
        (days with a pain value), ``pain_mean``, ``pain_sd``, ``pain_min``,
        ``pain_max``, and ``<variable>_days`` for each other numeric variable
        present (days with a value).

    Examples
    --------
    >>> from backpain.simulate import simulate_cohort
    >>> q = data_quality(simulate_cohort(2, 30, seed=3))
    >>> q[["subject", "span_days", "days_recorded"]].shape
    (2, 3)
    """
    check_diary(data)
    d = data.sort_values(list(KEYS))
    g = d.groupby("subject", sort=True, observed=True)
    first, last = g["date"].min(), g["date"].max()
    span = (last - first).dt.days + 1
    step = d.groupby("subject", observed=True)["date"].diff().dt.days - 1
    out = pd.DataFrame(
        {
            "first_day": first,
            "last_day": last,
            "span_days": span,
            "days_recorded": g.size(),
        }
    )
    out["completeness"] = out["days_recorded"] / out["span_days"]
    out["longest_gap_days"] = step.groupby(d["subject"]).max().fillna(0).astype("int64")
    pain = g["pain"]
    out["pain_days"] = pain.count()
    out["pain_mean"] = pain.mean()
    out["pain_sd"] = pain.std()
    out["pain_min"] = pain.min()
    out["pain_max"] = pain.max()
    for name in COLUMNS:
        if name in d.columns and name != "pain" and VARIABLES[name].kind == "number":
            out[f"{name}_days"] = g[name].count()
    return out.reset_index()
