"""Sweep: every GET endpoint and every employment GraphQL query, as non-hr roles, shows no whole ID number."""
import re

import httpx
import pytest

from gateway.schema.employment import EmploymentQueries
from services.kit.testing import bearer
from tests.employment.data import COUNTY
from tests.employment.seed import seed
from tests.gateway.graphql import gql

ROLES = [("external", None), ("county_office", COUNTY), ("inspector", None), ("city_office", None)]
# Query strings for the endpoints that need them; every other GET is called bare.
PARAMS = {
    "/labourers": [{}, {"ids": "{labourer_id}"}],
    "/employers": [{}, {"ids": "{employer_id},{group_id}"}],
    "/placements": [{}, {"labourer_id": "{labourer_id}"}],
    "/group-projects": [{}],
    "/workforce-reports": [{"employer_id": "{employer_id}"}, {"project_id": "{project_id}"}],
    "/quotas/compliance": [{"kind": "enterprise", "period": "2026"}, {"kind": "group_project", "period": "2026-03"}],
    "/labour-export": [{"year": "2026"}],
    "/labour-figures": [{"year": "2026"}],
    "/leaders": [{"as_of": "2026-12-31"}],
    "/quotas/export.xlsx": [{"kind": "enterprise", "period": "2026"}],
    "/quotas/breaches": [{"kind": "enterprise", "from": "2025", "to": "2026"}],
}


def _masked(number: str) -> str:
    return number[:4] + "*" * 10 + number[-4:]


async def test_every_get_endpoint_masks(employment: httpx.AsyncClient, employment_app, backend: str) -> None:
    ids = await seed(employment)
    paths = [p for p, ops in employment_app.openapi()["paths"].items() if "get" in ops] + ["/metrics"]
    swept = set()
    for role, county in ROLES:
        headers = bearer(role, county)
        seen_masked = False
        for path in paths:
            url = re.sub(r"\{(\w+)\}", lambda m: str(ids[m.group(1)]), path)
            for params in PARAMS.get(path, [{}]):
                query = {k: v.format(**ids) for k, v in params.items()}
                r = await employment.get(url, params=query, headers=headers)
                assert r.status_code == 200, (role, path, r.text)
                for number in ids["whole_ids"]:
                    assert number not in r.text, (role, path)
                seen_masked |= any(_masked(n) in r.text for n in ids["whole_ids"])
                swept.add(path)
        assert seen_masked, role  # the sweep really read labourers, masked
    assert swept == set(paths)
    whole = await employment.get(f"/labourers/{ids['labourer_id']}", headers=bearer("hr"))
    assert whole.json()["id_number"] == ids["whole_ids"][0]  # and hr does see it whole


QUERIES = {
    "labourer": "query($id: Int!) { labourer(id: $id) { idNumber name } }",
    "labourers": "{ labourers { items { idNumber } nextCursor } }",
    "employers": """{ e: employers(kind: ENTERPRISE) { items { id compliance(period: "2026") { status ratio } } }
                      g: employers(kind: GROUP) { items { id compliance(period: "2026-03") { status name } } } }""",
    "groupProjects": "{ groupProjects { items { id name } } }",
    "workforceReports": "query($e: Int) { workforceReports(employerId: $e) { total revision current } }",
    "placements": "{ placements { items { labourerIdNumber labourer { idNumber } employer { name } } } }",
    "quotaCompliance": "{ quotaCompliance(kind: GROUP_PROJECT, period: \"2026-03\") { items { status placed } } }",
    "courses": "{ courses { items { name outcomes { outcome count } participants { labourerIdNumber outcome } } } }",
    "labourLeaders": "{ labourLeaders(asOf: \"2026-12-31\") { leader brought stillPlaced3m } }",
    "labourExport": "{ labourExport(year: 2026) { province labourers } }",
    "quotaBreaches": "{ quotaBreaches(kind: ENTERPRISE, periodFrom: \"2026\", periodTo: \"2026\") { key trend } }",
}


async def test_every_graphql_query_masks(employment_gateway, backend: str) -> None:
    gateway, service = employment_gateway
    ids = await seed(service)
    fields = {f.graphql_name or _camel(f.python_name)
              for f in EmploymentQueries.__strawberry_definition__.fields}
    assert set(QUERIES) == fields  # a new query must join the sweep
    for role, county in ROLES:
        text = ""
        for name, document in QUERIES.items():
            body = await gql(gateway, document, bearer(role, county), id=ids["labourer_id"], e=ids["employer_id"])
            assert "errors" not in body, (role, name, body)
            text += str(body)
        for number in ids["whole_ids"]:
            assert number not in text, role
        assert _masked(ids["whole_ids"][0]) in text


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


@pytest.mark.parametrize("role", ["hr", "admin"])
async def test_hr_and_admin_see_whole_ids_in_graphql(employment_gateway, backend: str, role: str) -> None:
    gateway, service = employment_gateway
    ids = await seed(service)
    body = await gql(gateway, QUERIES["labourer"], bearer(role), id=ids["labourer_id"])
    assert body["data"]["labourer"]["idNumber"] == ids["whole_ids"][0]
