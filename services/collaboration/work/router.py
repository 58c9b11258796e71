"""GET /work of the collaboration service: the kit's work-queue endpoint over its key tasks."""
from services.collaboration.work.service import DUTIES
from services.kit.work_queue import work_router

router = work_router(DUTIES)
