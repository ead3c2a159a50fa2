"""Targeted readings: safety-critical ones (tests/nlp/safety.yaml: red-flag findings read, and
not misread), precision ones (precision.yaml: lookalike phrases in case prose), reader mechanisms
(mechanisms.yaml: negation scope, reported diagnoses, coordinated lists, test results) and
vocabulary classes from published prose (vocabulary.yaml), each with negative controls.

Unlike sentences.yaml, a case's `expect` lists only the readings it is about; `absent` findings
must not be read. Both the rules-only and the full reader are held to it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hipdx.nlp import TextReader
from tests.nlp.cases import Case, load_cases

HERE = Path(__file__).resolve().parent
FILES = ("safety.yaml", "precision.yaml", "mechanisms.yaml", "vocabulary.yaml")
CASES = [case for name in FILES for case in load_cases(HERE / name)]
RULES_CASES = [c for c in CASES if not c.needs_embeddings]
"""`needs: embeddings` cases are lay wording only the full reader can read"""


def check(case: Case, reader: TextReader) -> None:
    """Assert a case's `expect` readings, none of its `absent` findings, and its age and sex."""
    reading = reader.read(case.text, today=case.today)
    got = reading.answers()
    wrong = {f: v for f, v in case.expect.items() if got.get(f) != v}
    assert not wrong, f"expected {wrong}, read {got}"
    read = sorted(case.absent & set(got))
    assert not read, f"must not be read: {read}"
    if case.age is not None:
        assert reading.age == case.age
    if case.sex is not None:
        assert reading.sex == case.sex


@pytest.mark.parametrize("case", RULES_CASES, ids=[c.id for c in RULES_CASES])
def test_rules_reader(rules_reader: TextReader, case: Case) -> None:
    check(case, rules_reader)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_full_reader(full_reader: TextReader, case: Case) -> None:
    check(case, full_reader)
