"""The adaptive interview: the body map, the red-flag screen, then the most informative question
until the leading condition is confident enough; plus the simulator that measures it.

Public API for one interview (CLI and web): `start`, `answer`, `answer_location`,
`answer_checklist` (a tick list: red-flag screen groups or a diagnostic checklist), `next_step`
(a Question or a Stop), `snapshot`; sessions round-trip through JSON (`load_session`).
`answer_screen` answers a screen group as a whole (the API before tick lists).
"""

from hipdx.interview.bank import Mode, QuestionBank, question_bank
from hipdx.interview.policy import Policy, Purpose, ScreenLayout, ScreenSchedule
from hipdx.interview.questions import (
    ChecklistItem,
    ChecklistSection,
    Question,
    QuestionKind,
    SectionKind,
    ZoneChoice,
)
from hipdx.interview.select import FixedOrder, InformationGain, RandomOrder, Strategy
from hipdx.interview.session import (
    InterviewSession,
    answer,
    answer_checklist,
    answer_location,
    answer_screen,
    load_session,
    start,
)
from hipdx.interview.simulate import RunResult, SimulationReport, simulate
from hipdx.interview.snapshot import Snapshot, snapshot
from hipdx.interview.steps import Stop, next_step
from hipdx.interview.stopping import StopReason, StopRule

__all__ = [
    "ChecklistItem",
    "ChecklistSection",
    "FixedOrder",
    "InformationGain",
    "InterviewSession",
    "Mode",
    "Policy",
    "Purpose",
    "Question",
    "QuestionBank",
    "QuestionKind",
    "RandomOrder",
    "RunResult",
    "ScreenLayout",
    "ScreenSchedule",
    "SectionKind",
    "SimulationReport",
    "Snapshot",
    "Stop",
    "StopReason",
    "StopRule",
    "Strategy",
    "ZoneChoice",
    "answer",
    "answer_checklist",
    "answer_location",
    "answer_screen",
    "load_session",
    "next_step",
    "question_bank",
    "simulate",
    "snapshot",
    "start",
]
