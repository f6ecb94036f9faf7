"""Score back-pain questionnaires: ODI, RMDQ, STarT Back, PEG, Chronic Pain Grade, NIH impact.

Every scorer takes a table with one row per respondent and the item answers in
columns, and returns a table with the same index: the respondent id column
(when there is one), the scores, the bands and the number of items answered.
Missing-item rules follow the original instrument and are parameters.
An answer outside an item's range raises :class:`~backpain.SurveyError`
naming the respondent, the item and the value: a questionnaire is never
scored from an answer that cannot be right.

Default item columns (pass ``items=[...]`` in the instrument's order for
other names):

========================  ==========================================================
instrument                default item columns
========================  ==========================================================
Oswestry (ODI 2.1a)       ``odi1`` .. ``odi10``
Roland-Morris (RMDQ-24)   ``rmdq1`` .. ``rmdq24``
STarT Back (SBST)         ``sbst1`` .. ``sbst9``
PEG                       ``peg1`` .. ``peg3``
Chronic Pain Grade        ``cpg1`` .. ``cpg7`` (see :func:`score_cpg`)
NIH impact score          ``nih1`` .. ``nih9`` (see :func:`score_nih_impact`)
========================  ==========================================================

Definitions, bands and sources are in each scorer's References (Fairbank &
Pynsent 2000; Roland & Morris 1983; Hill et al. 2008; Krebs et al. 2009;
Von Korff et al. 1992; Deyo et al. 2014).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ._results import table_of
from .errors import SurveyError
from .read._cells import NO_WORDS, YES_WORDS, blank_cells
from .text import Message

if TYPE_CHECKING:
    from .read.survey import Survey

__all__ = [
    "CPG_GRADES",
    "NIH_IMPACT_BANDS",
    "ODI_BANDS",
    "SBST_RISKS",
    "classify_survey",
    "score_cpg",
    "score_nih_impact",
    "score_odi",
    "score_peg",
    "score_rmdq",
    "score_startback",
    "simulate_survey",
]

ODI_BANDS: tuple[str, ...] = ("minimal", "moderate", "severe", "crippled", "bed-bound")
"""ODI bands, in order: 0-20, 21-40, 41-60, 61-80, 81-100 % (Fairbank & Pynsent 2000)."""

SBST_RISKS: tuple[str, ...] = ("low", "medium", "high")
"""STarT Back risk groups, in order (Hill et al. 2008)."""

CPG_GRADES: tuple[str, ...] = ("0", "I", "II", "III", "IV")
"""Von Korff Chronic Pain Grades, in order (Von Korff et al. 1992)."""

NIH_IMPACT_BANDS: tuple[str, ...] = ("mild", "moderate", "severe")
"""NIH Task Force impact bands: 8-27, 28-34, 35-50 (Deyo et al. 2014)."""

ID_COLUMNS: tuple[str, ...] = (
    "subject",
    "record_id",
    "respondent",
    "respondent_id",
    "participant_id",
    "study_id",
    "ResponseId",
    "id",
)
"""Column names taken as the respondent id when ``respondent`` is not given."""

_SBST9_LABELS = {
    "not at all": 1,
    "helemaal niet": 1,
    "slightly": 2,
    "een beetje": 2,
    "beetje": 2,
    "moderately": 3,
    "matig": 3,
    "gemiddeld": 3,
    "very much": 4,
    "erg veel": 4,
    "heel erg": 4,
    "erg": 4,
    "extremely": 5,
    "extreem": 5,
    "uitermate": 5,
}
"""Item 9 (bothersomeness) labels, English and Dutch, on the 1-5 scale."""

_MULTI_SPLIT = re.compile(r"\s*[;|,]\s*")


# ------------------------------------------------------------------ helpers
def _frame(data: object, func: str) -> pd.DataFrame:
    """The table of ``data``: a DataFrame, or the ``table`` of :func:`backpain.read_survey`'s result."""
    data = table_of(data)
    if not isinstance(data, pd.DataFrame):
        msg = f"{func}: data must be a pandas DataFrame with one row per respondent, not {type(data).__name__}"
        raise TypeError(msg)
    return data


def _item_columns(
    data: pd.DataFrame, items: Sequence[str] | None, prefix: str, n: int, func: str
) -> list[str]:
    cols = [f"{prefix}{i}" for i in range(1, n + 1)] if items is None else list(items)
    if len(cols) != n:
        msg = f"{func}: items lists {len(cols)} columns but the instrument has {n} items; pass all {n} in the instrument's order"
        raise ValueError(msg)
    missing = [c for c in cols if c not in data.columns]
    if missing:
        if items is None:
            msg = Message(
                "read.survey.no_items", func=func, missing=repr(missing), prefix=prefix, n=n
            )
        else:
            msg = Message("read.survey.no_named_items", func=func, missing=repr(missing))
        raise SurveyError(msg)
    return cols


def _respondent(data: pd.DataFrame, respondent: str | None, func: str) -> str | None:
    if respondent is not None:
        if respondent not in data.columns:
            msg = f"{func}: respondent={respondent!r} is not a column of data; columns: {list(data.columns)[:20]}"
            raise ValueError(msg)
        return respondent
    return next((c for c in ID_COLUMNS if c in data.columns), None)


def _result(data: pd.DataFrame, id_col: str | None) -> pd.DataFrame:
    out = pd.DataFrame(index=data.index)
    if id_col is not None:
        out[id_col] = data[id_col]
    return out


def _who(data: pd.DataFrame, id_col: str | None, label: object) -> Message:
    if id_col is None:
        return Message("read.survey.who_row", row=label)
    who = data.loc[label, id_col]
    if isinstance(who, np.generic):
        who = who.item()
    return Message("read.survey.who", who=who, row=label)


