"""All SQL about the village registry (村屯名录); county roles read their county, city roles every county."""
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, exists, select

from services.kit.auth import Principal
from services.kit.repository import Repository
from services.projects.places.models import AdministrativeVillage, NaturalVillage, Township, VillageYear


def _prefix(column: Any, prefix: str | None) -> list[Any]:
    # A prefix match the index can use; LIKE's wildcards in the prefix are matched literally.
    if not prefix:
        return []
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return [column.like(f"{escaped}%", escape="\\")]


class TownshipRepository(Repository[Township]):
    """Townships (乡镇)."""

    model = Township

    def filtered(self, principal: Principal, county: str | None, name: str | None) -> Select[Township]:
        """The visible townships of a county and name prefix."""
        query = self.readable(principal).where(*_prefix(Township.name, name))
        return query.where(Township.county_code == county) if county else query

    async def named(self, county: str, name: str) -> Township | None:
        """The county's township of this name, whoever asks."""
        query = select(Township).where(Township.county_code == county, Township.name == name)
        return (await self.session.scalars(query)).one_or_none()

    async def of_counties(self, counties: Iterable[str]) -> list[Township]:
        """Every township of these counties (the name matching of imports reads them all at once)."""
        query = select(Township).where(Township.county_code.in_(list(counties)))
        return list((await self.session.scalars(query)).all())

    async def names(self, ids: Iterable[int]) -> dict[int, str]:
        """Township names by id."""
        wanted = list(set(ids))
        if not wanted:
            return {}
        rows = await self.session.execute(select(Township.id, Township.name).where(Township.id.in_(wanted)))
        return {i: n for i, n in rows.all()}


class VillageRepository(Repository[AdministrativeVillage]):
    """Administrative villages (行政村)."""

    model = AdministrativeVillage

    def filtered(self, principal: Principal, county: str | None, township_id: int | None, poor: bool | None,
                 name: str | None) -> Select[AdministrativeVillage]:
        """The visible villages the list's filters select."""
        conditions = [*_prefix(AdministrativeVillage.name, name)]
        if county:
            conditions.append(AdministrativeVillage.county_code == county)
        if township_id is not None:
            conditions.append(AdministrativeVillage.township_id == township_id)
        if poor is not None:
            conditions.append(AdministrativeVillage.poor_village == poor)
        return self.readable(principal).where(*conditions)

    async def named(self, township_id: int, name: str) -> AdministrativeVillage | None:
        """The township's village of this name, whoever asks."""
        query = select(AdministrativeVillage).where(AdministrativeVillage.township_id == township_id,
                                                    AdministrativeVillage.name == name)
        return (await self.session.scalars(query)).one_or_none()

    async def of_counties(self, counties: Iterable[str]) -> list[AdministrativeVillage]:
        """Every village of these counties (for name matching)."""
        query = select(AdministrativeVillage).where(AdministrativeVillage.county_code.in_(list(counties)))
        return list((await self.session.scalars(query)).all())

    async def any_stored(self) -> bool:
        """Whether the registry holds any village (the demo registry loads only into an empty one)."""
        return bool(await self.session.scalar(select(exists(select(AdministrativeVillage.id)))))

    async def by_ids(self, ids: Sequence[int]) -> dict[int, AdministrativeVillage]:
        """Villages by id whoever asks (an entry's checks name the county rule themselves)."""
        if not ids:
            return {}
        query = select(AdministrativeVillage).where(AdministrativeVillage.id.in_(list(set(ids))))
        return {v.id: v for v in (await self.session.scalars(query)).all()}


class VillageYearRepository(Repository[VillageYear]):
    """Yearly figures of villages (年度数据)."""

    model = VillageYear
    county_column = None

    async def of_village(self, village_id: int) -> list[VillageYear]:
        """A village's figures, oldest year first."""
        query = select(VillageYear).where(VillageYear.village_id == village_id).order_by(VillageYear.year)
        return list((await self.session.scalars(query)).all())

    async def of_villages(self, village_ids: Iterable[int]) -> dict[tuple[int, int], VillageYear]:
        """Figures of many villages by (village id, year)."""
        query = select(VillageYear).where(VillageYear.village_id.in_(list(village_ids)))
        return {(y.village_id, y.year): y for y in (await self.session.scalars(query)).all()}


class NaturalVillageRepository(Repository[NaturalVillage]):
    """Natural villages (自然屯)."""

    model = NaturalVillage

    def filtered(self, principal: Principal, county: str | None, village_id: int | None,
                 hardened: bool | None) -> Select[NaturalVillage]:
        """The visible natural villages the list's filters select."""
        conditions = []
        if county:
            conditions.append(NaturalVillage.county_code == county)
        if village_id is not None:
            conditions.append(NaturalVillage.village_id == village_id)
        if hardened is not None:
            conditions.append(NaturalVillage.hardened_road == hardened)
        return self.readable(principal).where(*conditions)

    async def named(self, village_id: int, name: str) -> NaturalVillage | None:
        """The village's natural village of this name, whoever asks."""
        query = select(NaturalVillage).where(NaturalVillage.village_id == village_id, NaturalVillage.name == name)
        return (await self.session.scalars(query)).one_or_none()

    async def of_villages(self, village_ids: Iterable[int]) -> list[NaturalVillage]:
        """The natural villages of these villages, in id order."""
        query = (select(NaturalVillage).where(NaturalVillage.village_id.in_(list(village_ids)))
                 .order_by(NaturalVillage.id))
        return list((await self.session.scalars(query)).all())

    async def by_ids(self, ids: Sequence[int]) -> dict[int, NaturalVillage]:
        """Natural villages by id whoever asks (an entry's checks name the county rule themselves)."""
        if not ids:
            return {}
        query = select(NaturalVillage).where(NaturalVillage.id.in_(list(set(ids))))
        return {n.id: n for n in (await self.session.scalars(query)).all()}
