"""The reader against tests/nlp/sentences.yaml and sentences_diagnostic.yaml: every case, rules
only and with embeddings."""

from __future__ import annotations

import pytest

from hipdx.nlp import TextReader, TextReading
from hipdx.types import Answer, FindingId
from tests.nlp.cases import DIAGNOSTIC, Case, load_cases

CASES = load_cases() + load_cases(DIAGNOSTIC)
EMBEDDING_RECALL_FLOOR = 0.3
"""Share of the expected findings of `needs: embeddings` cases the full reader must recover."""


def _check_common(case: Case, reading: TextReading) -> None:
    got = reading.answers()
    for finding in case.absent:
        assert finding not in got, f"{finding} must not be read"
    assert reading.age == case.age
    assert reading.sex == case.sex
    for found in reading.findings:
        assert case.text[found.span[0] : found.span[1]] == found.text
    for finding, words in case.spans.items():
        read = reading.get(finding)
        assert read is not None, f"{finding} not read"
        assert read.text == words


def _no_wrong_readings(case: Case, got: dict[FindingId, Answer]) -> None:
    wrong = {f: v for f, v in got.items() if case.expect.get(f) != v}
    assert not wrong, f"read but not expected (or wrong value): {wrong}"


def test_at_least_120_sentences() -> None:
    assert len(CASES) >= 120


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rules_reading(rules_reader: TextReader, case: Case) -> None:
    reading = rules_reader.read(case.text, today=case.today)
    _check_common(case, reading)
    got = reading.answers()
    _no_wrong_readings(case, got)
    if not case.needs_embeddings:
        assert got == case.expect


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_embedding_reading_adds_nothing_wrong(full_reader: TextReader, case: Case) -> None:
    reading = full_reader.read(case.text, today=case.today)
    _check_common(case, reading)
    got = reading.answers()
    _no_wrong_readings(case, got)
    if not case.needs_embeddings:
        assert got == case.expect


def test_embeddings_recover_lay_paraphrase(
    rules_reader: TextReader, full_reader: TextReader
) -> None:
    lay = [c for c in CASES if c.needs_embeddings]
    expected = sum(len(c.expect) for c in lay)
    by_rules = by_both = 0
    for case in lay:
        rules = rules_reader.read(case.text).answers()
        full = full_reader.read(case.text).answers()
        by_rules += sum(1 for f, v in case.expect.items() if rules.get(f) == v)
        by_both += sum(1 for f, v in case.expect.items() if full.get(f) == v)
    assert by_both > by_rules
    assert by_both / expected >= EMBEDDING_RECALL_FLOOR


def test_embedding_readings_say_so(full_reader: TextReader) -> None:
    reading = full_reader.read("My hip feels like it might pop out of the socket.")
    found = reading.get("hip_instability")
    assert found is not None
    assert found.method == "embedding"
    assert found.value is Answer.YES
