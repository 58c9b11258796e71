"""Every failure is a problem: 500 with a request id and no traceback, 503 when the database does not answer,
malformed path ids 404, 405 with Allow, unparsable bodies in Chinese — the same in every service."""
import logging
import re

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import exc as sa
from sqlalchemy.orm.exc import StaleDataError

from services.kit.auth import Role
from services.kit.errors import PROBLEM_JSON, DomainError
from services.kit.testing import bearer, serve_in_process

ADMIN = bearer(Role.ADMIN)
OWNER = bearer(Role.PROJECT_OWNER, "450225", "融水县农业农村局")
BEYOND_64_BITS = 2**64


def _is_problem(r: httpx.Response, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == PROBLEM_JSON
    body = r.json()
    assert body["code"] == code and body["status"] == status
    return body


def _crash_route(app: FastAPI, error: BaseException) -> None:
    async def crash() -> None:
        raise error

    app.add_api_route("/crash", crash, methods=["GET", "POST"])


async def test_an_unexpected_error_is_a_500_problem_with_its_request_id_and_no_traceback(projects_app, caplog):
    _crash_route(projects_app, RuntimeError("secret internals at /srv/app.py line 12"))
    caplog.set_level(logging.ERROR, logger="services.kit.errors")
    async with serve_in_process(projects_app) as client:
        r = await client.get("/crash")
    body = _is_problem(r, 500, "server.error")
    request_id = r.headers["X-Request-Id"]
    assert body["request_id"] == request_id and request_id in body["detail"]
    assert "secret" not in r.text and "Traceback" not in r.text and "RuntimeError" not in r.text
    logged = [rec for rec in caplog.records if request_id in rec.getMessage()]
    assert logged and logged[0].exc_info is not None  # the traceback went to the log
    assert "secret internals" in caplog.text


async def test_every_answer_carries_a_request_id_and_a_well_formed_one_is_kept(projects):
    mine = await projects.get("/healthz", headers={"X-Request-Id": "gateway-abc.123"})
    assert mine.headers["X-Request-Id"] == "gateway-abc.123"
    forged = await projects.get("/healthz", headers={"X-Request-Id": "a b\tc" + "x" * 100})
    ours = [forged.headers["X-Request-Id"], (await projects.get("/projects/1", headers=ADMIN)).headers["X-Request-Id"]]
    assert all(re.fullmatch(r"[0-9a-f]{24}", i) for i in ours) and ours[0] != ours[1]


@pytest.mark.parametrize("error", [
    sa.TimeoutError("QueuePool limit of size 10 overflow 10 reached, connection timed out"),
    ConnectionRefusedError(111, "Connect call failed"),
    TimeoutError(),
    asyncpg.exceptions.TooManyConnectionsError("sorry, too many clients already"),
    sa.OperationalError("SELECT 1", {}, Exception("unable to open database file")),
    sa.DBAPIError("SELECT 1", {}, asyncpg.exceptions.CannotConnectNowError("the database system is starting up")),
], ids=["pool-exhausted", "refused", "timeout", "too-many-clients", "cannot-open", "starting-up"])
async def test_a_database_that_does_not_answer_is_a_503_with_retry_after(projects_app, error):
    _crash_route(projects_app, error)
    async with serve_in_process(projects_app) as client:
        r = await client.get("/crash")
    body = _is_problem(r, 503, "service.unavailable")
    assert r.headers["Retry-After"] == "5" and body["request_id"] == r.headers["X-Request-Id"]


async def test_every_503_says_when_to_retry(projects_app):
    _crash_route(projects_app, DomainError(503, "funds.projects_unavailable", "项目库服务暂时无法访问"))
    async with serve_in_process(projects_app) as client:
        r = await client.get("/crash")
    _is_problem(r, 503, "funds.projects_unavailable")
    assert r.headers["Retry-After"] == "5"


@pytest.mark.parametrize("error", [
    OverflowError("Python int too large to convert to SQLite INTEGER"),
    sa.DBAPIError("INSERT", {}, asyncpg.exceptions.StringDataRightTruncationError("value too long for varchar(200)")),
    sa.DBAPIError("SELECT", {}, asyncpg.exceptions.NumericValueOutOfRangeError("numeric field overflow")),
], ids=["sqlite-int", "too-long", "numeric"])
async def test_a_value_the_database_cannot_hold_is_a_422(projects_app, error):
    _crash_route(projects_app, error)
    async with serve_in_process(projects_app) as client:
        body = _is_problem(await client.post("/crash"), 422, "request.invalid")
    assert "超出" in body["detail"]


async def test_a_number_beyond_64_bits_in_a_body_is_a_422_not_a_500(employment):
    entry = {"labourer_id": BEYOND_64_BITS, "kind": "enterprise", "employer_id": 1, "starts_on": "2026-03-01"}
    _is_problem(await employment.post("/placements", headers=ADMIN, json=entry), 422, "request.invalid")


@pytest.mark.parametrize("error", [ValueError("bug"), sa.ProgrammingError("SELECT x", {}, Exception("no column x"))])
async def test_other_errors_stay_500(projects_app, error):
    _crash_route(projects_app, error)
    async with serve_in_process(projects_app) as client:
        _is_problem(await client.get("/crash"), 500, "server.error")


async def test_a_concurrent_change_is_412_with_if_match_and_409_without(projects_app):
    _crash_route(projects_app, StaleDataError("UPDATE statement on table 'projects' expected to update 1 row"))
    async with serve_in_process(projects_app) as client:
        _is_problem(await client.post("/crash", headers={"If-Match": '"3"'}), 412, "precondition.failed")
        _is_problem(await client.post("/crash"), 409, "resource.conflict")


def _closed_database(backend: str) -> str:
    if backend == "postgres":
        return "postgresql+asyncpg://postgres@127.0.0.1:1/nothing_listens_here"
    return "sqlite+aiosqlite:////nonexistent-directory/never.db"


@pytest.mark.parametrize("service, read, write, payload", [
    ("projects", "/projects/1", "/projects/1/admit", None),
    ("funds", "/batches/1", "/rectification-cases/sweep", None),
    ("employment", "/labourers/1", "/placements/1/end", {"ends_on": "2026-01-31"}),
])
async def test_every_service_answers_503_while_its_database_is_down(backend, service, read, write, payload):
    module = __import__(f"services.{service}.app", fromlist=["create_app"])
    config = __import__(f"services.{service}.config", fromlist=["Settings"])
    settings = config.Settings(database_url=_closed_database(backend))
    if service == "funds":
        settings = settings.model_copy(update={"feed_poll_seconds": 0})
    async with serve_in_process(module.create_app(settings)) as client:
        for method, path in (("GET", read), ("POST", write)):
            r = await client.request(method, path, headers=ADMIN | {"If-Match": '"1"'}, json=payload)
            body = _is_problem(r, 503, "service.unavailable")
            assert r.headers["Retry-After"] == "5" and "数据库" in body["detail"]
        assert (await client.get("/healthz")).status_code == 200  # the process itself still answers


# (service, method, path, code, the field a 422 names; None for a 404): a malformed path id names no resource, so
# it is that resource's 404; a number out of range in a query is a 422 naming it. Each was a 500 or a 422 before.
BAD_INPUT = [
    ("projects", "GET", f"/projects/{BEYOND_64_BITS}", "project.not_found", None),
    ("projects", "GET", f"/projects/{BEYOND_64_BITS}/timeline", "project.not_found", None),
    ("projects", "GET", "/projects/0", "project.not_found", None),
    ("projects", "GET", "/projects/-5/plans", "project.not_found", None),
    ("projects", "GET", "/projects/abc/objections", "project.not_found", None),
    ("projects", "GET", f"/plans/450225/{BEYOND_64_BITS}", "plan.not_found", None),
    ("projects", "POST", f"/projects/{BEYOND_64_BITS}/review", "project.not_found", None),  # bad body too: 404 first
    ("projects", "GET", f"/projects?ids=1,{BEYOND_64_BITS}", "request.invalid", "ids"),
    ("projects", "GET", "/projects?ids=1,²", "request.invalid", "ids"),
    ("funds", "GET", f"/batches/{BEYOND_64_BITS}", "funds.batch_not_found", None),
    ("funds", "GET", f"/allocations/{BEYOND_64_BITS}/spendings", "funds.allocation_not_found", None),
    ("funds", "POST", f"/spendings/{BEYOND_64_BITS}/reversal", "funds.spending_not_found", None),
    ("funds", "GET", f"/rectification-cases/{BEYOND_64_BITS}", "funds.case_not_found", None),
    ("funds", "PUT", f"/idle-funds/allocation/{BEYOND_64_BITS}/class", "funds.idle_item_not_found", None),
    ("funds", "PUT", "/idle-funds/pocket/1/class", "funds.idle_item_not_found", None),
    ("funds", "GET", f"/allocations?batch_id={BEYOND_64_BITS}", "request.invalid", "batch_id"),
    ("funds", "GET", f"/allocations?project_ids={BEYOND_64_BITS}", "request.invalid", "project_ids"),
    ("funds", "GET", "/idle-funds?project_ids=²", "request.invalid", "project_ids"),
    ("funds", "GET", f"/rectification-cases?project_ids=3,{BEYOND_64_BITS}", "request.invalid", "project_ids"),
    ("funds", "GET", f"/funding?ids={BEYOND_64_BITS}", "request.invalid", "ids"),
    ("funds", "GET", f"/spending-progress?year={BEYOND_64_BITS}", "request.invalid", "year"),
    ("funds", "GET", f"/idle-funds/sums?year=-{BEYOND_64_BITS}", "request.invalid", "year"),
    ("funds", "GET", f"/events?after={BEYOND_64_BITS}", "request.invalid", "after"),
    ("employment", "GET", f"/labourers/{BEYOND_64_BITS}", "labourer.not_found", None),
    ("employment", "POST", f"/placements/{BEYOND_64_BITS}/end", "placement.not_found", None),
    ("employment", "POST", f"/employers/{BEYOND_64_BITS}/projects", "employer.not_found", None),
    ("employment", "GET", f"/group-projects/{BEYOND_64_BITS}", "group_project.not_found", None),
    ("employment", "GET", f"/courses/{BEYOND_64_BITS}", "course.not_found", None),
    ("employment", "GET", f"/labourers?ids={BEYOND_64_BITS}", "request.invalid", "ids"),
    ("employment", "GET", f"/employers?ids=1,{BEYOND_64_BITS}", "request.invalid", "ids"),
    ("employment", "GET", f"/placements?labourer_id={BEYOND_64_BITS}", "request.invalid", "labourer_id"),
    ("employment", "GET", f"/quotas/compliance?kind=enterprise&period=2026&subject_id={BEYOND_64_BITS}",
     "request.invalid", "subject_id"),
    ("collaboration", "GET", f"/pairings/{BEYOND_64_BITS}", "collaboration.pairing_not_found", None),
    ("collaboration", "PATCH", f"/agreements/{BEYOND_64_BITS}", "collaboration.agreement_not_found", None),
    ("collaboration", "POST", f"/key-tasks/{BEYOND_64_BITS}/progress", "collaboration.task_not_found", None),
    ("collaboration", "GET", f"/collaboration-projects/{BEYOND_64_BITS}", "collaboration.project_not_found", None),
    ("collaboration", "GET", f"/key-tasks?ids=1,{BEYOND_64_BITS}", "request.invalid", "ids"),
    ("collaboration", "GET", f"/collaboration-projects?project_ids={BEYOND_64_BITS}", "request.invalid",
     "project_ids"),
    ("collaboration", "GET", f"/funds?year={BEYOND_64_BITS}", "request.invalid", "year"),
]


async def _each_bad_input_is_a_clear_problem(client: httpx.AsyncClient, service: str) -> None:
    headers = ADMIN | {"If-Match": '"1"', "Idempotency-Key": "k-1"}
    for method, path, code, field in [row[1:] for row in BAD_INPUT if row[0] == service]:
        r = await client.request(method, path, headers=headers, json={})
        body = _is_problem(r, 404 if field is None else 422, code)
        assert "不存在" in body["detail"] if field is None else [f["field"] for f in body["fields"]] == [field], path


async def test_bad_ids_in_projects_paths_and_queries(projects):
    await _each_bad_input_is_a_clear_problem(projects, "projects")


async def test_bad_ids_in_funds_paths_and_queries(funds):
    await _each_bad_input_is_a_clear_problem(funds, "funds")


async def test_bad_ids_in_employment_paths_and_queries(employment):
    await _each_bad_input_is_a_clear_problem(employment, "employment")


async def test_bad_ids_in_collaboration_paths_and_queries(collaboration):
    await _each_bad_input_is_a_clear_problem(collaboration, "collaboration")


@pytest.mark.parametrize("method, path, allowed", [
    ("DELETE", "/projects", "GET, POST"),
    ("PATCH", "/projects/1", "GET, PUT"),
    ("GET", "/projects/1/review", "POST"),
])
async def test_405_says_which_methods_are_allowed(projects, method, path, allowed):
    r = await projects.request(method, path, headers=ADMIN)
    _is_problem(r, 405, "http.method_not_allowed")
    assert r.headers["Allow"] == allowed


@pytest.mark.parametrize("content", [b'{"name": "x",', b"\xff\xfe\x00garbage", b"not json at all"])
async def test_a_body_that_is_not_json_gets_a_chinese_detail(projects, content):
    r = await projects.post("/projects", content=content, headers=OWNER | {"Content-Type": "application/json"})
    body = _is_problem(r, 422, "request.invalid")
    assert "JSON" in body["detail"] and "请求体" in body["detail"]
    assert body["fields"] == [{"field": "body", "message": "请求体不是有效的 JSON"}]


@pytest.mark.parametrize("if_match", ["²", "١٢", '"99999999999999999999999"', "W/"])
async def test_an_unreadable_if_match_is_412_not_500(projects, if_match):
    headers = {"If-Match": if_match.encode()}  # raw UTF-8 bytes, as a careless client sends them
    r = await projects.post("/projects/1/resubmit", headers=ADMIN | headers, json={"note": "x"})
    _is_problem(r, 412, "precondition.failed")
