"""One error hierarchy, rendered as RFC 9457 application/problem+json; every failure becomes a problem."""
import itertools
import logging
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import asyncpg.exceptions as pg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from sqlalchemy import exc as sa
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PROBLEM_JSON = "application/problem+json"
REQUEST_ID = "X-Request-Id"
_REQUEST_ID_KEY = REQUEST_ID.lower().encode()
RETRY_AFTER_SECONDS = 5

log = logging.getLogger("services.kit.errors")


@dataclass
class FieldError:
    """One failing field: a dotted path and a Chinese message."""

    field: str
    message: str


@dataclass
class DomainError(Exception):
    """A refused request: HTTP status, stable English code, Chinese detail, failing fields."""

    status: int
    code: str
    detail: str
    fields: list[FieldError] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.code}: {self.detail}"


def unseen(noun: str, row_id: int) -> str:
    """The detail of a 404 for a record the caller cannot read (whether it exists elsewhere is not disclosed)."""
    return f"{noun} {row_id} 不存在或不在查看范围内"


def not_found(code: str, detail: str) -> DomainError:
    """404 with the given code."""
    return DomainError(404, code, detail)


def conflict(code: str, detail: str, **extra: Any) -> DomainError:
    """409: the request conflicts with the current state."""
    return DomainError(409, code, detail, extra=extra)


def unprocessable(code: str, detail: str, fields: list[FieldError] | None = None, **extra: Any) -> DomainError:
    """422: the payload is well-formed but breaks a rule."""
    return DomainError(422, code, detail, fields or [], extra)


def unavailable(detail: str = "数据库暂时无法访问，请稍后重试") -> DomainError:
    """503 service.unavailable: a dependency does not answer; the request changed nothing (Retry-After follows)."""
    return DomainError(503, "service.unavailable", detail)


def problem_response(error: DomainError, instance: str | None = None) -> JSONResponse:
    """Render a DomainError as an RFC 9457 problem document."""
    body: dict[str, Any] = {
        "type": f"urn:liuzhou:problem:{error.code}",
        "title": error.code,
        "status": error.status,
        "code": error.code,
        "detail": error.detail,
        "fields": [{"field": f.field, "message": f.message} for f in error.fields],
        **error.extra,
    }
    if instance:
        body["instance"] = instance
    headers = dict(error.headers)
    if error.status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if error.status == 503:  # every 503 (the database, or a service this one needs) says when to retry
        headers.setdefault("Retry-After", str(RETRY_AFTER_SECONDS))
    return JSONResponse(body, status_code=error.status, media_type=PROBLEM_JSON, headers=headers or None)


_PYDANTIC_MESSAGES = {
    "missing": "必填项缺失",
    "extra_forbidden": "不允许的字段",
    "string_too_short": "内容过短或为空",
    "string_too_long": "内容过长",
    "string_type": "应为文本",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "decimal_parsing": "应为金额数字",
    "bool_parsing": "应为是或否",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "greater_than": "数值过小",
    "enum": "不是允许的取值",
    "literal_error": "不是允许的取值",
    "decimal_max_places": "金额最多两位小数",
    "too_short": "至少需要一项",
    "too_long": "项目过多",
    "json_invalid": "请求体不是有效的 JSON",
    "model_attributes_type": "应为 JSON 对象",
    "dict_type": "应为 JSON 对象",
    "list_type": "应为列表",
    "string_pattern_mismatch": "格式不符",
}


