"""Import the optional NLP libraries (the `hipdx[nlp]` extra) without their import-time noise.

spaCy 3.7's CLI imports a name Click 8.2 deprecates (a DeprecationWarning on every import), and
medspaCy runs `warnings.filterwarnings("ignore")` at import, silencing every warning in the
process. Both imports run inside `warnings.catch_warnings()`, which ignores only that Click
message and restores the caller's filters afterwards.
"""

from __future__ import annotations

import warnings
from types import ModuleType

CLICK_WARNING = r"Importing 'parser.split_arg_string' is deprecated"
EXTRA_HINT = "the text reader needs the nlp extra: pip install 'hipdx[nlp]'"


def import_spacy() -> ModuleType:
    """Import spaCy quietly.

    Raises:
        ImportError: spaCy is not installed.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=CLICK_WARNING, category=DeprecationWarning)
        try:
            import spacy
        except ImportError as exc:
            raise ImportError(EXTRA_HINT) from exc
    return spacy


def import_medspacy() -> ModuleType:
    """Import medspaCy without letting it switch warnings off for the whole process.

    Raises:
        ImportError: medspaCy is not installed.
    """
    import_spacy()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=CLICK_WARNING, category=DeprecationWarning)
        try:
            import medspacy
        except ImportError as exc:
            raise ImportError(EXTRA_HINT) from exc
    module: ModuleType = medspacy
    return module
