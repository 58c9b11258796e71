"""Employers, group projects and workforce reports with correction history."""
import httpx

from services.kit.testing import bearer
from tests.employment.data import COUNTY, HR, add_employer, add_project, report


async def test_kinds_and_required_fields(employment: httpx.AsyncClient, backend: str) -> None:
    r = await employment.post("/employers", json={"kind": "enterprise", "name": "无县区企业"}, headers=HR)
    assert r.status_code == 422 and "县区" in r.text
    r = await employment.post("/employers", json={"kind": "base", "name": "东莞某电子厂"}, headers=HR)
    assert r.status_code == 422 and "省份" in r.text
    base = await add_employer(employment, "base", "东莞某电子厂", province="广东")
    assert base["kind_label"] == "劳务输入基地" and base["province"] == "广东"
    group = await add_employer(employment, "group", "柳州市城市投资建设发展有限公司")
    assert group["county_code"] is None


async def test_group_projects(employment: httpx.AsyncClient, backend: str) -> None:
    group = await add_employer(employment, "group", "柳州东城投资开发集团")
    enterprise = await add_employer(employment)
    project = await add_project(employment, group["id"])
    assert project["group_id"] == group["id"]
    r = await employment.post(f"/employers/{enterprise['id']}/projects", headers=HR,
                              json={"name": "x", "county_code": COUNTY, "starts_on": "2026-01-01"})
    assert r.status_code == 422 and r.json()["code"] == "employer.not_a_group"
    listed = await employment.get("/group-projects", params={"group_id": group["id"]},
                                  headers=bearer("county_office", COUNTY))
    assert [p["id"] for p in listed.json()["items"]] == [project["id"]]
    elsewhere = await employment.get(f"/group-projects/{project['id']}", headers=bearer("county_office", "450226"))
    assert elsewhere.status_code == 404


async def test_correction_keeps_history(employment: httpx.AsyncClient, backend: str) -> None:
    e = await add_employer(employment)
    first = await report(employment, 180, 2026, employer_id=e["id"])
    second = await report(employment, 200, 2026, employer_id=e["id"])
    assert (first["revision"], second["revision"], second["current"]) == (1, 2, True)
    r = await employment.get("/workforce-reports", params={"employer_id": e["id"]}, headers=bearer("inspector"))
    assert [(x["total"], x["revision"], x["current"]) for x in r.json()] == [(180, 1, False), (200, 2, True)]


async def test_report_shape_rules(employment: httpx.AsyncClient, backend: str) -> None:
    e = await add_employer(employment)
    group = await add_employer(employment, "group", "柳州市投资控股集团")
    monthly = await employment.post("/workforce-reports", headers=HR,
                                     json={"employer_id": e["id"], "year": 2026, "month": 3, "total": 10})
    assert monthly.status_code == 422
    to_group = await employment.post("/workforce-reports", headers=HR,
                                     json={"employer_id": group["id"], "year": 2026, "total": 10})
    assert to_group.status_code == 422 and to_group.json()["code"] == "workforce.wrong_subject"
    missing = await employment.post("/workforce-reports", headers=HR,
                                    json={"project_id": 999, "year": 2026, "month": 3, "total": 10})
    assert missing.status_code == 404
