"""What the services answer for a month's bulletin (月度通报数据): one row per county, read in one call each.

The projects service answers `ProjectsMonthRow` (`GET /figures/month?month=`), the funds service
`CasesMonthRow` (`GET /rectification-cases/month?month=`); the reporting service reads them in batches.
A month is `YYYY-MM`; figures "in the month" count what happened in it, stock figures are as of the month's
last day (or today, for the running month).
"""
from typing import Annotated

from pydantic import BaseModel, Field

MonthText = Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", description="月份 YYYY-MM")]


class Count(BaseModel):
    """A count under one key (a state, a class), with its Chinese label."""

    key: str = Field(description="状态或分类代码（English code）")
    label: str = Field(description="状态或分类名称（中文）（label）")
    count: int = Field(description="数量（count）")


class ProjectsMonthRow(BaseModel):
    """One county's library entries for a month: entries by state, admitted and started in it, stalled."""

    county_code: str
    by_status: list[Count] = Field(description="各状态项目数（当前状态）")
    admitted_in_month: int = Field(description="当月入库项目数")
    started_in_month: int = Field(description="当月开工项目数")
    stalled: int = Field(description="停滞项目数：入库后逾期未开工，或开工后长期未报告进度")


class CasesMonthRow(BaseModel):
    """One county's rectification cases (整改事项) for a month: open and overdue at its end, closed in it."""

    county_code: str
    open: int = Field(description="月末未销号的整改事项数")
    overdue: int = Field(description="月末已逾期未销号的整改事项数")
    closed_in_month: int = Field(description="当月销号的整改事项数")
