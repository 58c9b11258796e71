"""All SQL about road coverage (硬化道路): which natural villages qualify in a year, which are covered, the gaps."""
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, case, func, or_, select

from services.kit.auth import Principal
from services.kit.repository import Repository
from services.projects.library.models import Project, ProjectNaturalVillage
from services.projects.library.repository import project_scope
from services.projects.places.models import AdministrativeVillage, NaturalVillage, Township, VillageYear
from services.projects.terms import ProjectStatus as S

ENDED = (S.REJECTED, S.CANCELLED, S.CLEARED)


@dataclass(frozen=True)
class RoadRule:
    """The rule of one year: poor villages and villages at or above the incidence threshold, natural villages
    of at least `min_households`; covered when hardened by the year's end."""

    year: int
    threshold: Decimal
    min_households: int

    def poor(self) -> ColumnElement[bool]:
        """The administrative village is a poor village this year (not exited before it)."""
        return and_(AdministrativeVillage.poor_village,
                    or_(AdministrativeVillage.exited_year.is_(None), AdministrativeVillage.exited_year >= self.year))

    def qualifies(self) -> ColumnElement[bool]:
        """The natural village must have a hardened road this year."""
        return and_(NaturalVillage.households >= self.min_households,
                    or_(self.poor(), VillageYear.poverty_incidence >= self.threshold))

    def hardened(self) -> ColumnElement[bool]:
        """Its road was hardened by the end of the year."""
        return and_(NaturalVillage.hardened_road, NaturalVillage.road_hardened_on <= date(self.year, 12, 31))


class NaturalVillageRepository(Repository[NaturalVillage]):
    """Natural villages (自然屯): county roles read their county's, city roles every county's."""

    model = NaturalVillage

    def _qualifying(self, principal: Principal, rule: RoadRule) -> Select[Any]:
        """Readable natural villages that qualify under the rule, with their village and its year's figures."""
        return (self.readable(principal)
                .join(AdministrativeVillage, AdministrativeVillage.id == NaturalVillage.village_id)
                .outerjoin(VillageYear, and_(VillageYear.village_id == AdministrativeVillage.id,
                                             VillageYear.year == rule.year))
                .where(rule.qualifies()))

    async def coverage(self, principal: Principal, rule: RoadRule) -> list[tuple[str, int, int]]:
        """(county, qualifying, hardened) per county in scope."""
        hardened = func.sum(case((rule.hardened(), 1), else_=0))
        query = (self._qualifying(principal, rule)
                 .with_only_columns(NaturalVillage.county_code, func.count(NaturalVillage.id), hardened)
                 .group_by(NaturalVillage.county_code).order_by(NaturalVillage.county_code))
        return [(c, n, int(h or 0)) for c, n, h in (await self.session.execute(query)).all()]

    async def gaps(self, principal: Principal, rule: RoadRule, county: str | None, after: int | None,
                   limit: int) -> list[Row[Any]]:
        """Up to limit+1 qualifying natural villages without a hardened road, by id after the cursor:
        (natural village, village, township name, poverty incidence)."""
        query = (self._qualifying(principal, rule)
                 .add_columns(AdministrativeVillage, Township.name, VillageYear.poverty_incidence)
                 .join(Township, Township.id == AdministrativeVillage.township_id)
                 .where(~rule.hardened()))
        if county is not None:
            query = query.where(NaturalVillage.county_code == county)
        if after is not None:
            query = query.where(NaturalVillage.id > after)
        return list((await self.session.execute(query.order_by(NaturalVillage.id).limit(limit + 1))).all())

    async def closing(self, principal: Principal, natural_village_ids: list[int]) -> dict[int, list[Project]]:
        """The readable, not ended library entries serving each natural village (e.g. hardening its road)."""
        if not natural_village_ids:
            return {}
        query = (select(ProjectNaturalVillage.natural_village_id, Project)
                 .join(Project, Project.id == ProjectNaturalVillage.project_id)
                 .where(ProjectNaturalVillage.natural_village_id.in_(natural_village_ids),
                        Project.status.not_in(ENDED), *project_scope(principal))
                 .order_by(Project.id))
        found: dict[int, list[Project]] = defaultdict(list)
        for natural_village_id, project in (await self.session.execute(query)).all():
            found[natural_village_id].append(project)
        return found
