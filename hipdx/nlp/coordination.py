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
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

SEPARATORS = frozenset({",", "and", "or", "/", "&", "and/or"})
"""Tokens that join the items of a list."""
BREAKS = frozenset({".", ";", ":", "(", ")", "!", "?"})
"""Tokens that end a list."""


@dataclass(frozen=True)
class Conjunct:
    """One list item after the first: the shared head's tokens and the item's tokens."""

    head: tuple[int, int]
    item: tuple[int, int]


class SharedHeads:
    """Find coordinated lists after shared heads and read their items with the head."""

    def __init__(
        self,
        vocab: Vocab,
        patterns: Sequence[list[dict[str, Any]]],
        max_item_words: int,
        stops: Iterable[str],
    ) -> None:
        self.vocab = vocab
        self.max_item_words = max_item_words
        self._matcher = Matcher(vocab, validate=False)
        if patterns:
            self._matcher.add("head", list(patterns))
        self._stops = frozenset(w.lower() for w in stops)

    def conjuncts(self, doc: Doc) -> list[Conjunct]:
        """Each item after the first of every list a head governs (see module doc)."""
        found: list[Conjunct] = []
        matches = [(s, e) for _, s, e in self._matcher(doc)]
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
            indices = [*range(*conjunct.head), *range(*conjunct.item)]
            joined = self._joined(doc, indices)
            width = conjunct.head[1] - conjunct.head[0]
            for span in read(joined):
                if not (span.start < width < span.end):
                    continue  # the head alone, or the item alone (read on the doc itself)
                start = conjunct.item[0]
                end = start + span.end - width
                if (start, end) in taken:
                    continue  # spaCy keys span extensions by characters: never overwrite a rule
                mapped = Span(doc, start, end, label=span.label_)
                mapped._.target_rule = span._.target_rule
                found.append(mapped)
                taken.add((start, end))
        return found

    def _joined(self, doc: Doc, indices: list[int]) -> Doc:
        """The head's and one item's tokens as a doc of their own, with their stems."""
        joined = Doc(
            self.vocab,
            words=[doc[i].text for i in indices],
            spaces=[True] * len(indices),
            sent_starts=[i == 0 for i in range(len(indices))],
        )
        for token, index in zip(joined, indices, strict=True):
            token.norm_ = doc[index].norm_
        return joined


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
