"""Bulletin figures in REST and as Prometheus gauges."""
from decimal import Decimal

from tests.projects.life import CITY, COUNTY, Life
from tests.projects.test_ledger import EXISTING


async def test_figures_by_county_status_and_plan_year(projects, projects_app):
    await Life(projects, projects_app).submit()
    imported = [EXISTING | {"library_code": None},
                EXISTING | {"library_code": None, "name": "已竣工", "status": "completed",
                            "completed_on": "2017-09-01"}]
    assert (await projects.post("/projects/import", json=imported, headers=COUNTY)).status_code == 201
    [rongshui] = (await projects.get("/figures?by=county", headers=CITY)).json()
    assert rongshui["key"] == "450225" and rongshui["label"] == "融水苗族自治县"
    assert rongshui["entries"] == 3 and rongshui["in_library"] == 2
    assert Decimal(rongshui["budget"]) == Decimal("1000000.50") + 2 * Decimal("1200000")
    assert rongshui["started_share"] == 1.0 and rongshui["completed_share"] == 0.5
    by_status = {f["key"]: f["entries"] for f in (await projects.get("/figures?by=status", headers=CITY)).json()}
    assert by_status == {"completed": 1, "started": 1, "submitted": 1}
    by_year = {f["key"]: f["label"] for f in (await projects.get("/figures?by=plan_year", headers=CITY)).json()}
    assert by_year == {None: "未列入计划", "2017": "2017 年度计划"}
    metrics = (await projects.get("/metrics")).text
    assert 'projects_total{category="infrastructure",county="450225",status="started"} 1.0' in metrics
    assert 'projects_budget_yuan{category="industry",county="450225",status="submitted"} 1.0000005e+06' in metrics
