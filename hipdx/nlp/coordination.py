"""A head shared by a coordinated list distributes over its items.

"Worse with walking, stairs, sitting or standing for long periods" says "worse with" once for four
activities: English coordination lets a head govern every conjunct (ellipsis of the shared
words). The lexicon phrases name the head with each activity ("worse with sitting"), so each item
after the first is read again with the head written before it, and a mention found that way is
mapped back onto the item's own words.

The list runs over items joined by commas, "and", "or" or "/" and ends at the clause's end, at an
item longer than `max_item_words` ("..., and it radiates into the back of the thigh"), at an
item holding a word of `stops` (a clause of its own: "..., and sitting is comfortable"), or at an
item opening with a head's first word ("worse with sitting, better with walking": the second head
has its own list).

A shared tail is the mirror image: "Sitting on a firm chair and rolling over in bed are painful"
says "are painful" once for both subjects (a predicate shared by coordinated subjects), so each
item before the last is read again with the tail written after it. The list runs back from the
tail to the clause's start under the same limits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from hipdx.nlp.patterns import stem

SINGULAR = {"are": "is", "were": "was", "have": "has"}
"""A tail said of several subjects agrees with each alone ("X and Y are painful": X is painful)."""
SEPARATORS = frozenset({",", "and", "or", "/", "&", "and/or"})
"""Tokens that join the items of a list."""
BREAKS = frozenset({".", ";", ":", "(", ")", "!", "?"})
"""Tokens that end a list."""


@dataclass(frozen=True)
class Conjunct:
    """One list item the shared words are not written beside: the shared head's (or tail's)
    tokens and the item's tokens."""

    head: tuple[int, int]
    item: tuple[int, int]
    tail: bool = False
    """Whether the shared words come after the item (a shared tail)."""


class SharedHeads:
    """Find coordinated lists after shared heads and read their items with the head."""

    def __init__(
        self,
        vocab: Vocab,
        patterns: Sequence[list[dict[str, Any]]],
        max_item_words: int,
        stops: Iterable[str],
        tails: Sequence[list[dict[str, Any]]] = (),
    ) -> None:
        self.vocab = vocab
        self.max_item_words = max_item_words
        self._matcher = Matcher(vocab, validate=False)
        if patterns:
            self._matcher.add("head", list(patterns))
        self._tails = Matcher(vocab, validate=False)
        if tails:
            self._tails.add("tail", list(tails))
        self._stops = frozenset(w.lower() for w in stops)

    def conjuncts(self, doc: Doc) -> list[Conjunct]:
        """Each item after the first of every list a head governs (see module doc)."""
        found: list[Conjunct] = []
        matches = [(s, e) for _, s, e in self._matcher(doc)] if len(self._matcher) else []
        firsts = {doc[s].lower_ for s, _ in matches}
        # The longest head at each start ("made worse by" over "worse by").
        for start, end in sorted(matches, key=lambda m: (m[0], -m[1])):
            if any(c.head[0] == start for c in found):
                continue
            sentence_end = doc[start].sent.end
            items = _items(doc, end, sentence_end, self.max_item_words)
            for first, last in items[1:]:
                words = {t.lower_ for t in doc[first:last]}
                if words & self._stops or doc[first].lower_ in firsts:
                    break
                found.append(Conjunct((start, end), (first, last)))
        # The longest tail at each end ("make it worse" over "it worse"), read back to its list.
        ends = [(s, e) for _, s, e in self._tails(doc)] if len(self._tails) else []
        tails = sorted(ends, key=lambda m: m[0] - m[1])
        for start, end in tails:
            if any(c.tail and c.head[1] == end for c in found):
                continue
            items = _items_before(doc, start, doc[start].sent.start, self.max_item_words)
            for first, last in items[1:]:
                if {t.lower_ for t in doc[first:last]} & self._stops:
                    break
                found.append(Conjunct((start, end), (first, last), tail=True))
        return found

    def spans(
        self, doc: Doc, read: Callable[[Doc], list[Span]], found_on_doc: Iterable[Span]
    ) -> list[Span]:
        """Mentions of the items read with their head, mapped onto the items' words.

        Args:
            doc: The document.
            read: The lexicon matcher's raw reading of a doc (mentions with their rules).
            found_on_doc: The mentions already read on `doc` itself.
        """
        taken = {(s.start, s.end) for s in found_on_doc}
        found: list[Span] = []
        for conjunct in self.conjuncts(doc):
            first, second = (
                (conjunct.item, conjunct.head) if conjunct.tail else (conjunct.head, conjunct.item)
            )
            joined = self._joined(doc, [*range(*first), *range(*second)], conjunct.tail)
            width = first[1] - first[0]
            for span in read(joined):
                if not (span.start < width < span.end):
                    continue  # the head alone, or the item alone (read on the doc itself)
                if conjunct.tail:  # the item's words the mention covers
                    start, end = conjunct.item[0] + span.start, conjunct.item[1]
                else:
                    start = conjunct.item[0]
                    end = start + span.end - width
                if (start, end) in taken:
                    continue  # spaCy keys span extensions by characters: never overwrite a rule
                mapped = Span(doc, start, end, label=span.label_)
                mapped._.target_rule = span._.target_rule
                # the item's words a gap ran over stay mentions of their own ("firm chair")
                offset = conjunct.item[0] - (0 if conjunct.tail else width)
                mapped._.gap_tokens = tuple(
                    k + offset for k in span._.gap_tokens if start <= k + offset < end
                )
                found.append(mapped)
                taken.add((start, end))
        return found

    def _joined(self, doc: Doc, indices: list[int], singular: bool = False) -> Doc:
        """The head's and one item's tokens as a doc of their own, with their stems (a tail's
        plural verb made singular)."""
        words = [doc[i].text for i in indices]
        if singular:
            words = [SINGULAR.get(w.lower(), w) for w in words]
        joined = Doc(
            self.vocab,
            words=words,
            spaces=[True] * len(indices),
            sent_starts=[i == 0 for i in range(len(indices))],
        )
        for token, index, word in zip(joined, indices, words, strict=True):
            token.norm_ = doc[index].norm_ if word == doc[index].text else stem(word)
        return joined


def _items_before(doc: Doc, end: int, start: int, max_words: int) -> list[tuple[int, int]]:
    """The token ranges of the list items from `end` back to the clause's start, nearest first
    (see module doc)."""
    items: list[tuple[int, int]] = []
    j = end
    while j > start:
        i = j
        while i > start and doc[i - 1].lower_ not in SEPARATORS and doc[i - 1].text not in BREAKS:
            i -= 1
        if i == j or j - i > max_words:
            break
        items.append((i, j))
        if i <= start or doc[i - 1].text in BREAKS:
            break
        while i > start and doc[i - 1].lower_ in SEPARATORS:
            i -= 1
        j = i
    return items


def _items(doc: Doc, start: int, end: int, max_words: int) -> list[tuple[int, int]]:
    """The token ranges of the list items from `start` to the clause's end (see module doc)."""
    items: list[tuple[int, int]] = []
    i = start
    while i < end:
        j = i
        while j < end and doc[j].lower_ not in SEPARATORS and doc[j].text not in BREAKS:
            j += 1
        if j == i or j - i > max_words:
            break
        items.append((i, j))
        if j >= end or doc[j].text in BREAKS:
            break
        while j < end and doc[j].lower_ in SEPARATORS:
            j += 1
        i = j
    return items
