"""Request shapes of the village registry (村屯名录), and its rows as readers see them (contracts.places)."""
from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, model_validator

from contracts.places import NaturalVillageRead, TownshipRead, VillageDetail, VillageRead, VillageYearRead
from contracts.values import PlainDecimal
from services.kit.counties import COUNTIES, is_liuzhou_county
from services.kit.ids import MAX_ID
from services.kit.inputs import StrictInput
from services.kit.values import Day, Year
from services.projects.places.models import AdministrativeVillage, NaturalVillage, Township, VillageYear

PlaceName = Annotated[str, Field(min_length=1, max_length=60)]
RegistryId = Annotated[int, Field(ge=1, le=MAX_ID, description="名录中的记录 id")]
Incidence = Annotated[Decimal, Field(ge=0, le=100, description="贫困发生率（%，最多两位小数）"),
                      PlainDecimal(2, 3, "贫困发生率")]


class TownshipCreate(StrictInput):
    """A new township (乡镇) of a county."""

    county_code: str = Field(description="县区代码（柳州市十个县区之一）", examples=["450225"])
    name: PlaceName

    @model_validator(mode="after")
    def _county(self) -> "TownshipCreate":
        if not is_liuzhou_county(self.county_code):
            raise ValueError("不是柳州市的县区代码（450202–450206、450222–450226）")
        return self


class VillageMarks(StrictInput):
    """The poor-village marks of an administrative village (贫困村、深度贫困村、出列年度)."""

    poor_village: bool = Field(False, description="是否贫困村")
    deep_poverty: bool = Field(False, description="是否深度贫困村（须同时是贫困村）")
    exited_year: Year | None = Field(None, description="出列年度；未出列为空（只有贫困村有出列年度）")

    @model_validator(mode="after")
    def _marks(self) -> "VillageMarks":
        if self.deep_poverty and not self.poor_village:
            raise ValueError("深度贫困村须同时是贫困村")
        if self.exited_year is not None and not self.poor_village:
            raise ValueError("只有贫困村有出列年度")
        return self


class VillageCreate(VillageMarks):
    """A new administrative village (行政村) of a township."""

    township_id: RegistryId
    name: PlaceName


class VillageUpdate(VillageMarks):
    """An administrative village's name and marks as they should be after the edit (all fields given)."""

    name: PlaceName


class VillageYearIn(StrictInput):
    """One year's figures of an administrative village (年度数据)."""

    households: int = Field(ge=0, le=100_000, description="户数")
    poor_households: int = Field(ge=0, le=100_000, description="贫困户数")
    poverty_incidence: Incidence

    @model_validator(mode="after")
    def _households(self) -> "VillageYearIn":
        if self.poor_households > self.households:
            raise ValueError("贫困户数不能多于户数")
        return self


class NaturalVillageIn(StrictInput):
    """A natural village (自然屯) as it should be: households and hardened road (硬化道路)."""

    name: PlaceName
    households: int = Field(ge=0, le=10_000, description="户数")
    hardened_road: bool = Field(False, description="是否已通硬化道路")
    road_hardened_on: Day | None = Field(None, description="道路硬化日期（已硬化时必填）")

    @model_validator(mode="after")
    def _road(self) -> "NaturalVillageIn":
        if self.hardened_road != (self.road_hardened_on is not None):
            raise ValueError("已硬化的自然屯须填写硬化日期；未硬化的不填")
        return self


def township_read(t: Township) -> TownshipRead:
    """A township row as readers see it."""
    return TownshipRead(id=t.id, county_code=t.county_code, county_name=COUNTIES[t.county_code], name=t.name,
                        demo=t.demo)


def village_read(v: AdministrativeVillage, township: str) -> VillageRead:
    """A village row (with its township's name) as lists and batch reads show it."""
    return VillageRead(id=v.id, county_code=v.county_code, county_name=COUNTIES[v.county_code],
                       township_id=v.township_id, township=township, name=v.name, poor_village=v.poor_village,
                       deep_poverty=v.deep_poverty, exited_year=v.exited_year, demo=v.demo, version=v.version,
                       updated_at=v.updated_at)


def village_detail(v: AdministrativeVillage, township: str, years: list[VillageYear],
                   natural: list[NaturalVillage]) -> VillageDetail:
    """One village with its yearly figures and natural villages."""
    fields: dict[str, Any] = village_read(v, township).model_dump()
    return VillageDetail(**fields, years=[VillageYearRead.model_validate(y) for y in years],
                         natural_villages=[NaturalVillageRead.model_validate(n) for n in natural])
