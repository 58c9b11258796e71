"""Bulletin rows with the collaboration figures: Guangdong money arrived and key tasks overdue of the month's year,
read in one more call when REPORTING_COLLABORATION_URL is set (empty without it, see test_bulletins)."""
from collections.abc import AsyncIterator
from datetime import date
from decimal import Decimal

import httpx
import pytest

from services.kit.auth import Role
from services.kit.testing import DatabaseFactory, bearer, serve_in_process
from tests.collaboration.data import OFFICE, agreement, task
from tests.funds.helpers import CITY_FINANCE, batch_body, move
from tests.reporting.data import RONGSHUI, SANJIANG

CITY = bearer(Role.CITY_OFFICE, sub="city-office")


@pytest.fixture
async def with_collaboration(databases: DatabaseFactory, migrated: str, projects, projects_app, funds_app,
                             employment_app, reporting_db: str) -> AsyncIterator[tuple[httpx.AsyncClient, ...]]:
    """(reporting, collaboration, funds) with projects and employment, all in process, reporting reading the
    collaboration service too; the collaboration app's state is on the collaboration client's `app_state`."""
    from services.collaboration.app import create_app as create_collaboration
    from services.collaboration.config import Settings as CollaborationSettings
    from services.reporting.app import create_app
    from services.reporting.config import Settings

    url = await databases.create("collaboration", migrated)
    transports = {name: httpx.ASGITransport(app=app) for name, app in
                  (("projects", projects_app), ("funds", funds_app), ("employment", employment_app))}
    collaboration_app = create_collaboration(CollaborationSettings(database_url=url, feed_poll_seconds=0), transports)
    reporting_app = create_app(Settings(database_url=reporting_db, collaboration_url="http://collaboration"),
                               transports=transports | {"collaboration": httpx.ASGITransport(app=collaboration_app)})
    async with serve_in_process(collaboration_app) as collaboration, serve_in_process(reporting_app) as reporting, \
            serve_in_process(funds_app) as funds, serve_in_process(employment_app):
        collaboration.app_state = collaboration_app.state
        yield reporting, collaboration, funds
    await databases.drop(url)


async def test_county_rows_carry_guangdong_money_arrived_and_key_tasks_overdue(with_collaboration):
    from services.collaboration.feeds.follower import catch_up

    reporting, collaboration, funds = with_collaboration
    signed = await agreement(collaboration, year=2026, committed="3000000")
    made = await collaboration.post(f"/agreements/{signed['id']}/tasks", headers=OFFICE,
                                    json=task(deadline="2026-06-30"))
    assert made.status_code == 201, made.text
    arrived = await move(funds, "/batches", batch_body("1200000.50", source="guangdong", year=2026,
                                                       received_on=date(2026, 5, 1)), CITY_FINANCE)
    assert arrived.status_code == 201, arrived.text
    await catch_up(collaboration.app_state, "funds")  # the collaboration service keeps the funds feed
    r = await reporting.get("/bulletins/2026-10/preview", headers=CITY)
    assert r.status_code == 200, r.text
    rows = {c["county_code"]: c for c in r.json()["counties"]}
    assert (Decimal(rows[RONGSHUI]["guangdong_delivered"]), rows[RONGSHUI]["key_tasks_overdue"]) == \
        (Decimal("1200000.50"), 1)
    assert (Decimal(rows[SANJIANG]["guangdong_delivered"]), rows[SANJIANG]["key_tasks_overdue"]) == (Decimal(0), 0)
    assert r.json()["upstream_calls"] == 24  # two months of twelve reads each, whatever the data
