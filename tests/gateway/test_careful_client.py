"""The gateway is a careful client: no argument changes which upstream route is called, and what HTTP cannot carry
is refused with request.invalid before any call; request bodies over the limit are 413 before they are parsed."""
import pytest

from gateway.upstream import InvalidArgument, build_path
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.gateway.graphql import gql

COUNTY = bearer(Role.COUNTY_OFFICE, "450225")
FINANCE = bearer(Role.FINANCE, "450225")
PLAN = "query($county: String!) { plan(county: $county, year: 2019) { id } }"


def _projects_requests(app) -> float:
    """Every request the projects service answered, by its own metrics."""
    return sum(s.value for metric in app.state.metrics.registry.collect() if metric.name == "http_requests"
               for s in metric.samples if s.name == "http_requests_total")


def test_path_parameters_are_checked_and_each_encoded_as_one_segment():
    assert build_path("/plans/{county}/{year}", {"county": "450225", "year": 2019}) == "/plans/450225/2019"
    assert build_path("/x/{name}", {"name": "a b%2F中"}) == "/x/a%20b%252F%E4%B8%AD"
    for bad in ("..", ".", "", "a/b", "a\\b", "a?b", "a#b", "a\x00b", "a\x7fb"):
        with pytest.raises(InvalidArgument) as refused:
            build_path("/x/{name}", {"name": bad})
        assert refused.value.extensions["code"] == "request.invalid"
        assert refused.value.extensions["fields"][0]["field"] == "name"
    with pytest.raises(InvalidArgument):
        build_path("/projects/{project_id}", {"project_id": -1})
    with pytest.raises(InvalidArgument):
        build_path("/projects/{project_id}", {"project_id": 2**63})
    with pytest.raises(InvalidArgument) as refused:
        build_path("/plans/{county}/{year}", {"county": "440000", "year": 2019})
    assert refused.value.extensions["fields"] == [{"field": "county", "message": "不是柳州市的县区代码"}]


@pytest.mark.parametrize("county", ["../projects/1?", "..", "450225/rollover", "450225?x=1", "450225#", "%2E%2E"])
async def test_a_path_argument_cannot_reach_another_route(system, county):
    before = _projects_requests(system.projects_app)
    body = await gql(system.gateway, PLAN, COUNTY, county=county)
    assert body["data"] is None
    error = body["errors"][0]
    assert error["extensions"]["code"] == "request.invalid" and error["extensions"]["fields"][0]["field"] == "county"
    assert "county" in error["message"]
    assert system.seen == [] and _projects_requests(system.projects_app) == before


async def test_a_good_path_argument_reaches_its_own_route(system):
    body = await gql(system.gateway, PLAN, COUNTY, county="450225")
    assert body["errors"][0]["extensions"]["status"] == 404  # no plan yet: the service answered, not the gateway
    assert system.seen == [("projects", "GET", "/plans/450225/2019")]


async def test_control_characters_in_a_path_argument_are_request_invalid_without_an_upstream_call(system):
    body = await gql(system.gateway, PLAN, COUNTY, county="4502\x0125")
    assert body["data"] is None
    error = body["errors"][0]
    assert error["extensions"]["code"] == "request.invalid"
    assert error["extensions"]["fields"][0]["field"] == "plan.county"
    assert "U+0001" in error["message"]
    assert system.seen == []


async def test_a_header_argument_http_cannot_carry_is_refused_without_an_upstream_call(system):
    mutation = """mutation($key: String!) { receiveFundBatch(idempotencyKey: $key, input: {
      docNumber: "桂财农〔2026〕1号", sourceLevel: CENTRAL, year: 2019, countyCode: "450225", amount: "100",
      receivedOn: "2019-03-01", purpose: "产业"}) {
      __typename ... on Problem { code message fields { field message } } } }"""
    refused = (await gql(system.gateway, mutation, FINANCE, key="键-1"))["data"]["receiveFundBatch"]
    assert refused["__typename"] == "InvalidInput" and refused["code"] == "request.invalid"
    assert refused["fields"][0]["field"] == "Idempotency-Key" and "ASCII" in refused["message"]
    assert system.seen == []
    accepted = (await gql(system.gateway, mutation, FINANCE, key="key-1"))["data"]["receiveFundBatch"]
    assert accepted["__typename"] == "FundBatch"
    assert system.seen == [("funds", "POST", "/batches")]


async def test_an_id_out_of_range_never_leaves_the_gateway(system):
    body = await gql(system.gateway, "{ projectTimeline(id: -1) { action } }", COUNTY)
    assert body["errors"][0]["extensions"]["code"] == "request.invalid"
    assert body["errors"][0]["extensions"]["fields"][0]["field"] == "project_id"
    assert system.seen == []


