"""The hipdx intake published as a FHIR R4 Questionnaire: age, sex and one item per finding."""

from __future__ import annotations

from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.questionnaire import (
    Questionnaire,
    QuestionnaireItem,
    QuestionnaireItemAnswerOption,
)

from hipdx.interop.codes import FINDING_SYSTEM, QUESTIONNAIRE_URL, answer_coding, sex_coding
from hipdx.knowledge.schema import Finding, KnowledgeBase
from hipdx.types import Answer, Sex

AGE_LINK_ID = "age"
SEX_LINK_ID = "sex"


def _finding_item(finding: Finding) -> QuestionnaireItem:
    """Patient findings ask the patient question; examination and results use clinician wording."""
    patient = finding.kind.patient_answerable and finding.question
    return QuestionnaireItem(
        linkId=finding.id,
        code=[Coding(system=FINDING_SYSTEM, code=finding.id, display=finding.label)],
        prefix=finding.kind.value,
        text=finding.question if patient else finding.clinician,
        type="choice",
        answerOption=[QuestionnaireItemAnswerOption(valueCoding=answer_coding(a)) for a in Answer],
    )


def build_questionnaire(kb: KnowledgeBase) -> Questionnaire:
    """The intake Questionnaire for `kb` (version = the KB version).

    Every finding is a `choice` item whose linkId is the finding id and whose options are
    yes / no / unknown; a `boolean` answer is accepted for the same items on the way back.
    """
    items = [
        QuestionnaireItem(linkId=AGE_LINK_ID, text="Age in years", type="integer"),
        QuestionnaireItem(
            linkId=SEX_LINK_ID,
            text="Sex",
            type="choice",
            answerOption=[QuestionnaireItemAnswerOption(valueCoding=sex_coding(s)) for s in Sex],
        ),
        *(_finding_item(f) for f in kb.findings.values()),
    ]
    return Questionnaire(
        id="hipdx-intake",
        url=QUESTIONNAIRE_URL,
        version=kb.version,
        name="HipdxIntake",
        title="hipdx intake: pain at the back of the hip",
        status="active",
        subjectType=["Patient"],
        description=(
            "Questions and examination findings hipdx uses to rank causes of posterior hip, "
            "buttock and thigh pain. Decision support, not a diagnosis."
        ),
        item=items,
    )
