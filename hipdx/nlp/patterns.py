"""Compile the data files' phrase syntax into spaCy token patterns, matched on word stems.

Syntax (see `hipdx.nlp.lexicon`): `(a|b c)` alternatives, `(...)?` optional, groups nest; `*` a
gap of up to four words that never crosses a negation, "but" or a word of relief (so "ibuprofen
doesn't help" is not "ibuprofen ... help", nor "pain when walking eased by sitting", "pain goes
away after sitting" or "it hurts less when I sit" "pain ... sitting"); `<n>` any number; `=word`
the lower-case word unstemmed; `==AS` the exact token; `^if` a word that starts a sentence. A
hyphen written in a phrase is optional in the text ("pain-free" matches "pain free"). Lexicon
phrases match the `NORM` attribute, which the `hipdx_stems` component sets to the Snowball stem
of each token's norm; context cues match `LOWER`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from nltk.stem.snowball import SnowballStemmer
from spacy.language import Language
from spacy.tokens import Doc

TokenPattern = list[dict[str, Any]]
Attr = Literal["NORM", "LOWER"]

GAP_STOPS = [
    *("no", "not", "n't", "never", "nothing", "none", "nor", "neither", "without", "hardly"),
    *("barely", "denies", "denied", "deny", "but", "although", "though", "however", "except"),
    *("eased", "eases", "relieved", "relieves", "better", "easier", "helps", "helped"),
    *("improves", "improved", "settles", "settled", "away", "less"),
    "used",  # "Sitting used to hurt": a past habit, read by its own cue (context.yaml)
]
CLAUSE_PUNCTUATION = [",", ".", ";", ":", "!", "?", "(", ")", "\n"]
_GAP: dict[str, Any] = {
    "ORTH": {"NOT_IN": CLAUSE_PUNCTUATION},
    "LOWER": {"NOT_IN": GAP_STOPS},
    "OP": "{0,4}",
}
_HYPHEN: dict[str, Any] = {"ORTH": {"IN": ["-", "\u2013"]}, "OP": "?"}
CLITICS = {
    "n't": "not",
    "'s": "'s",
    "'m": "am",
    "'re": "are",
    "'ve": "have",
    "'ll": "will",
    "'d": "'d",
}
"""Clitics as they tokenize after a verb, with their norms."""
MAX_EXPANSIONS = 400
"""A phrase may expand to at most this many alternatives (a guard against typos)."""

_stemmer = SnowballStemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The matching key of one token's norm: its lower-case Snowball stem."""
    return str(_stemmer.stem(word.lower()))


def set_stems(doc: Doc) -> Doc:
    """Overwrite each token's NORM with the stem of its default norm ("can't" -> "can", "not")."""
    for token in doc:
        token.norm_ = stem(token.norm_)
    return doc


@Language.component("hipdx_stems")
def stems_component(doc: Doc) -> Doc:
    """Pipeline component: set NORM to word stems so lexicon patterns match inflections."""
    return set_stems(doc)


@dataclass(frozen=True)
class Group:
    """`(a|b c)` or `(a|b c)?` in a phrase: alternatives, each a sequence of items."""

    options: tuple[tuple[Item, ...], ...]
    optional: bool


Item = str | Group
"""A word of a phrase, or a bracketed group."""


def parse(phrase: str) -> tuple[Item, ...]:
    """Parse a phrase into words and (possibly nested) groups.

    Raises:
        ValueError: the brackets do not balance.
    """
    tokens = re.findall(r"\(|\)\??|\||[^\s()|]+", phrase)
    items, position = _sequence(tokens, 0, phrase)
    if position != len(tokens):
        raise ValueError(f"unbalanced brackets in phrase {phrase!r}")
    return items


def _sequence(tokens: list[str], position: int, phrase: str) -> tuple[tuple[Item, ...], int]:
    items: list[Item] = []
    while (
        position < len(tokens)
        and tokens[position] not in ("|",)
        and not tokens[position].startswith(")")
    ):
        token = tokens[position]
        if token == "(":
            options: list[tuple[Item, ...]] = []
            position += 1
            while True:
                option, position = _sequence(tokens, position, phrase)
                options.append(option)
                if position >= len(tokens):
                    raise ValueError(f"unbalanced brackets in phrase {phrase!r}")
                if tokens[position] == "|":
                    position += 1
                    continue
                break
            closing = tokens[position]
            items.append(Group(tuple(options), optional=closing == ")?"))
            position += 1
        else:
            items.append(token)
            position += 1
    return tuple(items), position


def _strings(items: tuple[Item, ...]) -> Iterator[str]:
    if not items:
        yield ""
        return
    head, rest = items[0], items[1:]
    heads: list[str]
    if isinstance(head, Group):
        heads = [s for option in head.options for s in _strings(option)]
        if head.optional:
            heads.append("")
    else:
        heads = [head]
    for first in heads:
        for tail in _strings(rest):
            yield " ".join(part for part in (first, tail) if part)


