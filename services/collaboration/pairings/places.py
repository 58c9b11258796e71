"""The Liuzhou side of a village-enterprise pairing (村企结对): a village of the registry (村屯名录)."""
from typing import Any

from contracts.places import VillageRead
from services.collaboration.common import bad_field
from services.collaboration.deps import registry_of
from services.kit.context import RequestContext
from services.kit.registry import RegistryAnswer


async def look_up(ctx: RequestContext[Any], village_id: int | None) -> RegistryAnswer:
    """Ask the registry for the village a pairing names (none named, no call); call it before any SQL."""
    return await registry_of(ctx).by_ids([village_id] if village_id is not None else [])


def village_in(county: str | None, village_id: int, registry: RegistryAnswer) -> VillageRead:
    """The registry village, which must be in the pairing's county; 422 `collaboration.unknown_village` naming
    `village_id` otherwise (503 when the registry could not answer)."""
    village = registry.answer().get(village_id)
    if village is None or village.county_code != county:
        raise bad_field("village_id", f"村企结对的柳州一方须是本县区村屯名录中的行政村：村屯名录中县区 {county} "
                        f"没有 id 为 {village_id} 的行政村", "collaboration.unknown_village")
    return village
