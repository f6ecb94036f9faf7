"""Apple Health's rules, shared by the ``export.xml`` reader and the per-type CSV reader.

Both readers collect the same records (a :class:`Scan`) and turn them into
daily pain, sleep and steps with the same functions, so a converted CSV gives
the diary that the export it came from gives. The rules are documented in
:func:`backpain.read.apple_health.read_apple_health`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

import numpy as np
import pandas as pd

from .._catalogue import register_texts
from ..text import Message
from ._problems import Reason, problem_frame
from ._report import LoadReport

__all__ = [
    "ASLEEP_VALUES",
    "BAD_DATE",
    "NOT_ASLEEP",
    "PAIN",
    "PAIN_PREFIX",
    "PAIN_SEVERITY",
    "SLEEP",
    "SLEEP_PREFIX",
    "STAMP",
    "STEPS",
    "Scan",
    "compact_sleep",
    "daily_entries",
    "future_mask",
    "future_reason",
    "pain_entries",
    "pain_severity",
    "sleep_entries",
    "stamps",
    "step_entries",
]

# This reader's own sentences, beside it (registered with the catalogue, so that
# `say` and the catalogue's rule tests see them): key -> (English, Dutch).
_TEXTS = register_texts(
    __name__,
    {
        "formats.apple_csv.bad_pain_map": (
            "pain_map={{{key!r}: {value}}} is not valid: keys are {keys} and values numbers "
            "from 0 to 10 (or None)",
            "pain_map={{{key!r}: {value}}} is ongeldig: sleutels zijn {keys} en waarden getallen "
            "van 0 tot 10 (of None)",
        ),
        "read.apple.awake": ("awake", "wakker"),
        "read.apple.bad_sleep": ("not a sleep-analysis value", "geen waarde van de slaapanalyse"),
        "read.apple.in_bed": ("in bed", "in bed"),
        "read.apple.not_asleep": (
            "{record} {label} (not sleep time)",
            "{record} {label} (geen slaaptijd)",
        ),
        "read.apple.pain_source": (
            "{record} (severity mapped to 0-10, the day's maximum)",
            "{record} (ernst omgezet naar 0-10, het maximum van de dag)",
        ),
        "read.apple.several_step_sources": (
            "steps: on {n} day(s) several sources (iPhone, Watch, apps) counted steps; took the "
            "largest single source each day, since they count the same steps",
            "stappen: op {n} dag(en) telden meerdere bronnen (iPhone, Watch, apps) stappen; per "
            "dag is de grootste bron genomen, want ze tellen dezelfde stappen",
        ),
        "read.apple.sleep_day_over_24": (
            "the asleep records ending on this day add up to more than 24 hours",
            "de slaaprecords die op deze dag eindigen zijn samen meer dan 24 uur",
        ),
        "read.apple.sleep_source": (
            "{record} (union of asleep intervals of all sources, dated by the wake-up day)",
            "{record} (samen genomen slaaptijd van alle bronnen, gedateerd op de dag van het ontwaken)",
        ),
        "read.apple.smaller_steps": (
            "{record} from a smaller source on the same day (not double counted)",
            "{record} uit een kleinere bron op dezelfde dag (niet dubbel geteld)",
        ),
        "read.apple.steps_source": (
            "{record} (the day's largest single-source total)",
            "{record} (het grootste totaal van één bron op die dag)",
        ),
    },
)

BAD_DATE = Reason.NOT_A_DATE.message(example="2019-05-14 18:52:09 -0400")
"""Why an Apple Health record with a malformed date is refused."""

STEPS = "HKQuantityTypeIdentifierStepCount"
SLEEP = "HKCategoryTypeIdentifierSleepAnalysis"
PAIN = "HKCategoryTypeIdentifierLowerBackPain"
SLEEP_PREFIX = "HKCategoryValueSleepAnalysis"
PAIN_PREFIX = "HKCategoryValueSeverity"
PAIN_SEVERITY: dict[str, float | None] = {
    "NotPresent": 0.0,
    "Mild": 3.0,
    "Moderate": 5.0,
    "Severe": 7.0,
    "Unspecified": None,
}
"""Lower-back-pain severity (``HKCategoryValueSeverity...``) -> pain 0-10 (our default).

