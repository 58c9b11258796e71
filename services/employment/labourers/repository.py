"""All SQL about labourers (贫困劳动力)."""
from collections.abc import Sequence

from sqlalchemy import Select, select

from services.employment.labourers.models import Labourer
from services.employment.terms import Registration
from services.kit.auth import Principal
from services.kit.repository import Repository


class LabourerRepository(Repository[Labourer]):
    """Labourers: county roles read those registered in their county (户籍县区), city-wide roles all."""

    model = Labourer

    def filtered(self, principal: Principal, county: str | None, registration: Registration | None,
                 relocated: bool | None) -> Select[Labourer]:
        """The readable labourers narrowed by the list's filters."""
        query = self.readable(principal)
        if county:
            query = query.where(Labourer.county_code == county)
        if registration:
            query = query.where(Labourer.registration == registration)
        if relocated is not None:
            query = query.where(Labourer.relocated == relocated)
        return query

    async def by_number(self, id_number: str) -> Labourer | None:
        """The labourer holding this ID number in any county: one record per ID number, city-wide."""
        return await self.session.scalar(select(Labourer).where(Labourer.id_number == id_number))

    async def ids_by_number(self, numbers: Sequence[str]) -> dict[str, int]:
        """Labourer ids keyed by ID number in any county, for imports that name labourers by their ID.

        Scope is checked afterwards, when each row is placed as the caller.
        """
        if not numbers:
            return {}
        rows = await self.session.execute(
            select(Labourer.id_number, Labourer.id).where(Labourer.id_number.in_(numbers)))
        return {number: id_ for number, id_ in rows.all()}
