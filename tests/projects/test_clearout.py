"""The clear-out sweep lists rule breakers and stalled entries, each with its rule; clearing is final."""
from datetime import date

from services.projects.clearout.sweep import Cutoffs, months_before
from tests.projects.life import CITY, COUNTY
from tests.projects.test_ledger import EXISTING


def test_months_before_clamps_to_month_end():
    assert months_before(date(2020, 8, 31), 6) == date(2020, 2, 29)
    assert months_before(date(2020, 3, 15), 6) == date(2019, 9, 15)


def test_cutoffs():
    c = Cutoffs.at(date(2020, 7, 1), 6)
    assert c.last_stalled_start_year == 2020 and c.last_quiet_day == date(2020, 1, 1)
    assert Cutoffs.at(date(2020, 6, 30), 6).last_stalled_start_year == 2019


def existing(**overrides) -> dict:
    row = EXISTING | {"library_code": None} | overrides
    return row


async def test_sweep_lists_every_rule_and_clearing_ends_the_entry(projects, projects_app):
    today = projects_app.state.clock.today()
    rows = [
        existing(name="不使用财政资金", uses_fiscal_funds=False, status="admitted", started_on=None,
                 last_progress_on=None, plan_year=None, planned_start_year=today.year + 1,
                 planned_end_year=today.year + 1,
                 budget=[{"source": "self_raised", "year": today.year + 1, "amount": "10"}]),
        existing(name="逾期未开工", status="planned", started_on=None, last_progress_on=None, plan_year=2019,
                 planned_start_year=2019, planned_end_year=2019,
                 budget=[{"source": "central", "year": 2019, "amount": "10"}]),
        existing(name="长期无进度"),
        existing(name="正常实施", last_progress_on=today.isoformat(), plan_year=None),
    ]
    r = await projects.post("/projects/import", json=rows, headers=COUNTY)
    assert r.status_code == 201, r.text
    ids = {p["name"]: p["id"] for p in r.json()}
    page = (await projects.get("/clearout/candidates", headers=COUNTY)).json()
    found = {c["project"]["name"]: [rule["rule"] for rule in c["rules"]] for c in page["items"]}
    assert found == {"不使用财政资金": ["no_fiscal_funds"], "逾期未开工": ["stalled_not_started"],
                     "长期无进度": ["stalled_no_progress"]}
    assert (await projects.get("/clearout/summary", headers=CITY)).json() == [
        {"county_code": "450225", "candidates": 3}]
    target = ids["逾期未开工"]
    version = (await projects.get(f"/projects/{target}", headers=CITY)).json()["version"]
    cleared = await projects.post(f"/projects/{target}/clear", json={"reason": "逾期未开工，清理出库"},
                                  headers=COUNTY | {"If-Match": f'"{version}"'})
    assert cleared.status_code == 200 and cleared.json()["status"] == "cleared"
    listed = (await projects.get("/clearout/candidates", headers=CITY)).json()["items"]
    remaining = {c["project"]["name"] for c in listed}
    assert "逾期未开工" not in remaining and len(remaining) == 2
    again = await projects.post(f"/projects/{target}/start", json={"on": today.isoformat()},
                                headers=COUNTY | {"If-Match": f'"{cleared.json()["version"]}"'})
    assert again.status_code == 409


async def test_other_counties_see_no_candidates(projects):
    await projects.post("/projects/import", json=[existing(name="长期无进度")], headers=COUNTY)
    from services.kit.auth import Role
    from services.kit.testing import bearer

    sanjiang = bearer(Role.COUNTY_OFFICE, "450226")
    assert (await projects.get("/clearout/candidates", headers=sanjiang)).json()["items"] == []
