"""Whole-knowledge-base consistency checks, each naming the offending file and id."""

from __future__ import annotations

import itertools

from hipdx.errors import KnowledgeBaseError
from hipdx.knowledge.schema import KnowledgeBase, ManagementStep, WorkupItem
from hipdx.types import FindingId, FindingKind, TriageLevel

MIN_RELATION_CELL = 0.001
"""Least probability a related pair's remaining combination keeps in every condition (a lump
that is not suspicious; symptoms between 6 weeks and 3 months), so no answer is impossible."""


def check_knowledge_base(kb: KnowledgeBase) -> None:
    """Raise KnowledgeBaseError listing every inconsistency found in `kb`."""
    problems = [
        *_reference_problems(kb),
        *_demographic_problems(kb),
        *_condition_problems(kb),
        *_screen_group_problems(kb),
        *_checklist_problems(kb),
        *_relation_problems(kb),
    ]
    if problems:
        raise KnowledgeBaseError("knowledge base check failed:\n  " + "\n  ".join(problems))


def _reference_problems(kb: KnowledgeBase) -> list[str]:
    problems: list[str] = []

    def cite(where: str, sources: list[str]) -> None:
        problems.extend(f"{where}: unknown source {s!r}" for s in sources if s not in kb.sources)

    for finding in kb.findings.values():
        cite(f"findings.yaml ({finding.id})", finding.sources)
    for condition in kb.conditions.values():
        where = f"conditions/{condition.id}.yaml"
        cite(where, condition.sources)
        cite(f"{where} demographics", condition.demographics.sources)
        for setting, prior in condition.priors.items():
            cite(f"{where} priors.{setting}", prior.sources)
        for link in condition.evidence:
            if link.finding not in kb.findings:
                problems.append(f"{where} evidence: unknown finding {link.finding!r}")
            cite(f"{where} evidence ({link.finding})", link.sources)
    for plan in kb.plans.values():
        where = f"plans/{plan.condition}.yaml"
        if plan.condition not in kb.conditions:
            problems.append(f"{where}: unknown condition {plan.condition!r}")
        steps: list[WorkupItem | ManagementStep] = [*plan.workup, *plan.management]
        for step in steps:
            cite(f"{where} ({step.id})", step.sources)
    for flag in kb.red_flags.values():
        where = f"red_flags.yaml ({flag.id})"
        cite(where, flag.sources)
        for finding_id in [*flag.when.all_of, *flag.when.any_of, *flag.when.none_of]:
            if finding_id not in kb.findings:
                problems.append(f"{where}: unknown finding {finding_id!r}")
        for suggested in flag.suggests:
            if suggested not in kb.conditions:
                problems.append(f"{where}: unknown condition {suggested!r}")
    cite("triage.yaml", kb.triage_policy.sources)
    cite("demographics.yaml prior_exponent", kb.demographics.prior_exponent.sources)
    for finding_id in kb.triage_policy.self_care_not_when:
        if finding_id not in kb.findings:
            problems.append(f"triage.yaml self_care_not_when: unknown finding {finding_id!r}")
    for blocker, explanations in kb.triage_policy.self_care_explained_by.items():
        if blocker not in kb.triage_policy.self_care_not_when:
            problems.append(f"triage.yaml self_care_explained_by: {blocker!r} blocks nothing")
        for finding_id in explanations:
            if finding_id not in kb.findings:
                problems.append(
                    f"triage.yaml self_care_explained_by: unknown finding {finding_id!r}"
                )
    for condition_id in kb.conditions:
        if condition_id not in kb.plans:
            problems.append(f"plans/{condition_id}.yaml: missing plan for condition")
    return problems


def _demographic_problems(kb: KnowledgeBase) -> list[str]:
    demo = kb.demographics
    problems = []
    bands = demo.age_bands
    if not bands or bands[0].min != 0 or bands[-1].max < 110:
        problems.append("demographics.yaml age_bands: must start at 0 and reach at least 110")
    for left, right in itertools.pairwise(bands):
        if right.min != left.max + 1:
            problems.append(f"demographics.yaml age_bands: gap or overlap at {right.id!r}")
    band_ids = {b.id for b in bands}
    setting_ids = {s.id for s in demo.settings}
    if demo.default_setting not in setting_ids:
        problems.append(f"demographics.yaml: default_setting {demo.default_setting!r} unknown")
    for condition in kb.conditions.values():
        where = f"conditions/{condition.id}.yaml"
        if set(condition.demographics.age) != band_ids:
            problems.append(f"{where} demographics.age: must give every age band once")
        missing = setting_ids - set(condition.priors)
        extra = set(condition.priors) - setting_ids
        if missing:
            problems.append(f"{where} priors: missing settings {sorted(missing)}")
        if extra:
            problems.append(f"{where} priors: unknown settings {sorted(extra)}")
    return problems


def _condition_problems(kb: KnowledgeBase) -> list[str]:
    problems = []
    for condition in kb.conditions.values():
        where = f"conditions/{condition.id}.yaml"
        escalates = condition.triage_when_suspected.rank >= TriageLevel.URGENT.rank
        if escalates and condition.suspected_above is None:
            problems.append(f"{where}: urgent/emergency condition needs `suspected_above`")
    return problems


