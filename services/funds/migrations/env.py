"""Alembic environment of the funds service."""
import services.funds.disclosure.models  # noqa: F401  (registers the tables)
import services.funds.idle.models  # noqa: F401
import services.funds.ledger.models  # noqa: F401
import services.funds.projection.models  # noqa: F401
import services.funds.rectification.models  # noqa: F401
import services.kit.idempotency  # noqa: F401  (idempotency_records)
import services.kit.periods.models  # noqa: F401  (closed_periods, period_corrections)
from services.kit.migrate import run_env

run_env()
