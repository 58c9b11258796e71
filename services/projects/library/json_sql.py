"""Library entries as finished JSON text built by PostgreSQL (the lean read path, services/kit/lean.py).

The text is byte for byte what `project_read(row).model_dump_json()` gives (tests/projects/test_lean_read.py
compares them): compact separators, fields in ProjectRead's order, non-ASCII left as UTF-8, decimals as strings
as stored (numeric(18,2) keeps its two places), UTC times as `…T…[.ffffff]Z`, dates as `YYYY-MM-DD`, absent
values as null. The object is concatenated rather than made with json_build_object, whose text puts spaces
around every colon and comma. Strings go through to_json, which escapes exactly the characters Pydantic does.
Stored content is taken as stored: it passed the edge checks (stripped, clean text) when it was written.
"""
import json
from collections.abc import Mapping

import asyncpg

from contracts.projects import BudgetLineRead, ProjectRead
from services.kit.auth import Principal
from services.kit.counties import COUNTIES
from services.projects.library.repository import scope_values
from services.projects.terms import CATEGORY_LABELS, STATUS_LABELS


def _quoted(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _key(name: str) -> str:
    return json.dumps(name)


def _string(column: str) -> str:
    return f"coalesce(to_json({column})::text, 'null')"


def _number(column: str) -> str:
    return f"coalesce({column}::text, 'null')"


def _decimal(column: str) -> str:
    return f"('\"' || {column}::text || '\"')"


def _date(column: str) -> str:
    return f"coalesce('\"' || to_char({column}, 'YYYY-MM-DD') || '\"', 'null')"


def _moment(column: str) -> str:
    """A timestamptz as Pydantic writes a UTC datetime: microseconds only when there are any, and a Z."""
    utc = f"({column} AT TIME ZONE 'UTC')"
    return (f"('\"' || to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE WHEN date_trunc('second', {utc}) = {utc} "
            f"THEN '' ELSE to_char({utc}, '.US') END || 'Z\"')")


def _label(column: str, labels: Mapping[str, str]) -> str:
    """The JSON string of a label looked up by a stored code (constants of ours, so literals in the statement)."""
    cases = " ".join(f"WHEN {_quoted(str(code))} THEN {_quoted(json.dumps(label, ensure_ascii=False))}"
                     for code, label in labels.items())
    return f"(CASE {column} {cases} END)"


def _array(element: str, source: str) -> str:
    """A JSON array of one element expression per row of `source` (which numbers its rows n), in that order."""
    return f"('[' || coalesce((SELECT string_agg({element}, ',' ORDER BY n) FROM {source}), '') || ']')"


def _object(fields: Mapping[str, str], model: type) -> str:
    """The JSON object of `model` from one SQL expression per field, in the model's field order."""
    names = list(model.model_fields)  # type: ignore[attr-defined]
    if set(names) != set(fields):  # a field added to the contract must be added here too, or nothing starts
        raise RuntimeError(f"json_sql out of step with {model.__name__}: {set(names) ^ set(fields)}")
    parts = [f"'{'{' if i == 0 else ','}{_key(name)}:' || {fields[name]}" for i, name in enumerate(names)]
    return "(" + " || ".join(parts) + " || '}')"


_BUDGET_LINE = _object({"source": _string("b.source"), "year": _number("b.year"), "amount": _decimal("b.amount")},
                       BudgetLineRead)
_TARGET = ("('{\"indicator\":' || to_json(t->>'indicator')::text || ',\"unit\":' || to_json(t->>'unit')::text"
           " || ',\"target_value\":' || to_json(t->>'target_value')::text || '}')")
_LIFE_DATES = ("notice_starts_on", "notice_ends_on", "admitted_on", "started_on", "last_progress_on", "completed_on",
               "accepted_on", "settled_on", "ended_on")

_FIELDS = {
    "id": "p.id::text",
    "name": _string("p.name"),
    "county_code": _string("p.county_code"),
    "county_name": _label("p.county_code", COUNTIES),
    "township": _string("p.township"),
    "village": _string("p.village"),
    "category": _string("p.category"),
    "category_label": _label("p.category", CATEGORY_LABELS),
    "owner_org": _string("p.owner_org"),
    "status": _string("p.status"),
    "status_label": _label("p.status", STATUS_LABELS),
    "uses_fiscal_funds": "(CASE WHEN p.uses_fiscal_funds THEN 'true' ELSE 'false' END)",
    "total_budget": _decimal("p.total_budget"),
    "budget": _array(_BUDGET_LINE, "(SELECT b.*, b.id AS n FROM project_budget_lines b WHERE b.project_id = p.id) b"),
    "beneficiaries": ("('{\"poor_households\":' || p.poor_households || ',\"poor_people\":' || p.poor_people"
                      " || ',\"poor_villages\":' || "
                      + _array("to_json(v)::text", "json_array_elements_text(p.poor_villages) WITH ORDINALITY v(v, n)")
                      + " || ',\"description\":' || to_json(p.mechanism)::text || '}')"),
    "targets": _array(_TARGET, "json_array_elements(p.targets) WITH ORDINALITY t(t, n)"),
    "planned_start_year": "p.planned_start_year::text",
    "planned_end_year": "p.planned_end_year::text",
    "version": "p.version::text",
    "created_at": _moment("p.created_at"),
    "updated_at": _moment("p.updated_at"),
    "returned_from": _string("p.returned_from"),
    "library_code": _string("p.library_code"),
    "plan_year": _number("p.plan_year"),
    "progress_percent": "p.progress_percent::text",
    "actual_households": _number("p.actual_households"),
    "actual_people": _number("p.actual_people"),
    "end_reason": _string("p.end_reason"),
    "breach_rules": _array("to_json(r)::text",
                           "unnest(string_to_array(p.breach_rules, ',')) WITH ORDINALITY r(r, n) WHERE r <> ''"),
    **{name: _date(f"p.{name}") for name in _LIFE_DATES},
}
PROJECT_JSON = _object(_FIELDS, ProjectRead)

# The caller's scope, the rule of ProjectRepository.readable: $2 county (null: any), $3 owners only see $4's entries.
_SCOPE = "($2::text IS NULL OR p.county_code = $2) AND (NOT $3::boolean OR p.owner_org = $4::text)"
ONE = f"SELECT {PROJECT_JSON} AS body, p.version FROM projects p WHERE p.id = $1 AND {_SCOPE}"
# The visible entries among $1, in the order asked, as the items of one page without a next cursor.
MANY = (f"SELECT '{{\"items\":[' || coalesce(string_agg({PROJECT_JSON}, ',' ORDER BY asked.n), '')"
        f" || '],\"next_cursor\":null}}' FROM unnest($1::bigint[]) WITH ORDINALITY asked(id, n)"
        f" JOIN projects p ON p.id = asked.id WHERE {_SCOPE}")


class ProjectJson:
    """Reads of library entries as finished JSON, on the lean path's asyncpg pool, starting from the caller's scope."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def one(self, project_id: int, principal: Principal) -> tuple[str, int] | None:
        """One visible entry as ProjectRead JSON, with its version; None when unseen."""
        row = await self.pool.fetchrow(ONE, project_id, *scope_values(principal))
        return None if row is None else (row[0], row[1])

    async def many(self, ids: list[int], principal: Principal) -> str:
        """The visible entries among ids, in the order asked, as a Page of ProjectRead JSON."""
        return await self.pool.fetchval(MANY, ids, *scope_values(principal))  # type: ignore[no-any-return]
