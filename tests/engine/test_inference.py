"""Posterior correctness against an independent computation, and its algebraic properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence, encode
from hipdx.engine.inference import BLOCK_ROWS, posterior
from hipdx.errors import InputError
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex

FIXTURES = [HealthCheck.function_scoped_fixture]


@st.composite
def cases(draw: st.DrawFn, finding_ids: tuple[str, ...]) -> Evidence:
    chosen = draw(st.lists(st.sampled_from(finding_ids), max_size=25, unique=True))
    answers = {f: draw(st.sampled_from(list(Answer))) for f in chosen}
    age = draw(st.one_of(st.none(), st.integers(0, 120)))
    sex = draw(st.one_of(st.none(), st.sampled_from(list(Sex))))
    return Evidence(answers, age, sex)


def _relation_factor(kb: KnowledgeBase, links: dict[str, float], evidence: Evidence) -> float:
    """P(child | parent) / P(child) for each implies/excludes pair with both answered (a child
    its parent rules out is dropped: divided out alone)."""
    factor = 1.0
    for parent in kb.findings.values():
        pairs = [(c, "implies") for c in parent.implies] + [
            (c, "excludes") for c in parent.excludes
        ]
        for child, kind in pairs:
            a_parent = evidence.answers.get(parent.id, Answer.UNKNOWN)
            a_child = evidence.answers.get(child, Answer.UNKNOWN)
            if Answer.UNKNOWN in (a_parent, a_child):
                continue
            p_parent = links.get(parent.id, parent.background)
            p_child = links.get(child, kb.findings[child].background)
            if kind == "implies":
                given = 1.0 if a_parent is Answer.YES else (p_child - p_parent) / (1 - p_parent)
            else:
                given = 0.0 if a_parent is Answer.YES else p_child / (1 - p_parent)
            conditional = given if a_child is Answer.YES else 1 - given
            marginal = p_child if a_child is Answer.YES else 1 - p_child
            factor *= (conditional or 1.0) / marginal
    return factor


def reference_posterior(assessor: Assessor, evidence: Evidence, setting: str) -> list[float]:
    """Bayes' rule written out with plain floats, condition by condition, a related finding's
    factor taken given its parent's answer."""
    kb = assessor.kb
    weights = []
    exponent = kb.demographics.prior_exponent.value  # a power prior, then renormalised
    total_prior = sum(c.priors[setting].value ** exponent for c in kb.conditions.values())
    for condition in kb.conditions.values():
        links = {link.finding: link.p for link in condition.evidence}
        weight = condition.priors[setting].value ** exponent / total_prior
        for finding, value in evidence.answers.items():
            bound = kb.findings[finding].implied_by_age_below
            if bound is not None and evidence.age is not None and evidence.age < bound:
                continue  # P(finding | condition, age) = 1 for every condition
            p = links.get(finding, kb.findings[finding].background)
            weight *= {Answer.YES: p, Answer.NO: 1 - p, Answer.UNKNOWN: 1.0}[value]
        weight *= _relation_factor(kb, links, evidence)
        if evidence.age is not None:
            band = next(b.id for b in kb.demographics.age_bands if b.min <= evidence.age <= b.max)
            ages = condition.demographics.age
            weight *= ages[band] / sum(ages.values())
        if evidence.sex is not None:
            female = condition.demographics.female
            weight *= female if evidence.sex is Sex.FEMALE else 1 - female
        weights.append(weight)
    return [w / sum(weights) for w in weights]


@pytest.mark.parametrize("setting", ["primary_care", "sports_medicine", "specialist"])
def test_matches_independent_computation(assessor: Assessor, setting: str) -> None:
    evidence = Evidence(
        {
            "pain_sit_bone": Answer.YES,
            "worse_sitting": Answer.YES,
            "pain_below_knee": Answer.NO,
            "resisted_knee_flexion_pain": Answer.YES,
            "fever": Answer.UNKNOWN,
        },
        age=38,
        sex=Sex.FEMALE,
    )
    expected = reference_posterior(assessor, evidence, setting)
    assert assessor.probabilities(evidence, setting) == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize("parent_answer", [Answer.YES, Answer.NO])
@pytest.mark.parametrize("child_answer", [Answer.YES, Answer.NO])
def test_related_findings_match_the_reference(
    assessor: Assessor, parent_answer: Answer, child_answer: Answer
) -> None:
    # Every implies/excludes pair answered at once, in each of the four combinations.
    answers = {}
    for finding in assessor.kb.findings.values():
        for child in [*finding.implies, *finding.excludes]:
            answers[finding.id], answers[child] = parent_answer, child_answer
    assert len(answers) >= 8
    evidence = Evidence(answers, age=50, sex=Sex.MALE)
    expected = reference_posterior(assessor, evidence, assessor.model.default_setting)
    assert assessor.probabilities(evidence) == pytest.approx(expected, rel=1e-9)


