"""Lexicon matching across short parenthetical glosses ("saddle (perineal) anaesthesia")."""

from __future__ import annotations

import pytest

from hipdx.nlp import TextReader
from hipdx.nlp.matcher import gloss_tokens


@pytest.mark.parametrize(
    ("text", "gloss"),
    [
        ("saddle (perineal) anaesthesia", "(perineal)"),
        ("lateral (greater trochanter) hip pain", "(greater trochanter)"),
        ("SLR (right) +ve", "(right)"),
    ],
)
def test_short_brackets_are_glosses(rules_reader: TextReader, text: str, gloss: str) -> None:
    doc = rules_reader.parse(text)
    assert " ".join(doc[i].text for i in sorted(gloss_tokens(doc))) == " ".join(
        t.text for t in rules_reader.parse(gloss)
    )


@pytest.mark.parametrize(
    "text",
    [
        "saddle (numb over the whole area) anaesthesia",  # longer than a gloss
        "(perineal) anaesthesia",  # opens the text
        "buttock pain ()",  # empty
        "pain in the buttock (left)",  # closes the text
    ],
)
def test_other_brackets_are_not_glosses(rules_reader: TextReader, text: str) -> None:
    assert gloss_tokens(rules_reader.parse(text)) == set()


def test_a_mention_spans_its_gloss(rules_reader: TextReader) -> None:
    text = "New saddle (perianal) numbness."
    found = rules_reader.read(text).get("saddle_anaesthesia")
    assert found is not None
    assert found.text == "saddle (perianal) numbness"
    assert text[found.span[0] : found.span[1]] == found.text


def test_a_long_bracket_still_hides_the_phrase(rules_reader: TextReader) -> None:
    reading = rules_reader.read("New saddle (which she noticed this morning) numbness.")
    assert reading.get("saddle_anaesthesia") is None
