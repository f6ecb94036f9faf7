"""Problems in a user's file: typed reasons, one collector, sentences in both languages."""

from __future__ import annotations

import string

import pandas as pd
import pytest

import backpain
from backpain._catalogue import CATALOGUE
from backpain.errors import DiaryError
from backpain.read._cells import check_cell_sizes
from backpain.read._problems import Problem, Problems, Reason
from backpain.read._report import LoadReport
from backpain.text import Message


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_reason_has_one_english_and_one_dutch_template():
    for reason in Reason:
        en, nl = CATALOGUE[reason.value]
        assert en, reason
        assert nl, reason
        assert _fields(en) == _fields(nl), reason
    # no reader keeps a second wording of a typed reason
    assert not [k for k in CATALOGUE if k.startswith("formats.reason.")]


def test_the_collector_keeps_row_order_first_reason_and_counts():
    report, found = LoadReport(source="a.csv"), Problems()
    rows = pd.Series([2, 3, 4, 5], index=[10, 11, 12, 13])
    values = pd.Series(["4", "veel", "12", "7"], index=rows.index)
    found.add(rows, "stress", values, Reason.ABOVE_MAX, mask=[False, False, True, True],
              name="stress", high=5, unit="0-10")  # fmt: skip
    found.add(rows, "stress", values, Reason.NOT_A_NUMBER, mask=[False, True, False, True],
              name="stress", unit="0-10")  # fmt: skip
    assert sorted(found.rows) == [3, 4, 5, 5]
    found.report(report, first_only=True)
    assert report.rows_rejected == 3
    assert report.rejected["row"].tolist() == [3, 4, 5]
    assert report.rejected["value"].tolist() == ["veel", "12", "7"]
    assert report.rejected["reason"][2] == "stress must be at most 5 (0-10)"  # the first found
    assert not found  # handed over, then forgotten


def test_numbers_are_shown_as_written():
    report = LoadReport()
    report.refuse([2, 3], "steps", pd.Series([7.0, 2.5]), Reason.BELOW_MIN, name="steps", low=10)
    assert report.rejected["value"].tolist() == ["7", "2.5"]  # no '7.0'


def test_a_reason_needs_its_fields_and_a_message_carries_its_own():
    with pytest.raises(KeyError, match="high"):
        Problems().add([2], "pain", ["11"], Reason.ABOVE_MAX, name="pain", unit="0-10")
    with pytest.raises(TypeError, match="params are for a Reason"):
        LoadReport().refuse([2], "x", ["y"], Message("read.ignored.blank_row"), low=1)


def test_rejected_rows_come_back_as_problems_in_both_languages():
    _, report = backpain.read_diary(
        b"datum;pijn\n25-1-2026;4\n26-1-2026;veel\n31-2-2026;3\n",
        subject="me",
        return_report=True,
    )
    problems = report.problems()
    assert [(p.row, p.column, p.value) for p in problems] == [
        (3, "pain", "veel"),
        (4, "date", "31-2-2026"),
    ]
    assert [p.reason for p in problems] == [Reason.NOT_A_NUMBER, Reason.DATE_NOT_REAL]
    assert problems[0].params["name"] == "pain"
    assert (
        problems[0]
        .render("en")
        .startswith("<bytes>: row 3, column 'pain', value 'veel': not a number")
    )
    assert (
        problems[1]
        .render("nl")
        .startswith("<bytes>: rij 4, kolom 'date', waarde '31-2-2026': geen bestaande kalenderdag")
    )
    assert problems[0] == Problem(
        "<bytes>", 3, "pain", "veel", Reason.NOT_A_NUMBER, problems[0].params
    )


def test_a_cell_too_long_is_an_error_built_from_its_problem():
    frame = pd.DataFrame({"notes": ["kort", "x" * 50]})
    with pytest.raises(DiaryError) as info:
        check_cell_sizes(frame, "a.csv", first_row=2, most=20)
    assert str(info.value).startswith("a.csv: row 3, column 'notes' holds 50 characters")
    assert info.value.render("nl").startswith("a.csv: rij 3, kolom 'notes' bevat 50 tekens")
