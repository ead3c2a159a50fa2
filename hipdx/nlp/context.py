"""ConText cues from `context.yaml` as medspaCy ConTextRules, with hipdx's clause rule.

A cue reaches across a comma only into a plain list of findings ("no fever, night sweats or
weight loss"; words of `list_items` such as "fracture" may stand in the list without being
findings, and so may a short item of its own in a list closed by "and" or "or": "no deformity,
swelling or bruising", a longer one in a list closed by "or": "no evidence of a fracture, sacral
stress response or tumour"), never into the next clause of a comma-separated note ("no saddle
anaesthesia, L buttock pain"). A backward cue crosses a comma only through a list of tests
("SLR, slump and FABER negative"; a named test hipdx reads nothing from may stand in it: "FABER
test, Gaenslen test and the pelvic compression test reproduce her pain"), so "buttock pain,
neuro NAD" does not negate the pain, unless its rule says `backward_lists` ("fever, night
sweats and weight loss were absent"), and never when it opens a test of its own ("reflexes,
positive slump test"). The last item of a list closed by "or" may be a longer phrase ("denies
numbness, tingling, or pain radiating below the knee").

A negated list ends at an item that opens with a word giving it its own value (`list_breakers`:
"no saddle paraesthesia, tender SIJ"), and a cue inside brackets stays there ("bowel incontinence
(he has long-standing diarrhoea)").

A result word joined by "and" to a named finding does not describe it ("normal posture and
tenderness over the ischial tuberosity"; "intact sensation and absent ankle jerk"), though it
still describes a test name ("normal gait and reflexes"), and one past "vs" describes the other
side ("knee flexion 4/5 right vs 5/5 left").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from hipdx.nlp.coordination import SharedHeads
from hipdx.nlp.lexicon import ContextFile, ContextRuleSpec, MentionMode, SharedHeadsSpec
from hipdx.nlp.patterns import compile_phrase
from hipdx.types import FindingId, FindingKind

TARGET_GROUP = "hipdx_targets"
"""Span group holding the lexicon mentions ConText modifies."""

LIST_WORDS = frozenset(
    {",", "/", "&", "and", "or", "nor", "any", "either", "neither", "+", "or/and"}
)
"""Tokens that may sit between two items of one list."""
LIST_END = frozenset({",", "/", "&", "and", "or", "nor", ".", ";", ")", "?", "!"})
"""Tokens after which a forward cue's list may go on."""
FINAL_ITEM = frozenset({"or", "nor"})
"""Words that open the last item of a list (which may then be a longer phrase)."""
COMPARATORS = frozenset({"vs", "vs.", "versus", "v", "cf", "cf.", "compared"})
"""Words between two sides' results: a result word past one does not describe the other ("knee
flexion strength 4/5 right vs 5/5 left")."""
COORDINATORS = frozenset({"and", "&", "with", "plus", "but", "or", "nor"})
"""Words joining two findings: a result word on one side does not describe the other ("no
evidence of fracture, stress response or tumour": the response is its own item's)."""
DETERMINERS = frozenset({"a", "an", "the", "his", "their", "my"})  # not "that", "her": pronouns too
"""Words after which a cue opens a noun phrase ("after a questionable history of ..."): it modifies
the words after it, never a mention before it ("SLR: a history of" is rare, unlike "SLR
equivocal")."""
CLAUSE_OPENERS = frozenset(
    {"because", "as", "when", "since", "after", "where", "while", "if", "so", "due", "owing"}
    | {"secondary", "caused", "from", "but", "and", "yet", "whereas"}
)
"""Words no noun phrase opens with: a cue starting with one ("in the kitchen because her knees
buckled", "negative on the left but positive on the right") opens a clause, a phrase of reason or
a coordinated predicate, not a noun phrase after a determiner."""
ITEM_WORDS = 2
"""Most words a negated list's item may have when it names no finding ("no deformity, swelling or
bruising") ...
"""
OR_ITEM_WORDS = 4
"""... or in a list closed by "or" or "nor", which after a negation carries it to every item ("no
evidence of fracture, sacral stress response or tumour"; a positive list closes with "and") ..."""
ITEM_ARTICLES = frozenset({"a", "an", "the", "any"})
"""Words that may open an item of a list closed by "or" without counting as its words: "no
evidence of a disc herniation, canal stenosis or a sacral fracture" ("no bruising, a limp and
tenderness" is two statements: an article in a list closed by "and" opens a positive one)."""
TREATMENT_WORDS = 4
"""... and when a result cue heads the list, whose items are treatments ("has not responded to
several opioid medications, trigger point injections or epidural steroid injections")."""
FUNCTION_WORDS = frozenset(
    {"i", "he", "she", "it", "they", "we", "you", "is", "was", "are", "were", "be", "been", "has"}
    | {"have", "had", "the", "a", "an", "this", "that", "which", "who", "with", "of", "in", "on"}
    | {"at", "to", "from", "for", "by", "after", "before", "then", "his", "her", "my", "their"}
)
"""Words that open a clause or a phrase of its own, never a list item of a negated list."""
PAIN_HEADS = frozenset({"pain", "pains", "ache", "aches", "aching", "discomfort", "soreness"})
"""Head nouns a finding may describe ("pain radiating below the knee"): written before a finding
they are its head, not a modifier, so "No numbness, and pain radiating below the knee" is two
clauses."""
RESULT_KINDS = frozenset({FindingKind.EXAM, FindingKind.INVESTIGATION})
TEST_HEADS = frozenset({"test", "tests", "sign", "signs", "manoeuvre", "maneuver", "manoeuvres"})
"""Head nouns of a named test: "Gaenslen test" may stand in a list of tests a backward result
covers ("FABER test, Gaenslen test and the pelvic compression test reproduce her pain") though
hipdx reads no finding from it."""
TEST_NAME_WORDS = 4
"""Most words a named test may have before its head noun ("the pelvic compression test")."""


