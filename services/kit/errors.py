"""One error hierarchy, rendered as RFC 9457 application/problem+json."""
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"


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

    def __str__(self) -> str:
        return f"{self.code}: {self.detail}"


def not_found(code: str, detail: str) -> DomainError:
    """404 with the given code."""
    return DomainError(404, code, detail)


def conflict(code: str, detail: str, **extra: Any) -> DomainError:
    """409: the request conflicts with the current state."""
    return DomainError(409, code, detail, extra=extra)


def unprocessable(code: str, detail: str, fields: list[FieldError] | None = None, **extra: Any) -> DomainError:
    """422: the payload is well-formed but breaks a rule."""
    return DomainError(422, code, detail, fields or [], extra)


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
    headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
    return JSONResponse(body, status_code=error.status, media_type=PROBLEM_JSON, headers=headers)


_PYDANTIC_MESSAGES = {
    "missing": "必填项缺失",
    "extra_forbidden": "不允许的字段",
    "string_too_short": "内容过短或为空",
    "string_too_long": "内容过长",
    "int_parsing": "应为整数",
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
}


def _field_path(loc: tuple) -> str:
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
        fields.append(FieldError(_field_path(tuple(err.get("loc", ()))), message))
    return unprocessable("request.invalid", "请求内容有误，请检查标出的字段", fields)


_HTTP_CODES = {404: ("http.not_found", "请求的地址不存在"), 405: ("http.method_not_allowed", "不支持该请求方法")}


def install_error_handlers(app: FastAPI) -> None:
    """Render every error the app can raise as problem+json; never a 500 for bad input."""

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        return problem_response(exc, request.url.path)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem_response(validation_problem(exc), request.url.path)

    @app.exception_handler(StaleDataError)
    async def _stale(request: Request, exc: StaleDataError) -> JSONResponse:
        # A concurrent request changed the row between our read and our write.
        error = DomainError(412, "precondition.failed", "记录已被他人同时修改，请重新读取后再操作")
        return problem_response(error, request.url.path)

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> JSONResponse:
        error = DomainError(409, "resource.conflict", "与已有记录冲突（重复或被并发修改），请核对后重试")
        return problem_response(error, request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, detail = _HTTP_CODES.get(exc.status_code, (f"http.{exc.status_code}", str(exc.detail)))
        return problem_response(DomainError(exc.status_code, code, detail), request.url.path)
