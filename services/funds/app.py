"""Funds service: fiscal poverty funds from batch to spending, idle funds and their rectification."""
import httpx
from fastapi import FastAPI

from services.funds.config import Settings
from services.funds.disclosure.router import router as disclosure_router
from services.funds.excel.router import router as excel_router
from services.funds.funding import router as funding_router
from services.funds.gauges import funds_gauges
from services.funds.idle.router import router as idle_router
from services.funds.ledger.router import router as ledger_router
from services.funds.progress.router import router as progress_router
from services.funds.projection.feed import feed_background, feed_job
from services.funds.rectification.router import router as rectification_router
from services.funds.rectification.schedule import sweep_job
from services.kit.service_app import build_service

# What a malformed path parameter names: its 404 (the record cannot exist).
NOT_FOUND = {"batch_id": ("funds.batch_not_found", "资金批次"),
             "allocation_id": ("funds.allocation_not_found", "资金分配"),
             "spending_id": ("funds.spending_not_found", "报账记录"),
             "recovery_id": ("funds.recovery_not_found", "收回记录"),
             "case_id": ("funds.case_not_found", "整改事项"),
             "kind": ("funds.idle_item_not_found", "闲置资金"), "item_id": ("funds.idle_item_not_found", "闲置资金")}


def create_app(settings: Settings | None = None,
               projects_transport: httpx.AsyncBaseTransport | None = None) -> FastAPI:
    """The funds service app; `projects_transport` lets tests route calls to an in-process projects app."""
    settings = settings or Settings()
    routers = [ledger_router, funding_router, idle_router, rectification_router, progress_router,
               disclosure_router, excel_router]
    app = build_service("funds", "柳州财政扶贫资金 · Funds service", settings, routers,
                        domain_gauges=funds_gauges(settings, lambda: app.state.clock),
                        background=feed_background(projects_transport),
                        jobs=[feed_job(settings.feed_poll_seconds), sweep_job(settings.sweep_seconds)],
                        description="资金批次、分配、报账、闲置资金清理整改、收回与另行安排。", not_found=NOT_FOUND)
    return app
