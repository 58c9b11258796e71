"""GraphQL types of review, notice, plans, execution, clear-out and bulletin figures (gateway/schema/lifecycle.py)."""
from datetime import date
from enum import StrEnum

import strawberry

from contracts import projects as contract
from gateway.schema.arguments import (
    CORRECTION,
)
from gateway.schema.contract_types import contract_type, described_by
from gateway.schema.enums import PlanEntryVia, ProjectStatus, describe_values
from gateway.schema.projects import EntryInput, NamedBeneficiariesInput, Project
from gateway.schema.rest import from_rest
from gateway.schema.text import FreeText, free_text_field


@strawberry.enum(description="审核结论（review decision）")
class ReviewDecision(StrEnum):
    """A review step's decision, as the review endpoint takes it."""

    APPROVE = "approve"
    RETURN = "return"
    REJECT = "reject"


@strawberry.enum(description="异议处理结论（objection outcome）")
class ObjectionOutcome(StrEnum):
    """How the county office resolves an objection."""

    UPHELD = "upheld"
    DISMISSED = "dismissed"


@strawberry.enum(description="验收结论（acceptance result）")
class AcceptanceResult(StrEnum):
    """The result of an acceptance."""

    PASSED = "passed"
    FAILED = "failed"


@strawberry.enum(description="通报数据的分组维度（what the bulletin figures are grouped by）")
class FigureDimension(StrEnum):
    """What the bulletin figures are grouped by."""

    COUNTY = "county"
    STATUS = "status"
    CATEGORY = "category"
    PLAN_YEAR = "plan_year"


describe_values(ReviewDecision, {
    ReviewDecision.APPROVE: "审核通过，进入下一环节（approve）",
    ReviewDecision.RETURN: "退回修改，项目单位修改后从本环节重新审核（return for changes）",
    ReviewDecision.REJECT: "不予入库，终局（reject, final）"})
describe_values(ObjectionOutcome, {
    ObjectionOutcome.UPHELD: "异议成立：项目不予入库（upheld: the entry is rejected）",
    ObjectionOutcome.DISMISSED: "异议不成立：公示继续（dismissed: the notice goes on）"})
describe_values(AcceptanceResult, {
    AcceptanceResult.PASSED: "验收合格，项目进入已验收（passed）",
    AcceptanceResult.FAILED: "验收不合格，项目仍为已竣工（failed: stays completed）"})
describe_values(FigureDimension, {
    FigureDimension.COUNTY: "按县区（by county）", FigureDimension.STATUS: "按项目状态（by status）",
    FigureDimension.CATEGORY: "按项目类别（by category）",
    FigureDimension.PLAN_YEAR: "按计划年度，未列入计划的一组 key 为空（by plan year）"})


@strawberry.type(description="一步操作的其他内容：各操作只填与它有关的字段，其余为空")
class HistoryData:
    """The typed members of contracts.projects.HistoryRead.data (a map in the contract, by action)."""

    step: ProjectStatus | None = strawberry.field(description="审核（通过、退回、不予入库）时所在的环节")
    notice_ends_on: date | None = strawberry.field(description="审核通过进入公示时，公示结束日期")
    library_code: str | None = strawberry.field(description="入库时分配的入库编号")
    objection_id: int | None = strawberry.field(description="提出或处理的异议 id")
    outcome: ObjectionOutcome | None = strawberry.field(description="异议处理结论")
    plan_year: int | None = strawberry.field(description="列入或调出的年度计划")
    via: PlanEntryVia | None = strawberry.field(description="如何列入计划")
    from_year: int | None = strawberry.field(description="滚动实施：转出的年度")
    to_year: int | None = strawberry.field(description="滚动实施：转入的年度")
    on: date | None = strawberry.field(description="开工、报告进度、竣工、验收或报账的日期")
    percent: int | None = strawberry.field(description="报告的完成百分比")
    accepting_unit: str | None = strawberry.field(description="验收单位")
    result: AcceptanceResult | None = strawberry.field(description="验收结论")
    actual_households: int | None = strawberry.field(description="验收（或导入）时实际受益贫困户数")
    actual_people: int | None = strawberry.field(description="验收（或导入）时实际受益贫困人口")
    promised_households: int | None = strawberry.field(description="验收时对照的申报受益贫困户数")
    promised_people: int | None = strawberry.field(description="验收时对照的申报受益贫困人口")
    admitted_on: date | None = strawberry.field(description="导入：入库日期")
    started_on: date | None = strawberry.field(description="导入：开工日期")
    progress_percent: int | None = strawberry.field(description="导入：完成百分比")
    last_progress_on: date | None = strawberry.field(description="导入：最近一次报告进度的日期")
    completed_on: date | None = strawberry.field(description="导入：竣工日期")
    accepted_on: date | None = strawberry.field(description="导入：验收日期")
    settled_on: date | None = strawberry.field(description="导入：报账日期")
    correction_reason: str | None = strawberry.field(description="关账后更正：更正理由（该步日期所在月份已关账）")
    corrected_months: list[str] | None = strawberry.field(description="关账后更正：被更正的已关账月份（YYYY-MM）")