def _raise_first(
    data: pd.DataFrame,
    id_col: str | None,
    bad: pd.DataFrame,
    raw: pd.DataFrame,
    instrument: str,
    rule: Message,
) -> None:
    rows = bad.any(axis=1)
    if not rows.any():
        return
    label = rows.index[rows.to_numpy().argmax()]
    col = bad.columns[bad.loc[label].to_numpy().argmax()]
    value = raw.loc[label, col]
    if isinstance(value, np.generic):
        value = value.item()
    msg = Message(
        "read.survey.bad_answer",
        instrument=instrument,
        who=_who(data, id_col, label),
        value=value,
        item=col,
        rule=rule,
    )
    raise SurveyError(msg)


def _is_listlike(v: object) -> bool:
    return isinstance(v, (list, tuple, set, frozenset, np.ndarray))


def _float(values: pd.Series) -> pd.Series:
    """Any numeric Series (nullable or not) as float64 with NaN for missing."""
    arr = pd.array(values, dtype="Float64").to_numpy(dtype="float64", na_value=np.nan)
    return pd.Series(arr, index=values.index)


def _numbers(values: pd.Series, *, multiple: bool) -> tuple[pd.Series, pd.Series]:
    """Cells -> floats, and a mask of cells that are not numbers.

    With ``multiple=True`` a list/tuple/set or a text like ``"2;3"`` (``;``,
    ``|`` or ``,`` between answers) becomes its highest answer. Otherwise a
    decimal comma (``"7,5"``) is read as a decimal mark.
    """
    if pd.api.types.is_bool_dtype(values):
        out = values.astype("float64")
        return out, pd.Series(False, index=values.index)
    if pd.api.types.is_numeric_dtype(values):
        out = values.astype("float64")
        return out, pd.Series(False, index=values.index)
    blank = blank_cells(values)
    listy = values.map(_is_listlike)
    out = pd.Series(np.nan, index=values.index, dtype="float64")
    bad = pd.Series(False, index=values.index)
    if listy.any():
        if multiple:
            parsed = values[listy].map(
                lambda v: pd.to_numeric(pd.Series(list(v), dtype="object"), errors="coerce")
            )
            out[listy] = parsed.map(lambda s: s.max() if s.notna().all() and len(s) else np.nan)
            bad[listy] = out[listy].isna()
        else:
            bad |= listy
    text_mask = ~listy & ~blank
    if text_mask.any():
        text = values[text_mask].astype("string").str.strip()
        bools = _float(text.str.lower().map({"true": 1.0, "false": 0.0}))
        if multiple:
            parts = text.str.split(_MULTI_SPLIT, regex=True, expand=True).astype("object")
            nums = parts.apply(lambda s: _float(pd.to_numeric(s, errors="coerce")))
            filled = parts.notna()
            ok = (nums.notna() | ~filled).all(axis=1)
            got = nums.max(axis=1).where(ok)
        else:
            dec = text.str.fullmatch(r"[+-]?\d+,\d+", na=False)
            text = text.where(~dec, text.str.replace(",", ".", regex=False))
            got = _float(pd.to_numeric(text.astype("object"), errors="coerce"))
        got = _float(got).fillna(bools)
        out[text_mask] = got
        bad[text_mask] = got.isna()
    return out, bad


def _numeric_items(
    data: pd.DataFrame,
    cols: list[str],
    id_col: str | None,
    *,
    instrument: str,
    low: float,
    high: float,
    integer: bool = True,
    multiple: bool = False,
    labels: dict[str, int] | None = None,
) -> pd.DataFrame:
    """Item answers as floats (NaN = missing); raise on any impossible answer."""
    values, bad = {}, {}
    for c in cols:
        raw = data[c]
        if labels is not None and not pd.api.types.is_numeric_dtype(raw):
            low_text = raw.astype("string").str.strip().str.lower()
            mapped = low_text.map(labels)
            raw = raw.where(mapped.isna(), mapped.astype("string"))
        nums, not_num = _numbers(raw, multiple=multiple)
        wrong = not_num | (nums < low) | (nums > high)
        if integer:
            wrong |= nums.notna() & (nums != np.round(nums))
        values[c], bad[c] = nums, wrong.fillna(False).astype(bool)
    if labels:
        named = ", ".join(repr(k) for k in labels)
        key = "read.survey.rule_whole_or_label" if integer else "read.survey.rule_number_or_label"
        rule = Message(key, low=low, high=high, labels=named)
    else:
        key = "read.survey.rule_whole" if integer else "read.survey.rule_number"
        rule = Message(key, low=low, high=high)
    _raise_first(data, id_col, pd.DataFrame(bad), data[cols], instrument, rule)
    return pd.DataFrame(values)


def _yesno_items(
    data: pd.DataFrame, cols: list[str], id_col: str | None, *, instrument: str
) -> pd.DataFrame:
    """Yes/no answers (1/0, yes/no, ja/nee, true/false, agree/disagree) as 1.0/0.0/NaN."""
    values, bad = {}, {}
    for c in cols:
        raw = data[c]
        if pd.api.types.is_bool_dtype(raw) or pd.api.types.is_numeric_dtype(raw):
            nums = raw.astype("float64")
            wrong = ~nums.isin([0.0, 1.0]) & nums.notna()
        else:
            text = raw.astype("string").str.strip().str.lower()
            nums = pd.Series(np.nan, index=raw.index, dtype="float64")
            nums[text.isin(YES_WORDS).fillna(False).astype(bool)] = 1.0
            nums[text.isin(NO_WORDS).fillna(False).astype(bool)] = 0.0
            wrong = nums.isna() & ~blank_cells(raw)
        values[c], bad[c] = nums, wrong.fillna(False).astype(bool)
    rule = Message("read.survey.rule_yes_no")
    _raise_first(data, id_col, pd.DataFrame(bad), data[cols], instrument, rule)
    return pd.DataFrame(values)


def _check_max_missing(max_missing: int, n: int, func: str) -> None:
    if not isinstance(max_missing, (int, np.integer)) or not 0 <= max_missing < n:
        msg = f"{func}: max_missing must be a whole number from 0 to {n - 1}, not {max_missing!r}"
        raise ValueError(msg)


