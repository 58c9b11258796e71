"""REST endpoints for every action on an entry; each needs If-Match with the version last read."""
from typing import Any

from fastapi import APIRouter, Response

from contracts.projects import HistoryRead, ObjectionRead, ProjectRead
from services.kit.concurrency import IfMatch, etag
from services.kit.contract import problems
from services.kit.ids import Id
from services.projects.deps import Actor
from services.projects.library.schemas import ProjectCreate, project_read
from services.projects.lifecycle import execution, review, service
from services.projects.lifecycle.schemas import (
    AcceptanceIn,
    DatedIn,
    NoteIn,
    ObjectionIn,
    ObjectionResolutionIn,
    ProgressIn,
    ReviewIn,
)

router = APIRouter(prefix="/projects", tags=["review, plans and follow-up"])
REFUSALS = problems({409: "project.invalid_transition (with current_state and allowed_actions), …"})


def answer(response: Response, project: Any) -> ProjectRead:
    """The entry after the action, with its new ETag."""
    response.headers["ETag"] = etag(project.version)
    return project_read(project)


@router.post("/{project_id}/review", response_model=ProjectRead, responses=REFUSALS,
             summary="Decide the current review step (审核：通过 / 退回修改 / 不予入库)")
async def review_project(project_id: Id, body: ReviewIn, ctx: Actor,
                         version: IfMatch, response: Response) -> ProjectRead:
    """The current review step's decision."""
    return answer(response, await review.review(ctx, project_id, version, body.decision, body.opinion))


@router.put("/{project_id}", response_model=ProjectRead, responses=REFUSALS,
            summary="Revise a returned entry (退回后修改)")
async def edit_project(project_id: Id, body: ProjectCreate, ctx: Actor,
                       version: IfMatch, response: Response) -> ProjectRead:
    """The owner's revision of a returned entry."""
    return answer(response, await review.edit(ctx, project_id, version, body))


@router.post("/{project_id}/resubmit", response_model=ProjectRead, responses=REFUSALS,
             summary="Resubmit after revision: review restarts at the step that returned it")
async def resubmit_project(project_id: Id, body: NoteIn, ctx: Actor,
                           version: IfMatch, response: Response) -> ProjectRead:
    """A revised entry back to the step that returned it."""
    return answer(response, await review.resubmit(ctx, project_id, version, body.note))


@router.post("/{project_id}/objections", response_model=ObjectionRead, status_code=201,
             summary="Lodge an objection during public notice (公示异议)")
async def lodge_objection(project_id: Id, body: ObjectionIn, ctx: Actor) -> ObjectionRead:
    """An objection lodged inside the notice window."""
    return ObjectionRead.model_validate(await review.lodge_objection(ctx, project_id, body.reason))


@router.get("/{project_id}/objections", response_model=list[ObjectionRead], summary="Objections to an entry")
async def list_objections(project_id: Id, ctx: Actor) -> list[ObjectionRead]:
    """The entry's objections, oldest first."""
    return [ObjectionRead.model_validate(o) for o in await review.objections(ctx, project_id)]


@router.post("/{project_id}/objections/{objection_id}/resolution", response_model=ProjectRead, responses=REFUSALS,
             summary="Resolve an objection (upheld → rejected; dismissed)")
async def resolve_objection(project_id: Id, objection_id: Id, body: ObjectionResolutionIn, ctx: Actor,
                            version: IfMatch, response: Response) -> ProjectRead:
    """The county office's resolution of one objection."""
    project = await review.resolve_objection(ctx, project_id, version, objection_id, body.outcome, body.resolution)
    return answer(response, project)


@router.post("/{project_id}/admit", response_model=ProjectRead, responses=REFUSALS,
             summary="Admit into the library (入库) once notice is over and objections resolved")
async def admit_project(project_id: Id, ctx: Actor, version: IfMatch, response: Response) -> ProjectRead:
    """Admission once notice is over and every objection resolved."""
    return answer(response, await review.admit(ctx, project_id, version))


@router.post("/{project_id}/start", response_model=ProjectRead, responses=REFUSALS, summary="Started (开工)")
async def start_project(project_id: Id, body: DatedIn, ctx: Actor, version: IfMatch, response: Response) -> ProjectRead:
    """The entry started on a date."""
    return answer(response, await execution.start(ctx, project_id, version, body))


@router.post("/{project_id}/progress", response_model=ProjectRead, responses=REFUSALS,
             summary="Report progress (percent never decreases)")
async def report_progress(project_id: Id, body: ProgressIn, ctx: Actor,
                          version: IfMatch, response: Response) -> ProjectRead:
    """A progress report."""
    return answer(response, await execution.report_progress(ctx, project_id, version, body))


@router.post("/{project_id}/complete", response_model=ProjectRead, responses=REFUSALS, summary="Completed (竣工)")
async def complete_project(project_id: Id, body: DatedIn, ctx: Actor,
                           version: IfMatch, response: Response) -> ProjectRead:
    """The entry completed on a date."""
    return answer(response, await execution.complete(ctx, project_id, version, body))


@router.post("/{project_id}/accept", response_model=ProjectRead, responses=REFUSALS, summary="Acceptance (验收)")
async def accept_project(project_id: Id, body: AcceptanceIn, ctx: Actor,
                         version: IfMatch, response: Response) -> ProjectRead:
    """The acceptance and the benefit delivered."""
    return answer(response, await execution.accept(ctx, project_id, version, body))


@router.post("/{project_id}/settle", response_model=ProjectRead, responses=REFUSALS, summary="Settled (报账完成)")
async def settle_project(project_id: Id, body: DatedIn, ctx: Actor,
                         version: IfMatch, response: Response) -> ProjectRead:
    """The entry settled on a date."""
    return answer(response, await execution.settle(ctx, project_id, version, body))


@router.get("/{project_id}/timeline", response_model=list[HistoryRead],
            summary="Full history of an entry, in order (项目全过程记录)")
async def timeline(project_id: Id, ctx: Actor) -> list[HistoryRead]:
    """The entry's history, oldest first."""
    return [HistoryRead.model_validate(h) for h in await service.timeline(ctx, project_id)]
