"""REST endpoints of Guangdong money (粤桂协作资金): the fund-use plan and each county's money of a year."""
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from contracts.collaboration import CountyFunds, PlanLineRead
from services.collaboration.common import CountyFilter
from services.collaboration.deps import Planner, Reader
from services.collaboration.money import service
from services.collaboration.money.schemas import PlanLineCreate
from services.collaboration.projects.router import fresh
from services.kit.contract import problems
from services.kit.idempotency import Idempotent
from services.kit.ids import IdFilter
from services.kit.pagination import MAX_PAGE, Page, decode_cursor
from services.kit.values import Year

router = APIRouter(tags=["guangdong money"])
Cursor = Annotated[str | None, Query(description="上一页返回的 next_cursor")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


@router.post("/plan-lines", response_model=PlanLineRead, status_code=201,
             summary="Plan arrived Guangdong money for a collaboration project (资金使用计划)",
             responses=problems({404: "collaboration.project_not_found",
                                 409: "collaboration.plan_exceeds_arrived / collaboration.plan_exceeds_share / "
                                      "collaboration.project_ended"}))
async def add_plan_line(entry: PlanLineCreate, ctx: Planner, once: Idempotent) -> JSONResponse:
    """Add a line; the county's plan of the year never exceeds the money arrived (checked after catching up the
    funds feed). A retry with the same Idempotency-Key answers the first line and plans nothing again."""
    await fresh(ctx.state, "funds")
    if replayed := await once.replay(entry):
        return replayed
    return await once.answer(await service.add_line(ctx, entry))


@router.get("/plan-lines", response_model=Page[PlanLineRead], summary="Lines of the fund-use plan")
async def list_plan_lines(ctx: Reader, county: CountyFilter = None, year: Year | None = None,
                          collaboration_project_id: IdFilter = None, after: Cursor = None,
                          limit: Limit = 50) -> Page[PlanLineRead]:
    """Plan lines in the caller's county, in id order."""
    return await service.lines(ctx, county, year, collaboration_project_id, decode_cursor(after), limit)


@router.get("/funds", response_model=list[CountyFunds],
            summary="Guangdong money per county of a year: committed → arrived → planned → allocated → spent")
async def county_funds(ctx: Reader, year: Year, county: CountyFilter = None) -> list[CountyFunds]:
    """Every county in the caller's scope (one when `county` is given), with rates and the days from the first
    arrival to the first spending; arrived, allocated and spent are the funds ledger's, kept from its feed."""
    return await service.funds(ctx, year, county)