def _ordered(values: pd.Series, categories: Sequence[str]) -> pd.Series:
    return pd.Series(
        pd.Categorical(values, categories=list(categories), ordered=True), index=values.index
    )


# ------------------------------------------------------------------- scorers
def score_odi(
    data: pd.DataFrame | Survey,
    *,
    items: Sequence[str] | None = None,
    respondent: str | None = None,
    max_missing: int = 2,
    multiple: str = "highest",
) -> pd.DataFrame:
    """Score the Oswestry Disability Index, version 2.1a.

    Parameters
    ----------
    data : pandas.DataFrame or Survey
        One row per respondent, the 10 section answers scored 0-5 (0 = the
        first statement, least disability).
    items : list of str, optional
        The 10 section columns in the questionnaire's order: pain intensity,
        personal care, lifting, walking, sitting, standing, sleeping, sex
        life, social life, travelling. Default ``odi1`` .. ``odi10``.
    respondent : str, optional
        Id column to keep and to name in error messages (default: the first
        of :data:`ID_COLUMNS` present).
    max_missing : int, default 2
        Most unanswered sections for which the index is still computed; with
        more, ``odi_score`` is missing.
    multiple : {"highest", "error"}, default "highest"
        What to do with a section where several boxes were ticked, given as a
        list/tuple/set or a text such as ``"2;3"`` (``;``, ``|`` or ``,``
        between answers): take the highest, or raise.

    Returns
    -------
    pandas.DataFrame
        Same index as ``data``; the id column when there is one, then
        ``odi_score`` (0-100 %, float), ``odi_band`` (ordered categorical
        :data:`ODI_BANDS`), ``odi_answered`` (sections answered, 0-10).

    Raises
    ------
    SurveyError
        When an item column is missing, or an answer is not a whole number
        from 0 to 5 (the message names respondent, item and value).

    Notes
    -----
    Score = sum of section scores / (5 x answered sections) x 100, so one
    missing section divides by 45 (Fairbank & Pynsent 2000). Bands: 0-20
    minimal disability, 21-40 moderate, 41-60 severe, 61-80 crippled,
    81-100 bed-bound (or exaggerating). A score that is not a whole number
    (possible when sections are missing) falls in the band whose upper
    bound it does not exceed: 20.0 is minimal, 20.5 moderate. Two common
    practical rules are explicit parameters: several boxes ticked -> the
    highest counts (``multiple``), and no score with more than 2 sections
    missing (``max_missing``). Checked against hand-computed examples in
    ``tests/test_questionnaires.py``.

    References
    ----------
    Fairbank JC, Pynsent PB. The Oswestry Disability Index. Spine
    2000;25:2940-2952.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame(
    ...     {"subject": ["S0001", "S0002"]}
    ...     | {f"odi{i}": [2, 5] for i in range(1, 10)}
    ...     | {"odi10": ["2;3", None]}
    ... )
    >>> score_odi(answers)
      subject  odi_score   odi_band  odi_answered
    0   S0001       42.0     severe            10
    1   S0002      100.0  bed-bound             9
    """
    func = "score_odi"
    data = _frame(data, func)
    if multiple not in ("highest", "error"):
        msg = f"{func}: multiple must be 'highest' or 'error', not {multiple!r}"
        raise ValueError(msg)
    _check_max_missing(max_missing, 10, func)
    cols = _item_columns(data, items, "odi", 10, func)
    id_col = _respondent(data, respondent, func)
    values = _numeric_items(
        data,
        cols,
        id_col,
        instrument="ODI",
        low=0,
        high=5,
        multiple=multiple == "highest",
    )
    answered = values.notna().sum(axis=1)
    score = values.sum(axis=1) / (5 * answered) * 100
    score = score.where(answered >= 10 - max_missing)
    out = _result(data, id_col)
    out["odi_score"] = score.astype("float64")
    band = pd.cut(score, [-0.1, 20, 40, 60, 80, 100], labels=list(ODI_BANDS))
    out["odi_band"] = band.astype(pd.CategoricalDtype(list(ODI_BANDS), ordered=True))
    out["odi_answered"] = answered.astype("int64")
    return out


def score_rmdq(
    data: pd.DataFrame | Survey,
    *,
    items: Sequence[str] | None = None,
    respondent: str | None = None,
    missing_as_no: bool = False,
    max_missing: int = 0,
) -> pd.DataFrame:
    """Score the Roland-Morris Disability Questionnaire (RMDQ-24).

    Parameters
    ----------
    data : pandas.DataFrame or Survey
        One row per respondent with the 24 yes/no statements; yes = the
        statement applies today. Answers may be 1/0, yes/no, ja/nee,
        true/false (any case) or booleans.
    items : list of str, optional
        The 24 statement columns in the questionnaire's order. Default
        ``rmdq1`` .. ``rmdq24``.
    respondent : str, optional
        Id column to keep and to name in error messages.
    missing_as_no : bool, default False
        Count an empty answer as "no". This is how the paper form works
        (respondents tick the statements that apply; an unticked one is a
        "no"): use it for tick-box data where "no" is stored as empty.
    max_missing : int, default 0
        Most unanswered statements for which a score is still given, then
        pro-rated to 24 items (yes / answered x 24). The default scores only
        complete questionnaires.

    Returns
    -------
    pandas.DataFrame
        Same index as ``data``; the id column, ``rmdq_score`` (0-24, float;
        whole numbers unless pro-rated), ``rmdq_answered`` (0-24).

    Raises
    ------
    SurveyError
        When an item column is missing or an answer is not yes or no.

    Notes
    -----
    Score = number of "yes" answers, 0-24, higher = more disability (Roland &
    Morris 1983). The original publication gives no rule for unanswered
    statements on electronic forms; our default (``max_missing=0``) leaves
    the score missing when any statement is unanswered, and pro-rating with
    ``max_missing > 0`` is our documented choice, not a published rule.
    Checked against hand-computed examples in ``tests/test_questionnaires.py``.

    References
    ----------
    Roland M, Morris R. A study of the natural history of back pain. Part I.
    Spine 1983;8:141-144. Roland M, Fairbank J. The Roland-Morris
    Disability Questionnaire and the Oswestry Disability Questionnaire.
    Spine 2000;25:3115-3124.

    Examples
    --------
    >>> import pandas as pd
    >>> names = [f"rmdq{i}" for i in range(1, 25)]
    >>> answers = pd.DataFrame([["ja"] * 6 + ["nee"] * 18], columns=names)
    >>> score_rmdq(answers)
       rmdq_score  rmdq_answered
    0         6.0             24
    >>> row = pd.DataFrame([[1] * 6 + [0] * 17 + [None]], columns=names)
    >>> score_rmdq(row, max_missing=1)
       rmdq_score  rmdq_answered
    0   6.26087             23
    """
    func = "score_rmdq"
    data = _frame(data, func)
    _check_max_missing(max_missing, 24, func)
    cols = _item_columns(data, items, "rmdq", 24, func)
    id_col = _respondent(data, respondent, func)
    values = _yesno_items(data, cols, id_col, instrument="RMDQ")
    if missing_as_no:
        values = values.fillna(0.0)
    answered = values.notna().sum(axis=1)
    score = values.sum(axis=1) / answered * 24
    score = score.where(answered >= 24 - max_missing)
    out = _result(data, id_col)
    out["rmdq_score"] = score.astype("float64")
    out["rmdq_answered"] = answered.astype("int64")
    return out


