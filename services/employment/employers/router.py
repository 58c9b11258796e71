"""REST endpoints of employers (用工单位), group projects (集团在建项目) and workforce reports."""
from typing import Annotated

from fastapi import APIRouter, Query

from contracts.employment import EmployerRead, GroupProjectRead, WorkforceReportRead
from services.employment.deps import Reader, Writer
from services.employment.employers import service
from services.employment.employers.schemas import EmployerCreate, GroupProjectCreate, WorkforceReportCreate
from services.employment.terms import EmployerKind
from services.kit.contract import problems
from services.kit.ids import Id, IdFilter, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page, decode_cursor
from services.kit.values import Year

router = APIRouter(tags=["employers"])
Cursor = Annotated[str | None, Query(description="上一页返回的 next_cursor")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


@router.post("/employers", response_model=EmployerRead, status_code=201, summary="Register an employer")
async def register_employer(entry: EmployerCreate, ctx: Writer) -> EmployerRead:
    """Register a backbone enterprise, a city-owned group or a base enterprise."""
    return await service.register_employer(ctx, entry)


@router.get("/employers", response_model=Page[EmployerRead], summary="List or batch-read employers")
async def list_employers(ctx: Reader, kind: EmployerKind | None = None,
                         county: Annotated[str | None, Query(description="县区代码")] = None,
                         ids: IdList = None,
                         after: Cursor = None, limit: Limit = 50) -> Page[EmployerRead]:
    """Employers in the caller's scope in id order; `ids` batch-reads instead."""
    if ids is not None:
        return await service.employers_by_ids(ctx, ids_of(ids))
    return await service.list_employers(ctx, kind, county, decode_cursor(after), limit)


@router.get("/employers/{employer_id}", response_model=EmployerRead, summary="One employer")
async def get_employer(employer_id: Id, ctx: Reader) -> EmployerRead:
    """One employer; 404 also when outside the caller's scope."""
    return await service.get_employer(ctx, employer_id)


@router.post("/employers/{group_id}/projects", response_model=GroupProjectRead, status_code=201,
             summary="Add a construction project to a group (集团在建项目)")
async def add_project(group_id: Id, entry: GroupProjectCreate, ctx: Writer) -> GroupProjectRead:
    """Add a construction project to a city-owned group."""
    return await service.add_project(ctx, group_id, entry)


@router.get("/group-projects", response_model=Page[GroupProjectRead], summary="List group projects")
async def list_projects(ctx: Reader, group_id: IdFilter = None,
                        after: Cursor = None, limit: Limit = 50) -> Page[GroupProjectRead]:
    """Group projects in the caller's county, in id order."""
    return await service.list_projects(ctx, group_id, decode_cursor(after), limit)


@router.get("/group-projects/{project_id}", response_model=GroupProjectRead, summary="One group project")
async def get_project(project_id: Id, ctx: Reader) -> GroupProjectRead:
    """One group project; 404 also when outside the caller's county."""
    return await service.get_project(ctx, project_id)


@router.post("/workforce-reports", response_model=WorkforceReportRead, status_code=201,
             summary="Report or correct a workforce total (用工总数报送)",
             responses=problems({404: "employer.not_found / group_project.not_found: the employer or project named"}))
async def report_workforce(entry: WorkforceReportCreate, ctx: Writer) -> WorkforceReportRead:
    """Report a period's total; a second report of the same period is a correction (history kept)."""
    return await service.report_workforce(ctx, entry)


@router.get("/workforce-reports", response_model=list[WorkforceReportRead],
            responses=problems({404: "employer.not_found / group_project.not_found: the employer or project named"}),
            summary="Workforce reports of an employer or project, with every correction")
async def list_reports(ctx: Reader, employer_id: IdFilter = None, project_id: IdFilter = None,
                       year: Year | None = None) -> list[WorkforceReportRead]:
    """Every revision of an enterprise's or a project's reports (current and superseded)."""
    return await service.list_reports(ctx, employer_id, project_id, year)
