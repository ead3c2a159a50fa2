"""Regular expressions built from the word lists of numbers.yaml."""

from __future__ import annotations

import re


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so "a few" beats "a"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def phrase_regex(phrase: str) -> str:
    """A numbers.yaml phrase with `(a|b)` groups and `?` as a regular expression."""
    pattern = re.escape(phrase)
    pattern = pattern.replace(r"\(", "(?:").replace(r"\)", ")").replace(r"\|", "|")
    pattern = pattern.replace(r"\?", "?").replace(r"\ ", r"\s*")
    return pattern
