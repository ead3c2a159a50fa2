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

A short parenthetical gloss inside a phrase does not hide it: the phrases are matched again on
the text without glosses of one to three words ("saddle (perineal) anaesthesia", "lateral
(greater trochanter) hip pain"), and a mention found only that way spans the gloss.

An abbreviation's expansion in brackets after it (or after its test noun) is part of its name,
however long: "FAIR (flexion, adduction, internal rotation) test" is read as "FAIR test", and no
mention inside the brackets counts ("internal rotation" there is no hip finding).

An abbreviation in brackets that spells the initials of the words before it restates them and is
no mention of its own: in "Crossed straight-leg raise (SLR) test was negative" the SLR is the
crossed test, read (or not) by its written-out words; a mention of those words takes in the
brackets ("Straight leg raise (SLR) was positive": the result is beside it).

A group's mentions are vetoed where one of its `exclude` phrases matches ("fever" in "hay
fever") and in a sentence that names other sites and none of its own ("tingling ... extending to
the anus" is no leg numbness). The vetoed ranges go to `doc._.vetoed`, so that the embedding
matcher does not read the finding there either. Words that two entries both match make one
mention naming both findings, each with its own mode ("sarcoma": a cancer history and a tumour).
"""

import copy
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from hipdx.nlp.context import TARGET_GROUP
from hipdx.nlp.coordination import SharedHeads
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


@dataclass(frozen=True)
class Vetoes:
    """What drops a mention of one lexicon group: `exclude` patterns overlapping it, or a
    sentence naming one of `other_sites` and none of `sites`."""

    exclude: list[TokenPattern] = field(default_factory=list)
    other_sites: list[TokenPattern] = field(default_factory=list)
    sites: list[TokenPattern] = field(default_factory=list)


def _patterns(phrases: Iterable[str], tokenize: Callable[[str], Doc]) -> list[TokenPattern]:
    return [p for phrase in phrases for p in compile_phrase(phrase, tokenize)]


def build_target_rules(
    lexicon: LexiconFile, tokenize: Callable[[str], Doc]
) -> list[tuple[list[Any], Vetoes]]:
    """medspaCy TargetRules for the lexicon, one group per entry or bundle, each with the
    patterns that veto its mentions (`exclude`, `other_sites`, `sites`).

    Each rule's metadata carries the mention mode, the finding ids it names (several for a
    bundle; the first is the span label) and whether its pattern has a gap.
    """
    groups = [
        (
            _rules([e.finding], e.by_mode(), tokenize, e.keeps_inner),
            Vetoes(
                _patterns(e.exclude, tokenize),
                _patterns(e.other_sites, tokenize),
                _patterns(e.sites, tokenize),
            ),
        )
        for e in lexicon.entries
    ]
    groups += [(_rules(b.findings, b.by_mode(), tokenize), Vetoes()) for b in lexicon.bundles]
    return [(rules, vetoes) for rules, vetoes in groups if rules]


def rule_metadata_of(rule: Any) -> dict[str, Any]:
    """A TargetRule's metadata (empty if it has none)."""
    metadata: dict[str, Any] = getattr(rule, "metadata", None) or {}
    return metadata


def finding_modes(metadata: dict[str, Any]) -> dict[str, MentionMode]:
    """The mode of each finding a rule names (one mode for all, unless merged)."""
    modes: dict[str, MentionMode] = metadata.get("modes") or {
        f: metadata.get("mode", "assert") for f in metadata.get("findings", [])
    }
    return modes


def rule_metadata(span: Span) -> dict[str, Any]:
    """The metadata of the TargetRule that produced a mention."""
    return rule_metadata_of(span._.target_rule)


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


_ABBREVIATION = re.compile(r"[A-Z]{2,6}s?")


