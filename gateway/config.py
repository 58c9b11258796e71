"""Gateway settings (env prefix GATEWAY_)."""
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Where the services are, how long to wait for them, and the query limits."""

    model_config = SettingsConfigDict(env_prefix="GATEWAY_")

    host: str = "127.0.0.1"
    port: int = 8000
    projects_url: str = "http://127.0.0.1:8001"
    funds_url: str = "http://127.0.0.1:8002"
    employment_url: str = "http://127.0.0.1:8003"
    connect_timeout: float = 2.0
    read_timeout: float = 10.0
    max_connections: int = 100
    max_depth: int = 10
    max_aliases: int = 20
    max_tokens: int = 2000
    # Request bodies over this many bytes (GATEWAY_MAX_BODY_BYTES) answer 413 request.too_large unparsed.
    max_body_bytes: int = Field(1024 * 1024, ge=1)
