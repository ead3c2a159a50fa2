"""The patient's own 'hip pain' (pain_hip_localised): it moves a young adult's differential towards
the hip joint (Brown 2004, Byrd 2007) and leaves a radicular picture with the spine."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex

Y, N = Answer.YES, Answer.NO
HIP = "pain_hip_localised"
HIP_JOINT = {"femoroacetabular_impingement", "hip_dysplasia", "hip_osteoarthritis"}


def p(kb: KnowledgeBase, condition: str, finding: str) -> float:
    link = kb.conditions[condition].links.get(finding)
    return link.p if link else kb.findings[finding].background


def probabilities(
    assessor: Assessor, answers: dict[str, Answer], age: int, sex: Sex
) -> dict[str, float]:
    ranking = assessor.assess(Evidence(answers, age, sex)).ranking
    return {r.condition: r.probability for r in ranking}


def first(assessor: Assessor, answers: dict[str, Answer], age: int, sex: Sex) -> str:
    return assessor.assess(Evidence(answers, age, sex)).ranking[0].condition


def test_hip_pain_favours_the_hip_over_the_spine_and_hamstrings(kb: KnowledgeBase) -> None:
    for hip in HIP_JOINT | {"gluteal_tendinopathy"}:
        for other in ("lumbar_radiculopathy", "hamstring_strain", "pudendal_neuralgia"):
            assert p(kb, hip, HIP) > 3 * p(kb, other, HIP), (hip, other)


def test_lateral_hip_pain_is_the_stronger_site_for_gluteal_tendinopathy(kb: KnowledgeBase) -> None:
    # 'Hip pain' is the vaguer word: it must not outweigh the exact trochanteric site.
    gt = "gluteal_tendinopathy"
    ratio_hip = p(kb, gt, HIP) / kb.findings[HIP].background
    ratio_lateral = p(kb, gt, "pain_lateral_hip") / kb.findings["pain_lateral_hip"].background
    assert ratio_hip < ratio_lateral


def test_a_young_adults_hip_pain_ranks_a_hip_condition_first(assessor: Assessor) -> None:
    # Without a site a 24-year-old ranks on age alone (spine and hamstrings lead).
    assert first(assessor, {}, 24, Sex.MALE) not in HIP_JOINT
    assert first(assessor, {HIP: Y}, 24, Sex.MALE) in HIP_JOINT


def test_hip_pain_with_painful_flexion_internal_rotation(assessor: Assessor) -> None:
    fadir = {"fadir_positive": Y}
    without = probabilities(assessor, fadir, 24, Sex.FEMALE)
    with_hip = probabilities(assessor, {**fadir, HIP: Y}, 24, Sex.FEMALE)
    assert max(with_hip, key=with_hip.__getitem__) in HIP_JOINT
    assert sum(with_hip[c] for c in HIP_JOINT) > sum(without[c] for c in HIP_JOINT) + 0.2
    assert with_hip["lumbar_radiculopathy"] < without["lumbar_radiculopathy"]


def test_dermatomal_sciatica_stays_radicular(assessor: Assessor) -> None:
    # Negative control: a classic radicular picture keeps radiculopathy first whatever the
    # hip answer (the reader reads no hip pain from "hip flexion", tests/nlp).
    sciatica = {
        "pain_low_back": Y,
        "pain_below_knee": Y,
        "pain_shooting_electric": Y,
        "numbness_tingling": Y,
        "slr_positive": Y,
    }
    for answer in ({}, {HIP: N}, {HIP: Y}):
        assert first(assessor, {**sciatica, **answer}, 40, Sex.MALE) == "lumbar_radiculopathy"
