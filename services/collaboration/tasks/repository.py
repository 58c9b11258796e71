"""All SQL about key tasks and progress reports: lists, the overdue list and completion figures."""
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, func, select

from contracts.collaboration import TaskArea
from services.collaboration.scope import CountyOrCity
from services.collaboration.tasks.models import KeyTask, ProgressReport
from services.kit.auth import Principal
from services.kit.repository import Repository


def overdue_on(today: date) -> Any:
    """Tasks past their deadline and not done (逾期未完成) as of `today`."""
    return and_(KeyTask.done.is_(False), KeyTask.deadline < today)


class KeyTaskRepository(CountyOrCity[KeyTask]):
    """Key tasks the caller may read."""

    model = KeyTask

    def filtered(self, principal: Principal, county: str | None = None, year: int | None = None,
                 area: TaskArea | None = None, overdue_as_of: date | None = None,
                 agreement_id: int | None = None) -> Select[Any]:
        """Readable tasks narrowed by the list's filters (overdue_as_of: only those overdue on that day)."""
        query = self.readable(principal)
        if county is not None:
            query = query.where(KeyTask.county_code == county)
        if year is not None:
            query = query.where(KeyTask.year == year)
        if area is not None:
            query = query.where(KeyTask.area == area)
        if overdue_as_of is not None:
            query = query.where(overdue_on(overdue_as_of))
        if agreement_id is not None:
            query = query.where(KeyTask.agreement_id == agreement_id)
        return query

    async def completion(self, principal: Principal, today: date, year: int | None, by_area: bool,
                         county: str | None = None) -> list[tuple[Any, ...]]:
        """(county, area or None, year, total, done, overdue) per group, in one grouped statement."""
        keys: list[Any] = [KeyTask.county_code, KeyTask.area if by_area else None, KeyTask.year]
        groups = [k for k in keys if k is not None]
        query = (self.filtered(principal, county, year)
                 .with_only_columns(*groups, func.count(), func.sum(case((KeyTask.done, 1), else_=0)),
                                    func.sum(case((overdue_on(today), 1), else_=0)))
                 .group_by(*groups).order_by(*groups))
        rows = (await self.session.execute(query)).all()
        if by_area:
            return [tuple(r) for r in rows]
        return [(r[0], None, *r[1:]) for r in rows]

    def open_until(self, principal: Principal, until: date) -> Select[*tuple[Any, ...]]:
        """Tasks not done whose deadline is on or before `until` (overdue ones included), labelled for the work queue
        (work_id, work_due, work_county) with what an item shows: a county caller's own county's, a city-wide
        caller's all (the city-level tasks are the city offices' to report)."""
        query = (self.readable(principal)
                 .with_only_columns(KeyTask.id.label("work_id"), KeyTask.deadline.label("work_due"),
                                    KeyTask.county_code.label("work_county"), KeyTask.area, KeyTask.indicator,
                                    KeyTask.unit, KeyTask.target_value, KeyTask.reached_value, KeyTask.unit_liuzhou,
                                    KeyTask.unit_guangdong)
                 .where(KeyTask.done.is_(False), KeyTask.deadline <= until))
        return query.where(KeyTask.county_code == principal.county) if principal.county is not None else query

    async def overdue_by_county(self, today: date) -> dict[str | None, int]:
        """County → overdue tasks, city-wide (for the gauge; no caller scope)."""
        query = (select(KeyTask.county_code, func.count()).where(overdue_on(today))
                 .group_by(KeyTask.county_code))
        return {c: n for c, n in (await self.session.execute(query)).all()}


class ProgressRepository(Repository[ProgressReport]):
    """Progress reports; read through their task, whose scope the caller has already passed."""

    model = ProgressReport
    county_column = None

    async def of_task(self, task_id: int, after: int | None, limit: int) -> list[ProgressReport]:
        """Up to limit+1 reports of a task, newest first."""
        return await self.page(select(ProgressReport).where(ProgressReport.task_id == task_id), after, limit)
