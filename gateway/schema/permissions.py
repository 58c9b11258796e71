"""Permission classes on mutations (权限): `extensions=[Roles(Role.FINANCE)]` declares the roles a mutation admits.

`Roles` pre-checks them: a caller whose token claims another role gets the typed `Forbidden` without an upstream
call. The gateway does not hold the signing secret, so the pre-check reads the role claim unverified; the services
verify every token and enforce the same roles (and the scope: county, organisation) whatever the gateway decided.
Each mutation's description names its roles; tests/gateway/test_permissions.py holds the two together.
"""
from collections.abc import Awaitable, Callable
from typing import Any

import jwt
from graphql import GraphQLError
from strawberry.extensions import FieldExtension
from strawberry.types import Info

from contracts.enums import Role
from gateway.schema.problems import Forbidden, Problem

ADMITTED_ALWAYS = Role.ADMIN


def claimed_role(authorization: str | None) -> Role | None:
    """The role the bearer token claims, unverified; None when there is no readable claim (the service decides)."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    try:
        claims = jwt.decode(token.strip(), options={"verify_signature": False})
        return Role(str(claims.get("role")))
    except (jwt.PyJWTError, ValueError):
        return None


class Roles(FieldExtension):
    """Admit callers of these roles (and admin); answer Forbidden to any other role before resolving.

    It also keeps the answer within the mutation's result union: a refusal of a kind the union does not list (the
    union lists what the mutation can meet, not every problem there is) is raised as the GraphQL error it came as.
    """

    def __init__(self, *roles: Role) -> None:
        self.admitted = frozenset(roles) | {ADMITTED_ALWAYS}
        self.allowed_roles = sorted(self.admitted)

    async def resolve_async(self, next_: Callable[..., Awaitable[Any]], source: Any, info: Info,
                            **kwargs: Any) -> Any:
        """The mutation's answer, or Forbidden when the token's role is not admitted."""
        role = claimed_role(info.context.authorization)
        if role is not None and role not in self.admitted:
            message = f"当前角色无权执行此操作，允许的角色：{'、'.join(self.allowed_roles)}"
            return Forbidden(code="auth.forbidden", message=message, fields=[], allowed_roles=self.allowed_roles)
        answer = await next_(source, info, **kwargs)
        listed = getattr(info.return_type, "types", None)  # the members of the result union
        if isinstance(answer, Problem) and listed is not None and type(answer) not in listed:
            raise answer.cause or GraphQLError(answer.message, extensions={"code": answer.code})
        return answer
