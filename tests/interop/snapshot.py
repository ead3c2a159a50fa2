"""Golden snapshots of JSON output: volatile values normalised, one variable regenerates them.

A test renders its output with `render` (normalised, stable JSON text) and compares it with
`expected(name, text)`, the file tests/snapshots/<name>.json; with HIPDX_UPDATE_SNAPSHOTS=1 in
the environment the file is rewritten first (review the change with `git diff tests/snapshots`).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

SNAPSHOTS = Path(__file__).resolve().parents[1] / "snapshots"
UPDATE = "HIPDX_UPDATE_SNAPSHOTS"

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")
KB_VERSION = re.compile(r"\d+\.\d+\.\d+\+kb\.[0-9a-f]+")
"""The knowledge-base version hashes every data file, so any KB edit changes it; what the edit
changes in the output itself still shows in the snapshot."""


def normalise(data: Any) -> Any:
    """A copy of `data` with each distinct UUID replaced by `<uuid-N>` (numbered by first
    appearance, so references between resources still have to line up), timestamps by
    `<timestamp>` and the knowledge-base version by `<kb-version>`."""
    numbers: dict[str, int] = {}

    def number(match: re.Match[str]) -> str:
        key = match.group(0).lower()
        numbers.setdefault(key, len(numbers) + 1)
        return f"<uuid-{numbers[key]}>"

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, str):
            text = UUID.sub(number, value)
            text = TIMESTAMP.sub("<timestamp>", text)
            return KB_VERSION.sub("<kb-version>", text)
        return value

    return walk(data)


def render(data: Any) -> str:
    return json.dumps(normalise(data), indent=2, ensure_ascii=False) + "\n"


def expected(name: str, actual: str) -> str:
    """The stored snapshot tests/snapshots/<name>.json; with HIPDX_UPDATE_SNAPSHOTS=1, `actual`
    is stored first. A missing snapshot reads as a hint on how to create it, so the comparison
    fails with that hint in the diff."""
    path = SNAPSHOTS / f"{name}.json"
    if os.environ.get(UPDATE) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    if not path.exists():
        return f"<no snapshot {path.name}: create it with {UPDATE}=1>\n"
    return path.read_text(encoding="utf-8")