def mention_mode(span: Span) -> MentionMode:
    """How a lexicon mention counts (stored in its TargetRule's metadata)."""
    rule = span._.target_rule
    metadata = getattr(rule, "metadata", None) or {}
    mode: MentionMode = metadata.get("mode", "assert")
    return mode


def mention_findings(span: Span) -> list[str]:
    """The finding ids a mention names (several for a bundle; a number reading has its label)."""
    rule = span._.target_rule
    metadata = getattr(rule, "metadata", None) or {}
    findings: list[str] = metadata.get("findings", [span.label_])
    return findings


def is_result_mention(span: Span, kinds: Mapping[FindingId, FindingKind]) -> bool:
    """True for test/check mentions and exam or investigation findings (results cues apply)."""
    return mention_mode(span) == "result" or kinds.get(span.label_) in RESULT_KINDS


def _covered(doc: Doc, targets: list[tuple[int, int]], index: int) -> bool:
    return any(start <= index < end for start, end in targets)


def clause_allows(
    doc: Doc,
    target: tuple[int, int],
    cue: tuple[int, int],
    test_spans: list[tuple[int, int]],
    all_spans: list[tuple[int, int]],
    forward_lists: bool = True,
    backward_lists: bool = False,
    list_items: frozenset[str] = frozenset(),
    list_breakers: frozenset[str] = frozenset(),
    item_words: int = ITEM_WORDS,
    clause_verbs: frozenset[str] = frozenset(),
) -> bool:
    """Whether a cue at token range `cue` may modify the mention at `target` (see module doc).

    Args:
        doc: The document.
        target: Token range of the mention.
        cue: Token range of the cue.
        test_spans: Token ranges of the test/check mentions.
        all_spans: Token ranges of all lexicon mentions.
        forward_lists: Whether the cue may run forward through a list at all.
        backward_lists: Whether the cue may run back through a list of findings of any kind
            ("fever, night sweats and weight loss were absent").
        list_items: Words that may stand as items of a list without being mentions
            ("no fracture, tumour or infection").
        list_breakers: Words that, opening an item after a comma, give that item its own value
            and end a forward cue's list ("no saddle paraesthesia, tender SIJ").
        item_words: Most words of a list item that names no finding ("no deformity, swelling
            or bruising"), or that stand before the finding in its own item ("denied bladder
            dysfunction, lower extremity neurologic symptoms, or low back pain").
        clause_verbs: Words that open a clause of their own, so never modify an item ("denies
            trauma, reports numbness").
    """
    forward = cue[1] <= target[0]
    start, end = (cue[1], target[0]) if forward else (target[1], cue[0])
    between = range(start, end)
    if _leaves_brackets(doc, between, forward):
        return False
    if not any(doc[i].text == "," for i in between):
        return True
    if forward and not forward_lists:
        return False
    if forward and any(
        doc[i].text == "," and doc[i + 1].lower_ in list_breakers for i in range(start, target[1])
    ):
        return False  # "no saddle paraesthesia, tender SIJ": an item with its own value ends it
    if not forward and any(start == cue[1] for start, _ in test_spans):
        return False  # "reflexes, positive slump test": the word is the next test's result
    # The last item of a list closed by "or" may be a longer phrase: "denies numbness, tingling,
    # or pain radiating below the knee".
    last = max((i for i in between if doc[i].lower_ in FINAL_ITEM), default=end) if forward else end
    if any(doc[i].text == "," for i in range(last, end)):
        last = end
    named = named_tests(doc, start, last) if not forward else set()
    unknown = []
    for i in range(start, last):
        word = doc[i].lower_
        listed = word in LIST_WORDS or word in list_items or i in named
        if not listed and not _covered(doc, all_spans, i):
            if not forward:
                return False
            unknown.append(i)
    if unknown and not _plain_items(
        doc, unknown, all_spans, start, target, item_words, list_items, clause_verbs
    ):
        return False
    if not forward and backward_lists:
        return True
    if forward:
        after = target[1]
        return (
            after >= len(doc)
            or doc[after].is_sent_start is True
            or doc[after].lower_ in LIST_END
            or _covered(doc, all_spans, after)
        )
    inner = [span for span in all_spans if start <= span[0] and span[1] <= end]
    return target in test_spans and all(span in test_spans for span in inner)


