"""Shared aliases and enumerations used across hipdx."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

ConditionId = str
FindingId = str
SourceId = str
SettingId = str
RedFlagId = str

Probability = Annotated[float, Field(gt=0.0, lt=1.0)]
"""A probability strictly inside (0, 1): likelihoods and priors may never be 0 or 1."""


class Answer(StrEnum):
    """An answer to a yes/no finding question."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class Sex(StrEnum):
    """Sex as recorded for prior adjustment."""

    FEMALE = "female"
    MALE = "male"


class TriageLevel(StrEnum):
    """How soon the patient should be seen, from least to most urgent."""

    SELF_CARE = "self_care"
    ROUTINE = "routine"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        """Position in the urgency order: self_care 0 ... emergency 3."""
        return list(TriageLevel).index(self)


class FindingKind(StrEnum):
    """What sort of observation a finding is; decides who can answer it."""

    SYMPTOM = "symptom"
    HISTORY = "history"
    RISK_FACTOR = "risk_factor"
    EXAM = "exam"
    INVESTIGATION = "investigation"

    @property
    def patient_answerable(self) -> bool:
        """Whether a patient can answer this kind of question without a clinician."""
        return self in (FindingKind.SYMPTOM, FindingKind.HISTORY, FindingKind.RISK_FACTOR)


class Zone(StrEnum):
    """Body-map zones of the back of the pelvis and thigh."""

    LOW_BACK = "low_back"
    SI_REGION = "si_region"
    DEEP_BUTTOCK = "deep_buttock"
    SIT_BONE = "sit_bone"
    PERINEUM = "perineum"
    LATERAL_HIP = "lateral_hip"
    POSTERIOR_THIGH = "posterior_thigh"
    BELOW_KNEE = "below_knee"


class EvidenceBasis(StrEnum):
    """Where a number comes from."""

    LITERATURE = "literature"
    """A published figure (see the cited reference)."""
    SOURCE_ARTICLE = "source_article"
    """A feature the source articles name; the number itself is expert judgement."""
    EXPERT = "expert"
    """Expert estimate, no published figure."""
