"""Uncertain red-flag findings ("possible saddle numbness") are not absent ones: a flag that holds
only when they count fires at its own level, says what was uncertain, and an uncertain finding
never rules a flag out."""

from __future__ import annotations

from hipdx.assessment import Assessor
from hipdx.engine.evidence import Evidence
from hipdx.knowledge.schema import KnowledgeBase
from hipdx.triage.rules import fired_red_flags, possible_red_flags
from hipdx.types import Answer, TriageLevel


def evidence(yes: list[str], possible: list[str], age: int = 40) -> Evidence:
    return Evidence(dict.fromkeys(yes, Answer.YES), age, possible=frozenset(possible))


def test_possible_saddle_numbness_is_an_emergency(assessor: Assessor) -> None:
    triage = assessor.assess(evidence(["pain_low_back"], ["saddle_anaesthesia"])).triage
    assert triage.level is TriageLevel.EMERGENCY
    assert "ces_saddle_anaesthesia" in triage.red_flags
    reason = next(r for r in triage.reasons if r.ref == "ces_saddle_anaesthesia")
    assert reason.clinician.startswith("Possible, not confirmed: saddle")


def test_uncertain_history_completes_a_rule_built_on_definite_findings(assessor: Assessor) -> None:
    """A deficit after a questionable history of lying for hours: gluteal compartment syndrome."""
    case = evidence(["pain_deep_buttock", "neuro_deficit_exam"], ["prolonged_immobilisation"], 23)
    triage = assessor.assess(case).triage
    assert "compartment_after_prolonged_immobilisation" in triage.red_flags
    assert triage.level is TriageLevel.EMERGENCY


def test_an_uncertain_finding_outside_any_rule_changes_nothing(assessor: Assessor) -> None:
    case = evidence(["pain_deep_buttock", "worse_sitting"], ["slr_positive"])
    assert possible_red_flags(assessor.kb, case) == []
    assert assessor.assess(case).triage.level is TriageLevel.ROUTINE


def test_an_uncertain_finding_never_rules_a_flag_out(kb: KnowledgeBase) -> None:
    """A possible bruise does not explain a lump away (the rule's none_of needs it definite)."""
    case = evidence(["palpable_mass"], ["significant_bruising"])
    assert "malignancy_palpable_mass" in {f.id for f in fired_red_flags(kb, case)}
    assert possible_red_flags(kb, case) == []


def test_a_flag_that_holds_on_definite_findings_is_not_called_possible(kb: KnowledgeBase) -> None:
    case = evidence(["saddle_anaesthesia"], ["urinary_retention_incontinence"])
    assert [f.id for f in possible_red_flags(kb, case)] == ["ces_bladder_dysfunction"]
    assert "ces_saddle_anaesthesia" in {f.id for f in fired_red_flags(kb, case)}


def test_a_definite_no_settles_an_uncertain_mention(kb: KnowledgeBase) -> None:
    case = Evidence(
        {"saddle_anaesthesia": Answer.NO}, 40, possible=frozenset({"saddle_anaesthesia"})
    )
    assert possible_red_flags(kb, case) == []
