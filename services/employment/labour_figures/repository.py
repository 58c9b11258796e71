"""SQL counting registered poor labourers in work during a year, per home county and by where they work."""
from datetime import date
from typing import Any

from sqlalchemy import case, distinct, func, or_, select

from contracts.collaboration import LabourWhere
from services.employment.employers.models import Employer, GroupProject
from services.employment.labourers.models import Labourer
from services.employment.placements.models import Placement
from services.employment.placements.repository import PlacementRepository
from services.employment.terms import COUNTED, PlacementKind
from services.kit.auth import Principal

LOCAL_KINDS = (PlacementKind.PUBLIC_WELFARE, PlacementKind.MICRO_WORKSHOP)  # posts in the labourer's own county


def where_worked() -> Any:
    """A placement's place as a LabourWhere value: Guangdong by the employer's province, the labourer's own
    county by the employer's or construction site's county (or a local post), elsewhere otherwise."""
    return case(
        (Employer.province.like("广东%"), LabourWhere.GUANGDONG.value),
        (or_(Placement.kind.in_(LOCAL_KINDS), Employer.county_code == Labourer.county_code,
             GroupProject.county_code == Labourer.county_code), LabourWhere.IN_COUNTY.value),
        else_=LabourWhere.ELSEWHERE.value)


class LabourFigureRepository(PlacementRepository):
    """Counts over placements of registered labourers (建档立卡贫困和已脱贫), in two grouped statements, in the
    placements' own scope (the labourer's county)."""

    def _placed(self, principal: Principal, year: int, *columns: Any) -> Any:
        return (select(Labourer.county_code, *columns).select_from(Placement)
                .join(Labourer, Labourer.id == Placement.labourer_id)
                .outerjoin(Employer, Employer.id == Placement.employer_id)
                .outerjoin(GroupProject, GroupProject.id == Placement.project_id)
                .where(*self.scope(principal), Labourer.registration.in_(COUNTED),
                       self.overlapping(date(year, 1, 1), date(year, 12, 31))))

    async def by_where(self, principal: Principal, year: int) -> list[tuple[str, str, int]]:
        """(county, where, distinct labourers) of the labourers the caller may see."""
        where = where_worked()
        query = self._placed(principal, year, where, func.count(distinct(Placement.labourer_id))) \
            .group_by(Labourer.county_code, where)
        return [(c, w, n) for c, w, n in (await self.session.execute(query)).all()]

    async def totals(self, principal: Principal, year: int) -> dict[str, int]:
        """County → distinct labourers in work during the year."""
        query = self._placed(principal, year, func.count(distinct(Placement.labourer_id))) \
            .group_by(Labourer.county_code)
        return {c: n for c, n in (await self.session.execute(query)).all()}
