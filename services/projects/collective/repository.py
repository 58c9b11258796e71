"""All SQL about collective income (村级集体经济收入) and the villages it belongs to, from what the caller may read."""
from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import Row, Select, and_, case, func, or_, select, tuple_

from services.kit.auth import Principal
from services.kit.repository import Repository
from services.projects.collective.models import CollectiveIncome
from services.projects.places.models import AdministrativeVillage, Township

TREND_YEARS = 5


class VillageRepository(Repository[AdministrativeVillage]):
    """Administrative villages (行政村) of the registry: county roles read their county's."""

    model = AdministrativeVillage

    async def township_name(self, village: AdministrativeVillage) -> str:
        """The name of the village's township (the caller has read the village)."""
        return str(await self.session.scalar(select(Township.name).where(Township.id == village.township_id)))

    async def named(self, county: str, names: set[tuple[str, str]]) -> dict[tuple[str, str], AdministrativeVillage]:
        """The county's villages by (township name, village name), for a ledger that names them."""
        if not names:
            return {}
        query = (select(AdministrativeVillage, Township.name).join(Township)
                 .where(AdministrativeVillage.county_code == county,
                        tuple_(Township.name, AdministrativeVillage.name).in_(list(names))))
        return {(t, v.name): v for v, t in (await self.session.execute(query)).all()}


def _village_columns() -> tuple[Any, ...]:
    return AdministrativeVillage.name, Township.name


class IncomeRepository(Repository[CollectiveIncome]):
    """Yearly collective income per village: county roles read their county's, city roles every county's."""

    model = CollectiveIncome

    async def find(self, village_id: int, year: int) -> CollectiveIncome | None:
        """The village's income record for the year, if any (the caller has read the village)."""
        query = select(CollectiveIncome).where(CollectiveIncome.village_id == village_id,
                                               CollectiveIncome.year == year)
        return (await self.session.scalars(query)).one_or_none()

    def with_places(self, principal: Principal) -> Select[Any]:
        """Readable records with their village's and township's names."""
        return (self.readable(principal).add_columns(*_village_columns())
                .join(AdministrativeVillage, AdministrativeVillage.id == CollectiveIncome.village_id)
                .join(Township, Township.id == AdministrativeVillage.township_id))

    async def one(self, income_id: int, principal: Principal) -> Any:
        """One readable record with its village's and township's names."""
        query = self.with_places(principal).where(CollectiveIncome.id == income_id)
        return (await self.session.execute(query)).one_or_none()

    async def listed(self, principal: Principal, county: str | None, village_id: int | None, year: int | None,
                     after: int | None, limit: int) -> list[Row[Any]]:
        """Up to limit+1 records in id order after the cursor, with their places."""
        query = self.with_places(principal)
        for column, value in ((CollectiveIncome.county_code, county), (CollectiveIncome.village_id, village_id),
                              (CollectiveIncome.year, year)):
            if value is not None:
                query = query.where(column == value)
        if after is not None:
            query = query.where(CollectiveIncome.id > after)
        return list((await self.session.execute(query.order_by(CollectiveIncome.id).limit(limit + 1))).all())

    def _villages(self, principal: Principal, year: int) -> Select[Any]:
        """Every readable village with its income of the year (null when not reported)."""
        scope = [] if principal.county is None else [AdministrativeVillage.county_code == principal.county]
        return (select(AdministrativeVillage).where(*scope)
                .outerjoin(CollectiveIncome, and_(CollectiveIncome.village_id == AdministrativeVillage.id,
                                                  CollectiveIncome.year == year)))

    async def below_target(self, principal: Principal, year: int, target: Decimal, county: str | None,
                           after: int | None, limit: int) -> list[Row[Any]]:
        """Up to limit+1 villages below target (or not reported) in the year, by village id after the cursor."""
        query = (self._villages(principal, year).add_columns(Township.name, CollectiveIncome.total)
                 .join(Township, Township.id == AdministrativeVillage.township_id)
                 .where(or_(CollectiveIncome.id.is_(None), CollectiveIncome.total < target)))
        if county is not None:
            query = query.where(AdministrativeVillage.county_code == county)
        if after is not None:
            query = query.where(AdministrativeVillage.id > after)
        query = query.order_by(AdministrativeVillage.id).limit(limit + 1)
        return list((await self.session.execute(query)).all())

    async def trend(self, village_ids: list[int], year: int) -> dict[int, list[tuple[int, Decimal]]]:
        """Each village's totals of the TREND_YEARS years before `year`, oldest first."""
        if not village_ids:
            return {}
        query = (select(CollectiveIncome.village_id, CollectiveIncome.year, CollectiveIncome.total)
                 .where(CollectiveIncome.village_id.in_(village_ids),
                        CollectiveIncome.year.between(year - TREND_YEARS, year - 1))
                 .order_by(CollectiveIncome.village_id, CollectiveIncome.year))
        found: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
        for village_id, y, total in (await self.session.execute(query)).all():
            found[village_id].append((y, total))
        return found

    async def summary(self, principal: Principal, year: int, target: Decimal) -> list[tuple[str, int, int, int]]:
        """(county, villages, reported, reaching target) per county in scope for the year."""
        reaching = func.sum(case((CollectiveIncome.total >= target, 1), else_=0))
        query = (self._villages(principal, year)
                 .with_only_columns(AdministrativeVillage.county_code, func.count(AdministrativeVillage.id),
                                    func.count(CollectiveIncome.id), reaching)
                 .group_by(AdministrativeVillage.county_code).order_by(AdministrativeVillage.county_code))
        return [(c, n, int(reported), int(ok or 0)) for c, n, reported, ok in (await self.session.execute(query)).all()]
