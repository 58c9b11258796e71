"""All SQL about framework agreements."""
from decimal import Decimal

from sqlalchemy import func, select

from services.collaboration.agreements.models import Agreement
from services.collaboration.scope import CountyOrCity
from services.collaboration.terms import money
from services.kit.auth import Principal


class AgreementRepository(CountyOrCity[Agreement]):
    """Agreements the caller may read, and the money they commit."""

    model = Agreement

    async def list_page(self, principal: Principal, county: str | None, year: int | None, pairing_id: int | None,
                        after: int | None, limit: int) -> list[Agreement]:
        """Up to limit+1 readable agreements in id order after the cursor."""
        query = self.readable(principal)
        if county is not None:
            query = query.where(Agreement.county_code == county)
        if year is not None:
            query = query.where(Agreement.year == year)
        if pairing_id is not None:
            query = query.where(Agreement.pairing_id == pairing_id)
        return await self.page(query, after, limit, newest_first=False)

    async def of_pairing_year(self, pairing_id: int, year: int) -> Agreement | None:
        """The agreement of a pairing and year, whoever may read it (one per pairing and year)."""
        return await self.session.scalar(select(Agreement).where(Agreement.pairing_id == pairing_id,
                                                                 Agreement.year == year))

    async def committed(self, principal: Principal, year: int, county: str | None = None) -> dict[str | None, Decimal]:
        """County → Guangdong money committed in the year's agreements of that county, in one statement."""
        query = (self.readable(principal)
                 .with_only_columns(Agreement.county_code, func.sum(Agreement.guangdong_committed))
                 .where(Agreement.year == year, Agreement.county_code.is_not(None))
                 .group_by(Agreement.county_code))
        if county is not None:
            query = query.where(Agreement.county_code == county)
        return {c: money(total) for c, total in (await self.session.execute(query)).all()}
