"""The gateway's GraphQL schema, with depth, alias and token limits on."""
import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter

from gateway.config import Settings
from gateway.schema.employment import EmploymentMutations, EmploymentQueries
from gateway.schema.feeds import FeedQueries
from gateway.schema.funds import FundsQueries
from gateway.schema.funds_actions import FundsMutations
from gateway.schema.lifecycle import LifecycleMutations, LifecycleQueries
from gateway.schema.projects import ProjectMutations, ProjectQueries
from gateway.schema.reporting import ReportingMutations, ReportingQueries
from gateway.schema.text import CleanText


@strawberry.type
class Query(ProjectQueries, LifecycleQueries, FundsQueries, EmploymentQueries, ReportingQueries, FeedQueries):
    """Read access to the library (and, as they land, funds and employment)."""


@strawberry.type
class Mutation(ProjectMutations, LifecycleMutations, FundsMutations, EmploymentMutations, ReportingMutations):
    """Every action, each returning a union of its result or a typed error."""


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The schema with the configured query limits."""
    settings = settings or Settings()
    return strawberry.Schema(query=Query, mutation=Mutation, extensions=[
        lambda: QueryDepthLimiter(max_depth=settings.max_depth),
        lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        CleanText,
    ])
