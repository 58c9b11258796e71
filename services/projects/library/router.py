"""REST endpoints of the project library."""
from typing import Annotated

from fastapi import APIRouter, Query, Response

from contracts.projects import ProjectFilter, ProjectRead
from services.kit.concurrency import etag
from services.kit.contract import problems
from services.kit.ids import Id, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page
from services.kit.values import Year
from services.projects.deps import Actor, Owner, Reader
from services.projects.library import service
from services.projects.library.schemas import ProjectCreate, project_read
from services.projects.terms import ProjectCategory, ProjectStatus

router = APIRouter(prefix="/projects", tags=["project library"])


@router.post("", response_model=ProjectRead, status_code=201, summary="Submit a library entry (项目入库申报)",
             responses=problems({422: "project.not_eligible (the hard rule it breaks), project.unknown_place "
                                      "(an id not in the county's registry) or request.invalid"}))
async def submit_project(entry: ProjectCreate, ctx: Owner, response: Response) -> ProjectRead:
    """Submit an entry; refused with project.not_eligible (nothing stored) when it breaks the hard rule."""
    project = await service.submit_entry(ctx, entry)
    response.headers["Location"] = f"/projects/{project.id}"
    response.headers["ETag"] = etag(project.version)
    return project


@router.get("", response_model=Page[ProjectRead], summary="List or batch-read library entries")
async def list_projects(
    ctx: Actor,
    county: Annotated[str | None, Query(description="县区代码")] = None,
    status: ProjectStatus | None = None,
    category: ProjectCategory | None = None,
    year: Annotated[Year | None, Query(description="计划实施年度")] = None,
    owner_org: str | None = None,
    ids: IdList = None,
    after: Annotated[str | None, Query(description="上一页返回的 next_cursor")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
) -> Page[ProjectRead]:
    """Entries in the caller's scope, newest first, keyset-paginated; `ids` batch-reads instead."""
    f = ProjectFilter(county=county, status=status, category=category, year=year, owner_org=owner_org)
    return await service.list_projects(ctx, f, None if ids is None else ids_of(ids), after, limit)


@router.get("/{project_id}", response_model=ProjectRead, summary="One library entry")
async def get_project(project_id: Id, ctx: Reader) -> Response:
    """One entry with its ETag; 404 also when it is outside the caller's scope."""
    project = await service.read_project(ctx, project_id)
    # The hottest read: serialise once here instead of letting FastAPI validate the model a second time.
    body = project_read(project).model_dump_json()
    return Response(body, media_type="application/json", headers={"ETag": etag(project.version)})
