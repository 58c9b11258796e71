"""Enumerations that cross service boundaries (events, read models, the gateway), with the words officials use."""
from enum import Enum, StrEnum

from contracts.collaboration import (
    LabourWhere,
    LinkageMechanism,
    PairingLevel,
    PairingStatus,
    TalentDirection,
    TalentField,
    TalentKind,
    TaskArea,
)
from contracts.reporting import BulletinStatus, ReminderRule


class FeedName(StrEnum):
    """The services that publish an event feed (事件流)."""

    PROJECTS = "projects"
    FUNDS = "funds"
    EMPLOYMENT = "employment"
    COLLABORATION = "collaboration"
    REPORTING = "reporting"


class ProjectStatus(StrEnum):
    """Where a library entry is in its life (项目状态)."""

    SUBMITTED = "submitted"
    COUNTY_DEPARTMENTS = "county_departments"
    COUNTY_OFFICE = "county_office"
    CITY_OFFICE = "city_office"
    RETURNED = "returned"
    ANNOUNCED = "announced"
    ADMITTED = "admitted"
    PLANNED = "planned"
    STARTED = "started"
    COMPLETED = "completed"
    ACCEPTED = "accepted"
    SETTLED = "settled"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    CLEARED = "cleared"


class ProjectAction(StrEnum):
    """Everything that can be done to a library entry after submission (the transition table's actions)."""

    APPROVE = "approve"
    RETURN = "return"
    REJECT = "reject"
    EDIT = "edit"
    RESUBMIT = "resubmit"
    OBJECT = "object"
    RESOLVE_OBJECTION = "resolve_objection"
    ADMIT = "admit"
    SCHEDULE = "schedule"
    UNSCHEDULE = "unschedule"
    START = "start"
    REPORT_PROGRESS = "report_progress"
    COMPLETE = "complete"
    ACCEPT = "accept"
    SETTLE = "settle"
    CANCEL = "cancel"
    CLEAR = "clear"
    ROLLOVER = "rollover"  # not in the transition table: the plan's rollover moves the entry


class ProjectCategory(StrEnum):
    """Kinds of project seen in the plan (项目类别)."""

    INDUSTRY = "industry"
    INFRASTRUCTURE = "infrastructure"
    RELOCATION_FOLLOWUP = "relocation_followup"
    COLLECTIVE_ECONOMY = "collective_economy"
    EMPLOYMENT = "employment"
    COLLABORATION = "collaboration"
    OTHER = "other"


class FundSource(StrEnum):
    """Where a budget line's money comes from (资金来源)."""

    CENTRAL = "central"
    REGION = "region"
    CITY = "city"
    COUNTY = "county"
    GUANGDONG = "guangdong"
    SELF_RAISED = "self_raised"
    SOCIAL = "social"
    CREDIT = "credit"


class PlanStatus(StrEnum):
    """An annual plan is open until rolled over, then read-only (年度实施计划)."""

    OPEN = "open"
    CLOSED = "closed"


class PlanEntryVia(StrEnum):
    """How an entry came into an annual plan."""

    SCHEDULE = "schedule"
    ROLLOVER = "rollover"
    ADJUSTMENT = "adjustment"
    IMPORT = "import"


class ObjectionStatus(StrEnum):
    """Where an objection lodged during the public notice is (异议处理状态)."""

    OPEN = "open"
    UPHELD = "upheld"
    DISMISSED = "dismissed"


class PlanChange(StrEnum):
    """What happened to an annual plan."""

    OPENED = "opened"
    ROLLED_OVER = "rolled_over"
    ADJUSTED = "adjusted"


class SourceLevel(StrEnum):
    """Where fiscal poverty money comes from (资金来源级次); values match the projects service's budget sources."""

    CENTRAL = "central"
    REGION = "region"
    CITY = "city"
    COUNTY = "county"
    GUANGDONG = "guangdong"


class IdleClass(StrEnum):
    """What to do about an idle item (闲置资金分类)."""

    ACCELERATE = "accelerate"
    ACCEPT_AND_SETTLE = "accept_and_settle"
    RECOVER = "recover"
    START = "start"
    ASSIGN = "assign"


class ItemKind(StrEnum):
    """Which ledger row an idle item is."""

    BATCH = "batch"
    ALLOCATION = "allocation"


class SpendingKind(StrEnum):
    """A spending entry is a reimbursement or the reversal of one."""

    SPEND = "spend"
    REVERSAL = "reversal"


