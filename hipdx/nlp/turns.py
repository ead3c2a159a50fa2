"""Dialogue turns: what an interviewer asks is no finding.

In a transcript ("Doctor: Is it a dull ache, a sharp or shooting pain, or something else?
Patient: It's more of a dull ache"), the clinician's questions name findings the patient has not
confirmed; the answer is read in the patient's turn. A turn opens with a speaker's label and a
colon ("Doctor:", "Patient:"); in a turn whose label is an asker's (context.yaml `turns`), each
sentence that ends with a question mark is set aside, so that nothing read in it counts.

Outside a transcript, a yes-no question put to the patient ("Does it hurt when you sit?", "Any
numbness?") asserts nothing either. A question the next sentence affirms is read as said ("Any
numbness? Yes, in my left foot"), and one it answers "No." is denied ("Numbness? No.";
"Doctor: Any numbness? Patient: No."). A question about the
writer's own body keeps what it says ("Did my hips always hurt? Yes.", "Is it normal that my
buttock hurts when I sit?"), and so does a wh-question ("Why does my buttock hurt when I sit?").
"""

from __future__ import annotations

import re

from hipdx.nlp.lexicon import TurnsSpec
from hipdx.nlp.wordlists import alternation

_SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+|$)")
_LABEL = re.compile(r"^\s*\w+\s*:")
"""A speaker's label opening an answer ("Patient: No.")."""


def asked_ranges(text: str, spec: TurnsSpec | None) -> list[tuple[int, int]]:
    """Character ranges of the questions asked in an asker's turns (none without labels).

    Args:
        text: The note or transcript.
        spec: The speaker labels (context.yaml `turns`); None reads no turns.
    """
    if spec is None or not spec.askers:
        return []
    answered = denied_ranges(text, spec) + _affirmed(text, spec)
    turns = _asker_questions(text, spec)
    asked = turns + [
        (s, e) for s, e in _unanswered(text, spec) if not any(a < e and s < b for a, b in turns)
    ]
    return [(s, e) for s, e in asked if not any(a < e and s < b for a, b in answered)]


def _affirmed(text: str, spec: TurnsSpec) -> list[tuple[int, int]]:
    """Questions the next sentence affirms ("Any numbness? Yes, in my left foot.")."""
    if not spec.affirmations:
        return []
    affirmed = re.compile(rf"\s*(?:{alternation(spec.affirmations)})\b", re.IGNORECASE)
    return [(q.start(), q.end()) for q, after in _questions(text) if affirmed.match(after)]


def denied_ranges(text: str, spec: TurnsSpec | None) -> list[tuple[int, int]]:
    """Character ranges of questions the next sentence answers with a denial ("Numbness? No.")."""
    if spec is None or not spec.denials:
        return []
    denial = re.compile(rf"\s*(?:{alternation(spec.denials)})\s*[.!,;]", re.IGNORECASE)
    return [(q.start(), q.end()) for q, after in _questions(text) if denial.match(after)]


def _unanswered(text: str, spec: TurnsSpec) -> list[tuple[int, int]]:
    """Yes-no questions put to the patient that the next sentence does not affirm (module doc)."""
    if not spec.polar:
        return []
    polar = re.compile(rf"\s*(?:{alternation(spec.polar)})\b", re.IGNORECASE)
    addressed = re.compile(r"\b(?:you|your|yours|any)\b", re.IGNORECASE)
    return [
        (q.start(), q.end())
        for q, _ in _questions(text)
        if polar.match(_LABEL.sub("", q.group())) and addressed.search(q.group())
    ]


def _questions(text: str) -> list[tuple[re.Match[str], str]]:
    """Each sentence ending with a question mark, with the sentence after it."""
    sentences = [m for m in _SENTENCE.finditer(text) if m.group().strip()]
    return [
        (m, _LABEL.sub("", sentences[i + 1].group()) if i + 1 < len(sentences) else "")
        for i, m in enumerate(sentences)
        if m.group().rstrip().endswith("?")
    ]


def _asker_questions(text: str, spec: TurnsSpec) -> list[tuple[int, int]]:
    """The questions in an asker's turns (module doc)."""
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
