"""What the store takes and gives back: frozen pydantic models, independent of any table layout.

The store is agnostic about what an assessment result contains: it keeps the result JSON exactly
as given, so a record re-opens with the same content whatever changes later.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler
from pydantic_core import core_schema, from_json

JsonObject = dict[str, Any]


class JsonText(str):
    """A JSON object serialised already (say, by pydantic from a model). JSON columns write the
    text as it is: turning a ~60 kB result into Python objects only for the database to
    serialise them again cost a millisecond a request, a quarter of the API's CPU."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.is_instance_schema(cls)


class StoreModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class NewAssessment(StoreModel):
    """A computed assessment to keep: the input as given, the result JSON and how to list it."""

    origin: str = Field(description="Where it came from: `api`, `clinician` or `interview`.")
    input: JsonObject = Field(description="Answers, age, sex, text and setting as given.")
    kb_version: str
    result: JsonObject | JsonText = Field(
        description="The full result, rendered on re-open as it is."
    )
    headline: str = Field(description="Leading condition, shown in lists.")
    triage_level: str
    search_text: str = Field(description="Text the list search looks in (besides id and actor).")


class AssessmentSummary(StoreModel):
    """One line of the list of past assessments."""

    id: str
    created_at: datetime
    actor: str
    origin: str
    kb_version: str
    headline: str
    triage_level: str

    @classmethod
    def of_new(
        cls, new: NewAssessment, *, assessment_id: str, created_at: datetime, actor: str
    ) -> AssessmentSummary:
        """The list line of `new`, once the store has given it an id, a time and an actor."""
        return AssessmentSummary(
            id=assessment_id,
            created_at=created_at,
            actor=actor,
            origin=new.origin,
            kb_version=new.kb_version,
            headline=new.headline,
            triage_level=new.triage_level,
        )


class StoredAssessment(AssessmentSummary):
    """A kept assessment in full."""

    input: JsonObject
    result: JsonObject

    @classmethod
    def from_new(
        cls, new: NewAssessment, *, assessment_id: str, created_at: datetime, actor: str
    ) -> StoredAssessment:
        """The kept form of `new`, once the store has given it an id, a time and an actor."""
        line = AssessmentSummary.of_new(
            new, assessment_id=assessment_id, created_at=created_at, actor=actor
        )
        return cls(
            **dict(line),
            input=new.input,
            result=new.result if isinstance(new.result, dict) else from_json(new.result),
        )


class AssessmentPage(StoreModel):
    """A page of the list and the number of matches in all."""

    items: list[AssessmentSummary]
    total: int


class StoredInterview(StoreModel):
    """A kept interview session; `revision` goes up by one on each update."""

    id: str
    created_at: datetime
    updated_at: datetime
    actor: str
    state: JsonObject
    revision: int
    assessment_id: str | None


class AuditEntry(StoreModel):
    """One line of the append-only audit log."""

    id: int
    at: datetime
    actor: str
    action: str
    target_type: str
    target_id: str
    detail: JsonObject
