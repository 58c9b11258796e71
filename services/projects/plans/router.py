"""REST endpoints of the rolling annual plans, and the actions on an entry that change its plans."""
from fastapi import APIRouter, Response

from contracts.projects import PlanMembership, PlanRead, ProjectRead
from services.kit.concurrency import IfMatch, etag
from services.kit.ids import Id
from services.kit.values import Year
from services.projects.deps import Actor, CountyOffice
from services.projects.lifecycle.router import REFUSALS, answer
from services.projects.lifecycle.schemas import ReasonIn, ScheduleIn
from services.projects.lifecycle.transitions import Action
from services.projects.plans import service
from services.projects.plans.schemas import AdjustmentIn

router = APIRouter(tags=["annual plans"])
# Scheduling and ending an entry are actions on the entry, documented with the other actions.
entry_router = APIRouter(prefix="/projects", tags=["review, plans and follow-up"])


def _with_etag(response: Response, plan: PlanRead) -> PlanRead:
    response.headers["ETag"] = etag(plan.version)
    return plan


@router.get("/plans", response_model=list[PlanRead], summary="Annual plans in scope (without entries)")
async def list_plans(ctx: Actor, county: str | None = None, year: Year | None = None) -> list[PlanRead]:
    """Plans in the caller's scope, without their entries."""
    return await service.list_plans(ctx, county, year)


@router.get("/plans/{county}/{year}", response_model=PlanRead, summary="One plan with its entries")
async def get_plan(county: str, year: Year, ctx: Actor, response: Response) -> PlanRead:
    """One plan with its entries and its ETag."""
    return _with_etag(response, await service.read_plan(ctx, county, year))


@router.post("/plans/{county}/{year}/rollover", response_model=PlanRead,
             summary="Close year N and carry unfinished entries into N+1 (滚动实施); answers the N+1 plan")
async def roll_over(county: str, year: Year, ctx: CountyOffice, version: IfMatch, response: Response) -> PlanRead:
    """Year N closed, its unfinished entries carried into N+1; answers the N+1 plan."""
    return _with_etag(response, await service.roll_over(ctx, county, year, version))


@router.post("/plans/{county}/{year}/adjustments", response_model=PlanRead,
             summary="Fourth-quarter adjustment: add or remove entries with a reason (第四季度调整)")
async def adjust(county: str, year: Year, body: AdjustmentIn, ctx: CountyOffice, version: IfMatch,
                 response: Response) -> PlanRead:
    """A fourth-quarter adjustment of an open plan."""
    return _with_etag(response, await service.adjust(ctx, county, year, version, body.add, body.remove, body.reason))


@router.get("/projects/{project_id}/plans", response_model=list[PlanMembership],
            summary="Every plan an entry has been in (滚动历史)")
async def plans_of_project(project_id: Id, ctx: Actor) -> list[PlanMembership]:
    """Every plan the entry has been in."""
    return await service.plans_of_project(ctx, project_id)


@entry_router.post("/{project_id}/schedule", response_model=ProjectRead, responses=REFUSALS,
                   summary="Schedule into the county's annual plan (列入年度计划)")
async def schedule_project(project_id: Id, body: ScheduleIn, ctx: Actor, version: IfMatch,
                           response: Response) -> ProjectRead:
    """The admitted entry scheduled into its county's plan for a year."""
    return answer(response, await service.schedule(ctx, project_id, version, body.year))


@entry_router.post("/{project_id}/cancel", response_model=ProjectRead, responses=REFUSALS,
                   summary="Cancel as infeasible (无法实施)")
async def cancel_project(project_id: Id, body: ReasonIn, ctx: Actor, version: IfMatch,
                         response: Response) -> ProjectRead:
    """The entry cancelled as infeasible, out of its open plans."""
    return answer(response, await service.end_early(ctx, project_id, version, Action.CANCEL, body.reason))


@entry_router.post("/{project_id}/clear", response_model=ProjectRead, responses=REFUSALS,
                   summary="Clear out (清理出库)")
async def clear_project(project_id: Id, body: ReasonIn, ctx: Actor, version: IfMatch,
                        response: Response) -> ProjectRead:
    """The entry cleared out, out of its open plans."""
    return answer(response, await service.end_early(ctx, project_id, version, Action.CLEAR, body.reason))
