"""The clear-out sweep (清理出库) over 10,000 and 100,000 entries: computed in SQL, cost no worse than linear."""
import asyncio
import statistics
import time
from typing import TYPE_CHECKING

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from bench.database import seed_projects
from bench.report import Row
from devtools.stack import Stack, free_port, migrate

if TYPE_CHECKING:
    from bench.sections import Bench

SMALL, LARGE = 10_000, 100_000
SAMPLES = 5
# A tenth of the entries stalled before start, a tenth stalled after start, a tenth breaking a rule.
_STATES = [
    "UPDATE projects SET status = 'admitted', planned_start_year = 2019 WHERE id % 10 = 1",
    "UPDATE projects SET status = 'started', started_on = '2019-05-01' WHERE id % 10 = 2",
    "UPDATE projects SET status = 'admitted', planned_start_year = 2030, breach_rules = 'no_fiscal_funds' "
    "WHERE id % 10 = 3",
]


async def _shape(url: str) -> None:
    engine = create_async_engine(url, poolclass=NullPool)
    try:
        async with engine.begin() as conn:
            for statement in _STATES:
                await conn.execute(text(statement))
            await conn.execute(text("ANALYZE"))
    finally:
        await engine.dispose()


def _sweep(client: httpx.Client, headers: dict) -> tuple[float, float, int]:
    """(median seconds of the per-county summary, seconds to page through every candidate, candidates)."""
    summary = []
    for _ in range(SAMPLES):
        started = time.perf_counter()
        counts = client.get("/clearout/summary", headers=headers).raise_for_status().json()
        summary.append(time.perf_counter() - started)
    started, after, listed = time.perf_counter(), None, 0
    while True:
        params = {"limit": 200} | ({"after": after} if after else {})
        page = client.get("/clearout/candidates", params=params, headers=headers).raise_for_status().json()
        listed += len(page["items"])
        after = page["next_cursor"]
        if after is None:
            break
    if listed != sum(c["candidates"] for c in counts):
        raise RuntimeError(f"sweep listed {listed} but the summary counts {counts}")
    return statistics.median(summary), time.perf_counter() - started, listed


def clearout_sweep(b: "Bench") -> list[Row]:
    """Sweep summary and a full page-through of the candidates at 10,000 and 100,000 entries."""
    section = "clear-out sweep"
    small_url = b.databases.extra("projects_10k")
    migrate("projects", small_url)
    seed_projects(small_url, SMALL)
    b.seed(LARGE)
    for url in (small_url, b.databases.urls["projects"]):
        asyncio.run(_shape(url))
    second = Stack({**b.stack.ports, "projects": free_port()}, {**b.databases.urls, "projects": small_url},
                   log_dir=b.stack.log_dir)
    second.start("projects")
    try:
        second.wait_ready("projects")
        results = {}
        for total, base in ((SMALL, second.url("projects")), (LARGE, b.stack.url("projects"))):
            with httpx.Client(base_url=base, timeout=120.0) as client:
                results[total] = _sweep(client, b.city)
    finally:
        second.stop("projects")
    (s_sum, s_all, s_n), (l_sum, l_all, l_n) = results[SMALL], results[LARGE]
    growth = l_sum / s_sum
    return [Row(section, f"summary (whole sweep in SQL), {SMALL:,} entries", f"{s_sum * 1000:.0f} ms"),
            Row(section, f"summary (whole sweep in SQL), {LARGE:,} entries", f"{l_sum * 1000:.0f} ms", "< 2 s",
                l_sum < 2),
            Row(section, "summary 100k / 10k (linear = 10)", f"{growth:.1f}", "<= 10", growth <= 10),
            Row(section, f"list all {s_n:,} candidates of {SMALL:,}", f"{s_all:.2f} s"),
            Row(section, f"list all {l_n:,} candidates of {LARGE:,}", f"{l_all:.2f} s")]
