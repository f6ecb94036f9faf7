"""backpain.config: the session's language and progress bars, as a call or a block."""

from __future__ import annotations

import io
import sys

import matplotlib.pyplot as plt
import pytest

import backpain
from backpain import explain, plot
from backpain._progress import progress_bar, track
from backpain.simulate import simulate_cohort


@pytest.fixture(autouse=True)
def _defaults_back():
    """Each test leaves the process's defaults as it found them."""
    yield
    backpain.config(lang="en", progress=None)


def test_config_sets_the_language_and_bar_of_the_session_and_of_a_block(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.delenv("BACKPAIN_PROGRESS", raising=False)
    before = backpain.config()
    assert (before.lang, before.progress) == ("en", None)
    with backpain.config(lang="nl", progress=True) as inside:
        assert (inside.lang, inside.progress) == ("nl", True)
        assert list(track(["a"], "progress.files")) == ["a"]
        with backpain.config(progress=False):  # an inner block changes only what it names
            assert backpain.config().lang == "nl"
            assert not progress_bar("progress.files", total=1).shown
    assert "bestanden lezen" in err.getvalue()
    assert (backpain.config().lang, backpain.config().progress) == ("en", None)
    try:  # a plain call sets the defaults of the process
        backpain.config(lang="nl")
        assert backpain.config().lang == "nl"
        with backpain.config(progress=False):
            assert backpain.config().lang == "nl"
        assert backpain.config().lang == "nl"
    finally:
        backpain.config(lang="en")
    assert backpain.config().lang == "en"


def test_config_block_is_local_to_its_thread():
    import threading

    seen = {}
    started, release = threading.Event(), threading.Event()

    def other():
        seen["before"] = backpain.config().lang
        started.set()
        release.wait(5)
        seen["during"] = backpain.config().lang

    thread = threading.Thread(target=other)
    thread.start()
    started.wait(5)
    with backpain.config(lang="nl"):
        release.set()
        thread.join(5)
        assert backpain.config().lang == "nl"
    assert seen == {"before": "en", "during": "en"}


def test_config_refuses_bad_values_with_the_way_out():
    with pytest.raises(ValueError, match=r"lang must be one of \['en', 'nl'\], not 'de'"):
        backpain.config(lang="de")
    with pytest.raises(TypeError, match=r"progress must be True, False, None .* not 'yes'"):
        backpain.config(progress="yes")
    assert backpain.config().progress is None


def test_text_made_for_a_person_follows_the_setting_and_a_given_lang_overrides_it():
    diary = simulate_cohort(1, 30, seed=1)
    read, load = backpain.read_diary(diary, return_report=True)
    with backpain.config(lang="nl"):
        ax = plot.timeline(read, variables=("pain",))
        assert ax.get_ylabel() == "Pijn (0-10)"
        plt.close("all")
        ax = plot.timeline(read, variables=("pain",), lang="en")  # the call's own lang wins
        assert ax.get_ylabel() == "Pain (0-10)"
        plt.close("all")
        assert "gelezen" in str(load)
        assert explain.guide("read") == explain.guide("read", "nl")
    assert "rows read" in str(load)
    assert explain.guide("read") == explain.guide("read", "en") != explain.guide("read", "nl")
