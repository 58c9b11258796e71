"""Shapes of collective-economy records as written; as read they are in contracts/collective.py."""
from decimal import Decimal

from pydantic import Field

from services.kit.ids import MAX_ID
from services.kit.inputs import StrictInput
from services.kit.values import Year, Yuan, YuanOrZero


class IncomeAmounts(StrictInput):
    """A village's collective income for a year by source (元): 入股分红、资源发包租赁、经营收入、其他."""

    dividends: YuanOrZero = Field(description="入股分红（元）")
    leasing: YuanOrZero = Field(description="资源发包租赁（元）")
    operating: YuanOrZero = Field(description="经营收入（元）")
    other: YuanOrZero = Field(description="其他收入（元）")

    @property
    def total(self) -> Decimal:
        """The sum of the four sources."""
        return self.dividends + self.leasing + self.operating + self.other


class IncomeIn(IncomeAmounts):
    """A new yearly income record of one administrative village (村级集体经济收入填报)."""

    village_id: int = Field(ge=1, le=MAX_ID, description="行政村的 id")
    year: Year


class ExpectedIncomeIn(StrictInput):
    """The collective income a collective-economy entry is expected to bring its village each year (元)."""

    amount: YuanOrZero = Field(description="预计每年带来的村集体收入（元）")


class ShareConversionIn(StrictInput):
    """A 三变 record: an entry turning funds into a village's shares (资金变股金、农民变股东)."""

    village_id: int = Field(ge=1, le=MAX_ID, description="行政村的 id")
    project_id: int = Field(ge=1, le=MAX_ID, description="项目库中项目的 id")
    year: Year
    members: int = Field(ge=1, le=1_000_000, description="成员数（人）")
    households: int = Field(ge=1, le=1_000_000, description="户数（不多于成员数）")
    shares: int = Field(ge=1, le=2**31 - 1, description="股数")
    amount: Yuan = Field(description="折股金额（元）")
