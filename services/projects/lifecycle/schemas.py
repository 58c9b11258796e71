"""Request bodies of the lifecycle actions (the timeline as read is in contracts/projects.py)."""
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from services.kit.inputs import FreeText, StrictInput
from services.kit.periods.guard import CorrectionReason
from services.kit.values import Day, Year

Reason = Annotated[FreeText, Field(min_length=1, max_length=2000)]


class Decision(StrEnum):
    """A review step's decision."""

    APPROVE = "approve"  # 通过
    RETURN = "return"  # 退回修改
    REJECT = "reject"  # 不予入库


class ReviewIn(StrictInput):
    """A review decision and the reviewer's opinion (审核意见); returning or rejecting needs one."""

    decision: Decision
    opinion: FreeText = Field("", max_length=2000)


class NoteIn(StrictInput):
    """An optional note."""

    note: FreeText = Field("", max_length=2000)


class ReasonIn(StrictInput):
    """Why (cancelling as infeasible, clearing out)."""

    reason: Reason


class ObjectionIn(StrictInput):
    """An objection lodged during public notice."""

    reason: Reason


class ObjectionOutcome(StrEnum):
    """How the county office resolves an objection."""

    UPHELD = "upheld"  # 异议成立：不予入库
    DISMISSED = "dismissed"  # 异议不成立


class ObjectionResolutionIn(StrictInput):
    """The county office's resolution of one objection."""

    outcome: ObjectionOutcome
    resolution: Reason


class ScheduleIn(StrictInput):
    """Put an admitted entry into the county's plan for a year."""

    year: Year


class DatedIn(StrictInput):
    """An event on a date (开工, 竣工, 报账)."""

    on: Day
    note: FreeText = Field("", max_length=2000)
    correction_reason: CorrectionReason = None


class ProgressIn(StrictInput):
    """A progress report: percent complete never decreases."""

    on: Day
    percent: int = Field(ge=0, le=100)
    note: FreeText = Field("", max_length=2000)
    correction_reason: CorrectionReason = None


class AcceptanceResult(StrEnum):
    """验收结论."""

    PASSED = "passed"  # 合格
    FAILED = "failed"  # 不合格（整改后重新验收）


class AcceptanceIn(StrictInput):
    """Acceptance (验收): who accepted, the result, and the poor households and people actually benefiting."""

    on: Day
    accepting_unit: Annotated[str, Field(min_length=1, max_length=120)]
    result: AcceptanceResult
    actual_households: int = Field(ge=0)
    actual_people: int = Field(ge=0)
    note: FreeText = Field("", max_length=2000)
    correction_reason: CorrectionReason = None
