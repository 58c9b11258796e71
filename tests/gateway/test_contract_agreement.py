"""The gateway and the services agree: each route the gateway calls answers the contract model it parses, and each
GraphQL type shows its contract model field for field (beyond the differences declared here, each with its why)."""
import inspect
import re
import typing
from decimal import Decimal
from importlib import import_module

import pytest
import strawberry
from pydantic import BaseModel

from contracts import collaboration, employment, funds, month_figures, periods, places, projects, reporting, work
from contracts.events.feed import FeedPage
from gateway import (
    collaboration_client,
    employment_client,
    funds_client,
    periods_client,
    projects_client,
    reporting_client,
)
from gateway.schema import build_schema
from gateway.schema.feeds import FEED
from gateway.schema.work import SOURCES, WORK
from gateway.upstream import Endpoint
from tests.gateway.agreement import disagreements

PAIRS: dict[str, type[BaseModel]] = {
    "Project": projects.ProjectRead, "BudgetLine": projects.BudgetLineRead, "Beneficiaries": projects.Beneficiaries,
    "PerformanceTarget": projects.PerformanceTarget, "HistoryStep": projects.HistoryRead,
    "Objection": projects.ObjectionRead, "PlanEntry": projects.PlanEntryRead, "Plan": projects.PlanRead,
    "Figure": projects.FigureRead, "PlanMembership": projects.PlanMembership, "ClearoutCount": projects.CountyCount,
    "BrokenRule": projects.BrokenRule, "ClearoutCandidate": projects.Candidate,
    "FundBatch": funds.BatchRead, "Allocation": funds.AllocationRead, "Spending": funds.SpendingRead,
    "Recovery": funds.RecoveryRead, "Transfer": funds.TransferRead, "IdleFund": funds.IdleItem,
    "RectificationCase": funds.CaseRead, "Announcement": funds.AnnouncementRead, "Evaluation": funds.EvaluationRead,
    "CountyNotice": funds.CountyNotice, "WeeklyNotice": funds.WeeklyNotice, "SpendingProgress": funds.ProgressRow,
    "IdleFundSum": funds.IdleSum, "ProjectFunding": funds.ProjectFunding,
    "Labourer": employment.LabourerRead, "Compliance": employment.Compliance, "Employer": employment.EmployerRead,
    "GroupProject": employment.GroupProjectRead, "WorkforceReport": employment.WorkforceReportRead,
    "Placement": employment.PlacementRead, "PeriodBreaches": employment.PeriodBreaches,
    "BreachLine": employment.BreachLine, "Participant": employment.ParticipantRead, "Course": employment.CourseRead,
    "LeaderFigures": employment.LeaderFigures, "ProvinceExport": employment.ProvinceExport,
    "Pairing": collaboration.PairingRead, "CollaborationAgreement": collaboration.AgreementRead,
    "KeyTask": collaboration.KeyTaskRead, "TaskProgressReport": collaboration.ProgressReportRead,
    "ProgressRecorded": collaboration.ProgressRecorded, "TaskCompletion": collaboration.TaskCompletion,
    "Linkage": collaboration.Linkage, "CollaborationProject": collaboration.CollaborationProjectRead,
    "PlanLine": collaboration.PlanLineRead, "CollaborationFunds": collaboration.CountyFunds,
    "ScorecardRow": collaboration.ScorecardRow, "CollaborationEnterprise": collaboration.EnterpriseRead,
    "TalentExchange": collaboration.TalentExchangeRead,
    "KeyedCount": month_figures.Count, "KeyedAmount": reporting.Amount, "CountyFigures": reporting.CountyFigures,
    "IndicatorScore": reporting.IndicatorScore, "RankingRow": reporting.RankingRow, "CountyRanking": reporting.Ranking,
    "Reminder": reporting.Reminder, "Bulletin": reporting.Bulletin, "BulletinEdition": reporting.BulletinEdition,
    "Township": places.TownshipRead, "Village": places.VillageRead, "VillageYear": places.VillageYearRead,
    "NaturalVillage": places.NaturalVillageRead, "VillageDetail": places.VillageDetail,
    "WorkItem": work.WorkItem, "WorkLink": work.WorkLink, "WorkCount": work.WorkCount,
    "ClosedPeriod": periods.PeriodRead, "PeriodCorrection": periods.PeriodCorrectionRead,
}
# quotaBreaches answers its lines; the month rows and the collaboration figures are what services answer
# the reporting and collaboration services, not GraphQL; BulletinIssue is the body of a REST call (GraphQL
# has its own input). The merged WorkQueue is the gateway's own page of the services' WorkPages.
NOT_SHOWN = {employment.BreachReport, collaboration.LabourFigures, collaboration.CollaborationCountyFigures,
             month_figures.ProjectsMonthRow, month_figures.CasesMonthRow, reporting.BulletinIssue, work.WorkPage}
