"""Recognise an order for MRI of the lumbar spine, sacrum, pelvis, hip or thigh.

By code (the procedures listed in interop/data/imaging_orders.yaml) or, for orders coded
otherwise or only in text, by a modality word and a region word in the code's text and displays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from fhir.resources.R4B.servicerequest import ServiceRequest
from pydantic import ValidationError

from hipdx.errors import KnowledgeBaseError
from hipdx.interop.orders_schema import ImagingOrdersFile

DATA_PACKAGE = "hipdx.interop.data"
ORDERS_FILE = "imaging_orders.yaml"


@dataclass(frozen=True)
class RegionalMri:
    """The compiled order list: (system, code) pairs and the two word patterns."""

    codes: frozenset[tuple[str, str]]
    modality: re.Pattern[str]
    region: re.Pattern[str]


def parse_imaging_orders(text: str) -> ImagingOrdersFile:
    """Validate the YAML text of an imaging-orders file.

    Raises:
        KnowledgeBaseError: not YAML, or not the schema (the message names the field).
    """
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{ORDERS_FILE}: not valid YAML: {exc}") from exc
    try:
        return ImagingOrdersFile.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '<file>'}: {e['msg']}" for e in exc.errors()
        )
        raise KnowledgeBaseError(f"{ORDERS_FILE}: {problems}") from exc


def _words(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(patterns) + r")\b", re.IGNORECASE)


def compile_orders(orders: ImagingOrdersFile) -> RegionalMri:
    """The matcher for a validated file."""
    return RegionalMri(
        codes=frozenset((c.system, c.code) for c in orders.regional_mri),
        modality=_words(orders.text_match.modality),
        region=_words(orders.text_match.region),
    )


@lru_cache(maxsize=1)
def regional_mri() -> RegionalMri:
    """The packaged order list, read and validated on first use.

    Raises:
        KnowledgeBaseError: the packaged file is malformed.
    """
    text = resources.files(DATA_PACKAGE).joinpath(ORDERS_FILE).read_text(encoding="utf-8")
    return compile_orders(parse_imaging_orders(text))


def _texts(order: ServiceRequest) -> Iterable[str]:
    if order.code is None:
        return
    if order.code.text:
        yield order.code.text
    for coding in order.code.coding or []:
        if coding.display:
            yield coding.display


def is_regional_mri(order: ServiceRequest) -> bool:
    """Whether `order` asks for MRI of the lumbar spine, sacrum, pelvis, hip or thigh."""
    chosen = regional_mri()
    codes = order.code.coding or [] if order.code else []
    if any((c.system, c.code) in chosen.codes for c in codes):
        return True
    return any(chosen.modality.search(t) and chosen.region.search(t) for t in _texts(order))
