"""The one text layer: every key in both languages, the same fields in each."""

from __future__ import annotations

import pickle
import string

import pytest

from backpain._catalogue import CATALOGUE
from backpain.text import Message, check_lang, number, render, say


def _fields(template: str) -> set[str]:
    return {f[1] for f in string.Formatter().parse(template) if f[1] is not None}


def test_every_key_has_english_and_dutch_with_the_same_fields():
    # one test for the rule, listing every key that breaks it
    wrong = []
    for key, (en, nl) in sorted(CATALOGUE.items()):
        if key.startswith("option.") and en == nl == "":
            continue  # no such control in that place: the advice says nothing there
        if not en.strip():
            wrong.append(f"{key}: English text is empty")
        if not nl.strip():
            wrong.append(f"{key}: Dutch text is empty")
        if _fields(en) != _fields(nl):
            wrong.append(f"{key}: English takes {_fields(en)}, Dutch {_fields(nl)}")
    assert len(CATALOGUE) > 800  # the rule saw the whole catalogue
    assert wrong == [], "\n".join(wrong)


def test_advice_names_options_through_the_one_mapping():
    # no per-sentence variants: a sentence names an option as {option.NAME}, and
    # the mapping has its phrase for every place (Python, command line, page)
    places = ("python", "cli", "page")
    assert [k for k in CATALOGUE if "@" in k] == []
    used = {
        f[1].split(":")[0].removeprefix("option.")
        for en, _ in CATALOGUE.values()
        for f in string.Formatter().parse(en)
        if f[1] and f[1].startswith("option.")
    }
    assert len(used) > 20  # the rule saw the advice
    missing = [
        f"option.{n}.{p}"
        for n in sorted(used)
        for p in places
        if f"option.{n}.{p}" not in CATALOGUE
    ]
    assert missing == []
    unused = {k.split(".")[1] for k in CATALOGUE if k.startswith("option.")} - used
    assert unused == set()
    m = Message("read.reason.pain_above_10")
    assert "pass pain_scale=100" in m.render("en")
    assert "gebruik dan --pain-scale 100" in m.render("nl", audience="cli")
    assert "deel dan de pijnkolom" in m.render("nl", audience="page")
    with pytest.raises(ValueError, match="audience must be one of"):
        m.render("en", audience="phone")


def test_dutch_numbers_have_a_decimal_comma():
    assert number(5.25, ".2f", "nl") == "5,25"
    assert number(5.25, ".2f", "en") == "5.25"


def test_variable_words_and_nested_messages_render_in_the_language():
    inner = Message("common.var.sleep_hours")
    assert render([inner, "file.csv"], "nl") == "uren slaap, file.csv"
    assert say("common.var.pain", "nl") == "pijn"


def test_message_is_its_english_text_and_survives_pickling():
    m = Message("common.var.pain")
    assert m == "pain"
    back = pickle.loads(pickle.dumps(m))
    assert back.key == m.key
    assert back.render("nl") == "pijn"


def test_unknown_key_and_language_are_refused():
    with pytest.raises(KeyError, match="no text with key 'nope'"):
        Message("nope")
    with pytest.raises(ValueError, match=r"lang must be one of \['en', 'nl'\], not 'fr'"):
        check_lang("fr")


def test_every_key_the_code_names_is_in_the_catalogue():
    # a misspelt key would raise only when that message is shown: find them all now
    import ast
    from pathlib import Path

    import backpain

    missing = []
    for path in Path(backpain.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            first = node.args[0]
            if name in ("Message", "say", "_escaped_say") and isinstance(first, ast.Constant):
                if isinstance(first.value, str) and first.value not in CATALOGUE:
                    missing.append(f"{path.name}:{node.lineno} {first.value}")
    assert missing == []
