"""Employment service: poor labourers, employers, placements and quotas."""
from fastapi import FastAPI

from services.employment.config import Settings
from services.kit.service_app import build_service


def create_app(settings: Settings | None = None) -> FastAPI:
    """The employment service app (health, metrics and event feed until its domain lands)."""
    return build_service("employment", "柳州就业扶贫 · Employment service", settings or Settings(), [],
                         description="贫困劳动力、用工单位、就业安置与 10% / 5%–10% 用工比例。")
