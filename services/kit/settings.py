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
                            min_length=16,
                            description="签发与校验登录凭证（JWT）的密钥，所有进程共用；生产环境必须改为随机长串")


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

    database_url: str = Field("", description="本服务数据库（SQLAlchemy URL，如 postgresql+asyncpg://用户:密码@主机/库名）")
    host: str = Field("127.0.0.1", description="监听地址；容器内为 0.0.0.0")
    port: int = Field(8000, description="监听端口")
    db_pool_size: int = Field(10, description="每个工作进程的数据库连接池大小（高峰时另可溢出同样多）")
    # Tokens a service mints for its own calls to another service: short-lived, renewed before they expire.
    service_token_minutes: int = Field(5, ge=1, le=60, description="服务间调用令牌的有效期（分钟），到期前自动更新")
    # System tests only: a file holding seconds to add to the clock (see services/kit/clock.py).
    clock_offset_file: Path | None = Field(None, description="仅供系统测试：文件中的秒数加到服务时钟上；生产不设")
    sql_echo: bool = Field(False, description="把每条 SQL 写入日志（排查问题用）")
    # Background jobs (services/kit/leader.py): a dead leader's jobs move to another replica within this long.
    lease_seconds: float = Field(15.0, ge=1,
                                 description="后台任务租约时长（秒）：持有者失联后，其他副本最迟在此时间后接手")
    # Excel imports (台账导入): one hostile or careless file must not stall a service for everyone.
    upload_max_bytes: int = Field(5 * 1024 * 1024, ge=1, description="上传文件（multipart）最大字节数，超过答 413")
    ledger_max_rows: int = Field(20_000, ge=1, description="一次导入的台账最多数据行数")
    ledger_max_unpacked_bytes: int = Field(50 * 1024 * 1024, ge=1,
                                           description=".xlsx 解压后的最大总字节数（防压缩炸弹）")

    @property
    def service_token_ttl(self) -> timedelta:
        """Lifetime of a service-to-service token."""
        return timedelta(minutes=self.service_token_minutes)
