"""REST endpoints of the rolling annual plans."""
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy import select

from services.kit.auth import Principal, Role, allow
from services.kit.concurrency import IfMatch, etag
from services.kit.errors import not_found
from services.projects.deps import Actor, Ctx
from services.projects.library.models import Project
from services.projects.lifecycle.service import load
from services.projects.plans import service
from services.projects.plans.models import AnnualPlan, PlanEntry
from services.projects.plans.schemas import AdjustmentIn, PlanEntryRead, PlanMembership, PlanRead

router = APIRouter(tags=["annual plans (年度计划)"])
CountyOffice = Annotated[Principal, Depends(allow(Role.COUNTY_OFFICE))]


async def plan_read(ctx: Ctx, plan: AnnualPlan, response: Response | None = None) -> PlanRead:
    """A plan with every entry it has had."""
    rows = (await ctx.session.execute(
        select(PlanEntry, Project.name, Project.status).join(Project, Project.id == PlanEntry.project_id)
        .where(PlanEntry.plan_id == plan.id).order_by(PlanEntry.id))).all()
    entries = [PlanEntryRead(project_name=name, project_status=str(status),
                             **{k: getattr(e, k) for k in PlanEntryRead.model_fields
                                if k not in ("project_name", "project_status")})
               for e, name, status in rows]
    if response is not None:
        response.headers["ETag"] = etag(plan.version)
    return PlanRead.model_validate(plan, from_attributes=True).model_copy(update={"entries": entries})


@router.get("/plans", response_model=list[PlanRead], summary="Annual plans in scope (without entries)")
async def list_plans(ctx: Actor, county: str | None = None,
                     year: Annotated[int | None, Query(ge=2014, le=2035)] = None):
    query = select(AnnualPlan).order_by(AnnualPlan.year.desc(), AnnualPlan.county_code).limit(500)
    if ctx.principal.county:
        query = query.where(AnnualPlan.county_code == ctx.principal.county)
    if county:
        query = query.where(AnnualPlan.county_code == county)
    if year:
        query = query.where(AnnualPlan.year == year)
    return [PlanRead.model_validate(p, from_attributes=True) for p in (await ctx.session.scalars(query)).all()]


async def _plan(ctx: Ctx, county: str, year: int) -> AnnualPlan:
    plan = await service.find_plan(ctx, county, year)
    if plan is None or not ctx.principal.sees_county(county):
        raise not_found("plan.not_found", f"{county} 没有 {year} 年度计划")
    return plan


@router.get("/plans/{county}/{year}", response_model=PlanRead, summary="One plan with its entries")
async def get_plan(county: str, year: int, ctx: Actor, response: Response):
    return await plan_read(ctx, await _plan(ctx, county, year), response)


@router.post("/plans/{county}/{year}/rollover", response_model=PlanRead,
             summary="Close year N and carry unfinished entries into N+1 (滚动实施); answers the N+1 plan")
async def roll_over(county: str, year: int, ctx: Actor, _: CountyOffice, version: IfMatch, response: Response):
    return await plan_read(ctx, await service.roll_over(ctx, county, year, version), response)


@router.post("/plans/{county}/{year}/adjustments", response_model=PlanRead,
             summary="Fourth-quarter adjustment: add or remove entries with a reason (第四季度调整)")
async def adjust(county: str, year: int, body: AdjustmentIn, ctx: Actor, _: CountyOffice, version: IfMatch,
                 response: Response):
    plan = await service.adjust(ctx, county, year, version, body.add, body.remove, body.reason)
    return await plan_read(ctx, plan, response)


@router.get("/projects/{project_id}/plans", response_model=list[PlanMembership],
            summary="Every plan an entry has been in (滚动历史)")
async def plans_of_project(project_id: int, ctx: Actor):
    await load(ctx, project_id, None)
    rows = (await ctx.session.execute(
        select(PlanEntry, AnnualPlan).join(AnnualPlan, AnnualPlan.id == PlanEntry.plan_id)
        .where(PlanEntry.project_id == project_id).order_by(AnnualPlan.year, PlanEntry.id))).all()
    return [PlanMembership(year=p.year, plan_status=p.status, added_via=e.added_via, added_on=e.added_on,
                           removed_on=e.removed_on, removed_reason=e.removed_reason) for e, p in rows]