The same numbers as the Bearable reader (:data:`backpain.read.bearable.SEVERITY`),
so merged sources agree: Mild 3 lies inside the mild band of the 0-10 numeric
rating scale (1-4, Serlin et al. 1995), Moderate 5 and Severe 7 are the first
values of the moderate (5-6) and severe (7-10) bands. ``Unspecified`` (pain logged without a severity) has no number: such
records are rejected with a reason unless ``pain_map={"Unspecified": ...}``
gives one.
"""

ASLEEP_VALUES = frozenset(
    SLEEP_PREFIX + v
    for v in ("Asleep", "AsleepUnspecified", "AsleepCore", "AsleepDeep", "AsleepREM")
)
"""Sleep-analysis values that count as sleep (legacy ``Asleep`` and the iOS 16 stages)."""

NOT_ASLEEP = {
    SLEEP_PREFIX + "InBed": "read.apple.in_bed",
    SLEEP_PREFIX + "Awake": "read.apple.awake",
}

STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) ?([+-])(\d{2}):?(\d{2})$")


class Scan:
    """What one pass over the export collected."""

    def __init__(self) -> None:
        self.n_records = 0
        self.export_date: str | None = None
        self.export_utc: datetime | None = None
        self.late_export = False
        """``<ExportDate>`` came after the first record (records before it unchecked)."""
        self.locale: str | None = None
        self.root: str | None = None
        self.steps: dict[tuple[str, str], list] = {}
        self.sleep: list[tuple[int, str, str, str]] = []
        self.sleep_frames: list[pd.DataFrame] = []
        self.sleep_bad: list[pd.DataFrame] = []
        self.sleep_ignored: dict[str, int] = {}
        self.pain: list[tuple[int, str, str]] = []
        self.pain_days: dict[str, list] = {}
        """Pain checked while streaming: day -> [highest score, first row, records]."""
        self.duplicates = 0
        self.other: defaultdict[str, int] = defaultdict(int)
        self.elements: dict[str, int] = {}
        self.rejected: list[tuple[int, str, str, str]] = []


def stamps(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Apple timestamps -> (local wall-clock time, UTC time), NaT when malformed."""
    parts = values.astype("string").str.extract(STAMP.pattern)
    local = pd.to_datetime(parts[0], format="%Y-%m-%d %H:%M:%S", errors="coerce")
    minutes = parts[2].astype("float64") * 60 + parts[3].astype("float64")
    minutes = minutes.where(parts[1] != "-", -minutes)
    utc = local - pd.to_timedelta(minutes, unit="min")
    return local.astype("datetime64[ns]"), utc.astype("datetime64[ns]")


def future_mask(utc: pd.Series, scan: Scan) -> pd.Series:
    if scan.export_utc is None:
        return pd.Series(False, index=utc.index)
    limit = pd.Timestamp(scan.export_utc).tz_convert("UTC").tz_localize(None)
    return utc > limit


def future_reason(scan: Scan) -> Message:
    return Reason.AFTER_EXPORT.message(export_date=scan.export_date)


def pain_severity(pain_map: dict[str, float | None] | None) -> dict[str, float | None]:
    """:data:`PAIN_SEVERITY` with ``pain_map``'s overrides (keys with or without the prefix)."""
    severity = dict(PAIN_SEVERITY)
    for key, value in (pain_map or {}).items():
        key = str(key).removeprefix(PAIN_PREFIX)
        if key not in severity or not (value is None or 0 <= float(value) <= 10):
            msg = Message(
                "formats.apple_csv.bad_pain_map", key=key, value=repr(value), keys=list(severity)
            )
            raise ValueError(msg)
        severity[key] = None if value is None else float(value)
    return severity


