"""Funds service: fiscal poverty funds from batch to spending, idle funds and their rectification."""
from fastapi import FastAPI

from services.funds.config import Settings
from services.kit.service_app import build_service


def create_app(settings: Settings | None = None) -> FastAPI:
    """The funds service app (health, metrics and event feed until the ledger lands)."""
    return build_service("funds", "柳州财政扶贫资金 · Funds service", settings or Settings(), [],
                         description="资金批次、分配、报账、闲置资金清理整改、收回与另行安排。")
