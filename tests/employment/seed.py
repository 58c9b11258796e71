"""A small world of every employment record kind, built through the REST API as hr."""
import httpx

from services.kit.testing import bearer
from tests.employment.data import COUNTY, HR, add_employer, add_labourer, add_project, place, report


async def seed(client: httpx.AsyncClient) -> dict:
    """Labourers, an enterprise, a group with a project, a base, reports and placements; returns their ids."""
    lab = await add_labourer(client)
    lifted = await add_labourer(client, registration="lifted")
    enterprise = await add_employer(client, name="柳州螺蛳粉产业园")
    group = await add_employer(client, "group", "柳州市城投集团")
    base = await add_employer(client, "base", "佛山某家电厂", province="广东")
    project = await add_project(client, group["id"])
    await report(client, 200, 2026, employer_id=enterprise["id"])
    await report(client, 100, 2026, 3, project_id=project["id"])
    placed = await place(client, lab["id"], "enterprise", "2026-01-01", employer_id=enterprise["id"])
    await place(client, lifted["id"], "group_project", "2026-03-01", project_id=project["id"])
    await place(client, lifted["id"], "base", "2026-05-01", employer_id=base["id"], leader="覃带头")
    course = await client.post("/courses", headers=HR, json={"kind": "skills", "name": "电焊工培训",
                                                              "county_code": COUNTY, "starts_on": "2026-04-01"})
    await client.post(f"/courses/{course.json()['id']}/participants", headers=HR,
                      json={"labourer_id": lab["id"], "outcome": "certified"})
    # A closed reporting month long before every date above (关账), so its routes have something to show.
    closed = await client.put(f"/periods/{COUNTY}/2015-01", headers=bearer("county_office", COUNTY))
    assert closed.status_code == 200, closed.text
    return {"course_id": course.json()["id"], "labourer_id": lab["id"], "employer_id": enterprise["id"],
            "group_id": group["id"], "county_code": COUNTY, "month": "2015-01",
            "project_id": project["id"], "placement_id": placed.json()["id"],
            "whole_ids": [lab["id_number"], lifted["id_number"]]}
