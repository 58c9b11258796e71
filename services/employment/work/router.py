"""GET /work of the employment service: the kit's work-queue endpoint over the employment duties."""
from services.employment.work.service import DUTIES
from services.kit.work_queue import work_router

router = work_router(DUTIES)
