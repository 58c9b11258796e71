"""Alembic environment of the projects service."""
import services.projects.library.models  # noqa: F401  (registers the tables)
from services.kit.migrate import run_env

run_env()
