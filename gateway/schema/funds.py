"""GraphQL types and queries of the funds service; the types are the contract's (contracts/funds.py)."""
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

import strawberry
from strawberry.types import Info

from contracts import funds as contract
from contracts.enums import ItemKind
from contracts.page import Page as PageRead
from gateway.context import Context
from gateway.funds_client import (
    ALLOCATIONS,
    ANNOUNCEMENTS,
    BATCHES,
    CASES,
    EVALUATIONS,
    IDLE_FUNDS,
    IDLE_SUMS,
    PROGRESS,
    RECOVERIES,
    SPENDINGS,
    TRANSFERS,
    WEEKLY_NOTICE,
)
from gateway.schema.arguments import After, AllocationId, County, First, YearFilter
from gateway.schema.contract_types import contract_type, described_by
from gateway.schema.enums import AgeBucket, CaseStatus, IdleClass, IdleDimension, SourceLevel, describe_values
from gateway.schema.page import Page, page_size
from gateway.schema.rest import from_rest

Level = Annotated[SourceLevel | None, strawberry.argument(description="只列该资金来源级次；为空不限")]
assert {k.value for k in ItemKind} == {"batch", "allocation"}  # IdleItemKind below shows ItemKind under its own name


@strawberry.enum(description="闲置资金所在的台账行：BATCH 批次未分配余额 / ALLOCATION 分配余额")
class IdleItemKind(StrEnum):
    """contracts.enums.ItemKind as GraphQL named it before the contracts existed (its arguments still use it)."""

    BATCH = ItemKind.BATCH.value
    ALLOCATION = ItemKind.ALLOCATION.value


describe_values(IdleItemKind, {IdleItemKind.BATCH: "批次未分配余额（a batch's unallocated balance）",
                               IdleItemKind.ALLOCATION: "已分配未支出的余额（an allocation's unspent balance）"})


@contract_type(contract.BatchRead, name="FundBatch",
               description="资金文件（批次）：到位金额 = 已分配（扣除收回）+ 未分配")
class FundBatch:
    """contracts.funds.BatchRead."""


@contract_type(contract.AllocationRead, name="Allocation", description="资金分配：分配金额 = 已支出 + 已收回 + 余额")
class Allocation:
    """contracts.funds.AllocationRead."""


@contract_type(contract.SpendingRead, name="Spending", description="报账或冲销记录")
class Spending:
    """contracts.funds.SpendingRead."""


@contract_type(contract.RecoveryRead, name="Recovery", description="收回记录：回到批次未分配余额，可追溯来源")
class Recovery:
    """contracts.funds.RecoveryRead."""


@contract_type(contract.TransferRead, name="Transfer", description="另行安排（转移记录）及资金流转天数")
class Transfer:
    """contracts.funds.TransferRead."""


@contract_type(contract.IdleItem, name="IdleFund", description="一笔闲置资金及其分类")
class IdleFund:
    """contracts.funds.IdleItem; its kind as IdleItemKind (ItemKind's GraphQL name)."""

    kind: IdleItemKind


@contract_type(contract.CaseRead, name="RectificationCase", description="整改事项（限期整改、销号）")
class RectificationCase:
    """contracts.funds.CaseRead."""


@described_by(contract.AllocationRead, id="分配的 id", amount="公示的分配金额（元，两位小数）")
@strawberry.type(description="公示的一笔分配")
class AnnouncedAllocation:
    """One allocation frozen into an announcement (a JSON map in the contract)."""

    id: int
    project_id: int
    amount: Decimal
    allocated_on: date


def _allocations(root: strawberry.Parent[contract.AnnouncementRead]) -> list[AnnouncedAllocation]:
    return [from_rest(AnnouncedAllocation, a) for a in root.allocations]


@contract_type(contract.AnnouncementRead, name="Announcement",
               description="资金分配公告公示：公示时冻结的分配清单及公示期")
class Announcement:
    """contracts.funds.AnnouncementRead; its frozen allocations typed."""

    allocations: list[AnnouncedAllocation] = strawberry.field(resolver=_allocations,
                                                              description="公示时冻结的分配清单")


@strawberry.type(description="绩效评价指标：目标值与实际值")
class EvaluationIndicator:
    """One indicator of an evaluation (a JSON map in the contract)."""

    indicator: str = strawberry.field(description="指标名称")
    unit: str = strawberry.field(description="计量单位")
    target: Decimal = strawberry.field(description="目标值")
    actual: Decimal = strawberry.field(description="实际值")


