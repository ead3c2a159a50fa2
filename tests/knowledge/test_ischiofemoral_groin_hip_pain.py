"""Ischiofemoral impingement is described as chronic hip, groin and/or buttock pain, sometimes with
snapping or locking (Radiopaedia review; the syndrome was first named as an entity with hip pain),
so a middle-aged woman's hip and groin pain with deep buttock pain keeps it in view; intra-articular
pictures (limited internal rotation, a positive FADIR) stay FAI or osteoarthritis."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex

Y, N = Answer.YES, Answer.NO
IFI = "ischiofemoral_impingement"


def probabilities(
    assessor: Assessor, answers: dict[str, Answer], age: int, sex: Sex
) -> dict[str, float]:
    return {
        r.condition: r.probability for r in assessor.assess(Evidence(answers, age, sex)).ranking
    }


def test_site_and_snapping_links_stay_below_the_intra_articular_causes(kb: KnowledgeBase) -> None:
    links = kb.conditions[IFI].links
    for finding, low, high in [
        ("pain_groin", 0.25, 0.45),
        ("mechanical_symptoms", 0.12, 0.3),
        ("pain_hip_localised", 0.4, 0.55),
    ]:
        assert low <= links[finding].p <= high, finding
        assert "lit_radiopaedia_ifi" in links[finding].sources
    for joint in ("femoroacetabular_impingement", "hip_osteoarthritis", "hip_dysplasia"):
        assert links["pain_groin"].p < kb.conditions[joint].links["pain_groin"].p
    assert (
        links["mechanical_symptoms"].p
        < kb.conditions["hip_dysplasia"].links["mechanical_symptoms"].p
    )


def test_hip_groin_and_buttock_pain_in_a_middle_aged_woman_keeps_it_in_the_top_three(
    assessor: Assessor,
) -> None:
    answers = {"pain_hip_localised": Y, "pain_groin": Y, "pain_deep_buttock": Y, "pain_low_back": N}
    ranked = sorted(probabilities(assessor, answers, 56, Sex.FEMALE).items(), key=lambda x: -x[1])
    assert IFI in [condition for condition, _ in ranked[:3]]


def test_intra_articular_pictures_stay_fai_and_osteoarthritis(assessor: Assessor) -> None:
    # Negative controls: catching groin pain with limited IR and a positive FADIR in a young
    # athlete is FAI; groin pain with limited IR and brief stiffness at 70 is osteoarthritis.
    young = {
        "pain_groin": Y,
        "mechanical_symptoms": Y,
        "hip_ir_limited": Y,
        "fadir_positive": Y,
        "sprint_sport_athlete": Y,
    }
    p = probabilities(assessor, young, 26, Sex.MALE)
    assert max(p, key=p.__getitem__) == "femoroacetabular_impingement"
    assert p[IFI] < 0.05
    older = {"pain_groin": Y, "pain_hip_localised": Y, "hip_ir_limited": Y, "stiffness_brief": Y}
    p = probabilities(assessor, older, 70, Sex.FEMALE)
    assert max(p, key=p.__getitem__) == "hip_osteoarthritis"
    assert p[IFI] < 0.05
