"""Collaboration service (粤桂扶贫协作): pairings, agreements and key tasks, Guangdong money, the scorecard."""
from fastapi import FastAPI

from services.collaboration.agreements.router import router as agreements_router
from services.collaboration.config import Settings
from services.collaboration.gauges import collaboration_gauges
from services.collaboration.pairings.router import router as pairings_router
from services.collaboration.tasks.router import router as tasks_router
from services.kit.service_app import build_service

# What a malformed path parameter names: its 404 (the record cannot exist).
NOT_FOUND = {"pairing_id": ("collaboration.pairing_not_found", "结对"),
             "agreement_id": ("collaboration.agreement_not_found", "框架协议"),
             "task_id": ("collaboration.task_not_found", "重点任务")}

# Each tag of the contract: its English name (client generators make module names of it) and the Chinese term.
TAGS = {"pairings": "结对帮扶：市际、县际、镇村、学校、医院结对",
        "agreements": "框架协议：每个结对每年一份，含广东承诺帮扶资金",
        "key tasks": "重点任务清单：领域、责任单位、期限、目标，进展报告，逾期清单与完成率"}


def create_app(settings: Settings | None = None) -> FastAPI:
    """The collaboration service app."""
    settings = settings or Settings()
    routers = [pairings_router, agreements_router, tasks_router]
    app = build_service("collaboration", "柳州粤桂扶贫协作 · Collaboration service", settings, routers,
                        domain_gauges=collaboration_gauges(lambda: app.state.clock),
                        description="粤桂扶贫协作：结对、框架协议与重点任务、广东帮扶资金、协作项目、年度成效考核。",
                        not_found=NOT_FOUND, tags=TAGS)
    return app
