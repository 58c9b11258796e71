"""Registering labourers (贫困劳动力登记) and reading them within the caller's scope."""
from collections.abc import Sequence

from contracts.employment import LabourerRead
from contracts.events.employment import LabourerRegistered
from services.employment.config import Context
from services.employment.idcard import mask_id, parse_id
from services.employment.labourers.models import Labourer
from services.employment.labourers.places import Place, place_of
from services.employment.labourers.repository import LabourerRepository
from services.employment.labourers.schemas import LabourerCreate, labourer_read
from services.employment.terms import Registration
from services.kit.audit import audit
from services.kit.errors import conflict, unseen
from services.kit.outbox import Scope, publish
from services.kit.pagination import Page, page_of
from services.kit.registry import RegistryAnswer


def build(entry: LabourerCreate, place: Place, actor: str) -> Labourer:
    """A new row from a validated entry at its place; birth date and sex derived from the ID number."""
    facts = parse_id(entry.id_number)
    return Labourer(id_number=facts.number, id_masked=mask_id(facts.number), name=entry.name,
                    birth_date=facts.birth_date, sex=facts.sex, county_code=entry.county_code,
                    township=place.township, village=place.village, village_id=place.village_id,
                    household_no=entry.household_no,
                    registration=entry.registration, relocated=entry.relocated, skills=list(entry.skills),
                    created_by=actor)


async def register(ctx: Context, entry: LabourerCreate, registry: RegistryAnswer) -> LabourerRead:
    """Store a labourer in its registry village (the registry's answer asked before the transaction): one record
    per ID number (409 on a duplicate), audited with the ID masked."""
    ctx.check_county(entry.county_code, "只能登记本县区的劳动力")
    place = place_of(entry, registry.answer())
    repo = LabourerRepository(ctx.session)
    existing = await repo.by_number(entry.id_number)
    if existing is not None:
        raise conflict("labourer.duplicate", f"身份证号码 {mask_id(entry.id_number)} 已登记",
                       existing_id=existing.id)
    labourer = await repo.add(build(entry, place, ctx.principal.sub))
    read = labourer_read(labourer, whole_id=True)
    await audit(ctx.session, ctx.principal, "labourer.register", "labourer", labourer.id, None, read.for_audit())
    # Whole name and ID number in the outbox: the feed masks them for every reader but hr and admin.
    await publish(ctx.session, LabourerRegistered(
        labourer_id=labourer.id, name=labourer.name, id_number=labourer.id_number, county_code=labourer.county_code,
        township=labourer.township, village=labourer.village, registration=labourer.registration,
        relocated=labourer.relocated), Scope(labourer.county_code))
    return read


async def labourer_in_scope(ctx: Context, labourer_id: int) -> Labourer:
    """A labourer the caller may see; 404 when it does not exist or is outside the caller's scope."""
    return await LabourerRepository(ctx.session).get_or_404(
        labourer_id, ctx.principal, "labourer.not_found",
        unseen("劳动力", labourer_id))


async def get_labourer(ctx: Context, labourer_id: int) -> LabourerRead:
    """One labourer; 404 also when outside the caller's county."""
    return labourer_read(await labourer_in_scope(ctx, labourer_id), ctx.principal.sees_personal_data)


async def labourers_by_ids(ctx: Context, ids: Sequence[int]) -> Page[LabourerRead]:
    """The readable labourers among ids, in the order asked (a batch read: one page, no cursor)."""
    whole = ctx.principal.sees_personal_data
    rows = await LabourerRepository(ctx.session).get_many(ids, ctx.principal)
    return Page(items=[labourer_read(r, whole) for r in rows], next_cursor=None)


async def list_labourers(ctx: Context, county: str | None, registration: Registration | None,
                         relocated: bool | None, after: int | None, limit: int) -> Page[LabourerRead]:
    """Labourers in the caller's county, newest first; ID numbers masked except for hr and admin."""
    repo, whole = LabourerRepository(ctx.session), ctx.principal.sees_personal_data
    rows = await repo.page(repo.filtered(ctx.principal, county, registration, relocated), after, limit)
    return page_of(rows, limit, lambda r: labourer_read(r, whole))
