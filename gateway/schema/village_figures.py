"""GraphQL of the village collective economy (村级集体经济) and road coverage (硬化道路), read from the projects
service; the types are the contract's (contracts/collective.py, contracts/roads.py)."""
from datetime import date
from decimal import Decimal
from typing import Annotated

import strawberry
from strawberry.types import Info

from contracts import collective, roads
from contracts.page import Page as PageRead
from gateway.context import Context
from gateway.places_client import (
    COLLECTIVE_GAPS,
    COLLECTIVE_PROJECTS,
    COLLECTIVE_SUMMARY,
    CORRECT_INCOME,
    INCOMES,
    MARK_ROAD,
    RECORD_INCOME,
    ROAD_COVERAGE,
    ROAD_GAPS,
    SHARES,
)
from gateway.schema.arguments import After, County, First, Version, Year, YearFilter
from gateway.schema.contract_types import contract_type, described_by
from gateway.schema.page import Page, page_size
from gateway.schema.permissions import Roles
from gateway.schema.problems import Forbidden, InvalidInput, NotFound, PreconditionFailed, Problem, Refused, or_problem
from services.kit.auth import Role


@contract_type(collective.CollectiveIncomeRead, name="CollectiveIncome",
               description="行政村某年度村级集体经济收入及来源（元）")
class CollectiveIncome:
    """contracts.collective.CollectiveIncomeRead."""


@contract_type(collective.YearTotal, name="CollectiveYearTotal", description="此前某年度的集体经济合计收入（趋势）")
class CollectiveYearTotal:
    """contracts.collective.YearTotal."""


@contract_type(collective.CollectiveGap, name="CollectiveEconomyGap",
               description="某年度集体经济收入未达目标（或未填报）的行政村及此前年度收入")
class CollectiveEconomyGap:
    """contracts.collective.CollectiveGap."""


@contract_type(collective.CollectiveSummary, name="CollectiveEconomySummary",
               description="县区某年度村级集体经济达标情况：村数、达标数、未达标数、达标率")
class CollectiveEconomySummary:
    """contracts.collective.CollectiveSummary."""


@contract_type(collective.CollectiveProject, name="CollectiveEconomyProject",
               description="项目库中的村级集体经济项目（关联行政村）及其预计每年带来的村集体收入")
class CollectiveEconomyProject:
    """contracts.collective.CollectiveProject."""


@contract_type(collective.ShareConversionRead, name="ShareConversion",
               description="三变（资源变资产、资金变股金、农民变股东）折股量化记录：村、项目、成员、户数、股数、金额")
class ShareConversion:
    """contracts.collective.ShareConversionRead."""


@contract_type(roads.RoadCoverage, name="RoadCoverage", description="县区某年度 20 户以上自然屯硬化道路覆盖情况")
class RoadCoverage:
    """contracts.roads.RoadCoverage."""


@contract_type(roads.ClosingEntry, name="RoadClosingEntry", description="将解决某自然屯道路的项目库项目")
class RoadClosingEntry:
    """contracts.roads.ClosingEntry."""


@contract_type(roads.RoadGap, name="RoadGap", description="应通而未通硬化道路的自然屯，及将解决它的项目")
class RoadGap:
    """contracts.roads.RoadGap."""


@contract_type(roads.NaturalVillageRoad, name="NaturalVillageRoad", description="自然屯及其道路硬化情况")
class NaturalVillageRoad:
    """contracts.roads.NaturalVillageRoad."""


AMOUNTS = {"dividends": "入股分红（元，可为 0，最多两位小数）", "leasing": "资源发包租赁（元，可为 0）",
           "operating": "经营收入（元，可为 0）", "other": "其他收入（元，可为 0）"}


@described_by(collective.CollectiveIncomeRead, **AMOUNTS)
@strawberry.input(description="行政村某年度集体经济收入的四项来源（元）")
class CollectiveIncomeAmountsInput:
    """The four sources of a year's income."""

    dividends: Decimal
    leasing: Decimal
    operating: Decimal
    other: Decimal


@described_by(collective.CollectiveIncomeRead, **AMOUNTS)
@strawberry.input(description="填报行政村某年度集体经济收入（县扶贫办，本县区的村）")
class CollectiveIncomeInput(CollectiveIncomeAmountsInput):
    """A new yearly record of one village."""

    village_id: int
    year: int


