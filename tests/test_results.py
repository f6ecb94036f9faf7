"""Results that are more than a table: frozen dataclasses that show their table and metadata."""

import dataclasses

import pandas as pd
import pytest

from backpain._results import Result, table_of
from backpain.simulate import simulate_cohort
from backpain.stats import Findings, correlate, patient_findings, what_helps


@pytest.fixture(scope="module")
def one_person():
    return simulate_cohort(1, 120, seed=3)


def test_findings_hold_the_table_and_how_it_was_tested(one_person):
    res = patient_findings(one_person, x=["stress", "weather"], correction="holm", alpha=0.01)
    assert isinstance(res, Findings)
    assert isinstance(res.table, pd.DataFrame)
    assert (res.alpha, res.correction) == (0.01, "holm")
    assert res.n_tests == int(res.table["p_adj"].notna().sum())
    assert "not proof of cause" in res.caveat
    assert res.notes == ["predictor 'weather' has no values for this person; left out"]
    # nothing rides on DataFrame.attrs any more: a CSV or print keeps all there is
    assert res.table.attrs == {}
    with pytest.raises(dataclasses.FrozenInstanceError):
        res.alpha = 0.05


def test_repr_and_html_show_the_table_and_the_metadata(one_person):
    res = what_helps(one_person, tags=["heat"])
    text = repr(res)
    assert text.startswith("Findings\n")
    assert res.table.to_string() in text
    assert f"n_tests: {res.n_tests}" in text
    assert "correction: fdr_bh" in text
    page = res._repr_html_()
    assert page.count("<table") == 1
    assert "<dt>alpha</dt><dd>0.05</dd>" in page
    assert "<dt>caveat</dt>" in page


def test_html_escapes_metadata():
    @dataclasses.dataclass(frozen=True, repr=False)
    class Odd(Result):
        note: str

    page = Odd(pd.DataFrame({"a": [1]}), note="<b>&</b>")._repr_html_()
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in page
    assert "<b>&</b>" not in page


def test_table_of_takes_a_result_or_a_table(one_person):
    res = correlate(one_person.assign(subject="A"), x=["stress"], lags=(0,))
    assert table_of(res) is res.table
    assert table_of(res.table) is res.table
    assert table_of(None) is None


def test_results_compare_by_identity(one_person):
    # a DataFrame has no single truth value, so == on two results is identity
    a = what_helps(one_person, tags=["heat"])
    b = what_helps(one_person, tags=["heat"])
    assert a == a
    assert a != b
    pd.testing.assert_frame_equal(a.table, b.table)
