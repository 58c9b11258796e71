"""The feeds through GraphQL: the same events as each service's REST feed for the same token, typed payloads."""
import enum
import typing
from collections.abc import AsyncIterator
from datetime import datetime

import httpx
import pytest

from contracts.events import REGISTRY
from services.kit.auth import Role
from services.kit.testing import DatabaseFactory, bearer, serve_in_process
from tests.employment.seed import seed
from tests.feed import walk
from tests.funds.helpers import FINANCE, RONGSHUI, make_projects, move, project_row
from tests.gateway.graphql import gql
from tests.projects.test_ledger import EXISTING


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


def _is_enum(annotation) -> bool:
    options = typing.get_args(annotation) or (annotation,)
    return any(isinstance(a, type) and issubclass(a, enum.Enum) for a in options)


def _fragment(model) -> str:
    # No aliases needed: the union's members agree on every field name they share.
    return f"... on {model.__name__}V{model.event_version} {{ {' '.join(_camel(f) for f in model.model_fields)} }}"


FRAGMENTS = " ".join(_fragment(m) for m in REGISTRY.values())
EVENTS = f"""query($service: FeedName!, $after: String, $first: Int!) {{
  events(service: $service, after: $after, first: $first) {{
    items {{ id occurredAt type version aggregateType aggregateId payload {{ __typename {FRAGMENTS} }} }}
    nextCursor hasNextPage }} }}"""


def _as_rest(item: dict) -> dict:
    """A GraphQL event in the REST feed's shape: snake_case keys, enum values, the id as a number."""
    model = REGISTRY[(item["type"], item["version"])]
    payload = item["payload"]
    assert payload.pop("__typename") == f"{model.__name__}V{model.event_version}"
    fields = model.model_fields
    return {"id": int(item["id"]), "occurred_at": datetime.fromisoformat(item["occurredAt"]), "type": item["type"],
            "version": item["version"], "aggregate_type": item["aggregateType"],
            "aggregate_id": item["aggregateId"],
            "payload": {f: (payload[_camel(f)].lower() if _is_enum(info.annotation) and payload[_camel(f)]
                            else payload[_camel(f)]) for f, info in fields.items()}}


async def _graphql_walk(gateway: httpx.AsyncClient, service: str, headers: dict, first: int) -> list[dict]:
    events, after = [], None
    while True:
        body = await gql(gateway, EVENTS, headers, service=service, after=after, first=first)
        assert "errors" not in body, body
        page = body["data"]["events"]
        events += [_as_rest(i) for i in page["items"]]
        if not page["hasNextPage"]:
            assert page["nextCursor"] == (page["items"][-1]["id"] if page["items"] else (after or "0"))
            return events
        after = page["nextCursor"]


@pytest.fixture
async def stack(databases: DatabaseFactory, migrated: str) -> AsyncIterator[dict]:
    """The gateway over the three services, all in process on fresh databases."""
    from gateway.app import create_app as create_gateway
    from services.employment.app import create_app as create_employment
    from services.employment.config import Settings as EmploymentSettings
    from services.funds.app import create_app as create_funds
    from services.funds.config import Settings as FundsSettings
    from services.projects.app import create_app as create_projects
    from services.projects.config import Settings as ProjectsSettings

    urls = [await databases.create(s, migrated) for s in ("projects", "funds", "employment")]
    apps = {"projects": create_projects(ProjectsSettings(database_url=urls[0]))}
    apps["funds"] = create_funds(FundsSettings(database_url=urls[1], feed_poll_seconds=0),
                                 projects_transport=httpx.ASGITransport(app=apps["projects"]))
    apps["employment"] = create_employment(EmploymentSettings(database_url=urls[2]),
                                           projects_transport=httpx.ASGITransport(app=apps["projects"]))
    async with serve_in_process(apps["projects"]) as projects, serve_in_process(apps["funds"]) as funds, \
            serve_in_process(apps["employment"]) as employment:
        transports = {name: httpx.ASGITransport(app=app) for name, app in apps.items()}
        async with serve_in_process(create_gateway(transports=transports)) as gateway:
            yield {"gateway": gateway, "projects": projects, "funds": funds, "employment": employment}
    for url in urls:
        await databases.drop(url)


READERS = [bearer(Role.PROJECT_OWNER, RONGSHUI, EXISTING["owner_org"]), bearer(Role.COUNTY_OFFICE, "450226"),
           bearer(Role.INSPECTOR), bearer(Role.EXTERNAL, RONGSHUI), bearer(Role.HR), bearer(Role.CITY_OFFICE)]


async def test_graphql_feed_is_the_rest_feed_for_the_same_token(stack, backend):
    projects, funds = stack["projects"], stack["funds"]
    ids = await make_projects(projects, project_row("甲"), project_row("乙"))
    far = await projects.post("/projects/import", json=[project_row("丙", county="450226")],
                              headers=bearer(Role.COUNTY_OFFICE, "450226"))
    assert far.status_code == 201, far.text
    batch = (await move(funds, "/batches", {"doc_number": "桂财农〔2026〕9号", "source_level": "central",
                                            "year": 2026, "county_code": RONGSHUI, "amount": "900",
                                            "received_on": "2026-01-05", "purpose": "产业"})).json()
    for pid in ids[:2]:
        r = await move(funds, f"/batches/{batch['id']}/allocations", {"project_id": pid, "amount": "300"}, FINANCE)
        assert r.status_code == 201, r.text
    await seed(stack["employment"])
    compared = 0
    for service in ("projects", "funds", "employment"):
        for headers in READERS:
            rest = await walk(stack[service], headers)
            for e in rest:
                e["occurred_at"] = datetime.fromisoformat(e["occurred_at"])
            assert await _graphql_walk(stack["gateway"], service.upper(), headers, first=2) == rest
            compared += len(rest)
    assert compared > 40


async def test_masked_for_non_hr_through_the_gateway_too(stack, backend):
    ids = await seed(stack["employment"])
    query = """{ events(service: EMPLOYMENT, first: 50) { items { payload {
      ... on LabourerRegisteredV1 { name idNumber } } } } }"""
    for headers, whole in ((bearer(Role.HR), True), (bearer(Role.EXTERNAL), False)):
        items = (await gql(stack["gateway"], query, headers))["data"]["events"]["items"]
        numbers = {i["payload"]["idNumber"] for i in items if i["payload"]}
        assert (numbers == set(ids["whole_ids"])) is whole
        assert all(n[4:14] == "*" * 10 for n in numbers) is not whole


async def test_a_bad_cursor_is_a_coded_error(stack, backend):
    body = await gql(stack["gateway"], '{ events(service: PROJECTS, after: "../x") { nextCursor } }',
                     bearer(Role.INSPECTOR))
    assert body["errors"][0]["extensions"]["code"] == "request.invalid_cursor"
