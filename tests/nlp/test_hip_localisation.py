"""The patient's own 'hip pain' (pain_hip_localised) read from text, and where it is not: a more
exact site in the sentence (groin, front, side or back of the hip, the trochanter, the C-sign)
gives that site instead; hip movements, tests and procedures are no pain site."""

from __future__ import annotations

import pytest

from hipdx.nlp import TextReader

HIP = "pain_hip_localised"

# (text, value of pain_hip_localised or None, a site that must be read instead or None)
READINGS = [
    ("Right hip pain for 6 months.", "yes", None),
    ("She has had pain in both hips for a year.", "yes", "pain_bilateral"),
    ("My hip hurts when I kick the ball.", "yes", None),
    ("A 30-year-old female runner with hip pain for 5 weeks.", "yes", None),
    ("Pain in her left hip, worse on stairs.", "yes", None),
    ("Deep ache in my hip and buttock.", "yes", "pain_deep_buttock"),
    ("Low back and left hip pain.", "yes", "pain_low_back"),
    ("Periodic bilateral hip pain radiating to the buttock.", "yes", "pain_deep_buttock"),
    # negated
    ("No hip pain.", "no", None),
    ("No back pain, hip pain, numbness or tingling.", "no", None),
    ("She denies any hip pain.", "no", None),
    # a more exact site in the sentence
    ("Lateral hip pain over the greater trochanter.", None, "pain_lateral_hip"),
    ("Right hip pain, felt in the groin.", None, "pain_groin"),
    ("Hip pain at the front of the hip.", None, "pain_groin"),
    ("Posterior hip pain with long strides.", None, "pain_deep_buttock"),
    ("Her hip hurts at the side when she climbs the stairs.", None, "pain_lateral_hip"),
    ("She cups the side of her hip when showing where it hurts.", None, "pain_groin"),
    # hip movements, examination and procedures
    ("Pain on hip flexion and internal rotation.", None, None),
    ("Ipsilateral hip hiking on walking.", None, None),
    ("FADIR reproduced deep hip pain.", None, None),
    ("No hip pain with bilateral range of motion testing.", None, None),
    ("Weak hip abductors and tight hamstrings.", None, None),
    ("He had a right hip replacement in 2019.", None, None),
    ("I can't lie on the bad hip in bed.", None, None),
]


@pytest.mark.parametrize(("text", "value", "site"), READINGS)
def test_hip_pain_reading(
    rules_reader: TextReader, text: str, value: str | None, site: str | None
) -> None:
    read = {f.finding: f.value.value for f in rules_reader.read(text).findings}
    assert read.get(HIP) == value
    if site is not None:
        assert read.get(site) == "yes"


def test_sciatica_naming_hip_flexion_reads_no_hip_pain(rules_reader: TextReader) -> None:
    # Negative control: a dermatomal sciatica whose only "hip" is a movement.
    text = (
        "Shooting pain from the low back down the back of the leg into the calf and foot, with "
        "numbness. SLR positive at 40 degrees; hip flexion 5/5; ankle jerk absent."
    )
    read = {f.finding for f in rules_reader.read(text).findings}
    assert HIP not in read
    assert {"pain_below_knee", "numbness_tingling"} <= read
