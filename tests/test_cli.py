"""The command line and the main job (``backpain demo``)."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from test_read_text import _english_in

from backpain.cli import main
from backpain.demo import OUTPUT_FILES, describe_outputs

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """Run ``backpain demo`` once for the tests of its output: (folder, printed text)."""
    out = tmp_path_factory.mktemp("demo") / "out"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["demo", "--out", str(out)]) == 0
    return out, printed.getvalue()


def test_demo_writes_results_and_prints_the_folder(demo):
    out, printed = demo
    assert str(out.resolve()) in printed
    assert "rows read" in printed
    quality = pd.read_csv(out / "cohort_data_quality.csv")
    assert len(quality) == 100
    # the printed summary has numeric columns only (no "mean" of a first day)
    summary = printed.split("3. Data quality per subject")[1].split("4. Classification")[0]
    assert "span_days" in summary
    assert "first_day" not in summary
    assert "last_day" not in summary
    # the report in the demo's language, and the Flemish patient's own report in Dutch
    english = (out / "patient_report.html").read_text(encoding="utf-8")
    dutch = (out / "patient_rapport_nl.html").read_text(encoding="utf-8")
    assert "<html lang='en'>" in english
    assert "<html lang='nl'>" in dutch
    assert "Rapport van het rugpijndagboek" in dutch
    assert "Dagboek van patiënt" in dutch  # the Flemish patient, named in Dutch
    assert "patient_rapport_nl.html (in Dutch)" in printed
    # one test, one family: the demo's tag table is the report's (patient_findings' tag rows)
    helps = pd.read_csv(out / "patient_what_helps.csv")
    assert set(helps["kind"]) == {"tag"}
    assert set(helps["verdict"]) <= {
        "lower",
        "higher",
        "unclear",
        "too_few_days",
        "no_comparison",
        "not_tested",
    }


def test_demo_prints_readable_p_values(demo):
    _, printed = demo
    table = printed.split("6. What goes with pain")[1].split("patient, pain the day after")[0]
    assert "p_fdr" in table
    assert "< 0.001" in table
    assert not re.search(r"\b0\.000\b", table)


def _file_lines(printed: str) -> dict[str, str]:
    """``name: what it holds`` lines of the demo's closing list, by file name."""
    listing = printed.rsplit("\n9. ", 1)[1]
    found = re.findall(r"^   ([\w.]+): (.+)$", listing, flags=re.MULTILINE)
    return dict(found)


def test_demo_says_what_every_file_it_wrote_holds(demo):
    out, printed = demo
    lines = _file_lines(printed)
    written = sorted(p.name for p in out.iterdir())
    assert sorted(lines) == written  # every file, each once, and no file that is not there
    assert set(written) == set(OUTPUT_FILES)
    assert "r, 95% CI, p and FDR-adjusted p" in lines["cohort_correlations.csv"]
    assert lines["patient_rapport_nl.html"].startswith("the same report in Dutch")
    assert len(set(lines.values())) == len(lines)  # no two files described alike


def test_demo_says_what_every_file_holds_in_dutch(demo, capsys):
    out, _ = demo
    describe_outputs(out, lang="nl")
    printed = capsys.readouterr().out
    assert printed.startswith(f"\n9. Wat elk bestand in {out} bevat")
    lines = _file_lines(printed)
    assert sorted(lines) == sorted(p.name for p in out.iterdir())
    for name, what in lines.items():
        assert not _english_in(what), (name, what)
    assert lines["cohort_classes.csv"].startswith("per deelnemer: begin, duur en duurklasse")


