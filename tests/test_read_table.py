"""The generic table reader behind read_diary: CSV (English/Dutch), Excel, JSON, Parquet."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
from _examples import examples
from hypothesis import given, settings
from hypothesis import strategies as st

import backpain
from backpain import DiaryError
from backpain.schema import normalise_header

TABLE = Path(__file__).parent / "data" / "table"


def test_dutch_semicolon_decimal_comma_dayfirst_cp1252():
    diary, report = backpain.read_diary(
        TABLE / "nl_semicolon_cp1252.csv", subject="p1", return_report=True
    )
    # hand-read from the file: day-first (13-04 proves it), decimal comma, thousands dot
    assert diary["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-04-03",
        "2026-04-04",
        "2026-04-13",
    ]
    assert diary["pain"].tolist() == [6.5, 4.0, 3.0]
    assert diary["sleep_hours"].tolist() == [5.5, 7.25, 8.0]
    assert diary["steps"].tolist() == [10234.0, 8120.0, 6500.0]
    assert diary["tags"][0] == "physiotherapy"  # kinesist = ja
    assert pd.isna(diary["tags"][1])  # kinesist = nee
    assert diary["notes"][2] == "wandeling gedaan één uur"  # cp1252 é decoded
    assert report.rows_read == 3
    assert report.rows_kept == 3
    assert report.balanced
    assert any("cp1252" in str(n) for n in report.notes)
    assert any("day-month-year" in str(n) for n in report.notes)


def test_bom_utf8_english_headers():
    diary = backpain.read_diary(TABLE / "bom_utf8.csv", subject="x")
    assert list(diary.columns) == ["subject", "date", "pain", "stress", "notes"]
    assert diary["notes"][0] == "first, with comma"
    assert diary["subject"].dtype == "string"
    assert diary["date"].dtype == "datetime64[ns]"


def test_bad_rows_are_rejected_with_reasons_and_counts_add_up():
    diary, report = backpain.read_diary(TABLE / "bad_rows.csv", return_report=True)
    assert report.rows_read == 10  # 9 data lines + 1 blank line
    assert report.rows_ignored == 1  # the blank line
    rejected = report.rejected.set_index("row")
    # spreadsheet row numbers: header is row 1
    assert rejected.loc[3, "column"] == "pain"
    assert "not a number" in rejected.loc[3, "reason"]
    assert rejected.loc[4, "value"] == "11"
    assert "pain_scale=100" in rejected.loc[4, "reason"]
    assert rejected.loc[5, "column"] == "date"
    assert rejected.loc[6, "column"] == "stress"
    assert rejected.loc[8, "column"] == "sleep_hours"
    assert rejected.loc[9, "column"] == "subject"
    assert report.rows_rejected == 6
    # two entries on 2026-01-08 merged into one day: mean pain, sum of sleep
    assert report.rows_merged == 1
    assert report.rows_kept == len(diary) == 2
    jan8 = diary[diary["date"] == "2026-01-08"].iloc[0]
    assert jan8["pain"] == 4.0
    assert jan8["stress"] == 3.0
    assert jan8["sleep_hours"] == 7.5
    assert report.balanced
    assert (report.rejected["file"] == "bad_rows.csv").all()
    assert "rejected row 3" in report.summary()
    assert "<table>" in report._repr_html_()


def test_excel_file(tmp_path):
    frame = pd.DataFrame(
        {
            "Datum": pd.to_datetime(["2026-02-01", "2026-02-02"]),
            "Pijn": [3, 4],
            "Stemming": [7, 6],
        }
    )
    path = tmp_path / "dagboek.xlsx"
    frame.to_excel(path, index=False)
    diary, report = backpain.read_diary(path, return_report=True)
    assert diary["subject"].tolist() == ["dagboek", "dagboek"]  # from the file name
    assert diary["mood"].tolist() == [7.0, 6.0]
    assert report.rows_read == 2
    assert report.balanced


def test_json_parquet_dataframe_bytes_and_file_objects(tmp_path):
    records = [{"date": "2026-05-01", "pain": 2}, {"date": "2026-05-02", "pain": 3}]
    expected = [2.0, 3.0]
    assert (
        backpain.read_diary(json.dumps(records).encode(), subject="j")["pain"].tolist() == expected
    )
    frame = pd.DataFrame(records)
    assert backpain.read_diary(frame, subject="d")["pain"].tolist() == expected
    frame.to_parquet(tmp_path / "d.parquet")
    assert backpain.read_diary(tmp_path / "d.parquet")["pain"].tolist() == expected
    text = io.StringIO("date,pain\n2026-05-01,2\n2026-05-02,3\n")
    assert backpain.read_diary(text, subject="s")["pain"].tolist() == expected


def test_frame_input_is_not_mutated():
    frame = pd.DataFrame({"Date": ["2026-05-01"], "Pain": ["2"]})
    before = frame.copy()
    backpain.read_diary(frame, subject="s")
    pd.testing.assert_frame_equal(frame, before)


def test_columns_mapping_and_dayfirst_option():
    csv = b"dag van meting,score\n03/04/2026,5\n04/04/2026,6\n"
    with pytest.raises(DiaryError, match="no date column"):
        backpain.read_diary(csv, subject="s")
    with pytest.raises(DiaryError, match=r"ambiguous.*dayfirst"):
        backpain.read_diary(csv, subject="s", columns={"dag van meting": "date", "score": "pain"})
    diary = backpain.read_diary(
        csv, subject="s", columns={"dag van meting": "date", "score": "pain"}, dayfirst=False
    )
    assert diary["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-03-04", "2026-04-04"]


def test_ambiguous_dates_resolved_from_the_whole_column():
    csv = b"date,pain\n03/04/2026,5\n04/25/2026,6\n"
    diary = backpain.read_diary(csv, subject="s")
    # 04/25 can only be month-first, so 03/04 is 4 March
    assert diary["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-03-04", "2026-04-25"]


def test_pain_on_0_100_scale_needs_pain_scale():
    csv = b"date,pain\n2026-01-01,65\n2026-01-02,40\n2026-01-03,80\n"
    with pytest.raises(DiaryError, match=r"0-100 scale.*pain_scale=100"):
        backpain.read_diary(csv, subject="s")
    diary = backpain.read_diary(csv, subject="s", pain_scale=100)
    assert diary["pain"].tolist() == [6.5, 4.0, 8.0]


def test_two_columns_for_one_variable_is_an_error():
    csv = b"date,pain,pijn\n2026-01-01,5,5\n"
    with pytest.raises(DiaryError, match="'pain' and 'pijn' both look like 'pain'"):
        backpain.read_diary(csv, subject="s")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "NUL bytes"),
        (b"date,notes\n2026-01-01,ok\n", "no pain column"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old excel", r"Excel 97-2003 \(.xls\)"),
    ],
)
def test_unreadable_files_raise_diary_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    with pytest.raises(DiaryError, match=message) as info:
        backpain.read_diary(path)
    assert "broken.csv" in str(info.value)


def test_missing_file_and_bad_arguments():
    with pytest.raises(DiaryError, match="no such file"):
        backpain.read_diary("does/not/exist.csv")
    with pytest.raises(ValueError, match="format='nope' is not known"):
        backpain.read_diary(b"date,pain\n", format="nope")
    with pytest.raises(TypeError, match="cannot read a diary from a int"):
        backpain.read_diary(42)
    with pytest.raises(ValueError, match="pain_scale must be 10 or 100"):
        backpain.read_diary(b"date,pain\n2026-01-01,3\n", subject="s", pain_scale=5)


def test_check_diary_messages(diary):
    with pytest.raises(ValueError, match=r"no column\(s\) \['pain'\]"):
        backpain.check_diary(diary.drop(columns="pain"))
    with pytest.raises(ValueError, match="repeated subject/day rows"):
        backpain.check_diary(pd.concat([diary, diary.head(1)]))
    bad = diary.copy()
    bad.loc[3, "pain"] = 14
    with pytest.raises(ValueError, match="column 'pain' holds 14 in row 3"):
        backpain.check_diary(bad)


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"<?xml version='1.0'?><html></html>", "XML or HTML"),
        (b"just one column\nsecond line\n", "single column"),
    ],
)
def test_unknown_content_lists_the_formats_tried(content, why):
    with pytest.raises(DiaryError, match="not a diary format backpain reads") as info:
        backpain.read_diary(content)
    message = str(info.value)
    assert why in message
    for name in backpain.read.FORMATS:
        assert f"{name}:" in message


def test_a_list_passes_each_reader_only_its_own_options(tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("date,pain\n2026-01-01,4\n")
    diary = backpain.read_diary([first, first], subject="me", dayfirst=False)
    assert diary["pain"].tolist() == [4.0]
    with pytest.raises(TypeError, match=r"option\(s\) \['colour'\] are not taken by any format"):
        backpain.read_diary([first], colour="red")


def test_an_option_the_format_does_not_take_names_the_format_and_its_options(tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("date,pain\n2026-01-01,4\n")
    # moods= is Daylio's option: the table format says which options it takes instead
    with pytest.raises(
        TypeError,
        match=r"a\.csv: option\(s\) moods are not taken by the 'table' "
        r"format, which takes: columns, dayfirst, decimal, encoding, pain_scale, ",
    ):
        backpain.read_diary(first, moods=["good", "bad"])
    with pytest.raises(TypeError, match=r"<DataFrame>: option\(s\) colour .* 'table' format"):
        backpain.read_diary(pd.DataFrame({"date": ["2026-01-01"], "pain": [4]}), colour="red")


def test_each_format_takes_the_keyword_options_of_its_reader():
    # read once from each reader's signature; subject= is every reader's, not an option
    formats = backpain.read.FORMATS
    assert formats["daylio"].options == {"moods", "dayfirst"}
    assert formats["fitbit_api"].options == frozenset()
    assert {"columns", "dayfirst", "pain_scale", "sheet"} <= formats["table"].options
    assert all("subject" not in f.options for f in formats.values())


def test_excel_numbers_typed_as_text_with_decimal_commas(tmp_path):
    frame = pd.DataFrame(
        {"Datum": ["03-04-2026", "04-04-2026"], "Pijn": ["6,5", 4], "Slaap": ["7,5", "8"]}
    )
    path = tmp_path / "dagboek.xlsx"
    frame.to_excel(path, index=False)
    diary = backpain.read_diary(path)
    assert diary["pain"].tolist() == [6.5, 4.0]
    assert diary["sleep_hours"].tolist() == [7.5, 8.0]
    assert diary["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-04-03", "2026-04-04"]


def test_ids_and_notes_that_look_like_numbers_stay_text():
    csv = b"subject,date,pain,notes\n007,2026-01-01,3,0\n008,2026-01-02,4,\n"
    diary = backpain.read_diary(csv)
    assert diary["subject"].tolist() == ["007", "008"]
    assert diary["notes"][0] == "0"


def test_a_row_of_empty_cells_is_blank_whatever_the_column_types():
    # found by hypothesis: the tags column, read again as text, held "" for the
    # empty cell, so the row was not counted blank and was rejected ("date is empty")
    data = b"date,tags,pain,extra_0\r\n2026-01-05,20000000000000000000,0,\r\n,,,\r\n2026-01-05,:,0,"
    diary, report = backpain.read_diary(data, return_report=True)
    assert report.rows_rejected == 0
    assert {str(k): v for k, v in report.ignored.items()} == {"blank row": 1}
    assert (report.rows_read, report.rows_kept, report.rows_merged) == (3, 1, 1)
    assert report.balanced
    assert len(diary) == 1


def test_white_space_rows_are_blank_in_every_reader():
    table = b"date,pain,notes\n2026-01-05,4,x\n , ,  \n"
    _, report = backpain.read_diary(table, return_report=True)
    assert {str(k): v for k, v in report.ignored.items()} == {"blank row": 1}
    assert report.rows_rejected == 0


def test_a_table_without_pain_but_with_steps_loads_with_pain_empty():
    # a wearable's table merges per day with the pain diary (read_diary([diary, steps]))
    diary, report = backpain.read_diary(
        b"date,steps\n2024-01-01,5000\n2024-01-02,6000\n", return_report=True
    )
    assert diary["pain"].isna().all()
    assert diary["steps"].tolist() == [5000, 6000]
    assert report.balanced
    assert any(n.key == "read.note.no_pain_merge" for n in report.notes)
    merged = backpain.read_diary(
        [b"date,pain\n2024-01-01,4\n", b"date,steps\n2024-01-01,5000\n"], subject="me"
    )
    assert merged[["pain", "steps"]].iloc[0].tolist() == [4, 5000]


@pytest.mark.parametrize(
    ("date_header", "pain_header"),
    [
        ("Timestamp", "Intensity"),
        ("Date/Time", "Pain level"),
        ("date_time", "Pain score"),
        ("Tijdstip", "Pijnniveau"),
        ("Datum en tijd", "Pain (0-10)"),
        ("DateTime", "Pijn intensiteit"),
    ],
)
def test_headers_people_write(date_header, pain_header):
    csv = f"{date_header},{pain_header}\n2026-01-05 08:30,4\n2026-01-06 21:00,6\n".encode()
    diary, report = backpain.read_diary(csv, subject="p", return_report=True)
    assert diary["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-01-05", "2026-01-06"]
    assert diary["pain"].tolist() == [4.0, 6.0]
    assert report.columns["date"] == date_header
    assert report.columns["pain"] == pain_header


def test_no_pain_column_lists_the_headers_as_written():
    csv = b"Datum;Hoeveelheid Pijn;Opmerking\n01-01-2026;4;x\n"
    with pytest.raises(DiaryError) as err:
        backpain.read_diary(csv)
    assert "['Datum', 'Hoeveelheid Pijn', 'Opmerking']" in str(err.value)
    assert "'date'" not in str(err.value)


def test_exact_duplicate_rows_are_counted_not_summed():
    # the same two days exported twice, plus a real second entry on day 2
    csv = (
        b"date,pain,sleep_hours,notes\n"
        b"2026-01-01,4,8,ok\n2026-01-02,5,7,\n"
        b"2026-01-01,4,8,ok\n2026-01-02,5,7,\n"
        b"2026-01-02,6,,evening\n"
    )
    diary, report = backpain.read_diary(csv, subject="p", return_report=True)
    # by hand: day 1 once (8 h, not 16); day 2 = 5 and 6 -> mean 5.5, sleep 7 h
    assert diary["sleep_hours"].tolist() == [8.0, 7.0]
    assert diary["pain"].tolist() == [4.0, 5.5]
    assert (report.rows_read, report.rows_kept, report.rows_merged) == (5, 2, 1)
    assert report.rows_duplicate == 2
    assert report.balanced
    assert "exact duplicates: 2 rows" in report.summary()
    assert "exacte dubbels: 2 rijen" in report.summary(lang="nl")
    assert any(getattr(n, "key", "") == "read.note.duplicate_rows" for n in report.notes)


def test_duplicates_add_up_over_merged_files():
    one = b"date,pain,steps\n2026-01-01,4,100\n2026-01-01,4,100\n"
    two = b"date,steps\n2026-01-02,200\n"
    diary, report = backpain.read_diary([one, two], subject="p", return_report=True)
    assert diary["steps"].tolist() == [100.0, 200.0]
    assert report.rows_duplicate == 1
    assert report.balanced


@pytest.mark.parametrize("word", ["NA", "N/A", "null", "None"])
def test_excel_text_na_words_survive_a_round_trip(tmp_path, word):
    diary = pd.DataFrame(
        {
            "subject": pd.Series(["p", "p"], dtype="string"),
            "date": pd.to_datetime(["2026-01-01", "2026-01-02"]),
            "pain": [4.0, float("nan")],
            "tags": pd.Series([normalise_header(word), pd.NA], dtype="string"),
            "notes": pd.Series([word, "fine"], dtype="string"),
        }
    )
    path = tmp_path / "na.xlsx"
    backpain.write_diary(diary, path)
    back = backpain.read_diary(path)
    assert back["notes"].tolist() == [word, "fine"]
    # a tag is kept, in the normal form tags take ("n/a" -> "n a"), never made missing
    assert back["tags"].tolist()[0] == normalise_header(word)
    assert back["pain"].isna().tolist() == [False, True]


def test_a_header_ended_by_a_bare_carriage_return_keeps_its_column_rules():
    # found by the hypothesis test: with "\r" after the header the number column's
    # missing marks ("-") were not applied, and the row was rejected instead of kept
    diary, report = backpain.read_diary(
        b"date,pain\r2026-01-05,-\r\n,", subject="s", return_report=True
    )
    assert (report.rows_kept, report.rows_ignored, report.rows_rejected) == (1, 1, 0)
    assert diary["pain"].isna().all()


# ------------------------------------------- read_table: one parse, one mapping
def _spy(monkeypatch, module, name: str) -> list[int]:
    calls: list[int] = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


@pytest.mark.parametrize(
    "text",
    [
        "date,pain,subject,notes\n2026-01-01,4,007,0\n2026-01-02,3,007,ok\n",  # ids read as text
        '"date","pain","notes"\n2026-01-01,4,"a, b"\n',  # a quoted header
        "datum;pijn;notities\n03-04-2026;6,5;-\n13-04-2026;4;x\n",  # ; and a decimal comma
        "sep=;\ndate;pain\n2026-01-01;4\n",  # Excel's separator line
        "date,pain,,x,x\n2026-01-01,4,,1,2\n",  # an empty and a repeated header
    ],
)
def test_a_csv_is_parsed_once_and_its_header_mapped_once(monkeypatch, text):
    from backpain.read import table

    reads = _spy(monkeypatch, table.pd, "read_csv")
    maps = _spy(monkeypatch, table, "map_columns")
    backpain.read_diary(io.BytesIO(text.encode()))
    assert (len(reads), len(maps)) == (1, 1)  # before: up to 4 parses and 2 mappings


def test_a_repeated_diary_header_is_refused_before_parsing(monkeypatch):
    from backpain.read import table

    reads = _spy(monkeypatch, table.pd, "read_csv")
    with pytest.raises(DiaryError, match="pain"):
        backpain.read_diary(io.BytesIO(b"date,pain,pain \n2026-01-01,4,5\n"), subject="me")
    assert not reads


def test_ids_stay_text_in_the_one_parse():
    csv = b"date,pain,subject,notes\n2026-01-01,4,007,0\n2026-01-02,3,007,1.50\n"
    diary = backpain.read_diary(io.BytesIO(csv), subject="007")
    assert diary["subject"].tolist() == ["007", "007"]
    assert diary["notes"].tolist() == ["0", "1.50"]


@pytest.mark.parametrize(
    "line",
    [
        '"date","pain","notes"',
        'date, "pain" ,notes',
        '"da""te",pain,"x,y"',
        "date,pain,,pain,pain.1,pain",
        ' ,date,"",pain',
        'date,"pa\nin",x',
        "date\tpain\t\t",
    ],
)
def test_the_header_read_before_pandas_is_pandas_own(line):
    from backpain.read.table import _quoted_header

    sep = "\t" if "\t" in line else ","
    text = line + "\n2026-01-01" + sep + "4\n"
    # reference: pandas' own header (the parse read_table used to do first)
    expected = list(
        pd.read_csv(io.StringIO(text), sep=sep, nrows=0, skipinitialspace=True, index_col=False)
    )
    assert _quoted_header(text, sep, len(text)) == expected


_PIECES = ["a", "b", "a.1", " ", '"', ",", ";", "x y", "", "Unnamed: 1", "é", "\t", "\r", "a.2"]


@given(
    cells=st.lists(
        st.tuples(st.lists(st.sampled_from(_PIECES), max_size=3), st.booleans()),
        min_size=1,
        max_size=7,
    ),
    sep=st.sampled_from([",", ";", "\t", "|"]),
)
@settings(max_examples=examples(300), deadline=None)
def test_any_header_read_before_pandas_is_pandas_own(cells, sep):
    from backpain.read.table import _plain_header, _quoted_header

    written = ["".join(p) for p, _ in cells]
    line = sep.join(
        '"' + c.replace('"', '""') + '"' if quoted else c
        for c, (_, quoted) in zip(written, cells, strict=True)
    )
    text = line + "\n1" + sep + "2\n"
    options = {"sep": sep, "skipinitialspace": True, "index_col": False}
    options.update(keep_default_na=False, skip_blank_lines=False)
    try:  # reference: the header pandas reads with read_table's options
        expected = list(pd.read_csv(io.StringIO(text), nrows=0, **options))
    except (pd.errors.ParserError, ValueError):
        return  # pandas refuses the header: so does the one parse
    assert (_plain_header(text, sep) or _quoted_header(text, sep, len(text))) == expected
