"""When an interview stops, and why: the stop rule and its policy numbers.

The red-flag screen always comes first: apart from an emergency (patient mode), no rule may close
an interview while the screen still has a question to ask. The numbers below are policy, tuned by
simulation (`hipdx simulate`, `python -m benchmarks`) against the targets of issue 4: top-1
accuracy within 2 points of asking every question, in as few questions as possible.

While the screen was asked as grouped yes / no questions (a yes asking the group's members one by
one: a median of 6 screen questions in patient mode, 7 in clinician mode), no stop rule reached a
median of 12 questions within 2 points. Measured then on 10,000 simulated patients (patient mode,
seed 20261121): bars 0.93, 0.90 and 0.85 gave a median of 18 questions at 1.7 points behind, 16 at
2.3, 14 at 3.3; and

- stop when the expected gain in top-1 accuracy from asking every remaining question is below
  0.01, estimated from 256 simulated completions per patient: median 17 at 1.8 points behind
  (with a normal approximation of that gain, below 0.005: 17 at 2.1);
- stop at a leader of 0.85 or more when no answers to the three most informative questions can
  change it: median 15 at 2.5 points behind;
- a bar falling from 0.97 at question 8 to 0.85 at question 14: median 15 at 2.3 points behind;
- stop when the best question's (or best five questions') expected gain in top-1 accuracy is
  below 0.005: median 9 at 20 points behind (14 at 3.3 with five): long before the differential
  settles, no single answer is expected to change the leader.

Tick lists changed the count, not the stop rule: the screen on one page and diagnostic checklists
(hipdx.interview.policy) give the shipped bars a median of 7 questions in patient mode at 1.4
points behind, 9 in clinician mode at 0.8 (n=10,000, seed 20261121; benchmarks/interview.py).
About 1 point of the patient-mode gap is interviews closed at once by an emergency red flag.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from hipdx.engine.model import FloatArray
from hipdx.interview.bank import BoolArray, IntArray, Mode


class StopReason(StrEnum):
    """Why an interview stopped."""

    EMERGENCY = "emergency"
    CONFIDENT = "confident"
    NO_USEFUL_QUESTION = "no_useful_question"
    LIMIT = "limit"
    ALL_ASKED = "all_asked"

    @property
    def description(self) -> str:
        """One sentence for the user."""
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = {
    StopReason.EMERGENCY: "A warning sign that needs emergency care was found; no more questions.",
    StopReason.CONFIDENT: "The leading cause is likely enough; more questions would add little.",
    StopReason.NO_USEFUL_QUESTION: "No question left would noticeably change the differential.",
    StopReason.LIMIT: "The question limit was reached.",
    StopReason.ALL_ASKED: "Every question this mode can ask has been asked.",
}
STOP_REASONS: tuple[StopReason, ...] = tuple(StopReason)
"""Stop reasons by code: batch code reports reason `STOP_REASONS[code]`, or -1 to go on."""
GO_ON = -1

CONFIDENCE = {Mode.PATIENT: 0.93, Mode.CLINICIAN: 0.95}
"""Stop once the leading condition reaches this probability. On its own synthetic patients the
model is calibrated, so closing at p gives up about 1 - p of accuracy on the cases it closes.
With tick lists, on 10,000 simulated patients per mode (seed 20261121, benchmarks/interview.py),
patient mode at bars 0.85, 0.90, 0.93, 0.95 and 0.97 asks a median of 5, 6, 7, 8 and 9 questions
at 2.7, 1.9, 1.4, 1.3 and 1.2 points of top-1 behind asking every question; about 1 point of that
is patients closed early by an emergency red flag, so a higher bar buys little. Clinician mode
(asking everything is more accurate there, about 94% against 87%, so stopping early has more to
lose) at 0.93, 0.95 and 0.97 asks a median of 8, 9 and 10 at 1.4, 0.8 and 0.5 points behind.
The shipped bars keep a margin of 0.6 points or more to the 2-point target and of 3 questions or
more to the median of 12."""
MAX_QUESTIONS = 60
"""Hard limit on questions, body map and red-flag screen included. Measured before tick lists
(the screen then a median of 7 questions in patient mode, 9 in clinician mode): with 40 questions
top-1 was 2.0 (patient) and 2.3 (clinician) points behind asking everything, with 50 1.8 and 1.4,
with 60 1.7 and 1.1; past 60 the simulated curves are flat. With tick lists the 90th percentile
is 18 (patient) and 25 (clinician) questions, so the limit is rarely reached."""
MIN_GAIN_BITS = 0.01
"""Stop when no question is expected to reduce the differential's entropy by this much. At 0.02
the engine gives up on hard cases about 0.5 point of top-1 too soon; below 0.01 it only asks
more."""


@dataclass(frozen=True)
class StopRule:
    """The policy numbers of one stop rule."""

    confidence: float
    max_questions: int
    min_gain_bits: float
    stop_on_emergency: bool

    @classmethod
    def for_mode(cls, mode: Mode) -> StopRule:
        """The shipped rule; patient mode ends at once on an emergency red flag (go now)."""
        return cls(CONFIDENCE[mode], MAX_QUESTIONS, MIN_GAIN_BITS, mode is Mode.PATIENT)

    @classmethod
    def never(cls) -> StopRule:
        """Ask every question (the ask-everything baseline)."""
        return cls(2.0, 1_000_000, -np.inf, stop_on_emergency=False)


def stop_codes(
    rule: StopRule,
    *,
    top_probability: FloatArray,
    best_gain: FloatArray,
    questions_asked: IntArray,
    can_ask: BoolArray,
    screen_complete: BoolArray,
    emergency: BoolArray,
) -> IntArray:
    """Apply the stop rule to a batch of N interviews.

    Args:
        rule: the policy numbers.
        top_probability: (N,) probability of the leading condition.
        best_gain: (N,) largest expected information gain among askable questions (bits).
        questions_asked: (N,) questions asked so far, body map included.
        can_ask: (N,) some question is left to ask.
        screen_complete: (N,) the red-flag screen has nothing left to ask.
        emergency: (N,) an emergency red flag has fired.

    Returns:
        (N,) index into STOP_REASONS, or GO_ON.
    """
    codes = np.full(top_probability.shape, GO_ON, dtype=np.int64)
    closable = screen_complete
    checks = [
        (StopReason.ALL_ASKED, ~can_ask),
        (StopReason.CONFIDENT, closable & (top_probability >= rule.confidence)),
        (StopReason.LIMIT, closable & (questions_asked >= rule.max_questions)),
        (StopReason.NO_USEFUL_QUESTION, closable & (best_gain < rule.min_gain_bits)),
    ]
    if rule.stop_on_emergency:
        checks.insert(0, (StopReason.EMERGENCY, emergency))
    for reason, hit in checks:
        codes[(codes == GO_ON) & hit] = STOP_REASONS.index(reason)
    return codes