def score_startback(
    data: pd.DataFrame | Survey,
    *,
    items: Sequence[str] | None = None,
    respondent: str | None = None,
    item9: str = "1-5",
) -> pd.DataFrame:
    """Score the Keele STarT Back Screening Tool (9 items) into low/medium/high risk.

    Parameters
    ----------
    data : pandas.DataFrame or Survey
        One row per respondent. Items 1-8 agree/disagree (1/0, yes/no,
        ja/nee, true/false, agree/disagree, eens/oneens); item 9
        (bothersomeness over the last 2 weeks) as set by ``item9``.
    items : list of str, optional
        The 9 item columns in the tool's order. Default ``sbst1`` ..
        ``sbst9``.
    respondent : str, optional
        Id column to keep and to name in error messages.
    item9 : {"1-5", "0-4", "0/1"}, default "1-5"
        How item 9 is given: the 5-point answer coded 1-5 ("not at all",
        "slightly", "moderately", "very much", "extremely"; the English or
        Dutch labels are also accepted), coded 0-4, or already scored 0/1.

    Returns
    -------
    pandas.DataFrame
        Same index as ``data``; the id column, ``sbst_total`` (0-9),
        ``sbst_psychosocial`` (items 5-9, 0-5), ``sbst_risk`` (ordered
        categorical :data:`SBST_RISKS`), ``sbst_answered`` (0-9). Scores are
        missing when any item is unanswered.

    Raises
    ------
    SurveyError
        When an item column is missing or an answer is out of range.

    Notes
    -----
    Items 1-8: agree = 1, disagree = 0. Item 9 scores 1 for "very much" or
    "extremely" (4-5 on the 1-5 coding), else 0. Total <= 3: low risk;
    total >= 4 and psychosocial subscale <= 3: medium; subscale >= 4: high
    (Hill et al. 2008). The tool has no rule for unanswered items, so a
    questionnaire with any item missing is not scored. Checked against
    hand-computed examples in ``tests/test_questionnaires.py``.

    References
    ----------
    Hill JC, Dunn KM, Lewis M, et al. A primary care back pain screening tool:
    identifying patient subgroups for initial treatment. Arthritis Rheum
    2008;59:632-641.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame(
    ...     {f"sbst{i}": [1, 0, 1] for i in range(1, 9)} | {"sbst9": [5, 2, "slightly"]}
    ... )
    >>> score_startback(answers)
       sbst_total  sbst_psychosocial sbst_risk  sbst_answered
    0           9                  5      high              9
    1           0                  0       low              9
    2           8                  4      high              9
    """
    func = "score_startback"
    data = _frame(data, func)
    scales = {"1-5": (1, 5, 4), "0-4": (0, 4, 3), "0/1": (0, 1, 1)}
    if item9 not in scales:
        msg = f"{func}: item9 must be one of {list(scales)}, not {item9!r}"
        raise ValueError(msg)
    cols = _item_columns(data, items, "sbst", 9, func)
    id_col = _respondent(data, respondent, func)
    first8 = _yesno_items(data, cols[:8], id_col, instrument="STarT Back")
    low, high, cut = scales[item9]
    labels = None
    if item9 != "0/1":
        labels = {k: v - (1 - low) for k, v in _SBST9_LABELS.items()}
    ninth = _numeric_items(
        data, cols[8:], id_col, instrument="STarT Back", low=low, high=high, labels=labels
    )
    scored = first8.copy()
    scored[cols[8]] = (ninth[cols[8]] >= cut).astype("float64").where(ninth[cols[8]].notna())
    answered = scored.notna().sum(axis=1)
    complete = answered == 9
    total = scored.sum(axis=1).where(complete)
    psycho = scored[cols[4:]].sum(axis=1).where(complete)
    risk = pd.Series(
        np.select([psycho >= 4, total >= 4, total <= 3], ["high", "medium", "low"], default=""),
        index=data.index,
    ).where(complete)
    out = _result(data, id_col)
    out["sbst_total"] = total.astype("Int64")
    out["sbst_psychosocial"] = psycho.astype("Int64")
    out["sbst_risk"] = _ordered(risk, SBST_RISKS)
    out["sbst_answered"] = answered.astype("int64")
    return out


