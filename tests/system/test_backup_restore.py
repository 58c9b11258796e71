"""Backup and restore of the funds database as README "Backups" documents it (pg_dump -Fc / pg_restore; the
SQLite backup API on SQLite): every row, every balance, every constraint and the API's answers survive."""
import asyncio
import os
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import inspect, text

from devtools.stack import Stack
from services.kit.auth import Role
from services.kit.clock import Clock
from services.kit.db import make_engine
from services.kit.testing import DatabaseFactory
from tests.funds.helpers import batch_body, project_row
from tests.system.http import token
from tests.system.replicas import caught_up

pytestmark = pytest.mark.system

RONGSHUI = "450225"
FINANCE = token(Role.FINANCE, RONGSHUI)
COUNTY = token(Role.COUNTY_OFFICE, RONGSHUI)
# Liuzhou's today, as the services date things (from 16:00 UTC it is already tomorrow there).
TODAY = Clock().today().isoformat()
# The balances the ledger keeps, re-derived from the rows they summarise (not only the CHECKs that guard them).
INVARIANTS = {
    "batch = allocated + unallocated": "SELECT count(*) FROM fund_batches WHERE amount <> allocated + unallocated",
    "batch allocated = its allocations net of recoveries": """SELECT count(*) FROM fund_batches b WHERE allocated <>
        (SELECT coalesce(sum(a.amount - a.recovered), 0) FROM allocations a WHERE a.batch_id = b.id)""",
    "allocation = spent + recovered + balance":
        "SELECT count(*) FROM allocations WHERE amount <> spent + recovered + balance",
    "allocation spent = its spendings less reversals": """SELECT count(*) FROM allocations a WHERE spent <> (SELECT
        coalesce(sum(CASE s.kind WHEN 'spend' THEN s.amount ELSE -s.amount END), 0) FROM spendings s
        WHERE s.allocation_id = a.id)""",
    "allocation recovered = its recoveries": """SELECT count(*) FROM allocations a WHERE recovered <>
        (SELECT coalesce(sum(r.amount), 0) FROM recoveries r WHERE r.allocation_id = a.id)""",
    "recovery reallocated = its transfers": """SELECT count(*) FROM recoveries r WHERE reallocated <>
        (SELECT coalesce(sum(t.amount), 0) FROM transfers t WHERE t.recovery_id = r.id)""",
}
READS = ("/batches?limit=200", "/allocations?limit=200", "/recoveries?limit=200", "/transfers?limit=200",
         "/rectification-cases?limit=200", "/idle-funds?limit=200", "/idle-funds/sums?by=county_code,idle_class",
         "/spending-progress")


def _move(funds: httpx.Client, path: str, body: dict) -> dict:
    r = funds.post(path, json=body, headers=FINANCE | {"Idempotency-Key": uuid.uuid4().hex})
    assert r.status_code == 201, r.text
    return r.json()


def _money_moves(stack: Stack, projects_http: httpx.Client) -> None:
    """A batch allocated, spent, reversed, recovered and reallocated, and a rectification case."""
    rows = [project_row(f"备份{uuid.uuid4().hex[:6]}{n}", "started") for n in range(2)]
    r = projects_http.post("/projects/import", json=rows, headers=COUNTY)
    assert r.status_code == 201, r.text
    kept, dropped = [p["id"] for p in r.json()]
    with httpx.Client(base_url=stack.url("funds"), timeout=15) as funds:
        batch = _move(funds, "/batches", batch_body("1000000", received_on=Clock().today(), year=2026))
        first = _move(funds, f"/batches/{batch['id']}/allocations", {"project_id": kept, "amount": "600000.50"})
        second = _move(funds, f"/batches/{batch['id']}/allocations", {"project_id": dropped, "amount": "300000"})
        spent = _move(funds, f"/allocations/{first['id']}/spendings",
                      {"amount": "150000.25", "spent_on": TODAY, "voucher_no": uuid.uuid4().hex, "payee": "施工单位"})
        _move(funds, f"/allocations/{first['id']}/spendings",
              {"amount": "2000", "spent_on": TODAY, "voucher_no": uuid.uuid4().hex, "payee": "施工单位"})
        _move(funds, f"/spendings/{spent['id']}/reversal",
              {"voucher_no": uuid.uuid4().hex, "on": TODAY, "reason": "凭证重复"})
        recovery = _move(funds, f"/allocations/{second['id']}/recoveries", {"amount": "100000", "reason": "结余收回"})
        _move(funds, f"/recoveries/{recovery['id']}/reallocations", {"project_id": kept, "amount": "60000"})
        case = funds.post("/rectification-cases", headers=FINANCE, json={
            "origin": "inspection", "batch_id": batch["id"], "finding": "分配进度偏慢", "measure": "加快分配",
            "responsible_unit": "融水县财政局"})
        assert case.status_code == 201, case.text


