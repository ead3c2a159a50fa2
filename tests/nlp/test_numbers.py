"""Ages, sex and durations read by regular expressions (demographics.py, durations.py)."""

from __future__ import annotations

from datetime import date

import pytest

from hipdx.nlp.demographics import DemographicsReader
from hipdx.nlp.durations import DurationReader
from hipdx.nlp.lexicon import load_numbers
from hipdx.types import Sex

PEOPLE = DemographicsReader(load_numbers())
READER = DurationReader(load_numbers())

AGES = [
    ("34M, buttock pain", 34),
    ("52yo F", 52),
    ("a 41-year-old woman", 41),
    ("68 y/o man", 68),
    ("aged 16", 16),
    ("Age: 72", 72),
    ("I'm 45 and active", 45),
    ("she is 29, fit and well", 29),
    ("in her 60s", 65),
    ("in his early sixties", 62),
    ("in her late 40s", 48),
    ("in his teens", 16),
    ("F/72, sacral pain", 72),
    ("pain since age 25", None),
    ("it started in her twenties", None),
    ("3/52 L buttock pain", None),
    ("SLR 40 degrees", None),
]


@pytest.mark.parametrize(("text", "age"), AGES, ids=[t for t, _ in AGES])
def test_age(text: str, age: int | None) -> None:
    reading = PEOPLE.read_age(text)
    assert (reading.age if reading else None) == age


SEXES = [
    ("34M", Sex.MALE),
    ("52yo F", Sex.FEMALE),
    ("Mrs Jones", Sex.FEMALE),
    ("a 41-year-old woman", Sex.FEMALE),
    ("gentleman with back pain", Sex.MALE),
    ("She reports buttock pain.", Sex.FEMALE),
    ("He denies fever; his wife drove him.", Sex.MALE),
    ("I saw my GP and she referred me.", None),
    ("Mr Smith and his wife, a woman of 60", Sex.MALE),
    ("buttock pain", None),
]


@pytest.mark.parametrize(("text", "sex"), SEXES, ids=[t for t, _ in SEXES])
def test_sex(text: str, sex: Sex | None) -> None:
    assert PEOPLE.read_sex(text) == sex


DURATIONS = [
    ("3/52 L buttock pain", (21, 21)),
    ("pain x 3 wks", (21, 21)),
    ("pain for six months", (182.64, 182.64)),
    ("a 6-month history of pain", (182.64, 182.64)),
    ("buttock pain for 2-3 weeks", (14, 21)),
    ("pain for more than 3 months", (91.32, None)),
    ("pain for a few weeks", (14, 28)),
    ("pain for years", (730, None)),
    ("pain since childhood", (365, None)),
    ("pain started 5 days ago", (5, 5)),
    ("pain started yesterday after a run", (1, 2)),
    ("buttock pain for the past year", (330, 400)),
    ("the pain began after a fall (3 days prior)", (3, 3)),
]


@pytest.mark.parametrize(("text", "days"), DURATIONS, ids=[t for t, _ in DURATIONS])
def test_duration(text: str, days: tuple[float, float | None]) -> None:
    durations = READER.read(text)
    assert len(durations) == 1
    low, high = days
    assert durations[0].low == pytest.approx(low)
    assert durations[0].high == (pytest.approx(high) if high is not None else None)


NOT_DURATIONS = [
    "back surgery ten years ago",
    "missed periods for 6 months",
    "pain 24/7",
    "BP 120/80",
    "tore his hamstring two years ago",
    "physio twice a week",
    "knee surgery 3 years prior",
    "he was seen 2 weeks earlier by his GP",
]


@pytest.mark.parametrize("text", NOT_DURATIONS)
def test_not_a_symptom_duration(text: str) -> None:
    assert READER.read(text) == []


def test_since_a_month_needs_a_reference_date() -> None:
    (undated,) = READER.read("pain since March")
    assert (undated.low, undated.high) == (0.0, None)
    (dated,) = READER.read("pain since March", today=date(2025, 8, 20))
    assert dated.low == (date(2025, 8, 20) - date(2025, 3, 28)).days
    assert dated.high == (date(2025, 8, 20) - date(2025, 3, 1)).days
    assert READER.findings("pain since March", [undated], None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3/52", {"duration_under_6_weeks": "yes", "duration_over_3_months": "no"}),
        ("x 6 weeks of pain", {"duration_under_6_weeks": "no", "duration_over_3_months": "no"}),
        # three months is not MORE than three months (the finding's definition)
        ("pain for 3 months", {"duration_under_6_weeks": "no"}),
        ("pain for 4 months", {"duration_under_6_weeks": "no", "duration_over_3_months": "yes"}),
        ("pain for months", {"duration_under_6_weeks": "no"}),
        ("pain for weeks", {}),
    ],
)
def test_duration_findings(text: str, expected: dict[str, str]) -> None:
    found = READER.findings(text, READER.read(text), None)
    assert {f.finding: f.value.value for f in found} == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("34M, 3/52 pain", "yes"),
        ("52yo F, pain for 6 months", "no"),
        ("52yo F, pain for 20 years", "yes"),
        ("52yo F", None),
        ("pain since childhood", "yes"),
        ("52yo F, pain since the age of 25", "yes"),
        ("pain since age 45", "no"),
    ],
)
def test_onset_before_40(text: str, value: str | None) -> None:
    found = READER.findings(text, READER.read(text), PEOPLE.read_age(text))
    onset = next((f for f in found if f.finding == "onset_before_40"), None)
    assert (onset.value.value if onset else None) == value
