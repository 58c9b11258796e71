"""A small known data set for the reporting tests: projects in two counties, money, one overdue case."""
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.funds.helpers import allocate, move, new_batch, project_row
from tests.reporting.conftest import Stack

RONGSHUI, SANJIANG = "450225", "450226"


async def spend(stack: Stack, allocation_id: int, amount: str, day: str = "2016-07-01") -> None:
    """Record spending on an allocation."""
    r = await move(stack.funds, f"/allocations/{allocation_id}/spendings",
                   {"amount": amount, "spent_on": day, "voucher_no": f"记-{amount}", "payee": "施工单位"})
    assert r.status_code == 201, r.text


async def import_projects(stack: Stack, county: str, *rows: dict) -> list[int]:
    """Import existing projects of one county at their states, as its county office; their ids."""
    r = await stack.projects.post("/projects/import", json=list(rows), headers=bearer(Role.COUNTY_OFFICE, county))
    assert r.status_code == 201, r.text
    return [p["id"] for p in r.json()]


async def seed(stack: Stack) -> dict:
    """Rongshui: two started projects, 1,000,000 received, 800,000 allocated, 600,000 spent.
    Sanjiang: one admitted project; nothing received."""
    rongshui = await import_projects(stack, RONGSHUI, project_row("融水道路", "started"),
                                     project_row("融水产业", "started"))
    await import_projects(stack, SANJIANG, project_row("三江产业", "admitted", county=SANJIANG))
    batch = await new_batch(stack.funds, "1000000")
    allocation = await allocate(stack.funds, batch["id"], rongshui[0], "800000")
    await spend(stack, allocation["id"], "600000")
    return {"batch": batch, "allocation": allocation, "projects": rongshui}
