"""Does each GraphQL type show its contract model field for field? The check behind test_contract_agreement.py.

Each contract field must be a GraphQL field of the same name (camelCased) and of the type the contract says:
the same scalar, the same nullability, lists of the same items, a nested model as the GraphQL type paired with it,
an enum as the GraphQL enum of that very contract enum. A GraphQL type may differ only where `declared` says how,
and have fields of its own only where `links` names them (resolvers that reach another service).
"""
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from graphql import GraphQLObjectType, GraphQLSchema
from pydantic import BaseModel
from strawberry.utils.str_converters import to_camel_case as camel

SCALARS = {int: "Int", str: "String", bool: "Boolean", float: "Float", Decimal: "Decimal", date: "Date",
           datetime: "DateTime"}
Pairs = Mapping[str, type[BaseModel]]


def _named(annotation: Any, pairs: Pairs) -> str:
    if typing.get_origin(annotation) is typing.Annotated:
        return _named(typing.get_args(annotation)[0], pairs)
    if typing.get_origin(annotation) is typing.Literal:
        return "String" if all(isinstance(v, str) for v in typing.get_args(annotation)) else "<literal>"
    if typing.get_origin(annotation) in (list, tuple):
        return f"[{_expected(typing.get_args(annotation)[0], pairs)}]"
    if typing.get_origin(annotation) is dict or annotation is dict:
        return "JSON"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        definition = getattr(annotation, "__strawberry_definition__", None)
        return definition.name if definition else f"<{annotation.__name__} is no GraphQL enum>"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        paired = [name for name, model in pairs.items() if model is annotation]
        return paired[0] if paired else f"<{annotation.__name__} has no GraphQL type>"
    return SCALARS.get(annotation, f"<{annotation}>")


def _expected(annotation: Any, pairs: Pairs) -> str:
    """The GraphQL type a contract field's annotation calls for, as graphql-core prints it."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(options) == len(typing.get_args(annotation)):
            return f"<union {annotation}>"
        return _named(options[0], pairs) if len(options) == 1 else f"<union {annotation}>"
    return _named(annotation, pairs) + "!"


def disagreements(schema: GraphQLSchema, pairs: Pairs, declared: Mapping[tuple[str, str], str] | None = None,
                  links: Mapping[str, set[str]] | None = None) -> list[str]:
    """Every way a paired GraphQL type and its contract model differ, beyond the declared differences."""
    declared, links, found = declared or {}, links or {}, []
    for name, model in pairs.items():
        graphql_type = schema.get_type(name)
        if not isinstance(graphql_type, GraphQLObjectType):
            found.append(f"{name}: no such GraphQL object type")
            continue
        shown = dict(graphql_type.fields)
        for field, info in model.model_fields.items():
            gql_field = shown.pop(camel(field), None)
            if gql_field is None:
                found.append(f"{name}.{camel(field)}: in {model.__name__} only")
                continue
            actual, expected = str(gql_field.type), _expected(info.annotation, pairs)
            if actual != expected and declared.get((name, camel(field))) != actual:
                found.append(f"{name}.{camel(field)}: GraphQL {actual}, {model.__name__} {expected}")
            elif actual == expected and (name, camel(field)) in declared:
                found.append(f"{name}.{camel(field)}: declared different but agrees now")
        found += [f"{name}.{field}: in GraphQL only" for field in shown if field not in links.get(name, set())]
    return found
