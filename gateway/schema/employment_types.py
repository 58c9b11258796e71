"""GraphQL types of the employment service; the types are the contract's (contracts/employment.py)."""
from typing import Annotated

import strawberry
from strawberry.types import Info

from contracts import employment as contract
from contracts.enums import EmployerKind, Outcome, QuotaKind
from gateway.context import Context
from gateway.employment_client import COMPLIANCE
from gateway.schema.contract_types import contract_type


@contract_type(contract.LabourerRead, name="Labourer",
               description="贫困劳动力；身份证号码仅对人社局与管理员完整显示，其余角色只见前 4 后 4 位")
class Labourer:
    """contracts.employment.LabourerRead."""


@contract_type(contract.Compliance, name="Compliance",
               description="达标情况：期内安置的建档立卡劳动力 ÷ 报送的用工总数")
class Compliance:
    """contracts.employment.Compliance."""


async def _compliance(root: strawberry.Parent[contract.EmployerRead], info: Info[Context, None],
                      period: Annotated[str, strawberry.argument(description="期：骨干企业 YYYY，集团公司 YYYY-MM")]
                      ) -> list[contract.Compliance]:
    if root.kind == EmployerKind.BASE:
        return []
    if root.kind == EmployerKind.ENTERPRISE:
        params = {"kind": QuotaKind.ENTERPRISE.value, "subject_id": root.id}
    else:
        params = {"kind": QuotaKind.GROUP_PROJECT.value, "group_id": root.id}
    page = await info.context.employment.call(COMPLIANCE, params={"period": period, "limit": 200} | params)
    return page.items


@contract_type(contract.EmployerRead, name="Employer", description="用工单位：骨干企业、市属集团公司或劳务输入基地")
class Employer:
    """contracts.employment.EmployerRead, and its quota compliance."""

    compliance = strawberry.field(
        resolver=_compliance, graphql_type=list[Compliance],
        description="达标情况：骨干企业按年（YYYY），集团公司为其各在建项目按月（YYYY-MM）")


@contract_type(contract.GroupProjectRead, name="GroupProject", description="集团在建项目")
class GroupProject:
    """contracts.employment.GroupProjectRead."""


@contract_type(contract.WorkforceReportRead, name="WorkforceReport",
               description="用工总数报送（含更正历史，current 为现行版本）")
class WorkforceReport:
    """contracts.employment.WorkforceReportRead."""


async def _labourer(root: strawberry.Parent[contract.PlacementRead],
                    info: Info[Context, None]) -> contract.LabourerRead | None:
    return await info.context.loaders.labourer_by_id.load(root.labourer_id)


async def _employer(root: strawberry.Parent[contract.PlacementRead],
                    info: Info[Context, None]) -> contract.EmployerRead | None:
    if root.employer_id is None:
        return None
    return await info.context.loaders.employer_by_id.load(root.employer_id)


@contract_type(contract.PlacementRead, name="Placement", description="就业安置")
class Placement:
    """contracts.employment.PlacementRead, and its labourer and employer."""

    labourer = strawberry.field(resolver=_labourer, graphql_type=Labourer | None,
                                description="安置的劳动力（批量读取）")
    employer = strawberry.field(resolver=_employer, graphql_type=Employer | None,
                                description="用工单位（企业或基地；批量读取）")


@contract_type(contract.PeriodBreaches, name="PeriodBreaches", description="某县区或集团某一期的未达标数")
class PeriodBreaches:
    """contracts.employment.PeriodBreaches."""


@contract_type(contract.BreachLine, name="BreachLine",
               description="某县区或集团各期未达标数及趋势（rising / falling / flat）")
class BreachLine:
    """contracts.employment.BreachLine."""


@contract_type(contract.ParticipantRead, name="Participant",
               description="培训学员；身份证号码仅对人社局与管理员完整显示")
class Participant:
    """contracts.employment.ParticipantRead."""


@strawberry.type(description="某一培训结果的人数")
class OutcomeCount:
    """One entry of a course's counts by outcome."""

    outcome: Outcome = strawberry.field(description="培训结果")
    count: int = strawberry.field(description="人数")


def _outcomes(root: strawberry.Parent[contract.CourseRead]) -> list[OutcomeCount]:
    return [OutcomeCount(outcome=o, count=root.outcomes[o.value]) for o in Outcome if o.value in root.outcomes]


@contract_type(contract.CourseRead, name="Course", description="培训班：就业技能培训、创业培训、两后生中期职业培训")
class Course:
    """contracts.employment.CourseRead; the counts by outcome typed (a map in the contract)."""

    outcomes: list[OutcomeCount] = strawberry.field(resolver=_outcomes,
                                                    description="各培训结果的人数（没有学员的结果不列）")


@contract_type(contract.LeaderFigures, name="LeaderFigures",
               description="劳务带头人：带动人数及 3 个月、6 个月后仍在岗人数")
class LeaderFigures:
    """contracts.employment.LeaderFigures."""


@contract_type(contract.ProvinceExport, name="ProvinceExport", description="跨省劳务输出：按输入省份的人数")
class ProvinceExport:
    """contracts.employment.ProvinceExport."""
