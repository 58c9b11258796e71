"""All SQL about collective-economy entries' expected income and 三变 share records, from what the caller may read."""
from typing import Any

from sqlalchemy import Select, select

from services.kit.auth import Principal
from services.kit.repository import Repository
from services.projects.collective.models import ExpectedIncome, ShareConversion
from services.projects.library.models import Project
from services.projects.library.repository import project_scope
from services.projects.places.models import AdministrativeVillage
from services.projects.terms import ProjectCategory


class ExpectedIncomeRepository(Repository[ExpectedIncome]):
    """Collective-economy entries (村级集体经济项目) in their villages, with the income each is expected to bring."""

    model = ExpectedIncome
    county_column = None

    @property
    def id_column(self) -> Any:
        """Keyed by the entry."""
        return ExpectedIncome.project_id

    def readable(self, principal: Principal) -> Select[Any]:
        """Expected incomes of the entries the caller may read."""
        return select(ExpectedIncome).join(Project, Project.id == ExpectedIncome.project_id).where(
            *project_scope(principal))

    async def entries(self, principal: Principal, county: str | None, village_id: int | None, after: int | None,
                      limit: int) -> list[Any]:
        """Up to limit+1 readable collective-economy entries with a registry village, by id after the cursor:
        (entry, village name, expected income row or None)."""
        query = (select(Project, AdministrativeVillage.name, ExpectedIncome)
                 .join(AdministrativeVillage, AdministrativeVillage.id == Project.village_id)
                 .outerjoin(ExpectedIncome, ExpectedIncome.project_id == Project.id)
                 .where(*project_scope(principal), Project.category == ProjectCategory.COLLECTIVE_ECONOMY))
        if county is not None:
            query = query.where(Project.county_code == county)
        if village_id is not None:
            query = query.where(Project.village_id == village_id)
        if after is not None:
            query = query.where(Project.id > after)
        rows: list[Any] = list((await self.session.execute(query.order_by(Project.id).limit(limit + 1))).all())
        return rows


class ShareRepository(Repository[ShareConversion]):
    """三变 share records: county roles read their county's, city roles every county's."""

    model = ShareConversion

    async def listed(self, principal: Principal, county: str | None, village_id: int | None,
                     project_id: int | None, after: int | None, limit: int) -> list[Any]:
        """Up to limit+1 records by id after the cursor: (record, village name, entry name)."""
        query = (self.readable(principal).add_columns(AdministrativeVillage.name, Project.name)
                 .join(AdministrativeVillage, AdministrativeVillage.id == ShareConversion.village_id)
                 .join(Project, Project.id == ShareConversion.project_id))
        for column, value in ((ShareConversion.county_code, county), (ShareConversion.village_id, village_id),
                              (ShareConversion.project_id, project_id)):
            if value is not None:
                query = query.where(column == value)
        if after is not None:
            query = query.where(ShareConversion.id > after)
        return list((await self.session.execute(query.order_by(ShareConversion.id).limit(limit + 1))).all())
