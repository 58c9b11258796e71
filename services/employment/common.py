"""What every employment endpoint shares: callers, batch ids, the ID-visibility rule."""
from typing import Annotated

from fastapi import Depends

from services.kit.auth import READ_ROLES, Principal, Role, allow
from services.kit.errors import FieldError, unprocessable

Reader = Annotated[Principal, Depends(allow(*READ_ROLES))]
Writer = Annotated[Principal, Depends(allow(Role.HR))]  # 人社局 keeps the employment records


def sees_whole_id(principal: Principal) -> bool:
    """Only hr and admin see a whole ID number; everyone else sees it masked."""
    return principal.sees_personal_data


def bad_field(field: str, message: str, code: str = "request.invalid"):
    """A 422 naming one failing field."""
    return unprocessable(code, message, [FieldError(field, message)])
