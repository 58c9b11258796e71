"""Projects service: the poverty-alleviation project library (脱贫攻坚项目库)."""
from fastapi import FastAPI

from services.kit.service_app import build_service
from services.projects.clearout.router import router as clearout_router
from services.projects.config import Settings
from services.projects.figures.gauges import library_gauges
from services.projects.figures.router import router as figures_router
from services.projects.ledger.router import router as ledger_router
from services.projects.library.lean_routes import LEAN_ROUTES
from services.projects.library.router import router as library_router
from services.projects.lifecycle.router import router as lifecycle_router
from services.projects.monthly.router import router as month_figures_router
from services.projects.plans.router import entry_router as plan_actions_router
from services.projects.plans.router import router as plans_router

# What a malformed path parameter names: its 404 (the record cannot exist).
NOT_FOUND = {"project_id": ("project.not_found", "项目"), "objection_id": ("objection.not_found", "异议"),
             "county": ("plan.not_found", "年度计划"), "year": ("plan.not_found", "年度计划")}

# Each tag of the contract: its English name (client generators make module names of it) and the Chinese term.
TAGS = {"project library": "项目库（脱贫攻坚项目库）：入库申报、查询、修改、历史项目导入",
        "review, plans and follow-up": "审批、计划、跟踪：逐级审核、公示、入库、计划、开工、进度、验收、报账",
        "annual plans": "年度计划（年度实施计划）：查询、滚动到下一年、第四季度调整",
        "clear-out": "清理出库：违规或停滞项目的清理清单",
        "bulletin figures": "通报数据：按县区、状态、类别、计划年度汇总",
        "excel ledgers": "台账（Excel，中文表头）：项目库导出，入库申报与历史项目导入"}


def create_app(settings: Settings | None = None) -> FastAPI:
    """The projects service app."""
    # The ledger router comes first: /projects/export.xlsx must win over /projects/{project_id}.
    routers = [ledger_router, library_router, lifecycle_router, plan_actions_router, plans_router, clearout_router,
               figures_router, month_figures_router]
    settings = settings or Settings()
    return build_service("projects", "柳州脱贫攻坚项目库 · Projects service", settings, routers,
                         domain_gauges=library_gauges, description="项目入库申报、审核、年度计划与跟踪。",
                         not_found=NOT_FOUND, tags=TAGS, lean_routes=LEAN_ROUTES if settings.lean_reads else ())
