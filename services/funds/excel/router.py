"""Excel ledgers (台账) of the funds service: batches, idle funds and cases out; spending records in, all or none."""
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from anyio import to_thread
from fastapi import APIRouter, File, Request, Response, UploadFile
from pydantic import ValidationError

from contracts.funds import SpendingRead
from services.funds.deps import Finance, Reader
from services.funds.idle import repository as idle_repo
from services.funds.idle import service as idle
from services.funds.ledger import repository as ledger
from services.funds.ledger import service
from services.funds.ledger.schemas import SpendingCreate
from services.funds.rectification import repository as cases
from services.funds.safety.idempotency import IdempotencyKey, once
from services.funds.terms import IDLE_LABELS, SOURCE_LABELS, IdleClass
from services.kit.body_limit import UPLOAD_RESPONSES
from services.kit.counties import COUNTIES
from services.kit.errors import DomainError
from services.kit.xlsx import XLSX, CellProblem, read_ledger, refuse_rows, refused_row, write_xlsx

router = APIRouter(prefix="/ledgers", tags=["excel ledgers"])
LIMIT = 50_000
BATCH_HEADERS = ["批次编号", "文号", "资金来源", "年度", "县区", "到位金额（元）", "已分配（元）", "未分配（元）",
                 "到位日期", "用途"]
IDLE_HEADERS = ["类型", "编号", "批次编号", "项目编号", "项目状态", "县区", "资金来源", "年度", "闲置金额（元）",
                "最后变动日期", "闲置天数", "闲置月数", "分类", "人工调整"]
CASE_HEADERS = ["整改编号", "县区", "来源", "批次编号", "分配编号", "项目编号", "分类", "金额（元）", "问题",
                "整改措施", "责任单位", "整改期限", "状态", "是否逾期", "立项日期", "销号日期"]
SPENDING_HEADERS = ["分配编号", "金额（元）", "支出日期", "凭证号", "收款单位"]
UPLOAD = ".xlsx，表头：" + "、".join(SPENDING_HEADERS)
_CASE_STATUS = {"open": "待整改", "rectifying": "整改中", "closed": "已销号"}


def _file(content: bytes, name: str) -> Response:
    return Response(content, media_type=XLSX, headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"})


@router.get("/batches.xlsx", response_class=Response, summary="Export fund batches (资金批次台账)",
            responses={200: {"content": {XLSX: {}}}})
async def export_batches(ctx: Reader) -> Response:
    rows = await ledger.page_batches(ctx.session, ctx.principal, None, None, None, None, LIMIT)
    content = write_xlsx("资金批次台账", BATCH_HEADERS, (
        [b.id, b.doc_number, SOURCE_LABELS[b.source_level], b.year, COUNTIES[b.county_code], b.amount, b.allocated,
         b.unallocated, b.received_on, b.purpose] for b in rows))
    return _file(content, "fund-batches.xlsx")


@router.get("/idle-funds.xlsx", response_class=Response, summary="Export idle funds (闲置资金台账)",
            responses={200: {"content": {XLSX: {}}}})
async def export_idle(ctx: Reader) -> Response:
    rows = await idle_repo.list_items(ctx.session, idle.rules(ctx), idle_repo.IdleFilter(), ctx.principal.county,
                                      LIMIT)
    items = [idle.item_of(ctx, r) for r in rows]
    content = write_xlsx("闲置资金台账", IDLE_HEADERS, (
        ["未分配" if i.kind == "batch" else "已分配未支出", i.item_id, i.batch_id, i.project_id, i.project_status,
         COUNTIES[i.county_code], SOURCE_LABELS.get(i.source_level, i.source_level), i.year, i.amount, i.since,
         i.age_days, i.age_bucket, IDLE_LABELS[i.idle_class], "是" if i.overridden else "否"] for i in items))
    return _file(content, "idle-funds.xlsx")


@router.get("/rectification-cases.xlsx", response_class=Response, summary="Export cases (整改台账)",
            responses={200: {"content": {XLSX: {}}}})
async def export_cases(ctx: Reader) -> Response:
    today = ctx.clock.today()
    rows = await cases.page(ctx.session, ctx.principal, None, None, None, None, None, LIMIT)
    content = write_xlsx("整改台账", CASE_HEADERS, (
        [c.id, COUNTIES[c.county_code], c.origin, c.batch_id, c.allocation_id, c.project_id,
         IDLE_LABELS[IdleClass(c.idle_class)] if c.idle_class else None, c.amount, c.finding, c.measure,
         c.responsible_unit, c.deadline, _CASE_STATUS[c.status],
         "是" if c.status != "closed" and c.deadline < today else "否", c.opened_on, c.closed_on] for c in rows))
    return _file(content, "rectification-cases.xlsx")


def _cell_date(value: Any) -> Any:
    # openpyxl hands date cells back as datetime.
    return value.date() if isinstance(value, datetime) else value


_SPENDING_FIELDS = {"amount": "金额（元）", "spent_on": "支出日期", "voucher_no": "凭证号", "payee": "收款单位"}


def _parse(number: int, cells: dict[str, Any]) -> tuple[int | None, SpendingCreate | None, list[CellProblem]]:
    problems = []
    try:
        allocation_id = int(cells.get("分配编号"))
    except (TypeError, ValueError):
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
        problems += [CellProblem(number, _SPENDING_FIELDS.get(str(e["loc"][0]), str(e["loc"][0])), "内容有误")
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
async def import_spendings(ctx: Finance, key: IdempotencyKey, request: Request,
                           file: Annotated[UploadFile, File(description=UPLOAD)]):
    ledger = await read_ledger(file, ctx.settings, SPENDING_HEADERS)
    # Row checks are CPU work over every row: a worker thread, so the event loop answers others meanwhile.
    parsed, problems = await to_thread.run_sync(_parse_all, ledger.rows)
    ledger.refuse_if_any(problems)

    async def run() -> list[SpendingRead]:
        done, failures = [], []
        for number, allocation_id, body in parsed:  # any refused row rolls the whole upload back
            try:
                done.append(SpendingRead.model_validate(await service.spend(ctx, allocation_id, body)))
            except DomainError as error:
                failures += refused_row(number, error, lambda field: _SPENDING_FIELDS.get(field, field))
        if failures:
            raise refuse_rows(failures)
        return done

    fingerprint_body = {"sha256": ledger.sha256}
    return await once(ctx.session, ctx.principal, key, request, fingerprint_body, run)
