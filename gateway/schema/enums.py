"""Every contract enum as a GraphQL enum: the contract's own class, declared once, named as in contracts/.

strawberry marks the class itself, so a resolver can hand GraphQL a contract model's value as it is, and the
schema modules import the enums from here (which declares them before any type uses them). An enum the gateway
shows with its own words passes them as the description; the others keep the contract's docstring. Each value
is described by the contract's word for it (contracts.terms.TERMS, through `terms_of`).
"""
from collections.abc import Mapping
from enum import Enum

import strawberry

from contracts.collaboration import (
    LinkageMechanism,
    PairingLevel,
    PairingStatus,
    TalentDirection,
    TalentField,
    TalentKind,
    TaskArea,
)
from contracts.enums import (
    CaseOrigin,
    CaseStatus,
    CourseKind,
    EmployerKind,
    FundSource,
    IdleClass,
    ObjectionStatus,
    Outcome,
    PlacementKind,
    PlanEntryVia,
    PlanStatus,
    ProgressFlag,
    ProjectCategory,
    ProjectStatus,
    QuotaKind,
    QuotaStatus,
    Registration,
    SourceLevel,
    SpendingKind,
    Trend,
)
from contracts.reporting import BulletinStatus, ReminderRule
from contracts.terms import terms_of
from contracts.work import WorkKind

__all__ = ["CaseOrigin", "CaseStatus", "CourseKind", "EmployerKind", "FundSource", "IdleClass", "ObjectionStatus",
           "Outcome", "PlacementKind", "PlanEntryVia", "PlanStatus", "ProgressFlag", "ProjectCategory", "ProjectStatus",
           "QuotaKind", "QuotaStatus", "Registration", "SourceLevel", "SpendingKind", "Trend", "describe_values",
           "LinkageMechanism", "PairingLevel", "PairingStatus", "TalentDirection", "TalentField", "TalentKind",
           "TaskArea", "BulletinStatus", "ReminderRule", "WorkKind", "graphql_enum"]

_WORDS: dict[type[Enum], str] = {
    ProjectStatus: "项目状态",
    ProjectCategory: "项目类别",
    FundSource: "资金来源",
    SourceLevel: "资金来源级次",
    IdleClass: "闲置资金分类：加快推进、验收报账、收回、督促开工、安排项目",
    Registration: "建档立卡状态：POOR 贫困 / LIFTED 已脱贫 / NONE 非建档立卡",
    EmployerKind: "用工单位类别",
    PlacementKind: "安置去向",
    QuotaKind: "ENTERPRISE 骨干企业≥10%（年 YYYY）/ GROUP_PROJECT 集团项目 5%–10%（月）",
    QuotaStatus: "达标情况；未报送用工总数时为 NOT_REPORTED",
    CaseStatus: "整改状态（rectification case status）",
    CaseOrigin: "整改事项来源（why a case was opened）",
    ObjectionStatus: "异议处理状态（objection status）",
    PlanStatus: "年度计划状态（annual plan status）",
    PlanEntryVia: "项目如何列入年度计划（how an entry came into a plan）",
    SpendingKind: "报账记录类别（spending entry kind）",
    ProgressFlag: "支出进度预警（spending progress flag）",
    CourseKind: "培训类别（course kind）",
    Outcome: "培训结果（course outcome）",
    Trend: "趋势（trend between the last two periods）",
    BulletinStatus: "通报状态：DRAFT 实时草稿 / ISSUED 已印发冻结（bulletin status）",
    ReminderRule: "提醒约谈规则（the rule that put a unit or county on the reminder-talk list）",
    WorkKind: "待办类别（what kind of item awaits the caller）",
}


def graphql_enum(cls: type[Enum]) -> type[Enum]:
    """Declare a contract enum as the GraphQL enum of its name (once); it is the same class afterwards."""
    if not hasattr(cls, "__strawberry_definition__"):
        strawberry.enum(cls, description=_WORDS.get(cls) or (cls.__doc__ or cls.__name__).strip())
        describe_values(cls, terms_of(cls))
    return cls


def describe_values(cls: type[Enum], words: Mapping[Enum, str]) -> type[Enum]:
    """Describe each value of a strawberry enum by its word in `words` (a value without one keeps none)."""
    for value in cls.__strawberry_definition__.values:  # type: ignore[attr-defined]
        value.description = words.get(cls[value.name], value.description)
    return cls


_DOCSTRING_ONLY: tuple[type[Enum], ...] = (PairingLevel, PairingStatus, TaskArea, LinkageMechanism, TalentDirection,
                                           TalentKind, TalentField)
for _enum in (*_WORDS, *_DOCSTRING_ONLY):
    graphql_enum(_enum)
