"""An Assessment -> a FHIR R4 Bundle: RiskAssessment, Conditions, ServiceRequests, CarePlan.

Rules (documented here and in the resources themselves):

- RiskAssessment: one prediction per condition, its posterior probability, outcome coded in
  SNOMED CT; the triage level, red flags and the disclaimer travel as notes.
- Condition: the conditions of the differential, i.e. every condition at or above
  `DIFFERENTIAL_MIN_PROBABILITY` (at most `DIFFERENTIAL_MAX`, and always the leading one),
  coded in SNOMED CT and ICD-10. verificationStatus is `differential`, except for the leading
  condition when its probability is at least `PROVISIONAL_ABOVE`: then `provisional`. hipdx never
  marks a condition `confirmed`: only a clinician can.
- ServiceRequest: each workup item of kind `imaging` in the plan, status `draft`, intent
  `proposal`; priority from triage (emergency -> stat, urgent -> urgent, else routine).
- CarePlan: status `draft`, intent `proposal`, one activity per management step, in stage order.
"""

from __future__ import annotations

import uuid

from fhir.resources.R4B.annotation import Annotation
from fhir.resources.R4B.bundle import Bundle, BundleEntry
from fhir.resources.R4B.careplan import CarePlan, CarePlanActivity, CarePlanActivityDetail
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.condition import Condition
from fhir.resources.R4B.reference import Reference
from fhir.resources.R4B.resource import Resource
from fhir.resources.R4B.riskassessment import RiskAssessment, RiskAssessmentPrediction
from fhir.resources.R4B.servicerequest import ServiceRequest

from hipdx.assessment import Assessment
from hipdx.interop.codes import (
    BASE,
    CLINICAL_SYSTEM,
    CONDITION_CATEGORY_SYSTEM,
    MANAGEMENT_SYSTEM,
    SNOMED,
    SNOMED_IMAGING,
    VERIFICATION_SYSTEM,
    WORKUP_SYSTEM,
    condition_concept,
)
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.plans.select import PlannedItem
from hipdx.types import TriageLevel

DIFFERENTIAL_MIN_PROBABILITY = 0.05
DIFFERENTIAL_MAX = 5
PROVISIONAL_ABOVE = 0.6
"""The leading condition is `provisional` (not `differential`) at or above this probability."""
SERVICE_PRIORITY = {
    TriageLevel.EMERGENCY: "stat",
    TriageLevel.URGENT: "urgent",
    TriageLevel.ROUTINE: "routine",
    TriageLevel.SELF_CARE: "routine",
}
METHOD = f"{BASE}/CodeSystem/method"
NAMESPACE = uuid.UUID("6f1c9a3e-7f4b-4e53-9a55-6a1b2f1e8d10")


def _subject(patient_id: str | None) -> Reference:
    if patient_id:
        return Reference(reference=f"Patient/{patient_id}")
    return Reference(display="Patient (not identified)")


def _verification(position: int, probability: float) -> str:
    return "provisional" if position == 0 and probability >= PROVISIONAL_ABOVE else "differential"


def differential(assessment: Assessment) -> list[tuple[str, float]]:
    """(condition id, probability) of the conditions reported as Condition resources."""
    chosen = [
        (r.condition, r.probability)
        for position, r in enumerate(assessment.ranking)
        if position == 0 or r.probability >= DIFFERENTIAL_MIN_PROBABILITY
    ]
    return chosen[:DIFFERENTIAL_MAX]