def pain_entries(
    scan: Scan, pain_map: dict[str, float | None], report: LoadReport
) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    bad: list[pd.DataFrame] = []
    streamed = pd.DataFrame(
        [(day, v[0], v[1], v[2]) for day, v in scan.pain_days.items()],
        columns=["date", "pain", "row", "n_rows"],
    )
    streamed["date"] = pd.to_datetime(streamed["date"], format="%Y-%m-%d")
    if scan.pain_days:
        report.columns["pain"] = Message("read.apple.pain_source", record=PAIN)
    if not scan.pain:
        return streamed, bad
    rec = pd.DataFrame(scan.pain, columns=["row", "start", "value"])
    local, utc = stamps(rec["start"])
    key = rec["value"].str.removeprefix(PAIN_PREFIX)
    known = key.isin(list(pain_map))
    score = key.map({k: np.nan if v is None else v for k, v in pain_map.items()}).astype("float64")
    checks = [
        (local.isna(), "startDate", rec["start"], BAD_DATE),
        (future_mask(utc, scan), "startDate", rec["start"], future_reason(scan)),
        (
            ~known,
            "value",
            rec["value"],
            Reason.UNKNOWN_LABEL.message(levels=", ".join(PAIN_PREFIX + k for k in pain_map)),
        ),
        (
            known & score.isna(),
            "value",
            rec["value"],
            Message("read.apple.no_severity"),
        ),
    ]
    dropped = pd.Series(False, index=rec.index)
    for mask, column, values, reason in checks:
        mask = mask & ~dropped
        if mask.any():
            bad.append(problem_frame(rec.loc[mask, "row"], column, values[mask], reason))
            dropped |= mask
    rec = rec.assign(date=local.dt.normalize(), pain=score)[~dropped]
    daily = rec.groupby("date").agg(
        pain=("pain", "max"), row=("row", "min"), n_rows=("row", "size")
    )
    if len(streamed):
        both = pd.concat([daily.reset_index(), streamed], ignore_index=True)
        daily = both.groupby("date").agg(
            pain=("pain", "max"), row=("row", "min"), n_rows=("n_rows", "sum")
        )
    report.columns["pain"] = Message("read.apple.pain_source", record=PAIN)
    return daily.reset_index(), bad


def compact_sleep(scan: Scan) -> None:
    """Check the buffered sleep records and keep the valid ones as int64 columns.

    Called for every batch of sleep records during the XML scan, so that a
    multi-GB export never holds its sleep records as strings.
    """
    if not scan.sleep:
        return
    rec = pd.DataFrame(scan.sleep, columns=["row", "start", "end", "value"])
    scan.sleep.clear()
    for value, label in NOT_ASLEEP.items():
        count = int((rec["value"] == value).sum())
        if count:
            key = Message("read.apple.not_asleep", record=SLEEP, label=Message(label))
            scan.sleep_ignored[key] = scan.sleep_ignored.get(key, 0) + count
    rec = rec[~rec["value"].isin(list(NOT_ASLEEP))]
    _, start = stamps(rec["start"])
    end_local, end = stamps(rec["end"])
    future = future_mask(start, scan) | future_mask(end, scan)
    length = end - start
    checks = [
        (
            ~rec["value"].isin(list(ASLEEP_VALUES)),
            "value",
            "value",
            Message("read.apple.bad_sleep"),
        ),
        (start.isna(), "startDate", "start", BAD_DATE),
        (end.isna(), "endDate", "end", BAD_DATE),
        (future, "startDate", "start", future_reason(scan)),
        (length < pd.Timedelta(0), "endDate", "end", Reason.ENDS_BEFORE_START.message()),
        (
            length > pd.Timedelta(hours=24),
            "endDate",
            "end",
            Reason.OVER_24H.message(),
        ),
    ]
    dropped = pd.Series(False, index=rec.index)
    for mask, column, field, reason in checks:
        mask = mask.fillna(False).astype(bool) & ~dropped
        if mask.any():
            scan.sleep_bad.append(
                problem_frame(rec.loc[mask, "row"], column, rec.loc[mask, field], reason)
            )
            dropped |= mask
    keep = ~dropped
    scan.sleep_frames.append(
        pd.DataFrame({"row": rec["row"], "start": start, "end": end, "end_local": end_local})[keep]
    )


