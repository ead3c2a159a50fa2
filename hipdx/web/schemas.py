"""Request and response models of the JSON API (and of each page's JSON twin)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from hipdx.types import Answer, FindingKind, Sex, TriageLevel, Zone
from hipdx.web.report import Report


class ApiModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- assessments --------------------------------------------------------------------------------


class AssessmentBase(ApiModel):
    """A presentation: structured answers and/or free text, with age, sex and care setting."""

    answers: dict[str, Answer] = Field(
        default_factory=dict,
        description="Finding id -> yes / no / unknown (see GET /api/v1/findings).",
        examples=[{"pain_sit_bone": "yes", "pain_worse_sitting": "yes"}],
    )
    age: int | None = Field(default=None, ge=0, le=120, description="Age in whole years.")
    sex: Sex | None = None
    text: str | None = Field(
        default=None,
        description="The presentation in the patient's or clinician's own words.",
        examples=["Pain on the sit bone for three months, worse when sitting."],
    )
    setting: str | None = Field(
        default=None, description="Care setting for the priors (default from the KB)."
    )


class AssessmentCreate(AssessmentBase):
    """Body of POST /api/v1/assessments."""


class AssessmentLinks(ApiModel):
    self: str
    html: str
    pdf: str


class AssessmentSummaryPublic(ApiModel):
    """One past assessment in a list."""

    id: str
    created_at: datetime
    actor: str
    origin: str
    kb_version: str
    headline: str
    triage_level: str
    links: AssessmentLinks


class AssessmentEnvelope(AssessmentSummaryPublic):
    """A kept assessment without its report: what the API writes around the report's JSON."""

    input: AssessmentBase


class AssessmentPublic(AssessmentEnvelope):
    """A kept assessment: the input as given and the report as computed then."""

    report: Report


class AssessmentQuery(ApiModel):
    """Search and paging of the list of past assessments."""

    q: str | None = Field(default=None, max_length=200, description="Search text")
    offset: int = Field(default=0, ge=0)


class AssessmentList(ApiModel):
    items: list[AssessmentSummaryPublic]
    total: int
    limit: int
    offset: int
    query: str | None


# --- knowledge base -----------------------------------------------------------------------------


class CodePublic(ApiModel):
    model_config = ConfigDict(extra="forbid", from_attributes=True)

    code: str
    display: str


class ConditionPublic(ApiModel):
    model_config = ConfigDict(extra="forbid", from_attributes=True)  # from the KB's record

    id: str
    name: str
    description_patient: str
    description_clinician: str
    triage_when_suspected: TriageLevel
    serious: bool
    icd10: list[CodePublic]
    snomed: list[CodePublic]
    sources: list[str]


class FindingPublic(ApiModel):
    model_config = ConfigDict(extra="forbid", from_attributes=True)  # from the KB's record

    id: str
    kind: FindingKind
    label: str
    clinician: str
    question: str | None
    zone: Zone | None
    screen: bool
    sources: list[str]


# --- service ------------------------------------------------------------------------------------


class Health(ApiModel):
    status: str
    database: str


class Version(ApiModel):
    version: str
    kb_version: str
    api: str = "v1"


# --- page twins ---------------------------------------------------------------------------------


class Home(ApiModel):
    version: str
    kb_version: str
    links: dict[str, str]


class SettingPublic(ApiModel):
    id: str
    name: str
    description: str


class FindingGroup(ApiModel):
    kind: FindingKind
    label: str
    findings: list[FindingPublic]


class ClinicianForm(ApiModel):
    """What the clinician form offers: every finding grouped by kind, and the care settings."""

    groups: list[FindingGroup]
    settings: list[SettingPublic]
    default_setting: str
    max_text_chars: int


# --- interviews ---------------------------------------------------------------------------------


class InterviewCreate(ApiModel):
    """Body of POST /api/v1/interviews."""

    mode: Literal["patient", "clinician"] = Field(
        default="patient", description="Who answers: the patient, or a clinician who examines."
    )
    age: int | None = Field(default=None, ge=0, le=120)
    sex: Sex | None = None
    setting: str | None = Field(default=None, description="Care setting for the priors.")


