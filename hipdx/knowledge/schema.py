"""Pydantic schema of every knowledge-base file; unknown keys are rejected.

One model per file kind. Numbers that carry clinical weight (priors, likelihoods, thresholds)
always travel with `basis` and `sources`, so every output can show where they came from.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from hipdx.types import (
    ConditionId,
    EvidenceBasis,
    FindingId,
    FindingKind,
    Probability,
    SettingId,
    SourceId,
    TriageLevel,
    Zone,
)

Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, Field(min_length=1)]
Sources = Annotated[list[SourceId], Field(min_length=1)]


class Record(BaseModel):
    """Base for KB records: strict keys, immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- sources.yaml ------------------------------------------------------------------------------


class Source(Record):
    """A citation: a source article (file and section), a published paper, or expert judgement."""

    id: Slug
    kind: Annotated[str, Field(pattern=r"^(article|literature|guideline|expert)$")]
    citation: Text
    file: str | None = None
    section: str | None = None
    url: str | None = None


class SourcesFile(Record):
    sources: list[Source]


# --- care_settings.yaml and demographics.yaml -----------------------------------------------------


class CareSetting(Record):
    """A setting in which hipdx is used; priors are given per setting."""

    id: Slug
    name: Text
    description: Text


class AgeBand(Record):
    """A closed age interval in whole years."""

    id: Annotated[str, Field(pattern=r"^[0-9]+_[0-9]+$")]
    min: Annotated[int, Field(ge=0, le=120)]
    max: Annotated[int, Field(ge=0, le=120)]


class PriorExponent(Record):
    """How far the engine trusts the setting priors: each setting's priors are raised to this
    power and renormalised (a power prior). 1 takes them as they are; below 1 keeps their order
    and shrinks their ratios toward equal odds (1/2 turns 25:1 into 5:1)."""

    value: Annotated[float, Field(gt=0.0, le=1.0)]
    basis: EvidenceBasis
    sources: Sources
    note: str | None = None


class DemographicsFile(Record):
    """The care settings (and which is the default), how far their priors are trusted, and the
    age bands demographics use."""

    default_setting: Slug
    settings: list[CareSetting]
    prior_exponent: PriorExponent
    age_bands: list[AgeBand]


# --- findings.yaml -----------------------------------------------------------------------------


class Finding(Record):
    """A yes/no observation: symptom, history item, risk factor, examination test or result.

    `background` is P(finding | posterior hip pain from a cause the finding is not linked to):
    the likelihood every condition without an explicit evidence link gets.
    """

    id: Slug
    kind: FindingKind
    label: Text
    clinician: Text
    question: str | None = None
    zone: Zone | None = None
    screen: bool = False
    screen_group: Slug | None = None
    """The grouped screening question (screen_groups.yaml) that asks this finding. Every `screen`
    finding has one; an examination finding may have one too (a clinician-mode screen group)."""
    background: Probability
    basis: EvidenceBasis
    sources: Sources
    note: str | None = None
    implied_by_age_below: Annotated[int, Field(ge=1, le=121)] | None = None
    """The finding is certainly present in anyone younger than this (an onset before 40 in a
    30-year-old): then P(finding | condition, age) = 1 for every condition, so given a known age
    below the bound it carries no evidence; the age-band demographics already count the age."""
    implies: list[FindingId] = []
    """Findings this one entails by definition (a growing lump is a lump): the engine scores the
    entailed finding given this one, so one fact read twice is not counted twice."""
    excludes: list[FindingId] = []
    """Findings this one rules out by definition (symptoms over 3 months are not under 6 weeks),
    scored the same way."""

    @model_validator(mode="after")
    def _patient_question_present(self) -> Finding:
        if self.kind.patient_answerable and not self.question:
            raise ValueError(f"a {self.kind.value} finding needs a patient `question`")
        return self


class FindingsFile(Record):
    findings: list[Finding]


# --- screen_groups.yaml --------------------------------------------------------------------------

ScreenGroupId = str


