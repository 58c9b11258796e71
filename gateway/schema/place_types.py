"""GraphQL types and inputs of the village registry (村屯名录), the types the contract's (contracts/places.py)."""
from datetime import date
from decimal import Decimal

import strawberry

from contracts import places as contract
from gateway.schema.contract_types import contract_type, described_by


@contract_type(contract.TownshipRead, name="Township", description="乡镇（村屯名录）")
class Township:
    """contracts.places.TownshipRead."""


@contract_type(contract.VillageRead, name="Village", description="行政村（村屯名录）：贫困村、深度贫困村标记与出列年度")
class Village:
    """contracts.places.VillageRead."""


@contract_type(contract.VillageYearRead, name="VillageYear", description="行政村某一年度的户数、贫困户数、贫困发生率")
class VillageYear:
    """contracts.places.VillageYearRead."""


@contract_type(contract.NaturalVillageRead, name="NaturalVillage", description="自然屯（村屯名录）及其硬化道路")
class NaturalVillage:
    """contracts.places.NaturalVillageRead."""


@contract_type(contract.VillageDetail, name="VillageDetail", description="一个行政村及其历年数据、所辖自然屯")
class VillageDetail:
    """contracts.places.VillageDetail."""


@strawberry.input(description="新建乡镇")
class TownshipInput:
    """A new township."""

    county_code: str = strawberry.field(description="县区代码（GB/T 2260，六位）")
    name: str = strawberry.field(description="乡镇名称")


@described_by(contract.VillageRead)
@strawberry.input(description="行政村的名称与贫困村标记（新建时另给乡镇 id）")
class VillageInput:
    """A village's name and marks; `townshipId` only when creating."""

    name: str
    poor_village: bool = False
    deep_poverty: bool = False
    exited_year: int | None = None
    township_id: int | None = None


@described_by(contract.VillageYearRead)
@strawberry.input(description="行政村某一年度的数据")
class VillageYearInput:
    """One year's figures."""

    households: int
    poor_households: int
    poverty_incidence: Decimal


@described_by(contract.NaturalVillageRead)
@strawberry.input(description="自然屯：户数与硬化道路")
class NaturalVillageInput:
    """A natural village as it should be."""

    name: str
    households: int
    hardened_road: bool = False
    road_hardened_on: date | None = None
