"""Shared steps of the funds tests: projects to fund, tokens, and money-moving POSTs with fresh keys."""
import uuid
from datetime import date
from decimal import Decimal

import httpx

from services.kit.auth import Role
from services.kit.testing import bearer
from tests.places import placed_in
from tests.projects.test_ledger import EXISTING

RONGSHUI = "450225"
FINANCE = bearer(Role.FINANCE, RONGSHUI, sub="finance-rongshui")
CITY_FINANCE = bearer(Role.FINANCE, sub="finance-city")
COUNTY_OFFICE = bearer(Role.COUNTY_OFFICE, RONGSHUI)
INSPECTOR = bearer(Role.INSPECTOR)

_DATES = {"admitted": {}, "planned": {"plan_year": 2017},
          "started": {"started_on": "2016-05-10", "plan_year": 2017},
          "completed": {"started_on": "2016-05-10", "completed_on": "2016-09-01"},
          "accepted": {"started_on": "2016-05-10", "completed_on": "2016-09-01", "accepted_on": "2016-10-01"},
          "settled": {"started_on": "2016-05-10", "completed_on": "2016-09-01", "accepted_on": "2016-10-01",
                      "settled_on": "2016-11-01"}}


def project_row(name: str, status: str = "started", central: str = "1000000", county: str = RONGSHUI) -> dict:
    """An existing project at a state, with a central-funds budget."""
    base = placed_in({k: v for k, v in EXISTING.items() if k not in ("started_on", "plan_year", "last_progress_on")},
                     county)
    return base | {"name": name, "status": status, "library_code": None,
                   "progress_percent": 0, "budget": [{"source": "central", "year": 2016, "amount": central}],
                   "started_on": None, "plan_year": None} | _DATES[status]


async def make_projects(projects: httpx.AsyncClient, *rows: dict) -> list[int]:
    """Import existing projects straight into their states; their ids."""
    r = await projects.post("/projects/import", json=list(rows), headers=COUNTY_OFFICE)
    assert r.status_code == 201, r.text
    return [p["id"] for p in r.json()]


async def clear(projects: httpx.AsyncClient, project_id: int, reason: str = "无法实施，清理出库") -> None:
    """Clear a project out of the library (清理出库)."""
    version = (await projects.get(f"/projects/{project_id}", headers=INSPECTOR)).json()["version"]
    r = await projects.post(f"/projects/{project_id}/clear", json={"reason": reason},
                            headers=COUNTY_OFFICE | {"If-Match": f'"{version}"'})
    assert r.status_code == 200, r.text


async def case_step(funds: httpx.AsyncClient, case_id: int, step: str, body: dict | None = None) -> httpx.Response:
    """Start or close a rectification case as finance, with If-Match from a fresh read."""
    version = (await funds.get(f"/rectification-cases/{case_id}", headers=FINANCE)).json()["version"]
    return await funds.post(f"/rectification-cases/{case_id}/{step}", json=body,
                            headers=FINANCE | {"If-Match": f'"{version}"'})


async def move(client: httpx.AsyncClient, path: str, body: dict, headers: dict = FINANCE,
               key: str | None = None) -> httpx.Response:
    """A money-moving POST with its own Idempotency-Key."""
    return await client.post(path, json=body, headers=headers | {"Idempotency-Key": key or uuid.uuid4().hex})


def batch_body(amount: str = "1000000", doc: str | None = None, received_on: date | None = None,
               source: str = "central", year: int = 2016, county: str = RONGSHUI) -> dict:
    """A fund document."""
    return {"doc_number": doc or f"桂财农〔2016〕{uuid.uuid4().int % 100000}号", "source_level": source,
            "year": year, "county_code": county, "amount": amount,
            "received_on": (received_on or date(2016, 6, 1)).isoformat(), "purpose": "产业发展和基础设施"}


async def new_batch(funds: httpx.AsyncClient, amount: str = "1000000", **kw) -> dict:
    """Record a batch; its JSON."""
    r = await move(funds, "/batches", batch_body(amount, **kw))
    assert r.status_code == 201, r.text
    return r.json()


async def allocate(funds: httpx.AsyncClient, batch_id: int, project_id: int, amount: str, **kw) -> dict:
    """Allocate; the allocation JSON."""
    body = {"project_id": project_id, "amount": amount, "allocated_on": "2016-06-02"} | kw
    r = await move(funds, f"/batches/{batch_id}/allocations", body)
    assert r.status_code == 201, r.text
    return r.json()


def yuan(value: str) -> Decimal:
    """An amount from JSON."""
    return Decimal(value)
