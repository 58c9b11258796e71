"""Request shapes of the fund-use plan and the read models built from rows and sums."""
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated

from pydantic import Field

from contracts.collaboration import CountyFunds, PlanLineRead
from services.collaboration.money.models import PlanLine
from services.kit.inputs import FreeText, StrictInput
from services.kit.values import Year, Yuan

RATE = Decimal("0.0001")


class PlanLineCreate(StrictInput):
    """Plan Guangdong money of a year for a collaboration project."""

    collaboration_project_id: int = Field(ge=1, le=2**63 - 1, description="协作项目登记的 id")
    year: Year
    amount: Yuan
    purpose: Annotated[FreeText, Field(min_length=1, max_length=500)] = Field(description="资金用途")


def plan_line_read(row: PlanLine) -> PlanLineRead:
    """The read model of a plan line."""
    return PlanLineRead(id=row.id, collaboration_project_id=row.collaboration_project_id, project_id=row.project_id,
                        county_code=row.county_code, year=row.year, amount=row.amount, purpose=row.purpose,
                        created_by=row.created_by, created_at=row.created_at)


def rate(part: Decimal, whole: Decimal) -> Decimal:
    """part ÷ whole to four decimals; 0 when the whole is nothing."""
    return (part / whole).quantize(RATE, ROUND_HALF_UP) if whole else Decimal("0.0000")


def county_funds(county: str, year: int, committed: Decimal, arrived: tuple[Decimal, date | None],
                 planned: Decimal, moved: tuple[Decimal, Decimal, date | None]) -> CountyFunds:
    """One county's money of a year from its sums: committed → arrived → planned → allocated → spent."""
    (arrived_amount, first_arrived), (allocated, spent, first_spent) = arrived, moved
    days = (first_spent - first_arrived).days if first_spent and first_arrived else None
    return CountyFunds(county_code=county, year=year, committed=committed, arrived=arrived_amount, planned=planned,
                       allocated=allocated, spent=spent, arrival_rate=rate(arrived_amount, committed),
                       plan_rate=rate(planned, arrived_amount), spend_rate=rate(spent, arrived_amount),
                       first_arrived_on=first_arrived, first_spent_on=first_spent, days_to_first_spending=days)
