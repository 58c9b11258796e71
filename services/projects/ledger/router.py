"""Excel ledgers of the library (项目库台账): export with the list's filters; import new or existing entries."""
from typing import Annotated

from fastapi import APIRouter, File, Response, UploadFile

from contracts.projects import ProjectFilter, ProjectRead
from services.kit.body_limit import UPLOAD_RESPONSES
from services.kit.values import Year
from services.kit.xlsx import XLSX
from services.projects.deps import Actor, CountyOffice, LedgerUploader
from services.projects.ledger import service
from services.projects.ledger.schemas import ExistingProject, ImportKind
from services.projects.terms import ProjectCategory, ProjectStatus

router = APIRouter(prefix="/projects", tags=["excel ledgers"])


@router.get("/export.xlsx", response_class=Response, summary="Export the library as .xlsx (项目库台账)",
            responses={200: {"content": {XLSX: {}}}})
async def export_library(ctx: Actor, county: str | None = None, status: ProjectStatus | None = None,
                         category: ProjectCategory | None = None,
                         year: Year | None = None,
                         owner_org: str | None = None) -> Response:
    """The entries the list's filters select, as an .xlsx attachment."""
    f = ProjectFilter(county=county, status=status, category=category, year=year, owner_org=owner_org)
    return Response(await service.export_library(ctx, f), media_type=XLSX,
                    headers={"Content-Disposition": "attachment; filename*=UTF-8''project-library.xlsx"})


@router.post("/import.xlsx", response_model=list[ProjectRead], status_code=201, responses=UPLOAD_RESPONSES,
             summary="Import a ledger: all rows or none; every bad row and field is reported in Chinese")
async def import_ledger(ctx: LedgerUploader,
                        file: Annotated[UploadFile, File(description=".xlsx，表头与导出台账一致")],
                        kind: ImportKind = ImportKind.SUBMISSIONS) -> list[ProjectRead]:
    """An uploaded .xlsx ledger of new or existing entries, all rows or none."""
    return await service.import_ledger(ctx, kind, file)


@router.post("/import", response_model=list[ProjectRead], status_code=201,
             summary="Bring in existing projects at their current state with their original dates (JSON)")
async def import_json(body: list[ExistingProject], ctx: CountyOffice) -> list[ProjectRead]:
    """Existing entries from JSON rows, all or none."""
    return await service.import_json(ctx, body)
