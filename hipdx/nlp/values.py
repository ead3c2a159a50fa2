"""Read test values and muscle-power trends written as numbers, and turn them into findings.

Results ("CRP 85", "T 38.9", "ABI 0.55 R, 1.0 L", "PVR 650 mL", "compartment pressure 45 mmHg",
"T-score -2.8": a signed test keeps its minus sign):
a test name, a few connecting words ("of", "was", ":", "post-exercise"), then one or more
values, each with an optional unit. Values are converted to the test's unit and compared with
the cut-offs in numbers.yaml (a younger patient's age band, when the age is known: `by_age`):
any abnormal value of a list reads yes ("ABI 0.5 L vs 0.9 R"), a list of normal values reads
no, anything else says nothing. Falls ("ankle pressure 30 mmHg
lower after exercise"): a clause naming the test, a fall word and an amount at or above the
cut-off. Power trends ("quads 3/5 (4/5 three days ago)", "DF 4/5 on Monday, 2/5 today",
"power fell from 4/5 to 2/5"): a grade lower than the earlier grade beside it.

This module only finds numbers; the pipeline passes each reading through ConText, so a
hypothetical ("return if your temperature is above 38") or a relative's result is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from hipdx.nlp.lexicon import (
    AgeCutoffs,
    NumbersFile,
    PowerTrend,
    ResultDrop,
    ResultTest,
    ValuesSpec,
)
from hipdx.nlp.wordlists import alternation, phrase_regex
from hipdx.types import Answer, FindingId

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
"""A number, with thousands separators ("87,000", "1,250.5"); a full stop after it ends the
sentence ("CK peaked at 87,000.")."""
_TOKEN = re.compile(
    rf"(?P<space>\s*)(?:(?P<num>{_NUMBER})|(?P<word>[^\W\d_][\w'-]*)|(?P<punct>[^\s\w]))"
)
_STOPS = frozenset({".", ";", "!", "?"})
_FIRST_VALUE_WITHIN = 40
"""Characters between a test name and its first value, at most."""
_NEXT_VALUE_WITHIN = 25
"""Characters between two values of one list, at most."""
_GRADE = re.compile(r"(?<![\d/.])(?P<g>[0-5])(?P<mod>[+-])?\s*/\s*5(?![\d/])")
_SENTENCE_END = re.compile(r"(?<!\d)\.(?!\d)|[;\n!?]|\.(?=\s)")
_GRADE_STEP = 0.3
"""4+/5 counts as 4.3 and 4-/5 as 3.7."""
_EXCEPTION = re.compile(
    r"\b(?:except|apart\s+from|other\s+than|save\s+for|aside\s+from|excluding)\b", re.I
)
"""Words that set one muscle's grade apart from the rest ("Strength was 5/5, except 4+/5 for
the EHL"): the two grades name different muscles, not one muscle at two times."""
_NARRATION = re.compile(r"\b(?:was|were)\W*$", re.I)
_NOW = re.compile(r"\b(?:now|today|currently|at\s+present|this\s+(?:morning|evening))\b", re.I)
"""Case reports narrate in the past tense: "was 5/5" is an earlier grade only in a sentence that
also says which grade is now ("power was 4/5, now 2/5")."""
_EPSILON = 1e-6


@dataclass(frozen=True)
class ValueReading:
    """A finding read from a number: its value and the characters it was read from."""

    finding: FindingId
    value: Answer
    span: tuple[int, int]


def _names(phrases: list[str]) -> re.Pattern[str]:
    """One regex for test names: case-insensitive, except `==X` names."""
    plain = [phrase_regex(p) for p in phrases if not p.startswith("==")]
    exact = [re.escape(p[2:]) for p in phrases if p.startswith("==")]
    parts = []
    if plain:
        parts.append(f"(?i:{'|'.join(plain)})")
    if exact:
        parts.append("|".join(exact))
    return re.compile(rf"(?<![\w/])(?:{'|'.join(parts)})(?![\w])")


def _phrases(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?:{'|'.join(phrase_regex(p) for p in phrases)})(?![\w])", re.I)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


