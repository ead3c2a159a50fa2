"""A limited straight leg raise is one of the commonest features of published piriformis
syndrome cases (Hopayian 2018), though only 15% sensitive in an endoscopic series (Martin 2014):
a positive SLR must not hand a sitting-provoked buttock entrapment to the spine, while the SLR
with root features stays radicular."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer
from tests.knowledge.vignette import ranked

Y = Answer.YES
DGS = "deep_gluteal_syndrome"
SLR = "slr_positive"


def test_slr_between_the_endoscopic_series_and_the_root(kb: KnowledgeBase) -> None:
    link = kb.conditions[DGS].links[SLR]
    assert link.published is not None and link.published.sensitivity is not None
    assert link.published.sensitivity < link.p < kb.conditions["lumbar_radiculopathy"].links[SLR].p
    assert "lit_hopayian2018" in link.sources


def test_sitting_buttock_pain_with_notch_tenderness_and_slr_ranks_deep_gluteal(
    assessor: Assessor,
) -> None:
    answers = {
        "pain_deep_buttock": Y,
        "pain_posterior_thigh": Y,
        "worse_sitting": Y,
        "sciatic_notch_tenderness": Y,
        SLR: Y,
    }
    assert ranked(assessor, answers, 45)[0] == DGS


def test_slr_with_root_features_stays_radicular(assessor: Assessor) -> None:
    # Negative control: back pain, pain below the knee, cough pain and paraesthesia with the SLR.
    answers = {
        "pain_low_back": Y,
        "pain_deep_buttock": Y,
        SLR: Y,
        "pain_below_knee": Y,
        "worse_cough_sneeze": Y,
        "numbness_tingling": Y,
    }
    order = ranked(assessor, answers, 45)
    assert order[0] == "lumbar_radiculopathy"
    assert order.index(DGS) >= 2
