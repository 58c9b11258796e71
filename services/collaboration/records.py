"""What every collaboration record shares: read within scope or 404, and edits made at the version last read."""
from typing import Any, Protocol, TypeVar

from fastapi import Response
from pydantic import BaseModel

from services.kit.auth import Principal
from services.kit.concurrency import check_version, etag
from services.kit.errors import not_found
from services.kit.repository import M, Repository


class Versioned(Protocol):
    """A read model carrying the record's version."""

    version: int


R = TypeVar("R", bound=Versioned)


async def found(repo: Repository[M], row_id: int, principal: Principal, code: str, noun: str) -> M:
    """The row the caller may read; 404 `code` naming the `noun` otherwise (existence is not disclosed)."""
    row = await repo.get(row_id, principal)
    if row is None:
        raise not_found(code, f"{noun} {row_id} 不存在或不在查看范围内")
    return row


def edit(row: Any, version: int, changes: BaseModel) -> None:
    """Apply the fields the caller sent to a row read at `version` (412 when someone changed it since)."""
    check_version(version, row.version)
    for name, value in changes.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(row, name, value)


def tagged(response: Response, read: R) -> R:
    """The read model of a record, its version sent as the ETag the next edit brings back in If-Match."""
    response.headers["ETag"] = etag(read.version)
    return read
