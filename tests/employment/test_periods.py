"""Closed reporting months (关账) in the employment service: placements covering a closed month."""
from services.kit.testing import bearer
from tests.employment.data import COUNTY, HR, add_employer, add_labourer
from tests.kit.periods import REASON, audited, close, corrections, refused

COUNTY_HR = bearer("hr", COUNTY, sub="hr-rongshui")


async def post_placement(client, labourer_id: int, employer_id: int, starts_on: str, ends_on: str | None = None,
                         headers: dict = COUNTY_HR, reason: str | None = None):
    body = {"labourer_id": labourer_id, "kind": "enterprise", "employer_id": employer_id, "starts_on": starts_on,
            "ends_on": ends_on} | ({"correction_reason": reason} if reason is not None else {})
    return await client.post("/placements", json=body, headers=headers)


async def test_placement_covering_a_closed_month_needs_a_city_correction(employment, employment_app):
    lab, e = await add_labourer(employment), await add_employer(employment)
    await close(employment, "2026-03")

    # Starting in February and still working covers March: refused, whoever asks without a reason.
    problem = refused(await post_placement(employment, lab["id"], e["id"], "2026-02-01"), 409, "period.closed")
    assert problem["months"] == ["2026-03"] and problem["correctors"] == ["hr"]
    refused(await post_placement(employment, lab["id"], e["id"], "2026-02-01", reason=REASON), 403,
            "period.correction_forbidden")
    refused(await post_placement(employment, lab["id"], e["id"], "2026-02-01", headers=HR), 409, "period.closed")
    assert (await employment.get("/placements", headers=HR)).json()["items"] == []

    corrected = await post_placement(employment, lab["id"], e["id"], "2026-02-01", headers=HR, reason=REASON)
    assert corrected.status_code == 201, corrected.text
    [listed] = await corrections(employment, "2026-03")
    assert (listed["entity_type"], listed["entity_id"], listed["action"], listed["reason"]) == (
        "placement", str(corrected.json()["id"]), "place", REASON)
    [trail] = await audited(employment_app, "period.correction")
    assert trail.entity_id == str(corrected.json()["id"]) and trail.after["reason"] == REASON

    # Ending it back in February changes March: guarded too.
    end = f"/placements/{corrected.json()['id']}/end"
    refused(await employment.post(end, json={"ends_on": "2026-02-28"}, headers=COUNTY_HR), 409, "period.closed")
    ended = await employment.post(end, json={"ends_on": "2026-02-28", "correction_reason": REASON}, headers=HR)
    assert ended.status_code == 200 and ended.json()["ends_on"] == "2026-02-28"
    assert [c["action"] for c in await corrections(employment, "2026-03")] == ["place", "end"]


async def test_spells_outside_the_closed_month_are_taken(employment):
    lab, e = await add_labourer(employment), await add_employer(employment)
    await close(employment, "2026-03")
    before = await post_placement(employment, lab["id"], e["id"], "2026-01-05", "2026-02-27")
    assert before.status_code == 201, before.text
    after = await post_placement(employment, lab["id"], e["id"], "2026-04-01")
    assert after.status_code == 201, after.text
    ended = await employment.post(f"/placements/{after.json()['id']}/end", json={"ends_on": "2026-06-30"},
                                  headers=COUNTY_HR)
    assert ended.status_code == 200
    refused(await post_placement(employment, lab["id"], e["id"], "2026-02-28", "2026-03-01", reason=REASON), 403,
            "period.correction_forbidden")
