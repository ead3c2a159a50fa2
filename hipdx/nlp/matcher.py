"""Match lexicon phrases (medspaCy TargetRules) and keep the most specific mention.

`LexiconMatcher` is a spaCy component holding one spaCy Matcher per lexicon entry: spaCy's
Matcher re-scans its whole predicate list for every token pattern it adds, so one matcher for
six thousand patterns takes twenty seconds to build and small ones take one. Patterns are checked
against spaCy's schema by the test suite, not at every build.

`keep_specific` drops a mention whose words a longer mention matched with its own words
("numbness" inside "numbness in the saddle area") and repeats of the same finding that overlap,
but keeps partial overlaps of different findings ("felt a pop" and "pop while sprinting" both
stand) and mentions that reach into the `*` gap of a longer phrase ("buttock" inside "pain in
buttock when sitting", "worse w/ sitting" inside "worse w/ sitting & hill running").
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from hipdx.nlp.context import TARGET_GROUP
from hipdx.nlp.lexicon import LexiconFile, MentionMode
from hipdx.nlp.patterns import TokenPattern, compile_phrase, has_gap, is_gap


def _rules(
    findings: Sequence[str],
    by_mode: dict[MentionMode, list[str]],
    tokenize: Callable[[str], Doc],
    keeps_inner: bool = False,
) -> list[Any]:
    from medspacy.target_matcher import TargetRule

    rules = []
    for mode, phrases in by_mode.items():
        for phrase in phrases:
            for pattern in compile_phrase(phrase, tokenize, attr="NORM"):
                metadata = {
                    "mode": mode,
                    "findings": list(findings),
                    "gap": has_gap(pattern),
                    "keeps_inner": keeps_inner,
                }
                rules.append(
                    TargetRule(
                        literal=phrase, category=findings[0], pattern=pattern, metadata=metadata
                    )
                )
    return rules


def build_target_rules(
    lexicon: LexiconFile, tokenize: Callable[[str], Doc]
) -> list[tuple[list[Any], list[TokenPattern]]]:
    """medspaCy TargetRules for the lexicon, one group per entry or bundle, each with the
    patterns of its `exclude` phrases.

    Each rule's metadata carries the mention mode, the finding ids it names (several for a
    bundle; the first is the span label) and whether its pattern has a gap.
    """
    groups = [
        (
            _rules([e.finding], e.by_mode(), tokenize, e.keeps_inner),
            [p for phrase in e.exclude for p in compile_phrase(phrase, tokenize)],
        )
        for e in lexicon.entries
    ]
    groups += [(_rules(b.findings, b.by_mode(), tokenize), []) for b in lexicon.bundles]
    return [(rules, exclude) for rules, exclude in groups if rules]


def rule_metadata(span: Span) -> dict[str, Any]:
    """The metadata of the TargetRule that produced a mention."""
    rule = span._.target_rule
    metadata: dict[str, Any] = getattr(rule, "metadata", None) or {}
    return metadata


def _swallows(outer: Span, inner: Span) -> bool:
    if not (outer.start <= inner.start and inner.end <= outer.end):
        return False
    if rule_metadata(outer).get("keeps_inner", False):
        return False
    gaps = set(outer._.gap_tokens)
    return not any(i in gaps for i in range(inner.start, inner.end))


def keep_specific(spans: Iterable[Span]) -> list[Span]:
    """Drop mentions swallowed by a longer one and overlapping repeats of the same finding."""
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), s.start))
    kept: list[Span] = []
    for span in ordered:
        redundant = any(
            _swallows(other, span)
            or (other.label == span.label and span.start < other.end and other.start < span.end)
            for other in kept
        )
        if not redundant:
            kept.append(span)
    return sorted(kept, key=lambda s: (s.start, s.end))


def anchor_keys(pattern: TokenPattern) -> set[tuple[str, str]] | None:
    """The (attribute, value) pairs a match of `pattern` can start with, or None if unknown.

    A doc holding none of a group's anchor keys cannot match it, so its matcher is skipped.
    """
    keys: set[tuple[str, str]] = set()
    for token in pattern:
        attrs = [a for a in token if a in ("NORM", "LOWER", "ORTH")]
        if len(attrs) != 1:
            return None
        value = token[attrs[0]]
        values = value.get("IN") if isinstance(value, dict) else [value]
        if not isinstance(values, list):
            return None
        keys |= {(attrs[0], str(v)) for v in values}
        if token.get("OP") not in ("?", "*"):
            return keys
    return None


def doc_keys(doc: Doc) -> set[tuple[str, str]]:
    """Every (attribute, value) pair of the doc's tokens that anchors can name."""
    keys: set[tuple[str, str]] = set()
    for token in doc:
        keys.add(("NORM", token.norm_))
        keys.add(("LOWER", token.lower_))
        keys.add(("ORTH", token.text))
    return keys


