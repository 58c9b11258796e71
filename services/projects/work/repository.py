"""The SQL of the library's work queue: one statement per kind of item, each within the caller's scope.

Every statement labels what the kit's work queue reads (services/kit/work_queue.py): `work_id`, `work_due` (the
date the deadline counts from; NULL when undated) and `work_county`, beside the columns the item shows.
"""
from datetime import date
from typing import Any

from sqlalchemy import Date, Select, and_, exists, func, null, select

from services.kit.auth import Principal
from services.kit.repository import Repository
from services.projects.library.models import Project
from services.projects.library.repository import project_scope
from services.projects.lifecycle.models import Objection
from services.projects.terms import ObjectionStatus
from services.projects.terms import ProjectStatus as S

_SHOWN = (Project.name, Project.owner_org, Project.status)
_OPEN_OBJECTION = exists().where(Objection.project_id == Project.id, Objection.status == ObjectionStatus.OPEN)


class WorkRepository(Repository[Project]):
    """Entries awaiting an action, within the caller's scope (owners their unit, county roles their county)."""

    model = Project

    def scope(self, principal: Principal) -> list[Any]:
        """The entries the caller may see (the library's own rule)."""
        return project_scope(principal)

    def _entries(self, principal: Principal, due: Any, *conditions: Any) -> Select[Any]:
        return select(Project.id.label("work_id"), due.label("work_due"),
                      Project.county_code.label("work_county"), Project.id, *_SHOWN).where(
            *self.scope(principal), *conditions)

    def in_status(self, principal: Principal, statuses: list[S]) -> Select[Any]:
        """Entries in one of the states (undated)."""
        return self._entries(principal, null().cast(Date), Project.status.in_(statuses))

    def notices_ending(self, principal: Principal, today: date, until: date) -> Select[Any]:
        """Announced entries whose notice is still running and ends by `until` (公示即将期满), by its end."""
        return self._entries(principal, Project.notice_ends_on, Project.status == S.ANNOUNCED,
                             Project.notice_ends_on >= today, Project.notice_ends_on <= until)

    def ready_to_admit(self, principal: Principal, today: date) -> Select[Any]:
        """Announced entries whose notice is over with no open objection (公示期满待入库), undated."""
        return self._entries(principal, null().cast(Date), Project.status == S.ANNOUNCED,
                             Project.notice_ends_on < today, ~_OPEN_OBJECTION)

    def progress_due_by(self, principal: Principal, reported_by: date) -> Select[Any]:
        """Started entries whose last progress report (or start, if none) is on or before `reported_by`, by that
        date (the deadline is it plus the reporting interval)."""
        last = func.coalesce(Project.last_progress_on, Project.started_on)
        return self._entries(principal, last, Project.status == S.STARTED, last <= reported_by)

    def open_objections(self, principal: Principal) -> Select[Any]:
        """Open objections to announced entries, by the notice's end, with their entry."""
        columns: list[Any] = [Objection.id.label("work_id"), Project.notice_ends_on.label("work_due"),
                              Project.county_code.label("work_county"), Project.id, *_SHOWN]
        return (select(*columns)
                .join(Project, and_(Project.id == Objection.project_id, Project.status == S.ANNOUNCED))
                .where(Objection.status == ObjectionStatus.OPEN, *self.scope(principal)))
