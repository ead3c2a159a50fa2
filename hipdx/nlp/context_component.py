"""The ConText pipeline component: medspaCy's ConText algorithm over hipdx's lexicon mentions.

It uses medspaCy's ConTextRule, ConTextModifier and ConTextGraph unchanged; only the driver
differs from `medspacy.context.ConText` in one respect: a cue that lies inside a lexicon mention
("no" in "no improvement", "palpable" in "no palpable defect") is dropped BEFORE scopes are
computed. medspaCy drops such cues only after scoping, so they still cut short the scope of a
real cue of the same category ("no palpable defect" would lose its "no").
"""

# No `from __future__ import annotations` in this module: spaCy resolves factory signatures at
# runtime and cannot read string annotations.

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from hipdx.nlp.context import TARGET_GROUP
from hipdx.nlp.dependencies import import_medspacy


class ContextComponent:
    """Pipeline component: attach ConText cues to the mentions in `doc.spans[TARGET_GROUP]`.

    Sets `span._.modifiers` (the ConTextModifiers of each mention), the attribute of each
    modifying category (`span._.is_negated` ...) and `doc._.context_graph`.
    """

    def __init__(self, nlp: Language, name: str = "hipdx_context") -> None:
        medspacy = import_medspacy()
        self._context = medspacy.context
        self._prune = medspacy.common.util.prune_overlapping_matches
        self.vocab = nlp.vocab
        self.name = name
        self._matcher = Matcher(nlp.vocab, validate=False)
        self._rules: dict[str, Any] = {}
        self.attributes: dict[str, dict[str, bool]] = {}
        if not Span.has_extension("modifiers"):
            Span.set_extension("modifiers", default=())
        if not Doc.has_extension("context_graph"):
            Doc.set_extension("context_graph", default=None)

    def add(self, rules: Iterable[Any]) -> None:
        """Add medspaCy ConTextRules (each with a token pattern)."""
        for rule in rules:
            key = f"{rule.category}#{len(self._rules)}"
            self._rules[key] = rule
            self._matcher.add(key, [rule.pattern])

    def set_attributes(self, attributes: dict[str, dict[str, bool]]) -> None:
        """The span attribute each category sets (category -> {attribute: value})."""
        for names in attributes.values():
            for attribute in names:
                if not Span.has_extension(attribute):
                    Span.set_extension(attribute, default=False)
        self.attributes = attributes

    @property
    def rules(self) -> list[Any]:
        """The ConTextRules of this component."""
        return list(self._rules.values())

    def __call__(self, doc: Doc) -> Doc:
        targets = list(doc.spans[TARGET_GROUP]) if TARGET_GROUP in doc.spans else []
        taken = [(t.start, t.end) for t in targets]
        graph = self._context.ConTextGraph(targets=targets, modifiers=[])
        for match_id, start, end in self._prune(self._matcher(doc)):
            if any(s < end and start < e for s, e in taken):
                continue
            rule = self._rules[self.vocab.strings[match_id]]
            graph.modifiers.append(self._context.ConTextModifier(rule, start, end, doc))
        graph.update_scopes()
        graph.apply_modifiers()
        for target, modifier in graph.edges:
            target._.modifiers += (modifier,)
            for attribute, value in self.attributes.get(modifier.category, {}).items():
                setattr(target._, attribute, value)
        doc._.context_graph = graph
        return doc


@Language.factory("hipdx_context")
def make_context_component(nlp: Language, name: str) -> ContextComponent:
    """spaCy factory for `ContextComponent` (rules are added after creation)."""
    return ContextComponent(nlp, name)
