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
