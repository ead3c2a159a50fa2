"""Reading the discriminators of D-B's mimic pairs (session 11) in case-report and patient wording,
with lookalikes that must not fire: relief on standing still (vascular) against pain provoked by
standing (neurogenic), a post-exercise ABI fall with a normal resting ABI (iliac endofibrosis),
exertional thigh pain at a set time of running, the acute compartment's tense buttock, coma and CK,
infant hip treatment, and a normal hip film (no osteoarthritis). Sentences are written from the
literature's descriptions, not copied from any case set."""

from __future__ import annotations

import pytest

from hipdx.nlp import TextReader

# (text, finding, value read or None for "not read at all")
READINGS = [
    # vascular claudication: relief by standing still (lit_nadeau2013), the time named first
    ("The pain eases after a few minutes of standing still.", "relief_standing_still", "yes"),
    ("Symptoms resolve within two minutes of rest while standing.", "relief_standing_still", "yes"),
    (
        "The buttock cramp settles within a minute or two of standing still; he does not need to "
        "sit.",
        "relief_standing_still",
        "yes",
    ),
    ("The pain eases after a few minutes of standing still.", "worse_standing", None),
    ("Symptoms resolve within two minutes of rest while standing.", "worse_standing", None),
    # lookalikes: standing still as the trigger stays neurogenic
    ("Standing still for a long time brings the pain on.", "worse_standing", "yes"),
    ("Standing still for a long time brings the pain on.", "relief_standing_still", None),
    ("The pain is worse after standing still in a queue for ten minutes.", "worse_standing", "yes"),
    # the ankle-brachial index: normal at rest, falling after exercise (lit_lefaucheur2006)
    ("The ABI was normal at rest but dropped after treadmill exercise.", "abi_abnormal", "yes"),
    (
        "Ankle pressures were normal at rest and fell significantly after exercise.",
        "abi_abnormal",
        "yes",
    ),
    ("ABI normal at rest and after exercise.", "abi_abnormal", "no"),
    ("Resting ABI 1.1.", "abi_abnormal", "no"),
    # a walking limit told as a time ("only walk for"): claudication (lit_suri2010)
    (
        "She can only walk for 15 minutes before the buttock pain starts.",
        "worse_walking_distance",
        "yes",
    ),
    (
        "He can walk for 15 minutes on the treadmill at physiotherapy.",
        "worse_walking_distance",
        None,
    ),
    (
        "He has to stop and rest for a few minutes, then he can carry on walking.",
        "worse_walking_distance",
        "yes",
    ),
    (
        "She has to stop the car and stretch, then she can carry on driving.",
        "worse_walking_distance",
        None,
    ),
    # riding without pain says nothing against cycling
    ("He has no pain when cycling.", "cycling", None),
    ("He is a keen cyclist.", "cycling", "yes"),
    # exertional compartment: onset at a set time or distance of running (lit_buerba2019)
    (
        "After running for about 15 minutes he develops tightness in the back of the thigh that "
        "forces him to stop.",
        "worse_exertion_thigh",
        "yes",
    ),
    ("The pain always starts at the same distance into the run.", "worse_exertion_thigh", "yes"),
    # lookalike: walking a set distance is claudication, not the runner's compartment
    ("After walking for about 10 minutes the buttock pain starts.", "worse_exertion_thigh", None),
    # acute gluteal compartment syndrome (lit_gcs_review2022)
    ("He woke after an overdose with a swollen, tense buttock.", "prolonged_immobilisation", "yes"),
    ("He woke after an overdose with a swollen, tense buttock.", "thigh_swelling_tense", "yes"),
    ("The thigh compartment felt firm and tense.", "thigh_swelling_tense", "yes"),
    ("He woke after a good night's sleep with buttock pain.", "prolonged_immobilisation", None),
    ("The compartments were soft.", "thigh_swelling_tense", "no"),
    ("Creatine kinase was 45,000 U/L.", "raised_creatine_kinase", "yes"),
    ("CK 12000 IU/L on admission.", "raised_creatine_kinase", "yes"),
    ("His CK was 150 U/L.", "raised_creatine_kinase", "no"),
    ("CK 450.", "raised_creatine_kinase", None),
    # hip dysplasia: infant treatment (lit_nunley2011)
    ("She was treated for hip dysplasia as a baby in a harness.", "childhood_hip_problem", "yes"),
    ("She was in a plaster cast as a baby for a broken leg.", "childhood_hip_problem", None),
    ("My son was treated for hip dysplasia as a baby.", "childhood_hip_problem", None),
    # a normal hip film says osteoarthritis is absent (lit_altman1991)
    ("X-ray showed preserved joint space.", "xray_hip_oa", "no"),
    ("Hip radiographs were normal.", "xray_hip_oa", "no"),
    ("Hip x-rays showed joint space narrowing.", "xray_hip_oa", "yes"),
    ("Lumbar x-ray was normal.", "xray_hip_oa", None),
]

# Discriminators the reader already read at the session start: kept as a guard.
GUARD = [
    ("Femoral pulses diminished on the right.", "pulse_abnormality", "yes"),
    ("A bruit was heard over the left iliac artery.", "arterial_bruit", "yes"),
    (
        "He needs to sit down or lean forward on a shopping trolley.",
        "relief_sitting_flexion",
        "yes",
    ),
    ("Seated piriformis stretch test reproduced the pain.", "piriformis_tests_positive", "yes"),
    ("Active piriformis test was positive.", "piriformis_tests_positive", "yes"),
    ("Lumbar spine MRI showed no nerve root compression.", "mri_nerve_root_compression", "no"),
    (
        "Pain in the buttock when walking with long strides, better with short steps.",
        "worse_long_stride",
        "yes",
    ),
    ("The ischiofemoral impingement test was positive.", "ifi_test_positive", "yes"),
    ("Tenderness lateral to the ischial tuberosity.", "ischiofemoral_tenderness", "yes"),
    ("Lateral centre-edge angle of 18 degrees.", "xray_dysplasia", "yes"),
    ("Anterior apprehension test positive.", "instability_tests_positive", "yes"),
    ("Pain on sitting on hard chairs, better on a cushion.", "worse_sitting_hard_surface", "yes"),
    (
        "Internal rotation of the hip was limited to 10 degrees and painful.",
        "hip_ir_limited",
        "yes",
    ),
]


@pytest.mark.parametrize(("text", "finding", "value"), READINGS + GUARD)
def test_pair_discriminator_reading(
    rules_reader: TextReader, text: str, finding: str, value: str | None
) -> None:
    read = {f.finding: f.value.value for f in rules_reader.read(text).findings}
    assert read.get(finding) == value


def test_shorter_strides_are_no_standing_still(full_reader: TextReader) -> None:
    # The embedding matcher took the ischiofemoral relief by shorter strides for the vascular
    # relief by standing still (LR 20 for claudication); the stride reading must stand alone.
    text = "Pain when taking long steps, relieved by taking shorter steps."
    read = {f.finding: f.value.value for f in full_reader.read(text).findings}
    assert read.get("worse_long_stride") == "yes"
    assert "relief_standing_still" not in read
