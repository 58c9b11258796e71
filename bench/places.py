"""The village gap lists (issue 16) over 10,000 administrative villages and 100,000 natural villages: villages
below the collective-income target (集体经济未达标村) and natural villages without a hardened road (未通硬化道路),
each as a city-wide first page and as one county's full list, under 1 s each."""
import asyncio
import statistics
import time
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import httpx
from sqlalchemy import BindParameter, Date, Integer, TextClause, bindparam, text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from bench.report import Row
from services.kit.counties import COUNTIES
from services.kit.db import UTCDateTime

if TYPE_CHECKING:  # bench.sections imports this module
    from bench.sections import Bench

VILLAGES, NATURALS, TOWNSHIPS_PER_COUNTY = 10_000, 100_000, 10
YEAR, SAMPLES, PAGE = 2019, 5, 200
SECTION = "village gap lists"
COUNTY = "450225"
_COUNTY_VALUES = ", ".join(f"({i}, '{code}')" for i, code in enumerate(COUNTIES))
_NUMBERS = "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < :last)"
# Townships, then villages spread over them (a third poor, a sixth of those exited in 2018), their figures of
# YEAR, natural villages of 0-59 households (a quarter hardened), and three years of collective income for six
# villages in seven (30,000 to 129,000 yuan); every fiftieth natural village is served by a library entry.
_SEED: list[tuple[str, dict[str, Any]]] = [
    (f"{_NUMBERS}, counties(k, code) AS (VALUES {_COUNTY_VALUES}) INSERT INTO townships (county_code, name, demo) "
     "SELECT counties.code, '压测乡 ' || n.i, FALSE FROM n JOIN counties ON counties.k = n.i % 10",
     {"last": TOWNSHIPS_PER_COUNTY * len(COUNTIES) - 1}),
    (f"{_NUMBERS} INSERT INTO administrative_villages (township_id, county_code, name, poor_village, deep_poverty, "
     "exited_year, demo, version, updated_at) SELECT t.id, t.county_code, '压测村 ' || n.i, n.i % 3 = 0, FALSE, "
     "CASE WHEN n.i % 18 = 0 THEN 2018 END, FALSE, 1, :now FROM n JOIN townships t "
     "ON t.id = (SELECT min(id) FROM townships) + n.i % (SELECT count(*) FROM townships)", {"last": VILLAGES - 1}),
    ("INSERT INTO village_years (village_id, year, households, poor_households, poverty_incidence) "
     "SELECT id, :year, 400, id % 160, (id % 160) * 100 / 400.0 FROM administrative_villages", {}),
    (f"{_NUMBERS} INSERT INTO natural_villages (village_id, county_code, name, households, hardened_road, "
     "road_hardened_on, demo, version) SELECT v.id, v.county_code, '压测屯 ' || n.i, n.i % 60, n.i % 4 = 0, "
     "CASE WHEN n.i % 4 = 0 THEN :hardened_on END, FALSE, 1 FROM n JOIN administrative_villages v "
     "ON v.id = (SELECT min(id) FROM administrative_villages) + n.i % :villages",
     {"last": NATURALS - 1, "villages": VILLAGES, "hardened_on": date(YEAR - 1, 6, 1)}),
    ("INSERT INTO collective_incomes (village_id, county_code, year, dividends, leasing, operating, other, total, "
     "recorded_by, version, updated_at) SELECT v.id, v.county_code, y.year, (v.id % 100) * 100000, 0, "
     "(y.year - 2016) * 1000000, 0, (v.id % 100) * 100000 + (y.year - 2016) * 1000000, 'bench', 1, :now "
     "FROM administrative_villages v CROSS JOIN (SELECT :year - 2 AS year UNION ALL SELECT :year - 1 "
     "UNION ALL SELECT :year) y WHERE v.id % 7 <> 0", {}),
    ("INSERT INTO project_natural_villages (project_id, natural_village_id) SELECT p.id, nv.id "
     "FROM natural_villages nv JOIN projects p ON p.id = (SELECT min(id) FROM projects) + nv.id % 1000 "
     "WHERE nv.id % 50 = 0", {}),
]
_TYPES = {int: Integer, date: Date, datetime: UTCDateTime}


def _statement(sql: str, params: dict[str, Any]) -> tuple[TextClause, dict[str, Any]]:
    """The statement with typed bind parameters (PostgreSQL cannot infer `:year - 2`), and their values."""
    values = {"year": YEAR, "now": datetime.now(UTC), **params}
    used = {name: value for name, value in values.items() if f":{name}" in sql}
    binds: list[BindParameter[Any]] = [bindparam(name, type_=_TYPES[type(value)]) for name, value in used.items()]
    return text(sql).bindparams(*binds), used


async def _seed(url: str) -> float:
    engine = create_async_engine(url, poolclass=NullPool)
    started = time.perf_counter()
    try:
        async with engine.begin() as conn:
            for sql, params in _SEED:
                await conn.execute(*_statement(sql, params))
            await conn.execute(text("ANALYZE"))
        return time.perf_counter() - started
    finally:
        await engine.dispose()


def _median_ms(client: httpx.Client, path: str, params: dict[str, Any], headers: dict[str, str]) -> float:
    """Median wall time of one GET over SAMPLES runs (after one warm-up)."""
    times = []
    for i in range(SAMPLES + 1):
        started = time.perf_counter()
        client.get(path, params=params, headers=headers).raise_for_status()
        if i:
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _full_list(client: httpx.Client, path: str, headers: dict[str, str]) -> tuple[float, int]:
    """(median ms to page through one county's whole list at PAGE a page, rows listed)."""
    times, listed = [], 0
    for _ in range(SAMPLES):
        started, after, listed = time.perf_counter(), None, 0
        while True:
            params: dict[str, Any] = {"year": YEAR, "county": COUNTY, "limit": PAGE}
            if after:
                params["after"] = after
            page = client.get(path, params=params, headers=headers).raise_for_status().json()
            listed += len(page["items"])
            after = page["next_cursor"]
            if after is None:
                break
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, listed


def village_gap_lists(b: "Bench") -> list[Row]:
    """Both gap lists over the seeded registry: a city-wide first page and one county's full list, each < 1 s."""
    b.seed(1_000)  # entries for the natural villages to point at (earlier sections seed more)
    seconds = asyncio.run(_seed(b.databases.urls["projects"]))
    b.notes.append(f"seeded {VILLAGES:,} administrative and {NATURALS:,} natural villages in {seconds:.1f} s")
    rows = []
    with httpx.Client(base_url=b.stack.url("projects"), timeout=60.0) as client:
        for label, path in (("collective below target", "/collective/gaps"), ("road gaps", "/roads/gaps")):
            first = _median_ms(client, path, {"year": YEAR, "limit": 50}, b.city)
            whole, listed = _full_list(client, path, b.city)
            rows += [Row(SECTION, f"{label}: city-wide first page (50)", f"{first:.0f} ms", "< 1 s", first < 1000),
                     Row(SECTION, f"{label}: {COUNTY} full list ({listed:,} rows, pages of {PAGE})",
                         f"{whole:.0f} ms", "< 1 s", whole < 1000)]
        for label, path in (("collective summary", "/collective/summary"), ("road coverage", "/roads/coverage")):
            ms = _median_ms(client, path, {"year": YEAR}, b.city)
            rows.append(Row(SECTION, f"{label}, 10 counties (one grouped query)", f"{ms:.0f} ms"))
    return rows
