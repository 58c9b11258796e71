"""Reporting periods that close (关账): a county's month read and closed in projects, funds and employment at once.

Each of the three services keeps its own closed months (progress, spending, placements dated in them).
`reportingPeriods` reads each service in its own field, so one service down leaves the other two answered;
`closeReportingMonth` closes the month in all three with idempotent PUTs and says which closed, so a partial
failure is retried safely by calling it again.
"""
import asyncio
from typing import Annotated

import strawberry
from graphql import GraphQLError
from strawberry.types import Info

from contracts import periods as contract
from contracts.enums import FeedName
from gateway.context import Context
from gateway.periods_client import CLOSE_PERIOD, PERIODS
from gateway.schema.arguments import County, CountyOfPlan, YearFilter
from gateway.schema.contract_types import contract_type
from gateway.schema.enums import graphql_enum
from gateway.schema.permissions import Roles
from gateway.schema.problems import Forbidden, InvalidInput, Problem, Refused, as_problem
from gateway.upstream import Caller, UpstreamProblem
from services.kit.auth import Role

graphql_enum(FeedName)
SERVICES = (FeedName.PROJECTS, FeedName.FUNDS, FeedName.EMPLOYMENT)
Month = Annotated[str, strawberry.argument(description="月份 YYYY-MM")]
MonthFilter = Annotated[str | None, strawberry.argument(description="月份 YYYY-MM；为空不按月份筛选")]


@contract_type(contract.PeriodCorrectionRead, name="PeriodCorrection",
               description="关账后更正：已关账月份内的一次登记或修改，及其理由、更正人与时间")
class PeriodCorrection:
    """contracts.periods.PeriodCorrectionRead."""


@contract_type(contract.PeriodRead, name="ClosedPeriod",
               description="一个服务中已关账的县区月份（关账月份），及关账后的更正（时间线）")
class ClosedPeriod:
    """contracts.periods.PeriodRead."""


def _client(context: Context, service: FeedName) -> Caller:
    return {FeedName.PROJECTS: context.projects, FeedName.FUNDS: context.funds,
            FeedName.EMPLOYMENT: context.employment}[service]


@strawberry.type(description="已关账月份：项目库（项目进度）、资金（报账）、就业（安置）各自的关账记录；"
                             "某服务不可用时该字段为空并附错误，其余照常")
class ReportingPeriods:
    """The closed months of the three services, each read in its own field."""

    county: strawberry.Private[str | None]
    year: strawberry.Private[int | None]
    month: strawberry.Private[str | None]

    async def _read(self, info: Info[Context, None], service: FeedName) -> list[contract.PeriodRead]:
        params = {"county": self.county, "year": self.year, "month": self.month}
        return await _client(info.context, service).call(PERIODS, params=params)

    @strawberry.field(description="项目库：已关账月份（项目进度、开工、竣工等按日期登记的环节）",
                      graphql_type=list[ClosedPeriod] | None)
    async def projects(self, info: Info[Context, None]) -> list[contract.PeriodRead]:
        """GET /periods of the projects service."""
        return await self._read(info, FeedName.PROJECTS)

    @strawberry.field(description="财政扶贫资金：已关账月份（报账、冲销）", graphql_type=list[ClosedPeriod] | None)
    async def funds(self, info: Info[Context, None]) -> list[contract.PeriodRead]:
        """GET /periods of the funds service."""
        return await self._read(info, FeedName.FUNDS)

    @strawberry.field(description="就业扶贫：已关账月份（就业安置）", graphql_type=list[ClosedPeriod] | None)
    async def employment(self, info: Info[Context, None]) -> list[contract.PeriodRead]:
        """GET /periods of the employment service."""
        return await self._read(info, FeedName.EMPLOYMENT)


@strawberry.type(description="某服务中的关账结果")
class PeriodClosure:
    """One service's closed month."""

    service: FeedName = strawberry.field(description="服务：PROJECTS、FUNDS 或 EMPLOYMENT")
    period: contract.PeriodRead = strawberry.field(graphql_type=ClosedPeriod, description="该服务中已关账的月份")


