"""Excel ledgers of the library (项目库台账): export with the list's filters; import new or existing entries."""
from enum import StrEnum
from typing import Annotated

from anyio import to_thread
from fastapi import APIRouter, Depends, File, Response, UploadFile

from contracts.projects import ProjectRead
from services.kit.auth import Principal, Role, allow
from services.kit.body_limit import UPLOAD_RESPONSES
from services.kit.errors import DomainError
from services.kit.values import Year
from services.kit.xlsx import XLSX, Ledger, read_ledger, write_xlsx
from services.projects.deps import Actor, Ctx
from services.projects.ledger import columns
from services.projects.ledger.importing import import_existing
from services.projects.ledger.rows import problem_of, validate_rows
from services.projects.ledger.schemas import ExistingProject
from services.projects.library import service as library
from services.projects.library.repository import ProjectFilter, ProjectRepository
from services.projects.library.schemas import ProjectCreate, project_read
from services.projects.library.states import ProjectCategory, ProjectStatus

router = APIRouter(prefix="/projects", tags=["excel ledgers"])
EXPORT_LIMIT = 50_000
PAGE = 1_000


class ImportKind(StrEnum):
    """What an uploaded ledger holds."""

    SUBMISSIONS = "submissions"  # 新申报项目
    EXISTING = "existing"  # 已入库或实施中的历史项目


@router.get("/export.xlsx", response_class=Response, summary="Export the library as .xlsx (项目库台账)",
            responses={200: {"content": {XLSX: {}}}})
async def export_library(ctx: Actor, county: str | None = None, status: ProjectStatus | None = None,
                         category: ProjectCategory | None = None,
                         year: Year | None = None,
                         owner_org: str | None = None) -> Response:
    f = ProjectFilter(county=county, status=status, category=category, year=year, owner_org=owner_org)
    repo, rows, after = ProjectRepository(ctx.session), [], None
    while len(rows) < EXPORT_LIMIT:
        page = await repo.page(f, ctx.principal, after, PAGE)
        rows += [columns.export_row(project_read(p)) for p in page[:PAGE]]
        if len(page) <= PAGE:
            break
        after = page[PAGE - 1].id
    content = write_xlsx("项目库台账", columns.HEADERS, rows)
    return Response(content, media_type=XLSX,
                    headers={"Content-Disposition": "attachment; filename*=UTF-8''project-library.xlsx"})


async def _import_submissions(ctx: Ctx, ledger: Ledger) -> list[ProjectRead]:
    # Validation is CPU work over every row: a worker thread, so the event loop answers others meanwhile.
    good, problems = await to_thread.run_sync(validate_rows, ledger.rows, ProjectCreate, columns.SUBMISSION_FIELDS)
    for number, entry in good:  # every domain rule, for every row, before anything is written
        try:
            await library.check_submission(ctx.session, ctx.principal, entry)
        except DomainError as error:
            problems += problem_of(number, error)
    ledger.refuse_if_any(problems)
    return [await library.submit(ctx.session, ctx.principal, entry) for _, entry in good]


async def _import_existing(ctx: Ctx, ledger: Ledger) -> list[ProjectRead]:
    good, problems = await to_thread.run_sync(validate_rows, ledger.rows, ExistingProject)
    ledger.refuse_if_any(problems)
    return [project_read(p) for p in await import_existing(ctx, [entry for _, entry in good])]


@router.post("/import.xlsx", response_model=list[ProjectRead], status_code=201, responses=UPLOAD_RESPONSES,
             summary="Import a ledger: all rows or none; every bad row and field is reported in Chinese")
async def import_ledger(ctx: Actor, file: Annotated[UploadFile, File(description=".xlsx，表头与导出台账一致")],
                        _: Annotated[Principal, Depends(allow(Role.PROJECT_OWNER, Role.COUNTY_OFFICE))],
                        kind: ImportKind = ImportKind.SUBMISSIONS) -> list[ProjectRead]:
    required = columns.REQUIRED_HEADERS + (["状态", "入库日期"] if kind == ImportKind.EXISTING else [])
    if kind == ImportKind.EXISTING:
        if ctx.principal.role not in (Role.COUNTY_OFFICE, Role.ADMIN):
            raise DomainError(403, "auth.forbidden", "只有县扶贫办可以导入历史项目")
    elif ctx.principal.role != Role.PROJECT_OWNER:
        raise DomainError(403, "auth.forbidden", "新项目由项目单位申报")
    ledger = await read_ledger(file, ctx.settings, required, columns.FREE_TEXT_HEADERS)
    if kind == ImportKind.EXISTING:
        return await _import_existing(ctx, ledger)
    return await _import_submissions(ctx, ledger)


@router.post("/import", response_model=list[ProjectRead], status_code=201,
             summary="Bring in existing projects at their current state with their original dates (JSON)")
async def import_json(body: list[ExistingProject], ctx: Actor,
                      _: Annotated[Principal, Depends(allow(Role.COUNTY_OFFICE))]) -> list[ProjectRead]:
    return [project_read(p) for p in await import_existing(ctx, body)]
