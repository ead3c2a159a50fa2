"""The embedding matcher's structure: the statements similarity cannot tell apart (a contrast in
the wrong order, an opposite, a change the other way, a finding worded as a negation said without
one). Each rule is shown with a clause where it acts and a control where it must not.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from numpy.typing import NDArray

from hipdx.knowledge import load_knowledge_base
from hipdx.nlp import TextReader, build_reader
from hipdx.nlp.context import TARGET_GROUP
from hipdx.nlp.embedding import EmbeddingMatcher
from hipdx.nlp.lexicon import load_embedding_settings, load_lexicon

FINDINGS = load_knowledge_base().findings
SETTINGS = load_embedding_settings()


@pytest.fixture(scope="module")
def matcher() -> EmbeddingMatcher:
    def flat(sentences: Sequence[str]) -> NDArray[np.float32]:
        return np.ones((len(sentences), 4), dtype=np.float32) / 2

    return EmbeddingMatcher(flat, FINDINGS, load_lexicon(), SETTINGS)


def test_settings_name_real_findings() -> None:
    named = set(SETTINGS.negative_wording) | set(SETTINGS.contrasts)
    named |= {f for pair in SETTINGS.opposites for f in pair} | set(SETTINGS.opposite_words)
    assert named <= set(FINDINGS)


def test_a_negation_reads_no_only_for_a_finding_the_clause_names(
    rules_reader: TextReader, matcher: EmbeddingMatcher
) -> None:
    doc = rules_reader.parse("I have never been one for riding bikes")
    assert matcher.names_content(doc[:], "cycling")
    doc = rules_reader.parse("I don't know why it hurts so much")
    assert not matcher.names_content(doc[:], "cycling")


def _contradicted(reader: TextReader, matcher: EmbeddingMatcher, text: str) -> set[str]:
    doc = reader.parse(text)
    return matcher.contradicted(doc[:], list(doc.spans[TARGET_GROUP]))


CONTRASTS = [
    ("leg_pain_worse_than_back", "my back hurts more than my leg", True),
    ("leg_pain_worse_than_back", "it is worse in my back rather than my leg", True),
    ("leg_pain_worse_than_back", "the leg pain is not as bad as the back pain", True),
    ("leg_pain_worse_than_back", "my leg hurts much more than my back", False),
    ("leg_pain_worse_than_back", "the back pain is not as bad as the leg pain", False),
    ("leg_pain_worse_than_back", "it is in my leg rather than my back", False),
    ("better_with_exercise", "resting makes it feel much better", True),
    ("better_with_exercise", "it feels better once I get moving", False),
    # an opposite the lexicon named in the clause
    ("worse_activity_better_rest", "exercise makes it better and rest makes it worse", True),
    ("worse_activity_better_rest", "it gets worse when I'm busy and settles when I rest", False),
    # a change the other way
    ("injury_weeks_ago_worsening", "the pain is slowly getting better since the injury", True),
    ("injury_weeks_ago_worsening", "since the injury my thigh keeps getting harder", False),
    ("onset_after_delivery", "the pain started during the pregnancy", True),
    ("onset_after_delivery", "the pain started two weeks after the birth", False),
    # a finding worded as a negation said without one (an even number is none)
    ("pain_free_sitting", "I get pain whenever I sit down", True),
    ("pain_free_sitting", "I can't sit for long without pain", True),
    ("pain_free_sitting", "there's no pain at all when I'm sat down", False),
    ("no_improvement_one_month", "physio for six weeks has really helped", True),
    ("no_improvement_one_month", "six weeks of physio and it is no better", False),
]


@pytest.mark.parametrize(("finding", "text", "against"), CONTRASTS, ids=[c[1] for c in CONTRASTS])
def test_statements_similarity_cannot_tell_apart(
    rules_reader: TextReader, matcher: EmbeddingMatcher, finding: str, text: str, against: bool
) -> None:
    assert (finding in _contradicted(rules_reader, matcher, text)) is against


def test_a_negation_is_the_wording_of_a_negative_finding(
    rules_reader: TextReader, matcher: EmbeddingMatcher
) -> None:
    doc = rules_reader.parse("there's no pain at all when I'm sat down")
    assert matcher.states_negation(doc[:], "pain_free_sitting")
    assert not matcher.states_negation(doc[:], "worse_sitting")
    doc = rules_reader.parse("I can't sit for long without pain")
    assert not matcher.states_negation(doc[:], "pain_free_sitting")


MARKED = (
    "no_improvement_one_month",
    "pain_free_sitting",
    "asymmetric_loading",
    "leg_pain_worse_than_back",
)
"""Findings a made-up word points to: "glorp0" to the first, "glorp1" to the second, ..."""


def _marked_encoder(sentences: Sequence[str]) -> NDArray[np.float32]:
    """A text holding a finding's made-up word, or its label, points along that finding's axis;
    everything else along a last axis of its own."""
    labels = {FINDINGS[f].label: i for i, f in enumerate(MARKED)}
    rows = np.zeros((len(sentences), len(MARKED) + 1), dtype=np.float32)
    for row, sentence in zip(rows, sentences, strict=True):
        marks = [i for i in range(len(MARKED)) if f"glorp{i}" in sentence]
        row[marks[0] if marks else labels.get(sentence, len(MARKED))] = 1.0
    return rows


@pytest.fixture(scope="module")
def marked_reader() -> TextReader:
    return build_reader(encoder=_marked_encoder)


READS = [
    # a negatively worded finding reads its own negation as yes ...
    ("no_improvement_one_month", "Weeks of physio have done nothing to glorp0 ease it.", "yes"),
    ("no_improvement_one_month", "Weeks of physio have done a lot to glorp0 ease it.", None),
    ("pain_free_sitting", "When I'm sat down there's no pain glorp1.", "yes"),
    ("pain_free_sitting", "When I'm sat down I get a glorp1 pain.", None),
    # ... and an ordinary finding takes a negation as no
    ("asymmetric_loading", "I have never glorp2 on one side at work.", "no"),
    # ... only where the clause names the finding's content (the negation may be of anything)
    ("asymmetric_loading", "I never glorp2 knew what it was.", None),
    # a contrast in the wrong order reads nothing, and no runner-up in its place
    ("leg_pain_worse_than_back", "My leg is glorp3 worse than my back.", "yes"),
    ("leg_pain_worse_than_back", "My back is glorp3 worse than my leg.", None),
]


@pytest.mark.parametrize(("finding", "text", "value"), READS, ids=[r[1] for r in READS])
def test_readings(marked_reader: TextReader, finding: str, text: str, value: str | None) -> None:
    found = marked_reader.read(text).get(finding)
    got = found.value.value if found is not None and found.method == "embedding" else None
    assert got == value
