"""The frozen values the text reader returns: findings read from text, with age and sex."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from hipdx.types import Answer, FindingId, Sex

Method = Literal["lexicon", "embedding", "number"]
"""How a finding was read: a lexicon phrase, sentence-embedding similarity, or a number/duration."""


@dataclass(frozen=True)
class TextFinding:
    """One finding read from text.

    Attributes:
        finding: The finding id.
        value: `Answer.YES` or `Answer.NO` (never UNKNOWN: unread findings are simply absent).
        span: Character offsets `(start, end)` of the words it was read from, end exclusive.
        text: Those words, `text[start:end]` of the input.
        method: "lexicon", "embedding" or "number".
    """

    finding: FindingId
    value: Answer
    span: tuple[int, int]
    text: str
    method: Method

    def __post_init__(self) -> None:
        if self.value not in (Answer.YES, Answer.NO):
            raise ValueError(f"{self.finding}: a text finding is yes or no, not {self.value}")
        start, end = self.span
        if not 0 <= start <= end:
            raise ValueError(f"{self.finding}: bad span {self.span}")


@dataclass(frozen=True)
class TextReading:
    """Everything read from one text: one `TextFinding` per finding id, in text order.

    `possible` holds the findings the text names only as uncertain ("?cauda equina", "a
    questionable history of prolonged immobilisation"), each with value YES meaning "possibly
    present"; they are not in `findings` or `answers()`, and no finding read yes or no is in it.
    """

    findings: tuple[TextFinding, ...]
    age: int | None = None
    sex: Sex | None = None
    possible: tuple[TextFinding, ...] = ()

    def get(self, finding: FindingId) -> TextFinding | None:
        """The reading of `finding`, or None if the text said nothing usable about it."""
        return next((f for f in self.findings if f.finding == finding), None)

    def answers(self) -> dict[FindingId, Answer]:
        """The findings as a plain `{finding id: Answer}` mapping (for an assessment)."""
        return {f.finding: f.value for f in self.findings}
