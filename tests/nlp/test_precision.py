"""Reader precision on published case prose (tests/nlp/precision.yaml): each class of wrong
reading, with negative controls; checked like tests/nlp/safety.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from hipdx.nlp import TextReader
from tests.nlp.cases import Case, load_cases
from tests.nlp.test_safety import check

PRECISION = Path(__file__).resolve().parent / "precision.yaml"
CASES = load_cases(PRECISION)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rules_reader(rules_reader: TextReader, case: Case) -> None:
    check(case, rules_reader)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_full_reader(full_reader: TextReader, case: Case) -> None:
    check(case, full_reader)
