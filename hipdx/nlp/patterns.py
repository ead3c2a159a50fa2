"""Compile the data files' phrase syntax into spaCy token patterns, matched on word stems.

Syntax (see `hipdx.nlp.lexicon`): `(a|b c)` alternatives, `(...)?` optional, `*` a gap of up to
three words, `#` any number, `=AS` an exact case-sensitive token. Hyphens are optional on both
sides ("pain-free" = "pain free"). Lexicon phrases match the `NORM` attribute, which the
`hipdx_stems` component sets to the Snowball stem of each token's norm; context cues match `LOWER`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any, Literal

from nltk.stem.snowball import SnowballStemmer
from spacy.language import Language
from spacy.tokens import Doc

TokenPattern = list[dict[str, Any]]
Attr = Literal["NORM", "LOWER"]

_GROUP = re.compile(r"\(([^()]*)\)(\?)?")
_GAP: dict[str, Any] = {"IS_PUNCT": False, "OP": "{0,3}"}
_HYPHEN: dict[str, Any] = {"ORTH": {"IN": ["-", "–"]}, "OP": "?"}
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


def expand(phrase: str) -> Iterator[str]:
    """Every plain string a phrase stands for: alternatives and optional groups multiplied out.

    Raises:
        ValueError: the phrase has unbalanced brackets or more than MAX_EXPANSIONS variants.
    """
    parts: list[list[str]] = []
    position = 0
    for match in _GROUP.finditer(phrase):
        parts.append([phrase[position : match.start()]])
        options = [option.strip() for option in match.group(1).split("|")]
        if match.group(2):
            options.append("")
        parts.append(options)
        position = match.end()
    parts.append([phrase[position:]])
    if "(" in phrase[position:] or ")" in phrase[position:]:
        raise ValueError(f"unbalanced brackets in phrase {phrase!r}")
    count = 1
    for options in parts:
        count *= len(options)
    if count > MAX_EXPANSIONS:
        raise ValueError(f"phrase {phrase!r} expands to {count} variants")
    for combination in itertools.product(*parts):
        text = " ".join("".join(f" {piece} " for piece in combination).split())
        if text:
            yield text


def compile_phrase(
    phrase: str, tokenize: Callable[[str], Doc], attr: Attr = "NORM"
) -> list[TokenPattern]:
    """The spaCy Matcher patterns of one phrase (one per expanded variant, duplicates removed).

    Args:
        phrase: A phrase in the data-file syntax.
        tokenize: The pipeline's tokenizer, so patterns split words exactly as texts do.
        attr: "NORM" to match stems (lexicon) or "LOWER" to match lower-case words (cues).
    """
    patterns: list[TokenPattern] = []
    seen: set[str] = set()
    for variant in expand(phrase):
        pattern = _compile_variant(variant, tokenize, attr)
        key = repr(pattern)
        if pattern and key not in seen:
            seen.add(key)
            patterns.append(pattern)
    return patterns


def _compile_variant(variant: str, tokenize: Callable[[str], Doc], attr: Attr) -> TokenPattern:
    pattern: TokenPattern = []
    for word in variant.split():
        if word == "*":
            pattern.append(dict(_GAP))
        elif word == "#":
            pattern.append({"LIKE_NUM": True})
        elif word.startswith("=") and len(word) > 1:
            pattern.extend({"ORTH": token.text} for token in tokenize(word[1:]))
        else:
            for token in tokenize(word):
                if token.text in ("-", "–"):
                    continue
                if attr == "NORM":
                    pattern.append({"NORM": stem(token.norm_)})
                else:
                    pattern.append({"LOWER": token.lower_})
    return _with_optional_hyphens(pattern)


def _with_optional_hyphens(pattern: TokenPattern) -> TokenPattern:
    """Allow a hyphen between any two word tokens ("sit to stand" = "sit-to-stand")."""
    out: TokenPattern = []
    for index, token in enumerate(pattern):
        if index and "OP" not in token and "OP" not in pattern[index - 1]:
            out.append(dict(_HYPHEN))
        out.append(token)
    return out
