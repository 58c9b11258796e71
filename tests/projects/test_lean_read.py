"""The lean read path (services/kit/lean.py, library/json_sql.py): on PostgreSQL, GET /projects/{id} and the batch
read answer byte for byte what the general FastAPI path answers; on SQLite the general path answers."""
import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from decimal import Decimal

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import delete, text, update

from services.kit.auth import Role
from services.kit.testing import bearer, serve_in_process
from services.projects.app import create_app
from services.projects.config import Settings
from services.projects.library.models import BudgetLine, Project
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry

OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
READERS = {"city": bearer(Role.CITY_OFFICE), "county": bearer(Role.COUNTY_OFFICE, RONGSHUI), "owner": OWNER,
           "other owner": bearer(Role.PROJECT_OWNER, RONGSHUI, "融水县水利局"),
           "other county": bearer(Role.INSPECTOR, "450226"), "external": bearer(Role.EXTERNAL),
           "admin": bearer(Role.ADMIN)}
# Everything a later life sets: dates, codes, numbers, times with and without microseconds, the largest amount,
# and free text with the characters JSON must escape (tab, newline, quotes, backslash, a control character).
LATER_LIFE = dict(
    status="settled", returned_from="county_office", notice_starts_on=date(2019, 3, 1), notice_ends_on=date(2019, 3, 8),
    library_code="450225-2019-0007", admitted_on=date(2019, 3, 9), plan_year=2019, started_on=date(2019, 4, 1),
    progress_percent=100, last_progress_on=date(2019, 10, 31), completed_on=date(2019, 11, 30),
    accepted_on=date(2019, 12, 15), actual_households=40, actual_people=161, settled_on=date(2020, 1, 10),
    ended_on=date(2020, 2, 1), end_reason='理由：\t"引号" \\ 反斜杠\n第二行\x01 /', breach_rules="fiscal_funds,years",
    total_budget=Decimal("9999999999999999.99"), created_at=datetime(2019, 3, 1, 8, 0, tzinfo=UTC),
    updated_at=datetime(2020, 2, 1, 9, 30, 5, 120000, tzinfo=UTC))


@pytest.fixture
async def paths(projects_db: str) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient, FastAPI]]:
    """Clients of the app as configured and of the same app with the lean path off, on one database; the first app."""
    app = create_app(Settings(database_url=projects_db))
    async with serve_in_process(app) as lean, \
            serve_in_process(create_app(Settings(database_url=projects_db, lean_reads=False))) as general:
        yield lean, general, app


async def _entries(client: httpx.AsyncClient) -> list[int]:
    """Four entries of one owner (three) and of another county's owner (one)."""
    made = []
    for body, headers in ((entry(), OWNER), (entry(name="独峒乡 “侗寨” 风雨桥修缮"), OWNER),
                          (entry(name="第三个"), OWNER),
                          (entry(county_code="450226"),
                           bearer(Role.PROJECT_OWNER, "450226", "三江县交通运输局"))):
        r = await client.post("/projects", json=body, headers=headers)
        assert r.status_code == 201, r.text
        made.append(r.json()["id"])
    return made


def _headers(response: httpx.Response) -> list[tuple[str, str]]:
    return [(k, v) for k, v in response.headers.items() if k != "x-request-id"]


async def test_both_paths_answer_the_same_bytes(paths, backend):
    lean, general, app = paths
    ids = await _entries(lean)
    async with app.state.engine.begin() as conn:
        await conn.execute(update(Project).where(Project.id == ids[1]).values(  # registry lists kept in their order
            **LATER_LIFE, poor_village_ids=[3, 1], natural_village_ids=[12, 2]))
        await conn.execute(update(BudgetLine).where(BudgetLine.project_id == ids[1])
                           .values(amount=Decimal("9999999999999999.99")))
        await conn.execute(update(Project).where(Project.id == ids[2]).values(  # a legacy entry: no lists at all
            targets=[], poor_villages=[], poor_households=0, poor_people=0, breach_rules="no_performance_target",
            village_id=None, poor_village_ids=[], natural_village_ids=[]))
        await conn.execute(delete(BudgetLine).where(BudgetLine.project_id == ids[2]))
    asked = [f"/projects/{i}" for i in (*ids, 999_999)]
    asked += [f"/projects?ids={ids[1]},{ids[0]},999999,{ids[3]},{ids[1]}", f"/projects?ids={ids[2]}",
              "/projects?ids=999999", "/projects?ids=%20" + "%2C".join(map(str, ids))]
    for name, reader in READERS.items():
        for path in asked:
            a, b = await lean.get(path, headers=reader), await general.get(path, headers=reader)
            assert (a.status_code, a.content) == (b.status_code, b.content), (name, path, a.text, b.text)
            assert _headers(a) == _headers(b) and a.headers["x-request-id"], (name, path)
    # On PostgreSQL the lean path answered them: its own pool opened connections.
    assert (app.state.lean_pool.opened > 0) if backend == "postgres" else app.state.lean_pool is None
    settled = (await lean.get(f"/projects/{ids[1]}", headers=READERS["city"])).json()
    assert settled["end_reason"] == LATER_LIFE["end_reason"] and settled["breach_rules"] == ["fiscal_funds", "years"]
    assert settled["updated_at"] == "2020-02-01T09:30:05.120000Z" and settled["created_at"] == "2019-03-01T08:00:00Z"
    # SQLite keeps NUMERIC as a float; PostgreSQL keeps every digit of the largest amount.
    assert settled["total_budget"] == ("9999999999999999.99" if backend == "postgres" else "10000000000000000.00")


