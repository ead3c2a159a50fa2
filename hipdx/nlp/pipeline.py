"""Assemble the text reader once and read texts with it.

Pipeline: medspaCy tokenizer -> hipdx_sentences -> hipdx_stems -> hipdx_lexicon (lexicon
TargetRules, most specific mentions kept) -> hipdx_context (medspaCy ConText over the mentions,
cues from context.yaml). Each mention's cues go through the attribute table (assertion.py);
demographics.py and durations.py add age, sex and durations; values.py adds test values and
power trends (a number carries its own value, but a hypothetical, uncertain, historical or
other person's number is dropped by the same table); the optional embedding matcher adds lay
paraphrase; deficits said of the left and of the right leg read as bilateral, and so do a pain
site named in the plural ("buttocks pain") and pain said of one side and then of the other
(sides.py; context.yaml `sides`); a pain site named without a pain word is a place, not a pain
(context.yaml `places`); nothing read in a question
an interviewer asks in a transcript counts (turns.py); resolve.py keeps one reading per finding
(a sentence about today over one about an earlier visit; a red flag's yes over its no).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from hipdx.errors import KnowledgeBaseError
from hipdx.knowledge import load_knowledge_base
from hipdx.knowledge.schema import Finding, KnowledgeBase
from hipdx.nlp.assertion import Cue, assert_mention, cue_distance, possible_mention
from hipdx.nlp.context import (
    TARGET_GROUP,
    build_context_rules,
    build_proxy_openers,
    build_shared_heads,
    span_attributes,
)
from hipdx.nlp.demographics import DemographicsReader
from hipdx.nlp.dependencies import import_medspacy
from hipdx.nlp.durations import DurationReader
from hipdx.nlp.embedding import EmbeddingMatcher, Encoder, clause_spans, load_minilm
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
from hipdx.nlp.matcher import build_target_rules, finding_modes, rule_metadata
from hipdx.nlp.resolve import resolve, sentences_with
from hipdx.nlp.results import TextFinding, TextReading
from hipdx.nlp.sides import sides_in_pain
from hipdx.nlp.turns import asked_ranges, denied_ranges, within
from hipdx.nlp.values import ValueReader, ValueReading
from hipdx.types import Answer, FindingId, FindingKind

# Register the hipdx pipeline components with spaCy.
from hipdx.nlp import context_component as _context_component  # noqa: F401  isort: skip
from hipdx.nlp import matcher as _matcher  # noqa: F401  isort: skip
from hipdx.nlp import patterns as _patterns  # noqa: F401  isort: skip
from hipdx.nlp import sentences as _sentences  # noqa: F401  isort: skip


class TextReader:
    """A built reader: call `read(text)`. Build it with `build_reader` (it takes seconds)."""

    def __init__(
        self,
        nlp: Language,
        demographics: DemographicsReader,
        durations: DurationReader,
        table: ContextFile,
        kinds: Mapping[FindingId, FindingKind],
        embedder: EmbeddingMatcher | None = None,
        embedding: EmbeddingFile | None = None,
        values: ValueReader | None = None,
        safety: frozenset[FindingId] = frozenset(),
    ) -> None:
        self.nlp = nlp
        self.safety = safety
        places = table.places
        self._places = frozenset(places.findings) if places is not None else frozenset()
        self._pain_words = _lowered(places.pain_words if places is not None else ())
        self._feeling_words = _lowered(places.feeling_words if places is not None else ())
        self._other_sensations = _lowered(places.other_sensations if places is not None else ())
        sides = table.sides
        self._side_words = (
            {("left", w.lower()) for w in sides.left} | {("right", w.lower()) for w in sides.right}
            if sides is not None
            else set()
        )
        self.demographics = demographics
        self.durations = durations
        self.values = values
        self.table = table
        self.kinds = dict(kinds)
        self.embedder = embedder
        self.embedding = embedding

    @property
    def uses_embeddings(self) -> bool:
        """Whether the sentence-embedding matcher is part of this reader."""
        return self.embedder is not None

    def parse(self, text: str) -> Doc:
        """Run the spaCy pipeline (useful for debugging rules)."""
        return self.nlp(text)

    def read(
        self, text: str, *, today: date | None = None, given_age: int | None = None
    ) -> TextReading:
        """Read findings, age and sex from a clinical note or a patient's own words.

        Args:
            text: The note or description.
            today: Reference date for "since March"-type durations (skipped without it).
            given_age: The patient's age when known from elsewhere (a form field); it wins over
                an age the text states for age-banded cut-offs (numbers.yaml `by_age`).

        Returns:
            One TextFinding per finding the text says something usable about.
        """
        doc = self.nlp(text)
        mentions, covered, possible = self._lexicon_mentions(doc)
        age = self.demographics.read_age(text)
        durations = self.durations.read(text, today)
        mentions += self.durations.findings(text, durations, age)
        known_age = given_age
        if known_age is None and age is not None:
            known_age = age.age
        values = self.values.read(text, known_age) if self.values is not None else []
        mentions += self._value_mentions(doc, values)
        if self.embedder is not None and self.embedding is not None:
            read_spans = [d.span for d in durations] + ([age.span] if age is not None else [])
            read_spans += [v.span for v in values]
            covered |= {v.finding for v in values}
            mentions += self._embedding_mentions(doc, covered, read_spans)
        asked = asked_ranges(text, self.table.turns)
        mentions = [m for m in mentions if not within(m.span, asked)]
        denied = denied_ranges(text, self.table.turns)
        mentions = [replace(m, value=Answer.NO) if within(m.span, denied) else m for m in mentions]
        possible = [p for p in possible if not within(p.span, asked)]
        findings = resolve(
            mentions,
            self.kinds,
            self.table.conflicts,
            present=sentences_with(doc, self.table.conflicts.present),
            earlier=sentences_with(doc, self.table.conflicts.earlier),
            later=sentences_with(doc, self.table.conflicts.later),
            safety=self.safety,
        )
        read = {f.finding for f in findings}
        uncertain = {p.finding: p for p in reversed(possible) if p.finding not in read}
        return TextReading(
            findings=findings,
            age=age.age if age is not None else None,
            sex=self.demographics.read_sex(text),
            possible=tuple(sorted(uncertain.values(), key=lambda m: (m.span, m.finding))),
        )

    def _lexicon_mentions(
        self, doc: Doc
    ) -> tuple[list[TextFinding], set[FindingId], list[TextFinding]]:
        """Lexicon mentions with a value, the findings named at all, and the possible ones."""
        mentions: list[TextFinding] = []
        covered: set[FindingId] = set()
        possible: list[TextFinding] = []
        sides: dict[str, Span] = {}
        plural: Span | None = None
        for span in doc.spans[TARGET_GROUP]:
            metadata = rule_metadata(span)
            cues = [Cue(m.category, cue_distance(span, m.modifier_span)) for m in span._.modifiers]
            modes = finding_modes(metadata) or {span.label_: "assert"}
            for finding, mode in modes.items():
                covered.add(finding)
                if finding in self._places and mode != "label" and not self._names_pain(span):
                    continue
                outcome = assert_mention(finding, mode, cues, self.table, self.kinds)
                if (
                    outcome is None
                    and (maybe := possible_mention(finding, mode, cues, self.table, self.kinds))
                    is not None
                ):
                    possible.append(
                        TextFinding(
                            maybe.finding,
                            Answer.YES,
                            (span.start_char, span.end_char),
                            span.text,
                            "lexicon",
                        )
                    )
                if outcome is not None:
                    covered.add(outcome.finding)
                    mentions.append(
                        TextFinding(
                            outcome.finding,
                            outcome.value,
                            (span.start_char, span.end_char),
                            span.text,
                            "lexicon",
                        )
                    )
                    if outcome.value == Answer.YES:
                        sides.update(dict.fromkeys(self._sides(span, outcome.finding), span))
                        if plural is None and self._plural_site(span, outcome.finding):
                            plural = span
        spec = self.table.sides
        in_pain = sides_in_pain(doc, spec, self._pain_words) if spec is not None else {}
        if spec is not None and (len(sides) == 2 or plural is not None or len(in_pain) == 2):
            named = sides if len(sides) == 2 else in_pain
            last = plural or max(named.values(), key=lambda s: s.start)
            mentions.append(
                TextFinding(
                    spec.finding,
                    Answer.YES,
                    (last.start_char, last.end_char),
                    last.text,
                    "lexicon",
                )
            )
        return mentions, covered, possible

    def _names_pain(self, span: Span) -> bool:
        """Whether a pain-site mention or its sentence holds a pain word (context.yaml
        `places`): a site named on its own is a place ("the skin over the buttock"), and so is
        one whose only pain word is a verb of feeling said of another sensation ("my bottom felt
        numb")."""
        sentence = span.sent
        words = {t.lower_ for t in sentence} | set(sentence.text.lower().split())  # "c/o"
        said = words & self._pain_words
        if said and said <= self._feeling_words and words & self._other_sensations:
            return False  # "my bottom felt numb": the sensation felt is no pain
        return bool(said)

    def _sides(self, span: Span, finding: FindingId) -> set[str]:
        """The sides ("left", "right") a deficit mention names, in it or just after it within
        its clause ("weak whole left foot")."""
        spec = self.table.sides
        if spec is None or finding not in spec.deficits:
            return set()
        words = [t.lower_ for t in span]
        for token in span.doc[span.end : min(span.end + spec.reach, span.sent.end)]:
            if token.is_punct:
                break
            words.append(token.lower_)
        return {side for side, word in self._side_words if word in words}

    def _plural_site(self, span: Span, finding: FindingId) -> bool:
        """Whether a pain-site mention names a paired part in the plural ("buttocks pain") with
        no side in it or just before it ("her left buttocks")."""
        spec = self.table.sides
        if spec is None or finding not in spec.sites:
            return False
        if not any(t.lower_ in spec.plurals for t in span):
            return False
        start = max(span.sent.start, span.start - spec.reach)
        words = {t.lower_ for t in span.doc[start : span.end]}
        one = {w.lower() for w in spec.one_of}
        return not words & one and not any(word in words for _, word in self._side_words)

    def _value_mentions(self, doc: Doc, readings: list[ValueReading]) -> list[TextFinding]:
        """Number readings that ConText lets stand: the table decides whether a cue drops one
        (hypothetical, uncertain, a relative's); negation and result cues do not apply, as the
        number gives the value."""
        graph = doc._.context_graph
        modifiers = list(graph.modifiers) if graph is not None else []
        value_cues = set(self.table.nearest_wins)
        mentions: list[TextFinding] = []
        for reading in readings:
            start, end = reading.span
            span = doc.char_span(start, end, label=reading.finding, alignment_mode="expand")
            if span is None:
                continue
            cues = [
                Cue(m.category, 0)
                for m in modifiers
                if m.category not in value_cues
                and not (span.start <= m.modifier_span[0] and m.modifier_span[1] <= span.end)
                and m.modifies(span)
            ]
            outcome = assert_mention(reading.finding, "assert", cues, self.table, self.kinds)
            if outcome is not None:
                mentions.append(
                    TextFinding(
                        outcome.finding, reading.value, reading.span, doc.text[start:end], "number"
                    )
                )
        return mentions

    def _embedding_mentions(
        self, doc: Doc, read: set[FindingId], read_spans: list[tuple[int, int]]
    ) -> list[TextFinding]:
        assert self.embedder is not None and self.embedding is not None
        clauses = [
            c
            for c in clause_spans(doc, self.embedding.clause_breaks, self.embedding.min_words)
            if not self.embedder.is_clinical(c)
        ]
        graph = doc._.context_graph
        modifiers = list(graph.modifiers) if graph is not None else []
        targets = list(doc.spans[TARGET_GROUP])
        exam_scopes = [m.scope_span for m in modifiers if m.category in self.embedding.skip_scopes]
        clauses = [
            c for c in clauses if not any(s <= c.start and c.end <= e for s, e in exam_scopes)
        ]
        mentions: list[TextFinding] = []
        for clause, row in zip(
            clauses, self.embedder.scores([c.text for c in clauses]), strict=True
        ):
            inside = any(clause.start <= t.start and t.end <= clause.end for t in targets) or any(
                clause.start_char <= start and end <= clause.end_char for start, end in read_spans
            )
            # A finding the lexicon vetoes in this clause ("hay fever") is not read here either,
            # nor a pain site from a clause that names no pain.
            blocked = read | {f for f, s, e in doc._.vetoed if s < clause.end and clause.start < e}
            if not self.embedder.names_pain(clause):
                blocked |= self.embedder.sites
            blocked |= self.embedder.lacks_words(clause)
            blocked |= self.embedder.restated(clause, targets)
            contradicted = self.embedder.contradicted(clause, targets)
            hit = self.embedder.pick(row, blocked, inside, contradicted)
            if hit is None:
                continue
            # A cue for named findings only ("on a diet" for weight loss) leaves the others.
            cues = [
                Cue(m.category, 0)
                for m in modifiers
                if clause.start <= m.modifier_span[0]
                and m.modifier_span[1] <= clause.end
                and not (m.rule.metadata or {}).get("results_only", False)
                and hit.finding in ((m.rule.metadata or {}).get("findings") or [hit.finding])
                and not self._inability(doc, m.modifier_span[0])
            ]
            negated = any(c.category == "NEGATED_EXISTENCE" for c in cues)
            # A finding worded as a negation takes the clause's negation as its own wording; any
            # other finding is negated only by a clause naming its content.
            if self.embedder.states_negation(clause, hit.finding):
                cues = [c for c in cues if c.category != "NEGATED_EXISTENCE"]
            elif negated and (
                hit.finding in self.embedding.negative_wording
                or not self.embedder.names_content(clause, hit.finding)
            ):
                continue
            outcome = assert_mention(hit.finding, "assert", cues, self.table, self.kinds)
            if outcome is not None:
                mentions.append(
                    TextFinding(
                        outcome.finding,
                        outcome.value,
                        (clause.start_char, clause.end_char),
                        clause.text,
                        "embedding",
                    )
                )
        return mentions

    def _inability(self, doc: Doc, cue_start: int) -> bool:
        """Whether a negation cue says "cannot" ("I can't lie on it": the finding, not its
        absence, for a clause matched by similarity)."""
        assert self.embedding is not None
        words = {w.lower() for w in self.embedding.inability_words}
        token = doc[cue_start]
        before = doc[cue_start - 1].lower_ if cue_start > 0 else ""
        return token.lower_ in words or (token.lower_ in ("n't", "not") and before in words)


def red_flag_triggers(kb: KnowledgeBase) -> set[FindingId]:
    """Findings that fire a red flag on their own (the `any_of` of a rule with no `all_of`):
    the embedding matcher reads them only at `red_flag_threshold`."""
    return {f for flag in kb.red_flags.values() if not flag.when.all_of for f in flag.when.any_of}


def _check_ids(lexicon: LexiconFile, findings: Mapping[FindingId, Finding]) -> None:
    named = [e.finding for e in lexicon.entries] + [f for b in lexicon.bundles for f in b.findings]
    unknown = sorted(set(named) - set(findings))
    if unknown:
        raise KnowledgeBaseError(f"nlp/lexicon.yaml names unknown findings: {unknown}")


def build_reader(
    *,
    use_embeddings: bool = True,
    findings: Mapping[FindingId, Finding] | None = None,
    lexicon: LexiconFile | None = None,
    context: ContextFile | None = None,
    numbers: NumbersFile | None = None,
    embedding: EmbeddingFile | None = None,
    encoder: Encoder | None = None,
) -> TextReader:
    """Assemble a TextReader: the one place the NLP pipeline is built.

    Args:
        use_embeddings: Add the sentence-embedding matcher (loads all-MiniLM-L6-v2; slower to
            build). Without it the reader is rules only.
        findings: Findings by id (default: the shipped knowledge base's).
        lexicon: Lexicon (default: nlp/lexicon.yaml).
        context: ConText rules and attribute table (default: nlp/context.yaml).
        numbers: Number vocabulary (default: nlp/numbers.yaml).
        embedding: Embedding-matcher settings (default: nlp/embedding.yaml).
        encoder: Sentence encoder (default: all-MiniLM-L6-v2); tests may pass a fake.

    Raises:
        KnowledgeBaseError: an NLP data file is malformed or names an unknown finding.
        ImportError: the `nlp` extra is not installed.
    """
    kb = load_knowledge_base()
    triggers = red_flag_triggers(kb) if findings is None else set()
    findings = findings if findings is not None else kb.findings
    lexicon = lexicon or load_lexicon()
    context = context or load_context()
    numbers = numbers or load_numbers()
    _check_ids(lexicon, findings)
    kinds = {f.id: f.kind for f in findings.values()}

    medspacy = import_medspacy()
    nlp = medspacy.load(medspacy_enable=["medspacy_tokenizer"])
    nlp.add_pipe("hipdx_sentences")
    nlp.add_pipe("hipdx_stems")
    lexicon_matcher = nlp.add_pipe("hipdx_lexicon")
    for group, vetoes in build_target_rules(lexicon, nlp.tokenizer):
        lexicon_matcher.add(group, vetoes)
    if context.shared_heads is not None:
        lexicon_matcher.set_shared_heads(
            build_shared_heads(context.shared_heads, nlp.tokenizer, nlp.vocab)
        )
    context_component = nlp.add_pipe("hipdx_context")
    context_component.set_attributes(span_attributes(context))
    context_component.add(build_context_rules(context, nlp.tokenizer, kinds))
    if context.proxy is not None:
        context_component.set_proxy(
            context.proxy.categories,
            build_proxy_openers(context, nlp.tokenizer),
            context.proxy.first_person,
        )

    embedder = None
    settings = None
    if use_embeddings:
        settings = embedding or load_embedding_settings()
        embedder = EmbeddingMatcher(encoder or load_minilm(), findings, lexicon, settings, triggers)
    return TextReader(
        nlp,
        DemographicsReader(numbers),
        DurationReader(numbers),
        context,
        kinds,
        embedder,
        settings,
        ValueReader(numbers),
        frozenset(triggers),
    )


def default_reader(use_embeddings: bool = True) -> TextReader:
    """The reader built from the shipped data, built once per process and reused.

    Args:
        use_embeddings: With the sentence-embedding matcher (the default) or rules only; each
            variant is built at most once.
    """
    return _cached_reader(bool(use_embeddings))


@lru_cache(maxsize=2)
def _cached_reader(use_embeddings: bool) -> TextReader:
    return build_reader(use_embeddings=use_embeddings)


def _lowered(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def read_text(
    text: str,
    reader: TextReader | None = None,
    *,
    today: date | None = None,
    given_age: int | None = None,
) -> TextReading:
    """Read findings, age and sex from free text.

    Args:
        text: A clinician's note or a patient's description.
        reader: A reader from `build_reader` (default: the cached default reader, with
            embeddings).
        today: Reference date for "since March"-type durations.
        given_age: The patient's age from a form field, for age-banded cut-offs.

    Returns:
        The TextReading: one TextFinding per finding, plus age and sex.
    """
    return (reader or default_reader()).read(text, today=today, given_age=given_age)
