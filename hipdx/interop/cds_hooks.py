"""CDS Hooks 2.0 wire models: discovery, request, cards, feedback (pydantic, extra keys kept).

https://cds-hooks.hl7.org/2.0/ ; names follow the specification's JSON fields.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Indicator = Literal["info", "warning", "critical"]


class WireModel(BaseModel):
    """Unknown fields from newer clients are accepted (the spec allows extensions)."""

    model_config = ConfigDict(extra="allow")


class CDSService(WireModel):
    hook: str
    title: str | None = None
    description: str
    id: str
    prefetch: dict[str, str] | None = None
    usageRequirements: str | None = None


class Discovery(WireModel):
    services: list[CDSService]


class FhirAuthorization(WireModel):
    access_token: str
    token_type: str = "Bearer"
    expires_in: int | None = None
    scope: str | None = None
    subject: str | None = None
    patient: str | None = None


class CDSRequest(WireModel):
    hook: str
    hookInstance: str
    fhirServer: str | None = None
    fhirAuthorization: FhirAuthorization | None = None
    context: dict[str, Any]
    prefetch: dict[str, Any] | None = None


class Source(WireModel):
    label: str
    url: str | None = None
    icon: str | None = None
    topic: dict[str, Any] | None = None


class Action(WireModel):
    type: Literal["create", "update", "delete"]
    description: str
    resource: dict[str, Any] | None = None
    resourceId: str | None = None


class Suggestion(WireModel):
    label: str
    uuid: str | None = None
    isRecommended: bool | None = None
    actions: list[Action] | None = None


class Link(WireModel):
    label: str
    url: str
    type: Literal["absolute", "smart"]
    appContext: str | None = None


class OverrideReason(WireModel):
    code: str
    system: str | None = None
    display: str | None = None


class Card(WireModel):
    uuid: str | None = None
    summary: str = Field(max_length=140)
    detail: str | None = None
    indicator: Indicator
    source: Source
    suggestions: list[Suggestion] | None = None
    selectionBehavior: Literal["at-most-one", "any"] | None = None
    overrideReasons: list[OverrideReason] | None = None
    links: list[Link] | None = None


class CDSResponse(WireModel):
    cards: list[Card]
    systemActions: list[Action] | None = None


class AcceptedSuggestion(WireModel):
    id: str


class OverrideReasonFeedback(WireModel):
    reason: OverrideReason | None = None
    userComment: str | None = None


class FeedbackItem(WireModel):
    card: str
    outcome: Literal["accepted", "overridden"]
    acceptedSuggestions: list[AcceptedSuggestion] | None = None
    overrideReason: OverrideReasonFeedback | None = None
    outcomeTimestamp: str


class Feedback(WireModel):
    feedback: list[FeedbackItem]
