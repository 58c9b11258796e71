"""Excel ledgers (台账): import labourers and placements (all rows or none), export the quota ledger."""
from typing import Annotated

from fastapi import APIRouter, File, Query, Response, UploadFile

from contracts.employment import LabourerRead, PlacementRead
from services.employment.deps import Reader, Writer
from services.employment.ledger import columns, places, service
from services.employment.quotas import service as quotas
from services.employment.terms import QuotaKind
from services.kit.body_limit import UPLOAD_RESPONSES
from services.kit.xlsx import XLSX, read_ledger, write_xlsx

router = APIRouter(tags=["excel ledgers"])
Upload = Annotated[UploadFile, File(description=".xlsx，表头与模板一致")]


@router.post("/labourers/import.xlsx", response_model=list[LabourerRead], status_code=201,
             responses=UPLOAD_RESPONSES,
             summary="Import labourers (.xlsx): all rows or none; every bad row and unmatched place name reported")
async def import_labourers(file: Upload, ctx: Writer) -> list[LabourerRead]:
    """Register every row, or none when any row is wrong (the refusal lists every bad row and cell, and every
    township or village name the county's registry does not have); 503 when the registry cannot be read."""
    ledger = await read_ledger(file, ctx.settings, service.LABOURER_REQUIRED)
    payloads = service.labourer_payloads(ledger)
    registry = await places.look_up(ctx, payloads)  # first: no network call inside the request's transaction
    return await service.import_labourers(ctx, ledger, payloads, registry)


@router.post("/placements/import.xlsx", response_model=list[PlacementRead], status_code=201,
             responses=UPLOAD_RESPONSES,
             summary="Import placements (.xlsx), naming labourers by ID number: all rows or none")
async def import_placements(file: Upload, ctx: Writer) -> list[PlacementRead]:
    """Store every placement, or none when any row is wrong (unknown labourer, bad target, overlap...)."""
    ledger = await read_ledger(file, ctx.settings, service.PLACEMENT_REQUIRED)
    return await service.import_placements(ctx, ledger)


@router.get("/quotas/export.xlsx", response_class=Response, responses={200: {"content": {XLSX: {}}}},
            summary="Export the quota ledger of one period (用工比例台账) with Chinese headers")
async def export_quotas(ctx: Reader, kind: QuotaKind, period: Annotated[str, Query(description="YYYY 或 YYYY-MM")],
                        county: str | None = None) -> Response:
    """Every subject of the period in the caller's scope; no report shows as 未报送 with an empty ratio."""
    rows = await quotas.quota_ledger(ctx, kind, period, county)
    content = write_xlsx("用工比例台账", columns.QUOTA_HEADERS, (columns.quota_row(c) for c in rows))
    return Response(content, media_type=XLSX,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''quota-{kind}-{period}.xlsx"})
