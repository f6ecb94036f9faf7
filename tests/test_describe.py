"""Tests for backpain.describe: the monthly table against hand-computed months."""

from __future__ import annotations

import numpy as np
import pandas as pd

from backpain.describe import monthly_summary


def test_monthly_summary_against_hand_computed_months():
    diary = pd.DataFrame(
        {
            "subject": ["a"] * 5 + ["b"],
            "date": pd.to_datetime(
                ["2026-01-30", "2026-01-31", "2026-02-01", "2026-02-02", "2026-02-03", "2026-01-05"]
            ),
            "pain": [2.0, 4.0, 0.0, np.nan, 7.0, 1.0],
        }
    )
    got = monthly_summary(diary)
    # by hand: a/Jan: 2, 4 -> mean 3, max 4, 2 pain days; a/Feb: 0, 7 (NaN skipped)
    # -> mean 3.5, max 7, 1 pain day; b/Jan: 1 -> 1 pain day (pain >= 1)
    assert got["subject"].tolist() == ["a", "a", "b"]
    assert got["month"].dt.strftime("%Y-%m").tolist() == ["2026-01", "2026-02", "2026-01"]
    assert got["days_recorded"].tolist() == [2, 2, 1]
    np.testing.assert_allclose(got["pain_mean"], [3.0, 3.5, 1.0])
    np.testing.assert_allclose(got["pain_max"], [4.0, 7.0, 1.0])
    assert got["days_with_pain"].tolist() == [2, 1, 1]
    assert monthly_summary(diary, pain_threshold=3)["days_with_pain"].tolist() == [1, 1, 0]
