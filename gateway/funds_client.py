"""The gateway's typed client of the funds service: every route it calls, each answering a contract model."""
from contracts.funds import (
    AllocationRead,
    AnnouncementRead,
    BatchRead,
    CaseRead,
    EvaluationRead,
    IdleItem,
    IdleSum,
    ProgressRow,
    ProjectFunding,
    RecoveryRead,
    SpendingRead,
    TransferRead,
    WeeklyNotice,
)
from contracts.page import Page
from gateway.upstream import Caller, Endpoint, ids_param

FUNDING = Endpoint("GET", "/funding", list[ProjectFunding])
BATCHES = Endpoint("GET", "/batches", Page[BatchRead])
RECEIVE_BATCH = Endpoint("POST", "/batches", BatchRead)
ALLOCATIONS = Endpoint("GET", "/allocations", Page[AllocationRead])
ALLOCATE = Endpoint("POST", "/batches/{batch_id}/allocations", AllocationRead)
SPENDINGS = Endpoint("GET", "/allocations/{allocation_id}/spendings", Page[SpendingRead])
SPEND = Endpoint("POST", "/allocations/{allocation_id}/spendings", SpendingRead)
REVERSE = Endpoint("POST", "/spendings/{spending_id}/reversal", SpendingRead)
RECOVERIES = Endpoint("GET", "/recoveries", Page[RecoveryRead])
RECOVER = Endpoint("POST", "/allocations/{allocation_id}/recoveries", RecoveryRead)
REALLOCATE = Endpoint("POST", "/recoveries/{recovery_id}/reallocations", TransferRead)
TRANSFERS = Endpoint("GET", "/transfers", Page[TransferRead])
IDLE_FUNDS = Endpoint("GET", "/idle-funds", Page[IdleItem])
IDLE_SUMS = Endpoint("GET", "/idle-funds/sums", list[IdleSum])
OVERRIDE_CLASS = Endpoint("PUT", "/idle-funds/{kind}/{item_id}/class", IdleItem)
CASES = Endpoint("GET", "/rectification-cases", Page[CaseRead])
OPEN_CASE = Endpoint("POST", "/rectification-cases", CaseRead)
START_CASE = Endpoint("POST", "/rectification-cases/{case_id}/start", CaseRead)
CLOSE_CASE = Endpoint("POST", "/rectification-cases/{case_id}/close", CaseRead)
SWEEP = Endpoint("POST", "/rectification-cases/sweep", list[CaseRead])
WEEKLY_NOTICE = Endpoint("GET", "/rectification-cases/weekly-notice", WeeklyNotice)
PROGRESS = Endpoint("GET", "/spending-progress", list[ProgressRow])
ANNOUNCEMENTS = Endpoint("GET", "/announcements", Page[AnnouncementRead])
ANNOUNCE = Endpoint("POST", "/batches/{batch_id}/announcements", AnnouncementRead)
EVALUATIONS = Endpoint("GET", "/evaluations", Page[EvaluationRead])
EVALUATE = Endpoint("POST", "/evaluations", EvaluationRead)


class FundsClient(Caller):
    """Calls the funds service REST API on behalf of one caller."""

    async def funding(self, project_ids: list[int]) -> list[ProjectFunding]:
        """Batch read: funding of each project, in the order asked."""
        return await self.call(FUNDING, params=ids_param(project_ids))
