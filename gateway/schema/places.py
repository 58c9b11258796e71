"""GraphQL of the village registry (村屯名录): townships, administrative villages with yearly figures, natural
villages; the types are the contract's (contracts/places.py), the data the projects service's."""
from collections.abc import Awaitable
from typing import Annotated

import strawberry
from strawberry.types import Info

from contracts import places as contract
from contracts.page import Page as PageRead
from gateway.context import Context
from gateway.projects_client import (
    ADD_NATURAL_VILLAGE,
    CREATE_TOWNSHIP,
    CREATE_VILLAGE,
    SET_VILLAGE_YEAR,
    TOWNSHIPS,
    UPDATE_NATURAL_VILLAGE,
    UPDATE_VILLAGE,
    VILLAGES,
)
from gateway.schema.arguments import After, County, First, Version, Year
from gateway.schema.page import Page, page_size
from gateway.schema.permissions import Roles
from gateway.schema.place_types import (
    NaturalVillage,
    NaturalVillageInput,
    Township,
    TownshipInput,
    Village,
    VillageDetail,
    VillageInput,
    VillageYearInput,
)
from gateway.schema.problems import Forbidden, InvalidInput, NotFound, PreconditionFailed, Problem, Refused, or_problem
from gateway.schema.projects import input_json
from services.kit.auth import Role

VillageId = Annotated[int, strawberry.argument(description="行政村的 id（村屯名录）")]
NamePrefix = Annotated[str | None, strawberry.argument(description="名称前缀；为空不按名称筛选")]
KEEPERS = "角色：county_office（本县区）、city_office"


Keeps = Forbidden | InvalidInput | PreconditionFailed | NotFound | Refused
VillageResult = Annotated[VillageDetail | Keeps, strawberry.union(
    "VillageResult", description="行政村及其数据，或无权、输入有误、版本过期、不存在、被拒绝（如重名）")]
TownshipResult = Annotated[Township | Forbidden | InvalidInput | Refused, strawberry.union(
    "TownshipResult", description="新建的乡镇，或无权、输入有误、被拒绝（如重名）")]
NaturalVillageResult = Annotated[NaturalVillage | Keeps, strawberry.union(
    "NaturalVillageResult", description="自然屯，或无权、输入有误、版本过期、不存在、被拒绝（如重名）")]


@strawberry.type
class PlaceQueries:
    """Reads of the village registry."""

    @strawberry.field(description="乡镇列表（村屯名录），按 id 升序；县级角色只见本县区", graphql_type=Page[Township])
    async def townships(self, info: Info[Context, None], county: County = None, name: NamePrefix = None,
                        first: First = 50, after: After = None) -> PageRead[contract.TownshipRead]:
        """A page of townships (GET /townships)."""
        params = {"county": county, "name": name, "limit": page_size(first), "after": after}
        return await info.context.projects.call(TOWNSHIPS, params=params)

    @strawberry.field(description="行政村列表（村屯名录），按 id 升序；县级角色只见本县区。Excel：项目库服务 REST "
                                  "GET /villages/export.xlsx、POST /villages/import.xlsx", graphql_type=Page[Village])
    async def villages(
            self, info: Info[Context, None], county: County = None,
            township_id: Annotated[int | None, strawberry.argument(description="只列该乡镇的行政村")] = None,
            poor: Annotated[bool | None, strawberry.argument(description="只列贫困村（true）或非贫困村（false）")
                            ] = None,
            name: NamePrefix = None, first: First = 50, after: After = None) -> PageRead[contract.VillageRead]:
        """A page of villages (GET /villages), each primed into the loader."""
        params = {"county": county, "township_id": township_id, "poor": None if poor is None else str(poor).lower(),
                  "name": name, "limit": page_size(first), "after": after}
        page = await info.context.projects.call(VILLAGES, params=params)
        for item in page.items:
            info.context.loaders.village_by_id.prime(item.id, item)
        return page

    @strawberry.field(description="按 id 读取一个行政村及其历年数据、自然屯；无权查看或不存在时为 null",
                      graphql_type=VillageDetail | None)
    async def village(self, info: Info[Context, None], id: VillageId) -> contract.VillageDetail | None:
        """One village with its figures (GET /villages/{village_id})."""
        return await info.context.projects.village(id)


async def _keep(info: Info[Context, None], call: Awaitable[contract.VillageDetail]
                ) -> contract.VillageDetail | Problem:
    got = await or_problem(call)
    if isinstance(got, contract.VillageRead):
        info.context.loaders.village_by_id.prime(got.id, got)
    return got


