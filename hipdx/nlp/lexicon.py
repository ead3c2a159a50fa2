"""Schema and loader of the NLP data files in `hipdx/knowledge/data/nlp/` (unknown keys rejected).

Four files, one model each:

- `lexicon.yaml`: for every finding, the phrasings (clinician, lay, abbreviations) that mention it.
- `context.yaml`: ConText cue rules (negation, uncertainty, history, family, hypothetical, test
  results) and THE table that maps ConText categories to a finding's value.
- `numbers.yaml`: vocabulary for ages, sex and symptom durations.
- `embedding.yaml`: the sentence-embedding matcher's model and tuned thresholds.

Phrase syntax (lexicon and context rules): words separated by spaces; `(a|b c)` one of the
alternatives, `(a|b)?` optional (groups nest); `*` up to four other words (never a negation,
"but" or a word of relief); `<n>` any number; `=cycling` the word itself, not its stem; `==AS` the
exact, case-sensitive token; `^if` a word that starts a sentence. Lexicon words match by stem
("sitting" = "sits" = "sit"); context cue words match in lower case, so each inflection is listed.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Annotated, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from hipdx.errors import KnowledgeBaseError
from hipdx.types import FindingId, FindingKind

NLP_DATA = "hipdx.knowledge.data"
"""The package holding `findings.yaml`; the NLP files sit in its `nlp/` folder."""

Phrase = Annotated[str, Field(min_length=1)]
Category = Annotated[str, Field(pattern=r"^[A-Z][A-Z_]*$")]
Effect = Literal["yes", "no", "skip", "pass"]
"""What a ConText category does to a mention: yes, no, drop it (skip), or leave it to later rows."""
SexName = Literal["female", "male"]
MentionMode = Literal["assert", "absent", "result", "historical", "family", "label"]
"""How a lexicon phrase counts: on its own, as a statement that the finding is absent
("afebrile"), only with a test result, only as past history, only about a relative, or as the
name of a condition that is also a complaint ("sciatica")."""


class NlpRecord(BaseModel):
    """Base for NLP data records: strict keys, immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- lexicon.yaml --------------------------------------------------------------------------------


class LexiconEntry(NlpRecord):
    """The phrasings of one finding.

    `phrases` assert the finding (ConText still decides yes, no or skip); `absent` phrases say it
    is absent ("afebrile", "non-smoker"). `tests` name an examination test or a check ("SLR",
    "bladder/bowel"): they count only next to a result word ("+ve" yes, "-ve"/"NAD" no).
    `historical` phrases count only when ConText marks them as past ("hamstring tear two years
    ago"), `family` only when they are about a relative ("mother has ankylosing spondylitis").
    `labels` name a condition that is also a complaint ("right sciatica"): they count like
    phrases, except as a diagnosis someone gave ("referred as sciatica").
    `examples` are extra wordings for the embedding matcher only.
    """

    finding: FindingId
    phrases: list[Phrase] = []
    absent: list[Phrase] = []
    tests: list[Phrase] = []
    historical: list[Phrase] = []
    family: list[Phrase] = []
    labels: list[Phrase] = []
    examples: list[Phrase] = []
    exclude: list[Phrase] = []
    """A mention of the finding that overlaps one of these is dropped ("sit" in "sit bone"), and
    the embedding matcher does not read the finding in a clause holding one ("hay fever")."""
    other_sites: list[Phrase] = []
    """Places that are not the finding's: a mention whose sentence names one of these and none of
    `sites` is dropped like an excluded one ("tingling ... extending to the anus" is no leg
    numbness)."""
    sites: list[Phrase] = []
    """The finding's own places (see `other_sites`)."""
    keeps_inner: bool = False
    """Its phrases do not swallow the findings named inside them ("both buttocks" is also
    buttock pain)."""
    note: str | None = None

    @model_validator(mode="after")
    def _has_phrases(self) -> LexiconEntry:
        lists = (self.phrases, self.absent, self.tests, self.historical, self.family, self.labels)
        if not any(lists):
            raise ValueError(f"{self.finding}: an entry needs at least one list of phrases")
        return self

    def by_mode(self) -> dict[MentionMode, list[str]]:
        """The phrases grouped by how they count."""
        return {
            "assert": self.phrases,
            "absent": self.absent,
            "result": self.tests,
            "historical": self.historical,
            "family": self.family,
            "label": self.labels,
        }


