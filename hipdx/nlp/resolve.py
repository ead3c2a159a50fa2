"""Merge several mentions of one finding into a single TextFinding.

Rule (documented in context.yaml `conflicts`):
1. Lexicon and number readings outrank embedding readings: the embedding matcher only fills
   findings the rules did not reach.
2. Among mentions of the same rank that agree, the first in the text gives the span.
3. When they disagree (yes here, no there): exam and investigation findings take yes (a test
   positive on one side or in one study is positive: "SLR -ve on L, +ve on R"), and so do the
   red flags made of several parts (`by_finding`: "no retention yet, but can't feel the flow"
   is new bladder dysfunction); every other finding is dropped, so the interview asks the
   question instead of guessing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from hipdx.nlp.lexicon import ConflictRule
from hipdx.nlp.results import TextFinding
from hipdx.types import Answer, FindingId, FindingKind

RANK = {"lexicon": 0, "number": 0, "embedding": 1}


def resolve(
    mentions: Iterable[TextFinding],
    kinds: Mapping[FindingId, FindingKind],
    conflicts: ConflictRule,
) -> tuple[TextFinding, ...]:
    """One TextFinding per finding id, in order of first mention.

    Args:
        mentions: Every usable mention (yes or no) read from the text.
        kinds: Finding kinds by id (for the conflict rule).
        conflicts: What to do when mentions disagree, by kind.
    """
    by_finding: dict[FindingId, list[TextFinding]] = {}
    for mention in sorted(mentions, key=lambda m: (m.span, m.finding)):
        by_finding.setdefault(mention.finding, []).append(mention)
    resolved: list[TextFinding] = []
    for finding, found in by_finding.items():
        best = min(RANK[m.method] for m in found)
        found = [m for m in found if RANK[m.method] == best]
        values = {m.value for m in found}
        if len(values) == 1:
            resolved.append(found[0])
            continue
        rule = conflicts.by_finding.get(
            finding, conflicts.by_kind.get(kinds[finding], conflicts.default)
        )
        if rule != "drop":
            resolved.append(next(m for m in found if m.value == Answer(rule)))
    return tuple(sorted(resolved, key=lambda m: (m.span, m.finding)))
