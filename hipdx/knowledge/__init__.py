"""The clinical knowledge base: schema, loading and whole-KB checks."""

from hipdx.knowledge.loader import load_knowledge_base
from hipdx.knowledge.schema import KnowledgeBase

__all__ = ["KnowledgeBase", "load_knowledge_base"]