def _plain_items(
    doc: Doc,
    unknown: list[int],
    all_spans: list[tuple[int, int]],
    start: int,
    target: tuple[int, int],
    item_words: int,
    list_items: frozenset[str],
    clause_verbs: frozenset[str],
) -> bool:
    """Whether the words of a negated list that are no findings (`unknown`, in the list that
    starts at token `start` before the mention at `target`) are items of their own ("no
    deformity, swelling or bruising"): each such item is at most `item_words` content words
    (OR_ITEM_WORDS in a list closed by "or", where an article opening an item does not count)
    with no finding in it, the mention's own item holds at most `item_words` modifiers and no
    clause verb ("lower extremity neurologic symptoms", "any symptoms of bladder dysfunction";
    "denies trauma, reports numbness and tingling" is two clauses), and the list is closed by
    "and", "or" or "nor" before the mention or just after it."""
    closers = {"and", "or", "nor"}
    after = doc[target[1] : min(target[1] + item_words + 2, doc[target[0]].sent.end)]
    if not any(doc[i].lower_ in closers for i in range(start, target[0])) and not any(
        t.lower_ in closers for t in after
    ):
        return False
    or_closed = any(doc[i].lower_ in FINAL_ITEM for i in range(start, target[0])) or any(
        t.lower_ in FINAL_ITEM for t in after
    )
    if or_closed:
        item_words = max(item_words, OR_ITEM_WORDS)
    groups: list[list[int]] = [[]]
    for i in range(start, target[0]):
        if doc[i].lower_ in LIST_WORDS:
            groups.append([])
        elif groups[-1] or not or_closed or doc[i].lower_ not in ITEM_ARTICLES:
            groups[-1].append(i)
    own = [i for i in groups[-1] if i in unknown]
    if own and not _modifiers(doc, own, item_words, list_items, clause_verbs):
        return False
    for group in groups[:-1]:  # the mention's own item is checked above
        words = [i for i in group if i in unknown]
        if not words:
            continue
        covered = [i for i in group if _covered(doc, all_spans, i)]
        if covered:
            # an item naming a finding: its other words must be modifiers written before it
            if max(words) > min(covered) or not _modifiers(
                doc, words, item_words, list_items, clause_verbs
            ):
                return False
            continue
        if len(words) > item_words:
            return False
        if any(not doc[i].is_alpha or doc[i].lower_ in FUNCTION_WORDS for i in words):
            return False
    return True


