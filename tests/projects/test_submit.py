"""Submitting entries through the REST API on a real database."""
from decimal import Decimal

from services.kit.auth import Role
from services.kit.testing import bearer
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry

OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
CITY = bearer(Role.CITY_OFFICE)


async def count(projects) -> int:
    return len((await projects.get("/projects?limit=200", headers=CITY)).json()["items"])


async def events(projects) -> list:
    return (await projects.get("/events", headers=CITY)).json()["events"]


async def test_submit_stores_entry_audits_and_publishes(projects):
    r = await projects.post("/projects", json=entry(), headers=OWNER)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "submitted"
    assert body["owner_org"] == OWNER_ORG
    assert Decimal(body["total_budget"]) == Decimal("1000000.50")
    assert body["county_name"] == "融水苗族自治县"
    assert r.headers["location"] == f"/projects/{body['id']}"
    assert r.headers["etag"] == '"1"'
    got = await projects.get(f"/projects/{body['id']}", headers=OWNER)
    assert got.json()["budget"][1] == {"source": "county", "year": 2019, "amount": "150000.50"}
    [event] = await events(projects)
    assert event["type"] == "project.submitted" and event["payload"]["project_id"] == body["id"]


async def test_refused_entry_gets_not_eligible_and_nothing_is_written(projects):
    r = await projects.post("/projects", json=entry(uses_fiscal_funds=False, targets=[]), headers=OWNER)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    problem = r.json()
    assert problem["code"] == "project.not_eligible"
    assert "不使用财政扶贫资金" in problem["detail"] and "绩效目标" in problem["detail"]
    assert problem["rules"] == ["no_fiscal_funds", "no_performance_target"]
    assert {f["field"] for f in problem["fields"]} == {"uses_fiscal_funds", "targets"}
    assert await count(projects) == 0
    assert await events(projects) == []


async def test_unknown_county_is_a_field_error(projects):
    r = await projects.post("/projects", json=entry(county_code="440800"), headers=bearer(Role.ADMIN))
    assert r.status_code == 422
    assert r.json()["code"] == "request.invalid"
    assert r.json()["fields"][0]["field"] == "county_code"


async def test_bad_money_is_refused_with_every_field_named(projects):
    bad = entry(budget=[{"source": "central", "year": 2019, "amount": "12.345"},
                        {"source": "central", "year": 2019, "amount": "-1"}])
    r = await projects.post("/projects", json=bad, headers=OWNER)
    assert r.status_code == 422
    assert {f["field"] for f in r.json()["fields"]} == {"budget.0.amount", "budget.1.amount"}
    assert await count(projects) == 0


async def test_budget_year_outside_planned_years_is_refused(projects):
    bad = entry(budget=[{"source": "central", "year": 2022, "amount": "10"}])
    r = await projects.post("/projects", json=bad, headers=OWNER)
    assert r.status_code == 422 and "不在计划实施年度内" in r.text


async def test_external_cannot_submit(projects):
    r = await projects.post("/projects", json=entry(), headers=bearer(Role.EXTERNAL))
    assert r.status_code == 403 and r.json()["code"] == "auth.forbidden"
    assert await count(projects) == 0


async def test_owner_cannot_submit_for_another_county_or_org(projects):
    other_county = await projects.post("/projects", json=entry(county_code="450226"), headers=OWNER)
    other_org = await projects.post("/projects", json=entry(owner_org="别的单位"), headers=OWNER)
    assert other_county.status_code == other_org.status_code == 403
    assert other_county.json()["code"] == "auth.out_of_scope"
    assert await count(projects) == 0


async def test_missing_or_forged_token_is_401(projects):
    assert (await projects.get("/projects")).status_code == 401
    forged = bearer(Role.ADMIN, secret="someone-elses-secret-key-of-32-bytes!")
    r = await projects.get("/projects", headers=forged)
    assert r.status_code == 401 and r.json()["code"] == "auth.unauthenticated"
