"""What the projects service answers about the village collective economy (村级集体经济).

Yearly income by source, the villages below the income target with their trend, the county figures, the
collective-economy entries with the income each is expected to bring, and the 三变 share records.
"""
from datetime import date, datetime

from pydantic import BaseModel, Field

from contracts.enums import ProjectStatus
from contracts.fields import CountyCode, ProjectId, Year, Yuan

VillageId = Field(description="行政村的 id（村屯名录）")


class CollectiveIncomeRead(BaseModel):
    """One administrative village's collective income (村级集体经济收入) for one year, by source."""

    id: int = Field(description="收入记录的 id")
    village_id: int = VillageId
    village_name: str = Field(description="行政村名称")
    township_name: str = Field(description="所属乡镇")
    county_code: CountyCode
    year: Year
    dividends: Yuan = Field(description="入股分红（元）")
    leasing: Yuan = Field(description="资源发包租赁（元）")
    operating: Yuan = Field(description="经营收入（元）")
    other: Yuan = Field(description="其他收入（元）")
    total: Yuan = Field(description="合计（元）")
    reaches_target: bool = Field(description="是否达到年收入目标（默认 5 万元）")
    version: int = Field(description="版本号：修改时作为 If-Match 带回")
    updated_at: datetime = Field(description="最后变更时间（UTC）")


class YearTotal(BaseModel):
    """A village's collective income in an earlier year (趋势)."""

    year: Year
    total: Yuan = Field(description="该年合计收入（元）")


class CollectiveGap(BaseModel):
    """A village below the collective-income target in the year asked (未达标村), with its earlier years."""

    village_id: int = VillageId
    village_name: str = Field(description="行政村名称")
    township_name: str = Field(description="所属乡镇")
    county_code: CountyCode
    poor_village: bool = Field(description="是否贫困村（该年度）")
    year: Year
    total: Yuan | None = Field(description="该年合计收入（元）；未填报为空")
    shortfall: Yuan = Field(description="距目标的差额（元）；未填报时为目标全额")
    trend: list[YearTotal] = Field(description="此前年度的合计收入（最多五年，按年度升序）")


class CollectiveSummary(BaseModel):
    """One county's collective-economy figures for a year (村级集体经济达标情况)."""

    county_code: CountyCode
    county_name: str = Field(description="县区名称")
    year: Year
    target: Yuan = Field(description="年收入目标（元）")
    deadline: date = Field(description="达标期限")
    villages: int = Field(description="行政村数")
    reported: int = Field(description="已填报收入的行政村数")
    reaching: int = Field(description="达到目标的行政村数")
    below: int = Field(description="未达目标的行政村数（含未填报）")
    rate: float = Field(description="达标率：达到目标的村 ÷ 行政村数（无村时为 0）")


class CollectiveProject(BaseModel):
    """A collective-economy entry of the library (村级集体经济项目) in its village, with its expected income."""

    project_id: ProjectId
    name: str = Field(description="项目名称")
    status: ProjectStatus = Field(description="项目状态")
    county_code: CountyCode
    village_id: int = VillageId
    village_name: str = Field(description="行政村名称")
    expected_income: Yuan | None = Field(description="预计每年带来的村集体收入（元）；未填写为空")
    expected_version: int | None = Field(description="预计收入记录的版本号（修改时作为 If-Match 带回）；未填写为空")


class ShareConversionRead(BaseModel):
    """三变 (资源变资产、资金变股金、农民变股东): an entry turning funds into a village's shares."""

    id: int = Field(description="折股量化记录的 id")
    village_id: int = VillageId
    village_name: str = Field(description="行政村名称")
    project_id: ProjectId
    project_name: str = Field(description="项目名称")
    county_code: CountyCode
    year: Year
    members: int = Field(description="成员数（人）")
    households: int = Field(description="户数")
    shares: int = Field(description="股数")
    amount: Yuan = Field(description="折股金额（元）")
    recorded_by: str = Field(description="登记人（登录账号）")
    recorded_at: datetime = Field(description="登记时间（UTC）")
