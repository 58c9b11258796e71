"""Excel ledgers (台账): import labourers and placements (all rows or none), export the quota ledger."""
from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Request, Response, UploadFile
from pydantic import BaseModel, ValidationError

from services.employment.common import Reader, Writer
from services.employment.labourers import service as labourers
from services.employment.labourers.repository import LabourerRepository
from services.employment.labourers.schemas import LabourerCreate, LabourerRead
from services.employment.ledger import columns
from services.employment.placements import service as placements
from services.employment.placements.schemas import PlacementCreate, PlacementRead
from services.employment.quotas import service as quotas
from services.employment.quotas.repository import QuotaRepository, compliance_query
from services.employment.states import QuotaKind
from services.kit.db import Session
from services.kit.errors import _PYDANTIC_MESSAGES as MESSAGES
from services.kit.errors import DomainError, FieldError, unprocessable
from services.kit.xlsx import XLSX, read_xlsx, write_xlsx

router = APIRouter(tags=["ledgers (台账)"])
Upload = Annotated[UploadFile, File(description=".xlsx，表头与模板一致")]
Problems = list[tuple[int, str, str]]
EXPORT_LIMIT = 50_000


def _message(err: dict) -> str:
    if err.get("type") == "value_error":
        return str(err.get("ctx", {}).get("error", err.get("msg")))
    return MESSAGES.get(err.get("type", "")) or err.get("msg", "无效")


def _validate(number: int, model: type[BaseModel], payload: dict, fields: dict[str, str],
              problems: Problems) -> Any:
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        for e in exc.errors():
            column = columns.header_of(str(e["loc"][0]), fields) if e["loc"] else "整行"
            problems.append((number, column, _message(e)))
        return None


def _refused(number: int, error: DomainError, fields: dict[str, str], problems: Problems) -> None:
    if error.fields:
        problems += [(number, columns.header_of(f.field, fields), f.message) for f in error.fields]
    else:
        problems.append((number, "整行", error.detail))


def _refuse(problems: Problems) -> DomainError:
    """422 listing every bad row and cell; the transaction rolls back, so nothing is stored."""
    rows = sorted({n for n, _, _ in problems})
    return unprocessable(
        "ledger.invalid_rows", f"共 {len(rows)} 行有误（第 {'、'.join(map(str, rows))} 行），未导入任何数据",
        [FieldError(f"第{n}行·{c}", m) for n, c, m in problems],
        rows=[{"row": n, "column": c, "message": m} for n, c, m in problems])


@router.post("/labourers/import.xlsx", response_model=list[LabourerRead], status_code=201,
             summary="Import labourers (.xlsx): all rows or none; every bad row reported, bad check digits too")
async def import_labourers(file: Upload, session: Session, principal: Writer) -> list[LabourerRead]:
    """Register every row, or none when any row is wrong (the refusal lists every bad row and cell)."""
    rows = read_xlsx(await file.read(), columns.LABOURER_HEADERS[:7])
    problems: Problems = []
    stored = []
    for number, cells in rows:
        entry = _validate(number, LabourerCreate, columns.labourer_payload(cells), columns.LABOURER_FIELDS,
                          problems)
        if entry is None:
            continue
        try:  # later rows are still checked after a refusal, so the whole file's problems are reported
            stored.append(await labourers.register(session, principal, entry))
        except DomainError as error:
            _refused(number, error, columns.LABOURER_FIELDS, problems)
    if problems:
        raise _refuse(problems)
    return stored


@router.post("/placements/import.xlsx", response_model=list[PlacementRead], status_code=201,
             summary="Import placements (.xlsx), naming labourers by ID number: all rows or none")
async def import_placements(file: Upload, session: Session, principal: Writer) -> list[PlacementRead]:
    """Store every placement, or none when any row is wrong (unknown labourer, bad target, overlap...)."""
    rows = read_xlsx(await file.read(), columns.PLACEMENT_HEADERS[:2] + ["开始日期"])
    payloads = [(n, columns.placement_payload(cells)) for n, cells in rows]
    known = await LabourerRepository(session).ids_by_number([p["id_number"] for _, p in payloads])
    problems: Problems = []
    stored = []
    for number, payload in payloads:
        labourer_id = known.get(payload.pop("id_number"))
        if labourer_id is None:
            problems.append((number, "身份证号码", "该身份证号码未登记为劳动力"))
            continue
        entry = _validate(number, PlacementCreate, payload | {"labourer_id": labourer_id},
                          columns.PLACEMENT_FIELDS, problems)
        if entry is None:
            continue
        try:
            stored.append(await placements.place(session, principal, entry))
        except DomainError as error:
            _refused(number, error, columns.PLACEMENT_FIELDS, problems)
    if problems:
        raise _refuse(problems)
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