class ProgressFlag(StrEnum):
    """How spending progress compares with the thresholds (支出进度预警)."""

    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"


class CaseStatus(StrEnum):
    """Where a rectification case is (整改状态)."""

    OPEN = "open"
    RECTIFYING = "rectifying"
    CLOSED = "closed"


class CaseOrigin(StrEnum):
    """Why a rectification case was opened."""

    IDLE = "idle"
    AUDIT = "audit"
    INSPECTION = "inspection"


class Registration(StrEnum):
    """建档立卡 status: both poor and lifted-out labourers count for the quotas; `none` does not."""

    POOR = "poor"
    LIFTED = "lifted"
    NONE = "none"


class EmployerKind(StrEnum):
    """Kinds of employer the HR bureau tracks."""

    ENTERPRISE = "enterprise"
    GROUP = "group"
    BASE = "base"


class PlacementKind(StrEnum):
    """Where a labourer is placed."""

    ENTERPRISE = "enterprise"
    GROUP_PROJECT = "group_project"
    BASE = "base"
    PUBLIC_WELFARE = "public_welfare"
    MICRO_WORKSHOP = "micro_workshop"


class CourseKind(StrEnum):
    """Kinds of training course the plan names."""

    SKILLS = "skills"
    ENTREPRENEURSHIP = "entrepreneurship"
    TWO_AFTER = "two_after"


class Outcome(StrEnum):
    """Where a course participant stands."""

    ENROLLED = "enrolled"
    COMPLETED = "completed"
    CERTIFIED = "certified"
    EMPLOYED = "employed"
    DROPPED = "dropped"


class QuotaStatus(StrEnum):
    """Outcome of a quota check for one employer and period."""

    NOT_REPORTED = "not_reported"
    BREACH = "breach"
    COMPLIANT = "compliant"
    EXCEEDS = "exceeds"


class Trend(StrEnum):
    """The direction of the latest change between two periods."""

    RISING = "rising"
    FALLING = "falling"
    FLAT = "flat"


class QuotaKind(StrEnum):
    """The two quotas of plan §二(二)."""

    ENTERPRISE = "enterprise"
    GROUP_PROJECT = "group_project"

