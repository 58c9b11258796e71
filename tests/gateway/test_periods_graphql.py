"""Closed reporting months through GraphQL (关账): closeReportingMonth in projects, funds and employment at once,
reportingPeriods read per service, typed problems, and one service down."""
from collections.abc import AsyncIterator

import httpx
import pytest

from services.kit.auth import Role
from services.kit.testing import DatabaseFactory, bearer, serve_in_process
from tests.gateway.graphql import gql
from tests.kit.periods import CITY_OFFICE, CLOSER, RONGSHUI, SANJIANG
from tests.projects.test_ledger import EXISTING

CLOSE = """
mutation($county: String!, $month: String!) {
  closeReportingMonth(county: $county, month: $month) {
    __typename
    ... on ReportingMonthClosed { countyCode month complete closed { service period { closedBy } }
                                  failed { service code message } }
    ... on Problem { code message }
  }
}"""
PERIODS = """
query($county: String, $year: Int) {
  reportingPeriods(county: $county, year: $year) {
    projects { countyCode month }
    funds { countyCode month corrections { reason } }
    employment { countyCode month }
  }
}"""


class Down(httpx.AsyncBaseTransport):
    """A service that does not answer: every connection is refused."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)


async def _gateway(databases: DatabaseFactory, backend: str,
                   employment_down: bool) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    from gateway.app import create_app as create_gateway
    from services.employment.app import create_app as create_employment
    from services.employment.config import Settings as EmploymentSettings
    from services.funds.app import create_app as create_funds
    from services.funds.config import Settings as FundsSettings
    from services.projects.app import create_app as create_projects
    from services.projects.config import Settings as ProjectsSettings

    urls = {s: await databases.create(s, backend) for s in ("projects", "funds", "employment")}
    projects_app = create_projects(ProjectsSettings(database_url=urls["projects"]))
    funds_app = create_funds(FundsSettings(database_url=urls["funds"], feed_poll_seconds=0),
                             projects_transport=httpx.ASGITransport(app=projects_app))
    employment_app = create_employment(EmploymentSettings(database_url=urls["employment"]))
    apps = (projects_app, funds_app, employment_app)
    async with projects_app.router.lifespan_context(projects_app), funds_app.router.lifespan_context(funds_app), \
            employment_app.router.lifespan_context(employment_app):
        transports = {name: httpx.ASGITransport(app=app) for name, app in zip(urls, apps, strict=True)}
        if employment_down:
            transports["employment"] = Down()
        async with serve_in_process(create_gateway(transports=transports)) as gateway, \
                serve_in_process(projects_app) as projects:
            yield gateway, projects
    for url in urls.values():
        await databases.drop(url)


@pytest.fixture
async def clients(databases: DatabaseFactory, migrated: str) -> AsyncIterator[tuple[httpx.AsyncClient, ...]]:
    """The gateway, and the projects service straight (to bring in an existing project)."""
    async for pair in _gateway(databases, migrated, employment_down=False):
        yield pair


@pytest.fixture
def gateway(clients) -> httpx.AsyncClient:
    return clients[0]


@pytest.fixture
async def gateway_without_employment(databases: DatabaseFactory, migrated: str) -> AsyncIterator[httpx.AsyncClient]:
    async for gateway, _ in _gateway(databases, migrated, employment_down=True):
        yield gateway


async def test_closing_a_month_closes_it_in_every_service_and_reads_back(gateway):
    closed = (await gql(gateway, CLOSE, CLOSER, county=RONGSHUI, month="2026-03"))["data"]["closeReportingMonth"]
    assert closed["__typename"] == "ReportingMonthClosed" and closed["complete"] is True and closed["failed"] == []
    assert sorted(c["service"] for c in closed["closed"]) == ["EMPLOYMENT", "FUNDS", "PROJECTS"]
    again = (await gql(gateway, CLOSE, CITY_OFFICE, county=RONGSHUI, month="2026-03"))["data"]["closeReportingMonth"]
    assert {c["period"]["closedBy"] for c in again["closed"]} == {"county-office-rongshui"}  # idempotent
    read = (await gql(gateway, PERIODS, CLOSER, county=None, year=2026))
    assert "errors" not in read
    periods = read["data"]["reportingPeriods"]
    for service in ("projects", "funds", "employment"):
        assert [(p["countyCode"], p["month"]) for p in periods[service]] == [(RONGSHUI, "2026-03")]


@pytest.mark.parametrize("headers, county, month, typename, code", [
    (CLOSER, SANJIANG, "2026-03", "Forbidden", "auth.out_of_scope"),
    (bearer(Role.PROJECT_OWNER, RONGSHUI, "融水县农业农村局"), RONGSHUI, "2026-03", "Forbidden", "auth.forbidden"),
    (CLOSER, RONGSHUI, "2026-13", "InvalidInput", "request.invalid"),
    (CLOSER, "999999", "2026-03", "InvalidInput", "request.invalid"),
    (CLOSER, RONGSHUI, "2035-12", "Refused", "period.month_not_over"),
])
async def test_a_refusal_every_service_gives_is_one_typed_problem(gateway, headers, county, month, typename, code):
    answer = (await gql(gateway, CLOSE, headers, county=county, month=month))["data"]["closeReportingMonth"]
    assert (answer["__typename"], answer["code"]) == (typename, code)
    periods = (await gql(gateway, PERIODS, CITY_OFFICE, county=None, year=None))["data"]["reportingPeriods"]
    assert periods == {"projects": [], "funds": [], "employment": []}


async def test_one_service_down_closes_the_others_and_says_so(gateway_without_employment):
    gateway = gateway_without_employment
    answer = (await gql(gateway, CLOSE, CLOSER, county=RONGSHUI, month="2026-03"))["data"]["closeReportingMonth"]
    assert answer["__typename"] == "ReportingMonthClosed" and answer["complete"] is False
    assert sorted(c["service"] for c in answer["closed"]) == ["FUNDS", "PROJECTS"]
    assert [(f["service"], f["code"]) for f in answer["failed"]] == [("EMPLOYMENT", "upstream.unavailable")]
    read = await gql(gateway, PERIODS, CLOSER, county=RONGSHUI, year=2026)
    assert read["data"]["reportingPeriods"]["employment"] is None
    assert len(read["data"]["reportingPeriods"]["funds"]) == 1
    assert [e["extensions"]["code"] for e in read["errors"]] == ["upstream.unavailable"]


PROGRESS = """mutation($id: Int!, $version: Int!, $reason: String) {
  reportProgress(id: $id, version: $version, on: "2026-03-15", percent: 70, correctionReason: $reason) {
    __typename ... on Project { version progressPercent } ... on Problem { code } } }"""


async def test_a_corrected_progress_report_shows_its_reason_in_the_projects_timeline(clients):
    gateway, projects = clients
    r = await projects.post("/projects/import", json=[EXISTING | {"library_code": None}], headers=CLOSER)
    assert r.status_code == 201, r.text
    project = r.json()[0]
    await gql(gateway, CLOSE, CLOSER, county=RONGSHUI, month="2026-03")
    owner = bearer(Role.PROJECT_OWNER, RONGSHUI, EXISTING["owner_org"])
    refused = (await gql(gateway, PROGRESS, owner, id=project["id"], version=project["version"], reason=None))
    assert refused["data"]["reportProgress"] == {"__typename": "Refused", "code": "period.closed"}
    corrected = await gql(gateway, PROGRESS, CITY_OFFICE, id=project["id"], version=project["version"],
                          reason="补录三月进度")
    assert corrected["data"]["reportProgress"]["progressPercent"] == 70, corrected
    timeline = await gql(gateway, "query($id: Int!) { projectTimeline(id: $id) { action actorRole "
                                  "data { on percent correctionReason correctedMonths } } }", CITY_OFFICE,
                         id=project["id"])
    assert timeline["data"]["projectTimeline"][-1] == {
        "action": "report_progress", "actorRole": "CITY_OFFICE",
        "data": {"on": "2026-03-15", "percent": 70, "correctionReason": "补录三月进度", "correctedMonths": ["2026-03"]}}
