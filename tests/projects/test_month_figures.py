"""GET /figures/month: a month's library figures per county in one call (read by the reporting service)."""
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.projects.test_ledger import EXISTING

RONGSHUI, SANJIANG = "450225", "450226"


def entry(name: str, county: str, **kw) -> dict:
    return EXISTING | {"name": name, "county_code": county, "library_code": None} | kw


async def test_counts_by_state_in_month_and_stalled_per_county(projects):
    rows = [entry("本月入库", RONGSHUI, status="admitted", admitted_on="2026-03-05", started_on=None, plan_year=None,
                  planned_start_year=2026, planned_end_year=2027, progress_percent=0,
                  budget=[{"source": "central", "year": 2026, "amount": "100000"}], last_progress_on=None),
            entry("本月开工", RONGSHUI, started_on="2026-03-20", last_progress_on="2026-03-25"),
            entry("早已停滞", RONGSHUI)]
    r = await projects.post("/projects/import", json=rows, headers=bearer(Role.COUNTY_OFFICE, RONGSHUI))
    assert r.status_code == 201, r.text
    r = await projects.post("/projects/import", json=[entry("三江", SANJIANG, township="独峒镇", village="高定村",
                                                  beneficiaries=EXISTING["beneficiaries"] | {"poor_villages": []})],
                            headers=bearer(Role.COUNTY_OFFICE, SANJIANG))
    assert r.status_code == 201, r.text
    r = await projects.get("/figures/month?month=2026-03", headers=bearer(Role.CITY_OFFICE))
    assert r.status_code == 200, r.text
    rongshui, sanjiang = r.json()
    assert rongshui["county_code"] == RONGSHUI
    assert [(s["key"], s["count"], s["label"]) for s in rongshui["by_status"]] == [
        ("admitted", 1, "已入库"), ("started", 2, "已开工")]
    assert (rongshui["admitted_in_month"], rongshui["started_in_month"], rongshui["stalled"]) == (1, 1, 1)
    assert sanjiang["county_code"] == SANJIANG and sanjiang["stalled"] == 1
    mine = await projects.get("/figures/month?month=2026-03", headers=bearer(Role.COUNTY_OFFICE, SANJIANG))
    assert [row["county_code"] for row in mine.json()] == [SANJIANG]


async def test_a_malformed_month_is_refused_naming_it(projects):
    r = await projects.get("/figures/month?month=2026-3", headers=bearer(Role.CITY_OFFICE))
    assert r.status_code == 422 and r.json()["fields"][0]["field"].endswith("month")


async def test_project_units_are_refused_the_county_figures(projects):
    owner = bearer(Role.PROJECT_OWNER, RONGSHUI, org="融水县交通运输局")
    r = await projects.get("/figures/month?month=2026-03", headers=owner)
    assert r.status_code == 403 and r.json()["code"] == "auth.forbidden"
