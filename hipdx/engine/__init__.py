"""The diagnostic model and the algorithms over it: posterior, explanation, information."""

from hipdx.engine.evidence import EncodedEvidence, Evidence, encode
from hipdx.engine.inference import posterior
from hipdx.engine.model import DiagnosticModel, build_model

__all__ = ["DiagnosticModel", "EncodedEvidence", "Evidence", "build_model", "encode", "posterior"]
