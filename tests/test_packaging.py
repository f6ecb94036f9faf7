"""Packaging: environment.yml mirrors pyproject.toml; example data in data/ is the package copy."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import backpain
from backpain.datasets import list_examples, load_example

ROOT = Path(__file__).resolve().parents[1]


def _requirements(specs):
    out = {}
    for spec in specs:
        # "dask[dataframe]>=2024.8" is conda-forge's "dask>=2024.8" (the full dask);
        # "backpain[dask]" is this package's own extra, not a dependency.
        name, bound = re.fullmatch(
            r"([A-Za-z0-9_.\-]+)(?:\[[^]]*\])?\s*(.*)", spec.strip()
        ).groups()
        if name == "backpain":
            continue
        out[name.lower().replace("_", "-")] = bound.replace(" ", "")
    return out


def _conda_deps():
    deps, pip = {}, []
    text = (ROOT / "environment.yml").read_text()
    lines = text.split("\ndependencies:\n", 1)[1].splitlines()
    in_pip = False
    for line in lines:
        stripped = line.split("#", 1)[0].rstrip()
        if re.fullmatch(r"\s+- pip:", stripped):
            in_pip = True
            continue
        item = re.fullmatch(r"\s+- (.+)", stripped)
        if not item:
            continue
        if in_pip and line.startswith("      "):
            pip.append(item.group(1).strip())
        else:
            deps.update(_requirements([item.group(1)]))
    return deps, pip


def test_environment_yml_mirrors_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = _requirements(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted.update(_requirements(extra))
    conda, pip = _conda_deps()
    conda.pop("pip", None)
    python = conda.pop("python")
    assert python == project["requires-python"]
    assert conda == wanted, "environment.yml and pyproject.toml disagree"
    assert pip == ["-e ."], "environment.yml must end with pip: [-e .]"


def test_package_exports_match_all():
    for name in backpain.__all__:
        assert hasattr(backpain, name), name


def test_example_data_in_data_folder_is_the_package_copy():
    # one copy: data/ holds links to the files the package ships
    index = list_examples()
    for file in index["file"]:
        shipped = ROOT / "backpain" / "datasets" / file
        assert (ROOT / "data" / file).resolve() == shipped.resolve(), file


@pytest.mark.parametrize("name", ["patient", "patient_nl", "cohort"])
def test_examples_load_with_every_row_accounted_for(name):
    diary, report = load_example(name, return_report=True)
    assert report.balanced
    assert report.rows_rejected == 0
    assert len(diary) == report.rows_kept


def test_survey_example_loads_and_joins_the_cohort():
    survey, report = load_example("survey", return_report=True)
    assert report.balanced
    assert len(survey.table) == report.rows_read == 120
    cohort = load_example("cohort")
    assert set(cohort["subject"]) <= set(survey.table["subject"])


def test_dutch_example_equals_the_english_one():
    nl, en = load_example("patient_nl"), load_example("patient")
    for column in ("pain", "stress", "sleep_hours", "sleep_quality", "steps", "mood", "tags"):
        assert nl[column].equals(en[column]), column


def test_unknown_example_lists_valid_names():
    with pytest.raises(ValueError, match=r"no example named 'nope'; choose one of \['patient'"):
        load_example("nope")


def test_import_from_the_folder_above_a_clone(tmp_path):
    # a clone folder named like the package, seen from its parent,
    # must not shadow the installed package (PyPA / Scientific Python guides)
    (tmp_path / "backpain").symlink_to(ROOT, target_is_directory=True)
    done = subprocess.run(
        [sys.executable, "-c", "import backpain; print(callable(backpain.read_diary))"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.strip() == "True", done.stderr
