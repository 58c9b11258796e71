"""Where a labourer is registered (户籍所在地): for Liuzhou's counties a village of the registry (村屯名录)."""
from collections.abc import Iterable
from dataclasses import dataclass

from contracts.places import VillageRead
from services.employment.config import Context
from services.employment.deps import registry_of
from services.employment.labourers.schemas import LabourerCreate
from services.kit.errors import FieldError, unprocessable
from services.kit.registry import RegistryAnswer


@dataclass(frozen=True)
class Place:
    """The township and village names a labourer row stores, and the registry village they came from."""

    township: str
    village: str
    village_id: int | None


async def look_up(ctx: Context, entries: Iterable[LabourerCreate]) -> RegistryAnswer:
    """Ask the registry for the entries' villages in one call; call it before any SQL of the request."""
    return await registry_of(ctx).by_ids(e.village_id for e in entries if e.village_id is not None)


def place_of(entry: LabourerCreate, villages: dict[int, VillageRead]) -> Place:
    """The entry's place: the registry's names of its village, or the typed names outside Liuzhou; 422
    `labourer.unknown_village` naming `village_id` when the village is not in the labourer's county's registry."""
    if entry.village_id is None:  # outside Liuzhou: the schema requires both names
        return Place(entry.township or "", entry.village or "", None)
    village = villages.get(entry.village_id)
    if village is None or village.county_code != entry.county_code:
        why = f"村屯名录中县区 {entry.county_code} 没有 id 为 {entry.village_id} 的行政村"
        raise unprocessable("labourer.unknown_village", f"户籍行政村须是本县区村屯名录中的行政村：{why}",
                            [FieldError("village_id", why)])
    return Place(village.township, village.name, village.id)
