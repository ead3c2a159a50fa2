"""Read how long the symptoms have lasted, and turn it into the duration and onset findings.

Durations: "3/52", "3 weeks", "for six months", "x 2 yrs", "6-month history", "pain of 4 years'
duration", "dates back about 5 years", "6 months of increasing buttock pain", "since childhood",
"since age 25" (or "it started when I was 34"), "2 weeks ago" or "3 days prior" (only beside an
onset word such as "started" or "pop"; "years ago" only beside a word such as "started": "tore my
hamstring two years ago" is past history; never after "than": "better now than 2 months ago"),
"since March" (a duration only with a reference date), "it's been a year since it started", a
month and year of onset and one of the visit ("In July of 2017 she developed ... At her
evaluation in May 2018": 10 months; before an onset word, a verb starts an activity, not the
pain: "had started running 6 months earlier"). A "for <n> weeks", "over <n> weeks" or "for the
past week" duration counts only in a clause that names a symptom ("missed periods for
6 months" does not, nor "speed walking for the last three years. Then the pain began": a
sentence's full stop ends the clause). Several durations: the longest wins ("pain for 2 years,
worse for 3 weeks" is chronic), but one said only of a secondary symptom ("numbness in the feet
that has been there for years") gives way to one said of the pain. A duration in a clause that
names a past event and no symptom
("PMH L4/5 decompression 10 yrs ago") dates that event and is dropped. Thresholds, vague
durations ("for months", "for the past year") and the word lists are in numbers.yaml.

onset_before_40 is yes for a patient under 40, for pain since childhood or since an age under 40,
and for an older patient whose stated duration puts the onset before 40; no when the duration
puts it at 40 or later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from hipdx.nlp.demographics import AgeReading
from hipdx.nlp.lexicon import NumbersFile
from hipdx.nlp.results import TextFinding
from hipdx.nlp.wordlists import alternation, phrase_regex
from hipdx.types import Answer

MONTHS = [
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
]
_MONTH_NUMBERS = {name[:3]: index + 1 for index, name in enumerate(MONTHS)}
_MONTH_NAMES = "|".join(f"{m[:3]}(?:{m[3:]})?" for m in MONTHS)
_MORE = r"more than|over|greater than|>|at least"
_LESS = r"less than|under|<|fewer than|within"
_APPROX = r"about|around|approx\.?|approximately|nearly|almost|roughly|some|just|~|c\.?|circa"
_DASH = "\u2013"
_TIMES = "\u00d7"
# "dates back about 5 years" states how long the problem has lasted, as "for" does
_FOR_BEFORE = (
    rf"(?:\bfor|\bx|{_TIMES}|\bover|\bpast|\blast|\bsince|\blasting|~"
    r"|\b(?:dates|dated|dating|date|goes)\s+back)"
    r"\s*(?:the\s+)?(?:past\s+|last\s+)?$"
)
# "6 months of increasing low back and buttock pain": up to six words before the complaint,
# none a preposition that opens another phrase ("3 weeks of physio for the pain" is treatment).
_OTHER_PHRASE = r"(?:with|without|after|before|for|of|in|on|from|at|by|to|since|during|despite)"
# ... also after a possessive: "pain of 4 years' duration", "a year's history"
_HISTORY_AFTER = (
    r"\s*(?:['\u2019]s?\s*)?(?:-\s*)?(?:history|hx|h/o|duration|onset|of\s+"
    r"(?:(?!" + _OTHER_PHRASE + r"\b)[\w-]+\s+){0,6}"
    r"(?:pain|symptoms|ache|trouble|discomfort|sciatica))\b"
)
DAYS_PER_YEAR = 365.25
_SINCE_ONSET = re.compile(
    r"\b(?:started|began|begun|came\s+on|kicked\s+in|developed|noticed\s+it)\b", re.IGNORECASE
)
"""Words that make "it's been a year since ..." date an onset ("since it started")."""
_NEXT_VERB = re.compile(r"\w*\s+(?P<to>to\s+)?(?P<verb>[a-z]+)\b", re.IGNORECASE)
"""The verb after an onset word, with its "to" ("started to limp", "started running")."""
_EDGE = 1e-6
"""Days: "a 3-month history" is not MORE than three months; "over 3 months" is."""
_MONTH_YEAR = re.compile(
    rf"\b(?:(?P<month>{_MONTH_NAMES})\.?\s+(?:of\s+)?)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Duration:
    """How long the symptoms have lasted, in days (`high` None: open-ended), and where it was
    read. `onset_age` is the age the pain began at when the text says ("since age 25";
    "since childhood" reads as 10)."""

    span: tuple[int, int]
    low: float
    high: float | None
    onset_age: int | None = None


class DurationReader:
    """Reads symptom durations and turns them into findings; built once from numbers.yaml."""

    def __init__(self, vocab: NumbersFile) -> None:
        self.vocab = vocab

    # --- regular expressions, compiled once ------------------------------------------------------

    @cached_property
    def _quantity(self) -> re.Pattern[str]:
        number = rf"(?:\d+(?:\.\d+)?|{alternation(list(self.vocab.number_words))})"
        unit = rf"(?:{alternation(list(self.vocab.units))})(?:s|es)?\.?"
        vague = alternation(list(self.vocab.vague_numbers))
        return re.compile(
            rf"(?<![\w/])(?:(?P<qual>{_MORE}|{_LESS}|{_APPROX})\s+)?"
            rf"(?:(?P<n1>{number})(?:\s*(?:-|{_DASH}|to|or)\s*(?P<n2>{number}))?|(?P<vague>{vague}))"
            rf"\s*-?\s*(?P<unit>{unit})(?![a-z])",
            re.IGNORECASE,
        )

    @cached_property
    def _fraction(self) -> re.Pattern[str]:
        denominators = alternation(list(self.vocab.fraction_units))
        return re.compile(rf"(?<![\d/.])(?P<n>\d{{1,2}})\s*/\s*(?P<d>{denominators})(?![\d/])")

    @cached_property
    def _vague(self) -> re.Pattern[str]:
        words = alternation(list(self.vocab.vague_durations))
        return re.compile(rf"\bfor\s+(?P<w>{words})\b", re.IGNORECASE)

    @cached_property
    def _since_long_ago(self) -> re.Pattern[str]:
        phrases = "|".join(phrase_regex(p) for p in self.vocab.since_long_ago)
        return re.compile(rf"\b(?:ever\s+)?since\s+(?:{phrases})\b", re.IGNORECASE)

    @cached_property
    def _since_age(self) -> re.Pattern[str]:
        return re.compile(
            r"\b(?:since|from|began at|started at)\s+(?:the\s+)?(?:age\s+(?:of\s+)?|aged\s+)"
            r"(?P<a>\d{1,2})\b|\bsince\s+(?:I|he|she)\s+was\s+(?P<b>\d{1,2})\b"
            r"|\b(?:started|began|begun|came\s+on)\s+when\s+(?:I|he|she)\s+was\s+(?P<c>\d{1,2})\b",
            re.IGNORECASE,
        )

    @cached_property
    def _since_date(self) -> re.Pattern[str]:
        return re.compile(
            rf"\bsince\s+(?:(?:early|mid|late|the\s+end\s+of)\s+)?(?:(?P<month>{_MONTH_NAMES})\.?"
            rf"(?:\s+(?P<year>(?:19|20)\d\d))?|(?P<year_only>(?:19|20)\d\d))\b",
            re.IGNORECASE,
        )

    @cached_property
    def _pain_words(self) -> re.Pattern[str] | None:
        return _words(self.vocab.pain_words)

    @cached_property
    def _secondary_words(self) -> re.Pattern[str] | None:
        return _words(self.vocab.secondary_symptom_words)

    @cached_property
    def _presentation_words(self) -> re.Pattern[str] | None:
        return _words(self.vocab.presentation_words)

    @cached_property
    def _relative(self) -> re.Pattern[str]:
        words = alternation(list(self.vocab.relative_onsets))
        return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)

    @cached_property
    def _onset(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{alternation(self.vocab.onset_words)})", re.IGNORECASE)

    @cached_property
    def _activity_start(self) -> re.Pattern[str]:
        nouns = alternation(self.vocab.activity_starts)
        return re.compile(rf"\b(?:{nouns})\s+(?:started|began|begun|commenced)\s*$", re.IGNORECASE)

    @cached_property
    def _start(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{alternation(self.vocab.start_words)})", re.IGNORECASE)

    @cached_property
    def _past_event(self) -> re.Pattern[str]:
        words = alternation(self.vocab.past_event_words)
        return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)

    @cached_property
    def _activity(self) -> re.Pattern[str] | None:
        if not self.vocab.activity_words:
            return None
        words = alternation(self.vocab.activity_words)
        return re.compile(rf"\b(?:{words})\s+for\s+(?:the\s+)?(?:past\s+|last\s+)?$", re.I)

    @cached_property
    def _complaint(self) -> re.Pattern[str]:
        words = alternation(self.vocab.complaint_words)
        return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)

    @cached_property
    def _symptom(self) -> re.Pattern[str]:
        words = alternation(self.vocab.symptom_words)
        return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)

    # --- reading ---------------------------------------------------------------------------------

    def read(self, text: str, today: date | None = None) -> list[Duration]:
        """Every symptom duration the text states, in text order.

        Args:
            text: The note or description.
            today: Reference date for "since March"; without it such a phrase is read as a
                duration of unknown length (it gives no finding).
        """
        found: list[Duration] = []
        for m in self._fraction.finditer(text):
            n, d = int(m.group("n")), m.group("d")
            if d == "7" and n >= 24:
                continue  # "24/7" means constant, not 24 days
            days = n * self.vocab.fraction_units[d]
            found.append(Duration((m.start(), m.end()), days, days))
        for m in self._quantity.finditer(text):
            duration = self._quantity_duration(text, m)
            if duration is not None:
                found.append(duration)
        for m in self._vague.finditer(text):
            if not self._names_symptom(text, m.start(), m.end()) or self._measures_activity(
                text, m.start("w")
            ):
                continue  # "reduced eating for the past week", "sits for a long time"
            rng = self.vocab.vague_durations[m.group("w").lower()]
            found.append(Duration((m.start(), m.end()), rng.low, rng.high))
        for m in self._since_long_ago.finditer(text):
            found.append(Duration((m.start(), m.end()), 365.0, None, onset_age=10))
        for m in self._since_age.finditer(text):
            found.append(
                Duration(
                    (m.start(), m.end()),
                    0.0,
                    None,
                    int(m.group("a") or m.group("b") or m.group("c")),
                )
            )
        for m in self._relative.finditer(text):
            if self._dates_onset(_around(text, m.start(), m.end(), ".;\n!?"), self._onset):
                rng = self.vocab.relative_onsets[m.group(0).lower()]
                found.append(Duration((m.start(), m.end()), rng.low, rng.high))
        for m in self._since_date.finditer(text):
            dated = self._since_date_duration(m, today) if today is not None else None
            found.append(dated or Duration((m.start(), m.end()), 0.0, None))
        dated = self._onset_to_visit(text, today)
        if dated is not None:
            found.append(dated)
        found = [d for d in found if not any(_inside(d, other) for other in found)]
        found = [d for d in found if not self._dates_past_event(text, d)]
        return sorted(self._said_of_pain(text, found), key=lambda d: d.span)

    def _said_of_pain(self, text: str, found: list[Duration]) -> list[Duration]:
        """The durations without those said only of a secondary symptom, when another is said of
        the pain ("numbness that has been there for years ... back pain for 3 weeks")."""
        pain, secondary = self._pain_words, self._secondary_words
        if pain is None or secondary is None:
            return found
        clauses = [_around(text, d.span[0], d.span[1], ".;\n!?") for d in found]
        if not any(pain.search(c) for c in clauses):
            return found
        return [
            d
            for d, clause in zip(found, clauses, strict=True)
            if pain.search(clause) or not secondary.search(clause)
        ]

    def _onset_to_visit(self, text: str, today: date | None) -> Duration | None:
        """The time from a month and year in a sentence naming the onset to one in a later
        sentence about the visit (or to `today`)."""
        visit_words = self._presentation_words
        onset: tuple[re.Match[str], date, date] | None = None
        for m in _MONTH_YEAR.finditer(text):
            sentence = _around(text, m.start(), m.end(), ".;\n!?")
            first, last = _month_range(m)
            if onset is None:
                if self._complaint.search(sentence) and self._dates_onset(sentence, self._start):
                    onset = (m, first, last)
                continue
            if visit_words is not None and visit_words.search(sentence) and first >= onset[1]:
                return _between(onset, first, last)
        if onset is not None and today is not None and today >= onset[1]:
            return _between(onset, today, today)
        return None

    def _dates_past_event(self, text: str, duration: Duration) -> bool:
        """Whether the duration's clause names a past event and no symptom ("PMH L4/5
        decompression 10 yrs ago"): it dates that event, not the current complaint."""
        clause = _around(text, duration.span[0], duration.span[1], ".;,\n!?")
        return (
            self._past_event.search(clause) is not None and self._complaint.search(clause) is None
        )

    def _quantity_duration(self, text: str, m: re.Match[str]) -> Duration | None:
        written = m.group("unit").lower().rstrip(".")
        units = sorted(self.vocab.units, key=len, reverse=True)
        unit = next((u for u in units if written.startswith(u)), None)
        if unit is None or not self._is_symptom_duration(text, m):
            return None
        per = self.vocab.units[unit]
        high: float | None
        if m.group("vague"):
            rng = self.vocab.vague_numbers[m.group("vague").lower()]
            low, high = rng.low * per, rng.high * per if rng.high is not None else None
        else:
            low = self._value(m.group("n1")) * per
            high = self._value(m.group("n2")) * per if m.group("n2") else low
        qualifier = (m.group("qual") or "").lower()
        if re.fullmatch(_MORE, qualifier):
            low, high = low + 2 * _EDGE, None  # "over 3 months" is more than three months
        elif re.fullmatch(_LESS, qualifier):
            low, high = 0.0, max(0.0, (high or low) - 0.5)
        return Duration((m.start(), m.end()), low, high)

    def _value(self, number: str) -> float:
        words = self.vocab.number_words
        return float(words[number.lower()]) if number.lower() in words else float(number)

    def _is_symptom_duration(self, text: str, m: re.Match[str]) -> bool:
        before = text[max(0, m.start() - 40) : m.start()].lower()
        after = text[m.end() : m.end() + 80].lower()
        # "hip pain over six months": "over" says during, as "for" does
        over = (m.group("qual") or "").lower() == "over"
        # "It's been a year since I first had the pain", "... since it started": the time since
        # the onset ("it's been a year since we moved house" dates no complaint)
        if re.search(r"\bbeen\s*$", before) and re.match(r"\s*since\b", after):
            onset = re.split(r"[.;,\n!?]", text[m.end() :], maxsplit=1)[0]
            return bool(self._complaint.search(onset) or _SINCE_ONSET.search(onset))
        if re.search(_FOR_BEFORE, before) or over:
            return self._names_symptom(text, m.start(), m.end()) and not self._measures_activity(
                text, m.start()
            )
        if re.match(_HISTORY_AFTER, after):
            return True
        if re.match(r"\s*(?:ago|prior|earlier|previously)\b", after):
            if re.search(r"\bthan\s*$", before):
                return False  # "much better now than 1-2 months ago" is a point of comparison
            long_ago = re.match(r"(?:year|yr|decade)", m.group("unit"), re.IGNORECASE)
            sentence = _around(text, m.start(), m.end(), ".;\n!?")
            # an activity's start is not the pain's ("Marathon training started 3 months ago")
            before_onset = text[max(0, m.start() - 60) : m.start()]
            return self._dates_onset(
                sentence, self._start if long_ago else self._onset
            ) and not self._activity_start.search(before_onset)
        return False

    def _dates_onset(self, sentence: str, words: re.Pattern[str]) -> bool:
        """Whether the sentence has an onset word that starts the symptoms, not an activity:
        "had started running 6 months earlier" starts the running ("started hurting", "started
        getting pain" start the pain)."""
        symptom = self._complaint
        for m in words.finditer(sentence):
            if not m.group(0).lower().startswith(("start", "beg")):
                return True  # only "start" and "begin" take an activity ("since running" dates)
            after = _NEXT_VERB.match(sentence, m.end())
            if after is None:
                return True
            word = after.group("verb").lower()
            if not (word.endswith("ing") or after.group("to")):
                return True  # "started 3 weeks ago", "began suddenly"
            if symptom.fullmatch(word) or word in self.vocab.symptom_onset_verbs:
                return True
        return False

    def _names_symptom(self, text: str, start: int, end: int) -> bool:
        """Whether the clause of a "for <n> weeks" duration names a symptom ("missed periods for
        6 months" does not); a duration that opens its sentence, set off by a comma, is the next
        clause's ("For the last 3 years, he has had hamstring pain whilst training")."""
        clause = _around(text, start, end, ".;,\n!?")
        if self._symptom.search(clause) is not None:
            return True
        sentence = _around(text, start, end, ".;\n!?")
        fronted = re.match(r"\s*(?:for|over|during)\b", clause, re.IGNORECASE) is not None
        opens = sentence.lstrip().startswith(clause.strip())
        return fronted and opens and self._symptom.search(sentence) is not None

    def _measures_activity(self, text: str, start: int) -> bool:
        """Whether the "for" before `start` follows an activity ("when he sits for a long
        time", "cycling for five years"): the duration is the activity's."""
        activity = self._activity
        return (
            activity is not None and activity.search(text[max(0, start - 40) : start]) is not None
        )

    def _since_date_duration(self, m: re.Match[str], today: date) -> Duration | None:
        if m.group("year_only"):
            year = int(m.group("year_only"))
            earliest, latest = date(year, 1, 1), date(year, 12, 31)
        else:
            month = _MONTH_NUMBERS[m.group("month")[:3].lower()]
            year = int(m.group("year")) if m.group("year") else today.year
            if not m.group("year") and (month, 1) > (today.month, today.day):
                year -= 1  # "since March" in January means last March
            earliest, latest = date(year, month, 1), date(year, month, 28)
        if earliest > today:
            return None
        low = (today - min(latest, today)).days
        return Duration((m.start(), m.end()), float(low), float((today - earliest).days))

    # --- findings --------------------------------------------------------------------------------

    def findings(
        self, text: str, durations: list[Duration], age: AgeReading | None
    ) -> list[TextFinding]:
        """duration_under_6_weeks, duration_over_3_months and onset_before_40."""
        out: list[TextFinding] = []
        longest = max(durations, key=lambda d: (d.low, d.high or float("inf")), default=None)
        if longest is not None:
            out += self._duration_findings(text, longest)
        onset = self._onset_before_40(durations, longest, age)
        if onset is not None:
            value, span = onset
            out.append(_finding(text, "onset_before_40", value, span))
        return out

    def _duration_findings(self, text: str, d: Duration) -> list[TextFinding]:
        out: list[TextFinding] = []
        under, over = self.vocab.under_6_weeks_days, self.vocab.over_3_months_days
        if d.high is not None and d.high < under:
            out.append(_finding(text, "duration_under_6_weeks", Answer.YES, d.span))
        elif d.low >= under:
            out.append(_finding(text, "duration_under_6_weeks", Answer.NO, d.span))
        if d.low > over + _EDGE:
            out.append(_finding(text, "duration_over_3_months", Answer.YES, d.span))
        elif d.high is not None and d.high < over - _EDGE:
            out.append(_finding(text, "duration_over_3_months", Answer.NO, d.span))
        return out

    def _onset_before_40(
        self, durations: list[Duration], longest: Duration | None, age: AgeReading | None
    ) -> tuple[Answer, tuple[int, int]] | None:
        limit = self.vocab.onset_age_limit
        stated = next((d for d in durations if d.onset_age is not None), None)
        if stated is not None and stated.onset_age is not None:
            return (Answer.YES if stated.onset_age < limit else Answer.NO), stated.span
        if age is None:
            return None
        if age.age < limit:
            return Answer.YES, age.span
        if longest is None:
            return None
        # An age in years is the floor of the true age: half a year on is the best estimate (a
        # 40-year-old with two weeks of pain had the onset at 40, not before).
        now = age.age + 0.5
        earliest = now - (longest.high or float("inf")) / DAYS_PER_YEAR
        latest = now - longest.low / DAYS_PER_YEAR
        if latest < limit:
            return Answer.YES, age.span
        if earliest >= limit:
            return Answer.NO, age.span
        return None


