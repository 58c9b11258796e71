"""Pairings and agreements: who may set them up, scope, If-Match, audit and events."""
from tests.collaboration.data import (
    CITY,
    FINANCE,
    OFFICE,
    RONGSHUI,
    RONGSHUI_OFFICE,
    SANJIANG_OFFICE,
    agreement,
    pairing,
)


async def test_the_office_sets_up_a_city_pair_a_county_pair_and_a_township_pair_below_it(collaboration):
    city = await collaboration.post("/pairings", headers=CITY,
                                    json=pairing(None, "city", "柳州市", "湛江市"))
    assert city.status_code == 201, city.text
    assert city.json()["county_code"] is None and city.json()["level_label"] == "市际结对"
    county = await collaboration.post("/pairings", headers=OFFICE, json=pairing())
    assert county.status_code == 201 and county.headers["ETag"] == '"1"'
    township = await collaboration.post("/pairings", headers=OFFICE, json=pairing(
        level="township", local="安陲乡", partner="遂溪县北坡镇", parent_id=county.json()["id"]))
    assert township.status_code == 201, township.text
    assert township.json()["parent_id"] == county.json()["id"] and township.json()["demo"] is False
    below = await collaboration.get(f"/pairings?parent_id={county.json()['id']}", headers=RONGSHUI_OFFICE)
    assert [p["local_name"] for p in below.json()["items"]] == ["安陲乡"]


async def test_a_county_office_reads_its_county_and_the_city_pair_but_cannot_edit(collaboration):
    await collaboration.post("/pairings", headers=CITY, json=pairing(None, "city", "柳州市", "湛江市"))
    await collaboration.post("/pairings", headers=OFFICE, json=pairing())
    seen = await collaboration.get("/pairings", headers=SANJIANG_OFFICE)
    assert [p["local_name"] for p in seen.json()["items"]] == ["柳州市"]
    refused = await collaboration.post("/pairings", headers=RONGSHUI_OFFICE, json=pairing(partner="别处"))
    assert refused.status_code == 403 and refused.json()["code"] == "auth.forbidden"
    assert len((await collaboration.get("/pairings", headers=CITY)).json()["items"]) == 2


async def test_a_pairing_is_refused_with_clear_reasons(collaboration):
    city_with_county = await collaboration.post("/pairings", headers=OFFICE, json=pairing(level="city"))
    assert city_with_county.status_code == 422 and city_with_county.json()["code"] == "request.invalid"
    bad_county = await collaboration.post("/pairings", headers=OFFICE, json=pairing("110101"))
    assert bad_county.status_code == 422 and bad_county.json()["fields"][0]["field"] == "county_code"
    await collaboration.post("/pairings", headers=OFFICE, json=pairing())
    twice = await collaboration.post("/pairings", headers=OFFICE, json=pairing())
    assert twice.status_code == 409 and twice.json()["code"] == "collaboration.pairing_exists"
    orphan = await collaboration.post("/pairings", headers=OFFICE, json=pairing(level="township", parent_id=999))
    assert orphan.status_code == 422 and orphan.json()["code"] == "collaboration.pairing_not_found"


async def test_editing_needs_the_current_version_and_is_audited_and_published(collaboration):
    made = (await collaboration.post("/pairings", headers=OFFICE, json=pairing())).json()
    url = f"/pairings/{made['id']}"
    missing = await collaboration.patch(url, headers=OFFICE, json={"status": "ended"})
    assert missing.status_code == 428
    ended = await collaboration.patch(url, headers={**OFFICE, "If-Match": '"1"'}, json={"status": "ended"})
    assert ended.status_code == 200 and ended.json()["status"] == "ended" and ended.headers["ETag"] == '"2"'
    stale = await collaboration.patch(url, headers={**OFFICE, "If-Match": '"1"'}, json={"status": "active"})
    assert stale.status_code == 412 and stale.json()["code"] == "precondition.failed"
    assert (await collaboration.get(url, headers=OFFICE)).json()["status"] == "ended"
    feed = (await collaboration.get("/events", headers=RONGSHUI_OFFICE)).json()["events"]
    assert [(e["type"], e["payload"]["version"]) for e in feed] == [("pairing.changed", 1), ("pairing.changed", 2)]
    assert feed[1]["payload"]["pairing_status"] == "ended"


async def test_one_agreement_per_pairing_and_year_with_the_money_committed(collaboration):
    signed = await agreement(collaboration, committed="30000000.50")
    assert signed["guangdong_committed"] == "30000000.50" and signed["county_code"] == RONGSHUI
    again = await collaboration.post("/agreements", headers=OFFICE, json={
        "pairing_id": signed["pairing_id"], "year": 2019, "title": "重复", "signed_on": "2019-04-01",
        "guangdong_committed": "1"})
    assert again.status_code == 409 and again.json()["code"] == "collaboration.agreement_exists"
    negative = await collaboration.post("/agreements", headers=OFFICE, json={
        "pairing_id": signed["pairing_id"], "year": 2020, "title": "负数", "signed_on": "2020-04-01",
        "guangdong_committed": "-5"})
    assert negative.status_code == 422
    edited = await collaboration.patch(f"/agreements/{signed['id']}", headers={**OFFICE, "If-Match": '"1"'},
                                       json={"guangdong_committed": "32000000"})
    assert edited.json()["guangdong_committed"] == "32000000.00" and edited.json()["version"] == 2
    listed = await collaboration.get(f"/agreements?county={RONGSHUI}&year=2019", headers=FINANCE)
    assert [a["id"] for a in listed.json()["items"]] == [signed["id"]]
    hidden = await collaboration.get(f"/agreements/{signed['id']}", headers=SANJIANG_OFFICE)
    assert hidden.status_code == 404 and hidden.json()["code"] == "collaboration.agreement_not_found"
