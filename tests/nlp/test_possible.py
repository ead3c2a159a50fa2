"""Findings the text names only as uncertain (TextReading.possible): kept apart from the yes/no
readings so triage can act on a suspected red flag while the ranking does not count it.
Negative controls: a negated, hypothetical, relative's, historical or revised ("initially raised
concern for") mention is not possible, and a finding read yes or no elsewhere in the text is not
repeated as possible."""

from __future__ import annotations

import pytest

from hipdx.nlp import TextReader

POSSIBLE = [
    (
        "Profound right-sided neurological loss after a questionable history of prolonged "
        "immobilisation.",
        {"prolonged_immobilisation"},
    ),
    ("Possible saddle anaesthesia.", {"saddle_anaesthesia"}),
    ("?SLR positive on the left.", {"slr_positive"}),
    ("Return if possible saddle numbness.", set()),
    ("His mother has possible cancer.", set()),
    ("No saddle anaesthesia.", set()),
    ("Possible back pain years ago.", set()),
    ("Possible saddle anaesthesia. On re-examination saddle anaesthesia is confirmed.", set()),
    # an early suspicion the text goes on to revise is not possible either
    ("MRI initially raised concern for a soft-tissue sarcoma.", set()),
    ("There was concern about saddle numbness.", {"saddle_anaesthesia"}),
    ("At first there was concern about saddle numbness.", set()),
]


@pytest.mark.parametrize(("text", "expected"), POSSIBLE, ids=[t for t, _ in POSSIBLE])
def test_possible_findings(rules_reader: TextReader, text: str, expected: set[str]) -> None:
    reading = rules_reader.read(text)
    assert {p.finding for p in reading.possible} == expected
    assert not expected & set(reading.answers())
    assert all(
        p.value.value == "yes" and text[p.span[0] : p.span[1]] == p.text for p in reading.possible
    )
