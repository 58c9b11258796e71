"""Idempotency-Key on money-moving POSTs (幂等键): a retried request answers what the first one answered and moves
nothing again; the same key sent with another request is refused (422 idempotency.key_reused).

An endpoint takes `Idempotent` and asks it first whether this is a replay, then has it keep the answer:

    async def spend(allocation_id: Id, body: SpendingCreate, ctx: Finance, once: Idempotent) -> Response:
        if replayed := await once.replay(body):
            return replayed
        return await once.answer(SpendingRead.model_validate(await service.spend(ctx, allocation_id, body)))

The answer is stored in the request's own transaction: the movement and its answer commit together or not at
all, and a refused request stores nothing, so it can be retried with the same key. The service owning the
`idempotency_records` table migrates it (funds does).
"""
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from sqlalchemy import JSON, Integer, Select, String, UniqueConstraint, select, text
from sqlalchemy.orm import Mapped, mapped_column

from services.kit.auth import Principal, current_principal
from services.kit.contract import answers
from services.kit.db import Base, BigId, Session, UTCDateTime, utcnow
from services.kit.errors import DomainError, FieldError, unprocessable
from services.kit.repository import Repository

MAX_KEY = 200
KEY_HELP = f"每笔资金业务唯一的键（1–{MAX_KEY} 个字符）；重放得到首次的结果，同键不同内容 422，缺少 400"
_KEY_LOCK = 4502_0002  # advisory-lock namespace of idempotency keys (outbox 4502_0001, placements 4502_0003)


class IdempotencyRecord(Base):
    """The first answer to (caller, key), and a fingerprint of the request that got it."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("actor", "key", name="uq_idempotency_records_actor_key"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    actor: Mapped[str] = mapped_column(String(120))
    key: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    body: Mapped[Any] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class IdempotencyRepository(Repository[IdempotencyRecord]):
    """Stored answers; a caller reads only its own (keys are per caller)."""

    model = IdempotencyRecord
    county_column = None

    def readable(self, principal: Principal) -> Select[IdempotencyRecord]:
        """The caller's own stored answers."""
        return select(IdempotencyRecord).where(IdempotencyRecord.actor == principal.sub)

    async def take_turn(self, principal: Principal, key: str) -> None:
        """Wait for any other first use of this key to finish (PostgreSQL; SQLite serialises write transactions
        by itself), so a retry sent while the first is still running answers its result instead of moving money."""
        if self.session.get_bind().dialect.name == "postgresql":
            await self.session.execute(text("SELECT pg_advisory_xact_lock(:ns, hashtext(:actor || ' ' || :key))"),
                                       {"ns": _KEY_LOCK, "actor": principal.sub, "key": key})

    async def first(self, principal: Principal, key: str) -> IdempotencyRecord | None:
        """The answer stored for the caller's key, if any."""
        query = self.readable(principal).where(IdempotencyRecord.key == key)
        return (await self.session.scalars(query)).one_or_none()


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


@dataclass
class Idempotency:
    """One money-moving request under its key: `replay()` the stored answer, or `answer()` and store this one."""

    key: str
    principal: Principal
    request_line: str  # method and path: the same body posted elsewhere is another request
    records: IdempotencyRepository
    _fingerprint: str | None = field(default=None, init=False)

    def fingerprint(self, body: Any) -> str:
        """What makes two requests the same: method, path and body (a model, or what stands for it, e.g. a hash)."""
        canonical = json.dumps(jsonable_encoder(body), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(f"{self.request_line}\n{canonical}".encode()).hexdigest()

    async def replay(self, body: Any) -> JSONResponse | None:
        """The first answer when this key was used for this same request; None when this is its first use.

        422 idempotency.key_reused when the key was used for another request. Call it before any change.
        """
        self._fingerprint = self.fingerprint(body)
        await self.records.take_turn(self.principal, self.key)
        first = await self.records.first(self.principal, self.key)
        if first is None:
            return None
        if first.fingerprint != self._fingerprint:
            raise unprocessable("idempotency.key_reused",
                                "该 Idempotency-Key 已用于另一笔不同的请求，请为新业务使用新的键",
                                [FieldError("Idempotency-Key", "已用于不同的请求")])
        return JSONResponse(first.body, status_code=first.status_code, headers={"Idempotent-Replay": "true"})

    async def answer(self, result: Any, status_code: int = 201) -> JSONResponse:
        """Store the answer to this first use of the key, in the request's transaction, and give it."""
        if self._fingerprint is None:
            raise RuntimeError("Idempotency.answer() before replay(): the key was never checked")
        body = jsonable_encoder(result)
        # The unique (actor, key) backs up take_turn: a duplicate that slipped past it fails to commit.
        await self.records.add(IdempotencyRecord(actor=self.principal.sub, key=self.key,
                                                 fingerprint=self._fingerprint, status_code=status_code, body=body))
        return JSONResponse(body, status_code=status_code)


async def _idempotency(request: Request, session: Session, key: Annotated[str, Depends(idempotency_key)],
                       principal: Annotated[Principal, Depends(current_principal)]) -> Idempotency:
    return Idempotency(key, principal, f"{request.method} {request.url.path}", IdempotencyRepository(session))


# The parameter type of a money-moving POST (the same session as the request's context: one transaction).
Idempotent = Annotated[Idempotency, Depends(_idempotency)]
