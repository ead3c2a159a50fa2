"""The adaptive interview against the targets of issue 4, on 10,000 synthetic patients per mode.

Targets: top-1 accuracy within 2 points of asking every question at a median of 12 questions or
fewer; red-flag patients never closed without the red flag asked. Also compares, on the same
cohort: the two screen schedules (block right after the body map, or interleaved with diagnostic
questions); the tick-list designs (the screen on one page or one list per group, with and without
diagnostic checklists), with the items each asks the patient to read; how accuracy trades against
questions as the confidence bar moves; and what careless ticking costs (items left unticked,
lists answered "not sure"). Times the simulation. Run with `make bench` or
`python -m benchmarks.interview`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import numpy as np

from hipdx.assessment import default_assessor
from hipdx.engine.model import DiagnosticModel
from hipdx.interview import (
    Mode,
    Policy,
    QuestionBank,
    ScreenLayout,
    ScreenSchedule,
    question_bank,
    simulate,
)
from hipdx.interview.cohort import Cohort, sample_cohort
from hipdx.interview.screen import RedFlagTable, red_flag_table
from hipdx.interview.simulate import (
    RunResult,
    SimulationReport,
    TickErrors,
    check_targets,
    run_policy,
)
from hipdx.interview.stopping import STOP_REASONS, StopReason

SEED = 20261121
N = 10_000
BARS = (0.85, 0.90, 0.93, 0.95, 0.97)
"""Confidence bars for the accuracy-vs-questions frontier."""
ERRORS = (
    TickErrors(missed=0.1, seed=SEED),
    TickErrors(missed=0.2, seed=SEED),
    TickErrors(unsure=0.2, seed=SEED),
)
"""Careless ticking: a present item left unticked (read as no), a list answered "not sure"."""


def _row(run: RunResult) -> str:
    return (
        f"  {run.name:<16} top-1 {run.top1:6.1%}  top-3 {run.top3:6.1%}  "
        f"questions median {run.median_questions:4g} p90 {run.p90_questions:4g}  "
        f"(screen {np.median(run.screen_questions):g}, screen lists "
        f"{np.median(run.group_questions):g}, checklists {np.median(run.checklist_questions):g})  "
        f"items read median {np.median(run.items):g}  "
        f"red flag asked {run.red_flag_share:6.1%} of {int(run.red_flag_case.sum())}"
    )


def _report(report: SimulationReport, seconds: float) -> None:
    print(f"{report.mode.value} mode, {report.setting}, n={report.n:,}, seed={report.seed}")
    for run in report.runs:
        print(_row(run))
    engine = report.run("engine")
    stops = ", ".join(f"{r.value} {c}" for r, c in engine.stop_counts().items() if c)
    print(f"  engine stopped: {stops}")
    if engine.exam_flag_case.any():
        print(
            f"  examination-only red flags: {engine.exam_flag_share:.1%} "
            f"of {int(engine.exam_flag_case.sum())} caught"
        )
    if engine.other_flag_case.any():
        print(
            f"  red flags outside the screen: {engine.other_flag_share:.1%} "
            f"of {int(engine.other_flag_case.sum())} caught"
        )
    check = check_targets(report)
    print(
        f"  target top-1 within 2 points: {check.gap * 100:+.1f} points "
        f"({'met' if check.accuracy_met else 'NOT met'})"
    )
    print(
        f"  target median <= 12 questions: {check.median_questions:g} in all "
        f"({'met' if check.questions_met else 'NOT met'}), {check.median_beyond_screen:g} "
        f"beyond the red-flag screen ({'met' if check.beyond_screen_met else 'NOT met'})"
    )
    print(
        f"  target red flag always asked: {check.red_flag_share:.1%} "
        f"({'met' if check.red_flags_met else 'NOT met'})"
    )
    print(f"  simulated 3 x {report.n:,} interviews in {seconds:.1f} s")


@dataclass(frozen=True)
class _Bench:
    """One mode's cohort (the one `simulate` draws for SEED) and what a policy run needs."""

    model: DiagnosticModel
    bank: QuestionBank
    flags: RedFlagTable
    cohort: Cohort

    @classmethod
    def build(cls, mode: Mode) -> _Bench:
        assessor = default_assessor()
        model = assessor.model
        cohort = sample_cohort(model, N, np.random.default_rng(SEED), model.default_setting)
        bank = question_bank(assessor.kb, model, mode)
        return cls(model, bank, red_flag_table(assessor.kb, bank), cohort)

    def run(self, name: str, policy: Policy, errors: TickErrors | None = None) -> RunResult:
        return run_policy(
            name,
            self.model,
            self.bank,
            self.flags,
            policy,
            self.cohort,
            self.model.default_setting,
            errors=errors,
        )


