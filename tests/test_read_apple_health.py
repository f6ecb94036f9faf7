"""Apple Health reader: pain, sleep union, steps without double counting, XML and zip safety."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import backpain
from backpain import DiaryError
from backpain.read import FORMATS
from backpain.read._source import open_source
from backpain.read.apple_health import (
    MAX_UNZIPPED_BYTES,
    MAX_ZIP_RATIO,
    detect_apple_health,
    read_apple_health,
)

DATA = Path(__file__).parent / "data"
EXPORT = DATA / "apple_health" / "export.xml"
HOSTILE = DATA / "hostile"


def _zip(tmp_path: Path, member: str = "apple_health_export/export.xml", data: bytes | None = None):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("apple_health_export/export_cda.xml", "<ClinicalDocument/>")
        zf.writestr(member, EXPORT.read_bytes() if data is None else data)
    return path


@pytest.fixture
def result():
    return read_apple_health(EXPORT, subject="me")


def test_daily_values_hand_computed(result):
    diary, _ = result
    # every number below is worked out in the comments of tests/data/apple_health/export.xml
    assert diary["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-03-04",
        "2024-03-05",
        "2024-03-06",
        "2024-03-10",
    ]
    assert list(diary.columns) == ["subject", "date", "pain", "sleep_hours", "steps"]
    # pain: Mild (3) and Severe (7) on 03-04 -> max 7; NotPresent -> 0; 03-06 only Unspecified
    np.testing.assert_array_equal(diary["pain"], [7.0, 0.0, np.nan, np.nan])
    # sleep: union 22:45-02:00 + 02:30-07:00 = 7.75 h plus a 0.5 h nap on 03-05;
    # 23:00-23:50 + 00:20-06:00 = 6.5 h on 03-06 (the pre-midnight part joins its night)
    np.testing.assert_allclose(diary["sleep_hours"], [np.nan, 8.25, 6.5, np.nan])
    # steps: Watch 4300 > iPhone 3500 on 03-04; iPhone 6000 > Watch 3500 on 03-05;
    # never the double-counted sums 7800 or 9500
    np.testing.assert_array_equal(diary["steps"], [4300.0, 6000.0, np.nan, 50.0])
    assert (diary["subject"] == "me").all()


def test_every_record_accounted_for(result):
    _, report = result
    # 35 <Record> elements + <Workout> + <ActivitySummary>
    assert report.rows_read == 37
    assert report.balanced
    assert report.rows_rejected == 5
    assert report.rows_ignored == 13
    assert {str(k): v for k, v in report.ignored.items()}["HKQuantityTypeIdentifierHeartRate"] == 2
    assert {str(k): v for k, v in report.ignored.items()}[
        "HKQuantityTypeIdentifierDistanceWalkingRunning"
    ] == 1
    assert {str(k): v for k, v in report.ignored.items()}["<Workout> element"] == 1
    assert {str(k): v for k, v in report.ignored.items()}[
        "HKCategoryTypeIdentifierSleepAnalysis in bed (not sleep time)"
    ] == 1
    assert {str(k): v for k, v in report.ignored.items()}[
        "HKCategoryTypeIdentifierSleepAnalysis awake (not sleep time)"
    ] == 2
    # 3 iPhone records on 03-04 and 2 Watch records on 03-05 lose to the larger source
    smaller = "HKQuantityTypeIdentifierStepCount from a smaller source on the same day"
    assert {str(k): v for k, v in report.ignored.items()}[smaller + " (not double counted)"] == 5
    assert any("largest single source" in str(n) for n in report.notes)


def test_rejections_name_row_and_reason(result):
    _, report = result
    rej = report.rejected.set_index("row")
    assert sorted(rej.index) == [11, 13, 14, 31, 32]
    assert rej.loc[11, "value"] == "veel"
    # row 13 is one hour after the ExportDate, row 14 years ahead, row 32 a pain record in 2030
    for row in (13, 14, 32):
        assert "after the export was made" in rej.loc[row, "reason"]
        assert rej.loc[row, "column"] == "startDate"
    assert "pain was logged without a score" in rej.loc[31, "reason"]
    assert (report.rejected["file"] == "export.xml").all()


def test_unspecified_pain_can_be_mapped():
    diary, report = read_apple_health(EXPORT, pain_map={"Unspecified": 4})
    assert diary.set_index("date").loc["2024-03-06", "pain"] == 4.0
    assert report.rows_rejected == 4
    assert report.balanced


def test_bad_pain_map_raises():
    with pytest.raises(ValueError, match=r"pain_map=.*'Extreme'"):
        read_apple_health(EXPORT, pain_map={"Extreme": 9})
    with pytest.raises(ValueError, match="values numbers from 0 to 10"):
        read_apple_health(EXPORT, pain_map={"Mild": 12})


def test_sleep_gap_option_splits_the_night():
    # with no gap allowed, the 23:00-23:50 block (0.83 h) stays on 03-05
    diary, report = read_apple_health(EXPORT, sleep_gap_hours=0)
    sleep = diary.set_index(diary["date"].dt.strftime("%Y-%m-%d"))["sleep_hours"]
    assert sleep["2024-03-05"] == pytest.approx(8.25 + 50 / 60)
    assert sleep["2024-03-06"] == pytest.approx(6.5 - 50 / 60)
    assert report.balanced
    with pytest.raises(ValueError, match="sleep_gap_hours must be"):
        read_apple_health(EXPORT, sleep_gap_hours=-1)


def test_auto_detection_xml_zip_and_bytes(tmp_path):
    diary_xml = backpain.read_diary(EXPORT, subject="me")
    diary_zip, report = backpain.read_diary(_zip(tmp_path), subject="me", return_report=True)
    pd.testing.assert_frame_equal(diary_xml, diary_zip)
    assert report.format == "apple_health"
    assert report.balanced
    diary_bytes = backpain.read_diary(EXPORT.read_bytes(), subject="me")
    pd.testing.assert_frame_equal(diary_xml, diary_bytes)


def test_localised_member_name_in_zip(tmp_path):
    # a Dutch iPhone names the file Exporteren.xml; the member is found by content
    path = _zip(tmp_path, member="apple_health_export/Exporteren.xml")
    diary = backpain.read_diary(path)
    assert diary["steps"].sum() == 4300 + 6000 + 50
    assert diary["subject"].iloc[0] == "me"  # the default: one person's export


def test_detector_reasons(tmp_path):
    assert detect_apple_health(open_source(EXPORT)).matches
    csv = open_source(b"date,pain\n2024-01-01,3\n")
    assert "HealthData" in str(detect_apple_health(csv).reason)
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("notes.xml", "<notes/>")
    assert "without an Apple Health export.xml" in str(
        detect_apple_health(open_source(other)).reason
    )
    assert "apple_health" in FORMATS


def test_zip_without_export_raises(tmp_path):
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("notes.xml", "<notes/>")
    with pytest.raises(DiaryError, match=r"other\.zip: the zip holds no Apple Health export"):
        read_apple_health(other)


def test_export_without_pain_still_loads():
    xml = (
        b'<?xml version="1.0"?><HealthData locale="en_US">'
        b'<ExportDate value="2024-03-10 12:00:00 +0100"/>'
        b'<Record type="HKQuantityTypeIdentifierStepCount" sourceName="p" unit="count" '
        b'startDate="2024-03-04 08:00:00 +0100" endDate="2024-03-04 08:09:00 +0100" value="12"/>'
        b"</HealthData>"
    )
    diary, report = read_apple_health(xml, subject="s")
    assert diary["pain"].isna().all()
    assert diary["steps"].tolist() == [12.0]
    assert any("holds no pain ratings" in str(n) for n in report.notes)  # merge it with a diary


def test_missing_export_date_is_noted():
    xml = (
        b'<HealthData><Record type="HKCategoryTypeIdentifierLowerBackPain" sourceName="p" '
        b'startDate="2044-03-04 08:00:00 +0100" endDate="2044-03-04 08:00:00 +0100" '
        b'value="HKCategoryValueSeverityMild"/></HealthData>'
    )
    diary, report = read_apple_health(xml)
    assert diary["pain"].tolist() == [3.0]
    assert any("no readable <ExportDate>" in str(n) for n in report.notes)


def test_truncated_export_raises(tmp_path):
    path = tmp_path / "export.xml"
    path.write_bytes(EXPORT.read_bytes()[:-400])
    with pytest.raises(
        DiaryError, match=r"export\.xml: the XML is broken at line .*export it again"
    ):
        read_apple_health(path)


def test_wrong_root_raises():
    with pytest.raises(DiaryError, match=r"root element is <Workouts>, not <HealthData>"):
        read_apple_health(b"<Workouts><Record type='x'/></Workouts>")


# ------------------------------------------------------------- hostile files
@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("apple_billion_laughs.xml", "an entity 'lol'"),
        ("apple_external_entity.xml", "an external entity 'secret' from 'file:///etc/passwd'"),
        ("apple_parameter_entity.xml", "an external parameter entity 'remote'"),
        ("apple_external_dtd.xml", "an external DTD"),
    ],
)
def test_hostile_xml_refused(name, what):
    path = HOSTILE / name
    # detected as Apple Health by content, then refused before anything is expanded
    with pytest.raises(DiaryError, match=rf"^{name}: the XML declares {what}.*refused for safety"):
        backpain.read_diary(path)


def test_hostile_xml_inside_zip_refused(tmp_path):
    path = _zip(tmp_path, data=(HOSTILE / "apple_billion_laughs.xml").read_bytes())
    with pytest.raises(DiaryError, match=r"export\.zip \(apple_health_export/export\.xml\): "):
        backpain.read_diary(path)


def test_real_shaped_internal_dtd_is_allowed():
    # the fixture carries an internal DTD with ELEMENT/ATTLIST declarations, as real exports do
    assert b"<!ATTLIST Record" in EXPORT.read_bytes()
    _, report = read_apple_health(EXPORT)
    assert report.rows_read == 37


# ------------------------------------------------------------------ zip bomb
def _bomb(tmp_path: Path, mb: int = 8) -> Path:
    path = tmp_path / "export.zip"
    head = b'<?xml version="1.0"?>\n<HealthData locale="en_US">\n'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("apple_health_export/export.xml", "w") as fh:
            fh.write(head)
            block = b" " * (1 << 20)
            for _ in range(mb):
                fh.write(block)
            fh.write(b"</HealthData>\n")
    return path


def test_zip_bomb_refused_before_unpacking(tmp_path, monkeypatch):
    path = _bomb(tmp_path)
    info = zipfile.ZipFile(path).getinfo("apple_health_export/export.xml")
    assert info.file_size / info.compress_size > MAX_ZIP_RATIO  # deflate packs spaces ~1000:1
    unpacked = []
    real_read = zipfile.ZipExtFile.read

    def counting_read(self, n=-1):
        data = real_read(self, n)
        unpacked.append(len(data))
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counting_read)
    with pytest.raises(DiaryError, match=r"export\.zip: .*refused before unpacking.*zip bomb"):
        backpain.read_diary(path)
    # only the 64 KB peeks that find the export inside the zip (once when detecting the
    # format, once when reading) were ever unpacked, not the 8 MB member
    assert sum(unpacked) <= 2 * 65536


def test_zip_size_limit_option(tmp_path):
    path = _zip(tmp_path)
    with pytest.raises(DiaryError, match=r"max_unzipped_bytes=1,000"):
        read_apple_health(path, max_unzipped_bytes=1000)
    diary, _ = read_apple_health(path, max_unzipped_bytes=10**6)
    assert len(diary) == 4


def test_default_zip_limits_are_sane(tmp_path):
    # real exports reach several GB and compress 10-30 times
    assert 4 * 2**30 <= MAX_UNZIPPED_BYTES <= 64 * 2**30
    assert 50 <= MAX_ZIP_RATIO <= 1000
    info = zipfile.ZipFile(_zip(tmp_path)).getinfo("apple_health_export/export.xml")
    assert info.file_size / info.compress_size < MAX_ZIP_RATIO


def _peak_memory(path: Path) -> tuple[int, pd.DataFrame]:
    tracemalloc.start()
    try:
        diary, report = read_apple_health(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.balanced
    return peak, diary


@pytest.mark.slow
def test_memory_grows_with_days_not_with_records(tmp_path):
    # the reader keeps per-day totals and a 64-bit hash per record (to find exact
    # copies), not the records: 4x the records costs well under their size in the file
    rec = (
        ' <Record type="HKQuantityTypeIdentifierStepCount" sourceName="{src}" unit="count" '
        'startDate="2024-0{m}-{d:02d} 1{k}:{t:02d}:00 +0100" '
        'endDate="2024-0{m}-{d:02d} 1{k}:{t:02d}:30 +0100" '
        'value="10"><MetadataEntry key="k" value="v"/></Record>\n'
    )

    def body(k):
        return "".join(
            rec.format(src=("Watch", "iPhone")[i % 2], m=1 + i % 9, d=1 + i % 28, k=k, t=i // 252)
            for i in range(10080)
        )

    small, big = tmp_path / "small.xml", tmp_path / "big.xml"
    small.write_text(f'<HealthData locale="en_US">\n{body(0)}</HealthData>', encoding="utf-8")
    four = "".join(body(k) for k in range(4))
    big.write_text(f'<HealthData locale="en_US">\n{four}</HealthData>', encoding="utf-8")
    read_apple_health(small)  # warm up imports and caches
    peak_small, _ = _peak_memory(small)
    peak_big, diary = _peak_memory(big)
    extra_records = 3 * 10080
    record_bytes = (big.stat().st_size - small.stat().st_size) / extra_records
    per_record = (peak_big - peak_small) / extra_records
    assert per_record < 0.5 * record_bytes
    # the 1 MiB read chunk and expat's buffer (~3 MiB here) dominate, whatever the file size
    assert peak_big < 16 * 2**20
    # i mod 252 (= lcm of 2, 9, 28) fixes both the day and the source: one source per day,
    # so no record loses to a larger source; each record has its own minute (i // 252),
    # so none is a copy and the total is 4 x 10,080 x 10 steps
    assert len(diary) == 252
    assert diary["steps"].sum() == 4 * 10080 * 10


@pytest.mark.parametrize("cut", [1, 40, 1500, 3000, 5000, 7000, 9000, 10300])
def test_any_truncation_raises_a_diary_error(cut, tmp_path):
    data = EXPORT.read_bytes()
    assert cut < len(data)
    path = tmp_path / "export.xml"
    path.write_bytes(data[:cut])
    with pytest.raises(DiaryError, match=r"^export\.xml: "):
        read_apple_health(path)


def test_random_bytes_raise_a_diary_error(rng):
    junk = b"<HealthData>" + rng.integers(0, 256, 4000, dtype=np.uint8).tobytes()
    with pytest.raises(DiaryError, match=r"^<bytes>: the XML is broken"):
        read_apple_health(junk)


def test_sleep_batches_give_the_same_diary(monkeypatch, result):
    # big exports check and compact sleep records in batches; tiny batches change nothing
    import backpain.read.apple_health as ah

    monkeypatch.setattr(ah, "_SLEEP_BATCH", 3)
    diary, report = read_apple_health(EXPORT, subject="me")
    pd.testing.assert_frame_equal(diary, result[0])
    assert report.ignored == result[1].ignored
    assert report.rejected["row"].tolist() == result[1].rejected["row"].tolist()
    assert report.balanced


def _export(*records: str) -> bytes:
    head = '<HealthData locale="en_US"><ExportDate value="2024-04-01 09:00:00 +0100"/>'
    return (head + "".join(records) + "</HealthData>").encode()


def _record(kind: str, source: str, start: str, end: str, value: str) -> str:
    return (
        f'<Record type="HKCategoryTypeIdentifier{kind}" sourceName="{source}" '
        f'startDate="2024-03-{start} +0100" endDate="2024-03-{end} +0100" value="{value}"/>'
    ).replace("HKCategoryTypeIdentifierStepCount", "HKQuantityTypeIdentifierStepCount")


def test_exact_copies_are_counted_once():
    steps = _record("StepCount", "iPhone", "04 10:00:00", "04 10:05:00", "400")
    other_end = _record("StepCount", "iPhone", "04 10:00:00", "04 10:06:00", "400")
    watch = _record("StepCount", "Watch", "04 10:00:00", "04 10:05:00", "300")
    pain = _record(
        "LowerBackPain", "iPhone", "04 08:00:00", "04 08:00:00", "HKCategoryValueSeverityMild"
    )
    sleep = _record(
        "SleepAnalysis",
        "Watch",
        "04 01:00:00",
        "04 03:00:00",
        "HKCategoryValueSleepAnalysisAsleepCore",
    )
    bad = _record("StepCount", "iPhone", "05 10:00:00", "05 10:05:00", "many")
    data = _export(steps, steps, other_end, watch, pain, pain, sleep, sleep, sleep, bad, bad)
    diary, report = read_apple_health(data)
    # by hand: the iPhone's two distinct records 400 + 400 (the copy left out) beat the
    # Watch's 300; one pain record (mild = 3); the night's 2 hours once
    day = diary.set_index("date").loc["2024-03-04"]
    assert day["steps"] == 800.0
    assert day["pain"] == 3.0
    assert day["sleep_hours"] == 2.0
    # 1 step copy, 1 pain copy, 2 sleep copies and 1 copy of a rejected record
    assert report.rows_duplicate == 5
    assert report.rows_read == 11
    assert report.rows_rejected == 1
    assert report.balanced
    assert any("5 records repeat an earlier record exactly" in str(n) for n in report.notes)
    assert "5 records herhalen een eerder record exact" in report.summary("nl")


def test_pain_from_many_sources_keeps_the_days_highest():
    levels = ["Mild", "Severe", "Moderate", "Unspecified", "Extreme"]
    records = [
        _record(
            "LowerBackPain",
            f"App {i}",
            f"0{1 + i % 2} 0{i}:00:00",
            f"0{1 + i % 2} 0{i}:00:00",
            f"HKCategoryValueSeverity{level}",
        )
        for i, level in enumerate(levels)
    ]
    diary, report = read_apple_health(_export(*records))
    # by hand: day 1 holds Mild (3), Moderate (5) and Extreme (unknown, rejected);
    # day 2 holds Severe (7) and Unspecified (rejected: no severity)
    assert diary.set_index(diary["date"].dt.day)["pain"].to_dict() == {1: 5.0, 2: 7.0}
    assert report.rejected.set_index("row")["value"].to_dict() == {
        4: "HKCategoryValueSeverityUnspecified",
        5: "HKCategoryValueSeverityExtreme",
    }
    assert (report.rows_kept, report.rows_merged, report.rows_rejected) == (2, 1, 2)
    assert report.balanced


def test_progress_bar_by_megabytes_when_interactive(monkeypatch, capsys):
    monkeypatch.setenv("BACKPAIN_PROGRESS", "1")
    read_apple_health(EXPORT, lang="nl")
    err = capsys.readouterr().err
    assert "Apple Health-export export.xml lezen" in err
    assert "MB" in err


def test_no_progress_bar_when_not_interactive(monkeypatch, capsys):
    monkeypatch.delenv("BACKPAIN_PROGRESS", raising=False)
    read_apple_health(EXPORT)  # stderr is captured: not a terminal
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("BACKPAIN_PROGRESS", "1")
    read_apple_health(EXPORT, progress=False)
    assert capsys.readouterr().err == ""


def test_huge_element_is_refused():
    value = "9" * (3 * 2**20)
    data = _export(_record("StepCount", "iPhone", "04 10:00:00", "04 10:05:00", value))
    with pytest.raises(DiaryError, match=r"limit: element size") as info:
        read_apple_health(data, max_element_bytes=2**20)
    assert f"limit of {2**20} bytes" in str(info.value)
    assert "grens: grootte van een element" in info.value.render("nl")
    diary, _ = read_apple_health(data, max_element_bytes=4 * 2**20)  # under the limit: read
    assert diary.empty or diary["steps"].isna().all()
