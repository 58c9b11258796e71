"""Idempotency-Key on every money-moving POST: a replay returns the first answer and moves nothing."""
import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.funds.safety.models import IdempotencyRecord
from services.kit.auth import Principal
from services.kit.contract import answers
from services.kit.errors import DomainError, FieldError, unprocessable

MAX_KEY = 200
KEY_HELP = f"每笔资金业务唯一的键（1–{MAX_KEY} 个字符）；重放得到首次的结果，同键不同内容 422，缺少 400"
_KEY_LOCK = 4502_0002  # advisory-lock namespace of idempotency keys (outbox 4502_0001, placements 4502_0003)


# Declared as an optional header so the contract shows it; its absence is our 400, not a generic 422.
@answers(400, 422)
async def idempotency_key(
        key: Annotated[str | None, Header(alias="Idempotency-Key", description=KEY_HELP)] = None) -> str:
    """The Idempotency-Key header; 400 when it is missing or unusable (422 when reused for another request)."""
    key = (key or "").strip()
    if not key or len(key) > MAX_KEY:
        raise DomainError(400, "idempotency.key_required",
                          f"资金变动请求须带 Idempotency-Key 请求头（1–{MAX_KEY} 个字符，每笔业务唯一）",
                          [FieldError("Idempotency-Key", "必填项缺失")])
    return key


IdempotencyKey = Annotated[str, Depends(idempotency_key)]


def fingerprint(request: Request, body: BaseModel | dict[str, Any]) -> str:
    """What makes two requests the same: method, path and body."""
    canonical = json.dumps(jsonable_encoder(body), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{request.method} {request.url.path}\n{canonical}".encode()).hexdigest()


async def once(session: AsyncSession, principal: Principal, key: str, request: Request,
               body: BaseModel | dict[str, Any], action: Callable[[], Awaitable[Any]],
               status_code: int = 201) -> JSONResponse:
    """Run the action the first time a caller uses the key; afterwards answer what it answered then."""
    print_ = fingerprint(request, body)
    if session.bind.dialect.name == "postgresql":
        # First uses of one key take turns, so a retry sent while the first is still running waits for it and
        # answers its result. SQLite serialises write transactions by itself.
        await session.execute(text("SELECT pg_advisory_xact_lock(:ns, hashtext(:actor || ' ' || :key))"),
                              {"ns": _KEY_LOCK, "actor": principal.sub, "key": key})
    query = select(IdempotencyRecord).where(IdempotencyRecord.actor == principal.sub, IdempotencyRecord.key == key)
    first = (await session.scalars(query)).one_or_none()
    if first is not None:
        if first.fingerprint != print_:
            raise unprocessable("idempotency.key_reused",
                                "该 Idempotency-Key 已用于另一笔不同的请求，请为新业务使用新的键",
                                [FieldError("Idempotency-Key", "已用于不同的请求")])
        return JSONResponse(first.body, status_code=first.status_code, headers={"Idempotent-Replay": "true"})
    result = jsonable_encoder(await action())
    # Stored in the same transaction as the movement: both commit or neither; the unique (actor, key) backs it up.
    session.add(IdempotencyRecord(actor=principal.sub, key=key, fingerprint=print_, status_code=status_code,
                                  body=result))
    await session.flush()
    return JSONResponse(result, status_code=status_code)
