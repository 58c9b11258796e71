"""Liveness (/healthz) and readiness (/readyz: the database answers)."""
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text

health_router = APIRouter(tags=["ops"])


class Readiness(BaseModel):
    """Whether the service can serve: its database answers (the gateway reads `status`)."""

    status: Literal["ok", "unavailable"]
    detail: str | None = None


@health_router.get("/healthz", summary="Liveness")
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@health_router.get("/readyz", summary="Readiness: the database answers", response_model=Readiness,
                   responses={503: {"model": Readiness, "description": "Not ready: the database does not answer"}})
async def readyz(request: Request) -> JSONResponse:
    """Ready when a trivial query succeeds."""
    try:
        async with request.app.state.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as exc:  # any driver error means not ready
        return JSONResponse({"status": "unavailable", "detail": type(exc).__name__}, status_code=503)
    return JSONResponse({"status": "ok"})
