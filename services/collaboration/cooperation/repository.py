"""All SQL about enterprises brought in and talent exchanges, and their yearly sums per county."""
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func

from services.collaboration.cooperation.models import Enterprise, TalentExchange
from services.collaboration.terms import money
from services.kit.auth import Principal
from services.kit.repository import Repository


class EnterpriseRepository(Repository[Enterprise]):
    """Enterprises of the caller's county (all for city-wide callers)."""

    model = Enterprise

    async def list_page(self, principal: Principal, county: str | None, year: int | None, after: int | None,
                        limit: int) -> list[Enterprise]:
        """Up to limit+1 readable enterprises in id order after the cursor."""
        query = self.readable(principal)
        for column, value in ((Enterprise.county_code, county), (Enterprise.year, year)):
            if value is not None:
                query = query.where(column == value)
        return await self.page(query, after, limit, newest_first=False)

    async def sums(self, principal: Principal, year: int) -> dict[str, tuple[int, Decimal, int]]:
        """County → (enterprises, investment, poor people driven) of the year, in one statement."""
        query = (self.readable(principal).with_only_columns(
            Enterprise.county_code, func.count(), func.sum(Enterprise.investment),
            func.sum(Enterprise.poor_people_driven)).where(Enterprise.year == year).group_by(Enterprise.county_code))
        return {c: (n, money(i), int(d or 0)) for c, n, i, d in (await self.session.execute(query)).all()}


class TalentRepository(Repository[TalentExchange]):
    """Talent exchanges of the caller's county (all for city-wide callers)."""

    model = TalentExchange

    def _during(self, principal: Principal, first: date, last: date) -> Any:
        return self.readable(principal).where(TalentExchange.starts_on <= last, TalentExchange.ends_on >= first)

    async def list_page(self, principal: Principal, county: str | None, year: int | None, after: int | None,
                        limit: int) -> list[TalentExchange]:
        """Up to limit+1 readable exchanges (those under way during `year` when given) in id order."""
        query = self._during(principal, date(year, 1, 1), date(year, 12, 31)) if year else self.readable(principal)
        if county is not None:
            query = query.where(TalentExchange.county_code == county)
        return await self.page(query, after, limit, newest_first=False)

    async def spans(self, principal: Principal, year: int) -> list[tuple[str, date, date]]:
        """(county, first day, last day) of every exchange under way during the year, clipped to the year."""
        first, last = date(year, 1, 1), date(year, 12, 31)
        query = self._during(principal, first, last).with_only_columns(
            TalentExchange.county_code, TalentExchange.starts_on, TalentExchange.ends_on)
        return [(c, max(s, first), min(e, last)) for c, s, e in (await self.session.execute(query)).all()]

    async def people(self, principal: Principal, year: int) -> dict[tuple[str, str], int]:
        """(county, kind) → people exchanged during the year, in one grouped statement."""
        query = (self._during(principal, date(year, 1, 1), date(year, 12, 31))
                 .with_only_columns(TalentExchange.county_code, TalentExchange.kind, func.count())
                 .group_by(TalentExchange.county_code, TalentExchange.kind))
        return {(c, k): n for c, k, n in (await self.session.execute(query)).all()}