def _dump_and_restore(source: str, target: str, folder: Path) -> None:
    """What an operator runs: pg_dump --format=custom, pg_restore into an empty database; or SQLite's backup."""
    if source.startswith("sqlite"):
        with sqlite3.connect(source.split("///", 1)[1]) as src, sqlite3.connect(target.split("///", 1)[1]) as dst:
            src.backup(dst)
        return
    dump = folder / "funds.dump"
    server = source.replace("postgresql+asyncpg://", "postgresql://", 1)
    subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", f"--dbname={server}"], check=True)
    restored = target.replace("postgresql+asyncpg://", "postgresql://", 1)
    subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={restored}", str(dump)], check=True)


# Who holds a background job, renewed by the live processes every few seconds: their runtime state, not data.
LIVE_STATE = {"leases"}


async def _tables(url: str) -> dict[str, list[tuple]]:
    """Every row of every table but the live processes' leases, in primary-key order."""
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            names = await conn.run_sync(lambda c: inspect(c).get_table_names())
            found = {}
            for name in sorted(set(names) - LIVE_STATE):
                rows = (await conn.execute(text(f'SELECT * FROM "{name}" ORDER BY 1'))).all()
                found[name] = [tuple(row) for row in rows]
            return found
    finally:
        await engine.dispose()


async def _broken(url: str) -> dict[str, int]:
    """Rows breaking each invariant (all zero when intact), and whether audit records still refuse change."""
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            broken = {name: (await conn.execute(text(sql))).scalar() for name, sql in INVARIANTS.items()}
        if engine.dialect.name == "postgresql":
            try:
                async with engine.begin() as conn:
                    await conn.execute(text("UPDATE audit_records SET actor = 'forger'"))
                broken["audit_records accepted an UPDATE"] = 1
            except Exception as exc:  # the append-only trigger came back with the restore
                assert "append-only" in str(exc)
        return broken
    finally:
        await engine.dispose()


@pytest.fixture
def restored(stack: Stack, databases: DatabaseFactory, migrated: str, tmp_path: Path) -> Iterator[str]:
    """An empty database to restore into: a new database on PostgreSQL, a new file on SQLite."""
    if migrated == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'restored.db'}"
        return
    name = f"lz_t_restore_{uuid.uuid4().hex[:12]}"
    admin = os.environ["TEST_POSTGRES_URL"]
    url = admin.rsplit("/", 1)[0] + "/" + name

    async def create() -> None:
        engine = make_engine(admin)
        async with engine.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        await engine.dispose()

    asyncio.run(create())
    yield url
    asyncio.run(databases.drop(url))


def test_a_restored_funds_dump_keeps_every_row_balance_and_answer(stack: Stack, projects_http, restored, tmp_path):
    _money_moves(stack, projects_http)
    source = stack.database_urls["funds"]
    caught_up(source, projects_http)  # the live process has nothing left to write while we compare
    _dump_and_restore(source, restored, tmp_path)

    original = asyncio.run(_tables(source))
    assert asyncio.run(_tables(restored)) == original
    assert original["allocations"] and original["transfers"] and original["audit_records"]
    assert asyncio.run(_broken(restored)) == dict.fromkeys(INVARIANTS, 0)

    # A funds process on the restored database answers exactly as the original does.
    name = stack.replica("funds", env={"FUNDS_DATABASE_URL": restored, "FUNDS_FEED_POLL_SECONDS": "0"})
    stack.start(name)
    try:
        stack.wait_ready(name)
        with httpx.Client(base_url=stack.url("funds"), timeout=15) as live, \
                httpx.Client(base_url=stack.url(name), timeout=15) as back:
            assert back.get("/readyz").json() == {"status": "ok"}
            for path in READS:
                assert back.get(path, headers=FINANCE).json() == live.get(path, headers=FINANCE).json(), path
    finally:
        stack.stop(name)
