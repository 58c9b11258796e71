"""The funds queue's idle items without a case (闲置未立项) and their count, over every combination that decides
them: project state (ongoing, cleared, cancelled, unknown to the projection), quiet days, zero balances, open,
rectifying, closed and non-idle cases, overrides and two counties; compared with the rule computed in Python."""
from datetime import date, timedelta
from decimal import Decimal
from itertools import product

import pytest
from sqlalchemy import select, update

from services.funds.idle.models import IdleOverride
from services.funds.ledger.models import Allocation, FundBatch
from services.funds.projection.models import ProjectState
from services.funds.rectification.models import RectificationCase
from services.funds.terms import ENDED
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.funds.helpers import CITY_FINANCE, COUNTY_OFFICE, FINANCE, RONGSHUI

LUZHAI = "450223"
STATES = {1: "started", 2: "cleared", 3: "cancelled", 4: "completed"}  # project 5 is unknown to the projection
CALLERS = {None: CITY_FINANCE, RONGSHUI: FINANCE, LUZHAI: bearer(Role.FINANCE, LUZHAI, sub="finance-luzhai")}


def _case(county: str, status: str, origin: str, batch_id: int, allocation_id: int | None) -> RectificationCase:
    return RectificationCase(county_code=county, origin=origin, batch_id=batch_id, allocation_id=allocation_id,
                             amount=Decimal(1), measure="整改", responsible_unit="财政局", status=status,
                             deadline=date(2030, 1, 1), opened_by="test", opened_on=date(2020, 1, 1))


class World:
    """Batches and allocations in 融水 and 鹿寨 over every deciding combination, with cases covering some."""

    def __init__(self, app) -> None:
        self.app = app
        settings = app.state.settings
        self.today = app.state.clock.today()
        self.batch_cutoff = self.today - timedelta(days=settings.unallocated_idle_days)
        self.cutoff = self.today - timedelta(days=settings.idle_days)
        self.expected: dict[str | None, set[tuple[str, int]]] = {county: set() for county in CALLERS}

    def _expect(self, county: str, kind: str, item_id: int) -> None:
        self.expected[None].add((kind, item_id))
        self.expected[county].add((kind, item_id))

    async def build(self) -> None:
        old, recent = self.cutoff - timedelta(days=1), self.cutoff + timedelta(days=1)
        async with self.app.state.sessionmaker() as session, session.begin():
            session.add_all(ProjectState(project_id=p, status=s, county_code=RONGSHUI, version=1, name=f"项目{p}")
                            for p, s in STATES.items())
            cases: list[RectificationCase] = []
            for n, (county, unallocated, received) in enumerate(product(
                    (RONGSHUI, LUZHAI), (Decimal(0), Decimal(50)),
                    (self.batch_cutoff, self.batch_cutoff + timedelta(days=1)))):
                batch = FundBatch(doc_number=f"文件{n}", source_level="central", year=2020, county_code=county,
                                  amount=Decimal(1000), allocated=Decimal(1000) - unallocated,
                                  unallocated=unallocated, received_on=received, purpose="测试", created_by="test")
                session.add(batch)
                await session.flush()
                covered = n % 4 == 2  # some idle batches have an open idle case
                if covered:
                    cases.append(_case(county, "open", "idle", batch.id, None))
                if unallocated and received <= self.batch_cutoff and not covered:
                    self._expect(county, "batch", batch.id)
                for m, (project, balance, allocated, spent) in enumerate(product(
                        (1, 2, 3, 4, 5), (Decimal(0), Decimal(10)), (old, recent), (None, old, recent))):
                    allocation = Allocation(batch_id=batch.id, project_id=project, county_code=county,
                                            source_level="central", year=2020, amount=Decimal(10) + balance,
                                            spent=Decimal(10), recovered=Decimal(0), balance=balance,
                                            allocated_on=allocated, last_spent_on=spent, created_by="test")
                    session.add(allocation)
                    await session.flush()
                    # Cases by position: open, rectifying, closed, an inspection finding, none.
                    status, origin = [("open", "idle"), ("rectifying", "idle"), ("closed", "idle"),
                                      ("open", "inspection"), (None, None)][(m + n) % 5]
                    if status:
                        cases.append(_case(county, status, origin, batch.id, allocation.id))
                    if m % 7 == 0:
                        session.add(IdleOverride(item_kind="allocation", item_id=allocation.id,
                                                 idle_class="recover", reason="测试", set_by="test"))
                    quiet = (spent or allocated) <= self.cutoff
                    idle = balance > 0 and (quiet or STATES.get(project) in ENDED)
                    if idle and not (origin == "idle" and status != "closed"):
                        self._expect(county, "allocation", allocation.id)
            session.add_all(cases)


