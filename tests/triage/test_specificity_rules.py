"""Rules narrowed to what their guideline asks: an explained lump (a haematoma after a blow, a
muscle knotted in cramp) is not NG12's unexplained lump, and the adolescent avulsion rules are for
acute injuries. Each keeps the presentation it exists for."""

from __future__ import annotations

import pytest

from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.triage.rules import fired_red_flags
from hipdx.types import Answer


def fired(kb: KnowledgeBase, yes: list[str], age: int | None = None) -> set[str]:
    return {f.id for f in fired_red_flags(kb, Evidence(dict.fromkeys(yes, Answer.YES), age))}


@pytest.mark.parametrize(
    "yes",
    [
        # A lump where the buttock struck the edge of a step (haematoma).
        ["palpable_mass", "onset_direct_blow", "onset_fall", "pain_deep_buttock"],
        # A hard knot in the hamstring while it cramps.
        ["palpable_mass", "involuntary_contraction", "pain_posterior_thigh"],
    ],
)
def test_an_explained_lump_is_not_a_red_flag(kb: KnowledgeBase, yes: list[str]) -> None:
    assert "malignancy_palpable_mass" not in fired(kb, yes, 45)


@pytest.mark.parametrize(
    "yes",
    [
        # A lump with no injury to explain it (NG12).
        ["palpable_mass", "pain_deep_buttock"],
        # A lump with sciatica-like pain: a nerve sheath tumour or sarcoma until imaged.
        ["palpable_mass", "pain_posterior_thigh", "pain_below_knee", "duration_over_3_months"],
        # A fall without a blow to the buttock does not explain a thigh lump.
        ["palpable_mass", "onset_fall"],
    ],
)
def test_an_unexplained_lump_stays_urgent(kb: KnowledgeBase, yes: list[str]) -> None:
    assert "malignancy_palpable_mass" in fired(kb, yes, 60)


ADOLESCENT_FLAGS = {"avulsion_adolescent_acute_sport_injury", "avulsion_adolescent_sit_bone"}


def test_months_after_a_sporting_injury_the_adolescent_rules_are_silent(kb: KnowledgeBase) -> None:
    yes = ["onset_sudden_during_sport", "pain_sit_bone", "pain_low_back", "duration_over_3_months"]
    assert not fired(kb, yes, 17) & ADOLESCENT_FLAGS


@pytest.mark.parametrize("duration", [[], ["duration_under_6_weeks"]])
def test_an_acute_adolescent_sporting_injury_still_fires(
    kb: KnowledgeBase, duration: list[str]
) -> None:
    yes = ["onset_sudden_during_sport", "pain_sit_bone", *duration]
    assert fired(kb, yes, 15) >= ADOLESCENT_FLAGS


@pytest.mark.parametrize("course", ["injury_weeks_ago_worsening", "no_improvement_one_month"])
def test_a_lump_after_a_blow_that_is_not_settling_is_urgent(kb: KnowledgeBase, course: str) -> None:
    yes = ["palpable_mass", "onset_direct_blow", "knee_flexion_limited", course]
    assert "malignancy_lump_not_settling_after_injury" in fired(kb, yes, 23)


def test_a_lump_imaging_has_explained_is_not_unsettled(kb: KnowledgeBase) -> None:
    yes = ["palpable_mass", "injury_weeks_ago_worsening", "imaging_heterotopic_ossification"]
    assert "malignancy_lump_not_settling_after_injury" not in fired(kb, yes, 23)
