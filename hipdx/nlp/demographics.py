"""Read the patient's age and sex from raw text with regular expressions.

Ages: "34M", "52yo F", "a 41-year-old woman", "a nineteen year-old", "68 y/o", "aged 16",
"I'm 45", "she is 29", "Charlie, 38, ..." (a name and an age opening the text), "Nina, then 34,"
(a name and an age in apposition), but not the
age of another person or a thing ("her 2-year-old son", "his 3-year-old tattoo", "she has a
2-year-old daughter"),
"in her 60s" (read as 65: a decade reads as its middle, "early 60s" 62, "late 60s" 68, so that
age-band priors have something to work with; "started in her twenties" dates an onset, not her age).
Sex: age-sex tags and titles ("34M", "Mrs") beat nouns ("woman"), which beat pronouns ("she",
counted only in third-person text; a title in a patient's own story names someone else: "Mr. C
tried to help me"). Conflicting evidence of the strongest kind gives None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from hipdx.nlp.lexicon import NumbersFile, SexName
from hipdx.nlp.wordlists import alternation
from hipdx.types import Sex

_DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50,
    "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
_AGE_BLOCKERS = {"since", "at", "from", "before", "after", "until", "by", "under", "over", "than"}
_FOLLOWS_AGE = r"(?=\s*(?:[.,;!)]|$|\s+(?:and|but|with|now|years?|yrs?)\b))"
_APOSTROPHE = "'\u2019"
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "your"})
_PLAIN_AGES = [
    r"\b(\d{1,3})\s*-?\s*(?:y\s*/\s*o|y\.\s*o\.?|yo|yrs?\.?[\s-]*old|years?[\s-]*old)(?![a-z])",
    r"\b(\d{1,3})\s*-?\s*(?:year|yr)s?[\s-]+old(?![a-z])",
    rf"\bI(?:[{_APOSTROPHE}]m|\s+am)\s+(?:only\s+|now\s+)?(\d{{1,2}}){_FOLLOWS_AGE}",
    rf"\b(?:he|she|patient|pt)(?:[{_APOSTROPHE}]s|\s+is)\s+(?:now\s+)?(\d{{1,3}}){_FOLLOWS_AGE}",
]
_AGE_SEX_TAG = r"(?<![\w/.])(\d{1,3})\s*(?:yo\s*)?/?\s*([MF])\b"
# A text that opens with a name and an age in apposition: "Charlie, 38, long history of ..."
_NAMED_AGE = (
    r"^\W*(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]*\.?)?\s*,\s*(\d{1,3})"
    r"(?=\s*[,;.]|\s+(?:years?|yrs?|y/o|yo)\b)"
)
_SEX_AGE_TAG = r"\b([MF])\s*/\s*(\d{1,3})\b"
# A name with an age in apposition in the middle of a story: "when Nina, then 34, got back"
_APPOSED_AGE = r"\b[A-Z][a-z]+\s*,\s*(?:then|now|aged)\s+(\d{1,3})\s*,"
# A first person with a body of their own ("my hips", "my pregnancy") is the patient telling the
# story: a title there names someone else ("Mr. C tried to help me"), as a third person's pronoun
# does; a clinician writing "I saw Mr Jones" has no such words.
_OWN_BODY = re.compile(
    r"\bmy\s+(?:\w+\s+)?(?:pain|back|hip|hips|leg|legs|buttock|buttocks|bum|butt|thigh|thighs|"
    r"knee|knees|foot|feet|body|pelvis|symptoms|pregnancy|bladder|bowels?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AgeReading:
    """An age read from the text, with the character span it came from."""

    span: tuple[int, int]
    age: int


class DemographicsReader:
    """Reads age and sex; built once from numbers.yaml."""

    def __init__(self, vocab: NumbersFile) -> None:
        self.vocab = vocab

    @cached_property
    def _start(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{alternation(self.vocab.start_words)})", re.IGNORECASE)

    @cached_property
    def _proxy(self) -> re.Pattern[str]:
        relations = [w for words in self.vocab.proxy_relations.values() for w in words]
        return re.compile(
            rf"^\W*(?:(?:hi|hello)\W+)?(?:my|our)\s+(?:[\w-]+\s+)?(?P<rel>{alternation(relations)})"
            r"(?:'s)?(?:\s*,\s*|\s+is\s+(?:now\s+|only\s+)?|\s+(?:who\s+is\s+)?aged?\s+|\s*\(\s*)"
            r"(?P<age>\d{1,3})\b",
            re.IGNORECASE,
        )

    def read_age(self, text: str) -> AgeReading | None:
        """The patient's age: the first age expression in the text (None if there is none)."""
        proxy = self._proxy.search(text)
        if proxy is not None:
            return AgeReading((proxy.start("age"), proxy.end("age")), int(proxy.group("age")))
        found = [reading for reading in self._ages(text) if 0 <= reading.age <= 120]
        return min(found, key=lambda r: r.span[0]) if found else None

    def _proxy_sex(self, text: str) -> Sex | None:
        proxy = self._proxy.search(text)
        if proxy is None:
            return None
        relation = proxy.group("rel").lower()
        for sex in ("female", "male"):
            if relation in (w.lower() for w in self.vocab.proxy_relations.get(sex, [])):
                return Sex(sex)
        return None

    @cached_property
    def _word_age(self) -> re.Pattern[str]:
        """ "a nineteen year-old", "my fifty year old body", "a twenty-two-year-old": ages written
        in words (a tens word and an optional units word, from `number_words`)."""
        numbers = {w: n for w, n in self.vocab.number_words.items() if len(w) > 2}
        tens = alternation([w for w, n in numbers.items() if n >= 20 and n % 10 == 0])
        small = alternation([w for w, n in numbers.items() if n < 20])
        units = alternation([w for w, n in numbers.items() if n < 10])
        return re.compile(
            rf"\b(?:(?P<tens>{tens})(?:[\s-]+(?P<units>{units}))?|(?P<small>{small}))"
            r"[\s-]*(?:year|yr)s?[\s-]*old(?![a-z])",
            re.IGNORECASE,
        )

    @cached_property
    def _relations(self) -> re.Pattern[str]:
        words = [w for group in self.vocab.proxy_relations.values() for w in group]
        return re.compile(rf"[\s-]*(?:{alternation(words)})s?\b", re.IGNORECASE)

    def _someone_else(self, text: str, start: int, end: int) -> bool:
        """Whether an "N-year-old" names someone or something other than the patient: after a
        third person's possessive ("her 2-year-old son", "his 3-year-old tattoo"), or before a
        relative's noun ("she has a 2-year-old daughter"; a text that opens "My 8-year-old son
        ..." is about him)."""
        before = text[:start].lower().split()
        if before and before[-1] in _POSSESSIVES:
            return True
        opens = before[-1:] in (["my"], ["our"]) and len(before) <= 3
        return not opens and self._relations.match(text, end) is not None

    def _ages(self, text: str) -> list[AgeReading]:
        readings: list[AgeReading] = []
        for regex in _PLAIN_AGES:
            for m in re.finditer(regex, text, re.IGNORECASE):
                if not self._someone_else(text, m.start(), m.end()):
                    readings.append(AgeReading((m.start(), m.end()), int(m.group(1))))
        numbers = self.vocab.number_words
        for m in self._word_age.finditer(text):
            if self._someone_else(text, m.start(), m.end()):
                continue
            if m.group("small"):
                age = numbers[m.group("small").lower()]
            else:
                age = numbers[m.group("tens").lower()]
                age += numbers[m.group("units").lower()] if m.group("units") else 0
            readings.append(AgeReading((m.start(), m.end()), age))
        for m in re.finditer(r"\b(?:aged?|age:|age)\s*:?\s*(\d{1,3})\b", text, re.IGNORECASE):
            before = text[: m.start()].split()
            if not before or before[-1].lower().strip("(") not in _AGE_BLOCKERS | {"the", "of"}:
                readings.append(AgeReading((m.start(), m.end()), int(m.group(1))))
        for m in re.finditer(_AGE_SEX_TAG, text):
            readings.append(AgeReading((m.start(), m.end()), int(m.group(1))))
        for m in re.finditer(_SEX_AGE_TAG, text):
            readings.append(AgeReading((m.start(), m.end()), int(m.group(2))))
        for m in re.finditer(_NAMED_AGE, text):
            readings.append(AgeReading((m.start(1), m.end(1)), int(m.group(1))))
        for m in re.finditer(_APPOSED_AGE, text):
            readings.append(AgeReading((m.start(1), m.end(1)), int(m.group(1))))
        return readings + self._decade_ages(text)

    def _decade_ages(self, text: str) -> list[AgeReading]:
        offsets = self.vocab.decade_offsets
        stage = rf"(?:(?P<stage>{alternation(list(offsets))})[\s-]*)?"
        words = alternation(list(_DECADE_WORDS))
        decade = rf"(?:(?P<digit>\d)0'?s|(?P<word>{words})|(?P<teens>teens))"
        readings: list[AgeReading] = []
        regex = rf"\bin\s+(?:his|her|my|their)\s+{stage}{decade}\b"
        for m in re.finditer(regex, text, re.IGNORECASE):
            if self._start.search(text[max(0, m.start() - 30) : m.start()]):
                continue  # "it started in her twenties" dates the onset, not her age
            offset = offsets.get((m.group("stage") or "mid").lower(), 5)
            if m.group("teens"):
                age = self.vocab.teens_age
            elif m.group("digit"):
                age = int(m.group("digit")) * 10 + offset
            else:
                age = _DECADE_WORDS[m.group("word").lower()] + offset
            readings.append(AgeReading((m.start(), m.end()), age))
        return readings

    def read_sex(self, text: str) -> Sex | None:
        """The patient's sex from the strongest kind of evidence that is unanimous, else None
        (a text written about a relative, "My son is 8", gives the relative's)."""
        if self._proxy.search(text) is not None:
            return self._proxy_sex(text)
        tags = [_tag_sex(m.group(2)) for m in re.finditer(_AGE_SEX_TAG, text)]
        tags += [_tag_sex(m.group(1)) for m in re.finditer(_SEX_AGE_TAG, text)]
        titles = _matches(text, self.vocab.sex_titles, case_sensitive=True)
        if _OWN_BODY.search(text) is not None:
            titles = []
        # A simile names no one: "I'd wake up feeling like a tin man", "like an 80-year-old woman".
        nouns = _matches(text, self.vocab.sex_words, case_sensitive=False, similes=False)
        # In a patient's own words ("I", "my") "she" is someone else: pronouns count only in
        # third-person text such as a clinician's note.
        first_person = re.search(r"\b(?:I|I'm|I've|my|me)\b", text) is not None
        pronouns = [] if first_person else _matches(text, self.vocab.pronouns, case_sensitive=False)
        for evidence in (tags + titles, nouns, pronouns):
            if evidence:
                return evidence[0] if len(set(evidence)) == 1 else None
        return None


def _tag_sex(letter: str) -> Sex:
    return Sex.MALE if letter == "M" else Sex.FEMALE


_SIMILE = re.compile(r"\b(?:like|as\s+if|as\s+though)\s+(?:\S+\s+){0,4}$", re.IGNORECASE)
"""A comparison just before a word ("feeling like a tin man"): the word describes no one."""


def _matches(
    text: str, words: dict[SexName, list[str]], *, case_sensitive: bool, similes: bool = True
) -> list[Sex]:
    found: list[Sex] = []
    flags = 0 if case_sensitive else re.IGNORECASE
    for sex, options in words.items():
        regex = rf"(?<![\w-])(?:{alternation(options)})(?![\w-])"
        found += [
            Sex(sex)
            for m in re.finditer(regex, text, flags)
            if similes or not _SIMILE.search(text, max(0, m.start() - 40), m.start())
        ]
    return found
