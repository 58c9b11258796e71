"""Request shapes of key tasks and progress reports, and the read models built from rows."""
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from contracts.collaboration import KeyTaskRead, ProgressReportRead, TaskArea
from services.collaboration.common import Name
from services.collaboration.tasks.models import KeyTask, ProgressReport
from services.collaboration.terms import AREA_LABELS
from services.kit.inputs import FreeText, StrictInput
from services.kit.values import Day, Measure

Description = Annotated[FreeText, Field(min_length=1, max_length=2000)]
Unit = Annotated[str, Field(min_length=1, max_length=20)]
Target = Annotated[Measure, Field(gt=0)]
FOUR_PLACES = Decimal("0.0001")  # measures are stored to the ten-thousandth and always shown so


class KeyTaskCreate(StrictInput):
    """A key task of an agreement: area, description, responsible units, deadline and target."""

    area: TaskArea
    description: Description
    unit_guangdong: Name = Field(description="广东方责任单位")
    unit_liuzhou: Name = Field(description="柳州方责任单位")
    deadline: Day
    indicator: Name = Field(description="目标指标，如 帮助贫困劳动力转移就业")
    unit: Unit = Field(description="计量单位，如 人、万元、个")
    target_value: Target


class KeyTaskUpdate(StrictInput):
    """Changes to a task; fields left out stay as they are (a new target re-decides whether it is done)."""

    description: Description | None = None
    unit_guangdong: Name | None = None
    unit_liuzhou: Name | None = None
    deadline: Day | None = None
    indicator: Name | None = None
    unit: Unit | None = None
    target_value: Target | None = None


class ProgressCreate(StrictInput):
    """A progress report: the value reached so far, a note and an evidence reference."""

    value_reached: Measure = Field(description="截至报告日累计完成值")
    note: Annotated[FreeText, Field(max_length=2000)] | None = None
    evidence: Annotated[str, Field(max_length=200)] | None = Field(None, description="佐证材料（文号、链接或档案编号）")
    reported_on: Day | None = Field(None, description="报告日期；不填为今天")


def task_read(row: KeyTask, today: date) -> KeyTaskRead:
    """The read model of a task row as of `today` (overdue: past its deadline, not done)."""
    area = TaskArea(row.area)
    return KeyTaskRead(id=row.id, agreement_id=row.agreement_id, county_code=row.county_code, year=row.year,
                       area=area, area_label=AREA_LABELS[area], description=row.description,
                       unit_guangdong=row.unit_guangdong, unit_liuzhou=row.unit_liuzhou, deadline=row.deadline,
                       indicator=row.indicator, unit=row.unit, target_value=row.target_value.quantize(FOUR_PLACES),
                       reached_value=row.reached_value.quantize(FOUR_PLACES), done=row.done, done_on=row.done_on,
                       overdue=not row.done and row.deadline < today, version=row.version)


def report_read(row: ProgressReport) -> ProgressReportRead:
    """The read model of a progress report row."""
    read = ProgressReportRead.model_validate(row)
    return read.model_copy(update={"value_reached": row.value_reached.quantize(FOUR_PLACES)})
