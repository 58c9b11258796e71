"""Excel ledgers (台账): import labourers and placements (all rows or none), export the quota ledger."""
from collections.abc import Callable
from typing import Annotated, Any

from anyio import to_thread
from fastapi import APIRouter, File, Query, Request, Response, UploadFile

from contracts.employment import LabourerRead, PlacementRead
from services.employment.common import Reader, Writer
from services.employment.labourers import service as labourers
from services.employment.labourers.repository import LabourerRepository
from services.employment.labourers.schemas import LabourerCreate
from services.employment.ledger import columns
from services.employment.placements import service as placements
from services.employment.placements.schemas import PlacementCreate
from services.employment.quotas import service as quotas
from services.employment.quotas.repository import QuotaRepository, compliance_query
from services.employment.states import QuotaKind
from services.kit.body_limit import UPLOAD_RESPONSES
from services.kit.db import Session
from services.kit.errors import DomainError
from services.kit.xlsx import XLSX, CellProblem, read_ledger, refused_row, validate_rows, write_xlsx

router = APIRouter(tags=["excel ledgers"])
Upload = Annotated[UploadFile, File(description=".xlsx，表头与模板一致")]
EXPORT_LIMIT = 50_000


def _column_of(fields: dict[str, str]) -> Callable[[Any], str]:
    """The Chinese header of a validation error's location or of a refused field."""
    return lambda at: columns.header_of(str(at[0] if isinstance(at, tuple) else at), fields)


@router.post("/labourers/import.xlsx", response_model=list[LabourerRead], status_code=201,
             responses=UPLOAD_RESPONSES,
             summary="Import labourers (.xlsx): all rows or none; every bad row reported, bad check digits too")
async def import_labourers(request: Request, file: Upload, session: Session,
                           principal: Writer) -> list[LabourerRead]:
    """Register every row, or none when any row is wrong (the refusal lists every bad row and cell)."""
    ledger = await read_ledger(file, request.app.state.settings, columns.LABOURER_HEADERS[:7])
    column_of = _column_of(columns.LABOURER_FIELDS)
    # Validation is CPU work over every row: a worker thread, so the event loop answers others meanwhile.
    good, problems = await to_thread.run_sync(
        validate_rows, ((n, columns.labourer_payload(cells)) for n, cells in ledger.rows), LabourerCreate, column_of)
    stored = []
    for number, entry in good:
        try:  # later rows are still checked after a refusal, so the whole file's problems are reported
            stored.append(await labourers.register(session, principal, entry))
        except DomainError as error:
            problems += refused_row(number, error, column_of)
    ledger.refuse_if_any(problems)  # the transaction rolls back, so the rows stored above go too
    return stored


@router.post("/placements/import.xlsx", response_model=list[PlacementRead], status_code=201,
             responses=UPLOAD_RESPONSES,
             summary="Import placements (.xlsx), naming labourers by ID number: all rows or none")
async def import_placements(request: Request, file: Upload, session: Session,
                            principal: Writer) -> list[PlacementRead]:
    """Store every placement, or none when any row is wrong (unknown labourer, bad target, overlap...)."""
    ledger = await read_ledger(file, request.app.state.settings, columns.PLACEMENT_HEADERS[:2] + ["开始日期"])
    column_of = _column_of(columns.PLACEMENT_FIELDS)
    payloads = [(n, columns.placement_payload(cells)) for n, cells in ledger.rows]
    known = await LabourerRepository(session).ids_by_number([p["id_number"] for _, p in payloads])
    problems, named = [], []
    for number, payload in payloads:
        labourer_id = known.get(payload.pop("id_number"))
        if labourer_id is None:
            problems.append(CellProblem(number, "身份证号码", "该身份证号码未登记为劳动力"))
        else:
            named.append((number, payload | {"labourer_id": labourer_id}))
    good, bad = await to_thread.run_sync(validate_rows, named, PlacementCreate, column_of)
    problems += bad
    stored = []
    for number, entry in good:
        try:
            stored.append(await placements.place(session, principal, entry))
        except DomainError as error:
            problems += refused_row(number, error, column_of)
    ledger.refuse_if_any(problems)
    return stored


@router.get("/quotas/export.xlsx", response_class=Response, responses={200: {"content": {XLSX: {}}}},
            summary="Export the quota ledger of one period (用工比例台账) with Chinese headers")
async def export_quotas(request: Request, session: Session, principal: Reader, kind: QuotaKind,
                        period: Annotated[str, Query(description="YYYY 或 YYYY-MM")],
                        county: str | None = None) -> Response:
    """Every subject of the period in the caller's scope; no report shows as 未报送 with an empty ratio."""
    p = quotas.parse_period(kind, period)
    band = quotas.band_of(kind, request.app.state.settings)
    query = compliance_query(kind, p, band, principal, county, None, None)
    rows = await QuotaRepository(session).page(query, None, None, EXPORT_LIMIT)
    content = write_xlsx("用工比例台账", columns.QUOTA_HEADERS,
                         (columns.quota_row(quotas.compliance_of(kind, p, band, r)) for r in rows[:EXPORT_LIMIT]))
    return Response(content, media_type=XLSX,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''quota-{kind}-{period}.xlsx"})
