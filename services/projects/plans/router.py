"""REST endpoints of the rolling annual plans."""
from typing import Annotated

from fastapi import APIRouter, Depends, Response

from contracts.projects import PlanEntryRead, PlanMembership, PlanRead
from services.kit.auth import Principal, Role, allow
from services.kit.concurrency import IfMatch, etag
from services.kit.errors import not_found
from services.kit.ids import Id
from services.kit.values import Year
from services.projects.deps import Actor, Ctx
from services.projects.lifecycle.service import load
from services.projects.plans import repository, service
from services.projects.plans.models import AnnualPlan
from services.projects.plans.schemas import AdjustmentIn

router = APIRouter(tags=["annual plans"])
CountyOffice = Annotated[Principal, Depends(allow(Role.COUNTY_OFFICE))]


async def plan_read(ctx: Ctx, plan: AnnualPlan, response: Response | None = None) -> PlanRead:
    """A plan with every entry it has had."""
    rows = await repository.entries_with_projects(ctx.session, plan.id)
    entries = [PlanEntryRead(project_name=name, project_status=status,
                             **{k: getattr(e, k) for k in PlanEntryRead.model_fields
                                if k not in ("project_name", "project_status")})
               for e, name, status in rows]
    if response is not None:
        response.headers["ETag"] = etag(plan.version)
    return PlanRead.model_validate(plan, from_attributes=True).model_copy(update={"entries": entries})


@router.get("/plans", response_model=list[PlanRead], summary="Annual plans in scope (without entries)")
async def list_plans(ctx: Actor, county: str | None = None,
                     year: Year | None = None):
    plans = await repository.list_plans(ctx.session, ctx.principal.county, county, year)
    return [PlanRead.model_validate(p, from_attributes=True) for p in plans]


async def _plan(ctx: Ctx, county: str, year: int) -> AnnualPlan:
    plan = await repository.find_plan(ctx.session, county, year)
    if plan is None or not ctx.principal.sees_county(county):
        raise not_found("plan.not_found", f"{county} 没有 {year} 年度计划")
    return plan


@router.get("/plans/{county}/{year}", response_model=PlanRead, summary="One plan with its entries")
async def get_plan(county: str, year: Year, ctx: Actor, response: Response):
    return await plan_read(ctx, await _plan(ctx, county, year), response)


@router.post("/plans/{county}/{year}/rollover", response_model=PlanRead,
             summary="Close year N and carry unfinished entries into N+1 (滚动实施); answers the N+1 plan")
async def roll_over(county: str, year: Year, ctx: Actor, _: CountyOffice, version: IfMatch, response: Response):
    return await plan_read(ctx, await service.roll_over(ctx, county, year, version), response)


@router.post("/plans/{county}/{year}/adjustments", response_model=PlanRead,
             summary="Fourth-quarter adjustment: add or remove entries with a reason (第四季度调整)")
async def adjust(county: str, year: Year, body: AdjustmentIn, ctx: Actor, _: CountyOffice, version: IfMatch,
                 response: Response):
    plan = await service.adjust(ctx, county, year, version, body.add, body.remove, body.reason)
    return await plan_read(ctx, plan, response)


@router.get("/projects/{project_id}/plans", response_model=list[PlanMembership],
            summary="Every plan an entry has been in (滚动历史)")
async def plans_of_project(project_id: Id, ctx: Actor):
    await load(ctx, project_id, None)
    rows = await repository.memberships(ctx.session, project_id)
    return [PlanMembership(year=p.year, plan_status=p.status, added_via=e.added_via, added_on=e.added_on,
                           removed_on=e.removed_on, removed_reason=e.removed_reason) for e, p in rows]
