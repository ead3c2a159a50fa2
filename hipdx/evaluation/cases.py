"""The case-file format of shared/benchmark/FORMAT.md: reading cases, writing predictions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from hipdx.errors import CaseFileError
from hipdx.types import Answer, ConditionId, FindingId, RedFlagId, Sex, TriageLevel


class Case(BaseModel):
    """One case: free text and/or structured answers, with optional labels for evaluation."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: Annotated[str, Field(min_length=1)]
    text: str | None = None
    age: Annotated[int, Field(ge=0, le=120)] | None = None
    sex: Sex | None = None
    answers: dict[FindingId, Answer] = {}
    diagnosis: ConditionId | None = None
    also_acceptable: list[ConditionId] = []
    triage: TriageLevel | None = None
    red_flag: bool | None = None
    source: str | None = None
    notes: str | None = None

    @model_validator(mode="after")
    def _has_presentation(self) -> Case:
        if not self.text and not self.answers:
            raise ValueError("a case needs `text` or `answers`")
        return self


class RankedProbability(BaseModel):
    condition: ConditionId
    probability: float


class ReadFinding(BaseModel):
    finding: FindingId
    value: Answer
    span: tuple[int, int] | None = None


class Prediction(BaseModel):
    """One output line: the ranking, triage, red flags and the findings read from text."""

    id: str
    ranking: list[RankedProbability]
    triage: TriageLevel
    red_flags: list[RedFlagId]
    findings: list[ReadFinding]


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "case"
        parts.append(f"field {where!r}: {item['msg']}")
    return "; ".join(parts)


def parse_case(raw: object, where: str) -> Case:
    """Validate one decoded JSON object as a Case.

    Raises:
        CaseFileError: the object is not a valid case; the message names `where` and the field.
    """
    try:
        return Case.model_validate(raw)
    except ValidationError as exc:
        raise CaseFileError(f"{where}: {_describe(exc)}") from exc


def read_case(path: Path) -> Case:
    """Read a single case from a JSON file.

    Raises:
        CaseFileError: the file is missing, not JSON, or not a valid case.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CaseFileError(f"{path}: cannot read: {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise CaseFileError(
            f"{path}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from exc
    except UnicodeDecodeError as exc:
        raise CaseFileError(f"{path}: not UTF-8 text") from exc
    return parse_case(raw, str(path))


def iter_cases(path: Path) -> Iterator[Case]:
    """Read cases from a JSON Lines file, one per non-blank line.

    Raises:
        CaseFileError: naming the file and line of the first bad case, or a repeated id.
    """
    seen: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CaseFileError(f"{path}: cannot read: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise CaseFileError(f"{path}: not UTF-8 text") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path} line {number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CaseFileError(f"{where}: not valid JSON: {exc.msg}") from exc
        case = parse_case(raw, where)
        if case.id in seen:
            raise CaseFileError(f"{where}: id {case.id!r} appears twice")
        seen.add(case.id)
        yield case