class _Result:
    """One result test compiled for reading."""

    def __init__(self, test: ResultTest, spec: ValuesSpec) -> None:
        self.test = test
        self.name = _names(test.names)
        units = {u.lower(): f for u, f in test.units.items()}
        self.factors = units
        written = "|".join(_unit_regex(u) for u in sorted(units, key=len, reverse=True))
        self.unit = re.compile(rf"\s*(?P<unit>{written})(?![A-Za-z])", re.I) if units else None
        # a unit the test is not measured in: the number is another measurement's ("CK 8.7 mmol")
        foreign = sorted((u for u in spec.foreign_units if u.lower() not in units), key=len)
        alien = "|".join(_unit_regex(u) for u in reversed(foreign))
        self.foreign = re.compile(rf"\s*(?:{alien})(?![A-Za-z])", re.I) if foreign else None
        self.labels = [(_phrases([label]), cut) for label, cut in test.labelled.items()]
        self.not_near = _phrases(test.not_near) if test.not_near else None
        self.connectors = {w.lower() for w in spec.connectors}
        self.below = re.compile(rf"\s*(?:{alternation(spec.below_words)})\s*$", re.I)
        self.above = re.compile(rf"\s*(?:{alternation(spec.above_words)})\s*$", re.I)

    def read(self, text: str, age: float | None = None) -> Iterator[ValueReading]:
        cutoffs = self._cutoffs(age)
        for m in self.name.finditer(text):
            if self._another_measurement(text, m.start()):
                continue
            values = list(self._values(text, m.end()))
            if not values:
                continue
            label_text = text[max(0, m.start() - 25) : values[0][0]]
            verdicts = [
                self._verdict(value, unitless, label_text, cutoffs)
                for _, _, value, unitless in values
            ]
            span = (m.start(), values[-1][1])
            if Answer.YES in verdicts:
                yield ValueReading(self.test.finding, Answer.YES, span)
            elif all(v is Answer.NO for v in verdicts):
                yield ValueReading(self.test.finding, Answer.NO, span)

    def _another_measurement(self, text: str, at: int) -> bool:
        """Whether the sentence holding `at` names another measurement (`not_near`: "peak heart
        rate 180 on the treadmill test")."""
        if self.not_near is None:
            return False
        return any(
            start <= at <= end and self.not_near.search(text, start, end) is not None
            for start, end in _sentences(text)
        )

    def _values(self, text: str, pos: int) -> Iterator[tuple[int, int, float, bool]]:
        """(start, end, value in the test's unit, written without a unit) of each value."""
        limit = pos + _FIRST_VALUE_WITHIN
        qualifier_from = pos
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if m is None or "\n" in m.group("space") or m.end("space") > limit:
                return
            if m.group("num") is not None:
                start, end = m.start("num"), m.end("num")
                value = _number(m.group("num"))
                if self.test.signed and _minus(text, start):
                    value, start = -value, start - 1
                before = text[qualifier_from:start]
                below = self.below.search(before) is not None
                if below:
                    value -= _EPSILON
                elif self.above.search(before):
                    value += _EPSILON
                unit = self.unit.match(text, end) if self.unit is not None else None
                if unit is not None:
                    value *= self.factors[_unit_key(unit.group("unit"), self.factors)]
                    end = unit.end()
                elif self.foreign is not None and self.foreign.match(text, end):
                    return
                value = self._rescale(value)
                if not self.test.plausible.holds(value):
                    return
                # "CRP <5" is a laboratory's reporting limit: normal whatever the unit.
                yield start, end, value, unit is None and not below
                pos = qualifier_from = end
                limit = end + _NEXT_VALUE_WITHIN
                continue
            token = (m.group("word") or m.group("punct") or "").lower()
            if token in _STOPS and not text[m.end() : m.end() + 1].isdigit():
                return
            if token not in self.connectors:
                return
            pos = m.end()

    def _rescale(self, value: float) -> float:
        for rule in self.test.rescale:
            if value > rule.above:
                return value * rule.multiply + rule.add
        return value

    def _cutoffs(self, age: float | None) -> ResultTest | AgeCutoffs:
        """The yes cut-offs for a patient of `age` (an age band's, else the test's own)."""
        if age is None:
            return self.test
        return next((band for band in self.test.by_age if age < band.age_below), self.test)

    def _verdict(
        self, value: float, unitless: bool, label_text: str, cutoffs: ResultTest | AgeCutoffs
    ) -> Answer | None:
        test = self.test
        if unitless and test.unitless_unsure is not None and test.unitless_unsure.holds(value):
            return None
        at_least = cutoffs.yes_at_least
        for label, cut in self.labels:
            if label.search(label_text):
                at_least = cut
        if (
            (at_least is not None and value >= at_least)
            or (cutoffs.yes_above is not None and value > cutoffs.yes_above)
            or (cutoffs.yes_below is not None and value < cutoffs.yes_below)
            or (cutoffs.yes_at_most is not None and value <= cutoffs.yes_at_most)
        ):
            return Answer.YES
        if test.normal is not None and test.normal.holds(value):
            return Answer.NO
        return None


def _minus(text: str, start: int) -> bool:
    """Whether a minus sign is written against the number at `start` and not after another
    number or word ("T-score -2.8", not "5-10")."""
    return (
        start > 0
        and text[start - 1] in "-\u2212\u2013"
        and (start < 2 or not text[start - 2].isalnum())
    )


def _unit_regex(unit: str) -> str:
    return r"\s*".join(re.escape(part) for part in unit.split())


def _unit_key(written: str, factors: dict[str, float]) -> str:
    squeezed = " ".join(written.lower().split())
    if squeezed in factors:
        return squeezed
    compact = squeezed.replace(" ", "")
    return next(u for u in factors if u.replace(" ", "") == compact)


