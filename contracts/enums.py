"""Enumerations that cross service boundaries (events, read models, the gateway), with the words officials use."""
from enum import StrEnum


class FeedName(StrEnum):
    """The services that publish an event feed (事件流)."""

    PROJECTS = "projects"  # 项目库
    FUNDS = "funds"  # 财政扶贫资金
    EMPLOYMENT = "employment"  # 就业扶贫
    REPORTING = "reporting"  # 月度通报


class ProjectStatus(StrEnum):
    """Where a library entry is in its life (项目状态)."""

    SUBMITTED = "submitted"  # 已申报，待乡镇审核
    COUNTY_DEPARTMENTS = "county_departments"  # 县直部门论证
    COUNTY_OFFICE = "county_office"  # 县扶贫办审定
    CITY_OFFICE = "city_office"  # 市扶贫办审核
    RETURNED = "returned"  # 退回修改
    ANNOUNCED = "announced"  # 公示中
    ADMITTED = "admitted"  # 已入库
    PLANNED = "planned"  # 已列入年度计划
    STARTED = "started"  # 已开工
    COMPLETED = "completed"  # 已竣工
    ACCEPTED = "accepted"  # 已验收
    SETTLED = "settled"  # 已报账
    REJECTED = "rejected"  # 不予入库
    CANCELLED = "cancelled"  # 无法实施，已取消
    CLEARED = "cleared"  # 已清理出库


class ProjectAction(StrEnum):
    """Everything that can be done to a library entry after submission (the transition table's actions)."""

    APPROVE = "approve"  # 审核通过
    RETURN = "return"  # 退回修改
    REJECT = "reject"  # 不予入库
    EDIT = "edit"  # 修改申报内容
    RESUBMIT = "resubmit"  # 修改后重新提交
    OBJECT = "object"  # 公示期提出异议
    RESOLVE_OBJECTION = "resolve_objection"  # 处理异议
    ADMIT = "admit"  # 入库
    SCHEDULE = "schedule"  # 列入年度计划
    UNSCHEDULE = "unschedule"  # 调出年度计划（第四季度调整）
    START = "start"  # 开工
    REPORT_PROGRESS = "report_progress"  # 报告进度
    COMPLETE = "complete"  # 竣工
    ACCEPT = "accept"  # 验收
    SETTLE = "settle"  # 报账完成
    CANCEL = "cancel"  # 无法实施，取消
    CLEAR = "clear"  # 清理出库
    ROLLOVER = "rollover"  # 年度计划滚动转入下一年（not in the table: the plan's rollover moves the entry）


class ProjectCategory(StrEnum):
    """Kinds of project seen in the plan (项目类别)."""

    INDUSTRY = "industry"  # 产业发展
    INFRASTRUCTURE = "infrastructure"  # 基础设施
    RELOCATION_FOLLOWUP = "relocation_followup"  # 易地扶贫搬迁后续扶持
    COLLECTIVE_ECONOMY = "collective_economy"  # 村级集体经济
    EMPLOYMENT = "employment"  # 就业扶贫
    COLLABORATION = "collaboration"  # 粤桂扶贫协作
    OTHER = "other"  # 其他


class FundSource(StrEnum):
    """Where a budget line's money comes from (资金来源)."""

    CENTRAL = "central"  # 中央财政扶贫资金
    REGION = "region"  # 自治区财政扶贫资金
    CITY = "city"  # 市级财政扶贫资金
    COUNTY = "county"  # 县级财政扶贫资金
    GUANGDONG = "guangdong"  # 粤桂扶贫协作资金
    SELF_RAISED = "self_raised"  # 自筹
    SOCIAL = "social"  # 社会资金
    CREDIT = "credit"  # 信贷资金


class PlanStatus(StrEnum):
    """An annual plan is open until rolled over, then read-only (年度实施计划)."""

    OPEN = "open"  # 执行中
    CLOSED = "closed"  # 已关闭（已滚动）


