"""The one checker of Python arguments: plain English for programmers.

An error about how a function was *called* (a wrong ``method=``, an unknown
column name, an ``alpha=`` out of range, a list where a DataFrame belongs) is
read by the person who wrote the call, in the language of the code. Such
errors are worded here, in English, naming the argument, the value given and
what is allowed, as seaborn's ``utils._check_argument``, pandas and numpy word
theirs; they do not go through the catalogue.

Problems in a *user's file* (a cell that is not a number, a date that does not
exist) are different: a patient reads them, in English or Dutch, so they stay
:class:`~backpain.text.Message` texts in the catalogue.

Every function takes ``func=``, the public function whose argument is checked;
the message then starts with ``"func: "``.
"""

from __future__ import annotations

import numbers
from collections.abc import Collection, Iterable
from typing import Any

__all__ = [
    "argument_error",
    "check_choice",
    "check_columns",
    "check_number",
    "check_type",
    "check_whole",
]


def _prefix(func: str | None) -> str:
    return f"{func}: " if func else ""


def argument_error(text: str, *, func: str | None = None, error: type = ValueError) -> Exception:
    """An exception about an argument, worded ``"func: text"``; the caller raises it.

    For the checks no function below covers (one argument that contradicts
    another), so that every argument error starts the same way.

    >>> argument_error("pass lags= or lag=, not both", func="what_helps")
    ValueError('what_helps: pass lags= or lag=, not both')
    """
    return error(_prefix(func) + text)


def check_choice(
    name: str, value: Any, choices: Collection[Any], *, func: str | None = None, hint: str = ""
) -> Any:
    """Return ``value`` if it is one of ``choices``, else raise ``ValueError``.

    Parameters
    ----------
    name : str
        The argument's name, as the caller wrote it.
    value : object
        The value passed.
    choices : collection
        The allowed values, listed in the message in their order.
    func : str, optional
        The public function the argument belongs to.
    hint : str, optional
        Why these choices, or the way out, added after a semicolon.

    Returns
    -------
    object
        ``value``.

    Examples
    --------
    >>> check_choice("method", "pearson", ("pearson", "spearman"))
    'pearson'
    >>> check_choice("method", "kendall", ("pearson", "spearman"), func="between_corr")
    Traceback (most recent call last):
    ...
    ValueError: between_corr: method must be one of ['pearson', 'spearman'], not 'kendall'
    """
    try:
        known = value in choices
    except TypeError:  # an unhashable value is not a choice
        known = False
    if not known:
        msg = f"{_prefix(func)}{name} must be one of {list(choices)}, not {value!r}"
        raise ValueError(msg + (f"; {hint}" if hint else ""))
    return value


def check_type(
    name: str,
    value: Any,
    types: type | tuple[type, ...],
    *,
    func: str | None = None,
    what: str = "",
) -> Any:
    """Return ``value`` if it is an instance of ``types``, else raise ``TypeError``.

    ``what`` words the expected type (default: the type names joined by
    ``" or "``), for example ``"a pandas DataFrame (the result of person_effects())"``.

    >>> import pandas as pd
    >>> check_type("data", [1, 2], pd.DataFrame, what="a pandas DataFrame")
    Traceback (most recent call last):
    ...
    TypeError: data must be a pandas DataFrame, not list
    """
    if not isinstance(value, types):
        wanted = what or " or ".join(
            t.__name__ for t in (types if isinstance(types, tuple) else (types,))
        )
        msg = f"{_prefix(func)}{name} must be {wanted}, not {type(value).__name__}"
        raise TypeError(msg)
    return value


def check_columns(
    data: Any, names: Iterable[str], *, name: str = "data", func: str | None = None, hint: str = ""
) -> None:
    """Raise ``ValueError`` unless every one of ``names`` is a column of ``data``.

    The message lists the missing columns and the columns there are; ``hint``
    (for example ``"pass the result of classify()"``) is added after a semicolon.

    >>> import pandas as pd
    >>> check_columns(pd.DataFrame({"pain": [1]}), ["pain", "stress"], func="correlate")
    Traceback (most recent call last):
    ...
    ValueError: correlate: data has no column(s) ['stress']; its columns are ['pain']
    """
    columns = list(getattr(data, "columns", ()))
    missing = [c for c in names if c not in columns]
    if missing:
        msg = f"{_prefix(func)}{name} has no column(s) {missing}; its columns are {columns}"
        raise ValueError(msg + (f"; {hint}" if hint else ""))


def check_number(
    name: str,
    value: Any,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    func: str | None = None,
) -> Any:
    """Return ``value`` if it is a real number in the range, else raise ``ValueError``.

    The range is ``low <= value <= high`` (``low < value`` with ``low_open``);
    either bound may be left out. Booleans and NaN are refused.

    >>> check_number("alpha", 0.05, low=0, high=0.05, low_open=True)
    0.05
    >>> check_number("alpha", 0.1, low=0, high=0.05, low_open=True, func="correlate")
    Traceback (most recent call last):
    ...
    ValueError: correlate: alpha must be a number above 0 and at most 0.05, not 0.1
    """
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool) and value == value
    if ok and low is not None:
        ok = value > low if low_open else value >= low
    if ok and high is not None:
        ok = value <= high
    if not ok:
        msg = f"{_prefix(func)}{name} must be a number{_range(low, high, low_open)}, not {value!r}"
        raise ValueError(msg)
    return value


def check_whole(
    name: str,
    value: Any,
    *,
    low: int | None = None,
    high: int | None = None,
    func: str | None = None,
    hint: str = "",
) -> Any:
    """Return ``value`` if it is a whole number (not a bool) in ``low..high``, else raise.

    >>> check_whole("n_boot", 99, low=100, func="within_corr", hint="2000 is usual")
    Traceback (most recent call last):
    ...
    ValueError: within_corr: n_boot must be a whole number of at least 100 (2000 is usual), not 99
    """
    ok = isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if ok and low is not None:
        ok = value >= low
    if ok and high is not None:
        ok = value <= high
    if not ok:
        extra = f" ({hint})" if hint else ""
        msg = (
            f"{_prefix(func)}{name} must be a whole number{_range(low, high)}{extra}, not {value!r}"
        )
        raise ValueError(msg)
    return value


def _range(low: float | None, high: float | None, low_open: bool = False) -> str:
    if low is not None and high is not None:
        return f" above {low} and at most {high}" if low_open else f" from {low} to {high}"
    if low is not None:
        return f" above {low}" if low_open else f" of at least {low}"
    if high is not None:
        return f" of at most {high}"
    return ""
