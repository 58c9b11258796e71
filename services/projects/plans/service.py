"""Rolling annual plans (滚动实施): schedule, roll over unfinished entries, fourth-quarter adjustments; ending an
entry early, which takes it out of its open plans."""
from contracts.enums import PlanChange
from contracts.events.projects import AnnualPlanChanged
from contracts.projects import PlanEntryRead, PlanMembership, PlanRead
from services.kit.audit import audit
from services.kit.concurrency import check_version
from services.kit.errors import DomainError, FieldError, conflict, not_found, unprocessable
from services.kit.outbox import Scope, publish
from services.projects.deps import Ctx
from services.projects.library.models import Project
from services.projects.lifecycle.service import guard, load, record, snapshot, transition
from services.projects.lifecycle.transitions import Action
from services.projects.plans.models import AnnualPlan, PlanEntry
from services.projects.plans.repository import AnnualPlanRepository, PlanEntryRepository
from services.projects.terms import PlanStatus
from services.projects.terms import ProjectStatus as S

UNFINISHED = (S.PLANNED, S.STARTED)


async def _publish(ctx: Ctx, plan: AnnualPlan, change: PlanChange) -> None:
    """Audit a plan's change and put it on the feed, read in its county (owners follow their entries' events)."""
    await audit(ctx.session, ctx.principal, f"plan.{change}", "annual_plan", plan.id, None,
                {"county_code": plan.county_code, "year": plan.year, "status": plan.status, "version": plan.version})
    await publish(ctx.session, AnnualPlanChanged(plan_id=plan.id, county_code=plan.county_code, year=plan.year,
                                                 plan_status=plan.status, change=change), Scope(plan.county_code))


async def open_plan(ctx: Ctx, county: str, year: int) -> AnnualPlan:
    """The county's plan for the year, created if missing; 409 when it is closed (read-only)."""
    plans = AnnualPlanRepository(ctx.session)
    plan = await plans.find(county, year, ctx.principal)
    if plan is None:
        plan = await plans.add(AnnualPlan(county_code=county, year=year, status=str(PlanStatus.OPEN)))
        await _publish(ctx, plan, PlanChange.OPENED)
    if plan.status != PlanStatus.OPEN:
        raise conflict("plan.closed", f"{year} 年度计划已关闭，只能查看", plan_year=year)
    return plan


async def _add(ctx: Ctx, plan: AnnualPlan, project: Project, via: str, reason: str | None) -> None:
    entries = PlanEntryRepository(ctx.session)
    if await entries.membership(plan.id, project.id) is not None:
        raise conflict("plan.entry_exists", f"项目 {project.id} 已在 {plan.year} 年度计划中（每个计划只能列入一次）")
    await entries.add(PlanEntry(plan_id=plan.id, project_id=project.id, added_on=ctx.clock.today(),
                                added_by=ctx.principal.sub, added_via=via, added_reason=reason))
    project.plan_year = plan.year


async def schedule(ctx: Ctx, project_id: int, version: int | None, year: int, via: str = "schedule",
                   reason: str | None = None) -> Project:
    """Put an admitted entry into its county's plan for the year."""
    project = await load(ctx, project_id, version)
    guard(ctx, project, Action.SCHEDULE)  # the entry's state and the caller's role first, then the plan
    if year < project.planned_start_year - 1:
        raise unprocessable("request.invalid", "计划年度早于项目计划开工年度", [FieldError("year", "早于计划开工年度")])
    plan = await open_plan(ctx, project.county_code, year)
    project = await transition(ctx, project_id, version, Action.SCHEDULE, reason, {"plan_year": year, "via": via})
    await _add(ctx, plan, project, via, reason)
    await ctx.session.flush()
    return project


async def leave_open_plans(ctx: Ctx, project: Project, reason: str) -> None:
    """Take an ended entry out of every open plan it is in."""
    for entry in await PlanEntryRepository(ctx.session).open_memberships(project.id):
        entry.removed_on, entry.removed_by, entry.removed_reason = ctx.clock.today(), ctx.principal.sub, reason
    await ctx.session.flush()


async def _plan_for_change(ctx: Ctx, county: str, year: int, version: int) -> AnnualPlan:
    ctx.check_county(county, "只能管理本县区的年度计划")
    plan = await AnnualPlanRepository(ctx.session).find(county, year, ctx.principal)
    if plan is None:
        raise not_found("plan.not_found", f"{county} 没有 {year} 年度计划")
    check_version(version, plan.version)
    if plan.status != PlanStatus.OPEN:
        raise conflict("plan.closed", f"{year} 年度计划已关闭，只能查看", plan_year=year)
    return plan


