"""A standard GraphQL client (gql, over httpx) drives the gateway as an outside system would: the schema fetched by
introspection equals openapi/gateway.graphql, documents are validated locally before anything is sent, a read, a
mutation answering a typed problem, and a paginated walk to the end."""
import uuid
from collections.abc import Iterator

import pytest
from gql import Client, GraphQLRequest
from gql.client import SyncClientSession
from gql.transport.httpx import HTTPXTransport
from graphql import GraphQLError, build_schema, lexicographic_sort_schema, print_schema

from devtools.stack import ROOT, Stack
from services.kit.auth import Role
from tests.gateway.graphql import SUBMIT, as_input
from tests.projects.entries import RONGSHUI, entry
from tests.system.http import gql, token

pytestmark = pytest.mark.system

READ = "query Read($id: Int!) { project(id: $id) { id name ownerOrg status statusLabel } }"
WALK = """query Walk($first: Int!, $after: String) {
  projects(first: $first, after: $after) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } }
}"""


@pytest.fixture(scope="module")
def owner_org() -> str:
    """An organisation of its own, so the walk sees exactly the entries this module submits."""
    return f"融水县gql测试单位{uuid.uuid4().hex[:6]}"


@pytest.fixture(scope="module")
def session(stack: Stack, owner_org: str) -> Iterator[SyncClientSession]:
    """A gql session with the gateway, the schema fetched by introspection on connecting, as the owner unit."""
    transport = HTTPXTransport(url=stack.url("gateway") + "/graphql", timeout=15.0,
                               headers=token(Role.PROJECT_OWNER, RONGSHUI, owner_org))
    gql_client = Client(transport=transport, fetch_schema_from_transport=True,
                        introspection_args={"specified_by_url": True, "directive_is_repeatable": True,
                                            "input_value_deprecation": True})
    with gql_client as connected:
        yield connected


def _run(session: SyncClientSession, document: str, **variables) -> dict:
    return session.execute(GraphQLRequest(document, variable_values=variables))


def test_introspected_schema_is_the_schema_file(session: SyncClientSession):
    committed = build_schema((ROOT / "openapi" / "gateway.graphql").read_text(encoding="utf-8"))
    assert print_schema(lexicographic_sort_schema(session.client.schema)) == \
        print_schema(lexicographic_sort_schema(committed))


def test_documents_are_validated_locally(session: SyncClientSession):
    with pytest.raises(GraphQLError, match="Cannot query field 'budgetTotal' on type 'Project'"):
        session.client.validate(GraphQLRequest("{ project(id: 1) { id budgetTotal } }"))
    with pytest.raises(GraphQLError, match="Variable '\\$id' of type 'String!' used in position expecting"):
        session.client.validate(GraphQLRequest('query($id: String!) { project(id: $id) { id } }'))
    session.client.validate(GraphQLRequest(SUBMIT))
    session.client.validate(GraphQLRequest(WALK))


def test_read_and_a_mutation_with_a_typed_problem(session: SyncClientSession, owner_org: str):
    name = f"gql项目-{uuid.uuid4().hex[:6]}"
    created = _run(session, SUBMIT, input=as_input(entry(name=name, owner_org=owner_org)))["submitProject"]
    assert created["__typename"] == "Project" and created["status"] == "SUBMITTED", created
    read = _run(session, READ, id=created["id"])["project"]
    assert read == {"id": created["id"], "name": name, "ownerOrg": owner_org, "status": "SUBMITTED",
                    "statusLabel": read["statusLabel"]} and read["statusLabel"]

    refused = _run(session, SUBMIT, input=as_input(entry(name=name + "-无财政资金", owner_org=owner_org,
                                                        uses_fiscal_funds=False)))["submitProject"]
    assert refused["__typename"] == "ProjectNotEligible" and refused["code"] == "project.not_eligible", refused
    assert refused["rules"] and refused["message"]


def test_an_external_system_only_reads(stack: Stack, gateway_http):
    external = token(Role.EXTERNAL, RONGSHUI)
    body = gql(gateway_http, SUBMIT, external, input=as_input(entry(name="外部系统不能申报")))
    assert body["data"]["submitProject"]["__typename"] == "Forbidden", body
    assert body["data"]["submitProject"]["code"] == "auth.forbidden"


def test_paginated_walk_to_the_end(session: SyncClientSession, owner_org: str):
    submitted = []
    for n in range(7):
        body = _run(session, SUBMIT, input=as_input(entry(name=f"翻页项目{n}-{uuid.uuid4().hex[:4]}",
                                                         owner_org=owner_org)))
        submitted.append(body["submitProject"]["id"])
    seen, after, pages = [], None, 0
    while True:
        page = _run(session, WALK, first=3, after=after)["projects"]
        seen += [edge["node"]["id"] for edge in page["edges"]]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
        assert after == page["edges"][-1]["cursor"]
    assert len(seen) == len(set(seen))  # nothing twice
    assert set(submitted) <= set(seen) and pages == -(-len(seen) // 3)  # nothing lost, the last page ends it
    assert seen == sorted(seen, reverse=True)  # newest first
