"""Background work on exactly one replica: a named lease row in the service's own database.

Every replica (and every uvicorn worker) runs the same jobs loop; only the holder of a job's lease does the work.
The holder renews the lease every quarter of its time to live; when it stops gracefully it deletes the lease, so
another replica takes over within a quarter TTL, and when it dies the lease runs out and another takes over
within one TTL and a quarter. Expiry is judged on the database's clock, so clock skew between machines does not
matter, and a plain row works the same on PostgreSQL (also behind PgBouncer) and SQLite.

A lease makes overlap rare, not impossible: a holder frozen for longer than the TTL can finish a round after its
successor started one. Units of work are therefore idempotent (the feed applies by version, the sweep skips items
that have a case).
"""
import asyncio
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge
from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    Integer,
    MetaData,
    String,
    Table,
    cast,
    delete,
    func,
    literal_column,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from services.kit.db import NAMING_CONVENTION

log = logging.getLogger("kit.leader")

# Not on the services' Base: only a service that runs jobs creates the table (migration_ops.create_lease_table).
LEASES = Table(
    "leases", MetaData(naming_convention=NAMING_CONVENTION),
    Column("name", String(64), primary_key=True),
    Column("holder", String(120), nullable=False),
    Column("expires_ms", BigInteger, nullable=False),  # epoch milliseconds on the database's clock
)


def _now_ms(dialect: str) -> ColumnElement[int]:
    """The database's current time in epoch milliseconds, as an SQL expression."""
    if dialect == "postgresql":
        return cast(func.floor(func.extract("epoch", func.clock_timestamp()) * 1000), BigInteger)
    return cast((func.julianday("now") - 2440587.5) * 86400000, Integer)


def holder_id() -> str:
    """Who this process is, unique per start: host, pid and a random tail."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Lease:
    """One named lease held (or wanted) by this process."""

    def __init__(self, engine: AsyncEngine, name: str, holder: str, ttl: float) -> None:
        self.engine, self.name, self.holder, self.ttl_ms = engine, name, holder, int(ttl * 1000)

    async def acquire(self) -> bool:
        """Take the lease if it is free or expired, or renew it if ours; True when we hold it afterwards."""
        dialect = self.engine.dialect.name
        now = _now_ms(dialect)
        insert = (postgresql if dialect == "postgresql" else sqlite).insert(LEASES)
        statement = insert.values(name=self.name, holder=self.holder, expires_ms=now + self.ttl_ms)
        statement = statement.on_conflict_do_update(
            index_elements=[LEASES.c.name],
            set_={"holder": statement.excluded.holder, "expires_ms": statement.excluded.expires_ms},
            where=(LEASES.c.holder == statement.excluded.holder) | (LEASES.c.expires_ms < now),
        ).returning(literal_column("1"))
        async with self.engine.begin() as conn:
            return (await conn.execute(statement)).first() is not None

    async def release(self) -> None:
        """Give the lease up at once (graceful stop), so a peer need not wait for it to run out."""
        async with self.engine.begin() as conn:
            await conn.execute(delete(LEASES).where(LEASES.c.name == self.name, LEASES.c.holder == self.holder))


@dataclass(frozen=True)
class Job:
    """Work that must run on one replica only: `unit(app)` every `every` seconds (0 = off) while leading.

    `unit` returns how many items it handled (or None); `expected` failures (a peer service down) are logged as one
    line and retried next round, anything else with its traceback.
    """

    name: str
    every: float
    unit: Callable[[Any], Awaitable[int | None]]
    expected: tuple[type[BaseException], ...] = ()


class JobMetrics:
    """background_leader (1 on the holder), background_runs_total and background_items_total, by job name
    (the label is `name`: Prometheus keeps `job` for the scrape job)."""

    def __init__(self, registry: CollectorRegistry) -> None:
        # livesum: with several workers in one process group, the group reports 1 when any worker leads.
        self.leader = Gauge("background_leader", "1 while this process holds the job's lease", ["name"],
                            registry=registry, multiprocess_mode="livesum")
        self.runs = Counter("background_runs_total", "Rounds of background work by outcome", ["name", "outcome"],
                            registry=registry)
        self.items = Counter("background_items_total", "Items a background job handled", ["name"],
                             registry=registry)


async def _round(app: Any, job: Job, metrics: JobMetrics) -> None:
    """One unit of work; a failure is counted and logged, never raised (the next round retries)."""
    try:
        handled = await job.unit(app)
    except job.expected as exc:
        metrics.runs.labels(job.name, "failed").inc()
        log.warning("%s: %s", job.name, type(exc).__name__)
    except Exception:
        metrics.runs.labels(job.name, "failed").inc()
        log.exception("%s round failed", job.name)
    else:
        metrics.runs.labels(job.name, "ok").inc()
        metrics.items.labels(job.name).inc(handled or 0)


async def _rounds(app: Any, job: Job, metrics: JobMetrics) -> None:
    while True:
        await _round(app, job, metrics)
        await asyncio.sleep(job.every)


async def _renewed(lease: Lease) -> bool:
    """Acquire or renew; a database error counts as not holding."""
    try:
        return await lease.acquire()
    except Exception as exc:  # the database is away: we cannot prove we lead, so we stop leading
        log.warning("lease %s: %s", lease.name, type(exc).__name__)
        return False


async def lead(app: Any, job: Job, lease: Lease, metrics: JobMetrics) -> None:
    """Forever: wait for the job's lease, run rounds while it holds, stop the moment it is lost."""
    beat = lease.ttl_ms / 4000
    while True:
        if not await _renewed(lease):
            metrics.leader.labels(job.name).set(0)
            await asyncio.sleep(beat)
            continue
        log.info("%s: leading as %s", job.name, lease.holder)
        metrics.leader.labels(job.name).set(1)
        worker = asyncio.create_task(_rounds(app, job, metrics))
        try:
            while True:
                await asyncio.sleep(beat)
                if not await _renewed(lease):
                    log.warning("%s: lease lost, stopping", job.name)
                    break
        finally:
            worker.cancel()
            await asyncio.gather(worker, return_exceptions=True)
            metrics.leader.labels(job.name).set(0)


@asynccontextmanager
async def running(app: Any, engine: AsyncEngine, jobs: Sequence[Job], ttl: float,
                  metrics: JobMetrics) -> AsyncIterator[None]:
    """Run every enabled job under its lease while the block lives; on exit stop them and hand the leases back."""
    holder = holder_id()
    leases = [(job, Lease(engine, job.name, holder, ttl)) for job in jobs if job.every > 0]
    tasks = [asyncio.create_task(lead(app, job, lease, metrics)) for job, lease in leases]
    try:
        yield
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for _, lease in leases:
            try:
                await lease.release()
            except Exception as exc:  # the lease then simply runs out
                log.warning("releasing %s: %s", lease.name, type(exc).__name__)
