"""Request shapes of announcements (公告公示) and evaluations (绩效评价); their reads are in contracts/funds.py."""
from decimal import Decimal
from typing import Annotated

from pydantic import Field, model_validator

from services.funds.ledger.schemas import Text
from services.kit.inputs import FreeText, StrictInput
from services.kit.values import Day, Measure, PlainDecimal


class AnnouncementCreate(StrictInput):
    """Announce a batch's allocations for a window (commonly 7 days or more)."""

    title: Text
    starts_on: Day | None = None
    days: int = Field(7, ge=1, le=90, description="公示天数")


class Indicator(StrictInput):
    """One indicator of an evaluation: target and actual."""

    indicator: Text
    unit: Annotated[str, Field(min_length=1, max_length=20)]
    target: Measure
    actual: Measure


class EvaluationCreate(StrictInput):
    """Evaluate a batch's or a project's use of funds."""

    batch_id: int | None = None
    project_id: int | None = None
    indicators: list[Indicator] = Field(min_length=1, max_length=50)
    score: Annotated[Decimal, Field(ge=0, le=100), PlainDecimal(2, 3, "评分")]
    conclusion: Annotated[FreeText, Field(min_length=1, max_length=4000)]
    evaluator: Text
    evaluated_on: Day

    @model_validator(mode="after")
    def _one_target(self) -> "EvaluationCreate":
        if (self.batch_id is None) == (self.project_id is None):
            raise ValueError("须且只能指定 batch_id 或 project_id 之一")
        return self
