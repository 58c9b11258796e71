"""REST endpoints of employers (用工单位), group projects (集团在建项目) and workforce reports."""
from typing import Annotated

from fastapi import APIRouter, Query

from contracts.employment import EmployerRead, GroupProjectRead, WorkforceReportRead
from services.employment.common import Reader, Writer, bad_field
from services.employment.employers import service
from services.employment.employers.repository import EmployerRepository
from services.employment.employers.schemas import (
    EmployerCreate,
    GroupProjectCreate,
    WorkforceReportCreate,
    employer_read,
    workforce_report_read,
)
from services.employment.states import EmployerKind
from services.kit.contract import problems
from services.kit.db import Session
from services.kit.errors import not_found
from services.kit.ids import Id, IdFilter, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page, decode_cursor, page_of
from services.kit.values import Year

router = APIRouter(tags=["employers"])
Cursor = Annotated[str | None, Query(description="上一页返回的 next_cursor")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


@router.post("/employers", response_model=EmployerRead, status_code=201, summary="Register an employer")
async def register_employer(entry: EmployerCreate, session: Session, principal: Writer) -> EmployerRead:
    """Register a backbone enterprise, a city-owned group or a base enterprise."""
    return await service.register_employer(session, principal, entry)


@router.get("/employers", response_model=Page[EmployerRead], summary="List or batch-read employers")
async def list_employers(session: Session, principal: Reader, kind: EmployerKind | None = None,
                         county: Annotated[str | None, Query(description="县区代码")] = None,
                         ids: IdList = None,
                         after: Cursor = None, limit: Limit = 50) -> Page[EmployerRead]:
    """Employers in the caller's scope in id order; `ids` batch-reads instead."""
    repo = EmployerRepository(session)
    if ids is not None:
        return Page(items=[employer_read(r) for r in await repo.get_many(ids_of(ids), principal)])
    rows = await repo.page(principal, kind, county, decode_cursor(after), limit)
    return page_of(rows, limit, employer_read)


@router.get("/employers/{employer_id}", response_model=EmployerRead, summary="One employer")
async def get_employer(employer_id: Id, session: Session, principal: Reader) -> EmployerRead:
    """One employer; 404 also when outside the caller's scope."""
    row = await EmployerRepository(session).get(employer_id, principal)
    if row is None:
        raise not_found("employer.not_found", f"用工单位 {employer_id} 不存在或不在查看范围内")
    return employer_read(row)


@router.post("/employers/{group_id}/projects", response_model=GroupProjectRead, status_code=201,
             summary="Add a construction project to a group (集团在建项目)")
async def add_project(group_id: Id, entry: GroupProjectCreate, session: Session,
                      principal: Writer) -> GroupProjectRead:
    """Add a construction project to a city-owned group."""
    return await service.add_project(session, principal, group_id, entry)


@router.get("/group-projects", response_model=Page[GroupProjectRead], summary="List group projects")
async def list_projects(session: Session, principal: Reader, group_id: IdFilter = None,
                        after: Cursor = None, limit: Limit = 50) -> Page[GroupProjectRead]:
    """Group projects in the caller's county, in id order."""
    rows = await EmployerRepository(session).projects(principal, group_id, decode_cursor(after), limit)
    return page_of(rows, limit, GroupProjectRead.model_validate)


@router.get("/group-projects/{project_id}", response_model=GroupProjectRead, summary="One group project")
async def get_project(project_id: Id, session: Session, principal: Reader) -> GroupProjectRead:
    """One group project; 404 also when outside the caller's county."""
    row = await EmployerRepository(session).project(project_id, principal)
    if row is None:
        raise not_found("group_project.not_found", f"在建项目 {project_id} 不存在或不在查看范围内")
    return GroupProjectRead.model_validate(row)


@router.post("/workforce-reports", response_model=WorkforceReportRead, status_code=201,
             summary="Report or correct a workforce total (用工总数报送)",
             responses=problems({404: "employer.not_found / group_project.not_found: the employer or project named"}))
async def report_workforce(entry: WorkforceReportCreate, session: Session,
                           principal: Writer) -> WorkforceReportRead:
    """Report a period's total; a second report of the same period is a correction (history kept)."""
    return await service.report_workforce(session, principal, entry)


@router.get("/workforce-reports", response_model=list[WorkforceReportRead],
            responses=problems({404: "employer.not_found / group_project.not_found: the employer or project named"}),
            summary="Workforce reports of an employer or project, with every correction")
async def list_reports(session: Session, principal: Reader, employer_id: IdFilter = None,
                       project_id: IdFilter = None,
                       year: Year | None = None) -> list[WorkforceReportRead]:
    """Every revision of an enterprise's or a project's reports (current and superseded)."""
    repo = EmployerRepository(session)
    if (employer_id is None) == (project_id is None):
        raise bad_field("employer_id", "须且只能填写 employer_id 或 project_id 之一")
    if employer_id is not None and await repo.get(employer_id, principal) is None:
        raise not_found("employer.not_found", f"用工单位 {employer_id} 不存在或不在查看范围内")
    if project_id is not None and await repo.project(project_id, principal) is None:
        raise not_found("group_project.not_found", f"在建项目 {project_id} 不存在或不在查看范围内")
    return [workforce_report_read(r) for r in await repo.reports(employer_id, project_id, year)]
