"""`myWork`: the four services' queues (here projects and funds hold items) merged by deadline, paged with one
cursor at one call per service per page, counts summed; a forged cursor is a clear error and a service that is
down leaves partial data and an error."""
from datetime import date, timedelta

import httpx
import pytest

from services.kit.testing import serve_in_process
from tests.funds.test_work import Data as FundsData
from tests.gateway.graphql import gql
from tests.projects.life import COUNTY
from tests.projects.test_work import Data as ProjectsData

QUERY = """query($first: Int!, $after: String, $kind: WorkKind) {
  myWork(first: $first, after: $after, kind: $kind) {
    items { key kind title expected deadline dueSoon overdue countyCode link { service resource id path } }
    counts { kind total dueSoon overdue } nextCursor hasNextPage complete } }"""


class Down(httpx.AsyncBaseTransport):
    """A service that does not answer."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("down", request=request)


@pytest.fixture
async def queues(system):
    """融水: the projects data set (its clock 14 days ahead) and the funds data set (its own clock)."""
    projects = ProjectsData(system.projects, system.projects_app)
    await projects.build()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=system.funds_app), base_url="http://funds") as funds:
        money = FundsData(funds, system.funds_app, system.projects)
        await money.build()
    return system, projects, money


async def my_work(gateway, first: int = 50, after: str | None = None, kind: str | None = None) -> dict:
    return await gql(gateway, QUERY, COUNTY, first=first, after=after, kind=kind)


async def test_merged_in_deadline_order_paged_with_one_call_per_service(queues):
    system, projects, money = queues
    started = [e for e in (await system.projects.get("/work", headers=COUNTY)).json()["items"]
               if e["kind"] == "progress_due"]
    assert [e["title"] for e in started] == ["保留项目"]  # imported as started in 2016: long overdue
    expected = [
        ("PROGRESS_DUE", "projects", (date(2016, 5, 10) + timedelta(days=60)).isoformat(), False, True),
        ("CASE_DUE", "funds", money.day(3), True, False),
        ("CASE_DUE", "funds", money.day(15), False, False),
        ("OBJECTION", "projects", projects.day(6), False, False),
        ("IDLE_WITHOUT_CASE", "funds", None, False, False),
        ("SCHEDULE", "projects", None, False, False)]
    whole = (await my_work(system.gateway))["data"]["myWork"]
    assert [(i["kind"], i["link"]["service"], i["deadline"], i["dueSoon"], i["overdue"]) for i in whole["items"]] \
        == expected
    assert whole["complete"] is True and whole["hasNextPage"] is False
    assert whole["counts"] == [
        {"kind": "OBJECTION", "total": 1, "dueSoon": 0, "overdue": 0},
        {"kind": "SCHEDULE", "total": 1, "dueSoon": 0, "overdue": 0},
        {"kind": "PROGRESS_DUE", "total": 1, "dueSoon": 0, "overdue": 1},
        {"kind": "CASE_DUE", "total": 2, "dueSoon": 1, "overdue": 0},
        {"kind": "IDLE_WITHOUT_CASE", "total": 1, "dueSoon": 0, "overdue": 0}]
    keys, after, pages = [], None, 0
    while True:
        system.seen.clear()
        page = (await my_work(system.gateway, first=2, after=after))["data"]["myWork"]
        assert sorted((s, p.split("?")[0]) for s, _, p in system.seen) == [
            ("collaboration", "/work"), ("employment", "/work"), ("funds", "/work"), ("projects", "/work")]
        assert page["counts"] == whole["counts"]
        keys += [i["key"] for i in page["items"]]
        pages += 1
        if not page["hasNextPage"]:
            break
        after = page["nextCursor"]
    assert pages == 3 and keys == [i["key"] for i in whole["items"]]
    only = (await my_work(system.gateway, kind="CASE_DUE"))["data"]["myWork"]
    assert [i["kind"] for i in only["items"]] == ["CASE_DUE", "CASE_DUE"] and only["counts"] == whole["counts"]


async def test_a_forged_cursor_is_a_clear_error_before_any_call(queues):
    system, _, _ = queues
    for forged in ("garbage", "eyJkIjogIjIwMjYtMDEtMDEiLCAiayI6ICJ4In0", "e30"):
        system.seen.clear()
        answer = await my_work(system.gateway, after=forged)
        assert answer["data"] is None
        assert answer["errors"][0]["extensions"]["code"] == "request.invalid_cursor", answer
        assert system.seen == []


async def test_a_service_down_leaves_the_others_items_and_an_error(queues):
    from gateway.app import create_app as create_gateway

    system, _, _ = queues
    transports = {"projects": httpx.ASGITransport(app=system.projects_app), "funds": Down(), "employment": Down(),
                  "collaboration": Down()}
    async with serve_in_process(create_gateway(transports=transports)) as gateway:
        answer = await my_work(gateway)
    work = answer["data"]["myWork"]
    assert {i["link"]["service"] for i in work["items"]} == {"projects"} and len(work["items"]) == 3
    assert work["complete"] is None
    [error] = answer["errors"]
    assert error["path"] == ["myWork", "complete"]
    assert error["extensions"]["code"] == "upstream.unavailable" and error["extensions"]["services"] == [
        "funds", "employment", "collaboration"]