def score_peg(
    data: pd.DataFrame | Survey,
    *,
    items: Sequence[str] | None = None,
    respondent: str | None = None,
    max_missing: int = 0,
) -> pd.DataFrame:
    """Score the PEG three-item pain scale (pain, enjoyment, general activity).

    Parameters
    ----------
    data : pandas.DataFrame or Survey
        One row per respondent with three 0-10 answers over the past week.
    items : list of str, optional
        The columns in order: average pain, interference with enjoyment of
        life, interference with general activity. Default ``peg1`` ..
        ``peg3``.
    respondent : str, optional
        Id column to keep and to name in error messages.
    max_missing : int, default 0
        Most unanswered items for which the mean of the answered ones is
        still given (our default: all three needed; no published rule).

    Returns
    -------
    pandas.DataFrame
        Same index as ``data``; the id column, ``peg_score`` (0-10, the
        mean), ``peg_answered`` (0-3).

    Raises
    ------
    SurveyError
        When an item column is missing or an answer is not 0-10.

    Notes
    -----
    Score = mean of the three items (Krebs et al. 2009). Answers may have
    decimals (``7.5`` or ``"7,5"``). Checked against hand-computed
    examples in ``tests/test_questionnaires.py``.

    References
    ----------
    Krebs EE, Lorenz KA, Bair MJ, et al. Development and initial validation of
    the PEG, a three-item scale assessing pain intensity and interference.
    J Gen Intern Med 2009;24:733-738.

    Examples
    --------
    >>> import pandas as pd
    >>> score_peg(pd.DataFrame({"peg1": [6, 2], "peg2": [5, None], "peg3": [7, 3]}))
       peg_score  peg_answered
    0        6.0             3
    1        NaN             2
    """
    func = "score_peg"
    data = _frame(data, func)
    _check_max_missing(max_missing, 3, func)
    cols = _item_columns(data, items, "peg", 3, func)
    id_col = _respondent(data, respondent, func)
    values = _numeric_items(data, cols, id_col, instrument="PEG", low=0, high=10, integer=False)
    answered = values.notna().sum(axis=1)
    out = _result(data, id_col)
    out["peg_score"] = values.mean(axis=1).where(answered >= 3 - max_missing).astype("float64")
    out["peg_answered"] = answered.astype("int64")
    return out


def score_cpg(
    data: pd.DataFrame | Survey,
    *,
    items: Sequence[str] | None = None,
    respondent: str | None = None,
    max_days: int = 184,
) -> pd.DataFrame:
    """Grade chronic pain severity with the Von Korff Chronic Pain Grade (grades 0-IV).

    Parameters
    ----------
    data : pandas.DataFrame or Survey
        One row per respondent with the 7 questions.
    items : list of str, optional
        The 7 columns in the questionnaire's (Von Korff 1992) order; default
        ``cpg1`` .. ``cpg7``:

        1. pain right now (0-10)
        2. worst pain in the past 6 months (0-10)
        3. average pain in the past 6 months (0-10)
        4. disability days: days in the past 6 months kept from usual
           activities (0-``max_days``)
        5. interference with daily activities (0-10)
        6. change in ability to take part in recreational, social and family
           activities (0-10)
        7. change in ability to work, including housework (0-10)
    respondent : str, optional
        Id column to keep and to name in error messages.
    max_days : int, default 184
        Largest possible number of disability days (the longest six calendar
        months); more raises.

    Returns
    -------
    pandas.DataFrame
        Same index as ``data``; the id column, ``cpg_intensity``
        (characteristic pain intensity, 0-100), ``cpg_disability_score``
        (0-100), ``cpg_disability_days``, ``cpg_disability_points`` (0-6),
        ``cpg_grade`` (ordered categorical :data:`CPG_GRADES`). A value is
        missing when an item it needs is missing.

    Raises
    ------
    SurveyError
        When an item column is missing or an answer is out of range.

    Notes
    -----
    Characteristic pain intensity = mean of items 1-3 x 10; disability score
    = mean of items 5-7 x 10. Disability points: days 0-6 = 0, 7-14 = 1,
    15-30 = 2, 31+ = 3, plus disability score 0-29 = 0, 30-49 = 1, 50-69 = 2,
    70+ = 3. Grade 0: pain free (intensity 0 and no disability points);
    I: intensity < 50 and < 3 points; II: intensity >= 50 and < 3 points;
    III: 3-4 points; IV: 5-6 points (Von Korff et al. 1992). A score between
    two whole numbers (e.g. 29.9) gets the points of the lower band. The
    original has no rule for unanswered items: every item a value depends
    on is needed. Checked against hand-computed examples in
    ``tests/test_questionnaires.py``.

    References
    ----------
    Von Korff M, Ormel J, Keefe FJ, Dworkin SF. Grading the severity of
    chronic pain. Pain 1992;50:133-149.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame(
    ...     [[4, 7, 5, 10, 5, 4, 3], [8, 9, 7, 40, 8, 8, 9]],
    ...     columns=[f"cpg{i}" for i in range(1, 8)],
    ... )
    >>> score_cpg(answers)[["cpg_intensity", "cpg_disability_points", "cpg_grade"]]
       cpg_intensity  cpg_disability_points cpg_grade
    0      53.333333                      2        II
    1      80.000000                      6        IV
    """
    func = "score_cpg"
    data = _frame(data, func)
    cols = _item_columns(data, items, "cpg", 7, func)
    id_col = _respondent(data, respondent, func)
    ratings = _numeric_items(
        data, cols[:3] + cols[4:], id_col, instrument="Chronic Pain Grade", low=0, high=10
    )
    days = _numeric_items(
        data, cols[3:4], id_col, instrument="Chronic Pain Grade", low=0, high=max_days
    )[cols[3]]
    intensity = ratings[cols[:3]].mean(axis=1).where(ratings[cols[:3]].notna().all(axis=1)) * 10
    disability = ratings[cols[4:]].mean(axis=1).where(ratings[cols[4:]].notna().all(axis=1)) * 10
    day_points = pd.cut(days, [-1, 6, 14, 30, np.inf], labels=False, right=True)
    score_points = pd.cut(disability, [-1, 30, 50, 70, np.inf], labels=False, right=False)
    points = day_points + score_points
    grade = pd.Series(
        np.select(
            [
                (intensity == 0) & (points == 0),
                points >= 5,
                points >= 3,
                intensity >= 50,
                intensity < 50,
            ],
            ["0", "IV", "III", "II", "I"],
            default="",
        ),
        index=data.index,
    ).where(intensity.notna() & points.notna())
    out = _result(data, id_col)
    out["cpg_intensity"] = intensity.astype("float64")
    out["cpg_disability_score"] = disability.astype("float64")
    out["cpg_disability_days"] = days.astype("float64")
    out["cpg_disability_points"] = points.astype("Int64")
    out["cpg_grade"] = _ordered(grade, CPG_GRADES)
    return out


