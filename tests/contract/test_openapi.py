"""The contracts tell the truth: problems documented as problem+json with one Problem schema, the headers routes
read declared, a bearer security scheme, readable operation ids, bounded path ids."""
import re

import pytest

from services.collaboration.app import create_app as collaboration_app
from services.employment.app import create_app as employment_app
from services.funds.app import create_app as funds_app
from services.kit.errors import PROBLEM_JSON
from services.kit.ids import MAX_ID
from services.projects.app import create_app as projects_app

CONTRACTS = {name: factory().openapi() for name, factory in
             (("projects", projects_app), ("funds", funds_app), ("employment", employment_app),
              ("collaboration", collaboration_app))}
PROBLEM = {"schema": {"$ref": "#/components/schemas/Problem"}}
MONEY_POSTS = {"/batches", "/batches/{batch_id}/allocations", "/allocations/{allocation_id}/spendings",
               "/spendings/{spending_id}/reversal", "/allocations/{allocation_id}/recoveries",
               "/recoveries/{recovery_id}/reallocations", "/ledgers/spendings.xlsx"}


def operations(service: str):
    """(path, method, operation) of every operation of a service."""
    for path, item in CONTRACTS[service]["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def _headers(operation: dict) -> set[str]:
    return {p["name"] for p in operation.get("parameters", []) if p["in"] == "header"}


@pytest.mark.parametrize("service", CONTRACTS)
def test_one_problem_schema_and_a_bearer_scheme(service):
    components = CONTRACTS[service]["components"]
    problem = components["schemas"]["Problem"]
    assert {"type", "title", "status", "code", "detail", "fields"} <= set(problem["required"])
    assert problem["properties"]["fields"]["items"] == {"$ref": "#/components/schemas/FieldProblem"}
    assert "HTTPValidationError" not in components["schemas"]  # FastAPI's own 422 body is never answered
    assert components["securitySchemes"] == {"bearerAuth": {
        "type": "http", "scheme": "bearer", "bearerFormat": "JWT", "description": components["securitySchemes"][
            "bearerAuth"]["description"]}}


@pytest.mark.parametrize("service", CONTRACTS)
def test_every_error_answer_is_a_problem(service):
    for path, method, operation in operations(service):
        for status, answer in operation["responses"].items():
            if int(status) >= 400 and path != "/readyz":
                assert answer["content"] == {PROBLEM_JSON: PROBLEM}, (method, path, status)
        assert "500" in operation["responses"], (method, path)


@pytest.mark.parametrize("service", CONTRACTS)
def test_every_guarded_operation_documents_401_403_and_every_input_422(service):
    guarded = 0
    for path, method, operation in operations(service):
        answers = operation["responses"]
        if path not in ("/healthz", "/readyz"):
            guarded += 1
            assert operation["security"] == [{"bearerAuth": []}], (method, path)
            assert {"401", "403", "503"} <= set(answers), (method, path)
        if operation.get("parameters") or operation.get("requestBody"):
            assert "422" in answers, (method, path)
        if "{" in path:
            assert "404" in answers, (method, path)
        if method in ("post", "put"):
            assert "409" in answers, (method, path)
    assert guarded >= 20


@pytest.mark.parametrize("service", CONTRACTS)
def test_if_match_routes_declare_the_header_and_412_428(service):
    found = 0
    for path, method, operation in operations(service):
        if "If-Match" in _headers(operation):
            found += 1
            assert {"412", "428"} <= set(operation["responses"]), (method, path)
    assert found >= {"projects": 15, "funds": 2, "employment": 0, "collaboration": 4}[service]


def test_money_moving_posts_declare_idempotency_key_with_400_and_422():
    declared = {(path, method) for path, method, op in operations("funds") if "Idempotency-Key" in _headers(op)}
    assert declared == {(path, "post") for path in MONEY_POSTS}
    for path, method, operation in operations("funds"):
        if path in MONEY_POSTS and method == "post":
            assert {"400", "422"} <= set(operation["responses"]), path


def test_a_503_says_when_to_retry():
    answer = CONTRACTS["projects"]["paths"]["/projects/{project_id}"]["get"]["responses"]["503"]
    assert answer["headers"]["Retry-After"]["schema"] == {"type": "integer"}


@pytest.mark.parametrize("service", CONTRACTS)
def test_operation_ids_are_the_function_names_and_unique(service):
    ids = [operation["operationId"] for _, _, operation in operations(service)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids), ids
    assert {"healthz", "read_events"} <= set(ids)


@pytest.mark.parametrize("service", CONTRACTS)
def test_every_path_id_is_one_bounded_id(service):
    seen = 0
    for path, method, operation in operations(service):
        for p in operation.get("parameters", []):
            if p["in"] == "path" and p["name"].endswith("_id"):
                seen += 1
                assert (p["schema"]["minimum"], p["schema"]["maximum"]) == (1, MAX_ID), (method, path, p["name"])
    assert seen >= 5


def test_route_specific_refusals_keep_their_codes():
    review = CONTRACTS["projects"]["paths"]["/projects/{project_id}/review"]["post"]["responses"]
    assert "project.invalid_transition" in review["409"]["description"]
    allocate = CONTRACTS["funds"]["paths"]["/batches/{batch_id}/allocations"]["post"]["responses"]
    assert "funds.over_budget" in allocate["409"]["description"]
    place = CONTRACTS["employment"]["paths"]["/placements"]["post"]["responses"]
    assert "labourer.not_found" in place["404"]["description"] and "placement.overlap" in place["409"]["description"]
