"""Key tasks: done only at the target, progress by the county, overdue lists, completion rates, gauges."""
from datetime import timedelta

from tests.collaboration.data import (
    CITY,
    OFFICE,
    RONGSHUI,
    RONGSHUI_OFFICE,
    SANJIANG,
    SANJIANG_OFFICE,
    agreement,
    task,
)


async def _task(client, agreement_id: int, **body: object) -> dict:
    made = await client.post(f"/agreements/{agreement_id}/tasks", headers=OFFICE, json=task(**body))
    assert made.status_code == 201, made.text
    return made.json()


async def test_a_task_is_done_only_when_a_report_reaches_its_target(collaboration):
    signed = await agreement(collaboration)
    made = await _task(collaboration, signed["id"], target="300")
    assert made["county_code"] == RONGSHUI and made["year"] == 2019 and made["area_label"] == "劳务协作"
    url = f"/key-tasks/{made['id']}/progress"
    partly = await collaboration.post(url, headers=RONGSHUI_OFFICE,
                                      json={"value_reached": "299", "note": "已转移 299 人",
                                            "evidence": "融人社〔2019〕5号", "reported_on": "2019-10-01"})
    assert partly.status_code == 201, partly.text
    assert partly.json()["task"]["done"] is False and partly.json()["task"]["reached_value"] == "299.0000"
    reached = await collaboration.post(url, headers=RONGSHUI_OFFICE,
                                       json={"value_reached": "300", "reported_on": "2019-11-02"})
    assert reached.json()["task"]["done"] is True and reached.json()["task"]["done_on"] == "2019-11-02"
    reports = (await collaboration.get(url, headers=CITY)).json()["items"]
    assert [r["value_reached"] for r in reports] == ["300.0000", "299.0000"]
    raised = await collaboration.patch(f"/key-tasks/{made['id']}", json={"target_value": "350"},
                                       headers={**OFFICE, "If-Match": reached.headers["ETag"]})
    assert raised.status_code == 200, raised.text
    assert raised.json()["done"] is False and raised.json()["done_on"] is None


async def test_only_the_tasks_county_reports_its_progress(collaboration):
    signed = await agreement(collaboration)
    made = await _task(collaboration, signed["id"])
    other = await collaboration.post(f"/key-tasks/{made['id']}/progress", headers=SANJIANG_OFFICE,
                                     json={"value_reached": "300"})
    assert other.status_code == 404  # outside its scope: not even disclosed
    city = await collaboration.post("/pairings", headers=OFFICE, json={
        "level": "city", "local_name": "柳州市", "partner_name": "湛江市", "start_year": 2017})
    city_agreement = await collaboration.post("/agreements", headers=OFFICE, json={
        "pairing_id": city.json()["id"], "year": 2019, "title": "市际协议", "signed_on": "2019-03-01",
        "guangdong_committed": "1000"})
    city_task = await _task(collaboration, city_agreement.json()["id"])
    refused = await collaboration.post(f"/key-tasks/{city_task['id']}/progress", headers=RONGSHUI_OFFICE,
                                       json={"value_reached": "1"})
    assert refused.status_code == 403 and refused.json()["code"] == "auth.out_of_scope"
    unchanged = await collaboration.get(f"/key-tasks/{city_task['id']}", headers=CITY)
    assert unchanged.json()["reached_value"] == "0.0000" and unchanged.json()["version"] == 1


async def test_overdue_tasks_are_listed_per_county_counted_in_rates_and_gauged(collaboration_app, collaboration):
    rongshui = await agreement(collaboration)
    sanjiang = await agreement(collaboration, SANJIANG, local="三江侗族自治县", partner="湛江市廉江市")
    today = collaboration_app.state.clock.today()
    past, future = str(today - timedelta(days=1)), str(today + timedelta(days=30))
    late = await _task(collaboration, rongshui["id"], deadline=past)
    await _task(collaboration, rongshui["id"], deadline=future, area="industry")
    done = await _task(collaboration, rongshui["id"], deadline=past, target="1")
    await collaboration.post(f"/key-tasks/{done['id']}/progress", headers=RONGSHUI_OFFICE, json={"value_reached": "1"})
    await _task(collaboration, sanjiang["id"], deadline=past)
    overdue = await collaboration.get(f"/key-tasks?county={RONGSHUI}&overdue=true", headers=RONGSHUI_OFFICE)
    assert [(t["id"], t["overdue"]) for t in overdue.json()["items"]] == [(late["id"], True)]
    rates = (await collaboration.get("/key-tasks/completion?year=2019", headers=CITY)).json()
    assert [(r["county_code"], r["total"], r["done"], r["overdue"], r["completion_rate"]) for r in rates] == [
        (RONGSHUI, 3, 1, 1, "0.3333"), (SANJIANG, 1, 0, 1, "0.0000")]
    by_area = (await collaboration.get(f"/key-tasks/completion?year=2019&by=area&county={RONGSHUI}",
                                       headers=RONGSHUI_OFFICE)).json()
    assert {(r["area"], r["total"], r["done"]) for r in by_area} == {("labour", 2, 1), ("industry", 1, 0)}
    metrics = (await collaboration.get("/metrics")).text
    assert f'collaboration_key_tasks_overdue{{county="{RONGSHUI}"}} 1.0' in metrics
    assert f'collaboration_key_tasks_overdue{{county="{SANJIANG}"}} 1.0' in metrics
    assert "collaboration_money_arrival{" not in metrics  # the agreements are 2019's, not this year's


async def test_task_lists_page_by_keyset_and_batch_read(collaboration):
    signed = await agreement(collaboration)
    ids = [(await _task(collaboration, signed["id"]))["id"] for _ in range(3)]
    first = (await collaboration.get("/key-tasks?limit=2", headers=CITY)).json()
    rest = (await collaboration.get(f"/key-tasks?limit=2&after={first['next_cursor']}", headers=CITY)).json()
    assert [t["id"] for t in first["items"] + rest["items"]] == ids and rest["next_cursor"] is None
    batch = await collaboration.get(f"/key-tasks?ids={ids[2]},{ids[0]}", headers=CITY)
    assert [t["id"] for t in batch.json()["items"]] == [ids[2], ids[0]]
    bad = await collaboration.get("/key-tasks/abc", headers=CITY)
    assert bad.status_code == 404 and bad.json()["code"] == "collaboration.task_not_found"
