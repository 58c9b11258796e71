"""Builders of employment test data through the REST API."""
import itertools

import httpx

from services.employment.idcard import with_check
from services.kit.counties import is_liuzhou_county
from services.kit.testing import bearer
from tests.places import first_village

HR = bearer("hr")
COUNTY = "450225"  # 融水
_serial = itertools.count(100)


def new_id(region: str = COUNTY, born: str = "19900101") -> str:
    """A fresh valid ID number (distinct serial each call)."""
    return with_check(f"{region}{born}{next(_serial):03d}")


def place_body(region: str) -> dict:
    """Where a labourer of `region` lives: the county's first registry village (村屯名录), or names outside Liuzhou."""
    if is_liuzhou_county(region):
        return {"village_id": first_village(region)}
    return {"township": "两江镇", "village": "大埠村"}


def labourer_body(region: str = COUNTY, registration: str = "poor", **extra) -> dict:
    """A labourer payload registered in `region`, in a village of its registry."""
    return {"id_number": new_id(region), "name": "韦小梅", "county_code": region, **place_body(region),
            "household_no": "H-001", "registration": registration, **extra}


async def add_labourer(client: httpx.AsyncClient, region: str = COUNTY, registration: str = "poor") -> dict:
    """Register a labourer as hr; returns its JSON (whole ID)."""
    r = await client.post("/labourers", json=labourer_body(region, registration), headers=HR)
    assert r.status_code == 201, r.text
    return r.json()


async def add_employer(client: httpx.AsyncClient, kind: str = "enterprise", name: str = "柳州螺蛳粉食品有限公司",
                       county: str | None = COUNTY, **extra) -> dict:
    """Register an employer as hr."""
    body = {"kind": kind, "name": name, **extra}
    if county and kind == "enterprise":
        body["county_code"] = county
    if kind == "base":
        body.setdefault("province", "广东")
    r = await client.post("/employers", json=body, headers=HR)
    assert r.status_code == 201, r.text
    return r.json()


async def add_project(client: httpx.AsyncClient, group_id: int, county: str = COUNTY,
                      starts_on: str = "2026-01-01") -> dict:
    """Add a construction project to a group."""
    r = await client.post(f"/employers/{group_id}/projects", headers=HR,
                          json={"name": "融水至融安公路", "county_code": county, "starts_on": starts_on})
    assert r.status_code == 201, r.text
    return r.json()


async def report(client: httpx.AsyncClient, total: int, year: int, month: int | None = None, **subject) -> dict:
    """Report a workforce total for an employer_id= or project_id=."""
    r = await client.post("/workforce-reports", headers=HR,
                          json={**subject, "year": year, "month": month, "total": total})
    assert r.status_code == 201, r.text
    return r.json()


async def place(client: httpx.AsyncClient, labourer_id: int, kind: str, starts_on: str,
                ends_on: str | None = None, **target) -> httpx.Response:
    """Post a placement; returns the raw response."""
    return await client.post("/placements", headers=HR, json={
        "labourer_id": labourer_id, "kind": kind, "starts_on": starts_on, "ends_on": ends_on, **target})