def _amounts(value: CollectiveIncomeAmountsInput) -> dict[str, str]:
    return {name: str(getattr(value, name)) for name in AMOUNTS}


# Each union lists only what its mutation can meet.
RecordIncomeResult = Annotated[CollectiveIncome | InvalidInput | Forbidden | NotFound | Refused, strawberry.union(
    "RecordCollectiveIncomeResult", description="成功时为收入记录；否则为 InvalidInput、Forbidden、NotFound（村不存在"
                                                "或不在本县区）、Refused(collective_income.exists) 之一")]
CorrectIncomeResult = Annotated[
    CollectiveIncome | InvalidInput | Forbidden | NotFound | PreconditionFailed, strawberry.union(
        "CorrectCollectiveIncomeResult", description="成功时为修改后的收入记录；否则为 InvalidInput、Forbidden、"
                                                     "NotFound、PreconditionFailed（版本已过期）之一")]
MarkRoadResult = Annotated[
    NaturalVillageRoad | InvalidInput | Forbidden | NotFound | PreconditionFailed, strawberry.union(
        "MarkRoadResult", description="成功时为自然屯道路情况；否则为 InvalidInput（日期晚于今天等）、Forbidden、"
                                      "NotFound、PreconditionFailed（版本已过期）之一")]
VillageFilter = Annotated[int | None, strawberry.argument(description="行政村的 id；为空不按村筛选")]


@strawberry.type
class VillageFigureQueries:
    """Reads of the collective economy and road coverage."""

    @strawberry.field(description="村级集体经济收入记录，按 id 升序，游标分页；县级角色只见本县区。"
                                  "Excel 是文件，不经 GraphQL：REST GET /collective/incomes/export.xlsx",
                      graphql_type=Page[CollectiveIncome])
    async def collective_income(self, info: Info[Context, None], year: YearFilter = None, county: County = None,
                                village_id: VillageFilter = None, first: First = 50,
                                after: After = None) -> PageRead[collective.CollectiveIncomeRead]:
        """A page of income records (GET /collective/incomes)."""
        params = {"year": year, "county": county, "village_id": village_id, "limit": page_size(first), "after": after}
        return await info.context.projects.call(INCOMES, params=params)

    @strawberry.field(description="某年度集体经济收入未达目标（含未填报）的行政村及此前年度收入，按村 id 升序。"
                                  "Excel：REST GET /collective/gaps/export.xlsx",
                      graphql_type=Page[CollectiveEconomyGap])
    async def collective_economy_gaps(self, info: Info[Context, None], year: Year, county: County = None,
                                      first: First = 50,
                                      after: After = None) -> PageRead[collective.CollectiveGap]:
        """A page of villages below target (GET /collective/gaps)."""
        params = {"year": year, "county": county, "limit": page_size(first), "after": after}
        return await info.context.projects.call(COLLECTIVE_GAPS, params=params)

    @strawberry.field(description="各县区某年度村级集体经济达标情况（目标、期限、村数、达标数、达标率）",
                      graphql_type=list[CollectiveEconomySummary])
    async def collective_economy_summary(self, info: Info[Context, None],
                                         year: Year) -> list[collective.CollectiveSummary]:
        """Per county figures (GET /collective/summary)."""
        return await info.context.projects.call(COLLECTIVE_SUMMARY, params={"year": year})

    @strawberry.field(description="村级集体经济项目（项目库中关联行政村的 collective_economy 项目）及其预计收入，"
                                  "按项目 id 升序", graphql_type=Page[CollectiveEconomyProject])
    async def collective_economy_projects(self, info: Info[Context, None], county: County = None,
                                          village_id: VillageFilter = None, first: First = 50,
                                          after: After = None) -> PageRead[collective.CollectiveProject]:
        """A page of collective-economy entries (GET /collective/projects)."""
        params = {"county": county, "village_id": village_id, "limit": page_size(first), "after": after}
        return await info.context.projects.call(COLLECTIVE_PROJECTS, params=params)

    @strawberry.field(description="三变折股量化记录，按 id 升序，可按县区、行政村、项目筛选",
                      graphql_type=Page[ShareConversion])
    async def share_conversions(self, info: Info[Context, None], county: County = None,
                                village_id: VillageFilter = None,
                                project_id: Annotated[int | None, strawberry.argument(
                                    description="项目的 id；为空不按项目筛选")] = None,
                                first: First = 50, after: After = None) -> PageRead[collective.ShareConversionRead]:
        """A page of 三变 records (GET /collective/shares)."""
        params = {"county": county, "village_id": village_id, "project_id": project_id, "limit": page_size(first),
                  "after": after}
        return await info.context.projects.call(SHARES, params=params)

    @strawberry.field(description="各县区某年度 20 户以上自然屯硬化道路覆盖率（贫困村及贫困发生率达到阈值的村）",
                      graphql_type=list[RoadCoverage])
    async def road_coverage(self, info: Info[Context, None], year: Year) -> list[roads.RoadCoverage]:
        """Per county coverage (GET /roads/coverage)."""
        return await info.context.projects.call(ROAD_COVERAGE, params={"year": year})

    @strawberry.field(description="某年度应通而未通硬化道路的自然屯及将解决它的项目，按自然屯 id 升序。"
                                  "Excel：REST GET /roads/gaps/export.xlsx", graphql_type=Page[RoadGap])
    async def road_gaps(self, info: Info[Context, None], year: Year, county: County = None, first: First = 50,
                        after: After = None) -> PageRead[roads.RoadGap]:
        """A page of road gaps (GET /roads/gaps)."""
        params = {"year": year, "county": county, "limit": page_size(first), "after": after}
        return await info.context.projects.call(ROAD_GAPS, params=params)


