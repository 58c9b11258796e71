"""The OpenAPI contract tells the truth: every operation's problem answers, headers, security and operation id.

The standard error answers are derived from what a route depends on rather than written on every route: a
dependency marked with `answers(...)` (bearer auth → 401, a role check → 403, If-Match → 412/428,
Idempotency-Key → 400/422, a database session → 503) lends its statuses to every route that uses it; path
parameters add 404, any input 422, any write 409 (a unique constraint or a concurrent change can refuse it)
and every route 500. Routes add only the refusals their service can give, with codes, via `problems()`.

It is also shaped for standard client generators (openapi-python-client, openapi-generator): one schema per
model, downloads declared as binary, every tag declared with its Chinese term (`Tags`).
"""
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, RouteContext, iter_route_contexts
from pydantic import BaseModel, ConfigDict, Field

from services.kit.errors import PROBLEM_JSON, RETRY_AFTER_SECONDS

BEARER = "bearerAuth"
_PROBLEM_REF = "#/components/schemas/Problem"
_WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_SCHEMAS = "#/components/schemas/"
BINARY = {"type": "string", "format": "binary"}
# Tag name (English: generators make module names of it) -> description (the Chinese term officials know).
Tags = Mapping[str, str]
KIT_TAGS: dict[str, str] = {"ops": "运维：健康检查、就绪检查、Prometheus 指标",
                            "events": "事件流：按提交顺序、按凭证范围读取本服务的类型化事件"}

STANDARD: dict[int, str] = {
    400: "Bad request: idempotency.key_required (Idempotency-Key missing or unusable)",
    401: "auth.unauthenticated: no valid bearer token",
    403: "auth.forbidden (the role may not) or auth.out_of_scope (another county or organisation)",
    404: "Not found, or outside the caller's scope (existence is not disclosed); a malformed path id too",
    409: "Conflict with the current state: resource.conflict, or the refusal named by `code`",
    412: "precondition.failed: If-Match is stale or unreadable (read again, then retry)",
    422: "request.invalid (`fields` names every failing field), or a rule named by `code`",
    428: "precondition.required: If-Match is missing",
    500: "server.error: an unexpected error, logged under `request_id`",
    503: "service.unavailable: the database (or a service this one needs) does not answer; nothing changed",
}


class FieldProblem(BaseModel):
    """One failing field of a problem."""

    field: str = Field(description="出错字段（点分路径；请求头用其名称）")
    message: str = Field(description="中文说明")


class Problem(BaseModel):
    """RFC 9457 problem document (application/problem+json): every error answer of every service."""

    model_config = ConfigDict(extra="allow")  # some codes add context, e.g. current_state, allowed_roles

    type: str = Field(description="urn:liuzhou:problem:<code>")
    title: str
    status: int
    code: str = Field(description="稳定的英文错误码，如 project.not_found")
    detail: str = Field(description="中文说明")
    fields: list[FieldProblem] = Field(description="每个出错的字段")
    instance: str | None = Field(None, description="请求的路径")
    request_id: str | None = Field(None, description="500 / 503 时的请求编号（同 X-Request-Id 响应头）")


F = TypeVar("F", bound=Callable[..., Any])


def answers(*statuses: int) -> Callable[[F], F]:
    """Mark a dependency (or endpoint) with the problem statuses it can answer; every route using it documents them."""
    def mark(fn: F) -> F:
        fn.__answers__ = frozenset(getattr(fn, "__answers__", frozenset()) | set(statuses))  # type: ignore[attr-defined]
        return fn
    return mark


def problem_answer(status: int, description: str | None = None) -> dict[str, Any]:
    """One OpenAPI response: a problem+json document with the shared Problem schema."""
    answer: dict[str, Any] = {"description": description or STANDARD.get(status, "Problem"),
                              "content": {PROBLEM_JSON: {"schema": {"$ref": _PROBLEM_REF}}}}
    if status == 503:
        answer["headers"] = {"Retry-After": {"description": f"建议的重试等待秒数（{RETRY_AFTER_SECONDS}）",
                                             "schema": {"type": "integer"}}}
    return answer


def problems(described: dict[int, str]) -> dict[int | str, dict[str, Any]]:
    """The refusals a route's service can give beyond the derived ones, each described with its codes."""
    return {status: problem_answer(status, text) for status, text in described.items()}


def api_routes(app: FastAPI) -> list[RouteContext]:
    """Every documented API operation of the app as served: with its routers' prefixes and dependencies."""
    return [r for r in iter_route_contexts(app.routes)
            if isinstance(r.original_route, APIRoute) and r.include_in_schema]


def _dependants(dependant: Dependant) -> Iterator[Dependant]:
    yield dependant
    for sub in dependant.dependencies:
        yield from _dependants(sub)


def path_params(route: RouteContext) -> list[str]:
    """Names of the route's path parameters, wherever in its dependencies they are declared."""
    return [p.name for d in _dependants(route.dependant) for p in d.path_params]


