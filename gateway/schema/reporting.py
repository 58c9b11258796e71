"""GraphQL queries and the issue mutation of the reporting service (月度通报、评比排名、提醒约谈)."""
from typing import Annotated

import strawberry
from strawberry.types import Info

from contracts import reporting as contract
from contracts.page import Page as PageRead
from gateway.context import Context
from gateway.reporting_client import BULLETIN, EDITIONS, ISSUE, PREVIEW, RANKING, REMINDERS
from gateway.schema.enums import graphql_enum
from gateway.schema.page import Page, page_size
from gateway.schema.problems import Forbidden, InvalidInput, NotFound, Problem, Refused, or_problem
from gateway.schema.reporting_types import Bulletin, BulletinEdition, CountyRanking, Reminder
from gateway.schema.text import free_text_field

graphql_enum(contract.BulletinStatus)
graphql_enum(contract.ReminderRule)

# Only the refusals issuing can give: a bad reason or a future month, a role other than the city office, a month
# that is no YYYY-MM (its path answers 404), a correction without reason or a conflict (Refused).
IssueBulletinResult = Annotated[Bulletin | InvalidInput | Forbidden | NotFound | Refused,
                                strawberry.union("IssueBulletinResult")]


@strawberry.input(description="印发月度通报；同月再次印发即为更正版，须写明理由")
class IssueBulletinInput:
    """The month to issue, and the reason of a correction."""

    month: str = strawberry.field(description="月份 YYYY-MM")
    reason: str | None = free_text_field(None)


@strawberry.type
class ReportingQueries:
    """Reads of the reporting service."""

    @strawberry.field(description="某月通报：已印发时为最新版次（或指定 edition），draft 为真时为实时草稿；"
                                  "县级角色只见本县区的数据", graphql_type=Bulletin)
    async def bulletin(self, info: Info[Context, None], month: str, draft: bool = False,
                       edition: int | None = None, with_change: Annotated[bool, strawberry.argument(
                           description="草稿是否计算名次变化（需读取上月数据）")] = True) -> contract.Bulletin:
        """A month's bulletin (GET /bulletins/{month} or /bulletins/{month}/preview)."""
        if draft:
            return await info.context.reporting.call(PREVIEW, path_params={"month": month},
                                                     params={"change": with_change})
        return await info.context.reporting.call(BULLETIN, path_params={"month": month}, params={"edition": edition})

    @strawberry.field(description="已印发的通报版次，按新到旧", graphql_type=Page[BulletinEdition])
    async def bulletins(self, info: Info[Context, None], month: str | None = None, first: int = 50,
                        after: str | None = None) -> PageRead[contract.BulletinEdition]:
        """A page of issued editions (GET /bulletins)."""
        params = {"month": month, "limit": page_size(first), "after": after}
        return await info.context.reporting.call(EDITIONS, params=params)

    @strawberry.field(description="某月县区综合得分排名、名次变化、末位（黑榜）及逐项说明；县级角色只见本县区一行",
                      graphql_type=CountyRanking)
    async def county_ranking(self, info: Info[Context, None], month: str) -> contract.Ranking:
        """The month's ranking (GET /ranking)."""
        return await info.context.reporting.call(RANKING, params={"month": month})

    @strawberry.field(description="某月列入提醒约谈的单位与县区：规则、对象与依据", graphql_type=list[Reminder])
    async def reminders(self, info: Info[Context, None], month: str) -> list[contract.Reminder]:
        """The reminder-talk list (GET /reminders)."""
        return await info.context.reporting.call(REMINDERS, params={"month": month})


@strawberry.type
class ReportingMutations:
    """Actions of the reporting service (city office)."""

    @strawberry.mutation(description="印发月度通报（市扶贫办）：数据冻结，此后不变；再次印发为更正版，无理由时返回 "
                                     "Refused(bulletin.reason_required)", graphql_type=IssueBulletinResult)
    async def issue_bulletin(self, info: Info[Context, None], input: IssueBulletinInput) -> contract.Bulletin | Problem:
        """Issue a month's bulletin (POST /bulletins/{month}/issue)."""
        body = {"reason": input.reason} if input.reason is not None else {}
        return await or_problem(info.context.reporting.call(ISSUE, path_params={"month": input.month}, json=body))
