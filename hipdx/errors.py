"""The hipdx exception tree.

    HipdxError
    ├── KnowledgeBaseError      a knowledge-base file is missing, malformed or inconsistent
    └── InputError              a case or request is invalid (unknown id, bad value, out of range)
        └── CaseFileError       a case file cannot be read or parsed

The core raises these; the CLI maps them to exit code 2 and the web layer to 4xx responses.
"""

from __future__ import annotations


class HipdxError(Exception):
    """Base class for every error hipdx raises on purpose."""


class KnowledgeBaseError(HipdxError):
    """The knowledge base failed to load or failed a consistency check."""


class InputError(HipdxError):
    """Input to an assessment is invalid; the message names what is wrong."""


class CaseFileError(InputError):
    """A case file is missing or is not valid JSON / JSON Lines."""
