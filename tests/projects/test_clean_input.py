"""Clean text and strict values at the projects service's edge: refused with 422 naming the field, nothing stored."""
import pytest
from sqlalchemy import text

from services.kit.auth import Role
from services.kit.testing import bearer
from tests.kit.edge import body_refusals, refusals
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry
from tests.projects.test_ledger import EXISTING

OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG)
COUNTY_OFFICE = bearer(Role.COUNTY_OFFICE, RONGSHUI)
CITY = bearer(Role.CITY_OFFICE)


def fields(r) -> list[str]:
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["code"] == "request.invalid"
    return [f["field"] for f in r.json()["fields"]]


async def nothing_stored(projects) -> bool:
    listed = (await projects.get("/projects?limit=200", headers=CITY)).json()["items"]
    events = (await projects.get("/events", headers=CITY)).json()["events"]
    return listed == [] and events == []


@pytest.mark.parametrize("name", ["abc\x00def", "\x01", "名称\x1b[31m", "名称\t", "a\x7fb"])
async def test_a_control_character_in_a_body_field_is_refused(projects, name: str):
    r = await projects.post("/projects", json=entry(name=name), headers=OWNER)
    assert fields(r) == ["name"]
    assert "控制字符" in r.json()["fields"][0]["message"]
    assert await nothing_stored(projects)


async def test_a_control_character_in_a_nested_list_item_is_refused(projects):
    beneficiaries = entry()["beneficiaries"] | {"poor_villages": ["江门村", "良双村\x00"]}
    r = await projects.post("/projects", json=entry(beneficiaries=beneficiaries), headers=OWNER)
    assert fields(r) == ["beneficiaries.poor_villages"]
    assert r.json()["fields"][0]["message"].startswith("第 2 项")
    r = await projects.post("/projects", json=entry(targets=[{"indicator": "增收\x02", "unit": "户",
                                                              "target_value": 1}]), headers=OWNER)
    assert fields(r) == ["targets.0.indicator"]
    assert await nothing_stored(projects)


async def test_free_text_keeps_tab_and_newline_and_nothing_else(projects):
    description = "土地入股：\n\t1. 基地务工\n\t2. 保底分红"
    beneficiaries = entry()["beneficiaries"] | {"description": description}
    r = await projects.post("/projects", json=entry(beneficiaries=beneficiaries), headers=OWNER)
    assert r.status_code == 201, r.text
    stored = (await projects.get(f"/projects/{r.json()['id']}", headers=OWNER)).json()
    assert stored["beneficiaries"]["description"] == description
    beneficiaries["description"] = "分红\x00"
    assert fields(await projects.post("/projects", json=entry(beneficiaries=beneficiaries), headers=OWNER)) == [
        "beneficiaries.description"]


async def test_rows_stored_before_the_check_stay_readable(projects, projects_app):
    # Reads rebuild the shared input shapes (Beneficiaries, PerformanceTarget) without repeating the edge checks.
    r = await projects.post("/projects", json=entry(), headers=OWNER)
    assert r.status_code == 201, r.text
    async with projects_app.state.sessionmaker() as session:
        await session.execute(text("UPDATE projects SET mechanism = :m, poor_villages = :v"),
                              {"m": "旧\x01数据", "v": '["江门\\u0001村"]'})
        await session.commit()
    got = await projects.get(f"/projects/{r.json()['id']}", headers=OWNER)
    assert got.status_code == 200, got.text
    assert got.json()["beneficiaries"]["description"] == "旧\x01数据"
    assert got.json()["beneficiaries"]["poor_villages"] == ["江门\x01村"]


async def test_a_control_character_in_a_query_parameter_is_refused(projects):
    # On PostgreSQL this was a 500 (a NUL cannot be sent to the server).
    r = await projects.get("/projects?owner_org=a%00b", headers=CITY)
    assert fields(r) == ["owner_org"]
    assert fields(await projects.get("/projects?county=45%0A0225", headers=CITY)) == ["county"]


async def test_a_control_character_in_a_path_parameter_is_refused(projects):
    assert fields(await projects.get("/plans/4502%0025/2019", headers=CITY)) == ["county"]
    assert fields(await projects.get("/projects/1%00", headers=CITY)) == ["project_id"]
    assert fields(await projects.get("/no-such-route%01", headers=CITY)) == ["path"]


@pytest.mark.parametrize("amount", ["１００", " 1.00", "1E+2", "+100", "-100", "1.005", True])
async def test_loose_money_forms_are_refused(projects, amount):
    budget = [{"source": "central", "year": 2019, "amount": amount}]
    assert fields(await projects.post("/projects", json=entry(budget=budget), headers=OWNER)) == ["budget.0.amount"]
    assert await nothing_stored(projects)


@pytest.mark.parametrize("amount, shown", [("100", "100.00"), ("100.5", "100.50"), ("100.50", "100.50"),
                                           (100, "100.00"), (100.5, "100.50")])
async def test_plain_money_forms_are_accepted(projects, amount, shown: str):
    budget = [{"source": "central", "year": 2019, "amount": amount}]
    r = await projects.post("/projects", json=entry(budget=budget), headers=OWNER)
    assert r.status_code == 201, r.text
    got = (await projects.get(f"/projects/{r.json()['id']}", headers=OWNER)).json()
    assert got["budget"][0]["amount"] == shown


async def test_out_of_window_dates_and_years_are_refused(projects):
    old = EXISTING | {"admitted_on": "1137-05-01", "library_code": None}
    r = await projects.post("/projects/import", json=[old], headers=COUNTY_OFFICE)
    assert fields(r) == ["0.admitted_on"]
    assert "2014-01-01" in r.json()["fields"][0]["message"]
    budget = [{"source": "central", "year": 2013, "amount": "100"}]
    r = await projects.post("/projects", json=entry(budget=budget, planned_start_year=2013), headers=OWNER)
    assert set(fields(r)) == {"budget.0.year", "planned_start_year"}
    assert fields(await projects.get("/projects?year=1137", headers=CITY)) == ["year"]
    # A path names a resource: a year outside the window names no plan (404, like any bad path parameter).
    r = await projects.get("/plans/450225/1137", headers=CITY)
    assert r.status_code == 404 and r.json()["code"] == "plan.not_found"
    assert await nothing_stored(projects)


async def test_every_string_query_parameter_and_every_path_parameter_refuses_a_control_character(projects):
    assert await refusals(projects) == []


async def test_every_string_field_of_every_json_body_refuses_a_control_character(projects):
    assert await body_refusals(projects) == []
