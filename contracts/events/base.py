"""The base of every event payload and the registry of payload types by feed, type and version."""
import functools
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict

from contracts.enums import FeedName
from contracts.personal import Personal

P = TypeVar("P", bound="EventPayload")
# (type, version) -> payload model; filled by @event as the feed modules are imported.
REGISTRY: dict[tuple[str, int], type["EventPayload"]] = {}
FEEDS: dict[FeedName, list[type["EventPayload"]]] = {feed: [] for feed in FeedName}


class EventPayload(BaseModel):
    """One event's payload: immutable, unknown fields refused, every field always present (null when unknown).

    A payload type never changes once published: a new field or meaning is a new version (a new class
    registered under the same type with version + 1), and consumers skip versions they do not know.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    feed: ClassVar[FeedName]
    event_type: ClassVar[str]
    event_version: ClassVar[int]
    aggregate_type: ClassVar[str]
    aggregate_key: ClassVar[str]  # the field whose value is the aggregate's id

    def aggregate_id(self) -> str:
        """The id of the thing this event is about (a project, an allocation, a labourer...)."""
        return str(getattr(self, self.aggregate_key))

    @classmethod
    def personal_fields(cls) -> dict[str, Callable[[str], str]]:
        """The fields declared personal data, each with its mask."""
        return _personal(cls)

    @classmethod
    def mask(cls, payload: dict[str, Any]) -> dict[str, Any]:
        """A stored payload as a reader without the right to personal data sees it."""
        personal = cls.personal_fields()
        if not personal:
            return payload
        return {k: personal[k](v) if k in personal and isinstance(v, str) else v for k, v in payload.items()}


@functools.cache
def _personal(cls: type[EventPayload]) -> dict[str, Callable[[str], str]]:
    return {name: meta.mask for name, info in cls.model_fields.items()
            for meta in info.metadata if isinstance(meta, Personal)}


def event(feed: FeedName | tuple[FeedName, ...], event_type: str, version: int, aggregate_type: str,
          aggregate_key: str) -> Callable[[type[P]], type[P]]:
    """Register a payload model as `event_type` version `version` on `feed` (or on each of several feeds, for a
    payload every service publishes alike), about `aggregate_type`."""
    feeds = feed if isinstance(feed, tuple) else (feed,)

    def register(cls: type[P]) -> type[P]:
        if (event_type, version) in REGISTRY:
            raise ValueError(f"event {event_type} v{version} is registered twice")
        if aggregate_key not in cls.model_fields:
            raise ValueError(f"{cls.__name__} has no field {aggregate_key}")
        cls.feed, cls.event_type, cls.event_version = feeds[0], event_type, version
        cls.aggregate_type, cls.aggregate_key = aggregate_type, aggregate_key
        REGISTRY[(event_type, version)] = cls
        for one in feeds:
            FEEDS[one].append(cls)
        return cls

    return register
