"""Guangdong money (粤桂协作资金): the fund-use plan, never beyond the money arrived, and the per-county figures."""
from typing import Any

from contracts.collaboration import CountyFunds, PlanLineRead
from contracts.events.collaboration import PlanLineAdded
from services.collaboration.agreements.repository import AgreementRepository
from services.collaboration.money.models import PlanLine
from services.collaboration.money.repository import GuangdongMoney, PlanLineRepository
from services.collaboration.money.schemas import PlanLineCreate, county_funds, plan_line_read
from services.collaboration.projects import service as projects
from services.collaboration.projects.repository import CollaborationProjectRepository
from services.collaboration.terms import money
from services.kit.audit import audit
from services.kit.context import RequestContext
from services.kit.counties import COUNTIES
from services.kit.errors import conflict
from services.kit.outbox import Scope, publish
from services.kit.pagination import Page, page_of


async def add_line(ctx: RequestContext[Any], entry: PlanLineCreate) -> PlanLineRead:
    """Plan money for a collaboration project of the caller's county.

    The county's plan for the year may never exceed the Guangdong money arrived (409
    collaboration.plan_exceeds_arrived), nor a project's plan its Guangdong share (409
    collaboration.plan_exceeds_share); an entry cleared, cancelled or rejected gets nothing (409
    collaboration.project_ended).
    """
    repo = PlanLineRepository(ctx.session)
    project = await projects.get(ctx, entry.collaboration_project_id)
    ctx.check_county(project.county_code, "只能安排本县区的资金使用计划")
    library = await CollaborationProjectRepository(ctx.session).entry(project.project_id)
    if library is not None and library.status in projects.ENDED:
        raise conflict("collaboration.project_ended",
                       f"项目“{library.name}”已终结（{library.status}），不能再安排资金")
    county = project.county_code
    await repo.take_turn(county, entry.year)
    arrived = (await GuangdongMoney(ctx.session).arrived(entry.year, county)).get(county, (money(None), None))[0]
    planned = await repo.planned(county, entry.year)
    if planned + entry.amount > arrived:
        raise conflict("collaboration.plan_exceeds_arrived",
                       f"资金使用计划不能超过已到位的广东资金：已到位 {arrived} 元，已安排 {planned} 元，"
                       f"本次 {entry.amount} 元", arrived=str(arrived), planned=str(planned))
    for_project = await repo.planned(county, entry.year, project.id)
    if for_project + entry.amount > project.guangdong_share:
        raise conflict("collaboration.plan_exceeds_share",
                       f"该项目的计划安排不能超过其广东资金份额 {project.guangdong_share} 元"
                       f"（已安排 {for_project} 元）",
                       share=str(project.guangdong_share), planned=str(for_project))
    row = await repo.add(PlanLine(collaboration_project_id=project.id, project_id=project.project_id,
                                  county_code=county, year=entry.year, amount=entry.amount, purpose=entry.purpose,
                                  created_by=ctx.principal.sub))
    read = plan_line_read(row)
    await audit(ctx.session, ctx.principal, "plan_line.add", "plan_line", row.id, None, read.model_dump(mode="json"))
    await publish(ctx.session, PlanLineAdded(
        plan_line_id=row.id, collaboration_project_id=project.id, project_id=project.project_id, county_code=county,
        year=row.year, amount=row.amount, purpose=row.purpose), Scope(county))
    return read


async def funds(ctx: RequestContext[Any], year: int, county: str | None) -> list[CountyFunds]:
    """Each county's money of the year in the caller's scope, from four grouped statements (no upstream call)."""
    county = ctx.principal.county or county
    money_of = GuangdongMoney(ctx.session)
    committed = await AgreementRepository(ctx.session).committed(ctx.principal, year, county)
    arrived, moved = await money_of.arrived(year, county), await money_of.moved(year, county)
    planned = await money_of.planned(year, county)
    counties = [c for c in COUNTIES if county in (None, c)]
    zero = money(None)
    return [county_funds(c, year, committed.get(c, zero), arrived.get(c, (zero, None)), planned.get(c, zero),
                         moved.get(c, (zero, zero, None))) for c in counties]


async def lines(ctx: RequestContext[Any], county: str | None, year: int | None, collaboration_project_id: int | None,
                after: int | None, limit: int) -> Page[PlanLineRead]:
    """A page of the plan lines in the caller's scope, in id order."""
    rows = await PlanLineRepository(ctx.session).list_page(ctx.principal, county, year, collaboration_project_id,
                                                           after, limit)
    return page_of(rows, limit, plan_line_read)
