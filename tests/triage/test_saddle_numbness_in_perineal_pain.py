"""Reported saddle numbness stays an emergency even when the picture looks like pudendal neuralgia.

GIRFT (2023) and SBNS/BASS (2018) refer suspected cauda equina syndrome on altered perianal,
perineal or genital sensation that the patient reports, before any examination; what separates
pudendal neuralgia (Nantes criterion: no objective sensory loss) is the examination of perianal
sensation and the MRI, which the emergency referral provides. Perineal pain without numbness, or
numbness of the leg only, is not a saddle sign.
"""

from __future__ import annotations

import pytest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.types import Answer, TriageLevel


def triaged(assessor: Assessor, yes: list[str]) -> tuple[TriageLevel, tuple[str, ...]]:
    triage = assessor.assess(Evidence(dict.fromkeys(yes, Answer.YES), 45)).triage
    return triage.level, triage.red_flags


def test_saddle_numbness_with_sitting_perineal_pain_is_an_emergency(assessor: Assessor) -> None:
    level, flags = triaged(
        assessor, ["saddle_anaesthesia", "pain_perineum", "pain_burning", "worse_sitting"]
    )
    assert level is TriageLevel.EMERGENCY and "ces_saddle_anaesthesia" in flags


@pytest.mark.parametrize(
    "yes",
    [
        # Burning perineal pain on sitting, eased on a toilet seat: pudendal neuralgia.
        ["pain_perineum", "pain_burning", "worse_sitting", "relief_toilet_seat"],
        # Pins and needles down the leg with perineal pain: no saddle sign.
        ["pain_perineum", "numbness_tingling", "worse_sitting", "duration_over_3_months"],
    ],
)
def test_perineal_pain_without_saddle_numbness_is_not_an_emergency(
    assessor: Assessor, yes: list[str]
) -> None:
    level, flags = triaged(assessor, yes)
    assert level is not TriageLevel.EMERGENCY and not any(f.startswith("ces_") for f in flags)
