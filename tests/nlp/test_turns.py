"""Questions an interviewer asks in a transcript are set aside (turns.py)."""

from __future__ import annotations

import pytest

from hipdx.nlp.lexicon import load_context
from hipdx.nlp.turns import asked_ranges

TURNS = load_context().turns


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Doctor: Is it a dull ache or a shooting pain? Patient: A dull ache. Is that bad?",
            ["Is it a dull ache or a shooting pain?"],
        ),
        # a question the answer affirms or denies is read with that answer (session 12)
        ("Q: Any numbness? A: No. Q: Bladder OK? A: Yes.", []),
        ("Dr: I see. Does it wake you at night? Patient: Yes.", []),
        (
            "Dr: Does it wake you at night? Patient: Sometimes, when I roll over.",
            ["Does it wake you at night?"],
        ),
        # a yes-no question put to the patient outside a transcript, unanswered
        ("Does it hurt when you sit?", ["Does it hurt when you sit?"]),
        # controls: a patient's own question, and text without speakers
        ("Patient: Why does my buttock hurt when I sit?", []),
        ("Is it a sharp pain? Yes, sharp and shooting.", []),
        ("Is it normal that my buttock hurts when I sit?", []),
    ],
)
def test_asked_ranges(text: str, asked: list[str]) -> None:
    assert [text[s:e].strip() for s, e in asked_ranges(text, TURNS)] == asked
