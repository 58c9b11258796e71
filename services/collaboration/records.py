"""What every collaboration record shares: edits made at the version last read, and its ETag (a 404 is the kit's
Repository.get_or_404)."""
from typing import Any, Protocol, TypeVar

from fastapi import Response
from pydantic import BaseModel

from services.kit.concurrency import check_version, etag


class Versioned(Protocol):
    """A read model carrying the record's version."""

    version: int


R = TypeVar("R", bound=Versioned)


def edit(row: Any, version: int, changes: BaseModel) -> None:
    """Apply the fields the caller sent to a row read at `version` (412 when someone changed it since)."""
    check_version(version, row.version)
    for name, value in changes.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(row, name, value)


def tagged(response: Response, read: R) -> R:
    """The read model of a record, its version sent as the ETag the next edit brings back in If-Match."""
    response.headers["ETag"] = etag(read.version)
    return read
