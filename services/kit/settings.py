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
    # Excel imports (台账导入): one hostile or careless file must not stall a service for everyone.
    upload_max_bytes: int = Field(5 * 1024 * 1024, ge=1, description="上传文件（multipart）最大字节数，超过答 413")
    ledger_max_rows: int = Field(20_000, ge=1, description="一次导入的台账最多数据行数")
    ledger_max_unpacked_bytes: int = Field(50 * 1024 * 1024, ge=1,
                                           description=".xlsx 解压后的最大总字节数（防压缩炸弹）")