def statuses_of(route: RouteContext) -> set[int]:
    """Every problem status the route can answer, from its dependencies, parameters and method."""
    found = {500}
    for dependant in _dependants(route.dependant):
        found |= getattr(dependant.call, "__answers__", frozenset())
        if dependant.path_params:
            found.add(404)
        if dependant.path_params or dependant.query_params or dependant.header_params or dependant.body_params:
            found.add(422)
    if (route.methods or set()) & _WRITES:
        found.add(409)
    return found


def _tell_the_truth(schema: dict[str, Any], routes: list[RouteContext], tags: Tags) -> None:
    for route in routes:
        statuses = statuses_of(route)
        for method in route.methods or ():
            operation = schema["paths"][route.path_format][method.lower()]
            operation["operationId"] = route.name  # readable and stable: the endpoint function's name
            for status in statuses:
                declared = route.responses.get(status, {}).get("description")
                operation["responses"][str(status)] = problem_answer(status, declared)
            operation["responses"] = dict(sorted(operation["responses"].items()))
            if 401 in statuses:
                operation["security"] = [{BEARER: []}]
    _binary_downloads(schema)
    _declare_tags(schema, tags)
    components = schema.setdefault("components", {})
    problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}", mode="serialization")
    schemas = {**components.get("schemas", {}), **problem.pop("$defs", {}), "Problem": problem}
    for unused in ("HTTPValidationError", "ValidationError"):  # FastAPI's own 422 body, replaced above
        schemas.pop(unused, None)
    components["schemas"] = dict(sorted(_one_schema_per_model(schemas, schema).items()))
    components["securitySchemes"] = {BEARER: {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                                              "description": "make token ROLE=… COUNTY=… ORG=… 签发的令牌"}}


def _binary_downloads(schema: dict[str, Any]) -> None:
    """A download declared by its content type alone (an .xlsx ledger) is a binary string, which generators
    turn into a file answer instead of dropping the operation's answer."""
    for operation in (op for path in schema["paths"].values() for op in path.values()):
        for response in operation["responses"].values():
            for media_type, content in response.get("content", {}).items():
                if not content.get("schema") and not _is_json(media_type):
                    content["schema"] = dict(BINARY)


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


def _one_schema_per_model(schemas: dict[str, Any], document_: dict[str, Any]) -> dict[str, Any]:
    """Give a model used both in requests and answers one schema under its own name, not Pydantic's
    `X-Input`/`X-Output` twins (both titled X, which generators refuse as duplicate models).

    The input schema is kept: it describes every value the service accepts, and every answer is one of them, so a
    client can send back what it read. A twin whose answer has other fields than its input cannot be merged: that
    model needs two names, and building the contract fails saying so.
    """
    renamed: dict[str, str] = {}
    for name in [n for n in schemas if n.endswith("-Input")]:
        model = name.removesuffix("-Input")
        output = schemas.pop(f"{model}-Output", None)
        if model in schemas or (output is not None and
                                set(output.get("properties", {})) != set(schemas[name].get("properties", {}))):
            raise RuntimeError(f"model {model} has different request and answer shapes: give each its own name")
        schemas[model] = schemas.pop(name)
        renamed |= {_SCHEMAS + name: _SCHEMAS + model, _SCHEMAS + f"{model}-Output": _SCHEMAS + model}
    if renamed:
        _rewrite_refs(document_, renamed)
        _rewrite_refs(schemas, renamed)
    return schemas


def _rewrite_refs(node: Any, renamed: Mapping[str, str]) -> None:
    if isinstance(node, dict):
        if node.get("$ref") in renamed:
            node["$ref"] = renamed[node["$ref"]]
        for value in node.values():
            _rewrite_refs(value, renamed)
    elif isinstance(node, list):
        for value in node:
            _rewrite_refs(value, renamed)


def unique_id(route: APIRoute) -> str:
    """Operation ids (and the names of generated upload bodies) are the endpoint functions' names."""
    return route.name


def _declare_tags(schema: dict[str, Any], tags: Tags) -> None:
    """The document's tag list, kit tags first; every tag an operation uses must be declared with its term."""
    declared = {**KIT_TAGS, **tags}
    used = {tag for path in schema["paths"].values() for op in path.values() for tag in op.get("tags", ())}
    if used - set(declared):
        raise RuntimeError(f"tags without a description: {', '.join(sorted(used - set(declared)))}")
    schema["tags"] = [{"name": name, "description": text} for name, text in declared.items() if name in used]


def document(app: FastAPI, tags: Tags) -> None:
    """Make the app's OpenAPI tell the truth: derived problem answers, bearer security, operation ids, declared
    tags (`tags`: the service's own, beside the kit's)."""
    routes = api_routes(app)
    seen: dict[str, str] = {}
    for route in routes:
        name, path = str(route.name), str(route.path_format)
        if seen.setdefault(name, path) != path:
            raise RuntimeError(f"operation id {name} is used by {seen[name]} and {path}")
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            _tell_the_truth(generate(), routes, tags)
        assert app.openapi_schema is not None  # generate() stores it
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
