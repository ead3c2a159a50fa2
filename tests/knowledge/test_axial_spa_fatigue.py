"""Fatigue belongs to axial spondyloarthritis itself (the first BASDAI question, Garrett 1994), and
the systemically-unwell finding includes fatigue and malaise, so inflammatory back pain with
fatigue stays axial SpA; fever or weight loss with a cancer history still points to infection or
malignancy."""

from __future__ import annotations

from functools import partial

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked as ranked_vignette

Y = Answer.YES
SPA, FINDING = "axial_spondyloarthritis", "systemically_unwell"


ranked = partial(ranked_vignette, sex=Sex.MALE)


def test_link_is_cited_and_no_higher_than_infection_or_malignancy(kb: KnowledgeBase) -> None:
    link = kb.conditions[SPA].links[FINDING]
    assert "lit_garrett1994" in link.sources
    assert kb.findings[FINDING].background < link.p <= 0.3
    for serious in ("bone_joint_infection", "malignancy"):
        assert link.p <= kb.conditions[serious].links[FINDING].p


def test_inflammatory_back_pain_with_fatigue_stays_axial_spa(assessor: Assessor) -> None:
    answers = {
        "pain_low_back": Y,
        "morning_stiffness": Y,
        "night_pain": Y,
        "duration_over_3_months": Y,
        "onset_before_40": Y,
        FINDING: Y,
    }
    assert ranked(assessor, answers, 22)[0] == SPA


def test_unwell_with_fever_or_cancer_history_is_not_axial_spa(assessor: Assessor) -> None:
    # Negative controls: the serious causes keep the systemically unwell patient.
    fever = {"pain_low_back": Y, FINDING: Y, "fever": Y, "night_pain": Y}
    assert ranked(assessor, fever, 60)[0] == "bone_joint_infection"
    cancer = {"pain_low_back": Y, FINDING: Y, "weight_loss": Y, "history_of_cancer": Y}
    assert ranked(assessor, cancer, 65)[0] == "malignancy"