def score_nih_impact(
    data: pd.DataFrame | Survey,
    *,
    items: Sequence[str] | None = None,
    respondent: str | None = None,
    function_raw: bool = True,
    bands: tuple[int, int] = (28, 35),
) -> pd.DataFrame:
    """Compute the NIH Task Force impact score (8-50) and its band.

    Parameters
    ----------
    data : pandas.DataFrame or Survey
        One row per respondent with the 9 PROMIS-29 v2.1 items of the NIH
        research standard for chronic low back pain.
    items : list of str, optional
        The 9 columns in this order (default ``nih1`` .. ``nih9``):

        1. pain intensity, average over the past 7 days (PROMIS Global07 /
           pain intensity item), 0-10
        2. pain interference with day-to-day activities (PAININ9), 1-5
        3. ... with work around the home (PAININ22), 1-5
        4. ... with the ability to participate in social activities
           (PAININ31), 1-5
        5. ... with household chores (PAININ34), 1-5
        6. physical function: able to do chores such as vacuuming or yard
           work (PFA11), 1-5
        7. ... go up and down stairs at a normal pace (PFA21), 1-5
        8. ... go for a walk of at least 15 minutes (PFA23), 1-5
        9. ... run errands and shop (PFA53), 1-5

        Interference is coded 1 = not at all .. 5 = very much.
    respondent : str, optional
        Id column to keep and to name in error messages.
    function_raw : bool, default True
        Items 6-9 are the raw PROMIS answers (5 = without any difficulty ..
        1 = unable to do, higher = better) and are reversed here (6 - answer)
        so that higher = worse, as the impact score needs. Pass False when
        they are already reversed.
    bands : tuple of int, default (28, 35)
        Lowest scores of the moderate and the severe band.

    Returns
    -------
    pandas.DataFrame
        Same index as ``data``; the id column, ``nih_impact`` (8-50, missing
        when any item is missing), ``nih_impact_band`` (ordered categorical
        :data:`NIH_IMPACT_BANDS`), ``nih_answered`` (0-9).

    Raises
    ------
    SurveyError
        When an item column is missing or an answer is out of range.

    Notes
    -----
    Impact = pain intensity (0-10) + pain interference (4 items, 4-20) +
    physical function scored so that higher = worse (4 items, 4-20): total
    8-50. Bands: mild 8-27, moderate 28-34, severe 35-50 (Deyo et al. 2014,
    NIH Task Force on research standards for chronic low back pain). The
    standard gives no rule for unanswered items: any missing item leaves the
    score missing. Checked against hand-computed examples in
    ``tests/test_questionnaires.py``.

    References
    ----------
    Deyo RA, Dworkin SF, Amtmann D, et al. Report of the NIH Task Force on
    research standards for chronic low back pain. J Pain 2014;15:569-585.

    Examples
    --------
    >>> import pandas as pd
    >>> answers = pd.DataFrame(
    ...     [[6, 3, 3, 2, 3, 3, 4, 3, 3]], columns=[f"nih{i}" for i in range(1, 10)]
    ... )
    >>> score_nih_impact(answers)
       nih_impact nih_impact_band  nih_answered
    0          28        moderate             9
    """
    func = "score_nih_impact"
    data = _frame(data, func)
    if len(bands) != 2 or not 8 < bands[0] < bands[1] <= 50:
        msg = f"{func}: bands must be two increasing scores between 9 and 50, not {bands!r}"
        raise ValueError(msg)
    cols = _item_columns(data, items, "nih", 9, func)
    id_col = _respondent(data, respondent, func)
    pain = _numeric_items(data, cols[:1], id_col, instrument="NIH impact", low=0, high=10)
    rest = _numeric_items(data, cols[1:], id_col, instrument="NIH impact", low=1, high=5)
    if function_raw:
        rest[cols[5:]] = 6 - rest[cols[5:]]
    values = pd.concat([pain, rest], axis=1)
    answered = values.notna().sum(axis=1)
    impact = values.sum(axis=1).where(answered == 9)
    band = pd.cut(
        impact, [7, bands[0] - 1, bands[1] - 1, 50], labels=list(NIH_IMPACT_BANDS), right=True
    )
    out = _result(data, id_col)
    out["nih_impact"] = impact.astype("Int64")
    out["nih_impact_band"] = band.astype(pd.CategoricalDtype(list(NIH_IMPACT_BANDS), ordered=True))
    out["nih_answered"] = answered.astype("int64")
    return out


