"""GraphQL queries and the issue mutation of the reporting service (月度通报、评比排名、提醒约谈)."""
from typing import Annotated

import strawberry
from strawberry.types import Info

from contracts import reporting as contract
from contracts.enums import Role
from contracts.page import Page as PageRead
from gateway.context import Context
from gateway.reporting_client import BULLETIN, EDITIONS, ISSUE, PREVIEW, RANKING, REMINDERS
from gateway.schema.arguments import After, First
from gateway.schema.page import Page, page_size
from gateway.schema.permissions import Roles
from gateway.schema.problems import Forbidden, InvalidInput, NotFound, Problem, Refused, or_problem
from gateway.schema.reporting_types import Bulletin, BulletinEdition, CountyRanking, Reminder
from gateway.schema.text import FreeText

# Only the refusals issuing can give: a bad reason or a future month, a role other than the city office, a month
# that is no YYYY-MM (its path answers 404), a correction without reason or a conflict (Refused).
IssueBulletinResult = Annotated[Bulletin | InvalidInput | Forbidden | NotFound | Refused, strawberry.union(
    "IssueBulletinResult", description="成功时为印发的 Bulletin；被拒绝时为 InvalidInput、Forbidden、NotFound、"
                                       "Refused 之一（均实现 Problem，按 __typename 与 code 分支）")]
Month = Annotated[str, strawberry.argument(description="月份 YYYY-MM")]


@strawberry.input(description="印发月度通报；同月再次印发即为更正版，须写明理由")
class IssueBulletinInput:
    """The month to issue, and the reason of a correction."""

    month: str = strawberry.field(description="月份 YYYY-MM")
    reason: str | None = strawberry.field(default=None, directives=[FreeText()],
                                          description="更正理由（同月第 2 版起必填，可换行）")


@strawberry.type
class ReportingQueries:
    """Reads of the reporting service."""

    @strawberry.field(description="某月通报：已印发时为最新版次（或指定 edition），draft 为真时为实时草稿；"
                                  "县级角色只见本县区的数据", graphql_type=Bulletin)
    async def bulletin(self, info: Info[Context, None], month: Month,
                       draft: Annotated[bool, strawberry.argument(
                           description="为真时读实时草稿（未印发也可读），否则读已印发的版次")] = False,
                       edition: Annotated[int | None, strawberry.argument(
                           description="版次（1 起）；为空为最新版次；草稿时不用")] = None,
                       with_change: Annotated[bool, strawberry.argument(
                           description="草稿是否计算名次变化（需读取上月数据）")] = True) -> contract.Bulletin:
        """A month's bulletin (GET /bulletins/{month} or /bulletins/{month}/preview)."""
        if draft:
            return await info.context.reporting.call(PREVIEW, path_params={"month": month},
                                                     params={"change": with_change})
        return await info.context.reporting.call(BULLETIN, path_params={"month": month}, params={"edition": edition})

    @strawberry.field(description="已印发的通报版次，按新到旧", graphql_type=Page[BulletinEdition])
    async def bulletins(self, info: Info[Context, None], month: Annotated[str | None, strawberry.argument(
                            description="月份 YYYY-MM；为空列出所有月份")] = None,
                        first: First = 50, after: After = None) -> PageRead[contract.BulletinEdition]:
        """A page of issued editions (GET /bulletins)."""
        params = {"month": month, "limit": page_size(first), "after": after}
        return await info.context.reporting.call(EDITIONS, params=params)

    @strawberry.field(description="某月县区综合得分排名、名次变化、末位（黑榜）及逐项说明；县级角色只见本县区一行",
                      graphql_type=CountyRanking)
    async def county_ranking(self, info: Info[Context, None], month: Month) -> contract.Ranking:
        """The month's ranking (GET /ranking)."""
        return await info.context.reporting.call(RANKING, params={"month": month})

    @strawberry.field(description="某月列入提醒约谈的单位与县区：规则、对象与依据", graphql_type=list[Reminder])
    async def reminders(self, info: Info[Context, None], month: Month) -> list[contract.Reminder]:
        """The reminder-talk list (GET /reminders)."""
        return await info.context.reporting.call(REMINDERS, params={"month": month})


@strawberry.type
class ReportingMutations:
    """Actions of the reporting service (city office)."""

    @strawberry.mutation(description="印发月度通报。角色：city_office（市扶贫办）；数据冻结，此后不变；"
                                     "再次印发为更正版，无理由时返回 Refused(bulletin.reason_required)",
                         graphql_type=IssueBulletinResult,
                         extensions=[Roles(Role.CITY_OFFICE)])
    async def issue_bulletin(self, info: Info[Context, None], input: Annotated[IssueBulletinInput, strawberry.argument(
                                 description="要印发的月份与更正理由")]) -> contract.Bulletin | Problem:
        """Issue a month's bulletin (POST /bulletins/{month}/issue)."""
        body = {"reason": input.reason} if input.reason is not None else {}
        return await or_problem(info.context.reporting.call(ISSUE, path_params={"month": input.month}, json=body))
