"""Projects service settings (env prefix PROJECTS_)."""
from pydantic_settings import SettingsConfigDict

from services.kit.settings import ServiceSettings, sqlite_url


class Settings(ServiceSettings):
    """Settings of the project-library service."""

    model_config = SettingsConfigDict(env_prefix="PROJECTS_")

    database_url: str = sqlite_url("projects")
    port: int = 8001
