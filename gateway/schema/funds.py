"""GraphQL types and queries of the funds service: funding, idle funds, rectification, spending progress."""
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import partial

import strawberry
from strawberry.types import Info

from gateway.context import Context
from gateway.schema.page import Page, page_of, page_size
from gateway.schema.rest import from_rest
from services.funds.terms import IdleClass, SourceLevel

SourceLevelGQL = strawberry.enum(Enum("SourceLevel", {s.name: s.value for s in SourceLevel}),
                                 description="资金来源级次")
IdleClassGQL = strawberry.enum(Enum("IdleClass", {c.name: c.value for c in IdleClass}),
                               description="闲置资金分类：加快推进、验收报账、收回、督促开工、安排项目")
IdleItemKindGQL = strawberry.enum(Enum("IdleItemKind", {"BATCH": "batch", "ALLOCATION": "allocation"}),
                                  description="闲置资金所在的台账行：BATCH 批次未分配余额 / ALLOCATION 分配余额")


@strawberry.type(description="资金文件（批次）：到位金额 = 已分配（扣除收回）+ 未分配")
class FundBatch:
    id: int
    doc_number: str
    source_level: SourceLevelGQL
    year: int
    county_code: str
    amount: Decimal
    allocated: Decimal
    unallocated: Decimal
    received_on: date
    purpose: str


@strawberry.type(description="资金分配：分配金额 = 已支出 + 已收回 + 余额")
class Allocation:
    id: int
    batch_id: int
    project_id: int
    county_code: str
    source_level: SourceLevelGQL
    year: int
    amount: Decimal
    spent: Decimal
    recovered: Decimal
    balance: Decimal
    allocated_on: date
    last_spent_on: date | None


@strawberry.type(description="报账或冲销记录")
class Spending:
    id: int
    allocation_id: int
    kind: str
    amount: Decimal
    spent_on: date
    voucher_no: str
    payee: str
    reverses_id: int | None


@strawberry.type(description="收回记录：回到批次未分配余额，可追溯来源")
class Recovery:
    id: int
    allocation_id: int
    batch_id: int
    project_id: int
    county_code: str
    amount: Decimal
    reallocated: Decimal
    recovered_on: date
    reason: str


@strawberry.type(description="另行安排（转移记录）及资金流转天数")
class Transfer:
    id: int
    recovery_id: int
    from_allocation_id: int
    to_allocation_id: int
    from_project_id: int
    to_project_id: int
    amount: Decimal
    recovered_on: date
    transferred_on: date
    to_project_started_on: date | None
    days_recovery_to_reallocation: int
    days_reallocation_to_start: int | None


@strawberry.type(description="一笔闲置资金及其分类")
class IdleFund:
    kind: IdleItemKindGQL
    item_id: int
    batch_id: int
    project_id: int | None
    project_status: str | None
    county_code: str
    source_level: SourceLevelGQL
    year: int
    amount: Decimal
    since: date
    age_days: int
    age_bucket: str
    idle_class: IdleClassGQL
    idle_class_label: str
    overridden: bool


@strawberry.type(description="整改事项（限期整改、销号）")
class RectificationCase:
    id: int
    county_code: str
    origin: str
    batch_id: int | None
    allocation_id: int | None
    project_id: int | None
    idle_class: str | None
    amount: Decimal
    finding: str | None
    measure: str
    responsible_unit: str
    deadline: date
    status: str
    opened_by: str
    opened_on: date
    closed_on: date | None
    close_note: str | None
    version: int
    overdue: bool


@strawberry.type(description="公示的一笔分配")
class AnnouncedAllocation:
    id: int
    project_id: int
    amount: Decimal
    allocated_on: date


@strawberry.type(description="资金分配公告公示：公示时冻结的分配清单及公示期")
class Announcement:
    id: int
    batch_id: int
    county_code: str
    title: str
    starts_on: date
    ends_on: date
    allocations: list[AnnouncedAllocation]
    published_by: str
    open: bool


