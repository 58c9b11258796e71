"""Python clients generated from the committed contracts (openapi-python-client) against the running services:
a real call per service, typed answers back — submit and read an entry, allocate and spend, register a labourer
and read the quota, download an Excel ledger."""
import importlib
import uuid
from decimal import Decimal

import pytest

from devtools.stack import Stack
from services.kit.auth import Role
from services.kit.clock import Clock
from tests.clients import Generated
from tests.employment.data import new_id
from tests.funds.helpers import project_row
from tests.places import first_village
from tests.projects.entries import OWNER_ORG, RONGSHUI, entry
from tests.system.http import token

pytestmark = pytest.mark.system


def _client(generated: Generated, service: str, stack: Stack, role: Role, county: str | None = RONGSHUI,
            org: str | None = None):
    """The generated package of a service, and its AuthenticatedClient for the running process as `role`."""
    package = importlib.import_module(f"liuzhou_{service}_client")
    bearer = token(role, county, org)["Authorization"].removeprefix("Bearer ")
    return package, package.AuthenticatedClient(base_url=stack.url(service), token=bearer, timeout=15.0)


def _api(service: str, tag: str, operation: str):
    return importlib.import_module(f"liuzhou_{service}_client.api.{tag}.{operation}")


def _models(service: str):
    return importlib.import_module(f"liuzhou_{service}_client.models")


def test_projects_submit_and_read_an_entry(generated_clients: Generated, stack: Stack):
    _, client = _client(generated_clients, "projects", stack, Role.PROJECT_OWNER, org=OWNER_ORG)
    models = _models("projects")
    name = f"生成客户端项目-{uuid.uuid4().hex[:8]}"
    created = _api("projects", "project_library", "submit_project").sync(
        client=client, body=models.ProjectCreate.from_dict(entry(name=name)))
    assert isinstance(created, models.ProjectRead), created
    assert (created.name, created.status, created.targets[0].indicator) == \
        (name, models.ProjectStatus.SUBMITTED, "带动贫困户增收")

    read = _api("projects", "project_library", "get_project").sync(created.id, client=client)
    assert isinstance(read, models.ProjectRead) and (read.id, read.name, read.version) == \
        (created.id, name, created.version)
    missing = _api("projects", "project_library", "get_project").sync(2**62, client=client)
    assert isinstance(missing, models.Problem) and missing.code == "project.not_found"


def test_funds_allocate_and_spend(generated_clients: Generated, stack: Stack):
    _, county = _client(generated_clients, "projects", stack, Role.COUNTY_OFFICE)
    _, finance = _client(generated_clients, "funds", stack, Role.FINANCE)
    projects, funds = _models("projects"), _models("funds")
    tag, today = uuid.uuid4().hex[:6], Clock().today()
    [project] = _api("projects", "excel_ledgers", "import_json").sync(
        client=county, body=[projects.ExistingProject.from_dict(project_row(f"生成客户端资金{tag}", "started"))])

    batch = _api("funds", "ledger", "receive_batch").sync(client=finance, idempotency_key=f"b-{tag}", body=(
        funds.BatchCreate(doc_number=f"桂财农〔2019〕{tag}号", source_level=funds.SourceLevel.CENTRAL, year=2019,
                          county_code=RONGSHUI, amount="500000", received_on=today, purpose="生成客户端测试")))
    assert isinstance(batch, funds.BatchRead), batch
    allocation = _api("funds", "ledger", "allocate").sync(
        batch.id, client=finance, idempotency_key=f"a-{tag}",
        body=funds.AllocationCreate(project_id=project.id, amount="300000"))
    assert isinstance(allocation, funds.AllocationRead), allocation
    spending = _api("funds", "ledger", "spend").sync(
        allocation.id, client=finance, idempotency_key=f"s-{tag}",
        body=funds.SpendingCreate(amount="120000.50", spent_on=today, voucher_no=f"V-{tag}", payee="施工单位"))
    assert isinstance(spending, funds.SpendingRead) and Decimal(spending.amount) == Decimal("120000.50")

    after = _api("funds", "ledger", "get_allocation").sync(allocation.id, client=finance)
    assert (Decimal(after.spent), Decimal(after.balance)) == (Decimal("120000.50"), Decimal("179999.50"))
    refused = _api("funds", "ledger", "spend").sync(
        allocation.id, client=finance, idempotency_key=f"s2-{tag}",
        body=funds.SpendingCreate(amount="999999", spent_on=today, voucher_no=f"W-{tag}", payee="施工单位"))
    assert isinstance(refused, funds.Problem) and refused.status == 409, refused

    ledger = _api("funds", "excel_ledgers", "export_batches").sync(client=finance)
    assert type(ledger).__name__ == "File" and ledger.payload.read(4) == b"PK\x03\x04"  # an .xlsx is a zip


def test_employment_register_a_labourer_and_read_the_quota(generated_clients: Generated, stack: Stack):
    _, hr = _client(generated_clients, "employment", stack, Role.HR)
    employment = _models("employment")
    year = Clock().today().year
    id_number = new_id(RONGSHUI, born="19880808")
    labourer = _api("employment", "labourers", "register_labourer").sync(client=hr, body=(
        employment.LabourerCreate.from_dict({"id_number": id_number, "name": "韦小梅", "county_code": RONGSHUI,
                                             "village_id": first_village(RONGSHUI), "household_no": "H-9",
                                             "registration": "poor"})))
    assert isinstance(labourer, employment.LabourerRead) and labourer.id_number == id_number, labourer
    employer = _api("employment", "employers", "register_employer").sync(client=hr, body=(
        employment.EmployerCreate(kind=employment.EmployerKind.ENTERPRISE, name=f"生成客户端企业{uuid.uuid4().hex[:6]}",
                                  county_code=RONGSHUI)))
    assert isinstance(employer, employment.EmployerRead), employer
    reported = _api("employment", "employers", "report_workforce").sync(
        client=hr, body=employment.WorkforceReportCreate(employer_id=employer.id, year=year, total=10))
    assert isinstance(reported, employment.WorkforceReportRead), reported
    placed = _api("employment", "placements", "place_labourer").sync(client=hr, body=(
        employment.PlacementCreate(labourer_id=labourer.id, kind=employment.PlacementKind.ENTERPRISE,
                                   employer_id=employer.id, starts_on=Clock().today())))
    assert isinstance(placed, employment.PlacementRead), placed

    page = _api("employment", "quotas", "compliance").sync(
        client=hr, kind=employment.QuotaKind.ENTERPRISE, period=str(year), subject_id=employer.id)
    assert isinstance(page, employment.PageCompliance), page
    [row] = page.items
    assert (row.placed, row.total, Decimal(row.ratio), row.status) == \
        (1, 10, Decimal("0.1"), employment.QuotaStatus.COMPLIANT)
