"""Review chain, revision, public notice, objections and admission."""
from datetime import timedelta

import pytest

from tests.projects.entries import entry
from tests.projects.life import CITY, COUNTY, DEPARTMENT, INSPECTOR, OWNER, TOWNSHIP, Life


@pytest.fixture
def life(projects, projects_app) -> Life:
    return Life(projects, projects_app)


async def test_chain_with_return_and_resubmission_restarts_at_the_returning_step(life):
    await life.submit()
    await life.act("/review", TOWNSHIP, {"decision": "approve", "opinion": "同意"})
    returned = await life.act("/review", DEPARTMENT, {"decision": "return", "opinion": "补充带贫机制"})
    assert returned["status"] == "returned" and returned["returned_from"] == "county_departments"
    revised = await life.act("", OWNER, entry(name="江门村百香果基地（修改）"), method="PUT")
    assert revised["name"] == "江门村百香果基地（修改）"
    back = await life.act("/resubmit", OWNER)
    assert back["status"] == "county_departments" and back["returned_from"] is None
    await life.act("/review", DEPARTMENT, {"decision": "approve"})
    announced = await life.act("/review", COUNTY, {"decision": "approve"})
    assert announced["status"] == "announced"
    assert announced["notice_ends_on"] == (
        life.app.state.clock.today() + timedelta(days=6)).isoformat()


async def test_large_entries_also_need_the_city_office(life):
    await life.submit(budget=[{"source": "central", "year": 2019, "amount": "5000000.00"}])
    for headers in (TOWNSHIP, DEPARTMENT, COUNTY):
        last = await life.act("/review", headers, {"decision": "approve"})
    assert last["status"] == "city_office"
    assert (await life.act("/review", CITY, {"decision": "approve"}))["status"] == "announced"


async def test_wrong_role_is_refused_and_nothing_changes(life):
    await life.submit()
    problem = await life.act("/review", COUNTY, {"decision": "approve"}, status=403)
    assert problem["code"] == "auth.forbidden" and problem["allowed_roles"] == ["township"]
    after = await life.get()
    assert after["status"] == "submitted" and after["version"] == life.version
    assert [s["action"] for s in await life.timeline()] == ["submit"]


async def test_wrong_state_names_the_allowed_actions(life):
    await life.submit()
    problem = await life.act("/admit", COUNTY, status=409)
    assert problem["code"] == "project.invalid_transition" and problem["current_state"] == "submitted"
    assert problem["allowed_actions"]["approve"] == ["township"]
    assert (await life.get())["status"] == "submitted"


async def test_stale_and_missing_if_match(life):
    await life.submit()
    stale = await life.act("/review", TOWNSHIP, {"decision": "approve"}, status=412, version=life.version + 5)
    assert stale["code"] == "precondition.failed" and stale["current_version"] == life.version
    r = await life.client.post(f"/projects/{life.id}/review", json={"decision": "approve"}, headers=TOWNSHIP)
    assert r.status_code == 428 and r.json()["code"] == "precondition.required"
    assert (await life.get())["status"] == "submitted"


async def test_return_and_reject_need_an_opinion_and_reject_is_final(life):
    await life.submit()
    assert (await life.act("/review", TOWNSHIP, {"decision": "reject"}, status=422))["fields"][0]["field"] == "opinion"
    rejected = await life.act("/review", TOWNSHIP, {"decision": "reject", "opinion": "重复申报"})
    assert rejected["status"] == "rejected" and rejected["end_reason"] == "重复申报"
    problem = await life.act("/clear", COUNTY, {"reason": "x"}, status=409)
    assert problem["allowed_actions"] == {}


async def test_notice_objection_and_admission(life):
    await life.submit()
    await life.through_review()
    not_over = await life.act("/admit", COUNTY, status=409)
    assert not_over["code"] == "project.notice_not_over"
    r = await life.client.post(f"/projects/{life.id}/objections", json={"reason": "受益户名单有误"}, headers=INSPECTOR)
    assert r.status_code == 201
    objection = r.json()["id"]
    life.pass_days(7)
    late = await life.client.post(f"/projects/{life.id}/objections", json={"reason": "迟到"}, headers=INSPECTOR)
    assert late.status_code == 409 and late.json()["code"] == "project.notice_closed"
    still_open = await life.act("/admit", COUNTY, status=409)
    assert still_open["code"] == "project.objection_open"
    await life.act(f"/objections/{objection}/resolution", COUNTY, {"outcome": "dismissed", "resolution": "已核实无误"})
    admitted = await life.act("/admit", COUNTY)
    year = life.app.state.clock.today().year
    assert admitted["status"] == "admitted" and admitted["library_code"] == f"450225-{year}-0001"
    assert admitted["admitted_on"] == life.app.state.clock.today().isoformat()


async def test_upheld_objection_rejects(life):
    await life.submit()
    await life.through_review()
    r = await life.client.post(f"/projects/{life.id}/objections", json={"reason": "虚报"}, headers=CITY)
    rejected = await life.act(f"/objections/{r.json()['id']}/resolution", COUNTY,
                              {"outcome": "upheld", "resolution": "核实虚报受益户"})
    assert rejected["status"] == "rejected"


async def test_library_codes_count_per_county_and_year(projects, projects_app):
    codes = []
    for i in range(2):
        life = Life(projects, projects_app)
        codes.append((await life.admitted(name=f"项目{i}"))["library_code"])
    assert [c.rsplit("-", 1)[1] for c in codes] == ["0001", "0002"]


async def test_external_systems_cannot_object(life):
    from services.kit.auth import Role
    from services.kit.testing import bearer

    await life.submit()
    await life.through_review()
    r = await life.client.post(f"/projects/{life.id}/objections", json={"reason": "x"},
                               headers=bearer(Role.EXTERNAL))
    assert r.status_code == 403
