"""The contexts collaboration endpoints take, by who may call them (粤桂协作办、市扶贫办、县区扶贫办、财政局)."""
from typing import Any

from services.kit.auth import READ_ROLES, Role
from services.kit.context import RequestContext, context
from services.kit.errors import DomainError
from services.kit.registry import VillageRegistry

# Everyone signed in reads within their scope (county roles their county and the city-level pairing).
Reader = context(*READ_ROLES)
# The city office and the collaboration office (粤桂协作办) keep pairings, agreements and key tasks.
Editor = context(Role.CITY_OFFICE, Role.COLLABORATION_OFFICE)
# County offices report progress on their county's tasks; the city-level offices on any.
Reporter = context(Role.CITY_OFFICE, Role.COLLABORATION_OFFICE, Role.COUNTY_OFFICE)
# The fund-use plan (资金使用计划) is drawn up by the offices with the county's finance bureau.
Planner = context(Role.CITY_OFFICE, Role.COLLABORATION_OFFICE, Role.COUNTY_OFFICE, Role.FINANCE)


def registry_unavailable() -> DomainError:
    """503 when the projects service cannot say which registry villages (村屯名录) a village pairing may name."""
    return DomainError(503, "collaboration.registry_unavailable",
                       "项目库服务暂时无法访问，无法核对村屯名录，请稍后重试")


def registry_of(ctx: RequestContext[Any]) -> VillageRegistry:
    """The village registry (项目库服务的村屯名录) over the app's projects client and its own token."""
    return VillageRegistry(ctx.state.upstreams["projects"], registry_unavailable)
