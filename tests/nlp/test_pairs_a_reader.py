"""Session-11 pair review (D-A): the reader reads each discriminator of the bone, tumour and
hamstring pairs in case-report and patient wording, and not in its lookalikes. Sentences are
written from the literature's descriptions and plain usage, not taken from any case set."""

from __future__ import annotations

import pytest

from hipdx.nlp import TextReader
from hipdx.types import Answer

Y, N = Answer.YES, Answer.NO

READS = [
    # a limp (antalgic_gait): sacral insufficiency fracture, infection, avulsion
    ("She had difficulty walking and an antalgic gait.", "antalgic_gait", Y),
    ("He was limping.", "antalgic_gait", Y),
    ("She walks with a limp because of the buttock pain.", "antalgic_gait", Y),
    ("Since the pain began she can only walk with a walking frame.", "antalgic_gait", Y),
    ("I now need a stick to get around because of the pain.", "antalgic_gait", Y),
    ("Gait was antalgic.", "antalgic_gait", Y),
    ("No limp was observed.", "antalgic_gait", N),
    ("He walks normally without a limp.", "antalgic_gait", N),
    # an examiner's normal gait
    ("Examination: non-antalgic gait; pain on resisted knee flexion.", "antalgic_gait", N),
    ("Gait was normal.", "antalgic_gait", N),
    # weight-bearing pain is the mechanical pattern
    ("Pain on weight bearing.", "worse_activity_better_rest", Y),
    ("She had weight-bearing pain in the left buttock.", "worse_activity_better_rest", Y),
    # progressive pain (tumour, infection)
    ("She had progressive sciatica for nine months.", "pain_progressive", Y),
    ("The pain has been getting steadily worse over the last three months.", "pain_progressive", Y),
    ("The symptoms progressed despite conservative treatment.", "pain_progressive", Y),
    ("The pain continued to worsen over six weeks.", "pain_progressive", Y),
    ("The pain increased over the following weeks.", "pain_progressive", Y),
    # constant pain no posture eases (Bickels 1999)
    (
        "The buttock pain was unresponsive to changes of position or bed rest.",
        "pain_not_relieved_rest",
        Y,
    ),
    # failed diagnostic and therapeutic injections
    (
        "An ultrasound-guided injection over the piriformis muscle gave no relief.",
        "relief_piriformis_injection",
        N,
    ),
    ("Piriformis injection did not help.", "relief_piriformis_injection", N),
    ("He had no relief from a piriformis block.", "relief_piriformis_injection", N),
    ("The piriformis injection gave complete relief.", "relief_piriformis_injection", Y),
    ("A sacroiliac joint injection gave no benefit.", "relief_si_block", N),
    ("The SI joint injection gave 80% relief.", "relief_si_block", Y),
    ("Epidural steroid injections did not provide any relief.", "relief_spinal_injection", N),
    # a lump with a sarcoma referral feature
    ("He noticed a growing lump in the back of his thigh.", "mass_suspicious_features", Y),
    ("He noticed a growing lump in the back of his thigh.", "palpable_mass", Y),
    ("A slowly enlarging painless mass in the left buttock.", "mass_suspicious_features", Y),
    ("The lump is about 8 cm across.", "mass_suspicious_features", Y),
    ("A 10 cm mass was palpable in the posterior thigh.", "mass_suspicious_features", Y),
    ("The swelling has got bigger over the last two months.", "mass_suspicious_features", Y),
    # myositis ossificans on first-line imaging
    (
        "Ultrasound showed a peripheral rim of calcification within the biceps femoris.",
        "imaging_heterotopic_ossification",
        Y,
    ),
    # avulsion: the tendon gap
    ("A defect was palpable just below the ischial tuberosity.", "palpable_gap", Y),
    ("The proximal hamstring tendons could not be palpated.", "palpable_gap", Y),
    ("No palpable defect.", "palpable_gap", N),
    # axial spondyloarthritis
    ("HLA-B27 was positive.", "hla_b27_positive", Y),
    ("The pain alternates between the left and right buttock.", "pain_alternating_buttock", Y),
]

LOOKALIKES = [
    # claudication, a short walking range, weakness and a "limp leg" are not a limp from pain
    ("He has intermittent claudication after 200 metres.", "antalgic_gait"),
    ("She has difficulty walking because of weakness in the left leg.", "antalgic_gait"),
    ("He has difficulty walking long distances.", "antalgic_gait"),
    ("She presented with a limp leg and numbness.", "antalgic_gait"),
    # a position that makes it worse is not a progression; getting better is not either
    ("The pain is worse with sitting and gets worse when I walk.", "pain_progressive"),
    ("It was gradually getting better.", "pain_progressive"),
    # more pain on a provocation is no course ("increased" and "painful" share stems with the
    # course words)
    ("Examination: increased pain on palpation of the deep gluteal region.", "pain_progressive"),
    # a small lump, or a lump without a referral feature
    ("A small 2 cm lump over the ischium.", "mass_suspicious_features"),
    ("She has a lump in her buttock.", "mass_suspicious_features"),
    ("There is a large bruise on the back of the thigh.", "mass_suspicious_features"),
    # where a bruise spreads is not where it hurts
    (
        "Extensive ecchymosis extended from the gluteal fold to the popliteal fossa.",
        "pain_sit_bone",
    ),
    (
        "Extensive ecchymosis extended from the gluteal fold to the popliteal fossa.",
        "pain_deep_buttock",
    ),
    # a transitional pain still reads as one
    ("The buttock pain was unresponsive to changes of position.", "worse_transitional"),
]


@pytest.mark.parametrize(("text", "finding", "value"), READS)
def test_discriminator_is_read(
    rules_reader: TextReader, text: str, finding: str, value: Answer
) -> None:
    assert rules_reader.read(text).answers().get(finding) == value


@pytest.mark.parametrize(("text", "finding"), LOOKALIKES)
def test_lookalike_is_not_read(rules_reader: TextReader, text: str, finding: str) -> None:
    assert finding not in rules_reader.read(text).answers()


def test_a_change_of_position_that_hurts_is_still_transitional_pain(
    rules_reader: TextReader,
) -> None:
    answers = rules_reader.read("Pain on change of position.").answers()
    assert answers.get("worse_transitional") == Y
