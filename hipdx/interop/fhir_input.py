"""FHIR input -> Evidence: a QuestionnaireResponse, or Observations (plus Patient, Conditions).

Observations count when their code is a hipdx finding (FINDING_SYSTEM) with valueBoolean or a
valueCodeableConcept / valueCoding coded yes / no / unknown (hipdx, SNOMED CT or HL7 v2 0136).
Conditions coded with a hipdx finding count as that finding present. Age and sex come from the
Patient (birthDate, gender) or from Observations coded `age` / `sex` in DEMOGRAPHIC_SYSTEM.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.condition import Condition
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse,
    QuestionnaireResponseItem,
    QuestionnaireResponseItemAnswer,
)

from hipdx.engine.evidence import Evidence
from hipdx.errors import InputError
from hipdx.interop.codes import (
    ANSWER_CODINGS,
    DEMOGRAPHIC_SYSTEM,
    FINDING_SYSTEM,
    GENDER_SYSTEM,
    VERIFICATION_SYSTEM,
)
from hipdx.interop.questionnaire import AGE_LINK_ID, SEX_LINK_ID
from hipdx.types import Answer, FindingId, Sex

INACTIVE_OBSERVATION = {"entered-in-error", "cancelled"}
INACTIVE_CONDITION = {"entered-in-error", "refuted"}


@dataclass(frozen=True)
class PatientRecord:
    """What hipdx read from FHIR resources: the evidence and the patient id, if any."""

    evidence: Evidence
    patient_id: str | None


def _answer_from_codings(codings: Iterable[Coding], where: str) -> Answer:
    for coding in codings:
        answer = ANSWER_CODINGS.get((str(coding.system), str(coding.code)))
        if answer is not None:
            return answer
    raise InputError(f"{where}: answer must be coded yes / no / unknown")


def _sex(value: str, where: str) -> Sex:
    try:
        return Sex(value.lower())
    except ValueError:
        raise InputError(f"{where}: sex {value!r} is not female or male") from None


def age_on(birth: date, today: date) -> int:
    """Age in whole years on `today`."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _answer_value(answer: QuestionnaireResponseItemAnswer, where: str) -> Answer:
    if answer.valueBoolean is not None:
        return Answer.YES if answer.valueBoolean else Answer.NO
    if answer.valueCoding is not None:
        return _answer_from_codings([answer.valueCoding], where)
    if answer.valueString is not None and answer.valueString.lower() in set(Answer):
        return Answer(answer.valueString.lower())
    raise InputError(f"{where}: expected valueBoolean or a yes / no / unknown valueCoding")


def _walk(items: Sequence[QuestionnaireResponseItem] | None) -> Iterable[QuestionnaireResponseItem]:
    for item in items or []:
        yield item
        yield from _walk(item.item)
        for answer in item.answer or []:
            yield from _walk(answer.item)


def evidence_from_questionnaire_response(
    response: QuestionnaireResponse, known: Iterable[FindingId]
) -> PatientRecord:
    """Answers, age and sex from a QuestionnaireResponse to the hipdx intake.

    Raises:
        InputError: an item names no known finding, or an answer has the wrong type.
    """
    findings = set(known)
    answers: dict[FindingId, Answer] = {}
    age: int | None = None
    sex: Sex | None = None
    for item in _walk(response.item):
        link = str(item.linkId)
        if not item.answer:
            continue
        value = item.answer[0]
        where = f"item {link!r}"
        if link == AGE_LINK_ID:
            number = value.valueInteger if value.valueInteger is not None else value.valueDecimal
            if number is None:
                raise InputError(f"{where}: expected valueInteger")
            age = int(number)
        elif link == SEX_LINK_ID:
            if value.valueCoding is not None:
                sex = _sex(str(value.valueCoding.code), where)
            elif value.valueString is not None:
                sex = _sex(value.valueString, where)
            else:
                raise InputError(f"{where}: expected valueCoding")
        elif link in findings:
            answers[link] = _answer_value(value, where)
        elif item.item is None:
            raise InputError(f"{where}: unknown finding id")
    subject = response.subject.reference if response.subject else None
    return PatientRecord(Evidence(answers, age, sex), _patient_id(subject))


def _patient_id(reference: str | None) -> str | None:
    if not reference:
        return None
    return reference.rsplit("/", 1)[-1]


def _code(concept: CodeableConcept | None, system: str) -> str | None:
    for coding in (concept.coding or []) if concept else []:
        if coding.system == system and coding.code:
            return str(coding.code)
    return None


def _observation_answer(observation: Observation, where: str) -> Answer:
    if observation.valueBoolean is not None:
        return Answer.YES if observation.valueBoolean else Answer.NO
    if observation.valueCodeableConcept is not None:
        return _answer_from_codings(observation.valueCodeableConcept.coding or [], where)
    if observation.dataAbsentReason is not None:
        return Answer.UNKNOWN
    raise InputError(f"{where}: expected valueBoolean or valueCodeableConcept")


def evidence_from_resources(
    resources: Iterable[object], known: Iterable[FindingId], today: date
) -> PatientRecord:
    """Evidence from Observations, Conditions and a Patient (other resources are ignored).

    Args:
        resources: parsed FHIR resources, e.g. a Bundle's entries or CDS Hooks prefetch.
        known: the finding ids the model knows; other hipdx codes are an error.
        today: the date to compute age from Patient.birthDate.

    Raises:
        InputError: a hipdx-coded Observation names an unknown finding or has a bad value.
    """
    findings = set(known)
    answers: dict[FindingId, Answer] = {}
    age: int | None = None
    sex: Sex | None = None
    patient_id: str | None = None
    for resource in resources:
        if isinstance(resource, Patient):
            patient_id = resource.id or patient_id
            if resource.gender in ("female", "male"):
                sex = Sex(resource.gender)
            if resource.birthDate is not None:
                age = age_on(resource.birthDate, today)
        elif isinstance(resource, Observation):
            if resource.status in INACTIVE_OBSERVATION:
                continue
            where = f"Observation {resource.id or ''}".strip()
            finding = _code(resource.code, FINDING_SYSTEM)
            demographic = _code(resource.code, DEMOGRAPHIC_SYSTEM)
            if finding is not None:
                if finding not in findings:
                    raise InputError(f"{where}: unknown finding id {finding!r}")
                answers[finding] = _observation_answer(resource, where)
            elif demographic == "age" and resource.valueQuantity is not None:
                age = int(resource.valueQuantity.value or 0)
            elif demographic == "age" and resource.valueInteger is not None:
                age = int(resource.valueInteger)
            elif demographic == "sex" and resource.valueCodeableConcept is not None:
                code = _code(resource.valueCodeableConcept, GENDER_SYSTEM)
                if code is not None:
                    sex = _sex(code, where)
            patient_id = patient_id or _patient_id(
                resource.subject.reference if resource.subject else None
            )
        elif isinstance(resource, Condition):
            verification = _code(resource.verificationStatus, VERIFICATION_SYSTEM)
            finding = _code(resource.code, FINDING_SYSTEM)
            if finding in findings and verification not in INACTIVE_CONDITION:
                answers[str(finding)] = Answer.YES
    return PatientRecord(Evidence(answers, age, sex), patient_id)


def evidence_from_bundle(bundle: Bundle, known: Iterable[FindingId], today: date) -> PatientRecord:
    """Evidence from a Bundle of Observations (and optionally a Patient and Conditions)."""
    return evidence_from_resources(
        (entry.resource for entry in bundle.entry or [] if entry.resource is not None),
        known,
        today,
    )