class ScreenGroup(Record):
    """One grouped red-flag screening question naming every member finding in plain words.

    Members are the findings whose `screen_group` is this id. Answered no, every member is no;
    answered yes or don't know, the members are asked one by one.
    """

    id: Slug
    name: Text
    order: Annotated[int, Field(ge=1)]
    """Groups are asked in ascending order (most urgent first)."""
    patient: Text
    """The question in the patient's words."""
    clinician: Text
    """The question or examination checklist in clinical words."""
    sources: Sources
    note: str | None = None


class ScreenGroupsFile(Record):
    screen_groups: list[ScreenGroup]


# --- checklists.yaml -----------------------------------------------------------------------------

ChecklistId = str
MAX_CHECKLIST_ITEMS = 8
"""A diagnostic checklist lists at most this many findings (a short list is read whole; the
interview also enumerates its 2^n answers to weigh it)."""


class Checklist(Record):
    """A multi-select diagnostic question ("Which of these make the pain worse?"): the patient
    ticks every member that applies; a ticked member is yes, an unticked one no, and "not sure"
    leaves the unticked ones to be asked one by one. Members are patient-answerable findings with
    no zone and no screen group, each in one checklist at most."""

    id: Slug
    name: Text
    order: Annotated[int, Field(ge=1)]
    """Checklists are listed in ascending order (display only: the interview picks by gain)."""
    patient: Text
    """The lead question in the patient's words."""
    clinician: Text
    """The lead question in clinical words."""
    members: Annotated[list[FindingId], Field(min_length=2, max_length=MAX_CHECKLIST_ITEMS)]
    sources: Sources
    note: str | None = None


class ChecklistsFile(Record):
    checklists: list[Checklist]


# --- conditions/<id>.yaml ------------------------------------------------------------------------


class Code(Record):
    """A code in a terminology (ICD-10 or SNOMED CT) with its display text."""

    code: Text
    display: Text


class Prior(Record):
    """Pre-test probability of a condition among posterior hip pain patients in one setting."""

    value: Probability
    basis: EvidenceBasis
    sources: Sources
    note: str | None = None


class Demographics(Record):
    """How age and sex vary with a condition, relative weights over the KB's age bands."""

    age: dict[str, Annotated[float, Field(gt=0.0)]]
    female: Probability
    basis: EvidenceBasis
    sources: Sources
    note: str | None = None


class PublishedAccuracy(Record):
    """Published accuracy figures a likelihood was taken from, kept for display and checks."""

    sensitivity: float | None = Field(default=None, ge=0.0, le=1.0)
    specificity: float | None = Field(default=None, ge=0.0, le=1.0)
    lr_positive: float | None = Field(default=None, gt=0.0)
    lr_negative: float | None = Field(default=None, ge=0.0)


class EvidenceLink(Record):
    """P(finding present | condition), with where the number comes from."""

    finding: FindingId
    p: Probability
    basis: EvidenceBasis
    sources: Sources
    published: PublishedAccuracy | None = None
    note: str | None = None


class Condition(Record):
    """A diagnosis hipdx ranks, with codes, priors, demographics and evidence links."""

    id: Slug
    name: Text
    catalog: bool = True
    description_clinician: Text
    description_patient: Text
    icd10: Annotated[list[Code], Field(min_length=1)]
    snomed: Annotated[list[Code], Field(min_length=1)]
    triage_when_suspected: TriageLevel
    suspected_above: Probability | None = None
    serious: bool = False
    priors: dict[SettingId, Prior]
    demographics: Demographics
    evidence: Annotated[list[EvidenceLink], Field(min_length=1)]
    sources: Sources

    @cached_property
    def links(self) -> dict[FindingId, EvidenceLink]:
        """The evidence links by finding id."""
        return {link.finding: link for link in self.evidence}

    @model_validator(mode="after")
    def _unique_links(self) -> Condition:
        seen: set[str] = set()
        for link in self.evidence:
            if link.finding in seen:
                raise ValueError(f"finding {link.finding!r} is linked twice")
            seen.add(link.finding)
        return self


