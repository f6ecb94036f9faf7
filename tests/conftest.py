"""Shared fixtures: a seeded rng, small diaries, Agg backend, figures closed.

The network guard lives in the repository's root ``conftest.py`` so that it
also covers the doctests.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest
from _examples import examples
from hypothesis import settings

matplotlib.use("Agg")

import matplotlib.pyplot as plt

import backpain

# Hypothesis: the same examples on every CI run (a failure there can be rerun
# as it was), fresh random examples locally; a quarter of the examples daily and
# all of them with BACKPAIN_THOROUGH=1 (tests/_examples.py). A test's own
# @settings (deadline, examples(n)) still applies on top of the profile.
settings.register_profile(
    "backpain", derandomize=bool(os.environ.get("CI")), max_examples=examples(100)
)
settings.load_profile("backpain")

DATA = Path(__file__).parent / "data"
SHARED = Path(
    os.environ.get(
        "BACKPAIN_SHARED_SAMPLES",
        Path(__file__).resolve().parents[1].parent / "shared" / "samples",
    )
)
"""Real export samples: ``../shared/samples`` beside the repository, or $BACKPAIN_SHARED_SAMPLES."""


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture
def rng():
    return np.random.default_rng(20261125)


@pytest.fixture
def diary() -> pd.DataFrame:
    """A small synthetic canonical diary: 5 subjects x 60 days."""
    return backpain.simulate_cohort(5, 60, seed=7)


@pytest.fixture(scope="session")
def cohort():
    """A larger simulated cohort with its truth: 120 subjects x 240 days."""
    return backpain.simulate_cohort(120, 240, seed=11, return_truth=True)


@pytest.fixture
def shared_samples() -> Path:
    """The shared real export samples; missing on CI is a failure, not a skip."""
    if not SHARED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"shared samples folder {SHARED} is missing on CI")
        pytest.skip(
            f"real export samples not found at {SHARED}: these small public REDCap, Qualtrics "
            "and Daylio exports (each folder's PROVENANCE.md says where it comes from) sit in ../shared/samples beside the "
            "repository, never inside it; set BACKPAIN_SHARED_SAMPLES to their folder to run "
            "these tests"
        )
    return SHARED
