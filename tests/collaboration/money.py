"""Library entries and Guangdong money in the in-process projects and funds services, for collaboration tests."""
import httpx

from tests.funds.helpers import CITY_FINANCE, allocate, batch_body, make_projects, move, project_row

GUANGDONG_BUDGET = [{"source": "guangdong", "year": 2016, "amount": "2000000"}]


async def entry(projects: httpx.AsyncClient, name: str = "安陲乡百香果基地", status: str = "started",
                county: str = "450225") -> int:
    """An existing library entry with a Guangdong budget line; its id."""
    (project_id,) = await make_projects(projects, project_row(name, status, county=county)
                                        | {"budget": GUANGDONG_BUDGET})
    return project_id


async def guangdong_batch(funds: httpx.AsyncClient, amount: str, county: str = "450225") -> dict:
    """A Guangdong batch of 2016 arrived on 2016-06-01, recorded by the city's finance bureau."""
    r = await move(funds, "/batches", batch_body(amount, source="guangdong", county=county), CITY_FINANCE)
    assert r.status_code == 201, r.text
    return r.json()


async def allocate_and_spend(funds: httpx.AsyncClient, batch_id: int, project_id: int, allocated: str,
                             spent: str) -> dict:
    """Allocate on 2016-06-02 and spend on 2016-06-21; the allocation."""
    allocation = await allocate(funds, batch_id, project_id, allocated)
    r = await move(funds, f"/allocations/{allocation['id']}/spendings",
                   {"amount": spent, "spent_on": "2016-06-21", "voucher_no": f"V-{allocation['id']}",
                    "payee": "融水县百香果合作社"})
    assert r.status_code == 201, r.text
    return allocation


def take_down(app, service: str) -> httpx.AsyncClient:
    """Point the collaboration app's client of `service` at a port nobody listens on; the old client (close it)."""
    old = app.state.upstreams[service]
    app.state.upstreams[service] = httpx.AsyncClient(base_url="http://127.0.0.1:9", timeout=1.0)
    return old
