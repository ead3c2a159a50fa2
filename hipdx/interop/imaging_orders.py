"""Recognise an order for MRI of the lumbar spine, sacrum, pelvis, hip or thigh.

By SNOMED CT code (the procedure concepts below) or, for orders coded otherwise or only in text,
by words in the code's text and displays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fhir.resources.R4B.servicerequest import ServiceRequest

from hipdx.interop.codes import SNOMED

MRI_REGION_SNOMED = frozenset(
    {
        "241645008",  # Magnetic resonance imaging of spine
        "41333006",  # MRI of lumbar spine with contrast
        "394451000119106",  # MRI of lumbar spine without contrast
        "433141005",  # MRI of lumbar and sacral spine
        "433140006",  # MRI of lumbar and sacral spine with contrast
        "726546000",  # MRI of lumbar spine and sacroiliac joint
        "709653005",  # MRI of lumbar spine and sacroiliac joint with contrast
        "388321000119101",  # MRI of sacrum without contrast
        "709527009",  # MRI of sacral spine with contrast
        "1332288001",  # MRI of bilateral sacroiliac joints without contrast
        "1332285003",  # MRI of sacroiliac joint with contrast
        "396161000119106",  # MRI of pelvis without contrast
        "433138001",  # MRI of pelvis with contrast
        "443078008",  # MRI of lumbosacral plexus
        "781526004",  # MRI of lumbosacral plexus with contrast
        "724215003",  # MRI of bilateral thighs with contrast
    }
)
"""SNOMED CT MRI procedures of the region (from the SNOMED CT International Edition)."""

MRI_WORDS = re.compile(r"\b(mri|mr|magnetic resonance)\b", re.IGNORECASE)
REGION_WORDS = re.compile(
    r"\b(lumbar|lumbosacral|l-?spine|spine|spinal|sacr\w*|pelvi\w*|hips?|buttocks?|thighs?|"
    r"hamstrings?|sciatic)\b",
    re.IGNORECASE,
)


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
    codes = order.code.coding or [] if order.code else []
    if any(c.system == SNOMED and c.code in MRI_REGION_SNOMED for c in codes):
        return True
    return any(MRI_WORDS.search(t) and REGION_WORDS.search(t) for t in _texts(order))
