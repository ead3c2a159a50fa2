"""Reader mechanisms on case prose (tests/nlp/mechanisms_s6.yaml), and the coordinated-list
splitter of hipdx/nlp/coordination.py on its own."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from hipdx.nlp import TextReader
from hipdx.nlp.coordination import SharedHeads
from tests.nlp.cases import Case, load_cases
from tests.nlp.test_safety import check

CASES = load_cases(Path(__file__).resolve().parent / "mechanisms_s6.yaml")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rules_reader(rules_reader: TextReader, case: Case) -> None:
    check(case, rules_reader)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_full_reader(full_reader: TextReader, case: Case) -> None:
    check(case, full_reader)


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
