"""The kit's Idempotency-Key helper: a replay answers the first answer and changes nothing; a reused key with
another request is 422; a refused request stores nothing; parallel first uses of one key act once."""
import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import SimpleNamespace

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import Integer, func, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from services.kit.auth import Principal, Role
from services.kit.db import Session, make_engine, make_sessionmaker
from services.kit.errors import conflict, install_error_handlers
from services.kit.idempotency import IdempotencyRecord, IdempotencyRepository, Idempotent
from services.kit.settings import ServiceSettings
from services.kit.testing import DatabaseFactory, bearer

FINANCE = bearer(Role.FINANCE, sub="finance-a")
OTHER_FINANCE = bearer(Role.FINANCE, sub="finance-b")


class _Base(DeclarativeBase):
    pass


class Payment(_Base):
    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    amount: Mapped[int] = mapped_column(Integer)


class Pay(BaseModel):
    amount: int


def payments_app(url: str) -> FastAPI:
    """A one-endpoint app moving 'money' the way services do: replay() first, answer() last."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(url)
        async with engine.begin() as conn:
            await conn.run_sync(_Base.metadata.create_all)
            await conn.run_sync(IdempotencyRecord.__table__.create)
        app.state.sessionmaker = make_sessionmaker(engine)
        app.state.settings = SimpleNamespace(jwt_secret=ServiceSettings().jwt_secret)
        yield
        await engine.dispose()

    app = FastAPI(lifespan=lifespan)
    install_error_handlers(app)

    @app.post("/payments", status_code=201)
    async def pay(body: Pay, session: Session, once: Idempotent) -> JSONResponse:
        if replayed := await once.replay(body):
            return replayed
        row = Payment(amount=body.amount)
        session.add(row)
        await session.flush()
        if body.amount > 100:
            raise conflict("payment.too_large", "超过限额")  # after a write: the rollback must undo it
        await asyncio.sleep(0.01)  # hold the first use open while its duplicates arrive
        return await once.answer({"id": row.id, "amount": body.amount})

    return app


@pytest.fixture
async def client(databases: DatabaseFactory, backend: str) -> AsyncIterator[tuple[httpx.AsyncClient, FastAPI]]:
    url = await databases.blank(backend)
    app = payments_app(url)
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as http:
            yield http, app
    await databases.drop(url)


async def _count(app: FastAPI, model: type) -> int:
    async with app.state.sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(model)))


async def _pay(http: httpx.AsyncClient, amount: int, key: str | None, who: dict = FINANCE) -> httpx.Response:
    headers = who | ({"Idempotency-Key": key} if key is not None else {})
    return await http.post("/payments", json={"amount": amount}, headers=headers)


async def test_a_replay_answers_the_first_answer_and_writes_nothing(client):
    http, app = client
    first = await _pay(http, 10, "k-1")
    replay = await _pay(http, 10, "k-1")
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json() and replay.headers["Idempotent-Replay"] == "true"
    assert "Idempotent-Replay" not in first.headers
    assert await _count(app, Payment) == 1 and await _count(app, IdempotencyRecord) == 1


async def test_the_same_key_with_another_request_is_422_and_changes_nothing(client):
    http, app = client
    await _pay(http, 10, "k-2")
    other = await _pay(http, 11, "k-2")
    assert other.status_code == 422 and other.json()["code"] == "idempotency.key_reused"
    assert other.json()["fields"] == [{"field": "Idempotency-Key", "message": "已用于不同的请求"}]
    assert await _count(app, Payment) == 1


async def test_keys_belong_to_their_caller(client):
    http, app = client
    mine, theirs = await _pay(http, 10, "shared"), await _pay(http, 12, "shared", OTHER_FINANCE)
    assert mine.status_code == theirs.status_code == 201 and mine.json()["id"] != theirs.json()["id"]
    assert await _count(app, Payment) == 2


async def test_a_missing_or_overlong_key_is_400_before_anything_is_written(client):
    http, app = client
    for key in (None, "   ", "k" * 201):
        r = await _pay(http, 10, key)
        assert r.status_code == 400 and r.json()["code"] == "idempotency.key_required", key
    assert await _count(app, Payment) == 0


async def test_a_refused_request_stores_no_answer_so_its_key_can_be_used_again(client):
    http, app = client
    refused = await _pay(http, 500, "k-3")
    assert refused.status_code == 409 and refused.json()["code"] == "payment.too_large"
    assert await _count(app, Payment) == 0 and await _count(app, IdempotencyRecord) == 0
    retried = await _pay(http, 50, "k-3")
    assert retried.status_code == 201 and "Idempotent-Replay" not in retried.headers


async def test_parallel_first_uses_of_one_key_act_once_and_all_answer_the_same(client):
    http, app = client
    answers = await asyncio.gather(*(_pay(http, 7, "k-4") for _ in range(6)))
    assert [r.status_code for r in answers] == [201] * 6, [r.text for r in answers]
    assert len({r.json()["id"] for r in answers}) == 1
    assert sum(r.headers.get("Idempotent-Replay") == "true" for r in answers) == 5
    assert await _count(app, Payment) == 1


async def test_the_repository_reads_only_the_callers_own_answers(client):
    _, app = client
    a, b = Principal("a", Role.FINANCE), Principal("b", Role.FINANCE)
    async with app.state.sessionmaker() as session:
        records = IdempotencyRepository(session)
        await records.add(IdempotencyRecord(actor="a", key="x", fingerprint="f", status_code=201, body={}))
        assert (await records.first(a, "x")).actor == "a"
        assert await records.first(b, "x") is None
