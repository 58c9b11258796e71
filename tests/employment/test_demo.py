"""The demo data of `make run` shows every quota status this year and period."""
import httpx

from services.employment.demo import load_demo
from services.kit.clock import Clock
from services.kit.testing import bearer


async def test_demo_shows_every_status(employment: httpx.AsyncClient, employment_db: str, backend: str) -> None:
    assert await load_demo(employment_db) == 61
    assert await load_demo(employment_db) == 0  # a second load leaves a non-empty database alone
    today, headers = Clock().today(), bearer("city_office")
    periods = {"enterprise": str(today.year), "group_project": f"{today:%Y-%m}"}
    seen = {}
    for kind, period in periods.items():
        r = await employment.get("/quotas/compliance", params={"kind": kind, "period": period}, headers=headers)
        seen[kind] = sorted(x["status"] for x in r.json()["items"])
    assert seen == {"enterprise": ["breach", "breach", "compliant", "compliant", "not_reported"],
                    "group_project": ["breach", "compliant", "exceeds"]}
