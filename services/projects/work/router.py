"""GET /work of the projects service: the kit's work-queue endpoint over the library's duties."""
from services.kit.work_queue import work_router
from services.projects.work.service import DUTIES

router = work_router(DUTIES)
