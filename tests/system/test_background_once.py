"""Two funds processes on one database: the projects feed and the idle sweep run on one of them only, every event
is applied once, a stopped or killed leader hands the work to the other, and both answer the API alike."""
import signal
import time
import uuid
from collections.abc import Iterator

import httpx
import pytest

from devtools.stack import Stack
from services.kit.auth import Role
from services.kit.testing import DatabaseFactory
from tests.funds.helpers import batch_body, project_row
from tests.system.http import SECRET, token
from tests.system.replicas import caught_up, leaders, metric, scalar, wait_until

pytestmark = pytest.mark.system

RONGSHUI = "450225"
FINANCE = token(Role.FINANCE, RONGSHUI)
COUNTY = token(Role.COUNTY_OFFICE, RONGSHUI)
FEED, SWEEP = "funds.projects_feed", "funds.idle_sweep"
LEASE = 10  # seconds; renewals and retries every 2.5 s


@pytest.fixture
def pair(stack: Stack, databases: DatabaseFactory, migrated: str) -> Iterator[tuple[Stack, list[str]]]:
    """Two funds processes on one fresh funds database, following the running stack's projects service."""
    import asyncio

    url = asyncio.run(databases.create("funds", migrated))
    # The work-queue warnings (a third job, on the same kit lease) are off: this test follows the two above.
    env = {"JWT_SECRET": SECRET, "FUNDS_LEASE_SECONDS": str(LEASE), "FUNDS_SWEEP_SECONDS": "1",
           "FUNDS_FEED_POLL_SECONDS": "0.2", "FUNDS_WORK_SWEEP_SECONDS": "0"}
    funds = Stack(dict(stack.ports), {**stack.database_urls, "funds": url}, extra_env=env, log_dir=stack.log_dir)
    names = [funds.replica("funds"), funds.replica("funds")]
    try:
        for name in names:
            funds.start(name)
        for name in names:
            funds.wait_ready(name)
        yield funds, names
    finally:
        funds.stop_all()
        asyncio.run(databases.drop(url))


def _applied(funds: Stack, names: list[str]) -> float:
    return sum(metric(funds, process, "background_items_total", name=FEED) for process in names)


def _import(projects_http: httpx.Client, n: int) -> list[int]:
    rows = [project_row(f"双副本{uuid.uuid4().hex[:6]}", "started") for _ in range(n)]
    r = projects_http.post("/projects/import", json=rows, headers=COUNTY)
    assert r.status_code == 201, r.text
    return [p["id"] for p in r.json()]


def _leaders(funds: Stack, names: list[str]) -> dict[str, str]:
    """The one process among `names` leading each job (they may differ), once every job has exactly one."""

    def settled() -> dict[str, str] | None:
        found = {job: leaders(funds, names, job) for job in (FEED, SWEEP)}
        return {job: held[0] for job, held in found.items()} if all(len(h) == 1 for h in found.values()) else None

    return wait_until(settled, 3 * LEASE, "one leader per job")


def test_background_work_runs_once_and_moves_to_the_survivor(pair, projects_http):
    funds, names = pair
    lead = _leaders(funds, names)
    caught_up(funds.database_urls["funds"], projects_http)

    # Every new event is applied once, across both processes together; only each job's leader runs it.
    before = _applied(funds, names)
    _import(projects_http, 3)
    caught_up(funds.database_urls["funds"], projects_http)
    time.sleep(1)  # a few more rounds: nothing is applied a second time
    assert _applied(funds, names) - before == 3
    for job in (FEED, SWEEP):
        [follower] = [n for n in names if n != lead[job]]
        assert metric(funds, lead[job], "background_runs_total", name=job) > 0
        assert metric(funds, follower, "background_runs_total", name=job) == 0

    # The sweep opens one case for an idle batch, however many rounds and replicas there are.
    with httpx.Client(base_url=funds.url(names[0]), timeout=15) as a, \
            httpx.Client(base_url=funds.url(names[1]), timeout=15) as b:
        key = {"Idempotency-Key": f"batch-{uuid.uuid4().hex}"}
        body = batch_body("250000")
        made, replay = a.post("/batches", json=body, headers=FINANCE | key), b.post("/batches", json=body,
                                                                                  headers=FINANCE | key)
        assert made.status_code == 201 and replay.status_code == 201, (made.text, replay.text)
        assert replay.headers.get("Idempotent-Replay") == "true" and replay.json() == made.json()
        batch = made.json()["id"]

        def cases() -> list[dict]:
            listed = b.get("/rectification-cases", params={"limit": 200}, headers=FINANCE).json()["items"]
            return [c for c in listed if c["batch_id"] == batch]

        opened = wait_until(cases, 10, "the scheduled sweep opened a case for the idle batch")
        rounds = metric(funds, lead[SWEEP], "background_runs_total", name=SWEEP)
        wait_until(lambda: metric(funds, lead[SWEEP], "background_runs_total", name=SWEEP) >= rounds + 2, 10,
                   "two more sweeps")
        assert cases() == opened and len(opened) == 1
        assert opened[0]["opened_by"] == "system:idle-sweep" and opened[0]["idle_class"] == "assign"
        # Both replicas answer alike: nothing the answers depend on lives in one process.
        for path in ("/rectification-cases?limit=200", f"/batches/{batch}", "/idle-funds?limit=200",
                     "/idle-funds/sums?by=county_code", "/spending-progress"):
            assert a.get(path, headers=FINANCE).json() == b.get(path, headers=FINANCE).json(), path

    # A graceful stop hands the leases back: the other takes over well before they could have run out.
    first = lead[FEED]
    [second] = [n for n in names if n != first]
    stopped = time.monotonic()
    funds.stop(first)
    assert _leaders(funds, [second]) == {FEED: second, SWEEP: second}
    assert time.monotonic() - stopped < LEASE * 0.6
    funds.start(first)
    funds.wait_ready(first)
    before = metric(funds, second, "background_items_total", name=FEED)
    _import(projects_http, 2)
    caught_up(funds.database_urls["funds"], projects_http)
    assert metric(funds, second, "background_items_total", name=FEED) - before == 2
    assert _leaders(funds, names) == {FEED: second, SWEEP: second}  # the restarted process waits its turn

    # A killed leader cannot hand anything back: its leases run out and the survivor takes over.
    funds.stop(second, signal.SIGKILL)
    assert _leaders(funds, [first]) == {FEED: first, SWEEP: first}
    _import(projects_http, 2)
    caught_up(funds.database_urls["funds"], projects_http)
    assert metric(funds, first, "background_items_total", name=FEED) == 2
    assert scalar(funds.database_urls["funds"], "SELECT count(*) FROM leases") == 2
