"""The employment feed: every change is an event, scoped to its county; labourers' names and ID numbers appear
whole only to hr and admin (masked exactly as the REST API masks them), and never in the audit trail."""
import json

import httpx
import pytest
from sqlalchemy import select

from services.kit.audit import AuditRecord
from services.kit.testing import bearer
from tests.employment.data import COUNTY, HR, add_labourer, place
from tests.employment.seed import seed
from tests.feed import walk

SANJIANG = "450226"
WHOLE = {"hr": bearer("hr"), "county_hr": bearer("hr", COUNTY), "admin": bearer("admin")}
MASKED = {"county_office": bearer("county_office", COUNTY), "inspector": bearer("inspector"),
          "city_office": bearer("city_office"), "external": bearer("external"), "finance": bearer("finance", COUNTY)}
NAME = "韦小梅"


async def _world(employment: httpx.AsyncClient) -> dict:
    ids = await seed(employment)
    far = await add_labourer(employment, SANJIANG)
    await place(employment, far["id"], "public_welfare", "2026-02-01", site="护林员")
    ended = await employment.post(f"/placements/{ids['placement_id']}/end", headers=HR, json={"ends_on": "2026-06-30"})
    assert ended.status_code == 200, ended.text
    outsider = await add_labourer(employment, "450321")  # 桂林籍
    return ids | {"whole_ids": ids["whole_ids"] + [far["id_number"], outsider["id_number"]],
                  "far": far["id"], "outsider": outsider["id"]}


def _masked(number: str) -> str:
    return number[:4] + "*" * 10 + number[-4:]


async def test_every_change_is_an_event(employment, backend):
    ids = await _world(employment)
    events = await walk(employment, WHOLE["admin"])
    counts: dict[str, int] = {}
    for e in events:
        counts[e["type"]] = counts.get(e["type"], 0) + 1
    assert counts == {"labourer.registered": 4, "employer.registered": 3, "group_project.added": 1,
                      "workforce.reported": 2, "placement.created": 4, "placement.ended": 1, "course.added": 1,
                      "course.participant_set": 1}
    ended = next(e for e in events if e["type"] == "placement.ended")["payload"]
    assert (ended["placement_id"], ended["ends_on"]) == (ids["placement_id"], "2026-06-30")


@pytest.mark.parametrize("reader", sorted(WHOLE))
async def test_hr_and_admin_read_names_and_ids_whole(employment, backend, reader):
    ids = await _world(employment)
    events = await walk(employment, WHOLE[reader])
    registered = {e["payload"]["id_number"] for e in events if e["type"] == "labourer.registered"}
    expected = ids["whole_ids"] if reader != "county_hr" else ids["whole_ids"][:2]  # 融水's own two
    assert registered == set(expected)
    placed = [e["payload"] for e in events if e["type"] == "placement.created"]
    assert {p["labourer_name"] for p in placed} == {NAME}
    assert all(p["labourer_id_number"] in ids["whole_ids"] for p in placed)


@pytest.mark.parametrize("reader", sorted(MASKED))
async def test_every_other_reader_gets_them_masked(employment, backend, reader):
    ids = await _world(employment)
    events = await walk(employment, MASKED[reader])
    text = json.dumps(events, ensure_ascii=False)
    assert NAME not in text and not any(n in text for n in ids["whole_ids"])
    registered = [e["payload"] for e in events if e["type"] == "labourer.registered"]
    assert registered and {p["name"] for p in registered} == {"韦**"}
    assert {p["id_number"] for p in registered} <= {_masked(n) for n in ids["whole_ids"]}
    rest = (await employment.get(f"/labourers/{ids['labourer_id']}", headers=MASKED[reader])).json()
    mine = next(p for p in registered if p["labourer_id"] == ids["labourer_id"])
    assert mine["id_number"] == rest["id_number"]  # the same masking as the REST API
    participant = next(e["payload"] for e in events if e["type"] == "course.participant_set")
    assert participant["labourer_name"] == "韦**"


@pytest.mark.parametrize(("reader", "counties"), [
    (bearer("county_office", COUNTY), {COUNTY}),
    (bearer("hr", SANJIANG), {SANJIANG}),
    (bearer("external", SANJIANG), {SANJIANG}),
    (bearer("inspector"), {COUNTY, SANJIANG, "450321", None}),
    (bearer("city_office"), {COUNTY, SANJIANG, "450321", None}),
])
async def test_each_reader_sees_its_county_only(employment, backend, reader, counties):
    await _world(employment)
    seen = {e["payload"].get("county_code") for e in await walk(employment, reader)}
    assert seen == counties  # groups and base enterprises (no county) only for city-wide readers


async def test_audit_holds_no_whole_name_or_id(employment, employment_app, backend):
    ids = await _world(employment)
    async with employment_app.state.sessionmaker() as session:
        records = (await session.scalars(select(AuditRecord))).all()
    text = json.dumps([[r.before, r.after] for r in records], ensure_ascii=False)
    assert len(records) >= 17 and "韦**" in text
    assert NAME not in text and not any(n in text for n in ids["whole_ids"])