def _schedules(bench: _Bench, mode: Mode, everything: RunResult) -> None:
    """Block vs interleaved screen on the same cohort."""
    emergency = STOP_REASONS.index(StopReason.EMERGENCY)
    for schedule in ScreenSchedule:
        policy = Policy(Policy.default(mode).strategy, Policy.default(mode).stop, schedule)
        run = bench.run(schedule.value, policy)
        kept = run.stop != emergency
        gap = everything.correct_top1[kept].mean() - run.correct_top1[kept].mean()
        first = run.first_flag_question[run.red_flag_case]
        print(
            f"  screen {schedule.value:<11}: top-1 {run.top1:6.1%} "
            f"({(everything.top1 - run.top1) * 100:+.1f} points behind all; "
            f"{gap * 100:+.1f} without emergency stops), median questions "
            f"{run.median_questions:g}; first red flag found at question median "
            f"{np.median(first):g}, p90 {np.percentile(first, 90):g}"
        )


def _designs(bench: _Bench, mode: Mode, everything: RunResult) -> None:
    """The tick-list designs on the same cohort: screen layout x diagnostic checklists."""
    shipped = Policy.default(mode)
    for layout in ScreenLayout:
        for checklists in (True, False):
            policy = replace(shipped, layout=layout, checklists=checklists)
            run = bench.run(f"{layout.value} {checklists}", policy)
            print(
                f"  screen {layout.value:<8} checklists {'on ' if checklists else 'off'}: top-1 "
                f"{(everything.top1 - run.top1) * 100:+.1f} points behind all, questions median "
                f"{run.median_questions:g} p90 {run.p90_questions:g} (screen "
                f"{np.median(run.screen_questions):g}), items read median {np.median(run.items):g} "
                f"p90 {np.percentile(run.items, 90):g}, red flag asked {run.red_flag_share:.1%}"
            )


def _careless(bench: _Bench, mode: Mode, everything: RunResult) -> None:
    """What careless ticking costs the shipped policy."""
    shipped = Policy.default(mode)
    for errors in ERRORS:
        run = bench.run("careless", shipped, errors)
        label = (
            f"{errors.missed:.0%} of present items unticked"
            if errors.missed
            else f"{errors.unsure:.0%} of lists not sure"
        )
        print(
            f"  {label:<30}: top-1 {(everything.top1 - run.top1) * 100:+.1f} points behind all "
            f"(answered exactly), questions median {run.median_questions:g}, red flag asked "
            f"{run.red_flag_share:.1%}"
        )


def _frontier(bench: _Bench, mode: Mode, everything: RunResult) -> None:
    """Accuracy against questions as the confidence bar moves (the rest of the policy shipped)."""
    shipped = Policy.default(mode)
    for bar in BARS:
        stop = replace(shipped.stop, confidence=bar)
        run = bench.run(f"bar {bar}", replace(shipped, stop=stop))
        beyond = np.median(run.questions - run.screen_questions)
        print(
            f"  confidence bar {bar:.2f}: top-1 {(everything.top1 - run.top1) * 100:+.1f} points "
            f"behind all, questions median {run.median_questions:g} ({beyond:g} beyond the "
            f"red-flag screen), p90 {run.p90_questions:g}"
        )


def main() -> None:
    assessor = default_assessor()
    for mode in Mode:
        start = time.perf_counter()
        report = simulate(assessor.kb, assessor.model, mode=mode, n=N, seed=SEED)
        _report(report, time.perf_counter() - start)
        bench = _Bench.build(mode)
        everything = report.run("all_fixed_order")
        _schedules(bench, mode, everything)
        _designs(bench, mode, everything)
        _frontier(bench, mode, everything)
        _careless(bench, mode, everything)


if __name__ == "__main__":
    main()
