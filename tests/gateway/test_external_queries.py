"""The checked-in queries of external systems (examples/external_queries/*.graphql) run through the gateway with an
external system's token and answer, row for row and field for field, what the services' REST routes answer."""
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from devtools.stack import ROOT
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.funds.helpers import COUNTY_OFFICE, FINANCE, RONGSHUI, project_row
from tests.gateway.graphql import gql

QUERIES = sorted((ROOT / "examples" / "external_queries").glob("*.graphql"))
REST = re.compile(r"^# REST: (?P<service>\w+) GET (?P<path>\S+)$", re.M)
EXTERNAL = bearer(Role.EXTERNAL, RONGSHUI, sub="big-data-platform")
BATCH = """mutation($input: FundBatchInput!) { receiveFundBatch(input: $input, idempotencyKey: "ext-1") {
  __typename } }"""


def _snake(name: str) -> str:
    return re.sub(r"[A-Z]", lambda m: "_" + m.group().lower(), name)


def differences(shown: Any, rest: Any, path: str = "") -> list[str]:
    """Where a GraphQL answer differs from REST's: fields camelCased, enums by name (ADMITTED for admitted)."""
    if isinstance(shown, dict):
        if not isinstance(rest, dict):
            return [path]
        return [d for key, value in shown.items() if key != "__typename"
                for d in differences(value, rest.get(_snake(key)), f"{path}.{key}")]
    if isinstance(shown, list):
        if not isinstance(rest, list) or len(shown) != len(rest):
            return [path]
        return [d for i, (s, r) in enumerate(zip(shown, rest, strict=True)) for d in differences(s, r, f"{path}[{i}]")]
    same = shown == rest or (isinstance(shown, str) and isinstance(rest, str) and shown == rest.upper())
    return [] if same else [f"{path}: {shown!r} ≠ {rest!r}"]


def rows(answer: Any) -> list[dict[str, Any]]:
    """The rows of a list answer: a connection's nodes, a page's items, or the list itself."""
    (value,) = answer.values()
    if isinstance(value, dict) and "edges" in value:
        return [edge["node"] for edge in value["edges"]]
    return value["items"] if isinstance(value, dict) else value


def rest_rows(answer: Any) -> list[dict[str, Any]]:
    """The rows of a REST list answer: a page's items or the list itself."""
    return answer["items"] if isinstance(answer, dict) else answer


def test_the_checker_sees_a_difference_and_names_where():
    same = differences({"status": "ADMITTED", "totalBudget": "1.00"}, {"status": "admitted", "total_budget": "1.00"})
    assert same == []
    assert differences({"items": [{"amount": "2.00"}]}, {"items": [{"amount": "3.00"}]}) == [
        ".items[0].amount: '2.00' ≠ '3.00'"]


@pytest.mark.parametrize("query", QUERIES, ids=[q.stem for q in QUERIES])
async def test_an_external_query_answers_what_rest_answers(system, query: Path):
    rows_posted = [project_row("甲"), project_row("乙", "admitted"), project_row("已报账", "settled")]
    assert (await system.projects.post("/projects/import", json=rows_posted, headers=COUNTY_OFFICE)).status_code == 201
    batch = {"docNumber": "桂财农〔2026〕7号", "sourceLevel": "CENTRAL", "year": 2016, "countyCode": RONGSHUI,
             "amount": "1000", "receivedOn": "2016-03-01", "purpose": "产业"}
    assert (await gql(system.gateway, BATCH, FINANCE, input=batch))["data"]["receiveFundBatch"] == {
        "__typename": "FundBatch"}
    text = query.read_text(encoding="utf-8")
    route = REST.search(text)
    assert route, f"{query.name} names no REST route"
    body = await gql(system.gateway, text, EXTERNAL)
    assert "errors" not in body, body
    services = {"projects": system.projects,
                "funds": httpx.AsyncClient(transport=httpx.ASGITransport(app=system.funds_app), base_url="http://funds")}
    async with services["funds"]:
        rest = await services[route["service"]].get(route["path"], headers=EXTERNAL)
    assert rest.status_code == 200, rest.text
    shown, expected = rows(body["data"]), rest_rows(rest.json())
    assert shown, f"{query.name} answered no rows: the check would be empty"
    assert differences(shown, expected) == []