# The words officials use for each value: GraphQL shows them as the enum values' descriptions. Keyed by the enum
# and the value's name: values of different enums are often the same string ("completed", "city"), and a StrEnum
# member equals its string, so members alone would collide as dict keys.
TERMS: dict[tuple[type[Enum], str], str] = {(type(member), member.name): word for member, word in (
    (FeedName.PROJECTS, "项目库"),
    (FeedName.FUNDS, "财政扶贫资金"),
    (FeedName.EMPLOYMENT, "就业扶贫"),
    (FeedName.COLLABORATION, "粤桂扶贫协作"),
    (FeedName.REPORTING, "月度通报与评比"),
    (ProjectStatus.SUBMITTED, "已申报，待乡镇审核"),
    (ProjectStatus.COUNTY_DEPARTMENTS, "县直部门论证"),
    (ProjectStatus.COUNTY_OFFICE, "县扶贫办审定"),
    (ProjectStatus.CITY_OFFICE, "市扶贫办审核"),
    (ProjectStatus.RETURNED, "退回修改"),
    (ProjectStatus.ANNOUNCED, "公示中"),
    (ProjectStatus.ADMITTED, "已入库"),
    (ProjectStatus.PLANNED, "已列入年度计划"),
    (ProjectStatus.STARTED, "已开工"),
    (ProjectStatus.COMPLETED, "已竣工"),
    (ProjectStatus.ACCEPTED, "已验收"),
    (ProjectStatus.SETTLED, "已报账"),
    (ProjectStatus.REJECTED, "不予入库"),
    (ProjectStatus.CANCELLED, "无法实施，已取消"),
    (ProjectStatus.CLEARED, "已清理出库"),
    (ProjectAction.APPROVE, "审核通过"),
    (ProjectAction.RETURN, "退回修改"),
    (ProjectAction.REJECT, "不予入库"),
    (ProjectAction.EDIT, "修改申报内容"),
    (ProjectAction.RESUBMIT, "修改后重新提交"),
    (ProjectAction.OBJECT, "公示期提出异议"),
    (ProjectAction.RESOLVE_OBJECTION, "处理异议"),
    (ProjectAction.ADMIT, "入库"),
    (ProjectAction.SCHEDULE, "列入年度计划"),
    (ProjectAction.UNSCHEDULE, "调出年度计划（第四季度调整）"),
    (ProjectAction.START, "开工"),
    (ProjectAction.REPORT_PROGRESS, "报告进度"),
    (ProjectAction.COMPLETE, "竣工"),
    (ProjectAction.ACCEPT, "验收"),
    (ProjectAction.SETTLE, "报账完成"),
    (ProjectAction.CANCEL, "无法实施，取消"),
    (ProjectAction.CLEAR, "清理出库"),
    (ProjectAction.ROLLOVER, "年度计划滚动转入下一年"),
    (ProjectCategory.INDUSTRY, "产业发展"),
    (ProjectCategory.INFRASTRUCTURE, "基础设施"),
    (ProjectCategory.RELOCATION_FOLLOWUP, "易地扶贫搬迁后续扶持"),
    (ProjectCategory.COLLECTIVE_ECONOMY, "村级集体经济"),
    (ProjectCategory.EMPLOYMENT, "就业扶贫"),
    (ProjectCategory.COLLABORATION, "粤桂扶贫协作"),
    (ProjectCategory.OTHER, "其他"),
    (FundSource.CENTRAL, "中央财政扶贫资金"),
    (FundSource.REGION, "自治区财政扶贫资金"),
    (FundSource.CITY, "市级财政扶贫资金"),
    (FundSource.COUNTY, "县级财政扶贫资金"),
    (FundSource.GUANGDONG, "粤桂扶贫协作资金"),
    (FundSource.SELF_RAISED, "自筹"),
    (FundSource.SOCIAL, "社会资金"),
    (FundSource.CREDIT, "信贷资金"),
    (PlanEntryVia.SCHEDULE, "列入年度计划"),
    (PlanEntryVia.ROLLOVER, "上年未完成，滚动转入"),
    (PlanEntryVia.ADJUSTMENT, "第四季度调整调入"),
    (PlanEntryVia.IMPORT, "历史项目导入"),
    (ObjectionStatus.OPEN, "待处理"),
    (ObjectionStatus.UPHELD, "异议成立（项目不予入库）"),
    (ObjectionStatus.DISMISSED, "异议不成立"),
    (PlanStatus.OPEN, "执行中"),
    (PlanStatus.CLOSED, "已关闭（已滚动）"),
    (PlanChange.OPENED, "建立年度计划"),
    (PlanChange.ROLLED_OVER, "年度滚动：本年关闭，未完成项目转入下一年"),
    (PlanChange.ADJUSTED, "第四季度调整"),
    (SourceLevel.CENTRAL, "中央"),
    (SourceLevel.REGION, "自治区"),
    (SourceLevel.CITY, "市级"),
    (SourceLevel.COUNTY, "县级"),
    (SourceLevel.GUANGDONG, "粤桂扶贫协作（广东）"),
    (IdleClass.ACCELERATE, "加快推进"),
    (IdleClass.ACCEPT_AND_SETTLE, "验收报账"),
    (IdleClass.RECOVER, "收回"),
    (IdleClass.START, "督促开工"),
    (IdleClass.ASSIGN, "安排项目"),
    (ItemKind.BATCH, "批次未分配余额"),
    (ItemKind.ALLOCATION, "已分配未支出"),
    (SpendingKind.SPEND, "报账"),
    (SpendingKind.REVERSAL, "冲销（补偿记录，原记录保留）"),
    (ProgressFlag.RED, "标红：支出进度低于标红线"),
    (ProgressFlag.YELLOW, "标黄：支出进度低于标黄线"),
    (ProgressFlag.GREEN, "正常"),
    (CaseStatus.OPEN, "待整改"),
    (CaseStatus.RECTIFYING, "整改中"),
    (CaseStatus.CLOSED, "已销号"),
    (CaseOrigin.IDLE, "闲置资金"),
    (CaseOrigin.AUDIT, "审计发现"),
    (CaseOrigin.INSPECTION, "督查发现"),
    (Registration.POOR, "建档立卡贫困"),
    (Registration.LIFTED, "已脱贫（仍在册）"),
    (Registration.NONE, "非建档立卡"),
    (EmployerKind.ENTERPRISE, "骨干企业"),
    (EmployerKind.GROUP, "市属政府集团公司"),
    (EmployerKind.BASE, "劳务输入基地企业"),
    (PlacementKind.ENTERPRISE, "骨干企业"),
    (PlacementKind.GROUP_PROJECT, "集团在建项目"),
    (PlacementKind.BASE, "劳务输入基地（跨省输出）"),
    (PlacementKind.PUBLIC_WELFARE, "公益岗位"),
    (PlacementKind.MICRO_WORKSHOP, "扶贫微车间"),
    (CourseKind.SKILLS, "就业技能培训"),
    (CourseKind.ENTREPRENEURSHIP, "创业培训"),
    (CourseKind.TWO_AFTER, "两后生中期职业培训"),
    (Outcome.ENROLLED, "在训"),
    (Outcome.COMPLETED, "结业"),
    (Outcome.CERTIFIED, "取得职业资格证书"),
    (Outcome.EMPLOYED, "培训后就业"),
    (Outcome.DROPPED, "中途退出"),
    (QuotaStatus.NOT_REPORTED, "未报送用工总数"),
    (QuotaStatus.BREACH, "未达标"),
    (QuotaStatus.COMPLIANT, "达标"),
    (QuotaStatus.EXCEEDS, "超出区间（仅集团项目）"),
    (Trend.RISING, "增加"),
    (Trend.FALLING, "减少"),
    (Trend.FLAT, "持平"),
    (QuotaKind.ENTERPRISE, "骨干企业 ≥10%（年度）"),
    (QuotaKind.GROUP_PROJECT, "集团项目 5%–10%（月度）"),
    (PairingLevel.CITY, "市际结对（city）"),
    (PairingLevel.COUNTY, "县际结对（county）"),
    (PairingLevel.TOWNSHIP, "镇（乡）结对（township）"),
    (PairingLevel.VILLAGE_ENTERPRISE, "村企结对（village–enterprise）"),
    (PairingLevel.SCHOOL, "学校结对（school）"),
    (PairingLevel.HOSPITAL, "医院结对（hospital）"),
    (PairingStatus.ACTIVE, "结对中（active）"),
    (PairingStatus.ENDED, "已结束（ended）"),
    (TaskArea.LEADERSHIP, "组织领导（leadership）"),
    (TaskArea.FUNDING, "资金支持（funding）"),
    (TaskArea.INDUSTRY, "产业合作（industry）"),
    (TaskArea.LABOUR, "劳务协作（labour）"),
    (TaskArea.TALENT, "人才交流（talent exchange）"),
    (TaskArea.PROSPERITY, "携手奔小康（prosperity together）"),
    (TaskArea.CONSUMPTION, "消费扶贫（consumption）"),
    (LinkageMechanism.DIVIDEND, "入股分红（dividend）"),
    (LinkageMechanism.WAGES, "务工工资（wages）"),
    (LinkageMechanism.LAND_RENT, "土地流转租金（land rent）"),
    (LinkageMechanism.PURCHASE_ORDERS, "订单收购（purchase orders）"),
    (TalentDirection.TO_LIUZHOU, "广东选派到柳州（Guangdong to Liuzhou）"),
    (TalentDirection.TO_GUANGDONG, "柳州选派到广东（Liuzhou to Guangdong）"),
    (TalentKind.CADRE, "挂职干部（cadre on secondment）"),
    (TalentKind.TECHNICIAN, "专业技术人才（technician）"),
    (TalentField.EDUCATION, "教育（education）"),
    (TalentField.HEALTH, "医疗卫生（health）"),
    (TalentField.AGRICULTURE, "农业（agriculture）"),
    (TalentField.OTHER, "其他（other）"),
    (LabourWhere.GUANGDONG, "到广东就业（in Guangdong）"),
    (LabourWhere.IN_COUNTY, "就地就近就业（in the home county）"),
    (LabourWhere.ELSEWHERE, "其他地方就业（elsewhere）"),
    (BulletinStatus.DRAFT, "预览草稿，实时计算（draft）"),
    (BulletinStatus.ISSUED, "已印发，冻结（issued）"),
    (ReminderRule.CASE_OVERDUE, "整改事项逾期超过规定天数（case overdue）"),
    (ReminderRule.QUOTA_BREACH_RUNNING, "集团在建项目连续数月用工比例未达标（quota breached months running）"),
    (ReminderRule.COUNTY_AT_BOTTOM, "县区连续数月排名末位（county at the bottom）"),
)}


def terms_of(enum: type[Enum]) -> dict[Enum, str]:
    """The officials' word for each value of `enum` that has one."""
    return {member: TERMS[enum, member.name] for member in enum if (enum, member.name) in TERMS}
