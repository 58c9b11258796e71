"""What the projects service answers about road coverage (硬化道路): per county, the gaps, a natural village's road.

A natural village (自然屯) qualifies in a year when it has at least the minimum households (default 20) and its
administrative village is a poor village that year (not exited before it) or has a poverty incidence of at least
the threshold (default 25 %) that year. It is covered when its road was hardened by the end of that year.
"""
from datetime import date
from decimal import Decimal

from pydantic import BaseModel, Field

from contracts.enums import ProjectStatus
from contracts.fields import CountyCode, ProjectId, Year


class RoadCoverage(BaseModel):
    """One county's road coverage in a year (20 户以上自然屯硬化道路覆盖情况)."""

    county_code: CountyCode
    county_name: str = Field(description="县区名称")
    year: Year
    qualifying: int = Field(description="应通硬化道路的自然屯数")
    hardened: int = Field(description="其中已通硬化道路的自然屯数")
    gaps: int = Field(description="尚未通硬化道路的自然屯数")
    rate: float = Field(description="覆盖率：已通 ÷ 应通（无应通时为 1）")


class ClosingEntry(BaseModel):
    """A library entry that will harden the road of a natural village (项目库中的硬化道路项目)."""

    project_id: ProjectId
    name: str = Field(description="项目名称")
    status: ProjectStatus = Field(description="项目状态")


class RoadGap(BaseModel):
    """A qualifying natural village without a hardened road (未通硬化道路的自然屯), with the entries closing it."""

    natural_village_id: int = Field(description="自然屯的 id")
    name: str = Field(description="自然屯名称")
    households: int = Field(description="户数")
    village_id: int = Field(description="所属行政村的 id")
    village_name: str = Field(description="所属行政村名称")
    township_name: str = Field(description="所属乡镇")
    county_code: CountyCode
    poor_village: bool = Field(description="所属行政村该年度是否贫困村")
    poverty_incidence: Decimal | None = Field(description="所属行政村该年度贫困发生率（%）；无数据为空")
    version: int = Field(description="自然屯的版本号：标记硬化道路时作为 If-Match 带回")
    entries: list[ClosingEntry] = Field(description="将解决该屯道路的项目库项目（不含已终止的）")


class NaturalVillageRoad(BaseModel):
    """A natural village and its road (自然屯道路情况)."""

    id: int = Field(description="自然屯的 id")
    name: str = Field(description="自然屯名称")
    village_id: int = Field(description="所属行政村的 id")
    county_code: CountyCode
    households: int = Field(description="户数")
    hardened_road: bool = Field(description="是否已通硬化道路")
    road_hardened_on: date | None = Field(description="道路硬化完成日期；未硬化为空")
    version: int = Field(description="版本号：标记时作为 If-Match 带回")