class LexiconMatcher:
    """Pipeline component: find lexicon mentions and store them in `doc.spans[TARGET_GROUP]`."""

    def __init__(self, nlp: Language, name: str = "hipdx_lexicon") -> None:
        self.vocab = nlp.vocab
        self.name = name
        self._matchers: list[tuple[Matcher, Matcher | None, set[tuple[str, str]] | None]] = []
        self._rules: dict[str, Any] = {}
        if not Span.has_extension("target_rule"):
            Span.set_extension("target_rule", default=None)
        if not Span.has_extension("gap_tokens"):
            Span.set_extension("gap_tokens", default=())

    def add(self, group: Sequence[Any], exclude: Sequence[TokenPattern] = ()) -> None:
        """Add one group of TargetRules (they share a spaCy Matcher), with the patterns whose
        matches veto an overlapping mention of the group."""
        matcher = Matcher(self.vocab, validate=False)
        anchors: set[tuple[str, str]] | None = set()
        for rule in group:
            key = f"{rule.category}#{len(self._rules)}"
            self._rules[key] = rule
            matcher.add(key, [rule.pattern])
            first = anchor_keys(rule.pattern)
            anchors = None if first is None or anchors is None else anchors | first
        vetoes = None
        if exclude:
            vetoes = Matcher(self.vocab, validate=False)
            vetoes.add("exclude", list(exclude))
        self._matchers.append((matcher, vetoes, anchors))

    @property
    def rules(self) -> list[Any]:
        """The TargetRules of this component."""
        return list(self._rules.values())

    def spans(self, doc: Doc) -> list[Span]:
        """Every raw match, labelled with its finding and linked to its rule."""
        found: list[Span] = []
        keys = doc_keys(doc)
        for matcher, vetoes, anchors in self._matchers:
            if anchors is not None and not anchors & keys:
                continue  # no pattern of this group can start anywhere in the doc
            matches = cast(
                list[tuple[int, int, int, list[int]]], matcher(doc, with_alignments=True)
            )
            if not matches:
                continue
            vetoed = [(s, e) for _, s, e in vetoes(doc)] if vetoes is not None else []
            for match_id, start, end, alignment in matches:
                if any(s < end and start < e for s, e in vetoed):
                    continue
                rule = self._rules[self.vocab.strings[match_id]]
                span = Span(doc, start, end, label=rule.category)
                span._.target_rule = rule
                span._.gap_tokens = tuple(
                    start + offset
                    for offset, index in enumerate(alignment)
                    if is_gap(rule.pattern[index])
                )
                found.append(span)
        return found

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[TARGET_GROUP] = keep_specific(self.spans(doc))
        return doc


# No `from __future__ import annotations` in this module: spaCy resolves factory signatures at
# runtime and cannot read string annotations.
@Language.factory("hipdx_lexicon")
def make_lexicon_matcher(nlp: Language, name: str) -> LexiconMatcher:
    """spaCy factory for `LexiconMatcher` (rules are added after creation)."""
    return LexiconMatcher(nlp, name)