class Bundle(NlpRecord):
    """Phrases that name several findings at once ("B&B NAD": bladder and bowel; "diabetic":
    immunosuppression and a vascular risk factor). Each finding gets the same value."""

    findings: Annotated[list[FindingId], Field(min_length=2)]
    phrases: list[Phrase] = []
    absent: list[Phrase] = []
    tests: list[Phrase] = []
    note: str | None = None

    def by_mode(self) -> dict[MentionMode, list[str]]:
        """The phrases grouped by how they count."""
        return {"assert": self.phrases, "absent": self.absent, "result": self.tests}


class LexiconFile(NlpRecord):
    entries: list[LexiconEntry]
    bundles: list[Bundle] = []

    @model_validator(mode="after")
    def _unique(self) -> LexiconFile:
        seen: set[str] = set()
        for entry in self.entries:
            if entry.finding in seen:
                raise ValueError(f"finding {entry.finding!r} has two lexicon entries")
            seen.add(entry.finding)
        return self


# --- context.yaml --------------------------------------------------------------------------------


class ContextRuleSpec(NlpRecord):
    """One ConText cue. `results_only`: it modifies only test/check mentions and exam or
    investigation findings ("normal", "NAD"). `crosses_clauses`: it may reach past a comma into
    text that is not a plain list of findings (section headers such as "PMH:")."""

    phrase: Phrase
    category: Category
    direction: Literal["forward", "backward", "bidirectional", "terminate", "pseudo"]
    max_scope: Annotated[int, Field(gt=0)] | None = None
    results_only: bool = False
    crosses_clauses: bool = False
    forward_lists: bool = True
    """Whether the cue may run forward through a comma-separated list ("no fever, sweats or
    weight loss"); off for result words written after a test ("FADIR neg, FABER +ve")."""
    tests_only: bool = False
    """It modifies only test or check mentions ("pulses present"), not a named abnormality
    ("sacral tenderness present")."""
    backward_lists: bool = False
    """Whether a backward cue may run back through a list of findings of any kind ("fever,
    night sweats and weight loss were absent"); otherwise only through a list of tests."""
    findings: list[FindingId] = []
    """If set, the cue modifies mentions of these findings only ("on purpose" touches weight
    loss, not the knee pain in the same sentence)."""
    ignores_terminators: bool = False
    """Its scope is not cut by "but", "now" and the other terminators ("I've lost 8 kg, but
    that's on purpose"); only sensible with `findings` and a short `max_scope`."""
    heads_lists: bool = False
    """A cue that opens a lexicon mention still reaches the items of a comma list after it ("No
    injury, fever, ..."); any cue opening a mention reaches an item after "or" ("not relieved by
    rest or anti-inflammatories")."""
    holds_mentions: bool = False
    """The cue may hold whole mentions, which stay read on their own ("because her knees
    buckled": the weakness is read, and the cue marks the fall before it)."""
    unless_after: list[str] = []
    """Words that, standing one or two words before the cue, leave the decision to themselves
    ("no (leg) pain on straight leg raise": the "no" negates the test, "pain on" does not make it
    positive)."""


class SidesSpec(NlpRecord):
    """Deficits said of each side in turn ("weak left foot and also weak right foot") read as
    `finding` (bilateral leg symptoms, which the cauda equina red flags use)."""

    finding: FindingId
    deficits: list[FindingId]
    left: list[str]
    right: list[str]
    reach: int = 4
    """Words after a deficit mention (same clause) where its side may be named."""
    sites: list[FindingId] = []
    plurals: list[str] = []
    """A pain site read yes whose words hold a plural of a paired part ("buttocks pain", "it
    radiates down to my buttocks") is pain on both sides too, unless a side or a word of
    `one_of` is named in it or `reach` words before it ("her left buttocks", "one of my hips")."""
    one_of: list[str] = []
    limbs: list[str] = []
    """Parts of the lower limb a side is said of ("right leg", "left-sided sciatica"): pain on the
    left and on the right anywhere in the text is on both sides (hipdx/nlp/sides.py)."""
    spared: list[str] = []
    """Words saying a side is well or denying something there ("the left leg is fine")."""
    ellipsis: list[str] = []
    """Words a clause may hold and still be an ellipsis of the pain before it ("and two weeks
    later in the left leg too")."""


