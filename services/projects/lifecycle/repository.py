"""All SQL about an entry's history, objections and library-code sequences."""
from sqlalchemy import Integer, cast, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.projects.library.models import Project
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


def _highest_stored(county: str, year: int):
    prefix = f"{county}-{year}-"
    # Bounds that differ only in digits: the range holds exactly this county's and year's codes under any
    # collation (glibc locales ignore '-' when comparing), and the unique index on library_code answers it.
    in_range = Project.library_code.between(f"{prefix}0000", f"{prefix}9999")
    sequence = cast(func.substr(Project.library_code, len(prefix) + 1), Integer)
    return select(func.coalesce(func.max(sequence), 0)).where(in_range).scalar_subquery()


def _upsert_counter(session: AsyncSession, county: str, year: int, at_least, step: int):
    """INSERT .. ON CONFLICT: the counter becomes max(its value + step, at_least); the row lock serialises callers."""
    dialect = session.bind.dialect.name
    dialect_insert, larger = (pg_insert, func.greatest) if dialect == "postgresql" else (sqlite_insert, func.max)
    bump = dialect_insert(LibraryCodeCounter).values(county_code=county, year=year, last_seq=at_least)
    bump = bump.on_conflict_do_update(index_elements=["county_code", "year"],
                                      set_={"last_seq": larger(LibraryCodeCounter.last_seq + step,
                                                               bump.excluded.last_seq)})
    return bump.returning(LibraryCodeCounter.last_seq)


async def next_sequence(session: AsyncSession, county: str, year: int) -> int:
    """The next library-code number of a county and year: above the counter and above every stored code.

    Codes the counter did not issue (imported or demo entries) are counted too, so numbering never lands on
    a taken code. One atomic upsert: on PostgreSQL a second admission waits for the first one's row lock and
    then sees its number; SQLite takes the write lock at BEGIN.
    """
    bump = _upsert_counter(session, county, year, _highest_stored(county, year) + 1, step=1)
    return (await session.execute(bump)).scalar_one()


async def raise_sequence(session: AsyncSession, county: str, year: int, taken: int) -> None:
    """Record an explicitly given code's number, so later numbering continues above it (and waits for us)."""
    await session.execute(_upsert_counter(session, county, year, taken, step=0))


async def stored_codes(session: AsyncSession, codes: list[str]) -> dict[str, int]:
    """Which of these library codes are already stored, and on which entry."""
    query = select(Project.library_code, Project.id).where(Project.library_code.in_(codes))
    return {code: project_id for code, project_id in (await session.execute(query)).all()}
