"""Library entries as finished JSON text built by PostgreSQL (the lean read path, services/kit/lean.py).

The text is byte for byte what `project_read(row).model_dump_json()` gives (tests/projects/test_lean_read.py
compares them). row_to_json and array_to_json write compact JSON (json_build_object and json_agg would put
spaces after colons and commas), with keys in the order of the columns, which follow the contract model's fields;
strings escaped exactly as Pydantic escapes them, non-ASCII left as UTF-8, dates as `YYYY-MM-DD`, absent values
as null. What Pydantic writes in its own way is formatted here: decimals as strings as stored (numeric(18,2) keeps
its two places), UTC times as `…T…[.ffffff]Z`, labels from our constants. Stored content is taken as stored: it
passed the edge checks (stripped, clean text) when it was written.
"""
import json
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from contracts.projects import BudgetLineRead, ProjectRead
from services.kit.auth import Principal
from services.kit.counties import COUNTIES
from services.kit.lean_pool import LeanConnections
from services.projects.library.repository import scope_values
from services.projects.terms import CATEGORY_LABELS, STATUS_LABELS


def _quoted(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _moment(column: str) -> str:
    """A timestamptz as Pydantic writes a UTC datetime: microseconds only when there are any, and a Z."""
    utc = f"({column} AT TIME ZONE 'UTC')"
    return (f"(to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN date_trunc('second', {utc}) = {utc} "
            f"THEN '' ELSE to_char({utc}, '.US') END || 'Z')")


def _label(column: str, labels: Mapping[Any, str]) -> str:
    """The label of a stored code (constants of ours, so literals in the statement)."""
    cases = " ".join(f"WHEN {_quoted(str(code))} THEN {_quoted(label)}" for code, label in labels.items())
    return f"(CASE {column} {cases} END)"


def _columns(fields: Mapping[str, str], model: type[BaseModel]) -> str:
    """One `expression AS "field"` per field of the model, in its order: row_to_json's keys."""
    names = list(model.model_fields)
    if set(names) != set(fields):  # a field added to the contract must be added here too, or nothing starts
        raise RuntimeError(f"json_sql out of step with {model.__name__}: {set(names) ^ set(fields)}")
    return ", ".join(f'{fields[name]} AS {json.dumps(name)}' for name in names)


def _array(element: str, source: str, order: str) -> str:
    """A JSON array of `element` over the rows of `source` in `order`; [] when there are none."""
    return f"coalesce((SELECT array_to_json(array_agg({element} ORDER BY {order})) FROM {source}), '[]')"


_BUDGET_LINE = _columns({"source": "l.source", "year": "l.year", "amount": "l.amount::text"}, BudgetLineRead)
_TARGET = "t->>'indicator' AS indicator, t->>'unit' AS unit, t->>'target_value' AS target_value"
_FIELDS = {
    **{name: f"p.{name}" for name in (
        "id", "name", "county_code", "township", "village", "category", "owner_org", "status", "uses_fiscal_funds",
        "planned_start_year", "planned_end_year", "version", "returned_from", "notice_starts_on", "notice_ends_on",
        "library_code", "admitted_on", "plan_year", "started_on", "progress_percent", "last_progress_on",
        "completed_on", "accepted_on", "actual_households", "actual_people", "settled_on", "ended_on", "end_reason")},
    "county_name": _label("p.county_code", COUNTIES),
    "category_label": _label("p.category", CATEGORY_LABELS),
    "status_label": _label("p.status", STATUS_LABELS),
    "total_budget": "p.total_budget::text",
    "budget": _array("row_to_json(b)", f"project_budget_lines l, LATERAL (SELECT {_BUDGET_LINE}) b "
                     "WHERE l.project_id = p.id", "l.id"),
    "beneficiaries": ("(SELECT row_to_json(x) FROM (SELECT p.poor_households, p.poor_people, "
                      + _array("v", "json_array_elements_text(p.poor_villages) WITH ORDINALITY v(v, n)", "n")
                      + " AS poor_villages, p.mechanism AS description) x)"),
    "targets": _array("row_to_json(x)", f"json_array_elements(p.targets) WITH ORDINALITY t(t, n), "
                      f"LATERAL (SELECT {_TARGET}) x", "n"),
    "created_at": _moment("p.created_at"),
    "updated_at": _moment("p.updated_at"),
    "breach_rules": "array_to_json(array_remove(string_to_array(p.breach_rules, ','), ''))",
    "village_id": "p.village_id",
    **{name: _array("x.v::bigint", f"json_array_elements_text(p.{name}) WITH ORDINALITY x(v, n)", "x.n")
       for name in ("poor_village_ids", "natural_village_ids")},
}
# One entry's columns, shaped in a LATERAL subquery so that row_to_json sees only them.
_ENTRY = f"LATERAL (SELECT {_columns(_FIELDS, ProjectRead)}) e"

# The caller's scope, the rule of ProjectRepository.readable: $2 county (null: any), $3 owners only see $4's entries.
_SCOPE = "($2::text IS NULL OR p.county_code = $2) AND (NOT $3::boolean OR p.owner_org = $4::text)"
ONE = f"SELECT row_to_json(e)::text, p.version FROM projects p, {_ENTRY} WHERE p.id = $1 AND {_SCOPE}"
# The visible entries among $1, in the order asked, as the items of one page without a next cursor.
MANY = ("SELECT '{\"items\":[' || coalesce(string_agg(row_to_json(e)::text, ',' ORDER BY asked.n), '')"
        " || '],\"next_cursor\":null}' FROM unnest($1::bigint[]) WITH ORDINALITY asked(id, n)"
        f" JOIN projects p ON p.id = asked.id, {_ENTRY} WHERE {_SCOPE}")


class ProjectJson:
    """Reads of library entries as finished JSON, on the lean path's connections, starting from the caller's scope."""

    def __init__(self, pool: LeanConnections) -> None:
        self.pool = pool

    async def one(self, project_id: int, principal: Principal) -> tuple[str, int] | None:
        """One visible entry as ProjectRead JSON, with its version; None when unseen."""
        row = await self.pool.fetchrow(ONE, project_id, *scope_values(principal))
        return None if row is None else (row[0], row[1])

    async def many(self, ids: list[int], principal: Principal) -> str:
        """The visible entries among ids, in the order asked, as a Page of ProjectRead JSON."""
        return await self.pool.fetchval(MANY, ids, *scope_values(principal))  # type: ignore[no-any-return]
