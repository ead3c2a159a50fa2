"""The NLP data files: valid, complete, round-trip, and every pattern valid for spaCy."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml
from pydantic import BaseModel, ValidationError
from spacy.schemas import validate_token_pattern

from hipdx.knowledge import load_knowledge_base
from hipdx.nlp import TextReader
from hipdx.nlp.context_component import ContextComponent
from hipdx.nlp.lexicon import (
    ContextFile,
    EmbeddingFile,
    LexiconFile,
    NumbersFile,
    load_context,
    load_embedding_settings,
    load_lexicon,
    load_numbers,
)
from hipdx.nlp.matcher import LexiconMatcher

FILES: list[tuple[str, type[BaseModel]]] = [
    ("lexicon.yaml", LexiconFile),
    ("context.yaml", ContextFile),
    ("numbers.yaml", NumbersFile),
    ("embedding.yaml", EmbeddingFile),
]


def _raw(name: str) -> object:
    text = (resources.files("hipdx.knowledge.data") / "nlp" / name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@pytest.mark.parametrize(("name", "model"), FILES, ids=[n for n, _ in FILES])
def test_round_trip(name: str, model: type[BaseModel]) -> None:
    loaded = model.model_validate(_raw(name))
    dumped = yaml.safe_load(yaml.safe_dump(loaded.model_dump(mode="json")))
    assert model.model_validate(dumped) == loaded


@pytest.mark.parametrize(("name", "model"), FILES, ids=[n for n, _ in FILES])
def test_unknown_keys_rejected(name: str, model: type[BaseModel]) -> None:
    raw = _raw(name)
    assert isinstance(raw, dict)
    with pytest.raises(ValidationError):
        model.model_validate({**raw, "surprise": 1})


def test_every_finding_has_a_lexicon_entry() -> None:
    findings = set(load_knowledge_base().findings)
    entries = {e.finding for e in load_lexicon().entries}
    bundled = {f for b in load_lexicon().bundles for f in b.findings}
    assert entries == findings
    assert bundled <= findings


def test_lexicon_entries_are_unique() -> None:
    raw = _raw("lexicon.yaml")
    assert isinstance(raw, dict)
    raw["entries"].append(raw["entries"][0])
    with pytest.raises(ValidationError, match="two lexicon entries"):
        LexiconFile.model_validate(raw)


def test_context_rule_categories_are_in_the_table() -> None:
    raw = _raw("context.yaml")
    assert isinstance(raw, dict)
    raw["rules"].append({"phrase": "maybe", "category": "MADE_UP", "direction": "forward"})
    with pytest.raises(ValidationError, match="MADE_UP"):
        ContextFile.model_validate(raw)


def test_table_names_real_findings() -> None:
    findings = load_knowledge_base().findings
    table = load_context()
    for row in table.attributes:
        assert set(row.by_finding) <= set(findings), row.category
        assert set(row.redirect) | set(row.redirect.values()) <= set(findings), row.category
    settings = load_embedding_settings()
    assert set(settings.excluded_findings) | set(settings.negative_wording) <= set(findings)


def test_value_cutoffs_cite_known_sources() -> None:
    kb = load_knowledge_base()
    values = load_numbers().values
    assert values is not None
    for test in values.results:
        assert test.finding in kb.findings
        assert set(test.sources) <= set(kb.sources), test.finding


def test_numbers_thresholds_are_ordered() -> None:
    numbers = load_numbers()
    assert numbers.under_6_weeks_days == 42
    assert numbers.under_6_weeks_days < numbers.over_3_months_days


def test_compiled_patterns_are_valid_for_spacy(rules_reader: TextReader) -> None:
    """The matchers skip spaCy's pattern validation at build time; it is done here instead."""
    lexicon = rules_reader.nlp.get_pipe("hipdx_lexicon")
    context = rules_reader.nlp.get_pipe("hipdx_context")
    assert isinstance(lexicon, LexiconMatcher)
    assert isinstance(context, ContextComponent)
    patterns = [r.pattern for r in lexicon.rules] + [r.pattern for r in context.rules]
    assert len(patterns) > 1000
    errors = {str(p): validate_token_pattern(p) for p in patterns}
    assert {p: e for p, e in errors.items() if e} == {}
