"""Alembic environment of the collaboration service."""
import services.collaboration.agreements.models  # noqa: F401  (registers the tables)
import services.collaboration.cooperation.models  # noqa: F401
import services.collaboration.feeds.models  # noqa: F401
import services.collaboration.money.models  # noqa: F401
import services.collaboration.pairings.models  # noqa: F401
import services.collaboration.projects.models  # noqa: F401
import services.collaboration.tasks.models  # noqa: F401
import services.kit.idempotency  # noqa: F401  (idempotency_records of the plan lines)
from services.kit.migrate import run_env

run_env()
