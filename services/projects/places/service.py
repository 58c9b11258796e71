"""Reading the village registry (村屯名录) within the caller's scope, and adding townships."""
from collections.abc import Sequence

from contracts.places import NaturalVillageRead, TownshipRead, VillageDetail, VillageRead
from services.kit.audit import audit
from services.kit.errors import FieldError, conflict, unprocessable, unseen
from services.kit.pagination import Page, page_of
from services.projects.deps import Ctx
from services.projects.places.models import AdministrativeVillage, Township
from services.projects.places.repository import (
    NaturalVillageRepository,
    TownshipRepository,
    VillageRepository,
    VillageYearRepository,
)
from services.projects.places.schemas import TownshipCreate, township_read, village_detail, village_read


async def village_in_scope(ctx: Ctx, village_id: int) -> AdministrativeVillage:
    """A village the caller may see; 404 when it does not exist or is outside the caller's county."""
    return await VillageRepository(ctx.session).get_or_404(
        village_id, ctx.principal, "village.not_found", unseen("行政村", village_id))


async def village_reads(ctx: Ctx, villages: Sequence[AdministrativeVillage]) -> list[VillageRead]:
    """Villages with their township names (one query for the page)."""
    names = await TownshipRepository(ctx.session).names(v.township_id for v in villages)
    return [village_read(v, names[v.township_id]) for v in villages]


async def detail(ctx: Ctx, village: AdministrativeVillage) -> VillageDetail:
    """One village with its yearly figures and natural villages."""
    names = await TownshipRepository(ctx.session).names([village.township_id])
    years = await VillageYearRepository(ctx.session).of_village(village.id)
    natural = await NaturalVillageRepository(ctx.session).of_villages([village.id])
    return village_detail(village, names[village.township_id], years, natural)


async def get_village(ctx: Ctx, village_id: int) -> VillageDetail:
    """One village as the caller may see it."""
    return await detail(ctx, await village_in_scope(ctx, village_id))


async def list_villages(ctx: Ctx, county: str | None, township_id: int | None, poor: bool | None,
                        name: str | None, ids: list[int] | None, after: int | None, limit: int) -> Page[VillageRead]:
    """Villages in the caller's scope in id order, keyset-paginated; `ids` batch-reads instead."""
    repo = VillageRepository(ctx.session)
    if ids is not None:
        return Page(items=await village_reads(ctx, await repo.get_many(ids, ctx.principal)))
    rows = await repo.page(repo.filtered(ctx.principal, county, township_id, poor, name), after, limit,
                           newest_first=False)
    page: Page[AdministrativeVillage] = page_of(rows, limit)
    return Page(items=await village_reads(ctx, page.items), next_cursor=page.next_cursor)


async def list_townships(ctx: Ctx, county: str | None, name: str | None, after: int | None,
                         limit: int) -> Page[TownshipRead]:
    """Townships in the caller's scope in id order, keyset-paginated."""
    repo = TownshipRepository(ctx.session)
    rows = await repo.page(repo.filtered(ctx.principal, county, name), after, limit, newest_first=False)
    return page_of(rows, limit, township_read)


async def list_natural_villages(ctx: Ctx, county: str | None, village_id: int | None, hardened: bool | None,
                                ids: list[int] | None, after: int | None, limit: int) -> Page[NaturalVillageRead]:
    """Natural villages in the caller's scope in id order; `ids` batch-reads instead."""
    repo = NaturalVillageRepository(ctx.session)
    if ids is not None:
        return Page(items=[NaturalVillageRead.model_validate(n) for n in await repo.get_many(ids, ctx.principal)])
    rows = await repo.page(repo.filtered(ctx.principal, county, village_id, hardened), after, limit,
                           newest_first=False)
    return page_of(rows, limit, NaturalVillageRead.model_validate)


async def create_township(ctx: Ctx, entry: TownshipCreate) -> TownshipRead:
    """Add a township to a county the caller keeps; 409 when the county already has one of that name."""
    ctx.check_county(entry.county_code, "只能维护本县区的村屯名录")
    repo = TownshipRepository(ctx.session)
    taken = await repo.named(entry.county_code, entry.name)
    if taken is not None:
        raise conflict("township.duplicate", f"本县区已有乡镇“{entry.name}”", existing_id=taken.id)
    township = await repo.add(Township(county_code=entry.county_code, name=entry.name))
    read = township_read(township)
    await audit(ctx.session, ctx.principal, "township.create", "township", township.id, None,
                read.model_dump(mode="json"))
    return read


def unknown_township(township_id: int) -> Exception:
    """422 naming the township field: no such township in the caller's scope."""
    return unprocessable("village.unknown_township", f"乡镇 {township_id} 不存在或不在当前账号的县区内",
                         [FieldError("township_id", "名录中没有该乡镇")])
