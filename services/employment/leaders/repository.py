"""All SQL of labour leaders (劳务带头人) and cross-province labour export (跨省劳务输出)."""
from datetime import date

from sqlalchemy import distinct, func, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.employers.models import Employer
from services.employment.labourers.models import Labourer
from services.employment.placements.models import Placement
from services.employment.placements.repository import overlapping
from services.employment.states import PlacementKind
from services.kit.auth import Principal


def _scope(principal: Principal):
    return Labourer.county_code == principal.county if principal.county else true()


class LeaderRepository:
    """Reads for the leader and export figures."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def spells(self, principal: Principal, started_by: date) -> list[tuple[str, int, date, date | None]]:
        """(leader, labourer, start, end) of every placement a leader brought, started by the given day."""
        rows = await self.session.execute(
            select(Placement.leader, Placement.labourer_id, Placement.starts_on, Placement.ends_on)
            .join(Labourer, Labourer.id == Placement.labourer_id)
            .where(Placement.leader.is_not(None), Placement.starts_on <= started_by, _scope(principal))
            .order_by(Placement.leader, Placement.labourer_id, Placement.starts_on))
        return [(leader, lab, start, end) for leader, lab, start, end in rows.all()]

    async def export_by_province(self, principal: Principal, first: date, last: date) -> list[tuple[str, int]]:
        """Distinct labourers placed at base enterprises during the period, by destination province."""
        rows = await self.session.execute(
            select(Employer.province, func.count(distinct(Placement.labourer_id)))
            .join(Employer, Employer.id == Placement.employer_id)
            .join(Labourer, Labourer.id == Placement.labourer_id)
            .where(Placement.kind == PlacementKind.BASE, overlapping(first, last), _scope(principal))
            .group_by(Employer.province).order_by(Employer.province))
        return [(province, int(n)) for province, n in rows.all()]
