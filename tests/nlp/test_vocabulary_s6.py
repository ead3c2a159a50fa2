"""Reader vocabulary on published case prose (tests/nlp/vocabulary_s6.yaml): phrase classes the
reader missed or misread, each with negative controls."""

from __future__ import annotations

from pathlib import Path

import pytest

from hipdx.nlp import TextReader
from tests.nlp.cases import Case, load_cases
from tests.nlp.test_safety import check

CASES = load_cases(Path(__file__).resolve().parent / "vocabulary_s6.yaml")
RULES_CASES = [c for c in CASES if not c.needs_embeddings]
"""`needs: embeddings` cases are lay wording only the full reader can read"""


@pytest.mark.parametrize("case", RULES_CASES, ids=[c.id for c in RULES_CASES])
def test_rules_reader(rules_reader: TextReader, case: Case) -> None:
    check(case, rules_reader)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_full_reader(full_reader: TextReader, case: Case) -> None:
    check(case, full_reader)