def _history_data(root: strawberry.Parent[contract.HistoryRead]) -> HistoryData:
    return from_rest(HistoryData, root.data)


@contract_type(contract.HistoryRead, name="HistoryStep", description="项目全过程记录中的一步")
class HistoryStep:
    """contracts.projects.HistoryRead; its data typed (a map in the contract)."""

    data: HistoryData = strawberry.field(resolver=_history_data, description="操作的其他内容（按操作）")


@contract_type(contract.ObjectionRead, name="Objection", description="公示期异议")
class Objection:
    """contracts.projects.ObjectionRead."""


@contract_type(contract.PlanEntryRead, name="PlanEntry", description="年度计划中的一个项目")
class PlanEntry:
    """contracts.projects.PlanEntryRead."""


@contract_type(contract.PlanRead, name="Plan", description="县区年度实施计划")
class Plan:
    """contracts.projects.PlanRead."""


@contract_type(contract.PlanMembership, name="PlanMembership", description="项目曾列入的一个年度计划（滚动历史）")
class PlanMembership:
    """contracts.projects.PlanMembership."""


@contract_type(contract.CountyCount, name="ClearoutCount", description="一个县区的清理出库候选项目数")
class ClearoutCount:
    """contracts.projects.CountyCount."""


@contract_type(contract.BrokenRule, name="BrokenRule", description="清理出库候选项目违反的规则")
class BrokenRule:
    """contracts.projects.BrokenRule."""


@contract_type(contract.Candidate, name="ClearoutCandidate", description="清理出库候选项目及其违反的规则")
class ClearoutCandidate:
    """contracts.projects.Candidate."""


@contract_type(contract.FigureRead, name="Figure", description="通报数据：项目数、预算、开工率、完工率")
class Figure:
    """contracts.projects.FigureRead."""


@described_by(contract.ProjectRead, on="验收日期", accepting_unit="验收单位", result="验收结论",
              note="验收意见（可换行）")
@strawberry.input(description="验收（acceptance）")
class AcceptanceInput:
    """Acceptance as recorded."""

    on: date
    accepting_unit: str
    result: AcceptanceResult
    actual_households: int
    actual_people: int
    note: str = free_text_field("")
    correction_reason: str | None = strawberry.field(default=None, directives=[FreeText()], description=CORRECTION)


@described_by(contract.ProjectRead, owner_org="项目主管单位（必填）", budget="分来源、分年度的预算（至少一行）",
              township="所在乡镇名称（按县区内的村屯名录匹配）", village="所在行政村名称（按该乡镇的村屯名录匹配）",
              status="导入时的状态：已入库、已列入年度计划、已开工、已竣工、已验收或已报账",
              library_code="原入库编号（县区代码-年度-序号）；为空自动编号",
              plan_year="所在年度计划（已列入计划的必填）", admitted_on="入库日期")
@strawberry.input(description="一个历史项目（已入库或实施中）：申报内容加上当前状态及各环节日期"
                              "（入库 ≤ 开工 ≤ 竣工 ≤ 验收 ≤ 报账）")
class ExistingProjectInput(EntryInput):
    """An entry admitted or in execution before the county adopted the system (REST's ExistingProject); its places
    are named and matched to the village registry."""

    township: str
    village: str
    beneficiaries: NamedBeneficiariesInput
    status: ProjectStatus
    admitted_on: date
    library_code: str | None = None
    plan_year: int | None = None
    started_on: date | None = None
    progress_percent: int = 0
    last_progress_on: date | None = None
    completed_on: date | None = None
    accepted_on: date | None = None
    actual_households: int | None = None
    actual_people: int | None = None
    settled_on: date | None = None


@strawberry.type(description="导入成功的项目")
class ImportedProjects:
    """The entries an import brought in."""

    projects: list[contract.ProjectRead] = strawberry.field(graphql_type=list[Project],
                                                            description="导入的项目，按行的顺序")