def assessment_bundle(
    assessment: Assessment,
    kb: KnowledgeBase,
    patient_id: str | None = None,
    bundle_id: str | None = None,
) -> Bundle:
    """The Bundle (type `collection`) for one assessment.

    Args:
        assessment: the result of `Assessor.assess`.
        kb: the knowledge base it came from (codes and names).
        patient_id: the Patient the resources are about, if known.
        bundle_id: seed for the resource ids (uuid5); the same seed gives the same ids, so
            callers pass a fresh one per request and tests a fixed one.
    """
    seed = bundle_id or f"{assessment.kb_version}:{patient_id}:{sorted(assessment.answers.items())}"

    def urn(kind: str, key: str) -> str:
        return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{seed}/{kind}/{key}')}"

    subject = _subject(patient_id)
    level = assessment.triage.level
    notes = [
        Annotation(
            text=f"Triage: {level.value}. "
            + " ".join(r.clinician for r in assessment.triage.reasons)
        ),
        Annotation(text=assessment.disclaimer),
    ]
    if assessment.triage.red_flags:
        names = ", ".join(kb.red_flags[f].name for f in assessment.triage.red_flags)
        notes.insert(0, Annotation(text=f"Red flags: {names}."))
    risk = RiskAssessment(
        status="final",
        subject=subject,
        method=CodeableConcept(
            coding=[Coding(system=METHOD, code="naive-bayes", display="hipdx naive-Bayes model")],
            text=f"hipdx {assessment.kb_version}, setting {assessment.setting}",
        ),
        prediction=[
            RiskAssessmentPrediction(
                outcome=condition_concept(kb.conditions[r.condition], icd10=False),
                probabilityDecimal=round(r.probability, 6),
            )
            for r in assessment.ranking
        ],
        note=notes,
    )
    entries: list[tuple[str, Resource]] = [(urn("RiskAssessment", "1"), risk)]

    condition_urls: dict[str, str] = {}
    for position, (condition_id, probability) in enumerate(differential(assessment)):
        url = urn("Condition", condition_id)
        condition_urls[condition_id] = url
        verification = _verification(position, probability)
        entries.append(
            (
                url,
                Condition(
                    clinicalStatus=CodeableConcept(
                        coding=[Coding(system=CLINICAL_SYSTEM, code="active")]
                    ),
                    verificationStatus=CodeableConcept(
                        coding=[Coding(system=VERIFICATION_SYSTEM, code=verification)]
                    ),
                    category=[
                        CodeableConcept(
                            coding=[
                                Coding(system=CONDITION_CATEGORY_SYSTEM, code="encounter-diagnosis")
                            ]
                        )
                    ],
                    code=condition_concept(kb.conditions[condition_id]),
                    subject=subject,
                    note=[
                        Annotation(text=f"hipdx probability {probability:.1%} ({verification}).")
                    ],
                ),
            )
        )

    def reasons(item: PlannedItem) -> list[Reference] | None:
        refs = [
            Reference(reference=condition_urls[c])
            for c in item.for_conditions
            if c in condition_urls
        ]
        return refs or None

    for item in assessment.plan.workup:
        if item.kind != "imaging":
            continue
        entries.append(
            (
                urn("ServiceRequest", item.id),
                ServiceRequest(
                    status="draft",
                    intent="proposal",
                    priority=SERVICE_PRIORITY[level],
                    category=[
                        CodeableConcept(
                            coding=[Coding(system=SNOMED, code=SNOMED_IMAGING, display="Imaging")]
                        )
                    ],
                    code=CodeableConcept(
                        coding=[Coding(system=WORKUP_SYSTEM, code=item.id)], text=item.clinician
                    ),
                    subject=subject,
                    reasonReference=reasons(item),
                    note=[Annotation(text=f"When: {item.condition_note}")]
                    if item.condition_note
                    else None,
                    patientInstruction=item.patient,
                ),
            )
        )

    if assessment.plan.management:
        addresses = [Reference(reference=u) for u in condition_urls.values()]
        entries.append(
            (
                urn("CarePlan", "1"),
                CarePlan(
                    status="draft",
                    intent="proposal",
                    title="hipdx stepped management",
                    subject=subject,
                    addresses=addresses or None,
                    activity=[
                        CarePlanActivity(
                            detail=CarePlanActivityDetail(
                                code=CodeableConcept(
                                    coding=[Coding(system=MANAGEMENT_SYSTEM, code=step.id)],
                                    text=step.kind.replace("_", " "),
                                ),
                                status="not-started",
                                description=f"Stage {step.order}: {step.clinician}",
                                reasonReference=reasons(step),
                            ),
                        )
                        for step in assessment.plan.management
                    ],
                    note=[Annotation(text=assessment.disclaimer)],
                ),
            )
        )

    return Bundle(
        id=str(uuid.uuid5(NAMESPACE, f"{seed}/Bundle")),
        type="collection",
        entry=[BundleEntry(fullUrl=url, resource=resource) for url, resource in entries],
    )
