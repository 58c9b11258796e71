"""The collaboration work queue (待办事项): key tasks (重点任务清单) near their deadline and not yet done.

Who: a county office (县区扶贫办) reports progress on its county's tasks, so its queue holds them; the collaboration
office (粤桂协作办) and the city office keep the list and report on the city-level tasks, so theirs holds every task.
When: a task enters the queue `key_task_ahead_days` before its deadline and stays, overdue once the deadline has
passed, until a progress report reaches its target (done). Guangdong money has no promised date in the model (an
agreement commits a year's sum, arrivals are per county), so no deadline can be held against it: the arrival rate
is on GET /funds and the scorecard, not in the queue.
"""
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Row

from contracts.collaboration import TaskArea
from contracts.work import WorkKind, WorkLink
from services.collaboration.config import Settings
from services.collaboration.tasks.repository import KeyTaskRepository
from services.collaboration.terms import AREA_LABELS
from services.kit.auth import Role
from services.kit.context import RequestContext
from services.kit.outbox import Scope
from services.kit.warnings import Warnable
from services.kit.work import warn_days_of, work_item
from services.kit.work_queue import Duty, Listing


def _amount(value: Decimal) -> str:
    """A measure as officials write it: 300, 12.5."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _expected(task: Row[Any]) -> str:
    target, reached = _amount(task.target_value), _amount(task.reached_value)
    return (f"完成目标 {target}{task.unit}（已完成 {reached}{task.unit}）并报告进展；"
            f"责任单位：{task.unit_liuzhou}、{task.unit_guangdong}")


def key_tasks(ctx: RequestContext[Settings]) -> Listing:
    """Key tasks not done whose deadline is near or past, in the caller's scope."""
    today = ctx.clock.today()
    warn = warn_days_of(ctx.settings.work_warn_days, WorkKind.KEY_TASK)
    query = KeyTaskRepository(ctx.session).open_until(ctx.principal,
                                                      today + timedelta(days=ctx.settings.key_task_ahead_days))

    def warnable(row: Row[Any]) -> Warnable:
        link = WorkLink(service="collaboration", resource="key_task", id=row.work_id, path=f"/key-tasks/{row.work_id}")
        title = f"{AREA_LABELS[TaskArea(row.area)]}：{row.indicator}"
        return Warnable(work_item(WorkKind.KEY_TASK, link, title, _expected(row), row.work_due, row.work_county,
                                  today, warn), Scope(row.work_county))

    return Listing(query, warnable)


DUTIES = (Duty("collaboration", WorkKind.KEY_TASK,
               frozenset({Role.COLLABORATION_OFFICE, Role.CITY_OFFICE, Role.COUNTY_OFFICE}), key_tasks),)
