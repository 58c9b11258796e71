"""The kit repository recipe: every read starts from the caller's scope; pages are keyset; batches keep order."""
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import String
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.auth import Principal, Role
from services.kit.errors import DomainError, unseen
from services.kit.repository import Repository


class _Base(DeclarativeBase):
    pass


class Village(_Base):
    __tablename__ = "villages"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    county_code: Mapped[str] = mapped_column(String(6))


class VillageRepository(Repository[Village]):
    model = Village


CITY = Principal("city", Role.CITY_OFFICE)
RONGSHUI = Principal("rs", Role.COUNTY_OFFICE, county="450225")


@pytest.fixture
async def session() -> AsyncIterator[AsyncSession]:
    engine = create_async_engine("sqlite+aiosqlite://")
    async with engine.begin() as conn:
        await conn.run_sync(_Base.metadata.create_all)
    async with AsyncSession(engine) as session:
        for i in range(1, 8):
            session.add(Village(id=i, name=f"村{i}", county_code="450225" if i % 2 else "450226"))
        await session.flush()
        yield session
    await engine.dispose()


async def test_get_answers_only_rows_in_the_callers_county(session):
    repo = VillageRepository(session)
    assert (await repo.get(2, CITY)).county_code == "450226"
    assert await repo.get(2, RONGSHUI) is None
    assert (await repo.get(3, RONGSHUI)).name == "村3"



async def test_get_or_404_answers_the_same_404_for_out_of_scope_and_missing_rows(session):
    repo = VillageRepository(session)
    assert (await repo.get_or_404(2, CITY, "village.not_found", unseen("村", 2))).county_code == "450226"
    for row_id in (2, 999):  # in another county, and nowhere
        with pytest.raises(DomainError) as refused:
            await repo.get_or_404(row_id, RONGSHUI, "village.not_found", unseen("村", row_id))
        assert (refused.value.status, refused.value.code) == (404, "village.not_found")
        assert refused.value.detail == f"村 {row_id} 不存在或不在查看范围内"

async def test_get_many_keeps_the_order_asked_and_drops_what_the_caller_may_not_see(session):
    repo = VillageRepository(session)
    assert [v.id for v in await repo.get_many([5, 2, 1, 99], RONGSHUI)] == [5, 1]
    assert [v.id for v in await repo.get_many([5, 2, 1], CITY)] == [5, 2, 1]
    assert await repo.get_many([], CITY) == []


async def test_page_walks_by_id_from_the_readable_statement(session):
    repo = VillageRepository(session)
    first = await repo.page(repo.readable(RONGSHUI), None, 2)
    assert [v.id for v in first] == [7, 5, 3]  # limit + 1: the extra row says there is more
    second = await repo.page(repo.readable(RONGSHUI), 5, 2)
    assert [v.id for v in second] == [3, 1]
    oldest = await repo.page(repo.readable(CITY), 4, 2, newest_first=False)
    assert [v.id for v in oldest] == [5, 6, 7]


async def test_add_gives_the_row_an_id(session):
    row = await VillageRepository(session).add(Village(name="新村", county_code="450225"))
    assert row.id == 8
