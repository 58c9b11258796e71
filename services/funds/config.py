"""Funds service settings (env prefix FUNDS_)."""
from pydantic_settings import SettingsConfigDict

from services.kit.settings import ServiceSettings, sqlite_url


class Settings(ServiceSettings):
    """Settings of the funds service."""

    model_config = SettingsConfigDict(env_prefix="FUNDS_")

    database_url: str = sqlite_url("funds")
    port: int = 8002
