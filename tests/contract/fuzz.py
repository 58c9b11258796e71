"""An OpenAPI-driven fuzzer (schemathesis): every operation of a service, positive and negative inputs, in process.

Schemathesis generates the requests from the service's own contract and checks each answer against it: no 5xx,
no undocumented status, no undocumented content type, every body conforming to its schema. The requests go
through httpx's ASGI transport on an event loop we own, so the service (and, for funds, the projects service it
calls) runs its real lifespan on a real database.
"""
import asyncio
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Any

import httpx
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, seed, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

SEED = 4502_2019
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
BASE = "http://fuzz"

@dataclass
class Fuzzed:
    """What a run did: requests sent per operation, and every failing operation with schemathesis' report."""

    requests: int = 0
    operations: int = 0
    failures: list[str] = field(default_factory=list)


def _send(loop: asyncio.AbstractEventLoop, client: httpx.AsyncClient, case: schemathesis.Case,
          headers: dict[str, str]) -> httpx.Response:
    sent = case.as_transport_kwargs(base_url=BASE, headers=headers)
    body = sent.get("data")
    return loop.run_until_complete(client.request(
        sent["method"], sent["url"], headers=sent.get("headers"), params=sent.get("params"),
        json=sent.get("json"), content=body if isinstance(body, bytes | str) else None))


def _has_input(operation: schemathesis.APIOperation) -> bool:
    return bool(operation.path_parameters or operation.query or operation.headers or operation.body)


def fuzz(app: FastAPI, lifespans: list[AbstractAsyncContextManager[Any]], headers: dict[str, str],
         examples: int, seed_data: Callable[[], Any] | None = None) -> Fuzzed:
    """Fuzz every operation of the app with `examples` positive and negative cases each."""
    loop = asyncio.new_event_loop()
    done = Fuzzed()
    try:
        for lifespan in lifespans:
            loop.run_until_complete(lifespan.__aenter__())
        try:
            if seed_data is not None:
                loop.run_until_complete(seed_data())
            client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE)
            config = schemathesis.Config()
            config.projects.default.generation.update(with_security_parameters=False)
            schema = schemathesis.openapi.from_dict(app.openapi(), config=config)
            for result in schema.get_all_operations():
                operation = result.ok()
                done.operations += 1
                for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                    if mode == GenerationMode.NEGATIVE and not _has_input(operation):
                        continue  # nothing to make invalid

                    @seed(SEED)
                    @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
                    @given(case=operation.as_strategy(generation_mode=mode))
                    def check(case: schemathesis.Case) -> None:
                        done.requests += 1
                        case.validate_response(_send(loop, client, case, headers), checks=CHECKS)

                    try:
                        check()
                    except (Exception, BaseExceptionGroup) as failure:  # the report names check, answer, curl
                        done.failures.append(f"{operation.label} [{mode.value}]\n{failure}")
            loop.run_until_complete(client.aclose())
        finally:
            for lifespan in reversed(lifespans):
                loop.run_until_complete(lifespan.__aexit__(None, None, None))
    finally:
        loop.close()
    return done
