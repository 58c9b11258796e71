"""The gateway's GraphQL schema, with depth, alias and token limits on."""
import strawberry
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, ParserCache, QueryDepthLimiter, ValidationCache

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
    # Parsing and validating a document cost a quarter of a small query's CPU: both are cached by the query text
    # (bounded, so a stream of distinct documents cannot grow the memory). The limits still run on every request.
    return strawberry.Schema(query=Query, mutation=Mutation, extensions=[
        lambda: ParserCache(maxsize=QUERY_CACHE_SIZE),
        lambda: ValidationCache(maxsize=QUERY_CACHE_SIZE),
        lambda: QueryDepthLimiter(max_depth=settings.max_depth),
        lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        CleanText,
    ])
