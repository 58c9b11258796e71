"""All SQL about the project projection and feed cursors."""
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.projection.models import FeedCursor, ProjectState


async def apply_state(session: AsyncSession, project_id: int, status: str, county_code: str, version: int,
                      name: str | None, started_on: date | None, owner_org: str | None) -> bool:
    """Take a project's state if it is newer than what we hold; an old or repeated event changes nothing."""
    row = await session.get(ProjectState, project_id)
    if row is None:
        try:
            async with session.begin_nested():  # a concurrent writer may have inserted it first
                session.add(ProjectState(project_id=project_id, status=status, county_code=county_code,
                                         version=version, name=name, started_on=started_on, owner_org=owner_org))
            return True
        except IntegrityError:
            row = await session.get(ProjectState, project_id, populate_existing=True)
    if row.version >= version:
        return False
    row.status, row.county_code, row.version, row.name = status, county_code, version, name
    row.started_on = started_on or row.started_on
    row.owner_org = owner_org or row.owner_org
    await session.flush()
    return True


async def lock_state(session: AsyncSession, project_id: int) -> ProjectState | None:
    """The project's row, locked until commit on PostgreSQL so budget checks of one project take turns."""
    query = select(ProjectState).where(ProjectState.project_id == project_id).with_for_update()
    return (await session.scalars(query.execution_options(populate_existing=True))).one_or_none()


async def states(session: AsyncSession, project_ids: Sequence[int]) -> dict[int, ProjectState]:
    """Known states of these projects."""
    if not project_ids:
        return {}
    rows = await session.scalars(select(ProjectState).where(ProjectState.project_id.in_(project_ids)))
    return {r.project_id: r for r in rows}


async def cursor(session: AsyncSession, feed: str) -> int:
    """The last applied event id of a feed (0 before the first)."""
    row = await session.get(FeedCursor, feed)
    return row.after if row else 0


async def move_cursor(session: AsyncSession, feed: str, after: int) -> None:
    """Store the new position in the same transaction as the events it covers; never backwards, so a round that
    fetched an older page than another one finished cannot rewind the cursor."""
    row = await session.get(FeedCursor, feed, with_for_update=True)
    if row is None:
        session.add(FeedCursor(feed=feed, after=after))
    else:
        row.after = max(row.after, after)
    await session.flush()
