"""The hipdx exception tree.

    HipdxError
    ├── KnowledgeBaseError      a knowledge-base file is missing, malformed or inconsistent
    ├── InputError              a case or request is invalid (unknown id, bad value, out of range)
    │   └── CaseFileError       a case file cannot be read or parsed
    └── StoreError              the database cannot be reached or cannot do what was asked
        ├── ConflictError       a record changed since it was read
        └── NotFoundError       no record with that id

The core raises the first three; the CLI maps them to exit code 2 and the web layer to 4xx
responses. The store raises StoreError and its subclasses; the web layer answers 503, 409, 404.
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


class StoreError(HipdxError):
    """The store could not do what was asked (database unreachable, conflicting update)."""


class ConflictError(StoreError):
    """An interview was changed by someone else since it was read."""


class NotFoundError(StoreError):
    """No record with that id."""
