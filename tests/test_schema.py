import pandas as pd
import pytest

from backpain import schema


def test_columns_are_unique_and_keys_first():
    assert schema.COLUMNS[:2] == schema.KEYS
    assert len(set(schema.COLUMNS)) == len(schema.COLUMNS)


def test_aliases_do_not_collide():
    seen = {}
    for name, var in schema.VARIABLES.items():
        for alias in var.aliases:
            assert alias == schema.normalise_header(alias), alias
            assert seen.setdefault(alias, name) == name, f"{alias} used twice"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Pijn (0-10)", "pijn"),
        ("\ufeffDatum", "datum"),
        ("Uren_Slaap", "uren slaap"),
        ("Stress ", "stress"),
    ],
)
def test_normalise_header(header, expected):
    assert schema.normalise_header(header) == expected


def test_empty_diary_dtypes():
    empty = schema.empty_diary()
    assert list(empty.columns) == list(schema.COLUMNS)
    assert pd.api.types.is_datetime64_any_dtype(empty["date"])
    assert empty["pain"].dtype == "float64"
