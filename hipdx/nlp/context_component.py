"""The ConText pipeline component: medspaCy's ConText algorithm over hipdx's lexicon mentions.

It uses medspaCy's ConTextRule, ConTextModifier and ConTextGraph unchanged; only the driver
differs from `medspacy.context.ConText`:

- a cue that lies inside a lexicon mention ("no" in "no improvement", "palpable" in "no palpable
  defect") is dropped BEFORE scopes are computed. medspaCy drops such cues only after scoping,
  so they still cut short the scope of a real cue of the same category ("no palpable defect"
  would lose its "no"). A cue that opens a mention heading a list is kept for the rest of the
  list ("No injury, fever, ... or faecal incontinence"; "not relieved by rest or
  anti-inflammatories"), and a result cue inside a finding that is no test name is kept for the
  test beside it ("A piriformis injection gave no relief"); neither modifies the mention it
  lies in. A cue inside one mention right before another that overlaps it is kept for that one
  ("Pain is not improved by sitting": the "not" of "Pain is not improved" negates "improved by
  sitting"), and so is a cue whose rule `holds_mentions` ("because her knees buckled"). Such cues
  are dropped before overlapping cues are pruned to the longest, so a longer
  cue that runs into a mention ("not tender" in "not tender over the SIJ") leaves the shorter
  cue it covered ("not"); a pseudo-cue is never dropped so ("could not feel" stays no negation);
- a cue whose rule says `ignores_terminators` keeps its scope past "but" ("I've lost 8 kg, but
  that's on purpose"), and a results-only cue ("palpable") does not cut short the scope of a
  cue that applies to every mention ("no palpable mass": the "no" reaches the mass);
- a mention that opens with a cue of its own ("no trauma") takes no other cue of that category
  ("No history of diabetes, no trauma" is no double negative);
- a text that opens by introducing someone else ("My son is 8 and ...") is about that person:
  the word naming them is no family or other-person cue anywhere in it (context.yaml `proxy`);
- in a text written in the first person, a cue naming someone else reaches on through its
  sentence until the writer's own "I", "my" or "me" ("My friend had piriformis syndrome and her
  pain was worse when sitting").
"""

# No `from __future__ import annotations` in this module: spaCy resolves factory signatures at
# runtime and cannot read string annotations.

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from hipdx.nlp.context import LIST_WORDS, TARGET_GROUP, mention_mode, named_tests
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
        self._proxy = Matcher(nlp.vocab, validate=False)
        self._proxy_categories: frozenset[str] = frozenset()
        self._first_person: frozenset[str] = frozenset()
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

    def set_proxy(
        self,
        categories: Iterable[str],
        openers: list[list[dict[str, Any]]],
        first_person: Iterable[str] = (),
    ) -> None:
        """Openers (token patterns) that name the patient in a text written about someone else,
        the cue categories the naming word then loses, and the words of a first-person text that
        end such a cue's reach (`_follow_others`)."""
        self._proxy_categories = frozenset(categories)
        self._first_person = frozenset(w.lower() for w in first_person)
        if openers:
            self._proxy.add("proxy", openers)

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
        found = self._matcher(doc)
        matches = self._prune(found)
        results = [
            (start, end)
            for match_id, start, end in matches
            if (self._rule(match_id).metadata or {}).get("results_only")
        ]
        attached = _attached_results(targets, results)
        if attached:
            targets = [t for t in targets if t not in attached]
            doc.spans[TARGET_GROUP] = targets
        taken = [(t.start, t.end) for t in targets]
        graph = self._context.ConTextGraph(targets=targets, modifiers=[])
        subject = self._proxy_words(doc, matches)
        # Mentions that open with a negation of their own ("no trauma"): that category is said.
        opened: set[tuple[int, int, str]] = set()
        for match_id, start, end in matches:
            rule = self._rule(match_id)
            if (rule.metadata or {}).get("heads_lists"):
                opened |= {(s, e, rule.category) for s, e in taken if s == start and end <= e}
        # A cue dropped for running into a mention no longer hides the shorter cue it outran: in
        # "not tender over the SIJ" the "not" stays once "not tender" is dropped for the mention
        # "tender over the SIJ". A pseudo-cue still hides the cue it covers ("could not feel").
        kept = [
            (match_id, start, end)
            for match_id, start, end in found
            if self._rule(match_id).direction.upper() == "PSEUDO"
            or _usable(doc, self._rule(match_id), (start, end), targets, taken)
        ]
        for match_id, start, end in self._prune(kept):
            rule = self._rule(match_id)
            if not _usable(doc, rule, (start, end), targets, taken):
                continue  # a pseudo-cue kept above only to hide the cues it covers
            if rule.category in self._proxy_categories and _word(doc[start:end]) in subject:
                continue
            graph.modifiers.append(self._context.ConTextModifier(rule, start, end, doc))
        _finish_lists(doc, graph.modifiers, taken)
        _update_scopes(doc, graph.modifiers)
        _follow_others(doc, graph.modifiers, self._proxy_categories, self._first_person)
        _reach_test_lists(doc, graph.modifiers, targets)
        graph.apply_modifiers()
        for target, modifier in graph.edges:
            if (target.start, target.end, modifier.category) in opened:
                continue  # "No history of diabetes, no trauma": the list's "no" is not doubled
            target._.modifiers += (modifier,)
            for attribute, value in self.attributes.get(modifier.category, {}).items():
                setattr(target._, attribute, value)
        doc._.context_graph = graph
        return doc

    def _rule(self, match_id: int) -> Any:
        """The ConTextRule a matcher hit stands for."""
        return self._rules[self.vocab.strings[match_id]]

    def _proxy_words(self, doc: Doc, matches: list[tuple[int, int, int]]) -> set[str]:
        """The words naming the patient when the text opens about someone else ("my son")."""
        openers = [(s, e) for _, s, e in self._proxy(doc) if s == 0]
        if not openers:
            return set()
        words = set()
        for match_id, start, end in matches:
            rule = self._rule(match_id)
            inside = any(s <= start and end <= e for s, e in openers)
            if inside and rule.category in self._proxy_categories:
                words.add(_word(doc[start:end]))
        return words


