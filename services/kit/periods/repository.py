"""Every SQL statement about closed months and their corrections."""
from collections.abc import Iterable

from sqlalchemy import select

from services.kit.auth import Principal
from services.kit.months import Month
from services.kit.periods.models import ClosedPeriod, PeriodCorrection
from services.kit.repository import Repository


class PeriodRepository(Repository[ClosedPeriod]):
    """Closed months of the counties in the caller's scope, and their corrections."""

    model = ClosedPeriod

    async def closed(self, county: str, months: Iterable[Month]) -> list[ClosedPeriod]:
        """Which of these months of a county are closed (every write checks, whoever its caller: no scope)."""
        names = sorted({str(m) for m in months})
        query = select(ClosedPeriod).where(ClosedPeriod.county_code == county, ClosedPeriod.month.in_(names))
        return list((await self.session.scalars(query.order_by(ClosedPeriod.month))).all())

    async def listed(self, principal: Principal, county: str | None, year: int | None,
                     month: Month | None) -> list[ClosedPeriod]:
        """Closed months in the caller's scope, by county then month (at most 10 counties × 12 months a year)."""
        query = self.readable(principal)
        if county is not None:
            query = query.where(ClosedPeriod.county_code == county)
        if year is not None:
            query = query.where(ClosedPeriod.month.like(f"{year:04d}-%"))
        if month is not None:
            query = query.where(ClosedPeriod.month == str(month))
        return list((await self.session.scalars(query.order_by(ClosedPeriod.county_code, ClosedPeriod.month))).all())

    async def corrections(self, periods: list[ClosedPeriod]) -> list[PeriodCorrection]:
        """The corrections of these closed months, oldest first (one statement)."""
        if not periods:
            return []
        keys = {(p.county_code, p.month) for p in periods}
        query = select(PeriodCorrection).where(
            PeriodCorrection.county_code.in_({c for c, _ in keys}), PeriodCorrection.month.in_({m for _, m in keys}))
        rows = (await self.session.scalars(query.order_by(PeriodCorrection.id))).all()
        return [row for row in rows if (row.county_code, row.month) in keys]

    async def add_correction(self, row: PeriodCorrection) -> None:
        """Stage one correction of a closed month (append-only)."""
        self.session.add(row)
        await self.session.flush()
