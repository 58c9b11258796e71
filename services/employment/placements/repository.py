"""All SQL about placements."""
from datetime import date

from sqlalchemy import ColumnElement, and_, exists, or_, select, text, true
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.labourers.models import Labourer
from services.employment.placements.models import Placement
from services.kit.auth import Principal

_PLACEMENT_LOCK = 4502_0003  # advisory-lock namespace of placements (the outbox uses 4502_0001)


def visible_to(principal: Principal) -> ColumnElement[bool]:
    """County roles see the placements of their county's labourers."""
    return Labourer.county_code == principal.county if principal.county else true()


def overlapping(starts_on: date, ends_on: date | None) -> ColumnElement[bool]:
    """Placements whose spell shares at least one day with [starts_on, ends_on] (open end = ongoing)."""
    conditions = [or_(Placement.ends_on.is_(None), Placement.ends_on >= starts_on)]
    if ends_on is not None:
        conditions.append(Placement.starts_on <= ends_on)
    return and_(*conditions)


class PlacementRepository:
    """Reads and writes of placements within the request's transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, placement: Placement) -> Placement:
        """Stage a new placement and give it an id."""
        self.session.add(placement)
        await self.session.flush()
        return placement

    async def lock_labourer(self, labourer_id: int) -> None:
        """Serialise placements of one labourer until commit, so two overlapping requests cannot both pass.

        PostgreSQL only (a transaction-scoped advisory lock keyed by the labourer); SQLite serialises writers.
        """
        if self.session.bind.dialect.name == "postgresql":
            await self.session.execute(text("SELECT pg_advisory_xact_lock(:ns, :key)"),
                                       {"ns": _PLACEMENT_LOCK, "key": labourer_id % 2_147_483_647})

    async def overlaps(self, p: Placement, exclude_id: int | None = None) -> bool:
        """Whether the labourer already has a spell at the same employer, project or site that overlaps."""
        same = and_(Placement.labourer_id == p.labourer_id, Placement.kind == p.kind,
                    Placement.employer_id == p.employer_id if p.employer_id is not None else true(),
                    Placement.project_id == p.project_id if p.project_id is not None else true(),
                    Placement.site == p.site if p.site is not None else true(),
                    overlapping(p.starts_on, p.ends_on))
        if exclude_id is not None:
            same = and_(same, Placement.id != exclude_id)
        return bool(await self.session.scalar(select(exists().where(same))))

    async def get(self, placement_id: int, principal: Principal) -> tuple[Placement, Labourer] | None:
        """One placement and its labourer, if the caller may see it."""
        row = (await self.session.execute(
            select(Placement, Labourer).join(Labourer, Labourer.id == Placement.labourer_id)
            .where(Placement.id == placement_id, visible_to(principal)))).first()
        return (row[0], row[1]) if row else None

    async def page(self, principal: Principal, labourer_id: int | None, employer_id: int | None,
                   project_id: int | None, active_on: date | None, after: int | None,
                   limit: int) -> list[tuple[Placement, Labourer]]:
        """Up to limit+1 visible placements, newest first, strictly after the cursor id."""
        query = (select(Placement, Labourer).join(Labourer, Labourer.id == Placement.labourer_id)
                 .where(visible_to(principal)))
        for column, value in ((Placement.labourer_id, labourer_id), (Placement.employer_id, employer_id),
                              (Placement.project_id, project_id)):
            if value is not None:
                query = query.where(column == value)
        if active_on is not None:
            query = query.where(overlapping(active_on, active_on))
        if after is not None:
            query = query.where(Placement.id < after)
        rows = await self.session.execute(query.order_by(Placement.id.desc()).limit(limit + 1))
        return [(p, lab) for p, lab in rows.all()]
