"""The read side speaks Dutch: every reader text is a catalogue Message with a Dutch rendering."""

from __future__ import annotations

import html
import re
import string
from pathlib import Path

import pandas as pd
import pytest

import backpain
from backpain._catalogue import CATALOGUE, OWN_TEXTS
from backpain._catalogue import read as read_area
from backpain.text import AUDIENCES, Message, render, say

# Words that give English away in a Dutch text; none is a Dutch word. Python
# code (dayfirst=True, columns={...}, report.rejected) and quoted values from a
# file are taken out first: they are the same in every language.
ENGLISH = re.compile(
    r"\b(the|rows?|files?|must|not|and|columns?|rejected|ignored|with|kept|merged|pass"
    r"|found|empty|number|days?|read as|please|should)\b"
)
_CODE = re.compile(r"'[^']*'|\w+=\{[^}]*\}|\w+=\S+|\breport\.\w+")


SAMPLE = {
    "source": "dagboek.csv",
    "columns": "['datum', 'pijn']",
    "name": "sleep_hours",
    "unit": Message("common.unit.sleep_hours"),
    "category": Message("read.ignored.blank_row"),
    "rules": [Message("read.note.rule", name="pain", rule=Message("read.rule.mean"))],
    "rule": Message("read.rule.sum"),
    "reason": Message("read.reason.missing", name="date"),
    "note": Message("read.note.dates_iso"),
    "tried": Message(
        "read.list.semicolon",
        first=Message("read.list.named", name="fitbit", text=Message("read.detect.fitbit_none")),
        rest=Message("read.list.named", name="table", text=Message("read.detect.xml")),
    ),
    "text": Message("read.detect.binary"),
    "first": "pijn",
    "rest": Message("read.detect.xml"),
    "second": "PIJN_",
    "format": "tabel",
    "mapped": "pijn <- pijn",
    "detail": "regel 3",
    "example": "03/04/2026",
    "label": "Bearable",
    "value": "veel",
    "column": "pijn",
    "kind": "excel",
    "metric": "calories",
}


def _params(template: str) -> dict[str, object]:
    fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
    for option in [f for f in fields if f.startswith("option.")]:
        # an option's phrase may use more of the sentence's fields than the sentence shows
        name = option.split(":")[0]
        for place in AUDIENCES:
            english = CATALOGUE[f"{name}.{place}"][0]
            fields |= {f for _, f, _, _ in string.Formatter().parse(english) if f and f != "value"}
    return {f: SAMPLE.get(f, 3.5) for f in fields if not f.startswith("option.")}


def _english_in(text: str) -> list[str]:
    return ENGLISH.findall(_CODE.sub(" ", text.lower()))


# the read area's texts and the readers' own, kept beside each reader
READ_TEXTS = read_area.TEXTS | {
    k: v
    for module, texts in OWN_TEXTS.items()
    if module.startswith("backpain.read")
    for k, v in texts.items()
}
READ_KEYS = sorted(READ_TEXTS)


def test_every_read_text_renders_in_dutch_without_english():
    # one test for the rule, listing every key and audience that breaks it
    wrong = []
    for key in READ_KEYS:
        for audience in AUDIENCES:
            english, dutch = READ_TEXTS[key]
            params = _params(english)
            if params != _params(dutch):
                wrong.append(f"{key}@{audience}: English and Dutch take different fields")
                continue
            text = say(key, "nl", audience=audience, **params)
            if _english_in(text):
                wrong.append(f"{key}@{audience}: English words {_english_in(text)} in {text!r}")
    assert len(READ_KEYS) > 200  # the rule saw every reader text
    assert wrong == [], "\n".join(wrong)


def test_advice_for_each_audience_names_its_own_controls():
    m = Message("read.reason.pain_above_10")
    assert "pain_scale=100" in str(m)  # str is the Python form, as before
    assert "--pain-scale 100" in m.render("en", audience="cli")
    page = m.render("nl", audience="page")
    assert "pain_scale" not in page
    assert "--" not in page
    err = Message("read.error.dates_ambiguous", example="03/04/2026", source="a.csv")
    assert "dayfirst=True" in str(err)
    assert "--dayfirst" in err.render("en", audience="cli")
    assert "--monthfirst" in err.render("nl", audience="cli")
    assert "dayfirst" not in err.render("nl", audience="page")
    cols = Message("read.error.no_pain_column", source="a.csv", columns="['x']")
    assert "columns={" in str(cols)
    assert "columns=" not in cols.render("en", audience="cli")
    assert "rename the column in the spreadsheet" in cols.render("en", audience="cli").lower()
    subj = Message("read.note.subjects_differ", subjects="['a', 'b']")
    assert "subject=" in str(subj)
    assert "--subject NAME" in subj.render("en", audience="cli")


def _assert_dutch(report: backpain.LoadReport) -> None:
    assert _english_in(report.summary(lang="en"))  # the detector does see English
    for audience in AUDIENCES:
        text = report.summary(lang="nl", audience=audience)
        assert not _english_in(text), text
    report.lang = "nl"
    assert not _english_in(str(report)), str(report)
    page = report._repr_html_()
    for value in report.rejected["value"].dropna():  # values from the file, as written
        page = page.replace(html.escape(str(value)), "")
    assert not _english_in(page), page


def test_dutch_example_load_report_is_dutch():
    _, report = backpain.load_example("patient_nl", return_report=True)
    assert report.lang == "nl"
    assert "rijen gelezen" in str(report)
    _assert_dutch(report)


