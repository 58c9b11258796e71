"""REST endpoints of the project library."""
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from contracts.projects import ProjectRead
from services.kit.auth import READ_ROLES, Principal, Role, allow
from services.kit.concurrency import etag
from services.kit.contract import problems
from services.kit.counties import is_liuzhou_county
from services.kit.db import ReadSession, Session
from services.kit.errors import FieldError, not_found, unprocessable
from services.kit.ids import Id, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page, decode_cursor, page_of
from services.kit.values import Year
from services.projects.library import service
from services.projects.library.repository import ProjectFilter, ProjectRepository
from services.projects.library.schemas import ProjectCreate, project_read
from services.projects.library.states import ProjectCategory, ProjectStatus

router = APIRouter(prefix="/projects", tags=["project library"])
Reader = Annotated[Principal, Depends(allow(*READ_ROLES))]


@router.post("", response_model=ProjectRead, status_code=201, summary="Submit a library entry (项目入库申报)",
             responses=problems({422: "project.not_eligible (the hard rule it breaks) or request.invalid"}))
async def submit_project(entry: ProjectCreate, session: Session, response: Response,
                         principal: Annotated[Principal, Depends(allow(Role.PROJECT_OWNER))]) -> ProjectRead:
    """Submit an entry; refused with project.not_eligible (nothing stored) when it breaks the hard rule."""
    project = await service.submit(session, principal, entry)
    response.headers["Location"] = f"/projects/{project.id}"
    response.headers["ETag"] = etag(project.version)
    return project


@router.get("", response_model=Page[ProjectRead], summary="List or batch-read library entries")
async def list_projects(
    session: Session,
    principal: Reader,
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
    repo = ProjectRepository(session)
    if ids is not None:
        found = await repo.get_many(ids_of(ids), principal)
        return Page(items=[project_read(p) for p in found], next_cursor=None)
    if county is not None and not is_liuzhou_county(county):
        raise unprocessable("request.invalid", "县区代码无效", [FieldError("county", "不是柳州市的县区代码")])
    f = ProjectFilter(county=county, status=status, category=category, year=year, owner_org=owner_org)
    rows = await repo.page(f, principal, decode_cursor(after), limit)
    return page_of(rows, limit, project_read)


@router.get("/{project_id}", response_model=ProjectRead, summary="One library entry")
async def get_project(project_id: Id, session: ReadSession, principal: Reader) -> Response:
    """One entry with its ETag; 404 also when it is outside the caller's scope."""
    project = await ProjectRepository(session).read_one(project_id, principal)
    if project is None:
        raise not_found("project.not_found", f"项目 {project_id} 不存在或不在当前账号的查看范围内")
    # The hottest read: serialise once here instead of letting FastAPI validate the model a second time.
    body = project_read(project).model_dump_json()
    return Response(body, media_type="application/json", headers={"ETag": etag(project.version)})
