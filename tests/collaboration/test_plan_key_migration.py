"""Plan lines made before the kit's idempotency_records keep their keys taken after the upgrade: a retry of such a
line is refused (422 idempotency.key_reused) and never plans the money twice."""
import asyncio
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import command
from sqlalchemy.ext.asyncio import create_async_engine

from services.kit.migrate import alembic_config, upgrade
from services.kit.testing import DatabaseFactory, serve_in_process
from tests.collaboration.data import FINANCE, RONGSHUI

NOW = datetime(2026, 11, 1, tzinfo=UTC)
AUDITED = {"version": 1, "created_by": "test", "created_at": NOW}
PAIRINGS = sa.table("pairings", *(sa.column(c) for c in (
    "id", "level", "county_code", "local_name", "partner_name", "start_year", "status", "demo", *AUDITED)))
PROJECTS = sa.table("collaboration_projects", *(sa.column(c) for c in (
    "id", "project_id", "pairing_id", "county_code", "guangdong_share", "mechanism", "households_promised",
    "households_delivered", *AUDITED)))
LINES = sa.table("plan_lines", *(sa.column(c) for c in (
    "collaboration_project_id", "project_id", "county_code", "year", "amount", "purpose", "idempotency_key",
    "fingerprint", "created_by", "created_at")))


async def _legacy_line(url: str) -> None:
    engine = create_async_engine(url)
    async with engine.begin() as conn:
        await conn.execute(sa.insert(PAIRINGS).values(
            id=1, level="county", county_code=RONGSHUI, local_name="融水县", partner_name="遂溪县", start_year=2017,
            status="active", demo=False, **AUDITED))
        await conn.execute(sa.insert(PROJECTS).values(
            id=1, project_id=7, pairing_id=1, county_code=RONGSHUI, guangdong_share=90_000_000, mechanism="land_rent",
            households_promised=10, households_delivered=0, **AUDITED))
        await conn.execute(sa.insert(LINES).values(
            collaboration_project_id=1, project_id=7, county_code=RONGSHUI, year=2016, amount=50_000_000,
            purpose="基地建设", idempotency_key="k1", fingerprint="0" * 64, created_by="test-finance-city",
            created_at=NOW))
    await engine.dispose()


async def _retry(url: str) -> tuple[int, str, list[str]]:
    from services.collaboration.app import create_app
    from services.collaboration.config import Settings

    nowhere = "http://127.0.0.1:9"
    app = create_app(Settings(database_url=url, feed_poll_seconds=0, projects_url=nowhere, funds_url=nowhere,
                              employment_url=nowhere, upstream_timeout=1.0))
    async with serve_in_process(app) as client:
        retry = await client.post("/plan-lines", headers=FINANCE | {"Idempotency-Key": "k1"}, json={
            "collaboration_project_id": 1, "year": 2016, "amount": "500000", "purpose": "基地建设"})
        lines = (await client.get("/plan-lines", headers=FINANCE)).json()["items"]
        return retry.status_code, retry.json()["code"], [line["amount"] for line in lines]


def test_a_key_used_before_the_upgrade_stays_taken(databases: DatabaseFactory, backend: str) -> None:
    url = asyncio.run(databases.blank(backend))
    command.upgrade(alembic_config("collaboration", url), "2026_11_29_0001")
    asyncio.run(_legacy_line(url))
    upgrade("collaboration", url)
    assert asyncio.run(_retry(url)) == (422, "idempotency.key_reused", ["500000.00"])
