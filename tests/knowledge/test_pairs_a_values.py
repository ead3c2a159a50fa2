"""Session-11 pair review (D-A): the discriminating links of the bone, tumour, infection and
hamstring pairs sit within their cited figures. Tables and sources: docs/knowledge_review
(D-A pair tables)."""

from __future__ import annotations

import pytest

from hipdx.knowledge.schema import KnowledgeBase


def _p(kb: KnowledgeBase, condition: str, finding: str) -> float:
    link = kb.conditions[condition].links.get(finding)
    return link.p if link else kb.findings[finding].background


def test_new_findings_have_low_backgrounds(kb: KnowledgeBase) -> None:
    assert 0.05 <= kb.findings["antalgic_gait"].background <= 0.2
    assert 0.08 <= kb.findings["pain_progressive"].background <= 0.25
    # A quarter or less of all lumps carry a sarcoma referral feature.
    assert kb.findings["mass_suspicious_features"].background <= (
        kb.findings["palpable_mass"].background / 2
    )


def test_a_limp_separates_the_sacral_fracture_from_si_joint_pain(kb: KnowledgeBase) -> None:
    # 10 of 16 insufficiency fractures were bedridden (Grasland 1996); SI joint pain walks.
    fracture = _p(kb, "sacral_stress_fracture", "antalgic_gait")
    assert 0.4 <= fracture <= 0.7
    assert fracture / _p(kb, "sacroiliac_joint_dysfunction", "antalgic_gait") >= 3
    # Bedridden is more than a limp: not walking stays below the limp, above the background x5.
    unable = _p(kb, "sacral_stress_fracture", "inability_bear_weight")
    assert 5 * kb.findings["inability_bear_weight"].background <= unable < fracture
    assert unable <= 10 / 16


def test_limp_rates_of_the_tumour_and_the_hamstring_injuries(kb: KnowledgeBase) -> None:
    # Limp in 8 of 59 pelvic sarcomas (Kadhim 2018): a little above the background only.
    assert 0.1 <= _p(kb, "malignancy", "antalgic_gait") <= 0.3
    # Stiff-legged gait after an avulsion (Colosimo): at least the strain's rate, no more than 2x.
    avulsion = _p(kb, "proximal_hamstring_avulsion", "antalgic_gait")
    strain = _p(kb, "hamstring_strain", "antalgic_gait")
    assert strain <= avulsion <= 2 * strain


def test_progressive_pain_points_to_tumour_and_infection(kb: KnowledgeBase) -> None:
    background = kb.findings["pain_progressive"].background
    # Bickels 1999: constant, progressive pain is typical of tumours along the sciatic nerve.
    assert 0.4 <= _p(kb, "malignancy", "pain_progressive") <= 0.8
    assert _p(kb, "bone_joint_infection", "pain_progressive") >= 2 * background
    for benign in ("hamstring_strain", "hamstring_contusion", "proximal_hamstring_avulsion"):
        assert _p(kb, benign, "pain_progressive") <= background / 2
    assert _p(kb, "sacroiliac_joint_dysfunction", "pain_progressive") < background


def test_tumour_sciatica_can_be_pointed_to_at_the_notch(kb: KnowledgeBase) -> None:
    # 17 of 32 localised the pain along the extraspinal nerve (Bickels 1999), a minority of
    # tumours present as sciatica: above the background, well below deep gluteal syndrome.
    tumour = _p(kb, "malignancy", "sciatic_notch_tenderness")
    assert kb.findings["sciatic_notch_tenderness"].background < tumour <= 17 / 32
    assert tumour < _p(kb, "deep_gluteal_syndrome", "sciatic_notch_tenderness")


@pytest.mark.parametrize("condition", ["malignancy", "myositis_ossificans"])
def test_suspicious_lump_is_a_share_of_the_lumps(kb: KnowledgeBase, condition: str) -> None:
    suspicious = _p(kb, condition, "mass_suspicious_features")
    assert 0.1 <= suspicious < _p(kb, condition, "palpable_mass")


def test_suspicious_lump_favours_sarcoma_over_its_mimics(kb: KnowledgeBase) -> None:
    tumour = _p(kb, "malignancy", "mass_suspicious_features")
    for mimic in ("myositis_ossificans", "hamstring_contusion", "bone_joint_infection"):
        assert _p(kb, mimic, "mass_suspicious_features") < tumour
