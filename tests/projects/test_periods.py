"""Closed reporting months (关账) in the projects service: closing, scope, and progress dated in a closed month."""
import httpx
import pytest

from services.kit.auth import Role
from services.kit.testing import bearer
from tests.kit.periods import CITY_OFFICE, CLOSER, REASON, RONGSHUI, SANJIANG, audited, close, corrections, refused
from tests.projects.test_ledger import EXISTING

OWNER = bearer(Role.PROJECT_OWNER, RONGSHUI, EXISTING["owner_org"], sub="owner-road")


async def started_project(projects: httpx.AsyncClient) -> int:
    """An existing project, started in 2016 with its last progress in 2017."""
    r = await projects.post("/projects/import", json=[EXISTING | {"library_code": None}], headers=CLOSER)
    assert r.status_code == 201, r.text
    return r.json()[0]["id"]


async def progress(projects: httpx.AsyncClient, project_id: int, on: str, percent: int, headers: dict,
                   reason: str | None = None) -> httpx.Response:
    """A progress report with If-Match from a fresh read (and a correction reason when given)."""
    version = (await projects.get(f"/projects/{project_id}", headers=CITY_OFFICE)).json()["version"]
    body = {"on": on, "percent": percent} | ({"correction_reason": reason} if reason is not None else {})
    return await projects.post(f"/projects/{project_id}/progress", json=body,
                               headers=headers | {"If-Match": f'"{version}"'})


async def test_closing_is_idempotent_and_listed_in_scope(projects, projects_app):
    first = await close(projects, "2026-03")
    assert (first["county_code"], first["month"], first["closed_by"]) == (RONGSHUI, "2026-03", "county-office-rongshui")
    assert first["corrections"] == []
    again = await close(projects, "2026-03", headers=CITY_OFFICE)
    assert again["closed_at"] == first["closed_at"] and again["closed_by"] == "county-office-rongshui"
    await close(projects, "2026-02", county=SANJIANG, headers=CITY_OFFICE)
    own = (await projects.get("/periods", params={"year": 2026}, headers=CLOSER)).json()
    assert [(p["county_code"], p["month"]) for p in own] == [(RONGSHUI, "2026-03")]
    every = (await projects.get("/periods", params={"month": "2026-02"}, headers=CITY_OFFICE)).json()
    assert [(p["county_code"], p["month"]) for p in every] == [(SANJIANG, "2026-02")]
    assert len(await audited(projects_app, "period.close")) == 2
    refused(await projects.get(f"/periods/{SANJIANG}/2026-02", headers=CLOSER), 404, "period.not_found")
    refused(await projects.get(f"/periods/{RONGSHUI}/2026-04", headers=CITY_OFFICE), 404, "period.not_found")


async def test_only_the_county_office_of_the_county_or_the_city_closes(projects):
    problem = refused(await projects.put(f"/periods/{SANJIANG}/2026-03", headers=CLOSER), 403, "auth.out_of_scope")
    assert "本县区" in problem["detail"]
    refused(await projects.put(f"/periods/{RONGSHUI}/2026-03", headers=OWNER), 403, "auth.forbidden")
    refused(await projects.put(f"/periods/{RONGSHUI}/2026-03", headers=bearer(Role.FINANCE, RONGSHUI)),
            403, "auth.forbidden")
    assert (await projects.get("/periods", headers=CITY_OFFICE)).json() == []


@pytest.mark.parametrize("month", ["2026-13", "2026-3", "2026-003", "abcd", "2026-00", "2040-01", "2026-03-01"])
async def test_bad_months_are_422(projects, month):
    refused(await projects.put(f"/periods/{RONGSHUI}/{month}", headers=CLOSER), 422, "request.invalid")
    refused(await projects.get("/periods", params={"month": month}, headers=CLOSER), 422, "request.invalid")


async def test_bad_county_and_running_month(projects, projects_app):
    refused(await projects.put("/periods/999999/2026-03", headers=CITY_OFFICE), 422, "request.invalid")
    refused(await projects.get("/periods", params={"county": "45022"}, headers=CITY_OFFICE), 422, "request.invalid")
    today = projects_app.state.clock.today()
    running = f"{today.year:04d}-{today.month:02d}"
    problem = refused(await projects.put(f"/periods/{RONGSHUI}/{running}", headers=CLOSER), 409,
                      "period.month_not_over")
    assert problem["month"] == running


async def test_progress_in_a_closed_month_is_refused_unless_corrected_by_the_city(projects, projects_app):
    pid = await started_project(projects)
    await close(projects, "2026-03")
    before = await projects.get(f"/projects/{pid}/timeline", headers=CITY_OFFICE)

    problem = refused(await progress(projects, pid, "2026-03-15", 70, OWNER), 409, "period.closed")
    assert problem["months"] == ["2026-03"] and "融水苗族自治县 2026-03 已关账" in problem["detail"]
    assert "correction_reason" in problem["detail"] and problem["correctors"] == ["city_office"]
    refused(await progress(projects, pid, "2026-03-15", 70, OWNER, REASON), 403, "period.correction_forbidden")
    refused(await progress(projects, pid, "2026-03-15", 70, CLOSER, REASON), 403, "period.correction_forbidden")
    refused(await progress(projects, pid, "2026-03-15", 70, CITY_OFFICE), 409, "period.closed")
    refused(await progress(projects, pid, "2026-03-15", 70, CITY_OFFICE, ""), 422, "request.invalid")
    # Nothing changed by any refusal: same timeline, same percent, no correction listed.
    assert (await projects.get(f"/projects/{pid}/timeline", headers=CITY_OFFICE)).json() == before.json()
    assert (await projects.get(f"/projects/{pid}", headers=CITY_OFFICE)).json()["progress_percent"] == 60
    assert await corrections(projects, "2026-03") == []

    corrected = await progress(projects, pid, "2026-03-15", 70, CITY_OFFICE, REASON)
    assert corrected.status_code == 200, corrected.text
    assert corrected.json()["progress_percent"] == 70
    step = (await projects.get(f"/projects/{pid}/timeline", headers=CITY_OFFICE)).json()[-1]
    assert (step["action"], step["actor"], step["data"]["correction_reason"]) == ("report_progress", "city-office",
                                                                                    REASON)
    assert step["data"]["corrected_months"] == ["2026-03"]
    [listed] = await corrections(projects, "2026-03")
    assert (listed["entity_type"], listed["entity_id"], listed["action"], listed["reason"], listed["actor_role"]) == (
        "project", str(pid), "report_progress", REASON, "city_office")
    [trail] = await audited(projects_app, "period.correction")
    assert trail.entity_id == str(pid) and trail.after["reason"] == REASON and trail.after["months"] == ["2026-03"]

    # A month still open takes the owner's report as before; a reason there corrects nothing and is refused.
    refused(await progress(projects, pid, "2026-04-10", 80, OWNER, REASON), 422, "period.not_closed")
    assert (await progress(projects, pid, "2026-04-10", 80, OWNER)).status_code == 200


async def test_other_dated_steps_are_guarded_too(projects):
    pid = await started_project(projects)
    await close(projects, "2026-03")
    version = (await projects.get(f"/projects/{pid}", headers=CITY_OFFICE)).json()["version"]
    r = await projects.post(f"/projects/{pid}/complete", json={"on": "2026-03-31"},
                            headers=OWNER | {"If-Match": f'"{version}"'})
    refused(r, 409, "period.closed")
    r = await projects.post(f"/projects/{pid}/complete", json={"on": "2026-04-01"},
                            headers=OWNER | {"If-Match": f'"{version}"'})
    assert r.status_code == 200 and r.json()["status"] == "completed"