def test_rejected_rows_are_explained_in_dutch():
    csv = (
        b"datum;pijn;uren slaap;stappen\n"
        b"25-1-2026;4;7,5;1000\n"
        b"26-1-2026;veel;7;1000\n"
        b"27-1-2026;11;30;1000\n"
        b"31-2-2026;3;7;1000\n"
        b"gisteren;3;7;1000\n"
        b";;;\n"
        b";3;7;-5\n"
        b"28-1-2026;3;9;1000\n28-1-2026;3;9;1000\n28-1-2026;3;9;1000\n"
    )
    _, report = backpain.read_diary(csv, subject="me", return_report=True)
    assert report.balanced
    assert report.rows_rejected == 8
    assert report.rejected["message"].map(type).eq(Message).all()
    assert report.rejected["reason"].tolist() == [str(m) for m in report.rejected["message"]]
    # the English reasons are as before
    assert "not a number; pain must be a number (NRS 0-10)" in report.rejected["reason"].tolist()
    _assert_dutch(report)


def test_merged_report_is_dutch():
    a = b"date,pain,steps\n2026-01-05,4,\n2026-01-06,5,3000\n\n"
    b = b"date,pain,steps\n2026-01-05,6,8000\n"
    _, report = backpain.read_diary([a, b], return_report=True)
    assert any(m.key == "read.note.sources_disagree" for m in report.notes)
    _assert_dutch(report)


def test_errors_carry_a_message_and_render_in_dutch():
    with pytest.raises(backpain.DiaryError) as info:
        backpain.read_diary(b"hello world\n")
    err = info.value
    assert isinstance(err.message, Message)
    assert str(err).startswith("<bytes>: not a diary format backpain reads. Tried apple_health:")
    dutch = err.render("nl")
    for name in backpain.read.FORMATS:  # every format tried is listed, in Dutch
        assert f"{name}: " in dutch
    assert not _english_in(dutch), dutch
    with pytest.raises(backpain.DiaryError) as info:
        backpain.read_diary(b"date,pain\n01/02/2026,3\n03/04/2026,4\n")
    assert "--dayfirst" in info.value.render("nl", audience="cli")
    assert backpain.DiaryError("plain text").render("nl") == "plain text"


def test_notes_and_ignored_categories_are_messages():
    _, report = backpain.read_diary(b"datum;pijn\n25-1-2026;4\n\n", return_report=True)
    assert all(isinstance(n, Message) for n in report.notes)
    assert all(isinstance(c, Message) for c in report.ignored)
    assert {str(k): v for k, v in report.ignored.items()} == {"blank row": 1}
    assert render(list(report.ignored), "nl") == "lege rij"


def test_schema_labels_come_from_the_catalogue():
    from backpain.schema import VARIABLES

    assert VARIABLES["pain"].label() == "Pain (0-10)"
    assert VARIABLES["sleep_hours"].label("nl") == "Slaap (uren)"
    for name, var in VARIABLES.items():
        assert var.label("nl") == say(f"common.label.{name}", "nl")
        assert say(f"common.unit.{name}") == var.unit


def test_rejected_frame_keeps_its_columns_when_empty():
    _, report = backpain.read_diary(b"date,pain\n2026-01-05,4\n", return_report=True)
    assert list(report.rejected.columns) == ["file", "row", "column", "value", "reason", "message"]
    assert report.rejected.empty
    assert isinstance(report.rejected, pd.DataFrame)


DATA = Path(__file__).parent / "data"
APP_FILES = sorted(
    p
    for folder in (
        "bearable",
        "daylio",
        "flaredown",
        "table",
        "fitbit",
        "apple_health",
        "fitbit_csv",
        "fitbit_api",
        "garmin",
        "health_auto_export",
    )
    for p in (DATA / folder).iterdir()
)


def _check_reader_in_dutch(read, path, error_type) -> None:
    """A file reads with a Dutch report, or fails with a Dutch error."""
    try:
        _, report = read(path, return_report=True)
    except error_type as exc:
        error = exc.render("nl")
    else:
        error = None
    if error is not None:
        assert not _english_in(error), error
        return
    assert report.balanced
    for m in [*report.notes, *report.ignored, *report.rejected["message"]]:
        assert isinstance(m, Message), m
    _assert_dutch(report)


@pytest.mark.parametrize("path", APP_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_reader_reports_in_dutch(path):
    # values from the file (app category names, tags) may be English; every
    # sentence the reader writes around them is Dutch
    _check_reader_in_dutch(backpain.read_diary, path, backpain.DiaryError)


@pytest.mark.parametrize("path", sorted((DATA / "survey").iterdir()), ids=lambda p: p.name)
def test_survey_reader_reports_in_dutch(path):
    _check_reader_in_dutch(backpain.read_survey, path, backpain.SurveyError)


def test_questionnaire_errors_render_in_dutch():
    data = pd.DataFrame({"subject": ["p1"], **{f"odi{i}": [2] for i in range(1, 11)}})
    data.loc[0, "odi3"] = 9
    with pytest.raises(backpain.SurveyError, match="answered 9 to item 'odi3'") as info:
        backpain.score_odi(data)
    dutch = info.value.render("nl")
    assert "deelnemer 'p1' (rij 0) antwoordde 9 op vraag 'odi3'" in dutch
    assert not _english_in(dutch), dutch
    with pytest.raises(backpain.SurveyError) as info:
        backpain.score_odi(data.drop(columns="odi10"))
    assert not _english_in(info.value.render("nl")), info.value.render("nl")
