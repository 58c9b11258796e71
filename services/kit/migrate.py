"""Run a service's Alembic migrations: python -m services.kit.migrate SERVICE [DATABASE_URL]."""
import asyncio
import importlib
import sys
from pathlib import Path

from alembic import command, context
from alembic.config import Config
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from services.kit.db import Base

SERVICES_DIR = Path(__file__).resolve().parents[1]


def alembic_config(service: str, url: str) -> Config:
    """An Alembic config for one service's history, without an ini file."""
    config = Config()
    config.set_main_option("script_location", str(SERVICES_DIR / service / "migrations"))
    config.set_main_option("sqlalchemy.url", url)
    config.attributes["service"] = service
    return config


def upgrade(service: str, url: str) -> None:
    """Bring the service's database to the newest revision."""
    if url.startswith("sqlite"):
        Path(url.split("///", 1)[1]).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(service, url), "head")


def _run_sync(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


async def _run_async(url: str) -> None:
    engine = create_async_engine(url, poolclass=NullPool)
    async with engine.connect() as connection:
        await connection.run_sync(_run_sync)
    await engine.dispose()


def run_env() -> None:
    """Body of every service's migrations/env.py (online mode, async driver)."""
    url = context.config.get_main_option("sqlalchemy.url")
    assert url is not None, "alembic_config() always sets sqlalchemy.url"
    asyncio.run(_run_async(url))


def main() -> None:
    """Upgrade one service's database (its configured URL unless one is given)."""
    service = sys.argv[1]
    if len(sys.argv) > 2:
        url = sys.argv[2]
    else:
        url = importlib.import_module(f"services.{service}.config").Settings().database_url
    upgrade(service, url)
    print(f"{service}: migrated {url.split('@')[-1]}")


if __name__ == "__main__":
    main()
