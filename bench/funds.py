"""Bench section of the funds service: idle-fund classification over 1,000,000 allocations, in SQL.

Append `idle_classification` to SECTIONS in bench/sections.py to run it with `make bench`.
"""
import asyncio
import statistics
import time
from datetime import date

from sqlalchemy import Date, Integer, bindparam, text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from bench.report import Row
from services.kit.counties import COUNTIES

ALLOCATIONS = 1_000_000
PROJECTS = 100_000
RUNS = 3
DEEP_PAGE = 10  # the idle list page timed after following the cursor
_STATES = ("admitted", "planned", "started", "completed", "accepted", "settled", "cleared", "cancelled")
_COUNTIES = ", ".join(f"({i}, '{code}')" for i, code in enumerate(COUNTIES))
_STATE_VALUES = ", ".join(f"({i}, '{s}')" for i, s in enumerate(_STATES))

# Amounts are whole fen (see services/funds/terms.py Money); every row keeps amount = spent + recovered + balance.
_SEED_BATCHES = text(f"""
WITH counties(k, code) AS (VALUES {_COUNTIES})
INSERT INTO fund_batches (doc_number, source_level, year, county_code, amount, allocated, unallocated, received_on,
    purpose, created_by, created_at)
SELECT '压测〔2019〕' || k || '号', 'central', 2019, code, 100000000, 0, 100000000, '2019-01-10', '压测', 'bench',
    CURRENT_TIMESTAMP FROM counties""")
_SEED_STATES = text(f"""
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :projects),
states(k, status) AS (VALUES {_STATE_VALUES}), counties(k, code) AS (VALUES {_COUNTIES})
INSERT INTO project_states (project_id, status, county_code, version, name, updated_at)
SELECT n.i, states.status, counties.code, 1, '压测项目 ' || n.i, CURRENT_TIMESTAMP
FROM n JOIN states ON states.k = n.i % 8 JOIN counties ON counties.k = n.i % 10""").bindparams(
    bindparam("projects", type_=Integer))
_SEED_ALLOCATIONS = text("""
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :total)
INSERT INTO allocations (batch_id, project_id, county_code, source_level, year, amount, spent, recovered, balance,
    allocated_on, last_spent_on, created_by, created_at)
SELECT b.id, p.project_id, p.county_code, 'central', 2019, 1000000, (n.i % 3) * 100000, 0,
    1000000 - (n.i % 3) * 100000, '2019-03-10', CASE WHEN n.i % 3 = 0 THEN NULL ELSE :spent_on END, 'bench',
    CURRENT_TIMESTAMP
FROM n JOIN project_states p ON p.project_id = n.i % :projects + 1
JOIN fund_batches b ON b.county_code = p.county_code""").bindparams(
    bindparam("total", type_=Integer), bindparam("projects", type_=Integer), bindparam("spent_on", type_=Date))


async def seed_allocations(url: str) -> float:
    """Seed 1,000,000 allocations over 100,000 project states by bulk SQL (once); seconds taken, 0 if done."""
    engine = create_async_engine(url, poolclass=NullPool)
    try:
        async with engine.begin() as conn:
            if await conn.scalar(text("SELECT count(*) FROM allocations")) >= ALLOCATIONS:
                return 0.0
            started = time.perf_counter()
            await conn.execute(_SEED_BATCHES)
            await conn.execute(_SEED_STATES, {"projects": PROJECTS})
            await conn.execute(_SEED_ALLOCATIONS, {"total": ALLOCATIONS, "projects": PROJECTS,
                                                   "spent_on": date(2019, 6, 30)})
            if url.startswith("postgresql"):
                await conn.execute(text("ANALYZE allocations"))
                await conn.execute(text("ANALYZE project_states"))
            return time.perf_counter() - started
    finally:
        await engine.dispose()


def idle_classification(b) -> list[Row]:
    """GET /idle-funds/sums by county, class and age bucket, and the top-200 list, over 1,000,000 allocations."""
    section = "idle funds"
    seconds = asyncio.run(seed_allocations(b.databases.urls["funds"]))
    if seconds:
        b.notes.append(f"seeded {ALLOCATIONS:,} allocations over {PROJECTS:,} projects in {seconds:.1f} s (bulk SQL)")
    timings: dict[str, list[float]] = {"sums": [], "list": [], "deep": []}
    with b.client("funds") as funds:
        def fetch(path: str, params: dict | None = None, name: str | None = None) -> dict:
            started = time.perf_counter()
            r = funds.get(path, params=params, headers=b.city)
            if name:
                timings[name].append(time.perf_counter() - started)
            if r.status_code != 200:
                raise RuntimeError(f"{path} -> {r.status_code}: {r.text[:300]}")
            return r.json()

        for _ in range(RUNS):
            fetch("/idle-funds/sums?by=county_code,idle_class,age_bucket", name="sums")
            cursor = fetch("/idle-funds?limit=200", name="list")["next_cursor"]
            for _ in range(DEEP_PAGE - 2):
                cursor = fetch("/idle-funds", {"limit": 200, "after": cursor})["next_cursor"]
            fetch("/idle-funds", {"limit": 200, "after": cursor}, name="deep")
    sums, listing = statistics.median(timings["sums"]), statistics.median(timings["list"])
    deep = statistics.median(timings["deep"])
    return [Row(section, f"sums by county, class, age over {ALLOCATIONS:,} allocations", f"{sums:.2f} s", "< 3 s",
                sums < 3.0),
            Row(section, f"largest 200 idle items over {ALLOCATIONS:,} allocations", f"{listing:.2f} s", "< 3 s",
                listing < 3.0),
            Row(section, f"page {DEEP_PAGE} of 200 idle items (keyset cursor)", f"{deep:.2f} s", "< 3 s", deep < 3.0)]
