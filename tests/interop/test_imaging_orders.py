"""The imaging-orders data file: schema, round trip, and recognising orders by code or text."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
import yaml
from fhir.resources.R4B.servicerequest import ServiceRequest

from hipdx.errors import KnowledgeBaseError
from hipdx.interop.codes import SNOMED
from hipdx.interop.imaging_orders import (
    DATA_PACKAGE,
    ORDERS_FILE,
    is_regional_mri,
    parse_imaging_orders,
)
from hipdx.interop.orders_schema import ImagingOrdersFile

PACKAGED = resources.files(DATA_PACKAGE).joinpath(ORDERS_FILE).read_text(encoding="utf-8")


def packaged() -> dict[str, Any]:
    raw: dict[str, Any] = yaml.safe_load(PACKAGED)
    return raw


def order(code: dict[str, Any]) -> ServiceRequest:
    return ServiceRequest.model_validate(
        {
            "resourceType": "ServiceRequest",
            "status": "draft",
            "intent": "order",
            "code": code,
            "subject": {"reference": "Patient/p1"},
        }
    )


def test_packaged_file_loads_and_every_code_is_cited() -> None:
    orders = parse_imaging_orders(PACKAGED)
    known = {s.id for s in orders.sources}
    assert len(orders.regional_mri) >= 23
    for code in orders.regional_mri:
        assert code.system == SNOMED
        assert code.display.startswith("Magnetic resonance imaging")
        assert set(code.sources) <= known


def test_dump_then_load_round_trip() -> None:
    orders = parse_imaging_orders(PACKAGED)
    again = parse_imaging_orders(yaml.safe_dump(orders.model_dump(mode="json")))
    assert again == orders


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda f: f.update(colour="blue"), "colour"),
        (lambda f: f["regional_mri"][0].update(note="x"), "regional_mri.0.note"),
        (lambda f: f["regional_mri"][0].update(sources=["nowhere"]), "unknown source"),
        (lambda f: f["regional_mri"].append(dict(f["regional_mri"][0])), "repeated codes"),
        (lambda f: f["regional_mri"][0].pop("display"), "regional_mri.0.display"),
        (lambda f: f["text_match"]["region"].append("sacr(um"), "not a regular expression"),
    ],
)
def test_schema_rejects_bad_files(change: Any, message: str) -> None:
    raw = packaged()
    change(raw)
    with pytest.raises(KnowledgeBaseError, match=message):
        parse_imaging_orders(yaml.safe_dump(raw))


def test_not_yaml_is_named() -> None:
    with pytest.raises(KnowledgeBaseError, match="not valid YAML"):
        parse_imaging_orders("regional_mri: [unclosed")


@pytest.mark.parametrize(
    "code",
    ImagingOrdersFile.model_validate(packaged()).regional_mri,
    ids=lambda code: code.code,
)
def test_every_listed_code_is_recognised_without_text(code: Any) -> None:
    assert is_regional_mri(order({"coding": [{"system": code.system, "code": code.code}]}))


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ({"text": "MR hip left"}, True),
        ({"text": "Magnetic resonance imaging, lumbosacral"}, True),
        ({"coding": [{"system": "http://www.ama-assn.org/go/cpt", "display": "MRI pelvis"}]}, True),
        ({"text": "X-ray pelvis AP"}, False),
        ({"text": "MRI brain"}, False),
        # A listed code under another system is not that procedure.
        ({"coding": [{"system": "http://loinc.org", "code": "241645008"}]}, False),
    ],
)
def test_orders_by_text_and_system(code: dict[str, Any], expected: bool) -> None:
    assert is_regional_mri(order(code)) is expected
