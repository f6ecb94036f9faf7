"""The command line and the main job (``backpain demo``)."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from backpain.cli import main


def test_demo_writes_results_and_prints_the_folder(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["demo", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
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
    assert "patient_rapport_nl.html (in Dutch)" in printed


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
    assert "Pass pain_scale=100" in err
    assert err.rstrip().endswith("On the command line: --pain-scale 100.")
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
    assert "Pass dayfirst=True" in err
    assert "On the command line: --dayfirst (day-month-year) or --monthfirst" in err
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


@pytest.mark.parametrize(
    ("message", "added"),
    [
        ("x: Pass pain_scale=100 to read it.", " On the command line: --pain-scale 100."),
        ("x: pass columns={'your column': 'date'}.", "rename the column in the spreadsheet"),
        ("x: pass subject= to read_diary", " On the command line: --subject NAME."),
        ("x: pass subject= (--subject on the command line)", ""),
        ("x: the file is empty (0 bytes). Export the diary again.", ""),
    ],
)
def test_cli_hints_give_the_command_line_form(message, added):
    from backpain.cli import _with_cli_hints

    hinted = _with_cli_hints(message)
    assert hinted.startswith(message)
    assert added in hinted
    if not added:
        assert hinted == message


def test_a_missing_extra_is_a_message_not_a_traceback(monkeypatch, capsys):
    import backpain.app

    def missing(**kwargs):
        msg = 'backpain app needs voila and ipywidgets: pip install "backpain[notebook]"'
        raise ImportError(msg)

    monkeypatch.setattr(backpain.app, "serve", missing)
    assert main(["app", "--no-browser"]) == 3
    assert 'pip install "backpain[notebook]"' in capsys.readouterr().err
