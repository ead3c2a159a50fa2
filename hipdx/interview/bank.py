"""The question bank: which findings an interview in one mode may ask, as model columns.

Patient mode asks what a patient can answer (symptoms, history, risk factors); clinician mode adds
examination tests. Investigations (imaging, blood tests, injections) are results, not questions,
and are never asked: a clinician enters them into a case file and runs `hipdx assess`.

The red-flag screen is the findings with a `screen_group`: each group (screen_groups.yaml) is asked
as one question, in the groups' order. A group is in a mode's bank when the mode can ask its
members (examination groups are clinician-only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from hipdx.engine.model import DiagnosticModel
from hipdx.knowledge.schema import KnowledgeBase, ScreenGroupId
from hipdx.types import FindingId, FindingKind, Zone

IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]


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
    """The location findings of each body-map zone (set yes when the zone is chosen)."""
    groups: tuple[ScreenGroupId, ...]
    """The screen groups this mode asks, in their order ("group indices")."""
    members: BoolArray
    """(G, K) the bank positions each screen group asks about."""
    position: dict[FindingId, int] = field(repr=False)

    def __len__(self) -> int:
        return len(self.finding_ids)


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
    groups = tuple(g for g in kb.screen_groups if g in grouped)
    members = np.array([[g == group for g in grouped] for group in groups], dtype=np.bool_)
    members = members.reshape(len(groups), len(askable))
    for array in (columns, screen, patient, members):
        array.flags.writeable = False
    return QuestionBank(
        mode=mode,
        finding_ids=askable,
        columns=columns,
        screen=screen,
        patient=patient,
        zones=zones,
        groups=groups,
        members=members,
        position={f: k for k, f in enumerate(askable)},
    )
