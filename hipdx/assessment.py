"""Assemble a full assessment: ranked differential with explanations, triage, plan, next tests.

This is the one place the core parts meet; `Assessor` holds the knowledge base and the model
built from it, and every edge (CLI, web, FHIR, batch) goes through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from pydantic import BaseModel, ConfigDict

from hipdx.engine.evidence import Evidence, encode
from hipdx.engine.explain import Explanation, explain
from hipdx.engine.inference import posterior
from hipdx.engine.information import information_gain
from hipdx.engine.model import DiagnosticModel, FloatArray, build_model
from hipdx.knowledge.loader import load_knowledge_base
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.plans.select import CarePlan, select_plan
from hipdx.triage.rules import Triage, triage
from hipdx.types import Answer, ConditionId, FindingId, FindingKind, SettingId, Sex

DISCLAIMER = (
    "hipdx is clinical decision support, not a diagnosis. It ranks possible causes from the "
    "information given and can be wrong; a qualified clinician must examine the patient and "
    "make the diagnosis. If you have warning signs, seek care as advised above."
)
EXPLAINED = 5
"""How many of the leading conditions carry a full explanation."""
TEST_BELIEF_COVERAGE = 0.95
"""Suggested tests separate the leading conditions that together reach this probability."""
SUGGESTED_TESTS = 3
MIN_TEST_GAIN_BITS = 0.01


@dataclass(frozen=True)
class RankedCondition:
    """A condition's place in the differential."""

    condition: ConditionId
    name: str
    probability: float
    explanation: Explanation | None


@dataclass(frozen=True)
class SuggestedTest:
    """An examination test worth doing next, and which leading conditions it separates."""

    finding: FindingId
    label: str
    clinician: str
    information_gain_bits: float
    separates: tuple[ConditionId, ...]


class Assessment(BaseModel):
    """Everything hipdx concludes from one case; serialisable as JSON."""

    model_config = ConfigDict(frozen=True)

    kb_version: str
    setting: SettingId
    answers: dict[FindingId, Answer]
    age: int | None
    sex: Sex | None
    ranking: tuple[RankedCondition, ...]
    triage: Triage
    plan: CarePlan
    suggested_tests: tuple[SuggestedTest, ...]
    disclaimer: str = DISCLAIMER


@dataclass(frozen=True)
class Assessor:
    """The knowledge base and the model built from it; immutable, safe to share."""

    kb: KnowledgeBase
    model: DiagnosticModel

    @classmethod
    def from_knowledge_base(cls, kb: KnowledgeBase) -> Assessor:
        return cls(kb, build_model(kb))

    def probabilities(self, evidence: Evidence, setting: SettingId | None = None) -> FloatArray:
        """Posterior over `model.condition_ids` for one case."""
        result: FloatArray = posterior(self.model, encode(self.model, [evidence]), setting)[0]
        return result

    def assess(self, evidence: Evidence, setting: SettingId | None = None) -> Assessment:
        """Rank, explain, triage and plan for one case.

        Raises:
            InputError: unknown finding id or setting, or age out of range.
        """
        chosen = self.model.settings[self.model.setting_index(setting)]
        probabilities = self.probabilities(evidence, chosen)
        order = np.argsort(-probabilities, kind="stable")
        ranking = [(self.model.condition_ids[i], float(probabilities[i])) for i in order]
        ranked = tuple(
            RankedCondition(
                condition_id,
                self.kb.conditions[condition_id].name,
                probability,
                explain(self.model, self.kb, evidence, condition_id, chosen)
                if position < EXPLAINED
                else None,
            )
            for position, (condition_id, probability) in enumerate(ranking)
        )
        triaged = triage(self.kb, evidence, ranking)
        flagged = [c for f in triaged.red_flags for c in self.kb.red_flags[f].suggests]
        return Assessment(
            kb_version=self.kb.version,
            setting=chosen,
            answers=dict(evidence.answers),
            age=evidence.age,
            sex=evidence.sex,
            ranking=ranked,
            triage=triaged,
            plan=select_plan(self.kb, ranking, triaged, flagged),
            suggested_tests=self.suggest_tests(evidence, probabilities),
        )

    def suggest_tests(
        self, evidence: Evidence, probabilities: FloatArray
    ) -> tuple[SuggestedTest, ...]:
        """Unanswered examination tests that best separate the leading conditions."""
        order = np.argsort(-probabilities, kind="stable")
        cumulative = np.cumsum(probabilities[order])
        leaders = order[: int(np.searchsorted(cumulative, TEST_BELIEF_COVERAGE)) + 1]
        if len(leaders) < 2:
            return ()
        belief = probabilities[leaders] / probabilities[leaders].sum()
        candidates = [
            f.id
            for f in self.kb.findings.values()
            if f.kind is FindingKind.EXAM and f.id not in evidence.answers
        ]
        columns = np.array([self.model.finding_index[f] for f in candidates], dtype=np.int64)
        table = self.model.p_yes[np.ix_(leaders, columns)]
        gains = information_gain(belief, table)
        best = np.argsort(-gains, kind="stable")[:SUGGESTED_TESTS]
        tests = []
        for k in best:
            if gains[k] < MIN_TEST_GAIN_BITS:
                break
            finding = self.kb.findings[candidates[k]]
            by_likelihood = np.argsort(-table[:, k], kind="stable")
            separates = (
                self.model.condition_ids[leaders[by_likelihood[0]]],
                self.model.condition_ids[leaders[by_likelihood[-1]]],
            )
            tests.append(
                SuggestedTest(
                    finding.id, finding.label, finding.clinician, float(gains[k]), separates
                )
            )
        return tuple(tests)


@lru_cache(maxsize=1)
def default_assessor() -> Assessor:
    """The assessor for the knowledge base shipped with the package."""
    return Assessor.from_knowledge_base(load_knowledge_base())


def assess(evidence: Evidence, setting: SettingId | None = None) -> Assessment:
    """Assess one case with the shipped knowledge base (see `Assessor.assess`)."""
    return default_assessor().assess(evidence, setting)