def sleep_entries(
    scan: Scan, gap_hours: float, report: LoadReport
) -> tuple[pd.DataFrame, list[pd.DataFrame]]:
    compact_sleep(scan)
    for key, count in scan.sleep_ignored.items():
        report.ignore(count, key)
    bad = scan.sleep_bad
    empty = pd.DataFrame(columns=["date", "sleep_hours", "row", "n_rows"])
    frames = [f for f in scan.sleep_frames if len(f)]
    if not frames:
        return empty, bad
    iv = pd.concat(frames, ignore_index=True).sort_values(["start", "end"], kind="stable")
    # union: a record starting after every earlier record has ended opens a new block;
    # blocks closer than gap_hours form one sleep period, dated by its local end
    s = iv["start"].to_numpy("datetime64[ns]").astype("int64")
    e = iv["end"].to_numpy("datetime64[ns]").astype("int64")
    reach = np.maximum.accumulate(e)
    new_block = np.r_[True, s[1:] > reach[:-1]]
    block = np.cumsum(new_block)
    gap = int(gap_hours * 3600e9)
    new_period = np.r_[True, s[1:] - reach[:-1] >= gap]
    period = np.cumsum(new_period)
    iv = iv.assign(block=block, period=period)
    blocks = iv.groupby("block").agg(
        start=("start", "min"), end=("end", "max"), period=("period", "first")
    )
    blocks["hours"] = (blocks["end"] - blocks["start"]).dt.total_seconds() / 3600
    last = iv.loc[iv.groupby("period")["end"].idxmax(), ["period", "end_local"]]
    period_date = last.set_index("period")["end_local"].dt.normalize()
    iv["date"] = iv["period"].map(period_date)
    blocks["date"] = blocks["period"].map(period_date)
    hours = blocks.groupby("date")["hours"].sum()
    counts = iv.groupby("date")["row"].agg(row="min", n_rows="size")
    daily = counts.assign(sleep_hours=hours).reset_index()
    over = daily["sleep_hours"] > 24
    if over.any():
        rows = iv[iv["date"].isin(daily.loc[over, "date"])]
        bad.append(
            problem_frame(
                rows["row"],
                "endDate",
                rows["end"].astype("string"),
                Message("read.apple.sleep_day_over_24"),
            )
        )
        daily = daily[~over]
    report.columns["sleep_hours"] = Message("read.apple.sleep_source", record=SLEEP)
    return daily[["date", "sleep_hours", "row", "n_rows"]], bad


def step_entries(scan: Scan, report: LoadReport) -> pd.DataFrame:
    if not scan.steps:
        return pd.DataFrame(columns=["date", "steps", "row", "n_rows"])
    acc = pd.DataFrame(
        [(d, src, v[0], v[1], v[2]) for (d, src), v in scan.steps.items()],
        columns=["day", "source", "steps", "n_rows", "row"],
    )
    acc = acc.sort_values(["day", "steps", "source"], ascending=[True, False, True])
    best = ~acc.duplicated("day")
    report.ignore(
        int(acc.loc[~best, "n_rows"].sum()),
        Message("read.apple.smaller_steps", record=STEPS),
    )
    several = int((~best).groupby(acc["day"]).any().sum())
    if several:
        report.notes.append(Message("read.apple.several_step_sources", n=several))
    daily = acc[best].assign(date=pd.to_datetime(acc.loc[best, "day"], format="%Y-%m-%d"))
    report.columns["steps"] = Message("read.apple.steps_source", record=STEPS)
    return daily[["date", "steps", "row", "n_rows"]]


def daily_entries(
    scan: Scan,
    severity: dict[str, float | None],
    gap_hours: float,
    report: LoadReport,
    *,
    rejected: Sequence[pd.DataFrame] = (),
) -> pd.DataFrame:
    """A scan's pain, sleep and steps per day (``date``, ``row``, ``n_rows`` and the values).

    The records rejected on the way, after the reader's own ``rejected``, go
    into ``report`` in row order.
    """
    pain, bad_pain = pain_entries(scan, severity, report)
    sleep, bad_sleep = sleep_entries(scan, gap_hours, report)
    steps = step_entries(scan, report)
    bad = [f for f in (*rejected, *bad_pain, *bad_sleep) if len(f)]
    if bad:
        report.reject(pd.concat(bad, ignore_index=True).sort_values("row", kind="stable"))
    parts = [p for p in (pain, sleep, steps) if len(p)]
    if not parts:
        return pd.DataFrame(columns=["date", "row", "n_rows"])
    return pd.concat(parts, ignore_index=True)
