"""What the employment service answers (就业扶贫): labourers, employers, placements, training, quotas, leaders.

Services build these from their rows and declare them as `response_model`; the gateway parses its upstream answers
into them. A labourer's name and ID number are personal data: whole only for hr and admin, masked (contracts/
personal.py) everywhere else, and never whole in the audit trail (`for_audit`).
"""
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from contracts.enums import (
    CourseKind,
    EmployerKind,
    Outcome,
    PlacementKind,
    QuotaKind,
    QuotaStatus,
    Registration,
    Sex,
    Trend,
)
from contracts.fields import CountyCode, LabourerId, Year
from contracts.personal import mask_id, mask_name


class LabourerRead(BaseModel):
    """A labourer; `id_number` is masked (4502**********1234) unless the caller is hr or admin."""

    id: LabourerId
    id_number: str = Field(description="居民身份证号码；仅人社局与管理员完整显示，其余为脱敏值（4502**********1234）")
    name: str = Field(description="姓名；仅人社局与管理员完整显示，其余角色为脱敏值")
    birth_date: date = Field(description="出生日期（由身份证号码推出）")
    sex: Sex = Field(description="性别（由身份证号码推出）")
    county_code: CountyCode
    county_name: str | None = Field(description="县区名称；柳州市以外为空")
    liuzhou: bool = Field(description="户籍在柳州市十个县区")
    township: str = Field(description="户籍乡镇")
    village: str = Field(description="户籍村")
    village_id: int | None = Field(None, description=(
        "户籍行政村在村屯名录中的 id；柳州市以外的县区和名录建立前登记的劳动力为空（乡镇、村为原填写的名称）"))
    household_no: str = Field(description="建档立卡户编号")
    registration: Registration = Field(description="建档立卡状态（registration）")
    registration_label: str = Field(description="建档立卡状态的中文名称")
    relocated: bool = Field(description="是否易地扶贫搬迁户")
    skills: list[str] = Field(description="技能")
    created_at: datetime = Field(description="登记时间（UTC）")

    def for_audit(self) -> dict[str, Any]:
        """The audit copy: never the whole ID number or name (the audit is not only read by hr)."""
        return self.model_dump(mode="json") | {"id_number": mask_id(self.id_number), "name": mask_name(self.name)}


class EmployerRead(BaseModel):
    """An employer."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="用工单位的 id")
    kind: EmployerKind = Field(description="用工单位类别")
    kind_label: str = Field(description="用工单位类别的中文名称")
    name: str = Field(description="单位名称")
    county_code: str | None = Field(description="所在县区代码（骨干企业必填）；劳务输入基地为空")
    county_name: str | None = Field(description="所在县区名称；没有为空")
    industry: str | None = Field(description="所属行业；没有为空")
    province: str | None = Field(description="所在省份（劳务输入基地必填）；其他为空")
    created_at: datetime = Field(description="登记时间（UTC）")


class GroupProjectRead(BaseModel):
    """A group's construction project."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="在建项目的 id")
    group_id: int = Field(description="所属集团公司（用工单位）的 id")
    name: str = Field(description="项目名称")
    county_code: CountyCode
    starts_on: date = Field(description="开工日期")
    ends_on: date | None = Field(description="完工日期；未完工为空")


class WorkforceReportRead(BaseModel):
    """One revision of a report; `current` marks the one the quotas use."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="报送记录的 id")
    employer_id: int | None = Field(description="骨干企业的 id（按年报送）；集团项目报送为空")
    project_id: int | None = Field(description="集团在建项目的 id（按月报送）；骨干企业报送为空")
    year: Year
    month: int | None = Field(description="月份 1–12（集团项目）；骨干企业按年报送为空")
    total: int = Field(description="用工总数（人）")
    revision: int = Field(description="同一期的第几次报送：1 为首次，其后为更正")
    current: bool = Field(description="是否为该期现行版本（达标计算使用）")
    note: str | None = Field(description="说明（更正原因等）；没有为空")
    reported_by: str = Field(description="报送人（登录账号）")
    reported_at: datetime = Field(description="报送时间（UTC）")


class PlacementRead(BaseModel):
    """A placement with its labourer's name and ID number (masked unless the caller is hr or admin)."""

    id: int = Field(description="安置记录的 id")
    labourer_id: LabourerId
    labourer_name: str = Field(description="劳动力姓名；仅人社局与管理员完整显示")
    labourer_id_number: str = Field(description="劳动力身份证号码；仅人社局与管理员完整显示")
    kind: PlacementKind = Field(description="安置去向")
    employer_id: int | None = Field(description="用工单位 id（骨干企业、劳务输入基地）；其他去向为空")
    project_id: int | None = Field(description="集团在建项目 id；其他去向为空")
    site: str | None = Field(description="岗位或车间名称（公益岗位、扶贫微车间）；其他去向为空")
    starts_on: date = Field(description="上岗日期")
    ends_on: date | None = Field(description="离岗日期；仍在岗为空")
    leader: str | None = Field(description="劳务带头人；没有为空")

    def for_audit(self) -> dict[str, Any]:
        """The audit copy: never the whole ID number or name (the audit is not only read by hr)."""
        return self.model_dump(mode="json") | {"labourer_id_number": mask_id(self.labourer_id_number),
                                               "labourer_name": mask_name(self.labourer_name)}


