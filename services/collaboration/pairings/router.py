"""REST endpoints of pairings (结对帮扶)."""
from typing import Annotated

from fastapi import APIRouter, Query, Response

from contracts.collaboration import PairingLevel, PairingRead
from services.collaboration.common import CountyFilter
from services.collaboration.deps import Editor, Reader
from services.collaboration.pairings import places, service
from services.collaboration.pairings.schemas import PairingCreate, PairingUpdate, pairing_read
from services.collaboration.records import tagged
from services.kit.concurrency import IfMatch
from services.kit.contract import problems
from services.kit.ids import Id, IdFilter, IdList, ids_of
from services.kit.pagination import MAX_PAGE, Page, decode_cursor

router = APIRouter(tags=["pairings"])
Cursor = Annotated[str | None, Query(description="上一页返回的 next_cursor")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


@router.post("/pairings", response_model=PairingRead, status_code=201, summary="Set up a pairing (结对)",
             responses=problems({409: "collaboration.pairing_exists",
                                 422: "collaboration.pairing_not_found / collaboration.parent_other_county / "
                                      "collaboration.unknown_village",
                                 503: "collaboration.registry_unavailable: the projects service does not answer"}))
async def create_pairing(entry: PairingCreate, ctx: Editor, response: Response) -> PairingRead:
    """Record a pairing of a Liuzhou side (a village pair: a registry village) with its Guangdong partner."""
    registry = await places.look_up(ctx, entry.village_id)  # first: no network call inside the transaction
    return tagged(response, await service.create(ctx, entry, registry))


@router.get("/pairings", response_model=Page[PairingRead], summary="List or batch-read pairings")
async def list_pairings(ctx: Reader, county: CountyFilter = None, level: PairingLevel | None = None,
                        parent_id: IdFilter = None, ids: IdList = None, after: Cursor = None,
                        limit: Limit = 50) -> Page[PairingRead]:
    """Pairings in the caller's scope in id order (county roles: their county's and the city pair); `ids`
    batch-reads instead."""
    return await service.listing(ctx, county, level, parent_id, ids_of(ids) if ids is not None else None,
                                 decode_cursor(after), limit)


@router.get("/pairings/{pairing_id}", response_model=PairingRead, summary="One pairing")
async def get_pairing(pairing_id: Id, ctx: Reader, response: Response) -> PairingRead:
    """One pairing with its ETag; 404 also when outside the caller's scope."""
    return tagged(response, pairing_read(await service.get(ctx, pairing_id)))


@router.patch("/pairings/{pairing_id}", response_model=PairingRead, summary="Edit a pairing (If-Match)",
              responses=problems({422: "collaboration.unknown_village",
                                  503: "collaboration.registry_unavailable: the projects service does not answer"}))
async def update_pairing(pairing_id: Id, changes: PairingUpdate, ctx: Editor, version: IfMatch,
                         response: Response) -> PairingRead:
    """Change names (a village pair: its registry village), start year or status of a pairing read at the
    version in If-Match."""
    registry = await places.look_up(ctx, changes.village_id)  # first: no network call inside the transaction
    return tagged(response, await service.update(ctx, pairing_id, changes, version, registry))
