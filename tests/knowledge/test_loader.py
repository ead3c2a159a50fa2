"""Loading, validation errors that name file/entry/field, and whole-KB checks."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from hipdx.errors import KnowledgeBaseError
from hipdx.knowledge.loader import load_knowledge_base_from
from hipdx.knowledge.schema import (
    Condition,
    FindingsFile,
    KnowledgeBase,
    Plan,
    RedFlagsFile,
    ScreenGroupsFile,
    SourcesFile,
)


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    source = Path(str(resources.files("hipdx.knowledge.data")))
    target = tmp_path / "data"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "nlp"))
    return target


def _edit(path: Path, change: object) -> None:
    raw = yaml.safe_load(path.read_text())
    change(raw)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(raw, sort_keys=False))


def test_every_catalog_condition_is_known(kb: KnowledgeBase, catalog_ids: list[str]) -> None:
    assert len(catalog_ids) == 24
    assert set(catalog_ids) <= set(kb.conditions)
    assert all(kb.conditions[c].catalog for c in catalog_ids)


def test_kb_meets_coverage_floor(kb: KnowledgeBase) -> None:
    assert len(kb.findings) >= 80
    assert {f.kind.value for f in kb.findings.values()} >= {
        "symptom",
        "history",
        "exam",
        "risk_factor",
    }
    assert all(len(c.priors) >= 2 for c in kb.conditions.values())
    assert set(kb.plans) == set(kb.conditions)


def test_bad_probability_names_file_entry_and_field(data_copy: Path) -> None:
    def corrupt(raw: dict) -> None:  # type: ignore[type-arg]
        raw["evidence"][0]["p"] = 1.5

    path = data_copy / "conditions" / "pudendal_neuralgia.yaml"
    first = yaml.safe_load(path.read_text())["evidence"][0]["finding"]
    _edit(path, corrupt)
    with pytest.raises(KnowledgeBaseError) as error:
        load_knowledge_base_from(data_copy)
    message = str(error.value)
    assert "conditions/pudendal_neuralgia.yaml" in message
    assert first in message and "evidence" in message and ".p:" in message


def test_unknown_key_is_rejected(data_copy: Path) -> None:
    _edit(data_copy / "findings.yaml", lambda raw: raw["findings"][3].update(colour="red"))
    with pytest.raises(KnowledgeBaseError, match=r"findings.yaml: findings\.\[3\].*colour"):
        load_knowledge_base_from(data_copy)


def test_dangling_reference_is_reported(data_copy: Path) -> None:
    def dangle(raw: dict) -> None:  # type: ignore[type-arg]
        raw["evidence"][0]["finding"] = "no_such_finding"

    _edit(data_copy / "conditions" / "malignancy.yaml", dangle)
    with pytest.raises(KnowledgeBaseError, match=r"malignancy\.yaml evidence: unknown finding"):
        load_knowledge_base_from(data_copy)


def test_unknown_source_is_reported(data_copy: Path) -> None:
    _edit(data_copy / "red_flags.yaml", lambda raw: raw["red_flags"][0].update(sources=["nope"]))
    with pytest.raises(KnowledgeBaseError, match="unknown source 'nope'"):
        load_knowledge_base_from(data_copy)


def test_missing_file_is_reported(data_copy: Path) -> None:
    (data_copy / "triage.yaml").unlink()
    with pytest.raises(KnowledgeBaseError, match=r"triage\.yaml"):
        load_knowledge_base_from(data_copy)


def test_broken_yaml_is_reported(data_copy: Path) -> None:
    (data_copy / "sources.yaml").write_text("sources: [unclosed\n")
    with pytest.raises(KnowledgeBaseError, match=r"sources\.yaml: not valid YAML"):
        load_knowledge_base_from(data_copy)


@pytest.mark.parametrize(
    ("relative", "model"),
    [
        ("sources.yaml", SourcesFile),
        ("findings.yaml", FindingsFile),
        ("red_flags.yaml", RedFlagsFile),
        ("screen_groups.yaml", ScreenGroupsFile),
        ("conditions/lumbar_radiculopathy.yaml", Condition),
        ("plans/lumbar_radiculopathy.yaml", Plan),
    ],
)
def test_dump_then_load_round_trip(relative: str, model: type[BaseModel]) -> None:
    text = (resources.files("hipdx.knowledge.data") / relative).read_text(encoding="utf-8")
    loaded = model.model_validate(yaml.safe_load(text))
    dumped = yaml.safe_dump(loaded.model_dump(mode="json", exclude_defaults=True))
    assert model.model_validate(yaml.safe_load(dumped)) == loaded


def test_version_changes_with_content(data_copy: Path, kb: KnowledgeBase) -> None:
    assert load_knowledge_base_from(data_copy).version == kb.version
    _edit(data_copy / "triage.yaml", lambda raw: raw.update(self_care_min_probability=0.7))
    assert load_knowledge_base_from(data_copy).version != kb.version


def _finding(raw: dict, finding_id: str) -> dict:  # type: ignore[type-arg]
    return next(f for f in raw["findings"] if f["id"] == finding_id)


def test_every_screen_finding_has_a_screen_group(kb: KnowledgeBase) -> None:
    assert all(f.screen_group in kb.screen_groups for f in kb.findings.values() if f.screen)
    grouped = {f.screen_group for f in kb.findings.values() if f.screen_group}
    assert grouped == set(kb.screen_groups)
    assert [g.order for g in kb.screen_groups.values()] == sorted(
        g.order for g in kb.screen_groups.values()
    )


@pytest.mark.parametrize(
    ("finding", "group", "message"),
    [
        ("fever", None, r"findings\.yaml \(fever\): screen finding needs a `screen_group`"),
        ("fever", "no_such_group", r"\(fever\): unknown screen_group 'no_such_group'"),
        ("fever", "red_flag_examination", r"\(red_flag_examination\): members must be all"),
    ],
)
def test_screen_group_problems_name_the_finding_or_group(
    data_copy: Path, finding: str, group: str | None, message: str
) -> None:
    def regroup(raw: dict) -> None:  # type: ignore[type-arg]
        entry = _finding(raw, finding)
        entry.pop("screen_group")
        if group is not None:
            entry["screen_group"] = group

    _edit(data_copy / "findings.yaml", regroup)
    with pytest.raises(KnowledgeBaseError, match=message):
        load_knowledge_base_from(data_copy)


def test_screen_group_without_members_or_with_unknown_keys(data_copy: Path) -> None:
    def empty(raw: dict) -> None:  # type: ignore[type-arg]
        raw["screen_groups"].append({**raw["screen_groups"][0], "id": "spare", "order": 99})

    _edit(data_copy / "screen_groups.yaml", empty)
    with pytest.raises(KnowledgeBaseError, match=r"\(spare\): no finding names this group"):
        load_knowledge_base_from(data_copy)
    _edit(data_copy / "screen_groups.yaml", lambda raw: raw["screen_groups"][0].update(x=1))
    with pytest.raises(KnowledgeBaseError, match=r"screen_groups\.yaml: .*x"):
        load_knowledge_base_from(data_copy)


@pytest.mark.parametrize("bound", [0, 200, "forty"])
def test_bad_age_bound_is_rejected(data_copy: Path, bound: object) -> None:
    _edit(
        data_copy / "findings.yaml",
        lambda raw: raw["findings"][3].update(implied_by_age_below=bound),
    )
    with pytest.raises(KnowledgeBaseError, match=r"findings.yaml.*implied_by_age_below"):
        load_knowledge_base_from(data_copy)


def _relate(data: Path, parent: str, kind: str, child: str) -> None:
    def add(raw: dict) -> None:  # type: ignore[type-arg]
        entry = _finding(raw, parent)
        entry[kind] = [*entry.get(kind, []), child]

    _edit(data / "findings.yaml", add)


@pytest.mark.parametrize(
    ("parent", "kind", "child", "message"),
    [
        # A lump does not entail weight loss: the numbers (weight loss the rarer) refuse it.
        ("palpable_mass", "implies", "weight_loss", r"palpable_mass implies weight_loss"),
        ("duration_under_6_weeks", "excludes", "onset_gradual", r"below 1 by at least"),
        ("fever", "implies", "no_such_finding", r"'no_such_finding' is not another finding"),
        ("fever", "implies", "fever", r"'fever' is not another finding"),
        ("weight_loss", "implies", "palpable_mass", r"already depends on"),
        ("fever", "implies", "mass_suspicious_features", r"both related and a parent"),
        ("onset_before_40", "implies", "pain_low_back", r"age-implied findings relate"),
    ],
)
def test_inconsistent_finding_relations_are_rejected(
    data_copy: Path, parent: str, kind: str, child: str, message: str
) -> None:
    _relate(data_copy, parent, kind, child)
    with pytest.raises(KnowledgeBaseError, match=message):
        load_knowledge_base_from(data_copy)


def test_consistent_finding_relation_loads(data_copy: Path) -> None:
    # Negative control: a relation whose numbers hold in every condition is accepted.
    _relate(data_copy, "relief_toilet_seat", "excludes", "pain_free_sitting")
    kb = load_knowledge_base_from(data_copy)
    assert kb.findings["relief_toilet_seat"].excludes == ["pain_free_sitting"]
