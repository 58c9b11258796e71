"""Lint a GraphQL schema (SDL): every element described, names in GraphQL's casing, no type the roots cannot reach.

`python -m devtools.schema_lint [openapi/gateway.graphql]` prints each problem and the described share; the test
tests/gateway/test_schema_lint.py runs the same rules over the committed schema.
"""
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from graphql import (
    GraphQLArgument,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    build_schema,
    get_named_type,
    is_introspection_type,
    is_specified_directive,
    is_specified_scalar_type,
)

from devtools.stack import ROOT

SCHEMA = ROOT / "openapi" / "gateway.graphql"
TYPE_NAME = re.compile(r"[A-Z][A-Za-z0-9]*")
FIELD_NAME = re.compile(r"[a-z][A-Za-z0-9]*")
ENUM_VALUE = re.compile(r"[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")


@dataclass(frozen=True)
class Element:
    """One thing a schema declares: a type, field, argument, input field, enum value or directive."""

    kind: str
    path: str  # Type, Type.field, Type.field(argument), Enum.VALUE, @directive(argument)
    name: str
    description: str | None


def own_types(schema: GraphQLSchema) -> list[GraphQLNamedType]:
    """The types the schema itself declares (not GraphQL's introspection types or built-in scalars)."""
    return [t for t in schema.type_map.values() if not is_introspection_type(t) and not is_specified_scalar_type(t)]


def _arguments(owner: str, arguments: dict[str, GraphQLArgument]) -> Iterator[Element]:
    for name, argument in arguments.items():
        yield Element("argument", f"{owner}({name})", name, argument.description)


def elements(schema: GraphQLSchema) -> Iterator[Element]:
    """Every element of the schema's own types and directives."""
    for named in own_types(schema):
        yield Element("type", named.name, named.name, named.description)
        if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            for name, field in named.fields.items():
                yield Element("field", f"{named.name}.{name}", name, field.description)
                yield from _arguments(f"{named.name}.{name}", field.args)
        elif isinstance(named, GraphQLInputObjectType):
            for name, input_field in named.fields.items():
                yield Element("field", f"{named.name}.{name}", name, input_field.description)
        elif isinstance(named, GraphQLEnumType):
            for name, value in named.values.items():
                yield Element("enum value", f"{named.name}.{name}", name, value.description)
    for directive in schema.directives:
        if not is_specified_directive(directive):
            yield Element("directive", f"@{directive.name}", directive.name, directive.description)
            yield from _arguments(f"@{directive.name}", directive.args)


def undescribed(schema: GraphQLSchema) -> list[str]:
    """Elements without a description (blank counts as none)."""
    return [f"{e.kind} {e.path}" for e in elements(schema) if not (e.description or "").strip()]


def misnamed(schema: GraphQLSchema) -> list[str]:
    """Elements not named PascalCase (types), camelCase (fields, arguments, directives) or UPPER_CASE (enum values)."""
    rules = {"type": TYPE_NAME, "field": FIELD_NAME, "argument": FIELD_NAME, "directive": FIELD_NAME,
             "enum value": ENUM_VALUE}
    return [f"{e.kind} {e.path}" for e in elements(schema) if not rules[e.kind].fullmatch(e.name)]


def _referenced(named: GraphQLNamedType, schema: GraphQLSchema) -> Iterator[GraphQLNamedType]:
    if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
        for field in named.fields.values():
            yield get_named_type(field.type)
            yield from (get_named_type(a.type) for a in field.args.values())
        yield from named.interfaces
    if isinstance(named, GraphQLInterfaceType):
        yield from schema.get_implementations(named).objects
    if isinstance(named, GraphQLInputObjectType):
        yield from (get_named_type(f.type) for f in named.fields.values())
    if isinstance(named, GraphQLUnionType):
        yield from named.types


def unused(schema: GraphQLSchema) -> list[str]:
    """The schema's own types that no root operation type (nor a directive's argument) reaches."""
    todo: list[GraphQLNamedType] = [t for t in (schema.query_type, schema.mutation_type, schema.subscription_type) if t]
    todo += [get_named_type(a.type) for d in schema.directives for a in d.args.values()]
    seen: set[str] = set()
    while todo:
        named = todo.pop()
        if named.name not in seen:
            seen.add(named.name)
            todo.extend(_referenced(named, schema))
    return sorted(f"type {t.name}" for t in own_types(schema) if t.name not in seen)


def problems(sdl: str) -> list[str]:
    """Every rule the schema breaks, one line each."""
    schema = build_schema(sdl)
    return ([f"undescribed {p}" for p in undescribed(schema)] + [f"misnamed {p}" for p in misnamed(schema)]
            + [f"unused {p}" for p in unused(schema)])


def main() -> int:
    """Print the problems of the schema file named (default openapi/gateway.graphql); exit 1 when there are any."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA
    sdl = path.read_text(encoding="utf-8")
    found = problems(sdl)
    print(*found, sep="\n")
    every = list(elements(build_schema(sdl)))
    described = sum(1 for e in every if (e.description or "").strip())
    print(f"{len(every)} elements, {described} described, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
