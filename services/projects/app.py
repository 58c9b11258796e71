"""Projects service: the poverty-alleviation project library (脱贫攻坚项目库)."""
from fastapi import FastAPI

from services.kit.service_app import build_service
from services.projects.clearout.router import router as clearout_router
from services.projects.config import Settings
from services.projects.figures.router import router as figures_router
from services.projects.ledger.router import router as ledger_router
from services.projects.library.gauges import library_gauges
from services.projects.library.router import router as library_router
from services.projects.lifecycle.router import router as lifecycle_router
from services.projects.plans.router import router as plans_router

# What a malformed path parameter names: its 404 (the record cannot exist).
NOT_FOUND = {"project_id": ("project.not_found", "项目"), "objection_id": ("objection.not_found", "异议"),
             "county": ("plan.not_found", "年度计划"), "year": ("plan.not_found", "年度计划")}


def create_app(settings: Settings | None = None) -> FastAPI:
    """The projects service app."""
    # The ledger router comes first: /projects/export.xlsx must win over /projects/{project_id}.
    routers = [ledger_router, library_router, lifecycle_router, plans_router, clearout_router, figures_router]
    return build_service("projects", "柳州脱贫攻坚项目库 · Projects service", settings or Settings(), routers,
                         domain_gauges=library_gauges, description="项目入库申报、审核、年度计划与跟踪。",
                         not_found=NOT_FOUND)
