"""Alembic environment of the employment service."""
from services.kit.migrate import run_env

run_env()
