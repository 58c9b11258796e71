"""Shapes of road marking as written; as read they are in contracts/roads.py."""
from pydantic import Field

from services.kit.inputs import StrictInput
from services.kit.values import Day


class RoadMarkIn(StrictInput):
    """A natural village's road marked hardened on a date (硬化完成日期), or null to correct a wrong mark."""

    road_hardened_on: Day | None = Field(description="道路硬化完成日期（不晚于今天）；为空表示未硬化（更正）")