@strawberry.type(description="绩效评价指标：目标值与实际值")
class EvaluationIndicator:
    indicator: str
    unit: str
    target: Decimal
    actual: Decimal


@strawberry.type(description="资金使用绩效评价（批次或项目）")
class Evaluation:
    id: int
    county_code: str
    batch_id: int | None
    project_id: int | None
    indicators: list[EvaluationIndicator]
    score: Decimal
    conclusion: str
    evaluator: str
    evaluated_on: date


@strawberry.type(description="每周通报中一个县区的一行：本周新增、逾期未销号、本周销号的整改事项数")
class CountyNotice:
    county_code: str
    new: int
    overdue: int
    closed: int


@strawberry.type(description="整改每周通报（每周通报）")
class WeeklyNotice:
    week_start: date
    week_end: date
    counties: list[CountyNotice]


@strawberry.type(description="资金支出进度（按县区、来源、年度）")
class SpendingProgress:
    county_code: str
    source_level: SourceLevelGQL
    year: int
    received: Decimal
    allocated: Decimal
    spent: Decimal
    recovered: Decimal
    idle: Decimal
    spend_rate: Decimal
    flag: str


@strawberry.type(description="闲置资金汇总（未参与分组的维度为空）")
class IdleFundSum:
    county_code: str | None
    source_level: str | None
    year: int | None
    idle_class: str | None
    age_bucket: str | None
    amount: Decimal
    items: int


@strawberry.type(description="项目资金情况：分配总额 = 已支出 + 已收回 + 余额；闲置资金")
class ProjectFunding:
    allocated: Decimal = strawberry.field(description="分配总额（含其后收回的部分）")
    spent: Decimal = strawberry.field(description="已支出（扣除冲销）")
    recovered: Decimal = strawberry.field(description="已收回（回到批次未分配余额）")
    balance: Decimal = strawberry.field(description="余额")
    allocations: list[Allocation]
    idle_items: list[IdleFund]



async def funding_of(info: Info[Context, None], project_id: int) -> ProjectFunding | None:
    """Project.funding through the per-request DataLoader (one /funding call per request)."""
    found = await info.context.funding_by_project_id.load(project_id)
    return from_rest(ProjectFunding, found) if found else None


def _source(level: SourceLevelGQL | None) -> str | None:
    return level.value if level else None


