"""Session 12 triage review: each rule added or widened fires on its published presentation and
stays silent on the look-alike the guideline or review separates it from."""

from __future__ import annotations

import pytest

from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.triage.rules import fired_red_flags
from hipdx.types import Answer


def fired(kb: KnowledgeBase, yes: list[str], age: int | None) -> set[str]:
    return {f.id for f in fired_red_flags(kb, Evidence(dict.fromkeys(yes, Answer.YES), age))}


@pytest.mark.parametrize(
    ("yes", "age", "flag"),
    [
        # Focal sacral tenderness in pain that began after a delivery (Wu 2021).
        (
            ["onset_after_delivery", "sacral_tenderness", "pain_deep_buttock"],
            34,
            "fracture_sacral_tenderness_with_risk",
        ),
        (["onset_after_delivery", "hop_test_pain"], 31, "fracture_hop_pain_with_load_or_bone_risk"),
        # Elderly woman, no known osteoporosis or fall, tender sacrum (Grasland 1996).
        (["sacral_tenderness", "pain_low_back"], 81, "fracture_sacral_tenderness_older_adult"),
        # Constant pain at 50 or over, not positional: still the malignancy rule.
        (
            ["pain_not_relieved_rest", "pain_deep_buttock"],
            63,
            "malignancy_non_mechanical_pain_over_50",
        ),
    ],
)
def test_rule_fires_on_its_presentation(
    kb: KnowledgeBase, yes: list[str], age: int, flag: str
) -> None:
    assert flag in fired(kb, yes, age)


@pytest.mark.parametrize(
    ("yes", "age", "flag"),
    [
        # Postpartum pelvic girdle pain: SI joint, not sacral, tenderness.
        (
            ["onset_after_delivery", "si_tenderness", "pain_si_region"],
            32,
            "fracture_sacral_tenderness_with_risk",
        ),
        # Sacral tenderness in middle age without a named risk.
        (["sacral_tenderness", "pain_low_back"], 55, "fracture_sacral_tenderness_older_adult"),
        # Gluteal tendinopathy: pain at rest that is the pain of lying on the side.
        (
            ["pain_not_relieved_rest", "worse_lying_on_side", "pain_lateral_hip"],
            63,
            "malignancy_non_mechanical_pain_over_50",
        ),
    ],
)
def test_rule_stays_silent_on_the_look_alike(
    kb: KnowledgeBase, yes: list[str], age: int, flag: str
) -> None:
    assert flag not in fired(kb, yes, age)


def test_morning_stiffness_alone_is_a_weak_pointer(kb: KnowledgeBase) -> None:
    """Single inflammatory items have LRs under 2 (Rudwaleit 2006); the background reflects that."""
    finding = kb.findings["morning_stiffness"]
    link = next(
        e for e in kb.conditions["axial_spondyloarthritis"].evidence if e.finding == finding.id
    )
    assert link.p / finding.background < 2
