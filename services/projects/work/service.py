"""What awaits each role in the project library (待办事项), as the kit's duties: one per kind of item.

Review steps follow the transition table (township → county departments → county office → city office); owners see
their entries returned to them; the county office sees notices ending, objections to resolve, entries ready to admit
or schedule; started projects whose progress report falls due (`PROJECTS_PROGRESS_DUE_DAYS` after the last report,
or after the start) appear for their owner unit and the county office from the kind's warning days before.
"""
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import Row, Select

from contracts.terms import terms_of
from contracts.work import WorkKind, WorkLink
from services.kit.auth import Role
from services.kit.outbox import Scope
from services.kit.warnings import Warnable
from services.kit.work import warn_days_of, work_item
from services.kit.work_queue import Duty, Listing
from services.projects.deps import Ctx
from services.projects.lifecycle.transitions import REVIEW_STEPS
from services.projects.terms import ProjectStatus as S
from services.projects.work.repository import WorkRepository

_STEP_OF = {role: step for step, role in REVIEW_STEPS.items()}
_STEP_WORD = terms_of(S)
OWNER, COUNTY, CITY = Role.PROJECT_OWNER, Role.COUNTY_OFFICE, Role.CITY_OFFICE


def _listing(ctx: Ctx, kind: WorkKind, query: Select[Any], expected: Callable[[Row[Any]], str], shift: int = 0,
             owner_reads: bool = False, objection: bool = False) -> Listing:
    """Rows about entries as items; a warning reaches the county's readers and, when `owner_reads`, the owner unit."""
    today, warn = ctx.clock.today(), warn_days_of(ctx.settings.work_warn_days, kind)

    def warnable(row: Row[Any]) -> Warnable:
        path = f"/projects/{row.id}"
        link = (WorkLink(service="projects", resource="objection", id=row.work_id, path=f"{path}/objections")
                if objection else WorkLink(service="projects", resource="project", id=row.id, path=path))
        deadline = row.work_due + timedelta(days=shift) if row.work_due else None
        item = work_item(kind, link, row.name, expected(row), deadline, row.work_county, today, warn)
        return Warnable(item, Scope(row.work_county, row.owner_org if owner_reads else None))

    return Listing(query, warnable, shift)


def reviews(ctx: Ctx) -> Listing:
    """Entries at the caller's review step (every step for admin)."""
    mine = _STEP_OF.get(ctx.principal.role)
    query = WorkRepository(ctx.session).in_status(ctx.principal, [mine] if mine else list(REVIEW_STEPS))
    return _listing(ctx, WorkKind.REVIEW, query, lambda r: f"审核入库申报：{_STEP_WORD[S(r.status)]}")


def returned(ctx: Ctx) -> Listing:
    """Entries returned to their owner unit, to revise and resubmit (退回修改)."""
    query = WorkRepository(ctx.session).in_status(ctx.principal, [S.RETURNED])
    return _listing(ctx, WorkKind.RETURNED, query, lambda r: "按退回意见修改后重新申报", owner_reads=True)


def notices_ending(ctx: Ctx) -> Listing:
    """Public notices (公示) ending within the kind's warning days."""
    today = ctx.clock.today()
    until = today + timedelta(days=warn_days_of(ctx.settings.work_warn_days, WorkKind.NOTICE_ENDING))
    query = WorkRepository(ctx.session).notices_ending(ctx.principal, today, until)
    return _listing(ctx, WorkKind.NOTICE_ENDING, query, lambda r: "公示即将期满：期满后办理入库或处理异议")


def objections(ctx: Ctx) -> Listing:
    """Open objections to announced entries, to resolve by the notice's end (公示异议)."""
    query = WorkRepository(ctx.session).open_objections(ctx.principal)
    return _listing(ctx, WorkKind.OBJECTION, query, lambda r: "处理公示异议：成立则不予入库，不成立则驳回",
                    objection=True)


def to_admit(ctx: Ctx) -> Listing:
    """Entries whose notice is over without an open objection: ready to admit (入库)."""
    query = WorkRepository(ctx.session).ready_to_admit(ctx.principal, ctx.clock.today())
    return _listing(ctx, WorkKind.ADMIT, query, lambda r: "公示期满且无未处理异议：办理入库")


def to_schedule(ctx: Ctx) -> Listing:
    """Admitted entries not yet in an annual plan (列入年度实施计划)."""
    query = WorkRepository(ctx.session).in_status(ctx.principal, [S.ADMITTED])
    return _listing(ctx, WorkKind.SCHEDULE, query, lambda r: "列入年度实施计划")


def progress_due(ctx: Ctx) -> Listing:
    """Started projects whose next progress report falls due within the warning days, or is overdue (进度报告)."""
    every = ctx.settings.progress_due_days
    warn = warn_days_of(ctx.settings.work_warn_days, WorkKind.PROGRESS_DUE)
    query = WorkRepository(ctx.session).progress_due_by(ctx.principal, ctx.clock.today() + timedelta(warn - every))
    return _listing(ctx, WorkKind.PROGRESS_DUE, query, lambda r: f"报告项目进度（至少每 {every} 天一次）",
                    shift=every, owner_reads=True)


def _duty(kind: WorkKind, roles: set[Role], listing: Callable[[Ctx], Listing], dated: bool = True) -> Duty:
    return Duty("projects", kind, frozenset(roles), listing, dated)


DUTIES = (
    _duty(WorkKind.REVIEW, set(REVIEW_STEPS.values()), reviews, dated=False),
    _duty(WorkKind.RETURNED, {OWNER}, returned, dated=False),
    _duty(WorkKind.NOTICE_ENDING, {COUNTY, CITY}, notices_ending),
    _duty(WorkKind.OBJECTION, {COUNTY}, objections),
    _duty(WorkKind.ADMIT, {COUNTY}, to_admit, dated=False),
    _duty(WorkKind.SCHEDULE, {COUNTY}, to_schedule, dated=False),
    _duty(WorkKind.PROGRESS_DUE, {OWNER, COUNTY}, progress_due),
)