@strawberry.type
class FundsQueries:
    @strawberry.field(description="资金批次，按新到旧分页")
    async def fund_batches(self, info: Info[Context, None], county: str | None = None,
                           source_level: SourceLevelGQL | None = None, year: int | None = None,
                           first: int = 50, after: str | None = None) -> Page[FundBatch]:
        params = {"county": county, "source_level": _source(source_level), "year": year, "limit": page_size(first),
                  "after": after}
        return page_of(await info.context.funds.get("/batches", params=params), partial(from_rest, FundBatch))

    @strawberry.field(description="闲置资金清单，按金额从大到小分页")
    async def idle_funds(self, info: Info[Context, None], county: str | None = None,
                         source_level: SourceLevelGQL | None = None, year: int | None = None,
                         idle_class: IdleClassGQL | None = None, age_bucket: str | None = None,
                         first: int = 50, after: str | None = None) -> Page[IdleFund]:
        params = {"county": county, "source_level": _source(source_level), "year": year,
                  "idle_class": idle_class.value if idle_class else None, "age_bucket": age_bucket,
                  "limit": page_size(first), "after": after}
        return page_of(await info.context.funds.get("/idle-funds", params=params), partial(from_rest, IdleFund))

    @strawberry.field(description="闲置资金汇总；by 为逗号分隔的维度："
                                  "county_code、source_level、year、idle_class、age_bucket")
    async def idle_fund_sums(self, info: Info[Context, None], by: str = "county_code",
                             county: str | None = None) -> list[IdleFundSum]:
        rows = await info.context.funds.get("/idle-funds/sums", params={"by": by, "county": county})
        return [from_rest(IdleFundSum, r) for r in rows]

    @strawberry.field(description="整改事项，按新到旧分页；overdue 为真时只列逾期未销号的")
    async def rectification_cases(self, info: Info[Context, None], county: str | None = None,
                                  status: str | None = None, overdue: bool = False,
                                  first: int = 50, after: str | None = None) -> Page[RectificationCase]:
        params = {"county": county, "status": status, "overdue": str(overdue).lower(), "limit": page_size(first),
                  "after": after}
        page = await info.context.funds.get("/rectification-cases", params=params)
        return page_of(page, partial(from_rest, RectificationCase))

    @strawberry.field(description="整改每周通报：截至 weekEnd（默认今天）的七天内，各县区新增、逾期、销号数")
    async def rectification_weekly_notice(self, info: Info[Context, None],
                                          week_end: date | None = None) -> WeeklyNotice:
        params = {"week_end": week_end.isoformat() if week_end else None}
        return from_rest(WeeklyNotice, await info.context.funds.get("/rectification-cases/weekly-notice",
                                                                    params=params))

    @strawberry.field(description="资金分配，按先后分页：某批次的（batchId）或某些项目的（projectIds）")
    async def fund_allocations(self, info: Info[Context, None], batch_id: int | None = None,
                               project_ids: list[int] | None = None, first: int = 50,
                               after: str | None = None) -> Page[Allocation]:
        params = {"batch_id": batch_id, "project_ids": ",".join(map(str, project_ids)) if project_ids else None,
                  "limit": page_size(first), "after": after}
        return page_of(await info.context.funds.get("/allocations", params=params), partial(from_rest, Allocation))

    @strawberry.field(description="一笔分配的报账与冲销记录，按先后分页")
    async def spendings(self, info: Info[Context, None], allocation_id: int, first: int = 50,
                        after: str | None = None) -> Page[Spending]:
        page = await info.context.funds.get("/allocations/{allocation_id}/spendings",
                                            params={"limit": page_size(first), "after": after},
                                            path_params={"allocation_id": allocation_id})
        return page_of(page, partial(from_rest, Spending))

    @strawberry.field(description="收回记录（可追溯来源分配与项目），按新到旧分页")
    async def fund_recoveries(self, info: Info[Context, None], first: int = 50,
                              after: str | None = None) -> Page[Recovery]:
        params = {"limit": page_size(first), "after": after}
        return page_of(await info.context.funds.get("/recoveries", params=params), partial(from_rest, Recovery))

    @strawberry.field(description="资金支出进度，低于阈值标红、标黄")
    async def spending_progress(self, info: Info[Context, None], county: str | None = None,
                                source_level: SourceLevelGQL | None = None,
                                year: int | None = None) -> list[SpendingProgress]:
        params = {"county": county, "source_level": _source(source_level), "year": year}
        rows = await info.context.funds.get("/spending-progress", params=params)
        return [from_rest(SpendingProgress, r) for r in rows]

    @strawberry.field(description="另行安排记录及资金流转天数，按新到旧分页")
    async def fund_transfers(self, info: Info[Context, None], county: str | None = None, first: int = 50,
                             after: str | None = None) -> Page[Transfer]:
        params = {"county": county, "limit": page_size(first), "after": after}
        return page_of(await info.context.funds.get("/transfers", params=params), partial(from_rest, Transfer))

    @strawberry.field(description="资金分配公告公示，按新到旧分页；open 表示今天在公示期内")
    async def announcements(self, info: Info[Context, None], first: int = 50,
                            after: str | None = None) -> Page[Announcement]:
        params = {"limit": page_size(first), "after": after}
        return page_of(await info.context.funds.get("/announcements", params=params),
                       partial(from_rest, Announcement))

    @strawberry.field(description="绩效评价，按新到旧分页")
    async def evaluations(self, info: Info[Context, None], first: int = 50,
                          after: str | None = None) -> Page[Evaluation]:
        params = {"limit": page_size(first), "after": after}
        return page_of(await info.context.funds.get("/evaluations", params=params), partial(from_rest, Evaluation))
