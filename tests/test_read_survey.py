"""read_survey: the shared REDCap and Qualtrics samples, own pitfall fixtures, errors."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from _examples import examples

import backpain
from backpain.errors import SurveyError
from backpain.questionnaires import score_odi
from backpain.read.survey import read_survey

DATA = Path(__file__).parent / "data" / "survey"

REDCAP = [
    # project, rows, columns (checkboxes collapsed), key columns
    ("simple", 5, 19, ["record_id"]),
    (
        "repeating-instruments",
        6,
        15,
        ["record_id", "redcap_repeat_instrument", "redcap_repeat_instance"],
    ),
    ("survey", 2, 33, ["participant_id"]),
    ("longitudinal", 18, 105, ["study_id", "redcap_event_name"]),
]


def balanced(report, read, kept, ignored=0, rejected=0):
    assert report.balanced
    assert report.rows_merged == 0  # survey rows are never combined (no "merged" wording)
    assert (report.rows_read, report.rows_kept, report.rows_ignored, report.rows_rejected) == (
        read,
        kept,
        ignored,
        rejected,
    )


@pytest.mark.parametrize("with_dictionary", [False, True])
@pytest.mark.parametrize(("project", "rows", "ncols", "keys"), REDCAP)
def test_shared_redcap_samples(shared_samples, project, rows, ncols, keys, with_dictionary):
    folder = shared_samples / "redcap"
    dictionary = folder / f"{project}__dictionary.csv" if with_dictionary else None
    survey, report = read_survey(
        folder / f"{project}__data.csv", dictionary=dictionary, return_report=True
    )
    assert report.format == "redcap"
    balanced(report, rows, rows)
    assert survey.table.shape == (rows, ncols)
    assert not survey.table.duplicated(keys).any()
    completes = [c for c in survey.table.columns if c.endswith("_complete")]
    assert completes
    for c in completes:
        assert list(survey.table[c].cat.categories) == ["Incomplete", "Unverified", "Complete"]
    assert not any("___" in c for c in survey.table.columns)


def test_redcap_simple_details(shared_samples):
    folder = shared_samples / "redcap"
    survey, report = read_survey(
        folder / "simple__data.csv",
        dictionary=folder / "simple__dictionary.csv",
        return_report=True,
    )
    # multi-line quoted text survives, with its blank line
    assert survey.table.loc[3, "comments"].count("\n") == 3
    assert survey.table.loc[0, "address"] == "14 Rose Cottage St.\nKenning UK, 323232"
    # race___1..6 of record 2 are 0,0,1,0,1,0 -> ticked codes 3 and 5
    assert survey.table.loc[1, "race"] == "3|5"
    assert survey.table.loc[0, "demographics_complete"] == "Complete"
    assert survey.table.loc[0, "health_complete"] == "Unverified"
    # sex holds TRUE/FALSE, not the dictionary's 0/1 codes: kept as written and reported
    assert survey.table.loc[0, "sex"] == "FALSE"
    assert any(str(n).startswith("sex: values ['FALSE', 'TRUE']") for n in report.notes)
    assert survey.labels["ethnicity"] == "Ethnicity"
    assert survey.choices["ethnicity"]["1"] == "NOT Hispanic or Latino"
    labelled = read_survey(
        folder / "simple__data.csv",
        dictionary=folder / "simple__dictionary.csv",
        choice_labels=True,
    )
    assert labelled.table.loc[0, "race"] == "White"
    assert labelled.table.loc[0, "ethnicity"] == "NOT Hispanic or Latino"


def test_redcap_survey_timestamps(shared_samples):
    survey = read_survey(shared_samples / "redcap" / "survey__data.csv")
    ts = survey.table["participant_morale_questionnaire_timestamp"]
    assert pd.api.types.is_datetime64_any_dtype(ts)
    assert ts.isna().all()
    assert survey.table.loc[0, "prescreening_survey_timestamp"] == pd.Timestamp(
        "2018-03-06 15:52:43"
    )
    assert survey.table["consent"].tolist() == ["1", ""]  # ticked / none ticked


def test_redcap_repeating_and_longitudinal_keys(shared_samples):
    folder = shared_samples / "redcap"
    rep = read_survey(folder / "repeating-instruments__data.csv")
    assert rep.table["redcap_repeat_instance"].dtype == "Int64"
    assert rep.table["redcap_repeat_instance"].tolist()[:4] == [pd.NA, 1, 2, 3]
    assert rep.table.loc[1, "bp_systolic"] == 110
    lon = read_survey(
        folder / "longitudinal__data.csv", dictionary=folder / "longitudinal__dictionary.csv"
    )
    assert lon.table.groupby("study_id").size().to_dict() == {"100": 6, "220": 6, "304": 6}
    assert lon.table.loc[0, "gym"] == "0"  # gym___0 ticked only (Monday)


@pytest.mark.parametrize(
    ("name", "first_row", "n_labels"),
    [("qualtrics_sample_3header.csv", 4, 20), ("qualtrics_sample_legacy_2header.csv", 3, 15)],
)
def test_shared_qualtrics_samples(shared_samples, name, first_row, n_labels):
    survey, report = read_survey(shared_samples / "qualtrics" / name, return_report=True)
    assert report.format == "qualtrics"
    balanced(report, 1, 1)
    assert survey.table.loc[0, "ResponseId"] == "R_2YPOQ602ER1jkf1"
    assert survey.table.loc[0, "Q1"] == 2
    assert survey.table.loc[0, "Q2"] == "Hello World!"
    assert survey.table.loc[0, "StartDate"] == pd.Timestamp("2017-07-18 08:28:09")
    assert not survey.table.loc[0, "is_preview"]
    assert survey.table.loc[0, "is_complete"]
    assert len(survey.labels) == n_labels
    assert survey.labels["Q1"] == "This is a multiple choice question."
    assert "" not in survey.table.columns  # the legacy trailing comma


def test_qualtrics_localised_labels_and_import_ids(shared_samples):
    survey = read_survey(shared_samples / "qualtrics" / "qualtrics_sample_3header.csv")
    assert survey.labels["StartDate"] == "Anfangsdatum"
    assert survey.import_ids["Q1"] == "QID1"


def test_qualtrics_flags_and_rejections():
    survey, report = read_survey(DATA / "qualtrics_flags.csv", return_report=True)
    balanced(report, 5, 3, rejected=2)
    assert survey.table["ResponseId"].tolist() == ["R_aaa", "R_bbb", "R_ccc"]
    assert survey.table["is_preview"].tolist() == [False, True, False]  # never dropped
    assert survey.table["is_complete"].tolist() == [True, True, False]
    # rows as the file shows them: the first respondent is row 4
    assert report.rejected["row"].tolist() == [7, 8]
    assert report.rejected["reason"].str.contains("repeats|empty").all()
    assert report.rejected["reason"][0] == "repeats row 4 in ResponseId"  # R_aaa again


def test_qualtrics_legacy_bytes_with_bom_and_crlf():
    text = "\ufeffV1,V7,V10,Q1,\r\nResponseID,Status,Finished,Pain,\r\nR_1,0,1,4,\r\nR_2,1,0,,\r\n"
    survey, report = read_survey(text.encode("utf-8"), return_report=True)
    balanced(report, 2, 2)
    assert list(survey.table.columns[:4]) == ["ResponseId", "Status", "Finished", "Q1"]
    assert survey.table["is_preview"].tolist() == [False, True]
    assert survey.table["is_complete"].tolist() == [True, False]


def test_redcap_pitfalls_and_dictionary():
    survey, report = read_survey(
        DATA / "redcap_pitfalls.csv",
        dictionary=DATA / "redcap_pitfalls_dictionary.csv",
        return_report=True,
    )
    # 8 records (one spans two lines), 1 blank, 1 without id, 1 repeated key
    balanced(report, 8, 5, ignored=1, rejected=2)
    assert {str(k): v for k, v in report.ignored.items()} == {"blank row": 1}
    assert report.rejected["row"].tolist() == [8, 9]
    assert "repeats row 7 in record_id" in report.rejected.loc[1, "reason"]
    assert (
        survey.table.loc[0, "comments"]
        == 'Pain since lifting a box.\nWorse in the morning, "stiff".'
    )
    assert survey.table.loc[0, "pain_site"] == "1|3"
    assert survey.table.loc[4, "pain_site"] == ""  # nothing ticked
    assert pd.isna(survey.table.loc[1, "pain_site"])  # not asked at this event
    assert pd.isna(survey.table.loc[1, "baseline_timestamp"])  # [not completed]
    assert survey.table["baseline_complete"].tolist() == [
        "Complete",
        "Incomplete",
        "Unverified",
        "Unverified",
        "Complete",
    ]
    # codes stay numbers, so the questionnaire can be scored
    assert survey.table["odi1"].dtype == "Int64"
    assert survey.choices["odi1"]["3"] == "The pain is fairly severe"
    labelled = read_survey(
        DATA / "redcap_pitfalls.csv",
        dictionary=(DATA / "redcap_pitfalls_dictionary.csv").read_bytes(),
        choice_labels=True,
    )
    assert labelled.table.loc[0, "sex"] == "Female"
    assert labelled.table.loc[0, "pain_site"] == "Low back|Neck"
    assert list(labelled.table["odi2"].cat.categories)[:2] == ["Normal", "Normal but painful"]


def test_generic_dutch_table():
    survey, report = read_survey(DATA / "generiek_nl.csv", return_report=True)
    assert report.format == "table"
    balanced(report, 5, 3, ignored=1, rejected=1)
    assert report.rejected["row"].tolist() == [5]
    assert list(survey.table.columns) == [
        "subject",
        "date",
        "pain_duration",
        "age",
        "peg1",
        "opmerking",
    ]
    assert survey.table["date"].tolist() == list(
        pd.to_datetime(["2026-11-24", "2026-11-25", "2026-11-27"])
    )
    assert survey.table["peg1"].tolist() == [6.5, 4.0, 7.0]  # decimal comma
    assert survey.table.loc[2, "opmerking"] == "lang verhaal; met puntkomma"
    assert survey.labels["pain_duration"] == "pijnduur"


def test_survey_holds_answers_and_codebook_without_attrs():
    # issue #23 section 3: the codebook lives in the Survey's fields, not in DataFrame.attrs
    survey = read_survey(DATA / "generiek_nl.csv")
    assert isinstance(survey, backpain.Survey)
    assert survey.table.attrs == {}
    assert survey.labels == {
        "subject": "deelnemer",
        "date": "datum",
        "pain_duration": "pijnduur",
        "age": "leeftijd",
    }
    assert (survey.choices, survey.import_ids) == ({}, {})
    shown = repr(survey)
    assert shown.startswith("Survey\n")
    assert "labels: 4 entries: subject: deelnemer; date: datum;" in shown
    assert "choices: none" in shown
    big = backpain.Survey(pd.DataFrame({f"q{i}": range(500) for i in range(300)}))
    assert "[500 rows x 300 columns]" in repr(big)  # pandas' truncated display, not every cell
    assert len(repr(big)) < 5_000
    assert "pijnduur" in survey._repr_html_()
    # the scoring and classifying functions take the Survey or its table alike
    pd.testing.assert_frame_equal(
        backpain.score_peg(survey.table.assign(peg2=5, peg3=5)),
        backpain.score_peg(dataclasses.replace(survey, table=survey.table.assign(peg2=5, peg3=5))),
    )
    pd.testing.assert_frame_equal(
        backpain.classify_survey(survey), backpain.classify_survey(survey.table)
    )


def test_a_workbook_with_several_sheets_of_data_is_refused_naming_them(tmp_path):
    # issue #27: no sheet is dropped without a word; a survey export has one sheet of answers
    path = tmp_path / "survey.xlsx"
    with pd.ExcelWriter(path) as book:
        answers = pd.DataFrame({"record_id": [1, 2], "odi_1": [1, 2]})
        answers.to_excel(book, sheet_name="answers", index=False)
        pd.DataFrame({"note": ["wave 2 follows"]}).to_excel(book, sheet_name="notes", index=False)
        pd.DataFrame({"x": []}).to_excel(book, sheet_name="empty", index=False, header=False)
    with pytest.raises(
        SurveyError, match=r"several sheets with data \('answers' \(3 rows\)"
    ) as err:
        read_survey(path)
    assert "'notes' (2 rijen)" in err.value.render("nl")
    assert "'empty'" not in str(err.value)  # an empty sheet loses nothing


def test_generic_excel_and_dataframe(tmp_path):
    frame = pd.DataFrame(
        {"Respondent": ["a", "b"], "ODI 1": [1, 2], "Pain duration": ["3 months", "2 weeks"]}
    )
    path = tmp_path / "survey.xlsx"
    frame.to_excel(path, index=False)
    survey, report = read_survey(path, return_report=True)
    balanced(report, 2, 2)
    assert list(survey.table.columns) == ["subject", "odi_1", "pain_duration"]
    from_frame = read_survey(frame)
    assert from_frame.table["odi_1"].tolist() == [1, 2]
    redcap_frame = pd.DataFrame({"record_id": [1, 2], "odi1": [3, 4], "odi_complete": [2, 0]})
    assert read_survey(redcap_frame).table["odi_complete"].tolist() == ["Complete", "Incomplete"]


def test_redcap_scores_after_reading():
    csv = "record_id," + ",".join(f"odi{i}" for i in range(1, 11)) + ",odi_complete\n"
    csv += "7," + ",".join(["2"] * 10) + ",2\n"
    survey = read_survey(io.BytesIO(csv.encode()))
    assert score_odi(survey).loc[0, "odi_score"] == 40.0


def test_leading_zeros_and_text_stay_text():
    csv = "subject,zip,score\nP1,0123,5\nP2,4567,6\n"
    survey = read_survey(csv.encode())
    assert survey.table["zip"].tolist() == ["0123", "4567"]
    assert survey.table["score"].dtype == "Int64"


def test_errors(tmp_path):
    with pytest.raises(SurveyError, match="empty"):
        read_survey(b"")
    with pytest.raises(SurveyError, match=r"Tried redcap: .*qualtrics: .*table: "):
        read_survey(b"just one column\nvalue\n")
    with pytest.raises(SurveyError, match="dictionary= is for REDCap"):
        read_survey(DATA / "generiek_nl.csv", dictionary=DATA / "redcap_pitfalls_dictionary.csv")
    with pytest.raises(SurveyError, match="Field Type"):
        read_survey(DATA / "redcap_pitfalls.csv", dictionary=b"a,b\n1,2\n")
    with pytest.raises(ValueError, match="format='spss' is not known"):
        read_survey(DATA / "generiek_nl.csv", format="spss")
    with pytest.raises(SurveyError, match="no such file"):
        read_survey(tmp_path / "missing.csv")
    with pytest.raises(SurveyError, match="parquet"):
        read_survey(b"PAR1" + b"\x00" * 20)


def test_forced_format():
    survey, report = read_survey(DATA / "redcap_pitfalls.csv", format="table", return_report=True)
    assert report.format == "table"
    assert "pain_site_1" in survey.table.columns  # generic tables: snake_case, no collapsing


API_METADATA = (
    b"field_name,form_name,section_header,field_type,field_label,"
    b"select_choices_or_calculations\nrecord_id,baseline,,text,Record ID,\n"
    b'pain,baseline,,radio,Pain now,"0, None | 1, Some"\n'
)


@pytest.mark.parametrize("format", ["auto", "redcap", "qualtrics"])
@pytest.mark.parametrize(
    ("name", "match"),
    [
        (
            "simple__dictionary.csv",
            r"^simple__dictionary\.csv: this is a REDCap data dictionary .*Pass it as "
            r"dictionary= next to the data export",
        ),
        (
            "longitudinal__event.csv",
            r"^longitudinal__event\.csv: this is a REDCap event table \(columns 'event_name', "
            r"'arm_num', 'unique_event_name', \.\.\.\).*does not need it.*read the data export",
        ),
    ],
)
def test_redcap_project_files_are_not_answers(shared_samples, name, match, format):
    # REDCapR test exports; before this check they were read as a 16- or 12-row table
    with pytest.raises(SurveyError, match=match):
        read_survey(shared_samples / "redcap" / name, format=format)


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (API_METADATA, r"^<bytes>: this is a REDCap data dictionary \(columns 'field_name'"),
        (
            b"arm_num,unique_event_name,form\n1,enrollment_arm_1,baseline\n",
            r"REDCap instrument-event mapping \(columns 'arm_num', 'unique_event_name', "
            r"'form'\) of a longitudinal project.*does not need it",
        ),
        (b"arm_num,name\n1,Arm 1\n", r"REDCap arm table \(columns 'arm_num', 'name'\)"),
    ],
)
def test_other_redcap_project_files(content, match):
    with pytest.raises(SurveyError, match=match):
        read_survey(content)


def test_project_file_checks_do_not_catch_answers(shared_samples):
    # a survey that happens to have an arm_num and a name column is still a survey
    survey = read_survey(b"subject,arm_num,name\nP1,1,Ann\n")
    assert list(survey.table.columns) == ["subject", "arm_num", "name"]
    # format="table" reads any table as it is, a data dictionary included
    dictionary, report = read_survey(
        shared_samples / "redcap" / "simple__dictionary.csv", format="table", return_report=True
    )
    balanced(report, 16, 16)
    assert dictionary.table.loc[0, "variable_field_name"] == "record_id"


def test_source_and_dictionary_swapped(shared_samples):
    folder = shared_samples / "redcap"
    with pytest.raises(SurveyError, match=r"data dictionary.*source and dictionary are swapped"):
        read_survey(folder / "simple__dictionary.csv", dictionary=folder / "simple__data.csv")


def test_dictionary_that_is_not_a_dictionary(shared_samples):
    folder = shared_samples / "redcap"
    data = folder / "longitudinal__data.csv"
    with pytest.raises(
        SurveyError,
        match=r"^dictionary=longitudinal__event\.csv is a REDCap event table, not a data "
        r"dictionary\. read_survey does not need it: drop it",
    ):
        read_survey(data, dictionary=folder / "longitudinal__event.csv")
    with pytest.raises(
        SurveyError,
        match=r"^dictionary=longitudinal__data\.csv looks like a REDCap data export "
        r"\(columns \['study_id', 'redcap_event_name', 'date_enrolled'\], \.\.\.\), not its "
        r"data dictionary",
    ):
        read_survey(data, dictionary=data)
    with pytest.raises(SurveyError, match=r"^dictionary=<bytes> lists no fields .*Download"):
        read_survey(data, dictionary=b'"Variable / Field Name","Form Name","Field Type"\n')
    with pytest.raises(
        SurveyError, match=r"^dictionary=<bytes>: the file is empty .*Download the data dictionary"
    ):
        read_survey(data, dictionary=b"")
    with pytest.raises(
        SurveyError, match=r"^dictionary=<bytes>: row 3 has 3 values but the header row has 2"
    ):
        read_survey(data, dictionary=b"field_name,field_type\na,text\nb,text,x\n")
    # the API metadata export is a dictionary too
    survey = read_survey(b"record_id,pain,baseline_complete\n1,1,2\n", dictionary=API_METADATA)
    assert survey.labels == {"pain": "Pain now"}
    assert survey.choices == {"pain": {"0": "None", "1": "Some"}}


def test_row_with_too_many_values_is_named():
    # row 2 spans two lines and row 3 is blank: the bad record is row 4 as a
    # spreadsheet shows it (header = row 1), the same numbering as report.rejected
    text = b'record_id,note,baseline_complete\n1,"two\nlines",2\n\n2,a, b,2\n'
    with pytest.raises(
        SurveyError,
        match=r"^<bytes>: row 4 has 4 values but the header row has 3 columns "
        r"\(separator ','\)\. A separator inside a value needs quotes",
    ):
        read_survey(text)


def test_forced_format_errors(tmp_path):
    with pytest.raises(
        SurveyError, match=r"^<bytes>: format='qualtrics', but the file has only a header row"
    ):
        read_survey(b"a,b\n", format="qualtrics")
    with pytest.raises(
        SurveyError, match=r"^<DataFrame>: format='redcap', but the first row holds no column"
    ):
        read_survey(pd.DataFrame(index=[0]), format="redcap")
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip file")
    with pytest.raises(
        SurveyError, match=r"^broken\.xlsx: could not read it as an Excel file .*save it again"
    ):
        read_survey(path)


def test_redcap_comma_decimal_validation_read_as_numbers():
    folder = DATA
    survey, report = read_survey(
        folder / "redcap_comma_decimals.csv",
        dictionary=folder / "redcap_comma_decimals_dictionary.csv",
        return_report=True,
    )
    # number_1dp_comma_decimal '41,7' -> 41.7, '18,0' -> 18.0, empty -> NaN
    assert survey.table["odi_pct"].tolist()[:2] == [41.7, 18.0]
    assert pd.isna(survey.table["odi_pct"][2])
    # number_2dp_comma_decimal and number_comma_decimal (a whole '3' among '6,5')
    assert survey.table["weight"].tolist() == [72.35, 80.10, 65.05]
    assert survey.table["pain_nrs"].tolist() == [6.5, 3.0, 7.25]
    assert survey.table["height"].tolist() == [171.5, 180.0, 165.0]  # number_1dp, decimal point
    # a text field is never turned into a number, comma or not
    assert survey.table["remark"].tolist()[0] == "2,5 km gewandeld"
    assert survey.table["odi_pct"].mean() == pytest.approx((41.7 + 18.0) / 2)
    assert not any("not numbers" in str(n) or "geen getallen" in str(n) for n in report.notes)
    assert (report.rows_read, report.rows_kept) == (3, 3)
    assert report.balanced
    # without the dictionary nothing says the comma is a decimal mark: kept as written
    plain = read_survey(folder / "redcap_comma_decimals.csv")
    assert plain.table["odi_pct"].tolist()[0] == "41,7"


# ------------------------------------------------------- all columns at once
_CELLS = [
    "1",
    " 2 ",
    "3.5",
    "-4",
    "+5e2",
    ".5",
    "007",
    "0",
    "1,5",
    "2026-01-02",
    "2026-01-02 10:30",
    "2026-13-45",
    "yes",
    "",
    "  ",
    None,
    np.nan,
    7,
    2.5,
    "1e999",
]


def test_all_columns_at_once_match_column_by_column(rng):
    # the reference is the column-by-column conversion the reader used before
    from backpain.read.survey import _convert_column, _convert_columns

    for decimal in (".", ","):
        for _ in range(examples(40)):
            n_rows = int(rng.integers(1, 6))
            pools = [_CELLS[:6], [*_CELLS[9:12], "", None], _CELLS, ["1", "2", "", "1,5"]]
            frame = pd.DataFrame(
                {
                    f"c{j}": pd.Series(
                        [pools[j % 4][int(rng.integers(len(pools[j % 4])))] for _ in range(n_rows)],
                        dtype=object,
                    )
                    for j in range(12)
                }
            )
            frame.index = frame.index * 3 + 5  # rows dropped before conversion keep their index
            frame["numbers"] = np.arange(n_rows, dtype="float64")
            got = _convert_columns(frame, decimal)
            assert list(got) == list(frame.columns)
            for c in frame.columns:
                pd.testing.assert_series_equal(
                    got[c], _convert_column(frame[c], decimal), check_names=False
                )


def test_too_many_survey_columns_are_refused():
    from backpain.read.survey import MAX_SURVEY_COLUMNS

    header = ",".join(["record_id"] + [f"q{i}" for i in range(MAX_SURVEY_COLUMNS)])
    with pytest.raises(SurveyError, match=r"limit: columns") as info:
        read_survey((header + "\n1," + "," * (MAX_SURVEY_COLUMNS - 1) + "\n").encode())
    assert f"{MAX_SURVEY_COLUMNS + 1} columns, more than the {MAX_SURVEY_COLUMNS}" in str(
        info.value
    )
    assert "grens: kolommen" in info.value.render("nl")


def test_a_huge_cell_is_refused_naming_the_cell():
    from backpain.read._source import MAX_CELL_CHARS

    data = "record_id,q1,comment\n1,3,ok\n2,4," + "z" * (MAX_CELL_CHARS + 1) + "\n"
    with pytest.raises(
        SurveyError, match=f"row 3, column 'comment' holds {MAX_CELL_CHARS + 1} characters"
    ):
        read_survey(data.encode())


def test_survey_formats_are_one_list_in_the_diary_readers_mechanism():
    from backpain.read._format import Format
    from backpain.read.survey import SURVEY_FORMATS

    assert list(SURVEY_FORMATS) == ["redcap", "qualtrics", "table"]  # detection order
    assert all(isinstance(f, Format) for f in SURVEY_FORMATS.values())
    assert SURVEY_FORMATS["redcap"].options == {"dictionary", "choice_labels"}
    assert SURVEY_FORMATS["qualtrics"].options == frozenset()
