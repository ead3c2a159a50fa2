"""Workup and stepped management for the leading conditions, merged and cited."""

from hipdx.plans.select import CarePlan, PlannedItem, leading_conditions, select_plan

__all__ = ["CarePlan", "PlannedItem", "leading_conditions", "select_plan"]