def _around(text: str, start: int, end: int, stops: str) -> str:
    """The stretch of text around [start, end) up to the nearest stop characters (a stop that
    ends the span, such as the full stop of "3 years.", ends the stretch there)."""
    while end > start and text[end - 1] in stops:
        end -= 1
    left = max(text.rfind(c, 0, start) for c in stops)
    rights = [i for i in (text.find(c, end) for c in stops) if i >= 0]
    return text[left + 1 : min(rights) if rights else len(text)]


def _words(phrases: list[str]) -> re.Pattern[str] | None:
    return re.compile(rf"\b(?:{alternation(phrases)})\b", re.IGNORECASE) if phrases else None


def _month_range(m: re.Match[str]) -> tuple[date, date]:
    """The first and last day a month-and-year (or a year alone) may stand for."""
    year = int(m.group("year"))
    if not m.group("month"):
        return date(year, 1, 1), date(year, 12, 31)
    month = _MONTH_NUMBERS[m.group("month")[:3].lower()]
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), date.fromordinal(following.toordinal() - 1)


def _between(onset: tuple[re.Match[str], date, date], first: date, last: date) -> Duration:
    """The duration from an onset date range to a later date range, read at the onset date."""
    m, start, end = onset
    low = max(0, (first - end).days)
    return Duration((m.start(), m.end()), float(low), float((last - start).days))


def _inside(inner: Duration, outer: Duration) -> bool:
    return (
        outer.span != inner.span
        and outer.span[0] <= inner.span[0]
        and inner.span[1] <= outer.span[1]
    )


def _finding(text: str, finding: str, value: Answer, span: tuple[int, int]) -> TextFinding:
    return TextFinding(finding, value, span, text[span[0] : span[1]], "number")
