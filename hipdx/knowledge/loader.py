"""Read the YAML data files shipped in the package and build a validated KnowledgeBase."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from hipdx import __version__
from hipdx.errors import KnowledgeBaseError
from hipdx.knowledge.checks import check_knowledge_base
from hipdx.knowledge.schema import (
    ChecklistsFile,
    Condition,
    DemographicsFile,
    FindingsFile,
    KnowledgeBase,
    Plan,
    RedFlagsFile,
    ScreenGroupsFile,
    SourcesFile,
    TriagePolicy,
)

DATA_PACKAGE = "hipdx.knowledge.data"
ModelT = TypeVar("ModelT", bound=BaseModel)


def _describe(error: ValidationError, raw: Any) -> str:
    """Name the entry (by its id where it has one) and the field of each validation error."""
    lines = []
    for item in error.errors():
        location = list(item["loc"])
        entry, node = [], raw
        for part in location:
            if isinstance(node, list) and isinstance(part, int) and part < len(node):
                node = node[part]
                label = node.get("id") or node.get("finding") if isinstance(node, dict) else None
                entry.append(f"[{part}]" + (f" ({label})" if label else ""))
            elif isinstance(node, dict) and part in node:
                node = node[part]
                entry.append(str(part))
            else:
                entry.append(str(part))
        lines.append(f"{'.'.join(entry) or '<file>'}: {item['msg']}")
    return "; ".join(lines)


def _parse(file: Traversable, name: str, model: type[ModelT]) -> ModelT:
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{name}: not valid YAML: {exc}") from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise KnowledgeBaseError(f"{name}: {_describe(exc, raw)}") from exc


def _yaml_files(folder: Traversable) -> list[Traversable]:
    return sorted(
        (f for f in folder.iterdir() if f.is_file() and f.name.endswith(".yaml")),
        key=lambda f: f.name,
    )


def _version(files: list[Traversable]) -> str:
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return f"{__version__}+kb.{digest.hexdigest()[:12]}"


def load_knowledge_base_from(root: Traversable) -> KnowledgeBase:
    """Load and check the knowledge base found under `root` (a data folder).

    Raises:
        KnowledgeBaseError: a file is missing, malformed or inconsistent; the message names
            the file, the entry and the field.
    """
    try:
        sources = _parse(root / "sources.yaml", "sources.yaml", SourcesFile)
        demographics = _parse(root / "demographics.yaml", "demographics.yaml", DemographicsFile)
        findings = _parse(root / "findings.yaml", "findings.yaml", FindingsFile)
        red_flags = _parse(root / "red_flags.yaml", "red_flags.yaml", RedFlagsFile)
        screen_groups = _parse(root / "screen_groups.yaml", "screen_groups.yaml", ScreenGroupsFile)
        checklists = _parse(root / "checklists.yaml", "checklists.yaml", ChecklistsFile)
        triage_policy = _parse(root / "triage.yaml", "triage.yaml", TriagePolicy)
        condition_files = _yaml_files(root / "conditions")
        plan_files = _yaml_files(root / "plans")
    except FileNotFoundError as exc:
        raise KnowledgeBaseError(f"knowledge-base file missing: {exc.filename or exc}") from exc

    conditions = [_parse(f, f"conditions/{f.name}", Condition) for f in condition_files]
    plans = [_parse(f, f"plans/{f.name}", Plan) for f in plan_files]
    for condition, file in zip(conditions, condition_files, strict=True):
        if file.name != f"{condition.id}.yaml":
            raise KnowledgeBaseError(f"conditions/{file.name}: id {condition.id!r} != file name")
    for plan, file in zip(plans, plan_files, strict=True):
        if file.name != f"{plan.condition}.yaml":
            raise KnowledgeBaseError(
                f"plans/{file.name}: condition {plan.condition!r} != file name"
            )

    all_files = [
        root / "sources.yaml",
        root / "demographics.yaml",
        root / "findings.yaml",
        root / "red_flags.yaml",
        root / "screen_groups.yaml",
        root / "checklists.yaml",
        root / "triage.yaml",
        *condition_files,
        *plan_files,
    ]
    kb = KnowledgeBase(
        version=_version(all_files),
        sources={s.id: s for s in sources.sources},
        demographics=demographics,
        findings={f.id: f for f in findings.findings},
        conditions={c.id: c for c in conditions},
        plans={p.condition: p for p in plans},
        red_flags={r.id: r for r in red_flags.red_flags},
        triage_policy=triage_policy,
        screen_groups={
            g.id: g for g in sorted(screen_groups.screen_groups, key=lambda g: (g.order, g.id))
        },
        checklists={c.id: c for c in sorted(checklists.checklists, key=lambda c: (c.order, c.id))},
    )
    _check_unique("sources.yaml", [s.id for s in sources.sources])
    _check_unique("findings.yaml", [f.id for f in findings.findings])
    _check_unique("red_flags.yaml", [r.id for r in red_flags.red_flags])
    _check_unique("screen_groups.yaml", [g.id for g in screen_groups.screen_groups])
    _check_unique("checklists.yaml", [c.id for c in checklists.checklists])
    check_knowledge_base(kb)
    return kb


def _check_unique(name: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise KnowledgeBaseError(f"{name}: id {item!r} appears twice")
        seen.add(item)


@lru_cache(maxsize=1)
def load_knowledge_base() -> KnowledgeBase:
    """Load the knowledge base shipped with the package (cached: it is immutable)."""
    return load_knowledge_base_from(resources.files(DATA_PACKAGE))
