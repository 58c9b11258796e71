"""The gateway's typed client of the collaboration service: every route it calls, each answering a contract model."""
from contracts.collaboration import (
    AgreementRead,
    CollaborationProjectRead,
    CountyFunds,
    EnterpriseRead,
    KeyTaskRead,
    PairingRead,
    PlanLineRead,
    ProgressRecorded,
    ProgressReportRead,
    ScorecardRow,
    TalentExchangeRead,
    TaskCompletion,
)
from contracts.page import Page
from gateway.upstream import Caller, Endpoint

PAIRINGS = Endpoint("GET", "/pairings", Page[PairingRead])
CREATE_PAIRING = Endpoint("POST", "/pairings", PairingRead)
UPDATE_PAIRING = Endpoint("PATCH", "/pairings/{pairing_id}", PairingRead)
AGREEMENTS = Endpoint("GET", "/agreements", Page[AgreementRead])
SIGN_AGREEMENT = Endpoint("POST", "/agreements", AgreementRead)
UPDATE_AGREEMENT = Endpoint("PATCH", "/agreements/{agreement_id}", AgreementRead)
KEY_TASKS = Endpoint("GET", "/key-tasks", Page[KeyTaskRead])
ADD_TASK = Endpoint("POST", "/agreements/{agreement_id}/tasks", KeyTaskRead)
UPDATE_TASK = Endpoint("PATCH", "/key-tasks/{task_id}", KeyTaskRead)
REPORT_PROGRESS = Endpoint("POST", "/key-tasks/{task_id}/progress", ProgressRecorded)
PROGRESS = Endpoint("GET", "/key-tasks/{task_id}/progress", Page[ProgressReportRead])
COMPLETION = Endpoint("GET", "/key-tasks/completion", list[TaskCompletion])
PROJECTS = Endpoint("GET", "/collaboration-projects", Page[CollaborationProjectRead])
REGISTER_PROJECT = Endpoint("POST", "/collaboration-projects", CollaborationProjectRead)
PLAN_LINES = Endpoint("GET", "/plan-lines", Page[PlanLineRead])
ADD_PLAN_LINE = Endpoint("POST", "/plan-lines", PlanLineRead)
FUNDS = Endpoint("GET", "/funds", list[CountyFunds])
SCORECARD = Endpoint("GET", "/scorecard", list[ScorecardRow])
RECORD_ENTERPRISE = Endpoint("POST", "/enterprises", EnterpriseRead)
RECORD_EXCHANGE = Endpoint("POST", "/talent-exchanges", TalentExchangeRead)


class CollaborationClient(Caller):
    """Calls the collaboration service REST API on behalf of one caller."""

    async def projects_of(self, project_ids: list[int]) -> list[CollaborationProjectRead]:
        """Batch read by library entry id: the collaboration projects among these entries."""
        page = await self.call(PROJECTS, params={"project_ids": ",".join(map(str, project_ids))})
        return page.items
