"""All SQL about an entry's history, objections and library-code sequences."""
from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.projects.lifecycle.models import HistoryRecord, LibraryCodeCounter, Objection


async def history_of(session: AsyncSession, project_id: int) -> list[HistoryRecord]:
    """The entry's timeline, oldest first."""
    query = select(HistoryRecord).where(HistoryRecord.project_id == project_id).order_by(HistoryRecord.id)
    return list((await session.scalars(query)).all())


async def objections_of(session: AsyncSession, project_id: int) -> list[Objection]:
    """The entry's objections, oldest first."""
    query = select(Objection).where(Objection.project_id == project_id).order_by(Objection.id)
    return list((await session.scalars(query)).all())


async def open_objection_count(session: AsyncSession, project_id: int) -> int:
    """How many objections to the entry are not yet resolved."""
    query = select(func.count()).select_from(Objection).where(
        Objection.project_id == project_id, Objection.status == "open")
    return await session.scalar(query)


async def next_sequence(session: AsyncSession, county: str, year: int) -> int:
    """The next library-code number of a county and year, by one atomic upsert (no two admissions share one)."""
    dialect_insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    bump = dialect_insert(LibraryCodeCounter).values(county_code=county, year=year, last_seq=1)
    bump = bump.on_conflict_do_update(index_elements=["county_code", "year"],
                                      set_={"last_seq": LibraryCodeCounter.last_seq + 1})
    return (await session.execute(bump.returning(LibraryCodeCounter.last_seq))).scalar_one()
