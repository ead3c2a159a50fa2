"""The coordinated-list splitter of hipdx/nlp/coordination.py on its own (its readings in case
prose are in tests/nlp/mechanisms.yaml, run by test_safety.py)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from hipdx.nlp.coordination import SharedHeads


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "worse with walking , stairs , sitting or standing for long periods .",
            ["stairs", "sitting", "standing for long periods"],
        ),
        ("worse with walking , and it radiates into the back of the thigh .", []),
        ("worse with sitting and better with walking .", []),
        ("worse with walking , no pain sitting .", []),
    ],
)
def test_conjuncts(text: str, items: list[str]) -> None:
    vocab = spacy.blank("en").vocab
    words = text.split()
    doc = Doc(vocab, words=words, sent_starts=[i == 0 for i in range(len(words))])
    pattern = [{"LOWER": {"IN": ["worse", "better"]}}, {"LOWER": "with"}]
    heads = SharedHeads(vocab, [pattern], 5, ["no", "it"])
    assert [doc[slice(*c.item)].text for c in heads.conjuncts(doc)] == items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "sitting on a firm chair and rolling over in bed are painful .",
            ["sitting on a firm chair"],
        ),
        ("walking , sitting and bending are painful .", ["sitting", "walking"]),
        ("sitting is comfortable and walking are painful .", []),
        ("it hurts after a long day and bending are painful .", []),
    ],
)
def test_tail_conjuncts(text: str, items: list[str]) -> None:
    vocab = spacy.blank("en").vocab
    words = text.split()
    doc = Doc(vocab, words=words, sent_starts=[i == 0 for i in range(len(words))])
    tail = [{"LOWER": {"IN": ["is", "are"]}}, {"LOWER": "painful"}]
    shared = SharedHeads(vocab, [], 5, ["no", "it", "is"], [tail])
    found = [doc[slice(*c.item)].text for c in shared.conjuncts(doc) if c.tail]
    assert found == items
