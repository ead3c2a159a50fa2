"""Red-flag rules and triage: every red flag raises triage; soft warning words alone do not."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase, RedFlag
from hipdx.triage.rules import fired_red_flags
from hipdx.types import Answer, TriageLevel

FIXTURES = [HealthCheck.function_scoped_fixture]


def satisfying(flag: RedFlag) -> Evidence:
    """The smallest evidence that satisfies a red flag's rule."""
    rule = flag.when
    answers = {f: Answer.YES for f in [*rule.all_of, *rule.any_of[:1]]}
    answers.update({f: Answer.NO for f in rule.none_of})
    age = rule.age_at_least if rule.age_at_least is not None else None
    if age is None and rule.age_below is not None:
        age = rule.age_below - 1
    return Evidence(answers, age)


def test_every_red_flag_fires_and_raises_triage(assessor: Assessor, kb: KnowledgeBase) -> None:
    for flag in kb.red_flags.values():
        evidence = satisfying(flag)
        assert flag.id in [f.id for f in fired_red_flags(kb, evidence)], flag.id
        result = assessor.assess(evidence)
        assert result.triage.level.rank >= flag.urgency.rank, flag.id
        assert flag.id in result.triage.red_flags
        reason = next(r for r in result.triage.reasons if r.ref == flag.id)
        assert reason.patient and reason.sources


@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURES)
@given(data=st.data())
def test_adding_a_red_flag_raises_triage_and_keeps_other_flags(
    assessor: Assessor, kb: KnowledgeBase, data: st.DataObject
) -> None:
    ids = assessor.model.finding_ids
    chosen = data.draw(st.lists(st.sampled_from(ids), max_size=15, unique=True))
    base = Evidence(
        {f: data.draw(st.sampled_from(list(Answer))) for f in chosen},
        age=data.draw(st.integers(0, 120)),
    )
    flag = data.draw(st.sampled_from(list(kb.red_flags.values())))
    flagged = satisfying(flag)
    if flagged.age is not None:
        # An age-limited flag needs its age; compare like with like, or the age change itself
        # (not the added flag) could silence an age-limited flag of the base case.
        base = Evidence(base.answers, age=flagged.age)
    combined = Evidence({**base.answers, **flagged.answers}, base.age)
    before = assessor.assess(base).triage
    after = assessor.assess(combined).triage
    assert after.level.rank >= flag.urgency.rank
    assert after.level.rank >= TriageLevel.URGENT.rank
    # A flag the base case raised stays raised unless the added answers name its benign
    # explanation (a `none_of` finding). Suspected-condition triage may move with the
    # differential; red flags may not.
    explained = set(combined.answered(Answer.YES))
    for kept in before.red_flags:
        if not explained & set(kb.red_flags[kept].when.none_of):
            assert kept in after.red_flags, kept


@pytest.mark.parametrize(
    "soft",
    [
        "night_pain",
        "leg_weakness",
        "numbness_tingling",
        "pain_below_knee",
        "slr_positive",
        "pain_bilateral",
    ],
)
def test_soft_warning_words_alone_fire_no_red_flag(kb: KnowledgeBase, soft: str) -> None:
    assert fired_red_flags(kb, Evidence({soft: Answer.YES}, age=45)) == []


def test_cauda_equina_signs_are_an_emergency(assessor: Assessor) -> None:
    result = assessor.assess(
        Evidence(
            {
                "saddle_anaesthesia": Answer.YES,
                "urinary_retention_incontinence": Answer.YES,
                "pain_low_back": Answer.YES,
            },
            age=44,
        )
    )
    assert result.triage.level is TriageLevel.EMERGENCY
    assert result.ranking[0].condition == "cauda_equina_syndrome"


def test_age_limited_rule_needs_the_age(kb: KnowledgeBase) -> None:
    adolescent = [f for f in kb.red_flags.values() if f.when.age_below is not None]
    assert adolescent, "the adolescent avulsion rule is expected in the KB"
    flag = adolescent[0]
    answers = satisfying(flag).answers
    assert flag not in fired_red_flags(kb, Evidence(answers, age=None))
    assert flag not in fired_red_flags(kb, Evidence(answers, age=flag.when.age_below))


def test_self_care_needs_no_flags_and_a_self_limiting_leader(assessor: Assessor) -> None:
    cramp = Evidence(
        {
            "involuntary_contraction": Answer.YES,
            "pain_posterior_thigh": Answer.YES,
            "previous_cramps": Answer.YES,
            "endurance_athlete": Answer.YES,
            "onset_sudden_pop": Answer.NO,
            "significant_bruising": Answer.NO,
        },
        age=35,
    )
    result = assessor.assess(cramp)
    assert result.ranking[0].condition == "muscle_cramp"
    assert result.triage.level is TriageLevel.SELF_CARE


def test_findings_that_need_a_clinician_block_self_care(assessor: Assessor) -> None:
    """Source 004: a pop, big bruise, weakness, tingling or no improvement -> be seen."""
    cramp = Evidence(
        {
            "involuntary_contraction": Answer.YES,
            "pain_posterior_thigh": Answer.YES,
            "previous_cramps": Answer.YES,
            "endurance_athlete": Answer.YES,
        },
        age=35,
    )
    assert assessor.assess(cramp).triage.level is TriageLevel.SELF_CARE
    blocked_kinds = set()
    for finding in assessor.kb.triage_policy.self_care_not_when:
        result = assessor.assess(cramp.with_answers({finding: Answer.YES}))
        assert result.triage.level is not TriageLevel.SELF_CARE, finding
        blocked_kinds.add(result.triage.reasons[0].kind)
    assert "self_care_blocked" in blocked_kinds


def test_benign_explanation_silences_a_flag(kb: KnowledgeBase) -> None:
    explained = [f for f in kb.red_flags.values() if f.when.none_of]
    assert explained, "at least one red flag is expected to name a benign explanation"
    for flag in explained:
        evidence = satisfying(flag)
        assert flag in fired_red_flags(kb, evidence)
        silenced = evidence.with_answers({flag.when.none_of[0]: Answer.YES})
        assert flag not in fired_red_flags(kb, silenced)
