"""Benchmark: the Apple Health reader against a bare ElementTree iterparse loop.

Generates a synthetic ``export.xml`` (default ~500 MB: step counts from iPhone
and Watch, heart rate with metadata, energy, distance, sleep stages, back
pain, workouts) in ``benchmarks/_work/`` (git-ignored), then times, each in a
fresh subprocess so that peak memory (``ru_maxrss``) is per measurement:

(a) a bare ``xml.etree.ElementTree.iterparse`` loop that only sums the
    ``value`` of every ``<Record>`` (clearing elements as it goes);
(b) ``backpain.read.apple_health.read_apple_health`` producing the daily diary.

Targets (issue 6): (b) at least as fast as (a), peak memory of (b) < 300 MB.

Usage::

    .venv/bin/python benchmarks/bench_apple_health.py            # ~500 MB
    .venv/bin/python benchmarks/bench_apple_health.py --size-mb 50
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

WORK = Path(__file__).parent / "_work"

DTD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord)*)>
<!ATTLIST HealthData
  locale CDATA #REQUIRED
>
<!ELEMENT ExportDate EMPTY>
<!ATTLIST ExportDate
  value CDATA #REQUIRED
>
<!ELEMENT Me EMPTY>
<!ATTLIST Me
  HKCharacteristicTypeIdentifierDateOfBirth         CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBiologicalSex       CDATA #REQUIRED
  HKCharacteristicTypeIdentifierBloodType           CDATA #REQUIRED
  HKCharacteristicTypeIdentifierFitzpatrickSkinType CDATA #REQUIRED
>
<!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
<!ATTLIST Record
  type          CDATA #REQUIRED
  unit          CDATA #IMPLIED
  value         CDATA #IMPLIED
  sourceName    CDATA #REQUIRED
  sourceVersion CDATA #IMPLIED
  device        CDATA #IMPLIED
  creationDate  CDATA #IMPLIED
  startDate     CDATA #REQUIRED
  endDate       CDATA #REQUIRED
>
<!ELEMENT MetadataEntry EMPTY>
<!ATTLIST MetadataEntry
  key   CDATA #REQUIRED
  value CDATA #REQUIRED
>
<!ELEMENT Workout ((MetadataEntry|WorkoutEvent|WorkoutRoute)*)>
<!ATTLIST Workout
  workoutActivityType   CDATA #REQUIRED
  duration              CDATA #IMPLIED
  durationUnit          CDATA #IMPLIED
  sourceName            CDATA #REQUIRED
  startDate             CDATA #REQUIRED
  endDate               CDATA #REQUIRED
>
<!ELEMENT WorkoutEvent EMPTY>
<!ATTLIST WorkoutEvent
  type         CDATA #REQUIRED
  date         CDATA #REQUIRED
>
]>
<HealthData locale="nl_NL">
 <ExportDate value="2030-01-01 10:00:00 +0100"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexNotSet" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet"/>
"""

PHONE = (
    'sourceName="Test iPhone" sourceVersion="16.1" device="&lt;&lt;HKDevice: 0x2835cd040&gt;, '
    'name:iPhone, manufacturer:Apple, model:iPhone, hardware:iPhone14,5, software:16.1&gt;"'
)
WATCH = (
    'sourceName="Test Apple Watch" sourceVersion="9.1" device="&lt;&lt;HKDevice: 0x2835cd1a0&gt;, '
    'name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:9.1&gt;"'
)
STAGES = ("AsleepCore", "AsleepDeep", "AsleepCore", "AsleepREM", "Awake")


