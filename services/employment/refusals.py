"""The employment service's refusals: a 422 naming one field, a 404 for a record the caller cannot read."""
from typing import TypeVar

from services.kit.auth import Principal
from services.kit.db import Base
from services.kit.errors import DomainError, FieldError, not_found, unprocessable
from services.kit.repository import Repository

M = TypeVar("M", bound=Base)


def bad_field(field: str, message: str, code: str = "request.invalid") -> DomainError:
    """A 422 naming one failing field."""
    return unprocessable(code, message, [FieldError(field, message)])


async def readable_or_404(repo: Repository[M], row_id: int, principal: Principal, code: str, noun: str) -> M:
    """The row if it exists and the caller may read it; 404 `code` otherwise (the same answer for both)."""
    row = await repo.get(row_id, principal)
    if row is None:
        raise not_found(code, f"{noun} {row_id} 不存在或不在查看范围内")
    return row
