"""Interoperability data files (read with importlib.resources)."""
