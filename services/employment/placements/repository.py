"""All SQL about placements (就业安置), the figures of labour leaders and cross-province export among them."""
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, distinct, exists, func, or_, select, text, true
from sqlalchemy.orm import contains_eager

from services.employment.employers.models import Employer
from services.employment.labourers.models import Labourer
from services.employment.placements.models import Placement
from services.employment.terms import PlacementKind
from services.kit.auth import Principal
from services.kit.repository import Repository

_PLACEMENT_LOCK = 4502_0003  # advisory-lock namespace of placements (the outbox uses 4502_0001)


class PlacementRepository(Repository[Placement]):
    """Placements with their labourer: county roles read the placements of their county's labourers."""

    model = Placement
    county_column = None

    def scope(self, principal: Principal) -> list[ColumnElement[bool]]:
        """The labourer's county (户籍县区), wherever the labourer works."""
        return [Labourer.county_code == principal.county] if principal.county else []

    def readable(self, principal: Principal) -> Select[Placement]:
        """Every placement the caller may read, its labourer loaded in the same statement."""
        return (select(Placement).join(Placement.labourer).options(contains_eager(Placement.labourer))
                .where(*self.scope(principal)))

    @staticmethod
    def overlapping(starts_on: date, ends_on: date | None) -> ColumnElement[bool]:
        """Placements whose spell shares at least one day with [starts_on, ends_on] (open end = ongoing)."""
        conditions = [or_(Placement.ends_on.is_(None), Placement.ends_on >= starts_on)]
        if ends_on is not None:
            conditions.append(Placement.starts_on <= ends_on)
        return and_(*conditions)

    def filtered(self, principal: Principal, labourer_id: int | None, employer_id: int | None,
                 project_id: int | None, active_on: date | None) -> Select[Placement]:
        """The readable placements narrowed by the list's filters."""
        query = self.readable(principal)
        for column, value in ((Placement.labourer_id, labourer_id), (Placement.employer_id, employer_id),
                              (Placement.project_id, project_id)):
            if value is not None:
                query = query.where(column == value)
        return query if active_on is None else query.where(self.overlapping(active_on, active_on))

    async def end(self, placement: Placement, ends_on: date) -> None:
        """Record a placement's last day."""
        placement.ends_on = ends_on
        await self.session.flush()

    async def lock_labourer(self, labourer_id: int) -> None:
        """Serialise placements of one labourer until commit, so two overlapping requests cannot both pass.

        PostgreSQL only (a transaction-scoped advisory lock keyed by the labourer); SQLite serialises writers.
        """
        if self.session.get_bind().dialect.name == "postgresql":
            await self.session.execute(text("SELECT pg_advisory_xact_lock(:ns, :key)"),
                                       {"ns": _PLACEMENT_LOCK, "key": labourer_id % 2_147_483_647})

    async def overlaps(self, p: Placement) -> bool:
        """Whether the labourer already has an overlapping spell at the same employer, project or site.

        Looks at every placement of the labourer, whatever the caller's scope: one person cannot hold the spell twice.
        """
        same = and_(Placement.labourer_id == p.labourer_id, Placement.kind == p.kind,
                    Placement.employer_id == p.employer_id if p.employer_id is not None else true(),
                    Placement.project_id == p.project_id if p.project_id is not None else true(),
                    Placement.site == p.site if p.site is not None else true(),
                    self.overlapping(p.starts_on, p.ends_on))
        return bool(await self.session.scalar(select(exists().where(same))))

    async def leader_spells(self, principal: Principal, started_by: date) -> list[tuple[str, int, date, date | None]]:
        """(leader, labourer, start, end) of each readable placement a leader (劳务带头人) brought, started by then."""
        rows = await self.session.execute(
            select(Placement.leader, Placement.labourer_id, Placement.starts_on, Placement.ends_on)
            .join(Placement.labourer)
            .where(Placement.leader.is_not(None), Placement.starts_on <= started_by, *self.scope(principal))
            .order_by(Placement.leader, Placement.labourer_id, Placement.starts_on))
        return [(leader or "", lab, start, end) for leader, lab, start, end in rows.all()]

    async def export_by_province(self, principal: Principal, first: date, last: date) -> list[tuple[str, int]]:
        """Distinct readable labourers placed at base enterprises during the period, by destination province."""
        rows = await self.session.execute(
            select(Employer.province, func.count(distinct(Placement.labourer_id)))
            .join(Employer, Employer.id == Placement.employer_id)
            .join(Placement.labourer)
            .where(Placement.kind == PlacementKind.BASE, self.overlapping(first, last), *self.scope(principal))
            .group_by(Employer.province).order_by(Employer.province))
        return [(province or "", int(n)) for province, n in rows.all()]
