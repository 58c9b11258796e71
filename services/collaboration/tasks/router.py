"""REST endpoints of key tasks (重点任务清单): lists with the overdue filter, completion rates, progress."""
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from contracts.collaboration import KeyTaskRead, ProgressRecorded, ProgressReportRead, TaskArea, TaskCompletion
from services.collaboration.common import CountyFilter
from services.collaboration.deps import Editor, Reader, Reporter
from services.collaboration.records import tagged
from services.collaboration.tasks import figures, service
from services.collaboration.tasks.schemas import KeyTaskCreate, KeyTaskUpdate, ProgressCreate, task_read
from services.kit.concurrency import IfMatch
from services.kit.ids import Id, IdFilter, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page, decode_cursor
from services.kit.values import Year

router = APIRouter(tags=["key tasks"])
Cursor = Annotated[str | None, Query(description="上一页返回的 next_cursor")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


@router.post("/agreements/{agreement_id}/tasks", response_model=KeyTaskRead, status_code=201,
             summary="Add a key task to an agreement (重点任务)")
async def create_task(agreement_id: Id, entry: KeyTaskCreate, ctx: Editor, response: Response) -> KeyTaskRead:
    """Add a task with its area, responsible units, deadline and target."""
    return tagged(response, await service.create(ctx, agreement_id, entry))


@router.get("/key-tasks", response_model=Page[KeyTaskRead], summary="List or batch-read key tasks")
async def list_tasks(ctx: Reader, county: CountyFilter = None, year: Year | None = None,
                     area: TaskArea | None = None,
                     overdue: Annotated[bool, Query(description="只列逾期未完成的任务（逾期清单）")] = False,
                     agreement_id: IdFilter = None, ids: IdList = None, after: Cursor = None,
                     limit: Limit = 50) -> Page[KeyTaskRead]:
    """Tasks in the caller's scope in id order, filtered; `overdue=true` with `county` is a county's overdue
    list; `ids` batch-reads instead."""
    return await service.listing(ctx, county, year, area, overdue, agreement_id,
                                 ids_of(ids) if ids is not None else None, decode_cursor(after), limit)


@router.get("/key-tasks/completion", response_model=list[TaskCompletion],
            summary="Completion rate per county (and area) and year")
async def completion(ctx: Reader, year: Year | None = None, county: CountyFilter = None,
                     by: Annotated[Literal["county", "area"], Query(description="county：按县区；area：按县区和领域")]
                     = "county") -> list[TaskCompletion]:
    """Tasks, done, overdue and the completion rate per group, computed in one SQL statement."""
    return await figures.completion(ctx, year, county, by == "area")


@router.get("/key-tasks/{task_id}", response_model=KeyTaskRead, summary="One key task")
async def get_task(task_id: Id, ctx: Reader, response: Response) -> KeyTaskRead:
    """One task with its ETag; 404 also when outside the caller's scope."""
    return tagged(response, task_read(await service.get(ctx, task_id), ctx.clock.today()))


@router.patch("/key-tasks/{task_id}", response_model=KeyTaskRead, summary="Edit a key task (If-Match)")
async def update_task(task_id: Id, changes: KeyTaskUpdate, ctx: Editor, version: IfMatch,
                      response: Response) -> KeyTaskRead:
    """Change a task read at the version in If-Match."""
    return tagged(response, await service.update(ctx, task_id, changes, version))


@router.post("/key-tasks/{task_id}/progress", response_model=ProgressRecorded, status_code=201,
             summary="Report progress on a key task (进展报告)")
async def report_progress(task_id: Id, entry: ProgressCreate, ctx: Reporter, response: Response
                          ) -> ProgressRecorded:
    """Store a report; the task is done only once the value reached meets its target."""
    report, task = await service.report(ctx, task_id, entry)
    return ProgressRecorded(report=report, task=tagged(response, task))


@router.get("/key-tasks/{task_id}/progress", response_model=Page[ProgressReportRead],
            summary="Progress reports of a key task, newest first")
async def list_progress(task_id: Id, ctx: Reader, after: Cursor = None, limit: Limit = 50
                        ) -> Page[ProgressReportRead]:
    """Every report on a task the caller may read."""
    return await service.reports(ctx, task_id, decode_cursor(after), limit)
