"""Typed HTTP access to the services: one pooled client each, the caller's token forwarded, errors mapped.

The client is careful: it builds every path itself from a route template and path parameters, so no argument
can change which upstream route is called, and it refuses header values HTTP cannot carry.
"""
import functools
import re
from collections.abc import Mapping
from enum import Enum
from typing import Any, Generic, TypeVar
from urllib.parse import quote

import httpx
from graphql import GraphQLError
from prometheus_client import CollectorRegistry, Counter
from pydantic import TypeAdapter, ValidationError

from contracts.inputs import STORED
from contracts.text import control_char_message
from services.kit.counties import is_liuzhou_county

PathValue = int | str | Enum
M = TypeVar("M")
MAX_ID = 2**63 - 1  # the services' BIGINT ids
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Characters that would end or climb out of a path segment, whatever the encoding does with them.
_SEGMENT_BREAKERS = ("/", "\\", "?", "#")
# What a path parameter must be, by its name in the route template (the same name means the same thing in
# every service); any other string parameter only has to be a safe segment.
_SEGMENT_RULES = {"county": (is_liuzhou_county, "不是柳州市的县区代码"),
                  "county_code": (is_liuzhou_county, "不是柳州市的县区代码")}


def reason(fields: list[dict[str, Any]]) -> str:
    """The Chinese reason of a refusal, composed from its failing fields ("请求内容有误：name：…；…")."""
    parts = [f"{f.get('field')}：{f.get('message')}" if f.get("field") else str(f.get("message")) for f in fields]
    return "请求内容有误：" + "；".join(parts)


class UpstreamProblem(GraphQLError):
    """A service refused the request; carries its problem document's stable code.

    The message of a request.invalid refusal is composed from its failing fields, so it states the reason in
    Chinese rather than only the generic "请求内容有误".
    """

    def __init__(self, service: str, status: int, problem: dict[str, Any]) -> None:
        self.status = status
        self.problem = problem
        self.code = problem.get("code") or f"upstream.http_{status}"
        fields = problem.get("fields") or []
        message = reason(fields) if self.code == "request.invalid" and fields else problem.get("detail")
        super().__init__(message or f"{service} 服务返回 {status}", extensions={
            "code": self.code, "status": status, "service": service,
            "fields": problem.get("fields", []),
        })


class InvalidArgument(UpstreamProblem):
    """Refused by the gateway itself before any call: the same shape as a service's request.invalid problem."""

    def __init__(self, *fields: tuple[str, str]) -> None:
        listed = [{"field": field, "message": message} for field, message in fields]
        super().__init__("gateway", 422, {"code": "request.invalid", "fields": listed})


def _segment(name: str, value: PathValue) -> str:
    """One path parameter, checked and percent-encoded; InvalidArgument when it could change the route."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"path parameter {name} must be an int, str or Enum, not {type(value).__name__}")
    if isinstance(value, int):
        if not 0 <= value <= MAX_ID:
            raise InvalidArgument((name, f"应为 0 到 {MAX_ID} 之间的整数"))
        return str(value)
    if value in ("", ".", "..") or any(c in value for c in _SEGMENT_BREAKERS):
        raise InvalidArgument((name, "不能为空，也不能含有 / \\ ? # 或是 . 与 .."))
    if (problem := control_char_message(value)) is not None:
        raise InvalidArgument((name, problem))
    rule = _SEGMENT_RULES.get(name)
    if rule is not None and not rule[0](value):
        raise InvalidArgument((name, rule[1]))
    return quote(value, safe="")


def build_path(route: str, params: Mapping[str, PathValue]) -> str:
    """The path of route (a template such as /plans/{county}/{year}) with each parameter checked and encoded."""
    names = _PLACEHOLDER.findall(route)
    if set(names) != set(params):
        raise TypeError(f"route {route} takes path parameters {names}, got {sorted(params)}")
    return _PLACEHOLDER.sub(lambda m: _segment(m.group(1), params[m.group(1)]), route)


def check_header(name: str, value: str) -> None:
    """Refuse a header value HTTP cannot carry (anything but visible ASCII and space) before it is sent."""
    if not value.isascii():
        raise InvalidArgument((name, "只能含有英文字母、数字与符号（ASCII）"))
    if (problem := control_char_message(value)) is not None:
        raise InvalidArgument((name, problem))


class UpstreamUnavailable(GraphQLError):
    """A service could not be reached in time."""

    def __init__(self, service: str, reason: str) -> None:
        super().__init__(f"{service} 服务暂时无法访问，请稍后重试", extensions={
            "code": "upstream.unavailable", "service": service, "reason": reason})


class UpstreamCalls:
    """Counts the gateway's calls to each service by route template (gateway_upstream_requests_total)."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.counter = Counter("gateway_upstream_requests_total", "Calls from the gateway to the services",
                               ["service", "method", "route"], registry=registry)


