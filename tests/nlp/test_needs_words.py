"""The embedding matcher reads a finding only from a clause that names its defining words
(embedding.yaml `needs_words`), shown on fresh case-report wordings with a fake encoder: every
clause holding the made-up word "glorp" is as close as can be to the finding's label.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

import numpy as np
import pytest
from numpy.typing import NDArray

from hipdx.knowledge import load_knowledge_base
from hipdx.nlp import TextReader, build_reader

FINDINGS = load_knowledge_base().findings


def _encoder_for(finding: str) -> Callable[[Sequence[str]], NDArray[np.float32]]:
    label = FINDINGS[finding].label

    def encode(sentences: Sequence[str]) -> NDArray[np.float32]:
        rows = np.zeros((len(sentences), 2), dtype=np.float32)
        for i, sentence in enumerate(sentences):
            rows[i, 0 if "glorp" in sentence or sentence == label else 1] = 1.0
        return rows

    return encode


@cache
def _reader(finding: str) -> TextReader:
    return build_reader(encoder=_encoder_for(finding))


CASES = [
    # a shot that "didn't help" within days names no course of treatment or time
    ("no_improvement_one_month", "Unfortunately, it didn't help glorp.", False),
    ("no_improvement_one_month", "Weeks of physio and it is glorp.", True),
    ("no_improvement_one_month", "Weeks on, it is glorp the same.", True),
    # a time alone is a relapse ("after a few weeks the pain returned")
    ("no_improvement_one_month", "After a few weeks the pain glorp returned.", False),
    # a pulled muscle is a strain, not a cramp
    ("involuntary_contraction", "I assumed I had just pulled a muscle glorp.", False),
    ("involuntary_contraction", "The muscle was twitching glorp by itself.", True),
]


@pytest.mark.parametrize(("finding", "text", "read"), CASES, ids=[c[1] for c in CASES])
def test_a_finding_needs_its_defining_words(finding: str, text: str, read: bool) -> None:
    found = _reader(finding).read(text).get(finding)
    assert (found is not None and found.method == "embedding") is read