# --- plans/<id>.yaml ----------------------------------------------------------------------------

WORKUP_KINDS = r"^(exam|imaging|injection|lab|referral)$"
STEP_KINDS = (
    r"^(education|self_care|activity_modification|analgesia|physiotherapy|injection"
    r"|procedure|surgery|referral)$"
)


class WorkupItem(Record):
    """An examination test, imaging study, diagnostic injection, lab test or referral."""

    id: Slug
    kind: Annotated[str, Field(pattern=WORKUP_KINDS)]
    priority: Annotated[int, Field(ge=1, le=3)]
    clinician: Text
    patient: Text
    when: str | None = None
    sources: Sources


class ManagementStep(Record):
    """One step of stepped care; `stage` orders steps from first-line (1) to surgery (6)."""

    id: Slug
    stage: Annotated[int, Field(ge=0, le=6)]
    kind: Annotated[str, Field(pattern=STEP_KINDS)]
    clinician: Text
    patient: Text
    escalate_when: str | None = None
    sources: Sources


class Plan(Record):
    """Workup and stepped management for one condition."""

    condition: ConditionId
    workup: Annotated[list[WorkupItem], Field(min_length=1)]
    management: Annotated[list[ManagementStep], Field(min_length=1)]


# --- red_flags.yaml -----------------------------------------------------------------------------


class RedFlagRule(Record):
    """Fires when every `all_of` finding is yes, at least one `any_of` (if given) is yes, no
    `none_of` finding is yes (a benign explanation already established), and the age limits
    (if given) hold."""

    all_of: list[FindingId] = []
    any_of: list[FindingId] = []
    none_of: list[FindingId] = []
    age_at_least: Annotated[int, Field(ge=0, le=120)] | None = None
    age_below: Annotated[int, Field(ge=0, le=121)] | None = None

    @model_validator(mode="after")
    def _has_findings(self) -> RedFlagRule:
        if not self.all_of and not self.any_of:
            raise ValueError("a red-flag rule needs `all_of` or `any_of` findings")
        return self


class RedFlag(Record):
    """A warning sign that sets a minimum triage level, with the reason shown to the user."""

    id: Slug
    name: Text
    urgency: TriageLevel
    when: RedFlagRule
    reason_clinician: Text
    reason_patient: Text
    suggests: list[ConditionId] = []
    sources: Sources

    @model_validator(mode="after")
    def _raises_triage(self) -> RedFlag:
        if self.urgency.rank < TriageLevel.URGENT.rank:
            raise ValueError("a red flag must set urgency `urgent` or `emergency`")
        return self


class RedFlagsFile(Record):
    red_flags: list[RedFlag]


# --- triage.yaml ------------------------------------------------------------------------------


class TriagePolicy(Record):
    """When no red flag fires and nothing serious is suspected: self-care if the conditions whose
    `triage_when_suspected` is self_care together reach `self_care_min_probability` and no finding
    in `self_care_not_when` is present (those call for a clinician: routine), unless
    `self_care_explained_by` names a finding, also present, that explains it."""

    self_care_min_probability: Probability
    self_care_not_when: list[FindingId] = []
    self_care_explained_by: dict[FindingId, list[FindingId]] = {}
    """Blocker -> findings that explain it (a bruise where a direct blow landed is the contusion
    itself): with one of them present the blocker does not block."""
    basis: EvidenceBasis
    sources: Sources
    note: str | None = None


# --- the assembled knowledge base -------------------------------------------------------------


class KnowledgeBase(Record):
    """Everything loaded from the data files, validated and cross-checked."""

    version: str
    sources: dict[SourceId, Source]
    demographics: DemographicsFile
    findings: dict[FindingId, Finding]
    conditions: dict[ConditionId, Condition]
    plans: dict[ConditionId, Plan]
    red_flags: dict[str, RedFlag]
    triage_policy: TriagePolicy
    screen_groups: dict[ScreenGroupId, ScreenGroup] = {}
    checklists: dict[ChecklistId, Checklist] = {}
