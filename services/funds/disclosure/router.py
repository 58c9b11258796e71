"""Announcements of allocations (公告公示) and performance evaluations (绩效评价)."""
from typing import Annotated

from fastapi import APIRouter, Query

from contracts.funds import AnnouncementRead, EvaluationRead
from services.funds.deps import Finance, Reader
from services.funds.disclosure import service
from services.funds.disclosure.schemas import AnnouncementCreate, EvaluationCreate
from services.kit.contract import problems
from services.kit.ids import Id
from services.kit.pagination import MAX_PAGE, Page

router = APIRouter(tags=["disclosure and evaluation"])
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


@router.post("/batches/{batch_id}/announcements", response_model=AnnouncementRead, status_code=201,
             summary="Announce a batch's allocations publicly (公告公示)")
async def announce(batch_id: Id, body: AnnouncementCreate, ctx: Finance) -> AnnouncementRead:
    """Freeze the batch's allocations as published for the window; audited and on the feed."""
    return await service.announce(ctx, batch_id, body)


@router.get("/announcements", response_model=Page[AnnouncementRead], summary="Announcements, newest first")
async def list_announcements(ctx: Reader, after: str | None = None, limit: Limit = 50) -> Page[AnnouncementRead]:
    """Announcements in the caller's scope, newest first, with whether each is open today."""
    return await service.page_announcements(ctx, after, limit)


@router.post("/evaluations", response_model=EvaluationRead, status_code=201,
             summary="Record a performance evaluation of fund use (绩效评价)",
             responses=problems({404: "funds.batch_not_found: the batch named"}))
async def evaluate(body: EvaluationCreate, ctx: Finance) -> EvaluationRead:
    """Record a performance evaluation of a batch's or a project's use of funds."""
    return await service.evaluate(ctx, body)


@router.get("/evaluations", response_model=Page[EvaluationRead], summary="Evaluations, newest first")
async def list_evaluations(ctx: Reader, after: str | None = None, limit: Limit = 50) -> Page[EvaluationRead]:
    """Evaluations in the caller's scope, newest first."""
    return await service.page_evaluations(ctx, after, limit)
