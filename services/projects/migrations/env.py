"""Alembic environment of the projects service."""
import services.kit.periods.models  # noqa: F401  (closed_periods, period_corrections)
import services.projects.library.models  # noqa: F401  (registers the tables)
import services.projects.lifecycle.models  # noqa: F401
import services.projects.places.models  # noqa: F401
import services.projects.plans.models  # noqa: F401
from services.kit.migrate import run_env

run_env()