class InterviewAnswer(ApiModel):
    """One step of an interview: the body map (`zones`), one finding's answer, a tick list
    (`checklist` with `ticked` and `unsure`), and/or free text.

    A tick list is answered with the ids of its sections (`question.sections[].id`) in
    `checklist`, the findings ticked in `ticked` (yes) and the sections answered "I'm not sure
    about some of these" in `unsure`. Every other item of the list is recorded as no, except in
    an `unsure` section, whose unticked items stay unanswered (a screen group's are then asked one
    by one). `ticked: []` with no `unsure` is "none of these". `screen_group` with `answer`
    answers a screen group as a whole (the API before tick lists).

    `revision` (from the last response) guards against answering a question twice: a stale
    revision gets 409.
    """

    zones: list[Zone] | None = Field(
        default=None, description="Body-map zones that hurt (answers the location question)."
    )
    finding: str | None = Field(default=None, description="The finding answered.")
    checklist: list[str] | None = Field(
        default=None,
        min_length=1,
        description="The sections of the tick list answered (screen group or checklist ids).",
        examples=[["cauda_equina", "cancer_infection"]],
    )
    ticked: list[str] = Field(
        default=[], description="Findings ticked on the tick list (yes).", examples=[["fever"]]
    )
    unsure: list[str] = Field(
        default=[],
        description='Sections answered "I\'m not sure about some of these".',
    )
    screen_group: str | None = Field(
        default=None, description="A screen group answered as a whole (before tick lists)."
    )
    answer: Answer = Answer.YES
    text: str | None = Field(default=None, description="Free text, read for more findings.")
    revision: int | None = None

    @model_validator(mode="after")
    def _one_step(self) -> InterviewAnswer:
        given = [
            x
            for x in (self.zones, self.finding, self.checklist, self.screen_group)
            if x is not None
        ]
        if len(given) > 1:
            raise ValueError(
                "give one of `zones` (the body map), `finding`, `checklist` or `screen_group`"
            )
        if (self.ticked or self.unsure) and self.checklist is None:
            raise ValueError("`ticked` and `unsure` answer a tick list: give `checklist` too")
        if not given and not (self.text and self.text.strip()):
            raise ValueError(
                "give `zones`, `finding` with `answer`, `checklist` with `ticked`, or `text`"
            )
        return self


class ZoneOption(ApiModel):
    zone: Zone
    label: str
    text: str


class ChecklistItemPublic(ApiModel):
    finding: str
    text: str
    detail: str | None = None


class ChecklistSectionPublic(ApiModel):
    """One section of a tick list: a red-flag screen group or a diagnostic checklist."""

    id: str
    kind: Literal["screen_group", "checklist"]
    title: str
    items: list[ChecklistItemPublic]
    red_flags: list[str] = []


class QuestionPublic(ApiModel):
    """The next question: the body map (`kind` location), one finding (`kind` finding: answer
    yes / no / unknown), or a tick list (`kind` checklist: answer with `checklist`, `ticked` and
    `unsure`, see InterviewAnswer)."""

    kind: Literal["location", "finding", "checklist"]
    number: int
    purpose: str
    text: str
    reason: str
    hint: str | None = Field(default=None, description="How to answer a tick list.")
    finding: str | None = None
    sections: list[ChecklistSectionPublic] = []
    detail: str | None = None
    red_flags: list[str] = []
    zones: list[ZoneOption] = []


class AnsweredPublic(ApiModel):
    finding: str
    label: str
    answer: Answer


class LeadingPublic(ApiModel):
    condition: str
    name: str
    probability: float


class RedFlagNotice(ApiModel):
    id: str
    name: str
    urgency: TriageLevel
    patient: str
    clinician: str


class StopPublic(ApiModel):
    reason: str
    message: str
    questions_asked: int


class InterviewLinks(ApiModel):
    self: str
    html: str
    report: str | None = None


class InterviewPublic(ApiModel):
    """Where an interview stands: the next question (or why it stopped) and the live picture."""

    id: str
    revision: int
    created_at: datetime
    updated_at: datetime
    actor: str
    mode: str
    status: Literal["open", "finished"]
    question: QuestionPublic | None
    location: list[Zone] | None
    answered: list[AnsweredPublic]
    questions_asked: int
    differential: list[LeadingPublic]
    confidence: float
    target: float
    triage_level: TriageLevel
    red_flags: list[RedFlagNotice]
    texts: list[str]
    stop: StopPublic | None
    assessment_id: str | None
    links: InterviewLinks
