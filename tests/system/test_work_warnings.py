"""Warnings before deadlines over real processes: the clock moves, the projects process's sweep (one replica, under
its lease) publishes work.due_soon then work.overdue, each exactly once, and the gateway shows them in the feed and
the item in `myWork`."""
import time
from datetime import timedelta

import pytest

from services.kit.auth import Role
from services.kit.clock import Clock
from tests.gateway.graphql import SUBMIT, as_input
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry
from tests.system.http import gql, token
from tests.system.test_project_life import Entry

pytestmark = pytest.mark.system

OWNER = token(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
TOWNSHIP = token(Role.TOWNSHIP, RONGSHUI)
DEPARTMENT = token(Role.COUNTY_DEPARTMENT, RONGSHUI)
COUNTY = token(Role.COUNTY_OFFICE, RONGSHUI)
INSPECTOR = token(Role.INSPECTOR)
EVENTS = """query($after: String) { events(service: PROJECTS, after: $after, first: 500) {
  items { type payload { __typename ... on WorkDueSoonV1 { workKey workKind deadline resourceId }
                                    ... on WorkOverdueV1 { workKey workKind deadline resourceId } } }
  nextCursor hasNextPage } }"""
MY_WORK = "{ myWork(first: 200) { items { key kind deadline dueSoon overdue } complete } }"


def warnings(client, headers: dict, keys: set[str]) -> list[tuple]:
    """Every work warning about these items on the projects feed, as the caller reads it through the gateway."""
    found, after = [], None
    while True:
        page = gql(client, EVENTS, headers, after=after)["data"]["events"]
        found += [(e["type"], e["payload"]["workKey"], e["payload"]["deadline"]) for e in page["items"]
                  if e["type"].startswith("work.") and e["payload"]["workKey"] in keys]
        after = page["nextCursor"]
        if not page["hasNextPage"]:
            return found


def settled(client, keys: set[str], count: int) -> list[tuple]:
    """The warnings once `count` are there, after a few more sweep rounds (to catch any second warning)."""
    deadline = time.monotonic() + 20
    while len(warnings(client, COUNTY, keys)) < count and time.monotonic() < deadline:
        time.sleep(0.5)
    time.sleep(3)  # three more rounds of the one-second sweep
    return warnings(client, COUNTY, keys)


def test_warnings_reach_the_feed_once_per_item_and_state(gateway_http, move_clock):
    submitted = gql(gateway_http, SUBMIT, OWNER, input=as_input(entry(name="系统测试预警项目")))
    e = Entry(gateway_http, submitted["data"]["submitProject"] | {"version": 1})
    for headers in (TOWNSHIP, DEPARTMENT, COUNTY):
        e.act("reviewProject", headers, ", decision: APPROVE")
    lodged = gql(gateway_http, "mutation($id: Int!) { lodgeObjection(id: $id, reason: \"选址有争议\") "
                               "{ __typename ... on Objection { id } } }", INSPECTOR, id=e.id)
    objection = lodged["data"]["lodgeObjection"]["id"]
    ends_on = (Clock().today() + timedelta(days=6)).isoformat()  # 7 days of notice, today included
    notice, objected = f"projects:notice_ending:{e.id}", f"projects:objection:{objection}"
    keys = {notice, objected}

    move_clock(5)  # the notice ends tomorrow: both items are due soon (warned 2 days ahead)
    mine = {i["key"]: i for i in gql(gateway_http, MY_WORK, COUNTY)["data"]["myWork"]["items"] if i["key"] in keys}
    assert {k: (i["deadline"], i["dueSoon"], i["overdue"]) for k, i in mine.items()} == {
        notice: (ends_on, True, False), objected: (ends_on, True, False)}
    assert sorted(settled(gateway_http, keys, 2)) == sorted([("work.due_soon", notice, ends_on),
                                                             ("work.due_soon", objected, ends_on)])

    move_clock(7)  # the notice is over with the objection still open: overdue
    assert settled(gateway_http, keys, 3)[2:] == [("work.overdue", objected, ends_on)]
    # The owner unit reads only its own units' warnings: notice and objection work is the office's.
    assert warnings(gateway_http, OWNER, keys) == []
