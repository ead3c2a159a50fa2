"""Findings named as uncertain: kept beside the answers, ignored by the differential."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.intake import build_evidence
from hipdx.types import Answer, Sex

SADDLE = "saddle_anaesthesia"


def test_a_possible_finding_leaves_the_differential_as_it_was(assessor: Assessor) -> None:
    answers = {"pain_low_back": Answer.YES}
    plain = Evidence(answers, 45, Sex.MALE)
    uncertain = Evidence(answers, 45, Sex.MALE, frozenset({SADDLE}))
    assert (assessor.probabilities(uncertain) == assessor.probabilities(plain)).all()


def test_an_answer_settles_a_possible_finding() -> None:
    for value in (Answer.YES, Answer.NO):
        assert Evidence({SADDLE: value}, possible=frozenset({SADDLE})).possible == frozenset()
    assert Evidence({SADDLE: Answer.UNKNOWN}, possible=frozenset({SADDLE})).possible == {SADDLE}


def test_added_answers_keep_the_other_possible_findings() -> None:
    evidence = Evidence(possible=frozenset({SADDLE, "fever"}))
    assert evidence.with_answers({"fever": Answer.NO}).possible == {SADDLE}


def test_text_that_names_a_feature_as_uncertain_makes_it_possible() -> None:
    text = "45-year-old man with low back pain and possible saddle numbness."
    assert build_evidence(text=text).evidence.possible == {SADDLE}
    assert SADDLE not in build_evidence(text=text).evidence.answers
    # The structured answer wins over the text, and settles the feature.
    assert build_evidence({SADDLE: Answer.NO}, text=text).evidence.possible == frozenset()
