"""The question bank: which findings an interview in one mode may ask, as model columns.

Patient mode asks what a patient can answer (symptoms, history, risk factors); clinician mode adds
examination tests. Investigations (imaging, blood tests, injections) are results, not questions,
and are never asked: a clinician enters them into a case file and runs `hipdx assess`.

The body map answers every location finding at once: a marked zone's finding is yes, an unmarked
zone's finding is no, except a finding a red-flag rule uses at the patient's age, which stays
unknown (`unmarked_is_no`; see hipdx.interview.session).

The red-flag screen is the findings with a `screen_group`: each group (screen_groups.yaml) is a
tick list, asked in the groups' order. A group is in a mode's bank when the mode can ask its
members (examination groups are clinician-only).

Diagnostic checklists (checklists.yaml) are tick lists of naturally grouped findings ("which of
these make the pain worse?"); a checklist is in a mode's bank when the mode can ask two of its
members or more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from hipdx.engine.evidence import MAX_AGE
from hipdx.engine.model import DiagnosticModel
from hipdx.knowledge.schema import ChecklistId, KnowledgeBase, ScreenGroupId
from hipdx.types import FindingId, FindingKind, Zone

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
UNKNOWN_AGE_ROW = MAX_AGE + 1
"""Row of `QuestionBank.unmarked_no` for a patient of unknown age (rows before it: ages 0-120)."""
AGE_ROWS = UNKNOWN_AGE_ROW + 1


class Mode(StrEnum):
    """Who answers: the patient alone, or a clinician who can also examine."""

    PATIENT = "patient"
    CLINICIAN = "clinician"

    def can_ask(self, kind: FindingKind) -> bool:
        """Whether an interview in this mode asks findings of `kind`."""
        if kind.patient_answerable:
            return True
        return self is Mode.CLINICIAN and kind is FindingKind.EXAM


@dataclass(frozen=True)
class QuestionBank:
    """The askable findings of one mode, in knowledge-base order ("bank positions").

    Arrays indexed by bank position are what the batch code works on; `columns` maps a position
    to the model's finding column.
    """

    mode: Mode
    finding_ids: tuple[FindingId, ...]
    columns: IntArray
    """(K,) model column of each askable finding."""
    screen: BoolArray
    """(K,) True for the red-flag screen items (findings marked `screen: true` or with a
    `screen_group`)."""
    patient: BoolArray
    """(K,) a patient can answer the finding (not an examination test)."""
    zones: dict[Zone, tuple[FindingId, ...]]
    """The location findings of each body-map zone (yes when the zone is chosen)."""
    unmarked_no: BoolArray
    """(AGE_ROWS, K) the location findings the body map records as no when their zone is left
    unmarked, by age in years (`unmarked_is_no`); see `unmarked_no_at`."""
    groups: tuple[ScreenGroupId, ...]
    """The screen groups this mode asks, in their order ("group indices")."""
    members: BoolArray
    """(G, K) the bank positions each screen group asks about."""
    checklists: tuple[ChecklistId, ...]
    """The diagnostic checklists this mode asks, in their order ("checklist indices")."""
    checklist_members: BoolArray
    """(D, K) the bank positions each diagnostic checklist lists."""
    position: dict[FindingId, int] = field(repr=False)

    def __len__(self) -> int:
        return len(self.finding_ids)

    def unmarked_no_at(self, age: IntArray) -> BoolArray:
        """(N, K) `unmarked_no` for N ages in years, -1 when unknown."""
        rows: BoolArray = self.unmarked_no[np.where(age >= 0, age, UNKNOWN_AGE_ROW)]
        return rows


def unmarked_is_no(kb: KnowledgeBase, finding: FindingId, age: int | None) -> bool:
    """Whether the body map records location finding `finding` as no when its zone is left
    unmarked, for a patient of `age` years (None: unknown).

    True unless a red-flag rule that uses the finding could fire at that age (sit-bone pain, for
    the adolescent avulsion flag): a missing mark may inform the differential, but a red flag is
    settled only by an answer given to it, or by the age.
    """
    return kb.findings[finding].zone is not None and not any(
        age is None or (lo <= age < hi) for lo, hi in _flag_ages(kb, finding)
    )


def _flag_ages(kb: KnowledgeBase, finding: FindingId) -> list[tuple[int, int]]:
    """The age windows [lo, hi) of the red-flag rules that use `finding`."""
    return [
        (
            flag.when.age_at_least or 0,
            MAX_AGE + 1 if flag.when.age_below is None else flag.when.age_below,
        )
        for flag in kb.red_flags.values()
        if finding in flag.when.all_of or finding in flag.when.any_of
    ]


def _unmarked_no(kb: KnowledgeBase, askable: tuple[FindingId, ...]) -> BoolArray:
    """(AGE_ROWS, K) `unmarked_is_no` for every age in years, then for an unknown age."""
    ages = np.arange(MAX_AGE + 1)
    table = np.zeros((AGE_ROWS, len(askable)), dtype=np.bool_)
    for k, finding in enumerate(askable):
        if kb.findings[finding].zone is not None:
            windows = _flag_ages(kb, finding)
            flagged = [(ages >= lo) & (ages < hi) for lo, hi in windows]
            table[: MAX_AGE + 1, k] = ~np.any(flagged, axis=0) if windows else True
            table[UNKNOWN_AGE_ROW, k] = not windows
    return table


def question_bank(kb: KnowledgeBase, model: DiagnosticModel, mode: Mode) -> QuestionBank:
    """Build the question bank of `mode` from the knowledge base and its model."""
    askable = tuple(f.id for f in kb.findings.values() if mode.can_ask(f.kind))
    zones = {
        zone: tuple(f.id for f in kb.findings.values() if f.zone is zone and mode.can_ask(f.kind))
        for zone in Zone
    }
    columns = np.array([model.finding_index[f] for f in askable], dtype=np.int64)
    grouped = [kb.findings[f].screen_group for f in askable]
    screen = np.array(
        [kb.findings[f].screen or g is not None for f, g in zip(askable, grouped, strict=True)],
        dtype=np.bool_,
    )
    patient = np.array([kb.findings[f].kind.patient_answerable for f in askable], dtype=np.bool_)
    unmarked_no = _unmarked_no(kb, askable)
    groups = tuple(g for g in kb.screen_groups if g in grouped)
    members = np.array([[g == group for g in grouped] for group in groups], dtype=np.bool_)
    members = members.reshape(len(groups), len(askable))
    position = {f: k for k, f in enumerate(askable)}
    lists = [c for c in kb.checklists.values() if sum(f in position for f in c.members) >= 2]
    checklist_members = np.zeros((len(lists), len(askable)), dtype=np.bool_)
    for row, checklist in enumerate(lists):
        checklist_members[row, [position[f] for f in checklist.members if f in position]] = True
    for array in (columns, screen, patient, unmarked_no, members, checklist_members):
        array.flags.writeable = False
    return QuestionBank(
        mode=mode,
        finding_ids=askable,
        columns=columns,
        screen=screen,
        patient=patient,
        zones=zones,
        unmarked_no=unmarked_no,
        groups=groups,
        members=members,
        checklists=tuple(c.id for c in lists),
        checklist_members=checklist_members,
        position=position,
    )
