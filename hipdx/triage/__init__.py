"""Triage: red-flag rules and suspected serious conditions set how soon to be seen."""

from hipdx.triage.rules import (
    Triage,
    TriageReason,
    fired_red_flags,
    possible_red_flags,
    triage,
)

__all__ = ["Triage", "TriageReason", "fired_red_flags", "possible_red_flags", "triage"]
