"""Every contract enum as a GraphQL enum: the contract's own class, declared once, named as in contracts/.

strawberry marks the class itself, so a resolver can hand GraphQL a contract model's value as it is. An enum the
gateway shows with its own words passes them as the description; the others keep the contract's docstring.
"""
from enum import Enum
from typing import Any

import strawberry

from contracts import enums

ProjectStatus = strawberry.enum(enums.ProjectStatus, description="项目状态")
ProjectCategory = strawberry.enum(enums.ProjectCategory, description="项目类别")
FundSource = strawberry.enum(enums.FundSource, description="资金来源")
SourceLevel = strawberry.enum(enums.SourceLevel, description="资金来源级次")
IdleClass = strawberry.enum(enums.IdleClass, description="闲置资金分类：加快推进、验收报账、收回、督促开工、安排项目")
Registration = strawberry.enum(enums.Registration,
                               description="建档立卡状态：POOR 贫困 / LIFTED 已脱贫 / NONE 非建档立卡")
EmployerKind = strawberry.enum(enums.EmployerKind, description="用工单位类别")
PlacementKind = strawberry.enum(enums.PlacementKind, description="安置去向")
QuotaKind = strawberry.enum(enums.QuotaKind,
                            description="ENTERPRISE 骨干企业≥10%（年 YYYY）/ GROUP_PROJECT 集团项目 5%–10%（月）")
QuotaStatus = strawberry.enum(enums.QuotaStatus, description="达标情况；未报送用工总数时为 NOT_REPORTED")


def graphql_enum(cls: type[Enum]) -> Any:
    """The GraphQL enum of a contract enum: as declared above, else the class itself described by its docstring."""
    if not hasattr(cls, "__strawberry_definition__"):
        strawberry.enum(cls, description=(cls.__doc__ or cls.__name__).strip())
    return cls
