"""Dialogue turns: what an interviewer asks is no finding.

In a transcript ("Doctor: Is it a dull ache, a sharp or shooting pain, or something else?
Patient: It's more of a dull ache"), the clinician's questions name findings the patient has not
confirmed; the answer is read in the patient's turn. A turn opens with a speaker's label and a
colon ("Doctor:", "Patient:"); in a turn whose label is an asker's (context.yaml `turns`), each
sentence that ends with a question mark is set aside, so that nothing read in it counts.
"""

from __future__ import annotations

import re

from hipdx.nlp.lexicon import TurnsSpec
from hipdx.nlp.wordlists import alternation

_SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+|$)")


def asked_ranges(text: str, spec: TurnsSpec | None) -> list[tuple[int, int]]:
    """Character ranges of the questions asked in an asker's turns (none without labels).

    Args:
        text: The note or transcript.
        spec: The speaker labels (context.yaml `turns`); None reads no turns.
    """
    if spec is None or not spec.askers:
        return []
    labels = alternation([*spec.askers, *spec.answerers])
    opener = re.compile(rf"(?:^|(?<=[\s.!?]))(?P<who>{labels})\s*:", re.IGNORECASE)
    askers = {w.lower() for w in spec.askers}
    turns = list(opener.finditer(text))
    asked: list[tuple[int, int]] = []
    for i, turn in enumerate(turns):
        if turn.group("who").lower() not in askers:
            continue
        end = turns[i + 1].start() if i + 1 < len(turns) else len(text)
        for m in _SENTENCE.finditer(text, turn.end(), end):
            if m.group().rstrip().endswith("?"):
                asked.append((m.start(), m.end()))
    return asked


def within(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    """Whether a character span lies inside one of the ranges."""
    return any(start <= span[0] and span[1] <= end for start, end in ranges)
