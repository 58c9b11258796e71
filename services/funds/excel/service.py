"""Excel ledgers (台账) of the funds service: batches, idle funds and cases as workbooks; spending records applied
all or none."""
from contracts.funds import SpendingRead
from services.funds.deps import Ctx
from services.funds.idle import service as idle
from services.funds.idle.schemas import IdleFilter
from services.funds.ledger import service as ledger
from services.funds.ledger.repository import BatchRepository
from services.funds.ledger.schemas import SpendingCreate
from services.funds.rectification.repository import CaseRepository
from services.funds.terms import IDLE_LABELS, SOURCE_LABELS, IdleClass
from services.kit.counties import COUNTIES
from services.kit.errors import DomainError
from services.kit.xlsx import refuse_rows, refused_row, write_xlsx

LIMIT = 50_000
BATCH_HEADERS = ["批次编号", "文号", "资金来源", "年度", "县区", "到位金额（元）", "已分配（元）", "未分配（元）",
                 "到位日期", "用途"]
IDLE_HEADERS = ["类型", "编号", "批次编号", "项目编号", "项目状态", "县区", "资金来源", "年度", "闲置金额（元）",
                "最后变动日期", "闲置天数", "闲置月数", "分类", "人工调整"]
CASE_HEADERS = ["整改编号", "县区", "来源", "批次编号", "分配编号", "项目编号", "分类", "金额（元）", "问题",
                "整改措施", "责任单位", "整改期限", "状态", "是否逾期", "立项日期", "销号日期"]
SPENDING_HEADERS = ["分配编号", "金额（元）", "支出日期", "凭证号", "收款单位"]
SPENDING_FIELDS = {"amount": "金额（元）", "spent_on": "支出日期", "voucher_no": "凭证号", "payee": "收款单位"}
_SOURCES = {str(level): label for level, label in SOURCE_LABELS.items()}
_CASE_STATUS = {"open": "待整改", "rectifying": "整改中", "closed": "已销号"}


async def batches_workbook(ctx: Ctx) -> bytes:
    """Fund batches in scope, newest first (资金批次台账)."""
    batches = BatchRepository(ctx.session)
    rows = await batches.page(batches.readable(ctx.principal), None, LIMIT)
    return write_xlsx("资金批次台账", BATCH_HEADERS, (
        [b.id, b.doc_number, SOURCE_LABELS[b.source_level], b.year, COUNTIES[b.county_code], b.amount, b.allocated,
         b.unallocated, b.received_on, b.purpose] for b in rows))


async def idle_workbook(ctx: Ctx) -> bytes:
    """Idle items in scope, largest first (闲置资金台账)."""
    items = await idle.every_item(ctx, IdleFilter(), LIMIT)
    return write_xlsx("闲置资金台账", IDLE_HEADERS, (
        ["未分配" if i.kind == "batch" else "已分配未支出", i.item_id, i.batch_id, i.project_id, i.project_status,
         COUNTIES[i.county_code], _SOURCES.get(i.source_level, i.source_level), i.year, i.amount, i.since,
         i.age_days, i.age_bucket, IDLE_LABELS[i.idle_class], "是" if i.overridden else "否"] for i in items))


async def cases_workbook(ctx: Ctx) -> bytes:
    """Rectification cases in scope, newest first (整改台账)."""
    today = ctx.clock.today()
    cases = CaseRepository(ctx.session)
    rows = await cases.page(cases.readable(ctx.principal), None, LIMIT)
    return write_xlsx("整改台账", CASE_HEADERS, (
        [c.id, COUNTIES[c.county_code], c.origin, c.batch_id, c.allocation_id, c.project_id,
         IDLE_LABELS[IdleClass(c.idle_class)] if c.idle_class else None, c.amount, c.finding, c.measure,
         c.responsible_unit, c.deadline, _CASE_STATUS[c.status],
         "是" if c.status != "closed" and c.deadline < today else "否", c.opened_on, c.closed_on] for c in rows))


async def import_spendings(ctx: Ctx, parsed: list[tuple[int, int, SpendingCreate]]) -> list[SpendingRead]:
    """Record every parsed row's reimbursement (报账批量导入); any refused row refuses the whole upload, with every
    refused row reported (422 ledger.invalid_rows), so the request's transaction rolls all of it back."""
    done, failures = [], []
    for number, allocation_id, body in parsed:
        try:
            done.append(SpendingRead.model_validate(await ledger.spend(ctx, allocation_id, body)))
        except DomainError as error:
            failures += refused_row(number, error, lambda field: SPENDING_FIELDS.get(field, field))
    if failures:
        raise refuse_rows(failures)
    return done
