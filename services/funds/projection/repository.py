"""All SQL about the project projection (项目状态投影) and the feed cursors."""
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute

from services.funds.projection.models import FeedCursor, ProjectState
from services.kit.repository import Repository


class ProjectStateRepository(Repository[ProjectState]):
    """The projects the funds service knows of, by county (project_id is the projects service's id)."""

    model = ProjectState

    @property
    def id_column(self) -> InstrumentedAttribute[Any]:
        """The projects service's project id."""
        return ProjectState.project_id

    async def known(self, project_ids: Sequence[int]) -> dict[int, ProjectState]:
        """Known states of these projects in any county: the rules about money on a project (its owner unit,
        whether it ended) hold whoever asks; callers check their own scope on what they act on."""
        if not project_ids:
            return {}
        rows = await self.session.scalars(select(ProjectState).where(ProjectState.project_id.in_(project_ids)))
        return {r.project_id: r for r in rows}

    async def one(self, project_id: int) -> ProjectState | None:
        """The known state of one project, in any county (see `known`)."""
        return (await self.known([project_id])).get(project_id)

    async def apply(self, project_id: int, status: str, county_code: str, version: int, name: str | None,
                    started_on: date | None, owner_org: str | None) -> bool:
        """Take a project's state if it is newer than what we hold; an old or repeated event changes nothing."""
        row = await self.session.get(ProjectState, project_id)
        if row is None:
            try:
                async with self.session.begin_nested():  # a concurrent writer may have inserted it first
                    self.session.add(ProjectState(project_id=project_id, status=status, county_code=county_code,
                                                  version=version, name=name, started_on=started_on,
                                                  owner_org=owner_org))
                return True
            except IntegrityError:
                row = await self.session.get(ProjectState, project_id, populate_existing=True)
                assert row is not None, "the row another writer inserted first"
        if row.version >= version:
            return False
        row.status, row.county_code, row.version, row.name = status, county_code, version, name
        row.started_on = started_on or row.started_on
        row.owner_org = owner_org or row.owner_org
        await self.session.flush()
        return True

    async def lock(self, project_id: int) -> ProjectState | None:
        """The project's row, locked until commit on PostgreSQL so budget checks of one project take turns."""
        query = select(ProjectState).where(ProjectState.project_id == project_id).with_for_update()
        return (await self.session.scalars(query.execution_options(populate_existing=True))).one_or_none()


class FeedCursorRepository(Repository[FeedCursor]):
    """How far each event feed the service follows has been applied; not scoped (no caller reads it)."""

    model = FeedCursor
    county_column = None

    async def position(self, feed: str) -> int:
        """The last applied event id of a feed (0 before the first)."""
        row = await self.session.get(FeedCursor, feed)
        return row.after if row else 0

    async def move(self, feed: str, after: int) -> None:
        """Store the new position in the same transaction as the events it covers; never backwards, so a round
        that fetched an older page than another one finished cannot rewind the cursor."""
        row = await self.session.get(FeedCursor, feed, with_for_update=True)
        if row is None:
            self.session.add(FeedCursor(feed=feed, after=after))
        else:
            row.after = max(row.after, after)
        await self.session.flush()
