"""The stop rule, reason by reason: the screen always comes first."""

from __future__ import annotations

import numpy as np
import pytest

from hipdx.interview import Mode, StopReason, StopRule
from hipdx.interview.stopping import GO_ON, STOP_REASONS, stop_codes

RULE = StopRule(confidence=0.9, max_questions=20, min_gain_bits=0.01, stop_on_emergency=True)
BASE = {
    "top_probability": 0.5,
    "best_gain": 0.2,
    "questions_asked": 5,
    "can_ask": True,
    "screen_complete": True,
    "emergency": False,
}


def code(rule: StopRule, **changes: object) -> int:
    values = {**BASE, **changes}
    return int(
        stop_codes(
            rule,
            top_probability=np.array([values["top_probability"]], dtype=np.float64),
            best_gain=np.array([values["best_gain"]], dtype=np.float64),
            questions_asked=np.array([values["questions_asked"]], dtype=np.int64),
            can_ask=np.array([values["can_ask"]], dtype=np.bool_),
            screen_complete=np.array([values["screen_complete"]], dtype=np.bool_),
            emergency=np.array([values["emergency"]], dtype=np.bool_),
        )[0]
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, None),
        ({"top_probability": 0.95}, StopReason.CONFIDENT),
        ({"questions_asked": 20}, StopReason.LIMIT),
        ({"best_gain": 0.001}, StopReason.NO_USEFUL_QUESTION),
        ({"can_ask": False}, StopReason.ALL_ASKED),
        ({"emergency": True}, StopReason.EMERGENCY),
        ({"emergency": True, "screen_complete": False}, StopReason.EMERGENCY),
        ({"top_probability": 0.99, "screen_complete": False}, None),
        ({"questions_asked": 30, "screen_complete": False}, None),
        ({"best_gain": 0.0, "screen_complete": False}, None),
        ({"top_probability": 0.95, "questions_asked": 20}, StopReason.CONFIDENT),
    ],
)
def test_stop_codes(changes: dict[str, object], expected: StopReason | None) -> None:
    assert code(RULE, **changes) == (GO_ON if expected is None else STOP_REASONS.index(expected))


def test_clinician_mode_goes_on_after_an_emergency_flag() -> None:
    assert code(StopRule.for_mode(Mode.CLINICIAN), emergency=True) == GO_ON


def test_never_rule_asks_everything() -> None:
    assert code(StopRule.never(), top_probability=1.0, best_gain=0.0, questions_asked=500) == GO_ON


def test_every_reason_has_a_description() -> None:
    assert all(reason.description for reason in StopReason)
