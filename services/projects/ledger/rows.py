"""Turning ledger rows into validated entries, collecting every bad row and field in Chinese."""
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from services.kit.errors import _PYDANTIC_MESSAGES as MESSAGES
from services.kit.errors import DomainError, FieldError, unprocessable
from services.projects.ledger.columns import HEADER_OF_FIELD, row_to_payload


@dataclass(frozen=True)
class RowProblem:
    """One bad cell (or row) of an uploaded ledger."""

    row: int
    column: str
    message: str


def _header(loc: tuple) -> str:
    if not loc:
        return "整行"
    key = f"beneficiaries.{loc[1]}" if loc[0] == "beneficiaries" and len(loc) > 1 else str(loc[0])
    return HEADER_OF_FIELD.get(key, key)


def _message(err: dict) -> str:
    if err.get("type") == "value_error":
        return str(err.get("ctx", {}).get("error", err.get("msg")))
    return MESSAGES.get(err.get("type", "")) or err.get("msg", "无效")


def validate_rows(rows: list[tuple[int, dict[str, Any]]], model: type[BaseModel],
                  fields: tuple[str, ...] | None = None) -> tuple[list[tuple[int, BaseModel]], list[RowProblem]]:
    """Each row as `model`, and every problem found (all rows are checked, not just up to the first bad one)."""
    good, problems = [], []
    for number, cells in rows:
        try:
            good.append((number, model.model_validate(row_to_payload(cells, fields))))
        except ValidationError as exc:
            problems += [RowProblem(number, _header(tuple(e["loc"])), _message(e)) for e in exc.errors()]
    return good, problems


def problem_of(number: int, error: DomainError) -> list[RowProblem]:
    """A domain refusal of one row as row problems."""
    if error.fields:
        return [RowProblem(number, HEADER_OF_FIELD.get(f.field, f.field), f.message) for f in error.fields]
    return [RowProblem(number, "整行", error.detail)]


def refuse(problems: list[RowProblem]) -> DomainError:
    """422 listing every bad row and field; nothing has been written."""
    rows = sorted({p.row for p in problems})
    return unprocessable(
        "ledger.invalid_rows", f"共 {len(rows)} 行有误（第 {'、'.join(map(str, rows))} 行），未导入任何数据",
        [FieldError(f"第{p.row}行·{p.column}", p.message) for p in problems],
        rows=[{"row": p.row, "column": p.column, "message": p.message} for p in problems])
