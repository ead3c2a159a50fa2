"""Turn a mention and the ConText cues that modify it into a finding value, using THE table.

The table (`attributes` in context.yaml) is read top to bottom; the first row whose category
modifies the mention and whose effect is not `pass` decides: yes, no, or skip (say nothing); a
row may set a test name's effect apart from the finding's (`by_test`: "ankle jerk absent").
Before the rows, cues in `nearest_wins` (negation vs a positive test result) compete and only
the one closest to the mention stays ("SLR -ve, FABER +ve"). After the rows, `unmodified` gives
the value by mention mode: a plain phrase is yes, a test name without a result is skipped. A
mention the table skips only for its uncertainty cue is a possible finding (`possible_mention`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from hipdx.nlp.lexicon import ContextFile, MentionMode
from hipdx.types import Answer, FindingId, FindingKind


@dataclass(frozen=True)
class Cue:
    """A ConText cue that modifies a mention, and its distance in tokens from the mention."""

    category: str
    distance: int


@dataclass(frozen=True)
class Assertion:
    """The outcome for one mention: the finding (after any redirect) and its value."""

    finding: FindingId
    value: Answer


def _nearest_only(cues: Sequence[Cue], competing: Sequence[str]) -> list[Cue]:
    rivals = [cue for cue in cues if cue.category in competing]
    if len({cue.category for cue in rivals}) < 2:
        return list(cues)
    nearest = min(rivals, key=lambda cue: cue.distance)
    return [cue for cue in cues if cue.category not in competing or cue is nearest]


def assert_mention(
    finding: FindingId,
    mode: MentionMode,
    cues: Sequence[Cue],
    table: ContextFile,
    kinds: Mapping[FindingId, FindingKind],
) -> Assertion | None:
    """The value a mention gives its finding, or None when it says nothing usable.

    Args:
        finding: The finding the lexicon phrase names.
        mode: How the phrase counts (assert, result, historical, family).
        cues: The ConText cues modifying the mention.
        table: The ConText data (attribute table, nearest_wins, requires, unmodified).
        kinds: Finding kinds by id.
    """
    categories = {cue.category for cue in _nearest_only(cues, table.nearest_wins)}
    required = table.requires.get(mode)
    if required is not None and not categories.intersection(required):
        return None
    for row in table.attributes:
        if row.category not in categories:
            continue
        finding = row.redirect.get(finding, finding)
        kind = kinds[finding]
        effect = (
            (row.by_test.get(finding) if mode == "result" else None)
            or row.by_finding.get(finding)
            or row.by_mode.get(mode)
            or row.by_kind.get(kind)
            or row.effect
        )
        if effect == "pass":
            continue
        if effect == "skip":
            return None
        return Assertion(finding, Answer(effect))
    effect = table.unmodified.get(mode, "skip")
    if effect in ("skip", "pass"):
        return None
    return Assertion(finding, Answer(effect))


def possible_mention(
    finding: FindingId,
    mode: MentionMode,
    cues: Sequence[Cue],
    table: ContextFile,
    kinds: Mapping[FindingId, FindingKind],
) -> Assertion | None:
    """The finding a mention that `assert_mention` gave no value names as only possible: without
    the uncertainty cue (`uncertain` in context.yaml) it would read yes. A negated, hypothetical,
    relative's or (for a current symptom) historical mention is not possible but out of reach.

    Args:
        finding: The finding the lexicon phrase names.
        mode: How the phrase counts.
        cues: The ConText cues modifying the mention.
        table: The ConText data.
        kinds: Finding kinds by id.
    """
    uncertain = table.uncertain
    if uncertain is None or all(cue.category != uncertain for cue in cues):
        return None
    certain = [cue for cue in cues if cue.category != uncertain]
    outcome = assert_mention(finding, mode, certain, table, kinds)
    return outcome if outcome is not None and outcome.value == Answer.YES else None


def cue_distance(span: Span, cue: tuple[int, int]) -> int:
    """Tokens between a mention and a cue (0 when they touch or overlap)."""
    start, end = cue
    return start - span.end if start >= span.end else max(0, span.start - end)
