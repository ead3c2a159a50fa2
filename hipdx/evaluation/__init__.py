"""Evaluation: the case-file format, metrics and the runner. Off the runtime path."""
