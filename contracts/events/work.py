"""Warnings before deadlines (临期、逾期预警): the same two payloads on every feed that has a work queue.

A service's warning sweep publishes `work.due_soon` when an item of its work queue comes within the kind's warning
days of its deadline, and `work.overdue` once the deadline has passed, each exactly once per item, state and
deadline, so an outside system (SMS, office messaging) can tell the people concerned.
"""
from datetime import date

from pydantic import Field

from contracts.enums import FeedName
from contracts.events.base import EventPayload, event
from contracts.work import WorkKind

# The feeds of the services that answer GET /work.
WORK_FEEDS = (FeedName.PROJECTS, FeedName.FUNDS, FeedName.EMPLOYMENT, FeedName.COLLABORATION)


class WorkWarning(EventPayload):
    """What every warning says: which item, what is expected, by when, and where the thing itself is."""

    work_key: str = Field(description="待办标识（服务:类别:编号[:期间]），与工作队列中的 key 相同")
    work_kind: WorkKind = Field(description="待办类别")
    title: str = Field(description="事项名称（如项目名称、企业名称）")
    expected: str = Field(description="需要做什么（中文）")
    deadline: date = Field(description="期限（北京时间日期）")
    county_code: str | None = Field(description="所属县区代码；市级事项为空")
    service: str = Field(description="事项所属服务，如 projects")
    resource: str = Field(description="资源类别，如 project、rectification_case")
    resource_id: int = Field(description="资源编号")
    path: str = Field(description="资源的 REST 路径，如 /projects/12")
    warned_on: date = Field(description="预警日期（北京时间）")


@event(WORK_FEEDS, "work.due_soon", 1, "work_item", "work_key")
class WorkDueSoon(WorkWarning):
    """An item of the work queue is due soon (临期预警): its deadline is within the kind's warning days."""


@event(WORK_FEEDS, "work.overdue", 1, "work_item", "work_key")
class WorkOverdue(WorkWarning):
    """An item of the work queue is overdue (逾期预警): today is past its deadline."""