class PlacesSpec(NlpRecord):
    """A pain site named without a pain word is a place, not a pain ("The skin over the right
    buttock demonstrated no oedema", "denied any trauma to his low back"): a mention of one of
    `findings` whose words hold none of `pain_words` counts only in a sentence that holds one
    ("a dull ache that radiates to her right buttock", "c/o R buttock x 3/52")."""

    findings: list[FindingId]
    pain_words: list[str]
    feeling_words: list[str] = []
    """Pain words that only say a sensation is felt ("feel", "felt"): they name no pain in a
    sentence that names another sensation (`other_sensations`: "my bottom felt numb", "the
    popping I feel in my lower back")."""
    other_sensations: list[str] = []


class ProxySpec(NlpRecord):
    """Texts written about someone else ("My son is 8 and ..."): the person an opener names is
    the patient, so the word naming them is no cue of `categories` anywhere in that text."""

    categories: list[Category]
    openers: list[Phrase]
    """Cue-syntax phrases; one counts only when it starts the text."""
    first_person: list[str] = []
    """In a text written in the first person (holding one of these words), a cue of `categories`
    reaches on through its sentence until the writer speaks of themself again: "My friend had
    piriformis syndrome and her pain was worse when sitting" (the pain is the friend's)."""


class TurnsSpec(NlpRecord):
    """Speaker labels of a transcript ("Doctor:", "Patient:"): the questions in an asker's turn
    are no findings (hipdx/nlp/turns.py)."""

    askers: list[str]
    answerers: list[str] = []
    """Labels that end an asker's turn."""
    polar: list[str] = []
    """Words that open a yes-no question ("Does it hurt when you sit?"): outside a transcript too,
    such a question says nothing unless the next sentence opens with one of `affirmations`."""
    affirmations: list[str] = []
    denials: list[str] = []
    """Answers that deny the question before them ("Numbness? No.")."""


class SharedHeadsSpec(NlpRecord):
    """Heads that distribute over the coordinated list after them ("worse with walking, stairs
    or sitting": worse with each); see hipdx/nlp/coordination.py."""

    heads: list[Phrase]
    """Cue-syntax phrases."""
    max_item_words: Annotated[int, Field(ge=1)]
    """A longer item ends the list ("..., and it radiates into the thigh")."""
    stops: list[str] = []
    """Words that, opening an item, end the list ("worse with sitting, no numbness")."""
    tails: list[Phrase] = []
    """Cue-syntax phrases shared by the coordinated items before them ("sitting on a firm chair and
    rolling over in bed are painful")."""


class AttributeRow(NlpRecord):
    """A row of the attribute table: what a ConText category does to a finding.

    `effect` applies unless `by_test` (a test-name mention of the finding), `by_finding`,
    `by_mode` or `by_kind` (in that order) says otherwise; `redirect` moves the mention to
    another finding first (a relative's psoriasis is family_history_spa).
    """

    category: Category
    attribute: Annotated[str, Field(pattern=r"^[a-z][a-z_]*$")]
    effect: Effect
    by_test: dict[FindingId, Effect] = {}
    """For a bare test name of the finding only ("ankle jerk absent" is a deficit, "neurological
    deficit absent" is not)."""
    by_mode: dict[MentionMode, Effect] = {}
    by_kind: dict[FindingKind, Effect] = {}
    by_finding: dict[FindingId, Effect] = {}
    redirect: dict[FindingId, FindingId] = {}


class ConflictRule(NlpRecord):
    """How to settle a finding that is affirmed in one place and negated in another."""

    default: Literal["yes", "no", "drop"]
    by_kind: dict[FindingKind, Literal["yes", "no", "drop"]] = {}
    by_finding: dict[FindingId, Literal["yes", "no", "drop"]] = {}
    """Before `by_kind`: red flags of several parts ("no retention ... can't feel the flow")."""
    present: list[str] = []
    """Words that mark a sentence about the present ("today", "now") ..."""
    earlier: list[str] = []
    """... and about an earlier time ("ago", "previously"): mentions in the first kind win over
    those in the second they contradict, when the second come first."""
    later: list[str] = []
    """Words that mark a sentence as later than the text before it ("subsequently", "on his third
    visit"): mentions there win over the earlier mentions they contradict."""


