"""The services' event feeds in GraphQL (事件流): `events(service:, after:, first:)` for external systems.

The caller's token is forwarded, so each service applies the caller's scope and masks labourers' personal data
exactly as its REST feed does; the payload is a union of types generated from the contract models.
"""
import functools
import logging
import operator
from datetime import datetime
from typing import Annotated, Any

import strawberry
from graphql import GraphQLError
from strawberry.types import Info

from contracts.enums import FeedName
from contracts.events import REGISTRY
from contracts.events.feed import FeedEvent, FeedPage
from gateway.context import Context
from gateway.schema.contract_types import graphql_type
from gateway.schema.enums import graphql_enum
from gateway.schema.rest import from_rest
from gateway.upstream import Caller, Endpoint

MAX_FIRST = 500
REST_MAX = 1000  # the services' own page limit
log = logging.getLogger("gateway.feeds")
FEED = Endpoint("GET", "/events", FeedPage)  # every service's GET /events, parsed whatever its payload types

# One GraphQL type per payload type and version: ProjectStatusChangedV1, FundsAllocatedV1, ...
PAYLOAD_TYPES = {key: graphql_type(model, f"{model.__name__}V{model.event_version}")
                 for key, model in REGISTRY.items()}
EventPayload: Any = Annotated[functools.reduce(operator.or_, PAYLOAD_TYPES.values()),  # built at import: no alias
                              strawberry.union("EventPayload", description="事件内容：按 type 与 version 确定的类型")]
graphql_enum(FeedName)


@strawberry.type(description="事件流中的一个事件：按提交顺序编号，内容为类型化的 payload")
class Event:
    """One event of a feed, its payload typed."""

    id: str = strawberry.field(description="事件 id（十进制字符串），也是游标：作为 after 传回以读取其后的事件")
    occurred_at: datetime = strawberry.field(description="发生时间（UTC）")
    type: str = strawberry.field(description="事件类型，如 project.status_changed")
    version: int = strawberry.field(description="payload 的契约版本")
    aggregate_type: str = strawberry.field(description="事件所涉对象的类型，如 project、allocation")
    aggregate_id: str = strawberry.field(description="事件所涉对象的 id")
    payload: Any = strawberry.field(graphql_type=EventPayload, description="事件内容")  # a PAYLOAD_TYPES instance


@strawberry.type(description="事件流的一页。nextCursor 总有值：没有新事件时等于传入的 after，稍后再用它读取")
class EventPage:
    """One page of a feed."""

    items: list[Event] = strawberry.field(description="本页事件，按提交顺序")
    next_cursor: str = strawberry.field(description="下次读取时作为 after 传回")
    has_next_page: bool = strawberry.field(description="此刻是否已有更多事件可读")


def _event(raw: FeedEvent) -> Event | None:
    payload_type = PAYLOAD_TYPES.get((raw.type, raw.version))
    if payload_type is None:  # a service newer than this gateway: the event cannot be typed here
        log.warning("event %s of unknown type %s v%s left out", raw.id, raw.type, raw.version)
        return None
    return Event(id=str(raw.id), occurred_at=raw.occurred_at, type=raw.type, version=raw.version,
                 aggregate_type=raw.aggregate_type, aggregate_id=raw.aggregate_id,
                 payload=from_rest(payload_type, raw.payload))


def _cursor(after: str | None) -> int:
    if after is None or after == "":
        return 0
    if not (after.isascii() and after.isdigit()) or int(after) >= 2**63:
        raise GraphQLError("事件流游标无效：应为上次返回的 nextCursor（十进制数字）",
                           extensions={"code": "request.invalid_cursor", "fields": [{"field": "after"}]})
    return int(after)


def _client(context: Context, feed: FeedName) -> Caller:
    clients: dict[FeedName, Caller] = {FeedName.PROJECTS: context.projects, FeedName.FUNDS: context.funds,
                                       FeedName.EMPLOYMENT: context.employment,
                                       FeedName.COLLABORATION: context.collaboration,
                                       FeedName.REPORTING: context.reporting}
    return clients[feed]


@strawberry.type
class FeedQueries:
    """The services' event feeds."""

    @strawberry.field(description="读取一个服务的事件流（事件按提交顺序）。只返回当前凭证范围内的事件：项目单位只见本单位、"
                                  "县级角色只见本县区、市级角色与督查见全部，外部系统按凭证的 county 与 feeds 授权；"
                                  "劳动力姓名与身份证号码仅 hr、admin 可见全文，其余读者为脱敏值")
    async def events(self, info: Info[Context, None],
                     service: Annotated[FeedName, strawberry.argument(description="哪个服务的事件流")],
                     after: Annotated[str | None, strawberry.argument(
                         description="上次返回的 nextCursor；为空从头读起")] = None,
                     first: Annotated[int, strawberry.argument(
                         description=f"本页最多几个事件（1–{MAX_FIRST}）")] = 100) -> EventPage:
        """One page of a service's event feed, each payload typed by its contract."""
        start, size = _cursor(after), max(1, min(first, MAX_FIRST))
        page = await _client(info.context, service).call(FEED, params={"after": start,
                                                                       "limit": min(size + 1, REST_MAX)})
        raw = page.events[:size]
        events = [e for e in map(_event, raw) if e is not None]
        next_cursor = raw[-1].id if raw else start
        return EventPage(items=events, next_cursor=str(next_cursor), has_next_page=len(page.events) > size)
