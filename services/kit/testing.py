"""Test helpers: fresh migrated databases (SQLite and PostgreSQL), in-process clients, tokens."""
import asyncio
import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import httpx
from fastapi import FastAPI

from services.kit.auth import Role, mint_token
from services.kit.migrate import upgrade
from services.kit.settings import ServiceSettings

POSTGRES_ENV = "TEST_POSTGRES_URL"  # e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/postgres


def backends() -> list[str]:
    """SQLite always; PostgreSQL too when TEST_POSTGRES_URL names a server."""
    return ["sqlite", "postgres"] if os.environ.get(POSTGRES_ENV) else ["sqlite"]


def _pg_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def _pg_url_for(database: str) -> str:
    base = os.environ[POSTGRES_ENV]
    return base.rsplit("/", 1)[0] + "/" + database


async def _pg_admin(*statements: str) -> None:
    conn = await asyncpg.connect(_pg_dsn(os.environ[POSTGRES_ENV]))
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


class DatabaseFactory:
    """Migrates one template database per service and backend, then hands out cheap copies of it."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="lz-test-"))
        self.templates: dict[tuple[str, str], str] = {}
        self.tag = uuid.uuid4().hex[:8]

    def template(self, service: str, backend: str) -> str:
        """Name of the migrated template (file path or database name); built once. Call outside a loop."""
        key = (service, backend)
        if key not in self.templates:
            if backend == "sqlite":
                path = self.dir / f"{service}-template.db"
                upgrade(service, f"sqlite+aiosqlite:///{path}")
                self.templates[key] = str(path)
            else:
                name = f"lz_tpl_{service}_{self.tag}"
                asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'))
                upgrade(service, _pg_url_for(name))
                self.templates[key] = name
        return self.templates[key]

    def template_url(self, service: str, backend: str) -> str:
        """The database URL of a built template, to seed reference data every copy should start with."""
        template = self.templates[(service, backend)]
        return f"sqlite+aiosqlite:///{template}" if backend == "sqlite" else _pg_url_for(template)

    async def create(self, service: str, backend: str) -> str:
        """A fresh database URL holding the newest schema."""
        template = self.templates[(service, backend)]
        if backend == "sqlite":
            path = self.dir / f"{service}-{uuid.uuid4().hex}.db"
            shutil.copyfile(template, path)
            return f"sqlite+aiosqlite:///{path}"
        name = f"lz_t_{uuid.uuid4().hex[:16]}"
        await _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return _pg_url_for(name)

    async def blank(self, backend: str) -> str:
        """A fresh, empty database URL (no schema), for migrating step by step."""
        if backend == "sqlite":
            return f"sqlite+aiosqlite:///{self.dir / f'blank-{uuid.uuid4().hex}.db'}"
        name = f"lz_t_{uuid.uuid4().hex[:16]}"
        await _pg_admin(f'CREATE DATABASE "{name}"')
        return _pg_url_for(name)

    async def drop(self, url: str) -> None:
        """Remove a database made by create."""
        if url.startswith("postgresql"):
            await _pg_admin(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')

    def close(self) -> None:
        """Remove the templates and files."""
        names = [n for (_, b), n in self.templates.items() if b == "postgres"]
        if names:
            asyncio.run(_pg_admin(*(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)' for n in names)))
        shutil.rmtree(self.dir, ignore_errors=True)


@asynccontextmanager
async def serve_in_process(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """Run the app's lifespan and yield a client that calls it in process."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


def bearer(role: Role | str, county: str | None = None, org: str | None = None, sub: str | None = None,
           secret: str | None = None, feeds: list[str] | None = None) -> dict[str, str]:
    """An Authorization header for a role, signed with the default secret unless one is given."""
    secret = secret or ServiceSettings().jwt_secret
    token = mint_token(secret, sub or f"test-{role}-{county or 'city'}", role, county, org, feeds=feeds)
    return {"Authorization": f"Bearer {token}"}