class ContextFile(NlpRecord):
    """ConText cues plus the one table that maps their categories to finding values."""

    attributes: list[AttributeRow]
    nearest_wins: list[Category]
    requires: dict[MentionMode, list[Category]] = {}
    unmodified: dict[MentionMode, Effect]
    conflicts: ConflictRule
    rules: list[ContextRuleSpec]
    list_items: list[str] = []
    """Words that may stand as items of a negated list without being findings ("no fracture,
    tumour or infection")."""
    list_breakers: list[str] = []
    """Words that give a list item its own value and so end a negated list ("no saddle
    paraesthesia, tender SIJ": the tenderness is there)."""
    clause_verbs: list[str] = []
    """Verbs that open a clause of their own inside a comma list, so are no modifier of the
    item after them ("denies trauma, reports numbness and tingling")."""
    proxy: ProxySpec | None = None
    sides: SidesSpec | None = None
    places: PlacesSpec | None = None
    shared_heads: SharedHeadsSpec | None = None
    turns: TurnsSpec | None = None
    uncertain: Category | None = None
    """The category that marks a finding as only possible: such a mention, which the table skips,
    is kept as a possible finding when the other cues on it would read it yes."""

    @model_validator(mode="after")
    def _categories_known(self) -> ContextFile:
        known = {row.category for row in self.attributes}
        for category in self.proxy.categories if self.proxy is not None else []:
            if category not in known:
                raise ValueError(f"proxy category {category} is not in attributes")
        for rule in self.rules:
            if rule.direction not in ("terminate", "pseudo") and rule.category not in known:
                raise ValueError(
                    f"rule {rule.phrase!r}: category {rule.category} not in attributes"
                )
        required = [c for categories in self.requires.values() for c in categories]
        uncertain = [self.uncertain] if self.uncertain is not None else []
        for category in [*self.nearest_wins, *required, *uncertain]:
            if category not in known:
                raise ValueError(f"category {category} is not in attributes")
        return self

    def row(self, category: str) -> AttributeRow | None:
        """The attribute row for a ConText category, if any."""
        return next((r for r in self.attributes if r.category == category), None)


# --- numbers.yaml --------------------------------------------------------------------------------


class DurationRange(NlpRecord):
    """A duration in days, from `low` to `high` (None: open-ended)."""

    low: Annotated[float, Field(ge=0)]
    high: Annotated[float, Field(ge=0)] | None = None


class ValueRange(NlpRecord):
    """A closed range of test values, `low` to `high`."""

    low: float
    high: float

    def holds(self, value: float) -> bool:
        """Whether `value` lies in the range (ends included)."""
        return self.low <= value <= self.high


class Rescale(NlpRecord):
    """Values above `above` are written in another unit: the value is `value * multiply + add`
    (a temperature of 101.3 is Fahrenheit; a white count of 15,200 is per microlitre)."""

    above: float
    multiply: float
    add: float = 0.0


class AgeCutoffs(NlpRecord):
    """A result test's yes cut-offs for patients younger than `age_below` years (NICE NG51 heart
    rates by age band)."""

    age_below: Annotated[float, Field(gt=0)]
    yes_at_least: float | None = None
    yes_above: float | None = None
    yes_below: float | None = None
    yes_at_most: float | None = None

    @model_validator(mode="after")
    def _has_cutoff(self) -> AgeCutoffs:
        cutoffs = (self.yes_at_least, self.yes_above, self.yes_below, self.yes_at_most)
        if all(cutoff is None for cutoff in cutoffs):
            raise ValueError(f"age band below {self.age_below}: a yes cut-off is needed")
        return self


class ResultTest(NlpRecord):
    """A test whose written value gives a finding ("CRP 85", "ABI 0.5 L vs 0.9 R").

    `names` use the numbers.yaml phrase syntax, case-insensitive (`==T`: case-sensitive). The
    value is converted to the canonical unit (`units` factors, then `rescale`); values outside
    `plausible` are something else. Yes: at least `yes_at_least`, above `yes_above`, below
    `yes_below` or at most `yes_at_most`; no: inside `normal`; anything else says nothing.
    Written without a unit, a value inside `unitless_unsure` says nothing (CRP 4 may be mg/L or
    mg/dL). `labelled`: a label between the name and the value sets its own yes cut-off
    ("resting pressure 18").
    """

    finding: FindingId
    names: Annotated[list[Phrase], Field(min_length=1)]
    units: dict[str, float] = {}
    rescale: list[Rescale] = []
    plausible: ValueRange
    yes_at_least: float | None = None
    yes_above: float | None = None
    yes_below: float | None = None
    yes_at_most: float | None = None
    normal: ValueRange | None = None
    unitless_unsure: ValueRange | None = None
    labelled: dict[str, float] = {}
    not_near: list[Phrase] = []
    """Words that, anywhere in the sentence, make the value another measurement ("peak heart
    rate 180 on the treadmill test", "diastolic BP 60")."""
    signed: bool = False
    """Values may be negative: a minus written against the number is its sign ("T-score -2.8",
    "T-score: -1.5"; "5-10" stays a range)."""
    by_age: list[AgeCutoffs] = []
    """Yes cut-offs for younger patients: the first band (youngest first) whose `age_below` is
    above the patient's age replaces the test's own; without a known age the test's own hold."""
    note: str | None = None
    sources: list[str] = []
    """Source ids (sources.yaml) of the cut-offs."""

    @model_validator(mode="after")
    def _has_cutoff(self) -> ResultTest:
        cutoffs = (self.yes_at_least, self.yes_above, self.yes_below, self.yes_at_most)
        if all(cutoff is None for cutoff in cutoffs):
            raise ValueError(f"{self.finding}: a result test needs a yes cut-off")
        ages = [band.age_below for band in self.by_age]
        if ages != sorted(set(ages)):
            raise ValueError(f"{self.finding}: age bands must run youngest first, once each")
        return self


