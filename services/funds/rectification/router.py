"""REST endpoints of rectification cases, the overdue list and the weekly notice."""
from typing import Annotated

from fastapi import APIRouter, Query, Response

from contracts.enums import CaseStatus
from contracts.funds import CaseRead, WeeklyNotice
from services.funds.deps import CaseOpener, Finance, Reader
from services.funds.rectification import service
from services.funds.rectification.schemas import CaseClose, CaseCreate
from services.kit.concurrency import IfMatch, etag
from services.kit.contract import problems
from services.kit.ids import Id, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page
from services.kit.values import Day

router = APIRouter(prefix="/rectification-cases", tags=["rectification"])


@router.post("", response_model=CaseRead, status_code=201, summary="Open a rectification case (立项整改)",
             responses=problems({404: "funds.batch_not_found / funds.allocation_not_found: the item named",
                                 409: "funds.not_idle, funds.case_exists"}))
async def open_case(body: CaseCreate, ctx: CaseOpener) -> CaseRead:
    """Open a case for an idle item or a finding; an idle case takes the item's class and amount."""
    return await service.open_case(ctx, body)


@router.get("", response_model=Page[CaseRead],
            summary="Cases in scope, newest first; overdue=true lists the overdue ones")
async def list_cases(ctx: Reader, county: str | None = None, status: CaseStatus | None = None,
                     overdue: bool = False,
                     project_ids: IdList = None,
                     after: str | None = None, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page[CaseRead]:
    """Cases in the caller's scope, newest first."""
    ids = tuple(ids_of(project_ids)) if project_ids else None
    return await service.page_cases(ctx, county, status, overdue, ids, after, limit)


@router.post("/sweep", response_model=list[CaseRead], status_code=201,
             summary="Open a case for every idle item that has none (闲置资金逐笔立项整改)")
async def sweep_cases(ctx: Finance) -> list[CaseRead]:
    """Open a case for every idle item in the caller's scope that has none open."""
    return await service.sweep(ctx)


@router.get("/weekly-notice", response_model=WeeklyNotice, summary="Weekly notice per county (每周通报)")
async def weekly_notice(ctx: Reader, week_end: Day | None = None) -> WeeklyNotice:
    """New, overdue and closed cases per county in the week ending `week_end` (default today)."""
    return await service.weekly_notice(ctx, week_end)


def _tagged(case: CaseRead, response: Response) -> CaseRead:
    response.headers["ETag"] = etag(case.version)
    return case


@router.get("/{case_id}", response_model=CaseRead, summary="One case, with its version as ETag")
async def get_case(case_id: Id, ctx: Reader, response: Response) -> CaseRead:
    """One case, with its version as ETag for the next If-Match."""
    return _tagged(await service.one_case(ctx, case_id), response)


@router.post("/{case_id}/start", response_model=CaseRead,
             summary="Start rectifying (整改中); If-Match with the version read")
async def start_case(case_id: Id, ctx: Finance, version: IfMatch, response: Response) -> CaseRead:
    """Move an open case to rectifying, if nobody changed it since the version read."""
    return _tagged(await service.start(ctx, case_id, version), response)


@router.post("/{case_id}/close", response_model=CaseRead,
             responses=problems({409: "funds.rectification_unresolved: the money has not moved yet"}),
             summary="Close (销号) — 409 funds.rectification_unresolved until the money has moved; If-Match")
async def close_case(case_id: Id, body: CaseClose, ctx: Finance, version: IfMatch, response: Response) -> CaseRead:
    """Close a case once its money has moved, if nobody changed it since the version read."""
    return _tagged(await service.close(ctx, case_id, body, version), response)
