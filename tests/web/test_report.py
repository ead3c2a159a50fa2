"""The self-contained report: labels come from the knowledge base the assessment was made with."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.types import Answer, Sex
from hipdx.web.report import build_report


def _renamed(kb: KnowledgeBase) -> KnowledgeBase:
    conditions = {
        i: c.model_copy(update={"name": f"Renamed {i}"}) for i, c in kb.conditions.items()
    }
    findings = {
        i: f.model_copy(update={"label": f"Relabelled {i}"}) for i, f in kb.findings.items()
    }
    return kb.model_copy(update={"conditions": conditions, "findings": findings})


def test_labels_follow_each_knowledge_base(assessor: Assessor, kb: KnowledgeBase) -> None:
    """Labels are built once per knowledge base; another one (same version) gets its own."""
    assessment = assessor.assess(Evidence({"pain_sit_bone": Answer.YES}, 41, Sex.FEMALE))
    renamed = _renamed(kb)
    for _ in range(2):  # a second round reads the labels kept from the first
        shipped, other = build_report(kb, assessment), build_report(renamed, assessment)
        assert shipped.conditions and shipped.findings and shipped.sources
        assert shipped.conditions.keys() == other.conditions.keys()
        for i, label in shipped.conditions.items():
            assert label.name == kb.conditions[i].name
            assert other.conditions[i].name == f"Renamed {i}"
        for i, finding in shipped.findings.items():
            assert finding.label == kb.findings[i].label
            assert other.findings[i].label == f"Relabelled {i}"