def _modifiers(
    doc: Doc,
    words: list[int],
    item_words: int,
    list_items: frozenset[str],
    clause_verbs: frozenset[str],
) -> bool:
    """Whether the words before a finding in its own list item modify it ("lower extremity
    neurologic symptoms"): a few plain words, none a clause verb or function word but the "of"
    of a list word ("any symptoms of bladder dysfunction")."""
    if len(words) > item_words:
        return False
    for i in words:
        word = doc[i].lower_
        if word == "of" and i > 0 and doc[i - 1].lower_ in list_items:
            continue
        if not doc[i].is_alpha or word in FUNCTION_WORDS | PAIN_HEADS or word in clause_verbs:
            return False
    return True


def named_tests(doc: Doc, start: int, end: int) -> set[int]:
    """Token indices in [start, end) of named tests hipdx has no finding for: a head noun of
    TEST_HEADS and up to TEST_NAME_WORDS words before it, within one list item."""
    named: set[int] = set()
    for i in range(start, end):
        if doc[i].lower_ not in TEST_HEADS:
            continue
        named.add(i)
        j = i - 1
        while j >= max(start, i - TEST_NAME_WORDS) and doc[j].lower_ not in LIST_WORDS:
            if not (doc[j].is_alpha or doc[j].text in ("-", "'s", "\u2019s")):
                break
            named.add(j)
            j -= 1
    return named


def _leaves_brackets(doc: Doc, between: range, forward: bool) -> bool:
    """Whether a cue sits in brackets that the mention is outside of: a bracketed aside's cue
    stays in it ("bowel incontinence (he has long-standing diarrhoea)")."""
    closer, opener = (")", "(") if forward else ("(", ")")
    depth = 0
    for i in between if forward else reversed(between):
        if doc[i].text == opener:
            depth += 1
        elif doc[i].text == closer:
            if depth == 0:
                return True
            depth -= 1
    return False


def _opens_phrase(target: Span, cue: Span) -> bool:
    """Whether a cue after a mention stands in a noun phrase of its own, after a determiner and
    at most one modifier: "loss after a (questionable) history of immobilisation"."""
    doc = target.doc
    if doc[cue.start].lower_ in CLAUSE_OPENERS:
        return False
    for det in (cue.start - 1, cue.start - 2):
        if det < target.end:
            return False
        if doc[det].lower_ in DETERMINERS:
            return all(doc[i].is_alpha for i in range(det + 1, cue.start))
    return False


def _coordinated(target: Span, cue: Span) -> bool:
    """Whether a result word is joined by "and" to a named finding rather than written on it:
    "normal posture and tenderness over the ischial tuberosity", "intact sensation and absent
    ankle jerk" (a test name stays in reach: "normal gait and reflexes")."""
    if mention_mode(target) != "assert":
        return False
    start, end = (cue.end, target.start) if cue.end <= target.start else (target.end, cue.start)
    return any(target.doc[i].lower_ in COORDINATORS for i in range(start, end))


def _compared(target: Span, cue: Span) -> bool:
    """Whether a comparison word stands between a result word and a mention (see COMPARATORS)."""
    start, end = (cue.end, target.start) if cue.end <= target.start else (target.end, cue.start)
    return any(target.doc[i].lower_ in COMPARATORS for i in range(start, end))