def expand(phrase: str) -> Iterator[str]:
    """Every plain string a phrase stands for, alternatives multiplied out (lazily).

    Raises:
        ValueError: the phrase has unbalanced brackets.
    """
    for text in _strings(parse(phrase)):
        if text:
            yield text


def is_gap(token: dict[str, Any]) -> bool:
    """Whether a token pattern is a `*` gap."""
    return bool(token.get("OP") == _GAP["OP"])


def has_gap(pattern: TokenPattern) -> bool:
    """Whether a compiled pattern contains a `*` gap."""
    return any(is_gap(token) for token in pattern)


class _Compiler:
    """Compiles parsed phrases for one tokenizer and one token attribute."""

    def __init__(self, tokenize: Callable[[str], Doc], attr: Attr) -> None:
        self.tokenize = tokenize
        self.attr = attr

    def word(self, word: str) -> TokenPattern:
        if word.startswith("^") and len(word) > 1:
            first, *rest = self.word(word[1:])
            return [{**first, "IS_SENT_START": True}, *rest]
        if word == "*":
            return [dict(_GAP)]
        if word in ("#", "<n>"):
            return [{"LIKE_NUM": True}]
        if word.startswith("==") and len(word) > 2:
            return [{"ORTH": t.text} for t in self.tokenize(word[2:])]
        if word.startswith("=") and len(word) > 1:
            return [{"LOWER": t.lower_} for t in self.tokenize(word[1:])]
        if word.lower() in CLITICS:
            # A clitic alone does not tokenize as it does after a verb ("n't" -> n ' t).
            value = CLITICS[word.lower()] if self.attr == "NORM" else word.lower()
            return [{self.attr: stem(value) if self.attr == "NORM" else value}]
        pattern: TokenPattern = []
        for token in self.tokenize(word):
            if token.text in ("-", "\u2013"):
                pattern.append(dict(_HYPHEN))
                continue
            key = stem(token.norm_) if self.attr == "NORM" else token.lower_
            pattern.append({self.attr: key})
        return pattern

    def _single(self, option: tuple[Item, ...]) -> str | None:
        """The match key of an option that is one plain word making one token, else None."""
        if len(option) != 1 or not isinstance(option[0], str):
            return None
        word = option[0]
        if word[0] in "=*#<^":
            return None
        pattern = self.word(word)
        if len(pattern) != 1 or "OP" in pattern[0]:
            return None
        value = pattern[0][self.attr]
        return value if isinstance(value, str) else None

    def alternatives(self, item: Item) -> list[TokenPattern]:
        if isinstance(item, str):
            return [self.word(item)]
        singles: list[str] = []
        longer: list[TokenPattern] = []
        for option in item.options:
            key = self._single(option)
            if key is not None:
                singles.append(key)
            else:
                longer += self.sequence(option)
        out: list[TokenPattern] = []
        if singles:
            token: dict[str, Any] = {self.attr: {"IN": sorted(set(singles))}}
            if item.optional and not longer:
                token["OP"] = "?"
            out.append([token])
        out += longer
        if item.optional and (longer or not singles):
            out.append([])
        return out

    def sequence(self, items: tuple[Item, ...]) -> list[TokenPattern]:
        patterns: list[TokenPattern] = [[]]
        for item in items:
            patterns = [p + a for p in patterns for a in self.alternatives(item)]
            if len(patterns) > MAX_EXPANSIONS:
                raise ValueError(f"more than {MAX_EXPANSIONS} patterns")
        return patterns


def compile_phrase(
    phrase: str, tokenize: Callable[[str], Doc], attr: Attr = "NORM"
) -> list[TokenPattern]:
    """The spaCy Matcher patterns of one phrase.

    A group of one-word alternatives becomes one token that matches any of them (`IN`); longer
    alternatives are multiplied out into separate patterns.

    Args:
        phrase: A phrase in the data-file syntax.
        tokenize: The pipeline's tokenizer, so patterns split words exactly as texts do.
        attr: "NORM" to match stems (lexicon) or "LOWER" to match lower-case words (cues).

    Raises:
        ValueError: unbalanced brackets, or more than MAX_EXPANSIONS patterns.
    """
    try:
        raw = _Compiler(tokenize, attr).sequence(parse(phrase))
    except ValueError as exc:
        raise ValueError(f"phrase {phrase!r}: {exc}") from exc
    patterns: list[TokenPattern] = []
    seen: set[str] = set()
    for pattern in raw:
        key = repr(pattern)
        if key not in seen and any("OP" not in t for t in pattern):
            seen.add(key)
            patterns.append(pattern)
    return patterns
