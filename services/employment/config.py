"""Employment service settings (env prefix EMPLOYMENT_)."""
from pydantic_settings import SettingsConfigDict

from services.kit.settings import ServiceSettings, sqlite_url


class Settings(ServiceSettings):
    """Settings of the employment service."""

    model_config = SettingsConfigDict(env_prefix="EMPLOYMENT_")

    database_url: str = sqlite_url("employment")
    port: int = 8003
