"""Alembic environment of the reporting service."""
import services.reporting.bulletins.models  # noqa: F401  (registers the tables)
from services.kit.migrate import run_env

run_env()
