"""Domain gauges: quota subjects of the current period by kind and status."""
import httpx

from services.kit.clock import Clock
from tests.employment.data import add_employer, add_project, report


def _gauge(text: str, kind: str, status: str) -> float:
    line = f'employment_quota_subjects{{kind="{kind}",status="{status}"}}'
    return float(next(x for x in text.splitlines() if x.startswith(line)).split()[-1])


async def test_breaches_by_kind(employment: httpx.AsyncClient, backend: str) -> None:
    today = Clock().today()
    reported = await add_employer(employment, name="报送企业")
    await add_employer(employment, name="未报送企业")
    await report(employment, 100, today.year, employer_id=reported["id"])
    group = await add_employer(employment, "group", "柳州市城投集团")
    project = await add_project(employment, group["id"], starts_on=f"{today.year}-01-01")
    await report(employment, 100, today.year, today.month, project_id=project["id"])
    text = (await employment.get("/metrics")).text
    assert _gauge(text, "enterprise", "breach") == 1
    assert _gauge(text, "enterprise", "not_reported") == 1
    assert _gauge(text, "enterprise", "compliant") == 0
    assert _gauge(text, "group_project", "breach") == 1
