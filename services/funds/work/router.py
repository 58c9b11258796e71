"""GET /work of the funds service: the kit's work-queue endpoint over the funds duties."""
from services.funds.work.service import DUTIES
from services.kit.work_queue import work_router

router = work_router(DUTIES)
