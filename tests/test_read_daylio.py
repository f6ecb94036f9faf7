"""Daylio CSV exports: 7/8/9-column layouts, moods, activities, scales, HTML notes."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

import backpain
from backpain.read._source import open_source
from backpain.read.daylio import MOODS, detect_daylio, read_daylio

DATA = Path(__file__).parent / "data" / "daylio"


def _days(diary):
    return diary["date"].dt.strftime("%Y-%m-%d").tolist()


def test_7col_crlf_mixed_clock_formats_default_moods():
    diary, report = backpain.read_diary(DATA / "daylio_7col.csv", return_report=True)
    assert report.format == "daylio"
    assert _days(diary) == ["2024-03-01", "2024-03-02"]
    # 1 Mar: awful 0, bad 2.5, rad 10 -> mean 12.5 / 3; 2 Mar: good 7.5, meh 5 -> 6.25
    assert diary["mood"].tolist() == pytest.approx([12.5 / 3, 6.25])
    # "walk | kinesist " + "work  |  Reading": trimmed, lower-case, translated, sorted
    assert diary["tags"].tolist() == ["rest", "physiotherapy|reading|walking|work"]
    assert diary["pain"].isna().all()
    # the scale note takes the reader's decimal mark (issue #21: no "good 7.5" in Dutch)
    note = next(n for n in report.notes if n.key == "read.daylio.mood_note")
    assert "good 7.5" in note.render("en")
    assert "good 7,5" in note.render("nl", audience="page")
    assert (report.rows_read, report.rows_kept, report.rows_merged) == (5, 2, 3)
    assert report.balanced
    assert any("no pain ratings" in str(n) for n in report.notes)


def test_8col_renamed_moods_kept_without_mood_and_counted():
    diary, report = backpain.read_diary(DATA / "daylio_8col.csv", return_report=True)
    # every row is kept with its activities and notes; only the label "4" has a level
    # (4 -> 7.5); 'Sad ' (row 2) and 'Great' (row 4) leave mood empty
    assert _days(diary) == ["2024-04-10", "2024-04-11"]
    assert diary["mood"].tolist()[0] == 7.5
    assert pd.isna(diary["mood"][1])
    assert diary["tags"].tolist() == ["exercise", "yoga"]
    assert diary["notes"][1] == "Better\ntoday"
    assert report.rows_rejected == 0
    assert (report.rows_kept, report.rows_merged) == (2, 1)
    assert report.balanced
    [left_out] = [n for n in report.notes if "mood left empty" in str(n)]
    assert "2 row(s)" in str(left_out)
    assert "'Great' (1), 'Sad' (1)" in str(left_out)
    assert "moods={'label': level}" in str(left_out)
    assert "from best to worst, e.g. moods=['Sad', '4', 'Great']" in str(left_out)
    assert "moods=" not in left_out.render("en", audience="page")


def test_8col_moods_option_html_notes_and_no_final_newline():
    assert not (DATA / "daylio_8col.csv").read_bytes().endswith(b"\n")
    diary, report = backpain.read_diary(
        DATA / "daylio_8col.csv", moods={"sad": 2, " Great ": 5}, return_report=True
    )
    assert _days(diary) == ["2024-04-10", "2024-04-11"]
    # 10 Apr: Sad (level 2) 2.5 and "4" 7.5 -> 5; 11 Apr: Great (level 5) -> 10
    assert diary["mood"].tolist() == [5.0, 10.0]
    assert diary["notes"][0] == "Rough\nBack hurt\ntook a long bath & rested"
    assert diary["notes"][1] == "Better\ntoday"
    assert diary["tags"].tolist() == ["exercise", "yoga"]  # sport -> exercise
    assert report.rows_rejected == 0
    assert report.balanced


def test_9col_scales_with_no_break_spaces():
    diary, report = backpain.read_diary(DATA / "daylio_9col_scales.csv", return_report=True)
    assert _days(diary) == ["2024-05-02", "2024-05-03"]
    row = diary.iloc[0]
    assert row["sleep_quality"] == 6.0  # 6/10
    assert row["sleep_hours"] == 7.5  # 7:30
    assert row["pain"] == 6.0  # Pijn 7/10 and 5/10 -> mean 6
    assert row["stress"] == 4.0  # 2/5 scaled -> 4
    assert row["mood"] == 3.75  # meh 5 and bad 2.5
    assert diary["sleep_hours"][1] == 8.25  # 8:15
    assert report.rows_rejected == 1
    assert report.rejected["row"].tolist() == [4]
    assert "Sleep Quality is not written like 'x/10 points'" in report.rejected["reason"][0]
    assert "lots" in report.rejected["value"][0]
    assert any("Energy" in str(n) for n in report.notes)
    assert report.balanced


def test_detection_by_header():
    assert detect_daylio(open_source(DATA / "daylio_7col.csv")).matches
    assert "full_date" in str(detect_daylio(open_source(b"date,pain\n2026-01-01,3\n")).reason)
    assert str(detect_daylio(open_source(b"\x00\x01binary")).reason) == "not a text file"


def test_bad_moods_option_raises():
    with pytest.raises(ValueError, match=r"moods=\{'sad': 7\}.*from 1"):
        read_daylio(open_source(DATA / "daylio_8col.csv"), moods={"sad": 7})


def test_default_moods_constant():
    assert [(MOODS[m] - 1) * 2.5 for m in ("awful", "bad", "meh", "good", "rad")] == [
        0,
        2.5,
        5,
        7.5,
        10,
    ]


def test_whitespace_file_is_refused():
    with pytest.raises(backpain.DiaryError, match="empty"):
        backpain.read_diary(io.BytesIO(b"  \n"), format="daylio")


# ------------------------------------------------------------ shared samples
SAMPLES = {
    # file: (rows read, kept days, merged, rejected) hand-counted from the files
    "daylio_7col_staticf0x_test_data_2020.csv": (32, 5, 27, 0),
    # renamed moods keep their row (mood empty): 3 days; 5 days + 2 merged; 4 days + 3
    "daylio_8col_MichaelCurrin_sample.csv": (3, 3, 0, 0),
    "daylio_8col_MichaelCurrin_sample_multiple_moods.csv": (7, 5, 2, 0),
    "daylio_9col_scales_DeutscheGabanna.csv": (7, 4, 3, 0),
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_shared_samples_every_row_accounted_for(shared_samples, name):
    diary, report = backpain.read_diary(shared_samples / "daylio" / name, return_report=True)
    assert report.format == "daylio"
    counts = (report.rows_read, report.rows_kept, report.rows_merged, report.rows_rejected)
    assert counts == SAMPLES[name]
    assert report.balanced
    assert len(diary) == report.rows_kept
    # every row with a label of the user's own is counted in one note with the way out
    labels = pd.read_csv(shared_samples / "daylio" / name, dtype=str)["mood"].str.strip()
    own = int((~labels.str.lower().isin(MOODS)).sum())
    left_out = [n for n in report.notes if "mood left empty" in str(n)]
    assert len(left_out) == (1 if own else 0)
    if own:
        assert f"on {own} row(s)" in str(left_out[0])
        assert "moods=" in str(left_out[0])


def test_shared_7col_moods_per_day(shared_samples):
    diary = backpain.read_diary(
        shared_samples / "daylio" / "daylio_7col_staticf0x_test_data_2020.csv"
    )
    # 25 May: bad, awful, awful, bad, meh (the 24-hour 14:58 entry), meh
    # -> (2.5 + 0 + 0 + 2.5 + 5 + 5) / 6
    assert diary["mood"][0] == pytest.approx(15 / 6)
    assert diary["notes"][0] == "Could be better"


def test_shared_samples_read_with_moods(shared_samples):
    folder = shared_samples / "daylio"
    diary, report = backpain.read_diary(
        folder / "daylio_8col_MichaelCurrin_sample_multiple_moods.csv",
        moods={"OK": 3, "Refreshed": 4, "ok but sleepy": 3, "Anxious": 2},
        return_report=True,
    )
    assert report.rows_rejected == 0
    # 12 May 2021: two "OK" entries -> 5; 21 Jul 2020: bad 2.5 and Anxious 2.5
    by_day = dict(zip(_days(diary), diary["mood"], strict=True))
    assert by_day["2021-05-12"] == 5.0
    assert by_day["2020-07-21"] == 2.5
    assert by_day["2020-08-31"] == 7.5
    assert report.balanced

    diary, report = backpain.read_diary(
        folder / "daylio_9col_scales_DeutscheGabanna.csv",
        moods={
            "helpless": 1,
            "laughing": 5,
            "rested": 4,
            "vaguely ok": 3,
            "tired": 2,
            "vaguely bad": 2,
        },
        return_report=True,
    )
    assert report.rows_rejected == 0
    by_day = diary.set_index(diary["date"].dt.strftime("%Y-%m-%d"))
    # Sleep Quality 8/10 points, Sleep Time 8:00 (with U+00A0) on 12 Apr 2026
    assert by_day.loc["2026-04-12", "sleep_quality"] == 8.0
    assert by_day.loc["2026-04-12", "sleep_hours"] == 8.0
    assert by_day.loc["2026-04-02", "sleep_hours"] == 7.5
    assert by_day.loc["2026-04-02", "notes"] == "Never mindd."
    assert by_day.loc["2026-03-30", "notes"] == "Who knows.\n\nAm I [[virtual]]?"
    # 12 Apr: helpless 0, laughing 10, rested 7.5
    assert by_day.loc["2026-04-12", "mood"] == pytest.approx(17.5 / 3)


# ------------------------------------------------ older layout (2017-2018)
OLD = DATA / "daylio_2018_layout.csv"


def test_old_layout_localised_day_and_month():
    assert detect_daylio(open_source(OLD)).matches
    diary, report = backpain.read_diary(OLD, return_report=True)
    assert report.format == "daylio"
    by_day = diary.set_index(pd.Index(_days(diary)))
    # '7 września' 2018 (Polish): good 7.5, custom 'zmęczony' no level -> 7.5
    # '3 maart' (Dutch) and 'March 3' (English) 2018: meh 5 and awful 0 -> 2.5
    # '12 März' 2017 (German): 'super' alone is not a German phone's defaults (at least
    # three of the five are needed): the user's own mood -> mood empty, tags, note kept
    assert sorted(by_day.index) == ["2017-03-12", "2018-03-03", "2018-09-07"]
    assert by_day.loc["2018-09-07", "mood"] == 7.5
    assert by_day.loc["2018-03-03", "mood"] == 2.5
    assert pd.isna(by_day.loc["2017-03-12", "mood"])
    assert by_day.loc["2017-03-12", "tags"] == "yoga"
    assert by_day.loc["2017-03-12", "notes"] == "good"
    assert by_day.loc["2018-09-07", "notes"] == "Plecy lepiej"
    # 7 rows = 3 days kept + 2 merged + 2 rejected (month 'Brumaire', 31 November)
    counts = (report.rows_read, report.rows_kept, report.rows_merged, report.rows_rejected)
    assert counts == (7, 3, 2, 2)
    assert report.balanced
    rejected = report.rejected.set_index("row")
    assert "Brumaire" in rejected.loc[6, "value"]
    assert "not one of the labels the app writes (month names" in rejected.loc[6, "reason"]
    assert rejected.loc[7, "value"] == "2017 31 listopada"
    assert "not a date like 2018 7 September" in rejected.loc[7, "reason"]
    assert "maandnamen zoals Daylio ze schrijft" in report.summary("nl")
    assert any("the labels 'super' (1), 'zmęczony' (1) are not" in str(n) for n in report.notes)


def test_old_layout_moods_option_and_all_month_languages():
    diary = backpain.read_diary(OLD, moods={"super": 5, "zmęczony": 2})
    # 7 Sep: good 7.5 and zmęczony (2) 2.5 -> 5; 12 Mar 2017: super (5) -> 10
    assert dict(zip(_days(diary), diary["mood"], strict=True))["2018-09-07"] == 5.0
    assert diary["mood"][0] == 10.0
    words = {"janvier": 1, "febrero": 2, "Mai": 5, "juillet": 7, "août": 8, "października": 10}
    rows = "".join(f"2018,{i} {w},x,09:00,good,,\n" for i, w in enumerate(words, start=1))
    csv = "year,date,weekday,time,mood,activities,note\n" + rows
    got = backpain.read_diary(io.BytesIO(csv.encode()), subject="me")
    expected = [f"2018-{m:02d}-{d:02d}" for d, m in enumerate(words.values(), start=1)]
    assert _days(got) == expected


# ------------------------------------------- a phone in another language
GERMAN = DATA / "daylio_german_phone.csv"
OWN = DATA / "daylio_own_moods.csv"


def test_german_phone_default_moods_read_on_the_five_levels():
    diary, report = backpain.read_diary(GERMAN, return_report=True)
    by_day = dict(zip(_days(diary), diary["mood"], strict=True))
    # German defaults seen in real exports: Super 5, Gut 4, Ok 3, Schlecht 2, Lausig 1,
    # mood = (level - 1) * 2.5. 1 Jun: Super 10 and Schlecht 2.5 -> 6.25; 2 Jun: Ok 5;
    # 3 Jun: Gut 7.5 and Lausig 0 -> 3.75; 4 Jun: 'müde' is the user's own mood: no
    # level, the row kept with its tag
    assert by_day["2024-06-01"] == 6.25
    assert by_day["2024-06-02"] == 5.0
    assert by_day["2024-06-03"] == 3.75
    assert pd.isna(by_day["2024-06-04"])
    assert diary["tags"].tolist()[0] == "physiotherapy|spaziergang"
    # 6 rows = 4 days kept + 2 merged (1 and 3 June had two entries)
    assert (report.rows_read, report.rows_kept, report.rows_merged) == (6, 4, 2)
    assert report.rows_rejected == 0
    assert report.balanced
    [translated] = [n for n in report.notes if "in another language" in str(n)]
    assert "5 row(s)" in str(translated)
    assert "'super' 10 (1)" in str(translated)
    assert "'lausig' 0 (1)" in str(translated)
    [left_out] = [n for n in report.notes if "mood left empty" in str(n)]
    assert "'müde' (1)" in str(left_out)
    assert "andere taal" in report.summary("nl")


def test_polish_default_moods_as_seen_in_a_real_export():
    labels = ["wspaniale", "dobrze", "tak sobie", "źle", "okropnie"]
    rows = "".join(f"2024-07-0{i},x,x,20:00,{label},,\n" for i, label in enumerate(labels, start=1))
    csv = "full_date,date,weekday,time,mood,activities,note\n" + rows
    diary, report = backpain.read_diary(io.BytesIO(csv.encode()), subject="me", return_report=True)
    assert diary["mood"].tolist() == [10, 7.5, 5, 2.5, 0]
    assert not any("mood left empty" in str(n) for n in report.notes)
    assert report.balanced


@pytest.mark.parametrize(
    "labels",
    [
        # unsourced translations once guessed here (Dutch, French, Spanish, other German):
        # never read without moods=, listed with how to give their order
        ["geweldig", "goed", "gaat wel", "slecht", "verschrikkelijk"],
        ["génial", "bien", "bof", "mauvais", "affreux"],
        ["großartig", "geht so", "naja", "schrecklich"],
    ],
)
def test_unseen_translations_are_not_guessed(labels):
    rows = "".join(f"2024-07-0{i},x,x,20:00,{label},,\n" for i, label in enumerate(labels, start=1))
    csv = "full_date,date,weekday,time,mood,activities,note\n" + rows
    diary, report = backpain.read_diary(io.BytesIO(csv.encode()), subject="me", return_report=True)
    assert diary["mood"].isna().all()
    [left_out] = [n for n in report.notes if "mood left empty" in str(n)]
    assert f"{len(labels)} row(s)" in str(left_out)
    assert "from best to worst" in str(left_out)
    assert repr(labels) in str(left_out)  # the labels found, ready to put in order


def test_own_moods_in_order_from_best_to_worst():
    diary, report = backpain.read_diary(OWN, return_report=True)
    assert diary["mood"].isna().all()
    [left_out] = [n for n in report.notes if "mood left empty" in str(n)]
    assert "moods=['blij', 'ellendig', 'gaat wel', 'moe']" in str(left_out)
    assert "van best naar slechtst" in report.summary("nl")
    ordered = backpain.read_diary(OWN, moods=["blij", "Gaat wel", "moe", "ellendig"])
    # 4 labels best to worst -> levels 5, 11/3, 7/3, 1 -> mood (level - 1) * 2.5:
    # blij 10, gaat wel 20/3, moe 10/3, ellendig 0; 3 Jun: (10 + 0) / 2 = 5
    by_day = dict(zip(_days(ordered), ordered["mood"], strict=True))
    assert by_day["2024-06-01"] == pytest.approx(10 / 3)
    assert by_day["2024-06-02"] == pytest.approx(20 / 3)
    assert by_day["2024-06-03"] == 5.0


@pytest.mark.parametrize("moods", [["only"], ["a", "b", "A"]])
def test_bad_mood_order_raises(moods):
    with pytest.raises(ValueError, match="from best to worst"):
        backpain.read_diary(OWN, moods=moods)


def test_moods_option_overrides_a_translated_name():
    # a user whose own mood 'Gut' is the best of their scale
    diary = backpain.read_diary(GERMAN, moods={"gut": 5})
    by_day = dict(zip(_days(diary), diary["mood"], strict=True))
    assert by_day["2024-06-03"] == 5.0  # Gut 10 and Lausig 0


def test_translation_table_has_five_levels_per_language_and_no_english_default():
    from backpain.read.daylio import MOOD_TRANSLATIONS

    assert set(MOOD_TRANSLATIONS) == {"de", "pl"}  # only languages seen in real exports
    for words in MOOD_TRANSLATIONS.values():
        assert set(words.values()) == {1, 2, 3, 4, 5}
        assert not set(words) & set(MOODS)


# ------------------------------------------------ cut to five columns
def test_cut_five_column_export_is_recognised():
    path = DATA / "daylio_cut_5col.csv"
    assert detect_daylio(open_source(path)).matches
    diary, report = backpain.read_diary(path, return_report=True)
    assert report.format == "daylio"
    # 12 Feb meh 5; 13 Feb rad 10; 14 Feb good 7.5 and awful 0 -> 3.75
    assert diary["mood"].tolist() == [5.0, 10.0, 3.75]
    assert diary["tags"].isna().all()
    assert (report.rows_read, report.rows_kept, report.rows_merged) == (4, 3, 1)
    assert report.balanced
