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
from services.funds.rectification.month_router import router as month_cases_router
from services.funds.rectification.router import router as rectification_router
from services.funds.rectification.schedule import sweep_job
from services.funds.work.router import router as work_router
from services.funds.work.service import DUTIES
from services.kit.metrics import combined_gauges
from services.kit.periods.router import PERIOD_NOT_FOUND
from services.kit.periods.router import router as periods_router
from services.kit.service_app import build_service
from services.kit.work_queue import warning_job, work_gauges

# What a malformed path parameter names: its 404 (the record cannot exist).
NOT_FOUND = {"batch_id": ("funds.batch_not_found", "资金批次"),
             "allocation_id": ("funds.allocation_not_found", "资金分配"),
             "spending_id": ("funds.spending_not_found", "报账记录"),
             "recovery_id": ("funds.recovery_not_found", "收回记录"),
             "case_id": ("funds.case_not_found", "整改事项"),
             "kind": ("funds.idle_item_not_found", "闲置资金"), "item_id": ("funds.idle_item_not_found", "闲置资金")}
NOT_FOUND |= PERIOD_NOT_FOUND

# Each tag of the contract: its English name (client generators make module names of it) and the Chinese term.
TAGS = {"ledger": "资金台账：资金批次（资金文件）、分配、报账、冲销、收回与另行安排，项目资金汇总",
        "idle funds": "闲置资金：按分类（加快推进、验收报账、收回、启动、安排）与闲置时长的清单、汇总、人工调整分类",
        "rectification": "整改销号：整改事项、整改中、销号、每周通报",
        "spending progress": "资金支出进度：支出 ÷ 到位，按县区、来源、年度，红黄标记",
        "disclosure and evaluation": "公告公示、绩效评价",
        "excel ledgers": "台账（Excel，中文表头）：资金批次、闲置资金、整改事项导出，报账记录导入",
        "work queue": "待办事项：整改事项限期（临期、逾期）、闲置资金尚未立项整改",
        "reporting periods": "关账：县区月度报送关账（进度、报账、安置），关账后的更正"}


def create_app(settings: Settings | None = None,
               projects_transport: httpx.AsyncBaseTransport | None = None) -> FastAPI:
    """The funds service app; `projects_transport` lets tests route calls to an in-process projects app."""
    settings = settings or Settings()
    # The month figures come before /rectification-cases/{case_id}.
    routers = [ledger_router, funding_router, idle_router, month_cases_router, rectification_router, progress_router,
               disclosure_router, excel_router, work_router, periods_router]
    app = build_service("funds", "柳州财政扶贫资金 · Funds service", settings, routers,
                        domain_gauges=combined_gauges(funds_gauges(settings, lambda: app.state.clock),
                                           work_gauges("funds", lambda: app.state, DUTIES)),
                        background=feed_background(projects_transport),
                        jobs=[feed_job(settings.feed_poll_seconds), sweep_job(settings.sweep_seconds),
                              warning_job("funds.work_warnings", settings.work_sweep_seconds, DUTIES)],
                        description="资金批次、分配、报账、闲置资金清理整改、收回与另行安排。", not_found=NOT_FOUND,
                        tags=TAGS)
    return app
