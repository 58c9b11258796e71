"""The benchmark's databases: PostgreSQL by default (SQLite when asked or unreachable), and fast bulk seeding."""
import asyncio
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
from sqlalchemy import JSON, Integer, bindparam, text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from devtools.stack import SERVICES
from services.kit.counties import COUNTIES
from services.kit.db import UTCDateTime

DEFAULT_POSTGRES = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
PREFIX = "lz_bench_"  # the only databases the benchmark creates and drops


@dataclass
class BenchDatabases:
    """One fresh database per service on one backend; `describe` says which, for the printout."""

    backend: str
    urls: dict[str, str]
    describe: str
    _admin_url: str | None = None
    _dir: Path | None = field(default=None, repr=False)

    extra_urls: list[str] = field(default_factory=list)

    def extra(self, name: str) -> str:
        """One more empty database on the same backend (lz_bench_<name>), dropped with the others."""
        if self._admin_url:
            database = f"{PREFIX}{name}"
            asyncio.run(_pg_admin(self._admin_url, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)',
                                  f'CREATE DATABASE "{database}"'))
            url = f"{self._admin_url.rsplit('/', 1)[0]}/{database}"
        else:
            url = f"sqlite+aiosqlite:///{self._dir / name}.db"
        self.extra_urls.append(url)
        return url

    def drop(self) -> None:
        """Remove every database (or file) made by `choose` and `extra`."""
        if self._admin_url:
            names = [url.rsplit("/", 1)[1] for url in (*self.urls.values(), *self.extra_urls)]
            asyncio.run(_pg_admin(self._admin_url, *(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)' for n in names)))
        if self._dir:
            shutil.rmtree(self._dir, ignore_errors=True)


def _dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def _pg_admin(url: str, *statements: str) -> None:
    conn = await asyncpg.connect(_dsn(url), timeout=3)
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


def _sqlite() -> BenchDatabases:
    directory = Path(tempfile.mkdtemp(prefix="lz-bench-"))
    urls = {s: f"sqlite+aiosqlite:///{directory / s}.db" for s in SERVICES}
    return BenchDatabases("sqlite", urls, f"SQLite files under {directory}", _dir=directory)


def choose() -> BenchDatabases:
    """PostgreSQL unless BENCH_DATABASE=sqlite; falls back to SQLite (and says so) when the server is unreachable."""
    wanted = os.environ.get("BENCH_DATABASE", "").lower()
    if wanted == "sqlite":
        return _sqlite()
    admin = os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
    names = {s: f"{PREFIX}{s}" for s in SERVICES}
    try:
        # Left-overs of an interrupted run are dropped first, so every run starts from empty tables.
        asyncio.run(_pg_admin(admin, *(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)' for n in names.values()),
                              *(f'CREATE DATABASE "{n}"' for n in names.values())))
    except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
        if wanted in ("postgres", "postgresql"):
            raise
        databases = _sqlite()
        databases.describe += f" (PostgreSQL at {admin} not reachable: {type(exc).__name__})"
        return databases
    base = admin.rsplit("/", 1)[0]
    server = admin.split("@")[-1].rsplit("/", 1)[0]
    return BenchDatabases("postgresql", {s: f"{base}/{n}" for s, n in names.items()},
                          f"PostgreSQL at {server}, databases {', '.join(names.values())}", _admin_url=admin)


# One statement for both backends: a recursive CTE numbers the new rows (no generate_series in SQLite) and a
# VALUES list spreads them over the ten counties. Typed bind parameters let each dialect cast JSON and times.
_COUNTY_VALUES = ", ".join(f"({i}, '{code}')" for i, code in enumerate(COUNTIES))
_SEED_PROJECTS = text(f"""
WITH RECURSIVE n(i) AS (SELECT :first UNION ALL SELECT i + 1 FROM n WHERE i < :last),
counties(k, code) AS (VALUES {_COUNTY_VALUES})
INSERT INTO projects (name, county_code, township, village, category, owner_org, status, uses_fiscal_funds,
    total_budget, poor_households, poor_people, poor_villages, mechanism, targets, planned_start_year,
    planned_end_year, version, submitted_by, created_at, updated_at)
SELECT '压测项目 ' || n.i, counties.code, '某某镇', '某某村 ' || (n.i % 50), 'industry',
    '县农业农村局 ' || (n.i % 7), 'submitted', TRUE, (n.i % 100 + 1) * 10000, n.i % 40, n.i % 120,
    :villages, '通过产业分红带动贫困户增收', :targets, 2020, 2021, 1, 'bench', :now, :now
FROM n JOIN counties ON counties.k = n.i % 10
""").bindparams(bindparam("first", type_=Integer), bindparam("last", type_=Integer),
                bindparam("villages", type_=JSON), bindparam("targets", type_=JSON),
                bindparam("now", type_=UTCDateTime()))
# One budget line per new entry, equal to its total, so the entry reads back consistent.
_SEED_BUDGET = text("""
INSERT INTO project_budget_lines (project_id, source, year, amount)
SELECT id, 'central', planned_start_year, total_budget FROM projects WHERE id > :after
""")
_TARGETS = [{"indicator": "带动贫困户增收", "unit": "户", "target_value": "40"},
            {"indicator": "新建种养基地", "unit": "亩", "target_value": "120.5"}]


async def _seed(url: str, total: int) -> tuple[int, int, float]:
    engine = create_async_engine(url, poolclass=NullPool)
    try:
        async with engine.begin() as conn:
            have = await conn.scalar(text("SELECT count(*) FROM projects"))
            after = await conn.scalar(text("SELECT coalesce(max(id), 0) FROM projects"))
            if total > have:
                started = asyncio.get_running_loop().time()
                await conn.execute(_SEED_PROJECTS, {"first": have + 1, "last": total, "now": datetime.now(UTC),
                                                    "villages": ["某某村", "另一村"], "targets": _TARGETS})
                await conn.execute(_SEED_BUDGET, {"after": after})
                seconds = asyncio.get_running_loop().time() - started
            else:
                seconds = 0.0
            # Fresh statistics, as autovacuum would give a table this size in production; without them
            # the planner guesses from the size it saw before the bulk insert.
            await conn.execute(text("ANALYZE"))
            low, high = (await conn.execute(text("SELECT min(id), max(id) FROM projects"))).one()
        return low, high, seconds
    finally:
        await engine.dispose()


def seed_projects(url: str, total: int) -> tuple[int, int, float]:
    """Top the projects table up to `total` submitted entries by bulk SQL; (min id, max id, seconds taken)."""
    return asyncio.run(_seed(url, total))
