"""The embedding matcher's decision rule, with a fake encoder (no model needed)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from numpy.typing import NDArray

from hipdx.knowledge import load_knowledge_base
from hipdx.nlp import TextReader, build_reader
from hipdx.nlp.embedding import EmbeddingMatcher, clause_spans, finding_texts
from hipdx.nlp.lexicon import load_embedding_settings, load_lexicon

FINDINGS = load_knowledge_base().findings
SETTINGS = load_embedding_settings()


def fake_encoder(sentences: Sequence[str]) -> NDArray[np.float32]:
    return np.ones((len(sentences), 4), dtype=np.float32) / 2


@pytest.fixture(scope="module")
def matcher() -> EmbeddingMatcher:
    return EmbeddingMatcher(fake_encoder, FINDINGS, load_lexicon(), SETTINGS)


def _row(matcher: EmbeddingMatcher, scores: dict[str, float]) -> NDArray[np.float32]:
    row = np.zeros(len(matcher.findings), dtype=np.float32)
    for finding, score in scores.items():
        row[matcher.findings.index(finding)] = score
    return row


def test_only_patient_answerable_findings_take_part(matcher: EmbeddingMatcher) -> None:
    kinds = {FINDINGS[f].kind.value for f in matcher.findings}
    assert kinds == {"symptom", "history", "risk_factor"}
    assert "slr_positive" not in matcher.findings
    assert "duration_over_3_months" not in matcher.findings


def test_threshold_and_margin(matcher: EmbeddingMatcher) -> None:
    hit = matcher.pick(_row(matcher, {"worse_sitting": 0.70, "cycling": 0.50}), set(), False)
    assert hit is not None and hit.finding == "worse_sitting"
    assert matcher.pick(_row(matcher, {"worse_sitting": 0.60}), set(), False) is None
    close = _row(matcher, {"worse_sitting": 0.70, "cycling": 0.69})
    assert matcher.pick(close, set(), False) is None


def test_red_flags_need_near_verbatim_similarity(matcher: EmbeddingMatcher) -> None:
    assert matcher.pick(_row(matcher, {"saddle_anaesthesia": 0.80}), set(), False) is None
    hit = matcher.pick(_row(matcher, {"saddle_anaesthesia": 0.90}), set(), False)
    assert hit is not None and hit.finding == "saddle_anaesthesia"


def test_findings_already_read_are_skipped(matcher: EmbeddingMatcher) -> None:
    row = _row(matcher, {"worse_sitting": 0.90, "cycling": 0.70})
    hit = matcher.pick(row, {"worse_sitting"}, False)
    assert hit is not None and hit.finding == "cycling"


def test_clause_with_a_lexicon_mention_needs_a_clear_lead(matcher: EmbeddingMatcher) -> None:
    row = _row(matcher, {"pain_deep_buttock": 0.80, "pain_bilateral": 0.89})
    assert matcher.pick(row, {"pain_deep_buttock"}, True) is None
    row = _row(matcher, {"pain_deep_buttock": 0.40, "hip_instability": 0.93})
    hit = matcher.pick(row, {"pain_deep_buttock"}, True)
    assert hit is not None and hit.finding == "hip_instability"


def test_finding_wordings_include_the_question_and_examples() -> None:
    texts = finding_texts(FINDINGS["worse_sitting"], load_lexicon(), SETTINGS)
    assert FINDINGS["worse_sitting"].label in texts
    assert FINDINGS["worse_sitting"].question in texts
    assert any("meeting" in t for t in texts)
    assert not any("*" in t or "<n>" in t or "|" in t for t in texts)


def test_clauses_split_at_commas_and_but(rules_reader: TextReader) -> None:
    doc = rules_reader.parse("I ride a lot, but it hurts when I sit; fine standing.")
    clauses = [c.text for c in clause_spans(doc, SETTINGS.clause_breaks, SETTINGS.min_words)]
    assert clauses == ["I ride a lot", "it hurts when I sit"]


def test_clinical_shorthand_is_left_to_the_lexicon(
    rules_reader: TextReader, matcher: EmbeddingMatcher
) -> None:
    doc = rules_reader.parse("MRI lumbar spine requested")
    assert matcher.is_clinical(doc[:])


def test_negated_clause_gives_no(full_reader: TextReader) -> None:
    reading = full_reader.read("I have never been one for riding bikes.")
    found = reading.get("cycling")
    assert found is None or found.value.value == "no"


def _fever_encoder(sentences: Sequence[str]) -> NDArray[np.float32]:
    """Texts naming fever or spring point one way, everything else another."""
    rows = np.zeros((len(sentences), 2), dtype=np.float32)
    for i, sentence in enumerate(sentences):
        words = sentence.lower()
        rows[i, 0 if "fever" in words or "spring" in words else 1] = 1.0
    return rows


def test_a_lexicon_exclusion_also_stops_the_embedding_matcher() -> None:
    reader = build_reader(encoder=_fever_encoder)
    assert reader.read("Every spring it comes back.").get("fever") is not None
    assert reader.read("I get hay fever every spring.").get("fever") is None


BELOW_KNEE = FINDINGS["pain_below_knee"].label


def _site_encoder(sentences: Sequence[str]) -> NDArray[np.float32]:
    """Clauses with the made-up word "glorp", and the label of pain_below_knee, point one way."""
    rows = np.zeros((len(sentences), 2), dtype=np.float32)
    for i, sentence in enumerate(sentences):
        rows[i, 0 if "glorp" in sentence or sentence == BELOW_KNEE else 1] = 1.0
    return rows


@pytest.fixture(scope="module")
def site_reader() -> TextReader:
    return build_reader(encoder=_site_encoder)


def test_a_pain_site_needs_a_pain_word(site_reader: TextReader) -> None:
    assert site_reader.read("It aches glorp down past there.").get("pain_below_knee")
    assert (
        site_reader.read("The tingling sits glorp down past there.").get("pain_below_knee") is None
    )


def test_a_pain_site_needs_a_word_naming_the_place(site_reader: TextReader) -> None:
    assert site_reader.read("It aches glorp down past there.").get("pain_below_knee")
    assert site_reader.read("It aches glorp right in there.").get("pain_below_knee") is None


def test_examination_findings_are_left_to_the_lexicon(site_reader: TextReader) -> None:
    assert site_reader.read("Since Monday, it aches glorp down past there.").get("pain_below_knee")
    assert (
        site_reader.read("On examination, it aches glorp down past there.").get("pain_below_knee")
        is None
    )
