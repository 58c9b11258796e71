"""Key tasks (重点任务清单): adding and editing them, and progress reports that decide when a task is done."""
from datetime import date
from decimal import Decimal
from typing import Any

from contracts.collaboration import KeyTaskRead, ProgressReportRead, TaskArea
from contracts.events.collaboration import KeyTaskChanged, TaskProgressReported
from services.collaboration.agreements import service as agreements
from services.collaboration.records import edit
from services.collaboration.tasks.models import KeyTask, ProgressReport
from services.collaboration.tasks.repository import KeyTaskRepository, ProgressRepository
from services.collaboration.tasks.schemas import KeyTaskCreate, KeyTaskUpdate, ProgressCreate, report_read, task_read
from services.kit.audit import audit
from services.kit.auth import out_of_scope
from services.kit.context import RequestContext
from services.kit.errors import unseen
from services.kit.outbox import Scope, publish
from services.kit.pagination import Page, page_of


async def get(ctx: RequestContext[Any], task_id: int) -> KeyTask:
    """A task the caller may read; 404 otherwise."""
    return await KeyTaskRepository(ctx.session).get_or_404(
        task_id, ctx.principal, "collaboration.task_not_found",
        unseen("重点任务", task_id))


def _settle(task: KeyTask, on: date) -> None:
    """Done exactly when the reached value meets the target; the day it first did is kept while it holds."""
    task.done = task.reached_value >= task.target_value
    task.done_on = (task.done_on or on) if task.done else None


async def _published(ctx: RequestContext[Any], row: KeyTask, action: str, before: dict[str, Any] | None
                     ) -> KeyTaskRead:
    """Audit and publish a task's new state; its read model."""
    read = task_read(row, ctx.clock.today())
    await audit(ctx.session, ctx.principal, action, "key_task", row.id, before, read.model_dump(mode="json"))
    await publish(ctx.session, KeyTaskChanged(
        task_id=row.id, agreement_id=row.agreement_id, county_code=row.county_code, year=row.year,
        area=read.area, deadline=row.deadline, target_value=row.target_value, reached_value=row.reached_value,
        done=row.done, version=row.version), Scope(row.county_code))
    return read


async def create(ctx: RequestContext[Any], agreement_id: int, entry: KeyTaskCreate) -> KeyTaskRead:
    """Add a task to an agreement's key task list; its county and year are the agreement's."""
    agreement = await agreements.get(ctx, agreement_id)
    row = await KeyTaskRepository(ctx.session).add(KeyTask(
        agreement_id=agreement.id, county_code=agreement.county_code, year=agreement.year,
        reached_value=Decimal(0), done=False, created_by=ctx.principal.sub, **entry.model_dump()))
    return await _published(ctx, row, "key_task.create", None)


async def update(ctx: RequestContext[Any], task_id: int, changes: KeyTaskUpdate, version: int) -> KeyTaskRead:
    """Edit a task the caller read at `version`; a new target re-decides whether it is done."""
    row = await get(ctx, task_id)
    before = task_read(row, ctx.clock.today()).model_dump(mode="json")
    edit(row, version, changes)
    _settle(row, ctx.clock.today())
    await ctx.session.flush()
    return await _published(ctx, row, "key_task.update", before)


async def report(ctx: RequestContext[Any], task_id: int, entry: ProgressCreate
                 ) -> tuple[ProgressReportRead, KeyTaskRead]:
    """Report progress on a task of the caller's county (county offices) or any task (city offices); a report
    racing another on the same task is refused by the task's version (409), never lost."""
    task = await get(ctx, task_id)
    if task.county_code is None:
        if not ctx.principal.citywide:
            raise out_of_scope("市级重点任务的进展由市扶贫办或粤桂协作办报告")
    else:
        ctx.check_county(task.county_code, "只能报告本县区重点任务的进展")
    before = task_read(task, ctx.clock.today()).model_dump(mode="json")
    on = entry.reported_on or ctx.clock.today()
    row = await ProgressRepository(ctx.session).add(ProgressReport(
        task_id=task.id, value_reached=entry.value_reached, note=entry.note, evidence=entry.evidence,
        reported_on=on, reported_by=ctx.principal.sub))
    task.reached_value = entry.value_reached
    _settle(task, on)
    await ctx.session.flush()
    await publish(ctx.session, TaskProgressReported(
        report_id=row.id, task_id=task.id, county_code=task.county_code, value_reached=row.value_reached,
        reported_on=on, note=row.note, done=task.done), Scope(task.county_code))
    return report_read(row), await _published(ctx, task, "key_task.progress", before)


async def listing(ctx: RequestContext[Any], county: str | None, year: int | None, area: TaskArea | None,
                  overdue: bool, agreement_id: int | None, ids: list[int] | None, after: int | None, limit: int
                  ) -> Page[KeyTaskRead]:
    """A page of the tasks in the caller's scope in id order (only the overdue ones when asked), or the batch of
    `ids` when given."""
    repo, today = KeyTaskRepository(ctx.session), ctx.clock.today()
    if ids is not None:
        return Page(items=[task_read(r, today) for r in await repo.get_many(ids, ctx.principal)])
    query = repo.filtered(ctx.principal, county, year, area, today if overdue else None, agreement_id)
    rows = await repo.page(query, after, limit, newest_first=False)
    return page_of(rows, limit, lambda r: task_read(r, today))


async def reports(ctx: RequestContext[Any], task_id: int, after: int | None, limit: int) -> Page[ProgressReportRead]:
    """A page of the progress reports of a task the caller may read, newest first; 404 otherwise."""
    task = await get(ctx, task_id)
    rows = await ProgressRepository(ctx.session).of_task(task.id, after, limit)
    return page_of(rows, limit, report_read)
