"""Payloads of the projects service's feed (项目库事件): every change of a library entry and of an annual plan."""
from datetime import date

from pydantic import Field

from contracts.enums import FeedName, PlanChange, PlanStatus, ProjectAction, ProjectStatus
from contracts.events.base import EventPayload, event
from contracts.fields import CountyCode, Note, ProjectId, Year, Yuan

FEED = FeedName.PROJECTS


class ProjectSnapshot(EventPayload):
    """The state of a library entry right after a change; consumers keep the one with the highest `version`."""

    project_id: ProjectId
    version: int = Field(description="项目版本号：项目本身每次变更加一（异议等不改项目本身的事件不变）；"
                                     "只应用比已知版本更新的状态")
    status: ProjectStatus = Field(description="变更后的项目状态")
    county_code: CountyCode
    owner_org: str = Field(description="项目主管单位")
    name: str = Field(description="项目名称")
    started_on: date | None = Field(description="开工日期；未开工为空")
    library_code: str | None = Field(description="入库编号，入库后才有；2026-11-29 以前写入的事件为空")
    plan_year: int | None = Field(description="所在年度实施计划的年度；2026-11-29 以前写入的事件为空")
    progress_percent: int | None = Field(description="完成进度（%）；2026-11-29 以前写入的事件为空")


@event(FEED, "project.submitted", 1, "project", "project_id")
class ProjectSubmitted(ProjectSnapshot):
    """An owner submitted a new entry (项目入库申报)."""


@event(FEED, "project.imported", 1, "project", "project_id")
class ProjectImported(ProjectSnapshot):
    """An existing project was brought in at its state (历史项目导入), or loaded as demo data."""


@event(FEED, "project.status_changed", 1, "project", "project_id")
class ProjectStatusChanged(ProjectSnapshot):
    """An action moved the entry to another state (review, admission, plan, execution, ending early)."""

    from_status: ProjectStatus = Field(description="变更前的状态")
    action: ProjectAction = Field(description="所做的操作")
    note: Note


@event(FEED, "project.updated", 1, "project", "project_id")
class ProjectUpdated(ProjectSnapshot):
    """A change that kept the state: an edit, a progress report, an objection, a failed acceptance, a rollover."""

    action: ProjectAction = Field(description="所做的操作")
    note: Note


@event(FEED, "plan.changed", 1, "annual_plan", "plan_id")
class AnnualPlanChanged(EventPayload):
    """A county's annual implementation plan (年度实施计划) was opened, rolled over or adjusted."""

    plan_id: int = Field(description="年度计划的 id")
    county_code: CountyCode
    year: Year
    plan_status: PlanStatus = Field(description="变更后的计划状态")
    change: PlanChange = Field(description="发生了什么")


@event(FEED, "collective_income.recorded", 1, "collective_income", "income_id")
class CollectiveIncomeRecorded(EventPayload):
    """A county office recorded or corrected a village's yearly collective income (村级集体经济收入)."""

    income_id: int = Field(description="收入记录的 id")
    village_id: int = Field(description="行政村的 id")
    county_code: CountyCode
    year: Year
    income_total: Yuan = Field(description="村级集体经济合计收入（元）")
    version: int = Field(description="记录版本号；只应用比已知版本更新的")


@event(FEED, "natural_village.road_marked", 1, "natural_village", "natural_village_id")
class RoadMarked(EventPayload):
    """A county office marked a natural village's road as hardened (自然屯通硬化道路), or corrected the mark."""

    natural_village_id: int = Field(description="自然屯的 id")
    village_id: int = Field(description="所属行政村的 id")
    county_code: CountyCode
    hardened_road: bool = Field(description="是否已通硬化道路")
    road_hardened_on: date | None = Field(description="道路硬化完成日期；未硬化为空")
    version: int = Field(description="自然屯版本号；只应用比已知版本更新的")
