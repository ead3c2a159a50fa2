"""Merge several mentions of one finding into a single TextFinding.

Rule (documented in context.yaml `conflicts`):
1. Lexicon and number readings outrank embedding readings: the embedding matcher only fills
   findings the rules did not reach.
2. Among mentions of the same rank that agree, the first in the text gives the span.
3. When they disagree (yes here, no there), a finding that raises a red flag on its own
   (`safety`), or one of the red flags made of several parts (`by_finding`: "no retention yet,
   but can't feel the flow" is new bladder dysfunction), takes yes wherever the yes stands: a
   fever or bladder symptom reported earlier in this illness still counts ("high fever ... on
   arrival her temperature is 37.2 C"), and under-calling a red flag is the worst error.
4. Otherwise, when the later mentions stand in sentences about the present ("Today he reports
   ...") and the others in sentences about an earlier time ("Seen in A&E a few days ago: ..."),
   the present ones win. So does a yes in sentences told as later than the text before them ("He
   denied back pain ... On his third visit he reported low back pain": a case report tells its
   story in time order, and a symptom that came later belongs to the illness; one that went
   later, "at follow-up the pain had resolved", is the treatment's effect and does not win).
5. Still disagreeing: exam and investigation findings take yes (a test positive on one side or in
   one study is positive: "SLR -ve on L, +ve on R"); every other finding is dropped, so the
   interview asks the question instead of guessing.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from spacy.tokens import Doc

from hipdx.nlp.lexicon import ConflictRule
from hipdx.nlp.results import TextFinding
from hipdx.types import Answer, FindingId, FindingKind

RANK = {"lexicon": 0, "number": 0, "embedding": 1}


def resolve(
    mentions: Iterable[TextFinding],
    kinds: Mapping[FindingId, FindingKind],
    conflicts: ConflictRule,
    *,
    present: Sequence[tuple[int, int]] = (),
    earlier: Sequence[tuple[int, int]] = (),
    later: Sequence[tuple[int, int]] = (),
    safety: Collection[FindingId] = frozenset(),
) -> tuple[TextFinding, ...]:
    """One TextFinding per finding id, in order of first mention.

    Args:
        mentions: Every usable mention (yes or no) read from the text.
        kinds: Finding kinds by id (for the conflict rule).
        conflicts: What to do when mentions disagree, by kind.
        present: Character ranges of the sentences about the present ("Today ...").
        earlier: Character ranges of the sentences about an earlier time ("... days ago").
        later: Character ranges of the sentences told as later than what comes before them.
        safety: Findings that raise a red flag on their own: yes wins a conflict.
    """
    by_finding: dict[FindingId, list[TextFinding]] = {}
    for mention in sorted(mentions, key=lambda m: (m.span, m.finding)):
        by_finding.setdefault(mention.finding, []).append(mention)
    resolved: list[TextFinding] = []
    for finding, found in by_finding.items():
        best = min(RANK[m.method] for m in found)
        found = [m for m in found if RANK[m.method] == best]
        rule = conflicts.by_finding.get(finding, "yes" if finding in safety else None)
        if rule is None and len({m.value for m in found}) > 1:
            found = _latest(found, present, earlier, later)
        if len({m.value for m in found}) == 1:
            resolved.append(found[0])
            continue
        rule = rule or conflicts.by_kind.get(kinds[finding], conflicts.default)
        if rule != "drop":
            resolved.append(next(m for m in found if m.value == Answer(rule)))
    return tuple(sorted(resolved, key=lambda m: (m.span, m.finding)))


def _latest(
    found: list[TextFinding],
    present: Sequence[tuple[int, int]],
    earlier: Sequence[tuple[int, int]],
    later: Sequence[tuple[int, int]],
) -> list[TextFinding]:
    """The mentions in sentences about the present, when every other mention stands before
    them in a sentence about an earlier time; else the yes mentions in sentences told as later,
    when every other mention stands before them; otherwise all of them."""

    def within(mention: TextFinding, ranges: Sequence[tuple[int, int]]) -> bool:
        return any(s <= mention.span[0] and mention.span[1] <= e for s, e in ranges)

    def first_after(now: list[TextFinding], before: list[TextFinding]) -> bool:
        return bool(now and before) and max(m.span[0] for m in before) < min(m.span[0] for m in now)

    now = [m for m in found if within(m, present) and not within(m, earlier)]
    before = [m for m in found if m not in now]
    if first_after(now, before) and all(within(m, earlier) for m in before):
        return now
    last = [m for m in found if within(m, later)]
    came = all(m.value == Answer.YES for m in last)
    if came and first_after(last, [m for m in found if m not in last]):
        return last
    return found


def sentences_with(doc: Doc, markers: list[str]) -> list[tuple[int, int]]:
    """Character ranges of the sentences that hold one of `markers` ("today", "days ago")."""
    phrases = [tuple(m.lower().split()) for m in markers]
    ranges = []
    for sentence in doc.sents:
        words = [t.lower_ for t in sentence]
        if any(tuple(words[i : i + len(p)]) == p for p in phrases for i in range(len(words))):
            ranges.append((sentence.start_char, sentence.end_char))
    return ranges