def restates(span: Span) -> bool:
    """Whether a mention is a bracketed abbreviation of the words just before the bracket
    ("straight-leg raise (SLR)"): its capitals are their initials."""
    doc = span.doc
    if not (span.start > 0 and span.end < len(doc) and _ABBREVIATION.fullmatch(span.text)):
        return False
    if doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return False
    letters = span.text.rstrip("s").lower()
    words: list[str] = []
    for token in reversed(doc[max(0, span.start - 1 - 2 * len(letters)) : span.start - 1]):
        words[:0] = [w for w in re.split(r"[-/]", token.lower_) if w.isalpha()]
        if len(words) >= len(letters):
            break
    return "".join(w[0] for w in words[-len(letters) :]) == letters


def _without_restatements(spans: list[Span]) -> list[Span]:
    """The mentions without bracketed abbreviations of the words before them; a mention of those
    words is stretched over the brackets."""
    kept = [s for s in spans if not restates(s)]
    for abbreviation in (s for s in spans if restates(s)):
        for i, mention in enumerate(kept):
            if mention.end == abbreviation.start - 1:
                stretched = Span(mention.doc, mention.start, abbreviation.end + 1, mention.label)
                stretched._.target_rule = mention._.target_rule
                stretched._.gap_tokens = mention._.gap_tokens
                kept[i] = stretched
    return kept


GLOSS_WORDS = 3
"""Longest parenthetical gloss, in tokens, that a phrase may run across."""
EXPANSION_TOKENS = 14
"""Longest bracketed expansion of an abbreviation, in tokens."""
NAME_HEADS = frozenset({"test", "tests", "sign", "manoeuvre", "maneuver"})
"""Nouns that may stand between an abbreviation and its expansion ("FADIR test (flexion, ...)")."""


def _spells(letters: str, words: list[str]) -> bool:
    """Whether written-out words spell an abbreviation: the first word starts with its first
    letter and all its letters come in order ("flexion, adduction, internal rotation" spells
    FAIR and FADIR)."""
    if not words or not letters or words[0][0] != letters[0]:
        return False
    rest = iter("".join(words))
    return all(letter in rest for letter in letters)


