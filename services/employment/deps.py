"""The request contexts employment endpoints take (services/kit/context.py): who may call, and the transaction."""
from typing import Any, cast

from services.kit.auth import READ_ROLES, Role
from services.kit.context import RequestContext, context
from services.kit.errors import DomainError
from services.kit.registry import VillageRegistry

# Any signed-in role; every read is narrowed to the caller's scope by the repositories.
Reader = context(*READ_ROLES)
# 人社局 keeps the employment records: only hr (and admin) write them.
Writer = context(Role.HR)


def registry_unavailable() -> DomainError:
    """503 when the projects service cannot say which registry villages (村屯名录) a labourer may name."""
    return DomainError(503, "employment.registry_unavailable", "项目库服务暂时无法访问，无法核对村屯名录，请稍后重试")


def registry_of(ctx: RequestContext[Any]) -> VillageRegistry:
    """The village registry client the app set up in its lifespan (项目库服务的村屯名录)."""
    return cast(VillageRegistry, ctx.state.registry)
