"""Turning ledger rows into validated entries, collecting every bad row and field in Chinese."""
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from services.kit.errors import DomainError
from services.kit.xlsx import CellProblem, refused_row
from services.kit.xlsx import validate_rows as validate_payloads
from services.projects.ledger.columns import HEADER_OF_FIELD, row_to_payload
from services.projects.library.schemas import NamedEntry
from services.projects.places.lookup import EntryPlaces, PlaceNames

M = TypeVar("M", bound=BaseModel)
N = TypeVar("N", bound=NamedEntry)


def _header(loc: tuple[Any, ...]) -> str:
    key = f"beneficiaries.{loc[1]}" if loc[0] == "beneficiaries" and len(loc) > 1 else str(loc[0])
    return HEADER_OF_FIELD.get(key, key)


def validate_rows(rows: list[tuple[int, dict[str, Any]]], model: type[M],
                  fields: tuple[str, ...] | None = None) -> tuple[list[tuple[int, M]], list[CellProblem]]:
    """Each row as `model`, and every problem found (all rows are checked, not just up to the first bad one)."""
    return validate_payloads(((n, row_to_payload(cells, fields)) for n, cells in rows), model, _header)


def problem_of(number: int, error: DomainError) -> list[CellProblem]:
    """A domain refusal of one row as row problems."""
    return refused_row(number, error, lambda field: HEADER_OF_FIELD.get(field, field))


async def match_places(session: AsyncSession, rows: list[tuple[int, N]]
                       ) -> tuple[list[tuple[int, N, EntryPlaces]], list[CellProblem]]:
    """Each row's places from the registry by exact name, and every name it does not hold (row, column, name)."""
    names = await PlaceNames.of(session, {row.county_code for _, row in rows})
    matched, problems = [], []
    for number, row in rows:
        places, unmatched = names.match(row.county_code, row.township, row.village, row.beneficiaries.poor_villages)
        problems += [CellProblem(number, u.column, u.message) for u in unmatched]
        if places is not None:
            matched.append((number, row, places))
    return matched, problems
