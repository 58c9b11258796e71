"""Importing the employment ledgers (台账): every row stored, or none when any row is wrong."""
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from anyio import to_thread
from pydantic import BaseModel

from contracts.employment import LabourerRead, PlacementRead
from services.employment.config import Context
from services.employment.labourers import service as labourers
from services.employment.labourers.repository import LabourerRepository
from services.employment.labourers.schemas import LabourerCreate
from services.employment.ledger import columns, places
from services.employment.placements import service as placements
from services.employment.placements.schemas import PlacementCreate
from services.kit.errors import DomainError
from services.kit.registry import RegistryAnswer
from services.kit.xlsx import CellProblem, Ledger, refused_row, validate_rows

E = TypeVar("E", bound=BaseModel)
R = TypeVar("R")
# The required headers of each upload (the others may be left out of the sheet).
LABOURER_REQUIRED = columns.LABOURER_HEADERS[:7]
PLACEMENT_REQUIRED = [*columns.PLACEMENT_HEADERS[:2], "开始日期"]


def _column_of(fields: dict[str, str]) -> Callable[[Any], str]:
    """The Chinese header of a validation error's location or of a refused field."""
    return lambda at: columns.header_of(str(at[0] if isinstance(at, tuple) else at), fields)


async def _store_all(ctx: Context, ledger: Ledger, rows: list[tuple[int, E]], problems: list[CellProblem],
                     store: Callable[[Context, E], Awaitable[R]], column_of: Callable[[Any], str]) -> list[R]:
    """Store each valid row as the caller; refuse the whole file when any row was or is refused."""
    stored = []
    for number, entry in rows:
        try:  # later rows are still checked after a refusal, so the whole file's problems are reported
            stored.append(await store(ctx, entry))
        except DomainError as error:
            problems += refused_row(number, error, column_of)
    ledger.refuse_if_any(problems)  # the transaction rolls back, so the rows stored above go too
    return stored


def labourer_payloads(ledger: Ledger) -> list[places.Payload]:
    """Each row of a labourer ledger as a LabourerCreate payload, places still by name."""
    return [(n, columns.labourer_payload(cells)) for n, cells in ledger.rows]


async def import_labourers(ctx: Context, ledger: Ledger, payloads: list[places.Payload],
                           registry: RegistryAnswer) -> list[LabourerRead]:
    """Register every row in the registry village its names match (the counties' registry asked before the
    transaction), or none when any row is wrong (the refusal lists every bad row and cell, unmatched names too)."""
    column_of = _column_of(columns.LABOURER_FIELDS)
    named, unmatched = places.matched(payloads, registry.answer().values())
    # Validation is CPU work over every row: a worker thread, so the event loop answers others meanwhile.
    good, problems = await to_thread.run_sync(validate_rows, named, LabourerCreate, column_of)

    async def register(ctx: Context, entry: LabourerCreate) -> LabourerRead:
        return await labourers.register(ctx, entry, registry)

    return await _store_all(ctx, ledger, good, unmatched + problems, register, column_of)


async def import_placements(ctx: Context, ledger: Ledger) -> list[PlacementRead]:
    """Store every placement, or none when any row is wrong (unknown labourer, bad target, overlap...)."""
    column_of = _column_of(columns.PLACEMENT_FIELDS)
    payloads = [(n, columns.placement_payload(cells)) for n, cells in ledger.rows]
    known = await LabourerRepository(ctx.session).ids_by_number([p["id_number"] for _, p in payloads])
    problems, named = [], []
    for number, payload in payloads:
        labourer_id = known.get(payload.pop("id_number"))
        if labourer_id is None:
            problems.append(CellProblem(number, "身份证号码", "该身份证号码未登记为劳动力"))
        else:
            named.append((number, payload | {"labourer_id": labourer_id}))
    good, bad = await to_thread.run_sync(validate_rows, named, PlacementCreate, column_of)
    return await _store_all(ctx, ledger, good, problems + bad, placements.place, column_of)
