"""Previous pelvic radiotherapy is a bone-fragility risk for the sacrum like osteoporosis or
long-term steroids (Sapienza 2020): with a sign at the sacrum it raises the insufficiency-fracture
flags; without such a sign it does not."""

from __future__ import annotations

import pytest

from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.triage.rules import fired_red_flags
from hipdx.types import Answer


def fired(kb: KnowledgeBase, yes: list[str], age: int = 62) -> set[str]:
    return {f.id for f in fired_red_flags(kb, Evidence(dict.fromkeys(yes, Answer.YES), age))}


@pytest.mark.parametrize(
    ("yes", "flag"),
    [
        (
            ["pelvic_radiotherapy", "sacral_tenderness", "pain_deep_buttock"],
            "fracture_sacral_tenderness_with_risk",
        ),
        (
            ["pelvic_radiotherapy", "hop_test_pain", "pain_si_region"],
            "fracture_hop_pain_with_load_or_bone_risk",
        ),
    ],
)
def test_radiotherapy_with_a_sacral_sign_is_a_fracture_flag(
    kb: KnowledgeBase, yes: list[str], flag: str
) -> None:
    assert flag in fired(kb, yes)


@pytest.mark.parametrize(
    "yes",
    [
        # Radiotherapy years ago and buttock ache with no sign at the sacrum.
        ["pelvic_radiotherapy", "pain_deep_buttock", "duration_over_3_months"],
        # SI tenderness without a load increase is the ordinary SI picture.
        ["pelvic_radiotherapy", "si_tenderness", "pain_si_region"],
    ],
)
def test_radiotherapy_without_a_sacral_sign_raises_no_fracture_flag(
    kb: KnowledgeBase, yes: list[str]
) -> None:
    assert not {f for f in fired(kb, yes) if f.startswith("fracture_")}
