"""Test values, falls and power trends read as numbers (values.py); past-event durations and
proxy narrators (durations.py, demographics.py)."""

from __future__ import annotations

import pytest

from hipdx.nlp.demographics import DemographicsReader
from hipdx.nlp.durations import DurationReader
from hipdx.nlp.lexicon import AgeCutoffs, ResultTest, ValueRange, load_numbers
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
    # DXA T-score keeps its minus sign: -2.5 or below yes, -1.0 or above no, osteopenia nothing
    ("DEXA showed a T-score of -2.8.", {"osteoporosis": "yes"}),
    ("T-score \u22123.1 at the lumbar spine", {"osteoporosis": "yes"}),
    ("DEXA T-score -1.5.", {}),
    ("T-score: -0.5 at the hip", {"osteoporosis": "no"}),
    ("T-score 2.8", {"osteoporosis": "no"}),
    ("CRP 5-10", {"raised_inflammatory_markers": "yes"}),  # control: an unsigned range
    # power trends
    ("quads 3/5 L (4/5 when seen by GP 3 days ago)", {"progressive_neuro_deficit": "yes"}),
    ("ankle DF 4/5 at GP on Monday, 2/5 today", {"progressive_neuro_deficit": "yes"}),
    ("power fell from 4/5 to 2/5", {"progressive_neuro_deficit": "yes"}),
    ("EHL improved from 3/5 to 4+/5", {"progressive_neuro_deficit": "no"}),
    ("hip flexion 3/5, knee extension 4/5", {}),
    # past-tense narration and an exception name other muscles, not an earlier grade
    ("Strength was 5/5, except 4+/5 for the EHL and ankle dorsiflexors.", {}),
    ("Power was 5/5 on the right and 4/5 on the left.", {}),
    ("Power was 4/5 on admission, 2/5 today.", {"progressive_neuro_deficit": "yes"}),
    ("Power was 4/5, now 2/5.", {"progressive_neuro_deficit": "yes"}),
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


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("The patient is a nineteen year-old female soccer player.", 19),
        ("Nay gentle reader, my fifty year old body registered a violent protest.", 50),
        ("A twenty-two-year-old runner with buttock pain.", 22),
        ("She lifts her 2-year-old son every day. She is 34.", 34),
        ("He has a 3-year-old daughter and buttock pain.", None),
        ("Showing his 3-year-old tattoo, he pointed at the buttock.", None),
        ("My 8-year-old son has hip pain.", 8),  # control: a proxy text's patient
        ("A 45-year-old woman with a 3-year-old son.", 45),  # control: the first age
    ],
)
def test_age_of_someone_else(text: str, age: int | None) -> None:
    reading = PEOPLE.read_age(text)
    assert (reading.age if reading is not None else None) == age


ACTIVITIES = DurationReader(
    load_numbers().model_copy(update={"activity_words": ["sits", "sitting", "cycling", "walk"]})
)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("He has pain when he drives in the car or sits for a long time.", []),
        ("I have been cycling for five years and my buttock hurts.", []),
        ("Buttock pain for a long time.", ["for a long time"]),  # control
        ("Sitting is painful and has been for 3 months.", ["3 months."]),  # control
        ("A 54 year old man with a two week onset of lower back pain.", ["two week"]),
    ],
)
def test_duration_of_an_activity(text: str, words: list[str]) -> None:
    assert [text[d.span[0] : d.span[1]] for d in ACTIVITIES.read(text)] == words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Pain when he sits for a long time.", []),
        ("Her buttock hurts after driving for two hours.", []),
        ("Buttock pain for 3 months, worse sitting.", ["3 months"]),  # control
        ("I have had pain on running for 6 months.", ["6 months."]),  # control: running dates pain
    ],
)
def test_duration_of_a_posture_with_the_shipped_words(text: str, words: list[str]) -> None:
    assert [text[d.span[0] : d.span[1]] for d in DURATIONS.read(text)] == words


@pytest.mark.parametrize(
    ("text", "age"),
    [("A seventy-two year old man.", 72), ("An eighty year old woman.", 80)],
)
def test_age_in_words_of_every_decade(text: str, age: int) -> None:
    reading = PEOPLE.read_age(text)
    assert reading is not None and reading.age == age


@pytest.mark.parametrize(
    ("text", "onset"),
    [
        ("A 40-year-old woman with a 2-week history of buttock pain.", "no"),
        ("A 40-year-old woman with a 4-month history of buttock pain.", "no"),
        ("A 41-year-old man with buttock pain for 2 years.", "yes"),
        ("A 39-year-old man with buttock pain for 2 weeks.", "yes"),
    ],
)
def test_onset_before_40_near_the_limit(text: str, onset: str) -> None:
    durations = DURATIONS.read(text)
    found = {
        f.finding: f.value.value for f in DURATIONS.findings(text, durations, PEOPLE.read_age(text))
    }
    assert found["onset_before_40"] == onset


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("I'd wake up feeling like a tin man, so stiff it took 30 minutes.", None),
        ("I feel like an 80 year old woman when I get out of bed.", None),
        ("A 45-year-old man with buttock pain.", Sex.MALE),  # control: no comparison
        ("The woman felt a pop like a gunshot.", Sex.FEMALE),  # control: the simile is after
    ],
)
def test_a_simile_names_no_one(text: str, sex: Sex | None) -> None:
    assert PEOPLE.read_sex(text) == sex


def test_age_bands_set_a_younger_patients_cutoff() -> None:
    """A test's `by_age` bands replace its own cut-off for a younger patient; without an age the
    test's own cut-off holds (NICE NG51 heart rates: high risk at 140 or more at 3-4 years)."""
    test = ResultTest(
        finding="sepsis_signs",
        names=["heart rate"],
        plausible=ValueRange(low=25, high=250),
        yes_above=130,
        by_age=[
            AgeCutoffs(age_below=1, yes_at_least=160),
            AgeCutoffs(age_below=5, yes_at_least=140),
        ],
    )
    spec = load_numbers().values
    assert spec is not None
    numbers = load_numbers().model_copy(
        update={"values": spec.model_copy(update={"results": [test], "drops": [], "power": None})}
    )
    reader = ValueReader(numbers)

    def read(text: str, age: float | None) -> list[str]:
        return [r.value.value for r in reader.read(text, age)]

    assert read("heart rate 135", None) == ["yes"]
    assert read("heart rate 135", 3) == []
    assert read("heart rate 145", 3) == ["yes"]
    assert read("heart rate 145", 0.5) == []
    assert read("heart rate 135", 30) == ["yes"]


def test_age_bands_run_youngest_first() -> None:
    with pytest.raises(ValueError, match="youngest first"):
        ResultTest(
            finding="sepsis_signs",
            names=["heart rate"],
            plausible=ValueRange(low=25, high=250),
            yes_above=130,
            by_age=[
                AgeCutoffs(age_below=5, yes_at_least=140),
                AgeCutoffs(age_below=1, yes_above=1),
            ],
        )
