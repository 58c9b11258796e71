"""All SQL of the quotas: COUNT(DISTINCT) of registered labourers over placements overlapping the period.

Status is decided in SQL with integer cross-multiplication (placed × q < p × total for a threshold p/q), so
lists can be filtered and grouped by status in the database and no ratio is ever a float. A quota is no table
of its own: its subjects are the enterprises and group projects the caller may read (their repositories' scope).
"""
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Label,
    Row,
    Select,
    SQLColumnExpression,
    Subquery,
    and_,
    case,
    distinct,
    func,
    literal,
    select,
    true,
)
from sqlalchemy.ext.asyncio import AsyncSession

from services.employment.employers.models import Employer, GroupProject, WorkforceReport
from services.employment.employers.repository import EmployerRepository, GroupProjectRepository
from services.employment.labourers.models import Labourer
from services.employment.placements.models import Placement
from services.employment.placements.repository import PlacementRepository
from services.employment.quotas.periods import Band, Period
from services.employment.terms import COUNTED, EmployerKind, PlacementKind, QuotaKind
from services.kit.auth import Principal
from services.kit.counties import COUNTIES

# The rows of one period's compliance statement: (subject_id, name, county_code, group_id, group_name, placed,
# total, status).
ComplianceRows = Select[*tuple[Any, ...]]
Amount = SQLColumnExpression[int | None]


def _below(placed: Amount, total: Amount, bound: Decimal) -> ColumnElement[bool]:
    p, q = bound.as_integer_ratio()
    return placed * q < total * p


def _above(placed: Amount, total: Amount, bound: Decimal) -> ColumnElement[bool]:
    p, q = bound.as_integer_ratio()
    return placed * q > total * p


def _status(placed: Amount, total: Amount, band: Band) -> ColumnElement[str]:
    whens: list[tuple[ColumnElement[bool], ColumnElement[str]]] = [
        (total.is_(None), literal("not_reported")), (_below(placed, total, band.low), literal("breach"))]
    if band.high is not None:
        whens.append((_above(placed, total, band.high), literal("exceeds")))
    return case(*whens, else_=literal("compliant"))


def _placed(kind: PlacementKind, key: SQLColumnExpression[int | None], period: Period, local_only: bool) -> Subquery:
    """Distinct registered labourers per employer or project during the period (a grouped subquery)."""
    conditions = [Placement.kind == kind, Labourer.registration.in_(COUNTED),
                  PlacementRepository.overlapping(period.first, period.last)]
    if local_only:  # 本市贫困农村劳动力: registered in one of Liuzhou's ten counties
        conditions.append(Labourer.county_code.in_(list(COUNTIES)))
    return (select(key.label("subject_id"), func.count(distinct(Placement.labourer_id)).label("placed"))
            .join(Labourer, Labourer.id == Placement.labourer_id)
            .where(*conditions).group_by(key).subquery())


class QuotaRepository:
    """Quota aggregates of one period within the request's transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def compliance(self, kind: QuotaKind, period: Period, band: Band, principal: Principal,
                   county: str | None = None, subject_id: int | None = None,
                   group_id: int | None = None) -> ComplianceRows:
        """Rows (subject_id, name, county_code, group_id, group_name, placed, total, status) of one period."""
        subject: type[Employer] | type[GroupProject]
        group_cols: tuple[Label[Any], Label[Any]]
        if kind == QuotaKind.ENTERPRISE:
            subject, report_key = Employer, WorkforceReport.employer_id
            placed = _placed(PlacementKind.ENTERPRISE, Placement.employer_id, period, local_only=False)
            group_cols = (literal(None).label("group_id"), literal(None).label("group_name"))
            scope = [Employer.kind == EmployerKind.ENTERPRISE, *EmployerRepository(self.session).scope(principal)]
        else:
            subject, report_key = GroupProject, WorkforceReport.project_id
            placed = _placed(PlacementKind.GROUP_PROJECT, Placement.project_id, period, local_only=True)
            group_cols = (GroupProject.group_id.label("group_id"), Employer.name.label("group_name"))
            scope = [GroupProject.starts_on <= period.last,
                     (GroupProject.ends_on.is_(None)) | (GroupProject.ends_on >= period.first),
                     *GroupProjectRepository(self.session).scope(principal)]
            if group_id is not None:
                scope.append(GroupProject.group_id == group_id)
        n = func.coalesce(placed.c.placed, 0)
        report = and_(report_key == subject.id, WorkforceReport.year == period.year,
                      WorkforceReport.month == period.month, WorkforceReport.current.is_(True))
        query = (select(subject.id.label("subject_id"), subject.name.label("name"),
                        subject.county_code.label("county_code"), *group_cols, n.label("placed"),
                        WorkforceReport.total.label("total"), _status(n, WorkforceReport.total, band).label("status"))
                 .select_from(subject)
                 .outerjoin(WorkforceReport, report)
                 .outerjoin(placed, placed.c.subject_id == subject.id))
        if kind == QuotaKind.GROUP_PROJECT:
            query = query.join(Employer, Employer.id == GroupProject.group_id)
        if county is not None:
            scope.append(subject.county_code == county)
        if subject_id is not None:
            scope.append(subject.id == subject_id)
        return query.where(and_(true(), *scope))

    async def page(self, query: ComplianceRows, status: str | None, after: int | None, limit: int) -> list[Row[Any]]:
        """Up to limit+1 compliance rows in subject id order after the cursor, optionally of one status."""
        rows = query.subquery()
        q = select(rows)
        if status is not None:
            q = q.where(rows.c.status == status)
        if after is not None:
            q = q.where(rows.c.subject_id > after)
        return list((await self.session.execute(q.order_by(rows.c.subject_id).limit(limit + 1))).all())

    async def breaches_by(self, query: ComplianceRows, dimension: str) -> list[tuple[str, int, int, int]]:
        """(county or group, subjects, breaches, not reported) for one period, one aggregate query."""
        rows = query.subquery()
        key = rows.c.county_code if dimension == "county" else rows.c.group_name
        q = (select(key, func.count(),
                    func.sum(case((rows.c.status == "breach", 1), else_=0)),
                    func.sum(case((rows.c.status == "not_reported", 1), else_=0)))
             .group_by(key).order_by(key))
        return [(k, int(n), int(b or 0), int(u or 0)) for k, n, b, u in (await self.session.execute(q)).all()]

    async def count_by_status(self, query: ComplianceRows) -> dict[str, int]:
        """How many subjects of the period are in each status."""
        rows = query.subquery()
        result = await self.session.execute(select(rows.c.status, func.count()).group_by(rows.c.status))
        return {s: int(n) for s, n in result.all()}
