"""Taking actions on library entries: check version, state and role against the table, change, record."""
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from contracts.events.projects import ProjectStatusChanged, ProjectUpdated
from services.kit.audit import audit
from services.kit.concurrency import check_version
from services.kit.errors import DomainError, FieldError, conflict, not_found, unprocessable
from services.kit.periods.guard import Correction, ensure_open, record_correction
from services.projects.deps import Ctx
from services.projects.library.events import publish_project
from services.projects.library.models import HistoryRecord, Project
from services.projects.library.repository import HistoryRepository, ProjectRepository
from services.projects.lifecycle.transitions import TRANSITIONS, Action, Rules, Transition, allowed_actions, next_state
from services.projects.terms import STATUS_LABELS, ProjectStatus


def snapshot(project: Project) -> dict[str, Any]:
    """The fields an audit record keeps before and after a change."""
    return {"status": str(project.status), "version": project.version, "plan_year": project.plan_year,
            "progress_percent": project.progress_percent, "library_code": project.library_code}


async def load(ctx: Ctx, project_id: int, expected_version: int | None) -> Project:
    """The entry, if the caller may see it, at the version the caller last read."""
    project = await ProjectRepository(ctx.session).get(project_id, ctx.principal)
    if project is None:
        raise not_found("project.not_found", f"项目 {project_id} 不存在或不在当前账号的查看范围内")
    if expected_version is not None:
        check_version(expected_version, project.version)
    return project


def table_row(project: Project, action: Action) -> Transition:
    """The table's row for this state and action; 409 with the allowed actions when there is none."""
    t = TRANSITIONS.get((project.status, action))
    if t is None:
        raise conflict("project.invalid_transition",
                       f"项目当前状态为“{STATUS_LABELS[project.status]}”，不能执行 {action}",
                       current_state=str(project.status), allowed_actions=allowed_actions(project.status))
    return t


def guard(ctx: Ctx, project: Project, action: Action, correcting: bool = False) -> Transition:
    """The table's row for this state and action; 409 with the allowed actions, or 403 for the wrong role
    (a permitted correction of a closed month is the corrector's, whatever the table's roles)."""
    t = table_row(project, action)
    if ctx.principal.role not in t.roles and not correcting:
        roles = sorted(str(r) for r in t.roles)
        raise DomainError(403, "auth.forbidden", f"只有 {'、'.join(roles)} 可以执行 {action}",
                          extra={"allowed_roles": roles})
    return t


async def guard_dated(ctx: Ctx, project: Project, action: Action, on: date,
                      correction_reason: str | None) -> tuple[Transition, Correction | None]:
    """guard() for a step dated `on`: in a closed month of the entry's county only as a correction (关账后更正)."""
    table_row(project, action)
    correction = await ensure_open(ctx, project.county_code, [on], correction_reason, "项目进度")
    return guard(ctx, project, action, correcting=correction is not None), correction


def rules(ctx: Ctx) -> Rules:
    """The settings the transition table consults."""
    return Rules(city_review_threshold=ctx.settings.city_review_threshold)


def not_in_future(ctx: Ctx, field: str, on: date, not_before: date | None = None, what: str = "") -> None:
    """422 for a date after today (Asia/Shanghai) or before the previous step's date."""
    if on > ctx.clock.today():
        raise unprocessable("request.invalid", "日期不能晚于今天", [FieldError(field, "日期不能晚于今天")])
    if not_before is not None and on < not_before:
        message = f"日期不能早于{what}（{not_before.isoformat()}）"
        raise unprocessable("request.invalid", message, [FieldError(field, message)])


async def record(ctx: Ctx, project: Project, action: Action, before: dict[str, Any],
                 note: str | None = None, data: dict[str, Any] | None = None,
                 correction: Correction | None = None) -> None:
    """Write the timeline step, the audit record and the event — all in this transaction; a correction of a
    closed month shows its reason in the timeline step and is listed under its month."""
    await ctx.session.flush()  # assigns the new version
    after = snapshot(project)
    if correction is not None:
        data = (data or {}) | {"correction_reason": correction.reason,
                               "corrected_months": [str(m) for m in correction.months]}
        await record_correction(ctx, correction, "project", project.id, str(action))
    HistoryRepository(ctx.session).record(project.id, ctx.principal, str(action), before["status"], after["status"],
                                          note or None, data, ctx.clock.now())
    await audit(ctx.session, ctx.principal, f"project.{action}", "project", project.id, before, after)
    # Every change is on the feed: a new state as status_changed, anything else (progress, edit, objection...)
    # as updated, each with the entry's version so consumers apply it once and in order.
    if before["status"] != after["status"]:
        await publish_project(ctx.session, ProjectStatusChanged, project, from_status=before["status"],
                              action=action, note=note or None)
    else:
        await publish_project(ctx.session, ProjectUpdated, project, action=action, note=note or None)


Change = Callable[[Project, ProjectStatus], None]


class Dated(Protocol):
    """A dated step's body: its date, and the reason when it corrects a closed month."""

    on: date
    correction_reason: str | None


async def transition(ctx: Ctx, project_id: int, version: int | None, action: Action, note: str | None = None,
                     data: dict[str, Any] | None = None, change: Change | None = None,
                     dated: Dated | None = None) -> Project:
    """Load, guard (a `dated` step against the closed months too), apply `change(project, target)` (which may
    raise), move to the table's next state, record."""
    project = await load(ctx, project_id, version)
    correction = None
    if dated is None:
        t = guard(ctx, project, action)
    else:
        t, correction = await guard_dated(ctx, project, action, dated.on, dated.correction_reason)
    before = snapshot(project)
    target = next_state(t, project, rules(ctx))
    if change is not None:
        change(project, target)
    project.status = target
    await record(ctx, project, action, before, note, data, correction)
    return project


async def timeline(ctx: Ctx, project_id: int) -> list[HistoryRecord]:
    """The entry's full history in order (项目全过程记录); 404 when the caller may not see the entry."""
    await load(ctx, project_id, None)
    return await HistoryRepository(ctx.session).of_project(project_id, ctx.principal)