async def roll_over(ctx: Ctx, county: str, year: int, version: int) -> PlanRead:
    """Close year N and carry every unfinished entry into year N+1, keeping the history."""
    plan = await _plan_for_change(ctx, county, year, version)
    today = ctx.clock.today()
    if today.year <= year:  # what is unfinished is only known once the year is over
        raise conflict("plan.year_not_over", f"{year} 年度尚未结束，{year + 1} 年 1 月 1 日起方可滚动转入下一年度",
                       plan_year=year, today=today.isoformat())
    following = await open_plan(ctx, county, year + 1)
    for project in await PlanEntryRepository(ctx.session).active_projects(plan.id):
        if project.status not in UNFINISHED:
            continue
        before = snapshot(project)
        await _add(ctx, following, project, "rollover", f"{year} 年未完成，滚动转入 {year + 1} 年")
        await record(ctx, project, Action.ROLLOVER, before, None, {"from_year": year, "to_year": year + 1})
    plan.status, plan.closed_at = str(PlanStatus.CLOSED), ctx.clock.now()
    plan.updated_at = plan.closed_at
    await ctx.session.flush()
    await _publish(ctx, plan, PlanChange.ROLLED_OVER)
    return await plan_read(ctx, following)


def _check_adjustment_window(ctx: Ctx, year: int) -> None:
    today = ctx.clock.today()
    start_month = ctx.settings.adjustment_from_month
    if today.year != year or today.month < start_month:
        raise conflict("plan.outside_adjustment_window",
                       f"年度计划调整只能在 {year} 年 {start_month} 月 1 日至 12 月 31 日（第四季度）进行",
                       plan_year=year)


async def adjust(ctx: Ctx, county: str, year: int, version: int, add: list[int], remove: list[int],
                 reason: str) -> PlanRead:
    """Fourth-quarter adjustment (第四季度调整): add admitted entries, take out entries not yet started."""
    plan = await _plan_for_change(ctx, county, year, version)
    _check_adjustment_window(ctx, year)
    for project_id in remove:
        guard(ctx, await load(ctx, project_id, None), Action.UNSCHEDULE)  # a started or ended entry: 409 first
        entry = await PlanEntryRepository(ctx.session).membership(plan.id, project_id)
        if entry is None or entry.removed_on is not None:
            raise conflict("plan.entry_missing", f"项目 {project_id} 不在 {year} 年度计划中")

        def unplan(p: Project, _target: S) -> None:
            p.plan_year = None

        await transition(ctx, project_id, None, Action.UNSCHEDULE, reason, {"plan_year": year}, unplan)
        entry.removed_on, entry.removed_by, entry.removed_reason = ctx.clock.today(), ctx.principal.sub, reason
    for project_id in add:
        project = await load(ctx, project_id, None)
        if project.county_code != county:
            raise DomainError(403, "auth.out_of_scope", f"项目 {project_id} 不属于该县区")
        await schedule(ctx, project_id, None, year, "adjustment", reason)
    plan.updated_at = ctx.clock.now()  # touching the row bumps its version: concurrent adjustments get 412
    await ctx.session.flush()
    await _publish(ctx, plan, PlanChange.ADJUSTED)
    return await plan_read(ctx, plan)


async def end_early(ctx: Ctx, project_id: int, version: int, action: Action, reason: str) -> Project:
    """Cancel as infeasible (无法实施) or clear out (清理出库): final, with a reason; leaves any open plan."""
    def change(p: Project, _target: S) -> None:
        p.ended_on, p.end_reason = ctx.clock.today(), reason

    project = await transition(ctx, project_id, version, action, reason, change=change)
    await leave_open_plans(ctx, project, reason)
    return project


async def plan_read(ctx: Ctx, plan: AnnualPlan) -> PlanRead:
    """A plan with every entry it has had."""
    rows = await PlanEntryRepository(ctx.session).with_projects(plan.id, ctx.principal)
    entries = [PlanEntryRead(project_name=name, project_status=status,
                             **{k: getattr(e, k) for k in PlanEntryRead.model_fields
                                if k not in ("project_name", "project_status")})
               for e, name, status in rows]
    return PlanRead.model_validate(plan, from_attributes=True).model_copy(update={"entries": entries})


async def list_plans(ctx: Ctx, county: str | None, year: int | None) -> list[PlanRead]:
    """Plans in the caller's scope, newest year first, without their entries."""
    plans = await AnnualPlanRepository(ctx.session).listed(ctx.principal, county, year)
    return [PlanRead.model_validate(p, from_attributes=True) for p in plans]


async def read_plan(ctx: Ctx, county: str, year: int) -> PlanRead:
    """One plan with its entries; 404 when there is none or it is outside the caller's county."""
    plan = await AnnualPlanRepository(ctx.session).find(county, year, ctx.principal)
    if plan is None:
        raise not_found("plan.not_found", f"{county} 没有 {year} 年度计划")
    return await plan_read(ctx, plan)


async def plans_of_project(ctx: Ctx, project_id: int) -> list[PlanMembership]:
    """Every plan an entry has been in (滚动历史); 404 when the caller may not see the entry."""
    await load(ctx, project_id, None)
    rows = await PlanEntryRepository(ctx.session).memberships(project_id, ctx.principal)
    return [PlanMembership(year=p.year, plan_status=p.status, added_via=e.added_via, added_on=e.added_on,
                           removed_on=e.removed_on, removed_reason=e.removed_reason) for e, p in rows]
