"""Bringing in existing projects (历史项目导入): all rows or none, at their state, with their dates."""
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.events.projects import ProjectImported
from services.kit.audit import audit
from services.kit.auth import Principal, out_of_scope
from services.kit.errors import conflict
from services.kit.xlsx import refuse_rows
from services.projects.deps import Ctx
from services.projects.ledger.rows import match_places
from services.projects.ledger.schemas import ExistingProject
from services.projects.library.events import publish_project
from services.projects.library.models import Project
from services.projects.library.repository import HistoryRepository, ProjectRepository
from services.projects.library.service import apply_content
from services.projects.lifecycle.codes import claim_library_codes, next_library_code
from services.projects.plans.models import PlanEntry
from services.projects.plans.repository import PlanEntryRepository
from services.projects.plans.service import open_plan
from services.projects.terms import ProjectStatus as S

_COPIED = ("admitted_on", "started_on", "progress_percent", "last_progress_on", "completed_on", "accepted_on",
           "actual_households", "actual_people", "settled_on")
_FINISHED = (S.COMPLETED, S.ACCEPTED, S.SETTLED)


def _check_scope(ctx: Ctx, rows: list[tuple[int, ExistingProject]]) -> None:
    outside = [number for number, row in rows if not ctx.principal.sees_county(row.county_code)]
    if outside:
        raise out_of_scope(f"第 {', '.join(str(n) for n in outside)} 条不属于本县区")


async def import_existing(ctx: Ctx, numbered: list[tuple[int, ExistingProject]]) -> list[Project]:
    """Store every row at its state, in its registry village; eligibility breaches are kept for the clear-out sweep,
    not refused. A place name the registry does not hold refuses the whole import, every such name reported."""
    _check_scope(ctx, numbered)
    matched, unmatched = await match_places(ctx.session, numbered)
    if unmatched:
        raise refuse_rows(unmatched)
    rows = [row for _, row, _ in matched]
    await claim_library_codes(ctx, [(row.county_code, row.admitted_on.year, row.library_code) for row in rows])
    repo, projects = ProjectRepository(ctx.session), []
    for _, row, places in matched:
        project = Project(status=row.status, submitted_by=ctx.principal.sub,
                          **{name: getattr(row, name) for name in _COPIED})
        apply_content(project, row, row.owner_org or "", places)  # ExistingProject requires it
        if row.status in _FINISHED:
            project.progress_percent = 100
        if row.plan_year is not None and row.status != S.ADMITTED:
            project.plan_year = row.plan_year
        project.library_code = row.library_code or await next_library_code(
            ctx, row.county_code, row.admitted_on.year)
        await repo.add(project)
        await _into_plan(ctx, project)
        data = {name: str(getattr(row, name)) for name in _COPIED if getattr(row, name) is not None}
        await record_import(ctx.session, ctx.principal, project, "历史项目导入", data, ctx.clock.now())
        projects.append(project)
    return projects


async def record_import(session: AsyncSession, principal: Principal, project: Project, note: str,
                        data: dict[str, str], at: datetime) -> None:
    """An entry that came in at its state (imported, or demo data): timeline step, audit record and event."""
    HistoryRepository(session).record(project.id, principal, "import", None, str(project.status), note, data, at)
    await audit(session, principal, "project.import", "project", project.id, None,
                {"status": str(project.status), "library_code": project.library_code})
    await publish_project(session, ProjectImported, project)


async def _into_plan(ctx: Ctx, project: Project) -> None:
    if project.plan_year is None:
        return
    try:
        plan = await open_plan(ctx, project.county_code, project.plan_year)
    except Exception as exc:  # a closed plan: the row cannot be placed in it
        raise conflict("plan.closed", f"{project.plan_year} 年度计划已关闭，不能导入到该计划") from exc
    entry = PlanEntry(plan_id=plan.id, project_id=project.id, added_on=project.admitted_on,
                      added_by=ctx.principal.sub, added_via="import", added_reason="历史项目导入")
    await PlanEntryRepository(ctx.session).add(entry)
