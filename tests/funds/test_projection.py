"""The funds service's projection of project states: typed events only, no I/O inside a transaction, catch-up."""
import json
import logging
from collections.abc import AsyncIterator

import httpx
import pytest

from services.funds.projection.feed import catch_up, project_state
from services.funds.projection.repository import ProjectStateRepository
from services.kit.testing import serve_in_process
from tests.funds.helpers import FINANCE, INSPECTOR, clear, make_projects, move, new_batch, project_row


class Upstream(httpx.AsyncBaseTransport):
    """The real projects app behind a switch (down: connection refused), noting what the funds app holds of its
    database while each call is out, and optionally appending events a newer release could publish."""

    def __init__(self, projects_app) -> None:
        self.inner = httpx.ASGITransport(app=projects_app)
        self.down, self.extra, self.held = False, [], []
        self.funds_app = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.held.append(self.funds_app.state.engine.pool.checkedout())
        if self.down:
            raise httpx.ConnectError("projects service down", request=request)
        response = await self.inner.handle_async_request(request)
        if request.url.path != "/events" or not self.extra:
            return response
        body = json.loads(await response.aread())
        if body["events"]:
            last = body["events"][-1]["id"]
            body["events"] += [e | {"id": last} for e in self.extra]  # same id: the real cursor stays exact
            self.extra = []
        return httpx.Response(200, json=body)


@pytest.fixture
async def setup(funds_db, projects_app, projects) -> AsyncIterator[tuple]:
    from services.funds.app import create_app
    from services.funds.config import Settings

    upstream = Upstream(projects_app)
    app = create_app(Settings(database_url=funds_db, feed_poll_seconds=0), projects_transport=upstream)
    upstream.funds_app = app
    async with serve_in_process(app) as funds:
        yield app, funds, upstream


async def _state(app, project_id: int):
    async with app.state.sessionmaker() as session:
        return await ProjectStateRepository(session).one(project_id)


async def test_catches_up_after_an_outage_without_holding_the_database(setup, projects, backend):
    app, funds, upstream = setup
    first, second = await make_projects(projects, project_row("甲"), project_row("乙"))
    assert await catch_up(app) == 2
    upstream.down = True
    await clear(projects, first)  # happens while the funds service cannot hear it
    with pytest.raises(httpx.ConnectError):
        await catch_up(app)
    assert (await _state(app, first)).status == "started"  # nothing half-applied
    upstream.down = False
    assert await catch_up(app) == 1
    state = await _state(app, first)
    assert (state.status, state.owner_org) == ("cleared", project_row("甲")["owner_org"])
    assert await catch_up(app) == 0  # applying again changes nothing
    assert upstream.held and set(upstream.held) == {0}  # no connection (so no transaction) open during a fetch
    idle = await funds.get("/idle-funds", headers=INSPECTOR)
    assert idle.status_code == 200


async def test_unknown_and_malformed_events_are_skipped_with_a_log_line(setup, projects, backend, caplog):
    app, _, upstream = setup
    [pid] = await make_projects(projects, project_row("甲"))
    upstream.extra = [
        {"type": "project.archived", "version": 1, "payload": {"project_id": pid}},
        {"type": "project.status_changed", "version": 2, "payload": {"project_id": pid, "status": "cleared"}},
        {"type": "project.status_changed", "version": 1, "payload": {"project_id": pid, "status": "no-such"}},
    ]
    with caplog.at_level(logging.WARNING, logger="funds.feed"):
        assert await catch_up(app) == 1  # the real import applied, the three others skipped
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "project.archived v1" in messages and "project.status_changed v2" in messages
    assert "breaks its contract" in messages
    assert (await _state(app, pid)).status == "started"
    await clear(projects, pid)
    assert await catch_up(app) == 1 and (await _state(app, pid)).status == "cleared"  # the feed goes on


def test_project_state_reads_only_project_snapshots():
    plan = {"id": 1, "type": "plan.changed", "version": 1,
            "payload": {"plan_id": 1, "county_code": "450225", "year": 2019, "status": "open", "change": "opened"}}
    assert project_state(plan) is None
    assert project_state({"id": 2, "type": "project.submitted"}) is None  # no version: unknown, not a crash


async def test_a_money_move_asks_the_projects_service_before_its_transaction(setup, projects, backend):
    app, funds, upstream = setup
    (pid,) = await make_projects(projects, project_row("甲"))
    batch = await new_batch(funds)
    upstream.held.clear()
    body, key = {"project_id": pid, "amount": "1000", "allocated_on": "2016-06-02"}, "alloc-before-transaction"
    first = await move(funds, f"/batches/{batch['id']}/allocations", body, key=key)
    assert first.status_code == 201, first.text
    assert upstream.held == [0]  # the live check ran with no connection (so no transaction, no key lock) held
    upstream.down = True
    replayed = await move(funds, f"/batches/{batch['id']}/allocations", body, key=key)
    assert (replayed.status_code, replayed.json()) == (201, first.json())  # a replay never needs projects
    refused = await move(funds, f"/batches/{batch['id']}/allocations", body)
    assert (refused.status_code, refused.json()["code"]) == (503, "funds.projects_unavailable")
    after = (await funds.get(f"/batches/{batch['id']}", headers=FINANCE)).json()
    assert after["unallocated"] == "999000.00"  # the refused move changed nothing
