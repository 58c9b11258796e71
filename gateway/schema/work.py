"""My work (`myWork`, 待办事项): every service's queue for the caller, merged into one list by deadline.

Each service answers GET /work for the caller (role and scope from the forwarded token), in the one queue order of
contracts/work.py: (deadline, undated last; then "service:kind", id, period of the key). The gateway asks every
service once per page for the items after the cursor, merges them in that order and keeps `first`; the cursor is
the last item's position, which is every service's position too, so a page costs one call per service whatever
the page or the size of the queues. Counts by kind are the services' counts, summed. A service that does not
answer leaves its items out: the others' come back, and `complete` is null with an `upstream.unavailable` error.
"""
import asyncio
from collections.abc import Callable
from typing import Annotated, Any

import strawberry
from graphql import GraphQLError
from strawberry.types import Info

from contracts.work import WorkCount as WorkCountRead
from contracts.work import WorkItem as WorkItemRead
from contracts.work import WorkKind, WorkPage, cursor_position, position_of, work_cursor
from contracts.work import WorkLink as WorkLinkRead
from gateway.context import Context
from gateway.schema.arguments import After, First
from gateway.schema.contract_types import contract_type
from gateway.schema.page import page_size
from gateway.upstream import Caller, Endpoint, UpstreamProblem, UpstreamUnavailable

WORK = Endpoint("GET", "/work", WorkPage)  # every queue service's GET /work
# The services with a work queue, in the order their failures are named.
SOURCES: dict[str, Callable[[Context], Caller]] = {
    "projects": lambda c: c.projects, "funds": lambda c: c.funds, "employment": lambda c: c.employment,
    "collaboration": lambda c: c.collaboration}


@contract_type(WorkLinkRead, name="WorkLink", description="待办事项所指的对象：所属服务、资源类别、编号与 REST 路径")
class WorkLink:
    """contracts.work.WorkLink."""


@contract_type(WorkItemRead, name="WorkItem",
               description="一项待办：需要做什么、期限（北京时间）、是否临期或逾期，以及所指的对象")
class WorkItem:
    """contracts.work.WorkItem."""


@contract_type(WorkCountRead, name="WorkCount",
               description="某一类待办的件数，其中临期、逾期各几件（整个队列，不限本页）")
class WorkCount:
    """contracts.work.WorkCount."""


@strawberry.type(description="我的待办（待办事项）：各服务的待办按期限合并（无期限的在后），分页，附各类件数")
class WorkQueue:
    """One page of the caller's merged queue."""

    items: list[WorkItem] = strawberry.field(description="本页待办，按期限先后（同期限按类别、编号）")
    counts: list[WorkCount] = strawberry.field(description="各类待办的件数（整个队列），含临期、逾期件数")
    next_cursor: str | None = strawberry.field(description="下一页的游标：作为 after 传回；为空表示已是最后一页")
    missing: strawberry.Private[list[str]]

    @strawberry.field(description="其后是否还有一页（nextCursor 不为空）")
    def has_next_page(self) -> bool:
        """Whether a next page exists."""
        return self.next_cursor is not None

    @strawberry.field(description="各服务是否都已回答：是为 true；有服务暂时无法访问时为空，并返回 "
                                  "upstream.unavailable 错误（extensions.services 列出这些服务），"
                                  "其余服务的待办照常返回")
    def complete(self) -> bool | None:
        """True when every service answered; otherwise an error naming the ones that did not."""
        if self.missing:
            raise GraphQLError(f"{'、'.join(self.missing)} 服务暂时无法访问，其待办未列出，请稍后重试", extensions={
                "code": "upstream.unavailable", "service": self.missing[0], "services": self.missing})
        return True


def _checked_cursor(after: str | None) -> str | None:
    """The cursor as given when it is one of ours; a clear GraphQL error otherwise, before any upstream call."""
    if not after:
        return None
    try:
        cursor_position(after)
    except (ValueError, TypeError):
        raise GraphQLError("待办游标无效：应为上次返回的 nextCursor", extensions={
            "code": "request.invalid_cursor", "fields": [{"field": "after", "message": "分页游标无效"}]}) from None
    return after


def _summed(pages: list[WorkPage]) -> list[WorkCountRead]:
    totals: dict[WorkKind, list[int]] = {}
    for page in pages:
        for count in page.counts:
            sums = totals.setdefault(count.kind, [0, 0, 0])
            sums[0], sums[1], sums[2] = sums[0] + count.total, sums[1] + count.due_soon, sums[2] + count.overdue
    return [WorkCountRead(kind=kind, total=t, due_soon=s, overdue=o)
            for kind in WorkKind if kind in totals for t, s, o in [totals[kind]]]


def _unavailable(error: BaseException) -> bool:
    return isinstance(error, UpstreamUnavailable) or (isinstance(error, UpstreamProblem) and error.status >= 500)


async def merged(context: Context, first: int, after: str | None, kind: WorkKind | None) -> WorkQueue:
    """The merged page: one call per service, the first `first` items of all in queue order."""
    size = page_size(first)
    params: dict[str, Any] = {"limit": size, "after": _checked_cursor(after), "kind": kind.value if kind else None}
    answers = await asyncio.gather(*(source(context).call(WORK, params=params) for source in SOURCES.values()),
                                   return_exceptions=True)
    pages, missing = [], []
    for service, answer in zip(SOURCES, answers, strict=True):
        if isinstance(answer, WorkPage):
            pages.append(answer)
        elif _unavailable(answer):
            missing.append(service)
        else:
            raise answer
    if not pages and missing:
        raise UpstreamUnavailable(missing[0], "all work-queue services unavailable")
    items = sorted((i for p in pages for i in p.items), key=lambda i: position_of(i.deadline, i.key))
    more = len(items) > size or any(p.next_cursor for p in pages)
    shown = items[:size]
    return WorkQueue(items=shown, counts=_summed(pages),  # type: ignore[arg-type]  # contract models as the types
                     next_cursor=work_cursor(shown[-1]) if more and shown else None, missing=missing)


@strawberry.type
class WorkQueries:
    """The caller's merged work queue."""

    @strawberry.field(description="我的待办：当前凭证的角色与范围内，各服务中等待我处理的事项（待审核、公示期满、异议、"
                                  "待入库、待列入计划、进度报告到期、整改限期、闲置资金待立项整改……），按期限先后合并分页；"
                                  "各类的件数与临期、逾期件数见 counts。临期天数按类别由各服务设置")
    async def my_work(self, info: Info[Context, None], first: First = 20, after: After = None,
                      kind: Annotated[WorkKind | None, strawberry.argument(
                          description="只看一个类别；为空为全部（counts 总是全部类别）")] = None) -> WorkQueue:
        """One page of the caller's work queue across the services (GET /work of each)."""
        return await merged(info.context, first, after, kind)
