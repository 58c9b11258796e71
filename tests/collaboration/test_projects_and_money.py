"""Collaboration projects (linked entries, kept from the projects feed) and Guangdong money (kept from the funds
feed): the linkage rule, the plan never beyond the money arrived, idempotent plan lines, the county figures."""
from decimal import Decimal

from services.collaboration.feeds.follower import catch_up
from tests.collaboration.data import CITY, FINANCE, OFFICE, RONGSHUI, RONGSHUI_OFFICE, SANJIANG_OFFICE, agreement
from tests.collaboration.money import allocate_and_spend, entry, guangdong_batch, take_down
from tests.funds.helpers import CITY_FINANCE, batch_body, clear, move

LINKAGE = {"mechanism": "dividend", "households_promised": 42}


async def _register(client, project_id: int, pairing_id: int, share: str = "800000", **extra: object):
    body = {"project_id": project_id, "pairing_id": pairing_id, "guangdong_share": share, "linkage": LINKAGE,
            **extra}
    return await client.post("/collaboration-projects", headers=RONGSHUI_OFFICE, json=body)


async def test_an_entry_becomes_a_collaboration_project_only_with_its_linkage(linked):
    collaboration, projects, _, _ = linked
    signed = await agreement(collaboration, year=2016)
    project_id = await entry(projects)
    without = await _register(collaboration, project_id, signed["pairing_id"], linkage=None)
    assert without.status_code == 422 and without.json()["code"] == "collaboration.linkage_required"
    assert without.json()["fields"][0]["field"] == "linkage" and "带贫减贫机制" in without.json()["detail"]
    unknown = await _register(collaboration, 99999, signed["pairing_id"])
    assert unknown.status_code == 409 and unknown.json()["code"] == "collaboration.project_unknown"
    made = await _register(collaboration, project_id, signed["pairing_id"])
    assert made.status_code == 201, made.text
    body = made.json()
    assert (body["name"], body["status"], body["county_code"]) == ("安陲乡百香果基地", "started", RONGSHUI)
    assert body["linkage"] == {"mechanism": "dividend", "mechanism_label": "入股分红", "households_promised": 42,
                               "households_delivered": 0}
    again = await _register(collaboration, project_id, signed["pairing_id"])
    assert again.status_code == 409 and again.json()["code"] == "collaboration.project_registered"
    other = await collaboration.get(f"/collaboration-projects?project_ids={project_id}", headers=SANJIANG_OFFICE)
    assert other.json()["items"] == []
    batch = await collaboration.get(f"/collaboration-projects?project_ids={project_id}", headers=CITY)
    assert [p["id"] for p in batch.json()["items"]] == [body["id"]]


async def test_the_list_keeps_working_while_the_projects_service_is_down(linked):
    collaboration, projects, _, app = linked
    signed = await agreement(collaboration, year=2016)
    project_id = await entry(projects)
    made = (await _register(collaboration, project_id, signed["pairing_id"])).json()
    await take_down(app, "projects").aclose()
    again = await _register(collaboration, await entry(projects, "另一个项目"), signed["pairing_id"])
    assert again.json()["code"] == "collaboration.project_unknown"  # the feed cannot be read now
    listed = await collaboration.get(f"/collaboration-projects?county={RONGSHUI}", headers=RONGSHUI_OFFICE)
    assert [(p["id"], p["name"]) for p in listed.json()["items"]] == [(made["id"], "安陲乡百香果基地")]


async def test_the_plan_never_exceeds_the_money_arrived_and_a_retry_plans_nothing_twice(linked):
    collaboration, projects, funds, _ = linked
    signed = await agreement(collaboration, year=2016, committed="1500000")
    project_id = await entry(projects)
    link = (await _register(collaboration, project_id, signed["pairing_id"], share="900000")).json()
    line = {"collaboration_project_id": link["id"], "year": 2016, "amount": "600000.55", "purpose": "基地建设"}
    nothing_yet = await collaboration.post("/plan-lines", headers=FINANCE | {"Idempotency-Key": "k0"}, json=line)
    assert nothing_yet.status_code == 409 and nothing_yet.json()["code"] == "collaboration.plan_exceeds_arrived"
    await guangdong_batch(funds, "1000000")
    first = await collaboration.post("/plan-lines", headers=FINANCE | {"Idempotency-Key": "k1"}, json=line)
    assert first.status_code == 201, first.text
    replay = await collaboration.post("/plan-lines", headers=FINANCE | {"Idempotency-Key": "k1"}, json=line)
    assert replay.json()["id"] == first.json()["id"] and replay.headers["Idempotent-Replay"] == "true"
    reused = await collaboration.post("/plan-lines", headers=FINANCE | {"Idempotency-Key": "k1"},
                                      json=line | {"amount": "1"})
    assert reused.status_code == 422 and reused.json()["code"] == "idempotency.key_reused"
    beyond = await collaboration.post("/plan-lines", headers=FINANCE | {"Idempotency-Key": "k2"},
                                      json=line | {"amount": "399999.46"})
    assert beyond.status_code == 409 and beyond.json()["code"] == "collaboration.plan_exceeds_arrived"
    assert beyond.json()["arrived"] == "1000000.00" and beyond.json()["planned"] == "600000.55"
    share = await collaboration.post("/plan-lines", headers=FINANCE | {"Idempotency-Key": "k3"},
                                     json=line | {"amount": "300000"})
    assert share.status_code == 409 and share.json()["code"] == "collaboration.plan_exceeds_share"
    missing_key = await collaboration.post("/plan-lines", headers=FINANCE, json=line)
    assert missing_key.status_code == 400 and missing_key.json()["code"] == "idempotency.key_required"
    lines = (await collaboration.get("/plan-lines?year=2016", headers=CITY)).json()["items"]
    assert [row["amount"] for row in lines] == ["600000.55"]


