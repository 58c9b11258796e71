"""What the village registry answers (村屯名录): townships, administrative villages with their yearly figures,
natural villages. The projects service owns the registry; other components read these shapes."""
from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from contracts.fields import CountyCode


class TownshipRead(BaseModel):
    """A township or town (乡镇) of one county."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="乡镇的 id")
    county_code: CountyCode
    county_name: str = Field(description="县区名称（county name）")
    name: str = Field(description="乡镇名称（township name）")
    demo: bool = Field(description="是否演示数据（demo data）")


class VillageRead(BaseModel):
    """An administrative village (行政村) with its poor-village marks, as lists and batch reads show it."""

    id: int = Field(description="行政村的 id")
    county_code: CountyCode
    county_name: str = Field(description="县区名称（county name）")
    township_id: int = Field(description="所属乡镇的 id")
    township: str = Field(description="所属乡镇名称（township）")
    name: str = Field(description="行政村名称（village name）")
    poor_village: bool = Field(description="是否贫困村（poor village）")
    deep_poverty: bool = Field(description="是否深度贫困村（deep-poverty village）")
    exited_year: int | None = Field(description="出列年度：该年及以前仍算贫困村；未出列为空")
    demo: bool = Field(description="是否演示数据（demo data）")
    version: int = Field(description="版本号：每次变更加一；修改时作为 If-Match 带回")
    updated_at: datetime = Field(description="最后变更时间（UTC）")


class VillageYearRead(BaseModel):
    """One year's figures of an administrative village (年度数据)."""

    model_config = ConfigDict(from_attributes=True)

    year: int = Field(description="年度")
    households: int = Field(description="户数（households）")
    poor_households: int = Field(description="贫困户数（poor households）")
    poverty_incidence: Decimal = Field(description="贫困发生率（%，两位小数）")


class NaturalVillageRead(BaseModel):
    """A natural village (自然屯) and whether it has a hardened road (硬化道路)."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="自然屯的 id")
    village_id: int = Field(description="所属行政村的 id")
    county_code: CountyCode
    name: str = Field(description="自然屯名称（natural village name）")
    households: int = Field(description="户数（households）")
    hardened_road: bool = Field(description="是否已通硬化道路（hardened road）")
    road_hardened_on: date | None = Field(description="道路硬化日期；未硬化为空")
    demo: bool = Field(description="是否演示数据（demo data）")
    version: int = Field(description="版本号：修改时作为 If-Match 带回")


class VillageDetail(VillageRead):
    """One administrative village with its yearly figures (oldest first) and its natural villages."""

    years: list[VillageYearRead] = Field(description="历年数据（按年度升序）")
    natural_villages: list[NaturalVillageRead] = Field(description="所辖自然屯")
