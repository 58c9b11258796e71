"""Review and admission (入库审批): decisions at each step, revision, public notice, objections, admission."""
from datetime import timedelta

from services.kit.errors import FieldError, conflict, not_found, unprocessable
from services.projects.deps import Ctx
from services.projects.library.models import Project
from services.projects.library.repository import ProjectRepository
from services.projects.library.schemas import ProjectCreate
from services.projects.library.service import apply_content, check_submission, places_of
from services.projects.lifecycle.codes import next_library_code
from services.projects.lifecycle.models import Objection
from services.projects.lifecycle.repository import ObjectionRepository
from services.projects.lifecycle.schemas import Decision, ObjectionOutcome
from services.projects.lifecycle.service import guard, load, record, snapshot, transition
from services.projects.lifecycle.transitions import Action
from services.projects.terms import ObjectionStatus
from services.projects.terms import ProjectStatus as S

_DECISION_ACTION = {Decision.APPROVE: Action.APPROVE, Decision.RETURN: Action.RETURN, Decision.REJECT: Action.REJECT}


async def review(ctx: Ctx, project_id: int, version: int, decision: Decision, opinion: str) -> Project:
    """Decide the current review step; returning or rejecting needs an opinion."""
    if decision != Decision.APPROVE and not opinion.strip():
        raise unprocessable("request.invalid", "退回或不予入库须写明意见", [FieldError("opinion", "必填项缺失")])
    action = _DECISION_ACTION[decision]
    step: dict[str, str] = {}

    def change(project: Project, target: S) -> None:
        step["step"] = str(project.status)
        if action == Action.RETURN:
            project.returned_from = project.status
        if target == S.REJECTED:
            project.ended_on, project.end_reason = ctx.clock.today(), opinion
        if target == S.ANNOUNCED:  # 公示: notice_days calendar days including today
            today = ctx.clock.today()
            project.notice_starts_on = today
            project.notice_ends_on = today + timedelta(days=ctx.settings.notice_days - 1)
            step["notice_ends_on"] = project.notice_ends_on.isoformat()

    return await transition(ctx, project_id, version, action, opinion, step, change)


async def edit(ctx: Ctx, project_id: int, version: int, entry: ProjectCreate) -> Project:
    """The owner revises a returned entry; the hard rule applies again."""
    project = await load(ctx, project_id, version)
    guard(ctx, project, Action.EDIT)
    places = await places_of(ctx, entry)
    await check_submission(ctx, entry, places, exclude_id=project.id)
    before = snapshot(project)
    apply_content(project, entry, project.owner_org, places)
    await ProjectRepository(ctx.session).link_natural_villages(project)
    await record(ctx, project, Action.EDIT, before)
    return project


async def resubmit(ctx: Ctx, project_id: int, version: int, note: str) -> Project:
    """Back to the step that returned it."""
    def change(project: Project, _target: S) -> None:
        project.returned_from = None

    return await transition(ctx, project_id, version, Action.RESUBMIT, note, change=change)


def _notice_open(ctx: Ctx, project: Project) -> bool:
    return project.notice_ends_on is not None and ctx.clock.today() <= project.notice_ends_on


async def lodge_objection(ctx: Ctx, project_id: int, reason: str) -> Objection:
    """Any signed-in role (not external systems) objects inside the notice window."""
    project = await load(ctx, project_id, None)
    guard(ctx, project, Action.OBJECT)
    if not _notice_open(ctx, project):
        raise conflict("project.notice_closed", f"公示期已于 {project.notice_ends_on} 结束，不能再提出异议")
    objection = Objection(project_id=project.id, lodged_by=ctx.principal.sub, lodged_role=str(ctx.principal.role),
                          reason=reason, lodged_at=ctx.clock.now())
    await ObjectionRepository(ctx.session).add(objection)
    await record(ctx, project, Action.OBJECT, snapshot(project), reason, {"objection_id": objection.id})
    return objection


async def objections(ctx: Ctx, project_id: int) -> list[Objection]:
    """The entry's objections, oldest first; 404 when the caller may not see the entry."""
    await load(ctx, project_id, None)
    return await ObjectionRepository(ctx.session).of_project(project_id, ctx.principal)


async def resolve_objection(ctx: Ctx, project_id: int, version: int, objection_id: int,
                            outcome: ObjectionOutcome, resolution: str) -> Project:
    """The county office upholds (entry rejected) or dismisses an open objection."""
    project = await load(ctx, project_id, version)
    guard(ctx, project, Action.RESOLVE_OBJECTION)
    objection = await ObjectionRepository(ctx.session).get(objection_id, ctx.principal)
    if objection is None or objection.project_id != project.id:
        raise not_found("objection.not_found", f"异议 {objection_id} 不存在")
    if objection.status != ObjectionStatus.OPEN:
        raise conflict("objection.already_resolved", "该异议已处理")
    before = snapshot(project)
    objection.status = str(outcome)
    objection.resolved_by, objection.resolved_at, objection.resolution = ctx.principal.sub, ctx.clock.now(), resolution
    if outcome == ObjectionOutcome.UPHELD:
        project.status = S.REJECTED
        project.ended_on, project.end_reason = ctx.clock.today(), f"公示异议成立：{resolution}"
    await record(ctx, project, Action.RESOLVE_OBJECTION, before, resolution,
                 {"objection_id": objection.id, "outcome": str(outcome)})
    return project


async def admit(ctx: Ctx, project_id: int, version: int) -> Project:
    """入库: only after the notice window has closed and every objection is resolved."""
    project = await load(ctx, project_id, version)
    guard(ctx, project, Action.ADMIT)
    ends = project.notice_ends_on
    if ends is not None and ctx.clock.today() <= ends:
        raise conflict("project.notice_not_over", f"公示期至 {ends} 结束，期满后方可入库",
                       notice_ends_on=ends.isoformat())
    if await ObjectionRepository(ctx.session).open_count(project.id):
        raise conflict("project.objection_open", "公示期内的异议尚未全部处理，不能入库")
    today = ctx.clock.today()
    code = await next_library_code(ctx, project.county_code, today.year)

    def change(p: Project, _target: S) -> None:
        p.library_code, p.admitted_on = code, today

    return await transition(ctx, project_id, project.version, Action.ADMIT, data={"library_code": code},
                            change=change)
