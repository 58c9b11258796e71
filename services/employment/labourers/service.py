"""Registering labourers (贫困劳动力登记)."""
from sqlalchemy.ext.asyncio import AsyncSession

from contracts.employment import LabourerRead
from contracts.events.employment import LabourerRegistered
from services.employment.idcard import mask_id, parse_id
from services.employment.labourers.models import Labourer
from services.employment.labourers.repository import LabourerRepository
from services.employment.labourers.schemas import LabourerCreate, labourer_read
from services.kit.audit import audit
from services.kit.auth import Principal, out_of_scope
from services.kit.errors import conflict
from services.kit.outbox import Scope, publish


def build(entry: LabourerCreate, actor: str) -> Labourer:
    """A new row from a validated entry; birth date and sex derived from the ID number."""
    facts = parse_id(entry.id_number)
    return Labourer(id_number=facts.number, id_masked=mask_id(facts.number), name=entry.name,
                    birth_date=facts.birth_date, sex=facts.sex, county_code=entry.county_code,
                    township=entry.township, village=entry.village, household_no=entry.household_no,
                    registration=entry.registration, relocated=entry.relocated, skills=list(entry.skills),
                    created_by=actor)


async def register(session: AsyncSession, principal: Principal, entry: LabourerCreate) -> LabourerRead:
    """Store a labourer: one record per ID number (409 on a duplicate), audited with the ID masked."""
    if not principal.sees_county(entry.county_code):
        raise out_of_scope("只能登记本县区的劳动力")
    repo = LabourerRepository(session)
    existing = await repo.by_number(entry.id_number)
    if existing is not None:
        raise conflict("labourer.duplicate", f"身份证号码 {mask_id(entry.id_number)} 已登记",
                       existing_id=existing.id)
    labourer = await repo.add(build(entry, principal.sub))
    read = labourer_read(labourer, whole_id=True)
    await audit(session, principal, "labourer.register", "labourer", labourer.id, None, read.for_audit())
    # Whole name and ID number in the outbox: the feed masks them for every reader but hr and admin.
    await publish(session, LabourerRegistered(
        labourer_id=labourer.id, name=labourer.name, id_number=labourer.id_number, county_code=labourer.county_code,
        township=labourer.township, village=labourer.village, registration=labourer.registration,
        relocated=labourer.relocated), Scope(labourer.county_code))
    return read
