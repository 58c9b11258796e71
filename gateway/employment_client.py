"""The gateway's typed client of the employment service: every route it calls, each answering a contract model."""
from contracts.employment import (
    BreachReport,
    Compliance,
    CourseRead,
    EmployerRead,
    GroupProjectRead,
    LabourerRead,
    LeaderFigures,
    PlacementRead,
    ProvinceExport,
    WorkforceReportRead,
)
from contracts.page import Page
from gateway.upstream import Caller, Endpoint, ids_param

LABOURERS = Endpoint("GET", "/labourers", Page[LabourerRead])
REGISTER_LABOURER = Endpoint("POST", "/labourers", LabourerRead)
EMPLOYERS = Endpoint("GET", "/employers", Page[EmployerRead])
REGISTER_EMPLOYER = Endpoint("POST", "/employers", EmployerRead)
GROUP_PROJECTS = Endpoint("GET", "/group-projects", Page[GroupProjectRead])
ADD_GROUP_PROJECT = Endpoint("POST", "/employers/{group_id}/projects", GroupProjectRead)
WORKFORCE_REPORTS = Endpoint("GET", "/workforce-reports", list[WorkforceReportRead])
REPORT_WORKFORCE = Endpoint("POST", "/workforce-reports", WorkforceReportRead)
PLACEMENTS = Endpoint("GET", "/placements", Page[PlacementRead])
PLACE = Endpoint("POST", "/placements", PlacementRead)
END_PLACEMENT = Endpoint("POST", "/placements/{placement_id}/end", PlacementRead)
COMPLIANCE = Endpoint("GET", "/quotas/compliance", Page[Compliance])
BREACHES = Endpoint("GET", "/quotas/breaches", BreachReport)
COURSES = Endpoint("GET", "/courses", Page[CourseRead])
ADD_COURSE = Endpoint("POST", "/courses", CourseRead)
SET_PARTICIPANT = Endpoint("POST", "/courses/{course_id}/participants", CourseRead)
LEADERS = Endpoint("GET", "/leaders", list[LeaderFigures])
LABOUR_EXPORT = Endpoint("GET", "/labour-export", list[ProvinceExport])


class EmploymentClient(Caller):
    """Calls the employment service REST API on behalf of one caller."""

    async def labourers(self, ids: list[int]) -> list[LabourerRead]:
        """Batch read: the visible labourers among ids."""
        return (await self.call(LABOURERS, params=ids_param(ids))).items

    async def employers(self, ids: list[int]) -> list[EmployerRead]:
        """Batch read: the visible employers among ids."""
        return (await self.call(EMPLOYERS, params=ids_param(ids))).items