@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURES)
@given(data=st.data())
def test_posterior_is_a_distribution(assessor: Assessor, data: st.DataObject) -> None:
    evidence = data.draw(cases(assessor.model.finding_ids))
    probabilities = assessor.probabilities(evidence)
    assert probabilities.sum() == pytest.approx(1.0, abs=1e-12)
    assert (probabilities > 0).all()
    assert probabilities == pytest.approx(
        reference_posterior(assessor, evidence, assessor.model.default_setting), rel=1e-6
    )


@settings(max_examples=100, deadline=None, suppress_health_check=FIXTURES)
@given(data=st.data())
def test_order_of_evidence_does_not_matter(assessor: Assessor, data: st.DataObject) -> None:
    evidence = data.draw(cases(assessor.model.finding_ids))
    items = list(evidence.answers.items())
    shuffled = data.draw(st.permutations(items))
    reordered = Evidence(dict(shuffled), evidence.age, evidence.sex)
    assert assessor.probabilities(reordered) == pytest.approx(
        assessor.probabilities(evidence), rel=1e-12
    )


@settings(max_examples=100, deadline=None, suppress_health_check=FIXTURES)
@given(data=st.data())
def test_unknown_is_neutral(assessor: Assessor, data: st.DataObject) -> None:
    evidence = data.draw(cases(assessor.model.finding_ids))
    extra = data.draw(st.sampled_from(assessor.model.finding_ids))
    if extra in evidence.answers:
        return
    with_unknown = evidence.with_answers({extra: Answer.UNKNOWN})
    assert np.array_equal(assessor.probabilities(with_unknown), assessor.probabilities(evidence))


@settings(max_examples=200, deadline=None, suppress_health_check=FIXTURES)
@given(data=st.data())
def test_finding_with_lr_above_one_never_lowers_its_condition(
    assessor: Assessor, data: st.DataObject
) -> None:
    model = assessor.model
    evidence = data.draw(cases(model.finding_ids))
    finding = data.draw(
        st.sampled_from([f for f in model.finding_ids if f not in evidence.answers])
    )
    value = data.draw(st.sampled_from([Answer.YES, Answer.NO]))
    before = assessor.probabilities(evidence)
    after = assessor.probabilities(evidence.with_answers({finding: value}))
    column = model.p_yes[:, model.finding_index[finding]]
    likelihood = column if value is Answer.YES else 1 - column
    for row in range(len(model.condition_ids)):
        others = before.copy()
        others[row] = 0.0
        # The likelihood ratio of this condition against the current mixture of the others.
        ratio = likelihood[row] / (others @ likelihood / others.sum())
        if ratio > 1:
            assert after[row] >= before[row] * (1 - 1e-12)
        elif ratio < 1:
            assert after[row] <= before[row] * (1 + 1e-12)


def test_batch_and_single_use_the_same_code(assessor: Assessor) -> None:
    rng = np.random.default_rng(7)
    ids = assessor.model.finding_ids
    # Enough cases to span several scoring blocks; age and sex sometimes unknown.
    batch = [
        Evidence(
            {
                f: Answer.YES if rng.random() < 0.5 else Answer.NO
                for f in rng.choice(ids, size=10, replace=False)
            },
            age=int(rng.integers(10, 90)) if rng.random() < 0.8 else None,
            sex=rng.choice([Sex.FEMALE, Sex.MALE]) if rng.random() < 0.8 else None,
        )
        for _ in range(2 * BLOCK_ROWS + 50)
    ]
    together = posterior(assessor.model, encode(assessor.model, batch))
    one_by_one = np.vstack([assessor.probabilities(e) for e in batch])
    assert np.allclose(together, one_by_one, rtol=1e-12, atol=0)


def test_deterministic(assessor: Assessor) -> None:
    evidence = Evidence({"pain_perineum": Answer.YES, "worse_sitting": Answer.YES}, 41, Sex.FEMALE)
    first = assessor.assess(evidence).model_dump_json()
    assert all(assessor.assess(evidence).model_dump_json() == first for _ in range(3))


def test_no_evidence_returns_the_prior(assessor: Assessor) -> None:
    prior = assessor.model.prior[assessor.model.setting_index(None)]
    assert assessor.probabilities(Evidence()) == pytest.approx(prior, rel=1e-12)
    assert math.isclose(prior.sum(), 1.0)


@pytest.mark.parametrize(
    ("evidence", "message"),
    [
        (lambda: Evidence({"no_such_finding": Answer.YES}), "unknown finding id 'no_such_finding'"),
        (lambda: Evidence(age=130), "age 130 is out of range"),
    ],
)
def test_bad_evidence_is_named(assessor: Assessor, evidence: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        assessor.probabilities(evidence())  # type: ignore[operator]


def test_unknown_setting_is_named(assessor: Assessor) -> None:
    with pytest.raises(InputError, match="unknown setting 'moon_base'"):
        assessor.probabilities(Evidence(), "moon_base")
