"""Readers for the NLP tests, each built once per session (building takes seconds)."""

from __future__ import annotations

import pytest

from hipdx.nlp import TextReader, build_reader, default_reader
from tests.nlp.cases import Case, load_cases


@pytest.fixture(scope="session")
def rules_reader() -> TextReader:
    """The rules-only reader (lexicon, ConText, numbers; no embedding model)."""
    return build_reader(use_embeddings=False)


@pytest.fixture(scope="session")
def full_reader() -> TextReader:
    """The default reader, with the sentence-embedding matcher (shared with `read_text`)."""
    return default_reader()


@pytest.fixture(scope="session")
def cases() -> list[Case]:
    return load_cases()