COPULAS = frozenset({"is", "are", "was", "were", "felt", "remain", "remained"})
"""Words between a test name and the result word said of it ("pulses were weak")."""
ATTACHED_WORDS = 2
"""Longest mention read as a result word on the test name after it ("weak ankle pulses")."""
LOCATIVES = frozenset({"in", "at", "on", "over", "of", "bilaterally", "distally", "throughout"})
"""Words after a result word that say where the result was found ("pulses were weak in the left
foot"): the phrase is still the result said of the test before it."""


def _attached_results(targets: list[Span], results: list[tuple[int, int]]) -> list[Span]:
    """Mentions that are a test's result word rather than findings of their own: a result word
    and at most one more word right before another finding's test name ("weak ankle pulses"),
    or only result words said of one, perhaps with where they were found ("pulses were weak",
    "pulses were weak in the left foot"). The noun phrase's head is the test,
    so the word is its result (a results cue), not a deficit of its own; a longer phrase has a
    head of its own ("altered sensation in the right S1 dermatome")."""
    tests = [t for t in targets if mention_mode(t) == "result"]

    def result_word(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in results)

    attached = []
    for mention in targets:
        if mention_mode(mention) == "result":
            continue
        doc = mention.doc
        others = [t for t in tests if t.label_ != mention.label_]
        before = (
            len(mention) <= ATTACHED_WORDS
            and any(t.start == mention.end for t in others)
            and result_word(mention.start, mention.start + 1)
        )
        gap = mention.start
        while gap > 0 and doc[gap - 1].lower_ in COPULAS:
            gap -= 1
        said = result_word(mention.start, mention.end) or (
            result_word(mention.start, mention.start + 1)
            and mention.start + 1 < len(doc)
            and doc[mention.start + 1].lower_ in LOCATIVES
        )
        after = any(t.end == gap for t in others) and said
        if before or after:
            attached.append(mention)
    return attached


OR_LINKS = frozenset({"or", "nor"})
"""Words after a mention that carry any cue opening it on to the next item ("not relieved by rest
or anti-inflammatories"); a comma does so only for cues that head lists (context.yaml)."""


def _usable(
    doc: Doc, rule: Any, cue: tuple[int, int], targets: list[Span], taken: list[tuple[int, int]]
) -> bool:
    """Whether a cue may modify mentions: it overlaps none, or is kept for a list its mention
    heads or for the test beside the finding it lies in (see module doc)."""
    start, end = cue
    return (
        not any(s < end and start < e for s, e in taken)
        or _heads_list(doc, rule, cue, taken)
        or _result_in_finding(rule, cue, targets)
        or _before_overlapping(cue, taken)
        or (
            (rule.metadata or {}).get("holds_mentions", False)
            and all(start <= s and e <= end for s, e in taken if s < end and start < e)
        )
    )


