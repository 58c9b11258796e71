"""What every employment endpoint shares: callers, batch ids, the ID-visibility rule, strict schemas."""
from typing import Annotated

from fastapi import Depends
from pydantic import BaseModel, ConfigDict

from services.kit.auth import READ_ROLES, Principal, Role, allow
from services.kit.errors import FieldError, unprocessable

Reader = Annotated[Principal, Depends(allow(*READ_ROLES))]
Writer = Annotated[Principal, Depends(allow(Role.HR))]  # 人社局 keeps the employment records
_SEES_WHOLE_ID = frozenset({Role.HR, Role.ADMIN})


class Strict(BaseModel):
    """Unknown fields are refused rather than silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def sees_whole_id(principal: Principal) -> bool:
    """Only hr and admin see a whole ID number; everyone else sees it masked."""
    return principal.role in _SEES_WHOLE_ID


def bad_field(field: str, message: str, code: str = "request.invalid"):
    """A 422 naming one failing field."""
    return unprocessable(code, message, [FieldError(field, message)])
