"""Enumerations that cross service boundaries (events, read models, the gateway); their words: contracts/terms.py."""
from enum import StrEnum


class FeedName(StrEnum):
    """The services that publish an event feed (事件流)."""

    PROJECTS = "projects"
    FUNDS = "funds"
    EMPLOYMENT = "employment"
    COLLABORATION = "collaboration"
    REPORTING = "reporting"


class Role(StrEnum):
    """The roles of the people and systems that use the platform."""

    PROJECT_OWNER = "project_owner"  # 项目主管单位 / 实施单位
    TOWNSHIP = "township"  # 乡镇
    COUNTY_DEPARTMENT = "county_department"  # 县直行业主管部门 (项目论证)
    COUNTY_OFFICE = "county_office"  # 县区扶贫办
    CITY_OFFICE = "city_office"  # 市扶贫办
    COLLABORATION_OFFICE = "collaboration_office"  # 粤桂扶贫协作办公室
    FINANCE = "finance"  # 财政局
    HR = "hr"  # 人社局
    INSPECTOR = "inspector"  # 督查 / 审计
    EXTERNAL = "external"  # 外部系统, read-only
    ADMIN = "admin"


class Sex(StrEnum):
    """Sex as the ID number records it (性别)."""

    MALE = "male"
    FEMALE = "female"


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


class VillageChange(StrEnum):
    """What changed in the village registry (村屯名录) about an administrative village."""

    CREATED = "created"
    UPDATED = "updated"
    FIGURES = "figures"
    NATURAL_VILLAGE = "natural_village"
    IMPORTED = "imported"


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


class AgeBucket(StrEnum):
    """How many months an idle item has lain idle (闲置月数区间)."""

    M0_3 = "0-3"
    M3_6 = "3-6"
    M6_12 = "6-12"
    M12 = "12+"


class IdleDimension(StrEnum):
    """What idle money can be summed by (闲置资金汇总维度)."""

    COUNTY_CODE = "county_code"
    SOURCE_LEVEL = "source_level"
    YEAR = "year"
    IDLE_CLASS = "idle_class"
    AGE_BUCKET = "age_bucket"


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


class BreachGrouping(StrEnum):
    """How quota breaches are grouped (未达标汇总口径)."""

    COUNTY = "county"
    GROUP = "group"