def test_python_dash_m_entry_point(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "backpain", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert "demo" in done.stdout


def test_unknown_command_exits_with_usage(capsys):
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


# ------------------------------------------------------- backpain report options
@pytest.fixture
def scale_100(tmp_path):
    path = tmp_path / "scale.csv"
    path.write_text("date,pain\n2026-01-01,50\n2026-01-02,65\n2026-01-03,70\n", encoding="utf-8")
    return path


@pytest.fixture
def ambiguous(tmp_path):
    path = tmp_path / "ambiguous.csv"
    path.write_text("date,pain\n03/04/2026,5\n04/04/2026,6\n05/04/2026,3\n", encoding="utf-8")
    return path


def test_report_pain_scale_option(scale_100, tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["report", str(scale_100), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--pain-scale 100" in err  # the reader's advice for the command line
    assert "pain_scale=100" not in err
    assert not out.exists()
    assert main(["report", str(scale_100), "-o", str(out), "--pain-scale", "100"]) == 0
    # by hand: (5 + 6.5 + 7) / 3 = 6.17
    assert "Average pain 6.2 out of 10 (lowest 5, highest 7)." in out.read_text(encoding="utf-8")


def test_report_pain_scale_accepts_only_10_or_100(scale_100, capsys):
    with pytest.raises(SystemExit) as info:
        main(["report", str(scale_100), "--pain-scale", "5"])
    assert info.value.code == 2
    assert "invalid choice: 5" in capsys.readouterr().err


def test_report_date_order_options(ambiguous, tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["report", str(ambiguous), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--dayfirst" in err  # the reader's advice for the command line
    assert "dayfirst=True" not in err
    assert main(["report", str(ambiguous), "-o", str(out), "--dayfirst"]) == 0
    assert "From 3 Apr 2026 to 5 Apr 2026" in out.read_text(encoding="utf-8")
    assert main(["report", str(ambiguous), "-o", str(out), "--monthfirst"]) == 0
    assert "From 4 Mar 2026 to 4 May 2026" in out.read_text(encoding="utf-8")


def test_report_dayfirst_and_monthfirst_exclude_each_other(ambiguous, capsys):
    with pytest.raises(SystemExit) as info:
        main(["report", str(ambiguous), "--dayfirst", "--monthfirst"])
    assert info.value.code == 2
    assert "not allowed with argument --dayfirst" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ("no usable rows: 2 of 2 rows were rejected", "row 2, pain 'veel'", "Fix these")),
        ("nl", ("geen bruikbare rijen: 2 van de 2", "rij 3, pijn '8/10'", "Verbeter deze rijen")),
    ],
)
def test_report_on_a_diary_without_usable_rows(tmp_path, capsys, lang, expected):
    path = tmp_path / "dagboek.csv"
    path.write_text("datum;pijn\n01-02-2026;veel\n02-02-2026;8/10\n", encoding="utf-8")
    assert main(["report", str(path), "-o", str(tmp_path / "r.html"), "--lang", lang]) == 2
    err = capsys.readouterr().err
    for part in expected:
        assert part in err, part
    assert "0 subjects" not in err
    assert "Traceback" not in err


def test_version(capsys):
    from backpain import __version__

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"backpain {__version__}"


def test_dutch_errors_of_the_report_command_are_dutch(tmp_path, capsys):
    two = tmp_path / "twee.csv"
    import backpain

    backpain.simulate_cohort(2, 30, seed=1).to_csv(two, index=False)
    assert main(["report", str(two), "-o", str(tmp_path / "r.html"), "--lang", "nl"]) == 2
    err = capsys.readouterr().err
    assert "het dagboek bevat 2 deelnemers" in err
    assert "kies er een met --subject NAAM" in err
    assert "subject=" not in err


def test_dutch_progress_and_result_lines(tmp_path, capsys):
    path = tmp_path / "d.csv"
    path.write_text("date,pain\n2026-01-01,3\n2026-01-02,4\n", encoding="utf-8")
    assert main(["report", str(path), "-o", str(tmp_path / "r.html"), "--lang", "nl"]) == 0
    captured = capsys.readouterr()
    assert "backpain: d.csv wordt gelezen (0,0 MB)" in captured.err
    assert "backpain: klaar" in captured.err
    assert captured.out.startswith("Rapport geschreven naar ")


def test_a_missing_extra_is_a_message_not_a_traceback(monkeypatch, capsys):
    import backpain.app

    def missing(**kwargs):
        msg = 'backpain app needs voila and ipywidgets: pip install "backpain[notebook]"'
        raise ImportError(msg)

    monkeypatch.setattr(backpain.app, "serve", missing)
    assert main(["app", "--no-browser"]) == 3
    assert 'pip install "backpain[notebook]"' in capsys.readouterr().err


# ------------------------------------------------------- backpain report -o
def test_report_never_overwrites_a_diary(tmp_path, capsys, monkeypatch):
    diary = tmp_path / "diary.csv"
    text = "date,pain\n2026-01-01,3\n2026-01-02,4\n"
    diary.write_text(text, encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(diary)
    monkeypatch.chdir(tmp_path)
    for out in ("diary.csv", str(diary), "./diary.csv", str(link)):
        assert main(["report", str(diary), "-o", out]) == 2
        err = capsys.readouterr().err
        assert f"-o {out} is the diary {diary}: the report would replace it" in err
        assert "Traceback" not in err
        assert diary.read_text(encoding="utf-8") == text
    two = tmp_path / "two.csv"
    two.write_text(text, encoding="utf-8")
    assert main(["report", str(two), str(diary), "-o", "two.csv", "--lang", "nl"]) == 2
    assert "het rapport zou het vervangen" in capsys.readouterr().err
    assert two.read_text(encoding="utf-8") == text


def test_report_into_a_folder(tmp_path, capsys):
    diary = tmp_path / "diary.csv"
    diary.write_text("date,pain\n2026-01-01,3\n2026-01-02,4\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["report", str(diary), "-o", str(out)]) == 0
    assert (out / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert str((out / "report.html").resolve()) in capsys.readouterr().out
    assert main(["report", str(diary), "-o", str(tmp_path / "nowhere" / "r.html")]) == 2
    err = capsys.readouterr().err
    assert f"the folder {tmp_path / 'nowhere'} does not exist" in err
    assert "Traceback" not in err


# ------------------------------------------------ a Daylio file's own moods: --moods
OWN_MOODS = DATA / "daylio" / "daylio_own_moods.csv"


@pytest.mark.parametrize(("lang", "left_out"), [("en", "mood left empty"), ("nl", "leeg gelaten")])
def test_report_moods_option_reads_a_daylio_files_own_moods(tmp_path, capsys, lang, left_out):
    plain = tmp_path / "plain.html"
    assert main(["report", str(OWN_MOODS), "-o", str(plain), "--lang", lang]) == 0
    page = plain.read_text(encoding="utf-8")
    assert left_out in page
    assert "--moods" in page  # the way out, in the command line's words
    ordered = tmp_path / "ordered.html"
    args = ["report", str(OWN_MOODS), "-o", str(ordered), "--lang", lang]
    assert main([*args, "--moods", "blij, Gaat wel,moe,ellendig"]) == 0
    assert left_out not in ordered.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["blij", "blij,Blij", " , "])
def test_report_moods_needs_two_labels_each_once(value, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["report", str(OWN_MOODS), "--moods", value, "--lang", "nl"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "geef elke stemming van je schaal één keer, van best naar slechtst" in err


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "was read as a 'table' file, which does not use --moods: leave --moods out"),
        ("nl", "is gelezen als een 'table'-bestand, dat --moods niet gebruikt: laat --moods weg"),
    ],
)
def test_report_moods_for_a_file_that_is_not_daylio_is_refused_without_a_traceback(
    tmp_path, capsys, lang, said
):
    diary = DATA / "table" / "bom_utf8.csv"
    args = ["report", str(diary), "-o", str(tmp_path / "r.html"), "--lang", lang]
    assert main([*args, "--moods", "good,bad"]) == 2
    err = capsys.readouterr().err
    assert f"{diary.name} {said}" in err
    assert "Traceback" not in err
    assert not (tmp_path / "r.html").exists()


# ------------------------------------------------ every layout of issue #24, en and nl
ISSUE_24 = [
    "daylio/daylio_german_phone.csv",
    "daylio/daylio_own_moods.csv",
    "daylio/daylio_cut_5col.csv",
    "daylio/daylio_2018_layout.csv",
    "health_auto_export/HealthAutoExport-watch-stages-2024-05-01-2024-05-04.csv",
    "health_auto_export/HealthAutoExport-saved-by-excel-2021-06.csv",
    "google_fit_daily/Activité physique quotidienne/Récapitulatifs quotidiens.csv",
    "google_fit_daily/Activité physique quotidienne/2024-04-02.csv",
    "fitbit_csv/fitbit_export_2017_03.csv",
    "fitbit_api/fitbit_api_2019-01.json",
    "garmin/UDSFile_2024-05-01_2024-05-04.json",
]
HEADINGS = {"en": "How long has the pain lasted?", "nl": "Hoe lang duurt de pijn al?"}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("name", ISSUE_24)
def test_report_command_renders_each_issue_24_fixture(name, lang, tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", str(DATA / name), "-o", str(out), "--lang", lang]) == 0
    page = out.read_text(encoding="utf-8")
    assert f"<html lang='{lang}'>" in page
    assert HEADINGS[lang] in page
    assert "Traceback" not in page
    assert str(out.resolve()) in capsys.readouterr().out