def _on_modifies(
    spec: ContextRuleSpec,
    kinds: Mapping[FindingId, FindingKind],
    list_items: frozenset[str],
    list_breakers: frozenset[str],
    clause_verbs: frozenset[str],
) -> Callable[[Span, Span, Span], bool]:
    unless_after = frozenset(w.lower() for w in spec.unless_after)

    def on_modifies(target: Span, cue: Span, _between: Span) -> bool:
        if target.start <= cue.start and cue.end <= target.end:
            return False  # a cue kept for a list its mention heads ("No injury, fever")
        if target.end <= cue.start and _opens_phrase(target, cue):
            return False
        if spec.results_only and not is_result_mention(target, kinds):
            return False
        if spec.results_only and (_coordinated(target, cue) or _compared(target, cue)):
            return False
        if spec.tests_only and mention_mode(target) != "result":
            return False
        if spec.findings and not set(spec.findings) & set(mention_findings(target)):
            return False
        if any(t.lower_ in unless_after for t in cue.doc[max(0, cue.start - 2) : cue.start]):
            return False  # "no (leg) pain on SLR": the negation decides
        if spec.crosses_clauses:
            return True
        doc = target.doc
        group = list(doc.spans[TARGET_GROUP]) if TARGET_GROUP in doc.spans else []
        all_spans = [(s.start, s.end) for s in group]
        test_spans = [(s.start, s.end) for s in group if mention_mode(s) == "result"]
        return clause_allows(
            doc,
            (target.start, target.end),
            (cue.start, cue.end),
            test_spans,
            all_spans,
            spec.forward_lists,
            spec.backward_lists,
            list_items,
            list_breakers,
            TREATMENT_WORDS if spec.results_only else ITEM_WORDS,
            clause_verbs,
        )

    return on_modifies


def build_context_rules(
    spec: ContextFile, tokenize: Callable[[str], Doc], kinds: Mapping[FindingId, FindingKind]
) -> list[Any]:
    """One medspaCy ConTextRule per expanded cue pattern of `context.yaml`."""
    from medspacy.context import ConTextRule

    rules = []
    list_items = frozenset(w.lower() for w in spec.list_items)
    list_breakers = frozenset(w.lower() for w in spec.list_breakers)
    clause_verbs = frozenset(w.lower() for w in spec.clause_verbs)
    for rule in spec.rules:
        check = _on_modifies(rule, kinds, list_items, list_breakers, clause_verbs)
        for pattern in compile_phrase(rule.phrase, tokenize, attr="LOWER"):
            rules.append(
                ConTextRule(
                    literal=rule.phrase,
                    category=rule.category,
                    pattern=pattern,
                    direction=rule.direction.upper(),
                    max_scope=rule.max_scope,
                    on_modifies=check,
                    metadata={
                        "results_only": rule.results_only,
                        "ignores_terminators": rule.ignores_terminators,
                        "heads_lists": rule.heads_lists,
                        "holds_mentions": rule.holds_mentions,
                        "findings": list(rule.findings),
                    },
                )
            )
    return rules


def build_proxy_openers(spec: ContextFile, tokenize: Callable[[str], Doc]) -> list[Any]:
    """Token patterns of the proxy openers ("my (son|daughter) is <n>")."""
    if spec.proxy is None:
        return []
    return [p for phrase in spec.proxy.openers for p in compile_phrase(phrase, tokenize, "LOWER")]


def build_shared_heads(
    spec: SharedHeadsSpec, tokenize: Callable[[str], Doc], vocab: Vocab
) -> SharedHeads:
    """The shared heads of coordinated lists ("worse with walking, stairs or sitting")."""
    patterns = [p for phrase in spec.heads for p in compile_phrase(phrase, tokenize, "LOWER")]
    tails = [p for phrase in spec.tails for p in compile_phrase(phrase, tokenize, "LOWER")]
    return SharedHeads(vocab, patterns, spec.max_item_words, spec.stops, tails)


def span_attributes(spec: ContextFile) -> dict[str, dict[str, bool]]:
    """The ConText `span_attrs` mapping (category -> {attribute: True}) from the attribute table."""
    return {row.category: {row.attribute: True} for row in spec.attributes}
