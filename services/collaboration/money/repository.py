"""All SQL about Guangdong money: what arrived and moved (kept from the funds feed) and the fund-use plan."""
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, text

from services.collaboration.feeds.models import GuangdongAllocation, GuangdongBatch
from services.collaboration.money.models import PlanLine
from services.collaboration.terms import money
from services.kit.auth import Principal
from services.kit.repository import Repository

_PLAN_LOCK = 4502_0004  # advisory-lock namespace of a county-year's fund-use plan (outbox 4502_0001)


class PlanLineRepository(Repository[PlanLine]):
    """Plan lines of the caller's county, and the sums the plan is checked against."""

    model = PlanLine

    async def take_turn(self, county: str, year: int) -> None:
        """Serialise plan changes of one county and year until commit (PostgreSQL; SQLite serialises writers),
        so two lines can never both fit into the same arrived money."""
        if self.session.get_bind().dialect.name == "postgresql":
            await self.session.execute(text("SELECT pg_advisory_xact_lock(:ns, hashtext(:key))"),
                                       {"ns": _PLAN_LOCK, "key": f"{county}-{year}"})

    async def planned(self, county: str, year: int, collaboration_project_id: int | None = None) -> Decimal:
        """Money planned in a county's year (for one project when given)."""
        query = select(func.sum(PlanLine.amount)).where(PlanLine.county_code == county, PlanLine.year == year)
        if collaboration_project_id is not None:
            query = query.where(PlanLine.collaboration_project_id == collaboration_project_id)
        return money(await self.session.scalar(query))

    async def list_page(self, principal: Principal, county: str | None, year: int | None,
                        collaboration_project_id: int | None, after: int | None, limit: int) -> list[PlanLine]:
        """Up to limit+1 readable plan lines in id order after the cursor."""
        query = self.readable(principal)
        for column, value in ((PlanLine.county_code, county), (PlanLine.year, year),
                              (PlanLine.collaboration_project_id, collaboration_project_id)):
            if value is not None:
                query = query.where(column == value)
        return await self.page(query, after, limit, newest_first=False)


class GuangdongMoney:
    """Sums of the Guangdong money kept from the funds feed, per county of a year, each in one statement.

    Scope: the caller's county is applied by the `county` argument the service passes (county roles always
    their own county)."""

    def __init__(self, session: Any) -> None:
        self.session = session

    async def _grouped(self, model: Any, year: int, county: str | None, *sums: Any) -> dict[str, tuple[Any, ...]]:
        """County → the sums of `model`'s rows of the year (one county when given)."""
        query = select(model.county_code, *sums).where(model.year == year)
        if county is not None:
            query = query.where(model.county_code == county)
        rows = (await self.session.execute(query.group_by(model.county_code))).all()
        return {r[0]: tuple(r[1:]) for r in rows}

    async def arrived(self, year: int, county: str | None = None) -> dict[str, tuple[Decimal, date]]:
        """County → (Guangdong money arrived in the year, the day the first of it arrived)."""
        rows = await self._grouped(GuangdongBatch, year, county, func.sum(GuangdongBatch.amount),
                                   func.min(GuangdongBatch.received_on))
        return {c: (money(a), d) for c, (a, d) in rows.items()}

    async def moved(self, year: int, county: str | None = None) -> dict[str, tuple[Decimal, Decimal, date | None]]:
        """County → (allocated net of recoveries, spent, the day of the first spending) of the year's money."""
        rows = await self._grouped(GuangdongAllocation, year, county, func.sum(GuangdongAllocation.spent),
                                   func.sum(GuangdongAllocation.balance), func.min(GuangdongAllocation.first_spent_on))
        return {c: (money(s) + money(b), money(s), d) for c, (s, b, d) in rows.items()}

    async def planned(self, year: int, county: str | None = None) -> dict[str, Decimal]:
        """County → money planned in the year's fund-use plan."""
        rows = await self._grouped(PlanLine, year, county, func.sum(PlanLine.amount))
        return {c: money(a) for c, (a,) in rows.items()}