class ResultDrop(NlpRecord):
    """A fall written as an amount ("ankle pressure 30 mmHg lower after exercise"): yes when a
    clause names the test, a fall word and an amount at or above the cut-off for its unit."""

    finding: FindingId
    names: Annotated[list[Phrase], Field(min_length=1)]
    drop_words: Annotated[list[Phrase], Field(min_length=1)]
    cutoffs: dict[str, float]


class PowerTrend(NlpRecord):
    """Muscle power grades (MRC n/5) compared in one sentence: yes when the latest grade is lower
    than an earlier one, no when it is the same or higher. A grade is the earlier one when a
    word of `earlier_before` comes just before it ("from 4/5", "was 4/5") or a word of
    `earlier_after` comes after it before the next grade ("4/5 three days ago")."""

    finding: FindingId
    earlier_before: list[Phrase]
    earlier_after: list[Phrase]


class ValuesSpec(NlpRecord):
    """Test values and muscle power read as numbers (hipdx/nlp/values.py)."""

    connectors: list[str]
    """Words allowed between a test name and its value, and between a list of values."""
    below_words: list[Phrase]
    above_words: list[Phrase]
    results: list[ResultTest]
    foreign_units: list[str] = []
    """Units of measurement: a value written with one that is not its test's own unit is some
    other measurement and reads nothing ("CK 8.7 mmol")."""
    drops: list[ResultDrop] = []
    power: PowerTrend | None = None


class NumbersFile(NlpRecord):
    """Words for ages, sex and durations, and the thresholds of the duration findings."""

    number_words: dict[str, int]
    vague_numbers: dict[str, DurationRange]
    units: dict[str, float]
    fraction_units: dict[str, float]
    vague_durations: dict[str, DurationRange]
    relative_onsets: dict[str, DurationRange]
    since_long_ago: list[Phrase]
    onset_words: list[Phrase]
    activity_starts: list[Phrase] = []
    """Activities whose start an "<n> weeks ago" may date instead of the pain's ("Marathon
    training started 3 months ago")."""
    start_words: list[Phrase]
    symptom_words: list[Phrase]
    decade_offsets: dict[str, int]
    teens_age: int
    sex_words: dict[SexName, list[Phrase]]
    sex_titles: dict[SexName, list[Phrase]]
    pronouns: dict[SexName, list[Phrase]]
    under_6_weeks_days: Annotated[float, Field(gt=0)]
    over_3_months_days: Annotated[float, Field(gt=0)]
    onset_age_limit: Annotated[int, Field(gt=0)]
    proxy_relations: dict[Literal["female", "male", "unknown"], list[Phrase]] = {}
    """Relatives who may be the patient of a text written by someone else ("My son is 8")."""
    past_event_words: list[Phrase] = []
    """A duration in a clause naming a past event ("L4/5 decompression 10 yrs ago") and no
    symptom of `complaint_words` dates that event, not the current complaint."""
    complaint_words: list[Phrase] = []
    activity_words: list[Phrase] = []
    """A "for <duration>" right after one of these measures the activity, not the symptoms
    ("pain when he sits for a long time", "on the same bike for five years")."""
    symptom_onset_verbs: list[str] = []
    """Verbs that bring a symptom in after an onset word ("started getting pain"); any other
    verb there starts an activity ("had started running 6 months earlier")."""
    pain_words: list[str] = []
    secondary_symptom_words: list[str] = []
    """A duration said only of one of these ("numbness in the feet that has been there for
    years") gives way to one said of a word of `pain_words` ("back pain for 3 weeks")."""
    presentation_words: list[Phrase] = []
    """Words of a sentence about the visit: "In July 2017 she developed ... At her evaluation in
    May 2018 ..." reads the ten months between the two dates."""
    values: ValuesSpec | None = None