class PlanChange(StrEnum):
    """What happened to an annual plan."""

    OPENED = "opened"  # 建立年度计划
    ROLLED_OVER = "rolled_over"  # 年度滚动：本年关闭，未完成项目转入下一年
    ADJUSTED = "adjusted"  # 第四季度调整


class SourceLevel(StrEnum):
    """Where fiscal poverty money comes from (资金来源级次); values match the projects service's budget sources."""

    CENTRAL = "central"  # 中央
    REGION = "region"  # 自治区
    CITY = "city"  # 市级
    COUNTY = "county"  # 县级
    GUANGDONG = "guangdong"  # 粤桂扶贫协作（广东）


class IdleClass(StrEnum):
    """What to do about an idle item (闲置资金分类)."""

    ACCELERATE = "accelerate"  # 加快推进
    ACCEPT_AND_SETTLE = "accept_and_settle"  # 验收报账
    RECOVER = "recover"  # 收回
    START = "start"  # 督促开工
    ASSIGN = "assign"  # 安排项目


class ItemKind(StrEnum):
    """Which ledger row an idle item is."""

    BATCH = "batch"  # 批次未分配余额
    ALLOCATION = "allocation"  # 已分配未支出


class CaseStatus(StrEnum):
    """Where a rectification case is (整改状态)."""

    OPEN = "open"  # 待整改
    RECTIFYING = "rectifying"  # 整改中
    CLOSED = "closed"  # 已销号


class CaseOrigin(StrEnum):
    """Why a rectification case was opened."""

    IDLE = "idle"  # 闲置资金
    AUDIT = "audit"  # 审计发现
    INSPECTION = "inspection"  # 督查发现


class Registration(StrEnum):
    """建档立卡 status: both poor and lifted-out labourers count for the quotas; `none` does not."""

    POOR = "poor"  # 建档立卡贫困
    LIFTED = "lifted"  # 已脱贫（仍在册）
    NONE = "none"  # 非建档立卡


class EmployerKind(StrEnum):
    """Kinds of employer the HR bureau tracks."""

    ENTERPRISE = "enterprise"  # 骨干企业
    GROUP = "group"  # 市属政府集团公司
    BASE = "base"  # 劳务输入基地企业


class PlacementKind(StrEnum):
    """Where a labourer is placed."""

    ENTERPRISE = "enterprise"  # 骨干企业
    GROUP_PROJECT = "group_project"  # 集团在建项目
    BASE = "base"  # 劳务输入基地（跨省输出）
    PUBLIC_WELFARE = "public_welfare"  # 公益岗位
    MICRO_WORKSHOP = "micro_workshop"  # 扶贫微车间


class CourseKind(StrEnum):
    """Kinds of training course the plan names."""

    SKILLS = "skills"  # 就业技能培训
    ENTREPRENEURSHIP = "entrepreneurship"  # 创业培训
    TWO_AFTER = "two_after"  # 两后生中期职业培训


class Outcome(StrEnum):
    """Where a course participant stands."""

    ENROLLED = "enrolled"  # 在训
    COMPLETED = "completed"  # 结业
    CERTIFIED = "certified"  # 取得职业资格证书
    EMPLOYED = "employed"  # 培训后就业
    DROPPED = "dropped"  # 中途退出


class QuotaStatus(StrEnum):
    """Outcome of a quota check for one employer and period."""

    NOT_REPORTED = "not_reported"  # 未报送用工总数
    BREACH = "breach"  # 未达标
    COMPLIANT = "compliant"  # 达标
    EXCEEDS = "exceeds"  # 超出区间（仅集团项目）


class QuotaKind(StrEnum):
    """The two quotas of plan §二(二)."""

    ENTERPRISE = "enterprise"  # 骨干企业 ≥10%（年度）
    GROUP_PROJECT = "group_project"  # 集团项目 5%–10%（月度）
