"""Split notes into sentences: full stops, semicolons, line breaks, and question marks that end a
question (a "?" written before a word, as in "?cauda equina", is an uncertainty cue instead).

ConText scopes stop at sentence ends, so the splitter errs towards splitting.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

ENDINGS = frozenset({".", "!", ";", "…"})
ABBREVIATIONS = frozenset(
    {"dr.", "mr.", "mrs.", "ms.", "e.g.", "i.e.", "approx.", "vs.", "etc.", "pt.", "st."}
)


def _ends_sentence(token: Token) -> bool:
    text = token.text
    if "\n" in text:
        return True
    if text in ENDINGS:
        return True
    if text == "?":
        # "numbness?" ends a question; "? sciatica" and "?CES" open an uncertain mention.
        doc = token.doc
        attached = token.i > 0 and not doc[token.i - 1].whitespace_
        return attached and (bool(token.whitespace_) or token.i == len(doc) - 1)
    return text.endswith(".") and len(text) > 1 and text.lower() not in ABBREVIATIONS


def set_sentences(doc: Doc) -> Doc:
    """Mark sentence starts on `doc` (each token after a sentence end starts a sentence)."""
    for index, token in enumerate(doc):
        token.is_sent_start = index == 0 or _ends_sentence(doc[index - 1])
    return doc


@Language.component("hipdx_sentences")
def sentences_component(doc: Doc) -> Doc:
    """Pipeline component: set sentence boundaries (see module docstring)."""
    return set_sentences(doc)