DECLARED = {
    # contracts.enums.ItemKind, which GraphQL names IdleItemKind.
    ("IdleFund", "kind"): "IdleItemKind!",
    # JSON maps in the contract that GraphQL types.
    ("Announcement", "allocations"): "[AnnouncedAllocation!]!", ("Evaluation", "indicators"): "[EvaluationIndicator!]!",
    ("Course", "outcomes"): "[OutcomeCount!]!", ("HistoryStep", "data"): "HistoryData!",
    ("ScorecardRow", "indicatorScores"): "[ScorecardIndicator!]!", ("ScorecardRow", "records"): "[ScorecardRecord!]!",
}
LINKS = {"Project": {"funding", "collaboration", "registryVillage"}, "Employer": {"compliance"},
         "Placement": {"labourer", "employer"}}


def test_every_graphql_type_shows_its_contract_model_field_for_field():
    assert disagreements(build_schema()._schema, PAIRS, DECLARED, LINKS) == []


def test_every_read_model_of_the_contracts_is_a_graphql_type_made_from_it():
    models = {cls for module in (projects, funds, employment, collaboration, month_figures, reporting, places,
                                 work, periods)
              for _, cls in inspect.getmembers(module, inspect.isclass)
              if issubclass(cls, BaseModel) and cls.__module__ == module.__name__}
    assert models - set(PAIRS.values()) - NOT_SHOWN == set()
    schema = build_schema()
    for name, model in PAIRS.items():
        origin = schema.get_type_by_name(name).origin  # type: ignore[union-attr]
        assert getattr(origin, "_pydantic_type", None) is model, f"{name} is not made from {model.__name__}"


def _endpoints(module) -> list[Endpoint]:
    found = [value for value in vars(module).values() if isinstance(value, Endpoint)]
    return found + [e for value in vars(module).values() if isinstance(value, dict)
                    for e in value.values() if isinstance(e, Endpoint)]


def _answer_schema(openapi: dict, endpoint: Endpoint) -> dict:
    """The JSON schema of the route's success answer, $refs resolved one level."""
    operation = openapi["paths"].get(endpoint.route, {}).get(endpoint.method.lower())
    assert operation, f"the service has no route {endpoint.method} {endpoint.route}"
    (success,) = [r for code, r in operation["responses"].items() if code.startswith("2")]
    return success["content"]["application/json"]["schema"]


