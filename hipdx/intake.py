"""Turn a presentation (structured answers and/or free text) into Evidence.

Where text and structured answers both speak, the answers win for the findings they name, and
an explicit age or sex wins over one read from the text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hipdx.engine.evidence import Evidence
from hipdx.errors import InputError
from hipdx.types import Answer, FindingId, Sex

if TYPE_CHECKING:
    from hipdx.nlp import TextFinding


@dataclass(frozen=True)
class Intake:
    """The evidence to assess and the findings read from text (with their spans)."""

    evidence: Evidence
    read_from_text: tuple[TextFinding, ...]


def build_evidence(
    answers: Mapping[FindingId, Answer] | None = None,
    age: int | None = None,
    sex: Sex | None = None,
    text: str | None = None,
) -> Intake:
    """Combine structured answers, age, sex and free text into one Evidence.

    Raises:
        InputError: bad age, or free text given but the NLP extra is not installed.
    """
    given = dict(answers or {})
    if not text or not text.strip():
        return Intake(Evidence(given, age, sex), ())
    try:
        from hipdx.nlp import read_text
    except ImportError as exc:  # the optional `nlp` extra is missing
        raise InputError("reading free text needs the nlp extra: pip install 'hipdx[nlp]'") from exc
    reading = read_text(text, given_age=age)
    from_text = {f.finding: f.value for f in reading.findings if f.finding not in given}
    evidence = Evidence(
        {**from_text, **given},
        age if age is not None else reading.age,
        sex if sex is not None else reading.sex,
        frozenset(f.finding for f in reading.possible),  # Evidence drops the answered ones
    )
    kept = tuple(f for f in reading.findings if f.finding not in given)
    return Intake(evidence, kept)
