"""Every event payload type on every feed, typed and versioned; look one up with `payload_model`."""
from typing import Any

from contracts.events import collaboration, employment, funds, places, projects, reporting, work
from contracts.events.base import FEEDS, REGISTRY, EventPayload, event

__all__ = ["FEEDS", "REGISTRY", "EventPayload", "event", "payload_model", "parse_payload", "collaboration",
           "employment", "funds", "places", "projects", "reporting", "work"]


def payload_model(event_type: str, version: int) -> type[EventPayload] | None:
    """The model of a payload type and version, or None when this code does not know it."""
    return REGISTRY.get((event_type, version))


def parse_payload(event_type: str, version: int, payload: dict[str, Any]) -> EventPayload | None:
    """The typed payload, or None when the type or version is unknown; ValidationError when it is malformed."""
    model = payload_model(event_type, version)
    return None if model is None else model.model_validate(payload)
