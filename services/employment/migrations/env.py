"""Alembic environment of the employment service."""
import services.employment.employers.models  # noqa: F401  (registers the tables)
import services.employment.labourers.models  # noqa: F401
import services.employment.placements.models  # noqa: F401
import services.employment.training.models  # noqa: F401
import services.kit.periods.models  # noqa: F401  (closed_periods, period_corrections)
from services.kit.migrate import run_env

run_env()
