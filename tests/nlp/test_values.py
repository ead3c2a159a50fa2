"""Test values, falls and power trends read as numbers (values.py); past-event durations and
proxy narrators (durations.py, demographics.py)."""

from __future__ import annotations

import pytest

from hipdx.nlp.demographics import DemographicsReader
from hipdx.nlp.durations import DurationReader
from hipdx.nlp.lexicon import load_numbers
from hipdx.nlp.values import ValueReader
from hipdx.types import Sex

VALUES = ValueReader(load_numbers())
DURATIONS = DurationReader(load_numbers())
PEOPLE = DemographicsReader(load_numbers())

READINGS = [
    # temperature: 38 C or more yes, under 37.5 no, Fahrenheit converted
    ("T 38.2, CRP 145.", {"fever": "yes", "raised_inflammatory_markers": "yes"}),
    ("fever of 38.7 C and night sweats", {"fever": "yes"}),
    ("pyrexial to 38.6 °C", {"fever": "yes"}),
    ("temperature of 101.3 F", {"fever": "yes"}),
    ("Temp 36.8, pulse 80", {"fever": "no"}),
    ("T 37.7", {}),
    ("T12 vertebra", {}),
    # CRP (mg/L; mg/dL x 10; unitless 0.5-10 unclear), ESR, white cell count
    ("CRP was 260 mg/L.", {"raised_inflammatory_markers": "yes"}),
    ("CRP 2.4 mg/dL", {"raised_inflammatory_markers": "yes"}),
    ("CRP 4", {}),
    ("CRP <5", {"raised_inflammatory_markers": "no"}),
    ("ESR 95, Ca 2.9", {"raised_inflammatory_markers": "yes"}),
    ("ESR 12 mm/h", {"raised_inflammatory_markers": "no"}),
    ("WCC 17", {"raised_white_cell_count": "yes"}),
    ("WBC 15,200/mm3", {"raised_white_cell_count": "yes"}),
    ("white cell count 9.8 x 10^9/L", {"raised_white_cell_count": "no"}),
    # post-void residual: over 200 mL yes, under 100 no, between nothing
    ("PVR 650 mL", {"post_void_residual_high": "yes"}),
    ("post-void residual of 420 mL", {"post_void_residual_high": "yes"}),
    ("PVR 150 mL", {}),
    ("PVR 40 mL", {"post_void_residual_high": "no"}),
    # ABI: below 0.9 yes (any value of a list), 0.9-1.4 no
    ("Post-exercise ABI 0.5 L vs 0.9 R.", {"abi_abnormal": "yes"}),
    ("ABI 0.9 rest, falls to 0.6 after treadmill.", {"abi_abnormal": "yes"}),
    ("ankle-brachial index was 0.98 on both sides", {"abi_abnormal": "no"}),
    ("ABI 0.55 R, 1.0 L.", {"abi_abnormal": "yes"}),
    # falls after exercise
    ("Post-exercise ankle pressure 30 mmHg lower on R.", {"abi_abnormal": "yes"}),
    ("ankle pressure fell from 120 to 110 mmHg after exercise", {}),
    ("ankle pressure fell from 120 to 70 mmHg after exercise", {"abi_abnormal": "yes"}),
    ("a 25% fall in ABI after treadmill", {"abi_abnormal": "yes"}),
    # compartment pressure (Pedowitz)
    ("compartment pressure 45 mmHg", {"compartment_pressure_raised": "yes"}),
    ("resting compartment pressure 18 mmHg", {"compartment_pressure_raised": "yes"}),
    ("compartment pressure 8 mmHg", {"compartment_pressure_raised": "no"}),
    ("compartment pressure 22 mmHg", {}),
    # power trends
    ("quads 3/5 L (4/5 when seen by GP 3 days ago)", {"progressive_neuro_deficit": "yes"}),
    ("ankle DF 4/5 at GP on Monday, 2/5 today", {"progressive_neuro_deficit": "yes"}),
    ("power fell from 4/5 to 2/5", {"progressive_neuro_deficit": "yes"}),
    ("EHL improved from 3/5 to 4+/5", {"progressive_neuro_deficit": "no"}),
    ("hip flexion 3/5, knee extension 4/5", {}),
    ("Sutlive 3/5; 3/52 of pain", {}),
]


@pytest.mark.parametrize(("text", "expected"), READINGS, ids=[t for t, _ in READINGS])
def test_value_readings(text: str, expected: dict[str, str]) -> None:
    found: dict[str, str] = {}
    for reading in VALUES.read(text):
        assert text[reading.span[0] : reading.span[1]].strip()
        found[reading.finding] = reading.value.value
    assert found == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("63M. PMH L4/5 decompression 10 yrs ago, well since. 10/7 L buttock pain.", ["10/7"]),
        ("L5/S1 discectomy 12 yrs ago, no back pain since. 6/12 R buttock pain", ["6/12"]),
        ("back pain since a fall 3 years ago", ["3 years"]),
        ("pain started after a hip replacement 2 years ago", ["2 years"]),
    ],
)
def test_durations_skip_past_events(text: str, words: list[str]) -> None:
    assert [text[d.span[0] : d.span[1]] for d in DURATIONS.read(text)] == words


@pytest.mark.parametrize(
    ("text", "age", "sex"),
    [
        ("My son is 8. Since yesterday he won't walk.", 8, Sex.MALE),
        ("My husband, 40, was kicked in the thigh.", 40, Sex.MALE),
        ("My daughter is 12 and got hit by a stick.", 12, Sex.FEMALE),
        ("My partner (35) hurt her back.", 35, None),
        ("I'm 27, male. My dad has ankylosing spondylitis.", 27, Sex.MALE),
    ],
)
def test_proxy_narrator(text: str, age: int, sex: Sex | None) -> None:
    reading = PEOPLE.read_age(text)
    assert reading is not None and reading.age == age
    assert PEOPLE.read_sex(text) == sex