def write_export(path: Path, size_mb: float, *, seed: int = 1) -> None:
    """Write a synthetic export of about ``size_mb`` MB, one day's block at a time."""
    rnd = random.Random(seed)
    target = size_mb * 1e6
    day0 = datetime(2020, 1, 1)
    offsets = ("+0100", "+0200")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(DTD)
        size, k = len(DTD), 0
        while size < target:
            day = day0 + timedelta(days=k)
            off = offsets[(k // 180) % 2]  # daylight saving time flips the offset
            k += 1

            def ts(seconds: int, day=day, off=off) -> str:
                return f"{day + timedelta(seconds=seconds):%Y-%m-%d %H:%M:%S} {off}"

            out = []
            for i in range(700):
                t = rnd.randrange(6 * 3600, 23 * 3600)
                src = PHONE if i % 3 == 0 else WATCH
                common = f'{src} creationDate="{ts(t + 600)}" startDate="{ts(t)}"'
                kind = i % 10
                if kind < 3:
                    out.append(
                        ' <Record type="HKQuantityTypeIdentifierStepCount" '
                        f'{common} endDate="{ts(t + 300)}" unit="count" '
                        f'value="{rnd.randrange(5, 400)}"/>\n'
                    )
                elif kind < 6:
                    out.append(
                        ' <Record type="HKQuantityTypeIdentifierHeartRate" '
                        f'{common} endDate="{ts(t)}" unit="count/min" '
                        f'value="{rnd.randrange(50, 150)}">\n'
                        '  <MetadataEntry key="HKMetadataKeyHeartRateMotionContext" value="0"/>\n'
                        " </Record>\n"
                    )
                elif kind < 8:
                    out.append(
                        ' <Record type="HKQuantityTypeIdentifierActiveEnergyBurned" '
                        f'{common} endDate="{ts(t + 60)}" unit="kcal" '
                        f'value="{rnd.random():.3f}"/>\n'
                    )
                elif kind < 9:
                    out.append(
                        ' <Record type="HKQuantityTypeIdentifierBasalEnergyBurned" '
                        f'{common} endDate="{ts(t + 60)}" unit="kcal" '
                        f'value="{rnd.random():.3f}"/>\n'
                    )
                else:
                    out.append(
                        ' <Record type="HKQuantityTypeIdentifierDistanceWalkingRunning" '
                        f'{common} endDate="{ts(t + 300)}" unit="km" '
                        f'value="{rnd.random() / 10:.5f}"/>\n'
                    )
            # the night before (23:00 - ~07:00): Watch stages, iPhone in bed + legacy asleep
            t = -3600
            out.append(
                ' <Record type="HKCategoryTypeIdentifierSleepAnalysis" '
                f'{PHONE} startDate="{ts(-5400)}" endDate="{ts(7 * 3600 + 1800)}" '
                'value="HKCategoryValueSleepAnalysisInBed"/>\n'
                ' <Record type="HKCategoryTypeIdentifierSleepAnalysis" '
                f'{PHONE} startDate="{ts(-3000)}" endDate="{ts(6 * 3600)}" '
                'value="HKCategoryValueSleepAnalysisAsleepUnspecified"/>\n'
            )
            for j in range(24):
                length = rnd.randrange(600, 1800)
                stage = STAGES[j % len(STAGES)]
                out.append(
                    ' <Record type="HKCategoryTypeIdentifierSleepAnalysis" '
                    f'{WATCH} startDate="{ts(t)}" endDate="{ts(t + length)}" '
                    f'value="HKCategoryValueSleepAnalysis{stage}">\n'
                    '  <MetadataEntry key="HKTimeZone" value="Europe/Amsterdam"/>\n'
                    " </Record>\n"
                )
                t += length
            if k % 2:
                sev = ("NotPresent", "Mild", "Moderate", "Severe")[rnd.randrange(4)]
                out.append(
                    ' <Record type="HKCategoryTypeIdentifierLowerBackPain" '
                    f'{PHONE} startDate="{ts(9 * 3600)}" endDate="{ts(9 * 3600)}" '
                    f'value="HKCategoryValueSeverity{sev}"/>\n'
                )
            if k % 3 == 0:
                out.append(
                    ' <Workout workoutActivityType="HKWorkoutActivityTypeWalking" '
                    f'duration="32.5" durationUnit="min" {WATCH} startDate="{ts(17 * 3600)}" '
                    f'endDate="{ts(17 * 3600 + 1950)}">\n'
                    f'  <WorkoutEvent type="HKWorkoutEventTypePause" date="{ts(17 * 3600 + 600)}"/>\n'
                    " </Workout>\n"
                )
            block = "".join(out)
            fh.write(block)
            size += len(block)
        fh.write("</HealthData>\n")


def write_many_sources(path: Path, size_mb: float, *, sources: int = 500, seed: int = 1) -> None:
    """Write an export of only back-pain and step records from ``sources`` apps.

    Every record carries its own app and a time spread over three years, and
    one record in fifty is an exact copy of an earlier one: the shape that made
    the reader hold every pain record (about 5x the file size in memory).
    """
    rnd = random.Random(seed)
    target = size_mb * 1e6
    day0 = datetime(2027, 1, 1)
    severities = ("NotPresent", "Mild", "Moderate", "Severe")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(DTD)
        size, last = len(DTD), ""
        while size < target:
            out = []
            for _ in range(2000):
                when = day0 + timedelta(seconds=rnd.randrange(3 * 365 * 86400))
                start = f"{when:%Y-%m-%d %H:%M:%S} +0100"
                app = f'sourceName="App {rnd.randrange(sources)}" sourceVersion="1.0"'
                if rnd.random() < 0.5:
                    rec = (
                        ' <Record type="HKCategoryTypeIdentifierLowerBackPain" '
                        f'{app} startDate="{start}" endDate="{start}" '
                        f'value="HKCategoryValueSeverity{severities[rnd.randrange(4)]}"/>\n'
                    )
                else:
                    rec = (
                        ' <Record type="HKQuantityTypeIdentifierStepCount" unit="count" '
                        f'{app} startDate="{start}" endDate="{start}" '
                        f'value="{rnd.randrange(5, 400)}"/>\n'
                    )
                out.append(last if last and rnd.random() < 0.02 else rec)
                last = rec
            block = "".join(out)
            fh.write(block)
            size += len(block)
        fh.write("</HealthData>\n")


def _bare(path: str) -> dict:
    import xml.etree.ElementTree as ET

    total, n = 0.0, 0
    for _, elem in ET.iterparse(path):
        if elem.tag == "Record":
            n += 1
            try:
                total += float(elem.get("value"))
            except (TypeError, ValueError):
                pass
            elem.clear()
    return {"records": n, "total": total}


def _ours(path: str) -> dict:
    from backpain.read.apple_health import read_apple_health

    diary, report = read_apple_health(path, subject="bench")
    return {
        "records": report.rows_read,
        "days": len(diary),
        "balanced": report.balanced,
        "duplicates": report.rows_duplicate,
        "steps_mean": float(diary["steps"].mean()),
        "sleep_mean": float(diary["sleep_hours"].mean()),
    }


def _measure(which: str, path: str) -> None:
    """Run one measurement in this (fresh) process and print it as JSON."""
    if which == "ours":  # import outside the timing, as a notebook user would have
        import backpain.read.apple_health  # noqa: F401
    import_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    result = {"bare": _bare, "ours": _ours}[which](path)
    seconds = time.perf_counter() - start
    result.update(
        which=which,
        seconds=seconds,
        peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        import_mb=import_mb,
    )
    print(json.dumps(result))


def _run(which: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", which, str(path)],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=500, help="export size (default 500)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each (best counts)")
    parser.add_argument(
        "--many-sources",
        action="store_true",
        help="only pain and step records from 500 apps, with exact copies (memory check)",
    )
    parser.add_argument("--measure", nargs=2, metavar=("WHICH", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        _measure(*args.measure)
        return
    WORK.mkdir(exist_ok=True)
    kind = "many_sources" if args.many_sources else "export"
    path = WORK / f"{kind}_{args.size_mb:g}mb.xml"
    if not path.exists():
        start = time.perf_counter()
        (write_many_sources if args.many_sources else write_export)(path, args.size_mb)
        print(f"generated {path} in {time.perf_counter() - start:.1f} s")
    mb = path.stat().st_size / 1e6
    runs: dict[str, list[dict]] = {"bare": [], "ours": []}
    for _ in range(args.repeat):  # interleaved, so machine load hits both alike
        for which in runs:
            runs[which].append(_run(which, path))
    best = {w: min(r, key=lambda x: x["seconds"]) for w, r in runs.items()}
    bare, ours = best["bare"], best["ours"]
    print(f"file: {mb:.0f} MB, {ours['records']:,} records, {ours['days']} days")
    for w, r in best.items():
        label = {"bare": "bare ElementTree iterparse", "ours": "backpain read_apple_health"}[w]
        runs_s = ", ".join(f"{x['seconds']:.1f}" for x in runs[w])
        print(
            f"{label:28s} {mb / r['seconds']:6.1f} MB/s  ({r['seconds']:.1f} s best of "
            f"[{runs_s}])  peak memory {r['peak_mb']:.0f} MB"
        )
    ratio = bare["seconds"] / ours["seconds"]
    print(f"speed ratio ours/bare: {ratio:.2f} (target >= 1)")
    print(
        f"peak memory ours: {ours['peak_mb']:.0f} MB (target < 300 MB; of which "
        f"{ours['import_mb']:.0f} MB is Python with pandas imported, before reading)"
    )
    extra = ours["peak_mb"] - ours["import_mb"]
    print(f"peak memory above the import: {extra:.0f} MB = {extra / mb:.2f} x the file size")
    print(f"report balanced: {ours['balanced']}")


if __name__ == "__main__":
    main()
