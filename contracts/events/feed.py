"""The envelope of every event on a feed (GET /events?after=), and a feed page as any reader can parse it.

Each service answers its feed with a typed union over its own payload types (the kit's `feed_model`, built on
`EventBase`); a reader that must also survive a newer publisher's types parses `FeedPage` and looks each payload up
with `payload_model(type, version)`.
"""
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class EventBase(BaseModel):
    """What every event of a feed carries; `id` is the cursor to pass as `after`."""

    id: int = Field(description="事件 id，按提交顺序递增；作为 after 传回以继续读取")
    occurred_at: datetime
    aggregate_type: str = Field(description="事件所涉对象的类型")
    aggregate_id: str = Field(description="事件所涉对象的 id")


class FeedEvent(EventBase):
    """An event before its payload is typed: the payload type and version say which contract model it is."""

    type: str = Field(description="事件类型，如 project.status_changed")
    version: int = Field(description="payload 的契约版本")
    payload: dict[str, Any] = Field(description="事件内容（按 type 与 version 的契约模型）")


class FeedPage(BaseModel):
    """One page of a feed, in commit order; `next_after` is the cursor of the next read."""

    events: list[FeedEvent]
    next_after: int = Field(description="下次读取时作为 after 传回")
