"""Permission classes on mutations: each declares its roles (gateway/schema/permissions.py), its description names
them, and a caller whose token claims another role gets Forbidden before any upstream call."""
import pytest
from graphql import GraphQLError

from gateway.schema import build_schema
from gateway.schema.permissions import Roles, claimed_role
from gateway.schema.problems import Forbidden, NotFound, Refused
from services.kit.auth import Role
from services.kit.testing import bearer
from tests.gateway.graphql import as_input, gql
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry

SUBMIT = """mutation($input: ProjectInput!) { submitProject(input: $input) {
  __typename ... on Forbidden { code allowedRoles } ... on Project { id } } }"""


def _mutations() -> dict[str, tuple[str, list[Roles]]]:
    """Each mutation's description and Roles extensions."""
    mutation = build_schema().schema_converter.type_map["Mutation"].definition  # type: ignore[union-attr]
    return {f.name: (f.description or "", [e for e in f.extensions if isinstance(e, Roles)])
            for f in mutation.fields}  # type: ignore[union-attr]


def test_every_mutation_declares_its_roles_once_and_its_description_names_them():
    mutations = _mutations()
    assert len(mutations) > 30
    for name, (description, extensions) in mutations.items():
        assert len(extensions) == 1, name
        (roles,) = extensions
        assert Role.ADMIN in roles.admitted, name
        assert "角色：" in description, name
        missing = [r for r in roles.admitted - {Role.ADMIN} if str(r) not in description]
        assert missing == [], f"{name} does not name {missing}"


def test_the_claimed_role_is_read_from_a_bearer_token_and_nothing_else():
    assert claimed_role(bearer(Role.FINANCE)["Authorization"]) == Role.FINANCE
    assert claimed_role(None) is None
    assert claimed_role("Basic abc") is None
    assert claimed_role("Bearer not-a-token") is None


async def test_a_role_not_admitted_is_forbidden_before_any_upstream_call(system):
    body = await gql(system.gateway, SUBMIT, bearer(Role.FINANCE), input=as_input(entry()))
    assert body["data"]["submitProject"] == {"__typename": "Forbidden", "code": "auth.forbidden",
                                             "allowedRoles": ["ADMIN", "PROJECT_OWNER"]}
    assert system.seen == []
    owner = await gql(system.gateway, SUBMIT, bearer(Role.PROJECT_OWNER, RONGSHUI, OWNER_ORG), input=as_input(entry()))
    assert owner["data"]["submitProject"]["__typename"] == "Project"
    assert [call[:2] for call in system.seen] == [("projects", "POST")]


class _Info:
    """The parts of strawberry's Info the extension reads: the caller's token and the field's result union."""

    def __init__(self, authorization: str, members: tuple[type, ...]) -> None:
        self.context = type("Context", (), {"authorization": authorization})()
        self.return_type = type("Union", (), {"types": members})()


async def test_a_problem_the_union_does_not_list_is_raised_with_its_code_and_a_listed_one_is_answered():
    roles = Roles(Role.FINANCE)
    refused = Refused(code="funds.over_budget", message="超过预算", fields=[])

    async def answer(*_: object, **__: object) -> Refused:
        return refused

    finance = _Info(bearer(Role.FINANCE)["Authorization"], (Forbidden, NotFound))
    with pytest.raises(GraphQLError) as raised:
        await roles.resolve_async(answer, None, finance)
    assert (raised.value.message, raised.value.extensions) == ("超过预算", {"code": "funds.over_budget"})
    listed = _Info(bearer(Role.FINANCE)["Authorization"], (Forbidden, Refused))
    assert await roles.resolve_async(answer, None, listed) is refused
