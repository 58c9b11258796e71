"""All SQL about public-notice objections and library-code sequences."""
from typing import Any

from sqlalchemy import Insert, Integer, ScalarSelect, cast, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from services.kit.repository import Repository
from services.projects.library.models import Project
from services.projects.library.repository import ProjectPartRepository
from services.projects.lifecycle.models import LibraryCodeCounter, Objection
from services.projects.terms import ObjectionStatus


class ObjectionRepository(ProjectPartRepository[Objection]):
    """Objections lodged during public notice (公示异议), readable where their entry is."""

    model = Objection

    async def open_count(self, project_id: int) -> int:
        """How many objections to the entry are not yet resolved (the caller has already read the entry)."""
        query = select(func.count()).select_from(Objection).where(
            Objection.project_id == project_id, Objection.status == ObjectionStatus.OPEN)
        return int(await self.session.scalar(query) or 0)


def _highest_stored(county: str, year: int) -> ScalarSelect[Any]:
    prefix = f"{county}-{year}-"
    # Bounds that differ only in digits: the range holds exactly this county's and year's codes under any
    # collation (glibc locales ignore '-' when comparing), and the unique index on library_code answers it.
    in_range = Project.library_code.between(f"{prefix}0000", f"{prefix}9999")
    sequence = cast(func.substr(Project.library_code, len(prefix) + 1), Integer)
    return select(func.coalesce(func.max(sequence), 0)).where(in_range).scalar_subquery()


class LibraryCodeRepository(Repository[LibraryCodeCounter]):
    """The library-code counters (入库编号), one per county and admission year; never read by callers."""

    model = LibraryCodeCounter

    def _upsert(self, county: str, year: int, at_least: Any, step: int) -> Insert:
        """INSERT .. ON CONFLICT: the counter becomes max(its value + step, at_least); the row lock serialises."""
        dialect = self.session.get_bind().dialect.name
        dialect_insert, larger = (pg_insert, func.greatest) if dialect == "postgresql" else (sqlite_insert, func.max)
        bump = dialect_insert(LibraryCodeCounter).values(county_code=county, year=year, last_seq=at_least)
        bump = bump.on_conflict_do_update(index_elements=["county_code", "year"],
                                          set_={"last_seq": larger(LibraryCodeCounter.last_seq + step,
                                                                   bump.excluded.last_seq)})
        return bump.returning(LibraryCodeCounter.last_seq)

    async def next_sequence(self, county: str, year: int) -> int:
        """The next library-code number of a county and year: above the counter and above every stored code.

        Codes the counter did not issue (imported or demo entries) are counted too, so numbering never lands on
        a taken code. One atomic upsert: on PostgreSQL a second admission waits for the first one's row lock and
        then sees its number; SQLite takes the write lock at BEGIN.
        """
        bump = self._upsert(county, year, _highest_stored(county, year) + 1, step=1)
        return int((await self.session.execute(bump)).scalar_one())

    async def raise_sequence(self, county: str, year: int, taken: int) -> None:
        """Record an explicitly given code's number, so later numbering continues above it (and waits for us)."""
        await self.session.execute(self._upsert(county, year, taken, step=0))
