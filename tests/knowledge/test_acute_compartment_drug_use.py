"""Acute gluteal and thigh compartment syndrome (within the compartment syndrome condition) follows
immobilisation after substance use in a third of cases and damages the sciatic nerve in three
quarters, so numbness and injecting drug use must not count against it."""

from __future__ import annotations

from functools import partial

from hipdx.assessment import Assessor
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from tests.knowledge.vignette import ranked as ranked_vignette

Y = Answer.YES
CONDITION = "chronic_exertional_compartment_syndrome"


ranked = partial(ranked_vignette, sex=Sex.MALE)


def test_acute_form_features_stay_below_their_published_rates(kb: KnowledgeBase) -> None:
    links = kb.conditions[CONDITION].links
    # Weighted by the acute share, so below the acute-series rates (74% neuropathy, 35% substance
    # use), yet above each finding's background.
    assert kb.findings["numbness_tingling"].background < links["numbness_tingling"].p < 0.74
    background = kb.findings["immunosuppression_or_ivdu"].background
    assert background < links["immunosuppression_or_ivdu"].p < 0.35


def test_paralysed_leg_after_injecting_heroin_with_rhabdomyolysis_ranks_it_in_top_three(
    assessor: Assessor,
) -> None:
    heroin = {
        "numbness_tingling": Y,
        "leg_weakness": Y,
        "inability_bear_weight": Y,
        "immunosuppression_or_ivdu": Y,
        "neuro_deficit_exam": Y,
        "raised_creatine_kinase": Y,
    }
    assert CONDITION in ranked(assessor, heroin, 55)[:3]


def test_sciatica_with_numbness_does_not_suggest_compartment_syndrome(assessor: Assessor) -> None:
    # Negative control: numbness with back and leg pain, no exertion, drugs or muscle breakdown.
    sciatica = {
        "numbness_tingling": Y,
        "pain_posterior_thigh": Y,
        "pain_below_knee": Y,
        "pain_low_back": Y,
    }
    assert CONDITION not in ranked(assessor, sciatica, 45)[:3]
