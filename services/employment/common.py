"""What every employment endpoint shares: callers, batch ids, the ID-visibility rule."""
from typing import Annotated

from fastapi import Depends

from services.kit.auth import READ_ROLES, Principal, Role, allow
from services.kit.errors import FieldError, unprocessable

Reader = Annotated[Principal, Depends(allow(*READ_ROLES))]
Writer = Annotated[Principal, Depends(allow(Role.HR))]  # 人社局 keeps the employment records
MAX_IDS = 200


def sees_whole_id(principal: Principal) -> bool:
    """Only hr and admin see a whole ID number; everyone else sees it masked."""
    return principal.sees_personal_data


def parse_ids(ids: str) -> list[int]:
    """Comma-separated ids of a batch read, de-duplicated in order; 422 when malformed or too many."""
    try:
        parsed = [int(x) for x in ids.split(",") if x.strip()]
    except ValueError:
        parsed = []
    if not parsed or len(parsed) > MAX_IDS:
        message = f"须为 1 到 {MAX_IDS} 个逗号分隔的整数"
        raise unprocessable("request.invalid", f"ids {message}", [FieldError("ids", message)])
    return list(dict.fromkeys(parsed))


def bad_field(field: str, message: str, code: str = "request.invalid"):
    """A 422 naming one failing field."""
    return unprocessable(code, message, [FieldError(field, message)])
