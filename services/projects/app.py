"""Projects service: the poverty-alleviation project library (脱贫攻坚项目库)."""
from fastapi import FastAPI

from services.kit.metrics import combined_gauges
from services.kit.periods.router import PERIOD_NOT_FOUND
from services.kit.periods.router import router as periods_router
from services.kit.service_app import build_service
from services.kit.work_queue import warning_job, work_gauges
from services.projects.clearout.router import router as clearout_router
from services.projects.collective.gauges import collective_gauges
from services.projects.collective.router import router as collective_router
from services.projects.config import Settings
from services.projects.figures.gauges import library_gauges
from services.projects.figures.router import router as figures_router
from services.projects.ledger.router import router as ledger_router
from services.projects.library.lean_routes import LEAN_ROUTES
from services.projects.library.router import router as library_router
from services.projects.lifecycle.router import router as lifecycle_router
from services.projects.monthly.router import router as month_figures_router
from services.projects.places.router import router as places_router
from services.projects.plans.router import entry_router as plan_actions_router
from services.projects.plans.router import router as plans_router
from services.projects.roads.gauges import road_gauges
from services.projects.roads.router import router as roads_router
from services.projects.work.router import router as work_router
from services.projects.work.service import DUTIES

# What a malformed path parameter names: its 404 (the record cannot exist).
NOT_FOUND = {"project_id": ("project.not_found", "项目"), "objection_id": ("objection.not_found", "异议"),
             "village_id": ("village.not_found", "行政村"),
             "natural_village_id": ("natural_village.not_found", "自然屯"),
             "figures_year": ("village_year.not_found", "年度数据"),
             "income_id": ("collective_income.not_found", "集体经济收入记录"),
             "county": ("plan.not_found", "年度计划"), "year": ("plan.not_found", "年度计划")} | PERIOD_NOT_FOUND

# Each tag of the contract: its English name (client generators make module names of it) and the Chinese term.
TAGS = {"project library": "项目库（脱贫攻坚项目库）：入库申报、查询、修改、历史项目导入",
        "review, plans and follow-up": "审批、计划、跟踪：逐级审核、公示、入库、计划、开工、进度、验收、报账",
        "annual plans": "年度计划（年度实施计划）：查询、滚动到下一年、第四季度调整",
        "clear-out": "清理出库：违规或停滞项目的清理清单",
        "bulletin figures": "通报数据：按县区、状态、类别、计划年度汇总",
        "excel ledgers": "台账（Excel，中文表头）：项目库导出，入库申报与历史项目导入",
        "collective economy": "村级集体经济：各村年收入及来源、未达标村、集体经济项目预计收入、三变折股量化",
        "road coverage": "硬化道路：20 户以上自然屯硬化道路覆盖率、未通清单及解决项目、标记已硬化",
        "village registry": "村屯名录：乡镇、行政村（贫困村、深度贫困村、出列年度、历年数据）、自然屯（硬化道路）",
        "work queue": "待办事项：待审核、退回修改、公示期满、异议、待入库、待列入计划、进度报告到期，临期与逾期",
        "reporting periods": "关账：县区月度报送关账（进度、报账、安置），关账后的更正"}


def create_app(settings: Settings | None = None) -> FastAPI:
    """The projects service app."""
    # The ledger router comes first: /projects/export.xlsx must win over /projects/{project_id}.
    settings = settings or Settings()
    routers = [ledger_router, library_router, lifecycle_router, plan_actions_router, plans_router, clearout_router,
               figures_router, month_figures_router, collective_router, roads_router, places_router, work_router,
               periods_router]
    gauges = combined_gauges(library_gauges, collective_gauges(settings, lambda: app.state.clock),
                             road_gauges(settings, lambda: app.state.clock),
                             work_gauges("projects", lambda: app.state, DUTIES))
    app = build_service("projects", "柳州脱贫攻坚项目库 · Projects service", settings, routers,
                        domain_gauges=gauges,
                        description="项目入库申报、审核、年度计划与跟踪；村级集体经济与硬化道路。",
                        not_found=NOT_FOUND, tags=TAGS,
                        jobs=[warning_job("projects.work_warnings", settings.work_sweep_seconds, DUTIES)],
                        lean_routes=LEAN_ROUTES if settings.lean_reads else ())
    return app
