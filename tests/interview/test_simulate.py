"""The simulator: seeded and reproducible, a faithful cohort, and the engine beats random order."""

from __future__ import annotations

import numpy as np

from hipdx.assessment import Assessor
from hipdx.interview import Mode, Policy, question_bank, simulate
from hipdx.interview.cohort import sample_cohort
from hipdx.interview.screen import red_flag_table
from hipdx.interview.simulate import RunResult, TickErrors, check_targets, run_policy


def test_cohort_follows_the_priors_and_likelihoods(assessor: Assessor) -> None:
    model = assessor.model
    cohort = sample_cohort(model, 40_000, np.random.default_rng(1), "sports_medicine")
    frequency = np.bincount(cohort.condition, minlength=len(model.condition_ids)) / len(cohort)
    prior = model.prior[model.setting_index("sports_medicine")]
    assert np.abs(frequency - prior).max() < 0.01
    row = int(np.argmax(prior))
    rows = cohort.condition == row
    assert np.abs(cohort.findings[rows].mean(axis=0) - model.p_yes[row]).max() < 0.03
    bands = model.age_bands
    assert all(
        bands[b].min <= a <= bands[b].max for a, b in zip(cohort.age, cohort.age_band, strict=True)
    )


def test_simulation_is_reproducible_for_a_seed(assessor: Assessor) -> None:
    first = simulate(assessor.kb, assessor.model, mode=Mode.PATIENT, n=300, seed=5)
    again = simulate(assessor.kb, assessor.model, mode=Mode.PATIENT, n=300, seed=5)
    other = simulate(assessor.kb, assessor.model, mode=Mode.PATIENT, n=300, seed=6)
    for a, b in zip(first.runs, again.runs, strict=True):
        assert np.array_equal(a.questions, b.questions)
        assert np.array_equal(a.correct_top1, b.correct_top1)
        assert np.array_equal(a.top1_curve, b.top1_curve)
    assert not np.array_equal(first.run("engine").questions, other.run("engine").questions)


def test_simulation_report(assessor: Assessor) -> None:
    report = simulate(assessor.kb, assessor.model, mode=Mode.CLINICIAN, n=1500, seed=2)
    engine, everything, random = (
        report.run(n) for n in ("engine", "all_fixed_order", "random_order")
    )
    assert engine.red_flag_case.any() and engine.red_flag_share == 1.0
    assert random.red_flag_share == 1.0 and everything.red_flag_share == 1.0
    assert engine.median_questions < everything.median_questions
    assert engine.top1 > random.top1 + 0.05
    assert everything.top1 >= engine.top1 - 0.05
    assert sum(engine.stop_counts().values()) == report.n
    assert len(everything.top1_curve) == everything.questions.max() + 1
    assert np.isclose(everything.top1_curve[-1], everything.top1)
    assert np.isclose(engine.top1_curve[-1], engine.top1)
    check = check_targets(report)
    assert check.red_flags_met and check.median_beyond_screen < check.median_questions
    # The screen is two tick lists (history, examination), each counted as one question.
    assert (engine.group_questions <= 2).all() and np.median(engine.group_questions) == 2
    assert (engine.group_questions <= engine.screen_questions).all()
    # Checklists are the engine's alone; each is one question but every item shown is read.
    assert engine.checklist_questions.any() and not everything.checklist_questions.any()
    assert (engine.items >= engine.questions - 1).all()
    # Clinician mode: the examination screen group catches every examination-only red flag.
    assert engine.exam_flag_case.any() and engine.exam_flag_share == 1.0
    assert not engine.other_flag_case.any()


def test_careless_ticking_costs_accuracy_and_safety(assessor: Assessor) -> None:
    kb, model = assessor.kb, assessor.model
    cohort = sample_cohort(model, 1500, np.random.default_rng(4), model.default_setting)
    bank = question_bank(kb, model, Mode.PATIENT)
    flags = red_flag_table(kb, bank)
    policy = Policy.default(Mode.PATIENT)

    def run(errors: TickErrors) -> RunResult:
        return run_policy("engine", model, bank, flags, policy, cohort, None, None, errors)

    exact, missed, unsure = (
        run(TickErrors()),
        run(TickErrors(missed=0.2, seed=1)),
        run(TickErrors(unsure=0.5, seed=1)),
    )
    assert exact.red_flag_share == 1.0 and unsure.red_flag_share == 1.0
    assert missed.red_flag_share < 1.0  # an unticked red flag is read as no
    assert missed.top1 < exact.top1
    assert np.median(unsure.questions) > np.median(exact.questions)
    again = run(TickErrors(missed=0.2, seed=1))
    assert np.array_equal(again.questions, missed.questions)