async def test_an_oversize_body_is_413_before_it_is_parsed(system):
    limit = 1024 * 1024
    padding = " " * (limit + 1 - len('{"query": "{ __typename }"}'))
    body = ('{"query": "{ __typename }"}' + padding).encode()
    assert len(body) == limit + 1
    r = await system.gateway.post("/graphql", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["code"] == "request.too_large" and r.json()["max_bytes"] == limit
    ok = await system.gateway.post("/graphql", content=body[:limit], headers={"Content-Type": "application/json"})
    assert ok.status_code == 200 and ok.json() == {"data": {"__typename": "Query"}}


async def test_an_oversize_chunked_body_without_a_length_is_413_too(system):
    async def chunks():
        yield b'{"query": "{ __typename }"}'
        for _ in range(20):
            yield b" " * 65536  # 20 x 64 KiB: past 1 MiB with no Content-Length declared

    r = await system.gateway.post("/graphql", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["code"] == "request.too_large"
    assert system.seen == []

    async def small():
        yield b'{"query": "{ __typename }"}'

    ok = await system.gateway.post("/graphql", content=small(), headers={"Content-Type": "application/json"})
    assert ok.status_code == 200 and ok.json() == {"data": {"__typename": "Query"}}


async def test_a_token_with_bytes_http_cannot_forward_is_refused_not_crashed(system):
    r = await system.gateway.post("/graphql", json={"query": "{ project(id: 1) { id } }"},
                                  headers={"Authorization": b"Bearer \xe9t\xe9"})
    assert r.status_code == 200
    error = r.json()["errors"][0]
    assert error["extensions"]["code"] == "request.invalid"
    assert error["extensions"]["fields"][0]["field"] == "Authorization"
    assert system.seen == []


@pytest.mark.parametrize("answer", [
    {"text": "# HELP up\n"},  # not JSON at all
    {"json": {"id": 1, "name": "百香果"}},  # JSON, but not the contract's ProjectRead
    {"json": {"items": [{"id": "one"}], "next_cursor": None}},  # a page whose items are not entries
])
async def test_an_answer_that_is_not_the_contract_model_is_a_coded_502_not_a_crash(answer):
    # A stand-in for a broken or foreign upstream: none of our services answers like this on purpose.
    import httpx
    from prometheus_client import CollectorRegistry

    from gateway.projects_client import PROJECTS, SUBMIT
    from gateway.upstream import ServiceClient, UpstreamCalls, UpstreamProblem

    transport = httpx.MockTransport(lambda request: httpx.Response(200, **answer))
    client = ServiceClient("projects", "http://upstream", httpx.Timeout(1.0), httpx.Limits(),
                           UpstreamCalls(CollectorRegistry()), transport)
    for endpoint in (SUBMIT, PROJECTS):
        with pytest.raises(UpstreamProblem) as refused:
            await client.call(endpoint, None)
        assert refused.value.extensions["code"] == "upstream.invalid_answer" and refused.value.status == 502
    await client.close()


async def test_an_answer_holding_what_an_older_row_could_hold_is_read_as_the_service_stored_it():
    # Rows written before an edge check existed stay readable in the service (of_stored); the gateway must not
    # refuse the same answer: a control character in a description, a target value in exponent form.
    import httpx
    from prometheus_client import CollectorRegistry

    from gateway.projects_client import PROJECTS
    from gateway.upstream import ServiceClient, UpstreamCalls

    entry = {"id": 7, "name": "老项目", "county_code": "450225", "county_name": "融水苗族自治县", "township": "安陲乡",
             "village": "江门村", "category": "industry", "category_label": "产业发展", "owner_org": "融水县农业农村局",
             "status": "admitted", "status_label": "已入库", "uses_fiscal_funds": True, "total_budget": "100.00",
             "budget": [{"source": "central", "year": 2019, "amount": "100.00"}],
             "beneficiaries": {"poor_households": 1, "poor_people": 3, "poor_villages": ["江门村"],
                               "description": "旧数据\x01未清洗"},
             "targets": [{"indicator": "带动贫困户增收", "unit": "户", "target_value": "1E+2"}],
             "planned_start_year": 2019, "planned_end_year": 2020, "version": 3,
             "created_at": "2019-03-01T00:00:00Z", "updated_at": "2019-03-01T00:00:00Z"}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"items": [entry], "next_cursor": None}))
    client = ServiceClient("projects", "http://upstream", httpx.Timeout(1.0), httpx.Limits(),
                           UpstreamCalls(CollectorRegistry()), transport)
    (read,) = (await client.call(PROJECTS, None)).items
    assert read.beneficiaries.description == "旧数据\x01未清洗" and str(read.targets[0].target_value) == "1E+2"
    await client.close()


async def test_every_gateway_answer_carries_a_request_id_and_a_crash_is_a_500_problem(system, monkeypatch):
    r = await system.gateway.get("/healthz")
    assert r.status_code == 200 and len(r.headers["X-Request-Id"]) >= 8

    async def broken(*_args, **_kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("gateway.graphiql.LocalGraphiQLRouter.render_graphql_ide", broken)
    r = await system.gateway.get("/graphql", headers={"Accept": "text/html"})
    assert r.status_code == 500 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["code"] == "server.error" and r.json()["request_id"] == r.headers["X-Request-Id"]
    assert "secret internals" not in r.text