class ParticipantRead(BaseModel):
    """A participant with the labourer's name and ID number (masked unless hr or admin)."""

    labourer_id: LabourerId
    labourer_name: str = Field(description="劳动力姓名；仅人社局与管理员完整显示")
    labourer_id_number: str = Field(description="劳动力身份证号码；仅人社局与管理员完整显示")
    outcome: Outcome = Field(description="培训结果：在训、结业、取得证书、培训后就业或中途退出")


class CourseRead(BaseModel):
    """A course with its participants and counts by outcome."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="培训班的 id")
    kind: CourseKind = Field(description="培训类别（skills 就业技能、entrepreneurship 创业、two_after 两后生）")
    kind_label: str = Field(description="培训类别的中文名称")
    name: str = Field(description="培训班名称")
    county_code: CountyCode
    starts_on: date = Field(description="开班日期")
    ends_on: date | None = Field(description="结业日期；未定为空")
    participants: list[ParticipantRead] = Field(default_factory=list, description="学员及其培训结果")
    outcomes: dict[str, int] = Field(default_factory=dict, description="各结果人数")


class Compliance(BaseModel):
    """One enterprise-year or project-month: registered labourers placed ÷ reported workforce."""

    kind: QuotaKind = Field(description="比例要求的种类：骨干企业（年）或集团项目（月）")
    period: str = Field(description="YYYY（骨干企业）或 YYYY-MM（集团项目）")
    subject_id: int = Field(description="骨干企业 id 或在建项目 id")
    name: str = Field(description="骨干企业名称或在建项目名称")
    county_code: str | None = Field(description="县区代码；没有为空")
    group_id: int | None = Field(None, description="在建项目所属集团公司的 id；骨干企业为空")
    group_name: str | None = Field(None, description="在建项目所属集团公司的名称；骨干企业为空")
    placed: int = Field(description="期内安置的建档立卡劳动力（去重）")
    total: int | None = Field(description="报送的用工总数；未报送为空")
    ratio: Decimal | None = Field(description="比例（四位小数）；未报送为空，绝不视为 0% 或 100%")
    status: QuotaStatus = Field(description="达标情况")
    status_label: str = Field(description="达标情况的中文名称")
    band_low: Decimal = Field(description="比例下限（骨干企业 0.10，集团项目 0.05）")
    band_high: Decimal | None = Field(description="比例上限（集团项目 0.10）；骨干企业没有上限为空")


class PeriodBreaches(BaseModel):
    """Breaches of one county or group in one period."""

    period: str = Field(description="期：YYYY（骨干企业）或 YYYY-MM（集团项目）")
    subjects: int = Field(description="应达标的单位（或项目）数")
    breaches: int = Field(description="未达标数")
    not_reported: int = Field(description="未报送用工总数的数目（不计入未达标）")


class BreachLine(BaseModel):
    """One county or group: breaches per period, oldest first, and the direction of the latest change."""

    key: str = Field(description="县区代码或集团名称")
    label: str = Field(description="县区名称或集团名称")
    periods: list[PeriodBreaches] = Field(description="各期未达标数，按时间先后")
    trend: Trend = Field(description="最近两期比较的趋势")


class BreachReport(BaseModel):
    """Breach lists of a quota kind over a range of periods."""

    kind: QuotaKind = Field(description="比例要求的种类")
    by: str = Field(description="county 按县区 | group 按集团")
    lines: list[BreachLine] = Field(description="每个县区或集团一行")


class LeaderFigures(BaseModel):
    """One leader: labourers brought, and how many were still placed 3 and 6 months after starting."""

    leader: str = Field(description="劳务带头人")
    brought: int = Field(description="带动就业人数")
    observable_3m: int = Field(description="开始满 3 个月、可判断的人数")
    still_placed_3m: int = Field(description="其中 3 个月后仍在岗的人数")
    observable_6m: int = Field(description="开始满 6 个月、可判断的人数")
    still_placed_6m: int = Field(description="其中 6 个月后仍在岗的人数")


class ProvinceExport(BaseModel):
    """Labourers placed at base enterprises of one province in the year."""

    province: str = Field(description="输入省份")
    labourers: int = Field(description="当年在该省劳务输入基地安置的劳动力人数（去重）")