def _component(openapi: dict, schema: dict) -> dict:
    return openapi["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]


def _shape(model: type[BaseModel]) -> tuple[set[str], str]:
    """A model's fields and the component name FastAPI gives it (Page[ProjectRead] -> Page_ProjectRead_)."""
    return set(model.model_fields), re.sub(r"[^a-zA-Z0-9.\-_]", "_", model.__name__)


def _agrees(openapi: dict, schema: dict, answer: object) -> None:
    """The route answers `answer` (a contract model, or a list of one): same component, same fields."""
    if typing.get_origin(answer) is list:
        assert schema.get("type") == "array", schema
        schema, answer = schema["items"], typing.get_args(answer)[0]
    assert isinstance(answer, type) and issubclass(answer, BaseModel)
    fields, name = _shape(answer)
    assert schema["$ref"].rsplit("/", 1)[1] in (name, f"{name}-Output")
    assert set(_component(openapi, schema)["properties"]) == fields


@pytest.mark.parametrize("service, client", [("projects", projects_client), ("funds", funds_client),
                                             ("employment", employment_client),
                                             ("collaboration", collaboration_client),
                                             ("reporting", reporting_client)])
def test_every_route_the_gateway_calls_answers_the_contract_model_it_parses(service, client):
    openapi = import_module(f"services.{service}.app").create_app().openapi()
    endpoints = _endpoints(client)
    assert endpoints
    for endpoint in endpoints:
        _agrees(openapi, _answer_schema(openapi, endpoint), endpoint.answer)
    feed = _component(openapi, _answer_schema(openapi, FEED))  # each service's payload union; the gateway's looser
    assert set(feed["properties"]) == set(FeedPage.model_fields)
    if service in SOURCES:
        _agrees(openapi, _answer_schema(openapi, WORK), WORK.answer)


@pytest.mark.parametrize("service", ["projects", "funds", "employment"])
def test_each_service_keeping_closed_months_answers_the_period_routes_the_gateway_calls(service):
    openapi = import_module(f"services.{service}.app").create_app().openapi()
    for endpoint in _endpoints(periods_client):
        _agrees(openapi, _answer_schema(openapi, endpoint), endpoint.answer)


def test_the_route_check_fails_for_a_route_answering_another_model():
    openapi = import_module("services.projects.app").create_app().openapi()
    wrong = Endpoint("GET", "/projects/{project_id}/timeline", list[projects.ObjectionRead])
    with pytest.raises(AssertionError):
        _agrees(openapi, _answer_schema(openapi, wrong), wrong.answer)
    with pytest.raises(AssertionError):
        _answer_schema(openapi, Endpoint("GET", "/projects/{project_id}/history", list[projects.HistoryRead]))


class Thing(BaseModel):
    """A contract model of the check's own."""

    id: int
    name: str
    amount: Decimal
    note: str | None


def _schema(**fields: object) -> strawberry.Schema:
    """A schema whose type Thing has these fields, as a gateway could have written it by hand."""
    thing = strawberry.type(type("Thing", (), {"__annotations__": fields}))
    return strawberry.Schema(query=strawberry.type(type("Query", (), {"__annotations__": {"thing": thing}})))


AGREES = {"id": int, "name": str, "amount": Decimal, "note": str | None}


@pytest.mark.parametrize("fields, found", [
    (AGREES, []),
    ({"id": int, "name": str, "amount": Decimal}, ["Thing.note: in Thing only"]),  # the contract gained a field
    (AGREES | {"extra": int}, ["Thing.extra: in GraphQL only"]),  # GraphQL has a field the contract lacks
    (AGREES | {"amount": str}, ["Thing.amount: GraphQL String!, Thing Decimal!"]),  # retyped
    (AGREES | {"name": str | None}, ["Thing.name: GraphQL String, Thing String!"]),  # nullable on one side only
    (AGREES | {"note": str}, ["Thing.note: GraphQL String!, Thing String"]),
])
def test_the_check_fails_when_one_side_gains_loses_or_retypes_a_field(fields, found):
    assert disagreements(_schema(**fields)._schema, {"Thing": Thing}) == found


def test_a_declared_difference_must_be_real_and_exact():
    schema = _schema(**AGREES | {"amount": str})._schema
    assert disagreements(schema, {"Thing": Thing}, {("Thing", "amount"): "String!"}) == []
    assert disagreements(schema, {"Thing": Thing}, {("Thing", "amount"): "Int!"}) == \
        ["Thing.amount: GraphQL String!, Thing Decimal!"]
    assert disagreements(_schema(**AGREES)._schema, {"Thing": Thing}, {("Thing", "amount"): "String!"}) == \
        ["Thing.amount: declared different but agrees now"]