@strawberry.type
class PlaceMutations:
    """Keeping the village registry."""

    @strawberry.mutation(description=f"新建乡镇。{KEEPERS}；重名时返回 Refused", graphql_type=TownshipResult,
                         extensions=[Roles(Role.COUNTY_OFFICE, Role.CITY_OFFICE)])
    async def create_township(self, info: Info[Context, None],
                              input: Annotated[TownshipInput, strawberry.argument(description="乡镇")]
                              ) -> contract.TownshipRead | Problem:
        """Add a township (POST /townships)."""
        return await or_problem(info.context.projects.call(CREATE_TOWNSHIP, json=input_json(input)))

    @strawberry.mutation(description=f"新建行政村（须给 townshipId）。{KEEPERS}；重名时返回 Refused",
                         graphql_type=VillageResult, extensions=[Roles(Role.COUNTY_OFFICE, Role.CITY_OFFICE)])
    async def create_village(self, info: Info[Context, None],
                             input: Annotated[VillageInput, strawberry.argument(description="行政村")]
                             ) -> contract.VillageDetail | Problem:
        """Add a village (POST /villages)."""
        return await _keep(info, info.context.projects.call(CREATE_VILLAGE, json=input_json(input)))

    @strawberry.mutation(description=f"修改行政村名称与贫困村标记（出列年度）。{KEEPERS}；"
                                     "版本过期返回 PreconditionFailed",
                         graphql_type=VillageResult, extensions=[Roles(Role.COUNTY_OFFICE, Role.CITY_OFFICE)])
    async def update_village(self, info: Info[Context, None], id: VillageId, version: Version,
                             input: Annotated[VillageInput, strawberry.argument(description="修改后的名称与标记")]
                             ) -> contract.VillageDetail | Problem:
        """Edit a village (PUT /villages/{village_id})."""
        body = {k: v for k, v in input_json(input).items() if k != "township_id"}
        return await _keep(info, info.context.projects.call(UPDATE_VILLAGE, path_params={"village_id": id},
                                                            version=version, json=body))

    @strawberry.mutation(description=f"填报行政村某一年度的数据（其他年度保留）。{KEEPERS}",
                         graphql_type=VillageResult, extensions=[Roles(Role.COUNTY_OFFICE, Role.CITY_OFFICE)])
    async def set_village_year(self, info: Info[Context, None], id: VillageId, version: Version, year: Year,
                               input: Annotated[VillageYearInput, strawberry.argument(description="该年度数据")]
                               ) -> contract.VillageDetail | Problem:
        """Set one year's figures (PUT /villages/{village_id}/years/{year})."""
        return await _keep(info, info.context.projects.call(
            SET_VILLAGE_YEAR, path_params={"village_id": id, "figures_year": year}, version=version,
            json=input_json(input)))

    @strawberry.mutation(description=f"为行政村新增自然屯（version 为行政村的版本号）。{KEEPERS}",
                         graphql_type=VillageResult, extensions=[Roles(Role.COUNTY_OFFICE, Role.CITY_OFFICE)])
    async def add_natural_village(self, info: Info[Context, None], id: VillageId, version: Version,
                                  input: Annotated[NaturalVillageInput, strawberry.argument(description="自然屯")]
                                  ) -> contract.VillageDetail | Problem:
        """Add a natural village (POST /villages/{village_id}/natural-villages)."""
        return await _keep(info, info.context.projects.call(
            ADD_NATURAL_VILLAGE, path_params={"village_id": id}, version=version, json=input_json(input)))

    @strawberry.mutation(description=f"修改自然屯的户数与硬化道路。{KEEPERS}", graphql_type=NaturalVillageResult,
                         extensions=[Roles(Role.COUNTY_OFFICE, Role.CITY_OFFICE)])
    async def update_natural_village(
            self, info: Info[Context, None],
            id: Annotated[int, strawberry.argument(description="自然屯的 id")], version: Version,
            input: Annotated[NaturalVillageInput, strawberry.argument(description="修改后的自然屯")]
    ) -> contract.NaturalVillageRead | Problem:
        """Edit a natural village (PUT /natural-villages/{natural_village_id})."""
        return await or_problem(info.context.projects.call(
            UPDATE_NATURAL_VILLAGE, path_params={"natural_village_id": id}, version=version, json=input_json(input)))