def _indicators(root: strawberry.Parent[contract.EvaluationRead]) -> list[EvaluationIndicator]:
    return [from_rest(EvaluationIndicator, i) for i in root.indicators]


@contract_type(contract.EvaluationRead, name="Evaluation", description="资金使用绩效评价（批次或项目）")
class Evaluation:
    """contracts.funds.EvaluationRead; its indicators typed."""

    indicators: list[EvaluationIndicator] = strawberry.field(resolver=_indicators, description="评价指标")


@contract_type(contract.CountyNotice, name="CountyNotice",
               description="每周通报中一个县区的一行：本周新增、逾期未销号、本周销号的整改事项数")
class CountyNotice:
    """contracts.funds.CountyNotice."""


@contract_type(contract.WeeklyNotice, name="WeeklyNotice", description="整改每周通报（每周通报）")
class WeeklyNotice:
    """contracts.funds.WeeklyNotice."""


@contract_type(contract.ProgressRow, name="SpendingProgress", description="资金支出进度（按县区、来源、年度）")
class SpendingProgress:
    """contracts.funds.ProgressRow."""


@contract_type(contract.IdleSum, name="IdleFundSum", description="闲置资金汇总（未参与分组的维度为空）")
class IdleFundSum:
    """contracts.funds.IdleSum."""


@contract_type(contract.ProjectFunding, name="ProjectFunding",
               description="项目资金情况：分配总额 = 已支出 + 已收回 + 余额；闲置资金")
class ProjectFunding:
    """contracts.funds.ProjectFunding."""


def _value(enum: StrEnum | None) -> str | None:
    return enum.value if enum else None