async def test_county_funds_run_from_promise_to_spending_equal_to_the_funds_ledger(linked):
    collaboration, projects, funds, _ = linked
    signed = await agreement(collaboration, year=2016, committed="2000000")
    project_id = await entry(projects)
    link = (await _register(collaboration, project_id, signed["pairing_id"], share="900000")).json()
    batch = await guangdong_batch(funds, "1000000")
    await guangdong_batch(funds, "5000", county="450226")
    await guangdong_batch(funds, "777")
    central = await move(funds, "/batches", batch_body("999", source="central"), CITY_FINANCE)
    assert central.status_code == 201  # not Guangdong money: counted nowhere here
    allocation = await allocate_and_spend(funds, batch["id"], project_id, "500000", "120000.10")
    plan = {"collaboration_project_id": link["id"], "year": 2016, "amount": "700000", "purpose": "基地建设"}
    assert (await collaboration.post("/plan-lines", headers=FINANCE | {"Idempotency-Key": "p"},
                                     json=plan)).status_code == 201
    rows = (await collaboration.get(f"/funds?year=2016&county={RONGSHUI}", headers=OFFICE)).json()
    ledger = (await funds.get(f"/allocations/{allocation['id']}", headers=FINANCE)).json()
    assert rows == [{"county_code": RONGSHUI, "year": 2016, "committed": "2000000.00", "arrived": "1000777.00",
                     "planned": "700000.00", "allocated": ledger["amount"], "spent": ledger["spent"],
                     "arrival_rate": "0.5004", "plan_rate": "0.6995", "spend_rate": "0.1199",
                     "first_arrived_on": "2016-06-01", "first_spent_on": "2016-06-21",
                     "days_to_first_spending": 20}]
    assert Decimal(ledger["spent"]) == Decimal("120000.10")
    project = (await collaboration.get(f"/collaboration-projects/{link['id']}", headers=RONGSHUI_OFFICE)).json()
    assert (project["planned"], project["allocated"], project["spent"]) == ("700000.00", "500000.00", "120000.10")
    county_only = (await collaboration.get("/funds?year=2016", headers=SANJIANG_OFFICE)).json()
    assert [(r["county_code"], r["arrived"]) for r in county_only] == [("450226", "5000.00")]


async def test_two_lines_racing_for_the_same_money_never_both_fit(linked):
    import asyncio

    collaboration, projects, funds, _ = linked
    signed = await agreement(collaboration, year=2016)
    project_id = await entry(projects)
    link = (await _register(collaboration, project_id, signed["pairing_id"], share="2000000")).json()
    await guangdong_batch(funds, "1000000")
    line = {"collaboration_project_id": link["id"], "year": 2016, "amount": "600000", "purpose": "基地"}
    answers = await asyncio.gather(*(collaboration.post("/plan-lines", headers=FINANCE | {"Idempotency-Key": k},
                                                        json=line) for k in ("r1", "r2")))
    assert sorted(r.status_code for r in answers) == [201, 409]
    lines = (await collaboration.get("/plan-lines?year=2016", headers=CITY)).json()["items"]
    assert [row["amount"] for row in lines] == ["600000.00"]


async def test_an_entry_cleared_in_the_library_shows_so_and_gets_no_more_money(linked):
    collaboration, projects, funds, app = linked
    signed = await agreement(collaboration, year=2016)
    project_id = await entry(projects)
    link = (await _register(collaboration, project_id, signed["pairing_id"])).json()
    await guangdong_batch(funds, "1000000")
    await clear(projects, project_id)
    await catch_up(app.state, "projects")
    shown = (await collaboration.get(f"/collaboration-projects/{link['id']}", headers=RONGSHUI_OFFICE)).json()
    assert shown["status"] == "cleared"
    refused = await collaboration.post("/plan-lines", headers=FINANCE | {"Idempotency-Key": "c"}, json={
        "collaboration_project_id": link["id"], "year": 2016, "amount": "1", "purpose": "基地"})
    assert refused.status_code == 409 and refused.json()["code"] == "collaboration.project_ended"
