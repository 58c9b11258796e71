"""REST endpoints of rectification cases, the overdue list and the weekly notice."""
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Response

from contracts.enums import CaseStatus
from contracts.funds import CaseRead, CountyNotice, WeeklyNotice
from services.funds.deps import CaseOpener, Finance, Reader
from services.funds.rectification import repository as repo
from services.funds.rectification import service
from services.funds.rectification.schemas import CaseClose, CaseCreate
from services.kit.concurrency import IfMatch, etag
from services.kit.contract import problems
from services.kit.ids import Id, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page, decode_cursor, page_of
from services.kit.values import Day

router = APIRouter(prefix="/rectification-cases", tags=["rectification"])


@router.post("", response_model=CaseRead, status_code=201, summary="Open a rectification case (立项整改)",
             responses=problems({404: "funds.batch_not_found / funds.allocation_not_found: the item named",
                                 409: "funds.not_idle, funds.case_exists"}))
async def open_case(body: CaseCreate, ctx: CaseOpener) -> CaseRead:
    return service.read(ctx, await service.open_case(ctx, body))


@router.get("", response_model=Page[CaseRead],
            summary="Cases in scope, newest first; overdue=true lists the overdue ones")
async def list_cases(ctx: Reader, county: str | None = None, status: CaseStatus | None = None,
                     overdue: bool = False,
                     project_ids: IdList = None,
                     after: str | None = None, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[CaseRead]:
    ids = tuple(ids_of(project_ids)) if project_ids else None
    rows = await repo.page(ctx.session, ctx.principal, county, status, ctx.clock.today() if overdue else None, ids,
                           decode_cursor(after), limit)
    return page_of(rows, limit, lambda c: service.read(ctx, c))


@router.post("/sweep", response_model=list[CaseRead], status_code=201,
             summary="Open a case for every idle item that has none (闲置资金逐笔立项整改)")
async def sweep_cases(ctx: Finance) -> list[CaseRead]:
    return [service.read(ctx, c) for c in await service.sweep(ctx)]


@router.get("/weekly-notice", response_model=WeeklyNotice, summary="Weekly notice per county (每周通报)")
async def weekly_notice(ctx: Reader, week_end: Day | None = None) -> WeeklyNotice:
    end = week_end or ctx.clock.today()
    start = end - timedelta(days=6)
    rows = await repo.weekly(ctx.session, ctx.principal, start, end)
    counties = [CountyNotice(county_code=c, new=n, overdue=o, closed=d) for c, n, o, d in rows]
    return WeeklyNotice(week_start=start, week_end=end, counties=counties)


def _answer(ctx, case, response: Response) -> CaseRead:
    response.headers["ETag"] = etag(case.version)
    return service.read(ctx, case)


@router.get("/{case_id}", response_model=CaseRead, summary="One case, with its version as ETag")
async def get_case(case_id: Id, ctx: Reader, response: Response) -> CaseRead:
    return _answer(ctx, await service.load(ctx, case_id), response)


@router.post("/{case_id}/start", response_model=CaseRead,
             summary="Start rectifying (整改中); If-Match with the version read")
async def start_case(case_id: Id, ctx: Finance, version: IfMatch, response: Response) -> CaseRead:
    return _answer(ctx, await service.start(ctx, case_id, version), response)


@router.post("/{case_id}/close", response_model=CaseRead,
             responses=problems({409: "funds.rectification_unresolved: the money has not moved yet"}),
             summary="Close (销号) — 409 funds.rectification_unresolved until the money has moved; If-Match")
async def close_case(case_id: Id, body: CaseClose, ctx: Finance, version: IfMatch, response: Response) -> CaseRead:
    return _answer(ctx, await service.close(ctx, case_id, body, version), response)
