"""Existing projects brought in at their current state (历史项目导入), with their original dates."""
from enum import StrEnum

from pydantic import Field, model_validator

from services.kit.values import Day, Year
from services.projects.library.schemas import NamedEntry
from services.projects.terms import ProjectStatus as S

IMPORTABLE = (S.ADMITTED, S.PLANNED, S.STARTED, S.COMPLETED, S.ACCEPTED, S.SETTLED)
# The dates each state needs, in the order they must fall.
_DATES_BY_STATE = {
    S.ADMITTED: ("admitted_on",),
    S.PLANNED: ("admitted_on",),
    S.STARTED: ("admitted_on", "started_on"),
    S.COMPLETED: ("admitted_on", "started_on", "completed_on"),
    S.ACCEPTED: ("admitted_on", "started_on", "completed_on", "accepted_on"),
    S.SETTLED: ("admitted_on", "started_on", "completed_on", "accepted_on", "settled_on"),
}
_LABELS = {"admitted_on": "入库日期", "started_on": "开工日期", "completed_on": "竣工日期",
           "accepted_on": "验收日期", "settled_on": "报账日期"}


class ImportKind(StrEnum):
    """What an uploaded ledger holds."""

    SUBMISSIONS = "submissions"  # 新申报项目
    EXISTING = "existing"  # 已入库或实施中的历史项目


class ExistingProject(NamedEntry):
    """An entry already admitted or in execution before the county adopted the system; its township, village and
    served poor villages are named and matched to the village registry (村屯名录)."""

    status: S = Field(description="admitted / planned / started / completed / accepted / settled")
    library_code: str | None = Field(None, pattern=r"^\d{6}-\d{4}-\d{4}$", description="原入库编号；空则自动编号")
    admitted_on: Day
    plan_year: Year | None = None
    started_on: Day | None = None
    progress_percent: int = Field(0, ge=0, le=100)
    last_progress_on: Day | None = None
    completed_on: Day | None = None
    accepted_on: Day | None = None
    actual_households: int | None = Field(None, ge=0)
    actual_people: int | None = Field(None, ge=0)
    settled_on: Day | None = None

    @model_validator(mode="after")
    def _state_and_dates(self) -> "ExistingProject":
        if self.status not in IMPORTABLE:
            raise ValueError("只能导入已入库或实施中的项目（admitted、planned、started、completed、accepted、settled）")
        needed = _DATES_BY_STATE[self.status]
        missing = [_LABELS[name] for name in needed if getattr(self, name) is None]
        if missing:
            raise ValueError(f"状态为 {self.status} 的项目须填写：{'、'.join(missing)}")
        dates = [getattr(self, name) for name in needed]
        if dates != sorted(dates):
            raise ValueError("日期先后顺序有误：入库 ≤ 开工 ≤ 竣工 ≤ 验收 ≤ 报账")
        if self.status == S.PLANNED and self.plan_year is None:
            raise ValueError("已列入年度计划的项目须填写计划年度")
        if self.owner_org is None:
            raise ValueError("须填写项目主管单位")
        return self
