"""Reporting periods that close (关账): a county's month closed for reporting, and the corrections made after.

Projects (progress), funds (spending) and employment (placements) each keep their own closed months: the gateway
closes a month in all three (`PUT /periods/{county}/{month}` on each), and the monthly bulletin reads them.
"""
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from contracts.enums import Role
from contracts.fields import CountyCode

MonthText = str  # `YYYY-MM`


class PeriodCorrectionRead(BaseModel):
    """A change dated in a closed month, made afterwards as a correction with a reason (关账后更正)."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(description="更正记录的 id，按发生先后递增")
    county_code: CountyCode
    month: MonthText = Field(description="被更正的已关账月份（YYYY-MM）")
    entity_type: str = Field(description="被更正记录的类别，如 project、spending、placement")
    entity_id: str = Field(description="被更正记录的编号")
    action: str = Field(description="更正时的操作，如 report_progress、spend、place")
    reason: str = Field(description="更正理由")
    actor: str = Field(description="更正人（登录账号）")
    actor_role: Role = Field(description="更正人的角色")
    at: datetime = Field(description="更正时间（UTC）")


class PeriodRead(BaseModel):
    """A county's month closed for reporting in one service, and the corrections made to it since."""

    model_config = ConfigDict(from_attributes=True)

    county_code: CountyCode
    month: MonthText = Field(description="月份（YYYY-MM）")
    closed_at: datetime = Field(description="关账时间（UTC）")
    closed_by: str = Field(description="关账人（登录账号）")
    closed_by_role: Role = Field(description="关账人的角色")
    corrections: list[PeriodCorrectionRead] = Field(description="关账后的更正，按时间先后")
