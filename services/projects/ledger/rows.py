"""Turning ledger rows into validated entries, collecting every bad row and field in Chinese."""
from typing import Any, TypeVar

from pydantic import BaseModel

from services.kit.errors import DomainError
from services.kit.xlsx import CellProblem, refused_row
from services.kit.xlsx import validate_rows as validate_payloads
from services.projects.ledger.columns import HEADER_OF_FIELD, row_to_payload

M = TypeVar("M", bound=BaseModel)


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
