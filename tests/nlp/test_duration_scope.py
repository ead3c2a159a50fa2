"""Which durations describe the complaint (durations.py): a duration belongs to the clause it
stands in, a sentence's full stop ends that clause, and "over" or a longer noun phrase before the
complaint still dates it; an onset age and an age in apposition to a name (demographics.py).
Negative controls: durations of other things and numbers after other words are not read."""

from __future__ import annotations

import pytest

from hipdx.nlp.demographics import DemographicsReader
from hipdx.nlp.durations import DurationReader
from hipdx.nlp.lexicon import load_numbers

READER = DurationReader(load_numbers())
PEOPLE = DemographicsReader(load_numbers())

READ = [
    ("6 months of increasing low back and buttock pain", (182.64, 182.64)),
    ("six weeks of right low back and buttock pain, intermittent fevers", (42, 42)),
    ("5 days of spontaneous acute limping and pain radiating down the leg", (5, 5)),
    ("progressive left hip pain over six months", (182.64, None)),
    ("buttock pain for 3 years. Then it got worse.", (1095.75, 1095.75)),
]


@pytest.mark.parametrize(("text", "days"), READ, ids=[t for t, _ in READ])
def test_complaint_duration(text: str, days: tuple[float, float | None]) -> None:
    (duration,) = READER.read(text)
    low, high = days
    assert duration.low == pytest.approx(low)
    assert duration.high == (pytest.approx(high) if high is not None else None)


NOT_READ = [
    # the full stop ends the clause: the pain named in the next sentence is not this duration's
    "I've been speed walking for the last three years. Then I started to get buttock pain.",
    "Reduced eating for the past week but no weight loss.",
    "3 weeks of physio for the pain",
    "6 weeks of antibiotics with no change in the pain",
    "her walking improved over three weeks",
    "she has lost over 6 kg",
]


@pytest.mark.parametrize("text", NOT_READ)
def test_not_the_complaint(text: str) -> None:
    assert READER.read(text) == []


def test_the_complaint_duration_outlasts_a_newer_symptom() -> None:
    text = "Progressive left hip pain over six months and weakness of the left leg for two weeks."
    found = READER.findings(text, READER.read(text), None)
    assert {f.finding: f.value.value for f in found} == {
        "duration_under_6_weeks": "no",
        "duration_over_3_months": "yes",
    }


def test_onset_age_from_started_when() -> None:
    text = "It started when I was 34, after a bike ride."
    found = READER.findings(text, READER.read(text), None)
    assert {f.finding: f.value.value for f in found} == {"onset_before_40": "yes"}


AGES = [
    ("Charlie, 38, long history of back pain", 38),
    ("Mrs Jones, 72, presents with buttock pain", 72),
    ("Temperature, 38 C", None),  # controls: no name and age in apposition
    ("Pain, 8/10 at worst", None),
    ("Smoker, 20 pack-years.", None),
]


@pytest.mark.parametrize(("text", "age"), AGES, ids=[t for t, _ in AGES])
def test_named_age(text: str, age: int | None) -> None:
    reading = PEOPLE.read_age(text)
    assert (reading.age if reading else None) == age


CHRONIC = {"duration_over_3_months": "yes", "duration_under_6_weeks": "no"}


@pytest.mark.parametrize(
    ("text", "findings"),
    [
        # a month and year of onset, then of the visit
        (
            "In July of 2017 she developed left buttock pain. At her evaluation in May 2018 "
            "the pain persisted.",
            {"duration_over_3_months": "yes", "duration_under_6_weeks": "no"},
        ),
        (
            "In March 2020 the buttock pain began. She was seen in April 2020.",
            {"duration_over_3_months": "no"},
        ),
        # "started" + a verb starts an activity; a complaint verb starts the pain
        (
            "I had started running 6 months earlier. The buttock pain began five days ago.",
            {"duration_under_6_weeks": "yes", "duration_over_3_months": "no"},
        ),
        ("The pain began to get worse 6 months ago.", CHRONIC),
        ("I started getting pain 6 months ago.", CHRONIC),
        # "3 months" is not MORE than three months
        ("A 3-month history of buttock pain.", {"duration_under_6_weeks": "no"}),
        ("Buttock pain for more than 3 months.", CHRONIC),
        ("Pain for 12 weeks.", {"duration_over_3_months": "no", "duration_under_6_weeks": "no"}),
    ],
)
def test_duration_findings(text: str, findings: dict[str, str]) -> None:
    durations = READER.read(text)
    got = {f.finding: f.value.value for f in READER.findings(text, durations, None)}
    assert got == findings