# ------------------------------------------------------------ classification
def classify_survey(
    survey: pd.DataFrame | Survey,
    *,
    duration: str = "pain_duration",
    frequency: str | None = None,
    respondent: str | None = None,
    unit: str = "days",
    definition: str = "cost",
    acute_max_days: float | None = None,
    subacute_max_days: float | None = None,
    min_days: float = 91,
) -> pd.DataFrame:
    """Class respondents as acute, subacute or chronic from their survey answers.

    A thin wrapper: durations are read by :func:`backpain.classify.parse_duration`
    and classed by :func:`backpain.classify.duration_class`, the same code
    that classes diaries, so survey and diary classes use one definition.

    Parameters
    ----------
    survey : pandas.DataFrame or Survey
        One row per respondent (a :class:`~backpain.Survey` is read
        through its ``table``).
    duration : str, default "pain_duration"
        Column with "how long have you had this pain": numbers (in ``unit``),
        durations with a unit (``"3 months"``, ``"6 weken"``) or categories
        (``"< 6 weeks"``, ``"6-12 weeks"``, ``"> 3 months"``, the NIH options
        and Dutch equivalents).
    frequency : str, optional
        Column with the NIH Task Force frequency question ("how often ... over
        the past 6 months"); when given, ``nih_chronic`` is added.
    respondent : str, optional
        Id column to keep (default: the first of :data:`ID_COLUMNS` present).
    unit : {"days", "weeks", "months", "years"}, default "days"
        Unit of bare numbers in ``duration``.
    definition, acute_max_days, subacute_max_days
        Class boundaries; see :func:`backpain.classify.duration_class`.
    min_days : float, default 91
        "At least 3 months" for ``nih_chronic``; see
        :func:`backpain.classify.nih_chronic_from_survey`.

    Returns
    -------
    pandas.DataFrame
        Same index as ``survey``; the id column, ``duration_days`` (float;
        NaN for a category answer), ``duration_low_days`` and
        ``duration_high_days`` (the range the answer allows, ``inf`` when
        open-ended), ``duration_class`` (ordered categorical acute <
        subacute < chronic; missing when the answer spans two classes) and,
        with ``frequency``, ``nih_chronic`` (boolean, NIH Task Force
        definition, Deyo et al. 2014).

    Raises
    ------
    SurveyError
        When an answer is not a duration or not an NIH frequency option.

    Notes
    -----
    Definitions: COST B13 (Airaksinen et al. 2006) and the NIH Task Force
    (Deyo et al. 2014); the boundaries and the reading of category answers are documented in
    :mod:`backpain.classify`.

    Examples
    --------
    >>> import pandas as pd
    >>> survey = pd.DataFrame({
    ...     "subject": ["S0001", "S0002", "S0003"],
    ...     "pain_duration": ["3 weken", "6-12 weeks", "2 jaar"],
    ... })
    >>> classify_survey(survey)[["subject", "duration_days", "duration_class"]]
      subject  duration_days duration_class
    0   S0001           21.0          acute
    1   S0002            NaN       subacute
    2   S0003          731.0        chronic
    """
    from .classify import duration_class, nih_chronic_from_survey, parse_duration

    func = "classify_survey"
    survey = _frame(survey, func)
    for name, col in (("duration", duration), ("frequency", frequency)):
        if col is not None and col not in survey.columns:
            msg = f"{func}: {name}={col!r} is not a column of survey; columns: {list(survey.columns)[:20]}"
            raise ValueError(msg)
    id_col = _respondent(survey, respondent, func)
    answers = survey[duration]
    parsed = parse_duration(answers, unit=unit, bounds=True)
    out = _result(survey, id_col)
    out["duration_days"] = parsed["days"].to_numpy(dtype="float64")
    out["duration_low_days"] = parsed["low_days"].to_numpy(dtype="float64")
    out["duration_high_days"] = parsed["high_days"].to_numpy(dtype="float64")
    classes = duration_class(
        answers,
        definition=definition,
        acute_max_days=acute_max_days,
        subacute_max_days=subacute_max_days,
        unit=unit,
    )
    out["duration_class"] = pd.Series(classes.to_numpy(), index=survey.index, dtype=classes.dtype)
    if frequency is not None:
        if unit != "days":
            answers = answers.where(
                ~answers.map(lambda v: isinstance(v, (int, float, np.number))),
                answers.astype("object").map(lambda v: f"{v} {unit}", na_action="ignore"),
            )
        nih = nih_chronic_from_survey(answers, survey[frequency], min_days=min_days)
        out["nih_chronic"] = pd.Series(nih.to_numpy(), index=survey.index, dtype="boolean")
    return out


# ---------------------------------------------------------- example survey
_DURATION_WORDS = (
    ("{n} days", 1),
    ("{n} dagen", 1),
    ("{n} weeks", 7),
    ("{n} weken", 7),
    ("{n} months", 30.44),
    ("{n} maanden", 30.44),
    ("{n} years", 365.25),
    ("{n} jaar", 365.25),
)

_NIH_FREQUENCY = (
    "Every day or nearly every day",
    "At least half the days in the past 6 months",
    "Less than half the days in the past 6 months",
)


