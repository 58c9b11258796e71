"""The gateway's GraphQL schema, with depth, alias and token limits on."""
import strawberry
from graphql import ASTValidationRule
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, ParserCache, ValidationCache
from strawberry.extensions.max_aliases import create_validator as alias_limit
from strawberry.extensions.query_depth_limiter import create_validator as depth_limit

from gateway.config import Settings
from gateway.schema.collaboration import CollaborationMutations, CollaborationQueries
from gateway.schema.employment import EmploymentMutations, EmploymentQueries
from gateway.schema.feeds import FeedQueries
from gateway.schema.funds import FundsQueries
from gateway.schema.funds_actions import FundsMutations
from gateway.schema.lifecycle import LifecycleMutations, LifecycleQueries
from gateway.schema.periods import PeriodMutations, PeriodQueries
from gateway.schema.places import PlaceMutations, PlaceQueries
from gateway.schema.projects import ProjectMutations, ProjectQueries
from gateway.schema.reporting import ReportingMutations, ReportingQueries
from gateway.schema.text import CleanText
from gateway.schema.village_figures import VillageFigureMutations, VillageFigureQueries
from gateway.schema.work import WorkQueries

QUERY_CACHE_SIZE = 1024  # distinct documents whose parse and validation are kept


@strawberry.type(description="读取：项目库、年度计划、资金、就业扶贫与事件流；每个读取只返回凭证范围内的数据")
class Query(ProjectQueries, LifecycleQueries, FundsQueries, EmploymentQueries, CollaborationQueries,
            ReportingQueries, PlaceQueries, VillageFigureQueries, PeriodQueries,
            FeedQueries, WorkQueries):
    """Read access to the library (and, as they land, funds and employment)."""


@strawberry.type(description="操作：每个操作返回其结果或一个类型化的业务错误（Problem）；角色与拒绝条件见各操作说明")
class Mutation(ProjectMutations, LifecycleMutations, FundsMutations, EmploymentMutations, CollaborationMutations,
               ReportingMutations, PlaceMutations, VillageFigureMutations,
               PeriodMutations):
    """Every action, each returning a union of its result or a typed error."""


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The schema with the configured query limits."""
    settings = settings or Settings()
    # Parsing and validating a document cost most of a small query's CPU: both are cached by the query text
    # (bounded, so a stream of distinct documents cannot grow the memory). The validation cache is keyed by the
    # document and the rule classes, so the depth and alias rules are made once here: QueryDepthLimiter and
    # MaxAliasesLimiter make new rule classes per request, and with them no validation was ever a cache hit.
    limits: list[type[ASTValidationRule]] = [depth_limit(settings.max_depth, None), alias_limit(settings.max_aliases)]
    return strawberry.Schema(query=Query, mutation=Mutation, extensions=[
        lambda: ParserCache(maxsize=QUERY_CACHE_SIZE),
        lambda: ValidationCache(maxsize=QUERY_CACHE_SIZE),
        lambda: AddValidationRules(limits),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        CleanText,
    ])
