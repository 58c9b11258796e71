"""Settings every service shares; each service subclasses with its own env prefix."""
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings

VAR_DIR = Path(__file__).resolve().parents[2] / "var"


def sqlite_url(name: str) -> str:
    """The embedded default database: an SQLite file under var/."""
    return f"sqlite+aiosqlite:///{VAR_DIR / (name + '.db')}"


class ServiceSettings(BaseSettings):
    """Database, auth and server settings; subclasses set env_prefix and the default database."""

    database_url: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    # One secret for all processes, so a token minted once works everywhere.
    jwt_secret: str = Field(
        "dev-only-secret-change-me-in-production",
        validation_alias=AliasChoices("JWT_SECRET"),
        min_length=16,
    )
    db_pool_size: int = 10
    # System tests only: a file holding seconds to add to the clock (see services/kit/clock.py).
    clock_offset_file: Path | None = None
    sql_echo: bool = False
    # Background jobs (services/kit/leader.py): a dead leader's jobs move to another replica within this long.
    lease_seconds: float = Field(15.0, ge=1,
                                 description="后台任务租约时长（秒）：持有者失联后，其他副本最迟在此时间后接手")