def _before_overlapping(cue: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether a cue inside a mention stands right before another mention that starts inside
    the first ("not" in "Pain is not improved by sitting" before "improved by sitting"): the cue
    is kept for that one (the rule's `on_modifies` keeps it off the mention it lies in)."""
    start, end = cue
    return any(
        s == end and any(a <= start and end <= b and s < b for a, b in taken) for s, _ in taken
    )


def _heads_list(doc: Doc, rule: Any, cue: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether a cue opens a mention that is followed by more list items ("No injury, fever"):
    the cue is kept for them (the rule's `on_modifies` keeps it off the mention it lies in)."""
    if rule.direction.upper() not in ("FORWARD", "BIDIRECTIONAL"):
        return False
    links = OR_LINKS | ({","} if (rule.metadata or {}).get("heads_lists") else set())
    return any(
        start == cue[0] and end < len(doc) and doc[end].lower_ in links for start, end in taken
    )


def _result_in_finding(rule: Any, cue: tuple[int, int], targets: list[Span]) -> bool:
    """Whether a results-only cue lies only in findings that are no test names.

    "A piriformis injection gave no relief" gives the test its result, though "injection gave no
    relief" is also a finding (failed treatment), so the cue is kept for the test beside it. The
    rule's `on_modifies` still keeps it off the mention it lies in and off findings that are no
    results; an "absent" phrase such as "normal gait" keeps its own result word."""
    if not (rule.metadata or {}).get("results_only"):
        return False
    start, end = cue
    # ... and lies wholly in each ("not improved" runs into "improved by sitting": not kept)
    return all(
        mention_mode(t) == "assert" and t.start <= start and end <= t.end
        for t in targets
        if t.start < end and start < t.end
    )


def _finish_lists(doc: Doc, modifiers: list[Any], taken: list[tuple[int, int]]) -> None:
    """A forward cue's word limit does not cut a list of findings short: a scope that ends on a
    list word or inside a mention runs on through list words and mentions to the list's last
    mention ("does not report leg weakness, bladder dysfunction, numbness, or fever": the fever
    is denied too). Whether the cue applies to each item is still the clause rule's to decide."""

    def mention_end(index: int) -> int | None:
        return next((e for s, e in taken if s <= index < e), None)

    for modifier in modifiers:
        if modifier.direction.upper() not in ("FORWARD", "BIDIRECTIONAL"):
            continue
        if modifier.rule.max_scope is None:
            continue
        start, end = modifier.scope_span
        sentence_end = doc[modifier.modifier_span[0]].sent.end
        if end >= sentence_end or end <= start:
            continue
        inside = mention_end(end - 1)
        on_list = doc[end - 1].lower_ in LIST_WORDS or (
            inside is not None and (inside > end or doc[end].lower_ in LIST_WORDS)
        )
        if not on_list:
            continue  # the scope ends at a word of its own, or at a mention no list goes on from
        stop, j = end, end
        while j < sentence_end:
            found = mention_end(j)
            if found is not None:
                j = stop = found
            elif doc[j].lower_ in LIST_WORDS:
                j += 1
            else:
                break
        if stop > end:
            modifier.update_scope(doc[start:stop])


def _update_scopes(doc: Doc, modifiers: list[Any]) -> None:
    """medspaCy's `ConTextGraph.update_scopes` (each pair of cues may cut each other's scope),
    except that a cue whose rule `ignores_terminators` is not cut by terminators, and a
    results-only cue ("palpable", "normal") does not cut a cue that applies to everything
    ("no palpable mass in the buttock": "no" still reaches the mass)."""
    for i, first in enumerate(modifiers):
        for second in modifiers[i + 1 :]:
            for cue, other in ((first, second), (second, first)):
                if _may_limit(cue, other):
                    _limit_scope(doc, cue, other)


def _limit_scope(doc: Doc, cue: Any, other: Any) -> None:
    """medspaCy's `ConTextModifier.limit_scope`: a terminator, a cue of the same category, or
    a backward cue after a forward one, ends the scope of a cue it stands in. Its overlap test
    misses a scope that holds the cue's whole scope, and a terminator's scope is the whole
    sentence, so a cue with a `max_scope` ran past "but" ("He does not have fever but has night
    pain"); here any overlap counts."""
    start, end = cue.scope_span
    other_start, other_end = other.scope_span
    if not (start < other_end and other_start < end) or cue.direction.upper() == "TERMINATE":
        return
    same = other.category.upper() == cue.category.upper()
    terminates = other.direction.upper() == "TERMINATE"
    # A cue that looks back qualifies the phrase before it, so a forward cue's scope ends there:
    # in "denied any leg weakness prior to the football game" the game is not denied.
    closes = other.direction.upper() == "BACKWARD" and cue.direction.upper() == "FORWARD"
    if not (terminates or same or closes or other.category.upper() in cue.rule.terminated_by):
        return
    if same and (
        cue.allowed_types != other.allowed_types or cue.excluded_types != other.excluded_types
    ):
        return
    direction = cue.direction.upper()
    if direction in ("FORWARD", "BIDIRECTIONAL") and other.modifier_span[0] > cue.modifier_span[0]:
        end = min(end, other.modifier_span[0])
    if direction in ("BACKWARD", "BIDIRECTIONAL") and other.modifier_span[1] < cue.modifier_span[1]:
        start = max(start, other.modifier_span[1])
    if (start, end) != cue.scope_span:
        cue.update_scope(doc[start:end])


def _follow_others(
    doc: Doc, modifiers: list[Any], categories: frozenset[str], first_person: frozenset[str]
) -> None:
    """In a text written in the first person, a cue naming someone else ("my friend") reaches
    forward to the writer's own next "I", "my" or "me" (and no further), or else to a terminator
    past its own scope or the end of its sentence: "My friend had piriformis syndrome and her
    pain was worse when sitting" is the friend's pain, "... and my pain is worse when sitting"
    the writer's. Whether it applies across a comma is still the clause rule's to decide."""
    if not first_person or not any(t.lower_ in first_person for t in doc):
        return
    stops = {m.modifier_span[0] for m in modifiers if m.direction.upper() == "TERMINATE"}
    for modifier in modifiers:
        if modifier.category not in categories:
            continue
        if modifier.direction.upper() not in ("FORWARD", "BIDIRECTIONAL"):
            continue
        start, end = modifier.scope_span
        cue_end = modifier.modifier_span[1]
        if end < cue_end:
            continue
        sentence_end = doc[modifier.modifier_span[0]].sent.end
        stop = cue_end
        while stop < sentence_end and doc[stop].lower_ not in first_person:
            if stop >= end and stop in stops:
                break  # past its own scope a terminator still ends it
            stop += 1
        if stop != end:
            modifier.update_scope(doc[start:stop])


ARTICLES = frozenset({"the", "a", "an", "its", "his", "her", "their", "my"})
"""Words that may open a test's name in a list of tests ("Lasegue's sign and the crossed SLR")."""


def _reach_test_lists(doc: Doc, modifiers: list[Any], targets: list[Span]) -> None:
    """A result written once after a list of test names reaches back over the whole list ("FADIR
    and FABER tests are positive"; "SLR, slump and FABER tests were negative"; "Lasegue's sign
    and the crossed SLR were positive"): a backward cue whose scope holds a test name, or a named
    test hipdx reads nothing from ("its strengthening test"), also reaches each test name joined
    to it by list words, articles and named tests only. The rule's `on_modifies` still decides
    whether it applies."""
    tests = sorted((t.start, t.end) for t in targets if mention_mode(t) == "result")
    for modifier in modifiers:
        if modifier.direction.upper() not in ("BACKWARD", "BIDIRECTIONAL"):
            continue
        start, end = modifier.scope_span
        cue = modifier.modifier_span[0]
        sentence = doc[cue].sent.start
        named = named_tests(doc, sentence, cue)
        reached = [t[0] for t in tests if t[1] <= cue and start < t[1]]
        reached += [i for i in named if start <= i < cue]
        if not reached:
            continue
        first = min(reached)
        joined = first
        while joined > sentence:
            i = joined - 1
            test = next((t for t in tests if t[0] <= i < t[1]), None)
            if test is not None:
                joined = first = test[0]
            elif doc[i].lower_ in LIST_WORDS or doc[i].lower_ in ARTICLES or i in named:
                joined = i
            else:
                break
        if first < start:
            modifier.update_scope(doc[first:end])


def _may_limit(cue: Any, other: Any) -> bool:
    mine = cue.rule.metadata or {}
    theirs = other.rule.metadata or {}
    if mine.get("ignores_terminators", False) and other.direction.upper() == "TERMINATE":
        return False
    return not (theirs.get("results_only", False) and not mine.get("results_only", False))


def _word(span: Span) -> str:
    """A cue's words in lower case, without a trailing possessive ("son's" -> "son")."""
    return " ".join(t.lower_ for t in span if t.lower_ not in ("'s", "\u2019s"))


@Language.factory("hipdx_context")
def make_context_component(nlp: Language, name: str) -> ContextComponent:
    """spaCy factory for `ContextComponent` (rules are added after creation)."""
    return ContextComponent(nlp, name)
