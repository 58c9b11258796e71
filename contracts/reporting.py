"""What the reporting service answers (月度通报、评比排名、提醒约谈): a month's figures per county, the ranking with
its explanation, reminders, and bulletin editions (an issued edition never changes).

The reporting service builds these from the other services' answers and declares them as `response_model`; the
gateway parses its upstream answers into them and derives its GraphQL types from them.
"""
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, Field

from contracts.fields import CountyCode, Yuan
from contracts.inputs import FreeText, StrictInput
from contracts.month_figures import Count

Rate = Decimal  # a share between 0 and 1, four decimals (shown as a percentage)


class BulletinStatus(StrEnum):
    """Whether a bulletin is a draft computed now or an issued, frozen edition."""

    DRAFT = "draft"
    ISSUED = "issued"


class ReminderRule(StrEnum):
    """The rules that put a unit or county on the reminder-talk list (提醒约谈)."""

    CASE_OVERDUE = "case_overdue"
    QUOTA_BREACH_RUNNING = "quota_breach_running"
    COUNTY_AT_BOTTOM = "county_at_bottom"


class Amount(BaseModel):
    """Yuan under one key (an idle class, an age bucket), with its Chinese label."""

    key: str = Field(description="分类代码（English code）")
    label: str = Field(description="分类名称（中文）（label）")
    amount: Yuan


class CountyFigures(BaseModel):
    """One county's figures of a month, from every service (stock figures as of the month's last day)."""

    county_code: CountyCode
    county_name: str = Field(description="县区名称（county name）")
    entries: int = Field(description="项目库项目总数（各状态）")
    entries_by_status: list[Count] = Field(description="各状态项目数")
    in_library: int = Field(description="在库项目数（已入库至已报账）")
    admitted_in_month: int = Field(description="当月入库项目数")
    started_in_month: int = Field(description="当月开工项目数")
    stalled: int = Field(description="停滞项目数")
    received: Yuan = Field(description="到位资金（元）")
    allocated: Yuan = Field(description="已分配资金（元）")
    spent: Yuan = Field(description="已支出资金（元）")
    spend_rate: Rate = Field(description="支出进度 = 已支出 ÷ 到位（四位小数）")
    idle: Yuan = Field(description="闲置资金（元）")
    idle_by_class: list[Amount] = Field(description="闲置资金按分类")
    idle_by_age: list[Amount] = Field(description="闲置资金按闲置时长")
    cases_open: int = Field(description="月末未销号的整改事项数")
    cases_overdue: int = Field(description="月末逾期未销号的整改事项数")
    cases_closed_in_month: int = Field(description="当月销号的整改事项数")
    quota_subjects: int = Field(description="用工比例考核对象数（骨干企业全年 + 集团在建项目当月）")
    quota_breach: int = Field(description="未达标对象数")
    quota_compliant: int = Field(description="达标对象数（含超过区间）")
    quota_not_reported: int = Field(description="未报送用工总数的对象数")
    guangdong_delivered: Yuan | None = Field(None, description="粤桂协作资金到位（元）；协作服务未接入为空")
    key_tasks_overdue: int | None = Field(None, description="逾期的协作重点任务数；协作服务未接入为空")
    collective_below_target: int | None = Field(
        None, description="当年村级集体经济收入未达目标（含未填报）的行政村数；2026-11-30 以前印发的版次为空")
    road_gaps: int | None = Field(
        None, description="当年应通而未通硬化道路的 20 户以上自然屯数；2026-11-30 以前印发的版次为空")
    # 读取已关账月份: whether each source had closed the county's month when the figures were read.
    progress_closed: bool | None = Field(None, description="项目库（进度）当月是否已关账；关账功能之前印发的版次为空")
    spending_closed: bool | None = Field(None, description="资金（报账）当月是否已关账；关账功能之前印发的版次为空")
    placements_closed: bool | None = Field(None, description="就业（安置）当月是否已关账；关账功能之前印发的版次为空")
    provisional: bool | None = Field(None, description="数据为暂定：任一来源当月未关账，其数据仍可能变化；"
                                                       "关账功能之前印发的版次为空")


