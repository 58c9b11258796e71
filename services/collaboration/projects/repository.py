"""All SQL about collaboration projects and the library entries they are."""
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import func, select

from services.collaboration.feeds.models import GuangdongAllocation, LibraryEntry
from services.collaboration.money.models import PlanLine
from services.collaboration.projects.models import CollaborationProject
from services.collaboration.terms import money
from services.kit.auth import Principal
from services.kit.repository import Repository

Figures = tuple[Decimal, Decimal, Decimal]  # planned, allocated (net of recoveries), spent


class CollaborationProjectRepository(Repository[CollaborationProject]):
    """Collaboration projects of the caller's county (all for city-wide callers)."""

    model = CollaborationProject

    async def list_page(self, principal: Principal, county: str | None, pairing_id: int | None,
                        after: int | None, limit: int) -> list[CollaborationProject]:
        """Up to limit+1 readable collaboration projects in id order after the cursor."""
        query = self.readable(principal)
        if county is not None:
            query = query.where(CollaborationProject.county_code == county)
        if pairing_id is not None:
            query = query.where(CollaborationProject.pairing_id == pairing_id)
        return await self.page(query, after, limit, newest_first=False)

    async def of_projects(self, principal: Principal, project_ids: Sequence[int]) -> list[CollaborationProject]:
        """The readable collaboration projects that are these library entries (a batch read by entry id)."""
        query = self.readable(principal).where(CollaborationProject.project_id.in_(project_ids))
        return list((await self.session.scalars(query)).all())

    async def registered(self, project_id: int) -> bool:
        """Whether the entry is already registered (across every county: an entry is registered once)."""
        query = select(CollaborationProject.id).where(CollaborationProject.project_id == project_id)
        return (await self.session.scalar(query)) is not None

    async def entries(self, project_ids: Sequence[int]) -> dict[int, LibraryEntry]:
        """The library entries the projects feed brought, by id (the caller's scope was applied to the links)."""
        if not project_ids:
            return {}
        rows = await self.session.scalars(select(LibraryEntry).where(LibraryEntry.project_id.in_(project_ids)))
        return {r.project_id: r for r in rows}

    async def entry(self, project_id: int) -> LibraryEntry | None:
        """One library entry as the feed last reported it."""
        return await self.session.get(LibraryEntry, project_id)

    async def figures(self, rows: Sequence[CollaborationProject]) -> dict[int, Figures]:
        """(planned, allocated, spent) per collaboration project id, in two grouped statements."""
        if not rows:
            return {}
        ids = [r.id for r in rows]
        planned = dict((await self.session.execute(
            select(PlanLine.collaboration_project_id, func.sum(PlanLine.amount))
            .where(PlanLine.collaboration_project_id.in_(ids)).group_by(PlanLine.collaboration_project_id))).all())
        money_of = {r.project_id: r.id for r in rows}
        moved = {money_of[p]: (money(s) + money(b), money(s)) for p, s, b in (await self.session.execute(
            select(GuangdongAllocation.project_id, func.sum(GuangdongAllocation.spent),
                   func.sum(GuangdongAllocation.balance))
            .where(GuangdongAllocation.project_id.in_(money_of)).group_by(GuangdongAllocation.project_id))).all()}
        zero = money(None)
        return {i: (money(planned.get(i)), *moved.get(i, (zero, zero))) for i in ids}
