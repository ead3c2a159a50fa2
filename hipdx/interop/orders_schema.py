"""Pydantic schema of interop/data/imaging_orders.yaml; unknown keys are rejected.

The file lists the imaging orders the `order-select` service checks: coded procedures, each
with its code system, display and sources, and the words that recognise an order given only as
text. Every source id must resolve to the file's own `sources` list.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, Field(min_length=1)]
Sources = Annotated[list[Slug], Field(min_length=1)]


class Record(BaseModel):
    """Base for the file's records: strict keys, immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class OrderSource(Record):
    """A citation for codes or matching words."""

    id: Slug
    citation: Text
    url: str | None = None


class OrderCode(Record):
    """One coded procedure: code system URL, code, display, and where it comes from."""

    system: Annotated[str, Field(pattern=r"^(https?|urn):")]
    code: Annotated[str, Field(pattern=r"^\S+$")]
    display: Text
    sources: Sources


class TextMatch(Record):
    """Regular expressions (whole words, any case) for the modality and the body region."""

    modality: Annotated[list[Text], Field(min_length=1)]
    region: Annotated[list[Text], Field(min_length=1)]
    sources: Sources

    @field_validator("modality", "region")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a regular expression: {exc}") from exc
        return patterns


class ImagingOrdersFile(Record):
    """The whole file: sources, the regional MRI procedures and the text rules."""

    sources: Annotated[list[OrderSource], Field(min_length=1)]
    regional_mri: Annotated[list[OrderCode], Field(min_length=1)]
    text_match: TextMatch

    @model_validator(mode="after")
    def _consistent(self) -> ImagingOrdersFile:
        known = [s.id for s in self.sources]
        if len(set(known)) != len(known):
            raise ValueError(
                f"duplicate source ids: {sorted({s for s in known if known.count(s) > 1})}"
            )
        cited = [(f"regional_mri {c.code}", c.sources) for c in self.regional_mri]
        cited.append(("text_match", self.text_match.sources))
        for where, ids in cited:
            missing = [i for i in ids if i not in known]
            if missing:
                raise ValueError(f"{where}: unknown source(s) {missing}")
        codes = [(c.system, c.code) for c in self.regional_mri]
        repeated = sorted({c for c in codes if codes.count(c) > 1})
        if repeated:
            raise ValueError(f"regional_mri: repeated codes {repeated}")
        return self
