"""Pelvic radiotherapy weakens the sacrum: insufficiency fractures follow in 14% of irradiated
women (Sapienza 2020) and preceded 18 of about 100 published sacral insufficiency fractures (Yoder
2015). New sacral or low back pain after pelvic radiotherapy puts the fracture at least beside a
metastasis, while a cancer history with weight loss and night pain still points to malignancy."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked

Y = Answer.YES
FRACTURE = "sacral_stress_fracture"


def test_radiotherapy_shares_follow_the_published_series(kb: KnowledgeBase) -> None:
    fracture = kb.conditions[FRACTURE].links
    # At most the 18% of published insufficiency fractures, and more than in malignancy.
    assert 0.1 <= fracture["pelvic_radiotherapy"].p <= 0.18
    assert (
        kb.conditions["malignancy"].links["pelvic_radiotherapy"].p
        < fracture["pelvic_radiotherapy"].p
    )
    # Every irradiated patient has had cancer, so the cancer share is at least the radiotherapy one.
    assert fracture["history_of_cancer"].p >= fracture["pelvic_radiotherapy"].p


def test_low_back_pain_after_pelvic_radiotherapy_ranks_the_fracture_in_top_three(
    assessor: Assessor,
) -> None:
    irradiated = {"history_of_cancer": Y, "pelvic_radiotherapy": Y, "pain_low_back": Y}
    assert FRACTURE in ranked(assessor, irradiated, 66, Sex.FEMALE)[:3]


def test_cancer_history_with_weight_loss_and_night_pain_stays_malignancy(
    assessor: Assessor,
) -> None:
    # Negative control: no radiotherapy, systemic features of a tumour.
    systemic = {"history_of_cancer": Y, "pain_low_back": Y, "weight_loss": Y, "night_pain": Y}
    ranking = assessor.assess(Evidence(systemic, 66, Sex.FEMALE)).ranking
    probability = {r.condition: r.probability for r in ranking}
    assert ranking[0].condition == "malignancy"
    # Not beside it: the fracture stays among the background conditions, each a few percent.
    assert probability[FRACTURE] < probability["malignancy"] / 10
