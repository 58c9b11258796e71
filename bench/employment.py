"""Quota computation (用工比例) for 5,000 enterprises and 500,000 placements: SQL aggregates, target < 2 s.

As a `make bench` section: append `employment_quotas` to bench.sections.SECTIONS. Standalone against a
scratch PostgreSQL database: `python -m bench.employment [postgresql+asyncpg://...]`.
"""
import asyncio
import statistics
import sys
import time
from typing import TYPE_CHECKING

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from bench.report import Row
from services.kit.counties import COUNTIES
from services.kit.testing import bearer

if TYPE_CHECKING:
    from bench.sections import Bench

EMPLOYERS, LABOURERS, PLACEMENTS = 5_000, 200_000, 500_000
SAMPLES = 5
TARGET_S = 2.0
_COUNTY_VALUES = ", ".join(f"({i}, '{code}')" for i, code in enumerate(COUNTIES))


def _statements() -> list[str]:
    """Bulk INSERT … SELECT statements (PostgreSQL: generate_series numbers the rows)."""
    def series(count: int) -> str:
        return f"(SELECT generate_series(1, {count}) AS i) AS n"

    def day(expr: str) -> str:
        return f"(DATE '2025-01-01' + ({expr}))"

    counties = f"(VALUES {_COUNTY_VALUES}) AS c(k, code)"
    return [
        f"""INSERT INTO employers (kind, name, county_code, industry, created_at)
            SELECT 'enterprise', '压测企业 ' || n.i, c.code, '制造业', CURRENT_TIMESTAMP
            FROM {series(EMPLOYERS)} JOIN {counties} ON c.k = n.i % 10""",
        # Nine in ten enterprises report 2026; the tenth stays "not reported".
        f"""INSERT INTO workforce_reports (employer_id, year, month, total, revision, current, reported_by, reported_at)
            SELECT n.i, 2026, 0, 100 + n.i % 400, 1, TRUE, 'bench', CURRENT_TIMESTAMP
            FROM {series(EMPLOYERS)} WHERE n.i % 10 <> 0""",
        f"""INSERT INTO labourers (id_number, id_masked, name, birth_date, sex, county_code, township, village,
                household_no, registration, relocated, skills, created_by, created_at)
            SELECT 'B' || n.i, 'B***', '压测劳动力', {day('n.i % 3000')}, 'male', c.code, '某镇', '某村', 'H',
                CASE WHEN n.i % 20 = 0 THEN 'none' ELSE 'poor' END, FALSE, '[]', 'bench', CURRENT_TIMESTAMP
            FROM {series(LABOURERS)} JOIN {counties} ON c.k = n.i % 10""",
        f"""INSERT INTO placements (labourer_id, kind, employer_id, starts_on, ends_on, created_by, created_at)
            SELECT n.i % {LABOURERS} + 1, 'enterprise', n.i % {EMPLOYERS} + 1, {day('n.i % 700')},
                CASE WHEN n.i % 3 = 0 THEN NULL ELSE {day('n.i % 700 + 90')} END, 'bench', CURRENT_TIMESTAMP
            FROM {series(PLACEMENTS)}""",
        "ANALYZE",
    ]


async def seed_employment(url: str) -> float:
    """Fill an empty, migrated employment database (PostgreSQL); seconds taken."""
    engine = create_async_engine(url, poolclass=NullPool)
    started = time.perf_counter()
    try:
        async with engine.begin() as conn:
            for statement in _statements():
                await conn.execute(text(statement))
    finally:
        await engine.dispose()
    return time.perf_counter() - started


def _timed(client: httpx.Client, path: str, params: dict) -> tuple[float, dict]:
    samples, body = [], {}
    for _ in range(SAMPLES):
        started = time.perf_counter()
        body = client.get(path, params=params, headers=bearer("city_office")).raise_for_status().json()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), body


def measure(client: httpx.Client, section: str = "employment quotas") -> list[Row]:
    """City-wide breach aggregate over every enterprise, and the first page of the compliance list."""
    breaches_s, report = _timed(client, "/quotas/breaches", {"kind": "enterprise", "from": "2026", "to": "2026"})
    subjects = sum(p["subjects"] for line in report["lines"] for p in line["periods"])
    if subjects != EMPLOYERS:
        raise RuntimeError(f"breach aggregate saw {subjects} enterprises, expected {EMPLOYERS}")
    page_s, _ = _timed(client, "/quotas/compliance", {"kind": "enterprise", "period": "2026", "limit": 200})
    breach_page_s, _ = _timed(client, "/quotas/compliance", {"kind": "enterprise", "period": "2026",
                                                             "status": "breach", "limit": 200})
    scale = f"{EMPLOYERS:,} enterprises, {PLACEMENTS:,} placements"
    return [
        Row(section, f"breaches per county, whole city ({scale})", f"{breaches_s * 1000:.0f} ms",
            f"< {TARGET_S:.0f} s", breaches_s < TARGET_S),
        Row(section, "compliance list, first page of 200", f"{page_s * 1000:.0f} ms", f"< {TARGET_S:.0f} s",
            page_s < TARGET_S),
        Row(section, "compliance list filtered to breaches, first page", f"{breach_page_s * 1000:.0f} ms",
            f"< {TARGET_S:.0f} s", breach_page_s < TARGET_S),
    ]


def employment_quotas(b: "Bench") -> list[Row]:
    """The bench section: seed the stack's employment database, then time the quota endpoints over HTTP."""
    if b.databases.backend != "postgresql":
        return [Row("employment quotas", "quota computation", "skipped: needs PostgreSQL (target is on PostgreSQL)")]
    seconds = asyncio.run(seed_employment(b.databases.urls["employment"]))
    b.notes.append(f"seeded {EMPLOYERS:,} enterprises and {PLACEMENTS:,} placements in {seconds:.1f} s (bulk SQL)")
    with b.client("employment") as client:
        return measure(client)


async def _standalone(url: str) -> list[Row]:
    from services.employment.app import create_app
    from services.employment.config import Settings
    from services.kit.migrate import upgrade

    await asyncio.to_thread(upgrade, "employment", url)
    print(f"seeded in {await seed_employment(url):.1f} s", flush=True)
    app = create_app(Settings(database_url=url, environment="development"))  # a local measurement
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench", timeout=120) as client:
            rows = []
            for path, params in (("/quotas/breaches", {"kind": "enterprise", "from": "2026", "to": "2026"}),
                                 ("/quotas/compliance", {"kind": "enterprise", "period": "2026", "limit": 200})):
                samples = []
                for _ in range(SAMPLES):
                    started = time.perf_counter()
                    (await client.get(path, params=params, headers=bearer("city_office"))).raise_for_status()
                    samples.append(time.perf_counter() - started)
                rows.append(Row("employment quotas", path, f"{statistics.median(samples) * 1000:.0f} ms"))
            return rows


if __name__ == "__main__":
    for row in asyncio.run(_standalone(sys.argv[1])):
        print(row.figure, row.value)