def simulate_survey(
    n_subjects: int = 120,
    *,
    seed: int = 0,
    truth: pd.DataFrame | None = None,
    date: str = "2026-06-29",
) -> pd.DataFrame:
    """Simulate a baseline back-pain survey (synthetic, no personal data).

    Parameters
    ----------
    n_subjects : int, default 120
        Number of respondents, with ids ``S0001``, ``S0002``, ... as
        :func:`backpain.simulate_cohort` numbers its subjects.
    seed : int, default 0
        Seed of the random generator.
    truth : pandas.DataFrame, optional
        ``SimulationTruth.subjects`` of a simulated cohort: its subjects get
        their true pain duration (``duration_days``) and a severity that
        follows their mean pain (``pain_mean``), so the survey agrees with
        their diaries. Respondents beyond it are drawn freely.
    date : str, default "2026-06-29"
        Date the survey was filled in (respondents in ``truth`` get their
        ``as_of``).

    Returns
    -------
    pandas.DataFrame
        One row per respondent: ``subject``, ``date``, ``age``, ``sex``
        (``"F"``/``"M"``), ``pain_duration`` (free text in mixed units and
        languages: ``"10 weeks"``, ``"2 jaar"``, ``"> 3 months"`` ...),
        ``pain_frequency`` (the NIH question), ``odi1`` .. ``odi10`` (0-5;
        a few missing, one ``"2;3"`` double tick), ``rmdq1`` .. ``rmdq24``
        (1/0), ``sbst1`` .. ``sbst9`` (items 1-8 1/0, item 9 1-5),
        ``peg1`` .. ``peg3`` (0-10), ``nih1`` .. ``nih9`` (raw PROMIS answers,
        see :func:`score_nih_impact`).

    Notes
    -----
    A latent severity per respondent (standard normal, or the standardised
    ``pain_mean`` plus noise) drives every item, so the scores correlate as
    they do in real cohorts; the strengths are our choice, not published
    estimates. The shipped ``example_survey.csv`` is
    ``simulate_survey(120, seed=7, truth=simulate_cohort(100, 180, seed=42,
    start="2026-01-01", return_truth=True)[1].subjects)``.

    Examples
    --------
    >>> survey = simulate_survey(5, seed=1)
    >>> survey["subject"].tolist()
    ['S0001', 'S0002', 'S0003', 'S0004', 'S0005']
    >>> score_odi(survey)["odi_answered"].between(8, 10).all()
    np.True_
    """
    rng = np.random.default_rng(seed)
    n = int(n_subjects)
    subjects = [f"S{i + 1:04d}" for i in range(n)]
    severity = rng.standard_normal(n)
    days = np.round(np.exp(rng.uniform(np.log(5), np.log(3650), n)))
    dates = pd.Series(pd.Timestamp(date), index=range(n))
    if truth is not None:
        known = truth.set_index("subject").reindex(subjects)
        has = known["pain_mean"].notna().to_numpy()
        pm = known["pain_mean"].to_numpy(dtype="float64")
        z = (pm - np.nanmean(pm)) / np.nanstd(pm)
        severity = np.where(has, 0.8 * z + 0.6 * rng.standard_normal(n), severity)
        days = np.where(has, known["duration_days"].to_numpy(dtype="float64"), days)
        dates = dates.where(~has, pd.Series(pd.to_datetime(known["as_of"]).to_numpy()))

    def scale(low: int, high: int, shift: float, spread: float) -> np.ndarray:
        x = shift + spread * (severity + 0.7 * rng.standard_normal(n))
        return np.clip(np.round(x), low, high)

    def yes(p_shift: float, slope: float = 1.2) -> np.ndarray:
        p = 1 / (1 + np.exp(-(p_shift + slope * severity + 0.5 * rng.standard_normal(n))))
        return (rng.random(n) < p).astype("int64")

    out: dict[str, object] = {
        "subject": subjects,
        "date": pd.to_datetime(dates).dt.strftime("%Y-%m-%d").to_numpy(),
        "age": rng.integers(22, 75, n),
        "sex": rng.choice(["F", "M"], n, p=[0.55, 0.45]),
        "pain_duration": _duration_answers(days, rng),
        "pain_frequency": _frequency_answers(days, severity, rng),
    }
    for i in range(1, 11):
        out[f"odi{i}"] = scale(0, 5, 1.6, 0.9)
    for i in range(1, 25):
        out[f"rmdq{i}"] = yes(-0.6)
    for i in range(1, 9):
        out[f"sbst{i}"] = yes(-0.3)
    out["sbst9"] = scale(1, 5, 3.0, 0.9).astype("int64")
    out["peg1"] = scale(0, 10, 4.5, 1.6)
    out["peg2"] = scale(0, 10, 4.0, 1.8)
    out["peg3"] = scale(0, 10, 4.2, 1.8)
    out["nih1"] = out["peg1"]
    for i in range(2, 6):
        out[f"nih{i}"] = scale(1, 5, 2.6, 0.9)
    for i in range(6, 10):
        out[f"nih{i}"] = scale(1, 5, 3.6, -0.8)  # raw PROMIS: higher = better function
    frame = pd.DataFrame(out)
    odi = [f"odi{i}" for i in range(1, 11)]
    frame[odi] = frame[odi].astype("object")
    gaps = rng.random((n, 10)) < 0.02
    frame[odi] = frame[odi].mask(gaps)
    if n > 3:
        first = frame.loc[3, "odi5"]
        low = 0 if pd.isna(first) else int(first)
        frame.loc[3, "odi5"] = f"{low};{min(low + 1, 5)}"
    for col in (*odi, "sbst9"):
        frame[col] = (
            frame[col]
            .map(lambda v: v if isinstance(v, str) or pd.isna(v) else int(v))
            .astype("object")
        )
    ints = [c for c in frame.columns if c.startswith(("peg", "nih"))]
    frame[ints] = frame[ints].astype("int64")
    return frame


def _duration_answers(days: np.ndarray, rng: np.random.Generator) -> list[str]:
    """Mixed-unit, mixed-language answers that round back to about ``days``."""
    answers = []
    for d in days:  # one answer per respondent; a handful of respondents
        style = rng.random()
        if style < 0.15:
            answers.append("< 6 weeks" if d < 42 else "6-12 weeks" if d < 84 else "> 3 months")
            continue
        if d < 21:
            template, per = _DURATION_WORDS[int(rng.integers(0, 2))]
        elif d < 120:
            template, per = _DURATION_WORDS[int(rng.integers(2, 4))]
        elif d < 730:
            template, per = _DURATION_WORDS[int(rng.integers(4, 6))]
        else:
            template, per = _DURATION_WORDS[int(rng.integers(6, 8))]
        answers.append(template.format(n=max(1, round(d / per))))
    return answers


def _frequency_answers(days: np.ndarray, severity: np.ndarray, rng: np.random.Generator) -> list:
    p_daily = 1 / (1 + np.exp(-(0.5 + severity)))
    pick = np.where(rng.random(len(days)) < p_daily, 0, np.where(rng.random(len(days)) < 0.6, 1, 2))
    return [_NIH_FREQUENCY[k] for k in pick]
