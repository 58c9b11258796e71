"""Keeping the village registry (村屯名录): county offices edit their county's villages, yearly figures and natural
villages; every change is audited and announced as `village.changed`."""
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from contracts.enums import VillageChange
from contracts.events.places import VillageChanged
from contracts.places import NaturalVillageRead, VillageDetail
from services.kit.audit import audit
from services.kit.concurrency import check_version
from services.kit.errors import conflict, unseen
from services.kit.outbox import Scope, publish
from services.projects.deps import Ctx
from services.projects.places.models import AdministrativeVillage, NaturalVillage, VillageYear
from services.projects.places.repository import (
    NaturalVillageRepository,
    TownshipRepository,
    VillageRepository,
    VillageYearRepository,
)
from services.projects.places.schemas import (
    NaturalVillageIn,
    VillageCreate,
    VillageUpdate,
    VillageYearIn,
)
from services.projects.places.service import detail, unknown_township, village_in_scope

KEEP = "只能维护本县区的村屯名录"


async def announce(session: AsyncSession, village: AdministrativeVillage, township: str, change: VillageChange,
                   year: int | None = None) -> None:
    """Publish the village's state after a change on the projects feed, readable in its county."""
    await publish(session, VillageChanged(
        village_id=village.id, version=village.version, village_change=change, county_code=village.county_code,
        township=township, name=village.name, poor_village=village.poor_village,
        deep_poverty=village.deep_poverty, exited_year=village.exited_year, year=year), Scope(village.county_code))


async def _recorded(ctx: Ctx, village: AdministrativeVillage, action: str, before: dict[str, Any] | None,
                    change: VillageChange, year: int | None = None) -> VillageDetail:
    await ctx.session.flush()
    after = await detail(ctx, village)
    await audit(ctx.session, ctx.principal, f"village.{action}", "village", village.id, before,
                after.model_dump(mode="json"))
    await announce(ctx.session, village, after.township, change, year)
    return after


async def _editable(ctx: Ctx, village_id: int, version: int) -> tuple[AdministrativeVillage, dict[str, Any]]:
    """A village the caller keeps, read at `version`, and its state before the edit (for the audit)."""
    village = await village_in_scope(ctx, village_id)
    ctx.check_county(village.county_code, KEEP)
    check_version(version, village.version)
    return village, (await detail(ctx, village)).model_dump(mode="json")


async def create_village(ctx: Ctx, entry: VillageCreate) -> VillageDetail:
    """Add a village to a township of the caller's county; 409 when the township has one of that name."""
    township = await TownshipRepository(ctx.session).get(entry.township_id, ctx.principal)
    if township is None:
        raise unknown_township(entry.township_id)
    ctx.check_county(township.county_code, KEEP)
    repo = VillageRepository(ctx.session)
    taken = await repo.named(township.id, entry.name)
    if taken is not None:
        raise conflict("village.duplicate", f"{township.name}已有行政村“{entry.name}”", existing_id=taken.id)
    village = await repo.add(AdministrativeVillage(
        township_id=township.id, county_code=township.county_code, name=entry.name,
        poor_village=entry.poor_village, deep_poverty=entry.deep_poverty, exited_year=entry.exited_year))
    return await _recorded(ctx, village, "create", None, VillageChange.CREATED)


async def update_village(ctx: Ctx, village_id: int, version: int, changes: VillageUpdate) -> VillageDetail:
    """Rename a village or change its poor-village marks, read at `version`."""
    village, before = await _editable(ctx, village_id, version)
    if changes.name != village.name:
        taken = await VillageRepository(ctx.session).named(village.township_id, changes.name)
        if taken is not None:
            raise conflict("village.duplicate", f"本乡镇已有行政村“{changes.name}”", existing_id=taken.id)
    village.name, village.poor_village = changes.name, changes.poor_village
    village.deep_poverty, village.exited_year = changes.deep_poverty, changes.exited_year
    return await _recorded(ctx, village, "update", before, VillageChange.UPDATED)


async def put_year(ctx: Ctx, village_id: int, year: int, version: int, figures: VillageYearIn) -> VillageDetail:
    """Set one year's figures (history by year: other years are kept); the village's version moves on."""
    village, before = await _editable(ctx, village_id, version)
    stored = (await VillageYearRepository(ctx.session).of_villages([village.id])).get((village.id, year))
    if stored is None:
        stored = VillageYear(village_id=village.id, year=year)
        ctx.session.add(stored)
    stored.households, stored.poor_households = figures.households, figures.poor_households
    stored.poverty_incidence = figures.poverty_incidence
    village.updated_at = ctx.clock.now()  # the village itself changes, so its version (and ETag) moves on
    return await _recorded(ctx, village, "figures", before, VillageChange.FIGURES, year)


async def add_natural_village(ctx: Ctx, village_id: int, version: int, entry: NaturalVillageIn) -> VillageDetail:
    """Add a natural village to a village read at `version`; 409 when the village has one of that name."""
    village, before = await _editable(ctx, village_id, version)
    repo = NaturalVillageRepository(ctx.session)
    taken = await repo.named(village.id, entry.name)
    if taken is not None:
        raise conflict("natural_village.duplicate", f"{village.name}已有自然屯“{entry.name}”", existing_id=taken.id)
    ctx.session.add(NaturalVillage(village_id=village.id, county_code=village.county_code, **entry.model_dump()))
    village.updated_at = ctx.clock.now()
    return await _recorded(ctx, village, "natural_village", before, VillageChange.NATURAL_VILLAGE)


async def update_natural_village(ctx: Ctx, natural_id: int, version: int, entry: NaturalVillageIn
                                 ) -> NaturalVillageRead:
    """Change a natural village read at `version` (households, hardened road and since when)."""
    repo = NaturalVillageRepository(ctx.session)
    natural = await repo.get_or_404(natural_id, ctx.principal, "natural_village.not_found",
                                    unseen("自然屯", natural_id))
    ctx.check_county(natural.county_code, KEEP)
    check_version(version, natural.version)
    if entry.name != natural.name and await repo.named(natural.village_id, entry.name) is not None:
        raise conflict("natural_village.duplicate", f"本行政村已有自然屯“{entry.name}”")
    before = NaturalVillageRead.model_validate(natural).model_dump(mode="json")
    for name, value in entry.model_dump().items():
        setattr(natural, name, value)
    village = await village_in_scope(ctx, natural.village_id)
    village.updated_at = ctx.clock.now()
    await ctx.session.flush()
    after = NaturalVillageRead.model_validate(natural)
    await audit(ctx.session, ctx.principal, "natural_village.update", "natural_village", natural.id, before,
                after.model_dump(mode="json"))
    names = await TownshipRepository(ctx.session).names([village.township_id])
    await announce(ctx.session, village, names[village.township_id], VillageChange.NATURAL_VILLAGE)
    return after