@strawberry.type
class FundsQueries:
    """Reads of the funds service."""

    @strawberry.field(description="资金批次，按新到旧分页。Excel 台账（文件，不经 GraphQL）："
                                  "资金服务 REST GET /ledgers/batches.xlsx", graphql_type=Page[FundBatch])
    async def fund_batches(self, info: Info[Context, None], county: County = None, source_level: Level = None,
                           year: YearFilter = None, first: First = 50, after: After = None
                           ) -> PageRead[contract.BatchRead]:
        """A page of fund batches (GET /batches)."""
        params = {"county": county, "source_level": _value(source_level), "year": year, "limit": page_size(first),
                  "after": after}
        return await info.context.funds.call(BATCHES, params=params)

    @strawberry.field(description="闲置资金清单，按金额从大到小分页。Excel 台账（文件，不经 GraphQL）："
                                  "资金服务 REST GET /ledgers/idle-funds.xlsx", graphql_type=Page[IdleFund])
    async def idle_funds(
            self, info: Info[Context, None], county: County = None, source_level: Level = None,
            year: YearFilter = None,
            idle_class: Annotated[IdleClass | None, strawberry.argument(description="只列该分类；为空不限")] = None,
            age_bucket: Annotated[AgeBucket | None, strawberry.argument(
                description="只列该闲置月数区间；为空不限")] = None,
            first: First = 50, after: After = None) -> PageRead[contract.IdleItem]:
        """A page of idle items, largest first (GET /idle-funds)."""
        params = {"county": county, "source_level": _value(source_level), "year": year,
                  "idle_class": _value(idle_class), "age_bucket": _value(age_bucket), "limit": page_size(first),
                  "after": after}
        return await info.context.funds.call(IDLE_FUNDS, params=params)

    @strawberry.field(description="闲置资金汇总，按 by 所列的一个或多个维度分组", graphql_type=list[IdleFundSum])
    async def idle_fund_sums(
            self, info: Info[Context, None],
            by: Annotated[list[IdleDimension] | None, strawberry.argument(
                description="分组维度（一个或多个）；为空按县区")] = None,
            county: County = None) -> list[contract.IdleSum]:
        """Idle money summed by the chosen dimensions (GET /idle-funds/sums)."""
        dimensions = by or [IdleDimension.COUNTY_CODE]
        params = {"by": ",".join(d.value for d in dimensions), "county": county}
        return await info.context.funds.call(IDLE_SUMS, params=params)

    @strawberry.field(description="整改事项，按新到旧分页；overdue 为真时只列逾期未销号的。Excel 台账（文件，"
                                  "不经 GraphQL）：资金服务 REST GET /ledgers/rectification-cases.xlsx",
                      graphql_type=Page[RectificationCase])
    async def rectification_cases(
            self, info: Info[Context, None], county: County = None,
            status: Annotated[CaseStatus | None, strawberry.argument(description="只列该状态；为空不限")] = None,
            overdue: Annotated[bool, strawberry.argument(description="为真时只列逾期未销号的")] = False,
            first: First = 50, after: After = None) -> PageRead[contract.CaseRead]:
        """A page of rectification cases (GET /rectification-cases)."""
        params = {"county": county, "status": _value(status), "overdue": str(overdue).lower(),
                  "limit": page_size(first), "after": after}
        return await info.context.funds.call(CASES, params=params)

    @strawberry.field(description="整改每周通报：截至 weekEnd（默认今天）的七天内，各县区新增、逾期、销号数",
                      graphql_type=WeeklyNotice)
    async def rectification_weekly_notice(
            self, info: Info[Context, None],
            week_end: Annotated[date | None, strawberry.argument(description="通报周的最后一天；为空为今天")] = None
    ) -> contract.WeeklyNotice:
        """The weekly notice of rectification cases (GET /rectification-cases/weekly-notice)."""
        params = {"week_end": week_end.isoformat() if week_end else None}
        return await info.context.funds.call(WEEKLY_NOTICE, params=params)

    @strawberry.field(description="资金分配，按先后分页：某批次的（batchId）或某些项目的（projectIds）",
                      graphql_type=Page[Allocation])
    async def fund_allocations(
            self, info: Info[Context, None],
            batch_id: Annotated[int | None, strawberry.argument(description="只列该资金批次的分配")] = None,
            project_ids: Annotated[list[int] | None, strawberry.argument(description="只列这些项目的分配")] = None,
            first: First = 50, after: After = None) -> PageRead[contract.AllocationRead]:
        """A page of allocations of a batch or of projects (GET /allocations)."""
        params = {"batch_id": batch_id, "project_ids": ",".join(map(str, project_ids)) if project_ids else None,
                  "limit": page_size(first), "after": after}
        return await info.context.funds.call(ALLOCATIONS, params=params)

    @strawberry.field(description="一笔分配的报账与冲销记录，按先后分页", graphql_type=Page[Spending])
    async def spendings(self, info: Info[Context, None], allocation_id: AllocationId, first: First = 50,
                        after: After = None) -> PageRead[contract.SpendingRead]:
        """A page of an allocation's spendings and reversals (GET /allocations/{allocation_id}/spendings)."""
        return await info.context.funds.call(SPENDINGS, params={"limit": page_size(first), "after": after},
                                             path_params={"allocation_id": allocation_id})

    @strawberry.field(description="收回记录（可追溯来源分配与项目），按新到旧分页", graphql_type=Page[Recovery])
    async def fund_recoveries(self, info: Info[Context, None], first: First = 50,
                              after: After = None) -> PageRead[contract.RecoveryRead]:
        """A page of recoveries (GET /recoveries)."""
        return await info.context.funds.call(RECOVERIES, params={"limit": page_size(first), "after": after})

    @strawberry.field(description="资金支出进度，低于阈值标红、标黄", graphql_type=list[SpendingProgress])
    async def spending_progress(self, info: Info[Context, None], county: County = None, source_level: Level = None,
                                year: YearFilter = None) -> list[contract.ProgressRow]:
        """Spending progress with flags (GET /spending-progress)."""
        params = {"county": county, "source_level": _value(source_level), "year": year}
        return await info.context.funds.call(PROGRESS, params=params)

    @strawberry.field(description="另行安排记录及资金流转天数，按新到旧分页", graphql_type=Page[Transfer])
    async def fund_transfers(self, info: Info[Context, None], county: County = None, first: First = 50,
                             after: After = None) -> PageRead[contract.TransferRead]:
        """A page of transfers with their day counts (GET /transfers)."""
        params = {"county": county, "limit": page_size(first), "after": after}
        return await info.context.funds.call(TRANSFERS, params=params)

    @strawberry.field(description="资金分配公告公示，按新到旧分页；open 表示今天在公示期内",
                      graphql_type=Page[Announcement])
    async def announcements(self, info: Info[Context, None], first: First = 50,
                            after: After = None) -> PageRead[contract.AnnouncementRead]:
        """A page of announcements (GET /announcements)."""
        return await info.context.funds.call(ANNOUNCEMENTS, params={"limit": page_size(first), "after": after})

    @strawberry.field(description="绩效评价，按新到旧分页", graphql_type=Page[Evaluation])
    async def evaluations(self, info: Info[Context, None], first: First = 50,
                          after: After = None) -> PageRead[contract.EvaluationRead]:
        """A page of evaluations (GET /evaluations)."""
        return await info.context.funds.call(EVALUATIONS, params={"limit": page_size(first), "after": after})