def _field_path(loc: tuple[int | str, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "body"


def validation_problem(exc: RequestValidationError) -> DomainError:
    """Map FastAPI/pydantic validation errors to a 422 problem listing every failing field."""
    fields = []
    for err in exc.errors():
        kind = err.get("type", "")
        if kind == "value_error":  # our own validators raise ValueError with a Chinese message
            message = str(err.get("ctx", {}).get("error", err.get("msg")))
        else:
            message = _PYDANTIC_MESSAGES.get(kind) or err.get("msg", "无效")
        # A JSON syntax error is located by character offset, not by field: it is the body's.
        path = "body" if kind == "json_invalid" else _field_path(tuple(err.get("loc", ())))
        fields.append(FieldError(path, message))
    if any(err.get("type") == "json_invalid" for err in exc.errors()):
        return unprocessable("request.invalid", "请求体不是有效的 JSON，无法解析", fields)
    return unprocessable("request.invalid", "请求内容有误，请检查标出的字段", fields)


def bad_path_problem(request: Request, exc: RequestValidationError) -> DomainError | None:
    """A path parameter that fails validation names no resource: 404 with that resource's code, or None."""
    bad = [err["loc"][1] for err in exc.errors() if tuple(err.get("loc", ()))[:1] == ("path",)]
    if not bad:
        return None
    codes: dict[str, tuple[str, str]] = getattr(request.app.state, "not_found", {})
    code, noun = codes.get(str(bad[0]), ("http.not_found", "记录"))
    value = request.path_params.get(str(bad[0]), "")
    return not_found(code, f"{noun} {value} 不存在或不在当前账号的查看范围内")


# A database that does not answer: connection refused, reset or lost, timeouts, an exhausted pool, a server
# starting up, shutting down or out of connections, SQLite unable to open its file. Retrying later is right.
_UNAVAILABLE = (ConnectionError, TimeoutError, sa.TimeoutError, sa.OperationalError, sa.InterfaceError,
                sa.DisconnectionError, pg.PostgresConnectionError, pg.InsufficientResourcesError,
                pg.OperatorInterventionError, pg.InterfaceError)


# A value the database cannot hold: a number beyond its integer range, a string longer than its column, bytes it
# cannot store. Bad input that slipped past the edge: a 422, never a 500 (and a warning, so the edge gets a bound).
_BAD_DATA = (OverflowError, sa.DataError, pg.DataError)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception and what it wraps: SQLAlchemy wraps the driver's adapter error, which wraps the driver's own."""
    found: BaseException | None = exc
    for _ in range(4):
        if found is None:
            return
        yield found
        found = getattr(found, "orig", None) or found.__cause__


def is_unavailable(exc: BaseException) -> bool:
    """True when the exception (or what it wraps) means the database did not answer."""
    return any(isinstance(e, _UNAVAILABLE) or (isinstance(e, sa.DBAPIError) and e.connection_invalidated)
               for e in _chain(exc))


def _classify(exc: Exception, request_id: str, where: str) -> DomainError:
    """The problem an exception no handler took stands for: 503, 422 or 500."""
    if is_unavailable(exc):
        log.warning("database unavailable (request %s %s): %s: %s", request_id, where, type(exc).__name__, exc)
        return unavailable()
    if any(isinstance(e, _BAD_DATA) for e in _chain(exc)):
        log.warning("a value beyond the database's range (request %s %s): %s", request_id, where, exc)
        return unprocessable("request.invalid", "请求中有超出可保存范围的值（如编号或数字过大、文字过长），请检查")
    log.exception("unhandled error (request %s %s)", request_id, where)
    return DomainError(500, "server.error", f"服务内部错误，请联系管理员并提供请求编号 {request_id}")


def _allowed_methods(request: Request) -> str:
    """Every method some route answers at this path (Starlette's own 405 names only the first route's)."""
    methods: set[str] = set()
    probe = {**request.scope, "method": "OPTIONS-PROBE"}  # matches every route of the path partially
    for route in iter_route_contexts(request.app.router.routes):
        if route.methods and route.matches(probe)[0] != Match.NONE:
            methods |= route.methods
    return ", ".join(sorted(methods))


_HTTP_CODES = {404: ("http.not_found", "请求的地址不存在"), 405: ("http.method_not_allowed", "不支持该请求方法")}


def install_error_handlers(app: FastAPI) -> None:
    """Render every error the app can raise as problem+json; never a 500 for bad input."""

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        return problem_response(exc, request.url.path)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem_response(bad_path_problem(request, exc) or validation_problem(exc), request.url.path)

    @app.exception_handler(StaleDataError)
    async def _stale(request: Request, exc: StaleDataError) -> JSONResponse:
        # A concurrent request changed the row between our read and our write: a failed precondition when the
        # caller sent one (If-Match), otherwise a plain conflict.
        if "if-match" in request.headers:
            error = DomainError(412, "precondition.failed", "记录已被他人同时修改，请重新读取后再操作")
        else:
            error = DomainError(409, "resource.conflict", "记录已被他人同时修改，请重新读取后再操作")
        return problem_response(error, request.url.path)

    @app.exception_handler(sa.IntegrityError)
    async def _integrity(request: Request, exc: sa.IntegrityError) -> JSONResponse:
        error = DomainError(409, "resource.conflict", "与已有记录冲突（重复或被并发修改），请核对后重试")
        return problem_response(error, request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # the framework could not even parse the body (e.g. not UTF-8): a bad payload
            error = unprocessable("request.invalid", "请求体无法解析，须为 UTF-8 编码的 JSON",
                                  [FieldError("body", "请求体不是有效的 JSON")])
            return problem_response(error, request.url.path)
        code, detail = _HTTP_CODES.get(exc.status_code, (f"http.{exc.status_code}", str(exc.detail)))
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = _allowed_methods(request)
        return problem_response(DomainError(exc.status_code, code, detail, headers=headers), request.url.path)


_GIVEN_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# A random prefix per process and a serial: unique across processes, and cheaper than a uuid4 per request.
_PROCESS, _SERIAL = uuid.uuid4().hex[:16], itertools.count(1)


class ProblemMiddleware:
    """Pure ASGI: every request gets an id (X-Request-Id, taken from the caller when well-formed; also
    request.state.request_id), and an exception no handler took becomes a problem — 503 service.unavailable when
    the database does not answer, 422 for a value it cannot hold, otherwise 500 server.error — with the
    traceback in the log and never in the answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = next((v for k, v in scope["headers"] if k == _REQUEST_ID_KEY), b"").decode("latin-1")
        request_id = given if _GIVEN_ID.fullmatch(given) else f"{_PROCESS}{next(_SERIAL):08x}"
        scope.setdefault("state", {})["request_id"] = request_id
        started = False

        async def _send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), (_REQUEST_ID_KEY, request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, _send)
        except Exception as exc:
            if started:  # the answer is on its way: nothing can be said any more
                raise
            error = _classify(exc, request_id, f"{scope['method']} {scope['path']}")
            error.extra["request_id"] = request_id
            await problem_response(error, scope["path"])(scope, receive, _send)
