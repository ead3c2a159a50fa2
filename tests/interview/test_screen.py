"""The red-flag screen: what it asks, when, and which flags it covers in each mode."""

from __future__ import annotations

import numpy as np
import pytest

from hipdx.assessment import Assessor
from hipdx.interview import Mode, question_bank
from hipdx.interview.bank import QuestionBank
from hipdx.interview.screen import RedFlagTable, red_flag_table, screen_state


def state(
    assessor: Assessor, mode: Mode, answers: dict[str, bool], age: int = 40
) -> dict[str, list[str]]:
    """The screen's pending questions by kind, after the screen items are answered no and
    `answers` on top."""
    bank = question_bank(assessor.kb, assessor.model, mode)
    flags = red_flag_table(assessor.kb, bank)
    yes = np.zeros((1, len(bank)), dtype=np.bool_)
    asked = bank.screen[None, :].copy()
    for finding, value in answers.items():
        asked[0, bank.position[finding]] = True
        yes[0, bank.position[finding]] = value
    result = screen_state(flags, bank, yes, asked, np.array([age]))
    named = {
        kind: [bank.finding_ids[k] for k in np.flatnonzero(getattr(result, kind)[0])]
        for kind in ("follow_up", "screen", "settle")
    }
    named["fired"] = [flags.ids[r] for r in np.flatnonzero(result.fired[0])]
    named["emergency"] = ["yes"] if result.emergency[0] else []
    return named


def test_the_screen_is_every_screen_finding_the_mode_can_ask(assessor: Assessor) -> None:
    for mode in Mode:
        bank = question_bank(assessor.kb, assessor.model, mode)
        expected = [
            f.id
            for f in assessor.kb.findings.values()
            if (f.screen or f.screen_group) and mode.can_ask(f.kind)
        ]
        assert [bank.finding_ids[k] for k in np.flatnonzero(bank.screen)] == expected


@pytest.mark.parametrize(
    ("mode", "answers", "age", "kind", "expected"),
    [
        # A yes to fever is followed up at once with what makes it an emergency.
        (
            Mode.PATIENT,
            {"fever": True},
            40,
            "follow_up",
            {"recent_infection"},
        ),
        (Mode.CLINICIAN, {"fever": True}, 40, "follow_up", {"painful_hip_motion_guarding"}),
        (Mode.PATIENT, {"fever": True}, 40, "fired", {"infection_fever"}),
        # Night pain alone is no red flag.
        (Mode.PATIENT, {"night_pain": True}, 40, "fired", set()),
        # Pain in both legs (on the cauda equina list): ask whether it is recent.
        (Mode.PATIENT, {"pain_bilateral": True}, 40, "follow_up", {"duration_under_6_weeks"}),
        # Settling questions that need no examination: a fall (at 70 or over, or with bone
        # fragility at any age: CKS), sit-bone pain or a sudden onset in sport in teens
        # (apophyseal avulsion) (feeling unwell and a lump are in the cancer and infection
        # screen group).
        (Mode.PATIENT, {}, 40, "settle", {"onset_fall"}),
        (Mode.PATIENT, {}, 75, "settle", {"onset_fall"}),
        (
            Mode.PATIENT,
            {},
            16,
            "settle",
            {"pain_sit_bone", "onset_sudden_during_sport", "onset_fall"},
        ),
        (Mode.PATIENT, {"onset_fall": True}, 75, "fired", {"fracture_fall_older_adult"}),
        # A fall at 40 asks what makes it a fragility fracture.
        (Mode.PATIENT, {"onset_fall": True}, 40, "follow_up", {"osteoporosis"}),
        # Clinician mode: a tender sacrum asks for the fracture risk factors.
        (Mode.CLINICIAN, {"sacral_tenderness": True}, 40, "follow_up", {"osteoporosis"}),
        # Emergencies.
        (Mode.PATIENT, {"saddle_anaesthesia": True}, 40, "emergency", {"yes"}),
        (Mode.PATIENT, {"fever": True, "recent_infection": True}, 40, "emergency", {"yes"}),
    ],
)
def test_screen_questions(
    assessor: Assessor,
    mode: Mode,
    answers: dict[str, bool],
    age: int,
    kind: str,
    expected: set[str],
) -> None:
    got = set(state(assessor, mode, answers, age)[kind])
    assert expected <= got if kind == "follow_up" else got == expected


def _fever_answered_yes(
    assessor: Assessor,
) -> tuple[QuestionBank, RedFlagTable, np.ndarray, np.ndarray]:
    """A patient-mode bank, its red-flag table, and a state where only fever is asked (yes)."""
    bank = question_bank(assessor.kb, assessor.model, Mode.PATIENT)
    flags = red_flag_table(assessor.kb, bank)
    yes = np.zeros((1, len(bank)), dtype=np.bool_)
    asked = yes.copy()
    yes[0, bank.position["fever"]] = asked[0, bank.position["fever"]] = True
    return bank, flags, yes, asked


def test_screen_items_wait_while_a_follow_up_is_pending(assessor: Assessor) -> None:
    bank, flags, yes, asked = _fever_answered_yes(assessor)
    result = screen_state(flags, bank, yes, asked, np.array([-1]))
    assert result.follow_up[0, bank.position["recent_infection"]]
    assert not (result.follow_up & result.screen).any()
    assert not result.complete[0]


def test_a_screen_item_whose_list_is_due_waits_for_the_list(assessor: Assessor) -> None:
    """Fever triggers the fever flags; their screen items are asked on their tick lists."""
    bank, flags, yes, asked = _fever_answered_yes(assessor)
    result = screen_state(flags, bank, yes, asked, np.array([-1]))
    assert not result.follow_up[0, bank.position["inability_bear_weight"]]
    assert result.groups[0, bank.groups.index("injury")]
    expanded = np.array([[g == "injury" for g in bank.groups]])
    result = screen_state(flags, bank, yes, asked, np.array([-1]), expanded)
    assert result.follow_up[0, bank.position["inability_bear_weight"]]


def test_patient_mode_keeps_no_examination_only_flag(assessor: Assessor) -> None:
    bank = question_bank(assessor.kb, assessor.model, Mode.PATIENT)
    ids = red_flag_table(assessor.kb, bank).ids
    assert "ces_perianal_sensation_reduced" not in ids and "ces_saddle_anaesthesia" in ids
    assert not any(i.endswith("_on_imaging") for i in ids)


@pytest.mark.parametrize("mode", list(Mode))
def test_every_flag_is_covered_in_both_modes(assessor: Assessor, mode: Mode) -> None:
    """The examination screen group covers the examination-only flags in clinician mode."""
    bank = question_bank(assessor.kb, assessor.model, mode)
    table = red_flag_table(assessor.kb, bank)
    assert table.covered.all()
    if mode is Mode.CLINICIAN:
        exam_only = {table.ids[r] for r in range(len(table)) if not table.proactive[r]}
        assert {"ces_perianal_sensation_reduced", "avulsion_palpable_gap"} <= exam_only
