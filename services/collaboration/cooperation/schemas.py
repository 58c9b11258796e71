"""Request shapes of industry and talent cooperation and the read models built from rows."""
from decimal import Decimal
from typing import Annotated

from pydantic import Field, model_validator

from contracts.collaboration import EnterpriseRead, TalentDirection, TalentExchangeRead, TalentField, TalentKind
from services.collaboration.common import County, Name
from services.collaboration.cooperation.models import Enterprise, TalentExchange
from services.collaboration.terms import DIRECTION_LABELS, FIELD_LABELS, KIND_LABELS
from services.kit.inputs import StrictInput
from services.kit.values import Day, PlainDecimal, Year

# Investment may be nothing yet (signed, not paid in): money, but zero allowed.
Investment = Annotated[Decimal, Field(ge=0), PlainDecimal(2, 14, "金额")]


class EnterpriseCreate(StrictInput):
    """A Guangdong enterprise brought into a county in a year."""

    county_code: County
    year: Year
    name: Annotated[str, Field(min_length=1, max_length=200)]
    origin: Name = Field(description="来自广东何地，如 湛江市")
    industry: Annotated[str, Field(min_length=1, max_length=60)]
    investment: Investment = Field(description="实际到位投资（元）")
    poor_people_driven: int = Field(ge=0, le=1_000_000, description="带动贫困人口数")


class TalentExchangeCreate(StrictInput):
    """A cadre or technician sent one way for a period."""

    county_code: County
    direction: TalentDirection
    kind: TalentKind
    field: TalentField = TalentField.OTHER
    person_name: Annotated[str, Field(min_length=1, max_length=60)]
    unit: Name = Field(description="派出或接收单位")
    starts_on: Day
    ends_on: Day

    @model_validator(mode="after")
    def _ordered(self) -> "TalentExchangeCreate":
        if self.ends_on < self.starts_on:
            raise ValueError("结束日期不能早于开始日期")
        return self


def enterprise_read(row: Enterprise) -> EnterpriseRead:
    """The read model of an enterprise row."""
    return EnterpriseRead(id=row.id, county_code=row.county_code, year=row.year, name=row.name, origin=row.origin,
                          industry=row.industry, investment=row.investment,
                          poor_people_driven=row.poor_people_driven, created_by=row.created_by)


def exchange_read(row: TalentExchange) -> TalentExchangeRead:
    """The read model of a talent exchange row."""
    direction, kind, field = TalentDirection(row.direction), TalentKind(row.kind), TalentField(row.field)
    return TalentExchangeRead(id=row.id, county_code=row.county_code, direction=direction,
                              direction_label=DIRECTION_LABELS[direction], kind=kind, kind_label=KIND_LABELS[kind],
                              field=field, field_label=FIELD_LABELS[field], person_name=row.person_name,
                              unit=row.unit, starts_on=row.starts_on, ends_on=row.ends_on,
                              person_days=(row.ends_on - row.starts_on).days + 1)
