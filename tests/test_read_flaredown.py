"""Flaredown long-format exports: many users, free-text back-pain names, 0-4 ratings."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest

import backpain
from backpain import DiaryError
from backpain.read._source import open_source
from backpain.read.flaredown import (
    SCALE_FACTOR,
    detect_flaredown,
    detect_flaredown_user,
    read_flaredown,
)

DATA = Path(__file__).parent / "data" / "flaredown"
TWO = DATA / "flaredown_two_users.csv"
HEADER = (
    "user_id,age,sex,country,checkin_date,trackable_id,trackable_type,"
    "trackable_name,trackable_value\n"
)


def test_two_users_daily_values_hand_computed():
    diary, report = backpain.read_diary(TWO, return_report=True)
    assert report.format == "flaredown"
    keys = list(zip(diary["subject"], diary["date"].dt.strftime("%Y-%m-%d"), strict=True))
    assert keys == [
        ("user_a", "2017-05-01"),
        ("user_a", "2017-05-02"),
        ("user_a", "2017-05-03"),
        ("user_b", "2017-06-10"),
        ("user_b", "2017-06-11"),
    ]
    # user_a 1 May: Lower back pain 3 -> 7.5 and back pain 4 -> 10: max 10
    # user_a 2 May: 1 -> 2.5; 3 May: empty rating ignored, 7 rejected -> no pain
    # user_b 10 Jun: Low Back Pain 2 -> 5, chronic back pain 0 -> 0, rugpijn 1 -> 2.5: max 5
    pain = diary["pain"].tolist()
    assert pain[:2] == [10.0, 2.5]
    assert pd.isna(pain[2])
    assert pain[3] == 5.0
    assert diary["stress"][1] == 5.0  # Symptom Stress 2 x 2.5
    assert diary["tags"].tolist() == [
        "ibuprofen|physiotherapy",  # Treatment (dose dropped) + Tag Kinesist
        pd.NA,
        "heat",
        pd.NA,
        "physiotherapy",  # Tag "Physical therapy"
    ]
    assert list(diary.columns) == ["subject", "date", "pain", "stress", "tags"]


def test_every_row_accounted_for_and_reasons():
    _, report = backpain.read_diary(TWO, return_report=True)
    # 19 rows: 6 ignored, 2 rejected, 11 kept rows -> 5 days + 6 merged
    assert (report.rows_read, report.rows_kept, report.rows_merged) == (19, 5, 6)
    assert (report.rows_ignored, report.rows_rejected) == (6, 2)
    assert report.balanced
    assert {str(k): v for k, v in report.ignored.items()} == {
        "Condition (not back pain)": 2,  # Migraine, Sciatica
        "back pain or stress without a rating": 1,
        "Food": 1,
        "Weather": 1,
        "HBI": 1,
    }
    assert report.rejected["row"].tolist() == [13, 20]
    assert "0 to 4" in report.rejected["reason"][0]
    assert report.rejected["reason"][1] == "user_id is empty"
    assert any("privacy" in str(n) for n in report.notes)


def test_personal_columns_never_reach_the_diary():
    diary = backpain.read_diary(TWO)
    text = diary.astype("string").to_csv()
    assert "female" not in text
    assert "NL" not in text
    assert not {"age", "sex", "country"} & set(diary.columns)


def test_subject_keeps_one_user_and_never_renames():
    # subject= means "keep only this person" in a file that names its people
    diary, report = backpain.read_diary(TWO, subject="user_b", return_report=True)
    assert diary["subject"].unique().tolist() == ["user_b"]
    assert diary["pain"].tolist()[0] == 5.0  # 10 Jun, as in the hand computation above
    # 19 rows: user_a's 13 rows ignored as another person's; user_b's Sciatica ignored;
    # 10 Jun: 3 rated rows -> 1 day + 2 merged; 11 Jun: the tag -> 1 day; the row
    # without a user_id stays rejected (it is nobody's)
    counts = (report.rows_kept, report.rows_merged, report.rows_ignored, report.rows_rejected)
    assert (report.rows_read, *counts) == (19, 2, 2, 14, 1)
    assert report.balanced
    assert {str(k): v for k, v in report.ignored.items()}[
        "rows of the file's 1 other person(s) (subject='user_b' chosen)"
    ] == 13
    # the reader called directly means the same
    direct, _ = read_flaredown(open_source(TWO), subject="user_a")
    assert direct["subject"].unique().tolist() == ["user_a"]
    assert len(direct) == 3
    # a file of one user is not renamed by subject=: the user_id must match
    one = HEADER + "u9,,,,2018-01-02,1,Symptom,Low back pain,2\n"
    diary = backpain.read_diary(io.BytesIO(one.encode()), subject="u9")
    assert diary["subject"].tolist() == ["u9"]
    assert diary["pain"].tolist() == [2 * SCALE_FACTOR]
    with pytest.raises(DiaryError, match=r"subject='me' is not in the diary.*'u9'"):
        backpain.read_diary(io.BytesIO(one.encode()), subject="me")


def test_unknown_subject_names_the_users_present_and_how_to_choose():
    users = "".join(f"p{i:02d},,,,2018-01-02,1,Symptom,back pain,2\n" for i in range(8))
    with pytest.raises(DiaryError) as err:
        backpain.read_diary(io.BytesIO((HEADER + users).encode()), subject="p99")
    text = str(err.value)
    assert "names 8 person(s) in its column 'user_id'" in text
    # the first five, sorted, then an ellipsis; and the way to choose
    assert "'p00', 'p01', 'p02', 'p03', 'p04', ..." in text
    assert "'p05'" not in text
    assert "subject='p00'" in text
    assert "--subject p00" in err.value.render("en", audience="cli")
    assert "Kies er een" in err.value.render("nl", audience="page")


def test_unknown_trackable_type_is_ignored_by_name():
    text = HEADER + "u1,,,,2018-01-02,1,Mood,happy,3\nu1,,,,2018-01-02,2,Condition,rugpijn,4\n"
    diary, report = backpain.read_diary(io.BytesIO(text.encode()), return_report=True)
    assert diary["pain"].tolist() == [10.0]
    assert {str(k): v for k, v in report.ignored.items()} == {"trackable_type 'Mood'": 1}
    assert report.balanced


def test_detection():
    assert detect_flaredown(open_source(TWO)).matches
    assert "trackable_type" in str(
        detect_flaredown(open_source(b"date,pain\n2026-01-01,3\n")).reason
    )


def test_bad_checkin_date_is_rejected():
    text = HEADER + "u1,,,,2018-13-45,1,Condition,back pain,2\nu1,,,,2018-01-02,2,Tag,yoga,\n"
    diary, report = backpain.read_diary(io.BytesIO(text.encode()), return_report=True)
    assert diary["tags"].tolist() == ["yoga"]
    assert report.rejected["row"].tolist() == [2]
    assert "not a date like 2020-09-22" in report.rejected["reason"][0]
    assert report.balanced


# ------------------------------------------------------ per-user wide export
USER_EXPORT = DATA / "flaredown_user_export.csv"


def test_user_export_detected_before_the_generic_table():
    assert detect_flaredown_user(open_source(USER_EXPORT)).matches
    assert not detect_flaredown_user(open_source(b"date,pain,tags\n2019-03-04,3,\n")).matches
    other_order = b"date,tags,foods,back pain\n2019-03-04,,,3\n"
    assert "Tags, Foods" in str(detect_flaredown_user(open_source(other_order)).reason)
    _, report = backpain.read_diary(USER_EXPORT, return_report=True)
    assert report.format == "flaredown_user"


def test_user_export_ratings_scaled_like_the_long_format():
    diary, report = backpain.read_diary(USER_EXPORT, subject="me", return_report=True)
    by_day = diary.set_index(diary["date"].dt.strftime("%Y-%m-%d"))
    # 03-04: max(Lower back pain 3, Back pain 2) x 2.5 = 7.5; Stress 1 x 2.5 = 2.5
    # 03-05: 4 x 2.5 = 10; 03-08: 0 x 2.5 = 0, stress 4 x 2.5 = 10; 03-09: tags only
    assert by_day["pain"].dropna().to_dict() == {
        "2019-03-04": 7.5,
        "2019-03-05": 10.0,
        "2019-03-08": 0.0,
    }
    assert by_day["stress"].dropna().to_dict() == {"2019-03-04": 2.5, "2019-03-08": 10.0}
    # Ibuprofen '400 mg' is a dose, not a 0-4 rating: the column is a treatment, taken
    assert by_day.loc["2019-03-04", "tags"] == "ibuprofen|physiotherapy|rain"
    assert by_day.loc["2019-03-08", "tags"] == "heat|walking"
    assert pd.isna(by_day.loc["2019-03-09", "pain"])
    # 6 rows = 4 kept + 1 ignored (03-06: only Migraine and Foods) + 1 rejected (03-07)
    assert (report.rows_read, report.rows_kept, report.rows_ignored) == (6, 4, 1)
    assert report.rows_rejected == 1
    assert report.balanced
    rejected = report.rejected.iloc[0]
    # a rating of 7 is outside Flaredown's 0-4: rejected, never read as 7 on 0-10
    assert (rejected["row"], rejected["column"], rejected["value"]) == (5, "lower back pain", "7")
    assert "0 to 4" in rejected["reason"]
    assert any(
        "not read (other conditions and symptoms): ['migraine']" in str(n) for n in report.notes
    )
    assert any("treatment column(s) ['ibuprofen'] read as tags" in str(n) for n in report.notes)
    summary = report.summary("nl")
    assert "x 2,5" in summary
    assert "kolommen met scores 0-4 die niet gelezen zijn" in summary


TREATMENTS = DATA / "flaredown_user_treatments.csv"


def test_user_export_treatments_taken_become_tags():
    diary, report = backpain.read_diary(TREATMENTS, subject="me", return_report=True)
    by_day = diary.set_index(diary["date"].dt.strftime("%Y-%m-%d"))
    # columns: Fatigue (1, 2, 3) and Vitamin D (1, 2) hold only numbers 0-4: ratings, not
    # read; Heat pad ('taken', 'not taken'), Ibuprofen ('400 mg', '0', '200 mg') and
    # Kinesist ('yes') hold other values: treatments
    # 02-01: Low back pain 2 -> 5; Heat pad taken, Ibuprofen 400 mg -> both tags
    # 02-02: 3 -> 7.5, Stress 1 -> 2.5; Ibuprofen '0' not taken; Kinesist 'yes' ->
    #        physiotherapy; Tags 'walk' -> walking
    # 02-03: only Fatigue 3 -> nothing the diary holds: ignored
    # 02-04: 1 -> 2.5; Heat pad 'not taken'; Ibuprofen 200 mg -> ibuprofen
    # 02-05: Low back pain 5 is not 0-4 -> rejected
    # 02-06: Heat pad 'Taken' only -> a day with a tag and no pain
    assert by_day["tags"].to_dict() == {
        "2020-02-01": "heat pad|ibuprofen",
        "2020-02-02": "physiotherapy|walking",
        "2020-02-04": "ibuprofen",
        "2020-02-06": "heat pad",
    }
    assert by_day["pain"].dropna().to_dict() == {
        "2020-02-01": 5.0,
        "2020-02-02": 7.5,
        "2020-02-04": 2.5,
    }
    assert by_day["stress"].dropna().to_dict() == {"2020-02-02": 2.5}
    counts = (report.rows_read, report.rows_kept, report.rows_ignored, report.rows_rejected)
    assert counts == (6, 4, 1, 1)
    assert report.balanced
    assert report.rejected["row"].tolist() == [6]
    assert any("['heat pad', 'ibuprofen', 'kinesist'] read as tags" in str(n) for n in report.notes)
    assert any("['fatigue', 'vitamin d']" in str(n) for n in report.notes)


def test_user_export_treatments_option_reads_a_numeric_dose_column():
    diary = backpain.read_diary(TREATMENTS, subject="me", treatments=["Vitamin D"])
    by_day = dict(zip(diary["date"].dt.strftime("%Y-%m-%d"), diary["tags"], strict=True))
    # Vitamin D 1 (02-01) and 2 (02-04): pill counts, read as taken when named
    assert by_day["2020-02-01"] == "heat pad|ibuprofen|vitamin d"
    assert by_day["2020-02-04"] == "ibuprofen|vitamin d"
    with pytest.raises(ValueError, match=r"'aspirin'.* is not a column"):
        backpain.read_diary(TREATMENTS, subject="me", treatments=["aspirin"])


def test_taken_cells_rule():
    from backpain.read.flaredown import NOT_TAKEN, _taken

    cells = pd.Series(["400 mg", "0", "", pd.NA, "No", "taken", "0.0", "1"], dtype="string")
    assert _taken(cells).tolist() == [True, False, False, False, False, True, False, True]
    assert "not taken" in NOT_TAKEN


@pytest.mark.parametrize("path", [TWO, USER_EXPORT], ids=lambda p: p.name)
def test_flaredown_saved_by_excel_reads_as_the_app_wrote_it(path, tmp_path):
    # Excel (US locale) writes 2017-05-01 as 5/1/2017; every date of these files has
    # a day of 12 or less, so the order cannot be told: the reader asks for
    # dayfirst=, and with it the diary is the one of the file as the app wrote it
    excel = tmp_path / path.name
    excel.write_text(
        re.sub(
            r"(\d{4})-(\d{2})-(\d{2})",
            lambda m: f"{int(m[2])}/{int(m[3])}/{m[1]}",
            path.read_text(),
        )
    )
    with pytest.raises(DiaryError, match=r"every date .* dayfirst=True"):
        backpain.read_diary(excel)
    diary, report = backpain.read_diary(excel, dayfirst=False, return_report=True)
    expected, original = backpain.read_diary(path, return_report=True)
    pd.testing.assert_frame_equal(diary, expected)
    assert (report.rows_read, report.rows_kept, report.rows_rejected) == (
        original.rows_read,
        original.rows_kept,
        original.rows_rejected,
    )