@pytest.fixture
async def world(funds, funds_app) -> World:
    world = World(funds_app)
    await world.build()
    return world


async def _queue(funds, headers: dict) -> tuple[list[tuple[str, int]], int]:
    """Every idle item of the caller's queue, paged by 7, and the count the queue reports."""
    seen, cursor, total = [], None, None
    while True:
        params = {"kind": "idle_without_case", "limit": 7} | ({"after": cursor} if cursor else {})
        body = (await funds.get("/work", headers=headers, params=params)).json()
        seen += [(i["link"]["resource"], i["link"]["id"]) for i in body["items"]]
        total = next((c["total"] for c in body["counts"] if c["kind"] == "idle_without_case"), 0)
        if not (cursor := body["next_cursor"]):
            return seen, total


async def test_the_idle_queue_and_its_count_follow_the_rule_for_every_combination(funds, world):
    assert len(world.expected[None]) > 40  # the combinations leave many items on both sides of every rule
    for county, headers in CALLERS.items():
        seen, total = await _queue(funds, headers)
        # In key order (id, then "allocation" before "batch"), each once, exactly the items of the rule.
        assert seen == sorted(world.expected[county], key=lambda item: (item[1], item[0])), county
        assert total == len(seen), county
    seen, total = await _queue(funds, COUNTY_OFFICE)
    assert set(seen) == world.expected[RONGSHUI] and total == len(seen)


async def _rule(world: World, county: str | None) -> set[tuple[str, int]]:
    """The idle items without an open idle case in the county (None: all), read from the tables, judged in Python."""
    async with world.app.state.sessionmaker() as session:
        states = dict((await session.execute(select(ProjectState.project_id, ProjectState.status))).all())
        cases = (await session.execute(select(RectificationCase.batch_id, RectificationCase.allocation_id).where(
            RectificationCase.origin == "idle", RectificationCase.status != "closed"))).all()
        batches = (await session.scalars(select(FundBatch))).all()
        allocations = (await session.scalars(select(Allocation))).all()
    covered = {("allocation", a) if a else ("batch", b) for b, a in cases}
    today, settings = world.app.state.clock.today(), world.app.state.settings
    found = {("batch", b.id) for b in batches
             if b.unallocated > 0 and b.received_on <= today - timedelta(days=settings.unallocated_idle_days)}
    quiet = today - timedelta(days=settings.idle_days)
    found |= {("allocation", a.id) for a in allocations if a.balance > 0 and (
        states.get(a.project_id) in ENDED or (a.last_spent_on or a.allocated_on) <= quiet)}
    in_county = {b.id for b in batches if county in (None, b.county_code)}, {
        a.id for a in allocations if county in (None, a.county_code)}
    return {(kind, i) for kind, i in found - covered if i in in_county[kind == "allocation"]}


async def test_the_count_follows_writes_to_the_allocations_and_the_clock(funds, funds_app, world):
    """Balances spent to zero, zero balances refilled, an allocation moved to another county and one deleted:
    the count kept by the triggers follows, and so it does as the clock moves."""
    async with funds_app.state.sessionmaker() as session, session.begin():
        await session.execute(update(Allocation).where(Allocation.id % 3 == 0, Allocation.balance > 0).values(
            spent=Allocation.amount - Allocation.recovered, balance=0))
        await session.execute(update(Allocation).where(Allocation.id % 4 == 1, Allocation.balance == 0).values(
            amount=Allocation.amount + 5, balance=5))
        await session.execute(update(Allocation).where(Allocation.id % 10 == 7).values(county_code=LUZHAI))
        last = await session.scalar(select(Allocation.id).order_by(Allocation.id.desc()).limit(1))
        await session.execute(Allocation.__table__.delete().where(Allocation.id == last))
    for shift in (0, 2, 400):
        funds_app.state.clock.shift = timedelta(days=shift)
        for county, headers in CALLERS.items():
            seen, total = await _queue(funds, headers)
            assert set(seen) == await _rule(world, county) and total == len(seen), (shift, county)
