"""hipdx: decision support for pain at the back of the hip. Not a diagnosis."""

__version__ = "0.1.0"

# Imported after __version__: the loader stamps it into the knowledge-base version.
from hipdx.assessment import Assessment, Assessor, assess, default_assessor
from hipdx.engine.evidence import Evidence
from hipdx.errors import HipdxError, InputError, KnowledgeBaseError
from hipdx.knowledge.loader import load_knowledge_base
from hipdx.types import Answer, Sex, TriageLevel

__all__ = [
    "Answer",
    "Assessment",
    "Assessor",
    "Evidence",
    "HipdxError",
    "InputError",
    "KnowledgeBaseError",
    "Sex",
    "TriageLevel",
    "__version__",
    "assess",
    "default_assessor",
    "load_knowledge_base",
]
