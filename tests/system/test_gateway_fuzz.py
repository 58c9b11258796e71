"""schemathesis fuzzes every query and mutation of the gateway's GraphQL schema against the real processes, with a
fixed seed and a bounded number of examples: every answer must be a GraphQL answer, never a 5xx, and every
error raised while resolving must carry a stable code from a refusal, not a crash (no 5xx passed on)."""
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from graphql import NameNode, NullValueNode, ObjectFieldNode, ValueNode
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from schemathesis.core.transport import Response
from schemathesis.graphql import nodes

from devtools.stack import Stack
from services.kit.auth import Role
from services.kit.testing import DatabaseFactory
from tests.system.conftest import running_stack
from tests.system.http import token

pytestmark = pytest.mark.system

ADMIN = token(Role.ADMIN)  # admitted by every route, so the fuzzer reaches every resolver's upstream call
EXAMPLES = 6
# Codes of a failure, not a refusal: the fuzzer must never provoke them with the services up.
FAILURE_CODES = {"server.error", "upstream.unavailable"}


@pytest.fixture(scope="module")
def fuzz_stack(databases: DatabaseFactory, migrated: str,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Its own running system: the fuzzer's random writes never touch the rows of the other system tests."""
    with running_stack(databases, migrated, tmp_path_factory.mktemp(f"fuzz-{migrated}")) as running:
        yield running


@pytest.fixture(scope="module")
def session() -> Iterator[requests.Session]:
    with requests.Session() as s:
        yield s


def _node(value: Any) -> ValueNode:
    """A JSON value as a GraphQL literal (for the JSON scalar)."""
    if isinstance(value, dict):
        return nodes.Object([ObjectFieldNode(name=NameNode(value=k), value=_node(v)) for k, v in value.items()])
    if isinstance(value, list):
        return nodes.List([_node(v) for v in value])
    if isinstance(value, bool):
        return nodes.Boolean(value)
    if isinstance(value, int):
        return nodes.Int(value)
    return NullValueNode() if value is None else nodes.String(value)


# Our custom scalars: well-formed values mixed with text that is not (the gateway or the service must refuse it).
_ROW_KEYS = st.sampled_from(["name", "county_code", "status", "library_code", "budget", "amount", "year", "source"])
_JSON = st.recursive(st.none() | st.booleans() | st.integers(-5, 10**6) | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_ROW_KEYS, inner, max_size=4),
                     max_leaves=8)
schemathesis.graphql.scalar("Decimal", st.one_of(
    st.decimals(min_value=-10**9, max_value=10**12, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["１００", " 1.00", "1E+2", "0.001", ""]), st.text(max_size=6)).map(nodes.String))
schemathesis.graphql.scalar("Date", st.one_of(st.dates().map(date.isoformat), st.text(max_size=10)).map(nodes.String))
schemathesis.graphql.scalar("DateTime", st.datetimes().map(datetime.isoformat).map(nodes.String))
schemathesis.graphql.scalar("JSON", _JSON.map(_node))

# The exported schema (`make openapi-check` keeps it equal to the code), so each operation is its own test.
SCHEMA = schemathesis.graphql.from_path(Path(__file__).resolve().parents[2] / "openapi" / "gateway.graphql")
OPERATIONS = {result.ok().label: result.ok() for result in SCHEMA.get_all_operations()}


def assert_graphql_answer(response: Response) -> None:
    """A GraphQL answer: 2xx/4xx JSON with data and/or errors; resolver errors are coded refusals below 500."""
    assert response.status_code < 500, f"{response.status_code}: {response.text[:500]}"
    assert response.headers.get("content-type", [""])[0].startswith("application/json"), response.text[:500]
    body = response.json()
    assert isinstance(body, dict) and body.keys() <= {"data", "errors", "extensions"}, body
    assert "data" in body or body.get("errors"), body
    for error in body.get("errors") or []:
        assert isinstance(error.get("message"), str), error
        if "path" not in error:
            continue  # the document was refused before execution (validation, limits, clean text)
        extensions = error.get("extensions") or {}
        assert isinstance(extensions.get("code"), str), f"uncoded error while resolving: {error}"
        assert extensions["code"] not in FAILURE_CODES, error
        assert extensions.get("status", 400) < 500, f"a {extensions.get('status')} passed on: {error}"


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_every_fuzzed_operation_gets_a_graphql_answer(label: str, fuzz_stack: Stack, session: requests.Session):
    url = fuzz_stack.url("gateway") + "/graphql"

    @seed(20260901)
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(case=OPERATIONS[label].as_strategy())
    def fuzz(case) -> None:
        assert_graphql_answer(case.call(base_url=url, session=session, headers=ADMIN, timeout=15))

    fuzz()
