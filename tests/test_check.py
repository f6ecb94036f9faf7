"""The one checker of Python arguments: plain English naming argument, value and choices."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from backpain._check import (
    argument_error,
    check_choice,
    check_columns,
    check_number,
    check_type,
    check_whole,
)
from backpain.text import render_error


def test_choice_names_the_argument_the_value_and_the_choices():
    assert check_choice("ci", "fisher", ("fisher", "bootstrap")) == "fisher"
    with pytest.raises(ValueError, match=r"^f: ci must be one of \['a', 'b'\], not 'c'; why$"):
        check_choice("ci", "c", ("a", "b"), func="f", hint="why")
    with pytest.raises(ValueError, match=r"not \['a'\]"):  # unhashable: not a choice
        check_choice("ci", ["a"], {"a": 1})


def test_type_and_columns():
    frame = pd.DataFrame({"pain": [1.0]})
    assert check_type("data", frame, pd.DataFrame) is frame
    with pytest.raises(TypeError, match=r"^data must be DataFrame, not dict$"):
        check_type("data", {}, pd.DataFrame)
    check_columns(frame, ["pain"])
    with pytest.raises(
        ValueError, match=r"^g: result has no column\(s\) \['x'\]; its columns are \['pain'\]; h$"
    ):
        check_columns(frame, ["pain", "x"], name="result", func="g", hint="h")


@pytest.mark.parametrize("bad", [True, float("nan"), "0.01", 0, 0.06, None])
def test_number_refuses_bools_nan_text_and_values_out_of_range(bad):
    with pytest.raises(ValueError, match=r"alpha must be a number above 0 and at most 0\.05"):
        check_number("alpha", bad, low=0, high=0.05, low_open=True)


def test_number_and_whole_accept_numpy_scalars():
    assert check_number("x", np.float64(0.5), low=0, high=1) == 0.5
    assert check_whole("n_boot", np.int64(200), low=100) == 200
    for bad in (99, 100.0, True):
        with pytest.raises(ValueError, match=r"n_boot must be a whole number of at least 100"):
            check_whole("n_boot", bad, low=100)
    with pytest.raises(ValueError, match=r"digits must be a whole number from 8 to 64, not 4"):
        check_whole("digits", 4, low=8, high=64)


def test_argument_errors_are_english_in_every_language():
    err = argument_error("pass lags= or lag=, not both", func="what_helps")
    assert str(err) == "what_helps: pass lags= or lag=, not both"
    assert render_error(err, "nl") == str(err)  # not catalogued: programmers read English