def _screen_group_problems(kb: KnowledgeBase) -> list[str]:
    """Every screen finding has a group; groups resolve, cite, have members, and are asked whole
    by one mode (all members patient-answerable, or all examination tests)."""
    problems = []
    members: dict[str, list[FindingKind]] = {g: [] for g in kb.screen_groups}
    for finding in kb.findings.values():
        where = f"findings.yaml ({finding.id})"
        named = finding.screen_group
        if named is None:
            if finding.screen:
                problems.append(f"{where}: screen finding needs a `screen_group`")
        elif named not in kb.screen_groups:
            problems.append(f"{where}: unknown screen_group {named!r}")
        else:
            members[named].append(finding.kind)
    orders: set[int] = set()
    for group in kb.screen_groups.values():
        where = f"screen_groups.yaml ({group.id})"
        unknown = [s for s in group.sources if s not in kb.sources]
        problems.extend(f"{where}: unknown source {s!r}" for s in unknown)
        if group.order in orders:
            problems.append(f"{where}: order {group.order} is used twice")
        orders.add(group.order)
        kinds = members[group.id]
        if not kinds:
            problems.append(f"{where}: no finding names this group")
        patient = {kind.patient_answerable for kind in kinds}
        if len(patient) > 1 or any(k is FindingKind.INVESTIGATION for k in kinds):
            problems.append(
                f"{where}: members must be all patient-answerable or all examination tests"
            )
    return problems


def _checklist_problems(kb: KnowledgeBase) -> list[str]:
    """Checklists cite known sources, list known patient-answerable findings outside the body map
    and the red-flag screen, each in one checklist at most, and share no id with a screen group
    (both are answered through one list of ids)."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    orders: set[int] = set()
    for checklist in kb.checklists.values():
        where = f"checklists.yaml ({checklist.id})"
        problems.extend(
            f"{where}: unknown source {s!r}" for s in checklist.sources if s not in kb.sources
        )
        if checklist.id in kb.screen_groups:
            problems.append(f"{where}: id is also a screen group")
        if checklist.order in orders:
            problems.append(f"{where}: order {checklist.order} is used twice")
        orders.add(checklist.order)
        for member in checklist.members:
            finding = kb.findings.get(member)
            if finding is None:
                problems.append(f"{where}: unknown finding {member!r}")
            elif not finding.kind.patient_answerable:
                problems.append(f"{where}: {member!r} is not patient-answerable")
            elif finding.zone is not None or finding.screen or finding.screen_group:
                problems.append(f"{where}: {member!r} is a body-map or red-flag screen finding")
            elif member in seen:
                problems.append(f"{where}: {member!r} is also in checklist {seen[member]!r}")
            else:
                seen[member] = checklist.id
    return problems


def _relation_problems(kb: KnowledgeBase) -> list[str]:
    """`implies` and `excludes` name other known findings; each finding is entailed or ruled out
    by one finding at most and is not itself a parent (the engine's pair terms are exact only
    for such a forest), no member is age-implied, and every condition's numbers keep the
    combinations the relation allows possible."""
    problems: list[str] = []
    parent_of: dict[FindingId, FindingId] = {}
    for finding in kb.findings.values():
        where = f"findings.yaml ({finding.id})"
        for kind, targets in (("implies", finding.implies), ("excludes", finding.excludes)):
            for target in targets:
                if target not in kb.findings or target == finding.id:
                    problems.append(f"{where} {kind}: {target!r} is not another finding")
                elif target in parent_of:
                    problems.append(
                        f"{where} {kind}: {target!r} already depends on {parent_of[target]!r}"
                    )
                else:
                    parent_of[target] = finding.id
                    problems.extend(_relation_cell_problems(kb, finding.id, kind, target))
    for child, parent in parent_of.items():
        if child in parent_of.values():
            problems.append(f"findings.yaml ({parent}): {child!r} is both related and a parent")
        if kb.findings[child].implied_by_age_below or kb.findings[parent].implied_by_age_below:
            problems.append(f"findings.yaml ({parent}): {child!r}: age-implied findings relate")
    return problems


def _relation_cell_problems(
    kb: KnowledgeBase, parent: FindingId, kind: str, child: FindingId
) -> list[str]:
    problems = []
    for condition in kb.conditions.values():
        p_parent, p_child = (_likelihood(kb, condition.id, f) for f in (parent, child))
        if kind == "implies":
            spare = p_child - p_parent
            need = f"P({child}) {p_child} must exceed P({parent}) {p_parent}"
        else:
            spare = 1.0 - p_parent - p_child
            need = f"P({parent}) {p_parent} + P({child}) {p_child} must stay below 1"
        if spare < MIN_RELATION_CELL:
            problems.append(
                f"conditions/{condition.id}.yaml: {parent} {kind} {child}, so {need} "
                f"by at least {MIN_RELATION_CELL}"
            )
    return problems


def _likelihood(kb: KnowledgeBase, condition_id: str, finding_id: FindingId) -> float:
    link = kb.conditions[condition_id].links.get(finding_id)
    return link.p if link else kb.findings[finding_id].background
