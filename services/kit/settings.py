"""Settings every process shares; each service subclasses with its own env prefix."""
from datetime import timedelta
from enum import StrEnum
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

VAR_DIR = Path(__file__).resolve().parents[2] / "var"
# Published in this repository, so anyone could sign tokens with it: accepted in development only.
DEFAULT_JWT_SECRET = "dev-only-secret-change-me-in-production"


def sqlite_url(name: str) -> str:
    """The embedded default database: an SQLite file under var/."""
    return f"sqlite+aiosqlite:///{VAR_DIR / (name + '.db')}"


class Environment(StrEnum):
    """Where a process runs: `make run` and the tests say development; anything deployed is production."""

    DEVELOPMENT = "development"
    PRODUCTION = "production"


class ProcessSettings(BaseSettings):
    """What every process (the services and the gateway) reads under one unprefixed name."""

    model_config = SettingsConfigDict(populate_by_name=True)

    environment: Environment = Field(
        Environment.PRODUCTION, validation_alias=AliasChoices("ENVIRONMENT", "environment"),
        description="development 或 production（默认）；production 下拒绝使用公开的默认 JWT 密钥启动")
    # One secret for all processes, so a token minted once works everywhere.
    jwt_secret: str = Field(DEFAULT_JWT_SECRET, validation_alias=AliasChoices("JWT_SECRET", "jwt_secret"),
                            min_length=16)


class RefusedStart(SystemExit):
    """Raised while an app is built with unsafe settings: the process exits 1 with the message on stderr."""


def refuse_unsafe_start(settings: ProcessSettings, process: str) -> None:
    """Outside development, refuse to build an app that would accept tokens signed with the published secret."""
    if settings.environment != Environment.DEVELOPMENT and settings.jwt_secret == DEFAULT_JWT_SECRET:
        raise RefusedStart(
            f"{process}: 拒绝启动——JWT_SECRET 仍是公开的默认值，任何人都能签发令牌。请设置 JWT_SECRET"
            f"（所有进程相同，至少 16 个字符）；仅在本机开发时可设置 ENVIRONMENT=development。\n"
            f"{process}: refusing to start: JWT_SECRET is the published default and ENVIRONMENT is "
            f"{settings.environment}; set JWT_SECRET, or ENVIRONMENT=development on a developer machine.")


class ServiceSettings(ProcessSettings):
    """Database, auth and server settings; subclasses set env_prefix and the default database."""

    database_url: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    db_pool_size: int = 10
    # Tokens a service mints for its own calls to another service: short-lived, renewed before they expire.
    service_token_minutes: int = Field(5, ge=1, le=60, description="服务间调用令牌的有效期（分钟），到期前自动更新")
    # System tests only: a file holding seconds to add to the clock (see services/kit/clock.py).
    clock_offset_file: Path | None = None
    sql_echo: bool = False
    # Excel imports (台账导入): one hostile or careless file must not stall a service for everyone.
    upload_max_bytes: int = Field(5 * 1024 * 1024, ge=1, description="上传文件（multipart）最大字节数，超过答 413")
    ledger_max_rows: int = Field(20_000, ge=1, description="一次导入的台账最多数据行数")
    ledger_max_unpacked_bytes: int = Field(50 * 1024 * 1024, ge=1,
                                           description=".xlsx 解压后的最大总字节数（防压缩炸弹）")

    @property
    def service_token_ttl(self) -> timedelta:
        """Lifetime of a service-to-service token."""
        return timedelta(minutes=self.service_token_minutes)
