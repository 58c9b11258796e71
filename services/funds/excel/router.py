"""Excel ledgers (台账) of the funds service: batches, idle funds and cases out; spending records in, all or none."""
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from anyio import to_thread
from fastapi import APIRouter, File, Response, UploadFile
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from contracts.funds import SpendingRead
from services.funds.deps import Finance, Reader
from services.funds.excel import service
from services.funds.excel.service import SPENDING_FIELDS, SPENDING_HEADERS
from services.funds.ledger.schemas import SpendingCreate
from services.kit.body_limit import UPLOAD_RESPONSES
from services.kit.idempotency import Idempotent
from services.kit.xlsx import XLSX, CellProblem, read_ledger

router = APIRouter(prefix="/ledgers", tags=["excel ledgers"])
UPLOAD = ".xlsx，表头：" + "、".join(SPENDING_HEADERS)
WORKBOOK: dict[int | str, dict[str, Any]] = {200: {"content": {XLSX: {}}}}


def _file(content: bytes, name: str) -> Response:
    return Response(content, media_type=XLSX, headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"})


@router.get("/batches.xlsx", response_class=Response, summary="Export fund batches (资金批次台账)", responses=WORKBOOK)
async def export_batches(ctx: Reader) -> Response:
    """Fund batches in the caller's scope as a workbook with Chinese headers."""
    return _file(await service.batches_workbook(ctx), "fund-batches.xlsx")


@router.get("/idle-funds.xlsx", response_class=Response, summary="Export idle funds (闲置资金台账)", responses=WORKBOOK)
async def export_idle(ctx: Reader) -> Response:
    """Idle items in the caller's scope as a workbook, largest first."""
    return _file(await service.idle_workbook(ctx), "idle-funds.xlsx")


@router.get("/rectification-cases.xlsx", response_class=Response, summary="Export cases (整改台账)",
            responses=WORKBOOK)
async def export_cases(ctx: Reader) -> Response:
    """Rectification cases in the caller's scope as a workbook, with whether each is overdue."""
    return _file(await service.cases_workbook(ctx), "rectification-cases.xlsx")


def _cell_date(value: Any) -> Any:
    # openpyxl hands date cells back as datetime.
    return value.date() if isinstance(value, datetime) else value


def _parse(number: int, cells: dict[str, Any]) -> tuple[int | None, SpendingCreate | None, list[CellProblem]]:
    problems = []
    try:
        allocation_id = int(cells["分配编号"])
    except (KeyError, TypeError, ValueError):
        problems.append(CellProblem(number, "分配编号", "应为整数"))
        allocation_id = None
    try:
        amount = Decimal(str(cells.get("金额（元）")).strip())
    except InvalidOperation:
        amount = None
    try:
        body = SpendingCreate(amount=amount, spent_on=_cell_date(cells.get("支出日期")),
                              voucher_no=str(cells.get("凭证号") or "").strip(),
                              payee=str(cells.get("收款单位") or "").strip())
    except ValidationError as exc:
        problems += [CellProblem(number, SPENDING_FIELDS.get(str(e["loc"][0]), str(e["loc"][0])), "内容有误")
                     for e in exc.errors()]
        body = None
    return allocation_id, body, problems


def _parse_all(rows: list[tuple[int, dict[str, Any]]]) -> tuple[list[tuple[int, int, SpendingCreate]],
                                                                 list[CellProblem]]:
    """Every row as (row number, allocation id, spending), and every bad cell, duplicate vouchers included."""
    parsed, problems, vouchers = [], [], set()
    for number, cells in rows:
        allocation_id, body, bad = _parse(number, cells)
        problems += bad
        if body is not None and body.voucher_no in vouchers:
            problems.append(CellProblem(number, "凭证号", "与文件中其他行重复"))
        if body is not None and allocation_id is not None:
            vouchers.add(body.voucher_no)
            parsed.append((number, allocation_id, body))
    return parsed, problems


@router.post("/spendings.xlsx", response_model=list[SpendingRead], status_code=201, responses=UPLOAD_RESPONSES,
             summary="Import reimbursements in bulk: all rows or none, every bad row reported (报账批量导入)")
async def import_spendings(ctx: Finance, once: Idempotent,
                           file: Annotated[UploadFile, File(description=UPLOAD)]) -> JSONResponse:
    """Record every row's reimbursement, or none: every bad cell and refused row is reported (422)."""
    ledger = await read_ledger(file, ctx.settings, SPENDING_HEADERS)
    # Row checks are CPU work over every row: a worker thread, so the event loop answers others meanwhile.
    parsed, problems = await to_thread.run_sync(_parse_all, ledger.rows)
    ledger.refuse_if_any(problems)
    if replayed := await once.replay({"sha256": ledger.sha256}):  # the same file is the same request
        return replayed
    return await once.answer(await service.import_spendings(ctx, parsed))