class Endpoint(Generic[M]):
    """One route of a service and the contract model its answer is parsed into.

    The route template is also the metric label; tests/gateway/test_contract_agreement.py checks every endpoint
    against the service's own route and response model.
    """

    def __init__(self, method: str, route: str, answer: type[M]) -> None:
        self.method, self.route, self.answer = method, route, answer

    @functools.cached_property
    def adapter(self) -> TypeAdapter[M]:
        """The answer's validator, built on first use (pydantic parses the JSON bytes itself)."""
        return TypeAdapter(self.answer)

    def __repr__(self) -> str:
        return f"Endpoint({self.method} {self.route})"


class ServiceClient:
    """One service's shared connection pool; each call carries the caller's Authorization header."""

    def __init__(self, service: str, base_url: str, timeout: httpx.Timeout, limits: httpx.Limits,
                 calls: UpstreamCalls, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.service = service
        self.http = httpx.AsyncClient(base_url=base_url, timeout=timeout, limits=limits, transport=transport)
        self.calls = calls

    async def call(self, endpoint: Endpoint[M], authorization: str | None, *,
                   path_params: Mapping[str, PathValue] | None = None, if_match: int | None = None,
                   headers: Mapping[str, str] | None = None, params: Mapping[str, Any] | None = None,
                   json: Any = None) -> M:
        """Call `endpoint` with its `path_params` validated and percent-encoded; its answer as the contract model.

        `headers` adds request headers, such as the Idempotency-Key of a money-moving call; None-valued `params`
        are left out. A refused path parameter or header raises InvalidArgument (request.invalid) before any call
        is made or counted; a refusal raises UpstreamProblem with the service's code; an answer that is not the
        contract model is a 502 `upstream.invalid_answer`.
        """
        path = build_path(endpoint.route, path_params or {})
        sent = dict(headers or {})
        if authorization:
            sent["Authorization"] = authorization  # as the caller sent it: may hold bytes HTTP/ASCII refuses
        if if_match is not None:
            sent["If-Match"] = f'"{if_match}"'
        for name, value in sent.items():
            check_header(name, value)
        query = {k: v for k, v in (params or {}).items() if v is not None}
        self.calls.counter.labels(self.service, endpoint.method, endpoint.route).inc()
        try:
            response = await self.http.request(endpoint.method, path, headers=sent, params=query, json=json)
        except httpx.TimeoutException:
            raise UpstreamUnavailable(self.service, "timeout") from None
        except httpx.TransportError as exc:
            raise UpstreamUnavailable(self.service, type(exc).__name__) from None
        if response.status_code >= 400:
            raise UpstreamProblem(self.service, response.status_code, _problem(response))
        try:
            # What a service answers it stored itself: its edge checks (control characters, plain decimals) are not
            # repeated here, or a row written before a check existed would make its whole answer unreadable.
            return endpoint.adapter.validate_json(response.content, context=STORED)
        except ValidationError:
            # The service is not answering as its contract says: never pass a half-understood answer on.
            raise UpstreamProblem(self.service, 502, {"code": "upstream.invalid_answer",
                                                      "detail": f"{self.service} 服务的答复不符合其契约"}) from None

    async def close(self) -> None:
        """Release the pool."""
        await self.http.aclose()


class Caller:
    """A service's client on behalf of one caller: every call carries the caller's Authorization header."""

    def __init__(self, client: ServiceClient, authorization: str | None) -> None:
        self.client = client
        self.authorization = authorization

    async def call(self, endpoint: Endpoint[M], *, params: Mapping[str, Any] | None = None,
                   path_params: Mapping[str, PathValue] | None = None, json: Any = None, version: int | None = None,
                   idempotency_key: str | None = None) -> M:
        """Call `endpoint`: `path_params` fill its route, `version` goes out as If-Match, `idempotency_key` as the
        Idempotency-Key of a money-moving call."""
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        return await self.client.call(endpoint, self.authorization, path_params=path_params, params=params,
                                      json=json, headers=headers, if_match=version)


def ids_param(ids: list[int]) -> dict[str, str]:
    """The `?ids=1,2,3` of a batch read."""
    return {"ids": ",".join(map(str, ids))}


def _problem(response: httpx.Response) -> dict[str, Any]:
    """The problem document of a refusal, or nothing when the body is not one."""
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