def expansions(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges, brackets included, of abbreviations' bracketed expansions (module doc)."""
    found: list[tuple[int, int]] = []
    for opening in (t.i for t in doc if t.text == "("):
        before = opening - 1
        if before > 0 and doc[before].lower_ in NAME_HEADS:
            before -= 1
        if before < 0 or not _ABBREVIATION.fullmatch(doc[before].text):
            continue
        inside = doc[opening + 1 : opening + EXPANSION_TOKENS + 2]
        closing = next((t.i for t in inside if t.text == ")"), None)
        if closing is None:
            continue
        parts = (re.split(r"[-/]", t.lower_) for t in doc[opening + 1 : closing])
        words = [w for part in parts for w in part if w.isalpha()]
        if _spells(doc[before].text.rstrip("s").lower(), words):
            found.append((opening, closing + 1))
    return found


def gloss_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens of short parenthetical glosses inside a sentence, brackets included
    ("saddle (perineal) anaesthesia"); a bracket that opens or closes a sentence is no gloss."""
    inside: set[int] = set()
    for opening in (t.i for t in doc if t.text == "("):
        closing = next(
            (t.i for t in doc[opening + 1 : opening + GLOSS_WORDS + 2] if t.text == ")"), None
        )
        if closing is None or closing == opening + 1 or opening == 0:
            continue
        words = doc[opening : closing + 2]
        if closing + 1 >= len(doc) or any(t.is_sent_start for t in words[1:]):
            continue
        inside.update(range(opening, closing + 1))
    return inside


def without_glosses(
    doc: Doc, vocab: Vocab, named: list[tuple[int, int]]
) -> tuple[Doc, list[int]] | None:
    """The doc with its short glosses and abbreviations' expansions (`named`, from
    `expansions`) left out, and the original index of each kept token (None when the doc has
    neither). Tokens keep their stems and sentence starts."""
    glosses = gloss_tokens(doc) | {i for s, e in named for i in range(s, e)}
    if not glosses:
        return None
    kept = [t.i for t in doc if t.i not in glosses]
    short = Doc(
        vocab,
        words=[doc[i].text for i in kept],
        spaces=[bool(doc[i].whitespace_) for i in kept],
        sent_starts=[bool(doc[i].is_sent_start) for i in kept],
    )
    for token, index in zip(short, kept, strict=True):
        token.norm_ = doc[index].norm_
    return short, kept


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


def _merged(first: Any, second: Any) -> Any:
    """`first` rule naming the findings of `second` too, each with its own mode ("stiff for ten
    minutes first thing": brief stiffness, and no morning stiffness)."""
    merged = copy.copy(first)
    one, two = rule_metadata_of(first), rule_metadata_of(second)
    modes = {**finding_modes(one), **finding_modes(two)}
    merged.metadata = {**one, "findings": list(modes), "modes": modes}
    return merged


def _matcher(vocab: Vocab, patterns: Sequence[TokenPattern]) -> Matcher | None:
    if not patterns:
        return None
    matcher = Matcher(vocab, validate=False)
    matcher.add("veto", list(patterns))
    return matcher


def _found(matcher: Matcher | None, doc: Doc) -> list[tuple[int, int]]:
    return [(s, e) for _, s, e in matcher(doc)] if matcher is not None else []


@dataclass(frozen=True)
class _Group:
    """One lexicon group compiled: its rules' matcher, its anchors and its veto matchers."""

    matcher: Matcher
    anchors: set[tuple[str, str]] | None
    finding: str
    exclude: Matcher | None
    other_sites: Matcher | None
    sites: Matcher | None

    def vetoed(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges where the group's mentions are dropped: excluded phrases, and each
        sentence that names only other sites."""
        ranges = _found(self.exclude, doc)
        elsewhere = _found(self.other_sites, doc)
        if elsewhere:
            # "between the legs" is a saddle site, so its "legs" is no leg site.
            own = [
                (s, e)
                for s, e in _found(self.sites, doc)
                if not any(a < e and s < b for a, b in elsewhere)
            ]
            sentences = {doc[s].sent for s, _ in elsewhere}
            ranges += [
                (sent.start, sent.end)
                for sent in sentences
                if not any(sent.start <= s < sent.end for s, _ in own)
            ]
        return ranges


class LexiconMatcher:
    """Pipeline component: find lexicon mentions and store them in `doc.spans[TARGET_GROUP]`,
    and the token ranges where each finding is vetoed in `doc._.vetoed` (finding, start, end),
    so that the embedding matcher does not read it there either."""

    def __init__(self, nlp: Language, name: str = "hipdx_lexicon") -> None:
        self.vocab = nlp.vocab
        self.name = name
        self._groups: list[_Group] = []
        self._rules: dict[str, Any] = {}
        self._shared_heads: SharedHeads | None = None
        if not Span.has_extension("target_rule"):
            Span.set_extension("target_rule", default=None)
        if not Span.has_extension("gap_tokens"):
            Span.set_extension("gap_tokens", default=())
        if not Doc.has_extension("vetoed"):
            Doc.set_extension("vetoed", default=())

    def add(self, group: Sequence[Any], vetoes: Vetoes | None = None) -> None:
        """Add one group of TargetRules (they share a spaCy Matcher), with the patterns that
        veto the group's mentions."""
        vetoes = vetoes or Vetoes()
        matcher = Matcher(self.vocab, validate=False)
        anchors: set[tuple[str, str]] | None = set()
        for rule in group:
            key = f"{rule.category}#{len(self._rules)}"
            self._rules[key] = rule
            matcher.add(key, [rule.pattern])
            first = anchor_keys(rule.pattern)
            anchors = None if first is None or anchors is None else anchors | first
        self._groups.append(
            _Group(
                matcher,
                anchors,
                group[0].category,
                _matcher(self.vocab, vetoes.exclude),
                _matcher(self.vocab, vetoes.other_sites),
                _matcher(self.vocab, vetoes.sites),
            )
        )

    def set_shared_heads(self, heads: SharedHeads) -> None:
        """Heads whose coordinated lists are read item by item (hipdx/nlp/coordination.py)."""
        self._shared_heads = heads

    def _read(self, doc: Doc) -> list[Span]:
        return self.spans(doc, [group.vetoed(doc) for group in self._groups])

    @property
    def rules(self) -> list[Any]:
        """The TargetRules of this component."""
        return list(self._rules.values())

    def spans(self, doc: Doc, vetoes: Sequence[list[tuple[int, int]]]) -> list[Span]:
        """Every raw match that no veto drops, labelled with its finding and linked to its rule.

        Args:
            doc: The document.
            vetoes: For each group, in order, the token ranges where its mentions are dropped.
        """
        found: list[Span] = []
        keys = doc_keys(doc)
        # spaCy keys a span's extensions by its characters, so two groups matching the same words
        # share one span, whose rule names both findings and the mode of each.
        owners: dict[tuple[int, int], tuple[int, Span]] = {}
        for index, (group, vetoed) in enumerate(zip(self._groups, vetoes, strict=True)):
            if group.anchors is not None and not group.anchors & keys:
                continue  # no pattern of this group can start anywhere in the doc
            matches = cast(
                list[tuple[int, int, int, list[int]]], group.matcher(doc, with_alignments=True)
            )
            for match_id, start, end, alignment in matches:
                if any(s < end and start < e for s, e in vetoed):
                    continue
                rule = self._rules[self.vocab.strings[match_id]]
                owner = owners.get((start, end))
                if owner is not None and owner[0] != index:
                    owner[1]._.target_rule = _merged(owner[1]._.target_rule, rule)
                    continue
                span = Span(doc, start, end, label=rule.category)
                owners[(start, end)] = (index, span)
                span._.target_rule = rule
                span._.gap_tokens = tuple(
                    start + offset
                    for offset, index in enumerate(alignment)
                    if is_gap(rule.pattern[index])
                )
                found.append(span)
        return found

    def gloss_spans(self, doc: Doc, named: list[tuple[int, int]]) -> list[Span]:
        """Mentions that run across a short parenthetical gloss or an abbreviation's expansion
        (`named`), found on the doc without them and mapped back onto `doc`."""
        shortened = without_glosses(doc, self.vocab, named)
        if shortened is None:
            return []
        short, kept = shortened
        found: list[Span] = []
        for span in self._read(short):
            start, end = kept[span.start], kept[span.end - 1] + 1
            if end - start == span.end - span.start:
                continue  # no gloss inside: the mention is found on `doc` itself
            mapped = Span(doc, start, end, label=span.label_)
            mapped._.target_rule = span._.target_rule
            mapped._.gap_tokens = tuple(kept[i] for i in span._.gap_tokens)
            found.append(mapped)
        return found

    def __call__(self, doc: Doc) -> Doc:
        vetoes = [group.vetoed(doc) for group in self._groups]
        named = expansions(doc)
        found = self.spans(doc, vetoes) + self.gloss_spans(doc, named)
        if self._shared_heads is not None:
            found += self._shared_heads.spans(doc, self._read, found)
        found = [m for m in found if not any(s <= m.start and m.end <= e for s, e in named)]
        doc.spans[TARGET_GROUP] = _without_restatements(keep_specific(found))
        doc._.vetoed = tuple(
            (group.finding, start, end)
            for group, ranges in zip(self._groups, vetoes, strict=True)
            for start, end in ranges
        )
        return doc


# No `from __future__ import annotations` in this module: spaCy resolves factory signatures at
# runtime and cannot read string annotations.
@Language.factory("hipdx_lexicon")
def make_lexicon_matcher(nlp: Language, name: str) -> LexiconMatcher:
    """spaCy factory for `LexiconMatcher` (rules are added after creation)."""
    return LexiconMatcher(nlp, name)