# --- embedding.yaml ------------------------------------------------------------------------------


class EmbeddingFile(NlpRecord):
    """Settings of the sentence-embedding matcher, tuned on tests/nlp/sentences.yaml."""

    threshold: Annotated[float, Field(gt=0, lt=1)]
    red_flag_threshold: Annotated[float, Field(gt=0, lt=1)]
    mention_threshold: Annotated[float, Field(gt=0, lt=1)]
    mention_margin: Annotated[float, Field(ge=0, lt=1)]
    margin: Annotated[float, Field(ge=0, lt=1)]
    kinds: list[FindingKind]
    excluded_findings: list[FindingId] = []
    negative_wording: dict[FindingId, list[Phrase]] = {}
    """Findings worded as a negation ("no pain when seated"), with the words their negation
    applies to: a clause holding one reads the finding only under an odd number of
    `negation_words` (then as yes); a clause without one that is negated says nothing of it."""
    negation_words: list[Phrase] = []
    contrasts: dict[FindingId, tuple[list[Phrase], list[Phrase]]] = {}
    """A finding worded as a contrast of two terms ("leg pain worse than back pain"): a clause
    must name a word of the first list, and before any word of the second (after it when the
    clause holds one of `reversing_words`: "the back pain is less than the leg pain")."""
    reversing_words: list[Phrase] = []
    opposites: list[tuple[FindingId, FindingId]] = []
    """Pairs of findings that state opposite things: neither is read by similarity from a clause
    in which the lexicon named the other ("exercise makes it better and rest makes it worse")."""
    opposite_words: dict[FindingId, list[Phrase]] = {}
    """A finding defined by a change one way is not read from a clause naming the other way
    ("the pain is slowly getting better since the injury" is no worsening)."""
    clinical_words: list[Phrase] = []
    inability_words: list[Phrase] = []
    clause_breaks: list[Phrase]
    min_words: Annotated[int, Field(ge=1)]
    use_question: bool = True
    use_clinician: bool = True
    skip_scopes: list[Category] = []
    """ConText categories whose scope holds examination findings: a clause inside one is left to
    the lexicon ("On examination, he has tenderness in the lumbar region" is no back pain)."""
    pain_words: list[Phrase] = []
    """A pain site (a finding with a `zone`) is read by similarity only from a clause holding one
    of these words ("tingling ... along the lateral lower leg" names no pain below the knee)."""
    needs_words: dict[FindingId, list[Phrase]] = {}
    """A finding about a change (relief, an increase) is read by similarity only from a clause
    holding one of its words ("especially when I'm sitting" says nothing of relief)."""


# --- loading -------------------------------------------------------------------------------------

ModelT = TypeVar("ModelT", bound=BaseModel)


def _load(name: str, model: type[ModelT]) -> ModelT:
    file = resources.files(NLP_DATA) / name
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KnowledgeBaseError(f"{name}: file missing") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{name}: not valid YAML: {exc}") from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise KnowledgeBaseError(f"{name}: {exc}") from exc


@lru_cache(maxsize=1)
def load_lexicon() -> LexiconFile:
    """The shipped lexicon (`nlp/lexicon.yaml`)."""
    return _load("nlp/lexicon.yaml", LexiconFile)


@lru_cache(maxsize=1)
def load_context() -> ContextFile:
    """The shipped ConText rules and attribute table (`nlp/context.yaml`)."""
    return _load("nlp/context.yaml", ContextFile)


@lru_cache(maxsize=1)
def load_numbers() -> NumbersFile:
    """The shipped number, sex and duration vocabulary (`nlp/numbers.yaml`)."""
    return _load("nlp/numbers.yaml", NumbersFile)


@lru_cache(maxsize=1)
def load_embedding_settings() -> EmbeddingFile:
    """The shipped embedding-matcher settings (`nlp/embedding.yaml`)."""
    return _load("nlp/embedding.yaml", EmbeddingFile)
