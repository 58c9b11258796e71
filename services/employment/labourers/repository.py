"""All SQL about labourers."""
from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.labourers.models import Labourer
from services.employment.states import Registration
from services.kit.auth import Principal


def visible_to(principal: Principal) -> ColumnElement[bool]:
    """County roles see the labourers registered in their county; city-wide roles see all."""
    return Labourer.county_code == principal.county if principal.county else true()


class LabourerRepository:
    """Reads and writes of labourers within the request's transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, labourer: Labourer) -> Labourer:
        """Stage a new labourer and give it an id."""
        self.session.add(labourer)
        await self.session.flush()
        return labourer

    async def by_number(self, id_number: str) -> Labourer | None:
        """The labourer holding this ID number, whatever the caller's scope (for the duplicate check)."""
        return await self.session.scalar(select(Labourer).where(Labourer.id_number == id_number))

    async def numbers_taken(self, numbers: Sequence[str]) -> set[str]:
        """Which of these ID numbers are already registered."""
        if not numbers:
            return set()
        rows = await self.session.scalars(select(Labourer.id_number).where(Labourer.id_number.in_(numbers)))
        return set(rows.all())

    async def ids_by_number(self, numbers: Sequence[str]) -> dict[str, int]:
        """Labourer ids keyed by ID number, for imports that name labourers by their ID."""
        if not numbers:
            return {}
        rows = await self.session.execute(
            select(Labourer.id_number, Labourer.id).where(Labourer.id_number.in_(numbers)))
        return {number: id_ for number, id_ in rows.all()}

    async def get(self, labourer_id: int, principal: Principal) -> Labourer | None:
        """One labourer, if it exists and the caller may see it."""
        return await self.session.scalar(
            select(Labourer).where(Labourer.id == labourer_id, visible_to(principal)))

    async def get_many(self, ids: Sequence[int], principal: Principal) -> list[Labourer]:
        """The visible labourers among ids, in the order asked."""
        rows = await self.session.scalars(select(Labourer).where(Labourer.id.in_(ids), visible_to(principal)))
        found = {r.id: r for r in rows.all()}
        return [found[i] for i in ids if i in found]

    async def page(self, principal: Principal, county: str | None, registration: Registration | None,
                   relocated: bool | None, after: int | None, limit: int) -> list[Labourer]:
        """Up to limit+1 visible labourers, newest first, strictly after the cursor id."""
        conditions = [visible_to(principal)]
        if county:
            conditions.append(Labourer.county_code == county)
        if registration:
            conditions.append(Labourer.registration == registration)
        if relocated is not None:
            conditions.append(Labourer.relocated == relocated)
        if after is not None:
            conditions.append(Labourer.id < after)
        query = select(Labourer).where(and_(*conditions)).order_by(Labourer.id.desc()).limit(limit + 1)
        return list((await self.session.scalars(query)).all())
