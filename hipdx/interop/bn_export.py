"""The diagnostic model as a Bayesian network file other tools open: XMLBIF 0.3 or BIF.

Nodes: `Condition` (one state per condition, prior of the chosen setting), `AgeBand` and `Sex`
(children of Condition), and one yes/no node per finding with P(finding | Condition); a finding
another implies or excludes has that finding as a second parent. Numbers are written with full
float precision (repr), so posteriors match hipdx to rounding error.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

import numpy as np

from hipdx.engine.model import SEXES, DiagnosticModel, FloatArray
from hipdx.types import SettingId

CONDITION, AGE, SEX = "Condition", "AgeBand", "Sex"
STATES = ("yes", "no")
FORMATS = ("xmlbif", "bif")
CONTRADICTION_LEAK = 1e-12
"""P(child answer its parent rules out): hipdx ignores such a child, and a tiny constant
probability, the same for every condition, does exactly that after normalisation, where a zero
would leave the network no explanation at all."""

Rows = list[list[float]]
Node = tuple[str, tuple[str, ...], Rows, str | None]
"""(node, states, rows, finding parent or None): one row of P(state | ...) per condition, or
per condition and parent state (yes, then no) when the node has a finding parent."""


def age_state(band_id: str) -> str:
    """The AgeBand state of an age band (`age_19_34`): names may not start with a digit."""
    return f"age_{band_id}"


def _nodes(model: DiagnosticModel) -> list[Node]:
    nodes: list[Node] = [
        (AGE, tuple(age_state(b.id) for b in model.age_bands), model.p_age.tolist(), None),
        (SEX, tuple(s.value for s in SEXES), model.p_sex.tolist(), None),
    ]
    relation_of = {int(child): r for r, child in enumerate(model.relation_child)}
    for column, finding in enumerate(model.finding_ids):
        relation = relation_of.get(column)
        if relation is None:
            rows = [[float(y), float(1.0 - y)] for y in model.p_yes[:, column]]
            nodes.append((finding, STATES, rows, None))
            continue
        given = np.clip(
            model.child_given_parent[relation], CONTRADICTION_LEAK, 1.0 - CONTRADICTION_LEAK
        )
        rows = [[float(y), float(1.0 - y)] for c in range(given.shape[1]) for y in given[:, c]]
        parent = model.finding_ids[model.relation_parent[relation]]
        nodes.append((finding, STATES, rows, parent))
    return nodes


def _prior(model: DiagnosticModel, setting: SettingId | None) -> FloatArray:
    prior: FloatArray = model.prior[model.setting_index(setting)]
    return prior


def _numbers(values: Sequence[float]) -> str:
    return " ".join(repr(float(v)) for v in values)


def to_xmlbif(model: DiagnosticModel, setting: SettingId | None = None) -> str:
    """XMLBIF 0.3: each TABLE lists, per Condition state, the child's state probabilities."""
    name = f"hipdx {model.kb_version} ({setting or model.default_setting})"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<BIF VERSION="0.3">',
        "<NETWORK>",
        f"<NAME>{escape(name)}</NAME>",
    ]

    def variable(node: str, states: Sequence[str]) -> None:
        out.append('<VARIABLE TYPE="nature">')
        out.append(f"  <NAME>{escape(node)}</NAME>")
        out.extend(f"  <OUTCOME>{escape(s)}</OUTCOME>" for s in states)
        out.append("</VARIABLE>")

    nodes = _nodes(model)
    variable(CONDITION, model.condition_ids)
    for node, states, _, _ in nodes:
        variable(node, states)
    out += [
        "<DEFINITION>",
        f"  <FOR>{CONDITION}</FOR>",
        f"  <TABLE>{_numbers(_prior(model, setting).tolist())}</TABLE>",
        "</DEFINITION>",
    ]
    for node, _, rows, parent in nodes:
        # Rows run condition by condition, the finding parent's states (yes, no) within each:
        # the last GIVEN varies fastest, as XMLBIF readers expect.
        givens = [CONDITION] if parent is None else [CONDITION, parent]
        out += [
            "<DEFINITION>",
            f"  <FOR>{escape(node)}</FOR>",
            *(f"  <GIVEN>{escape(g)}</GIVEN>" for g in givens),
            f"  <TABLE>{_numbers([v for row in rows for v in row])}</TABLE>",
            "</DEFINITION>",
        ]
    out += ["</NETWORK>", "</BIF>", ""]
    return "\n".join(out)


def to_bif(model: DiagnosticModel, setting: SettingId | None = None) -> str:
    """BIF (the bnlearn repository format)."""
    out = ["network hipdx {", "}"]

    def variable(node: str, states: Sequence[str]) -> None:
        out.append(f"variable {node} {{")
        out.append(f"  type discrete [ {len(states)} ] {{ {', '.join(states)} }};")
        out.append("}")

    nodes = _nodes(model)
    variable(CONDITION, model.condition_ids)
    for node, states, _, _ in nodes:
        variable(node, states)
    prior = ", ".join(repr(float(v)) for v in _prior(model, setting))
    out += [f"probability ( {CONDITION} ) {{", f"  table {prior};", "}"]
    for node, _, rows, parent in nodes:
        if parent is None:
            out.append(f"probability ( {node} | {CONDITION} ) {{")
            keys = [f"({c})" for c in model.condition_ids]
        else:
            out.append(f"probability ( {node} | {CONDITION}, {parent} ) {{")
            keys = [f"({c}, {s})" for c in model.condition_ids for s in STATES]
        for key, row in zip(keys, rows, strict=True):
            out.append(f"  {key} {', '.join(repr(v) for v in row)};")
        out.append("}")
    out.append("")
    return "\n".join(out)


def export_network(model: DiagnosticModel, fmt: str, setting: SettingId | None = None) -> str:
    """The model as a network file in `fmt` (`xmlbif` or `bif`)."""
    return to_xmlbif(model, setting) if fmt == "xmlbif" else to_bif(model, setting)
