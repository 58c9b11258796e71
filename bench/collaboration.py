"""The collaboration scorecard for all ten counties over 5,000 key tasks and 2,000 collaboration projects (target
< 1 s), and the calls it makes to other services, which stay the same as the data grows (one labour read).

As a `make bench` section: `collaboration_scorecard` in bench.sections.SECTIONS. Standalone, in process on a
scratch database: `python -m bench.collaboration [database URL]` (SQLite file by default).
"""
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import httpx
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from bench.report import Row
from services.collaboration.agreements.models import Agreement
from services.collaboration.cooperation.models import Enterprise, TalentExchange
from services.collaboration.feeds.models import GuangdongAllocation, GuangdongBatch, LibraryEntry
from services.collaboration.money.models import PlanLine
from services.collaboration.pairings.models import Pairing
from services.collaboration.projects.models import CollaborationProject
from services.collaboration.tasks.models import KeyTask
from services.kit.counties import COUNTIES
from services.kit.testing import bearer

if TYPE_CHECKING:
    from bench.sections import Bench

YEAR, TASKS, PROJECTS = 2025, 5_000, 2_000
SAMPLES, TARGET_S = 5, 1.0
SERVICES_READ = ("projects", "funds", "employment")
_NOW = {"created_by": "bench"}


def _rows(tasks: int, projects: int, first_id: int) -> dict[Any, list[dict[str, Any]]]:
    """Rows of every table the scorecard reads: `tasks` key tasks and `projects` collaboration projects spread
    over the ten counties, with their money, enterprises and exchanges (ids from `first_id`)."""
    counties = list(COUNTIES)
    base = first_id
    pairings = [dict(id=base + i, level="county", county_code=c, local_name=f"压测{c}", partner_name=f"广东{base}-{i}",
                     start_year=2017, status="active", demo=False, version=1, **_NOW) for i, c in enumerate(counties)]
    agreements = [dict(id=base + i, pairing_id=base + i, county_code=c, year=YEAR, title="压测协议",
                       signed_on=date(YEAR, 3, 1), guangdong_committed=Decimal("30000000"), version=1, **_NOW)
                  for i, c in enumerate(counties)]
    key_tasks = [dict(agreement_id=base + n % 10, county_code=counties[n % 10], year=YEAR, area="labour",
                      description="压测任务", unit_guangdong="广东", unit_liuzhou="柳州",
                      deadline=date(YEAR, 1, 1) + timedelta(days=n % 365), indicator="人数", unit="人",
                      target_value=Decimal(10), reached_value=Decimal(n % 12), done=n % 12 >= 10,
                      done_on=date(YEAR, 6, 1) if n % 12 >= 10 else None, version=1, **_NOW) for n in range(tasks)]
    entries, links, allocations, lines = [], [], [], []
    for n in range(projects):
        pid, county = base * 10 + n, counties[n % 10]
        entries.append(dict(project_id=pid, name=f"压测项目{pid}", county_code=county, status="started",
                            owner_org="压测单位", library_code=None, version=1))
        links.append(dict(id=pid, project_id=pid, pairing_id=base + n % 10, county_code=county,
                          guangdong_share=Decimal("100000"), mechanism="wages", households_promised=10,
                          households_delivered=n % 10, version=1, **_NOW))
        allocations.append(dict(allocation_id=pid, batch_id=base + n % 10, project_id=pid, county_code=county,
                                year=YEAR, amount=Decimal("50000"), spent=Decimal("12345.67"),
                                balance=Decimal("37654.33"), allocated_on=date(YEAR, 4, 1),
                                first_spent_on=date(YEAR, 5, 1)))
        lines.append(dict(collaboration_project_id=pid, project_id=pid, county_code=county, year=YEAR,
                          amount=Decimal("60000"), purpose="压测", idempotency_key=f"bench-{pid}",
                          fingerprint="bench", **_NOW))
    batches = [dict(batch_id=base + i, county_code=c, year=YEAR, doc_number=f"压测{base + i}",
                    amount=Decimal("20000000"), received_on=date(YEAR, 3, 15)) for i, c in enumerate(counties)]
    enterprises = [dict(county_code=counties[n % 10], year=YEAR, name=f"压测企业{n}", origin="湛江市", industry="农业",
                        investment=Decimal("1000000"), poor_people_driven=n, **_NOW) for n in range(projects // 10)]
    talent = [dict(county_code=counties[n % 10], direction="to_liuzhou", kind="cadre" if n % 2 else "technician",
                   field="health", person_name="压测", unit="医院", starts_on=date(YEAR, 1, 1) + timedelta(days=n),
                   ends_on=date(YEAR, 12, 31), **_NOW) for n in range(projects // 10)]
    return {Pairing: pairings, Agreement: agreements, KeyTask: key_tasks, LibraryEntry: entries,
            CollaborationProject: links, GuangdongBatch: batches, GuangdongAllocation: allocations, PlanLine: lines,
            Enterprise: enterprises, TalentExchange: talent}


async def seed_collaboration(url: str, tasks: int, projects: int, first_id: int) -> float:
    """Insert the rows into a migrated collaboration database; seconds taken."""
    engine = create_async_engine(url, poolclass=NullPool)
    started = time.perf_counter()
    try:
        async with engine.begin() as conn:
            for model, rows in _rows(tasks, projects, first_id).items():
                await conn.execute(insert(model.__table__), rows)
    finally:
        await engine.dispose()
    return time.perf_counter() - started


def _requests(metrics: str) -> float:
    """Requests a service has answered, its own /metrics scrapes left out."""
    return sum(float(line.rsplit(" ", 1)[1]) for line in metrics.splitlines()
               if line.startswith("http_requests_total{") and 'route="/metrics"' not in line)


def _scorecard(b: "Bench") -> tuple[float, float]:
    """(median seconds of GET /scorecard, calls it made to the other services)."""
    others = {name: b.client(name) for name in SERVICES_READ}
    try:
        before = sum(_requests(c.get("/metrics").text) for c in others.values())
        with b.client("collaboration") as client:
            samples = []
            for _ in range(SAMPLES):
                started = time.perf_counter()
                rows = client.get("/scorecard", params={"year": YEAR}, headers=b.city).raise_for_status().json()
                samples.append(time.perf_counter() - started)
        after = sum(_requests(c.get("/metrics").text) for c in others.values())
    finally:
        for c in others.values():
            c.close()
    if len(rows) != 10:
        raise RuntimeError(f"scorecard answered {len(rows)} rows, expected 10")
    return statistics.median(samples), (after - before) / SAMPLES


def collaboration_scorecard(b: "Bench") -> list[Row]:
    """The bench section: the scorecard at a fifth of the data and at all of it, timed and its calls counted."""
    section, url = "collaboration", b.databases.urls["collaboration"]
    small_s, small_calls = 0.0, 0.0
    for share, first_id in ((5, 1_000_000), (1, 2_000_000)):
        seconds = asyncio.run(seed_collaboration(url, TASKS // share if share > 1 else TASKS - TASKS // 5,
                                                 PROJECTS // share if share > 1 else PROJECTS - PROJECTS // 5,
                                                 first_id))
        b.notes.append(f"seeded collaboration rows in {seconds:.1f} s (bulk insert)")
        if share > 1:
            small_s, small_calls = _scorecard(b)
    large_s, large_calls = _scorecard(b)
    scale = f"{TASKS:,} key tasks, {PROJECTS:,} collaboration projects"
    return [Row(section, f"scorecard, 10 counties, a fifth of the data ({TASKS // 5:,} tasks)",
                f"{small_s * 1000:.0f} ms"),
            Row(section, f"scorecard, 10 counties ({scale})", f"{large_s * 1000:.0f} ms", f"< {TARGET_S:.0f} s",
                large_s < TARGET_S),
            Row(section, "calls to other services per scorecard, a fifth of the data", f"{small_calls:g}"),
            Row(section, "calls to other services per scorecard, all the data", f"{large_calls:g}",
                "= a fifth", large_calls == small_calls)]


async def _standalone(url: str) -> None:
    from services.collaboration.app import create_app
    from services.collaboration.config import Settings
    from services.kit.migrate import upgrade

    await asyncio.to_thread(upgrade, "collaboration", url)
    print(f"seeded in {await seed_collaboration(url, TASKS, PROJECTS, 1_000_000):.1f} s", flush=True)
    app = create_app(Settings(database_url=url, environment="development", feed_poll_seconds=0,
                              employment_url="http://127.0.0.1:9", upstream_timeout=0.5))
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench",
                                     timeout=120) as client:
            samples = []
            for _ in range(SAMPLES):
                started = time.perf_counter()
                (await client.get("/scorecard", params={"year": YEAR},
                                  headers=bearer("city_office"))).raise_for_status()
                samples.append(time.perf_counter() - started)
    print(f"scorecard median {statistics.median(samples) * 1000:.0f} ms (employment unreachable: no labour call)")


if __name__ == "__main__":
    default = f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/collaboration-bench.db"
    asyncio.run(_standalone(sys.argv[1] if len(sys.argv) > 1 else default))
