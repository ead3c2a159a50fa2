"""Load tests/nlp/sentences*.yaml into typed cases (shared by the tests and measure.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from hipdx.types import Answer, FindingId, Sex

SENTENCES = Path(__file__).resolve().parent / "sentences.yaml"
DIAGNOSTIC = Path(__file__).resolve().parent / "sentences_diagnostic.yaml"
"""Cases for the diagnostic (non-red-flag) findings: sites, patterns, onset, sport, exam, imaging"""
HELDOUT = Path(__file__).resolve().parent / "heldout.yaml"
PUBLISHED = Path(__file__).resolve().parent / "published_sentences.yaml"
"""Sentences from published case reports, split by article into a `dev` and a `check` half"""


@dataclass(frozen=True)
class Case:
    """One sentence and what the reader must make of it."""

    text: str
    expect: dict[FindingId, Answer]
    absent: frozenset[FindingId] = frozenset()
    age: int | None = None
    sex: Sex | None = None
    spans: dict[FindingId, str] = field(default_factory=dict)
    today: date | None = None
    needs_embeddings: bool = False
    tags: tuple[str, ...] = ()
    half: str | None = None
    """published_sentences.yaml only: "dev" (for tuning) or "check" (measured, never tuned on)"""

    @property
    def id(self) -> str:
        """A readable pytest id."""
        return self.text[:60]


def _answer(value: Any) -> Answer:
    # YAML 1.1 reads yes/no as booleans.
    if value is True or value == "yes":
        return Answer.YES
    if value is False or value == "no":
        return Answer.NO
    raise ValueError(f"expected yes or no, got {value!r}")


def load_cases(path: Path = SENTENCES) -> list[Case]:
    """Every case of the sentence file."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    return [
        Case(
            text=item["text"],
            expect={f: _answer(v) for f, v in (item.get("expect") or {}).items()},
            absent=frozenset(item.get("absent") or ()),
            age=item.get("age"),
            sex=Sex(item["sex"]) if item.get("sex") else None,
            spans={f: str(words) for f, words in (item.get("spans") or {}).items()},
            today=item.get("today"),
            needs_embeddings=item.get("needs") == "embeddings",
            tags=tuple(item.get("tags") or ()),
            half=item.get("half"),
        )
        for item in raw
    ]
