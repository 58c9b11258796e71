"""Execution and follow-up (后续跟踪): start, progress, completion, acceptance, settlement (ending early, which
also leaves the entry's plans, is in plans/service.py)."""
from services.kit.errors import FieldError, unprocessable
from services.projects.deps import Ctx
from services.projects.library.models import Project
from services.projects.lifecycle.schemas import AcceptanceIn, AcceptanceResult, DatedIn, ProgressIn
from services.projects.lifecycle.service import guard_dated, load, not_in_future, record, snapshot, transition
from services.projects.lifecycle.transitions import Action
from services.projects.terms import ProjectStatus as S


async def start(ctx: Ctx, project_id: int, version: int, body: DatedIn) -> Project:
    """开工 on a date, not before admission."""
    def change(p: Project, _target: S) -> None:
        not_in_future(ctx, "on", body.on, p.admitted_on, "入库日期")
        p.started_on = body.on

    return await transition(ctx, project_id, version, Action.START, body.note, {"on": body.on.isoformat()}, change,
                            dated=body)


async def report_progress(ctx: Ctx, project_id: int, version: int, body: ProgressIn) -> Project:
    """A progress report; percent complete never decreases and dates never go back."""
    def change(p: Project, _target: S) -> None:
        not_in_future(ctx, "on", body.on, p.last_progress_on or p.started_on, "上次进度或开工日期")
        if body.percent < p.progress_percent:
            raise unprocessable("project.progress_decreasing",
                                f"完成进度不能倒退：上次为 {p.progress_percent}%，本次为 {body.percent}%",
                                [FieldError("percent", f"不能小于 {p.progress_percent}")],
                                current_percent=p.progress_percent)
        p.progress_percent, p.last_progress_on = body.percent, body.on

    data = {"on": body.on.isoformat(), "percent": body.percent}
    return await transition(ctx, project_id, version, Action.REPORT_PROGRESS, body.note, data, change, dated=body)


async def complete(ctx: Ctx, project_id: int, version: int, body: DatedIn) -> Project:
    """竣工 on a date, not before the last progress report; progress becomes 100 %."""
    def change(p: Project, _target: S) -> None:
        not_in_future(ctx, "on", body.on, p.last_progress_on or p.started_on, "上次进度或开工日期")
        p.completed_on, p.progress_percent = body.on, 100

    return await transition(ctx, project_id, version, Action.COMPLETE, body.note, {"on": body.on.isoformat()}, change,
                            dated=body)


async def accept(ctx: Ctx, project_id: int, version: int, body: AcceptanceIn) -> Project:
    """验收: a passed acceptance records the benefit delivered against what was promised; a failed one stays."""
    project = await load(ctx, project_id, version)
    _, correction = await guard_dated(ctx, project, Action.ACCEPT, body.on, body.correction_reason)
    not_in_future(ctx, "on", body.on, project.completed_on, "竣工日期")
    data = {"on": body.on.isoformat(), "accepting_unit": body.accepting_unit, "result": str(body.result),
            "actual_households": body.actual_households, "actual_people": body.actual_people,
            "promised_households": project.poor_households, "promised_people": project.poor_people}
    if body.result == AcceptanceResult.FAILED:
        await record(ctx, project, Action.ACCEPT, snapshot(project), body.note, data, correction)
        return project

    def change(p: Project, _target: S) -> None:
        p.accepted_on, p.actual_households, p.actual_people = body.on, body.actual_households, body.actual_people

    return await transition(ctx, project_id, version, Action.ACCEPT, body.note, data, change, dated=body)


async def settle(ctx: Ctx, project_id: int, version: int, body: DatedIn) -> Project:
    """报账完成."""
    def change(p: Project, _target: S) -> None:
        not_in_future(ctx, "on", body.on, p.accepted_on, "验收日期")
        p.settled_on = body.on

    return await transition(ctx, project_id, version, Action.SETTLE, body.note, {"on": body.on.isoformat()}, change,
                            dated=body)
