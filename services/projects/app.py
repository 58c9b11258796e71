"""Projects service: the poverty-alleviation project library (脱贫攻坚项目库)."""
from fastapi import FastAPI

from services.kit.service_app import build_service
from services.kit.work_queue import both, warning_job, work_gauges
from services.projects.clearout.router import router as clearout_router
from services.projects.config import Settings
from services.projects.figures.gauges import library_gauges
from services.projects.figures.router import router as figures_router
from services.projects.ledger.router import router as ledger_router
from services.projects.library.router import router as library_router
from services.projects.lifecycle.router import router as lifecycle_router
from services.projects.monthly.router import router as month_figures_router
from services.projects.plans.router import entry_router as plan_actions_router
from services.projects.plans.router import router as plans_router
from services.projects.work.router import router as work_router
from services.projects.work.service import DUTIES

# What a malformed path parameter names: its 404 (the record cannot exist).
NOT_FOUND = {"project_id": ("project.not_found", "项目"), "objection_id": ("objection.not_found", "异议"),
             "county": ("plan.not_found", "年度计划"), "year": ("plan.not_found", "年度计划")}

# Each tag of the contract: its English name (client generators make module names of it) and the Chinese term.
TAGS = {"project library": "项目库（脱贫攻坚项目库）：入库申报、查询、修改、历史项目导入",
        "review, plans and follow-up": "审批、计划、跟踪：逐级审核、公示、入库、计划、开工、进度、验收、报账",
        "annual plans": "年度计划（年度实施计划）：查询、滚动到下一年、第四季度调整",
        "clear-out": "清理出库：违规或停滞项目的清理清单",
        "bulletin figures": "通报数据：按县区、状态、类别、计划年度汇总",
        "excel ledgers": "台账（Excel，中文表头）：项目库导出，入库申报与历史项目导入",
        "work queue": "待办事项：待审核、退回修改、公示期满、异议、待入库、待列入计划、进度报告到期，临期与逾期"}


def create_app(settings: Settings | None = None) -> FastAPI:
    """The projects service app."""
    # The ledger router comes first: /projects/export.xlsx must win over /projects/{project_id}.
    settings = settings or Settings()
    routers = [ledger_router, library_router, lifecycle_router, plan_actions_router, plans_router, clearout_router,
               figures_router, month_figures_router, work_router]
    gauges = both(library_gauges, work_gauges("projects", lambda: app.state, DUTIES))
    app = build_service("projects", "柳州脱贫攻坚项目库 · Projects service", settings, routers,
                        domain_gauges=gauges, description="项目入库申报、审核、年度计划与跟踪。",
                        not_found=NOT_FOUND, tags=TAGS,
                        jobs=[warning_job("projects.work_warnings", settings.work_sweep_seconds, DUTIES)])
    return app
