"""The diagnostic model as a Bayesian network file other tools open: XMLBIF 0.3 or BIF.

Nodes: `Condition` (one state per condition, prior of the chosen setting), `AgeBand` and `Sex`
(children of Condition), and one yes/no node per finding with P(finding | Condition). Numbers
are written with full float precision (repr), so posteriors match hipdx to rounding error.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from hipdx.engine.model import SEXES, DiagnosticModel, FloatArray
from hipdx.types import SettingId

CONDITION, AGE, SEX = "Condition", "AgeBand", "Sex"
STATES = ("yes", "no")
FORMATS = ("xmlbif", "bif")


def age_state(band_id: str) -> str:
    """The AgeBand state of an age band (`age_19_34`): names may not start with a digit."""
    return f"age_{band_id}"


def _nodes(model: DiagnosticModel) -> list[tuple[str, tuple[str, ...], list[list[float]]]]:
    """(node, states, rows): for each child, one row per condition giving P(state | condition)."""
    nodes: list[tuple[str, tuple[str, ...], list[list[float]]]] = [
        (AGE, tuple(age_state(b.id) for b in model.age_bands), model.p_age.tolist()),
        (SEX, tuple(s.value for s in SEXES), model.p_sex.tolist()),
    ]
    for column, finding in enumerate(model.finding_ids):
        p = model.p_yes[:, column]
        nodes.append((finding, STATES, [[float(y), float(1.0 - y)] for y in p]))
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
    for node, states, _ in nodes:
        variable(node, states)
    out += [
        "<DEFINITION>",
        f"  <FOR>{CONDITION}</FOR>",
        f"  <TABLE>{_numbers(_prior(model, setting).tolist())}</TABLE>",
        "</DEFINITION>",
    ]
    for node, _, rows in nodes:
        out += [
            "<DEFINITION>",
            f"  <FOR>{escape(node)}</FOR>",
            f"  <GIVEN>{CONDITION}</GIVEN>",
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
    for node, states, _ in nodes:
        variable(node, states)
    prior = ", ".join(repr(float(v)) for v in _prior(model, setting))
    out += [f"probability ( {CONDITION} ) {{", f"  table {prior};", "}"]
    for node, _, rows in nodes:
        out.append(f"probability ( {node} | {CONDITION} ) {{")
        for condition, row in zip(model.condition_ids, rows, strict=True):
            out.append(f"  ({condition}) {', '.join(repr(v) for v in row)};")
        out.append("}")
    out.append("")
    return "\n".join(out)


def export_network(model: DiagnosticModel, fmt: str, setting: SettingId | None = None) -> str:
    """The model as a network file in `fmt` (`xmlbif` or `bif`)."""
    return to_xmlbif(model, setting) if fmt == "xmlbif" else to_bif(model, setting)
