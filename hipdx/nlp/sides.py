"""Pain said of one side and later of the other is pain on both sides.

findings.yaml counts pain in both buttocks or both legs "simultaneously or at different times" as
bilateral, so "Pain in the right leg, and two weeks later in the left leg too" and "First the
left buttock hurt, then the right" are bilateral pain, as "buttocks pain" is. A side counts when
it is written with a part of the lower limb (context.yaml `sides.limbs`: "right leg", "left-sided
sciatica", "on the left side") or stands at the end of its clause ("then the right"), in a
sentence holding a pain word, and in a clause that either holds a pain word itself or says
nothing else (an ellipsis of the pain: "and two weeks later in the left leg too"). A clause that
says the side is well or denies something there does not count ("the left leg is fine", "no pain
on the right"), nor one that names something else ("right leg weakness": deficits have their own
rule in the pipeline).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from hipdx.nlp.lexicon import SidesSpec

CLAUSE_ENDS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "but", "whereas", "while"})
"""Tokens that end a clause."""
LIMB_REACH = 3
"""Tokens after a side word where its part of the limb may stand ("left (upper) leg")."""


def sides_in_pain(doc: Doc, spec: SidesSpec, pain_words: frozenset[str]) -> dict[str, Span]:
    """The sides ("left", "right") pain is said of anywhere in the text, each with the clause
    that says it (see module doc)."""
    sides = {w.lower(): "left" for w in spec.left} | {w.lower(): "right" for w in spec.right}
    limbs = {w.lower() for w in spec.limbs}
    spared = {w.lower() for w in spec.spared}
    ellipsis = {w.lower() for w in spec.ellipsis} | limbs | set(sides)
    found: dict[str, Span] = {}
    for sentence in doc.sents:
        if not any(t.lower_ in pain_words for t in sentence):
            continue
        for token in sentence:
            side = sides.get(token.lower_)
            if side is None or not _with_limb(token, limbs, ellipsis):
                continue
            clause = _clause(token)
            words = {t.lower_ for t in clause}
            if words & spared:
                continue
            if words & pain_words or all(
                t.lower_ in ellipsis or not t.is_alpha or t.like_num for t in clause
            ):
                found[side] = clause
    return found


def _with_limb(token: Token, limbs: set[str], passable: set[str]) -> bool:
    """Whether a side word names a part of the lower limb within a few words, or ends its clause
    ("then the right", "the right too")."""
    end = token.sent.end
    for other in token.doc[token.i + 1 : min(token.i + 1 + LIMB_REACH, end)]:
        word = other.lower_
        if word in limbs or word in CLAUSE_ENDS:
            return True
        if other.is_alpha and word not in passable:
            return False
    return token.i + 1 + LIMB_REACH >= end


def _clause(token: Token) -> Span:
    """The clause a token stands in: the words between the clause ends around it."""
    sentence = token.sent
    start = token.i
    while start > sentence.start and token.doc[start - 1].lower_ not in CLAUSE_ENDS:
        start -= 1
    end = token.i + 1
    while end < sentence.end and token.doc[end].lower_ not in CLAUSE_ENDS:
        end += 1
    return token.doc[start:end]
