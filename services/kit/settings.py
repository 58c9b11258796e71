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

    database_url: str = Field("", description="本服务数据库（SQLAlchemy URL，如 postgresql+asyncpg://用户:密码@主机/库名）")
    host: str = Field("127.0.0.1", description="监听地址；容器内为 0.0.0.0")
    port: int = Field(8000, description="监听端口")
    # One secret for all processes, so a token minted once works everywhere.
    jwt_secret: str = Field(
        "dev-only-secret-change-me-in-production",
        validation_alias=AliasChoices("JWT_SECRET"),
        min_length=16,
        description="签发与校验登录凭证（JWT）的密钥，所有进程共用；生产环境必须改为随机长串",
    )
    db_pool_size: int = Field(10, description="每个工作进程的数据库连接池大小（高峰时另可溢出同样多）")
    # System tests only: a file holding seconds to add to the clock (see services/kit/clock.py).
    clock_offset_file: Path | None = Field(None, description="仅供系统测试：文件中的秒数加到服务时钟上；生产不设")
    sql_echo: bool = Field(False, description="把每条 SQL 写入日志（排查问题用）")
    # Background jobs (services/kit/leader.py): a dead leader's jobs move to another replica within this long.
    lease_seconds: float = Field(15.0, ge=1,
                                 description="后台任务租约时长（秒）：持有者失联后，其他副本最迟在此时间后接手")
