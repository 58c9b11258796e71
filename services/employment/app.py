"""Employment service: poor labourers, employers, placements and quotas."""
import httpx
from fastapi import FastAPI

from services.employment.config import Settings
from services.employment.deps import registry_unavailable
from services.employment.employers.router import router as employers_router
from services.employment.gauges import quota_gauges
from services.employment.labour_figures.router import router as labour_figures_router
from services.employment.labourers.router import router as labourers_router
from services.employment.leaders.router import router as leaders_router
from services.employment.ledger.router import router as ledger_router
from services.employment.placements.router import router as placements_router
from services.employment.quotas.router import router as quotas_router
from services.employment.training.router import router as training_router
from services.employment.work.router import router as work_router
from services.employment.work.service import DUTIES
from services.kit.clock import Clock
from services.kit.metrics import combined_gauges
from services.kit.periods.router import PERIOD_NOT_FOUND
from services.kit.periods.router import router as periods_router
from services.kit.registry import registry_background
from services.kit.service_app import build_service
from services.kit.work_queue import warning_job, work_gauges

# What a malformed path parameter names: its 404 (the record cannot exist).
NOT_FOUND = {"labourer_id": ("labourer.not_found", "劳动力"), "employer_id": ("employer.not_found", "用工单位"),
             "group_id": ("employer.not_found", "集团公司"), "project_id": ("group_project.not_found", "在建项目"),
             "placement_id": ("placement.not_found", "安置记录"), "course_id": ("course.not_found", "培训")}
NOT_FOUND |= PERIOD_NOT_FOUND

# Each tag of the contract: its English name (client generators make module names of it) and the Chinese term.
TAGS = {"labourers": "贫困劳动力（建档立卡）：登记（身份证号码按 GB 11643 校验、脱敏显示）与查询",
        "employers": "用工单位：骨干企业、市属集团公司及其在建项目、劳务输入基地，用工总量报送",
        "placements": "就业安置：企业、集团在建项目、劳务输出、公益岗位、微车间",
        "quotas": "用工比例：骨干企业 10% 以上，集团在建项目 5%–10%，未达标清单",
        "training": "培训：技能培训、创业培训、两后生培训及结果",
        "labour leaders": "劳务带头人",
        "excel ledgers": "台账（Excel，中文表头）：劳动力与就业安置导入，用工比例导出",
        "work queue": "待办事项：未报送的用工总数（骨干企业年度、集团项目月度）、待登记的培训结果，临期与逾期预警",
        "reporting periods": "关账：县区月度报送关账（进度、报账、安置），关账后的更正"}


def create_app(settings: Settings | None = None,
               projects_transport: httpx.AsyncBaseTransport | None = None) -> FastAPI:
    """The employment service app; `projects_transport` lets tests route registry reads to an in-process app."""
    settings = settings or Settings()
    routers = [ledger_router, labourers_router, employers_router, placements_router, quotas_router,
               training_router, leaders_router, labour_figures_router, work_router,
               periods_router]
    gauges = combined_gauges(quota_gauges(settings, Clock(settings.clock_offset_file)),
                  work_gauges("employment", lambda: app.state, DUTIES))
    app = build_service("employment", "柳州就业扶贫 · Employment service", settings, routers, domain_gauges=gauges,
                        description="贫困劳动力、用工单位、就业安置与 10% / 5%–10% 用工比例。", not_found=NOT_FOUND,
                        tags=TAGS, background=registry_background("employment-service", registry_unavailable,
                                                                  projects_transport),
                        jobs=[warning_job("employment.work_warnings", settings.work_sweep_seconds, DUTIES)])
    return app
