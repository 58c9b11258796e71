"""Collaboration service (粤桂扶贫协作): pairings, agreements and key tasks, Guangdong money, the scorecard."""
import httpx
from fastapi import FastAPI

from services.collaboration.agreements.router import router as agreements_router
from services.collaboration.config import Settings
from services.collaboration.cooperation.router import router as cooperation_router
from services.collaboration.feeds.follower import feed_jobs, upstreams_background
from services.collaboration.gauges import collaboration_gauges
from services.collaboration.money.router import router as money_router
from services.collaboration.pairings.router import router as pairings_router
from services.collaboration.projects.router import router as projects_router
from services.collaboration.scorecard.router import router as scorecard_router
from services.collaboration.tasks.router import router as tasks_router
from services.collaboration.work.router import router as work_router
from services.collaboration.work.service import DUTIES
from services.kit.metrics import combined_gauges
from services.kit.service_app import build_service
from services.kit.work_queue import warning_job, work_gauges

# What a malformed path parameter names: its 404 (the record cannot exist).
NOT_FOUND = {"pairing_id": ("collaboration.pairing_not_found", "结对"),
             "agreement_id": ("collaboration.agreement_not_found", "框架协议"),
             "task_id": ("collaboration.task_not_found", "重点任务"),
             "collaboration_project_id": ("collaboration.project_not_found", "协作项目")}

# Each tag of the contract: its English name (client generators make module names of it) and the Chinese term.
TAGS = {"pairings": "结对帮扶：市际、县际、镇村、学校、医院结对",
        "agreements": "框架协议：每个结对每年一份，含广东承诺帮扶资金",
        "key tasks": "重点任务清单：领域、责任单位、期限、目标，进展报告，逾期清单与完成率",
        "collaboration projects": "粤桂扶贫协作项目库：项目库中的项目登记为协作项目，广东资金份额与带贫减贫机制",
        "guangdong money": "广东帮扶资金：承诺、到位、资金使用计划、分配、支出，到位率与支出率",
        "industry and talent": "产业协作（引进企业、投资、带贫人数）与人才交流（挂职干部、专业技术人才）",
        "scorecard": "东西部扶贫协作成效考核：每县区一行，指标权重可设置，Excel 导出；县区数字供月报",
        "work queue": "待办事项：临近期限或已逾期的重点任务，临期与逾期预警"}


def create_app(settings: Settings | None = None,
               transports: dict[str, httpx.AsyncBaseTransport] | None = None) -> FastAPI:
    """The collaboration service app; `transports` lets tests route its calls to in-process apps of the
    projects, funds and employment services."""
    settings = settings or Settings()
    routers = [pairings_router, agreements_router, tasks_router, projects_router, money_router, cooperation_router,
               scorecard_router, work_router]
    gauges = combined_gauges(collaboration_gauges(lambda: app.state.clock),
                  work_gauges("collaboration", lambda: app.state, DUTIES))
    jobs = [*feed_jobs(settings.feed_poll_seconds),
            warning_job("collaboration.work_warnings", settings.work_sweep_seconds, DUTIES)]
    app = build_service("collaboration", "柳州粤桂扶贫协作 · Collaboration service", settings, routers,
                        domain_gauges=gauges,
                        description="粤桂扶贫协作：结对、框架协议与重点任务、广东帮扶资金、协作项目、年度成效考核。",
                        background=upstreams_background(transports), jobs=jobs,
                        not_found=NOT_FOUND, tags=TAGS)
    return app