@strawberry.type
class VillageFigureMutations:
    """County offices record collective income and mark roads."""

    @strawberry.mutation(description="填报行政村某年度集体经济收入。角色：county_office（本县区的村）；"
                                     "该村该年度已填报时返回 Refused(collective_income.exists)",
                         graphql_type=RecordIncomeResult, extensions=[Roles(Role.COUNTY_OFFICE)])
    async def record_collective_income(
            self, info: Info[Context, None],
            input: Annotated[CollectiveIncomeInput, strawberry.argument(description="行政村、年度与四项收入")]
    ) -> collective.CollectiveIncomeRead | Problem:
        """Record a year's income (POST /collective/incomes)."""
        body = {"village_id": input.village_id, "year": input.year, **_amounts(input)}
        return await or_problem(info.context.projects.call(RECORD_INCOME, json=body))

    @strawberry.mutation(description="修改集体经济收入记录的四项收入。角色：county_office（本县区）；"
                                     "version 不是当前版本时返回 PreconditionFailed",
                         graphql_type=CorrectIncomeResult, extensions=[Roles(Role.COUNTY_OFFICE)])
    async def correct_collective_income(
            self, info: Info[Context, None],
            id: Annotated[int, strawberry.argument(description="收入记录的 id")], version: Version,
            input: Annotated[CollectiveIncomeAmountsInput, strawberry.argument(description="修改后的四项收入")]
    ) -> collective.CollectiveIncomeRead | Problem:
        """Correct a record (PUT /collective/incomes/{income_id})."""
        return await or_problem(info.context.projects.call(
            CORRECT_INCOME, path_params={"income_id": id}, version=version, json=_amounts(input)))

    @strawberry.mutation(description="标记自然屯已通硬化道路（或更正为未通）。角色：county_office（本县区）；"
                                     "日期晚于今天返回 InvalidInput；version 不是当前版本时返回 PreconditionFailed",
                         graphql_type=MarkRoadResult, extensions=[Roles(Role.COUNTY_OFFICE)])
    async def mark_road(
            self, info: Info[Context, None],
            natural_village_id: Annotated[int, strawberry.argument(description="自然屯的 id")], version: Version,
            hardened_on: Annotated[date | None, strawberry.argument(
                description="道路硬化完成日期（不晚于今天）；为空表示更正为未硬化")]
    ) -> roads.NaturalVillageRoad | Problem:
        """Mark a road (PUT /roads/natural-villages/{natural_village_id})."""
        body = {"road_hardened_on": None if hardened_on is None else hardened_on.isoformat()}
        return await or_problem(info.context.projects.call(
            MARK_ROAD, path_params={"natural_village_id": natural_village_id}, version=version, json=body))
