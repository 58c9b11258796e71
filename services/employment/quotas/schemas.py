"""Response shapes of quota compliance (用工比例达标情况) and breach lists."""
from decimal import Decimal

from pydantic import BaseModel, Field

from services.employment.states import QuotaKind, QuotaStatus


class Compliance(BaseModel):
    """One enterprise-year or project-month: registered labourers placed ÷ reported workforce."""

    kind: QuotaKind
    period: str = Field(description="YYYY（骨干企业）或 YYYY-MM（集团项目）")
    subject_id: int = Field(description="骨干企业 id 或在建项目 id")
    name: str
    county_code: str | None
    group_id: int | None = None
    group_name: str | None = None
    placed: int = Field(description="期内安置的建档立卡劳动力（去重）")
    total: int | None = Field(description="报送的用工总数；未报送为空")
    ratio: Decimal | None = Field(description="比例（四位小数）；未报送为空，绝不视为 0% 或 100%")
    status: QuotaStatus
    status_label: str
    band_low: Decimal
    band_high: Decimal | None


class PeriodBreaches(BaseModel):
    """Breaches of one county or group in one period."""

    period: str
    subjects: int
    breaches: int
    not_reported: int


class BreachLine(BaseModel):
    """One county or group: breaches per period, oldest first, and the direction of the latest change."""

    key: str = Field(description="县区代码或集团名称")
    label: str
    periods: list[PeriodBreaches]
    trend: str = Field(description="rising 增加 / falling 减少 / flat 持平（最近两期比较）")


class BreachReport(BaseModel):
    """Breach lists of a quota kind over a range of periods."""

    kind: QuotaKind
    by: str
    lines: list[BreachLine]
