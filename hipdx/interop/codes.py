"""Code system URLs and the codings hipdx reads and writes in FHIR and CDS Hooks."""

from __future__ import annotations

from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding

from hipdx.knowledge.schema import Condition
from hipdx.types import Answer, Sex

BASE = "https://hipdx.org/fhir"
FINDING_SYSTEM = f"{BASE}/CodeSystem/finding"
"""A hipdx finding id is the code (Observation.code, Questionnaire item code)."""
ANSWER_SYSTEM = f"{BASE}/CodeSystem/answer"
"""yes / no / unknown."""
WORKUP_SYSTEM = f"{BASE}/CodeSystem/workup"
MANAGEMENT_SYSTEM = f"{BASE}/CodeSystem/management"
DEMOGRAPHIC_SYSTEM = f"{BASE}/CodeSystem/demographic"
"""`age` and `sex` as Observation codes, for Bundles that carry no Patient."""
QUESTIONNAIRE_URL = f"{BASE}/Questionnaire/hipdx-intake"
SNOMED = "http://snomed.info/sct"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
GENDER_SYSTEM = "http://hl7.org/fhir/administrative-gender"
V2_YES_NO = "http://terminology.hl7.org/CodeSystem/v2-0136"
VERIFICATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CLINICAL_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-category"

SNOMED_YES, SNOMED_NO = "373066001", "373067005"
SNOMED_IMAGING = "363679005"
"""Imaging (procedure): ServiceRequest.category for imaging workup."""

ANSWER_CODINGS: dict[tuple[str, str], Answer] = {
    (ANSWER_SYSTEM, "yes"): Answer.YES,
    (ANSWER_SYSTEM, "no"): Answer.NO,
    (ANSWER_SYSTEM, "unknown"): Answer.UNKNOWN,
    (SNOMED, SNOMED_YES): Answer.YES,
    (SNOMED, SNOMED_NO): Answer.NO,
    (V2_YES_NO, "Y"): Answer.YES,
    (V2_YES_NO, "N"): Answer.NO,
}
"""Codings accepted as answers (valueCoding / valueCodeableConcept)."""

ANSWER_DISPLAY = {Answer.YES: "Yes", Answer.NO: "No", Answer.UNKNOWN: "Don't know"}


def answer_coding(answer: Answer) -> Coding:
    """The hipdx coding of a yes / no / unknown answer."""
    return Coding(system=ANSWER_SYSTEM, code=answer.value, display=ANSWER_DISPLAY[answer])


def sex_coding(sex: Sex) -> Coding:
    return Coding(system=GENDER_SYSTEM, code=sex.value, display=sex.value.capitalize())


def condition_concept(condition: Condition, *, icd10: bool = True) -> CodeableConcept:
    """A condition coded in SNOMED CT (first) and, when `icd10`, ICD-10; text is its name."""
    codings = [Coding(system=SNOMED, code=c.code, display=c.display) for c in condition.snomed]
    if icd10:
        codings += [Coding(system=ICD10, code=c.code, display=c.display) for c in condition.icd10]
    return CodeableConcept(coding=codings, text=condition.name)