async def test_refusals_are_the_general_paths(paths):
    lean, general, _ = paths
    pid = (await _entries(lean))[0]
    asked = [(f"/projects/{pid}", {}), (f"/projects/{pid}", {"Authorization": "Bearer nonsense"}),
             (f"/projects/{pid}", {"Authorization": "Basic abc"}), ("/projects?ids=1", {}),
             ("/projects/0", READERS["city"]), ("/projects/-1", READERS["city"]), ("/projects/abc", READERS["city"]),
             ("/projects/99999999999999999999", READERS["city"]), ("/projects/9223372036854775808", READERS["city"]),
             (f"/projects?ids={pid}&limit=0", READERS["city"]), ("/projects?ids=1,x", READERS["city"]),
             ("/projects?ids=" + ",".join(map(str, range(1, 202))), READERS["city"]),
             (f"/projects?ids={pid}&ids=2", READERS["city"]), (f"/projects?ids={pid}&status=settled", READERS["city"])]
    for path, headers in asked:
        a, b = await lean.get(path, headers=headers), await general.get(path, headers=headers)
        assert (a.status_code, a.content) == (b.status_code, b.content), (path, a.text, b.text)
        assert _headers(a) == _headers(b), path
    assert (await lean.get("/projects/9223372036854775807", headers=READERS["city"])).json()["code"] == \
        "project.not_found"


async def test_lean_reads_are_counted_by_route_template(paths):
    lean, _, _ = paths
    pid = (await _entries(lean))[0]
    for path in (f"/projects/{pid}", f"/projects?ids={pid}"):
        assert (await lean.get(path, headers=READERS["city"])).status_code == 200
    assert (await lean.get("/projects/424242", headers=READERS["city"])).status_code == 404
    metrics = (await lean.get("/metrics")).text
    for route, status in (("/projects/{project_id}", "200"), ("/projects", "200"), ("/projects/{project_id}", "404")):
        line = f'http_requests_total{{method="GET",route="{route}",service="projects",status="{status}"}}'
        assert line + " 1.0" in metrics, (route, status)


async def test_sqlite_keeps_the_general_path(paths, backend):
    lean, _, app = paths
    assert (app.state.lean_pool is None) == (backend == "sqlite")
    pid = (await _entries(lean))[0]
    r = await lean.get(f"/projects/{pid}", headers=OWNER)
    assert r.status_code == 200 and r.headers["ETag"] == '"1"' and r.json()["budget"][1]["amount"] == "150000.50"


async def test_more_readers_than_connections_and_lost_connections(projects_db, backend):
    app = create_app(Settings(database_url=projects_db, db_pool_size=2))
    async with serve_in_process(app) as client:
        ids = await _entries(client)
        paths = [f"/projects/{ids[i % 3]}" for i in range(24)] + [f"/projects?ids={ids[0]},{ids[2]}"] * 6
        first = await asyncio.gather(*(client.get(path, headers=OWNER) for path in paths))
        assert [r.status_code for r in first] == [200] * len(paths)
        if backend == "postgres":  # the lean path's connections: never more than the pool size, reused
            assert app.state.lean_pool.opened <= 2 and not app.state.lean_pool.waiters
            # The server drops every connection (a restart, an idle timeout): the next reads open new ones.
            async with app.state.engine.connect() as conn:
                await conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
            await asyncio.sleep(0.2)
        again = await asyncio.gather(*(client.get(path, headers=OWNER) for path in paths))
        assert [r.content for r in again] == [r.content for r in first]


async def test_a_database_that_does_not_answer_is_a_503_on_both_paths():
    unreachable = "postgresql+asyncpg://postgres@127.0.0.1:1/projects"  # nothing listens on port 1
    for lean_reads in (True, False):
        async with serve_in_process(create_app(Settings(database_url=unreachable, lean_reads=lean_reads))) as client:
            for path in ("/projects/5", "/projects?ids=1,2"):
                r = await client.get(path, headers=READERS["city"])
                assert (r.status_code, r.json()["code"], r.headers["Retry-After"]) == (503, "service.unavailable", "5")
