"""The attribute table: ConText categories to finding values (hipdx/nlp/assertion.py)."""

from __future__ import annotations

import pytest

from hipdx.knowledge import load_knowledge_base
from hipdx.nlp.assertion import Assertion, Cue, assert_mention
from hipdx.nlp.lexicon import MentionMode, load_context
from hipdx.types import Answer

KINDS = {f.id: f.kind for f in load_knowledge_base().findings.values()}
TABLE = load_context()
YES, NO = Answer.YES, Answer.NO

# finding, mode, cues (category, distance), expected (finding, value) or None
TABLE_CASES: list[tuple[str, MentionMode, list[tuple[str, int]], tuple[str, Answer] | None]] = [
    ("fever", "assert", [], ("fever", YES)),
    ("fever", "assert", [("NEGATED_EXISTENCE", 1)], ("fever", NO)),
    ("fever", "assert", [("POSSIBLE_EXISTENCE", 1)], None),
    ("fever", "assert", [("HYPOTHETICAL", 3)], None),
    ("fever", "assert", [("ABSENT", 1)], ("fever", NO)),
    ("fever", "absent", [], ("fever", NO)),
    ("fever", "absent", [("NEGATED_EXISTENCE", 1)], None),
    # history: a past symptom is not current, past history and risk factors are yes
    ("pain_low_back", "assert", [("HISTORICAL", 2)], None),
    ("history_of_cancer", "assert", [("HISTORICAL", 2)], ("history_of_cancer", YES)),
    ("osteoporosis", "assert", [("HISTORICAL", 2)], ("osteoporosis", YES)),
    ("recent_invasive_procedure", "assert", [("HISTORICAL", 2)], None),
    ("onset_fall", "assert", [("HISTORICAL", 2)], None),
    ("previous_hamstring_injury", "historical", [], None),
    (
        "previous_hamstring_injury",
        "historical",
        [("HISTORICAL", 3)],
        ("previous_hamstring_injury", YES),
    ),
    # family: not the patient's, except the spondyloarthritis family history
    ("history_of_cancer", "assert", [("FAMILY", 1)], None),
    ("psoriasis_or_ibd", "assert", [("FAMILY", 1)], ("family_history_spa", YES)),
    (
        "psoriasis_or_ibd",
        "assert",
        [("FAMILY", 3), ("NEGATED_EXISTENCE", 4)],
        ("family_history_spa", NO),
    ),
    ("family_history_spa", "family", [], None),
    ("family_history_spa", "family", [("FAMILY", 2)], ("family_history_spa", YES)),
    ("vascular_risk_factors", "assert", [("OTHER_EXPERIENCER", 1)], None),
    # tests need a result; the nearer of a negative and a positive result wins
    ("slr_positive", "result", [], None),
    ("slr_positive", "result", [("POSITIVE_RESULT", 0)], ("slr_positive", YES)),
    ("slr_positive", "result", [("NEGATED_EXISTENCE", 0)], ("slr_positive", NO)),
    (
        "slr_positive",
        "result",
        [("NEGATED_EXISTENCE", 3), ("POSITIVE_RESULT", 0)],
        ("slr_positive", YES),
    ),
    (
        "slr_positive",
        "result",
        [("NEGATED_EXISTENCE", 0), ("POSITIVE_RESULT", 3)],
        ("slr_positive", NO),
    ),
    ("pulse_abnormality", "result", [("ABSENT", 0)], ("pulse_abnormality", YES)),
    ("slr_positive", "result", [("POSSIBLE_EXISTENCE", 1), ("POSITIVE_RESULT", 0)], None),
    # hypothetical and uncertain outrank negation
    ("saddle_anaesthesia", "assert", [("HYPOTHETICAL", 4), ("NEGATED_EXISTENCE", 1)], None),
    # a phrase saying the finding is absent stays no in past history ("PMH: non-smoker")
    ("vascular_risk_factors", "absent", [("HISTORICAL", 2)], ("vascular_risk_factors", NO)),
    ("pelvic_trauma", "absent", [("HISTORICAL", 1)], ("pelvic_trauma", NO)),
    # a condition's name is a complaint, but not as a diagnosis someone gave
    ("pain_posterior_thigh", "label", [], ("pain_posterior_thigh", YES)),
    ("pain_posterior_thigh", "label", [("REPORTED_DIAGNOSIS", 2)], None),
    ("pain_posterior_thigh", "assert", [("REPORTED_DIAGNOSIS", 2)], ("pain_posterior_thigh", YES)),
    ("pain_posterior_thigh", "label", [("HISTORICAL", 2)], None),
]


@pytest.mark.parametrize(
    ("finding", "mode", "cues", "expected"),
    TABLE_CASES,
    ids=[f"{f}-{m}-{'+'.join(c for c, _ in cs) or 'plain'}" for f, m, cs, _ in TABLE_CASES],
)
def test_table(
    finding: str,
    mode: MentionMode,
    cues: list[tuple[str, int]],
    expected: tuple[str, Answer] | None,
) -> None:
    outcome = assert_mention(finding, mode, [Cue(c, d) for c, d in cues], TABLE, KINDS)
    assert outcome == (Assertion(*expected) if expected else None)
