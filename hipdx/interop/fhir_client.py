"""Reading FHIR resources the CDS client did not prefetch: an interface, HTTP and in-memory.

A query is a CDS Hooks prefetch template after substitution, e.g. `Patient/123` or
`Observation?subject=123&code=...`; the answer is the resource or a searchset Bundle as JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

import httpx

from hipdx.errors import InputError


class FhirReader(Protocol):
    def read(self, query: str) -> dict[str, Any] | None:
        """The resource or Bundle for `query`, or None when the server has nothing."""


class HttpFhirReader:
    """GETs queries from a FHIR server with the bearer token the CDS client handed over."""

    def __init__(self, base_url: str, access_token: str | None, timeout: float = 10.0) -> None:
        headers = {"Accept": "application/fhir+json"}
        if access_token:
            headers["Authorization"] = f"Bearer {access_token}"
        self._client = httpx.Client(
            base_url=base_url.rstrip("/") + "/", headers=headers, timeout=timeout
        )

    def read(self, query: str) -> dict[str, Any] | None:
        try:
            response = self._client.get(query)
        except httpx.HTTPError as exc:
            raise InputError(f"cannot read {query} from the FHIR server: {exc}") from exc
        if response.status_code == 404:
            return None
        if response.is_error:
            raise InputError(f"FHIR server answered {response.status_code} for {query}")
        body: dict[str, Any] = response.json()
        return body

    def close(self) -> None:
        self._client.close()


class InMemoryFhirReader:
    """A fake server for tests: answers from a dict of query -> JSON."""

    def __init__(self, answers: Mapping[str, dict[str, Any]]) -> None:
        self.answers = dict(answers)
        self.queries: list[str] = []

    def read(self, query: str) -> dict[str, Any] | None:
        self.queries.append(query)
        return self.answers.get(query)