class _Drop:
    """A fall written as an amount, compiled for reading."""

    def __init__(self, drop: ResultDrop) -> None:
        self.drop = drop
        self.cutoffs = {u.lower(): cut for u, cut in drop.cutoffs.items()}
        self.name = _names(drop.names)
        self.words = _phrases(drop.drop_words)
        units = "|".join(_unit_regex(u) for u in sorted(drop.cutoffs, key=len, reverse=True))
        self.amount = re.compile(rf"(?P<n>{_NUMBER})\s*(?P<unit>{units})(?![A-Za-z])", re.I)
        self.from_to = re.compile(
            rf"\bfrom\s+(?P<a>{_NUMBER})\s*(?:{units})?\s+to\s+(?P<b>{_NUMBER})\s*(?P<unit>{units})",
            re.I,
        )

    def read(self, text: str) -> Iterator[ValueReading]:
        for start, end in _sentences(text):
            clause = text[start:end]
            name = self.name.search(clause)
            if name is None or self.words.search(clause) is None:
                continue
            spans = [(start + m.start(), start + m.end()) for m in self._falls(clause)]
            if spans:
                first = min(start + name.start(), spans[0][0])
                last = max(start + name.end(), spans[0][1])
                yield ValueReading(self.drop.finding, Answer.YES, (first, last))

    def _falls(self, clause: str) -> Iterator[re.Match[str]]:
        """Amounts in the clause at or above their cut-off ("from 120 to 80 mmHg": 40)."""
        pairs = list(self.from_to.finditer(clause))
        if pairs:
            for m in pairs:
                if _number(m.group("a")) - _number(m.group("b")) >= self._cutoff(m.group("unit")):
                    yield m
            return
        for m in self.amount.finditer(clause):
            if _number(m.group("n")) >= self._cutoff(m.group("unit")):
                yield m

    def _cutoff(self, unit: str) -> float:
        return self.cutoffs[_unit_key(unit, self.cutoffs)]


class _Power:
    """Muscle power grades compared within a sentence."""

    def __init__(self, power: PowerTrend) -> None:
        self.finding = power.finding
        before = "|".join(phrase_regex(p) for p in power.earlier_before)
        self.before = re.compile(rf"(?<![\w])(?:{before})\W*$", re.I)
        self.after = _phrases(power.earlier_after)

    def read(self, text: str) -> Iterator[ValueReading]:
        for start, end in _sentences(text):
            grades = list(_GRADE.finditer(text, start, end))
            if len(grades) < 2:
                continue
            earlier = [self._is_earlier(text, grades, i, start, end) for i in range(len(grades))]
            found: Answer | None = None
            span = (0, 0)
            for i, grade in enumerate(grades):
                if not earlier[i]:
                    continue
                others = [j for j in range(len(grades)) if not earlier[j]]
                if not others:
                    continue
                j = min(others, key=lambda k: abs(grades[k].start() - grade.start()))
                first, last = sorted((grade, grades[j]), key=lambda g: g.start())
                if _EXCEPTION.search(text, first.end(), last.start()):
                    continue
                worse = _grade(grades[j]) < _grade(grade)
                if found is not Answer.YES:
                    found = Answer.YES if worse else Answer.NO
                    span = (first.start(), last.end())
            if found is not None:
                yield ValueReading(self.finding, found, span)

    def _is_earlier(
        self, text: str, grades: list[re.Match[str]], i: int, start: int, end: int
    ) -> bool:
        grade = grades[i]
        before = text[max(start, grade.start() - 20) : grade.start()]
        if self.before.search(before) and (
            not _NARRATION.search(before) or _NOW.search(text, start, end) is not None
        ):
            return True
        stop = grades[i + 1].start() if i + 1 < len(grades) else min(end, grade.end() + 40)
        return self.after.search(text[grade.end() : stop]) is not None


def _grade(m: re.Match[str]) -> float:
    step = {"+": _GRADE_STEP, "-": -_GRADE_STEP}.get(m.group("mod") or "", 0.0)
    return int(m.group("g")) + step


class ValueReader:
    """Reads test values, falls and power trends; built once from numbers.yaml."""

    def __init__(self, vocab: NumbersFile) -> None:
        self.spec = vocab.values

    @cached_property
    def _results(self) -> list[_Result]:
        """Single results, the only readings an age band changes."""
        return [_Result(t, self.spec) for t in self.spec.results] if self.spec is not None else []

    @cached_property
    def _trends(self) -> list[_Drop | _Power]:
        """Falls and power trends: comparisons within the text, the same at any age."""
        if self.spec is None:
            return []
        trends: list[_Drop | _Power] = [_Drop(d) for d in self.spec.drops]
        if self.spec.power is not None:
            trends.append(_Power(self.spec.power))
        return trends

    def read(self, text: str, age: float | None = None) -> list[ValueReading]:
        """Every finding the text's numbers give, in text order (one finding may repeat).

        Args:
            text: The note or description.
            age: The patient's age in years, when known (a test's age bands, `by_age`).
        """
        found = [reading for result in self._results for reading in result.read(text, age)]
        found += [reading for trend in self._trends for reading in trend.read(text)]
        return sorted(found, key=lambda r: (r.span, r.finding))