class IndicatorScore(BaseModel):
    """One indicator of a county's composite score, figure by figure."""

    indicator: str = Field(description="指标代码")
    label: str = Field(description="指标名称")
    value: Rate = Field(description="指标值（0–1）")
    score: Rate = Field(description="得分率（0–1，越高越好）")
    weight: Decimal = Field(description="权重")
    points: Decimal = Field(description="折合分数 = 得分率 × 权重 ÷ 权重合计 × 100")
    explanation: str = Field(description="计算说明（中文，含原始数字）")


class RankingRow(BaseModel):
    """One county's place in the month's ranking (每月一评比)."""

    county_code: CountyCode
    county_name: str = Field(description="县区名称（county name）")
    score: Decimal = Field(description="综合得分（0–100，两位小数）")
    rank: int = Field(description="名次（1 为第一；rank）")
    previous_rank: int | None = Field(description="上月名次；上月无数据为空")
    change: int | None = Field(description="名次变化（正数为上升）")
    bottom: bool = Field(description="是否列入末位（黑榜）")
    indicators: list[IndicatorScore] = Field(description="各项指标的得分明细（indicator scores）")


class Ranking(BaseModel):
    """The month's ranking of the counties in the reader's scope."""

    month: str = Field(description="月份 YYYY-MM（month）")
    rows: list[RankingRow] = Field(description="各县区得分与名次，按名次排列（rows by rank）")
    bottom: list[str] = Field(description="末位县区代码（全市排名）")


class Reminder(BaseModel):
    """A unit or county due for a reminder talk (提醒约谈), with the rule and the evidence."""

    rule: ReminderRule = Field(description="提醒约谈规则（rule）")
    rule_label: str = Field(description="规则（中文）（rule label）")
    county_code: CountyCode
    county_name: str = Field(description="县区名称（county name）")
    unit: str = Field(description="约谈对象（单位或县区）")
    evidence: str = Field(description="依据（中文，含数字）")
    subject_id: int | None = Field(None, description="整改事项或在建项目的 id；县区为空")


class Bulletin(BaseModel):
    """A month's bulletin: a draft computed now, or an issued edition exactly as it was issued."""

    month: str = Field(description="月份 YYYY-MM（month）")
    status: BulletinStatus = Field(description="通报状态：草稿或已印发（status）")
    edition: int | None = Field(description="版次（1 起）；草稿为空")
    issued_at: datetime | None = Field(description="印发时间，UTC；草稿为空（issued at）")
    issued_by: str | None = Field(description="印发人；草稿为空（issued by）")
    reason: str | None = Field(description="更正理由（第 2 版起）")
    generated_at: datetime = Field(description="数据生成时间")
    counties: list[CountyFigures] = Field(description="各县区当月数据（county figures）")
    ranking: list[RankingRow] = Field(description="当月县区排名（ranking）")
    upstream_calls: int = Field(description="生成时调用其他服务的次数（与数据量无关）")


class BulletinEdition(BaseModel):
    """One issued edition, without its figures (the list of editions)."""

    id: int = Field(description="版次记录的 id（edition id）")
    month: str = Field(description="月份 YYYY-MM（month）")
    edition: int = Field(description="版次（1 起；edition）")
    issued_at: datetime = Field(description="印发时间，UTC（issued at）")
    issued_by: str = Field(description="印发人（issued by）")
    reason: str | None = Field(description="更正理由（第 2 版起；第 1 版为空）（correction reason）")


class BulletinIssue(StrictInput):
    """Issue a month's bulletin; a later edition of the same month is a correction and needs its reason."""

    reason: FreeText | None = Field(None, min_length=1, max_length=2000, description="更正理由（再次印发时必填）")
