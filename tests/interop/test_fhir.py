"""FHIR mapping: the Questionnaire, reading answers back, and the assessment Bundle."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.condition import Condition
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.riskassessment import RiskAssessment
from fhir.resources.R4B.servicerequest import ServiceRequest

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.errors import InputError
from hipdx.interop.codes import ANSWER_SYSTEM, FINDING_SYSTEM, ICD10, SNOMED
from hipdx.interop.fhir_input import evidence_from_bundle, evidence_from_questionnaire_response
from hipdx.interop.fhir_output import PROVISIONAL_ABOVE, assessment_bundle
from hipdx.interop.questionnaire import build_questionnaire
from hipdx.types import Answer, Sex

ACUTE_BUTTOCK = {"pain_deep_buttock": Answer.YES, "duration_under_6_weeks": Answer.YES}


def test_questionnaire_has_every_finding_and_round_trips(assessor: Assessor) -> None:
    questionnaire = build_questionnaire(assessor.kb)
    items = {i.linkId: i for i in questionnaire.item or []}
    assert set(assessor.kb.findings) | {"age", "sex"} == set(items)
    for finding in assessor.kb.findings.values():
        item = items[finding.id]
        assert item.type == "choice"
        codes = [o.valueCoding.code for o in item.answerOption or [] if o.valueCoding]
        assert codes == ["yes", "no", "unknown"]
        expected = finding.question if finding.kind.patient_answerable else finding.clinician
        assert item.text == expected
    again = Questionnaire.model_validate_json(questionnaire.model_dump_json())
    assert again == questionnaire


def response(answers: list[dict[str, Any]]) -> QuestionnaireResponse:
    return QuestionnaireResponse.model_validate(
        {
            "resourceType": "QuestionnaireResponse",
            "questionnaire": "https://hipdx.org/fhir/Questionnaire/hipdx-intake",
            "status": "completed",
            "subject": {"reference": "Patient/p7"},
            "item": answers,
        }
    )


def test_questionnaire_response_boolean_and_coded_answers(assessor: Assessor) -> None:
    record = evidence_from_questionnaire_response(
        response(
            [
                {"linkId": "age", "answer": [{"valueInteger": 44}]},
                {"linkId": "sex", "answer": [{"valueCoding": {"code": "female"}}]},
                {"linkId": "pain_deep_buttock", "answer": [{"valueBoolean": True}]},
                {
                    "linkId": "duration_under_6_weeks",
                    "answer": [{"valueCoding": {"system": ANSWER_SYSTEM, "code": "no"}}],
                },
                {"linkId": "pain_low_back", "answer": [{"valueBoolean": False}]},
            ]
        ),
        assessor.model.finding_ids,
    )
    assert record.patient_id == "p7"
    assert record.evidence.age == 44 and record.evidence.sex is Sex.FEMALE
    assert dict(record.evidence.answers) == {
        "pain_deep_buttock": Answer.YES,
        "duration_under_6_weeks": Answer.NO,
        "pain_low_back": Answer.NO,
    }


def test_questionnaire_response_unknown_item_is_an_error(assessor: Assessor) -> None:
    bad = response([{"linkId": "not_a_finding", "answer": [{"valueBoolean": True}]}])
    with pytest.raises(InputError, match="not_a_finding"):
        evidence_from_questionnaire_response(bad, assessor.model.finding_ids)


def observation(code: str, value: dict[str, Any]) -> dict[str, Any]:
    return {
        "fullUrl": f"urn:uuid:obs-{code}",
        "resource": {
            "resourceType": "Observation",
            "status": "final",
            "code": {"coding": [{"system": FINDING_SYSTEM, "code": code}]},
            "subject": {"reference": "Patient/p9"},
            **value,
        },
    }


def test_bundle_of_observations(assessor: Assessor) -> None:
    bundle = Bundle.model_validate(
        {
            "resourceType": "Bundle",
            "type": "collection",
            "entry": [
                {
                    "resource": {
                        "resourceType": "Patient",
                        "id": "p9",
                        "gender": "male",
                        "birthDate": "1980-06-30",
                    }
                },
                observation("pain_deep_buttock", {"valueBoolean": True}),
                observation(
                    "pain_low_back",
                    {"valueCodeableConcept": {"coding": [{"system": SNOMED, "code": "373067005"}]}},
                ),
            ],
        }
    )
    record = evidence_from_bundle(bundle, assessor.model.finding_ids, date(2024, 6, 29))
    assert record.patient_id == "p9"
    assert record.evidence.age == 43 and record.evidence.sex is Sex.MALE
    assert dict(record.evidence.answers) == {
        "pain_deep_buttock": Answer.YES,
        "pain_low_back": Answer.NO,
    }


def resources(bundle: Bundle, kind: type[Any]) -> list[Any]:
    return [e.resource for e in bundle.entry or [] if isinstance(e.resource, kind)]


@pytest.mark.parametrize(
    "answers",
    [
        ACUTE_BUTTOCK,
        {"saddle_anaesthesia": Answer.YES, "pain_low_back": Answer.YES},
        {},
    ],
)
def test_assessment_bundle_validates_and_round_trips(
    assessor: Assessor, answers: dict[str, Answer]
) -> None:
    assessment = assessor.assess(Evidence(answers, 50, Sex.FEMALE))
    bundle = assessment_bundle(assessment, assessor.kb, "p1", "fixed-seed")
    again = Bundle.model_validate_json(bundle.model_dump_json(exclude_none=True))
    assert again == bundle
    assert bundle.type == "collection"

    (risk,) = resources(bundle, RiskAssessment)
    assert len(risk.prediction) == len(assessor.kb.conditions)
    total = sum(float(p.probabilityDecimal) for p in risk.prediction)
    assert total == pytest.approx(1.0, abs=1e-4)
    for prediction in risk.prediction:
        assert prediction.outcome.coding[0].system == SNOMED

    conditions = resources(bundle, Condition)
    assert conditions and conditions[0].code.text == assessment.ranking[0].name
    statuses = [c.verificationStatus.coding[0].code for c in conditions]
    leading = (
        "provisional" if assessment.ranking[0].probability >= PROVISIONAL_ABOVE else "differential"
    )
    assert statuses == [leading] + ["differential"] * (len(conditions) - 1)
    for condition in conditions:
        systems = {c.system for c in condition.code.coding}
        assert {SNOMED, ICD10} <= systems

    imaging = [i for i in assessment.plan.workup if i.kind == "imaging"]
    requests = resources(bundle, ServiceRequest)
    assert [r.code.coding[0].code for r in requests] == [i.id for i in imaging]
    assert all(r.intent == "proposal" and r.status == "draft" for r in requests)


def test_provisional_when_leading_condition_is_likely(assessor: Assessor) -> None:
    """Find a case whose leader reaches the threshold by adding its strongest evidence."""
    kb = assessor.kb
    for condition in kb.conditions.values():
        links = sorted(condition.evidence, key=lambda k: -k.p / kb.findings[k.finding].background)
        answers = {k.finding: Answer.YES for k in links[:8]}
        assessment = assessor.assess(Evidence(answers))
        if assessment.ranking[0].probability >= PROVISIONAL_ABOVE:
            bundle = assessment_bundle(assessment, kb, None, "seed")
            first = resources(bundle, Condition)[0]
            assert first.verificationStatus.coding[0].code == "provisional"
            assert first.subject.display
            return
    pytest.fail("no condition reached the provisional threshold")


def test_same_seed_same_ids(assessor: Assessor) -> None:
    assessment = assessor.assess(Evidence(ACUTE_BUTTOCK))
    one = assessment_bundle(assessment, assessor.kb, "p1", "seed")
    two = assessment_bundle(assessment, assessor.kb, "p1", "seed")
    assert one.model_dump_json() == two.model_dump_json()
