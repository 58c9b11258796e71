"""Announcements of allocations (公告公示) and performance evaluations (绩效评价)."""
from typing import Annotated

from fastapi import APIRouter, Query

from contracts.funds import AnnouncementRead, EvaluationRead
from services.funds.deps import Finance, Reader
from services.funds.disclosure import service
from services.funds.disclosure.models import Announcement, Evaluation
from services.funds.disclosure.schemas import AnnouncementCreate, EvaluationCreate
from services.funds.ledger import repository as ledger
from services.kit.contract import problems
from services.kit.ids import Id
from services.kit.pagination import MAX_PAGE, Page, decode_cursor, page_of

router = APIRouter(tags=["disclosure and evaluation"])


@router.post("/batches/{batch_id}/announcements", response_model=AnnouncementRead, status_code=201,
             summary="Announce a batch's allocations publicly (公告公示)")
async def announce(batch_id: Id, body: AnnouncementCreate, ctx: Finance) -> AnnouncementRead:
    return _announcement(ctx, await service.announce(ctx, batch_id, body))


def _announcement(ctx, row: Announcement) -> AnnouncementRead:
    today = ctx.clock.today()
    return AnnouncementRead.model_validate(row).model_copy(update={"open": row.starts_on <= today <= row.ends_on})


@router.get("/announcements", response_model=Page[AnnouncementRead], summary="Announcements, newest first")
async def list_announcements(ctx: Reader, after: str | None = None,
                             limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[AnnouncementRead]:
    rows = await ledger.scoped_rows(ctx.session, Announcement, ctx.principal, decode_cursor(after), limit)
    return page_of(rows, limit, lambda r: _announcement(ctx, r))


@router.post("/evaluations", response_model=EvaluationRead, status_code=201,
             summary="Record a performance evaluation of fund use (绩效评价)",
             responses=problems({404: "funds.batch_not_found: the batch named"}))
async def evaluate(body: EvaluationCreate, ctx: Finance) -> EvaluationRead:
    return EvaluationRead.model_validate(await service.evaluate(ctx, body))


@router.get("/evaluations", response_model=Page[EvaluationRead], summary="Evaluations, newest first")
async def list_evaluations(ctx: Reader, after: str | None = None,
                           limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[EvaluationRead]:
    rows = await ledger.scoped_rows(ctx.session, Evaluation, ctx.principal, decode_cursor(after), limit)
    return page_of(rows, limit, EvaluationRead.model_validate)
