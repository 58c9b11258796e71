"""Leases (services/kit/leader.py): one holder per job, renewal, expiry, graceful hand-over, on both databases."""
import asyncio
from types import SimpleNamespace

import pytest
from prometheus_client import CollectorRegistry
from sqlalchemy import delete, insert

from services.kit.db import make_engine
from services.kit.leader import LEASES, Job, JobMetrics, Lease, running


@pytest.fixture
async def engine(databases, migrated):
    """An engine on a fresh funds database (the funds migrations create the leases table)."""
    url = await databases.create("funds", migrated)
    engine = make_engine(url)
    yield engine
    await engine.dispose()
    await databases.drop(url)


async def test_one_holder_at_a_time_and_release_hands_over(engine):
    a, b = Lease(engine, "job", "a", 30), Lease(engine, "job", "b", 30)
    assert await a.acquire()
    assert not await b.acquire()
    assert await a.acquire()  # renewing our own lease
    assert await Lease(engine, "other-job", "b", 30).acquire()  # leases are per job
    await b.release()  # not b's to give: nothing changes
    assert not await b.acquire()
    await a.release()
    assert await b.acquire()
    assert not await a.acquire()


async def test_an_expired_lease_is_taken_over_and_the_old_holder_cannot_renew(engine):
    a, b = Lease(engine, "job", "a", 1), Lease(engine, "job", "b", 1)
    assert await a.acquire()
    assert not await b.acquire()
    await asyncio.sleep(1.2)
    assert await b.acquire()
    assert not await a.acquire()


def _replica(tag: str, runs: list[str]) -> SimpleNamespace:
    """A stand-in app: the job's unit records which replica ran it."""
    return SimpleNamespace(tag=tag, runs=runs)


async def _unit(app) -> int:
    app.runs.append(app.tag)
    return 2


async def _wait_for(condition, seconds: float) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition never held")


async def test_a_job_runs_on_one_replica_and_moves_when_its_leader_stops(engine):
    runs: list[str] = []
    job = Job("test.job", 0.05, _unit)
    registry = CollectorRegistry()
    metrics = JobMetrics(registry)
    first = running(_replica("a", runs), engine, [job], 2.0, metrics)
    await first.__aenter__()
    await _wait_for(lambda: "a" in runs, 5)
    async with running(_replica("b", runs), engine, [job], 2.0, JobMetrics(CollectorRegistry())):
        await asyncio.sleep(1.0)
        assert set(runs) == {"a"}  # b waits while a leads
        assert registry.get_sample_value("background_leader", {"name": "test.job"}) == 1
        assert registry.get_sample_value("background_items_total", {"name": "test.job"}) == 2 * len(runs)
        await first.__aexit__(None, None, None)  # graceful stop: the lease is handed back
        handed = len(runs)
        # b retries every quarter TTL (0.5 s): it takes over well before the 2 s lease could have run out.
        await _wait_for(lambda: "b" in runs, 1.0)
        assert set(runs[handed:]) == {"b"}
    assert registry.get_sample_value("background_leader", {"name": "test.job"}) == 0


async def test_a_leader_that_loses_its_lease_stops_working(engine):
    runs: list[str] = []
    async with running(_replica("a", runs), engine, [Job("test.job", 0.05, _unit)], 1.0,
                       JobMetrics(CollectorRegistry())):
        await _wait_for(lambda: runs, 5)
        async with engine.begin() as conn:  # someone else took it (say a's clock froze past the TTL)
            await conn.execute(delete(LEASES))
            await conn.execute(insert(LEASES).values(name="test.job", holder="z", expires_ms=2**60))
        await asyncio.sleep(0.5)  # the next renewal (every 0.25 s) fails and the rounds stop
        stopped = len(runs)
        await asyncio.sleep(0.5)
        assert len(runs) == stopped


async def test_a_failing_round_is_counted_and_the_job_goes_on(engine):
    calls: list[int] = []

    async def flaky(app) -> int:
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionError("peer down")
        return 1

    registry = CollectorRegistry()
    job = Job("test.flaky", 0.05, flaky, expected=(ConnectionError,))
    async with running(SimpleNamespace(), engine, [job, Job("test.off", 0, flaky)], 5.0, JobMetrics(registry)):
        await _wait_for(lambda: len(calls) >= 3, 5)
    assert registry.get_sample_value("background_runs_total", {"name": "test.flaky", "outcome": "failed"}) == 1
    assert registry.get_sample_value("background_runs_total", {"name": "test.flaky", "outcome": "ok"}) >= 2
    assert registry.get_sample_value("background_leader", {"name": "test.off"}) is None  # every=0: never runs