@strawberry.type(description="某服务未能关账：原因代码与说明；再次调用 closeReportingMonth 即可安全重试")
class PeriodFailure:
    """One service that did not close the month."""

    service: FeedName = strawberry.field(description="服务：PROJECTS、FUNDS 或 EMPLOYMENT")
    code: str = strawberry.field(description="原因代码，如 upstream.unavailable")
    message: str = strawberry.field(description="原因说明（中文）")


@strawberry.type(description="关账结果：县区月份在各服务中是否已关账；complete 为假时再次调用即可（幂等）")
class ReportingMonthClosed:
    """Which services closed the month, and which did not."""

    county_code: str = strawberry.field(description="县区代码（GB/T 2260，六位）")
    month: str = strawberry.field(description="月份（YYYY-MM）")
    closed: list[PeriodClosure] = strawberry.field(description="已关账的服务（含此前已关的）")
    failed: list[PeriodFailure] = strawberry.field(description="未能关账的服务及原因；为空即全部关账")

    @strawberry.field(description="三个服务是否都已关账")
    def complete(self) -> bool:
        """True when no service failed."""
        return not self.failed


CloseReportingMonthResult = Annotated[
    ReportingMonthClosed | InvalidInput | Forbidden | Refused,
    strawberry.union("CloseReportingMonthResult",
                     description="成功或部分成功时为 ReportingMonthClosed；三个服务同样拒绝时为 InvalidInput、"
                                 "Forbidden、Refused 之一（均实现 Problem，按 __typename 与 code 分支）")]


async def _close(info: Info[Context, None], service: FeedName, county: str,
                 month: str) -> contract.PeriodRead | GraphQLError:
    """One service's close, or why it did not close (its refusal, or that it could not be reached)."""
    try:
        return await _client(info.context, service).call(CLOSE_PERIOD,
                                                         path_params={"county_code": county, "month": month})
    except GraphQLError as error:
        return error


@strawberry.type
class PeriodQueries:
    """Reads of the closed reporting months."""

    @strawberry.field(description="已关账月份（关账）：按服务分别读取；县级角色只见本县区",
                      graphql_type=ReportingPeriods)
    def reporting_periods(self, county: County = None, year: YearFilter = None,
                          month: MonthFilter = None) -> ReportingPeriods:
        """The closed months of the three services, filtered alike."""
        return ReportingPeriods(county=county, year=year, month=month)


@strawberry.type
class PeriodMutations:
    """Closing a county's month for reporting."""

    @strawberry.mutation(description="关账：关闭县区某月的报送（项目进度、报账、就业安置），三个服务一并关闭。"
                                     "角色：county_office（本县区）、city_office；月份未结束时返回 "
                                     "Refused(period.month_not_over)；月份或县区代码有误返回 InvalidInput；"
                                     "部分服务不可用时返回 ReportingMonthClosed（failed 列出），再次调用即可",
                         graphql_type=CloseReportingMonthResult,
                         extensions=[Roles(Role.COUNTY_OFFICE, Role.CITY_OFFICE)])
    async def close_reporting_month(self, info: Info[Context, None], county: CountyOfPlan,
                                    month: Month) -> ReportingMonthClosed | Problem:
        """PUT /periods/{county_code}/{month} on projects, funds and employment, in parallel."""
        answers = dict(zip(SERVICES, await asyncio.gather(*(_close(info, s, county, month) for s in SERVICES)),
                           strict=True))
        refusals = [p for a in answers.values() if isinstance(a, UpstreamProblem) and (p := as_problem(a))]
        if len(refusals) == len(SERVICES) and len({p.code for p in refusals}) == 1:
            return refusals[0]  # every service refused alike (a bad month, another county): the caller's to fix
        closed = [PeriodClosure(service=s, period=a) for s, a in answers.items() if isinstance(a, contract.PeriodRead)]
        failed = [PeriodFailure(service=s, code=str((a.extensions or {}).get("code", "upstream.error")),
                                message=a.message) for s, a in answers.items() if isinstance(a, GraphQLError)]
        return ReportingMonthClosed(county_code=county, month=month, closed=closed, failed=failed)
