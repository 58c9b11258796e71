"""The projects service's vocabulary: states and categories of an entry, of a plan and of an objection, with the
Chinese words officials use (the enums other services share are in contracts/enums.py)."""
from enum import StrEnum

from contracts.enums import FundSource, ProjectCategory, ProjectStatus

__all__ = ["ProjectStatus", "STATUS_LABELS", "ProjectCategory", "CATEGORY_LABELS", "FundSource", "FISCAL_SOURCES",
           "PlanStatus", "ObjectionStatus"]

STATUS_LABELS: dict[ProjectStatus, str] = {
    ProjectStatus.SUBMITTED: "已申报，待乡镇审核",
    ProjectStatus.COUNTY_DEPARTMENTS: "县直部门论证中",
    ProjectStatus.COUNTY_OFFICE: "待县扶贫办审定",
    ProjectStatus.CITY_OFFICE: "待市扶贫办审核",
    ProjectStatus.RETURNED: "已退回修改",
    ProjectStatus.ANNOUNCED: "公示中",
    ProjectStatus.ADMITTED: "已入库",
    ProjectStatus.PLANNED: "已列入年度计划",
    ProjectStatus.STARTED: "已开工",
    ProjectStatus.COMPLETED: "已竣工",
    ProjectStatus.ACCEPTED: "已验收",
    ProjectStatus.SETTLED: "已报账",
    ProjectStatus.REJECTED: "不予入库",
    ProjectStatus.CANCELLED: "无法实施，已取消",
    ProjectStatus.CLEARED: "已清理出库",
}


CATEGORY_LABELS: dict[ProjectCategory, str] = {
    ProjectCategory.INDUSTRY: "产业发展",
    ProjectCategory.INFRASTRUCTURE: "基础设施",
    ProjectCategory.RELOCATION_FOLLOWUP: "易地扶贫搬迁后续扶持",
    ProjectCategory.COLLECTIVE_ECONOMY: "村级集体经济",
    ProjectCategory.EMPLOYMENT: "就业扶贫",
    ProjectCategory.COLLABORATION: "粤桂扶贫协作",
    ProjectCategory.OTHER: "其他",
}


# 财政扶贫资金: the sources that count as fiscal poverty-alleviation funds.
FISCAL_SOURCES = frozenset({FundSource.CENTRAL, FundSource.REGION, FundSource.CITY, FundSource.COUNTY,
                            FundSource.GUANGDONG})


class PlanStatus(StrEnum):
    """An annual plan's state."""

    OPEN = "open"  # 执行中
    CLOSED = "closed"  # 已关闭（滚动后只读）


class ObjectionStatus(StrEnum):
    """A public-notice objection's state."""

    OPEN = "open"  # 待处理
    UPHELD = "upheld"  # 异议成立
    DISMISSED = "dismissed"  # 异议不成立
