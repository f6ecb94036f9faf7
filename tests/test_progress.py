"""Progress bars: shown only to someone watching, labelled in the user's language."""

from __future__ import annotations

import io
import sys

import pytest

from backpain import _progress
from backpain._progress import interactive, progress_bar, track


def test_silent_when_not_interactive(capsys, monkeypatch):
    monkeypatch.delenv("BACKPAIN_PROGRESS", raising=False)
    assert not interactive()  # pytest captures stderr: not a terminal
    with progress_bar("progress.files", total=3) as bar:
        assert not bar.shown
        bar.update(3)
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("lang", "label", "unit"),
    [("en", "reading files", "files/s"), ("nl", "bestanden lezen", "bestanden/s")],
)
def test_forced_bar_is_in_the_users_language(monkeypatch, lang, label, unit):
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setenv("BACKPAIN_PROGRESS", "1")
    assert list(track(["a", "b", "c"], "progress.files", lang=lang)) == ["a", "b", "c"]
    text = err.getvalue()
    assert label in text
    assert "3/3" in text
    assert unit in text or "?" + unit in text or unit.split("/")[0] in text


def test_environment_switches_it_off_even_on_a_terminal(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", Terminal())
    monkeypatch.delenv("BACKPAIN_PROGRESS", raising=False)
    assert interactive()
    monkeypatch.setenv("BACKPAIN_PROGRESS", "0")
    assert not interactive()


def test_scaled_bar_counts_megabytes(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    with progress_bar(
        "progress.apple_health",
        total=3e6,
        scale=1e6,
        unit="progress.unit.mb",
        show=True,
        name="export.xml",
    ) as bar:
        for _ in range(3):
            bar.update(1e6)
    assert "Apple Health export export.xml" in err.getvalue()
    assert "3.0/3.0" in err.getvalue() or "3/3" in err.getvalue()


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang"):
        progress_bar("progress.files", total=1, lang="de", show=False)


def test_module_has_no_network_or_widget_import_when_silent():
    assert "tqdm" not in _progress.__dict__  # tqdm is imported only when a bar is drawn


def test_a_list_of_files_shows_one_bar_in_the_users_language(monkeypatch, tmp_path):
    import backpain

    paths = []
    for i in range(3):
        path = tmp_path / f"dagboek{i}.csv"
        path.write_text(f"datum;pijn\n0{i + 1}-03-2026;{i + 2}\n")
        paths.append(path)
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    diary = backpain.read_diary(paths, subject="ik", progress=True, lang="nl")
    assert len(diary) == 3
    assert "bestanden lezen" in err.getvalue()
    assert "3/3" in err.getvalue()
    err.truncate(0)
    backpain.read_diary(paths, subject="ik", progress=False)
    assert err.getvalue() == ""


def test_read_diary_passes_progress_to_the_apple_health_reader(monkeypatch):
    from pathlib import Path

    import backpain

    export = next((Path(__file__).parent / "data" / "apple_health").glob("*.xml"))
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    backpain.read_diary(export, progress=True, lang="nl")
    assert "Apple Health-export" in err.getvalue()
    with pytest.raises(ValueError, match="lang"):
        backpain.read_diary(export, lang="de")


def test_a_callable_progress_setting_gets_the_labels_and_steps_instead_of_bars(monkeypatch):
    import backpain

    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    heard = []
    with backpain.config(progress=heard.append, lang="nl"):
        with progress_bar("progress.files", total=2) as bar:
            assert not bar.shown
            bar.update(2)
        _progress.step("report.progress.done")
    _progress.step("report.progress.done")  # no callable: nothing
    assert heard == ["bestanden lezen", "klaar"]
    assert err.getvalue() == ""
