"""The work queue (待办事项): what awaits a caller, with its deadline and warning, as every service answers it.

Each service answers `GET /work` for the caller's role and scope, sorted by (deadline, key) with undated items
last; the gateway merges the services' pages into one `myWork` list.
"""
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from contracts.page import encode_key, parse_key


class WorkKind(StrEnum):
    """What kind of thing awaits the caller (待办类别)."""

    REVIEW = "review"
    RETURNED = "returned"
    NOTICE_ENDING = "notice_ending"
    OBJECTION = "objection"
    ADMIT = "admit"
    SCHEDULE = "schedule"
    PROGRESS_DUE = "progress_due"
    CASE_DUE = "case_due"
    IDLE_WITHOUT_CASE = "idle_without_case"
    WORKFORCE_REPORT = "workforce_report"
    GROUP_REPORT = "group_report"
    COURSE_OUTCOMES = "course_outcomes"
    KEY_TASK = "key_task"


class WorkLink(BaseModel):
    """Where the thing itself is: its service, kind of resource, id and REST path."""

    service: str = Field(description="所属服务，如 projects")
    resource: str = Field(description="资源类别，如 project、rectification_case")
    id: int = Field(description="资源编号")
    path: str = Field(description="资源的 REST 路径，如 /projects/12")


class WorkItem(BaseModel):
    """One item awaiting the caller: what is expected, by when, and whether it is due soon or overdue."""

    key: str = Field(description="稳定的待办标识（服务:类别:编号[:期间]），同一事项始终相同")
    kind: WorkKind = Field(description="待办类别")
    title: str = Field(description="事项名称（如项目名称、企业名称）")
    expected: str = Field(description="需要做什么（中文）")
    deadline: date | None = Field(description="期限（北京时间日期）；无期限为空")
    due_soon: bool = Field(description="临近期限：距期限不超过该类别的预警天数且未逾期")
    overdue: bool = Field(description="已逾期：今天已晚于期限")
    county_code: str | None = Field(description="所属县区代码")
    link: WorkLink = Field(description="所指的对象（服务、资源、编号、REST 路径）")


class WorkCount(BaseModel):
    """How many items of one kind await the caller, and how many of them are due soon or overdue."""

    kind: WorkKind = Field(description="待办类别")
    total: int = Field(description="该类待办件数")
    due_soon: int = Field(description="其中临期件数")
    overdue: int = Field(description="其中逾期件数")


class WorkPage(BaseModel):
    """One page of the caller's work queue, with the counts by kind over the whole queue."""

    items: list[WorkItem]
    next_cursor: str | None = Field(None, description="传入 after 以取下一页；为空表示已是最后一页")
    counts: list[WorkCount]


# Undated items sort after every dated one.
NO_DEADLINE = "9999-12-31"
# Where an item stands in every queue: (deadline or NO_DEADLINE, "service:kind", id, period or "").
Position = tuple[str, str, int, str]


def split_key(key: str) -> tuple[str, int, str]:
    """A key's parts in queue order: ("service:kind", id, period); ValueError when it is not a work key.

    Ids compare as numbers (12 after 2), so a service's SQL order (deadline, id, period) is the queue's order.
    """
    service, kind, ident, *period = key.split(":", 3)
    if not (service and kind and ident.isascii() and ident.isdigit() and int(ident) < 2**63):
        raise ValueError("not a work key")
    return f"{service}:{kind}", int(ident), period[0] if period else ""


def position_of(deadline: date | str | None, key: str) -> Position:
    """The queue position of an item with this deadline and key (the merge order of every queue)."""
    day = deadline.isoformat() if isinstance(deadline, date) else deadline or NO_DEADLINE
    return (day, *split_key(key))


def work_cursor(item: WorkItem) -> str:
    """The opaque cursor pointing after this item (the gateway's merged queue uses the same one)."""
    return encode_key({"d": item.deadline.isoformat() if item.deadline else "", "k": item.key})


def cursor_position(cursor: str) -> Position:
    """The queue position a cursor points after; ValueError (or TypeError) when it is not one we made."""
    raw: dict[str, Any] = parse_key(cursor)
    deadline, key = raw.get("d"), raw.get("k")
    if not isinstance(deadline, str) or not isinstance(key, str) or len(key) > 200 or set(raw) != {"d", "k"}:
        raise ValueError("not a work cursor")
    return position_of(date.fromisoformat(deadline) if deadline else None, key)
